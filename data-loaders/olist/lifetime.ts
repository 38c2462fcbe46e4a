/**
 * Lifetime value per customer (src/analytics/clv.ts): BG/NBD for how many more purchases, Gamma-
 * Gamma for how much each, discounted over 12 months. First checked on the data: fitted on sales
 * up to six months before the end and compared with what people actually bought in those six
 * months (the calibration/holdout test of Fader, Hardie & Lee 2005); then refitted on all sales
 * for the values shown. Time unit: weeks; purchases on one day count once.
 */
import {calibrationHoldout, conditionalExpectedPurchases, customerLifetimeValue, fitBgNbd, fitGammaGamma, probabilityAlive, summarizeTransactions, type Transaction} from "../../src/analytics/clv.js";
import {DAY_MS} from "../shared/schema.js";
import {out, type Output} from "./output.js";
import type {Staged} from "./staging.js";

export const LTV_SETTINGS = {holdoutDays: 182, months: 12, monthlyDiscount: 0.01};

export interface LifetimeResult {
  /** 12-month discounted value per person (index = person; NaN without a sale). */
  clv: Float64Array;
  /** Expected purchases in the next 12 months. */
  expectedPurchases: Float64Array;
  probabilityAlive: Float64Array;
  outputs: Output[];
  holdoutCorrelation: number;
}

export function lifetimeValues(s: Staged, groupings: {name: string; of: (person: number) => string | undefined}[]): LifetimeResult {
  const o = s.orders;
  const transactions: Transaction[] = [];
  for (let k = 0; k < o.id.length; k++) if (o.valid[k]) transactions.push({customerId: o.person[k], date: o.purchase[k], value: o.revenue[k]});
  const lastDay = s.asOf - DAY_MS;

  // 1. Calibration / holdout check.
  const calibrationEnd = lastDay - LTV_SETTINGS.holdoutDays * DAY_MS;
  const calib = summarizeTransactions(transactions, {calibrationEnd, observationEnd: lastDay, unit: "weeks"});
  const calibFit = fitBgNbd(calib);
  const check = calibrationHoldout(calibFit, calib, {maxFrequency: 4});

  // 2. All sales: the values shown.
  const full = summarizeTransactions(transactions, {calibrationEnd: lastDay, unit: "weeks"});
  const bg = fitBgNbd(full);
  const gg = fitGammaGamma(full);
  const values = customerLifetimeValue(bg, gg, full, {months: LTV_SETTINGS.months, discountRate: LTV_SETTINGS.monthlyDiscount, unit: "weeks"});
  const alive = probabilityAlive(bg, full.frequency, full.recency, full.T);
  const clv = new Float64Array(s.people.id.length).fill(NaN);
  const expected = new Float64Array(s.people.id.length).fill(NaN);
  const pAlive = new Float64Array(s.people.id.length).fill(NaN);
  const horizonWeeks = (LTV_SETTINGS.months * 365.25) / 12 / 7;
  full.customerId.forEach((p, i) => {
    clv[p as number] = values[i];
    expected[p as number] = conditionalExpectedPurchases(bg, horizonWeeks, full.frequency[i], full.recency[i], full.T[i]);
    pAlive[p as number] = alive[i];
  });

  const params = out("ltv_model", "Fitted BG/NBD and Gamma-Gamma parameters (all sales) and the holdout check (model fitted without the last six months).", "parameter", [
    ["parameter", "utf8", "Parameter or check."],
    ["value", "float64", "Value."]
  ], {
    parameter: ["r", "alpha", "a", "b", "p", "q", "gamma", "customers", "repeat_customers", "holdout_weeks", "holdout_actual", "holdout_predicted", "holdout_correlation", "calibration_r", "calibration_alpha", "calibration_a", "calibration_b"],
    value: [bg.r, bg.alpha, bg.a, bg.b, gg.p, gg.q, gg.gamma, full.customerId.length, full.frequency.filter((f) => f > 0).length, check.holdoutLength, check.totals.actual, check.totals.predicted, check.correlation, calibFit.r, calibFit.alpha, calibFit.a, calibFit.b]
  });
  const holdout = out("ltv_holdout", "Holdout check: mean purchases in the last six months, actual vs predicted, by purchases before them.", "repeat purchases before the holdout", [
    ["label", "utf8", "Repeat purchases in the calibration period (the last group: that many or more)."],
    ["frequency", "int32", "Its lower bound."],
    ["customers", "int32", "People."],
    ["actual", "float64", "Mean purchases in the holdout, observed."],
    ["predicted", "float64", "Mean purchases in the holdout, BG/NBD conditional expectation."]
  ], {label: check.groups.map((g) => g.label), frequency: check.groups.map((g) => g.frequency), customers: check.groups.map((g) => g.customers), actual: check.groups.map((g) => g.actual), predicted: check.groups.map((g) => g.predicted)});

  // By groups (RFM segment, cluster, planted segment).
  const rows: {grouping: string; group: string; customers: number; clv: number; total: number; purchases: number; alive: number}[] = [];
  for (const {name, of} of groupings) {
    const acc = new Map<string, {n: number; clv: number; purchases: number; alive: number}>();
    full.customerId.forEach((p) => {
      const g = of(p as number);
      if (g === undefined) return;
      const a = acc.get(g) ?? {n: 0, clv: 0, purchases: 0, alive: 0};
      a.n++;
      a.clv += clv[p as number];
      a.purchases += expected[p as number];
      a.alive += pAlive[p as number];
      acc.set(g, a);
    });
    for (const [g, a] of [...acc.entries()].sort((x, y) => y[1].clv / y[1].n - x[1].clv / x[1].n)) rows.push({grouping: name, group: g, customers: a.n, clv: a.clv / a.n, total: a.clv, purchases: a.purchases / a.n, alive: a.alive / a.n});
  }
  const groups = out("ltv_groups", "12-month lifetime value by segment: mean and total, expected purchases and P(alive).", "grouping × group", [
    ["grouping", "utf8", "rfm, cluster or truth (the planted segment; simulation only)."],
    ["group", "utf8", "Group."],
    ["customers", "int32", "People."],
    ["mean_clv", "float64", "Mean discounted 12-month value (BRL)."],
    ["total_clv", "float64", "Sum (BRL)."],
    ["mean_expected_purchases", "float64", "Mean expected purchases in 12 months."],
    ["mean_p_alive", "float64", "Mean probability of still being a customer."]
  ], {grouping: rows.map((r) => r.grouping), group: rows.map((r) => r.group), customers: rows.map((r) => r.customers), mean_clv: rows.map((r) => r.clv), total_clv: rows.map((r) => r.total), mean_expected_purchases: rows.map((r) => r.purchases), mean_p_alive: rows.map((r) => r.alive)});

  // Concentration: share of total value held by the top x% of customers.
  const sorted = Array.from(values).sort((a, b) => b - a);
  const total = sorted.reduce((a, b) => a + b, 0);
  const shares = [0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1];
  let acc = 0;
  let idx = 0;
  const concentration = shares.map((q) => {
    const upto = Math.round(q * sorted.length);
    for (; idx < upto; idx++) acc += sorted[idx];
    return acc / total;
  });
  const curve = out("ltv_concentration", "Share of total predicted value held by the most valuable customers.", "top share of customers", [
    ["top_share", "float64", "Share of customers, most valuable first."],
    ["value_share", "float64", "Share of total 12-month value they hold."]
  ], {top_share: shares, value_share: concentration});

  return {clv, expectedPurchases: expected, probabilityAlive: pAlive, outputs: [params, holdout, groups, curve], holdoutCorrelation: check.correlation};
}
