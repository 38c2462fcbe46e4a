/**
 * Charts of the Alyce market-mix pages: contribution waterfall and stack, ROI and marginal ROI with
 * intervals, response and decay curves, budget scenarios, fit and residual checks. Each takes plain
 * rows (computed by src/alyce/mmm.ts or published by the loader) and `{width}`, returns a Plot figure.
 * Arrow dates arrive as ms numbers: time axes are `type: "utc"`.
 */
import * as Plot from "npm:@observablehq/plot";
import {ALYCE_BASE_COLORS, ALYCE_LEVER_COLORS, ALYCE_LEVER_ORDER, ALYCE_SCENARIO_COLORS, ALYCE_SCENARIO_ORDER, BAD_COLOR, BASELINE_COLOR, MODEL_COLOR} from "./palette.js";

const MUTED = "var(--theme-foreground-muted)";
const FG = "var(--theme-foreground)";
const money = (v: number) => {
  const a = Math.abs(v);
  const s = a >= 1e6 ? `${(a / 1e6).toFixed(1)}M` : a >= 1e3 ? `${(a / 1e3).toFixed(0)}k` : a.toFixed(0);
  return `${v < 0 ? "−" : ""}$${s}`;
};

/** Lever colours: the documented levers first, any others after, in the order given. */
export function leverColor(levers: readonly string[], labelOf: (name: string) => string = (n) => n) {
  const names = [...ALYCE_LEVER_ORDER.filter((l) => levers.includes(l)), ...levers.filter((l) => !ALYCE_LEVER_ORDER.includes(l))];
  return {domain: names.map(labelOf), range: names.map((n) => ALYCE_LEVER_COLORS[(ALYCE_LEVER_ORDER.includes(n) ? ALYCE_LEVER_ORDER.indexOf(n) : ALYCE_LEVER_ORDER.length + levers.filter((l) => !ALYCE_LEVER_ORDER.includes(l)).indexOf(n)) % ALYCE_LEVER_COLORS.length])};
}

/** Colour of a waterfall or stack component by name (levers by their lever colour). */
function componentColors(components: readonly {component: string; label: string; kind: string}[]) {
  const levers = components.filter((c) => c.kind === "media").map((c) => c.component);
  const lc = leverColor(levers);
  const seen = new Map<string, string>();
  for (const c of components) {
    if (seen.has(c.label)) continue;
    const base = (ALYCE_BASE_COLORS as Record<string, string>)[c.component];
    seen.set(c.label, c.kind === "media" ? lc.range[lc.domain.indexOf(c.component)] : c.kind === "total" ? MODEL_COLOR : (base ?? BASELINE_COLOR));
  }
  return {domain: [...seen.keys()], range: [...seen.values()]};
}

export interface WaterfallRow {
  label: string;
  component: string;
  kind: string;
  start: number;
  end: number;
  value: number;
}

/** Baseline → each part → fitted sales, as floating horizontal bars (a waterfall read top to bottom). */
export function waterfallChart(steps: readonly WaterfallRow[], {width = 640}: {width?: number} = {}) {
  const narrow = width < 520;
  const rows = steps.map((s) => ({...s, lo: Math.min(s.start, s.end), hi: Math.max(s.start, s.end)}));
  return Plot.plot({
    width,
    height: 34 * rows.length + 50,
    marginLeft: narrow ? 8 : 190,
    marginRight: narrow ? 12 : 60,
    x: {label: "Sales over the period (USD) →", grid: true, tickFormat: money, ticks: narrow ? 4 : 8},
    y: {label: null, domain: rows.map((r) => r.label), axis: narrow ? null : "left"},
    color: componentColors(rows),
    marks: [
      Plot.barX(rows, {x1: "lo", x2: "hi", y: "label", fill: "label", fillOpacity: 0.9, insetTop: narrow ? 14 : 4, insetBottom: narrow ? 2 : 4}),
      narrow ? Plot.text(rows, {x: 0, y: "label", text: (d: WaterfallRow) => `${d.label}: ${money(d.value)}`, textAnchor: "start", dy: -9, fill: FG, fontSize: 10}) : Plot.text(rows, {x: "hi", y: "label", text: (d: WaterfallRow) => (d.kind === "total" || d.kind === "base" ? money(d.value) : `+${money(d.value)}`), textAnchor: "start", dx: 4, fill: FG, fontSize: 10}),
      Plot.tip(rows, Plot.pointerY({x: "hi", y: "label", channels: {Contribution: "value", "Running total": "end"}, format: {Contribution: "$,.0f", "Running total": "$,.0f", x: false, y: true, fill: false}}))
    ]
  });
}

export interface IntervalRow {
  label: string;
  name: string;
  estimate: number;
  lower: number;
  upper: number;
  truth?: number;
}

/**
 * A dot per lever with its 90 % interval, a dashed break-even line at `reference` (1 = a dollar of
 * sales per dollar), and the simulation's true value as a ring when given.
 */
export function intervalChart(rows: readonly IntervalRow[], {width = 640, label = "Sales per dollar of spend (USD) →", reference = 1, referenceLabel = "break-even"}: {width?: number; label?: string; reference?: number | null; referenceLabel?: string} = {}) {
  const narrow = width < 520;
  const withTruth = rows.filter((r) => r.truth !== undefined && Number.isFinite(r.truth));
  const color = leverColor(rows.map((r) => r.name), (n) => rows.find((r) => r.name === n)!.label);
  return Plot.plot({
    width,
    height: 44 * rows.length + 60,
    marginLeft: narrow ? 8 : 110,
    marginRight: 24,
    x: {label, grid: true, nice: true, zero: true},
    y: {label: null, domain: rows.map((r) => r.label), axis: narrow ? null : "left"},
    color,
    marks: [
      reference !== null ? Plot.ruleX([reference], {stroke: MUTED, strokeDasharray: "4,3"}) : null,
      reference !== null ? Plot.text([reference], {x: (d: number) => d, frameAnchor: "top", text: () => referenceLabel, dy: -2, dx: 4, textAnchor: "start", fill: MUTED, fontSize: 10}) : null,
      Plot.ruleY(rows, {y: "label", x1: "lower", x2: "upper", stroke: "label", strokeWidth: 3, strokeOpacity: 0.6}),
      Plot.dot(rows, {y: "label", x: "estimate", fill: "label", r: 5}),
      Plot.dot(withTruth, {y: "label", x: "truth", stroke: FG, r: 7, strokeWidth: 1.5, symbol: "circle"}),
      narrow ? Plot.text(rows, {y: "label", x: 0, text: "label", textAnchor: "start", dy: -12, fill: FG, fontSize: 10, frameAnchor: "left"}) : null,
      Plot.tip(rows, Plot.pointerY({x: "estimate", y: "label", channels: {"90 % from": "lower", to: "upper", ...(withTruth.length ? {Truth: "truth"} : {})}, format: {x: ".2f", "90 % from": ".2f", to: ".2f", Truth: ".2f", y: true, fill: false}}))
    ]
  });
}

export interface ContributionRow {
  week: number;
  component: string;
  label: string;
  kind: string;
  value: number;
}

/** Weekly sales stacked by component (baseline at the bottom, media on top). */
export function stackedContributionChart(rows: readonly ContributionRow[], {width = 640}: {width?: number} = {}) {
  const labels: {component: string; label: string; kind: string}[] = [];
  for (const r of rows) if (!labels.some((l) => l.label === r.label)) labels.push(r);
  const color = componentColors(labels);
  return Plot.plot({
    width,
    height: width < 520 ? 300 : 380,
    marginLeft: 56,
    x: {type: "utc", label: null},
    y: {label: "↑ Weekly sales (USD)", grid: true, tickFormat: money},
    color: {...color, legend: true},
    marks: [
      Plot.areaY(rows, {x: "week", y: "value", fill: "label", order: color.domain, fillOpacity: 0.85, curve: "step"}),
      Plot.ruleY([0]),
      Plot.tip(rows, Plot.pointerX(Plot.stackY({x: "week", y: "value", fill: "label", order: color.domain, channels: {Component: "label"}, format: {y: false, Component: true, fill: false, x: (d: Date) => `week of ${d.toISOString().slice(0, 10)}`}})))
    ]
  });
}

/** Share of spend vs share of effect per lever, as paired bars. */
export function shareChart(rows: readonly {label: string; measure: string; share: number}[], {width = 640}: {width?: number} = {}) {
  return Plot.plot({
    width,
    height: 260,
    marginLeft: 56,
    x: {label: null, axis: null, domain: ["Share of spend", "Share of effect"]},
    fx: {label: null, padding: 0.15},
    y: {label: "↑ Share of media (%)", grid: true, percent: true},
    color: {domain: ["Share of spend", "Share of effect"], range: [BASELINE_COLOR, MODEL_COLOR], legend: true},
    marks: [
      Plot.barY(rows, {fx: "label", x: "measure", y: "share", fill: "measure", tip: {format: {x: false, fx: true, y: (v: number) => `${v.toFixed(1)}%`}}}),
      Plot.ruleY([0])
    ]
  });
}

export interface ResponseCurveRow {
  spend: number;
  response: number;
  lower: number;
  upper: number;
  marginal: number;
}

/**
 * One lever's response curve: constant weekly spend → expected weekly incremental sales, with its
 * 90 % band, the current weekly spend marked, the largest week observed, and the break-even spend
 * (above which the next dollar returns less than a dollar).
 */
export function responseCurveChart(curve: readonly ResponseCurveRow[], {width = 320, color = MODEL_COLOR, current, maxObserved, breakEven}: {width?: number; color?: string; current: number; maxObserved?: number; breakEven?: number}) {
  const at = (s: number) => {
    let best = curve[0];
    for (const p of curve) if (Math.abs(p.spend - s) < Math.abs(best.spend - s)) best = p;
    return best;
  };
  const markers = [
    {spend: current, label: "current", response: at(current).response},
    ...(breakEven && breakEven > 0 && breakEven <= curve[curve.length - 1].spend ? [{spend: breakEven, label: "break-even", response: at(breakEven).response}] : [])
  ];
  return Plot.plot({
    width,
    height: 230,
    marginLeft: 52,
    x: {label: "Weekly spend (USD) →", tickFormat: money, ticks: 4},
    y: {label: "↑ Weekly sales from it (USD)", grid: true, tickFormat: money, ticks: 5},
    marks: [
      maxObserved ? Plot.rectX([{x1: maxObserved, x2: curve[curve.length - 1].spend}], {x1: "x1", x2: "x2", fill: MUTED, fillOpacity: 0.08}) : null,
      Plot.areaY(curve, {x: "spend", y1: "lower", y2: "upper", fill: color, fillOpacity: 0.2}),
      Plot.lineY(curve, {x: "spend", y: "response", stroke: color, strokeWidth: 2}),
      Plot.ruleX(markers, {x: "spend", stroke: (d: {label: string}) => (d.label === "current" ? FG : BAD_COLOR), strokeDasharray: "3,3"}),
      Plot.dot(markers, {x: "spend", y: "response", fill: (d: {label: string}) => (d.label === "current" ? FG : BAD_COLOR), r: 4}),
      Plot.text(markers.slice(0, 1), {x: "spend", frameAnchor: "top", text: "label", dx: 3, dy: 2, textAnchor: "start", fill: MUTED, fontSize: 10}),
      Plot.text(markers.slice(1), {x: "spend", frameAnchor: "top", text: "label", dx: 3, dy: 14, textAnchor: "start", fill: BAD_COLOR, fontSize: 10}),
      Plot.ruleY([0]),
      Plot.tip(curve, Plot.pointerX({x: "spend", y: "response", channels: {"90 % from": "lower", to: "upper", "Next dollar returns": "marginal"}, format: {x: "$,.0f", y: "$,.0f", "90 % from": "$,.0f", to: "$,.0f", "Next dollar returns": "$.2f"}}))
    ]
  });
}

/** Adstock decay: share of one week's spend acting 0, 1, 2, … weeks later, per lever, with bands. */
export function decayChart(rows: readonly {label: string; name: string; lag: number; weight: number; lower: number; upper: number}[], {width = 640}: {width?: number} = {}) {
  const labels = [...new Set(rows.map((r) => r.label))];
  const color = leverColor([...new Set(rows.map((r) => r.name))], (n) => rows.find((r) => r.name === n)!.label);
  return Plot.plot({
    width,
    height: 280,
    marginLeft: 52,
    x: {label: "Weeks after the spend →", ticks: 13},
    y: {label: "↑ Share of the effect acting that week (%)", grid: true, percent: true},
    color: {...color, legend: true},
    marks: [
      ...labels.map((l) => Plot.areaY(rows.filter((r) => r.label === l), {x: "lag", y1: "lower", y2: "upper", fill: "label", fillOpacity: 0.15})),
      Plot.lineY(rows, {x: "lag", y: "weight", stroke: "label", strokeWidth: 2, marker: "circle"}),
      Plot.ruleY([0]),
      Plot.tip(rows, Plot.pointer({x: "lag", y: "weight", stroke: "label", channels: {"90 % from": "lower", to: "upper"}, format: {y: (v: number) => `${(100 * v).toFixed(1)}%`, "90 % from": (v: number) => `${(100 * v).toFixed(1)}%`, to: (v: number) => `${(100 * v).toFixed(1)}%`}}))
    ]
  });
}

/** Annual spend per lever under each scenario, bars grouped by lever. */
export function allocationChart(rows: readonly {label: string; scenario: string; spend: number}[], {width = 640}: {width?: number} = {}) {
  return Plot.plot({
    width,
    height: 280,
    marginLeft: 56,
    x: {axis: null, domain: ALYCE_SCENARIO_ORDER},
    fx: {label: null, padding: 0.15},
    y: {label: "↑ Spend next year (USD)", grid: true, tickFormat: money},
    color: {domain: ALYCE_SCENARIO_ORDER, range: ALYCE_SCENARIO_COLORS, legend: true},
    marks: [Plot.barY(rows, {fx: "label", x: "scenario", y: "spend", fill: "scenario", tip: {format: {x: false, fx: true, y: "$,.0f"}}}), Plot.ruleY([0])]
  });
}

/** Expected annual sales from media of each scenario with its 90 % interval. */
export function scenarioChart(rows: readonly {scenario: string; estimate: number; lower: number; upper: number}[], {width = 640}: {width?: number} = {}) {
  const narrow = width < 520;
  return Plot.plot({
    width,
    height: 170,
    marginLeft: narrow ? 8 : 110,
    marginRight: 24,
    x: {label: "Expected sales from media next year (USD) →", grid: true, tickFormat: money, ticks: narrow ? 3 : 6},
    y: {label: null, domain: ALYCE_SCENARIO_ORDER, axis: narrow ? null : "left"},
    color: {domain: ALYCE_SCENARIO_ORDER, range: ALYCE_SCENARIO_COLORS},
    marks: [
      Plot.ruleY(rows, {y: "scenario", x1: "lower", x2: "upper", stroke: "scenario", strokeWidth: 3}),
      Plot.dot(rows, {y: "scenario", x: "estimate", fill: "scenario", r: 5}),
      narrow ? Plot.text(rows, {y: "scenario", x: "lower", text: "scenario", textAnchor: "start", dy: -11, fill: FG, fontSize: 10}) : null,
      Plot.tip(rows, Plot.pointerY({x: "estimate", y: "scenario", channels: {"90 % from": "lower", to: "upper"}, format: {x: "$,.0f", "90 % from": "$,.0f", to: "$,.0f", y: true, fill: false}}))
    ]
  });
}

export interface WeekFitRow {
  week: number;
  sales: number;
  fitted: number;
  fitted_lower: number;
  fitted_upper: number;
  residual: number;
  holdout: boolean;
  holdout_predicted: number | null;
}

/** Actual vs fitted weekly sales with the fit's band; the holdout weeks shaded with the prediction of the fit that never saw them. */
export function actualFittedChart(weeks: readonly WeekFitRow[], {width = 640}: {width?: number} = {}) {
  const held = weeks.filter((w) => w.holdout);
  const step = 7 * 86_400_000;
  return Plot.plot({
    width,
    height: width < 520 ? 260 : 340,
    marginLeft: 56,
    x: {type: "utc", label: null},
    y: {label: "↑ Weekly sales (USD)", grid: true, tickFormat: money},
    color: {domain: ["Actual", "Fitted", "Holdout prediction"], range: [FG, MODEL_COLOR, BAD_COLOR], legend: true},
    marks: [
      held.length ? Plot.rectX([{x1: held[0].week - step / 2, x2: held[held.length - 1].week + step / 2}], {x1: "x1", x2: "x2", fill: MUTED, fillOpacity: 0.12}) : null,
      held.length ? Plot.text([held[0].week], {x: (d: number) => d, frameAnchor: "top", text: () => "holdout", dx: 3, dy: 2, textAnchor: "start", fill: MUTED, fontSize: 10}) : null,
      Plot.areaY(weeks, {x: "week", y1: "fitted_lower", y2: "fitted_upper", fill: MODEL_COLOR, fillOpacity: 0.2}),
      Plot.lineY(weeks, {x: "week", y: "sales", stroke: () => "Actual", strokeWidth: 1}),
      Plot.lineY(weeks, {x: "week", y: "fitted", stroke: () => "Fitted", strokeWidth: 1.5}),
      Plot.lineY(held, {x: "week", y: "holdout_predicted", stroke: () => "Holdout prediction", strokeWidth: 2}),
      Plot.tip(weeks, Plot.pointerX({x: "week", y: "sales", channels: {Fitted: "fitted", "Holdout prediction": "holdout_predicted"}, format: {x: (d: Date) => `week of ${d.toISOString().slice(0, 10)}`, y: "$,.0f", Fitted: "$,.0f", "Holdout prediction": "$,.0f", stroke: false}}))
    ]
  });
}

/** Residuals (actual − fitted) over time. */
export function residualChart(weeks: readonly WeekFitRow[], {width = 640}: {width?: number} = {}) {
  return Plot.plot({
    width,
    height: 220,
    marginLeft: 56,
    x: {type: "utc", label: null},
    y: {label: "↑ Actual − fitted (USD)", grid: true, tickFormat: money},
    marks: [
      Plot.ruleY([0], {stroke: MUTED}),
      Plot.ruleX(weeks, {x: "week", y: "residual", stroke: (d: WeekFitRow) => (d.residual >= 0 ? MODEL_COLOR : BAD_COLOR), strokeWidth: 1.5}),
      Plot.tip(weeks, Plot.pointerX({x: "week", y: "residual", format: {x: (d: Date) => `week of ${d.toISOString().slice(0, 10)}`, y: "$,.0f", stroke: false}}))
    ]
  });
}

/** Autocorrelation of the residuals by lag, with the ±1.96/√n band of white noise. */
export function autocorrelationChart(rows: readonly {lag: number; value: number}[], bound: number, {width = 640}: {width?: number} = {}) {
  return Plot.plot({
    width,
    height: 220,
    marginLeft: 48,
    x: {label: "Lag (weeks) →", ticks: rows.length},
    y: {label: "↑ Autocorrelation", grid: true, domain: [-Math.max(0.4, 1.5 * bound), Math.max(0.4, 1.5 * bound)]},
    marks: [
      Plot.rectY([{x1: 0.5, x2: rows.length + 0.5}], {x1: "x1", x2: "x2", y1: -bound, y2: bound, fill: MUTED, fillOpacity: 0.12}),
      Plot.ruleY([0]),
      Plot.ruleX(rows, {x: "lag", y: "value", stroke: (d: {value: number}) => (Math.abs(d.value) > bound ? BAD_COLOR : MODEL_COLOR), strokeWidth: 3}),
      Plot.tip(rows, Plot.pointerX({x: "lag", y: "value", format: {y: ".3f", stroke: false}}))
    ]
  });
}

/** Correlation between the levers' transformed weekly series (a heatmap with the values written in). */
export function correlationChart(rows: readonly {a: string; b: string; r: number}[], {width = 400}: {width?: number} = {}) {
  const labels = [...new Set(rows.map((r) => r.a))];
  const size = Math.min(width, 90 + 70 * labels.length);
  return Plot.plot({
    width: size,
    height: size - 40,
    marginLeft: 90,
    marginBottom: 40,
    x: {label: null, domain: labels, tickRotate: labels.length > 4 ? -30 : 0},
    y: {label: null, domain: labels},
    color: {type: "linear", domain: [-1, 1], scheme: "rdbu", legend: true, label: "Correlation"},
    marks: [
      Plot.cell(rows, {x: "a", y: "b", fill: "r", inset: 1}),
      Plot.text(rows, {x: "a", y: "b", text: (d: {r: number}) => d.r.toFixed(2), fill: (d: {r: number}) => (Math.abs(d.r) > 0.6 ? "white" : "black"), fontSize: 11}),
      Plot.tip(rows, Plot.pointer({x: "a", y: "b", format: {fill: ".2f"}}))
    ]
  });
}

/** One lever week by week: its spend (bars) and the sales it brought (line, 90 % band), both in USD, so weeks where the line is above the bars paid back. */
export function leverWeeksChart(rows: readonly {week: number; value: number; lower: number; upper: number; spend: number}[], {width = 640, color = MODEL_COLOR}: {width?: number; color?: string} = {}) {
  const step = 7 * 86_400_000;
  return Plot.plot({
    width,
    height: width < 520 ? 240 : 300,
    marginLeft: 56,
    x: {type: "utc", label: null},
    y: {label: "↑ USD per week", grid: true, tickFormat: money},
    color: {domain: ["Spend", "Sales from it"], range: [BASELINE_COLOR, color], legend: true},
    marks: [
      Plot.rectY(rows, {x1: (d: {week: number}) => d.week - step / 2, x2: (d: {week: number}) => d.week + step / 2, y: "spend", fill: () => "Spend", fillOpacity: 0.5}),
      Plot.areaY(rows, {x: "week", y1: "lower", y2: "upper", fill: color, fillOpacity: 0.25}),
      Plot.lineY(rows, {x: "week", y: "value", stroke: () => "Sales from it", strokeWidth: 1.5}),
      Plot.ruleY([0]),
      Plot.tip(rows, Plot.pointerX({x: "week", y: "value", channels: {Spend: "spend", "90 % from": "lower", to: "upper"}, format: {x: (d: Date) => `week of ${d.toISOString().slice(0, 10)}`, y: "$,.0f", Spend: "$,.0f", "90 % from": "$,.0f", to: "$,.0f", stroke: false}}))
    ]
  });
}
