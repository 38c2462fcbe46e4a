/**
 * A guard against peeking: the mixture sequential probability ratio test (mSPRT) and its
 * always-valid p-value and confidence sequence, for a difference in rates or in means.
 *
 * Estimates: with θ̂ = mean_B − mean_A, its variance v = σ_A²/n_A + σ_B²/n_B (plug-in sample
 * variances; p(1 − p) for rates) and a normal mixing distribution θ ~ N(θ₀, τ²) over alternatives,
 *     Λ = √(v / (v + τ²)) · exp( τ² (θ̂ − θ₀)² / (2 v (v + τ²)) ),
 * the mixture likelihood ratio of the (asymptotically normal) estimate. Under H0: θ = θ₀, Λ is a
 * martingale in the information the test accumulates, so by Ville's inequality P(Λ ever ≥ 1/α) ≤ α:
 * an analyst may look after every customer and stop the first time Λ ≥ 1/α. The always-valid
 * p-value is min(1, 1/Λ) (the running minimum when earlier p-values are supplied) and the
 * confidence sequence {θ : Λ(θ) < 1/α} = θ̂ ± √(2v(v + τ²)/τ² · (log(1/α) + ½ log((v + τ²)/v))).
 * Reference: Johari, Koomen, Pekelis & Walsh (2017), "Peeking at A/B tests: why it matters, and
 * what to do about it", KDD (the two-stream normal mSPRT; Optimizely's Stats Engine); Robbins (1970).
 * Why this and not group-sequential alpha spending (Lan-DeMets): a report page sees only today's
 * counts, not a pre-registered schedule of looks; the mSPRT needs no schedule and no record of past
 * looks, and stays valid however often the page is refreshed. The price is power: at the planned
 * horizon it needs |z| ≥ √(s* + 1) ≈ 3.03 (α = 0.05) instead of 1.96, i.e. about 1.9× the
 * fixed-horizon sample size for 80% power (`sequentialSampleSizeFactor`).
 * τ: `mixtureSdForHorizon` picks τ² = s*·v_N, where v_N is the variance of θ̂ at the planned sample
 * size and s* solves s = 2 log(1/α) + log(1 + s); this τ makes the rejection threshold on |z|
 * smallest exactly at the planned horizon (derivation in docs/models/abtest.md).
 * Tests (test/analytics/abtest.test.ts) prove: Λ equals the mixture integral computed by scipy
 * quadrature (test/fixtures/hillstrom/abtest_reference.py); in seeded A/A simulations monitored
 * after every 200 customers the mSPRT's false-positive rate stays below α while the naive repeated
 * z-test's is several times α; with a real effect at the inflated horizon it rejects ≥ 80% of the time.
 */
import normalQuantile from "@stdlib/stats-base-dists-normal-quantile";

/** An arm summarised: size, mean and variance of the per-customer metric. */
export interface SequentialArm {
  n: number;
  mean: number;
  /** Variance of one observation (for a rate p: p(1 − p)). */
  variance: number;
}

export interface SequentialOptions {
  /** Level: the test rejects when Λ ≥ 1/alpha. Default 0.05. */
  alpha?: number;
  /** τ, the standard deviation of the mixing distribution over effects (metric units); see `mixtureSdForHorizon`. */
  mixtureSd: number;
  /** θ₀, the difference under H0. Default 0. */
  nullDifference?: number;
  /** The always-valid p-value at the previous look, to report the running minimum. */
  previousPValue?: number;
}

export interface SequentialTest {
  /** mean_B − mean_A and its standard error √v. */
  difference: number;
  standardError: number;
  /** Λ and log Λ. */
  likelihoodRatio: number;
  logLikelihoodRatio: number;
  /** Always-valid p-value: min(1, 1/Λ, previousPValue). */
  pValue: number;
  /** Λ ≥ 1/alpha: the difference is significant, whenever it is looked at. */
  reject: boolean;
  /** The (1 − alpha) confidence sequence for the difference, valid at any look. */
  confidenceLow: number;
  confidenceHigh: number;
  alpha: number;
  mixtureSd: number;
}

function check(where: string, alpha: number, tau: number): void {
  if (!(alpha > 0 && alpha < 1)) throw new Error(`${where}: alpha must be in (0, 1), got ${alpha}`);
  if (!(tau > 0 && Number.isFinite(tau))) throw new Error(`${where}: mixtureSd must be positive, got ${tau}`);
}

/** The mSPRT of the difference in means of two arms, at the current look. */
export function sequentialTest(control: SequentialArm, treatment: SequentialArm, options: SequentialOptions): SequentialTest {
  const {alpha = 0.05, mixtureSd: tau, nullDifference = 0, previousPValue = 1} = options;
  const where = "sequentialTest";
  check(where, alpha, tau);
  for (const [name, arm] of [["control", control], ["treatment", treatment]] as const) {
    if (!(arm.n > 0)) throw new Error(`${where}: ${name}.n must be positive, got ${arm.n}`);
    if (!(arm.variance >= 0) || !Number.isFinite(arm.mean)) throw new Error(`${where}: ${name} has mean ${arm.mean} and variance ${arm.variance}`);
  }
  const difference = treatment.mean - control.mean;
  const v = control.variance / control.n + treatment.variance / treatment.n;
  const tau2 = tau * tau;
  if (!(v > 0)) {
    // No variation yet (e.g. no conversions in either arm): no evidence either way.
    return {difference, standardError: 0, likelihoodRatio: 1, logLikelihoodRatio: 0, pValue: Math.min(1, previousPValue), reject: false, confidenceLow: -Infinity, confidenceHigh: Infinity, alpha, mixtureSd: tau};
  }
  const shift = difference - nullDifference;
  const logLikelihoodRatio = 0.5 * Math.log(v / (v + tau2)) + (tau2 * shift * shift) / (2 * v * (v + tau2));
  const likelihoodRatio = Math.exp(logLikelihoodRatio);
  const pValue = Math.min(1, previousPValue, Math.exp(-logLikelihoodRatio));
  const halfWidth = Math.sqrt(((2 * v * (v + tau2)) / tau2) * (Math.log(1 / alpha) + 0.5 * Math.log((v + tau2) / v)));
  return {
    difference,
    standardError: Math.sqrt(v),
    likelihoodRatio,
    logLikelihoodRatio,
    pValue,
    reject: logLikelihoodRatio >= Math.log(1 / alpha),
    confidenceLow: difference - halfWidth,
    confidenceHigh: difference + halfWidth,
    alpha,
    mixtureSd: tau
  };
}

/** The mSPRT of a difference in rates (successes / trials per arm), with plug-in variances p(1 − p). */
export function sequentialProportionTest(
  control: {successes: number; trials: number},
  treatment: {successes: number; trials: number},
  options: SequentialOptions
): SequentialTest {
  const arm = ({successes, trials}: {successes: number; trials: number}, name: string): SequentialArm => {
    if (!(Number.isInteger(trials) && trials > 0 && Number.isInteger(successes) && successes >= 0 && successes <= trials)) {
      throw new Error(`sequentialProportionTest: ${name} has ${successes} successes of ${trials} trials`);
    }
    const p = successes / trials;
    return {n: trials, mean: p, variance: p * (1 - p)};
  };
  return sequentialTest(arm(control, "control"), arm(treatment, "treatment"), options);
}

/** s* solving s = 2 log(1/α) + log(1 + s): the mixing variance, in units of v at the horizon, that minimises the critical |z| there. */
function optimalVarianceRatio(alpha: number): number {
  const twoL = 2 * Math.log(1 / alpha);
  let s = twoL + 1;
  for (let i = 0; i < 200; i++) {
    const next = twoL + Math.log1p(s);
    if (Math.abs(next - s) < 1e-14 * s) return next;
    s = next;
  }
  return s;
}

/**
 * τ for `sequentialTest`, tuned so that the test is most sensitive at the planned sample size:
 * τ² = s*·v_N with v_N = (σ_A² + σ_B²)/n, n the planned customers per arm and σ² the variance of
 * one observation in each arm (for a baseline rate p: p(1 − p)).
 */
export function mixtureSdForHorizon({samplePerArm, variance, alpha = 0.05}: {samplePerArm: number; variance: number; alpha?: number}): number {
  if (!(samplePerArm > 0)) throw new Error(`mixtureSdForHorizon: samplePerArm must be positive, got ${samplePerArm}`);
  if (!(variance > 0)) throw new Error(`mixtureSdForHorizon: variance must be positive, got ${variance}`);
  if (!(alpha > 0 && alpha < 1)) throw new Error(`mixtureSdForHorizon: alpha must be in (0, 1), got ${alpha}`);
  return Math.sqrt((optimalVarianceRatio(alpha) * 2 * variance) / samplePerArm);
}

/** The |z| the mSPRT needs at the horizon its τ was tuned for: √(s* + 1) (3.03 for α = 0.05). */
export function sequentialCriticalZ(alpha = 0.05): number {
  return Math.sqrt(optimalVarianceRatio(alpha) + 1);
}

/**
 * How many times the fixed-horizon sample size the mSPRT needs for the same power at its horizon:
 * ((√(s* + 1) + z_power) / (z_{1−α/2} + z_power))² — about 1.9 for α = 0.05 and 80% power.
 */
export function sequentialSampleSizeFactor({alpha = 0.05, power = 0.8}: {alpha?: number; power?: number} = {}): number {
  const zPower = normalQuantile(power, 0, 1);
  return ((sequentialCriticalZ(alpha) + zPower) / (normalQuantile(1 - alpha / 2, 0, 1) + zPower)) ** 2;
}
