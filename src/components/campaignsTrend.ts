/**
 * Spend and revenue over time for the campaign report: two lines on one dollar axis, by day for
 * short ranges and by ISO week for long ones (the label says which). Input: points
 * {date (ms, UTC), spend, revenue}, already summed at the chosen grain.
 */
import * as Plot from "npm:@observablehq/plot";
import {REVENUE_COLOR, SPEND_COLOR} from "./palette.js";

export interface MoneyPoint {
  date: number;
  spend: number;
  revenue: number;
}

export function spendRevenueTrend(points: readonly MoneyPoint[], {width = 640, height = 300, grain = "week"}: {width?: number; height?: number; grain?: "day" | "week"} = {}) {
  const long = points.flatMap((p) => [
    {date: new Date(p.date), series: "Revenue", value: p.revenue, roas: p.spend > 0 ? p.revenue / p.spend : NaN},
    {date: new Date(p.date), series: "Spend", value: p.spend, roas: p.spend > 0 ? p.revenue / p.spend : NaN}
  ]);
  return Plot.plot({
    width,
    height,
    marginLeft: 56,
    x: {type: "utc", label: null},
    y: {label: `USD per ${grain}`, grid: true, tickFormat: "~s", zero: true},
    color: {domain: ["Revenue", "Spend"], range: [REVENUE_COLOR, SPEND_COLOR], legend: true},
    marks: [
      Plot.ruleY([0]),
      Plot.lineY(long, {x: "date", y: "value", stroke: "series", curve: "monotone-x"}),
      Plot.tip(long, Plot.pointerX({x: "date", y: "value", stroke: "series", channels: {ROAS: {value: "roas", label: "ROAS"}}, format: {x: grain === "day" ? "%a %b %d, %Y" : "week of %b %d, %Y", y: "$,.0f", ROAS: ".2f", stroke: true}}))
    ]
  });
}
