/**
 * Forecast charts of the campaign report: per channel (one row each), the recent history as a
 * line, the forecast as a dashed line inside its prediction band, and — when the forecast window
 * lies within the data, i.e. the reader moved the end date back — what actually happened as dots.
 * Input: long rows {channel, date (ms), kind: "history" | "forecast" | "actual", value, lower?, upper?}.
 */
import * as Plot from "npm:@observablehq/plot";
import {BASELINE_COLOR, MODEL_COLOR, channelColor} from "./palette.js";

export interface ForecastPoint {
  channel: string;
  date: number;
  kind: "history" | "forecast" | "actual";
  value: number;
  lower?: number;
  upper?: number;
}

export function forecastChart(points: readonly ForecastPoint[], {width = 640, label = "USD per day", level = 0.95, money = true}: {width?: number; label?: string; level?: number; money?: boolean} = {}) {
  const data = points.map((p) => ({...p, date: new Date(p.date)}));
  const history = data.filter((p) => p.kind === "history");
  const forecast = data.filter((p) => p.kind === "forecast");
  const actual = data.filter((p) => p.kind === "actual");
  const channels = [...new Set(points.map((p) => p.channel))];
  const format = money ? "$,.0f" : ",.0f";
  return Plot.plot({
    width,
    height: Math.max(160, 130 * channels.length + 40),
    marginLeft: 56,
    marginRight: width < 500 ? 8 : 80,
    x: {type: "utc", label: null},
    y: {label, grid: true, tickFormat: "~s", nice: true, zero: true},
    fy: {label: null, domain: channels, axis: width < 500 ? null : "right"},
    color: {...channelColor, legend: true},
    marks: [
      Plot.areaY(forecast, {x: "date", y1: "lower", y2: "upper", fy: "channel", fill: "channel", fillOpacity: 0.2}),
      Plot.lineY(history, {x: "date", y: "value", fy: "channel", stroke: "channel", strokeWidth: 1}),
      Plot.lineY(forecast, {x: "date", y: "value", fy: "channel", stroke: "channel", strokeWidth: 2, strokeDasharray: "4,3"}),
      Plot.dot(actual, {x: "date", y: "value", fy: "channel", r: 1.8, fill: "var(--theme-foreground)"}),
      width < 500 ? Plot.text(channels, {fy: (d: string) => d, frameAnchor: "top-left", text: (d: string) => d, dx: 4, dy: 2, fontWeight: 600}) : null,
      Plot.tip(forecast, Plot.pointerX({x: "date", y: "value", fy: "channel", channels: {low: {value: "lower", label: `${Math.round(level * 100)}% low`}, high: {value: "upper", label: `${Math.round(level * 100)}% high`}}, format: {x: "%a %b %d, %Y", y: format, low: format, high: format, fy: true}})),
      Plot.tip(history, Plot.pointerX({x: "date", y: "value", fy: "channel", format: {x: "%a %b %d, %Y", y: format, fy: true}}))
    ]
  });
}

export interface BacktestBar {
  channel: string;
  model: string;
  mape: number;
}

/** Backtest error (MAPE) per channel: the forecast model against the seasonal naive benchmark. */
export function backtestChart(bars: readonly BacktestBar[], {width = 640}: {width?: number} = {}) {
  const channels = [...new Set(bars.map((b) => b.channel))];
  const models = [...new Set(bars.map((b) => b.model))];
  return Plot.plot({
    width,
    height: 50 + 22 * models.length * channels.length,
    marginLeft: 80,
    x: {label: "MAPE of daily forecasts 1–30 days ahead (%) →", percent: true, grid: true, nice: true},
    y: {axis: null, domain: models},
    fy: {label: null, domain: channels, axis: "left"},
    color: {domain: models, range: [MODEL_COLOR, BASELINE_COLOR], legend: true},
    marks: [
      Plot.barX(bars, {x: "mape", y: "model", fy: "channel", fill: "model"}),
      Plot.text(bars, {x: "mape", y: "model", fy: "channel", text: (d: BacktestBar) => `${(d.mape * 100).toFixed(0)}%`, textAnchor: "start", dx: 3, fontSize: 10, fill: "var(--theme-foreground)"}),
      Plot.ruleX([0])
    ]
  });
}
