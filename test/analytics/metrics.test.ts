import {describe, expect, it} from "vitest";
import {cac, comparePeriods, cpa, ctr, conversionRate, ratio, relativeChange, roas, sumTotals} from "../../src/analytics/metrics.js";

const day = (iso: string) => Date.parse(iso + "T00:00:00Z");

describe("metric definitions", () => {
  // Hand-worked: two rows, $100 spend → $500 revenue and $900 spend → $1,500 revenue.
  const rows = [
    {impressions: 10_000, clicks: 200, conversions: 10, spend: 100, revenue: 500, new_customers: 4},
    {impressions: 90_000, clicks: 800, conversions: 30, spend: 900, revenue: 1500, new_customers: 6}
  ];
  const t = sumTotals(rows);
  it("are ratios of sums, not means of ratios", () => {
    expect(roas(t)).toBe(2); // 2000 / 1000; the mean of the row ROAS (5 and 1.67) would be 3.33
    expect(cpa(t)).toBe(25); // 1000 / 40
    expect(ctr(t)).toBe(0.01); // 1000 / 100000
    expect(conversionRate(t)).toBe(0.04); // 40 / 1000
    expect(cac(t)).toBe(100); // 1000 / 10
  });
  it("is undefined (NaN) with a zero denominator", () => {
    expect(ratio(5, 0)).toBeNaN();
    expect(roas({revenue: 10, spend: 0})).toBeNaN();
    expect(relativeChange(5, 0)).toBeNaN();
  });
  it("computes relative change against the absolute previous value", () => {
    expect(relativeChange(110, 100)).toBeCloseTo(0.1, 12);
    expect(relativeChange(-50, -100)).toBeCloseTo(0.5, 12);
  });
});

describe("comparePeriods", () => {
  it("splits the last N days (end inclusive) from the N days before", () => {
    const base = {impressions: 1, clicks: 1, conversions: 1, revenue: 2};
    const rows = [
      {...base, date: day("2025-01-01"), spend: 1}, // outside both (too early)
      {...base, date: day("2025-01-02"), spend: 10}, // previous period: Jan 2–8
      {...base, date: day("2025-01-08"), spend: 20}, // previous
      {...base, date: day("2025-01-09"), spend: 100}, // current period: Jan 9–15
      {...base, date: day("2025-01-15"), spend: 200}, // current (end day included)
      {...base, date: day("2025-01-16"), spend: 1000} // after the end
    ];
    const c = comparePeriods(rows, {end: day("2025-01-15"), days: 7});
    expect(c.current.spend).toBe(300);
    expect(c.previous.spend).toBe(30);
    expect(relativeChange(c.current.spend, c.previous.spend)).toBe(9);
  });
});
