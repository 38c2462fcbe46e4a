/**
 * Fit diagnostics of the market mix model and the warnings an analyst should read before trusting
 * its ROIs.
 *
 * - R² = 1 − SS_res / SS_tot; MAPE = mean |e_t / y_t| (in %); NRMSE = RMSE / (max y − min y)
 *   (Robyn's nrmse).
 * - Durbin-Watson d = Σ (e_t − e_{t−1})² / Σ e_t² (Durbin & Watson 1950): 2 means no lag-one
 *   autocorrelation, below ~1.5 positive autocorrelation.
 * - Ljung-Box Q = n(n+2) Σ_{k=1..h} r_k² / (n − k), p-value from χ²_h (Ljung & Box 1978), as
 *   statsmodels' `acorr_ljungbox(resid, lags=[h])`.
 * - decomp.RSSD = sqrt(Σ_m (effect share_m − spend share_m)²) over the paid levers (Robyn's
 *   "business fit" objective, facebookexperimental/Robyn R/model.R): large values mean the model
 *   credits the levers very differently from how the money was spent — sometimes true, often a sign
 *   of an unstable decomposition.
 * - Warnings: wide ROI intervals, parameters at their bounds, highly correlated transformed levers,
 *   levers whose effect cannot be told from zero, autocorrelated residuals, a holdout much worse than
 *   the fit.
 *
 * Tests (test/analytics/mmm-diagnostics.test.ts) prove Durbin-Watson and Ljung-Box against
 * statsmodels (test/fixtures/mmm/reference.json), R² and MAPE on hand-computed values, and that
 * each warning fires on a case built to trigger it.
 */
import chisquareCdf from "@stdlib/stats-base-dists-chisquare-cdf";
import type {LeverSummary} from "./outputs.js";

export function rSquared(actual: ArrayLike<number>, predicted: ArrayLike<number>): number {
  const n = actual.length;
  let mean = 0;
  for (let t = 0; t < n; t++) mean += actual[t] / n;
  let ssRes = 0;
  let ssTot = 0;
  for (let t = 0; t < n; t++) {
    ssRes += (actual[t] - predicted[t]) ** 2;
    ssTot += (actual[t] - mean) ** 2;
  }
  return 1 - ssRes / ssTot;
}

/** Mean absolute percentage error, in percent (weeks with zero actuals are skipped). */
export function meanAbsolutePercentageError(actual: ArrayLike<number>, predicted: ArrayLike<number>): number {
  let s = 0;
  let k = 0;
  for (let t = 0; t < actual.length; t++) {
    if (actual[t] === 0) continue;
    s += Math.abs((actual[t] - predicted[t]) / actual[t]);
    k++;
  }
  return (100 * s) / k;
}

/** RMSE divided by the range of the actuals (Robyn's NRMSE). */
export function normalizedRmse(actual: ArrayLike<number>, predicted: ArrayLike<number>): number {
  let ss = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let t = 0; t < actual.length; t++) {
    ss += (actual[t] - predicted[t]) ** 2;
    min = Math.min(min, actual[t]);
    max = Math.max(max, actual[t]);
  }
  return Math.sqrt(ss / actual.length) / (max - min);
}

export function durbinWatson(residuals: ArrayLike<number>): number {
  let num = 0;
  let den = residuals[0] ** 2;
  for (let t = 1; t < residuals.length; t++) {
    num += (residuals[t] - residuals[t - 1]) ** 2;
    den += residuals[t] ** 2;
  }
  return num / den;
}

/** Sample autocorrelation r_k = Σ_{t>k} (e_t − ē)(e_{t−k} − ē) / Σ (e_t − ē)². */
export function autocorrelation(x: ArrayLike<number>, lag: number): number {
  const n = x.length;
  let mean = 0;
  for (let t = 0; t < n; t++) mean += x[t] / n;
  let den = 0;
  for (let t = 0; t < n; t++) den += (x[t] - mean) ** 2;
  let num = 0;
  for (let t = lag; t < n; t++) num += (x[t] - mean) * (x[t - lag] - mean);
  return num / den;
}

export function ljungBox(residuals: ArrayLike<number>, lags = 10): {lags: number; statistic: number; pValue: number} {
  const n = residuals.length;
  let q = 0;
  for (let k = 1; k <= lags; k++) q += autocorrelation(residuals, k) ** 2 / (n - k);
  q *= n * (n + 2);
  return {lags, statistic: q, pValue: 1 - chisquareCdf(q, lags)};
}

/** Robyn's decomp.RSSD from shares of effect and of spend (each summing to one over the paid levers). */
export function decompRssd(effectShares: number[], spendShares: number[]): number {
  let s = 0;
  for (let i = 0; i < effectShares.length; i++) s += (effectShares[i] - spendShares[i]) ** 2;
  return Math.sqrt(s);
}

/** Pearson correlation matrix of columns. */
export function correlationMatrix(columns: ArrayLike<number>[]): number[][] {
  const stats = columns.map((c) => {
    let mean = 0;
    for (let t = 0; t < c.length; t++) mean += c[t] / c.length;
    let ss = 0;
    for (let t = 0; t < c.length; t++) ss += (c[t] - mean) ** 2;
    return {mean, sd: Math.sqrt(ss)};
  });
  return columns.map((a, i) =>
    columns.map((b, j) => {
      if (i === j) return 1;
      let s = 0;
      for (let t = 0; t < a.length; t++) s += (a[t] - stats[i].mean) * (b[t] - stats[j].mean);
      return stats[i].sd > 0 && stats[j].sd > 0 ? s / (stats[i].sd * stats[j].sd) : 0;
    })
  );
}

export type WarningKind = "no-effect" | "wide-interval" | "at-bound" | "collinear" | "residual-autocorrelation" | "holdout-worse";

export interface ModelWarning {
  kind: WarningKind;
  /** The lever(s) concerned, if any. */
  levers: string[];
  message: string;
}

export interface WarningInputs {
  levers: LeverSummary[];
  /** Correlation of the levers' transformed (adstocked, saturated) weekly series. */
  leverCorrelation: number[][];
  maxDecay: number;
  /** Bounds of the half-saturation as multiples of each lever's mean weekly spend when spending (e^±4). */
  spendScale: number[];
  ljungBoxPValue: number;
  mape: number;
  holdoutMape: number | null;
  /** Thresholds. */
  wideIntervalRatio?: number;
  correlationThreshold?: number;
}

const fmt = (v: number, digits = 2) => (Number.isFinite(v) ? v.toFixed(digits) : String(v));

/** Identifiability and fit warnings (see the file comment). */
export function modelWarnings({levers, leverCorrelation, maxDecay, spendScale, ljungBoxPValue, mape, holdoutMape, wideIntervalRatio = 1, correlationThreshold = 0.7}: WarningInputs): ModelWarning[] {
  const warnings: ModelWarning[] = [];
  levers.forEach((l, i) => {
    if (!l.effectDetected) {
      warnings.push({kind: "no-effect", levers: [l.name], message: `${l.name}: no effect detected — the ROI interval (${fmt(l.roi.lower)} to ${fmt(l.roi.upper)}) reaches zero; the data cannot tell this lever from one that does nothing.`});
    } else if (l.roi.upper - l.roi.lower > wideIntervalRatio * Math.abs(l.roi.estimate)) {
      warnings.push({kind: "wide-interval", levers: [l.name], message: `${l.name}: ROI ${fmt(l.roi.estimate)} is poorly determined (interval ${fmt(l.roi.lower)} to ${fmt(l.roi.upper)}, wider than the estimate itself).`});
    }
    const bounds: string[] = [];
    if (l.decay.estimate > 0.98 * maxDecay) bounds.push(`adstock decay at its upper bound (${fmt(l.decay.estimate)})`);
    const ratio = l.halfSaturation.estimate / spendScale[i];
    if (ratio > Math.exp(3.9)) bounds.push("half-saturation at its upper bound (the response looks linear: saturation not identified)");
    if (ratio < Math.exp(-3.9)) bounds.push("half-saturation at its lower bound (saturated at any spend)");
    if (l.shape.estimate > 4.9 || l.shape.estimate < 0.31) bounds.push(`Hill shape at a bound (${fmt(l.shape.estimate)})`);
    if (bounds.length) warnings.push({kind: "at-bound", levers: [l.name], message: `${l.name}: ${bounds.join("; ")}.`});
  });
  for (let i = 0; i < levers.length; i++) {
    for (let j = i + 1; j < levers.length; j++) {
      const r = leverCorrelation[i][j];
      if (Math.abs(r) > correlationThreshold) warnings.push({kind: "collinear", levers: [levers[i].name, levers[j].name], message: `${levers[i].name} and ${levers[j].name} move together (correlation ${fmt(r)} after adstock and saturation): the split of credit between them is uncertain.`});
    }
  }
  if (ljungBoxPValue < 0.05) warnings.push({kind: "residual-autocorrelation", levers: [], message: `Residuals are autocorrelated (Ljung-Box p = ${fmt(ljungBoxPValue, 3)}): something weekly is missing from the model (a holiday, a control); intervals may be too narrow.`});
  if (holdoutMape !== null && holdoutMape > 2 * mape && holdoutMape > 5) warnings.push({kind: "holdout-worse", levers: [], message: `Holdout MAPE ${fmt(holdoutMape, 1)} % is more than twice the in-sample ${fmt(mape, 1)} %: the model may be over-fitted or the last weeks differ.`});
  return warnings;
}
