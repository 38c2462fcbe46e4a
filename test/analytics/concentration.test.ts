// Concentration of a total over units. Expected numbers are worked by hand from the definitions in
// src/analytics/concentration.ts (shown in each comment).
import {describe, expect, it} from "vitest";
import {concentrationCurve, topShare} from "../../src/analytics/concentration.js";

describe("topShare", () => {
  it("takes the largest ⌈p·n⌉ values", () => {
    // 5 values, total 100; top 20 % = 1 value = 50.
    expect(topShare([5, 30, 10, 50, 5], 0.2)).toBeCloseTo(0.5, 12);
    // 10 % of 5 values rounds up to one value.
    expect(topShare([5, 30, 10, 50, 5], 0.1)).toBeCloseTo(0.5, 12);
    // 50 % of 5 = 2.5 → 3 values: 50 + 30 + 10 = 90.
    expect(topShare([5, 30, 10, 50, 5], 0.5)).toBeCloseTo(0.9, 12);
    // 10 % of 10 values is exactly one (no rounding up from floating error).
    expect(topShare([10, 1, 1, 1, 1, 1, 1, 1, 1, 2], 0.1)).toBeCloseTo(10 / 20, 12);
  });
  it("ignores zero and missing values and is NaN when nothing is positive", () => {
    expect(topShare([0, NaN, 4, 4], 0.5)).toBeCloseTo(0.5, 12);
    expect(topShare([0, 0], 0.1)).toBeNaN();
    expect(() => topShare([1], 0)).toThrow(RangeError);
  });
});

describe("concentrationCurve", () => {
  it("starts at the origin and accumulates the largest first", () => {
    // Sorted 50, 30, 10, 5, 5 → cumulative 50, 80, 90, 95, 100.
    expect(concentrationCurve([5, 30, 10, 50, 5])).toEqual([
      {unitShare: 0, valueShare: 0},
      {unitShare: 0.2, valueShare: 0.5},
      {unitShare: 0.4, valueShare: 0.8},
      {unitShare: 0.6, valueShare: 0.9},
      {unitShare: 0.8, valueShare: 0.95},
      {unitShare: 1, valueShare: 1}
    ]);
  });
  it("thins long curves but always ends at (1, 1)", () => {
    const curve = concentrationCurve(Array.from({length: 1000}, (_, i) => i + 1), {maxPoints: 11});
    expect(curve.length).toBe(11);
    expect(curve.at(-1)).toEqual({unitShare: 1, valueShare: 1});
    // Equal values give the diagonal.
    expect(concentrationCurve([3, 3, 3, 3]).map((p) => p.valueShare)).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });
});
