/**
 * Alyce's operational tables (clients, gift catalogue, services, recipients, sends, per-client
 * facts) simulated so that the sends add up, week by week, to the gifting revenue the market mix
 * simulation produced: the model's sales series and the business's own tables tell one story.
 *
 * The loader gets the weekly revenue from the media simulation (`simulateClientTables`: the same
 * seed and WEEKS_PER_SCALE weeks as the market mix loader), so the sends add up to the sales the
 * model explains. Sends follow revenue, not the number of clients: about 1,800 sends a week.
 *
 *   scale     clients   recipients   gifts   sends (weeks)        seed 42, measured
 *   tiny          40          520      84     290,315 (156)
 *   small        150        1,857      84     264,862 (156)
 *   default      400        4,893      84     369,907 (208)
 *   large      2,000       25,390      84     818,743 (416)
 */
import type {BuildOptions, Scale} from "../shared/options.js";
import {createFaker, Random} from "../shared/random.js";
import {DAY_MS, parseIsoDate} from "../shared/schema.js";
import type {TableColumns} from "../shared/validate.js";
import {FIRST_WEEK, WEEKS_PER_SCALE} from "./media-scale.js";
import {simulateMediaWeeks} from "./simulate-media.js";
import {GIFT_TYPES, INDUSTRIES, REGIONS, RELATIONSHIPS, SENIORITIES, SIZE_BANDS} from "./schema.js";

export const CLIENTS_PER_SCALE: Record<Scale, number> = {tiny: 40, small: 150, default: 400, large: 2000};

/** The services and the fee Alyce keeps on each (true values of the simulation). */
export const SERVICES = [
  {id: "SV1", name: "One-to-one gifting", fee: 0.18},
  {id: "SV2", name: "Swag Select", fee: 0.12},
  {id: "SV3", name: "Gift Marketplace", fee: 0.15},
  {id: "SV4", name: "Event gifting", fee: 0.2},
  {id: "SV5", name: "Direct mail", fee: 0.1}
] as const;

/** Typical unit price (USD, log-normal median) and bulk-order tendency per gift type. */
const GIFT_PRICE: Record<(typeof GIFT_TYPES)[number], {median: number; bulk: number}> = {
  Gourmet: {median: 65, bulk: 0.05},
  Swag: {median: 22, bulk: 0.6},
  Experience: {median: 140, bulk: 0.02},
  "Charity donation": {median: 50, bulk: 0.05},
  Tech: {median: 110, bulk: 0.1},
  Wellness: {median: 55, bulk: 0.05},
  Books: {median: 28, bulk: 0.2}
};

/** How long a client keeps sending after signing up: exponential, mean in days (true value). */
export const MEAN_CLIENT_LIFETIME_DAYS = 4 * 365;

/** Chance that a client sends anything in a given month, by size band (true values; larger clients gift every month). */
export const MONTHLY_ACTIVITY_BY_SIZE = [0.45, 0.6, 0.75, 0.88, 0.95];

/** How often each kind of recipient is picked (relationship × seniority weights multiply; true values). */
export const RECIPIENT_WEIGHT = {
  relationship: {Prospect: 1.4, Customer: 1.2, Employee: 0.6, Partner: 1} as Record<string, number>,
  seniority: {"Individual contributor": 1, Manager: 1.3, Director: 1.8, VP: 2.5, "C-level": 3.2} as Record<string, number>
};

/** Gift-type tilts by recipient: senior people get experiences and tech, employees swag and wellness (multiply the client's own taste). */
function typeTilt(relationship: string, seniority: string): number[] {
  const tilt: Record<string, number> = {};
  if (seniority === "VP" || seniority === "C-level") Object.assign(tilt, {Experience: 2.5, Tech: 2, Gourmet: 1.5, Swag: 0.3});
  if (relationship === "Employee") Object.assign(tilt, {Swag: (tilt.Swag ?? 1) * 2.5, Wellness: 2, Experience: (tilt.Experience ?? 1) * 0.5});
  if (relationship === "Prospect") tilt.Gourmet = (tilt.Gourmet ?? 1) * 1.5;
  return GIFT_TYPES.map((t) => tilt[t] ?? 1);
}

/** Bulk orders (team swag, a box of books) go to employees more, rarely to executives: multiplies the gift type's bulk chance. */
export const BULK_FACTOR = (relationship: string, seniority: string): number => (seniority === "VP" || seniority === "C-level" ? 0.2 : relationship === "Employee" ? 1.5 : 1);

export interface WeeklyRevenue {
  /** First day of the week, in days since 1970-01-01. */
  weekStart: number;
  /** Gifting revenue of the week (USD). */
  revenue: number;
}

export function simulateGifting({seed, scale, weeks}: {seed: number; scale: Scale; weeks: readonly WeeklyRevenue[]}): Map<string, TableColumns> {
  if (weeks.length === 0) throw new Error("simulateGifting: no weeks of revenue to distribute");
  const root = new Random(seed).fork("alyce-clients");
  const faker = createFaker(root.fork("faker"));
  const first = weeks[0].weekStart;
  const last = weeks[weeks.length - 1].weekStart + 6;

  // Services.
  const services: TableColumns = {service_id: SERVICES.map((s) => s.id), service_name: SERVICES.map((s) => s.name), platform_fee_rate: SERVICES.map((s) => s.fee)};

  // Gift catalogue: about 12 gifts per type from a pool of vendors.
  const giftRandom = root.fork("gifts");
  const vendors = Array.from({length: 25}, () => faker.company.name());
  const gifts: TableColumns = {gift_id: [], gift_name: [], gift_type: [], vendor: [], price: []};
  const giftsByType = new Map<string, number[]>();
  for (const type of GIFT_TYPES) {
    const list: number[] = [];
    for (let k = 0; k < 12; k++) {
      const index = gifts.gift_id.length;
      list.push(index);
      gifts.gift_id.push(`G${String(index + 1).padStart(4, "0")}`);
      gifts.gift_name.push(`${faker.commerce.productAdjective()} ${type === "Charity donation" ? "donation" : faker.commerce.product().toLowerCase()}`);
      gifts.gift_type.push(type);
      gifts.vendor.push(giftRandom.pick(vendors));
      gifts.price.push(Math.round(GIFT_PRICE[type].median * giftRandom.logNormal(0, 0.35) * 100) / 100);
    }
    giftsByType.set(type, list);
  }

  // Clients: most signed up before the period, the rest during it.
  const clientRandom = root.fork("clients");
  const nClients = CLIENTS_PER_SCALE[scale];
  const clients: TableColumns = {client_id: [], company_name: [], industry: [], size_band: [], region: [], signup_date: []};
  const clientService: number[] = [];
  const clientWeight: number[] = [];
  const clientTypePreference: number[][] = [];
  const clientChurn: number[] = [];
  const clientActivity: number[] = [];
  for (let i = 0; i < nClients; i++) {
    const size = clientRandom.weightedIndex([0.2, 0.3, 0.25, 0.15, 0.1]);
    const before = clientRandom.bernoulli(0.55);
    const signup = before ? first - clientRandom.intBetween(30, 900) : clientRandom.intBetween(first, last - 30);
    clients.client_id.push(`C${String(i + 1).padStart(5, "0")}`);
    clients.company_name.push(faker.company.name());
    clients.industry.push(clientRandom.pickWeighted(INDUSTRIES, [0.3, 0.14, 0.1, 0.1, 0.14, 0.08, 0.07, 0.07]));
    clients.size_band.push(SIZE_BANDS[size]);
    clients.region.push(clientRandom.pickWeighted(REGIONS, [0.62, 0.22, 0.1, 0.06]));
    clients.signup_date.push(signup);
    clientService.push(clientRandom.weightedIndex([0.4, 0.2, 0.2, 0.12, 0.08]));
    clientWeight.push([1, 2.5, 6, 14, 30][size] * clientRandom.logNormal(0, 0.6));
    clientTypePreference.push(GIFT_TYPES.map(() => clientRandom.gamma(1.5)));
    clientChurn.push(signup + Math.round(clientRandom.exponential(1 / MEAN_CLIENT_LIFETIME_DAYS)));
    clientActivity.push(MONTHLY_ACTIVITY_BY_SIZE[size]);
  }

  // Recipients: about a dozen per client, more for larger clients.
  const recipientRandom = root.fork("recipients");
  const recipients: TableColumns = {recipient_id: [], client_id: [], relationship: [], seniority: [], country: []};
  const recipientsOf: number[][] = [];
  const recipientWeightsOf: number[][] = [];
  const recipientTilt: number[][] = [];
  const bulkFactor: number[] = [];
  const countries: Record<string, string[]> = {"North America": ["US", "US", "US", "CA"], EMEA: ["GB", "DE", "FR", "NL", "IE"], APAC: ["AU", "SG", "JP", "IN"], LATAM: ["BR", "MX", "AR", "CO"]};
  for (let i = 0; i < nClients; i++) {
    const n = 3 + recipientRandom.poisson(Math.min(60, 4 * Math.sqrt(clientWeight[i])));
    const list: number[] = [];
    for (let k = 0; k < n; k++) {
      const index = recipients.recipient_id.length;
      list.push(index);
      recipients.recipient_id.push(`R${String(index + 1).padStart(6, "0")}`);
      recipients.client_id.push(clients.client_id[i]);
      recipients.relationship.push(recipientRandom.pickWeighted(RELATIONSHIPS, [0.5, 0.3, 0.12, 0.08]));
      recipients.seniority.push(recipientRandom.pickWeighted(SENIORITIES, [0.3, 0.3, 0.2, 0.13, 0.07]));
      recipients.country.push(recipientRandom.pick(countries[clients.region[i] as string]));
    }
    recipientsOf.push(list);
    recipientWeightsOf.push(list.map((r) => RECIPIENT_WEIGHT.relationship[recipients.relationship[r] as string] * RECIPIENT_WEIGHT.seniority[recipients.seniority[r] as string]));
    for (const r of list) {
      recipientTilt[r] = typeTilt(recipients.relationship[r] as string, recipients.seniority[r] as string);
      bulkFactor[r] = BULK_FACTOR(recipients.relationship[r] as string, recipients.seniority[r] as string);
    }
  }

  // Sends: each week's revenue is spread over the clients signed up by then, not yet lapsed (an
  // exponential lifetime after signup) and gifting that month (a monthly coin by size), in proportion
  // to their size, until the week's revenue is reached. Each send picks a recipient (senior people
  // and prospects more often) and a gift type (the client's taste tilted by who receives it).
  const sendRandom = root.fork("sends");
  const activityRandom = root.fork("activity");
  const monthIndex = (day: number) => {
    const d = new Date(day * DAY_MS);
    return d.getUTCFullYear() * 12 + d.getUTCMonth();
  };
  let currentMonth = -1;
  let activeThisMonth: boolean[] = [];
  const sends: TableColumns = {expenditure_id: [], client_id: [], recipient_id: [], gift_id: [], service_id: [], date: [], price: [], quantity: []};
  const spent = new Float64Array(nClients);
  const count = new Int32Array(nClients);
  for (const week of weeks) {
    const month = monthIndex(week.weekStart);
    if (month !== currentMonth) {
      currentMonth = month;
      activeThisMonth = clientActivity.map((p) => activityRandom.bernoulli(p));
    }
    const signedUp = (i: number) => (clients.signup_date[i] as number) <= week.weekStart + 6;
    let active = clientWeight.map((w, i) => (signedUp(i) && clientChurn[i] > week.weekStart && activeThisMonth[i] ? w : 0));
    // Revenue must land somewhere: if every client has lapsed or paused, anyone signed up sends.
    if (!active.some((w) => w > 0)) active = clientWeight.map((w, i) => (signedUp(i) ? w : 0));
    if (!active.some((w) => w > 0)) continue;
    let remaining = week.revenue;
    while (remaining > 0) {
      const c = sendRandom.weightedIndex(active);
      const recipient = recipientsOf[c][sendRandom.weightedIndex(recipientWeightsOf[c])];
      const tilt = recipientTilt[recipient];
      const type = GIFT_TYPES[sendRandom.weightedIndex(clientTypePreference[c].map((w, k) => w * tilt[k]))];
      const gift = sendRandom.pick(giftsByType.get(type)!);
      const unit = gifts.price[gift] as number;
      let quantity = sendRandom.bernoulli(Math.min(1, GIFT_PRICE[type].bulk * bulkFactor[recipient])) ? sendRandom.intBetween(5, 60) : 1;
      if (unit * quantity > remaining) quantity = Math.max(1, Math.floor(remaining / unit));
      const price = unit; // list price; discounts show up in the weekly price index
      const day = Math.max(week.weekStart + sendRandom.int(7), clients.signup_date[c] as number);
      sends.expenditure_id.push(`E${String(sends.expenditure_id.length + 1).padStart(8, "0")}`);
      sends.client_id.push(clients.client_id[c]);
      sends.recipient_id.push(recipients.recipient_id[recipient]);
      sends.gift_id.push(gifts.gift_id[gift]);
      sends.service_id.push(SERVICES[clientService[c]].id);
      sends.date.push(day);
      sends.price.push(price);
      sends.quantity.push(quantity);
      spent[c] += price * quantity;
      count[c]++;
      remaining -= price * quantity;
    }
  }

  const facts: TableColumns = {
    client_id: clients.client_id.slice(),
    total_spent: Array.from(spent, (v) => Math.round(v * 100) / 100),
    gifts_sent: Array.from(count),
    service_enrolled: clientService.map((s) => SERVICES[s].id)
  };

  return new Map([
    ["alyce_client", clients],
    ["alyce_giftdata", gifts],
    ["alyce_services", services],
    ["alyce_recipient", recipients],
    ["alyce_clientexpenditure", sends],
    ["alyce_facts", facts]
  ]);
}

/** Mondays as days since epoch, for tests and callers without a media simulation. */
export function mondaysFrom(isoMonday: string, count: number): number[] {
  const start = Date.parse(isoMonday + "T00:00:00Z") / DAY_MS;
  return Array.from({length: count}, (_, i) => start + 7 * i);
}

/**
 * The six client tables for a build: weekly revenue from the media simulation (same seed, the
 * scale's weeks from WEEKS_PER_SCALE), spread over the sends by `simulateGifting`.
 */
export function simulateClientTables({seed, scale}: Pick<BuildOptions, "seed" | "scale">): Map<string, TableColumns> {
  const {weeks} = simulateMediaWeeks({seed, weeks: WEEKS_PER_SCALE[scale], startDate: FIRST_WEEK});
  return simulateGifting({seed, scale, weeks: weeks.map((w) => ({weekStart: parseIsoDate(w.week)!, revenue: w.sales}))});
}
