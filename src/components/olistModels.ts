/**
 * Olist model charts for data scientists: choosing k, clusters in RFM space, segmentations against
 * the planted truth, Qini curves and uplift deciles, the lifetime-value holdout check, value by
 * segment and its concentration, and recommender metrics and affinity recovery.
 */
import * as Plot from "npm:@observablehq/plot";
import {OLIST_COLORS, SEGMENT_COLORS} from "./palette.js";

/** Charts never draw narrower than this (a card can be measured at a transient small width while the page lays out). */
const MIN_WIDTH = 260;

/** Silhouette (and inertia, scaled) for each k; the chosen k is marked. */
export function silhouetteChart(rows: {k: number; silhouette: number; inertia: number; chosen: boolean}[], {width = 320}: {width?: number} = {}) {
  width = Math.max(width, MIN_WIDTH);
  return Plot.plot({
    width,
    height: 240,
    marginLeft: 48,
    x: {label: "Number of clusters k →", ticks: rows.map((r) => r.k), tickFormat: "d"},
    y: {grid: true, label: "Mean silhouette ↑"},
    marks: [
      Plot.lineY(rows, {x: "k", y: "silhouette", stroke: OLIST_COLORS.model}),
      Plot.dot(rows, {x: "k", y: "silhouette", fill: (d: {chosen: boolean}) => (d.chosen ? OLIST_COLORS.truth : OLIST_COLORS.model), r: (d: {chosen: boolean}) => (d.chosen ? 6 : 3), channels: {Inertia: "inertia"}, tip: {format: {y: ".3f", Inertia: ",.0f", fill: false, r: false}}})
    ]
  });
}

/** A sample of customers: days since the last sale against revenue (log), coloured by cluster. */
export function clusterScatter(rows: {recency: number; monetary: number; frequency: number; cluster: string}[], clusters: string[], {width = 640}: {width?: number} = {}) {
  width = Math.max(width, MIN_WIDTH);
  return Plot.plot({
    width,
    height: 340,
    marginLeft: 52,
    x: {label: "Days since the last sale →"},
    y: {type: "log", label: "Revenue per customer (BRL, log) ↑", grid: true, tickFormat: "~s"},
    color: {domain: clusters, range: SEGMENT_COLORS, legend: true},
    r: {range: [1.5, 6]},
    marks: [Plot.dot(rows, {x: "recency", y: "monetary", r: "frequency", fill: "cluster", fillOpacity: 0.55, tip: {format: {y: ",.0f", r: true}}})]
  });
}

/** Row-normalised crosstab: of each group's customers, the share in each planted segment. */
export function truthHeatmap(rows: {group: string; truth: string; customers: number}[], {width = 640, groups}: {width?: number; groups?: string[]} = {}) {
  width = Math.max(width, MIN_WIDTH);
  const totals = new Map<string, number>();
  for (const r of rows) totals.set(r.group, (totals.get(r.group) ?? 0) + r.customers);
  const data = rows.map((r) => ({...r, share: r.customers / totals.get(r.group)!}));
  const truths = [...new Set(rows.map((r) => r.truth))].sort();
  return Plot.plot({
    width,
    height: 30 * (groups ?? [...totals.keys()]).length + 80,
    marginLeft: Math.min(170, width * 0.38),
    marginBottom: 60,
    x: {label: null, domain: truths, tickRotate: width < 520 ? -30 : 0},
    y: {label: null, domain: groups},
    color: {scheme: "blues", legend: true, label: "Share of the group's customers", tickFormat: ".0%", domain: [0, 1]},
    marks: [
      Plot.cell(data, {x: "truth", y: "group", fill: "share", inset: 0.5, channels: {Customers: "customers"}, tip: {format: {fill: ".1%", Customers: ",d"}}}),
      Plot.text(data, {x: "truth", y: "group", text: (d: {share: number}) => (d.share >= 0.05 ? `${Math.round(d.share * 100)}%` : ""), fill: (d: {share: number}) => (d.share > 0.55 ? "white" : "black"), fontSize: 10})
    ]
  });
}

/** Qini curves of each ranking on the holdout; random targeting is the straight line. */
export function qiniChart(rows: {model: string; share: number; incremental: number}[], models: string[], {width = 640}: {width?: number} = {}) {
  width = Math.max(width, MIN_WIDTH);
  const colors = [OLIST_COLORS.model, OLIST_COLORS.alternative, OLIST_COLORS.truth, OLIST_COLORS.random];
  return Plot.plot({
    width,
    height: 320,
    marginLeft: 52,
    x: {label: "Share of the holdout targeted, highest predicted uplift first →", tickFormat: ".0%"},
    y: {grid: true, label: "Incremental buyers among the treated ↑"},
    color: {domain: models, range: colors.slice(0, models.length), legend: true},
    marks: [
      Plot.ruleY([0]),
      Plot.lineY(rows.filter((d) => !d.model.startsWith("Planted")), {x: "share", y: "incremental", stroke: "model", tip: {format: {x: ".0%", y: ",.0f"}}}),
      Plot.lineY(rows.filter((d) => d.model.startsWith("Planted")), {x: "share", y: "incremental", stroke: "model", strokeDasharray: "5,3", tip: {format: {x: ".0%", y: ",.0f"}}})
    ]
  });
}

/** Observed uplift per decile of predicted uplift (bars with ±2 s.e.), the model's prediction and the true effect. */
export function decileChart(rows: {decile: number; observed_uplift: number; standard_error: number; predicted_uplift: number; true_effect: number}[], {width = 640}: {width?: number} = {}) {
  width = Math.max(width, MIN_WIDTH);
  const hasTruth = rows.some((r) => Number.isFinite(r.true_effect));
  return Plot.plot({
    width,
    height: 280,
    marginLeft: 52,
    x: {label: "Decile of predicted uplift (1 = highest) →", domain: rows.map((r) => r.decile)},
    y: {grid: true, label: "Uplift in purchase rate ↑", tickFormat: "+.0%"},
    color: {domain: ["Observed (treated − control)", "Predicted by the model", ...(hasTruth ? ["True effect (simulation)"] : [])], range: [OLIST_COLORS.model, OLIST_COLORS.alternative, OLIST_COLORS.truth], legend: true},
    marks: [
      Plot.ruleY([0]),
      Plot.barY(rows, {x: "decile", y: "observed_uplift", fill: () => "Observed (treated − control)", fillOpacity: 0.7, tip: {format: {y: "+.2%", fill: false}}, channels: {"Std. error": "standard_error"}}),
      Plot.ruleX(rows, {x: "decile", y1: (d: {observed_uplift: number; standard_error: number}) => d.observed_uplift - 2 * d.standard_error, y2: (d: {observed_uplift: number; standard_error: number}) => d.observed_uplift + 2 * d.standard_error, stroke: "currentColor", strokeOpacity: 0.5}),
      Plot.dot(rows, {x: "decile", y: "predicted_uplift", stroke: () => "Predicted by the model", r: 4, strokeWidth: 2}),
      hasTruth ? Plot.dot(rows, {x: "decile", y: "true_effect", fill: () => "True effect (simulation)", symbol: "diamond", r: 4}) : null
    ]
  });
}

/** BG/NBD holdout check: mean purchases in the holdout, actual vs predicted, by earlier repeat purchases. */
export function holdoutChart(rows: {label: string; actual: number; predicted: number; customers: number}[], {width = 320}: {width?: number} = {}) {
  width = Math.max(width, MIN_WIDTH);
  const data = rows.flatMap((r) => [
    {label: r.label, series: "Actual", value: r.actual, customers: r.customers},
    {label: r.label, series: "Predicted (BG/NBD)", value: r.predicted, customers: r.customers}
  ]);
  return Plot.plot({
    width,
    height: 260,
    marginLeft: 48,
    x: {label: "Repeat purchases before the holdout →", domain: rows.map((r) => r.label)},
    y: {grid: true, label: "Mean purchases in the holdout ↑"},
    color: {domain: ["Actual", "Predicted (BG/NBD)"], range: [OLIST_COLORS.model, OLIST_COLORS.truth], legend: true},
    marks: [Plot.ruleY([0]), Plot.lineY(data, {x: "label", y: "value", stroke: "series", marker: "circle", tip: {format: {y: ".3f", customers: ",d"}}, channels: {customers: "customers"}})]
  });
}

/** Mean 12-month value per group, bars. */
export function valueByGroupChart(rows: {group: string; mean_clv: number; customers: number; total_clv: number}[], {width = 640}: {width?: number} = {}) {
  width = Math.max(width, MIN_WIDTH);
  return Plot.plot({
    width,
    height: 26 * rows.length + 50,
    marginLeft: Math.min(170, width * 0.38),
    x: {grid: true, label: "Mean predicted value over 12 months (BRL) →"},
    y: {label: null, domain: rows.map((r) => r.group)},
    marks: [Plot.barX(rows, {x: "mean_clv", y: "group", fill: OLIST_COLORS.revenue, channels: {Customers: "customers", "Total (BRL)": "total_clv"}, tip: {format: {x: ",.0f", Customers: ",d", "Total (BRL)": ",.0f"}}}), Plot.ruleX([0])]
  });
}

/** Lorenz-style curve: share of total value held by the top x% of customers. */
export function concentrationChart(rows: {top_share: number; value_share: number}[], {width = 320}: {width?: number} = {}) {
  width = Math.max(width, MIN_WIDTH);
  const data = [{top_share: 0, value_share: 0}, ...rows];
  return Plot.plot({
    width,
    height: 260,
    marginLeft: 48,
    x: {label: "Most valuable customers →", tickFormat: ".0%", domain: [0, 1]},
    y: {grid: true, label: "Share of predicted value ↑", tickFormat: ".0%", domain: [0, 1]},
    marks: [Plot.line([[0, 0], [1, 1]], {stroke: OLIST_COLORS.random, strokeDasharray: "4,3"}), Plot.lineY(data, {x: "top_share", y: "value_share", stroke: OLIST_COLORS.revenue, marker: "circle", tip: {format: {x: ".0%", y: ".1%"}}})]
  });
}

/** One metric of each recommender against k. */
export function recMetricChart(rows: {model: string; k: number; [metric: string]: number | string}[], metric: string, label: string, models: string[], {width = 640, percent = true}: {width?: number; percent?: boolean} = {}) {
  width = Math.max(width, MIN_WIDTH);
  const colors = [OLIST_COLORS.popular, "#c2c2c2", SEGMENT_COLORS[0], OLIST_COLORS.model, OLIST_COLORS.alternative, OLIST_COLORS.truth];
  return Plot.plot({
    width,
    height: 280,
    marginLeft: 52,
    x: {label: "List length k →", ticks: [...new Set(rows.map((r) => r.k))]},
    y: {grid: true, label: `${label} ↑`, tickFormat: percent ? ".0%" : ".2f"},
    color: {domain: models, range: colors.slice(0, models.length), legend: true},
    marks: [Plot.ruleY([0]), Plot.lineY(rows, {x: "k", y: metric, stroke: "model", marker: "circle", tip: {format: {y: percent ? ".2%" : ".3f"}}})]
  });
}

/** Share of planted bundle / theme mates among each item's 10 neighbours, against chance. */
export function affinityChart(rows: {method: string; target: string; precision: number; recall: number; chance: number; chance_recall: number}[], {width = 640}: {width?: number} = {}) {
  width = Math.max(width, MIN_WIDTH);
  return Plot.plot({
    width,
    height: 220,
    marginLeft: Math.min(170, width * 0.35),
    x: {grid: true, label: "Planted mates found among the 10 nearest neighbours →", tickFormat: ".0%", domain: [0, 1]},
    y: {label: null},
    fy: {label: null},
    color: {domain: ["planted bundles", "planted themes"], range: [OLIST_COLORS.model, OLIST_COLORS.alternative], legend: true},
    marks: [
      Plot.barX(rows, {x: "recall", y: "method", fy: "target", fill: "target", channels: {"Precision of the 10": "precision", "Random neighbours would find": "chance_recall"}, tip: {format: {x: ".1%", "Precision of the 10": ".1%", "Random neighbours would find": ".2%", fy: false, fill: false}}}),
      Plot.ruleX([0])
    ]
  });
}
