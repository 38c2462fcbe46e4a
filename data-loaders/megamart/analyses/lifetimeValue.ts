/**
 * What members are worth. BG/NBD (purchases while alive, dropping out after a purchase) and
 * Gamma-Gamma (the value of a purchase) from src/analytics/clv.ts, in weeks:
 * 1. holdout check: fit on the orders up to 26 weeks before the last day, predict each member's
 *    purchases in those 26 weeks, and compare with what they bought (by number of repeat purchases
 *    in calibration, and in total);
 * 2. forecast: refit on all orders and compute each member's discounted value of the next 12
 *    months (1% a month), summed by RFM segment and acquisition channel, and per acquired member
 *    the margin of that value against the channel's cost of acquisition (LTV:CAC, on margin). When simulated, compared with the true
 *    expected value from each member's own λ, p and order value.
 */
import {calibrationHoldout, customerLifetimeValue, fitBgNbd, fitGammaGamma, probabilityAlive, summarizeTransactions, type CalibrationHoldout} from "../../../src/analytics/clv.js";
import type {TableColumns} from "../../shared/validate.js";
import {pearsonCorrelation} from "../../../src/analytics/stats.js";

export const HOLDOUT_WEEKS = 26;
export const HORIZON_MONTHS = 12;
export const MONTHLY_DISCOUNT = 0.01;

export interface GroupValue {
  group: string;
  members: number;
  /** Sum and mean of predicted 12-month value (SGD). */
  predicted: number;
  meanPredicted: number;
  /** Mean P(alive) at the last day. */
  meanAlive: number;
  /** Simulated truth: mean true expected 12-month value (SGD), when known. */
  meanTrue?: number;
}

export interface LifetimeValueResult {
  status: "ok" | "insufficient data";
  reason?: string;
  calibrationEndDay: number;
  lastDay: number;
  holdout?: CalibrationHoldout & {params: {r: number; alpha: number; a: number; b: number}};
  bgNbd?: {r: number; alpha: number; a: number; b: number; logLikelihood: number; customers: number};
  gammaGamma?: {p: number; q: number; gamma: number; customers: number};
  members: number;
  totalPredicted: number;
  bySegment: GroupValue[];
  /** LTV:CAC uses margin: the 12-month value × the channel's members' gross margin rate, over CAC. */
  byChannel: (GroupValue & {cac: number; marginRate: number; meanPredictedMargin: number; ltvToCac: number})[];
  byPlanted?: GroupValue[];
  /** Predicted 12-month value per member (for the uplift and churn pages). */
  perMember: Map<string, {value: number; alive: number}>;
  truth?: {totalTrue: number; correlation: number};
}

export function analyseLifetimeValue(
  orders: TableColumns,
  customers: TableColumns,
  lastDay: number,
  {segmentOf, cacByChannel, trueValue, plantedOf}: {segmentOf?: (id: string) => string; cacByChannel?: Record<string, number>; trueValue?: (id: string) => number; plantedOf?: (id: string) => string} = {}
): LifetimeValueResult {
  const calibrationEndDay = lastDay - 7 * HOLDOUT_WEEKS;
  const transactions = (orders.customer_id as string[]).map((id, k) => ({customerId: id, date: (orders.order_date[k] as number) * 86_400_000, value: orders.net_revenue[k] as number}));
  const empty: LifetimeValueResult = {status: "insufficient data", calibrationEndDay, lastDay, members: 0, totalPredicted: NaN, bySegment: [], byChannel: [], perMember: new Map()};
  const calibration = summarizeTransactions(transactions, {calibrationEnd: calibrationEndDay * 86_400_000, observationEnd: lastDay * 86_400_000, unit: "weeks"});
  const repeaters = calibration.frequency.filter((x) => x > 0).length;
  if (calibration.customerId.length < 200 || repeaters < 50) {
    return {...empty, reason: `${calibration.customerId.length} members before the holdout (${repeaters} with repeat purchases); the models need at least 200 and 50`};
  }
  const calibrationFit = fitBgNbd(calibration);
  const holdout = calibrationHoldout(calibrationFit, calibration);

  const full = summarizeTransactions(transactions, {calibrationEnd: lastDay * 86_400_000, unit: "weeks"});
  const bg = fitBgNbd(full);
  const gg = fitGammaGamma(full);
  const value = customerLifetimeValue(bg, gg, full, {months: HORIZON_MONTHS, discountRate: MONTHLY_DISCOUNT, unit: "weeks"});
  const alive = probabilityAlive(bg, full.frequency, full.recency, full.T);
  const ids = full.customerId.map(String);
  const perMember = new Map(ids.map((id, i) => [id, {value: value[i], alive: alive[i]}]));

  const channelOf = new Map((customers.customer_id as string[]).map((id, i) => [id, customers.acquisition_channel[i] as string]));
  const group = (key: (id: string) => string): GroupValue[] => {
    const groups = new Map<string, {members: number; predicted: number; alive: number; truth: number}>();
    ids.forEach((id, i) => {
      const g = key(id);
      const s = groups.get(g) ?? {members: 0, predicted: 0, alive: 0, truth: 0};
      s.members++;
      s.predicted += value[i];
      s.alive += alive[i];
      if (trueValue) s.truth += trueValue(id);
      groups.set(g, s);
    });
    return [...groups.entries()]
      .map(([g, s]) => ({group: g, members: s.members, predicted: s.predicted, meanPredicted: s.predicted / s.members, meanAlive: s.alive / s.members, ...(trueValue ? {meanTrue: s.truth / s.members} : {})}))
      .sort((a, b) => b.predicted - a.predicted);
  };
  const margin = new Map<string, [number, number]>();
  (orders.customer_id as string[]).forEach((id, k) => {
    const c = channelOf.get(id) ?? "unknown";
    const m = margin.get(c) ?? [0, 0];
    m[0] += orders.gross_margin[k] as number;
    m[1] += orders.net_revenue[k] as number;
    margin.set(c, m);
  });
  const byChannel = group((id) => channelOf.get(id) ?? "unknown").map((g) => {
    const cac = cacByChannel?.[g.group] ?? NaN;
    const [m, r] = margin.get(g.group) ?? [0, 0];
    const marginRate = r > 0 ? m / r : NaN;
    const meanPredictedMargin = g.meanPredicted * marginRate;
    return {...g, cac, marginRate, meanPredictedMargin, ltvToCac: cac > 0 ? meanPredictedMargin / cac : NaN};
  });
  const result: LifetimeValueResult = {
    status: "ok",
    calibrationEndDay,
    lastDay,
    holdout: {...holdout, params: {r: calibrationFit.r, alpha: calibrationFit.alpha, a: calibrationFit.a, b: calibrationFit.b}},
    bgNbd: {r: bg.r, alpha: bg.alpha, a: bg.a, b: bg.b, logLikelihood: bg.logLikelihood, customers: bg.customers},
    gammaGamma: {p: gg.p, q: gg.q, gamma: gg.gamma, customers: gg.customers},
    members: ids.length,
    totalPredicted: value.reduce((s, v) => s + v, 0),
    bySegment: segmentOf ? group(segmentOf) : [],
    byChannel,
    perMember
  };
  if (trueValue && plantedOf) {
    const truths = ids.map(trueValue);
    result.byPlanted = group(plantedOf);
    result.truth = {totalTrue: truths.reduce((s, v) => s + v, 0), correlation: pearsonCorrelation(value, truths)};
  }
  return result;
}
