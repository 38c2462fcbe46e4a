/**
 * The promotion test (optional table olist_promotion_assignments): did the voucher offer make
 * people buy within its window, for whom, and whom to send it to next time.
 *
 * Outcome: a sale placed in [assigned_at, assigned_at + window_days). Features, from sales before
 * the assignment only: days since the last sale, log sales, log revenue, mean item price
 * level, last review score (and whether there is one), days since the first sale, voucher use
 * before, São Paulo state. A seeded 70/30 split; on the 70% a T-learner (two logistic models)
 * and a class-transformation model (src/analytics/uplift.ts); on the 30% the Qini curves,
 * coefficients and deciles, against random targeting and, in the simulation, against ranking by
 * each person's true effect (the best any model could do on these outcomes).
 */
import {Random} from "../../src/analytics/random.js";
import {averageTreatmentEffect, fitClassTransformation, fitTLearner, holdoutSplit, predictUplift, qiniCoefficient, qiniCurve, upliftAtK, upliftByDecile, type UpliftModel, type UpliftSample} from "../../src/analytics/uplift.js";
import {DAY_MS} from "../shared/schema.js";
import type {TableColumns} from "../shared/validate.js";
import {out, type Output} from "./output.js";
import type {Staged} from "./staging.js";

export const FEATURES = ["days_since_last_sale", "log_sales", "log_revenue", "mean_item_price_log", "last_review_score", "no_review", "days_since_first_sale", "used_voucher", "sao_paulo"] as const;
export const UPLIFT_SETTINGS = {testShare: 0.3, lambda: 1, seed: 42, curvePoints: 120, minPeople: 200};

export interface PromotionResult {
  outputs: Output[];
  /** Present when the test table exists. */
  ate?: ReturnType<typeof averageTreatmentEffect>;
  /** Predicted uplift on the holdout (T-learner) and the holdout's people (person indices). */
  holdout?: {people: number[]; predicted: number[]; trueEffect: number[]; outcome: number[]; treatment: number[]};
  qini?: Record<string, number>;
}

function emptyOutputs(): Output[] {
  return [summaryTable([]), curveTable([]), decileTable([]), groupTable([]), coefficientTable([])];
}

export function analysePromotion(s: Staged, assignments: TableColumns | undefined, options: {trueEffect?: Map<string, number>; groupOf?: (person: number) => string} = {}): PromotionResult {
  if (!assignments || assignments.customer_unique_id.length === 0) return {outputs: emptyOutputs()};
  const personIndex = new Map(s.people.id.map((id, i) => [id, i]));
  const o = s.orders;
  // Sales per person, in time order (orders are staged in time order).
  const salesOf = new Map<number, number[]>();
  for (let k = 0; k < o.id.length; k++) if (o.valid[k]) (salesOf.get(o.person[k]) ?? salesOf.set(o.person[k], []).get(o.person[k])!).push(k);
  const meanPrice = new Float64Array(o.id.length);
  for (let r = 0; r < s.items.order.length; r++) meanPrice[s.items.order[r]] += s.items.price[r];
  for (let k = 0; k < o.id.length; k++) meanPrice[k] = o.items[k] ? meanPrice[k] / o.items[k] : 0;

  const X: number[][] = [];
  const y: number[] = [];
  const w: number[] = [];
  const people: number[] = [];
  const truth: number[] = [];
  for (let r = 0; r < assignments.customer_unique_id.length; r++) {
    const id = assignments.customer_unique_id[r] as string;
    const p = personIndex.get(id);
    if (p === undefined) continue;
    const at = assignments.assigned_at[r] as number;
    const end = at + (assignments.window_days[r] as number) * DAY_MS;
    const sales = salesOf.get(p) ?? [];
    const before = sales.filter((k) => o.purchase[k] < at);
    const outcome = sales.some((k) => o.purchase[k] >= at && o.purchase[k] < end) ? 1 : 0;
    const last = before.length ? before[before.length - 1] : -1;
    const revenue = before.reduce((t, k) => t + o.revenue[k], 0);
    const lastScore = [...before].reverse().map((k) => o.score[k]).find((v) => Number.isFinite(v));
    X.push([
      last >= 0 ? (at - o.purchase[last]) / DAY_MS : 730,
      Math.log(Math.max(1, before.length)),
      Math.log1p(revenue),
      before.length ? Math.log1p(before.reduce((t, k) => t + meanPrice[k], 0) / before.length) : 0,
      lastScore ?? 0,
      lastScore === undefined ? 1 : 0,
      before.length ? (at - o.purchase[before[0]]) / DAY_MS : 0,
      before.some((k) => o.voucher[k]) ? 1 : 0,
      s.people.state[p] === "SP" ? 1 : 0
    ]);
    y.push(outcome);
    w.push(assignments.arm[r] === "treatment" ? 1 : 0);
    people.push(p);
    truth.push(options.trueEffect?.get(id) ?? NaN);
  }
  const treatedCount = w.reduce((n, v) => n + v, 0);
  if (treatedCount === 0 || treatedCount === w.length) return {outputs: emptyOutputs()};
  const ate = averageTreatmentEffect(y, w);
  if (people.length < UPLIFT_SETTINGS.minPeople) {
    // Too few people to fit and check a model: report the test's average effect only.
    return {outputs: [summaryTable([{model: "Whole test (too small for uplift models)", qini: NaN, qiniArea: NaN, upliftAt30: NaN, meanPredicted: NaN, meanTrue: mean(truth)}], ate, people.length), curveTable([]), decileTable([]), groupTable([]), coefficientTable([])], ate};
  }
  const split = holdoutSplit(people.length, new Random(UPLIFT_SETTINGS.seed).fork("olist-uplift"), {testShare: UPLIFT_SETTINGS.testShare});
  const pick = <T>(arr: T[], idx: number[]) => idx.map((i) => arr[i]);
  const Xtrain = pick(X, split.train);
  const ytrain = pick(y, split.train);
  const wtrain = pick(w, split.train);
  const models: [string, UpliftModel][] = [
    ["T-learner (two logistic models)", fitTLearner(Xtrain, ytrain, wtrain, {lambda: UPLIFT_SETTINGS.lambda})],
    ["Class transformation", fitClassTransformation(Xtrain, ytrain, wtrain, {lambda: UPLIFT_SETTINGS.lambda})]
  ];
  const Xtest = pick(X, split.test);
  const test = {outcome: pick(y, split.test), treatment: pick(w, split.test)};
  const testTruth = pick(truth, split.test);
  const hasTruth = testTruth.every((v) => Number.isFinite(v));
  const scored: [string, number[]][] = models.map(([name, m]) => [name, predictUplift(m, Xtest)]);
  const rankers: [string, number[]][] = [...scored];
  if (hasTruth) rankers.push(["Planted truth (true effect)", testTruth]);
  // A seeded random score: what targeting at random achieves on the same people.
  const random = new Random(UPLIFT_SETTINGS.seed).fork("olist-uplift-random");
  rankers.push(["Random targeting", test.outcome.map(() => random.uniform())]);

  const summary: SummaryRow[] = [];
  const curves: CurveRow[] = [];
  const deciles: DecileRow[] = [];
  const qini: Record<string, number> = {};
  for (const [name, score] of rankers) {
    const sample: UpliftSample = {...test, score};
    const q = qiniCoefficient(sample);
    qini[name] = q.normalized;
    const at30 = upliftAtK(sample, 0.3);
    summary.push({model: name, qini: q.normalized, qiniArea: q.areaAboveRandom, upliftAt30: at30.uplift, meanPredicted: mean(score), meanTrue: hasTruth ? mean(testTruth) : NaN});
    const points = qiniCurve(sample);
    const step = Math.max(1, Math.floor(points.length / UPLIFT_SETTINGS.curvePoints));
    points.forEach((pt, i) => {
      if (i % step === 0 || i === points.length - 1) curves.push({model: name, share: pt.share, value: pt.value, n: pt.n});
    });
    if (name.startsWith("Random")) continue;
    for (const bin of upliftByDecile(sample, {bins: 10})) {
      const members = rankIndices(score).slice(Math.round(bin.fromShare * score.length), Math.round(bin.toShare * score.length));
      deciles.push({model: name, decile: bin.bin, treated: bin.nTreated, control: bin.nControl, observed: bin.uplift, standardError: bin.standardError, predicted: bin.meanScore, trueEffect: hasTruth ? mean(members.map((i) => testTruth[i])) : NaN});
    }
  }

  // Groups (planted segment in the simulation, else RFM segment): observed and true effect, all test people.
  const groups = new Map<string, {nT: number; yT: number; nC: number; yC: number; truth: number; n: number}>();
  people.forEach((p, i) => {
    const g = options.groupOf?.(p) ?? "everyone";
    const acc = groups.get(g) ?? {nT: 0, yT: 0, nC: 0, yC: 0, truth: 0, n: 0};
    if (w[i]) {
      acc.nT++;
      acc.yT += y[i];
    } else {
      acc.nC++;
      acc.yC += y[i];
    }
    acc.truth += truth[i];
    acc.n++;
    groups.set(g, acc);
  });
  const groupRows = [...groups.entries()].sort((a, b) => a[0].localeCompare(b[0])).map(([group, a]) => ({group, treated: a.nT, control: a.nC, treatedRate: a.yT / a.nT, controlRate: a.yC / a.nC, trueEffect: a.truth / a.n}));

  const tl = models[0][1];
  const coefficients = tl.kind === "tLearner" ? FEATURES.map((f, j) => ({feature: f, treated: tl.treated.standardizedCoefficients[j], control: tl.control.standardizedCoefficients[j]})) : [];
  const holdoutPeople = pick(people, split.test);
  return {
    outputs: [summaryTable(summary, ate, people.length), curveTable(curves), decileTable(deciles), groupTable(groupRows), coefficientTable(coefficients)],
    ate,
    holdout: {people: holdoutPeople, predicted: scored[0][1], trueEffect: testTruth, outcome: test.outcome, treatment: test.treatment},
    qini
  };
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
function rankIndices(score: number[]): number[] {
  return score.map((_, i) => i).sort((a, b) => score[b] - score[a] || b - a);
}

interface SummaryRow {
  model: string;
  qini: number;
  qiniArea: number;
  upliftAt30: number;
  meanPredicted: number;
  meanTrue: number;
}
function summaryTable(rows: SummaryRow[], ate?: ReturnType<typeof averageTreatmentEffect>, people = 0): Output {
  return out("uplift_models", "Uplift models on the 30% holdout (and the test's average effect on everyone in it).", "model", [
    ["model", "utf8", "Ranking: a model, the planted truth (simulation only) or random."],
    ["qini_coefficient", "float64", "Area between the Qini curve and random targeting, over that of the perfect ranking (1 = perfect, 0 = random)."],
    ["qini_area_above_random", "float64", "Area above random targeting (incremental buyers × people)."],
    ["uplift_at_30", "float64", "Observed uplift (treated − control purchase rate) among the top 30% by the ranking."],
    ["mean_predicted", "float64", "Mean score (the predicted uplift for a model)."],
    ["mean_true_effect", "float64", "Mean true effect on the holdout (simulation only; NaN with real data)."],
    ["people_in_test", "int32", "People in the whole test."],
    ["treated", "int32", "Treated people in the whole test."],
    ["control", "int32", "Control people in the whole test."],
    ["treated_rate", "float64", "Purchase rate in the window, treated."],
    ["control_rate", "float64", "Purchase rate in the window, control."],
    ["ate", "float64", "Average effect: treated rate − control rate."],
    ["ate_lower", "float64", "95% interval, lower end."],
    ["ate_upper", "float64", "95% interval, upper end."]
  ], {
    model: rows.map((r) => r.model), qini_coefficient: rows.map((r) => r.qini), qini_area_above_random: rows.map((r) => r.qiniArea), uplift_at_30: rows.map((r) => r.upliftAt30),
    mean_predicted: rows.map((r) => r.meanPredicted), mean_true_effect: rows.map((r) => r.meanTrue), people_in_test: rows.map(() => people),
    treated: rows.map(() => ate?.nTreated ?? 0), control: rows.map(() => ate?.nControl ?? 0), treated_rate: rows.map(() => ate?.treatedMean ?? NaN), control_rate: rows.map(() => ate?.controlMean ?? NaN),
    ate: rows.map(() => ate?.ate ?? NaN), ate_lower: rows.map(() => ate?.lower95 ?? NaN), ate_upper: rows.map(() => ate?.upper95 ?? NaN)
  });
}

interface CurveRow {
  model: string;
  share: number;
  value: number;
  n: number;
}
function curveTable(rows: CurveRow[]): Output {
  return out("uplift_qini", "Qini curves on the holdout: incremental buyers among the treated as more people are targeted.", "ranking × point", [
    ["model", "utf8", "Ranking."],
    ["share", "float64", "Share of the holdout targeted, highest score first."],
    ["people", "int32", "People targeted."],
    ["incremental", "float64", "Qini value: treated buyers − control buyers × (treated / control) among those targeted."]
  ], {model: rows.map((r) => r.model), share: rows.map((r) => r.share), people: rows.map((r) => r.n), incremental: rows.map((r) => r.value)});
}

interface DecileRow {
  model: string;
  decile: number;
  treated: number;
  control: number;
  observed: number;
  standardError: number;
  predicted: number;
  trueEffect: number;
}
function decileTable(rows: DecileRow[]): Output {
  return out("uplift_deciles", "Holdout deciles of each ranking: observed uplift, predicted and (simulation) true effect.", "ranking × decile", [
    ["model", "utf8", "Ranking."],
    ["decile", "int32", "1 = highest predicted uplift."],
    ["treated", "int32", "Treated people in the decile."],
    ["control", "int32", "Control people."],
    ["observed_uplift", "float64", "Treated − control purchase rate."],
    ["standard_error", "float64", "Its binomial standard error."],
    ["predicted_uplift", "float64", "Mean score in the decile."],
    ["true_effect", "float64", "Mean true effect (simulation only)."]
  ], {model: rows.map((r) => r.model), decile: rows.map((r) => r.decile), treated: rows.map((r) => r.treated), control: rows.map((r) => r.control), observed_uplift: rows.map((r) => r.observed), standard_error: rows.map((r) => r.standardError), predicted_uplift: rows.map((r) => r.predicted), true_effect: rows.map((r) => r.trueEffect)});
}

function groupTable(rows: {group: string; treated: number; control: number; treatedRate: number; controlRate: number; trueEffect: number}[]): Output {
  return out("uplift_groups", "The test by group (planted segment in the simulation, RFM segment otherwise): observed and true effect.", "group", [
    ["group", "utf8", "Group."],
    ["treated", "int32", "Treated people."],
    ["control", "int32", "Control people."],
    ["treated_rate", "float64", "Purchase rate in the window, treated."],
    ["control_rate", "float64", "Purchase rate, control."],
    ["true_effect", "float64", "Mean true effect (simulation only)."]
  ], {group: rows.map((r) => r.group), treated: rows.map((r) => r.treated), control: rows.map((r) => r.control), treated_rate: rows.map((r) => r.treatedRate), control_rate: rows.map((r) => r.controlRate), true_effect: rows.map((r) => r.trueEffect)});
}

function coefficientTable(rows: {feature: string; treated: number; control: number}[]): Output {
  return out("uplift_coefficients", "T-learner: standardised logistic coefficients of the treated and control models.", "feature", [
    ["feature", "utf8", "Feature (as of the assignment)."],
    ["treated", "float64", "Coefficient in the treated model (per standard deviation)."],
    ["control", "float64", "Coefficient in the control model."]
  ], {feature: rows.map((r) => r.feature), treated: rows.map((r) => r.treated), control: rows.map((r) => r.control)});
}
