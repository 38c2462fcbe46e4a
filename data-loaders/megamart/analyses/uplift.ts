/**
 * Who to message next time. On one campaign's randomised test (variant A against control), an
 * uplift model (src/analytics/uplift.ts: a T-learner, two L2 logistic regressions, treated and
 * control) learns from members' features the day before the send (features.ts) how much the
 * message raises their chance of buying in the window. It learns from 60% of the participants and
 * from earlier tests of the same offer (the T-learner does not need one treated share across
 * tests), and is judged on the other 40% of the campaign:
 * the Qini curve and coefficient, the observed uplift per decile of predicted uplift, and what
 * targeting the top 10%, 20%, … would have gained against messaging everyone (observed on the
 * holdout, and — when simulated — the true incremental purchases of the people it picks, against
 * a random pick and the best possible pick), in margin net of the messages and the discounts
 * redeemed.
 */
import {Random} from "../../../src/analytics/random.js";
import {
  averageTreatmentEffect,
  fitTLearner,
  holdoutSplit,
  observedIncrementalAtShare,
  perfectQiniCurve,
  predictUplift,
  qiniCoefficient,
  qiniCurve,
  upliftByDecile,
  type CurvePoint,
  type UpliftBin
} from "../../../src/analytics/uplift.js";
import type {TableColumns} from "../../shared/validate.js";
import {memberFeatures, type MemberFeatures, type OrdersByMember} from "./features.js";

export const UPLIFT_FEATURES: {key: string; label: string; of: (f: MemberFeatures) => number}[] = [
  {key: "logRecency", label: "days since last order (log)", of: (f) => Math.log1p(f.recencyDays)},
  {key: "recent30", label: "bought in the last 30 days", of: (f) => (f.recencyDays <= 30 ? 1 : 0)},
  {key: "logOrders", label: "orders (log)", of: (f) => Math.log(f.orders)},
  {key: "logMeanOrderValue", label: "mean order value (log)", of: (f) => Math.log(Math.max(1, f.meanOrderValue))},
  {key: "onlineShare", label: "online share", of: (f) => f.onlineShare},
  {key: "promotionShare", label: "promotion share", of: (f) => f.promotionShare},
  {key: "under35", label: "under 35", of: (f) => (f.age < 35 ? 1 : 0)},
  {key: "appUser", label: "app user", of: (f) => f.appUser},
  {key: "loyaltyTier", label: "loyalty tier", of: (f) => f.loyaltyTier},
  {key: "tenureDays", label: "days since sign-up", of: (f) => f.tenureDays}
];

export interface TargetingShare {
  share: number;
  targeted: number;
  /** Observed on the holdout: incremental purchases among the top share (uplift curve value). */
  observedIncremental: number;
  /** Expected incremental purchases (sum of predicted uplift). */
  predictedIncremental: number;
  /** Simulated truth: true incremental purchases of the people picked, of a random pick of the same size, and of the best pick. */
  trueIncremental?: number;
  trueRandom?: number;
  trueBest?: number;
  /** Net value: incremental purchases × margin per purchase − message cost (SGD, holdout scale). */
  netValue: number;
}

export interface UpliftResult {
  status: "ok" | "insufficient data";
  reason?: string;
  campaignId: string;
  campaignName: string;
  variant: string;
  participants: number;
  /** Campaigns whose tests the model learned from (the evaluated one first). */
  learnedFrom: string[];
  trainSize: number;
  testSize: number;
  ate: number;
  qini: {model: CurvePoint[]; perfect: CurvePoint[]};
  qiniCoefficient: number;
  deciles: (UpliftBin & {trueUplift?: number})[];
  targeting: TargetingShare[];
  marginPerPurchase: number;
  costPerMessage: number;
  bestShare: number;
  coefficients: {feature: string; label: string; coefficient: number}[];
  truth?: {capturedTop30: number; randomTop30: number; bestTop30: number; totalTrue: number};
}

const thin = (points: CurvePoint[], max = 200) => {
  const step = Math.max(1, Math.floor(points.length / max));
  return points.filter((_, i) => i % step === 0 || i === points.length - 1);
};

export function analyseUplift(
  campaigns: TableColumns,
  assignments: TableColumns,
  customers: TableColumns,
  index: OrdersByMember,
  campaignId: string,
  {seed = 42, variant = "A", trainingCampaigns = [], trueEffect}: {seed?: number; variant?: string; trainingCampaigns?: readonly string[]; trueEffect?: (customerId: string) => number | undefined} = {}
): UpliftResult {
  const c = (campaigns.campaign_id as string[]).indexOf(campaignId);
  const empty: UpliftResult = {status: "insufficient data", campaignId, campaignName: c >= 0 ? (campaigns.campaign_name[c] as string) : campaignId, variant, participants: 0, learnedFrom: [], trainSize: 0, testSize: 0, ate: NaN, qini: {model: [], perfect: []}, qiniCoefficient: NaN, deciles: [], targeting: [], marginPerPurchase: NaN, costPerMessage: NaN, bestShare: NaN, coefficients: []};
  if (c < 0) return {...empty, reason: `campaign ${campaignId} is not in the data`};
  const sendDay = campaigns.send_date[c] as number;
  const rows = (assignments.campaign_id as string[]).map((id, i) => i).filter((i) => assignments.campaign_id[i] === campaignId && (assignments.variant[i] === "control" || assignments.variant[i] === variant));
  const features = new Map(memberFeatures(customers, index, sendDay - 1).map((f) => [f.customerId, f]));
  const usable = rows.filter((i) => features.has(assignments.customer_id[i] as string));
  const treated = usable.filter((i) => assignments.variant[i] === variant).length;
  if (usable.length < 1000 || treated < 200 || usable.length - treated < 200) return {...empty, participants: usable.length, reason: `${usable.length} participants with history (${treated} messaged); the model needs at least 1,000 with 200 in each arm`};

  const row = (i: number, f: Map<string, MemberFeatures>) => UPLIFT_FEATURES.map((u) => u.of(f.get(assignments.customer_id[i] as string)!));
  const X = usable.map((i) => row(i, features));
  const y = usable.map((i) => (assignments.converted[i] ? 1 : 0));
  const w = usable.map((i) => (assignments.variant[i] === variant ? 1 : 0));
  const split = holdoutSplit(usable.length, new Random(seed).fork("uplift-split"), {testShare: 0.4});
  const pick = <T>(a: readonly T[], idx: number[]) => idx.map((i) => a[i]);
  // Earlier tests of the same offer add training rows (features as of their own send day).
  const trainX = pick(X, split.train);
  const trainY = pick(y, split.train);
  const trainW = pick(w, split.train);
  const learnedFrom = [campaignId];
  for (const other of trainingCampaigns) {
    const k = (campaigns.campaign_id as string[]).indexOf(other);
    if (k < 0) continue;
    const f = new Map(memberFeatures(customers, index, (campaigns.send_date[k] as number) - 1).map((m) => [m.customerId, m]));
    const extra = (assignments.campaign_id as string[]).map((_, i) => i).filter((i) => assignments.campaign_id[i] === other && (assignments.variant[i] === "control" || assignments.variant[i] === variant) && f.has(assignments.customer_id[i] as string));
    for (const i of extra) {
      trainX.push(row(i, f));
      trainY.push(assignments.converted[i] ? 1 : 0);
      trainW.push(assignments.variant[i] === variant ? 1 : 0);
    }
    if (extra.length > 0) learnedFrom.push(other);
  }
  const model = fitTLearner(trainX, trainY, trainW, {lambda: 1, base: "logistic"});
  const score = predictUplift(model, pick(X, split.test));
  const sample = {outcome: pick(y, split.test), treatment: pick(w, split.test), score};
  const ids = split.test.map((k) => assignments.customer_id[usable[k]] as string);
  const truths = trueEffect ? ids.map((id) => trueEffect(id) ?? 0) : undefined;

  // Money: margin of an average purchase in the window, and the cost of one message (send + expected discount).
  const windowMargin = usable.filter((i) => assignments.converted[i]).map((i) => (assignments.window_margin[i] as number) / Math.max(1, assignments.window_orders[i] as number));
  const marginPerPurchase = windowMargin.reduce((s, x) => s + x, 0) / Math.max(1, windowMargin.length);
  // A message costs its send plus, on average, the offer's discount redeemed by those who buy through
  // it (whether or not the message made them buy: discounts to members who would have bought anyway
  // are the main cost of messaging everyone).
  const discount = ((variant === "B" ? campaigns.discount_b[c] : campaigns.discount_a[c]) as number | null) ?? 0;
  const treatedRows = usable.filter((i) => assignments.variant[i] === variant);
  const redeemed = treatedRows.filter((i) => assignments.attributed_purchase[i]).reduce((sum, i) => sum + (assignments.window_revenue[i] as number), 0);
  const costPerMessage = (campaigns.cost_per_send[c] as number) + (discount * redeemed) / Math.max(1, treatedRows.length);

  const order = score.map((s, i) => ({s, i})).sort((a, b) => b.s - a.s || b.i - a.i);
  const totalTrue = truths?.reduce((s, x) => s + x, 0) ?? 0;
  const bestOrder = truths ? truths.map((t, i) => ({t, i})).sort((a, b) => b.t - a.t) : [];
  const targeting: TargetingShare[] = Array.from({length: 10}, (_, k) => (k + 1) / 10).map((share) => {
    const n = Math.round(share * order.length);
    const observed = observedIncrementalAtShare(sample, share);
    const predicted = order.slice(0, n).reduce((s, {s: v}) => s + v, 0);
    const row: TargetingShare = {share, targeted: n, observedIncremental: observed, predictedIncremental: predicted, netValue: observed * marginPerPurchase - n * costPerMessage};
    if (truths) {
      row.trueIncremental = order.slice(0, n).reduce((s, {i}) => s + truths[i], 0);
      row.trueRandom = totalTrue * share;
      row.trueBest = bestOrder.slice(0, n).reduce((s, {t}) => s + t, 0);
    }
    return row;
  });
  const best = targeting.reduce((a, b) => (b.netValue > a.netValue ? b : a));
  const deciles = upliftByDecile(sample).map((bin) => {
    if (!truths) return bin;
    const from = Math.round(bin.fromShare * order.length);
    const to = Math.round(bin.toShare * order.length);
    const members = order.slice(from, to);
    return {...bin, trueUplift: members.reduce((s, {i}) => s + truths[i], 0) / Math.max(1, members.length)};
  });
  // Treated minus control standardised log-odds coefficients: the sign says whether a feature
  // raises (+) or lowers (−) the message's effect, the size how strongly, per sd of the feature.
  const coefficients = model.treated.standardizedCoefficients.map((b, j) => ({feature: UPLIFT_FEATURES[j].key, label: UPLIFT_FEATURES[j].label, coefficient: b - model.control.standardizedCoefficients[j]}));
  const result: UpliftResult = {
    status: "ok",
    campaignId,
    campaignName: campaigns.campaign_name[c] as string,
    variant,
    participants: usable.length,
    learnedFrom,
    trainSize: trainX.length,
    testSize: split.test.length,
    ate: averageTreatmentEffect(sample.outcome, sample.treatment).ate,
    qini: {model: thin(qiniCurve(sample)), perfect: thin(perfectQiniCurve(sample))},
    qiniCoefficient: qiniCoefficient(sample).normalized,
    deciles,
    targeting,
    marginPerPurchase,
    costPerMessage,
    bestShare: best.share,
    coefficients
  };
  if (truths) {
    const top = targeting.find((t) => Math.abs(t.share - 0.3) < 1e-9)!;
    result.truth = {capturedTop30: top.trueIncremental!, randomTop30: top.trueRandom!, bestTop30: top.trueBest!, totalTrue};
  }
  return result;
}
