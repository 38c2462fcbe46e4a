/**
 * Geometric adstock: the carry-over of advertising from one week into the next.
 *
 * Estimates nothing by itself: it is the first of the two media transforms of the market mix model
 * (adstock, then saturation). With decay θ, the effective pressure a_t of spend x is
 *
 *   normalised, infinite memory (our default):  a_t = θ·a_{t-1} + (1 − θ)·x_t
 *   normalised, window of lMax weeks:           a_t = Σ_{l<lMax} w_l x_{t-l},  w_l = θ^l / Σ_j θ^j
 *   not normalised (Robyn's "geometric"):       a_t = x_t + θ·a_{t-1}
 *
 * References: Broadbent (1979), "One way TV advertisements work", J. Market Research Society
 * 21(3); Jin, Wang, Sun, Chan & Koehler (2017), "Bayesian methods for media mix modeling with
 * carryover and shape effects" (Google), eq. 1; PyMC-Marketing's `geometric_adstock(x, alpha,
 * l_max, normalize=True)` (pymc-labs/pymc-marketing, `pymc_marketing/mmm/transformers.py`).
 * Normalising makes the weights sum to one, so a constant weekly spend s has steady-state
 * pressure s and the half-saturation point of the next transform is in the units of weekly spend.
 * History before the first week is taken as zero spend (as PyMC-Marketing and Robyn do).
 *
 * Tests (test/analytics/mmm-transforms.test.ts) prove: the recursion equals the explicit weighted
 * sum, steady state, the l_max = 8 window reproduces PyMC-Marketing's transform as used to generate
 * its example data set (test/fixtures/mmm/pymc_truth.json, to 1e-12).
 */

export interface AdstockOptions {
  /** Weights sum to one (default true). */
  normalize?: boolean;
  /** Length of the carry-over window in weeks (default Infinity: the recursion). */
  lMax?: number;
}

/** Geometric adstock of a weekly series. `decay` θ in [0, 1). Returns a new Float64Array. */
export function adstockGeometric(x: ArrayLike<number>, decay: number, {normalize = true, lMax = Infinity}: AdstockOptions = {}, out?: Float64Array): Float64Array {
  if (!(decay >= 0 && decay < 1)) throw new Error(`adstockGeometric: decay must be in [0, 1), got ${decay}`);
  const n = x.length;
  const result = out ?? new Float64Array(n);
  if (Number.isFinite(lMax)) {
    const weights = adstockWeights(decay, lMax, {normalize});
    const L = weights.length;
    for (let t = 0; t < n; t++) {
      let s = 0;
      const m = Math.min(L, t + 1);
      for (let l = 0; l < m; l++) s += weights[l] * x[t - l];
      result[t] = s;
    }
    return result;
  }
  const inflow = normalize ? 1 - decay : 1;
  let a = 0;
  for (let t = 0; t < n; t++) {
    a = decay * a + inflow * x[t];
    result[t] = a;
  }
  return result;
}

/**
 * The weight of spend l weeks ago in this week's pressure, l = 0..lags-1 (the adstock decay
 * curve). With `normalize` and a finite window the weights sum to one over the window; with an
 * infinite window (pass the number of lags to show) they are (1 − θ)θ^l.
 */
export function adstockWeights(decay: number, lags: number, {normalize = true, window = "finite"}: {normalize?: boolean; window?: "finite" | "infinite"} = {}): Float64Array {
  const L = Math.max(1, Math.floor(lags));
  const w = new Float64Array(L);
  let p = 1;
  let total = 0;
  for (let l = 0; l < L; l++) {
    w[l] = p;
    total += p;
    p *= decay;
  }
  if (normalize) {
    const denominator = window === "finite" ? total : 1 / (1 - decay);
    for (let l = 0; l < L; l++) w[l] /= denominator;
  }
  return w;
}

/** Weeks until the carry-over of one week's spend has fallen to half: ln 0.5 / ln θ (0 if θ = 0). */
export function adstockHalfLife(decay: number): number {
  return decay <= 0 ? 0 : Math.log(0.5) / Math.log(decay);
}
