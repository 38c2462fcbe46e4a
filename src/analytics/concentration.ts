/**
 * Concentration of a total over units (revenue over clients, value over customers): the share
 * held by the largest units and the concentration curve (the Pareto form of the Lorenz curve,
 * largest first: Lorenz 1905, "Methods of measuring the concentration of wealth"). Pure; tested
 * by hand-worked examples in test/analytics/concentration.test.ts.
 */

/** Values sorted largest first, ignoring missing and non-positive ones. */
function largestFirst(values: Iterable<number>): number[] {
  return [...values].filter((v) => Number.isFinite(v) && v > 0).sort((a, b) => b - a);
}

/**
 * Share of the total held by the largest ⌈share · n⌉ of the n positive values (at least one):
 * topShare([50, 30, 10, 5, 5], 0.2) = 50 / 100. NaN when no value is positive.
 */
export function topShare(values: Iterable<number>, share: number): number {
  if (!(share > 0 && share <= 1)) throw new RangeError(`topShare: share must be in (0, 1], got ${share}`);
  const sorted = largestFirst(values);
  if (sorted.length === 0) return NaN;
  const k = Math.max(1, Math.ceil(share * sorted.length - 1e-9));
  let top = 0;
  let total = 0;
  sorted.forEach((v, i) => {
    total += v;
    if (i < k) top += v;
  });
  return top / total;
}

export interface ConcentrationPoint {
  /** Share of units, largest first: k / n. */
  unitShare: number;
  /** Share of the total held by those k units. */
  valueShare: number;
}

/**
 * The concentration curve: (0, 0), then for k = 1 … n the share of units k/n and the share of the
 * total held by the k largest. At most `maxPoints` points (evenly spaced in k, always ending at 1).
 */
export function concentrationCurve(values: Iterable<number>, {maxPoints = 201}: {maxPoints?: number} = {}): ConcentrationPoint[] {
  const sorted = largestFirst(values);
  const n = sorted.length;
  if (n === 0) return [];
  const total = sorted.reduce((a, b) => a + b, 0);
  const step = Math.max(1, Math.ceil(n / Math.max(1, maxPoints - 1)));
  const points: ConcentrationPoint[] = [{unitShare: 0, valueShare: 0}];
  let cumulative = 0;
  for (let k = 1; k <= n; k++) {
    cumulative += sorted[k - 1];
    if (k % step === 0 || k === n) points.push({unitShare: k / n, valueShare: cumulative / total});
  }
  return points;
}
