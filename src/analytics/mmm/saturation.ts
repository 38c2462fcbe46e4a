/**
 * Saturation: diminishing returns of weekly media pressure (the second media transform).
 *
 * Hill:      hill(a; K, S) = a^S / (K^S + a^S)   — 0 at a = 0, 1/2 at the half-saturation K,
 *            concave for S ≤ 1, S-shaped for S > 1 (Jin et al. 2017, eq. 3; Robyn's "hill";
 *            Meridian's Hill with ec = K, slope = S).
 * Logistic:  (1 − e^{−λa}) / (1 + e^{−λa})  — PyMC-Marketing's `logistic_saturation(x, lam)`
 *            (pymc-labs/pymc-marketing, `pymc_marketing/mmm/transformers.py`), always concave.
 *            We parameterise it by its half-saturation too: λ = ln 3 / K, since tanh(λa/2) = 1/2
 *            at λa = ln 3.
 *
 * Both map [0, ∞) onto [0, 1); the lever's coefficient β (sales at full saturation) multiplies
 * them. Tests (test/analytics/mmm-transforms.test.ts) prove the half-saturation point, the
 * derivatives against central differences, and the logistic against PyMC-Marketing's transform as
 * used to generate its example data (test/fixtures/mmm/pymc_truth.json).
 */

export type SaturationKind = "hill" | "logistic";

/** Hill function a^S / (K^S + a^S) for a ≥ 0 (negative a is treated as 0). */
export function hill(a: number, halfSaturation: number, shape: number): number {
  if (a <= 0) return 0;
  // (a/K)^S / (1 + (a/K)^S), written to avoid overflow for large a/K.
  const r = Math.pow(a / halfSaturation, shape);
  return r === Infinity ? 1 : r / (1 + r);
}

/** d hill / d a. */
export function hillDerivative(a: number, halfSaturation: number, shape: number): number {
  if (a <= 0) return shape === 1 ? 1 / halfSaturation : shape < 1 ? Infinity : 0;
  const r = Math.pow(a / halfSaturation, shape);
  if (r === Infinity) return 0;
  return (shape * r) / (a * (1 + r) * (1 + r));
}

/** PyMC-Marketing's logistic saturation with rate λ: (1 − e^{−λa}) / (1 + e^{−λa}). */
export function logisticSaturation(a: number, lambda: number): number {
  if (a <= 0) return 0;
  const e = Math.exp(-lambda * a);
  return (1 - e) / (1 + e);
}

/** The logistic rate whose half-saturation point is K: λ = ln 3 / K. */
export function logisticRateFromHalfSaturation(halfSaturation: number): number {
  return Math.log(3) / halfSaturation;
}

/** Saturation of pressure a for either kind, parameterised by half-saturation K (and shape S for Hill). */
export function saturate(a: number, kind: SaturationKind, halfSaturation: number, shape: number): number {
  return kind === "hill" ? hill(a, halfSaturation, shape) : logisticSaturation(a, Math.log(3) / halfSaturation);
}

/** d saturate / d a. */
export function saturateDerivative(a: number, kind: SaturationKind, halfSaturation: number, shape: number): number {
  if (kind === "hill") return hillDerivative(a, halfSaturation, shape);
  const lambda = Math.log(3) / halfSaturation;
  const e = Math.exp(-lambda * Math.max(a, 0));
  return (2 * lambda * e) / ((1 + e) * (1 + e));
}
