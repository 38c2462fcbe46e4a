/**
 * What the Olist pages compute in the browser from the loader's tables: rows from Arrow, period
 * comparisons and KPIs, weekly, weekday and month profiles, category and state summaries, delivery
 * against the promise, cohorts and marketing shares, and the sentences that state the findings.
 * Every function takes plain rows and returns plain rows or numbers (tested in test/olist/pages.test.ts).
 */
import {ratio, relativeChange} from "../analytics/metrics.js";

export const DAY_MS = 86_400_000;

/** Arrow table → plain objects (BigInt → number; dates stay ms since epoch). */
export function rowsOf<T = Record<string, any>>(table: {toArray(): {toJSON(): Record<string, unknown>}[]}): T[] {
  return table.toArray().map((r) => {
    const o = r.toJSON();
    for (const k of Object.keys(o)) if (typeof o[k] === "bigint") o[k] = Number(o[k]);
    return o as T;
  });
}

export interface DailyRow {
  date: number;
  orders: number;
  items: number;
  revenue: number;
  freight: number;
  new_customers: number;
  reviews: number;
  score_sum: number;
  deliveries: number;
  late: number;
  delivery_days: number;
}

export interface SalesTotals {
  days: number;
  orders: number;
  revenue: number;
  newCustomers: number;
  reviews: number;
  scoreSum: number;
  deliveries: number;
  late: number;
  deliveryDays: number;
}

export function totalsOf(rows: readonly DailyRow[]): SalesTotals {
  const t: SalesTotals = {days: rows.length, orders: 0, revenue: 0, newCustomers: 0, reviews: 0, scoreSum: 0, deliveries: 0, late: 0, deliveryDays: 0};
  for (const r of rows) {
    t.orders += r.orders;
    t.revenue += r.revenue;
    t.newCustomers += r.new_customers;
    t.reviews += r.reviews;
    t.scoreSum += r.score_sum;
    t.deliveries += r.deliveries;
    t.late += r.late;
    t.deliveryDays += r.delivery_days;
  }
  return t;
}

/** The last `days` days up to the last day of data, and the `days` before them (undefined if the data do not reach back that far). */
export function comparePeriods(rows: readonly DailyRow[], days = 365): {current: SalesTotals; previous: SalesTotals | undefined; start: number; end: number} {
  const end = Math.max(...rows.map((r) => r.date));
  const start = end - (days - 1) * DAY_MS;
  const first = Math.min(...rows.map((r) => r.date));
  const current = totalsOf(rows.filter((r) => r.date >= start && r.date <= end));
  const previousStart = start - days * DAY_MS;
  const previous = previousStart >= first ? totalsOf(rows.filter((r) => r.date >= previousStart && r.date < start)) : undefined;
  return {current, previous, start, end};
}

export interface Kpi {
  title: string;
  value: number;
  kind: "money" | "count" | "percent" | "score" | "days";
  change: number;
  better: "up" | "down";
}

/** The headline figures of a period against the one before. */
export function salesKpis({current, previous}: {current: SalesTotals; previous?: SalesTotals}): Kpi[] {
  const metrics: [string, Kpi["kind"], "up" | "down", (t: SalesTotals) => number][] = [
    ["Revenue", "money", "up", (t) => t.revenue],
    ["Sales", "count", "up", (t) => t.orders],
    ["New customers", "count", "up", (t) => t.newCustomers],
    ["Average order value", "money", "up", (t) => ratio(t.revenue, t.orders)],
    ["Mean review score", "score", "up", (t) => ratio(t.scoreSum, t.reviews)],
    ["Delivered late", "percent", "down", (t) => ratio(t.late, t.deliveries)]
  ];
  return metrics.map(([title, kind, better, f]) => ({title, kind, better, value: f(current), change: previous ? relativeChange(f(current), f(previous)) : NaN}));
}

const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** Mean sales and revenue per calendar day of each weekday (Monday first). */
export function byWeekday(rows: readonly DailyRow[]): {weekday: string; index: number; days: number; orders: number; revenue: number}[] {
  const acc = WEEKDAYS.map((weekday, index) => ({weekday, index, days: 0, orders: 0, revenue: 0}));
  for (const r of rows) {
    const a = acc[(new Date(r.date).getUTCDay() + 6) % 7];
    a.days++;
    a.orders += r.orders;
    a.revenue += r.revenue;
  }
  return acc.map((a) => ({...a, orders: a.days ? a.orders / a.days : NaN, revenue: a.days ? a.revenue / a.days : NaN}));
}

/** Revenue per calendar month, with the year, for a month-by-month comparison across years. */
export function byMonth(rows: readonly DailyRow[]): {year: string; month: string; index: number; orders: number; revenue: number; days: number}[] {
  const acc = new Map<string, {year: string; month: string; index: number; orders: number; revenue: number; days: number}>();
  for (const r of rows) {
    const d = new Date(r.date);
    const key = `${d.getUTCFullYear()}-${d.getUTCMonth()}`;
    const a = acc.get(key) ?? {year: String(d.getUTCFullYear()), month: MONTHS[d.getUTCMonth()], index: d.getUTCMonth(), orders: 0, revenue: 0, days: 0};
    a.orders += r.orders;
    a.revenue += r.revenue;
    a.days++;
    acc.set(key, a);
  }
  return [...acc.values()].sort((a, b) => a.year.localeCompare(b.year) || a.index - b.index);
}

export const MONTH_NAMES = MONTHS;
export const WEEKDAY_NAMES = WEEKDAYS;

export interface CategoryWeek {
  week: number;
  category: string;
  orders: number;
  items: number;
  revenue: number;
}

/** Revenue per category in the last `days` days and the `days` before, largest first, with shares and growth. */
export function categoryTotals(rows: readonly CategoryWeek[], end: number, days = 365): {category: string; revenue: number; items: number; share: number; previous: number; growth: number}[] {
  const start = end - days * DAY_MS;
  const acc = new Map<string, {revenue: number; items: number; previous: number}>();
  let total = 0;
  for (const r of rows) {
    const a = acc.get(r.category) ?? {revenue: 0, items: 0, previous: 0};
    if (r.week > start && r.week <= end) {
      a.revenue += r.revenue;
      a.items += r.items;
      total += r.revenue;
    } else if (r.week > start - days * DAY_MS && r.week <= start) a.previous += r.revenue;
    acc.set(r.category, a);
  }
  return [...acc.entries()]
    .map(([category, a]) => ({category, revenue: a.revenue, items: a.items, share: ratio(a.revenue, total), previous: a.previous, growth: a.previous > 0 ? relativeChange(a.revenue, a.previous) : NaN}))
    .sort((a, b) => b.revenue - a.revenue || a.category.localeCompare(b.category));
}

export interface StateRow {
  state: string;
  name: string;
  region: string;
  customers: number;
  orders: number;
  revenue: number;
  freight: number;
  deliveries: number;
  late: number;
  delivery_days: number;
  reviews: number;
  score_sum: number;
  sellers: number;
}

export interface StateMetrics extends StateRow {
  customerShare: number;
  revenuePerCustomer: number;
  lateShare: number;
  meanDeliveryDays: number;
  meanScore: number;
  freightShare: number;
}

export function stateMetrics(rows: readonly StateRow[]): StateMetrics[] {
  const customers = rows.reduce((n, r) => n + r.customers, 0);
  return rows.map((r) => ({
    ...r,
    customerShare: ratio(r.customers, customers),
    revenuePerCustomer: ratio(r.revenue, r.customers),
    lateShare: ratio(r.late, r.deliveries),
    meanDeliveryDays: ratio(r.delivery_days, r.deliveries),
    meanScore: ratio(r.score_sum, r.reviews),
    freightShare: ratio(r.freight, r.revenue + r.freight)
  }));
}

export interface DeliveryRow {
  days_vs_promise: number;
  orders: number;
  score_1: number;
  score_2: number;
  score_3: number;
  score_4: number;
  score_5: number;
}

/** Per day offset: mean score, share of 1-2 star reviews. */
export function deliveryScores(rows: readonly DeliveryRow[]): {days: number; orders: number; meanScore: number; lowShare: number}[] {
  return rows
    .filter((r) => r.orders > 0)
    .map((r) => ({
      days: r.days_vs_promise,
      orders: r.orders,
      meanScore: (r.score_1 + 2 * r.score_2 + 3 * r.score_3 + 4 * r.score_4 + 5 * r.score_5) / r.orders,
      lowShare: (r.score_1 + r.score_2) / r.orders
    }));
}

/** Mean score and share of 1-2 stars for deliveries on time (or early) and late. */
export function onTimeVersusLate(rows: readonly DeliveryRow[]): {onTime: {orders: number; meanScore: number; lowShare: number}; late: {orders: number; meanScore: number; lowShare: number}} {
  const acc = (filter: (r: DeliveryRow) => boolean) => {
    let n = 0;
    let sum = 0;
    let low = 0;
    for (const r of rows.filter(filter)) {
      n += r.orders;
      sum += r.score_1 + 2 * r.score_2 + 3 * r.score_3 + 4 * r.score_4 + 5 * r.score_5;
      low += r.score_1 + r.score_2;
    }
    return {orders: n, meanScore: ratio(sum, n), lowShare: ratio(low, n)};
  };
  return {onTime: acc((r) => r.days_vs_promise <= 0), late: acc((r) => r.days_vs_promise > 0)};
}

export interface CohortRow {
  cohort: number;
  months_since: number;
  customers: number;
  cohort_size: number;
}

/** Retention = customers active in month m / cohort size, for m ≥ 1 (month 0 is everyone). */
export function retention(rows: readonly CohortRow[]): (CohortRow & {retention: number})[] {
  return rows.filter((r) => r.months_since >= 1).map((r) => ({...r, retention: ratio(r.customers, r.cohort_size)}));
}

/** Mean retention by months since the first purchase, weighted by cohort size, over cohorts old enough to be observed. */
export function meanRetentionCurve(rows: readonly CohortRow[], maxMonths = 12): {months: number; retention: number; cohorts: number}[] {
  const lastCohort = Math.max(...rows.map((r) => r.cohort));
  const size = new Map<number, number>();
  for (const r of rows) size.set(r.cohort, r.cohort_size);
  const out: {months: number; retention: number; cohorts: number}[] = [];
  for (let m = 1; m <= maxMonths; m++) {
    const eligible = [...size.keys()].filter((c) => monthsApart(c, lastCohort) >= m);
    if (eligible.length === 0) break;
    const active = rows.filter((r) => r.months_since === m && eligible.includes(r.cohort)).reduce((n, r) => n + r.customers, 0);
    const total = eligible.reduce((n, c) => n + size.get(c)!, 0);
    out.push({months: m, retention: ratio(active, total), cohorts: eligible.length});
  }
  return out;
}

function monthsApart(a: number, b: number): number {
  const da = new Date(a);
  const db = new Date(b);
  return (db.getUTCFullYear() - da.getUTCFullYear()) * 12 + db.getUTCMonth() - da.getUTCMonth();
}

export interface MarketingRow {
  month: number;
  new_customers: number;
  originated: number;
  active_customers: number;
  influenced: number;
  true_originated: number;
}

/** MOCP and MICP per month and over the last `months` months. */
export function marketingShares(rows: readonly MarketingRow[], months = 12): {monthly: (MarketingRow & {mocp: number; micp: number; trueMocp: number})[]; mocp: number; micp: number; trueMocp: number} {
  const monthly = rows.map((r) => ({...r, mocp: ratio(r.originated, r.new_customers), micp: ratio(r.influenced, r.active_customers), trueMocp: r.true_originated >= 0 ? ratio(r.true_originated, r.new_customers) : NaN}));
  const recent = rows.slice(-months);
  const sum = (f: (r: MarketingRow) => number) => recent.reduce((n, r) => n + f(r), 0);
  const hasTruth = recent.every((r) => r.true_originated >= 0);
  return {
    monthly,
    mocp: ratio(sum((r) => r.originated), sum((r) => r.new_customers)),
    micp: ratio(sum((r) => r.influenced), sum((r) => r.active_customers)),
    trueMocp: hasTruth ? ratio(sum((r) => r.true_originated), sum((r) => r.new_customers)) : NaN
  };
}

/** The share of a total held by the largest items: how concentrated something is. */
export function topShare(values: readonly number[], top: number): number {
  const sorted = [...values].sort((a, b) => b - a);
  const total = sorted.reduce((a, b) => a + b, 0);
  return ratio(sorted.slice(0, top).reduce((a, b) => a + b, 0), total);
}

/** A curve's value at a share of people targeted (linear between its points). */
export function curveValueAt(rows: readonly {share: number; incremental: number}[], share: number): number {
  const sorted = [...rows].sort((a, b) => a.share - b.share);
  if (sorted.length === 0) return NaN;
  if (share <= sorted[0].share) return sorted[0].incremental;
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1];
    const b = sorted[i];
    if (share <= b.share) return b.share === a.share ? b.incremental : a.incremental + ((b.incremental - a.incremental) * (share - a.share)) / (b.share - a.share);
  }
  return sorted[sorted.length - 1].incremental;
}
