/**
 * Attribution side by side: for each channel, the share of conversions each model credits it with
 * (one dot per model) and, when known, the simulation's true contribution (a black bar), so the
 * distance from each model to the truth is visible at a glance.
 * Input: {channel, model (label), share} rows and optional {channel, share} truth rows.
 */
import * as Plot from "npm:@observablehq/plot";
import {ATTRIBUTION_MODEL_COLORS, ATTRIBUTION_MODEL_ORDER} from "./palette.js";

export interface ModelShare {
  channel: string;
  model: string;
  share: number;
}

export function attributionChart(shares: readonly ModelShare[], truth: readonly {channel: string; share: number}[] = [], {width = 640}: {width?: number} = {}) {
  const channels = [...new Set(shares.map((s) => s.channel))].sort((a, b) => (truth.find((t) => t.channel === b)?.share ?? 0) - (truth.find((t) => t.channel === a)?.share ?? 0));
  return Plot.plot({
    width,
    height: 60 + 44 * channels.length,
    marginLeft: 80,
    // With percent: true the domain is in percent units.
    x: {label: "Share of conversions credited (%) →", percent: true, grid: true, domain: [0, 100 * Math.max(0.1, ...shares.map((s) => s.share), ...truth.map((t) => t.share)) * 1.05]},
    y: {label: null, domain: channels},
    color: {domain: ATTRIBUTION_MODEL_ORDER, range: ATTRIBUTION_MODEL_COLORS, legend: true},
    marks: [
      Plot.ruleY(channels, {stroke: "var(--theme-foreground-faintest)"}),
      Plot.tickX(truth, {x: "share", y: "channel", stroke: "var(--theme-foreground)", strokeWidth: 3}),
      Plot.dot(shares, {x: "share", y: "channel", fill: "model", r: 5, stroke: "var(--theme-background)", strokeWidth: 0.8}),
      Plot.tip(shares, Plot.pointer({x: "share", y: "channel", channels: {Model: "model"}, format: {x: ".1%", y: true, fill: false}})),
      Plot.tip(truth, Plot.pointer({x: "share", y: "channel", title: (d: {channel: string; share: number}) => `Simulated truth\n${d.channel}: ${(d.share * 100).toFixed(1)}%`}))
    ]
  });
}
