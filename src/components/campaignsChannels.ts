/**
 * Channel charts of the campaign report: the spend mix over time, CPA against ROAS per campaign,
 * and each channel's monthly ROAS against the break-even line.
 */
import * as Plot from "npm:@observablehq/plot";
import {channelColor} from "./palette.js";

export interface MonthlyChannel {
  month: number;
  channel: string;
  spend: number;
  revenue: number;
}

/** Share of spend per channel per month (stacked to 100%). */
export function spendMixChart(months: readonly MonthlyChannel[], {width = 640, height = 260}: {width?: number; height?: number} = {}) {
  const data = months.map((m) => ({...m, date: new Date(m.month)}));
  return Plot.plot({
    width,
    height,
    marginLeft: 48,
    x: {type: "utc", label: null},
    y: {label: "Share of spend (%)", percent: true, grid: true},
    color: {...channelColor, legend: true},
    marks: [
      Plot.areaY(data, Plot.stackY({offset: "normalize", order: channelColor.domain, x: "date", y: "spend", fill: "channel", curve: "step-after", fillOpacity: 0.85})),
      Plot.tip(data, Plot.pointerX(Plot.stackY({offset: "normalize", order: channelColor.domain, x: "date", y: "spend", fill: "channel", channels: {Spend: "spend"}, format: {x: "%B %Y", y: false, Spend: "$,.0f"}}))),
      Plot.ruleY([0, 1])
    ]
  });
}

export interface CampaignEfficiency {
  name: string;
  channel: string;
  spend: number;
  cpa: number;
  roas: number;
}

/** One dot per campaign: CPA (x) against ROAS (y), sized by spend; break-even at ROAS 1. */
export function cpaRoasScatter(campaigns: readonly CampaignEfficiency[], {width = 640, height = 320}: {width?: number; height?: number} = {}) {
  const data = campaigns.filter((c) => Number.isFinite(c.cpa) && Number.isFinite(c.roas));
  return Plot.plot({
    width,
    height,
    marginLeft: 44,
    grid: true,
    x: {label: "CPA (USD per conversion) →", tickFormat: "$,.0f", nice: true},
    y: {label: "↑ ROAS (revenue per dollar)", nice: true, zero: true},
    r: {range: [3, 14]},
    color: {...channelColor, legend: true},
    marks: [
      Plot.ruleY([1], {stroke: "var(--theme-foreground-muted)", strokeDasharray: "3,3"}),
      Plot.text([1], {y: (d: number) => d, frameAnchor: "right", text: () => "break-even", dy: -6, fill: "var(--theme-foreground-muted)", fontSize: 10}),
      Plot.dot(data, {x: "cpa", y: "roas", r: "spend", fill: "channel", fillOpacity: 0.75, stroke: "var(--theme-background)"}),
      Plot.tip(data, Plot.pointer({x: "cpa", y: "roas", channels: {Campaign: "name", Channel: "channel", Spend: "spend"}, format: {x: "$,.2f", y: ".2f", r: false, fill: false, Spend: "$,.0f"}}))
    ]
  });
}

/** Monthly ROAS per channel with the break-even line. */
export function roasTrendChart(months: readonly MonthlyChannel[], {width = 640, height = 300}: {width?: number; height?: number} = {}) {
  const data = months.filter((m) => m.spend > 0).map((m) => ({...m, date: new Date(m.month), roas: m.revenue / m.spend}));
  return Plot.plot({
    width,
    height,
    marginLeft: 40,
    x: {type: "utc", label: null},
    y: {label: "↑ ROAS (revenue per dollar)", grid: true, zero: true, nice: true},
    color: {...channelColor, legend: true},
    marks: [
      Plot.ruleY([1], {stroke: "var(--theme-foreground)", strokeDasharray: "4,3"}),
      Plot.text([1], {y: (d: number) => d, frameAnchor: "left", text: () => "break-even (1×)", dy: -7, dx: 4, textAnchor: "start", fill: "var(--theme-foreground-muted)", fontSize: 10}),
      Plot.lineY(data, {x: "date", y: "roas", stroke: "channel", curve: "monotone-x", marker: data.length < 80 ? "dot" : undefined}),
      Plot.tip(data, Plot.pointer({x: "date", y: "roas", stroke: "channel", channels: {Spend: "spend", Revenue: "revenue"}, format: {x: "%B %Y", y: ".2f", Spend: "$,.0f", Revenue: "$,.0f"}}))
    ]
  });
}
