/**
 * Olist customer charts: the cohort retention heatmap and mean retention curve, RFM segments by
 * size and revenue, and the monthly shares of marketing-originated and -influenced customers.
 */
import * as Plot from "npm:@observablehq/plot";
import {OLIST_COLORS, OLIST_RATE_SCHEME, SEGMENT_COLORS} from "./palette.js";

/** Charts never draw narrower than this (a card can be measured at a transient small width while the page lays out). */
const MIN_WIDTH = 260;

/** Share of each monthly cohort that bought again n months after its first month. */
export function cohortHeatmap(rows: {cohort: number; months_since: number; retention: number; customers: number; cohort_size: number}[], {width = 640}: {width?: number} = {}) {
  width = Math.max(width, MIN_WIDTH);
  const cohorts = [...new Set(rows.map((r) => r.cohort))].sort((a, b) => a - b);
  const label = (ms: number) => new Date(ms).toLocaleDateString("en-US", {timeZone: "UTC", month: "short", year: "2-digit"});
  const data = rows.map((r) => ({...r, cohortLabel: label(r.cohort)}));
  const maxMonths = Math.max(...rows.map((r) => r.months_since));
  return Plot.plot({
    width,
    height: 16 * cohorts.length + 70,
    marginLeft: 56,
    padding: 0.04,
    x: {label: "Months since the first purchase →", domain: Array.from({length: maxMonths}, (_, i) => i + 1), tickFormat: (m: number) => (width < 500 && m % 3 !== 0 ? "" : String(m))},
    y: {label: "First purchase in", domain: cohorts.map(label)},
    color: {scheme: OLIST_RATE_SCHEME as never, legend: true, label: "Bought again that month", tickFormat: ".1%", type: "sqrt"},
    marks: [Plot.cell(data, {x: "months_since", y: "cohortLabel", fill: "retention", inset: 0.5, channels: {"Cohort size": "cohort_size", Customers: "customers"}, tip: {format: {fill: ".2%", "Cohort size": ",d", Customers: ",d"}}})]
  });
}

/** Mean share of a cohort buying in each month after the first (cohorts old enough only). */
export function retentionCurveChart(rows: {months: number; retention: number; cohorts: number}[], {width = 320}: {width?: number} = {}) {
  width = Math.max(width, MIN_WIDTH);
  return Plot.plot({
    width,
    height: 240,
    marginLeft: 48,
    x: {label: "Months since the first purchase →"},
    y: {grid: true, label: "Bought again that month ↑", tickFormat: ".1%"},
    marks: [Plot.ruleY([0]), Plot.lineY(rows, {x: "months", y: "retention", stroke: OLIST_COLORS.revenue, marker: "circle", tip: {format: {y: ".2%"}}, channels: {Cohorts: "cohorts"}})]
  });
}

/** RFM segments: share of customers and share of revenue side by side. */
export function rfmSegmentChart(rows: {segment: string; share: number; revenue_share: number; customers: number}[], {width = 640}: {width?: number} = {}) {
  width = Math.max(width, MIN_WIDTH);
  const data = rows.filter((r) => r.customers > 0).flatMap((r) => [
    {segment: r.segment, measure: "Customers", share: r.share},
    {segment: r.segment, measure: "Revenue", share: r.revenue_share}
  ]);
  const order = rows.filter((r) => r.customers > 0).map((r) => r.segment);
  return Plot.plot({
    width,
    height: 34 * order.length + 60,
    marginLeft: Math.min(130, width * 0.35),
    x: {grid: true, label: "Share →", tickFormat: ".0%"},
    y: {axis: null, domain: ["Customers", "Revenue"]},
    fy: {label: null, domain: order},
    color: {domain: ["Customers", "Revenue"], range: [SEGMENT_COLORS[1], OLIST_COLORS.revenue], legend: true},
    marks: [Plot.barX(data, {x: "share", y: "measure", fy: "segment", fill: "measure", tip: {format: {x: ".1%", fy: true, y: false}}}), Plot.ruleX([0])]
  });
}

/** MOCP and MICP per month (and the simulation's true MOCP when known). */
export function marketingChart(rows: {month: number; mocp: number; micp: number; trueMocp: number}[], {width = 640}: {width?: number} = {}) {
  width = Math.max(width, MIN_WIDTH);
  const series = [
    ...rows.map((r) => ({month: new Date(r.month), measure: "Marketing-originated (MOCP)", value: r.mocp})),
    ...rows.map((r) => ({month: new Date(r.month), measure: "Marketing-influenced (MICP)", value: r.micp})),
    ...rows.filter((r) => Number.isFinite(r.trueMocp)).map((r) => ({month: new Date(r.month), measure: "True share acquired by ads (simulation)", value: r.trueMocp}))
  ];
  return Plot.plot({
    width,
    height: 280,
    marginLeft: 44,
    x: {type: "utc", label: null},
    y: {grid: true, domain: [0, 1], tickFormat: ".0%", label: "Share of customers ↑"},
    color: {domain: ["Marketing-originated (MOCP)", "Marketing-influenced (MICP)", "True share acquired by ads (simulation)"], range: [OLIST_COLORS.model, OLIST_COLORS.alternative, OLIST_COLORS.truth], legend: true},
    marks: [
      Plot.ruleY([0]),
      Plot.lineY(series.filter((d) => !d.measure.startsWith("True")), {x: "month", y: "value", stroke: "measure", marker: "circle", tip: {format: {y: ".1%", x: "%b %Y"}}}),
      Plot.lineY(series.filter((d) => d.measure.startsWith("True")), {x: "month", y: "value", stroke: "measure", strokeDasharray: "4,3", tip: {format: {y: ".1%", x: "%b %Y"}}})
    ]
  });
}
