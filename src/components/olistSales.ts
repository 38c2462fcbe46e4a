/**
 * Olist sales charts: revenue and sales over time, categories, weekday and month profiles, the
 * weekday × hour heatmap, and review scores against delivery timing. Inputs are the plain rows of
 * src/olist/report.ts; every chart is Plot with tips and labelled axes.
 */
import * as Plot from "npm:@observablehq/plot";
import {OLIST_COLORS, OLIST_SCORE_COLORS} from "./palette.js";

/** Charts never draw narrower than this (a card can be measured at a transient small width while the page lays out). */
const MIN_WIDTH = 260;

const brl = (v: number) => `R$${Math.round(v).toLocaleString("en-US")}`;

/** Weekly revenue and weekly sales, two stacked panels on one time axis (each with its own y scale). */
export function salesTrendChart(weeks: {week: number; revenue: number; orders: number}[], {width = 640}: {width?: number} = {}): HTMLElement {
  width = Math.max(width, MIN_WIDTH);
  const data = weeks.map((w) => ({...w, date: new Date(w.week)}));
  const panel = (key: "revenue" | "orders", label: string, color: string, last: boolean) =>
    Plot.plot({
      width,
      height: last ? 170 : 150,
      marginLeft: 56,
      marginBottom: last ? 30 : 8,
      x: {type: "utc", label: null, axis: last ? "bottom" : null},
      y: {grid: true, tickFormat: "~s", label},
      marks: [
        Plot.ruleY([0]),
        Plot.areaY(data, {x: "date", y: key, fill: color, fillOpacity: 0.15, curve: "monotone-x"}),
        Plot.lineY(data, {x: "date", y: key, stroke: color, curve: "monotone-x", tip: {format: {x: "%b %d, %Y", y: ",.0f"}}})
      ]
    });
  const box = document.createElement("div");
  box.className = "olist-trend";
  box.append(panel("revenue", "Revenue per week (BRL) ↑", OLIST_COLORS.revenue, false), panel("orders", "Sales per week ↑", OLIST_COLORS.orders, true));
  return box;
}

/** Revenue by category (top n), with last year's revenue as a tick for comparison. */
export function categoryChart(rows: {category: string; revenue: number; previous: number; share: number; growth: number}[], {width = 640, top = 15}: {width?: number; top?: number} = {}) {
  width = Math.max(width, MIN_WIDTH);
  const data = rows.slice(0, top);
  return Plot.plot({
    width,
    height: 26 * data.length + 40,
    marginLeft: Math.min(190, width * 0.42),
    x: {grid: true, tickFormat: "~s", label: "Revenue in the last 12 months (BRL) →"},
    y: {label: null, domain: data.map((d) => d.category)},
    marks: [
      Plot.barX(data, {x: "revenue", y: "category", fill: OLIST_COLORS.revenue, channels: {Share: "share", "12 months before": "previous", Growth: "growth"}, tip: {format: {x: ",.0f", Share: ".1%", "12 months before": ",.0f", Growth: "+.1%", y: true}}}),
      Plot.tickX(data, {x: "previous", y: "category", stroke: "currentColor", strokeWidth: 2}),
      Plot.ruleX([0])
    ]
  });
}

/** Mean sales per day by weekday. */
export function weekdayChart(rows: {weekday: string; orders: number; revenue: number}[], {width = 320}: {width?: number} = {}) {
  width = Math.max(width, MIN_WIDTH);
  return Plot.plot({
    width,
    height: 240,
    marginLeft: 48,
    x: {label: null, domain: rows.map((r) => r.weekday), tickFormat: (d: string) => d.slice(0, 3)},
    y: {grid: true, label: "Mean sales per day ↑"},
    marks: [Plot.barY(rows, {x: "weekday", y: "orders", fill: OLIST_COLORS.orders, channels: {"Revenue per day": "revenue"}, tip: {format: {y: ",.1f", "Revenue per day": ",.0f"}}}), Plot.ruleY([0])]
  });
}

/** Revenue per calendar month, one line per year. */
export function monthChart(rows: {year: string; month: string; index: number; revenue: number}[], months: readonly string[], {width = 320}: {width?: number} = {}) {
  width = Math.max(width, MIN_WIDTH);
  return Plot.plot({
    width,
    height: 240,
    marginLeft: 52,
    x: {label: null, domain: months as string[]},
    y: {grid: true, tickFormat: "~s", label: "Revenue (BRL) ↑"},
    color: {legend: true, scheme: "tableau10", type: "ordinal"},
    marks: [Plot.lineY(rows, {x: "month", y: "revenue", stroke: "year", marker: "circle-stroke", tip: {format: {y: ",.0f"}}}), Plot.ruleY([0])]
  });
}

/** Share of the week's sales in each weekday × hour cell. */
export function hourHeatmap(rows: {weekday: number; hour: number; orders: number}[], weekdays: readonly string[], {width = 640}: {width?: number} = {}) {
  width = Math.max(width, MIN_WIDTH);
  const total = rows.reduce((n, r) => n + r.orders, 0);
  const data = rows.map((r) => ({...r, day: weekdays[r.weekday], share: total ? r.orders / total : 0}));
  return Plot.plot({
    width,
    height: 230,
    marginLeft: 44,
    padding: 0.05,
    x: {label: "Hour of purchase →", tickFormat: (h: number) => (h % 3 === 0 ? String(h) : "")},
    y: {label: null, domain: weekdays as string[], tickFormat: (d: string) => d.slice(0, 3)},
    color: {scheme: "blues", legend: true, label: "Share of the week's sales", tickFormat: ".1%"},
    marks: [Plot.cell(data, {x: "hour", y: "day", fill: "share", inset: 0.5, channels: {Sales: "orders"}, tip: {format: {fill: ".2%", Sales: ",d"}}})]
  });
}

/** Mean review score and the share of 1-2 star reviews by days early (−) or late (+) against the promise. */
export function deliveryScoreChart(rows: {days: number; orders: number; meanScore: number; lowShare: number}[], {width = 640}: {width?: number} = {}) {
  width = Math.max(width, MIN_WIDTH);
  const data = rows.filter((r) => r.orders >= 20);
  return Plot.plot({
    width,
    height: 300,
    marginLeft: 44,
    x: {label: "Delivered days before (−) or after (+) the promised date →"},
    y: {grid: true, label: "Mean review score ↑", domain: [1, 5]},
    marks: [
      Plot.rectY([{x1: 0.5, x2: Math.max(1, ...data.map((d) => d.days)) + 0.5}], {x1: "x1", x2: "x2", y1: 1, y2: 5, fill: OLIST_COLORS.late, fillOpacity: 0.08}),
      Plot.ruleX([0.5], {stroke: OLIST_COLORS.late, strokeDasharray: "4,3"}),
      Plot.dot(data, {x: "days", y: "meanScore", r: "orders", fill: (d: {days: number}) => (d.days > 0 ? "late" : "on time"), fillOpacity: 0.8, tip: {format: {r: ",d", fill: false, y: ".2f"}}, channels: {"1-2 stars": "lowShare"}}),
      Plot.text([{x: 1.5, y: 1.3}], {x: "x", y: "y", text: () => "late →", textAnchor: "start", fill: OLIST_COLORS.late})
    ],
    color: {domain: ["on time", "late"], range: [OLIST_COLORS.onTime, OLIST_COLORS.late], legend: true},
    r: {range: [1.5, 9]}
  });
}

/** Monthly share of deliveries that came late. */
export function lateShareChart(rows: {month: number; lateShare: number; deliveries: number}[], {width = 640}: {width?: number} = {}) {
  width = Math.max(width, MIN_WIDTH);
  return Plot.plot({
    width,
    height: 220,
    marginLeft: 44,
    x: {type: "utc", label: null},
    y: {grid: true, label: "Delivered late ↑", tickFormat: ".0%"},
    marks: [Plot.ruleY([0]), Plot.rectY(rows, {x1: "month", x2: (d: {month: number}) => new Date(new Date(d.month).setUTCMonth(new Date(d.month).getUTCMonth() + 1)), y: "lateShare", fill: OLIST_COLORS.late, insetLeft: 1, insetRight: 1, channels: {Deliveries: "deliveries"}, tip: {format: {y: ".1%", x1: "%b %Y", x2: false, Deliveries: ",d"}}})]
  });
}

/** Review score distribution, stacked, for groups (e.g. on time vs late). */
export function scoreShareChart(rows: {group: string; score: number; share: number}[], {width = 640}: {width?: number} = {}) {
  width = Math.max(width, MIN_WIDTH);
  return Plot.plot({
    width,
    height: 130,
    marginLeft: 80,
    x: {label: "Share of reviews →", tickFormat: ".0%"},
    y: {label: null},
    color: {domain: [1, 2, 3, 4, 5], range: OLIST_SCORE_COLORS, legend: true, label: "Score"},
    marks: [Plot.barX(rows, {x: "share", y: "group", fill: "score", order: "fill", tip: {format: {x: ".1%"}}})]
  });
}

export {brl};
