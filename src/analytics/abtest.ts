/**
 * A/B test read-outs: did the treatment change a rate (visit, conversion) or a mean (spend), by
 * how much, can the split be trusted, and what should a page say.
 *
 * Estimates:
 * - two proportions: the z-test with the pooled standard error under H0 (statsmodels
 *   `proportions_ztest`, R's `prop.test(correct = FALSE)`); the interval for the absolute
 *   difference p_B − p_A uses the unpooled (Wald) standard error √(p_A q_A/n_A + p_B q_B/n_B),
 *   because outside H0 the rates differ (statsmodels `confint_proportions_2indep(method="wald")`);
 *   the interval for the relative lift p_B/p_A − 1 is the delta method on the log ratio (Katz et al.
 *   1978, Biometrics 34: exp(log r ± z·√(q_A/(n_A p_A) + q_B/(n_B p_B))) − 1; statsmodels
 *   `confint_proportions_2indep(compare="ratio", method="log")`), asymmetric and never below −100%;
 * - two means: Welch's t-test with Welch–Satterthwaite degrees of freedom (scipy
 *   `ttest_ind(equal_var=False)`), its t interval for the difference (statsmodels `CompareMeans.
 *   tconfint_diff(usevar="unequal")`), and the relative lift by the delta method on the log ratio of
 *   means, exp(log(m_B/m_A) ± z·√(s_A²/(n_A m_A²) + s_B²/(n_B m_B²))) − 1 (both means must be positive);
 * - sample-ratio mismatch: Pearson's chi-square goodness-of-fit of the arm sizes against the planned
 *   split, any number of arms (scipy `chisquare`); flagged below p = 0.001 by default, the threshold
 *   of Fabijan et al. (2019), "Diagnosing sample ratio mismatch in online controlled experiments", KDD;
 * - a plain-language verdict combining them (see `verdict`).
 * Power and sample size are in ./power.ts, the peeking-safe sequential test in ./sequential.ts and
 * the Bayesian view in ./abtest-bayes.ts; all are re-exported here. Every function is O(1) on
 * summaries (counts, means, variances), so pages can call them on every input change.
 * Tests (test/analytics/abtest.test.ts) prove: the tests, intervals and SRM equal statsmodels and
 * scipy (test/fixtures/hillstrom/abtest_reference.py), including Hillstrom's men's and women's
 * e-mail vs no e-mail effects on visit, conversion and spend (and pandas' group means); verdicts
 * on hand-made cases.
 */
import chisquareCdf from "@stdlib/stats-base-dists-chisquare-cdf";
import normalCdf from "@stdlib/stats-base-dists-normal-cdf";
import normalQuantile from "@stdlib/stats-base-dists-normal-quantile";
import tCdf from "@stdlib/stats-base-dists-t-cdf";
import tQuantile from "@stdlib/stats-base-dists-t-quantile";
import {powerTwoMeans, powerTwoProportions, type Alternative} from "./power.js";
import type {SequentialTest} from "./sequential.js";
import {summarize, type SampleSummary} from "./stats.js";

export * from "./power.js";
export * from "./sequential.js";
export * from "./abtest-bayes.js";
export type {SampleSummary} from "./stats.js";

const Phi = (x: number) => normalCdf(x, 0, 1);

/** Successes (visits, conversions) out of trials (customers) in one arm. */
export interface ProportionArm {
  successes: number;
  trials: number;
}

export interface TestOptions {
  /** Significance level; intervals are two-sided at 1 − alpha. Default 0.05. */
  alpha?: number;
  /** Default "two-sided". */
  alternative?: Alternative;
}

/** What both tests report: the effect of treatment (B) over control (A). */
interface EffectEstimate {
  /** B − A, with its interval. */
  difference: number;
  differenceLow: number;
  differenceHigh: number;
  /** B / A − 1, with its interval. */
  relativeLift: number;
  relativeLiftLow: number;
  relativeLiftHigh: number;
  pValue: number;
  alpha: number;
  alternative: Alternative;
  /** pValue < alpha. */
  significant: boolean;
}

export interface TwoProportionTest extends EffectEstimate {
  kind: "proportions";
  control: ProportionArm & {rate: number};
  treatment: ProportionArm & {rate: number};
  /** Pooled standard error of the difference under H0, and z = difference / it. */
  pooledStandardError: number;
  z: number;
  /** Unpooled standard error used for the interval. */
  standardError: number;
}

export interface WelchTest extends EffectEstimate {
  kind: "means";
  control: SampleSummary;
  treatment: SampleSummary;
  standardError: number;
  t: number;
  /** Welch–Satterthwaite degrees of freedom. */
  df: number;
}

function checkAlpha(where: string, alpha: number): void {
  if (!(alpha > 0 && alpha < 1)) throw new Error(`${where}: alpha must be in (0, 1), got ${alpha}`);
}

function checkArm(where: string, name: string, {successes, trials}: ProportionArm): void {
  if (!(Number.isInteger(trials) && trials > 0)) throw new Error(`${where}: ${name}.trials must be a positive integer, got ${trials}`);
  if (!(Number.isInteger(successes) && successes >= 0 && successes <= trials)) {
    throw new Error(`${where}: ${name}.successes must be an integer in [0, ${trials}], got ${successes}`);
  }
}

function pValueOf(statistic: number, alternative: Alternative, cdf: (x: number) => number): number {
  if (Number.isNaN(statistic)) return NaN;
  if (alternative === "greater") return cdf(-statistic);
  if (alternative === "less") return cdf(statistic);
  return Math.min(1, 2 * cdf(-Math.abs(statistic)));
}

/** exp(log r ± z·se) − 1 for a ratio r = b/a of positive quantities. */
function logRatioInterval(ratio: number, se: number, z: number): [number, number] {
  if (!(ratio > 0) || !Number.isFinite(se)) return [NaN, NaN];
  return [Math.exp(Math.log(ratio) - z * se) - 1, Math.exp(Math.log(ratio) + z * se) - 1];
}

/**
 * Two-proportion z-test of treatment vs control: pooled SE for the test, unpooled (Wald) interval
 * for the absolute difference, log-ratio delta-method interval for the relative lift.
 */
export function twoProportionZTest(control: ProportionArm, treatment: ProportionArm, {alpha = 0.05, alternative = "two-sided"}: TestOptions = {}): TwoProportionTest {
  const where = "twoProportionZTest";
  checkAlpha(where, alpha);
  checkArm(where, "control", control);
  checkArm(where, "treatment", treatment);
  const nA = control.trials;
  const nB = treatment.trials;
  const pA = control.successes / nA;
  const pB = treatment.successes / nB;
  const difference = pB - pA;
  const pooled = (control.successes + treatment.successes) / (nA + nB);
  const pooledStandardError = Math.sqrt(pooled * (1 - pooled) * (1 / nA + 1 / nB));
  const z = pooledStandardError > 0 ? difference / pooledStandardError : NaN;
  const pValue = pValueOf(z, alternative, Phi);
  const zCrit = normalQuantile(1 - alpha / 2, 0, 1);
  const standardError = Math.sqrt((pA * (1 - pA)) / nA + (pB * (1 - pB)) / nB);
  const logSe = pA > 0 && pB > 0 ? Math.sqrt((1 - pA) / (nA * pA) + (1 - pB) / (nB * pB)) : NaN;
  const [relativeLiftLow, relativeLiftHigh] = logRatioInterval(pB / pA, logSe, zCrit);
  return {
    kind: "proportions",
    control: {...control, rate: pA},
    treatment: {...treatment, rate: pB},
    difference,
    differenceLow: difference - zCrit * standardError,
    differenceHigh: difference + zCrit * standardError,
    relativeLift: pA > 0 ? pB / pA - 1 : NaN,
    relativeLiftLow,
    relativeLiftHigh,
    pooledStandardError,
    z,
    standardError,
    pValue,
    alpha,
    alternative,
    significant: pValue < alpha
  };
}

/** A sample given as raw values or already summarised (n, mean, variance with denominator n − 1). */
export type MeanArm = ArrayLike<number> | SampleSummary;

function asSummary(arm: MeanArm): SampleSummary {
  return "mean" in arm && "variance" in arm && "n" in arm ? arm : summarize(arm as ArrayLike<number>);
}

/**
 * Welch's two-sample t-test of treatment vs control means (unequal variances), with the t interval
 * for the difference and a log-ratio delta-method interval for the relative lift.
 */
export function welchTTest(control: MeanArm, treatment: MeanArm, {alpha = 0.05, alternative = "two-sided"}: TestOptions = {}): WelchTest {
  const where = "welchTTest";
  checkAlpha(where, alpha);
  const a = asSummary(control);
  const b = asSummary(treatment);
  for (const [name, s] of [["control", a], ["treatment", b]] as const) {
    if (!(s.n >= 2)) throw new Error(`${where}: ${name} needs at least 2 observations, got ${s.n}`);
    if (!(s.variance >= 0) || !Number.isFinite(s.mean)) throw new Error(`${where}: ${name} has mean ${s.mean} and variance ${s.variance}`);
  }
  const va = a.variance / a.n;
  const vb = b.variance / b.n;
  const standardError = Math.sqrt(va + vb);
  const difference = b.mean - a.mean;
  const df = (va + vb) ** 2 / (va ** 2 / (a.n - 1) + vb ** 2 / (b.n - 1));
  const t = standardError > 0 ? difference / standardError : NaN;
  const pValue = pValueOf(t, alternative, (x) => tCdf(x, df));
  const tCrit = standardError > 0 ? tQuantile(1 - alpha / 2, df) : NaN;
  const zCrit = normalQuantile(1 - alpha / 2, 0, 1);
  const logSe = a.mean > 0 && b.mean > 0 ? Math.sqrt(va / a.mean ** 2 + vb / b.mean ** 2) : NaN;
  const [relativeLiftLow, relativeLiftHigh] = logRatioInterval(b.mean / a.mean, logSe, zCrit);
  return {
    kind: "means",
    control: a,
    treatment: b,
    difference,
    differenceLow: difference - tCrit * standardError,
    differenceHigh: difference + tCrit * standardError,
    relativeLift: a.mean !== 0 ? b.mean / a.mean - 1 : NaN,
    relativeLiftLow,
    relativeLiftHigh,
    standardError,
    t,
    df,
    pValue,
    alpha,
    alternative,
    significant: pValue < alpha
  };
}

export interface SampleRatioMismatch {
  observed: number[];
  /** Counts expected under the planned split. */
  expected: number[];
  /** Observed share of each arm. */
  observedShares: number[];
  plannedShares: number[];
  chiSquare: number;
  df: number;
  pValue: number;
  threshold: number;
  /** pValue < threshold: the split is not what was planned; do not trust the comparison. */
  mismatch: boolean;
}

/**
 * Sample-ratio-mismatch check: chi-square goodness-of-fit of the arm sizes against the planned
 * split (`planned`: weights per arm, default equal). `threshold` defaults to 0.001.
 */
export function sampleRatioMismatch(observed: readonly number[], planned?: readonly number[], {threshold = 0.001}: {threshold?: number} = {}): SampleRatioMismatch {
  const where = "sampleRatioMismatch";
  if (observed.length < 2) throw new Error(`${where}: need at least 2 arms, got ${observed.length}`);
  const weights = planned ?? observed.map(() => 1);
  if (weights.length !== observed.length) throw new Error(`${where}: ${observed.length} arms observed but ${weights.length} planned shares`);
  observed.forEach((c, i) => {
    if (!(Number.isInteger(c) && c >= 0)) throw new Error(`${where}: arm ${i} has count ${c}, expected a non-negative integer`);
    if (!(weights[i] > 0)) throw new Error(`${where}: arm ${i} has planned share ${weights[i]}, expected > 0`);
  });
  const total = observed.reduce((s, c) => s + c, 0);
  if (total === 0) throw new Error(`${where}: no one was assigned`);
  const weightTotal = weights.reduce((s, w) => s + w, 0);
  const plannedShares = weights.map((w) => w / weightTotal);
  const expected = plannedShares.map((s) => s * total);
  const chiSquare = observed.reduce((s, c, i) => s + (c - expected[i]) ** 2 / expected[i], 0);
  const df = observed.length - 1;
  const pValue = 1 - chisquareCdf(chiSquare, df);
  return {
    observed: [...observed],
    expected,
    observedShares: observed.map((c) => c / total),
    plannedShares,
    chiSquare,
    df,
    pValue,
    threshold,
    mismatch: pValue < threshold
  };
}

// ---------------------------------------------------------------------------------------------
// Verdict

export type VerdictKind = "win" | "loss" | "no-difference" | "underpowered" | "srm";

export interface Verdict {
  kind: VerdictKind;
  /** Short label for a badge: "Significant win", …, "Sample ratio mismatch — do not trust". */
  label: string;
  /** One or two plain sentences with the numbers. */
  sentence: string;
  /** Power to detect the minimum effect of interest at the current sample size (NaN if not given). */
  power: number;
}

export interface VerdictOptions {
  /** The sample-ratio check; a mismatch overrides everything else. */
  srm?: SampleRatioMismatch;
  /**
   * The always-valid sequential test (sequential.ts). Pass it whenever the results are looked at
   * before the planned sample size is reached: significance is then judged by it, not by the
   * fixed-horizon p-value, so peeking does not inflate false wins.
   */
  sequential?: SequentialTest;
  /**
   * Smallest absolute effect worth detecting (same unit as the difference: a rate difference or a
   * mean difference). Without it a non-significant result is "no detectable difference".
   */
  minimumEffect?: number;
  /** Power below which a non-significant result is "underpowered". Default 0.8. */
  targetPower?: number;
  /** Whether a higher metric is good (conversion: yes; churn, cost: no). Default true. */
  higherIsBetter?: boolean;
  /** Name of the metric for the sentence, e.g. "conversion rate". Default "the metric". */
  metric?: string;
}

const percent = (x: number, digits = 1) => `${(100 * x).toFixed(digits)}%`;

/** A difference as "+1.23 pp" (rates) or "+0.77" (means), with decimals set by the interval's scale so all three numbers match. */
function formatEffect(test: TwoProportionTest | WelchTest, x: number): string {
  if (test.kind === "proportions") return `${x >= 0 ? "+" : "−"}${Math.abs(100 * x).toFixed(2)} pp`;
  const scale = Math.max(Math.abs(test.differenceLow), Math.abs(test.differenceHigh), Math.abs(test.difference));
  const digits = scale >= 100 ? 0 : scale >= 1 ? 2 : 3;
  return `${x >= 0 ? "+" : "−"}${Math.abs(x).toFixed(digits)}`;
}

/**
 * A plain-language verdict a page can show: "srm" when the split is off (nothing else can be
 * trusted), "win" / "loss" when significant (by the sequential test if given, else the p-value),
 * otherwise "underpowered" when the power to detect `minimumEffect` is below `targetPower`, and
 * "no-difference" when it is not (or when no minimum effect is given).
 */
export function verdict(test: TwoProportionTest | WelchTest, options: VerdictOptions = {}): Verdict {
  const {srm, sequential, minimumEffect, targetPower = 0.8, higherIsBetter = true, metric = "the metric"} = options;
  let power = NaN;
  if (minimumEffect !== undefined) {
    const m = Math.abs(minimumEffect);
    const ratio = test.kind === "proportions" ? test.treatment.trials / test.control.trials : test.treatment.n / test.control.n;
    const design = {alpha: test.alpha, alternative: test.alternative, ratio};
    if (test.kind === "proportions") {
      const base = test.control.rate;
      const towardsGood = higherIsBetter ? 1 : -1;
      const target = base + towardsGood * m;
      power = base > 0 && base < 1 && target > 0 && target < 1 ? powerTwoProportions({baseline: base, treatment: target, nControl: test.control.trials, ...design}) : NaN;
    } else {
      const sd = Math.sqrt(((test.control.n - 1) * test.control.variance + (test.treatment.n - 1) * test.treatment.variance) / (test.control.n + test.treatment.n - 2));
      power = sd > 0 ? powerTwoMeans({difference: (higherIsBetter ? 1 : -1) * m, sd, nControl: test.control.n, ...design}) : NaN;
    }
  }
  const effect = `${formatEffect(test, test.difference)} (${(1 - test.alpha) * 100}% interval ${formatEffect(test, test.differenceLow)} to ${formatEffect(test, test.differenceHigh)})`;

  if (srm?.mismatch) {
    const split = srm.observedShares.map((s) => percent(s)).join(" / ");
    const plan = srm.plannedShares.map((s) => percent(s)).join(" / ");
    return {
      kind: "srm",
      label: "Sample ratio mismatch — do not trust",
      sentence: `The arms got ${split} of the traffic where ${plan} was planned (chi-square p = ${srm.pValue.toExponential(1)}): assignment or logging is broken, so the comparison of ${metric} cannot be trusted.`,
      power
    };
  }
  const significant = sequential ? sequential.reject : test.significant;
  const how = sequential
    ? `always-valid p = ${sequential.pValue.toPrecision(2)}, safe to read at any time`
    : `p = ${test.pValue < 0.001 ? test.pValue.toExponential(1) : test.pValue.toFixed(3)}`;
  if (significant && test.difference !== 0) {
    const good = (test.difference > 0) === higherIsBetter;
    return {
      kind: good ? "win" : "loss",
      label: good ? "Significant win" : "Significant loss",
      sentence: `The treatment ${test.difference > 0 ? "raised" : "lowered"} ${metric} by ${effect}; ${how}.`,
      power
    };
  }
  if (Number.isFinite(power) && power < targetPower) {
    return {
      kind: "underpowered",
      label: "Underpowered",
      sentence: `No significant change in ${metric} (${effect}; ${how}), but with this many customers a change of ${formatEffect(test, Math.abs(minimumEffect!))} would be detected only ${percent(power, 0)} of the time: keep the test running or accept that smaller effects go unseen.`,
      power
    };
  }
  return {
    kind: "no-difference",
    label: "No detectable difference",
    sentence:
      `No significant change in ${metric}: ${effect}; ${how}.` +
      (Number.isFinite(power) ? ` A change of ${formatEffect(test, Math.abs(minimumEffect!))} would have been detected ${percent(power, 0)} of the time.` : ""),
    power
  };
}
