/**
 * 30-day forecasts of a channel's daily spend, conversions or revenue, with prediction intervals
 * and a rolling-origin backtest, built on the shared Holt-Winters model (src/analytics/forecast.ts).
 *
 * Daily marketing series carry two seasons: the week (handled by Holt-Winters with period 7) and
 * the year (November and December lift, a post-Christmas lull), which Holt-Winters cannot learn
 * from two years of daily data. So when the training window holds at least one full year, the
 * series is first divided by a yearly profile (estimated from `profileSource`: the pages pass the
 * total of the campaigns that ran through the whole window, so a launch is not taken for a season) — the 7-day centred moving average divided by its
 * 364-day block's mean, averaged over the full 364-day blocks ending at the forecast origin
 * (ratio-to-moving-average decomposition; Hyndman & Athanasopoulos, FPP 3.4, with 52-week blocks
 * so weekdays stay aligned) — Holt-Winters (damped additive trend, additive weekly season) is
 * fitted to the adjusted series, and its forecasts and interval bounds are multiplied back by the
 * profile of the same days one year earlier. Negative bounds are clipped at 0.
 *
 * The 30-day total's interval comes from simulated sample paths of the fitted model (so the days'
 * errors add up as the model says, not as if independent).
 *
 * Tests (test/campaigns/forecasting.test.ts): a series with a known weekly and yearly pattern is
 * forecast almost exactly; on the simulation, the 95% intervals cover about 95% of the 30 days
 * that follow the data (simulated beyond the window) and the backtest beats the seasonal naive
 * forecast.
 */
import {backtestForecaster, forecastHoltWinters, fitHoltWinters, seasonalNaiveForecast, simulateHoltWinters, type BacktestScore, type HoltWintersOptions} from "../analytics/forecast.js";
import {Random} from "../analytics/random.js";

export const YEAR_BLOCK = 364;

/** Holt-Winters settings used for every channel series. */
export const MODEL: HoltWintersOptions = {trend: "additive", damped: true, seasonal: "additive", period: 7, starts: 2};

/** Centred moving average of odd width (shorter windows at the ends). */
export function centredMovingAverage(values: ArrayLike<number>, width = 7): Float64Array {
  const half = Math.floor(width / 2);
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    let s = 0;
    let k = 0;
    for (let j = Math.max(0, i - half); j <= Math.min(values.length - 1, i + half); j++) {
      s += values[j];
      k++;
    }
    out[i] = s / k;
  }
  return out;
}

/**
 * The yearly profile at each of the 364 positions before the end of `values` (position j is the
 * day n − 364 + j, and every 364 days before it), or undefined when there is less than one full
 * block or a block averages zero.
 */
export function yearlyProfile(values: ArrayLike<number>): Float64Array | undefined {
  const n = values.length;
  const blocks = Math.floor(n / YEAR_BLOCK);
  if (blocks < 1) return undefined;
  const smooth = centredMovingAverage(values, 7);
  const profile = new Float64Array(YEAR_BLOCK);
  for (let b = 0; b < blocks; b++) {
    const start = n - YEAR_BLOCK * (b + 1);
    let mean = 0;
    for (let j = 0; j < YEAR_BLOCK; j++) mean += values[start + j];
    mean /= YEAR_BLOCK;
    if (!(mean > 0)) return undefined;
    for (let j = 0; j < YEAR_BLOCK; j++) profile[j] += smooth[start + j] / mean / blocks;
  }
  // A day whose smoothed value is 0 (no activity that week) would divide by 0: fall back to 1.
  for (let j = 0; j < YEAR_BLOCK; j++) if (!(profile[j] > 0.05)) profile[j] = 1;
  return profile;
}

/** Profile factor of day index i (0 = first training day; n = first forecast day). */
const profileAt = (profile: Float64Array | undefined, n: number, i: number) => (profile ? profile[(((i - (n - YEAR_BLOCK)) % YEAR_BLOCK) + YEAR_BLOCK) % YEAR_BLOCK] : 1);

export interface ChannelForecast {
  /** Point forecast and interval per day ahead (h = 1..horizon). */
  mean: number[];
  lower: number[];
  upper: number[];
  /** Sum over the horizon: point and interval (from simulated paths). */
  total: {mean: number; lower: number; upper: number};
  level: number;
  /** Whether a yearly profile was applied (a full year of history). */
  yearly: boolean;
}

export interface ForecastOptions {
  horizon?: number;
  /** Coverage of the intervals (default 0.95). */
  level?: number;
  /** Sample paths for the total's interval (default 1000). */
  paths?: number;
  seed?: number;
  /**
   * The series the yearly profile is estimated from, aligned with `values` (default `values`):
   * pass the total of the campaigns active over the whole window so that a campaign launched
   * during it does not pass for seasonality.
   */
  profileSource?: ArrayLike<number>;
}

/** Forecast `horizon` days after `values` (see the module comment). */
export function forecastDaily(values: ArrayLike<number>, {horizon = 30, level = 0.95, paths = 1000, seed = 42, profileSource = values}: ForecastOptions = {}): ChannelForecast {
  const n = values.length;
  if (profileSource.length !== n) throw new Error(`forecastDaily: profileSource has ${profileSource.length} days, values ${n}`);
  const profile = yearlyProfile(profileSource);
  const adjusted = Float64Array.from(values, (v, i) => v / profileAt(profile, n, i));
  const fit = fitHoltWinters(adjusted, MODEL);
  const forecast = forecastHoltWinters(fit, horizon, {level});
  const factor = Array.from({length: horizon}, (_, h) => profileAt(profile, n, n + h));
  const simulated = simulateHoltWinters(fit, horizon, {paths, random: new Random(seed)});
  const totals = Float64Array.from(simulated, (path) => path.reduce((s, v, h) => s + Math.max(0, v) * factor[h], 0)).sort();
  const q = (p: number) => totals[Math.min(totals.length - 1, Math.max(0, Math.round(p * (totals.length - 1))))];
  const mean = forecast.mean.map((v, h) => Math.max(0, v * factor[h]));
  return {
    mean,
    lower: forecast.lower.map((v, h) => Math.max(0, v * factor[h])),
    upper: forecast.upper.map((v, h) => Math.max(0, v * factor[h])),
    total: {mean: mean.reduce((a, b) => a + b, 0), lower: q((1 - level) / 2), upper: q(1 - (1 - level) / 2)},
    level,
    yearly: profile !== undefined
  };
}

export interface ForecastBacktest {
  model: BacktestScore;
  seasonalNaive: BacktestScore;
  folds: number;
  horizon: number;
}

/**
 * Rolling-origin backtest of `forecastDaily`'s point forecasts (and of the weekly seasonal naive
 * forecast on the same folds): `folds` origins, `horizon` days apart, ending at the last day.
 * MASE is scaled by the in-sample error of the weekly seasonal naive forecast.
 */
export function backtestDaily(values: ArrayLike<number>, {horizon = 30, folds = 3, profileSource = values}: {horizon?: number; folds?: number; profileSource?: ArrayLike<number>} = {}): ForecastBacktest | undefined {
  const n = values.length;
  const usableFolds = Math.min(folds, Math.floor((n - 8 * 7) / horizon));
  if (usableFolds < 1) return undefined;
  const options = {horizon, folds: usableFolds, seasonalPeriod: 7};
  return {
    model: backtestForecaster(values, (train, h) => {
      const profile = yearlyProfile(Array.prototype.slice.call(profileSource, 0, train.length) as number[]);
      const m = train.length;
      const adjusted = train.map((v, i) => v / profileAt(profile, m, i));
      const fit = fitHoltWinters(adjusted, MODEL);
      return forecastHoltWinters(fit, h, {intervals: "none"}).mean.map((v, k) => Math.max(0, v * profileAt(profile, m, m + k)));
    }, options),
    seasonalNaive: backtestForecaster(values, (train, h) => seasonalNaiveForecast(train, h, 7), options),
    folds: usableFolds,
    horizon
  };
}

const DAY = 86_400_000;

export type ForecastMetric = "spend" | "conversions" | "revenue";

/**
 * Daily sums of `metric` per group (e.g. channel) over [start, end] (ms, inclusive), missing days
 * as 0, and the pooled daily sums of the campaigns that have data on the first day: the source of
 * the yearly profile (the season is common to the channels, and a campaign launched later would
 * look like one).
 */
export function dailySeries<T extends {date: number; campaign_id: string}>(
  rows: readonly T[],
  {start, end, metric, groupOf}: {start: number; end: number; metric: (row: T) => number; groupOf: (row: T) => string}
): {days: number[]; groups: Map<string, Float64Array>; total: Float64Array; profileSource: Float64Array} {
  const n = Math.round((end - start) / DAY) + 1;
  const days = Array.from({length: n}, (_, i) => start + i * DAY);
  const presentAtStart = new Set(rows.filter((r) => r.date === start).map((r) => r.campaign_id));
  const groups = new Map<string, Float64Array>();
  const total = new Float64Array(n);
  const profileSource = new Float64Array(n);
  for (const r of rows) {
    if (r.date < start || r.date > end) continue;
    const key = groupOf(r);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = new Float64Array(n)));
    const i = Math.round((r.date - start) / DAY);
    const v = metric(r);
    g[i] += v;
    total[i] += v;
    if (presentAtStart.has(r.campaign_id)) profileSource[i] += v;
  }
  return {days, groups, total, profileSource};
}
