import {describe, expect, it} from "vitest";
import {DAY_MS, isoWeekStart, sumByWeek} from "../../src/analytics/time.js";

const day = (iso: string) => Date.parse(iso + "T00:00:00Z");

describe("calendar helpers", () => {
  it("finds the Monday of an ISO week", () => {
    // 2025-01-01 is a Wednesday; its ISO week starts on Monday 2024-12-30 (ISO 8601 calendar).
    expect(isoWeekStart(day("2025-01-01"))).toBe(day("2024-12-30"));
    expect(isoWeekStart(day("2024-12-30"))).toBe(day("2024-12-30"));
    expect(isoWeekStart(day("2025-01-05"))).toBe(day("2024-12-30")); // Sunday
  });
  it("sums whole weeks and drops partial ones at the edges", () => {
    // 2025-01-01 (Wed) … 2025-01-19 (Sun): the week of Dec 30 is partial, Jan 6 and Jan 13 are whole.
    const rows = [];
    for (let d = day("2025-01-01"); d <= day("2025-01-19"); d += DAY_MS) rows.push({date: d, spend: 1, revenue: 2});
    const weeks = sumByWeek(rows, ["spend", "revenue"]);
    expect(weeks.map((w) => w.week)).toEqual([day("2025-01-06"), day("2025-01-13")]);
    expect(weeks.map((w) => w.spend)).toEqual([7, 7]);
    expect(weeks[0].revenue).toBe(14);
  });
});
