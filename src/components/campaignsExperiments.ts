/**
 * A/B test charts: a forest plot of every test's relative lift with its confidence interval,
 * coloured by verdict (with the simulation's true lift as a tick when known), and the cumulative
 * lift of one test day by day.
 */
import * as Plot from "npm:@observablehq/plot";
import {VERDICT_COLORS, VERDICT_ORDER} from "./palette.js";

export interface LiftRow {
  name: string;
  verdict: string;
  verdictLabel: string;
  lift: number;
  low: number;
  high: number;
  truth?: number;
}

const VERDICT_LABELS: Record<string, string> = {win: "Win", loss: "Loss", "no-difference": "No difference", underpowered: "Underpowered", srm: "Broken split (SRM)"};

export function liftForestChart(rows: readonly LiftRow[], {width = 640, level = 0.95}: {width?: number; level?: number} = {}) {
  const narrow = width < 560;
  const truth = rows.filter((r) => r.truth !== undefined && Number.isFinite(r.truth));
  return Plot.plot({
    width,
    height: 60 + 34 * rows.length,
    marginLeft: narrow ? 10 : 260,
    x: {label: `Relative lift of the primary metric, ${Math.round(level * 100)}% interval (%) →`, percent: true, grid: true, nice: true},
    y: {label: null, domain: rows.map((r) => r.name), axis: narrow ? null : "left"},
    color: {domain: VERDICT_ORDER, range: VERDICT_COLORS, legend: true, tickFormat: (k: string) => VERDICT_LABELS[k] ?? k},
    marks: [
      Plot.ruleX([0], {stroke: "var(--theme-foreground)"}),
      Plot.link(rows, {x1: "low", x2: "high", y1: "name", y2: "name", stroke: "verdict", strokeWidth: 3}),
      Plot.dot(rows, {x: "lift", y: "name", fill: "verdict", r: 5, stroke: "var(--theme-background)"}),
      Plot.tickX(truth, {x: "truth", y: "name", stroke: "var(--theme-foreground)", strokeDasharray: "2,2", strokeWidth: 1.5}),
      narrow ? Plot.text(rows, {x: "high", y: "name", text: "name", textAnchor: "start", dx: 6, fontSize: 9, fill: "var(--theme-foreground)"}) : null,
      Plot.tip(rows, Plot.pointerY({x: "lift", y: "name", channels: {Verdict: "verdictLabel", Low: "low", High: "high"}, format: {x: "+.1%", Low: "+.1%", High: "+.1%", fill: false, y: true}}))
    ]
  });
}

export interface CumulativePoint {
  date: number;
  lift: number;
  low: number;
  high: number;
  visitors: number;
}

export function cumulativeLiftChart(points: readonly CumulativePoint[], {width = 640, truth}: {width?: number; truth?: number} = {}) {
  const data = points.map((p) => ({...p, date: new Date(p.date)}));
  return Plot.plot({
    width,
    height: 260,
    marginLeft: 52,
    x: {type: "utc", label: null},
    y: {label: "↑ Relative lift so far (%)", percent: true, grid: true},
    marks: [
      Plot.areaY(data, {x: "date", y1: "low", y2: "high", fill: "var(--theme-foreground-focus)", fillOpacity: 0.15}),
      Plot.lineY(data, {x: "date", y: "lift", stroke: "var(--theme-foreground-focus)", strokeWidth: 2}),
      Plot.ruleY([0], {stroke: "var(--theme-foreground)"}),
      truth !== undefined ? Plot.ruleY([truth], {stroke: "var(--theme-foreground-muted)", strokeDasharray: "4,3"}) : null,
      Plot.tip(data, Plot.pointerX({x: "date", y: "lift", channels: {Low: "low", High: "high", Visitors: "visitors"}, format: {x: "%b %d, %Y", y: "+.1%", Low: "+.1%", High: "+.1%", Visitors: ",d"}}))
    ]
  });
}
