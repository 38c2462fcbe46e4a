/**
 * Initial states (level, trend, seasonal factors) for Holt-Winters, from the first cycles of data.
 *
 * Estimates: starting values for the recursion in ./holtwinters.ts — used as they are with
 * initialization "heuristic", and as the optimiser's starting point with "estimated".
 * References: Hyndman, Koehler, Ord & Snyder (2008), "Forecasting with Exponential Smoothing",
 * sec. 2.6.1 (the heuristic), and Hyndman & Athanasopoulos, FPP sec. 7.6 (the simple method);
 * implementation choices follow statsmodels' `_initialization_heuristic` and
 * `_initialization_simple` (statsmodels/tsa/exponential_smoothing/initialization.py) exactly.
 *
 * Tests (test/analytics/forecast.test.ts) prove: both heuristic cases (odd m = 7, even m = 12 with
 * its 2 x m moving average, and no season) equal statsmodels' values to 1e-9.
 */
import type {HoltWintersModel, InitialStates} from "./holtwinters.js";

const mean = (x: ArrayLike<number>, from: number, to: number) => {
  let s = 0;
  for (let i = from; i < to; i++) s += x[i];
  return s / (to - from);
};

/** Least-squares line through v[0..9] at x = 1..10: [intercept, slope] (statsmodels' heuristic). */
function lineThroughFirstTen(v: ArrayLike<number>): [number, number] {
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < 10; i++) {
    const x = i + 1;
    sx += x;
    sy += v[i];
    sxx += x * x;
    sxy += x * v[i];
  }
  const slope = (10 * sxy - sx * sy) / (10 * sxx - sx * sx);
  return [(sy - slope * sx) / 10, slope];
}

/**
 * Initial states by the heuristic of Hyndman et al. (2008, sec. 2.6.1), as statsmodels'
 * `_initialization_heuristic`: with a season, a centred moving average (2 x m for even m) over
 * the first min(5, n/m) cycles (at least enough for 10 trend values), seasonal factors as the
 * per-position means of the detrended values (normalised to mean 0 or 1), then a least-squares line
 * through the first 10 values of the moving average (without season: of the data) gives level
 * (intercept) and trend (slope). Needs n >= 10 and, with a season, n >= max(2m, 10 + 2 floor(m/2)).
 */
export function heuristicInitialStates(y: ArrayLike<number>, model: HoltWintersModel): InitialStates {
  const n = y.length;
  if (n < 10) throw new Error(`heuristicInitialStates: needs at least 10 observations, got ${n}`);
  let base: ArrayLike<number> = y;
  let seasonal: number[] = [];
  if (model.seasonal !== "none") {
    const m = model.period;
    const half = Math.floor(m / 2);
    const minObs = 10 + 2 * half;
    if (n < 2 * m || n < minObs)
      throw new Error(`heuristicInitialStates: a season of ${m} needs at least ${Math.max(2 * m, minObs)} observations, got ${n}`);
    const cycles = Math.max(Math.min(5, Math.floor(n / m)), Math.ceil(minObs / m));
    const len = Math.min(n, cycles * m);
    // Centred moving average: odd m, mean of y[i-half..i+half]; even m, the 2 x m average.
    const ma = new Float64Array(len).fill(NaN);
    for (let i = half; i <= len - half - 1; i++) {
      ma[i] = m % 2 === 1 ? mean(y, i - half, i + half + 1) : (mean(y, i - half, i + half) + mean(y, i - half + 1, i + half + 1)) / 2;
    }
    const sums = new Array(m).fill(0);
    const counts = new Array(m).fill(0);
    for (let i = half; i <= len - half - 1; i++) {
      sums[i % m] += model.seasonal === "additive" ? y[i] - ma[i] : y[i] / ma[i];
      counts[i % m]++;
    }
    seasonal = sums.map((s, j) => s / counts[j]);
    const avg = seasonal.reduce((a, b) => a + b, 0) / m;
    seasonal = seasonal.map((s) => (model.seasonal === "additive" ? s - avg : s / avg));
    base = ma.subarray(half, len - half);
  }
  const [level, slope] = lineThroughFirstTen(base);
  return {level, trend: model.trend === "none" ? 0 : slope, seasonal};
}

/**
 * Initial states for series too short for the heuristic (statsmodels' `_initialization_simple`,
 * Hyndman & Athanasopoulos sec. 7.6): level = mean of the first cycle, trend = mean change between
 * the first two cycles per period, seasonal = first cycle minus (divided by) the level.
 */
export function simpleInitialStates(y: ArrayLike<number>, model: HoltWintersModel): InitialStates {
  const n = y.length;
  if (model.seasonal === "none") {
    if (n < 2) throw new Error(`simpleInitialStates: needs at least 2 observations, got ${n}`);
    return {level: y[0], trend: model.trend === "none" ? 0 : y[1] - y[0], seasonal: []};
  }
  const m = model.period;
  if (n < 2 * m) throw new Error(`simpleInitialStates: a season of ${m} needs at least ${2 * m} observations, got ${n}`);
  const level = mean(y, 0, m);
  let trend = 0;
  if (model.trend !== "none") {
    for (let j = 0; j < m; j++) trend += (y[m + j] - y[j]) / m;
    trend /= m;
  }
  const seasonal = Array.from({length: m}, (_, j) => (model.seasonal === "additive" ? y[j] - level : y[j] / level));
  return {level, trend, seasonal};
}

/** The heuristic when the series is long enough for it, else the simple method (as statsmodels' "estimated"). */
export function defaultInitialStates(y: ArrayLike<number>, model: HoltWintersModel): InitialStates {
  const half = model.seasonal === "none" ? 0 : Math.floor(model.period / 2);
  return y.length >= 10 + 2 * half && (model.seasonal === "none" || y.length >= 2 * model.period)
    ? heuristicInitialStates(y, model)
    : simpleInitialStates(y, model);
}
