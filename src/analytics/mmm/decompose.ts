/**
 * Decomposition of weekly sales into the model's parts for given estimates: baseline (intercept and
 * trend), seasonality, each control, each media lever. Recomputed from coefficients in original
 * units, so it works for the point fit, for every bootstrap draw and for weeks not used in fitting
 * (holdout predictions). Tested in test/analytics/mmm-fit.test.ts (the parts add up to the fitted
 * values of the fit itself).
 */
import {dayOfYear} from "./design.js";
import {leverContributions} from "./response.js";
import type {LeverResponse, MediaMixData} from "./types.js";

export interface DecompositionOptions {
  fourierOrder?: number;
  trend?: boolean;
  adstockLMax?: number;
}

export interface SalesDecomposition {
  /** Intercept plus trend, per week. */
  baseline: number[];
  seasonality: number[];
  /** Per control variable, per week. */
  controls: {name: string; values: number[]}[];
  /** Per media lever, per week. */
  media: {name: string; values: number[]}[];
  /** Sum of all parts. */
  predicted: number[];
}

/** Splits predicted weekly sales into its parts (see the file comment). */
export function decomposeSales(data: MediaMixData, levers: LeverResponse[], coefficients: Record<string, number>, {fourierOrder = 3, trend = true, adstockLMax = Infinity}: DecompositionOptions = {}): SalesDecomposition {
  const n = data.sales.length;
  const baseline = new Array<number>(n);
  const seasonality = new Array<number>(n).fill(0);
  const days = data.dates.map(dayOfYear);
  for (let t = 0; t < n; t++) {
    baseline[t] = coefficients.intercept + (trend ? (coefficients.trend ?? 0) * (n > 1 ? t / (n - 1) : 0) : 0);
    for (let k = 1; k <= fourierOrder; k++) {
      const angle = (2 * Math.PI * k * days[t]) / 365.25;
      seasonality[t] += (coefficients[`sin${k}`] ?? 0) * Math.sin(angle) + (coefficients[`cos${k}`] ?? 0) * Math.cos(angle);
    }
  }
  // `+ 0` turns −0 (a negative coefficient times a zero week) into 0, so JSON round trips are exact.
  const controls = data.controls.map((c) => ({name: c.name, values: Array.from(c.values, (v) => (coefficients[c.name] ?? 0) * v + 0)}));
  const media = data.media.map((m, i) => ({name: m.name, values: Array.from(leverContributions(m.spend, levers[i], {lMax: adstockLMax}))}));
  const predicted = baseline.map((b, t) => {
    let s = b + seasonality[t];
    for (const c of controls) s += c.values[t];
    for (const m of media) s += m.values[t];
    return s;
  });
  return {baseline, seasonality, controls, media, predicted};
}
