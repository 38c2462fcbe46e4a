/**
 * The MegaMart simulation: an omnichannel retailer in Singapore (50 stores, a website and an app)
 * over 2023-2024, from a generative model whose true parameters are kept (parameters.ts), as the
 * raw exports of its systems (schema.ts), noise included (noise.ts).
 *
 *   members      simulateMembers.ts   acquisition by channel and spend (true CAC), planted segments,
 *                                     BG/NBD behaviour (λ, p), planted churn drivers
 *   purchases    simulatePurchases.ts when and where members and guests buy (seasons, promotions)
 *   campaigns    simulateCampaigns.ts randomised tests with heterogeneous true effects, funnels
 *   baskets      simulateBaskets.ts   lines, prices, promotions, returns
 *
 * Scale changes the number of members (and so every row count), never the window or the story.
 * Rows per raw table, seed 42 (other seeds differ by a few percent; counts include the planted
 * duplicates; `npx tsx data-loaders/megamart/counts.ts` prints them):
 *
 *   table                  tiny      small     default       large
 *   stores                   50         50          50          50
 *   products                320        320         320         320
 *   customers             1,562      6,076      20,450     102,133
 *   orders               15,311     57,864     195,494     980,001
 *   order_items          61,145    227,725     780,436   3,921,123
 *   returns               2,405      9,824      31,785     160,477
 *   promotions               38         38          38          38
 *   campaigns                 9          9           9           9
 *   campaign_assignments  3,156     11,999      39,843     201,174
 *   campaign_events       4,662     18,231      60,312     302,892
 *   marketing_spend       3,698      3,698       3,698       3,698
 *   (members)             1,542      5,993      20,161     100,600
 */
import {byScale, type BuildOptions, type Scale} from "../shared/options.js";
import {Random} from "../shared/random.js";
import {formatIsoDate} from "../shared/schema.js";
import type {TableColumns} from "../shared/validate.js";
import {DAYS, START_DAY} from "./calendar.js";
import {buildCatalog, buildPromotions} from "./catalog.js";
import {PLANNING_AREAS, STORE_SITES, FORMAT_SIZE, planningArea} from "./geography.js";
import {ACQUISITION_CHANNEL_VARIANTS, CATEGORY_VARIANTS, EVENT_TYPE_VARIANTS, ORDER_CHANNEL_VARIANTS, REGION_VARIANTS, pickVariant, vary, withDuplicates} from "./noise.js";
import {CAMPAIGNS, FUNNEL, NOISE, SEGMENTS} from "./parameters.js";
import {ACQUISITION_CHANNELS, CATEGORIES, ORDER_CHANNELS} from "./schema.js";
import {materialize, type RawTable} from "./chunkedTable.js";
import {orderItemsAndReturns} from "./orderItemsTable.js";
import {orderValueEstimator, simulateBaskets} from "./simulateBaskets.js";
import {simulateCampaigns} from "./simulateCampaigns.js";
import {simulateAcquisition, simulateMembers, type Members} from "./simulateMembers.js";
import {memberDemand, simulateGuestPurchases, simulateMemberPurchases, type OrderLog} from "./simulatePurchases.js";

/** Expected members acquired over the two years, per scale. */
export const MEMBERS_PER_SCALE: Record<Scale, number> = {tiny: 1_500, small: 6_000, default: 20_000, large: 100_000};
/** Guest orders per day across all stores and the website, per member of the scale. */
export const GUEST_ORDERS_PER_MEMBER_DAY = 0.005;

/** What the simulation knows and the data does not say: the truth the pages and tests compare with. */
export interface MegaMartTruth {
  members: {
    customerId: string[];
    segment: string[];
    acquisitionChannel: string[];
    /** Purchase rate while alive, per week. */
    weeklyRate: number[];
    dropout: number[];
    /** Day (ISO) of the purchase after which the member dropped out; null if alive at the end. */
    dropDate: (string | null)[];
    highReturner: boolean[];
    appUser: boolean[];
    loyaltyTier: boolean[];
    /** Expected value of one order at list prices (SGD). */
    expectedOrderValue: number[];
  };
  assignments: {
    campaignId: string[];
    customerId: string[];
    variant: string[];
    /** True effect of the member's arm on P(buy within the window) (0 for control). */
    trueEffect: number[];
    /** The member's true effects were they sent variant A or B (P(delivered) · alive · τ · (1 − q)). */
    effectIfA: number[];
    effectIfB: number[];
    lostFromExport: boolean[];
  };
  /** Incremental orders caused by each campaign (count), by campaign id. */
  incrementalOrders: Record<string, number>;
}

export interface MegaMartSimulation {
  tables: Map<string, TableColumns>;
  truth: MegaMartTruth;
}

/** The simulation with its biggest tables chunked (chunkedTable.ts), as the loader streams them into DuckDB. */
export interface ChunkedMegaMartSimulation {
  tables: Map<string, RawTable>;
  truth: MegaMartTruth;
}

const pad = (n: number, width: number) => String(n).padStart(width, "0");
const dateOf = (day: number) => START_DAY + day; // days since epoch
const tsOf = (day: number, minute: number) => (START_DAY + day) * 86_400_000 + minute * 60_000;

const GIVEN = ["wei", "jun", "hui", "min", "siti", "nur", "aisha", "ravi", "priya", "arjun", "kumar", "li", "ming", "xin", "jia", "ahmad", "farah", "daniel", "rachel", "sarah", "ethan", "chloe", "marcus", "grace", "hafiz", "kavya", "shawn", "tiffany", "zhi", "yong"];
const FAMILY = ["tan", "lim", "lee", "ng", "ong", "wong", "goh", "chua", "chan", "koh", "teo", "ang", "yeo", "tay", "ho", "low", "toh", "sim", "rahman", "ismail", "abdullah", "kumar", "nair", "singh", "pillai", "fernandez", "lau", "chong", "foo", "seah"];
const DOMAINS = ["gmail.com", "yahoo.com.sg", "hotmail.com", "singnet.com.sg", "outlook.com"];

function membersTable(members: Members, random: Random): TableColumns {
  const rnd = random.fork("member-rows");
  const t: TableColumns = {customer_id: [], email: [], gender: [], birth_year: [], home_planning_area: [], acquisition_channel: [], acquisition_date: [], loyalty_tier_member: [], app_user: [], email_opt_in: [], sms_opt_in: [], push_opt_in: []};
  for (let i = 0; i < members.n; i++) {
    t.customer_id.push(`M${pad(i + 1, 6)}`);
    t.email.push(rnd.uniform() < 0.02 ? null : `${rnd.pick(GIVEN)}.${rnd.pick(FAMILY)}${rnd.int(1000)}@${rnd.pick(DOMAINS)}`);
    t.gender.push(members.female[i] ? "F" : "M");
    t.birth_year.push(members.birthYear[i]);
    t.home_planning_area.push(PLANNING_AREAS[members.homeArea[i]].name);
    t.acquisition_channel.push(ACQUISITION_CHANNELS[members.channel[i]]);
    t.acquisition_date.push(dateOf(members.acquisitionDay[i]));
    t.loyalty_tier_member.push(members.loyaltyTier[i] === 1);
    t.app_user.push(members.appUser[i] === 1);
    t.email_opt_in.push(members.emailOptIn[i] === 1);
    t.sms_opt_in.push(members.smsOptIn[i] === 1);
    t.push_opt_in.push(members.pushOptIn[i] === 1);
  }
  // Noise: case and spaces in e-mails, gender coded as words or left out, impossible birth years,
  // acquisition channels spelled differently, and the CRM exporting some members twice.
  const n = random.fork("noise-customers");
  t.email = vary(t.email as (string | null)[], NOISE.customerEmailCase, n, (e) => (n.bernoulli(0.5) ? e!.toUpperCase() : ` ${e} `));
  t.gender = (t.gender as string[]).map((g) => {
    const u = n.uniform();
    if (u < NOISE.customerGenderMissing) return n.bernoulli(0.8) ? null : "U";
    if (u < NOISE.customerGenderMissing + NOISE.customerGenderWords) return g === "F" ? n.pick(["female", "Female"]) : n.pick(["male", "Male"]);
    return g;
  });
  t.birth_year = vary(t.birth_year as number[], NOISE.customerBadBirthYear, n, () => n.pick([1900, 1901, 1111, 2024, 2030]));
  t.acquisition_channel = vary(t.acquisition_channel as string[], NOISE.customerChannelVariants, n, (c) => n.pick(ACQUISITION_CHANNEL_VARIANTS(c)));
  return withDuplicates(t, NOISE.customerDuplicates, n);
}

/** The raw tables, every one whole, and the truth. */
export function simulateMegaMartWithTruth(options: Pick<BuildOptions, "seed" | "scale">): MegaMartSimulation {
  const {tables, truth} = simulateMegaMartChunked(options);
  return {tables: new Map([...tables].map(([name, table]) => [name, materialize(table)])), truth};
}

/** The raw tables, order_items chunked (built a few thousand rows at a time when read), and the truth. */
export function simulateMegaMartChunked({seed, scale}: Pick<BuildOptions, "seed" | "scale">): ChunkedMegaMartSimulation {
  const random = new Random(seed).fork("megamart");
  const expectedMembers = byScale(MEMBERS_PER_SCALE, scale);
  const products = buildCatalog(random.fork("catalog"));
  const promotions = buildPromotions();

  const {perDay, spend} = simulateAcquisition(random, expectedMembers);
  const members = simulateMembers(random, perDay);
  const demand = memberDemand(promotions);
  const log: OrderLog = {member: [], day: [], minute: [], channel: [], store: [], campaign: []};
  const purchases = simulateMemberPurchases(random, members, demand, log);
  const campaigns = simulateCampaigns(random, members, purchases, demand, log);
  simulateGuestPurchases(random, GUEST_ORDERS_PER_MEMBER_DAY * expectedMembers, log);

  // Orders in time order get their ids; baskets follow that order.
  const order = Array.from({length: log.day.length}, (_, k) => k).sort((a, b) => log.day[a] - log.day[b] || log.minute[a] - log.minute[b] || a - b);
  const sorted = {
    member: Int32Array.from(order, (k) => log.member[k]),
    day: Int32Array.from(order, (k) => log.day[k]),
    channel: Uint8Array.from(order, (k) => log.channel[k])
  };
  const lines = simulateBaskets(random, sorted, members, products, promotions);
  const orderId = (o: number) => `O${pad(o + 1, 8)}`;
  const memberId = (i: number) => `M${pad(i + 1, 6)}`;

  const tables = new Map<string, RawTable>();
  const noise = (label: string) => random.fork(`noise-${label}`);

  // stores
  {
    const r = noise("stores");
    const t: TableColumns = {store_id: [], store_name: [], region: [], planning_area: [], format: [], size_sqft: [], opened_date: [], latitude: [], longitude: []};
    for (const s of STORE_SITES) {
      const area = planningArea(s.planningArea);
      t.store_id.push(s.id);
      t.store_name.push(s.name);
      t.region.push(r.uniform() < NOISE.storeRegionVariants ? r.pick(REGION_VARIANTS[area.region]) : area.region);
      t.planning_area.push(r.uniform() < NOISE.storeAreaCase ? (r.bernoulli(0.5) ? area.name.toUpperCase() : ` ${area.name.toLowerCase()}`) : area.name);
      t.format.push(s.format);
      t.size_sqft.push(Math.round((FORMAT_SIZE[s.format] * r.between(0.8, 1.2)) / 100) * 100);
      t.opened_date.push(START_DAY + Math.round((Date.parse(s.opened) / 86_400_000) - START_DAY));
      t.latitude.push(Math.round((area.latitude + s.dLat) * 10000) / 10000);
      t.longitude.push(Math.round((area.longitude + s.dLon) * 10000) / 10000);
    }
    tables.set("stores", t);
  }
  // products
  {
    const r = noise("products");
    tables.set("products", {
      product_id: products.map((p) => p.id),
      product_name: products.map((p) => p.name),
      category: products.map((p) => (r.uniform() < NOISE.productCategoryVariants ? r.pick(CATEGORY_VARIANTS[p.category]) : p.category)),
      subcategory: products.map((p) => p.subcategory),
      brand: products.map((p) => p.brand),
      list_price: products.map((p) => p.listPrice),
      unit_cost: products.map((p) => (r.uniform() < NOISE.productMissingCost ? null : p.unitCost))
    });
  }
  tables.set("customers", membersTable(members, random));
  // orders, with staff test orders mixed in
  const testOrders: {after: number; customer: string}[] = [];
  {
    const r = noise("orders");
    const t: TableColumns = {order_id: [], customer_id: [], store_id: [], channel: [], order_ts: []};
    const minute = Int32Array.from(order, (k) => log.minute[k]);
    const store = Int32Array.from(order, (k) => log.store[k]);
    for (let o = 0; o < order.length; o++) {
      t.order_id.push(orderId(o));
      t.customer_id.push(sorted.member[o] >= 0 ? memberId(sorted.member[o]) : null);
      t.store_id.push(store[o] >= 0 ? STORE_SITES[store[o]].id : null);
      const channel = ORDER_CHANNELS[sorted.channel[o]];
      t.channel.push(r.uniform() < NOISE.orderChannelVariants ? r.pick(ORDER_CHANNEL_VARIANTS[channel]) : channel);
      t.order_ts.push(tsOf(sorted.day[o], minute[o]));
      if (r.uniform() < NOISE.testOrders) {
        const id = `T${pad(testOrders.length + 1, 8)}`;
        testOrders.push({after: o, customer: `TEST${pad(1 + r.int(5), 4)}`});
        t.order_id.push(id);
        t.customer_id.push(testOrders[testOrders.length - 1].customer);
        t.store_id.push(null);
        t.channel.push("web");
        t.order_ts.push(tsOf(sorted.day[o], minute[o]) + 60_000);
      }
    }
    tables.set("orders", withDuplicates(t, NOISE.orderDuplicates, r));
  }
  // order lines (with the test orders' lines, chunked: the biggest table), returns
  {
    const {orderItems, returns} = orderItemsAndReturns(lines, products, promotions, testOrders, noise("order-items"));
    tables.set("order_items", orderItems);
    tables.set("returns", returns);
  }
  tables.set("promotions", {
    promo_id: promotions.map((p) => p.id),
    promo_name: promotions.map((p) => p.name),
    start_date: promotions.map((p) => Date.parse(p.start) / 86_400_000),
    end_date: promotions.map((p) => Date.parse(p.end) / 86_400_000),
    category: promotions.map((p) => p.category),
    scope: promotions.map((p) => p.scope),
    discount_pct: promotions.map((p) => p.discount)
  });
  tables.set("campaigns", {
    campaign_id: CAMPAIGNS.map((c) => c.id),
    campaign_name: CAMPAIGNS.map((c) => c.name),
    channel: CAMPAIGNS.map((c) => c.channel),
    send_date: CAMPAIGNS.map((c) => Date.parse(c.sendDate) / 86_400_000),
    window_days: CAMPAIGNS.map((c) => c.windowDays),
    offer_a: CAMPAIGNS.map((c) => c.offerA),
    offer_b: CAMPAIGNS.map((c) => c.offerB),
    discount_a: CAMPAIGNS.map((c) => c.discountA),
    discount_b: CAMPAIGNS.map((c) => c.discountB),
    control_share: CAMPAIGNS.map((c) => c.controlShare),
    cost_per_send: CAMPAIGNS.map((c) => c.costPerSend),
    audience: CAMPAIGNS.map((c) => c.audience)
  });
  {
    const t: TableColumns = {campaign_id: [], customer_id: [], variant: [], assigned_ts: []};
    for (const a of campaigns.assignments) {
      if (a.lost) continue;
      t.campaign_id.push(CAMPAIGNS[a.campaign].id);
      t.customer_id.push(memberId(a.member));
      t.variant.push(a.variant);
      t.assigned_ts.push(tsOf(Date.parse(CAMPAIGNS[a.campaign].sendDate) / 86_400_000 - START_DAY, a.minute));
    }
    tables.set("campaign_assignments", t);
  }
  {
    const r = noise("campaign-events");
    const t: TableColumns = {event_id: [], campaign_id: [], customer_id: [], event_type: [], event_ts: []};
    campaigns.events.forEach((e, k) => {
      t.event_id.push(`EV${pad(k + 1, 8)}`);
      t.campaign_id.push(CAMPAIGNS[e.campaign].id);
      t.customer_id.push(memberId(e.member));
      t.event_type.push(r.uniform() < NOISE.eventTypeVariants ? r.pick(EVENT_TYPE_VARIANTS[e.type]) : e.type);
      t.event_ts.push(START_DAY * 86_400_000 + e.time * 60_000);
    });
    tables.set("campaign_events", withDuplicates(t, NOISE.eventDuplicates, r));
  }
  tables.set(
    "marketing_spend",
    withDuplicates({date: spend.map((s) => dateOf(s.day)), channel: spend.map((s) => s.channel), spend: spend.map((s) => s.spend)}, NOISE.spendDuplicates, noise("spend"))
  );

  const incrementalOrders: Record<string, number> = Object.fromEntries(CAMPAIGNS.map((c) => [c.id, 0]));
  for (const c of log.campaign) if (c >= 0) incrementalOrders[CAMPAIGNS[c].id]++;
  const expectedValue = orderValueEstimator(members, products);
  const dropDate = Array.from(members.dropout, (_, i) => (Number.isFinite(purchases.dropDay[i]) ? formatIsoDate(dateOf(purchases.dropDay[i])) : null));
  const truth: MegaMartTruth = {
    members: {
      customerId: Array.from({length: members.n}, (_, i) => memberId(i)),
      segment: Array.from(members.segment, (s) => SEGMENTS[s]),
      acquisitionChannel: Array.from(members.channel, (c) => ACQUISITION_CHANNELS[c]),
      weeklyRate: Array.from(members.dailyRate, (r) => r * 7),
      dropout: Array.from(members.dropout),
      dropDate,
      highReturner: Array.from(members.highReturner, Boolean),
      appUser: Array.from(members.appUser, Boolean),
      loyaltyTier: Array.from(members.loyaltyTier, Boolean),
      expectedOrderValue: Array.from({length: members.n}, (_, i) => expectedValue(i))
    },
    assignments: {
      campaignId: campaigns.assignments.map((a) => CAMPAIGNS[a.campaign].id),
      customerId: campaigns.assignments.map((a) => memberId(a.member)),
      variant: campaigns.assignments.map((a) => a.variant),
      trueEffect: campaigns.assignments.map((a) => a.trueEffect),
      effectIfA: campaigns.assignments.map((a) => (a.alive ? FUNNEL[CAMPAIGNS[a.campaign].channel].delivered * a.tauA * (1 - a.q) : 0)),
      effectIfB: campaigns.assignments.map((a) => (a.alive ? FUNNEL[CAMPAIGNS[a.campaign].channel].delivered * a.tauB * (1 - a.q) : 0)),
      lostFromExport: campaigns.assignments.map((a) => a.lost)
    },
    incrementalOrders
  };
  void DAYS;
  void CATEGORIES;
  return {tables, truth};
}

/** The raw tables only (the signature loadRawTables expects). */
export function simulateMegaMart(options: Pick<BuildOptions, "seed" | "scale">): Map<string, TableColumns> {
  return simulateMegaMartWithTruth(options).tables;
}
