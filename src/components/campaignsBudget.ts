/**
 * Budget charts of the campaign report: today's and the recommended monthly spend per channel
 * (an arrow from one to the other), and each channel's fitted response curve — revenue against
 * spend, with the band of the elasticity's uncertainty — marking today's and the recommended spend.
 */
import * as Plot from "npm:@observablehq/plot";
import {channelColor} from "./palette.js";

export interface SpendMove {
  channel: string;
  current: number;
  recommended: number;
  marginalRoasNow: number;
  marginalRoasAfter: number;
}

export function spendMoveChart(moves: readonly SpendMove[], {width = 640}: {width?: number} = {}) {
  const data = moves.slice().sort((a, b) => b.recommended - b.current - (a.recommended - a.current));
  return Plot.plot({
    width,
    height: 50 + 36 * data.length,
    marginLeft: 80,
    marginRight: 20,
    x: {label: "Spend per month (USD) →", grid: true, tickFormat: "$~s", zero: true},
    y: {label: null, domain: data.map((d) => d.channel)},
    color: {...channelColor, legend: false},
    marks: [
      Plot.arrow(data, {x1: "current", x2: "recommended", y: "channel", stroke: "channel", strokeWidth: 2.5, headLength: 8, bend: false}),
      Plot.dot(data, {x: "current", y: "channel", r: 3.5, fill: "var(--theme-background)", stroke: "channel", strokeWidth: 2}),
      Plot.tip(data, Plot.pointerY({x: "recommended", y: "channel", channels: {Today: "current", Recommended: "recommended", "Marginal ROAS today": "marginalRoasNow", "Marginal ROAS after": "marginalRoasAfter"}, format: {x: false, y: true, Today: "$,.0f", Recommended: "$,.0f", "Marginal ROAS today": ".2f", "Marginal ROAS after": ".2f"}}))
    ]
  });
}

export interface CurvePoint {
  channel: string;
  spend: number;
  revenue: number;
  low: number;
  high: number;
}

export interface CurveMarker {
  channel: string;
  spend: number;
  revenue: number;
  label: string;
}

export function responseCurvesChart(curves: readonly CurvePoint[], markers: readonly CurveMarker[], {width = 640}: {width?: number} = {}) {
  const channels = [...new Set(curves.map((c) => c.channel))];
  const columns = width < 560 ? 1 : width < 900 ? 2 : 3;
  const cell = (channel: string) => channels.indexOf(channel);
  const fx = (d: {channel: string}) => cell(d.channel) % columns;
  const fy = (d: {channel: string}) => Math.floor(cell(d.channel) / columns);
  return Plot.plot({
    width,
    height: 190 * Math.ceil(channels.length / columns) + 40,
    marginLeft: 56,
    marginBottom: 36,
    x: {label: "Spend per month (USD) →", tickFormat: "$~s", grid: true, ticks: 4},
    y: {label: "↑ Revenue per month (USD)", tickFormat: "$~s", grid: true, zero: true},
    fx: {axis: null},
    fy: {axis: null},
    color: {...channelColor, legend: true},
    marks: [
      Plot.areaY(curves, {x: "spend", y1: "low", y2: "high", fx, fy, fill: "channel", fillOpacity: 0.18}),
      Plot.lineY(curves, {x: "spend", y: "revenue", fx, fy, stroke: "channel"}),
      Plot.dot(markers.filter((d) => d.label === "today"), {x: "spend", y: "revenue", fx, fy, fill: "var(--theme-background)", stroke: "channel", r: 4.5, strokeWidth: 2}),
      Plot.dot(markers.filter((d) => d.label !== "today"), {x: "spend", y: "revenue", fx, fy, fill: "channel", stroke: "var(--theme-background)", r: 5, symbol: "diamond"}),
      Plot.text(channels, {fx: (d: string) => cell(d) % columns, fy: (d: string) => Math.floor(cell(d) / columns), frameAnchor: "top-left", text: (d: string) => d, dx: 4, dy: 4, fontWeight: 600}),
      Plot.tip(markers, Plot.pointer({x: "spend", y: "revenue", fx, fy, channels: {at: "label"}, format: {x: "$,.0f", y: "$,.0f", fx: false, fy: false}}))
    ]
  });
}
