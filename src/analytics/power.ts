/**
 * Power, sample size and minimum detectable effect for A/B tests on a rate (two proportions) and
 * on a mean (e.g. spend per customer).
 *
 * Estimates, for a two-sided (or one-sided) test at level α with n_A customers in control and
 * n_B = ratio · n_A in treatment:
 * - proportions, method "pooled" (default; the z-test of abtest.ts, which uses the pooled variance
 *   under H0): power = Φ((|Δ| − z·SE₀)/SE₁) + Φ((−|Δ| − z·SE₀)/SE₁), with SE₀ from the pooled rate
 *   and SE₁ = √(p_A q_A/n_A + p_B q_B/n_B) — R's `power.prop.test(strict = TRUE)` generalised to
 *   unequal arms (Fleiss, Levin & Paik 2003, Statistical Methods for Rates and Proportions, §4.2);
 *   method "arcsine": Cohen's h = 2 asin √p_B − 2 asin √p_A with a normal test, as statsmodels'
 *   `NormalIndPower` with `proportion_effectsize`;
 * - means: the exact power of the two-sample t-test with a common standard deviation σ, from the
 *   noncentral t distribution (df = n_A + n_B − 2, noncentrality δ = Δ/σ · √(n_A n_B/(n_A + n_B)))
 *   as statsmodels' `TTestIndPower` and R's `power.t.test(strict = TRUE)`. The noncentral t CDF is
 *   the Poisson-weighted incomplete-beta series of Lenth (1989), Applied Statistics 38 (AS 243),
 *   summed outward from its largest term.
 * Sample sizes and detectable effects solve power(·) = target by bisection; all functions are
 * closed forms or short series, cheap enough to re-run on every keystroke of a page's calculator.
 * Tests (test/analytics/abtest.test.ts) prove: power, n and MDE equal R's `power.prop.test`, and
 * statsmodels' `NormalIndPower` and `TTestIndPower` (test/fixtures/hillstrom/abtest_reference.py),
 * and the noncentral t CDF equals scipy's `nct.cdf`, over a grid of designs.
 */
import betaCdf from "@stdlib/stats-base-dists-beta-cdf";
import gammaln from "@stdlib/math-base-special-gammaln";
import normalCdf from "@stdlib/stats-base-dists-normal-cdf";
import normalQuantile from "@stdlib/stats-base-dists-normal-quantile";
import tQuantile from "@stdlib/stats-base-dists-t-quantile";

/** The alternative hypothesis: treatment differs from control, is greater, or is less. */
export type Alternative = "two-sided" | "greater" | "less";

const Phi = (x: number) => normalCdf(x, 0, 1);

/** Shared design inputs of every calculation. */
export interface DesignOptions {
  /** Significance level. Default 0.05. */
  alpha?: number;
  /** Default "two-sided". */
  alternative?: Alternative;
  /** Treatment size / control size. Default 1 (equal arms). */
  ratio?: number;
}

function checkDesign(where: string, {alpha = 0.05, ratio = 1}: DesignOptions): void {
  if (!(alpha > 0 && alpha < 1)) throw new Error(`${where}: alpha must be in (0, 1), got ${alpha}`);
  if (!(ratio > 0 && Number.isFinite(ratio))) throw new Error(`${where}: ratio must be positive, got ${ratio}`);
}

function checkRate(where: string, name: string, p: number): void {
  if (!(p > 0 && p < 1)) throw new Error(`${where}: ${name} must be a rate in (0, 1), got ${p}`);
}

/** Solve f(x) = target for increasing f on [lo, hi] by bisection (f(lo) < target ≤ f(hi)). */
function bisect(f: (x: number) => number, target: number, lo: number, hi: number, iterations = 100): number {
  for (let i = 0; i < iterations && hi - lo > 1e-14 * Math.max(1, Math.abs(hi)); i++) {
    const mid = (lo + hi) / 2;
    if (f(mid) < target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Smallest n (real) with power(n) ≥ target, by doubling then bisection on log n. */
function solveSampleSize(power: (n: number) => number, target: number, where: string): number {
  let lo = 2;
  if (power(lo) >= target) return lo;
  let hi = 4;
  while (power(hi) < target) {
    lo = hi;
    hi *= 2;
    if (hi > 1e13) throw new Error(`${where}: no sample size below 1e13 per arm reaches power ${target}`);
  }
  return Math.exp(bisect((logN) => power(Math.exp(logN)), target, Math.log(lo), Math.log(hi)));
}

// ---------------------------------------------------------------------------------------------
// Two proportions

export interface ProportionPowerOptions extends DesignOptions {
  /** "pooled" (default): matches the pooled z-test; "arcsine": Cohen's h, as statsmodels NormalIndPower. */
  method?: "pooled" | "arcsine";
}

/** Power to detect a change of the rate from `baseline` (control) to `treatment` with n_A = `nControl`. */
export function powerTwoProportions(
  {baseline, treatment, nControl, ...options}: {baseline: number; treatment: number; nControl: number} & ProportionPowerOptions
): number {
  const where = "powerTwoProportions";
  checkDesign(where, options);
  checkRate(where, "baseline", baseline);
  checkRate(where, "treatment", treatment);
  if (!(nControl > 0)) throw new Error(`${where}: nControl must be positive, got ${nControl}`);
  return proportionPower(baseline, treatment, nControl, options);
}

function proportionPower(pA: number, pB: number, nA: number, {alpha = 0.05, alternative = "two-sided", ratio = 1, method = "pooled"}: ProportionPowerOptions): number {
  const nB = ratio * nA;
  const z = normalQuantile(1 - (alternative === "two-sided" ? alpha / 2 : alpha), 0, 1);
  let upper: number; // power to reject towards "treatment higher"
  let lower: number; // towards "treatment lower"
  if (method === "arcsine") {
    const h = 2 * Math.asin(Math.sqrt(pB)) - 2 * Math.asin(Math.sqrt(pA));
    const shift = h * Math.sqrt((nA * nB) / (nA + nB));
    upper = 1 - Phi(z - shift);
    lower = Phi(-z - shift);
  } else {
    const pooled = (nA * pA + nB * pB) / (nA + nB);
    const se0 = Math.sqrt(pooled * (1 - pooled) * (1 / nA + 1 / nB));
    const se1 = Math.sqrt((pA * (1 - pA)) / nA + (pB * (1 - pB)) / nB);
    const delta = pB - pA;
    upper = Phi((delta - z * se0) / se1);
    lower = Phi((-delta - z * se0) / se1);
  }
  return alternative === "two-sided" ? upper + lower : alternative === "greater" ? upper : lower;
}

export interface SampleSize {
  /** Customers per arm, rounded up. */
  nControl: number;
  nTreatment: number;
  total: number;
  /** The real-valued control size solving power = target (what R and statsmodels report). */
  nControlExact: number;
}

function sampleSize(nControlExact: number, ratio: number): SampleSize {
  const nControl = Math.ceil(nControlExact - 1e-9);
  const nTreatment = Math.ceil(ratio * nControlExact - 1e-9);
  return {nControl, nTreatment, total: nControl + nTreatment, nControlExact};
}

/** Customers needed per arm to detect a change of the rate from `baseline` to `treatment` with the given power (default 0.8). */
export function sampleSizeTwoProportions(
  {baseline, treatment, power = 0.8, ...options}: {baseline: number; treatment: number; power?: number} & ProportionPowerOptions
): SampleSize {
  const where = "sampleSizeTwoProportions";
  checkDesign(where, options);
  checkRate(where, "baseline", baseline);
  checkRate(where, "treatment", treatment);
  if (!(power > 0 && power < 1)) throw new Error(`${where}: power must be in (0, 1), got ${power}`);
  if (treatment === baseline) throw new Error(`${where}: treatment equals baseline (${baseline}): no sample size detects no change`);
  const n = solveSampleSize((nA) => proportionPower(baseline, treatment, nA, options), power, where);
  return sampleSize(n, options.ratio ?? 1);
}

export interface DetectableRate {
  /** The treatment rate detectable with the given power. */
  treatment: number;
  /** treatment − baseline (negative for a decrease). */
  absolute: number;
  /** treatment / baseline − 1. */
  relative: number;
}

/**
 * Minimum detectable effect: the smallest change of the rate from `baseline` (an increase unless
 * `direction` is "decrease") detected with the given power (default 0.8) when control has `nControl`.
 */
export function minimumDetectableEffectTwoProportions(
  {baseline, nControl, power = 0.8, direction = "increase", ...options}: {baseline: number; nControl: number; power?: number; direction?: "increase" | "decrease"} & ProportionPowerOptions
): DetectableRate {
  const where = "minimumDetectableEffectTwoProportions";
  checkDesign(where, options);
  checkRate(where, "baseline", baseline);
  if (!(nControl > 0)) throw new Error(`${where}: nControl must be positive, got ${nControl}`);
  const sign = direction === "increase" ? 1 : -1;
  const room = direction === "increase" ? 1 - baseline : baseline;
  // Power as a function of the distance moved, increasing on (0, room).
  const f = (d: number) => proportionPower(baseline, baseline + sign * d, nControl, options);
  const limit = room * (1 - 1e-12);
  if (f(limit) < power) return {treatment: NaN, absolute: NaN, relative: NaN};
  const d = bisect(f, power, 0, limit);
  const treatment = baseline + sign * d;
  return {treatment, absolute: treatment - baseline, relative: treatment / baseline - 1};
}

// ---------------------------------------------------------------------------------------------
// Two means

/**
 * Cumulative distribution function of the noncentral t distribution with `df` degrees of freedom
 * and noncentrality `delta` (Lenth 1989, AS 243), accurate to about 1e-14 absolute.
 */
export function noncentralTCdf(t: number, df: number, delta: number): number {
  if (!(df > 0) || Number.isNaN(t) || Number.isNaN(delta)) return NaN;
  if (t === Infinity) return 1;
  if (t === -Infinity) return 0;
  if (t < 0) return 1 - noncentralTCdfNonNegative(-t, df, -delta);
  return noncentralTCdfNonNegative(t, df, delta);
}

function noncentralTCdfNonNegative(t: number, df: number, delta: number): number {
  const base = Phi(-delta);
  if (t === 0) return base;
  const x = (t * t) / (t * t + df);
  const lambda = (delta * delta) / 2;
  if (lambda === 0) return base + 0.5 * betaCdf(x, 0.5, df / 2);
  const logLambda = Math.log(lambda);
  const logAbsDelta = Math.log(Math.abs(delta));
  const sign = Math.sign(delta);
  const term = (j: number) => {
    const p = Math.exp(-lambda + j * logLambda - gammaln(j + 1));
    const q = sign * Math.exp(-lambda + j * logLambda + logAbsDelta - 0.5 * Math.LN2 - gammaln(j + 1.5));
    return {weight: Math.max(p, Math.abs(q)), value: p * betaCdf(x, j + 0.5, df / 2) + q * betaCdf(x, j + 1, df / 2)};
  };
  const mode = Math.floor(lambda);
  let sum = 0;
  for (let j = mode; j >= 0; j--) {
    const {weight, value} = term(j);
    sum += value;
    if (weight < 1e-17) break;
  }
  for (let j = mode + 1; ; j++) {
    const {weight, value} = term(j);
    sum += value;
    if (weight < 1e-17 || j > mode + 10000) break;
  }
  return base + 0.5 * sum;
}

export interface MeanPowerOptions extends DesignOptions {}

function meanPower(effectSize: number, nA: number, {alpha = 0.05, alternative = "two-sided", ratio = 1}: MeanPowerOptions): number {
  const nB = ratio * nA;
  const df = nA + nB - 2;
  const nc = effectSize * Math.sqrt((nA * nB) / (nA + nB));
  const tail = alternative === "two-sided" ? alpha / 2 : alpha;
  const crit = tQuantile(1 - tail, df);
  const upper = 1 - noncentralTCdf(crit, df, nc);
  const lower = noncentralTCdf(-crit, df, nc);
  return alternative === "two-sided" ? upper + lower : alternative === "greater" ? upper : lower;
}

function checkMeans(where: string, sd: number, options: DesignOptions): void {
  checkDesign(where, options);
  if (!(sd > 0 && Number.isFinite(sd))) throw new Error(`${where}: sd must be positive, got ${sd}`);
}

/**
 * Power of the two-sample t-test to detect a difference in means `difference` (treatment − control)
 * when both arms have standard deviation `sd` and control has `nControl` customers.
 */
export function powerTwoMeans({difference, sd, nControl, ...options}: {difference: number; sd: number; nControl: number} & MeanPowerOptions): number {
  const where = "powerTwoMeans";
  checkMeans(where, sd, options);
  if (!(nControl > 1)) throw new Error(`${where}: nControl must be above 1, got ${nControl}`);
  return meanPower(difference / sd, nControl, options);
}

/** Customers needed per arm to detect a difference in means `difference` with the given power (default 0.8). */
export function sampleSizeTwoMeans({difference, sd, power = 0.8, ...options}: {difference: number; sd: number; power?: number} & MeanPowerOptions): SampleSize {
  const where = "sampleSizeTwoMeans";
  checkMeans(where, sd, options);
  if (!(power > 0 && power < 1)) throw new Error(`${where}: power must be in (0, 1), got ${power}`);
  if (difference === 0) throw new Error(`${where}: a difference of 0 cannot be detected`);
  const n = solveSampleSize((nA) => meanPower(difference / sd, nA, options), power, where);
  return sampleSize(n, options.ratio ?? 1);
}

/**
 * Minimum detectable difference in means (positive; for alternative "less" the detectable decrease
 * is its negative) with the given power (default 0.8), as an absolute difference and in units of sd.
 */
export function minimumDetectableEffectTwoMeans(
  {sd, nControl, power = 0.8, ...options}: {sd: number; nControl: number; power?: number} & MeanPowerOptions
): {difference: number; effectSize: number} {
  const where = "minimumDetectableEffectTwoMeans";
  checkMeans(where, sd, options);
  if (!(nControl > 1)) throw new Error(`${where}: nControl must be above 1, got ${nControl}`);
  const sign = options.alternative === "less" ? -1 : 1;
  const f = (d: number) => meanPower(sign * d, nControl, options);
  let hi = 1;
  while (f(hi) < power) hi *= 2;
  const effectSize = sign * bisect(f, power, 0, hi);
  return {difference: effectSize * sd, effectSize};
}
