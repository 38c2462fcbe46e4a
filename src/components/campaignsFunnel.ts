/**
 * The delivery funnel, impressions → clicks → conversions: one bar per stage on a log scale (the
 * stages differ by orders of magnitude), labelled with the count and the rate from the stage
 * before (CTR, then conversion rate).
 */
import * as Plot from "npm:@observablehq/plot";
import {FUNNEL_COLORS} from "./palette.js";

export interface FunnelStage {
  stage: string;
  count: number;
  /** Share of the previous stage that reached this one (NaN for the first). */
  rate: number;
  rateLabel: string;
}

/** The three stages of a totals object, with their step rates. */
export function funnelStages(t: {impressions: number; clicks: number; conversions: number}): FunnelStage[] {
  return [
    {stage: "Impressions", count: t.impressions, rate: NaN, rateLabel: ""},
    {stage: "Clicks", count: t.clicks, rate: t.impressions ? t.clicks / t.impressions : NaN, rateLabel: "CTR"},
    {stage: "Conversions", count: t.conversions, rate: t.clicks ? t.conversions / t.clicks : NaN, rateLabel: "conversion rate"}
  ];
}

const compact = new Intl.NumberFormat("en-US", {notation: "compact", maximumFractionDigits: 1});

export function funnelChart(stages: readonly FunnelStage[], {width = 640}: {width?: number} = {}) {
  const data = stages.filter((s) => s.count > 0);
  const label = (s: FunnelStage) => `${compact.format(s.count)}${Number.isFinite(s.rate) ? ` · ${(s.rate * 100).toFixed(s.rate < 0.01 ? 2 : 1)}% ${s.rateLabel}` : ""}`;
  return Plot.plot({
    width,
    height: 170,
    marginLeft: 90,
    marginRight: 10,
    x: {type: "log", label: "Count (log scale) →", grid: true, tickFormat: "~s"},
    y: {label: null, domain: stages.map((s) => s.stage)},
    marks: [
      Plot.barX(data, {x1: 1, x2: "count", y: "stage", fill: "stage", fillOpacity: 0.8}),
      Plot.text(data, {x: 1, y: "stage", text: label, textAnchor: "start", dx: 6, fill: "white", stroke: "black", strokeOpacity: 0.35, strokeWidth: 2, fontWeight: 600}),
      Plot.tip(data, Plot.pointerY({x: "count", y: "stage", format: {x: ",.0f", y: true}}))
    ],
    color: {domain: stages.map((s) => s.stage), range: FUNNEL_COLORS}
  });
}
