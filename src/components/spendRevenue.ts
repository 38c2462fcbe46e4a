/**
 * Weekly spend and revenue over time: two lines on one dollar axis, with the gap between them
 * being the return. Input: daily rows {date (ms, UTC), spend, revenue}.
 */
import * as Plot from "npm:@observablehq/plot";
import {REVENUE_COLOR, SPEND_COLOR} from "./palette.js";

export interface DailyMoney {
  date: number;
  spend: number;
  revenue: number;
}

export function spendRevenueChart(rows: DailyMoney[], {width = 640, height = 300}: {width?: number; height?: number} = {}) {
  const long = rows.flatMap((d) => [
    {date: new Date(d.date), series: "Revenue", value: d.revenue},
    {date: new Date(d.date), series: "Spend", value: d.spend}
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
      Plot.lineY(long, Plot.binX({y: "sum"}, {x: "date", y: "value", stroke: "series", interval: "week", curve: "monotone-x", tip: true}))
    ]
  });
}
