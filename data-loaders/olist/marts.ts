/**
 * Staging → the executive marts: sales by day, week and category, by weekday and hour, by state,
 * delivery against the promise and the review score, monthly cohorts, and marketing-originated
 * and -influenced customers. Revenue is the sum of item prices of sales (orders not canceled or
 * unavailable), in BRL, freight excluded, as the public dataset's analyses usually count it.
 */
import {DAY_MS, type ColumnBatch} from "../shared/schema.js";
import type {TableColumns} from "../shared/validate.js";
import {STATE_INFO} from "./geography.js";
import {out, type Output} from "./output.js";
import {ACQUISITION_CHANNELS, STATES} from "./schema.js";
import {dayOf, monthOf, monthsBetween, type Staged} from "./staging.js";

/** Orders delivered after the promised date. */
export function isLate(s: Staged, k: number): boolean {
  return Number.isFinite(s.orders.delivered[k]) && dayOf(s.orders.delivered[k]) > dayOf(s.orders.estimated[k]);
}

/** Sales per day: orders, items, revenue, freight, new customers, reviews and deliveries. */
export function dailySales(s: Staged): Output {
  const o = s.orders;
  const first = dayOf(s.firstPurchase);
  const last = dayOf(s.asOf) - 1;
  const days = last - first + 1;
  const acc = {orders: new Int32Array(days), items: new Int32Array(days), revenue: new Float64Array(days), freight: new Float64Array(days), newCustomers: new Int32Array(days), reviews: new Int32Array(days), scoreSum: new Float64Array(days), deliveries: new Int32Array(days), late: new Int32Array(days), deliveryDays: new Float64Array(days)};
  const seen = new Uint8Array(s.people.id.length);
  for (let k = 0; k < o.id.length; k++) {
    if (!o.valid[k]) continue;
    const d = dayOf(o.purchase[k]) - first;
    acc.orders[d]++;
    acc.items[d] += o.items[k];
    acc.revenue[d] += o.revenue[k];
    acc.freight[d] += o.freight[k];
    if (!seen[o.person[k]]) {
      seen[o.person[k]] = 1;
      acc.newCustomers[d]++;
    }
    if (Number.isFinite(o.score[k])) {
      acc.reviews[d]++;
      acc.scoreSum[d] += o.score[k];
    }
    if (Number.isFinite(o.delivered[k])) {
      acc.deliveries[d]++;
      acc.deliveryDays[d] += (o.delivered[k] - o.purchase[k]) / DAY_MS;
      if (isLate(s, k)) acc.late[d]++;
    }
  }
  return out("daily", "Sales, new customers, reviews and deliveries per purchase day.", "day", [
    ["date", "date", "Purchase day."],
    ["orders", "int32", "Sales (orders not canceled or unavailable)."],
    ["items", "int32", "Items in them."],
    ["revenue", "float64", "Sum of item prices (BRL)."],
    ["freight", "float64", "Sum of freight (BRL)."],
    ["new_customers", "int32", "People whose first sale it was."],
    ["reviews", "int32", "Sales with a review score."],
    ["score_sum", "float64", "Sum of their review scores."],
    ["deliveries", "int32", "Sales of the day delivered (by the end of the data)."],
    ["late", "int32", "Of them, delivered after the promised day."],
    ["delivery_days", "float64", "Sum of their purchase-to-delivery days."]
  ], {
    date: Array.from({length: days}, (_, i) => first + i),
    orders: acc.orders, items: acc.items, revenue: acc.revenue, freight: acc.freight, new_customers: acc.newCustomers,
    reviews: acc.reviews, score_sum: acc.scoreSum, deliveries: acc.deliveries, late: acc.late, delivery_days: acc.deliveryDays
  });
}

/** Sales per ISO week (Monday) and category. */
export function weeklyCategories(s: Staged): Output {
  const o = s.orders;
  const label = (c: number) => (c < 0 ? "(no category)" : s.categories.english[c]);
  const acc = new Map<string, {week: number; category: string; items: number; revenue: number; orders: Set<number>}>();
  for (let r = 0; r < s.items.order.length; r++) {
    const k = s.items.order[r];
    if (!o.valid[k]) continue;
    const day = dayOf(o.purchase[k]);
    const week = day - ((new Date(day * DAY_MS).getUTCDay() + 6) % 7);
    const category = label(s.products.category[s.items.product[r]]);
    const key = `${week}|${category}`;
    let a = acc.get(key);
    if (!a) acc.set(key, (a = {week, category, items: 0, revenue: 0, orders: new Set()}));
    a.items++;
    a.revenue += s.items.price[r];
    a.orders.add(k);
  }
  const rows = [...acc.values()].sort((a, b) => a.week - b.week || a.category.localeCompare(b.category));
  return out("weekly_categories", "Sales per week and product category (English names).", "week × category", [
    ["week", "date", "Monday of the ISO week."],
    ["category", "utf8", "Product category (English; Portuguese when the translation file lacks it)."],
    ["orders", "int32", "Sales with an item of the category."],
    ["items", "int32", "Items of the category sold."],
    ["revenue", "float64", "Sum of their prices (BRL)."]
  ], {week: rows.map((r) => r.week), category: rows.map((r) => r.category), orders: rows.map((r) => r.orders.size), items: rows.map((r) => r.items), revenue: rows.map((r) => r.revenue)});
}

/** Sales by weekday and hour of purchase (the timestamps' own clock). */
export function weekdayHours(s: Staged): Output {
  const counts = new Int32Array(7 * 24);
  const revenue = new Float64Array(7 * 24);
  for (let k = 0; k < s.orders.id.length; k++) {
    if (!s.orders.valid[k]) continue;
    const d = new Date(s.orders.purchase[k]);
    const i = ((d.getUTCDay() + 6) % 7) * 24 + d.getUTCHours();
    counts[i]++;
    revenue[i] += s.orders.revenue[k];
  }
  return out("weekday_hours", "Sales by weekday and hour of purchase.", "weekday × hour", [
    ["weekday", "int32", "0 = Monday … 6 = Sunday."],
    ["hour", "int32", "Hour of day, 0-23."],
    ["orders", "int32", "Sales."],
    ["revenue", "float64", "Revenue (BRL)."]
  ], {weekday: Array.from({length: 168}, (_, i) => Math.floor(i / 24)), hour: Array.from({length: 168}, (_, i) => i % 24), orders: counts, revenue});
}

/** One row per state: customers, sales, delivery and satisfaction. */
export function states(s: Staged): Output {
  const index = new Map<string, number>(STATES.map((st, i) => [st, i]));
  const n = STATES.length;
  const people = new Int32Array(n);
  const orders = new Int32Array(n);
  const revenue = new Float64Array(n);
  const freight = new Float64Array(n);
  const deliveries = new Int32Array(n);
  const late = new Int32Array(n);
  const deliveryDays = new Float64Array(n);
  const reviews = new Int32Array(n);
  const scoreSum = new Float64Array(n);
  const sellers = new Int32Array(n);
  const personBought = new Uint8Array(s.people.id.length);
  for (let k = 0; k < s.orders.id.length; k++) {
    if (!s.orders.valid[k]) continue;
    const p = s.orders.person[k];
    const i = index.get(s.people.state[p])!;
    if (!personBought[p]) {
      personBought[p] = 1;
      people[i]++;
    }
    orders[i]++;
    revenue[i] += s.orders.revenue[k];
    freight[i] += s.orders.freight[k];
    if (Number.isFinite(s.orders.delivered[k])) {
      deliveries[i]++;
      deliveryDays[i] += (s.orders.delivered[k] - s.orders.purchase[k]) / DAY_MS;
      if (isLate(s, k)) late[i]++;
    }
    if (Number.isFinite(s.orders.score[k])) {
      reviews[i]++;
      scoreSum[i] += s.orders.score[k];
    }
  }
  for (const st of s.sellers.state) sellers[index.get(st)!]++;
  const info = new Map(STATE_INFO.map((x) => [x.state as string, x]));
  return out("states", "Customers, sales, delivery and satisfaction by the customer's state.", "state", [
    ["state", "utf8", "State code (UF)."],
    ["name", "utf8", "State name."],
    ["region", "utf8", "Region of Brazil."],
    ["customers", "int32", "People with at least one sale delivered to the state."],
    ["orders", "int32", "Sales."],
    ["revenue", "float64", "Revenue (BRL)."],
    ["freight", "float64", "Freight paid (BRL)."],
    ["deliveries", "int32", "Sales delivered."],
    ["late", "int32", "Of them, after the promised day."],
    ["delivery_days", "float64", "Sum of purchase-to-delivery days."],
    ["reviews", "int32", "Sales with a review."],
    ["score_sum", "float64", "Sum of review scores."],
    ["sellers", "int32", "Sellers based in the state."]
  ], {
    state: [...STATES], name: STATES.map((st) => info.get(st)!.name), region: STATES.map((st) => info.get(st)!.region),
    customers: people, orders, revenue, freight, deliveries, late, delivery_days: deliveryDays, reviews, score_sum: scoreSum, sellers
  });
}

/** Review scores by how early or late the delivery came against the promise. */
export function deliveryVsScore(s: Staged): Output {
  const lo = -30;
  const hi = 30;
  const size = hi - lo + 1;
  const counts = new Int32Array(size);
  const scoreCounts = Array.from({length: 5}, () => new Int32Array(size));
  for (let k = 0; k < s.orders.id.length; k++) {
    if (!Number.isFinite(s.orders.delivered[k]) || !Number.isFinite(s.orders.score[k])) continue;
    const days = Math.max(lo, Math.min(hi, dayOf(s.orders.delivered[k]) - dayOf(s.orders.estimated[k])));
    counts[days - lo]++;
    scoreCounts[Math.round(s.orders.score[k]) - 1][days - lo]++;
  }
  const cols: ColumnBatch = {days_vs_promise: Array.from({length: size}, (_, i) => lo + i), orders: counts};
  for (let sc = 1; sc <= 5; sc++) cols[`score_${sc}`] = scoreCounts[sc - 1];
  return out("delivery_scores", "Reviewed deliveries by days between the promised and the actual delivery day, with their scores.", "day offset (−30 … +30; the ends collect everything beyond)", [
    ["days_vs_promise", "int32", "Delivery day minus promised day: negative = early, positive = late; clipped to ±30."],
    ["orders", "int32", "Delivered, reviewed sales."],
    ...[1, 2, 3, 4, 5].map((sc): [string, "int32", string] => [`score_${sc}`, "int32", `Of them, scored ${sc}.`])
  ], cols);
}

/** Monthly acquisition cohorts and the share of each that buys again in later months. */
export function cohorts(s: Staged): Output {
  const firstMonth = new Float64Array(s.people.id.length).fill(NaN);
  const active = new Map<string, Set<number>>();
  for (let k = 0; k < s.orders.id.length; k++) {
    if (!s.orders.valid[k]) continue;
    const p = s.orders.person[k];
    const m = monthOf(s.orders.purchase[k]);
    if (Number.isNaN(firstMonth[p])) firstMonth[p] = m; // orders are in time order
    const offset = monthsBetween(firstMonth[p], m);
    const key = `${firstMonth[p]}|${offset}`;
    let set = active.get(key);
    if (!set) active.set(key, (set = new Set()));
    set.add(p);
  }
  const size = new Map<number, number>();
  for (const m of firstMonth) if (!Number.isNaN(m)) size.set(m, (size.get(m) ?? 0) + 1);
  const rows = [...active.entries()].map(([key, set]) => {
    const [m, offset] = key.split("|").map(Number);
    return {cohort: m, offset, customers: set.size, size: size.get(m)!};
  });
  rows.sort((a, b) => a.cohort - b.cohort || a.offset - b.offset);
  return out("cohorts", "Monthly cohorts of first purchases and how many of each bought again in each later month.", "cohort month × months since the first purchase", [
    ["cohort", "date", "Month of the first sale (first day)."],
    ["months_since", "int32", "Months since the cohort month (0 = the first month)."],
    ["customers", "int32", "Cohort members with a sale in that month."],
    ["cohort_size", "int32", "People in the cohort."]
  ], {cohort: rows.map((r) => r.cohort / DAY_MS), months_since: rows.map((r) => r.offset), customers: rows.map((r) => r.customers), cohort_size: rows.map((r) => r.size)});
}

export interface MarketingDefinitions {
  /** A new customer is marketing-originated when an acquisition-channel touch came at most this many days before the first sale. */
  originWindowDays: number;
  /** A sale is marketing-influenced when any touch came at most this many days before it. */
  influenceWindowDays: number;
}

export const MARKETING_DEFINITIONS: MarketingDefinitions = {originWindowDays: 7, influenceWindowDays: 30};

/**
 * Monthly MOCP (share of new customers whose first sale followed an acquisition touch within the
 * origin window) and MICP (share of active customers with a sale that followed any touch within
 * the influence window), from the optional touch log. Null result without it.
 */
export function marketingInfluence(s: Staged, touches: TableColumns | undefined, truthOriginated?: Map<string, boolean>, defs = MARKETING_DEFINITIONS): Output {
  const months = new Map<number, {newCustomers: number; originated: number; trueOriginated: number; active: Set<number>; influenced: Set<number>}>();
  const columns: [string, "date" | "int32" | "float64", string, object?][] = [
    ["month", "date", "Calendar month (first day)."],
    ["new_customers", "int32", "People whose first sale was in the month."],
    ["originated", "int32", `Of them, first sale within ${defs.originWindowDays} days after an ad touch (${ACQUISITION_CHANNELS.join(", ")}).`],
    ["active_customers", "int32", "People with a sale in the month."],
    ["influenced", "int32", `Of them, with a sale within ${defs.influenceWindowDays} days after any touch.`],
    ["true_originated", "int32", "Simulation only: new customers the simulation brought in through an ad (−1 with real data)."]
  ];
  const empty = () => out("marketing", "Marketing-originated and -influenced customers per month (empty without the touch log).", "month", columns as never, {month: [], new_customers: [], originated: [], active_customers: [], influenced: [], true_originated: []});
  if (!touches) return empty();
  const personIndex = new Map(s.people.id.map((id, i) => [id, i]));
  // Touch times per person, sorted; acquisition touches separately.
  const anyTouch = new Map<number, number[]>();
  const adTouch = new Map<number, number[]>();
  const acquisition = new Set<string>(ACQUISITION_CHANNELS);
  for (let r = 0; r < touches.touch_id.length; r++) {
    const p = personIndex.get(touches.customer_unique_id[r] as string);
    if (p === undefined) continue;
    const t = touches.touch_timestamp[r] as number;
    (anyTouch.get(p) ?? anyTouch.set(p, []).get(p)!).push(t);
    if (acquisition.has(touches.channel[r] as string)) (adTouch.get(p) ?? adTouch.set(p, []).get(p)!).push(t);
  }
  const within = (list: number[] | undefined, t: number, days: number) => list !== undefined && list.some((x) => x <= t && x >= t - days * DAY_MS);
  const seen = new Uint8Array(s.people.id.length);
  for (let k = 0; k < s.orders.id.length; k++) {
    if (!s.orders.valid[k]) continue;
    const p = s.orders.person[k];
    const t = s.orders.purchase[k];
    const m = monthOf(t);
    let acc = months.get(m);
    if (!acc) months.set(m, (acc = {newCustomers: 0, originated: 0, trueOriginated: 0, active: new Set(), influenced: new Set()}));
    if (!seen[p]) {
      seen[p] = 1;
      acc.newCustomers++;
      if (within(adTouch.get(p), t, defs.originWindowDays)) acc.originated++;
      if (truthOriginated?.get(s.people.id[p])) acc.trueOriginated++;
    }
    acc.active.add(p);
    if (within(anyTouch.get(p), t, defs.influenceWindowDays)) acc.influenced.add(p);
  }
  const rows = [...months.entries()].sort((a, b) => a[0] - b[0]);
  return out("marketing", "Marketing-originated and -influenced customers per month.", "month", columns as never, {
    month: rows.map(([m]) => m / DAY_MS),
    new_customers: rows.map(([, a]) => a.newCustomers),
    originated: rows.map(([, a]) => a.originated),
    active_customers: rows.map(([, a]) => a.active.size),
    influenced: rows.map(([, a]) => a.influenced.size),
    true_originated: rows.map(([, a]) => (truthOriginated ? a.trueOriginated : -1))
  });
}

/** Payment methods: sales paid (partly) with each, and the amounts. */
export function paymentMix(payments: TableColumns, s: Staged): Output {
  const valid = new Set(s.orders.id.filter((_, k) => s.orders.valid[k]));
  const acc = new Map<string, {orders: Set<string>; value: number; installments: number; rows: number}>();
  for (let r = 0; r < payments.order_id.length; r++) {
    const id = payments.order_id[r] as string;
    if (!valid.has(id)) continue;
    const type = payments.payment_type[r] as string;
    let a = acc.get(type);
    if (!a) acc.set(type, (a = {orders: new Set(), value: 0, installments: 0, rows: 0}));
    a.orders.add(id);
    a.value += payments.payment_value[r] as number;
    a.installments += payments.payment_installments[r] as number;
    a.rows++;
  }
  const rows = [...acc.entries()].sort((a, b) => b[1].value - a[1].value);
  return out("payments", "Payment methods of sales.", "payment method", [
    ["payment_type", "utf8", "Payment method."],
    ["orders", "int32", "Sales paid at least partly with it."],
    ["value", "float64", "Amount paid with it (BRL)."],
    ["mean_installments", "float64", "Mean number of instalments."]
  ], {payment_type: rows.map(([t]) => t), orders: rows.map(([, a]) => a.orders.size), value: rows.map(([, a]) => a.value), mean_installments: rows.map(([, a]) => a.installments / a.rows)});
}
