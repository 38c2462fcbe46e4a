/**
 * Evaluating an uplift model on a randomised holdout: uplift by decile, the uplift and Qini curves,
 * their normalised areas (AUUC, Qini coefficient), uplift@k, and what targeting the top x% would
 * gain.
 *
 * Estimates: for the people ranked first by a model's predicted uplift, the observed difference
 * between treated and control outcomes, cumulated down the ranking. Nothing here fits a model; the
 * scores can come from any learner (see uplift.ts).
 * Reference: Radcliffe (2007), "Using control groups to target on predicted lift: building and
 * assessing uplift models", Direct Marketing Analytics Journal 1:14–21 (Qini curve); the formulae
 * and tie rules are those of scikit-uplift's `sklift.metrics` (maks-sh/scikit-uplift:
 * `uplift_curve`, `qini_curve`, `perfect_uplift_curve`, `perfect_qini_curve`, `uplift_auc_score`,
 * `qini_auc_score`, `uplift_at_k`, `uplift_by_percentile`).
 * Tests (test/analytics/uplift.test.ts) prove: hand-worked curves and areas on eight people; every
 * metric equal to an independent numpy re-implementation of scikit-uplift's definitions
 * (test/fixtures/uplift/reference.py) on simulated scores with ties and on Hillstrom's e-mail data;
 * endpoint identities (uplift curve at N = ATE·N, Qini at N = ATE·N_T).
 *
 * Conventions (as scikit-uplift):
 * - people are ranked by score, highest first; equal scores are one step of the curves (the curves
 *   have a point only where the score changes), and where a cut must fall inside a tie (deciles,
 *   uplift@k) later rows come first (numpy's stable argsort, reversed);
 * - x is the number of people targeted (treated and control together), from 0 to N;
 * - uplift curve:  f(n) = (Y_T/N_T − Y_C/N_C)·n — incremental outcomes if all n were treated;
 * - Qini curve:    g(n) = Y_T − Y_C·N_T/N_C — incremental outcomes among the treated of the n
 *   (Radcliffe 2007), where Y_T, N_T (Y_C, N_C) are the outcome sum and count of treated (control)
 *   people among the first n, and a ratio with a zero denominator counts as 0;
 * - areas are trapezoids over x in people; "random" is the straight line from (0, 0) to the curve's
 *   end (targeting at random gains in proportion), "perfect" is the curve of the best possible
 *   ranking of these very outcomes; the normalised area is (area − random)/(perfect − random):
 *   1 for the perfect ranking, about 0 for a random one, negative for a ranking worse than random.
 */

/** A holdout sample: observed outcome, treatment flag (1 treated, 0 control) and a model's score. */
export interface UpliftSample {
  /** Observed outcome (0/1 for conversion; any number, e.g. spend, for the curves). */
  outcome: ArrayLike<number>;
  /** 1 = treated (e.g. received the e-mail), 0 = control. */
  treatment: ArrayLike<number>;
  /** Predicted uplift (or any score ranking who to target first). */
  score: ArrayLike<number>;
}

/** One point of the uplift or Qini curve. */
export interface CurvePoint {
  /** People targeted: the n highest scores (treated and control). */
  n: number;
  /** n / N. */
  share: number;
  /** Curve value: incremental outcomes (see the module comment for each curve's definition). */
  value: number;
}

/** The area of a curve against random and perfect targeting. */
export interface CurveArea {
  /** Trapezoid area under the curve, x in people. */
  area: number;
  /** Area under the straight line from (0, 0) to the curve's end: random targeting. */
  randomArea: number;
  /** Area under the curve of the best possible ranking (NaN where undefined, e.g. non-binary outcome for the uplift curve). */
  perfectArea: number;
  /** area − randomArea. */
  areaAboveRandom: number;
  /** (area − randomArea) / (perfectArea − randomArea): scikit-uplift's normalised score. */
  normalized: number;
}

function checkSample({outcome, treatment, score}: UpliftSample, where: string): number {
  const n = outcome.length;
  if (treatment.length !== n || score.length !== n) {
    throw new Error(`${where}: outcome, treatment and score must have one length; found ${n}, ${treatment.length} and ${score.length}`);
  }
  if (n === 0) throw new Error(`${where}: the sample is empty`);
  for (let i = 0; i < n; i++) {
    const t = treatment[i];
    if (t !== 0 && t !== 1) throw new Error(`${where}: treatment must be 0 or 1; found ${t} at row ${i}`);
    if (!Number.isFinite(outcome[i])) throw new Error(`${where}: outcome must be finite; found ${outcome[i]} at row ${i}`);
    if (Number.isNaN(score[i])) throw new Error(`${where}: score is NaN at row ${i}`);
  }
  return n;
}

/**
 * Row indices by score, highest first; ties: later rows first (numpy's
 * `argsort(score, kind="mergesort")[::-1]`, as scikit-uplift).
 */
export function rankByScore(score: ArrayLike<number>): number[] {
  const order = Array.from({length: score.length}, (_, i) => i);
  order.sort((a, b) => score[b] - score[a] || b - a);
  return order;
}

interface Cumulative {
  n: number[];
  nTreated: number[];
  yTreated: number[];
  yControl: number[];
}

/** Cumulative counts and outcome sums at each distinct-score threshold (scikit-uplift's `threshold_indices`). */
function cumulateAtThresholds(outcome: ArrayLike<number>, treatment: ArrayLike<number>, score: ArrayLike<number>): Cumulative {
  const order = rankByScore(score);
  const out: Cumulative = {n: [], nTreated: [], yTreated: [], yControl: []};
  let nT = 0;
  let yT = 0;
  let yC = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    if (treatment[i] === 1) {
      nT++;
      yT += outcome[i];
    } else {
      yC += outcome[i];
    }
    if (k === order.length - 1 || score[order[k + 1]] !== score[i]) {
      out.n.push(k + 1);
      out.nTreated.push(nT);
      out.yTreated.push(yT);
      out.yControl.push(yC);
    }
  }
  return out;
}

const divide = (a: number, b: number) => (b !== 0 ? a / b : 0);

function toCurve(c: Cumulative, total: number, value: (k: number) => number): CurvePoint[] {
  const points: CurvePoint[] = [];
  for (let k = 0; k < c.n.length; k++) points.push({n: c.n[k], share: c.n[k] / total, value: value(k)});
  // scikit-uplift prepends (0, 0) unless the curve already starts there (it never does: n ≥ 1).
  if (points.length === 0 || points[0].n !== 0 || points[0].value !== 0) points.unshift({n: 0, share: 0, value: 0});
  return points;
}

function upliftCurveOf(outcome: ArrayLike<number>, treatment: ArrayLike<number>, score: ArrayLike<number>): CurvePoint[] {
  const c = cumulateAtThresholds(outcome, treatment, score);
  return toCurve(c, outcome.length, (k) => (divide(c.yTreated[k], c.nTreated[k]) - divide(c.yControl[k], c.n[k] - c.nTreated[k])) * c.n[k]);
}

function qiniCurveOf(outcome: ArrayLike<number>, treatment: ArrayLike<number>, score: ArrayLike<number>): CurvePoint[] {
  const c = cumulateAtThresholds(outcome, treatment, score);
  return toCurve(c, outcome.length, (k) => c.yTreated[k] - c.yControl[k] * divide(c.nTreated[k], c.n[k] - c.nTreated[k]));
}

/**
 * The uplift curve (scikit-uplift `uplift_curve`): for the n highest scores,
 * (treated mean − control mean) × n, at every point where the score changes, from (0, 0).
 */
export function upliftCurve(sample: UpliftSample): CurvePoint[] {
  checkSample(sample, "upliftCurve");
  return upliftCurveOf(sample.outcome, sample.treatment, sample.score);
}

/**
 * The Qini curve (Radcliffe 2007; scikit-uplift `qini_curve`): for the n highest scores,
 * Y_T − Y_C·N_T/N_C, the incremental outcomes among the treated, from (0, 0).
 */
export function qiniCurve(sample: UpliftSample): CurvePoint[] {
  checkSample(sample, "qiniCurve");
  return qiniCurveOf(sample.outcome, sample.treatment, sample.score);
}

/** Trapezoid area under points (x = n), as `sklearn.metrics.auc`. */
export function curveArea(points: readonly CurvePoint[]): number {
  let area = 0;
  for (let k = 1; k < points.length; k++) area += ((points[k].n - points[k - 1].n) * (points[k].value + points[k - 1].value)) / 2;
  return area;
}

function isBinary(values: ArrayLike<number>): boolean {
  for (let i = 0; i < values.length; i++) if (values[i] !== 0 && values[i] !== 1) return false;
  return true;
}

/**
 * The best possible Qini curve for these outcomes (scikit-uplift `perfect_qini_curve`).
 * `negativeEffect: true` (default) ranks treated responders first and control responders last
 * (score y·t − y·(1 − t)); `false` is Radcliffe's zero-downlift optimum: a straight rise to the
 * total incremental count R at x = R, then flat.
 */
export function perfectQiniCurve(sample: Omit<UpliftSample, "score">, {negativeEffect = true}: {negativeEffect?: boolean} = {}): CurvePoint[] {
  const {outcome, treatment} = sample;
  const n = outcome.length;
  if (negativeEffect) {
    const score = Array.from({length: n}, (_, i) => outcome[i] * treatment[i] - outcome[i] * (1 - treatment[i]));
    return qiniCurveOf(outcome, treatment, score);
  }
  let yT = 0;
  let nT = 0;
  let yC = 0;
  for (let i = 0; i < n; i++) {
    if (treatment[i] === 1) {
      yT += outcome[i];
      nT++;
    } else yC += outcome[i];
  }
  const ratio = yT - (nT * yC) / (n - nT);
  return [
    {n: 0, share: 0, value: 0},
    {n: ratio, share: ratio / n, value: ratio},
    {n, share: 1, value: ratio}
  ];
}

/**
 * The best possible uplift curve for binary outcomes (scikit-uplift `perfect_uplift_curve`):
 * score 2·[y = t] + (y if control responders outnumber treated non-responders, else t).
 */
export function perfectUpliftCurve(sample: Omit<UpliftSample, "score">): CurvePoint[] {
  const {outcome, treatment} = sample;
  const n = outcome.length;
  let controlResponders = 0;
  let treatedNonResponders = 0;
  for (let i = 0; i < n; i++) {
    if (outcome[i] === 1 && treatment[i] === 0) controlResponders++;
    if (outcome[i] === 0 && treatment[i] === 1) treatedNonResponders++;
  }
  const useOutcome = controlResponders > treatedNonResponders;
  const score = Array.from({length: n}, (_, i) => 2 * (outcome[i] === treatment[i] ? 1 : 0) + (useOutcome ? outcome[i] : treatment[i]));
  return upliftCurveOf(outcome, treatment, score);
}

function areaAgainst(actual: CurvePoint[], perfect: CurvePoint[] | null): CurveArea {
  const area = curveArea(actual);
  const end = perfect ? perfect[perfect.length - 1] : actual[actual.length - 1];
  const randomArea = (end.n * end.value) / 2;
  const perfectArea = perfect ? curveArea(perfect) : NaN;
  return {area, randomArea, perfectArea, areaAboveRandom: area - randomArea, normalized: (area - randomArea) / (perfectArea - randomArea)};
}

/**
 * The Qini coefficient: area between the Qini curve and random targeting, divided by that of the
 * perfect Qini curve (scikit-uplift `qini_auc_score`, whose default `negativeEffect: true` we keep).
 * Defined for binary outcomes; for other outcomes `normalized` still follows the same formula but
 * the "perfect" ranking is only a heuristic (treated by outcome, control reversed).
 */
export function qiniCoefficient(sample: UpliftSample, {negativeEffect = true}: {negativeEffect?: boolean} = {}): CurveArea {
  checkSample(sample, "qiniCoefficient");
  return areaAgainst(qiniCurveOf(sample.outcome, sample.treatment, sample.score), perfectQiniCurve(sample, {negativeEffect}));
}

/**
 * AUUC: area between the uplift curve and random targeting, divided by that of the perfect uplift
 * curve (scikit-uplift `uplift_auc_score`). For a non-binary outcome the perfect curve is
 * undefined: `perfectArea` and `normalized` are NaN, `areaAboveRandom` is still meaningful.
 */
export function upliftAuc(sample: UpliftSample): CurveArea {
  checkSample(sample, "upliftAuc");
  const actual = upliftCurveOf(sample.outcome, sample.treatment, sample.score);
  return areaAgainst(actual, isBinary(sample.outcome) ? perfectUpliftCurve(sample) : null);
}

/** Observed treated and control results among a group of people. */
export interface GroupUplift {
  /** People in the group (treated + control). */
  n: number;
  nTreated: number;
  nControl: number;
  /** Mean outcome of the treated (NaN if none). */
  treatedRate: number;
  /** Mean outcome of the control (NaN if none). */
  controlRate: number;
  /** treatedRate − controlRate. */
  uplift: number;
  /** Binomial standard error of the uplift, √(p_T(1−p_T)/n_T + p_C(1−p_C)/n_C) (as scikit-uplift's `std_uplift`; for 0/1 outcomes). */
  standardError: number;
  /** Mean score of the group. */
  meanScore: number;
}

function groupUplift(rows: readonly number[], {outcome, treatment, score}: UpliftSample): GroupUplift {
  let nT = 0;
  let yT = 0;
  let nC = 0;
  let yC = 0;
  let s = 0;
  for (const i of rows) {
    s += score[i];
    if (treatment[i] === 1) {
      nT++;
      yT += outcome[i];
    } else {
      nC++;
      yC += outcome[i];
    }
  }
  const pT = nT ? yT / nT : NaN;
  const pC = nC ? yC / nC : NaN;
  return {
    n: rows.length,
    nTreated: nT,
    nControl: nC,
    treatedRate: pT,
    controlRate: pC,
    uplift: pT - pC,
    standardError: Math.sqrt((pT * (1 - pT)) / nT + (pC * (1 - pC)) / nC),
    meanScore: rows.length ? s / rows.length : NaN
  };
}

/** One bin of `upliftByDecile`. */
export interface UpliftBin extends GroupUplift {
  /** 1 = highest scores. */
  bin: number;
  /** Share of people ranked above this bin's first person, and through its last person. */
  fromShare: number;
  toShare: number;
}

/**
 * Observed uplift per bin of predicted uplift (scikit-uplift `uplift_by_percentile`,
 * strategy "overall"): people ranked by score, cut into `bins` groups of equal size (numpy
 * `array_split`: the first N mod bins groups get one more), and in each the treated mean minus the
 * control mean, with counts. A model that ranks well shows uplift falling from bin 1 to bin 10.
 */
export function upliftByDecile(sample: UpliftSample, {bins = 10}: {bins?: number} = {}): UpliftBin[] {
  const n = checkSample(sample, "upliftByDecile");
  if (!Number.isInteger(bins) || bins < 1 || bins >= n) throw new Error(`upliftByDecile: bins must be an integer in [1, ${n - 1}]; found ${bins}`);
  const order = rankByScore(sample.score);
  const base = Math.floor(n / bins);
  const extra = n % bins;
  const out: UpliftBin[] = [];
  let start = 0;
  for (let b = 0; b < bins; b++) {
    const size = base + (b < extra ? 1 : 0);
    out.push({bin: b + 1, fromShare: start / n, toShare: (start + size) / n, ...groupUplift(order.slice(start, start + size), sample)});
    start += size;
  }
  return out;
}

/**
 * Observed uplift among the top k of the ranking (scikit-uplift `uplift_at_k`). `k` in (0, 1) is a
 * share of people, an integer ≥ 1 a count. Strategy "overall" (default) takes the first
 * floor(N·k) people of both groups together; "byGroup" the first floor(N_T·k) treated and
 * floor(N_C·k) control people, each ranked separately.
 */
export function upliftAtK(sample: UpliftSample, k: number, {strategy = "overall"}: {strategy?: "overall" | "byGroup"} = {}): GroupUplift {
  const n = checkSample(sample, "upliftAtK");
  const isShare = k > 0 && k < 1;
  if (!isShare && !(Number.isInteger(k) && k >= 1 && k < n)) throw new Error(`upliftAtK: k must be a share in (0, 1) or a count in [1, ${n - 1}]; found ${k}`);
  const order = rankByScore(sample.score);
  if (strategy === "overall") {
    const size = isShare ? Math.floor(n * k) : k;
    return groupUplift(order.slice(0, size), sample);
  }
  const treated = order.filter((i) => sample.treatment[i] === 1);
  const control = order.filter((i) => sample.treatment[i] === 0);
  const nT = isShare ? Math.floor(treated.length * k) : k;
  const nC = isShare ? Math.floor(control.length * k) : k;
  if (nT > treated.length || nC > control.length) throw new Error(`upliftAtK: k = ${k} exceeds the treated (${treated.length}) or control (${control.length}) group`);
  return groupUplift([...treated.slice(0, nT), ...control.slice(0, nC)], sample);
}

/** One row of `targetingCurve`. */
export interface TargetingRow {
  /** Share of the population targeted (the highest predicted uplift first). */
  share: number;
  /** People targeted: round(share · N). */
  targeted: number;
  /** Σ predicted uplift of the targeted: expected incremental conversions (or outcome units). */
  incrementalConversions: number;
  /** incrementalConversions × valuePerConversion. */
  incrementalValue: number;
  /** targeted × costPerContact. */
  cost: number;
  /** incrementalValue − cost. */
  netValue: number;
  /** incrementalConversions as a share of those from targeting everyone (NaN if that is 0). */
  shareOfEveryone: number;
}

export interface TargetingOptions {
  /** Shares of the population to evaluate (default 0.1, 0.2, …, 1). */
  shares?: readonly number[];
  /** Value of one incremental conversion (default 0: value columns are 0). */
  valuePerConversion?: number;
  /** Cost of contacting one person (default 0). */
  costPerContact?: number;
}

/**
 * What targeting the top x% by predicted uplift is expected to gain, against targeting everyone:
 * for each share, the sum of the predicted uplifts of the people targeted (so predictions must be
 * calibrated: probabilities for a T-learner or class transformation, outcome units for the
 * transformed outcome), its value and the contact cost. Predictions, not observations: check the
 * model on a holdout (`upliftByDecile`, `qiniCoefficient`) before trusting these sums.
 */
export function targetingCurve(predictedUplift: ArrayLike<number>, {shares, valuePerConversion = 0, costPerContact = 0}: TargetingOptions = {}): TargetingRow[] {
  const n = predictedUplift.length;
  if (n === 0) throw new Error("targetingCurve: no predictions");
  const list = shares ?? Array.from({length: 10}, (_, i) => (i + 1) / 10);
  const sorted = Array.from(predictedUplift).sort((a, b) => b - a);
  const cumulative = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) cumulative[i + 1] = cumulative[i] + sorted[i];
  const everyone = cumulative[n];
  return list.map((share) => {
    if (!(share >= 0 && share <= 1)) throw new Error(`targetingCurve: shares must be in [0, 1]; found ${share}`);
    const targeted = Math.round(share * n);
    const incrementalConversions = cumulative[targeted];
    const incrementalValue = incrementalConversions * valuePerConversion;
    const cost = targeted * costPerContact;
    return {share, targeted, incrementalConversions, incrementalValue, cost, netValue: incrementalValue - cost, shareOfEveryone: everyone !== 0 ? incrementalConversions / everyone : NaN};
  });
}

/**
 * The observed counterpart of `targetingCurve` on a randomised holdout: among the first
 * round(share·N) people by score (ties cut as in `upliftAtK`), (treated mean − control mean) ×
 * people targeted — the uplift curve's value at that cut. Scale by population / holdout size for a
 * campaign.
 */
export function observedIncrementalAtShare(sample: UpliftSample, share: number): number {
  const n = checkSample(sample, "observedIncrementalAtShare");
  if (!(share >= 0 && share <= 1)) throw new Error(`observedIncrementalAtShare: share must be in [0, 1]; found ${share}`);
  const size = Math.round(share * n);
  if (size === 0) return 0;
  const g = groupUplift(rankByScore(sample.score).slice(0, size), sample);
  return (Number.isNaN(g.uplift) ? 0 : g.uplift) * size;
}
