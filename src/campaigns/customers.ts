/**
 * Customer groups in the browser for the Customers page: the build-time summaries
 * (data-loaders/campaigns/transformCustomers.ts) filtered by the filter bar — customers acquired
 * in the selected months by the selected channels and campaigns — and summed into segments,
 * value curves by month since acquisition, a cohort retention matrix and the churn-risk histogram.
 */
import type {Selection} from "./daily.js";

export const ORGANIC = "(organic)";

export interface CustomerGroup {
  cohort: number;
  campaign: string | null;
  channel: string;
  segment: string;
  riskBin: number;
  customers: number;
  repeatCustomers: number;
  orders: number;
  revenue: number;
  firstYearCustomers: number;
  firstYearRevenue: number;
  predictedValue12m: number;
  expectedChurners: number;
}

export interface CohortActivity {
  cohort: number;
  campaign: string | null;
  channel: string;
  segment: string;
  offset: number;
  active: number;
  revenue: number;
}

type Rows = Iterable<Record<string, unknown>> | {toArray(): Record<string, unknown>[]};
const asArray = (rows: Rows) => ("toArray" in rows ? rows.toArray() : [...rows]);
const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
/** A number, or NaN for a missing value (a model that could not be fitted). */
const num = (v: unknown) => (v === null || v === undefined ? NaN : Number(v));

export function customerGroupRows(rows: Rows): CustomerGroup[] {
  return asArray(rows).map((r) => ({
    cohort: Number(r.cohort_month),
    campaign: text(r.campaign_id),
    channel: String(r.channel),
    segment: String(r.segment),
    riskBin: num(r.risk_bin),
    customers: Number(r.customers),
    repeatCustomers: Number(r.repeat_customers),
    orders: Number(r.orders),
    revenue: Number(r.revenue),
    firstYearCustomers: Number(r.first_year_customers),
    firstYearRevenue: Number(r.first_year_revenue),
    predictedValue12m: num(r.predicted_value_12m),
    expectedChurners: num(r.expected_churners)
  }));
}

export function cohortActivityRows(rows: Rows): CohortActivity[] {
  return asArray(rows).map((r) => ({
    cohort: Number(r.cohort_month),
    campaign: text(r.campaign_id),
    channel: String(r.channel),
    segment: String(r.segment),
    offset: Number(r.month_offset),
    active: Number(r.active_customers),
    revenue: Number(r.revenue)
  }));
}

/** First day of the month of a date (ms, UTC). */
export const monthStart = (ms: number) => {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
};

/**
 * Rows of customers acquired in the months the selection touches, by the selected channels and
 * campaigns. Organic customers (no campaign) count only when every campaign is selected.
 */
export function selectCustomerRows<T extends {cohort: number; campaign: string | null; channel: string}>(rows: readonly T[], selection: Selection, allCampaigns: boolean): T[] {
  const first = monthStart(selection.start);
  const last = monthStart(selection.end);
  const channels = new Set(selection.channels);
  const campaigns = new Set(selection.campaigns);
  return rows.filter((r) => r.cohort >= first && r.cohort <= last && (r.campaign === null ? allCampaigns : channels.has(r.channel) && campaigns.has(r.campaign)));
}

export interface CustomerTotals {
  customers: number;
  repeatCustomers: number;
  orders: number;
  revenue: number;
  firstYearCustomers: number;
  firstYearRevenue: number;
  predictedValue12m: number;
  expectedChurners: number;
}

export function sumCustomers(groups: readonly CustomerGroup[]): CustomerTotals {
  const t: CustomerTotals = {customers: 0, repeatCustomers: 0, orders: 0, revenue: 0, firstYearCustomers: 0, firstYearRevenue: 0, predictedValue12m: 0, expectedChurners: 0};
  for (const g of groups) {
    t.customers += g.customers;
    t.repeatCustomers += g.repeatCustomers;
    t.orders += g.orders;
    t.revenue += g.revenue;
    t.firstYearCustomers += g.firstYearCustomers;
    t.firstYearRevenue += g.firstYearRevenue;
    t.predictedValue12m += g.predictedValue12m;
    t.expectedChurners += g.expectedChurners;
  }
  return t;
}

/** Totals per value of a key (segment, channel, …). */
export function customersBy(groups: readonly CustomerGroup[], key: (g: CustomerGroup) => string): (CustomerTotals & {key: string})[] {
  const by = new Map<string, CustomerGroup[]>();
  for (const g of groups) {
    const k = key(g);
    let list = by.get(k);
    if (!list) by.set(k, (list = []));
    list.push(g);
  }
  return [...by].map(([k, list]) => ({key: k, ...sumCustomers(list)}));
}

/**
 * Average cumulative revenue per customer by month since acquisition, per series (e.g. segment):
 * at month k, over the cohorts old enough to have completed month k by `asOfMonth` (ms, first of
 * the last complete month is not required: the current month counts as observed). Months that
 * fewer than `minCohorts` cohorts have reached are left out (one cohort's month is mostly noise).
 */
export function valueCurves(groups: readonly CustomerGroup[], activity: readonly CohortActivity[], series: (r: {segment: string; channel: string}) => string, asOfMonth: number, maxOffset = 23, minCohorts = 3): {series: string; offset: number; value: number; cohorts: number}[] {
  const monthsBetween = (a: number, b: number) => {
    const x = new Date(a);
    const y = new Date(b);
    return (y.getUTCFullYear() - x.getUTCFullYear()) * 12 + (y.getUTCMonth() - x.getUTCMonth());
  };
  const size = new Map<string, number>(); // series|cohort → customers
  for (const g of groups) {
    const k = `${series(g)}|${g.cohort}`;
    size.set(k, (size.get(k) ?? 0) + g.customers);
  }
  const revenue = new Map<string, number>(); // series|cohort|offset → revenue
  for (const a of activity) {
    const k = `${series(a)}|${a.cohort}|${a.offset}`;
    revenue.set(k, (revenue.get(k) ?? 0) + a.revenue);
  }
  const out: {series: string; offset: number; value: number; cohorts: number}[] = [];
  const names = [...new Set([...size.keys()].map((k) => k.split("|")[0]))].sort();
  for (const name of names) {
    const cohorts = [...size.keys()].filter((k) => k.startsWith(`${name}|`)).map((k) => Number(k.split("|")[1]));
    let cumulative = 0;
    for (let k = 0; k <= maxOffset; k++) {
      // Cohorts that have lived through month k, with the revenue of months 0..k per customer.
      const eligible = cohorts.filter((c) => monthsBetween(c, asOfMonth) >= k);
      if (eligible.length < minCohorts) break;
      let customers = 0;
      let value = 0;
      for (const c of eligible) {
        customers += size.get(`${name}|${c}`) ?? 0;
        for (let j = 0; j <= k; j++) value += revenue.get(`${name}|${c}|${j}`) ?? 0;
      }
      cumulative = customers > 0 ? value / customers : NaN;
      out.push({series: name, offset: k, value: cumulative, cohorts: eligible.length});
    }
  }
  return out;
}

/** Share of each cohort active (with an order) in each month after acquisition (month 1 onwards). */
export function retentionMatrix(groups: readonly CustomerGroup[], activity: readonly CohortActivity[]): {cohort: number; offset: number; customers: number; active: number; rate: number}[] {
  const size = new Map<number, number>();
  for (const g of groups) size.set(g.cohort, (size.get(g.cohort) ?? 0) + g.customers);
  const active = new Map<string, number>();
  for (const a of activity) {
    if (a.offset < 1) continue;
    const k = `${a.cohort}|${a.offset}`;
    active.set(k, (active.get(k) ?? 0) + a.active);
  }
  const out: {cohort: number; offset: number; customers: number; active: number; rate: number}[] = [];
  for (const [k, n] of active) {
    const [cohort, offset] = k.split("|").map(Number);
    const customers = size.get(cohort) ?? 0;
    out.push({cohort, offset, customers, active: n, rate: customers > 0 ? n / customers : NaN});
  }
  return out.sort((a, b) => a.cohort - b.cohort || a.offset - b.offset);
}

/** Customers per churn-risk decile and segment. */
export function riskHistogram(groups: readonly CustomerGroup[]): {bin: number; low: number; high: number; segment: string; customers: number}[] {
  const by = new Map<string, number>();
  for (const g of groups) if (Number.isFinite(g.riskBin)) by.set(`${g.riskBin}|${g.segment}`, (by.get(`${g.riskBin}|${g.segment}`) ?? 0) + g.customers);
  return [...by].map(([k, customers]) => {
    const [bin, segment] = [Number(k.split("|")[0]), k.slice(k.indexOf("|") + 1)];
    return {bin, low: bin / 10, high: (bin + 1) / 10, segment, customers};
  });
}
