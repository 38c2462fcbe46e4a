// Descriptive statistics shared by the models.
import {describe, expect, it} from "vitest";
import {mean, pearsonCorrelation, summarize, variance} from "../../src/analytics/stats.js";

describe("summaries", () => {
  it("match hand-worked values", () => {
    // [2, 4, 4, 4, 5, 5, 7, 9]: mean 5, sum of squares 32 → variance 32/7 (ddof 1), 4 (ddof 0).
    const x = [2, 4, 4, 4, 5, 5, 7, 9];
    expect(mean(x)).toBe(5);
    expect(variance(x)).toBeCloseTo(32 / 7, 12);
    expect(summarize(x, {ddof: 0}).variance).toBeCloseTo(4, 12);
    expect(mean([])).toBeNaN();
  });
});

describe("pearsonCorrelation", () => {
  it("matches hand-worked and numpy values", () => {
    // Exact linear relations: +1 and −1.
    expect(pearsonCorrelation([1, 2, 3, 4], [10, 20, 30, 40])).toBeCloseTo(1, 12);
    expect(pearsonCorrelation([1, 2, 3, 4], [8, 6, 4, 2])).toBeCloseTo(-1, 12);
    // numpy.corrcoef([1, 2, 3, 4, 5], [2, 1, 4, 3, 5])[0, 1] = 0.8 (Σdxdy = 8, Σdx² = Σdy² = 10).
    expect(pearsonCorrelation([1, 2, 3, 4, 5], [2, 1, 4, 3, 5])).toBeCloseTo(0.8, 12);
    // Large offsets do not lose precision (centred two-pass sums).
    expect(pearsonCorrelation([1e9 + 1, 1e9 + 2, 1e9 + 3, 1e9 + 4, 1e9 + 5], [2, 1, 4, 3, 5])).toBeCloseTo(0.8, 9);
  });

  it("is NaN for a constant sample and refuses samples of different lengths", () => {
    expect(pearsonCorrelation([1, 1, 1], [1, 2, 3])).toBeNaN();
    expect(() => pearsonCorrelation([1, 2], [1, 2, 3])).toThrow(/different lengths/);
  });
});
