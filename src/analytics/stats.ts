/**
 * Small descriptive statistics shared by the models: mean, variance and a one-pass summary.
 * Textbook definitions (variance with Bessel's correction by default, as R's `var` and pandas'
 * `Series.var`); computed with Welford's (1962) update so large values do not lose precision.
 * Tested through their users (test/analytics/abtest.test.ts compares the summaries of Hillstrom's
 * spend with pandas).
 */

/** A sample reduced to what the two-sample tests need. */
export interface SampleSummary {
  n: number;
  mean: number;
  /** Sample variance with `n - ddof` in the denominator (ddof = 1 unless asked otherwise). */
  variance: number;
}

/** Count, mean and variance (denominator n − ddof, default 1) in one pass (Welford). NaN when undefined. */
export function summarize(values: ArrayLike<number>, {ddof = 1}: {ddof?: number} = {}): SampleSummary {
  let n = 0;
  let mean = 0;
  let m2 = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    n++;
    const delta = x - mean;
    mean += delta / n;
    m2 += delta * (x - mean);
  }
  return {n, mean: n > 0 ? mean : NaN, variance: n - ddof > 0 ? m2 / (n - ddof) : NaN};
}

/** Arithmetic mean; NaN for an empty array. */
export function mean(values: ArrayLike<number>): number {
  return summarize(values).mean;
}

/** Sample variance (denominator n − ddof, default 1); NaN when n ≤ ddof. */
export function variance(values: ArrayLike<number>, ddof = 1): number {
  return summarize(values, {ddof}).variance;
}

/** Pearson's correlation of two equally long samples (two-pass, centred); NaN when either is constant. */
export function pearsonCorrelation(u: ArrayLike<number>, v: ArrayLike<number>): number {
  const n = u.length;
  if (v.length !== n) throw new Error(`pearsonCorrelation: samples of different lengths (${n} and ${v.length})`);
  const mu = mean(u);
  const mv = mean(v);
  let suv = 0;
  let suu = 0;
  let svv = 0;
  for (let i = 0; i < n; i++) {
    suv += (u[i] - mu) * (v[i] - mv);
    suu += (u[i] - mu) ** 2;
    svv += (v[i] - mv) ** 2;
  }
  return suv / Math.sqrt(suu * svv);
}
