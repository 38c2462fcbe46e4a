/**
 * Weekly spend and revenue over time: two lines on one dollar axis; the gap between them is the
 * return. Input: weekly totals {week (ms, UTC Monday), spend, revenue} (see analytics/time.ts).
 */
import * as Plot from "npm:@observablehq/plot";
import {REVENUE_COLOR, SPEND_COLOR} from "./palette.js";

export interface WeeklyMoney {
  week: number;
  spend: number;
  revenue: number;
}

export function spendRevenueChart(weeks: WeeklyMoney[], {width = 640, height = 300}: {width?: number; height?: number} = {}) {
  const long = weeks.flatMap((w) => [
    {week: new Date(w.week), series: "Revenue", value: w.revenue},
    {week: new Date(w.week), series: "Spend", value: w.spend}
  ]);
  return Plot.plot({
    width,
    height,
    marginLeft: 56,
    x: {type: "utc", label: null},
    y: {label: "USD per week", grid: true, tickFormat: "~s"},
    color: {domain: ["Revenue", "Spend"], range: [REVENUE_COLOR, SPEND_COLOR], legend: true},
    marks: [
      Plot.ruleY([0]),
      Plot.lineY(long, {x: "week", y: "value", stroke: "series", curve: "monotone-x", tip: {format: {x: "%b %d, %Y", y: "$,.0f"}}})
    ]
  });
}
