import {describe, expect, it} from "vitest";
import {Random, logFactorial} from "../../src/analytics/random.js";

function moments(draw: () => number, n = 200_000) {
  let s = 0;
  let s2 = 0;
  for (let i = 0; i < n; i++) {
    const x = draw();
    s += x;
    s2 += x * x;
  }
  const mean = s / n;
  return {mean, variance: s2 / n - mean * mean};
}

describe("Random", () => {
  it("gives the same stream for the same seed and a different one for another seed", () => {
    const a = new Random(7);
    const b = new Random(7);
    const c = new Random(8);
    const xs = Array.from({length: 5}, () => a.nextUint32());
    expect(Array.from({length: 5}, () => b.nextUint32())).toEqual(xs);
    expect(Array.from({length: 5}, () => c.nextUint32())).not.toEqual(xs);
  });

  it("forks streams that depend on the label, not on draws already made", () => {
    const a = new Random(1);
    const b = new Random(1);
    b.uniform();
    b.uniform();
    expect(a.fork("customers").uniform()).toBe(b.fork("customers").uniform());
    expect(a.fork("customers").uniform()).not.toBe(a.fork("orders").uniform());
  });

  it("draws uniforms in [0, 1) with mean 1/2 and variance 1/12", () => {
    const r = new Random(3);
    const m = moments(() => r.uniform());
    expect(m.mean).toBeCloseTo(0.5, 2);
    expect(m.variance).toBeCloseTo(1 / 12, 3);
  });

  // Expected moments are the distributions' textbook values; tolerances are ~5 standard errors.
  it("draws normals with the requested mean and sd", () => {
    const r = new Random(4);
    const m = moments(() => r.normal(3, 2));
    expect(Math.abs(m.mean - 3)).toBeLessThan(0.025);
    expect(Math.abs(m.variance - 4)).toBeLessThan(0.06);
  });

  it("draws gammas with mean k·θ and variance k·θ² (shape above and below 1)", () => {
    const r = new Random(5);
    const big = moments(() => r.gamma(3, 2));
    expect(Math.abs(big.mean - 6)).toBeLessThan(0.06);
    expect(Math.abs(big.variance - 12)).toBeLessThan(0.4);
    const small = moments(() => r.gamma(0.4, 1));
    expect(Math.abs(small.mean - 0.4)).toBeLessThan(0.01);
    expect(Math.abs(small.variance - 0.4)).toBeLessThan(0.02);
  });

  it("draws Poisson counts with mean = variance = λ on both algorithms", () => {
    const r = new Random(6);
    for (const lambda of [2.5, 80]) {
      const m = moments(() => r.poisson(lambda), 100_000);
      expect(Math.abs(m.mean - lambda) / Math.sqrt(lambda / 100_000)).toBeLessThan(5);
      expect(Math.abs(m.variance / lambda - 1)).toBeLessThan(0.03);
    }
  });

  it("draws binomials with mean np and variance np(1−p)", () => {
    const r = new Random(7);
    for (const [n, p] of [[20, 0.3], [500, 0.01], [10_000, 0.4]] as const) {
      const m = moments(() => r.binomial(n, p), 50_000);
      expect(Math.abs(m.mean - n * p) / Math.sqrt((n * p * (1 - p)) / 50_000)).toBeLessThan(5);
      expect(Math.abs(m.variance / (n * p * (1 - p)) - 1)).toBeLessThan(0.05);
    }
  });

  it("draws betas with mean a/(a+b)", () => {
    const r = new Random(8);
    const m = moments(() => r.beta(2, 6), 100_000);
    expect(m.mean).toBeCloseTo(0.25, 2);
    // Var = ab / ((a+b)^2 (a+b+1)) = 12 / (64 · 9) = 0.020833
    expect(m.variance).toBeCloseTo(0.020833, 3);
  });

  it("picks weighted indices in proportion to the weights", () => {
    const r = new Random(9);
    const counts = [0, 0, 0];
    for (let i = 0; i < 60_000; i++) counts[r.weightedIndex([1, 2, 3])]++;
    expect(counts[0] / 60_000).toBeCloseTo(1 / 6, 2);
    expect(counts[2] / 60_000).toBeCloseTo(1 / 2, 2);
  });

  it("shuffles and samples without losing or repeating items", () => {
    const r = new Random(10);
    const items = Array.from({length: 50}, (_, i) => i);
    expect(r.shuffle(items).sort((a, b) => a - b)).toEqual(items);
    const s = r.sample(items, 10);
    expect(new Set(s).size).toBe(10);
  });

  it("computes log-factorials exactly for small k and by Stirling for large k", () => {
    expect(logFactorial(5)).toBeCloseTo(Math.log(120), 12);
    // ln(300!) = 1414.9058 (lgamma(301), e.g. scipy.special.gammaln(301) = 1414.905840...)
    expect(logFactorial(300)).toBeCloseTo(1414.90584, 4);
  });

  it("rejects invalid parameters with a clear message", () => {
    const r = new Random(1);
    expect(() => r.gamma(0)).toThrow(/shape must be > 0/);
    expect(() => r.poisson(-1)).toThrow(/mean must be >= 0/);
    expect(() => new Random(NaN)).toThrow(/seed/);
  });
});
