/**
 * Customer charts of the campaign report: segments' share of customers against their share of
 * revenue, value per customer by month since acquisition, the cohort retention heatmap and the
 * churn-risk histogram.
 */
import * as Plot from "npm:@observablehq/plot";
import {BASELINE_COLOR, MODEL_COLOR, RATE_SCHEME, SEGMENT_COLORS} from "./palette.js";

export interface SegmentShare {
  segment: string;
  measure: "Customers" | "Revenue to date";
  share: number;
}

export function segmentShareChart(shares: readonly SegmentShare[], {width = 640}: {width?: number} = {}) {
  const segments = [...new Set(shares.map((s) => s.segment))];
  return Plot.plot({
    width,
    height: 60 + 52 * segments.length,
    marginLeft: 90,
    x: {label: "Share (%) →", percent: true, grid: true, domain: [0, 100 * Math.max(0.1, ...shares.map((s) => s.share)) * 1.1]},
    y: {axis: null, domain: ["Customers", "Revenue to date"]},
    fy: {label: null, domain: segments},
    color: {domain: ["Customers", "Revenue to date"], range: [BASELINE_COLOR, MODEL_COLOR], legend: true},
    marks: [
      Plot.barX(shares, {x: "share", y: "measure", fy: "segment", fill: "measure"}),
      Plot.text(shares, {x: "share", y: "measure", fy: "segment", text: (d: SegmentShare) => `${(d.share * 100).toFixed(0)}%`, textAnchor: "start", dx: 3, fontSize: 10, fill: "var(--theme-foreground)"}),
      Plot.ruleX([0])
    ]
  });
}

export interface ValuePoint {
  series: string;
  offset: number;
  value: number;
  cohorts: number;
}

export function valueCurveChart(points: readonly ValuePoint[], {width = 640, cac}: {width?: number; cac?: number} = {}) {
  const series = [...new Set(points.map((p) => p.series))];
  return Plot.plot({
    width,
    height: 300,
    marginLeft: 52,
    x: {label: "Months since acquisition →", ticks: 12},
    y: {label: "↑ Revenue per customer to date (USD)", grid: true, tickFormat: "$~s", zero: true},
    color: {domain: series, range: SEGMENT_COLORS, legend: true},
    marks: [
      cac !== undefined && Number.isFinite(cac) ? Plot.ruleY([cac], {stroke: "var(--theme-foreground)", strokeDasharray: "4,3"}) : null,
      cac !== undefined && Number.isFinite(cac) ? Plot.text([cac], {y: (d: number) => d, frameAnchor: "right", text: () => "CAC", dy: -6, fill: "var(--theme-foreground-muted)", fontSize: 10}) : null,
      Plot.lineY(points, {x: "offset", y: "value", stroke: "series", marker: "dot"}),
      Plot.tip(points, Plot.pointer({x: "offset", y: "value", stroke: "series", channels: {Cohorts: "cohorts"}, format: {x: true, y: "$,.0f", stroke: true}}))
    ]
  });
}

export interface RetentionCell {
  cohort: number;
  offset: number;
  customers: number;
  active: number;
  rate: number;
}

export function retentionHeatmap(cells: readonly RetentionCell[], {width = 640}: {width?: number} = {}) {
  const data = cells.map((c) => ({...c, month: new Date(c.cohort).toISOString().slice(0, 7)}));
  const cohorts = [...new Set(data.map((c) => c.month))].sort();
  const offsets = Math.max(1, ...data.map((c) => c.offset));
  const showText = width / (offsets + 2) > 26;
  const dark = 0.5 * Math.max(0, ...data.map((c) => c.rate)); // cells darker than this get white labels
  return Plot.plot({
    width,
    height: 40 + 16 * cohorts.length,
    marginLeft: 64,
    marginTop: 30,
    padding: 0.05,
    x: {label: "Months since acquisition →", axis: "top", tickSize: 0},
    y: {label: "Acquired", domain: cohorts, tickSize: 0},
    color: {scheme: RATE_SCHEME, type: "sqrt", domain: [0, 100 * Math.max(0.05, ...data.map((c) => c.rate))], label: "Active (%)", percent: true, legend: true},
    marks: [
      Plot.cell(data, {x: "offset", y: "month", fill: "rate"}),
      showText ? Plot.text(data.filter((d) => d.rate > dark), {x: "offset", y: "month", text: (d: RetentionCell) => `${Math.round(d.rate * 100)}`, fontSize: 9, fill: "white"}) : null,
      showText ? Plot.text(data.filter((d) => !(d.rate > dark)), {x: "offset", y: "month", text: (d: RetentionCell) => `${Math.round(d.rate * 100)}`, fontSize: 9, fill: "black"}) : null,
      Plot.tip(data, Plot.pointer({x: "offset", y: "month", channels: {Cohort: "customers", Active: "active"}, format: {fill: ".1%", Cohort: ",d", Active: ",d"}}))
    ]
  });
}

export interface RiskBin {
  low: number;
  high: number;
  segment: string;
  customers: number;
}

export function riskHistogramChart(bins: readonly RiskBin[], {width = 640, threshold}: {width?: number; threshold?: number} = {}) {
  const segments = [...new Set(bins.map((b) => b.segment))].sort();
  return Plot.plot({
    width,
    height: 280,
    marginLeft: 52,
    x: {label: "Probability of no order in the next 90 days (%) →", percent: true, domain: [0, 100]},
    y: {label: "↑ Customers", grid: true, tickFormat: "~s"},
    color: {domain: segments, range: SEGMENT_COLORS, legend: true},
    marks: [
      Plot.rectY(bins, Plot.stackY({x1: "low", x2: "high", y: "customers", fill: "segment", insetLeft: 1, insetRight: 1, order: segments})),
      threshold !== undefined ? Plot.ruleX([threshold], {stroke: "var(--theme-foreground)", strokeDasharray: "4,3"}) : null,
      Plot.tip(bins, Plot.pointer(Plot.stackY({x1: "low", x2: "high", y: "customers", fill: "segment", order: segments, format: {x1: ".0%", x2: ".0%", y: ",d"}}))),
      Plot.ruleY([0])
    ]
  });
}
