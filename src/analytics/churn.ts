/**
 * Churn prediction: who is likely to leave (or, on Hillstrom, to visit), how well the model ranks
 * and how honest its probabilities are, and whom to call first.
 *
 * Estimates: the probability of the event per customer by logistic regression (./logistic.ts,
 * re-exported here); its discrimination by the ROC curve and the exact ROC AUC (the Mann-Whitney
 * U statistic divided by n₊·n₋, ties counting one half: Hanley & McNeil 1982, Radiology 143(1));
 * its calibration by deciles of predicted probability (mean predicted vs observed rate with a
 * Wilson 1927 interval), the Brier score and the log loss; and an at-risk list ranked by expected
 * loss = probability × value. References: scikit-learn `roc_auc_score`, `roc_curve`
 * (drop_intermediate as in scikit-learn), `brier_score_loss`, `log_loss`; statsmodels
 * `proportion_confint(method="wilson")`; pandas `get_dummies(drop_first=True)` for the dummy coding.
 * Tests (test/analytics/churn.test.ts) prove: on Hillstrom the AUC, ROC points (with heavy ties),
 * calibration table, Brier score and log loss equal scikit-learn / numpy / statsmodels
 * (test/fixtures/churn/reference.py); the fit equals statsmodels and scikit-learn (see
 * logistic.ts); hand-worked AUC and at-risk examples.
 */
import normalQuantile from "@stdlib/stats-base-dists-normal-quantile";
import type {Random} from "./random.js";

export * from "./logistic.js";

// ---------------------------------------------------------------------------------------------
// Features

export interface DesignMatrixOptions {
  /** Columns used as numbers (booleans become 0/1). */
  numeric?: readonly string[];
  /** Columns dummy-coded: one 0/1 column per level except the reference level. */
  categorical?: readonly string[];
  /**
   * Levels of each categorical column, reference first. Default: the sorted distinct values seen
   * (so the reference is the first in sort order, as pandas' `get_dummies(drop_first=True)`). Pass
   * the `levels` of a training design to code new data the same way.
   */
  levels?: Readonly<Record<string, readonly string[]>>;
}

export interface DesignMatrix {
  /** One row per record: numeric columns in order, then the dummies of each categorical column. */
  X: number[][];
  /** Column names: the numeric names, then `column_level` for each dummy. */
  featureNames: string[];
  /** Levels used per categorical column (reference first). */
  levels: Record<string, string[]>;
}

/** Build a numeric feature matrix from records: numeric columns as they are, categorical ones dummy-coded. */
export function designMatrix(records: readonly Readonly<Record<string, unknown>>[], options: DesignMatrixOptions): DesignMatrix {
  const numeric = options.numeric ?? [];
  const categorical = options.categorical ?? [];
  const levels: Record<string, string[]> = {};
  for (const column of categorical) {
    if (options.levels?.[column]) {
      levels[column] = [...options.levels[column]];
    } else {
      const seen = new Set<string>();
      records.forEach((r, i) => {
        const v = r[column];
        if (v === undefined || v === null) throw new Error(`designMatrix: row ${i} has no value in categorical column "${column}"`);
        seen.add(String(v));
      });
      levels[column] = [...seen].sort();
    }
  }
  const featureNames = [...numeric];
  for (const column of categorical) for (const level of levels[column].slice(1)) featureNames.push(`${column}_${level}`);
  const X = records.map((r, i) => {
    const row: number[] = [];
    for (const column of numeric) {
      const v = r[column];
      const x = typeof v === "boolean" ? Number(v) : typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" ? Number(v) : NaN;
      if (!Number.isFinite(x)) throw new Error(`designMatrix: row ${i}, column "${column}" is ${typeof v === "string" ? JSON.stringify(v) : String(v)}, expected a finite number`);
      row.push(x);
    }
    for (const column of categorical) {
      const value = String(r[column]);
      const index = levels[column].indexOf(value);
      if (index < 0) throw new Error(`designMatrix: row ${i}, column "${column}" has level ${JSON.stringify(value)}, expected one of ${levels[column].join(", ")}`);
      for (let l = 1; l < levels[column].length; l++) row.push(index === l ? 1 : 0);
    }
    return row;
  });
  return {X, featureNames, levels};
}

/** A seeded random split of row indices into a training and a test set (each sorted ascending). */
export function holdoutSplit(n: number, random: Random, {testShare = 0.3}: {testShare?: number} = {}): {train: number[]; test: number[]} {
  if (!(testShare > 0 && testShare < 1)) throw new Error(`holdoutSplit: testShare must be in (0, 1), got ${testShare}`);
  const order = random.shuffle(Array.from({length: n}, (_, i) => i));
  const nTest = Math.round(n * testShare);
  return {test: order.slice(0, nTest).sort((a, b) => a - b), train: order.slice(nTest).sort((a, b) => a - b)};
}

// ---------------------------------------------------------------------------------------------
// Discrimination

function checkScored(labels: ArrayLike<number>, scores: ArrayLike<number>, where: string): {positives: number; negatives: number} {
  if (labels.length !== scores.length) throw new Error(`${where}: ${labels.length} labels but ${scores.length} scores`);
  let positives = 0;
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] !== 0 && labels[i] !== 1) throw new Error(`${where}: label ${i} is ${labels[i]}, expected 0 or 1`);
    if (Number.isNaN(scores[i])) throw new Error(`${where}: score ${i} is NaN`);
    positives += labels[i];
  }
  return {positives, negatives: labels.length - positives};
}

/** Indices sorted by score, ascending (ties in index order). */
function orderByScore(scores: ArrayLike<number>): Uint32Array {
  const order = new Uint32Array(scores.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  return order.sort((a, b) => scores[a] - scores[b] || a - b);
}

/**
 * Area under the ROC curve: the probability that a random positive scores above a random
 * negative, ties counting one half (the Mann-Whitney U / (n₊ n₋)). NaN when one class is absent.
 */
export function rocAuc(labels: ArrayLike<number>, scores: ArrayLike<number>): number {
  const {positives, negatives} = checkScored(labels, scores, "rocAuc");
  if (positives === 0 || negatives === 0) return NaN;
  const order = orderByScore(scores);
  let negativesBelow = 0;
  let u = 0;
  for (let start = 0; start < order.length; ) {
    let end = start;
    let pos = 0;
    let neg = 0;
    while (end < order.length && scores[order[end]] === scores[order[start]]) {
      if (labels[order[end]] === 1) pos++;
      else neg++;
      end++;
    }
    u += pos * negativesBelow + 0.5 * pos * neg;
    negativesBelow += neg;
    start = end;
  }
  return u / (positives * negatives);
}

export interface RocPoint {
  /** Classify as positive when score ≥ threshold (Infinity for the (0, 0) corner). */
  threshold: number;
  falsePositiveRate: number;
  truePositiveRate: number;
}

/**
 * The ROC curve: one point per distinct score (highest first), starting at (0, 0). With
 * `dropIntermediate` (default true, as scikit-learn) points on a straight segment are dropped.
 */
export function rocCurve(labels: ArrayLike<number>, scores: ArrayLike<number>, {dropIntermediate = true}: {dropIntermediate?: boolean} = {}): RocPoint[] {
  const {positives, negatives} = checkScored(labels, scores, "rocCurve");
  const order = orderByScore(scores).reverse();
  const thresholds: number[] = [];
  const tps: number[] = [];
  const fps: number[] = [];
  let tp = 0;
  let fp = 0;
  for (let i = 0; i < order.length; i++) {
    if (labels[order[i]] === 1) tp++;
    else fp++;
    if (i === order.length - 1 || scores[order[i + 1]] !== scores[order[i]]) {
      thresholds.push(scores[order[i]]);
      tps.push(tp);
      fps.push(fp);
    }
  }
  let keep = thresholds.map((_, i) => i);
  if (dropIntermediate && thresholds.length > 2) {
    keep = keep.filter((i) => i === 0 || i === thresholds.length - 1 || fps[i + 1] - 2 * fps[i] + fps[i - 1] !== 0 || tps[i + 1] - 2 * tps[i] + tps[i - 1] !== 0);
  }
  const points: RocPoint[] = [{threshold: Infinity, falsePositiveRate: 0, truePositiveRate: 0}];
  for (const i of keep) points.push({threshold: thresholds[i], falsePositiveRate: fps[i] / negatives, truePositiveRate: tps[i] / positives});
  return points;
}

// ---------------------------------------------------------------------------------------------
// Calibration

export interface CalibrationBin {
  /** 1 = lowest predicted probabilities. */
  bin: number;
  count: number;
  /** Mean predicted probability and its range in the bin. */
  meanPredicted: number;
  minPredicted: number;
  maxPredicted: number;
  positives: number;
  observedRate: number;
  /** Wilson score interval of the observed rate. */
  observedLow: number;
  observedHigh: number;
}

/** Wilson (1927) score interval for a proportion. */
function wilson(successes: number, n: number, level: number): [number, number] {
  if (n === 0) return [NaN, NaN];
  const z = normalQuantile(1 - (1 - level) / 2, 0, 1);
  const p = successes / n;
  const denominator = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / denominator;
  return [centre - half, centre + half];
}

/**
 * Calibration table: customers sorted by predicted probability (ties in input order) and cut into
 * `bins` equal-count groups (customer of 0-based rank r goes to bin ⌊r·bins/n⌋ + 1); per group the
 * mean predicted probability against the observed rate, with a Wilson interval at `level` (0.95).
 */
export function calibrationTable(
  labels: ArrayLike<number>,
  probabilities: ArrayLike<number>,
  {bins = 10, level = 0.95}: {bins?: number; level?: number} = {}
): CalibrationBin[] {
  checkScored(labels, probabilities, "calibrationTable");
  const n = labels.length;
  if (!(Number.isInteger(bins) && bins >= 1 && bins <= n)) throw new Error(`calibrationTable: bins must be an integer in [1, ${n}], got ${bins}`);
  const order = orderByScore(probabilities);
  const table: CalibrationBin[] = [];
  for (let b = 0; b < bins; b++) {
    const start = Math.ceil((b * n) / bins);
    const end = Math.ceil(((b + 1) * n) / bins);
    let sum = 0;
    let positives = 0;
    for (let r = start; r < end; r++) {
      sum += probabilities[order[r]];
      positives += labels[order[r]];
    }
    const count = end - start;
    const [observedLow, observedHigh] = wilson(positives, count, level);
    table.push({
      bin: b + 1,
      count,
      meanPredicted: sum / count,
      minPredicted: probabilities[order[start]],
      maxPredicted: probabilities[order[end - 1]],
      positives,
      observedRate: positives / count,
      observedLow,
      observedHigh
    });
  }
  return table;
}

/** Brier score: the mean squared difference between predicted probability and outcome (lower is better). */
export function brierScore(labels: ArrayLike<number>, probabilities: ArrayLike<number>): number {
  checkScored(labels, probabilities, "brierScore");
  let s = 0;
  for (let i = 0; i < labels.length; i++) s += (probabilities[i] - labels[i]) ** 2;
  return s / labels.length;
}

/** Mean negative log-likelihood of the outcomes (probabilities clipped to [1e-15, 1 − 1e-15], as scikit-learn). */
export function logLoss(labels: ArrayLike<number>, probabilities: ArrayLike<number>): number {
  checkScored(labels, probabilities, "logLoss");
  let s = 0;
  for (let i = 0; i < labels.length; i++) {
    const p = Math.min(Math.max(probabilities[i], 1e-15), 1 - 1e-15);
    s -= labels[i] === 1 ? Math.log(p) : Math.log(1 - p);
  }
  return s / labels.length;
}

// ---------------------------------------------------------------------------------------------
// Acting on it

export interface AtRiskCustomer<Id = string | number> {
  id: Id;
  /** Predicted probability of churning. */
  probability: number;
  /** What the customer is worth if kept (e.g. expected lifetime value, annual revenue). */
  value: number;
}

export interface RankedAtRiskCustomer<Id = string | number> extends AtRiskCustomer<Id> {
  /** probability × value: the value expected to be lost. */
  expectedLoss: number;
  /** 1 = largest expected loss. */
  rank: number;
  /** Expected loss of this customer and those listed above it, as a share of all customers' expected loss. */
  cumulativeShare: number;
}

/**
 * Rank customers by expected loss (probability × value), largest first; ties by probability, then
 * input order. `top` keeps the first N; `minProbability` drops customers below a probability.
 */
export function rankAtRisk<Id>(
  customers: readonly AtRiskCustomer<Id>[],
  {top = Infinity, minProbability = 0}: {top?: number; minProbability?: number} = {}
): RankedAtRiskCustomer<Id>[] {
  customers.forEach((c, i) => {
    if (!(c.probability >= 0 && c.probability <= 1)) throw new Error(`rankAtRisk: customer ${i} (${String(c.id)}) has probability ${c.probability}, expected [0, 1]`);
    if (!Number.isFinite(c.value)) throw new Error(`rankAtRisk: customer ${i} (${String(c.id)}) has value ${c.value}, expected a finite number`);
  });
  const scored = customers.map((c, index) => ({c, index, expectedLoss: c.probability * c.value}));
  const total = scored.reduce((s, x) => s + x.expectedLoss, 0);
  scored.sort((a, b) => b.expectedLoss - a.expectedLoss || b.c.probability - a.c.probability || a.index - b.index);
  const out: RankedAtRiskCustomer<Id>[] = [];
  let cumulative = 0;
  for (const {c, expectedLoss} of scored) {
    if (c.probability < minProbability) continue;
    if (out.length >= top) break;
    cumulative += expectedLoss;
    out.push({...c, expectedLoss, rank: out.length + 1, cumulativeShare: total > 0 ? cumulative / total : NaN});
  }
  return out;
}
