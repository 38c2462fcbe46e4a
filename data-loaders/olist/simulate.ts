/**
 * The Olist marketplace simulation: two years (2017-2018) of a Brazilian marketplace written in the
 * public Olist dataset's nine tables, plus the two optional tables (marketing touches, a promotion
 * test), from a generative model whose truth we keep so the pages and tests can check the models.
 *
 * People belong to one of five hidden segments (true parameters in SEGMENT_TRUTH) that set how
 * often they come back (a BG/NBD-like process: purchases at a personal rate, dropout after each
 * purchase with the segment's probability), what they pay, how many items they buy and how they
 * respond to the promotion. Each person shops one or two themes (catalog.ts); after a first
 * purchase they tend to buy the rest of the bundle it belongs to (the planted co-purchase
 * structure). Deliveries take longer the farther the seller is and during two logistics crunches;
 * late deliveries lower review scores. On 2018-05-02 half of the existing customers, at random,
 * got a voucher offer: whether it made them buy within 30 days depends on their segment, on how
 * recently they bought and on their last review (the planted heterogeneous effect; each person's
 * true effect is kept in the truth).
 *
 * Scale sets the number of people, products and sellers, never the window or the story
 * (rows measured with SEED=42; customers = orders, one customer_id per order):
 *   scale     people   orders   items    payments  reviews  products  sellers  geolocation  touches  in promo test
 *   tiny       1,500    1,862    2,070     1,946     1,806      300       40       3,621     3,018        783
 *   small      8,000   10,258   11,516    10,668     9,992    1,200      200      16,295    16,650      4,375
 *   default   60,000   76,380   86,645    79,451    74,273    5,000    1,200      58,735   125,188     32,238
 *   large    100,000  127,497  144,512   132,659   124,118   10,000    3,000      70,782   209,935     53,582
 * About 84% of people buy once (the public data: about 97%; a little more repeat buying keeps the
 * lifetime-value and recommender evaluations meaningful at the smaller scales).
 */
import type {Faker} from "@faker-js/faker";
import type {BuildOptions, Scale} from "../shared/options.js";
import {createFaker, Random} from "../shared/random.js";
import {DAY_MS} from "../shared/schema.js";
import type {TableColumns} from "../shared/validate.js";
import {CATEGORIES, THEMES} from "./catalog.js";
import {DAYS, END_DAY, HOUR_WEIGHTS, START_DAY, crunch, growth, isGiftSeason, seasonality} from "./calendar.js";
import {STATE_REGION, distanceKm, formatZip, type City} from "./geography.js";
import {reviewText} from "./reviewText.js";
import {CumulativeSampler, ProductSamplers, hexId, pickCustomerCity, simulateProducts, simulateSellers, zipIn, type Product, type Seller} from "./simulateCatalog.js";

export const SCALE_SIZES: Record<Scale, {people: number; products: number; sellers: number}> = {
  tiny: {people: 1_500, products: 300, sellers: 40},
  small: {people: 8_000, products: 1_200, sellers: 200},
  default: {people: 60_000, products: 5_000, sellers: 1_200},
  large: {people: 100_000, products: 10_000, sellers: 3_000}
};

export const SEGMENTS = ["bargain_hunters", "occasional", "loyal_regulars", "big_spenders", "seasonal_gifters"] as const;
export type Segment = (typeof SEGMENTS)[number];

/** The true behaviour of each hidden segment. */
export interface SegmentTruth {
  segment: Segment;
  label: string;
  /** Share of people. */
  share: number;
  /** Purchases per year while active (before person-level gamma heterogeneity with mean 1). */
  repeatRate: number;
  /** Probability of becoming inactive after each purchase. */
  dropout: number;
  /** Price taste: 0 = cheap, 1 = neutral, 2 = high end (PRICE_TILTS). */
  priceTaste: 0 | 1 | 2;
  /** Probability that a purchase comes from the person's own themes rather than anywhere. */
  themeLoyalty: number;
  /** Probability that an order has a second, different product. */
  multiItem: number;
  /** Promotion: probability that the offer makes a person who would not have bought buy (before modifiers). */
  promoResponse: number;
  /** Added to the latent review score. */
  reviewBias: number;
  /** Added to the probability that the first purchase came through an acquisition ad. */
  adOriginBoost: number;
}

export const SEGMENT_TRUTH: Record<Segment, SegmentTruth> = {
  bargain_hunters: {segment: "bargain_hunters", label: "Bargain hunters", share: 0.58, repeatRate: 0.35, dropout: 0.8, priceTaste: 0, themeLoyalty: 0.55, multiItem: 0.06, promoResponse: 0.08, reviewBias: -0.1, adOriginBoost: 0.1},
  occasional: {segment: "occasional", label: "Occasional shoppers", share: 0.22, repeatRate: 0.7, dropout: 0.55, priceTaste: 1, themeLoyalty: 0.7, multiItem: 0.08, promoResponse: 0.05, reviewBias: 0, adOriginBoost: 0},
  loyal_regulars: {segment: "loyal_regulars", label: "Loyal regulars", share: 0.06, repeatRate: 3.5, dropout: 0.06, priceTaste: 1, themeLoyalty: 0.85, multiItem: 0.15, promoResponse: 0.01, reviewBias: 0.2, adOriginBoost: -0.1},
  big_spenders: {segment: "big_spenders", label: "Big spenders", share: 0.05, repeatRate: 1.0, dropout: 0.3, priceTaste: 2, themeLoyalty: 0.75, multiItem: 0.12, promoResponse: 0, reviewBias: 0.05, adOriginBoost: 0},
  seasonal_gifters: {segment: "seasonal_gifters", label: "Seasonal gifters", share: 0.09, repeatRate: 0.9, dropout: 0.4, priceTaste: 1, themeLoyalty: 0.6, multiItem: 0.1, promoResponse: 0.04, reviewBias: 0, adOriginBoost: 0.05}
};

/** The promotion test: who, when, how long, and how the effect varies beyond the segment. */
export const PROMOTION = {
  assignedAt: "2018-05-02T10:00:00Z",
  windowDays: 30,
  treatedShare: 0.5,
  /** Voucher share of the promoted order's value. */
  discount: 0.1,
  /** Response multiplier for people who bought in the last 120 days, and for the others. */
  recentMultiplier: 1.5,
  lapsedMultiplier: 0.8,
  /** Response multiplier for people whose last review was 1 or 2 stars. */
  unhappyMultiplier: 0.3
} as const;

/** Marketing: the share of new customers whose first purchase followed an acquisition ad, rising over the two years. */
export function trueOriginShare(day: number): number {
  return 0.25 + 0.2 * ((day - START_DAY) / DAYS);
}
/** Probability that a repeat purchase followed an e-mail or push message. */
export const REPEAT_INFLUENCE = 0.5;

/** What the simulation knows and the data does not say. */
export interface OlistTruth {
  people: {
    uniqueId: string[];
    segment: Segment[];
    primaryTheme: number[];
    /** Promotion: -1 not in the test, 0 control, 1 treated. */
    arm: number[];
    /** True effect of the offer on P(order within the window) for people in the test (NaN otherwise). */
    promoEffect: number[];
    /** First purchase followed an acquisition ad. */
    adOriginated: boolean[];
  };
  products: {productId: string[]; theme: number[]; bundle: number[]};
}

export interface OlistSimulation {
  tables: Map<string, TableColumns>;
  truth: OlistTruth;
}

const SECOND = 1000;
const HOUR = 3600 * SECOND;

/** Days since epoch → ms at a given hour (fractional) of that day, rounded to whole seconds. */
const at = (day: number, hours: number) => Math.round((day * DAY_MS + hours * HOUR) / SECOND) * SECOND;

interface PersonState {
  uniqueId: string;
  segment: SegmentTruth;
  city: City;
  zip: number;
  themes: number[];
  rate: number;
  bought: Set<number>;
  /** Products of past orders, most recent order last. */
  history: number[][];
  lastReviewScore: number;
  firstPurchaseDay: number;
  lastPurchaseDay: number;
}

/** Raw tables of the report (the nine public files and the two optional ones) and the truth behind them. */
export function simulateOlistWithTruth({seed, scale}: Pick<BuildOptions, "seed" | "scale">): OlistSimulation {
  const root = new Random(seed).fork("olist");
  const size = SCALE_SIZES[scale];
  const sellers = simulateSellers(root.fork("sellers"), size.sellers);
  const products = simulateProducts(root.fork("products"), size.products, sellers, START_DAY, DAYS);
  const samplers = new ProductSamplers(products, START_DAY);
  const random = root.fork("people");
  const faker = createFaker(root.fork("faker"), "pt_BR");
  const textRandom = root.fork("text");

  const out = newTables();
  const truth: OlistTruth = {people: {uniqueId: [], segment: [], primaryTheme: [], arm: [], promoEffect: [], adOriginated: []}, products: {productId: products.map((p) => p.id), theme: products.map((p) => p.theme), bundle: products.map((p) => p.bundle)}};

  // New customers per day follow growth × seasonality.
  const acquisition = new CumulativeSampler(Int32Array.from({length: DAYS}, (_, i) => START_DAY + i), Float64Array.from({length: DAYS}, (_, i) => growth(START_DAY + i) * seasonality(START_DAY + i)));
  const hours = new CumulativeSampler(Int32Array.from({length: 24}, (_, h) => h), HOUR_WEIGHTS);
  const themeWeights = THEMES.map((t) => Object.keys(t.categories).reduce((s, c) => s + (CATEGORIES.find((k) => k.name === c)?.share ?? 0), 0));
  const giftsTheme = THEMES.findIndex((t) => t.id === "gifts");
  const segmentShares = SEGMENTS.map((s) => SEGMENT_TRUTH[s].share);
  const promoMs = Date.parse(PROMOTION.assignedAt);
  const promoDay = Math.floor(promoMs / DAY_MS);
  const promoEnd = promoDay + PROMOTION.windowDays;
  const usedZips = new Map<string, City>();

  for (let n = 0; n < size.people; n++) {
    const segment = SEGMENT_TRUTH[SEGMENTS[random.weightedIndex(segmentShares)]];
    const city = pickCustomerCity(random);
    const primary = segment.segment === "seasonal_gifters" && random.bernoulli(0.7) ? giftsTheme : random.weightedIndex(themeWeights);
    const themes = [primary];
    if (random.bernoulli(0.3)) {
      const second = random.weightedIndex(themeWeights);
      if (second !== primary) themes.push(second);
    }
    const person: PersonState = {
      uniqueId: hexId(random),
      segment,
      city,
      zip: zipIn(city, random),
      themes,
      rate: segment.repeatRate * random.gamma(3, 1 / 3),
      bought: new Set(),
      history: [],
      lastReviewScore: NaN,
      firstPurchaseDay: NaN,
      lastPurchaseDay: NaN
    };
    usedZips.set(formatZip(person.zip), city);

    // Natural purchase days: the first from the acquisition curve, then a thinned Poisson process
    // at the person's rate × seasonality (× gift seasons for gifters), ending at a dropout.
    const first = acquisition.draw(random);
    const days = [first];
    let aliveUntil = Infinity;
    const intensity = (d: number) => seasonality(d) * (segment.segment === "seasonal_gifters" ? (isGiftSeason(d) ? 4 : 0.3) : 1);
    const maxIntensity = 6 * (segment.segment === "seasonal_gifters" ? 4 : 1);
    if (random.bernoulli(segment.dropout)) aliveUntil = first;
    let t = first;
    while (aliveUntil === Infinity) {
      t += random.exponential((person.rate * maxIntensity) / 365);
      if (t > END_DAY + 1) break;
      const d = Math.floor(t);
      if (!random.bernoulli(intensity(d) / maxIntensity)) continue;
      days.push(d);
      if (random.bernoulli(segment.dropout)) aliveUntil = d;
    }

    // The promotion test: existing customers on the assignment day, half of them treated.
    // The true effect is (1 − p0)·q: p0, the chance of buying in the window anyway (0 once dropped
    // out), and q, the response to the offer given the person's state on the assignment day.
    const inTest = first < promoDay;
    let arm = -1;
    let p0 = NaN;
    let effect = NaN;
    if (inTest) {
      arm = random.bernoulli(PROMOTION.treatedShare) ? 1 : 0;
      let windowIntensity = 0;
      for (let d = promoDay; d < promoEnd; d++) windowIntensity += intensity(d);
      p0 = aliveUntil >= promoDay ? 1 - Math.exp(-(person.rate * windowIntensity) / 365) : 0;
    }
    const adOriginated = random.bernoulli(Math.min(0.95, Math.max(0, trueOriginShare(first) + segment.adOriginBoost)));

    let promoHandled = !inTest;
    const schedule = days.map((d) => ({day: d, promo: false}));
    for (let k = 0; k < schedule.length; k++) {
      const {day} = schedule[k];
      if (!promoHandled && day >= promoDay) {
        promoHandled = true;
        const q = promoResponse(person, promoDay);
        effect = (1 - p0) * q;
        const naturalInWindow = schedule.some((s) => s.day >= promoDay && s.day < promoEnd);
        if (arm === 1 && !naturalInWindow && random.bernoulli(q)) {
          schedule.splice(k, 0, {day: promoDay + random.int(PROMOTION.windowDays), promo: true});
          schedule.sort((a, b) => a.day - b.day);
        }
      }
      const entry = schedule[k];
      const hour = hours.draw(random) + random.uniform();
      const purchaseMs = entry.promo ? Math.max(promoMs + 5 * 60_000, at(entry.day, hour)) : at(entry.day, hour);
      writeOrder(out, {person, purchaseMs, first: k === 0, promo: entry.promo, adOriginated, products, sellers, samplers, random, textRandom, faker, usedZips});
    }
    if (!promoHandled) {
      // No purchase on or after the promotion day: the state on the day is the final one.
      const q = promoResponse(person, promoDay);
      effect = (1 - p0) * q;
      if (arm === 1 && random.bernoulli(q)) {
        const day = promoDay + random.int(PROMOTION.windowDays);
        const purchaseMs = Math.max(promoMs + 5 * 60_000, at(day, hours.draw(random) + random.uniform()));
        writeOrder(out, {person, purchaseMs, first: false, promo: true, adOriginated, products, sellers, samplers, random, textRandom, faker, usedZips});
      }
    }
    if (arm === 1) pushTouch(out, person.uniqueId, promoMs, "email", random);
    if (inTest) {
      out.promotion.customer_unique_id.push(person.uniqueId);
      out.promotion.assigned_at.push(promoMs);
      out.promotion.arm.push(arm === 1 ? "treatment" : "control");
      out.promotion.window_days.push(PROMOTION.windowDays);
    }
    writeBackgroundTouches(out, person, random);
    truth.people.uniqueId.push(person.uniqueId);
    truth.people.segment.push(segment.segment);
    truth.people.primaryTheme.push(primary);
    truth.people.arm.push(arm);
    truth.people.promoEffect.push(inTest ? effect : NaN);
    truth.people.adOriginated.push(adOriginated);
  }

  for (const s of sellers) usedZips.set(formatZip(s.zip), s.city);
  const tables = new Map<string, TableColumns>([
    ["olist_customers_dataset", out.customers],
    ["olist_geolocation_dataset", geolocationRows(usedZips, root.fork("geolocation"))],
    ["olist_orders_dataset", out.orders],
    ["olist_order_items_dataset", out.items],
    ["olist_order_payments_dataset", out.payments],
    ["olist_order_reviews_dataset", out.reviews],
    ["olist_products_dataset", productRows(products)],
    ["olist_sellers_dataset", {seller_id: sellers.map((s) => s.id), seller_zip_code_prefix: sellers.map((s) => formatZip(s.zip)), seller_city: sellers.map((s) => s.city.city), seller_state: sellers.map((s) => s.city.state)}],
    ["product_category_name_translation", {product_category_name: CATEGORIES.map((c) => c.name), product_category_name_english: CATEGORIES.map((c) => c.english)}],
    ["olist_marketing_touches", out.touches],
    ["olist_promotion_assignments", out.promotion]
  ]);
  return {tables, truth};
}

/** Raw tables only (the signature loadRawTables expects). */
export function simulateOlist(options: Pick<BuildOptions, "seed" | "scale">): Map<string, TableColumns> {
  return simulateOlistWithTruth(options).tables;
}

function promoResponse(person: PersonState, promoDay: number): number {
  let q = person.segment.promoResponse;
  q *= promoDay - person.lastPurchaseDay <= 120 ? PROMOTION.recentMultiplier : PROMOTION.lapsedMultiplier;
  if (person.lastReviewScore <= 2) q *= PROMOTION.unhappyMultiplier;
  return Math.min(1, q);
}

function newTables() {
  return {
    customers: {customer_id: [], customer_unique_id: [], customer_zip_code_prefix: [], customer_city: [], customer_state: []} as TableColumns,
    orders: {order_id: [], customer_id: [], order_status: [], order_purchase_timestamp: [], order_approved_at: [], order_delivered_carrier_date: [], order_delivered_customer_date: [], order_estimated_delivery_date: []} as TableColumns,
    items: {order_id: [], order_item_id: [], product_id: [], seller_id: [], shipping_limit_date: [], price: [], freight_value: []} as TableColumns,
    payments: {order_id: [], payment_sequential: [], payment_type: [], payment_installments: [], payment_value: []} as TableColumns,
    reviews: {review_id: [], order_id: [], review_score: [], review_comment_title: [], review_comment_message: [], review_creation_date: [], review_answer_timestamp: []} as TableColumns,
    touches: {touch_id: [], customer_unique_id: [], touch_timestamp: [], channel: []} as TableColumns,
    promotion: {customer_unique_id: [], assigned_at: [], arm: [], window_days: []} as TableColumns
  };
}
type Tables = ReturnType<typeof newTables>;

interface OrderContext {
  person: PersonState;
  purchaseMs: number;
  first: boolean;
  promo: boolean;
  adOriginated: boolean;
  products: readonly Product[];
  sellers: readonly Seller[];
  samplers: ProductSamplers;
  random: Random;
  textRandom: Random;
  faker: Faker;
  usedZips: Map<string, City>;
}

/** The products of one order: planted bundles and themes first, then the whole catalogue. */
function chooseProducts(ctx: OrderContext, day: number): number[] {
  const {person, samplers, random, products} = ctx;
  const seg = person.segment;
  const fromTheme = () => samplers.draw(random, day, seg.priceTaste, random.bernoulli(seg.themeLoyalty) ? person.themes[random.bernoulli(0.75) ? 0 : person.themes.length - 1] : -1);
  const bundleMate = (of: number): number | undefined => {
    const mates = samplers.bundleMembers.get(products[of].bundle)!.filter((i) => i !== of && !person.bought.has(i) && products[i].launchDay <= day);
    return mates.length ? random.pick(mates) : undefined;
  };
  let firstItem: number | undefined;
  if (person.history.length > 0 && random.bernoulli(0.5)) {
    // Continue a bundle begun in a recent order.
    const recent = person.history[person.history.length - 1 - random.int(Math.min(2, person.history.length))];
    firstItem = bundleMate(random.pick(recent));
  }
  firstItem ??= fromTheme();
  const chosen = [firstItem];
  if (random.bernoulli(seg.multiItem)) {
    const second = random.bernoulli(0.7) ? bundleMate(firstItem) : samplers.draw(random, day, seg.priceTaste, products[firstItem].theme);
    if (second !== undefined && second !== firstItem) chosen.push(second);
  }
  return chosen;
}

function writeOrder(out: Tables, ctx: OrderContext): void {
  const {person, purchaseMs, random, products, sellers} = ctx;
  const day = Math.floor(purchaseMs / DAY_MS);
  const orderId = hexId(random);
  const customerId = hexId(random);
  const chosen = chooseProducts(ctx, day);
  const units: number[] = [...chosen];
  if (random.bernoulli(0.05)) units.splice(1, 0, chosen[0]); // two of the first product, as the public data often shows

  // Delivery: approval, hand-over by the (first item's) seller, transit by distance, crunches.
  const seller = sellers[products[chosen[0]].seller];
  const km = distanceKm(seller.city.lat, seller.city.lng, person.city.lat, person.city.lng);
  const remote = STATE_REGION[person.city.state] === "Norte" || STATE_REGION[person.city.state] === "Nordeste" ? 1.35 : 1;
  const expectedTransit = (3 + km / 260) * remote;
  const promiseDays = Math.round(5 + seller.handlingDays + 1.25 * expectedTransit + random.between(1, 8));
  const boleto = random.bernoulli(0.19);
  const approvedMs = purchaseMs + (boleto ? random.between(20, 70) * HOUR : random.between(0.05, 1.2) * HOUR);
  const handling = seller.handlingDays * random.logNormal(0, 0.45) * (random.bernoulli(seller.sloppiness) ? 3 : 1);
  const carrierMs = approvedMs + handling * DAY_MS;
  const transit = expectedTransit * random.logNormal(0, 0.5) * crunch(Math.floor(carrierMs / DAY_MS));
  const deliveredMs = carrierMs + transit * DAY_MS;
  const estimatedMs = (day + promiseDays) * DAY_MS;
  const endMs = (END_DAY + 1) * DAY_MS;

  let status = "delivered";
  const failed = random.uniform();
  if (failed < 0.006) status = "canceled";
  else if (failed < 0.012) status = "unavailable";
  else if (approvedMs >= endMs) status = random.bernoulli(0.5) ? "created" : "approved";
  else if (carrierMs >= endMs) status = random.bernoulli(0.6) ? "invoiced" : "processing";
  else if (deliveredMs >= endMs) status = "shipped";
  const approved = status === "created" || (status === "canceled" && random.bernoulli(0.3)) || random.bernoulli(0.0015) ? null : approvedMs;
  const carrier = ["shipped", "delivered"].includes(status) ? carrierMs : null;
  const delivered = status === "delivered" ? deliveredMs : null;

  // Customers table: one row per order (customer_id is per order, customer_unique_id the person).
  out.customers.customer_id.push(customerId);
  out.customers.customer_unique_id.push(person.uniqueId);
  out.customers.customer_zip_code_prefix.push(formatZip(person.zip));
  out.customers.customer_city.push(person.city.city);
  out.customers.customer_state.push(person.city.state);
  out.orders.order_id.push(orderId);
  out.orders.customer_id.push(customerId);
  out.orders.order_status.push(status);
  out.orders.order_purchase_timestamp.push(purchaseMs);
  out.orders.order_approved_at.push(approved === null ? null : Math.round(approved / SECOND) * SECOND);
  out.orders.order_delivered_carrier_date.push(carrier === null ? null : Math.round(carrier / SECOND) * SECOND);
  out.orders.order_delivered_customer_date.push(delivered === null ? null : Math.round(delivered / SECOND) * SECOND);
  out.orders.order_estimated_delivery_date.push(estimatedMs);

  // Items: price per product, freight of the order split over its items.
  const weightKg = units.reduce((s, i) => s + products[i].weightG, 0) / 1000;
  const freight = (9 + 2.1 * weightKg + 0.0075 * km) * random.logNormal(0, 0.15);
  let total = 0;
  units.forEach((productIndex, k) => {
    const p = products[productIndex];
    const price = Math.round(p.price * (ctx.promo ? 1 : random.logNormal(0, 0.03)) * 100) / 100;
    const itemFreight = Math.round((freight / units.length) * 100) / 100;
    total += price + itemFreight;
    out.items.order_id.push(orderId);
    out.items.order_item_id.push(k + 1);
    out.items.product_id.push(p.id);
    out.items.seller_id.push(sellers[p.seller].id);
    out.items.shipping_limit_date.push(Math.round((approvedMs + (2 + random.int(5)) * DAY_MS) / SECOND) * SECOND);
    out.items.price.push(price);
    out.items.freight_value.push(itemFreight);
  });
  total = Math.round(total * 100) / 100;
  writePayments(out, orderId, total, boleto, ctx.promo, random);

  // Review: a latent satisfaction, lowered by lateness and failed deliveries.
  const daysLate = delivered === null ? NaN : (delivered - estimatedMs) / DAY_MS;
  const reviewDay = Math.floor((delivered ?? Math.max(estimatedMs, purchaseMs + 2 * DAY_MS)) / DAY_MS) + 1;
  const meanQuality = units.reduce((s, i) => s + products[i].quality, 0) / units.length;
  let latent = 4.45 + person.segment.reviewBias + meanQuality - 0.1 * Math.max(0, (seller.sloppiness - 0.05) * 10) + random.normal(0, 0.75);
  if (status === "canceled" || status === "unavailable") latent -= 3;
  else if (delivered === null) latent -= 2.2;
  else if (daysLate > 0) latent -= 1.1 + 0.09 * Math.min(daysLate, 25);
  else if (daysLate < -10) latent += 0.15;
  const score = latent > 4.25 ? 5 : latent > 3.75 ? 4 : latent > 3.3 ? 3 : latent > 2.9 ? 2 : 1;
  const answered = (reviewDay + 0.2 + random.exponential(1 / 1.8)) * DAY_MS;
  if (reviewDay <= END_DAY && random.bernoulli(0.992)) {
    const text = reviewText({score, daysLate, delivered: delivered !== null}, ctx.textRandom, ctx.faker);
    out.reviews.review_id.push(hexId(random));
    out.reviews.order_id.push(orderId);
    out.reviews.review_score.push(score);
    out.reviews.review_comment_title.push(text.title);
    out.reviews.review_comment_message.push(text.message);
    out.reviews.review_creation_date.push(reviewDay * DAY_MS);
    out.reviews.review_answer_timestamp.push(Math.round(Math.min(answered, (END_DAY + 1) * DAY_MS - SECOND) / SECOND) * SECOND);
    person.lastReviewScore = score;
  }

  // Marketing touches that led to this purchase.
  if (ctx.first && ctx.adOriginated) {
    const channel = random.pickWeighted(["paid_search", "social", "display", "affiliate"], [0.45, 0.3, 0.1, 0.15]);
    pushTouch(out, person.uniqueId, purchaseMs - random.between(0.02, 6) * DAY_MS, channel, random);
  } else if (ctx.first && random.bernoulli(0.12)) {
    pushTouch(out, person.uniqueId, purchaseMs - random.between(9, 40) * DAY_MS, random.pick(["paid_search", "social", "display"]), random);
  } else if (!ctx.first && (ctx.promo || random.bernoulli(REPEAT_INFLUENCE))) {
    // (The promotion's own e-mail is logged once per treated person on the assignment day.)
    if (!ctx.promo) pushTouch(out, person.uniqueId, purchaseMs - random.between(0.05, 20) * DAY_MS, random.bernoulli(0.75) ? "email" : "push", random);
  }
  if (ctx.first) person.firstPurchaseDay = day;
  for (const i of chosen) person.bought.add(i);
  person.history.push(chosen);
  person.lastPurchaseDay = day;
}

function writePayments(out: Tables, orderId: string, total: number, boleto: boolean, promo: boolean, random: Random): void {
  const pays: [string, number, number][] = [];
  if (promo) {
    const voucher = Math.round(total * PROMOTION.discount * 100) / 100;
    pays.push(["voucher", 1, voucher], ["credit_card", Math.max(1, Math.min(10, Math.round(total / 120))), Math.round((total - voucher) * 100) / 100]);
  } else if (boleto) {
    pays.push(["boleto", 1, total]);
  } else {
    const u = random.uniform();
    if (u < 0.025) pays.push(["voucher", 1, total]);
    else if (u < 0.06) {
      const voucher = Math.round(total * random.between(0.1, 0.6) * 100) / 100;
      pays.push(["voucher", 1, voucher], ["credit_card", 1 + random.int(4), Math.round((total - voucher) * 100) / 100]);
    } else if (u < 0.078) pays.push(["debit_card", 1, total]);
    else pays.push(["credit_card", Math.max(1, Math.min(10, Math.round(total / 90 + random.normal(0, 1.2)))), total]);
  }
  pays.forEach(([type, installments, value], k) => {
    out.payments.order_id.push(orderId);
    out.payments.payment_sequential.push(k + 1);
    out.payments.payment_type.push(type);
    out.payments.payment_installments.push(installments);
    out.payments.payment_value.push(Math.max(0, value));
  });
}

function pushTouch(out: Tables, uniqueId: string, ms: number, channel: string, random: Random): void {
  if (ms < START_DAY * DAY_MS - 60 * DAY_MS) return;
  out.touches.touch_id.push(hexId(random));
  out.touches.customer_unique_id.push(uniqueId);
  out.touches.touch_timestamp.push(Math.round(ms / SECOND) * SECOND);
  out.touches.channel.push(channel);
}

/** Newsletters and pushes to known customers that did not lead to a purchase. */
function writeBackgroundTouches(out: Tables, person: PersonState, random: Random): void {
  const firstDay = person.history.length ? person.firstPurchaseDay : END_DAY;
  const count = random.poisson(1.2);
  for (let k = 0; k < count; k++) {
    const day = firstDay + random.int(Math.max(1, END_DAY - firstDay + 1));
    if (day > END_DAY) continue;
    pushTouch(out, person.uniqueId, at(day, 8 + random.uniform() * 12), random.bernoulli(0.8) ? "email" : "push", random);
  }
}

function productRows(products: readonly Product[]): TableColumns {
  return {
    product_id: products.map((p) => p.id),
    product_category_name: products.map((p) => (p.categoryMissing ? null : CATEGORIES[p.category].name)),
    product_name_lenght: products.map((p) => (p.categoryMissing ? null : p.nameLength)),
    product_description_lenght: products.map((p) => (p.categoryMissing ? null : p.descriptionLength)),
    product_photos_qty: products.map((p) => (p.categoryMissing ? null : p.photos)),
    product_weight_g: products.map((p) => p.weightG),
    product_length_cm: products.map((p) => p.lengthCm),
    product_height_cm: products.map((p) => p.heightCm),
    product_width_cm: products.map((p) => p.widthCm)
  };
}

function geolocationRows(zips: Map<string, City>, random: Random): TableColumns {
  const rows: TableColumns = {geolocation_zip_code_prefix: [], geolocation_lat: [], geolocation_lng: [], geolocation_city: [], geolocation_state: []};
  for (const zip of [...zips.keys()].sort()) {
    const city = zips.get(zip)!;
    const points = 1 + random.poisson(1.5);
    for (let k = 0; k < points; k++) {
      rows.geolocation_zip_code_prefix.push(zip);
      rows.geolocation_lat.push(Math.round((city.lat + random.normal(0, 0.04)) * 1e6) / 1e6);
      rows.geolocation_lng.push(Math.round((city.lng + random.normal(0, 0.04)) * 1e6) / 1e6);
      rows.geolocation_city.push(city.city);
      rows.geolocation_state.push(city.state);
    }
  }
  return rows;
}
