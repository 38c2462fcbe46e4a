/**
 * Who is leaving. Churn is defined as: a member who had bought by the cutoff day makes no purchase
 * in the 180 days after it. Features are computed from orders up to the cutoff only
 * (features.ts); a logistic regression (src/analytics/churn.ts) is fitted on 70% of the members and
 * judged on the other 30% (ROC AUC, calibration by deciles, Brier score). Its coefficients, in odds
 * ratios per unit, are the drivers. The same model then scores every member as of the last day of
 * data: the at-risk list ranks them by expected revenue lost (probability × their revenue over the
 * last 12 months). When the data are simulated, the drivers are compared with the planted ones and
 * the riskiest members with who had truly stopped buying.
 */
import {
  brierScore,
  calibrationTable,
  designMatrix,
  fitLogisticRegression,
  holdoutSplit,
  predictProbability,
  rankAtRisk,
  rankDrivers,
  rocAuc,
  rocCurve,
  type CalibrationBin,
  type FeatureEffect
} from "../../../src/analytics/churn.js";
import {Random} from "../../../src/analytics/random.js";
import type {TableColumns} from "../../shared/validate.js";
import {memberFeatures, orderedBetween, type MemberFeatures, type OrdersByMember} from "./features.js";

export const CHURN_HORIZON_DAYS = 180;

/** The model's features: name in the design matrix, label on the page. */
export const CHURN_FEATURES: {key: keyof MemberFeatures | "logOrders" | "logMeanOrderValue"; label: string}[] = [
  {key: "recencyDays", label: "days since last order"},
  {key: "logOrders", label: "orders (log)"},
  {key: "logMeanOrderValue", label: "mean order value (log SGD)"},
  {key: "tenureDays", label: "days since sign-up"},
  {key: "orders90", label: "orders in the last 90 days"},
  {key: "onlineShare", label: "online share of orders"},
  {key: "promotionShare", label: "promotion share of orders"},
  {key: "returnedOrderShare", label: "share of orders with a return"},
  {key: "appUser", label: "uses the app"},
  {key: "loyaltyTier", label: "in the paid loyalty tier"},
  {key: "emailOptIn", label: "e-mail opt-in"},
  {key: "female", label: "female"},
  {key: "age", label: "age (years)"}
];

export interface Driver extends FeatureEffect {
  label: string;
  /** Planted in the simulation: "raises churn", "lowers churn", "no effect", or absent for real data. */
  planted?: string;
}

export interface ChurnResult {
  status: "ok" | "insufficient data";
  reason?: string;
  definition: string;
  cutoffDay: number;
  horizonDays: number;
  members: number;
  churnRate: number;
  trainSize: number;
  testSize: number;
  auc: number;
  brier: number;
  /** Brier score of predicting the training churn rate for everyone (the no-skill reference). */
  brierBaseline: number;
  roc: {fpr: number; tpr: number}[];
  calibration: CalibrationBin[];
  drivers: Driver[];
  scoredDay: number;
  /** Expected revenue lost over the members scored: Σ probability × last-12-month revenue. */
  valueAtRisk: number;
  atRisk: {customerId: string; probability: number; value: number; expectedLoss: number; rank: number; cumulativeShare: number; recencyDays: number; orders: number; segment: string}[];
  /** Distribution of churn probability at the last day, for a histogram (20 bins of 0.05). */
  scoredHistogram: {from: number; members: number}[];
  truth?: {
    /** Share of the riskiest decile (test members) who had truly dropped out by the cutoff, vs all test members. */
    topDecileTrulyGone: number;
    overallTrulyGone: number;
  };
}

const numeric = CHURN_FEATURES.map((f) => f.key);

function records(features: MemberFeatures[]): Record<string, unknown>[] {
  return features.map((f) => ({...f, logOrders: Math.log(f.orders), logMeanOrderValue: Math.log(Math.max(1, f.meanOrderValue)), paidSocial: f.acquisitionChannel === "paid_social" ? 1 : 0}));
}

export function analyseChurn(
  customers: TableColumns,
  index: OrdersByMember,
  lastDay: number,
  {seed = 42, segmentOf, plantedEffects, trulyGoneBy}: {seed?: number; segmentOf?: (id: string) => string; plantedEffects?: Record<string, string>; trulyGoneBy?: (id: string, day: number) => boolean} = {}
): ChurnResult {
  const cutoff = lastDay - CHURN_HORIZON_DAYS;
  const definition = `A member who had bought by ${new Date(cutoff * 86_400_000).toISOString().slice(0, 10)} churned if they made no purchase in the ${CHURN_HORIZON_DAYS} days after it.`;
  const empty = {definition, cutoffDay: cutoff, horizonDays: CHURN_HORIZON_DAYS, members: 0, churnRate: NaN, trainSize: 0, testSize: 0, auc: NaN, brier: NaN, brierBaseline: NaN, roc: [], calibration: [], drivers: [], scoredDay: lastDay, valueAtRisk: NaN, atRisk: [], scoredHistogram: []};
  const train = memberFeatures(customers, index, cutoff);
  const labels: number[] = train.map((f) => (orderedBetween(index, f.customerId, cutoff, lastDay) ? 0 : 1));
  const churned = labels.reduce<number>((s, y) => s + y, 0);
  if (train.length < 200 || churned < 20 || train.length - churned < 20) {
    return {status: "insufficient data", reason: `${train.length} members bought before the cutoff (${churned} churned); the model needs at least 200 with 20 of each outcome`, ...empty};
  }
  const rows = records(train);
  const design = designMatrix(rows, {numeric: [...numeric], categorical: ["acquisitionChannel"], levels: {acquisitionChannel: ["in_store", ...[...new Set(train.map((f) => f.acquisitionChannel))].filter((c) => c !== "in_store").sort()]}});
  const split = holdoutSplit(rows.length, new Random(seed).fork("churn-split"), {testShare: 0.3});
  const pick = <T>(a: readonly T[], idx: number[]) => idx.map((i) => a[i]);
  const names = design.featureNames;
  const fit = fitLogisticRegression(pick(design.X, split.train), pick(labels, split.train), {featureNames: names});
  const testX = pick(design.X, split.test);
  const testY = pick(labels, split.test);
  const p = predictProbability(fit, testX);
  const trainRate = pick(labels, split.train).reduce<number>((s, y) => s + y, 0) / split.train.length;
  const labelOf = (name: string) => CHURN_FEATURES.find((f) => f.key === name)?.label ?? name.replace(/^acquisitionChannel_/, "acquired via ").replace("_", " ");
  const drivers: Driver[] = rankDrivers(fit).map((d) => ({...d, label: labelOf(d.feature), ...(plantedEffects ? {planted: plantedEffects[d.feature] ?? ""} : {})}));
  const roc = rocCurve(testY, p);
  const step = Math.max(1, Math.floor(roc.length / 200));

  // Score everyone as of the last day with the same model.
  const now = memberFeatures(customers, index, lastDay);
  const nowDesign = designMatrix(records(now), {numeric: [...numeric], categorical: ["acquisitionChannel"], levels: design.levels});
  const probability = predictProbability(fit, nowDesign.X);
  const value = now.map((f) => {
    let revenue = 0;
    const start = index.start.get(f.customerId)!;
    for (let k = start; k < index.end.get(f.customerId)!; k++) if ((index.orders.order_date[k] as number) > lastDay - 365) revenue += index.orders.net_revenue[k] as number;
    return revenue;
  });
  const ranked = rankAtRisk(now.map((f, i) => ({id: f.customerId, probability: probability[i], value: value[i]})), {top: 200});
  const byId = new Map(now.map((f) => [f.customerId, f]));
  const histogram = Array.from({length: 20}, (_, b) => ({from: b / 20, members: 0}));
  for (const q of probability) histogram[Math.min(19, Math.floor(q * 20))].members++;

  const result: ChurnResult = {
    status: "ok",
    definition,
    cutoffDay: cutoff,
    horizonDays: CHURN_HORIZON_DAYS,
    members: train.length,
    churnRate: churned / train.length,
    trainSize: split.train.length,
    testSize: split.test.length,
    auc: rocAuc(testY, p),
    brier: brierScore(testY, p),
    brierBaseline: brierScore(testY, testY.map(() => trainRate)),
    roc: roc.filter((_, i) => i % step === 0 || i === roc.length - 1).map((r) => ({fpr: r.falsePositiveRate, tpr: r.truePositiveRate})),
    calibration: calibrationTable(testY, p, {bins: 10}),
    drivers,
    scoredDay: lastDay,
    valueAtRisk: probability.reduce((s, q, i) => s + q * value[i], 0),
    atRisk: ranked.map((r) => ({customerId: r.id, probability: r.probability, value: r.value, expectedLoss: r.expectedLoss, rank: r.rank, cumulativeShare: r.cumulativeShare, recencyDays: byId.get(r.id)!.recencyDays, orders: byId.get(r.id)!.orders, segment: segmentOf?.(r.id) ?? ""})),
    scoredHistogram: histogram
  };
  if (trulyGoneBy) {
    const testIds = split.test.map((i) => train[i].customerId);
    const order = p.map((q, i) => ({q, i})).sort((a, b) => b.q - a.q);
    const top = order.slice(0, Math.max(1, Math.round(order.length / 10)));
    const gone = (i: number) => (trulyGoneBy(testIds[i], cutoff) ? 1 : 0);
    result.truth = {
      topDecileTrulyGone: top.reduce((s, {i}) => s + gone(i), 0) / top.length,
      overallTrulyGone: testIds.reduce((s, _, i) => s + gone(i), 0) / testIds.length
    };
  }
  return result;
}
