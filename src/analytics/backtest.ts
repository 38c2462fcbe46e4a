/**
 * Rolling-origin evaluation of forecasts ("time series cross-validation"): the model is refitted
 * on the data up to each origin and forecasts the next `horizon` values, which are then compared
 * with what happened; the naive and seasonal-naive forecasts are scored on the same folds.
 *
 * Estimates: MAPE (mean absolute percentage error, as a fraction) and MASE (mean absolute scaled
 * error) per fold, per horizon and overall. MASE follows Hyndman & Koehler (2006), "Another look
 * at measures of forecast accuracy", Int. J. Forecasting 22(4): errors divided by the in-sample
 * mean absolute error of the seasonal naive forecast with period m on the fold's training data
 * (m = 1: the naive forecast), so MASE < 1 means better than that benchmark was in-sample.
 * Rolling origin as in Tashman (2000) and Hyndman & Athanasopoulos (FPP, sec. 5.10).
 *
 * Tests (test/analytics/forecast.test.ts) prove: the origins of each fold layout; MAPE, MASE and
 * the seasonal scale against hand-computed values; per-horizon errors of the naive forecast of a
 * straight line (2, 4, 6; MASE 2) and zero for a perfect forecaster; Holt-Winters beats both
 * baselines on the seeded daily series and on AirPassengers.
 */
import type {HoltWintersOptions} from "./holtwinters.js";
import {fitHoltWinters, pointForecast} from "./holtwinters.js";

/** The naive forecast: the last observed value, repeated. */
export function naiveForecast(train: ArrayLike<number>, horizon: number): number[] {
  if (train.length < 1) throw new Error("naiveForecast: needs at least one observation");
  return new Array(horizon).fill(train[train.length - 1]);
}

/** The seasonal naive forecast: the value one season (period m) earlier, the last season repeated. */
export function seasonalNaiveForecast(train: ArrayLike<number>, horizon: number, period: number): number[] {
  const n = train.length;
  if (n < period) throw new Error(`seasonalNaiveForecast: needs at least one season (${period} values), got ${n}`);
  return Array.from({length: horizon}, (_, h) => train[n - period + (h % period)]);
}

/**
 * Mean absolute percentage error as a fraction (0.05 = 5%): mean of |actual - forecast| / |actual|
 * over the points whose actual value is not 0 (undefined there); NaN when none is.
 */
export function meanAbsolutePercentageError(actual: ArrayLike<number>, forecast: ArrayLike<number>): number {
  let sum = 0;
  let count = 0;
  for (let i = 0; i < actual.length; i++) {
    if (actual[i] === 0) continue;
    sum += Math.abs((actual[i] - forecast[i]) / actual[i]);
    count++;
  }
  return count ? sum / count : NaN;
}

/**
 * Hyndman & Koehler's scale: the in-sample mean absolute error of the seasonal naive forecast,
 * (1 / (n - m)) sum_{t > m} |y_t - y_{t-m}| (m = 1: the naive forecast).
 */
export function seasonalNaiveScale(train: ArrayLike<number>, period = 1): number {
  const n = train.length;
  if (n <= period) throw new Error(`seasonalNaiveScale: needs more than ${period} observations, got ${n}`);
  let sum = 0;
  for (let t = period; t < n; t++) sum += Math.abs(train[t] - train[t - period]);
  return sum / (n - period);
}

/** Mean absolute scaled error: mean |actual - forecast| / seasonalNaiveScale(train, period). */
export function meanAbsoluteScaledError(actual: ArrayLike<number>, forecast: ArrayLike<number>, train: ArrayLike<number>, period = 1): number {
  const scale = seasonalNaiveScale(train, period);
  let sum = 0;
  for (let i = 0; i < actual.length; i++) sum += Math.abs(actual[i] - forecast[i]);
  return sum / actual.length / scale;
}

export interface RollingOriginOptions {
  horizon: number;
  /** Number of origins, the last one `horizon` values before the end (default 5 without initialWindow). */
  folds?: number;
  /** Length of the first training window; origins then follow every `step` while a full horizon remains. */
  initialWindow?: number;
  /** Distance between origins (default horizon: the test windows tile the end of the series). */
  step?: number;
  /** Season length m for MASE's scale (default 1). */
  seasonalPeriod?: number;
}

export interface BacktestFold {
  /** Index of the first forecast value = length of the training window. */
  origin: number;
  actual: number[];
  forecast: number[];
  mape: number;
  mase: number;
  /** The fold's MASE denominator (seasonal naive in-sample MAE on the training window). */
  scale: number;
}

export interface BacktestScore {
  /** Over every fold and horizon (MAPE over non-zero actuals). */
  mape: number;
  mase: number;
  /** Mean absolute error and root mean squared error in the series' units. */
  mae: number;
  rmse: number;
  byHorizon: {h: number; mape: number; mase: number; mae: number}[];
  folds: BacktestFold[];
}

/** The training-window lengths (origins) of a rolling-origin evaluation. */
export function rollingOrigins(n: number, {horizon, folds, initialWindow, step = horizon}: RollingOriginOptions): number[] {
  if (!Number.isInteger(horizon) || horizon < 1) throw new Error(`backtest: horizon must be a positive integer, got ${horizon}`);
  if (!Number.isInteger(step) || step < 1) throw new Error(`backtest: step must be a positive integer, got ${step}`);
  const origins: number[] = [];
  if (initialWindow !== undefined) {
    if (!Number.isInteger(initialWindow) || initialWindow < 1) throw new Error(`backtest: initialWindow must be a positive integer, got ${initialWindow}`);
    for (let o = initialWindow; o + horizon <= n; o += step) origins.push(o);
    if (folds !== undefined) origins.splice(folds);
  } else {
    const k = folds ?? 5;
    if (!Number.isInteger(k) || k < 1) throw new Error(`backtest: folds must be a positive integer, got ${folds}`);
    for (let i = k - 1; i >= 0; i--) origins.push(n - horizon - i * step);
  }
  if (origins.length === 0 || origins[0] < 1) throw new Error(`backtest: a series of ${n} values is too short for these folds (horizon ${horizon}, step ${step}${initialWindow !== undefined ? `, initialWindow ${initialWindow}` : `, folds ${folds ?? 5}`})`);
  return origins;
}

/**
 * Scores any forecaster `(train, horizon) => forecasts` by rolling origin. Errors thrown by the
 * forecaster are re-thrown with the fold's origin.
 */
export function backtestForecaster(series: ArrayLike<number>, forecaster: (train: number[], horizon: number) => ArrayLike<number>, options: RollingOriginOptions): BacktestScore {
  const y = Array.from(series);
  const {horizon} = options;
  const period = options.seasonalPeriod ?? 1;
  const origins = rollingOrigins(y.length, options);
  const folds: BacktestFold[] = origins.map((origin) => {
    const train = y.slice(0, origin);
    const actual = y.slice(origin, origin + horizon);
    let forecast: number[];
    try {
      forecast = Array.from(forecaster(train, horizon));
    } catch (error) {
      throw new Error(`backtest: the forecaster failed on the fold with origin ${origin} (training on values 0..${origin - 1}): ${(error as Error).message}`);
    }
    if (forecast.length !== horizon) throw new Error(`backtest: the forecaster returned ${forecast.length} values for horizon ${horizon} (fold with origin ${origin})`);
    const scale = seasonalNaiveScale(train, period);
    return {origin, actual, forecast, scale, mape: meanAbsolutePercentageError(actual, forecast), mase: meanAbsoluteScaledError(actual, forecast, train, period)};
  });
  const byHorizon = Array.from({length: horizon}, (_, i) => ({
    h: i + 1,
    mape: meanAbsolutePercentageError(folds.map((f) => f.actual[i]), folds.map((f) => f.forecast[i])),
    mase: folds.reduce((s, f) => s + Math.abs(f.actual[i] - f.forecast[i]) / f.scale, 0) / folds.length,
    mae: folds.reduce((s, f) => s + Math.abs(f.actual[i] - f.forecast[i]), 0) / folds.length
  }));
  const all = folds.flatMap((f) => f.actual.map((a, i) => ({a, f: f.forecast[i], scale: f.scale})));
  return {
    mape: meanAbsolutePercentageError(all.map((p) => p.a), all.map((p) => p.f)),
    mase: all.reduce((s, p) => s + Math.abs(p.a - p.f) / p.scale, 0) / all.length,
    mae: all.reduce((s, p) => s + Math.abs(p.a - p.f), 0) / all.length,
    rmse: Math.sqrt(all.reduce((s, p) => s + (p.a - p.f) ** 2, 0) / all.length),
    byHorizon,
    folds
  };
}

export interface BacktestOptions extends HoltWintersOptions, Omit<RollingOriginOptions, "seasonalPeriod"> {
  /** Season length for MASE and the seasonal naive baseline (default: the model's period, else 1). */
  seasonalPeriod?: number;
}

export interface BacktestResult {
  horizon: number;
  origins: number[];
  seasonalPeriod: number;
  /** Holt-Winters refitted at every origin with the given model options. */
  model: BacktestScore;
  naive: BacktestScore;
  seasonalNaive: BacktestScore;
}

/**
 * Rolling-origin backtest of Holt-Winters against the naive and seasonal-naive forecasts:
 * `backtest(series, {horizon: 28, folds: 6, period: 7, seasonal: "multiplicative"})`.
 */
export function backtest(series: ArrayLike<number>, options: BacktestOptions): BacktestResult {
  const {horizon, folds, initialWindow, step, seasonalPeriod, ...model} = options;
  const period = seasonalPeriod ?? (model.period !== undefined && model.seasonal !== "none" ? model.period : 1);
  const rolling: RollingOriginOptions = {horizon, folds, initialWindow, step, seasonalPeriod: period};
  const origins = rollingOrigins(series.length, rolling);
  const hwForecast = (train: number[], h: number) => pointForecast(fitHoltWinters(train, model), h);
  return {
    horizon,
    origins,
    seasonalPeriod: period,
    model: backtestForecaster(series, hwForecast, rolling),
    naive: backtestForecaster(series, naiveForecast, rolling),
    seasonalNaive: backtestForecaster(series, (train, h) => seasonalNaiveForecast(train, h, period), rolling)
  };
}
