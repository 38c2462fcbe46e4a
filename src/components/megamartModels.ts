/**
 * MegaMart model charts: RFM grid and k-means choice and profiles, churn discrimination,
 * calibration and drivers, lifetime value against the holdout, A/B lifts with their intervals,
 * and the uplift model's Qini curve, deciles and targeting gains. Where the data are simulated,
 * the truth is drawn beside the estimate (in the foreground colour, as a ring or a dashed line).
 */
import * as Plot from "npm:@observablehq/plot";
import {BAD_COLOR, BASELINE_COLOR, GOOD_COLOR, MODEL_COLOR, RATE_SCHEME, SEGMENT_COLORS, VERDICT_COLORS, VERDICT_ORDER} from "./palette.js";

const pct = (x: number, d = 1) => `${(100 * x).toFixed(d)}%`;
const sgd = (x: number) => `S$${Math.abs(x) >= 1e6 ? (x / 1e6).toFixed(2) + "M" : Math.abs(x) >= 1e4 ? (x / 1e3).toFixed(0) + "k" : x.toFixed(0)}`;

/** Members per R score and FM column, named by their RFM segment. */
export function rfmGridChart(cells: readonly {r: number; fm: number; segment: string; members: number}[], {width = 640}: {width?: number} = {}) {
  return Plot.plot({
    width,
    height: 300,
    marginLeft: 50,
    x: {label: "Frequency + monetary score (1 low … 5 high)", domain: [1, 2, 3, 4, 5]},
    y: {label: "Recency score (5 = most recent)", domain: [5, 4, 3, 2, 1]},
    color: {scheme: RATE_SCHEME, legend: true, label: "Members"},
    marks: [
      Plot.cell(cells, {x: "fm", y: "r", fill: "members", inset: 1, tip: {channels: {segment: "segment"}}}),
      width >= 480 ? Plot.text(cells, {x: "fm", y: "r", text: (d) => `${d.segment}\n${d.members}`, fontSize: 9, lineHeight: 1.15, fill: "currentColor", stroke: "var(--theme-background)", strokeWidth: 2.5}) : Plot.text(cells, {x: "fm", y: "r", text: "members", fontSize: 9})
    ]
  });
}

/** Silhouette by k, the chosen k marked. */
export function silhouetteChart(choice: readonly {k: number; silhouette: number}[], k: number, {width = 640}: {width?: number} = {}) {
  return Plot.plot({
    width,
    height: 220,
    x: {label: "Clusters (k)", ticks: choice.map((c) => c.k), tickFormat: "d"},
    y: {label: "Mean silhouette (higher: better separated)", grid: true},
    marks: [
      Plot.lineY(choice, {x: "k", y: "silhouette", stroke: MODEL_COLOR}),
      Plot.dot(choice, {x: "k", y: "silhouette", fill: (d) => (d.k === k ? GOOD_COLOR : MODEL_COLOR), r: (d) => (d.k === k ? 6 : 3), tip: {format: {fill: false, r: false, y: ".3f"}}}),
      Plot.text(choice.filter((d) => d.k === k), {x: "k", y: "silhouette", text: () => "chosen", dy: -12, fill: "currentColor"})
    ]
  });
}

/** Cluster centroids in standard deviations from the average member, per feature. */
export function clusterProfileChart(clusters: readonly {cluster: number; name: string; z: number[]}[], features: readonly string[], {width = 640}: {width?: number} = {}) {
  const cells = clusters.flatMap((c) => c.z.map((z, j) => ({cluster: `${c.cluster}. ${c.name}`, feature: features[j], z})));
  const limit = Math.max(1, ...cells.map((c) => Math.abs(c.z)));
  return Plot.plot({
    width,
    height: 60 + 34 * features.length,
    marginLeft: 190,
    marginBottom: 90,
    x: {label: null, tickRotate: width < 600 ? -35 : 0, domain: clusters.map((c) => `${c.cluster}. ${c.name}`)},
    y: {label: null, domain: [...features]},
    color: {type: "diverging", scheme: "rdbu", domain: [-limit, limit], legend: true, label: "Centroid, sd from the average member"},
    marks: [Plot.cell(cells, {x: "cluster", y: "feature", fill: "z", inset: 1, tip: {format: {fill: ".2f"}}}), Plot.text(cells, {x: "cluster", y: "feature", text: (d) => d.z.toFixed(1), fontSize: 10, fill: "currentColor"})]
  });
}

/** Members of each planted segment per cluster, as a share of the segment (simulation only). */
export function plantedCrossChart(table: readonly {cluster: number; segment: string; members: number}[], {width = 640}: {width?: number} = {}) {
  const total = new Map<string, number>();
  for (const t of table) total.set(t.segment, (total.get(t.segment) ?? 0) + t.members);
  const cells = table.map((t) => ({...t, share: t.members / total.get(t.segment)!}));
  return Plot.plot({
    width,
    height: 60 + 36 * total.size,
    marginLeft: 140,
    x: {label: "k-means cluster", tickFormat: "d"},
    y: {label: null},
    color: {scheme: RATE_SCHEME, legend: true, label: "Share of the planted segment", tickFormat: "%", domain: [0, 1]},
    marks: [Plot.cell(cells, {x: "cluster", y: "segment", fill: "share", inset: 1, tip: {channels: {members: "members"}, format: {fill: (v: number) => pct(v)}}}), Plot.text(cells, {x: "cluster", y: "segment", text: (d) => pct(d.share, 0), fontSize: 10, fill: "currentColor", stroke: "var(--theme-background)", strokeWidth: 2})]
  });
}

export function rocChart(roc: readonly {fpr: number; tpr: number}[], auc: number, {width = 640}: {width?: number} = {}) {
  return Plot.plot({
    width,
    height: Math.min(360, width * 0.8),
    x: {label: "False positive rate (loyal members flagged)", domain: [0, 1], tickFormat: "%"},
    y: {label: "True positive rate (churners caught)", domain: [0, 1], tickFormat: "%", grid: true},
    marks: [
      Plot.line([[0, 0], [1, 1]], {stroke: BASELINE_COLOR, strokeDasharray: "4 3"}),
      Plot.line(roc, {x: "fpr", y: "tpr", stroke: MODEL_COLOR, strokeWidth: 2, tip: {format: {x: (v: number) => pct(v), y: (v: number) => pct(v)}}}),
      Plot.text([{x: 0.6, y: 0.3}], {x: "x", y: "y", text: () => `AUC ${auc.toFixed(3)}`, fill: "currentColor", fontSize: 12})
    ]
  });
}

export function calibrationChart(bins: readonly {bin: number; meanPredicted: number; observedRate: number; observedLow: number; observedHigh: number; count: number}[], {width = 640}: {width?: number} = {}) {
  return Plot.plot({
    width,
    height: Math.min(360, width * 0.8),
    x: {label: "Predicted churn probability (decile mean)", domain: [0, 1], tickFormat: "%"},
    y: {label: "Observed churn rate", domain: [0, 1], tickFormat: "%", grid: true},
    marks: [
      Plot.line([[0, 0], [1, 1]], {stroke: BASELINE_COLOR, strokeDasharray: "4 3"}),
      Plot.ruleX(bins, {x: "meanPredicted", y1: "observedLow", y2: "observedHigh", stroke: MODEL_COLOR}),
      Plot.dot(bins, {x: "meanPredicted", y: "observedRate", fill: MODEL_COLOR, r: 4, tip: {channels: {members: "count"}, format: {x: (v: number) => pct(v), y: (v: number) => pct(v)}}})
    ]
  });
}

/** Odds ratios with their 95% intervals (log scale), planted drivers marked when known. */
export function driversChart(drivers: readonly {label: string; oddsRatio: number; oddsRatioLow: number; oddsRatioHigh: number; pValue: number; planted?: string}[], {width = 640}: {width?: number} = {}) {
  const kind = (d: {planted?: string}) => (d.planted === undefined ? "estimate" : d.planted.startsWith("raises") ? "planted: raises churn" : d.planted.startsWith("lowers") ? "planted: lowers churn" : d.planted.startsWith("none") ? "planted: no effect" : "not planted (behaviour)");
  const domain = ["planted: raises churn", "planted: lowers churn", "planted: no effect", "not planted (behaviour)", "estimate"];
  return Plot.plot({
    width,
    height: 40 + 24 * drivers.length,
    marginLeft: Math.min(230, width * 0.42),
    x: {type: "log", label: "Odds ratio of churn per unit (95% interval, log scale)", grid: true},
    y: {label: null, domain: drivers.map((d) => d.label)},
    color: {domain, range: [BAD_COLOR, GOOD_COLOR, "#a463f2", BASELINE_COLOR, MODEL_COLOR], legend: drivers.some((d) => d.planted !== undefined)},
    marks: [
      Plot.ruleX([1]),
      Plot.ruleY(drivers, {y: "label", x1: "oddsRatioLow", x2: "oddsRatioHigh", stroke: kind}),
      Plot.dot(drivers, {y: "label", x: "oddsRatio", fill: kind, r: 4, tip: {format: {x: ".3f", fill: true}, channels: {p: (d) => d.pValue.toExponential(1)}}})
    ]
  });
}

export function riskHistogram(bins: readonly {from: number; members: number}[], {width = 640}: {width?: number} = {}) {
  return Plot.plot({
    width,
    height: 220,
    x: {label: "Churn probability in the next 180 days", tickFormat: "%", domain: [0, 1]},
    y: {label: "Members", grid: true},
    marks: [Plot.rectY(bins, {x1: "from", x2: (d) => d.from + 0.05, y: "members", fill: MODEL_COLOR, inset: 0.5, tip: true}), Plot.ruleY([0])]
  });
}

/** Mean repeat purchases in the holdout per calibration frequency: actual against the BG/NBD prediction. */
export function holdoutChart(groups: readonly {label: string; actual: number; predicted: number; customers: number}[], {width = 640}: {width?: number} = {}) {
  const long = groups.flatMap((g) => [
    {label: g.label, series: "Actual", value: g.actual, customers: g.customers},
    {label: g.label, series: "Predicted (BG/NBD)", value: g.predicted, customers: g.customers}
  ]);
  return Plot.plot({
    width,
    height: 280,
    x: {label: "Repeat purchases before the holdout", domain: groups.map((g) => g.label)},
    y: {label: "Purchases per member in the holdout", grid: true},
    color: {domain: ["Actual", "Predicted (BG/NBD)"], range: [BASELINE_COLOR, MODEL_COLOR], legend: true},
    marks: [Plot.lineY(long, {x: "label", y: "value", stroke: "series", marker: "circle", tip: {channels: {members: "customers"}, format: {y: ".2f"}}}), Plot.ruleY([0])]
  });
}

/** Mean predicted 12-month value per group, the simulated truth as a ring when known. */
export function valueByGroupChart(rows: readonly {group: string; meanPredicted: number; meanTrue?: number; members: number}[], {width = 640, label = "Predicted value of the next 12 months per member (SGD)"}: {width?: number; label?: string} = {}) {
  return Plot.plot({
    width,
    height: 40 + 30 * rows.length,
    marginLeft: 150,
    x: {label, grid: true},
    y: {label: null, domain: rows.map((r) => r.group)},
    marks: [
      Plot.barX(rows, {x: "meanPredicted", y: "group", fill: MODEL_COLOR, fillOpacity: 0.8, tip: {channels: {members: "members"}, format: {x: (v: number) => sgd(v)}}}),
      Plot.dot(rows.filter((r) => r.meanTrue !== undefined), {x: "meanTrue", y: "group", stroke: "currentColor", strokeWidth: 2, r: 5, tip: {format: {x: (v: number) => sgd(v)}}}),
      Plot.ruleX([0])
    ]
  });
}

/** Lift in the share of members buying, per campaign arm, with its interval; truth as a ring. */
export function liftForestChart(rows: readonly {name: string; difference: number; differenceLow: number; differenceHigh: number; verdict: {kind: string}; trueEffect?: number}[], {width = 640}: {width?: number} = {}) {
  return Plot.plot({
    width,
    height: 50 + 28 * rows.length,
    marginLeft: Math.min(220, width * 0.42),
    x: {label: "Lift in members buying in the window (percentage points, 95% interval)", grid: true, tickFormat: (v: number) => (100 * v).toFixed(0)},
    y: {label: null, domain: rows.map((r) => r.name)},
    color: {domain: VERDICT_ORDER, range: VERDICT_COLORS, legend: true},
    marks: [
      Plot.ruleX([0]),
      Plot.ruleY(rows, {y: "name", x1: "differenceLow", x2: "differenceHigh", stroke: (d) => d.verdict.kind, strokeWidth: 2}),
      Plot.dot(rows, {y: "name", x: "difference", fill: (d) => d.verdict.kind, r: 4, tip: {format: {x: (v: number) => `${(100 * v).toFixed(2)} pp`}}}),
      Plot.dot(rows.filter((r) => r.trueEffect !== undefined), {y: "name", x: "trueEffect", stroke: "currentColor", r: 6, strokeWidth: 1.5, tip: {format: {x: (v: number) => `true ${(100 * v).toFixed(2)} pp`}}})
    ]
  });
}

/** Qini curve of the model against random targeting and the best possible ranking. */
export function qiniChart(model: readonly {share: number; value: number}[], perfect: readonly {share: number; value: number}[], {width = 640}: {width?: number} = {}) {
  const end = model[model.length - 1];
  const long = [...model.map((p) => ({...p, series: "Model"})), ...perfect.map((p) => ({...p, series: "Best possible ranking"})), {share: 0, value: 0, series: "Random"}, {share: 1, value: end?.value ?? 0, series: "Random"}];
  return Plot.plot({
    width,
    height: 300,
    x: {label: "Share of the holdout targeted, highest predicted uplift first", tickFormat: "%"},
    y: {label: "Incremental buyers (Qini)", grid: true},
    color: {domain: ["Model", "Random", "Best possible ranking"], range: [MODEL_COLOR, BASELINE_COLOR, GOOD_COLOR], legend: true},
    marks: [
      Plot.lineY(long.filter((d) => d.series !== "Model"), {x: "share", y: "value", stroke: "series", strokeDasharray: "4 3"}),
      Plot.lineY(long.filter((d) => d.series === "Model"), {x: "share", y: "value", stroke: "series", strokeWidth: 2, tip: {format: {x: (v: number) => pct(v, 0), y: ".1f"}}}),
      Plot.ruleY([0])
    ]
  });
}

/** Observed uplift per decile of predicted uplift (bars), the simulated true uplift as rings. */
export function decileChart(deciles: readonly {bin: number; uplift: number; standardError: number; trueUplift?: number}[], {width = 640}: {width?: number} = {}) {
  return Plot.plot({
    width,
    height: 280,
    x: {label: "Decile of predicted uplift (1 = most persuadable)", tickFormat: "d"},
    y: {label: "Uplift in buyers (pp)", grid: true, tickFormat: (v: number) => (100 * v).toFixed(0)},
    marks: [
      Plot.barY(deciles, {x: "bin", y: "uplift", fill: MODEL_COLOR, fillOpacity: 0.75, tip: {format: {y: (v: number) => `${(100 * v).toFixed(1)} pp`}}}),
      Plot.ruleX(deciles, {x: "bin", y1: (d) => d.uplift - 1.96 * d.standardError, y2: (d) => d.uplift + 1.96 * d.standardError, stroke: "currentColor", strokeOpacity: 0.5}),
      Plot.dot(deciles.filter((d) => d.trueUplift !== undefined), {x: "bin", y: "trueUplift", stroke: "currentColor", strokeWidth: 2, r: 5}),
      Plot.ruleY([0])
    ]
  });
}

/** Incremental buyers captured by targeting the top share: the model's pick (true, when simulated) against a random pick and the best. */
export function targetingChart(rows: readonly {share: number; observedIncremental: number; trueIncremental?: number; trueRandom?: number; trueBest?: number}[], {width = 640}: {width?: number} = {}) {
  const truth = rows[0]?.trueIncremental !== undefined;
  const long = truth
    ? rows.flatMap((r) => [
        {share: r.share, series: "Model's pick (true)", value: r.trueIncremental!},
        {share: r.share, series: "Random pick (true)", value: r.trueRandom!},
        {share: r.share, series: "Best pick (true)", value: r.trueBest!}
      ])
    : rows.map((r) => ({share: r.share, series: "Model's pick (observed)", value: r.observedIncremental}));
  const domain = truth ? ["Model's pick (true)", "Random pick (true)", "Best pick (true)"] : ["Model's pick (observed)"];
  return Plot.plot({
    width,
    height: 280,
    x: {label: "Share of the holdout messaged", tickFormat: "%"},
    y: {label: "Incremental buyers", grid: true},
    color: {domain, range: [MODEL_COLOR, BASELINE_COLOR, GOOD_COLOR], legend: true},
    marks: [Plot.lineY(long, {x: "share", y: "value", stroke: "series", marker: "circle", tip: {format: {x: (v: number) => pct(v, 0), y: ".1f"}}}), Plot.ruleY([0])]
  });
}

export {SEGMENT_COLORS};
