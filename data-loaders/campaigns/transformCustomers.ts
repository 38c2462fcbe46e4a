/**
 * Customers and orders → what the Customers page reads: per-customer facts (orders, revenue,
 * activity by month since acquisition), a lifetime-value model and a churn model, summarised into
 * three small tables the page filters in the browser:
 *
 * - fct_customer_groups: customers by acquisition month × campaign × segment × churn-risk decile,
 *   with their orders, revenue to date, revenue in their first 12 months, predicted value of the
 *   next 12 months and expected 90-day churners;
 * - fct_cohort_activity: for the same groups, customers active (with an order) and revenue in
 *   each month since acquisition (month 0 = the acquisition month);
 * - fct_customers_at_risk: the customers with the largest expected loss (churn probability ×
 *   revenue of the last 12 months), for the retention team.
 *
 * Models (shared, src/analytics): the predicted 12-month value is BG/NBD + Gamma-Gamma
 * (clv.ts, weekly units, 1% monthly discount); the churn risk is a logistic regression
 * (churn.ts) of "no order in the next 90 days" on recency, frequency, tenure, average order value,
 * segment and acquisition channel, trained on the snapshot 90 days before the last day (when that
 * outcome is known), checked on a 30% holdout (ROC AUC, calibration), then applied today.
 */
import {customerLifetimeValue, fitBgNbd, fitGammaGamma, summarizeTransactions} from "../../src/analytics/clv.js";
import {calibrationTable, designMatrix, fitLogisticRegression, holdoutSplit, predictProbability, rankAtRisk, rocAuc, type CalibrationBin} from "../../src/analytics/churn.js";
import {Random} from "../../src/analytics/random.js";
import {DAY_MS, type TableSpec} from "../shared/schema.js";
import type {TableColumns} from "../shared/validate.js";
import {CHANNELS} from "./schema.js";

export const CHURN_HORIZON_DAYS = 90;
export const AT_RISK_LIST_SIZE = 1000;
export const RISK_BINS = 10;
export const ORGANIC = "(organic)";

export interface CustomerFacts {
  id: string[];
  acquired: Int32Array;
  campaign: (string | null)[];
  channel: string[];
  segment: string[];
  orders: Int32Array;
  revenue: Float64Array;
  /** Revenue in the 365 days after acquisition (NaN when the customer is younger than that). */
  firstYearRevenue: Float64Array;
  lastYearRevenue: Float64Array;
  lastOrder: Int32Array;
  /** Activity per month since acquisition: months[i] maps month offset → [orders, revenue]. */
  months: Map<number, [number, number]>[];
  /** Predicted discounted value of the next 12 months (BG/NBD + Gamma-Gamma). */
  clv12: Float64Array;
  /** P(no order in the next 90 days) from the churn model. */
  churnRisk: Float64Array;
}

export interface CustomerModelSummary {
  asOf: number;
  customers: number;
  orders: number;
  lifetime:
    | {available: true; bgnbd: {r: number; alpha: number; a: number; b: number; converged: boolean}; gammaGamma: {p: number; q: number; gamma: number; converged: boolean}}
    | {available: false; reason: string};
  churn:
    | {available: true; snapshot: number; trained: number; tested: number; baseRate: number; auc: number; calibration: CalibrationBin[]; features: string[]; coefficients: number[]}
    | {available: false; reason: string};
}

/** Fewest customers the lifetime-value and churn models are fitted on (fewer: the pages say so). */
export const MIN_CUSTOMERS = 50;

const monthIndex = (day: number) => {
  const d = new Date(day * DAY_MS);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
};
const monthStartDay = (index: number) => Date.UTC(Math.floor(index / 12), index % 12, 1) / DAY_MS;

/** Per-customer facts and both models (see the module comment). */
export function customerFacts(tables: Map<string, TableColumns>): {facts: CustomerFacts; summary: CustomerModelSummary} {
  const customers = tables.get("customers")!;
  const orders = tables.get("orders")!;
  const campaigns = tables.get("campaigns");
  const channelOf = new Map<string, string>();
  if (campaigns) campaigns.campaign_id.forEach((id, i) => channelOf.set(id as string, campaigns.channel[i] as string));
  const n = customers.customer_id.length;
  const index = new Map(customers.customer_id.map((id, i) => [id as string, i]));
  const acquired = Int32Array.from(customers.acquired_date as number[]);
  const orderCount = new Int32Array(n);
  const revenue = new Float64Array(n);
  const lastOrder = Int32Array.from(acquired);
  const months: Map<number, [number, number]>[] = Array.from({length: n}, () => new Map());
  let asOf = -Infinity;
  for (const d of orders.order_date as number[]) if (d > asOf) asOf = d;
  for (const d of acquired) if (d > asOf) asOf = d;
  const firstYearRevenue = new Float64Array(n);
  const lastYearRevenue = new Float64Array(n);
  orders.customer_id.forEach((cid, k) => {
    const i = index.get(cid as string)!;
    const day = orders.order_date[k] as number;
    const value = orders.revenue[k] as number;
    orderCount[i]++;
    revenue[i] += value;
    if (day > lastOrder[i]) lastOrder[i] = day;
    if (day - acquired[i] < 365) firstYearRevenue[i] += value;
    if (asOf - day < 365) lastYearRevenue[i] += value;
    const offset = monthIndex(day) - monthIndex(acquired[i]);
    const m = months[i].get(offset) ?? [0, 0];
    m[0]++;
    m[1] += value;
    months[i].set(offset, m);
  });
  for (let i = 0; i < n; i++) if (asOf - acquired[i] < 364) firstYearRevenue[i] = NaN;

  // Lifetime value: BG/NBD + Gamma-Gamma on the whole history (weeks), when there is enough of it.
  const clv12 = new Float64Array(n).fill(NaN);
  let lifetime: CustomerModelSummary["lifetime"] = {available: false, reason: ""};
  const transactions = orders.customer_id.map((cid, k) => ({customerId: cid as string, date: (orders.order_date[k] as number) * DAY_MS, value: orders.revenue[k] as number}));
  const summary = summarizeTransactions(transactions, {calibrationEnd: asOf * DAY_MS, unit: "weeks"});
  const repeaters = summary.frequency.filter((f) => f > 0).length;
  if (summary.customerId.length < MIN_CUSTOMERS || repeaters < MIN_CUSTOMERS / 2) {
    lifetime = {available: false, reason: `${summary.customerId.length} customers, ${repeaters} with repeat orders: at least ${MIN_CUSTOMERS} and ${MIN_CUSTOMERS / 2} are needed`};
  } else {
    try {
      const bg = fitBgNbd(summary);
      const gg = fitGammaGamma(summary);
      const clvBySummary = customerLifetimeValue(bg, gg, summary, {months: 12, discountRate: 0.01, unit: "weeks"});
      summary.customerId.forEach((id, k) => (clv12[index.get(id as string)!] = clvBySummary[k]));
      lifetime = {available: true, bgnbd: {r: bg.r, alpha: bg.alpha, a: bg.a, b: bg.b, converged: bg.converged}, gammaGamma: {p: gg.p, q: gg.q, gamma: gg.gamma, converged: gg.converged}};
    } catch (error) {
      lifetime = {available: false, reason: `the lifetime-value models did not fit (${(error as Error).message.split("\n")[0]})`};
    }
  }

  // Churn: features at a snapshot, outcome over the following 90 days.
  const segment = customers.segment.map(String);
  const campaign = customers.campaign_id.map((c) => (c === null ? null : String(c)));
  const channel = campaign.map((c) => (c === null ? ORGANIC : (channelOf.get(c) ?? ORGANIC)));
  const snapshot = asOf - CHURN_HORIZON_DAYS;
  const byCustomerDays: number[][] = Array.from({length: n}, () => []);
  const byCustomerValues: number[][] = Array.from({length: n}, () => []);
  orders.customer_id.forEach((cid, k) => {
    const i = index.get(cid as string)!;
    byCustomerDays[i].push(orders.order_date[k] as number);
    byCustomerValues[i].push(orders.revenue[k] as number);
  });
  const featuresAt = (i: number, day: number) => {
    let count = 0;
    let value = 0;
    let last = -Infinity;
    byCustomerDays[i].forEach((d, k) => {
      if (d > day) return;
      count++;
      value += byCustomerValues[i][k];
      if (d > last) last = d;
    });
    if (count === 0) last = acquired[i];
    return {
      log_recency: Math.log1p(Math.max(0, day - last)),
      log_orders: Math.log(Math.max(1, count)),
      log_tenure: Math.log1p(Math.max(0, day - acquired[i])),
      log_order_value: Math.log1p(count ? value / count : 0),
      segment: segment[i],
      channel: channel[i]
    };
  };
  const trainIds: number[] = [];
  for (let i = 0; i < n; i++) if (acquired[i] <= snapshot) trainIds.push(i);
  const labels: number[] = trainIds.map((i) => (byCustomerDays[i].some((d) => d > snapshot && d <= asOf) ? 0 : 1));
  const lapsed = labels.reduce((a: number, b: number) => a + b, 0);
  const churnRisk = new Float64Array(n).fill(NaN);
  let churn: CustomerModelSummary["churn"] = {available: false, reason: ""};
  if (trainIds.length < MIN_CUSTOMERS || lapsed < 5 || trainIds.length - lapsed < 5) {
    churn = {available: false, reason: `${trainIds.length} customers were acquired ${CHURN_HORIZON_DAYS} days or more before the last day (${lapsed} of them lapsed): at least ${MIN_CUSTOMERS}, with 5 of each outcome, are needed`};
  } else {
    const records = trainIds.map((i) => featuresAt(i, snapshot));
    const spec = {numeric: ["log_recency", "log_orders", "log_tenure", "log_order_value"], categorical: ["segment", "channel"]};
    const design = designMatrix(records, spec);
    const split = holdoutSplit(records.length, new Random(20240101), {testShare: 0.3});
    const fit = fitLogisticRegression(
      split.train.map((k) => design.X[k]),
      split.train.map((k) => labels[k]),
      {C: 10}
    );
    const testScores = predictProbability(fit, split.test.map((k) => design.X[k]));
    const testLabels = split.test.map((k) => labels[k]);
    // Today's risk for every customer, coded with the training levels.
    const today = designMatrix(
      customers.customer_id.map((_, i) => featuresAt(i, asOf)),
      {...spec, levels: withAllLevels(design.levels, segment, channel)}
    );
    churnRisk.set(predictProbability(fit, today.X));
    churn = {
      available: true,
      snapshot,
      trained: split.train.length,
      tested: split.test.length,
      baseRate: lapsed / labels.length,
      auc: rocAuc(testLabels, testScores),
      calibration: calibrationTable(testLabels, testScores, {bins: Math.min(10, testLabels.length)}),
      features: design.featureNames,
      coefficients: Array.from(fit.coefficients)
    };
  }
  return {
    facts: {id: customers.customer_id.map(String), acquired, campaign, channel, segment, orders: orderCount, revenue, firstYearRevenue, lastYearRevenue, lastOrder, months, clv12, churnRisk},
    summary: {asOf, customers: n, orders: orders.order_id.length, lifetime, churn}
  };
}

/** Training levels, plus any level seen only today (coded as the reference: no dummy set). */
function withAllLevels(levels: Record<string, string[]>, segment: string[], channel: string[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(levels)) out[k] = [...v];
  for (const [k, values] of [["segment", segment], ["channel", channel]] as const) {
    for (const value of new Set(values)) if (!out[k].includes(value)) out[k].push(value);
  }
  return out;
}

const groupKeyColumns = (segments: readonly string[]) =>
  [
    {name: "cohort_month", type: "date", description: "First day of the month the customers were acquired."},
    {name: "campaign_id", type: "utf8", nullable: true, description: "Acquiring campaign (empty for organic customers)."},
    {name: "channel", type: "utf8", values: [...CHANNELS, ORGANIC], description: "Channel of the acquiring campaign."},
    {name: "segment", type: "utf8", values: segments, description: "Customer segment."}
  ] as const;

export function customerGroupsSpec(segments: readonly string[]): TableSpec {
  return {
    name: "fct_customer_groups",
    description: "Customers by acquisition month, campaign, segment and churn-risk decile.",
    grain: "cohort month × campaign × segment × risk bin",
    primaryKey: ["cohort_month", "campaign_id", "segment", "risk_bin"],
    columns: [
      ...groupKeyColumns(segments),
      {name: "risk_bin", type: "int32", min: 0, max: RISK_BINS - 1, nullable: true, description: `Churn risk decile: bin k holds P(no order in ${CHURN_HORIZON_DAYS} days) in [k/10, (k+1)/10); empty when the churn model could not be fitted.`},
      {name: "customers", type: "int32", min: 0, description: "Customers in the group."},
      {name: "repeat_customers", type: "int32", min: 0, description: "Customers with two orders or more."},
      {name: "orders", type: "int32", min: 0, description: "Orders to date."},
      {name: "revenue", type: "float64", min: 0, unit: "USD", description: "Revenue to date."},
      {name: "first_year_customers", type: "int32", min: 0, description: "Customers acquired at least 364 days before the last day."},
      {name: "first_year_revenue", type: "float64", min: 0, unit: "USD", description: "Revenue of those customers in their first 365 days."},
      {name: "predicted_value_12m", type: "float64", min: 0, unit: "USD", nullable: true, description: "Predicted discounted revenue of the next 12 months (BG/NBD + Gamma-Gamma); empty when that model could not be fitted."},
      {name: "expected_churners", type: "float64", min: 0, nullable: true, description: `Sum of P(no order in the next ${CHURN_HORIZON_DAYS} days); empty without a churn model.`}
    ]
  };
}

export function cohortActivitySpec(segments: readonly string[]): TableSpec {
  return {
    name: "fct_cohort_activity",
    description: "Activity of acquisition cohorts by month since acquisition.",
    grain: "cohort month × campaign × segment × month offset",
    primaryKey: ["cohort_month", "campaign_id", "segment", "month_offset"],
    columns: [
      ...groupKeyColumns(segments),
      {name: "month_offset", type: "int32", min: 0, description: "Months since the acquisition month (0 = that month)."},
      {name: "active_customers", type: "int32", min: 0, description: "Customers with at least one order in that month."},
      {name: "revenue", type: "float64", min: 0, unit: "USD", description: "Their revenue in that month."}
    ]
  };
}

export function atRiskSpec(segments: readonly string[]): TableSpec {
  return {
    name: "fct_customers_at_risk",
    description: "Customers with the largest expected loss: churn probability × revenue of the last 12 months.",
    grain: "customer",
    primaryKey: ["customer_id"],
    columns: [
      {name: "customer_id", type: "utf8", description: "Customer."},
      {name: "acquired_date", type: "date", description: "Day of the first order."},
      ...groupKeyColumns(segments).slice(1),
      {name: "orders", type: "int32", min: 0, description: "Orders to date."},
      {name: "revenue", type: "float64", min: 0, unit: "USD", description: "Revenue to date."},
      {name: "last_year_revenue", type: "float64", min: 0, unit: "USD", description: "Revenue of the last 365 days."},
      {name: "last_order_date", type: "date", description: "Day of the last order."},
      {name: "churn_risk", type: "float64", min: 0, max: 1, description: `P(no order in the next ${CHURN_HORIZON_DAYS} days).`},
      {name: "expected_loss", type: "float64", min: 0, unit: "USD", description: "churn_risk × last_year_revenue."},
      {name: "predicted_value_12m", type: "float64", min: 0, unit: "USD", nullable: true, description: "Predicted discounted revenue of the next 12 months (empty without that model)."}
    ]
  };
}

const riskBin = (p: number) => (Number.isFinite(p) ? Math.min(RISK_BINS - 1, Math.max(0, Math.floor(p * RISK_BINS))) : null);
const segmentsOf = (facts: CustomerFacts) => [...new Set(facts.segment)].sort();

export function customerGroups(facts: CustomerFacts): {spec: TableSpec; columns: TableColumns} {
  const groups = new Map<string, {key: [number, string | null, string, string, number | null]; v: number[]}>();
  for (let i = 0; i < facts.id.length; i++) {
    const cohort = monthStartDay(monthIndex(facts.acquired[i]));
    const bin = riskBin(facts.churnRisk[i]);
    const k = `${cohort}|${facts.campaign[i]}|${facts.segment[i]}|${bin}`;
    let g = groups.get(k);
    if (!g) groups.set(k, (g = {key: [cohort, facts.campaign[i], facts.channel[i], facts.segment[i], bin], v: [0, 0, 0, 0, 0, 0, 0, 0]}));
    g.v[0]++;
    if (facts.orders[i] >= 2) g.v[1]++;
    g.v[2] += facts.orders[i];
    g.v[3] += facts.revenue[i];
    if (Number.isFinite(facts.firstYearRevenue[i])) {
      g.v[4]++;
      g.v[5] += facts.firstYearRevenue[i];
    }
    g.v[6] += facts.clv12[i];
    g.v[7] += facts.churnRisk[i];
  }
  const sorted = [...groups.values()].sort((a, b) => a.key[0] - b.key[0] || String(a.key[1]).localeCompare(String(b.key[1])) || a.key[3].localeCompare(b.key[3]) || (a.key[4] ?? -1) - (b.key[4] ?? -1));
  // NaN (a model that could not be fitted) stays NaN in the sums and is written as null.
  const round = (x: number) => (Number.isFinite(x) ? Math.round(x * 100) / 100 : null);
  return {
    spec: customerGroupsSpec(segmentsOf(facts)),
    columns: {
      cohort_month: sorted.map((g) => g.key[0]),
      campaign_id: sorted.map((g) => g.key[1]),
      channel: sorted.map((g) => g.key[2]),
      segment: sorted.map((g) => g.key[3]),
      risk_bin: sorted.map((g) => g.key[4]),
      customers: sorted.map((g) => g.v[0]),
      repeat_customers: sorted.map((g) => g.v[1]),
      orders: sorted.map((g) => g.v[2]),
      revenue: sorted.map((g) => round(g.v[3])),
      first_year_customers: sorted.map((g) => g.v[4]),
      first_year_revenue: sorted.map((g) => round(g.v[5])),
      predicted_value_12m: sorted.map((g) => round(g.v[6])),
      expected_churners: sorted.map((g) => (Number.isFinite(g.v[7]) ? Math.round(g.v[7] * 1000) / 1000 : null))
    }
  };
}

export function cohortActivity(facts: CustomerFacts): {spec: TableSpec; columns: TableColumns} {
  const groups = new Map<string, {key: [number, string | null, string, string, number]; active: number; revenue: number}>();
  for (let i = 0; i < facts.id.length; i++) {
    const cohort = monthStartDay(monthIndex(facts.acquired[i]));
    for (const [offset, [, value]] of facts.months[i]) {
      const k = `${cohort}|${facts.campaign[i]}|${facts.segment[i]}|${offset}`;
      let g = groups.get(k);
      if (!g) groups.set(k, (g = {key: [cohort, facts.campaign[i], facts.channel[i], facts.segment[i], offset], active: 0, revenue: 0}));
      g.active++;
      g.revenue += value;
    }
  }
  const sorted = [...groups.values()].sort((a, b) => a.key[0] - b.key[0] || String(a.key[1]).localeCompare(String(b.key[1])) || a.key[3].localeCompare(b.key[3]) || a.key[4] - b.key[4]);
  return {
    spec: cohortActivitySpec(segmentsOf(facts)),
    columns: {
      cohort_month: sorted.map((g) => g.key[0]),
      campaign_id: sorted.map((g) => g.key[1]),
      channel: sorted.map((g) => g.key[2]),
      segment: sorted.map((g) => g.key[3]),
      month_offset: sorted.map((g) => g.key[4]),
      active_customers: sorted.map((g) => g.active),
      revenue: sorted.map((g) => Math.round(g.revenue * 100) / 100)
    }
  };
}

export function customersAtRisk(facts: CustomerFacts, top = AT_RISK_LIST_SIZE): {spec: TableSpec; columns: TableColumns} {
  const scored = facts.id.map((_, i) => ({id: i, probability: facts.churnRisk[i], value: facts.lastYearRevenue[i]})).filter((c) => Number.isFinite(c.probability));
  const ranked = rankAtRisk(scored, {top});
  const pick = <T>(f: (i: number) => T) => ranked.map((r) => f(r.id));
  return {
    spec: atRiskSpec(segmentsOf(facts)),
    columns: {
      customer_id: pick((i) => facts.id[i]),
      acquired_date: pick((i) => facts.acquired[i]),
      campaign_id: pick((i) => facts.campaign[i]),
      channel: pick((i) => facts.channel[i]),
      segment: pick((i) => facts.segment[i]),
      orders: pick((i) => facts.orders[i]),
      revenue: pick((i) => Math.round(facts.revenue[i] * 100) / 100),
      last_year_revenue: pick((i) => Math.round(facts.lastYearRevenue[i] * 100) / 100),
      last_order_date: pick((i) => facts.lastOrder[i]),
      churn_risk: pick((i) => Math.round(facts.churnRisk[i] * 10000) / 10000),
      expected_loss: ranked.map((r) => Math.round(r.expectedLoss * 100) / 100),
      predicted_value_12m: pick((i) => (Number.isFinite(facts.clv12[i]) ? Math.round(facts.clv12[i] * 100) / 100 : null))
    }
  };
}
