/**
 * Forecasts and prediction intervals from a fitted Holt-Winters model; the entry point of the
 * forecasting module (re-exports the model in ./holtwinters.js and the backtest in ./backtest.js).
 *
 * Estimates: point forecasts yhat_{n+h|n} = (l_n + phi_h b_n) (+ or x) s_{n+h-m(k+1)}, with
 * phi_h = phi + ... + phi^h and k = floor((h - 1) / m) (Hyndman et al. 2008, Table 2.1), and
 * intervals at a chosen level:
 * - analytic, for additive or no seasonality: the ETS(A,Ad,A) forecast variance (class 1 of
 *   Hyndman, Koehler, Ord & Snyder 2008, "Forecasting with Exponential Smoothing", ch. 6, Table 6.1)
 *   v_h = sigma^2 [1 + sum_{j=1}^{h-1} c_j^2],  c_j = alpha + alpha beta phi_j + gamma [j mod m = 0],
 *   the sum form the closed forms of Table 6.1 are derived from, with normal quantiles;
 * - by simulation, for multiplicative seasonality (no closed form): future paths drawn from the
 *   fitted recursion from the final states with Gaussian or resampled errors, additive
 *   (y = yhat + e) or multiplicative (y = yhat (1 + e), the ETS(M,Ad,M) reading), and the
 *   empirical quantiles of the paths at each horizon.
 *
 * Tests (test/analytics/forecast.test.ts) prove: point forecasts equal statsmodels' forecast
 * equation on its final states and R forecast::ets's means; the variance multipliers equal
 * statsmodels ETSModel's and R forecast::ets's Table 6.1 closed forms; simulated intervals agree
 * with the analytic ones for an additive model; 95% intervals cover about 95% of future values on
 * seeded simulated ETS(A,A,A) and ETS(M,A,M) series.
 */
import normalQuantile from "@stdlib/stats-base-dists-normal-quantile";
import type {HoltWintersFit, HoltWintersOptions} from "./holtwinters.js";
import {fitHoltWinters, pointForecast} from "./holtwinters.js";
import {Random} from "./random.js";

export * from "./holtwinters.js";
export * from "./backtest.js";

export interface ForecastOptions {
  /** Coverage of the interval, in (0, 1): 0.8 or 0.95 (default). */
  level?: number;
  /**
   * "analytic" (default when the season is additive or absent), "simulation" (default, and the
   * only choice, for multiplicative seasonality) or "none".
   */
  intervals?: "analytic" | "simulation" | "none";
  /** Simulated paths (default 5000). */
  simulations?: number;
  /** Seed for the simulation when no `random` is given (default 42). */
  seed?: number;
  random?: Random;
  /** Error form of the simulation: default "multiplicative" for multiplicative seasonality, else "additive". */
  errors?: "additive" | "multiplicative";
  /** Draw errors by resampling the model's residuals instead of from a normal distribution. */
  resample?: boolean;
}

export interface HoltWintersForecast {
  horizon: number;
  level: number;
  method: "analytic" | "simulation" | "none";
  /** Point forecasts for h = 1..horizon. */
  mean: number[];
  /** Interval bounds at `level` (NaN with method "none"). */
  lower: number[];
  upper: number[];
  /** Forecast standard deviation per horizon: sqrt(v_h) (analytic) or the paths' sd (simulation). */
  standardError: number[];
}

function checkHorizon(horizon: number, where: string) {
  if (!Number.isInteger(horizon) || horizon < 1) throw new Error(`${where}: horizon must be a positive integer, got ${horizon}`);
}

/**
 * Forecast variances v_h / sigma^2 for h = 1..horizon (1 + sum_{j<h} c_j^2, see the module
 * comment), for models with additive or no seasonality. Multiply by `fit.sigma2` for v_h.
 */
export function relativeForecastVariance(fit: HoltWintersFit, horizon: number): number[] {
  checkHorizon(horizon, "relativeForecastVariance");
  const {model, params} = fit;
  if (model.seasonal === "multiplicative") throw new Error("relativeForecastVariance: no closed form for multiplicative seasonality; use intervals: \"simulation\"");
  const m = model.seasonal === "none" ? 1 : model.period;
  const phi = model.damped ? params.phi : 1;
  const betaStar = model.trend === "none" ? 0 : params.alpha * params.beta;
  const out = [1];
  let sum = 0;
  let phiJ = 0;
  let power = 1;
  for (let j = 1; j < horizon; j++) {
    power *= phi;
    phiJ += power;
    const c = params.alpha + betaStar * phiJ + (model.seasonal !== "none" && j % m === 0 ? params.gamma : 0);
    sum += c * c;
    out.push(1 + sum);
  }
  return out;
}

/**
 * Future paths of the series drawn from the fitted recursion: `paths` rows of `horizon` values.
 * Errors are N(0, sigma^2) (additive; sigma^2 = fit.sigma2) or N(0, fit.relativeSigma2) relative
 * to the one-step forecast (multiplicative), or resampled from the residuals (relative residuals
 * for the multiplicative form). Each simulated value updates the states as an observation would.
 */
export function simulateHoltWinters(
  fit: HoltWintersFit,
  horizon: number,
  {paths = 5000, random, seed = 42, errors, resample = false}: {paths?: number; random?: Random; seed?: number; errors?: "additive" | "multiplicative"; resample?: boolean} = {}
): Float64Array[] {
  checkHorizon(horizon, "simulateHoltWinters");
  if (!Number.isInteger(paths) || paths < 1) throw new Error(`simulateHoltWinters: paths must be a positive integer, got ${paths}`);
  const rng = random ?? new Random(seed);
  const {model, params, final} = fit;
  const errorForm = errors ?? (model.seasonal === "multiplicative" ? "multiplicative" : "additive");
  const multiplicativeErrors = errorForm === "multiplicative";
  const sigma = Math.sqrt(multiplicativeErrors ? fit.relativeSigma2 : fit.sigma2);
  const pool = multiplicativeErrors ? fit.residuals.map((e, t) => e / fit.fitted[t]) : fit.residuals;
  const m = model.seasonal === "none" ? 1 : model.period;
  const hasTrend = model.trend !== "none";
  const kind = model.seasonal === "none" ? 0 : model.seasonal === "additive" ? 1 : 2;
  const {alpha, beta, gamma} = params;
  const phi = hasTrend ? (model.damped ? params.phi : 1) : 0;
  const out: Float64Array[] = [];
  const ring = new Float64Array(m);
  for (let p = 0; p < paths; p++) {
    const path = new Float64Array(horizon);
    let l = final.level;
    let b = hasTrend ? final.trend : 0;
    for (let j = 0; j < m; j++) ring[j] = kind === 0 ? 0 : final.seasonal[j];
    for (let h = 0; h < horizon; h++) {
      const T = l + phi * b;
      const s = ring[h % m];
      const mu = kind === 2 ? T * s : T + s;
      const e = resample ? pool[rng.int(pool.length)] : rng.normal(0, sigma);
      const y = multiplicativeErrors ? mu * (1 + e) : mu + e;
      path[h] = y;
      let lNew: number;
      if (kind === 2) {
        lNew = (alpha * y) / s + (1 - alpha) * T;
        ring[h % m] = (gamma * y) / T + (1 - gamma) * s;
      } else if (kind === 1) {
        lNew = alpha * (y - s) + (1 - alpha) * T;
        ring[h % m] = gamma * (y - T) + (1 - gamma) * s;
      } else {
        lNew = alpha * y + (1 - alpha) * T;
      }
      if (hasTrend) b = beta * (lNew - l) + (1 - beta) * phi * b;
      l = lNew;
    }
    out.push(path);
  }
  return out;
}

/** Quantile of sorted values by linear interpolation (type 7, numpy's and R's default). */
function quantileSorted(sorted: Float64Array, q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
}

/** Point forecasts and prediction intervals for h = 1..horizon. */
export function forecastHoltWinters(fit: HoltWintersFit, horizon: number, options: ForecastOptions = {}): HoltWintersForecast {
  checkHorizon(horizon, "forecastHoltWinters");
  const level = options.level ?? 0.95;
  if (!(level > 0 && level < 1)) throw new Error(`forecastHoltWinters: level must be in (0, 1), e.g. 0.8 or 0.95; got ${level}`);
  const method = options.intervals ?? (fit.model.seasonal === "multiplicative" ? "simulation" : "analytic");
  const mean = pointForecast(fit, horizon);
  if (method === "none") {
    const nan = mean.map(() => NaN);
    return {horizon, level, method, mean, lower: nan, upper: nan.slice(), standardError: nan.slice()};
  }
  if (method === "analytic") {
    const z = normalQuantile(0.5 + level / 2, 0, 1);
    const se = relativeForecastVariance(fit, horizon).map((v) => Math.sqrt(v * fit.sigma2));
    return {horizon, level, method, mean, lower: mean.map((f, i) => f - z * se[i]), upper: mean.map((f, i) => f + z * se[i]), standardError: se};
  }
  if (method !== "simulation") throw new Error(`forecastHoltWinters: intervals must be "analytic", "simulation" or "none", got ${JSON.stringify(method)}`);
  const paths = simulateHoltWinters(fit, horizon, {paths: options.simulations ?? 5000, random: options.random, seed: options.seed, errors: options.errors, resample: options.resample});
  const lower: number[] = [];
  const upper: number[] = [];
  const standardError: number[] = [];
  const column = new Float64Array(paths.length);
  for (let h = 0; h < horizon; h++) {
    let s = 0;
    let s2 = 0;
    for (let p = 0; p < paths.length; p++) {
      const v = paths[p][h];
      column[p] = v;
      s += v;
      s2 += v * v;
    }
    column.sort();
    lower.push(quantileSorted(column, 0.5 - level / 2));
    upper.push(quantileSorted(column, 0.5 + level / 2));
    const avg = s / paths.length;
    standardError.push(Math.sqrt(Math.max(0, (s2 - paths.length * avg * avg) / Math.max(1, paths.length - 1))));
  }
  return {horizon, level, method, mean, lower, upper, standardError};
}

export interface ForecastSeriesResult extends HoltWintersForecast {
  fit: HoltWintersFit;
  fitted: number[];
  residuals: number[];
}

/**
 * Fits Holt-Winters to a series and forecasts `horizon` steps: fitted values, residuals, point
 * forecasts and intervals in one call (what a data loader or a page needs).
 */
export function forecastSeries(series: ArrayLike<number>, options: HoltWintersOptions & ForecastOptions & {horizon: number}): ForecastSeriesResult {
  const {horizon, level, intervals, simulations, seed, random, errors, resample, ...model} = options;
  const fit = fitHoltWinters(series, model);
  const forecast = forecastHoltWinters(fit, horizon, {level, intervals, simulations, seed, random, errors, resample});
  return {...forecast, fit, fitted: fit.fitted, residuals: fit.residuals};
}
