/**
 * The market mix model end to end: point fit, block bootstrap, time-based holdout, per-lever
 * outputs with intervals, curves, decomposition and diagnostics — one call, plain data out.
 *
 *   const result = fitMediaMix(data, {seed: 1});   // 200 bootstrap refits by default
 *   result.levers     // contribution, ROI, marginal ROI with 90 % intervals, shares, flags
 *   compareBudgets(result.responses, result.responseDraws, {...})   // budget.ts, also in the browser
 *
 * Method (why a regularised fit with a bootstrap rather than MCMC, and how it compares with
 * PyMC-Marketing, Robyn and Meridian): docs/models/mmm.md. Tested in test/analytics/mmm-fit.test.ts
 * (recovery of the simulation's truth, coverage, no-effect lever, determinism) and
 * test/analytics/mmm-pymc.test.ts (PyMC-Marketing's example data).
 */
import {bootstrapMediaMix, type BootstrapOptions} from "./bootstrap.js";
import {decomposeSales, type SalesDecomposition} from "./decompose.js";
import {correlationMatrix, decompRssd, durbinWatson, ljungBox, meanAbsolutePercentageError, modelWarnings, normalizedRmse, rSquared, type ModelWarning} from "./diagnostics.js";
import {fitProblem, MediaMixProblem, type FitOptions, type MediaMixPointFit} from "./fit.js";
import {estimateFromDraws, type IntervalMethod} from "./intervals.js";
import {contributionSeries, decayCurves, responseCurves, summarizeLevers, type BandedSeries, type DecayCurve, type LeverSummary, type ResponseCurve} from "./outputs.js";
import {leverContributions} from "./response.js";
import type {LeverResponse, MediaMixData} from "./types.js";

export interface MediaMixOptions extends FitOptions {
  /** Bootstrap settings; `draws` defaults to 200 (use 30–50 in tests). */
  bootstrap?: BootstrapOptions;
  /** Weeks at the end held out for the out-of-sample check (default 13; 0 to skip). */
  holdoutWeeks?: number;
  /** Interval coverage (default 0.9) and method (default "percentile", see outputs.ts). */
  level?: number;
  interval?: IntervalMethod;
  /** Weeks at the end whose average spend is "current" (default 52). */
  currentWeeks?: number;
  /** ROI below which a lever's effect is not considered detected (default 0.05). */
  minimumRoi?: number;
  /** Points of each response curve (default 41) and lags of each decay curve (default 13). */
  curvePoints?: number;
  decayLags?: number;
}

export interface HoldoutCheck {
  weeks: number;
  dates: string[];
  actual: number[];
  predicted: number[];
  mape: number;
  rSquared: number;
  /** The estimates of the model fitted without the holdout weeks. */
  levers: LeverResponse[];
}

export interface MediaMixDiagnostics {
  weeks: number;
  rSquared: number;
  mape: number;
  nrmse: number;
  durbinWatson: number;
  ljungBox: {lags: number; statistic: number; pValue: number};
  holdout: {weeks: number; mape: number; rSquared: number} | null;
  /** Robyn's decomp.RSSD over the paid levers. */
  decompRssd: number;
  /** Correlation of the levers' transformed weekly series (point estimate), in lever order. */
  leverCorrelation: number[][];
  /** Did the winning local search meet its tolerance; objective from each start (same values = same optimum). */
  converged: boolean;
  startObjectives: number[];
  bootstrapDraws: number;
}

export interface MediaMixResult {
  leverNames: string[];
  /** Point estimates of every lever's response (for budgets and curves). */
  responses: LeverResponse[];
  /** The same for every bootstrap draw: draws[d][m]. */
  responseDraws: LeverResponse[][];
  levers: LeverSummary[];
  /** Linear coefficients (original units) with intervals. */
  coefficients: Record<string, {estimate: number; lower: number; upper: number; sd: number}>;
  weeks: {date: string; actual: number; fitted: number; fittedLower: number; fittedUpper: number}[];
  contributions: BandedSeries[];
  decomposition: SalesDecomposition;
  responseCurves: ResponseCurve[];
  decayCurves: DecayCurve[];
  holdout: HoldoutCheck | null;
  diagnostics: MediaMixDiagnostics;
  warnings: ModelWarning[];
  point: MediaMixPointFit;
}

/** Fits the market mix model and everything reported about it (see the file comment). */
export function fitMediaMix(data: MediaMixData, options: MediaMixOptions = {}): MediaMixResult {
  const {bootstrap = {}, holdoutWeeks = 13, level = 0.9, interval = "percentile", currentWeeks = 52, minimumRoi = 0.05, curvePoints = 41, decayLags = 13, seed = 1, ...rest} = options;
  const fitOptions: FitOptions = {...rest, seed, rows: undefined};
  const intervalOptions = {level, interval};
  const lMax = fitOptions.adstockLMax ?? Infinity;
  const designOptions = {fourierOrder: fitOptions.fourierOrder ?? 3, trend: fitOptions.trend ?? true, adstockLMax: lMax};
  const n = data.sales.length;

  const problem = new MediaMixProblem(data, fitOptions);
  const point = fitProblem(problem, fitOptions);
  const draws = bootstrapMediaMix(data, point, fitOptions, {seed, ...bootstrap});
  const responseDraws = draws.map((d) => d.levers);

  const levers = summarizeLevers(data, point.levers, responseDraws, {...intervalOptions, adstockLMax: lMax, currentWeeks, minimumRoi});
  const coefficientNames = Object.keys(point.coefficients);
  const coefficients = Object.fromEntries(coefficientNames.map((name) => [name, estimateFromDraws(point.coefficients[name], draws.map((d) => d.coefficients[name]), intervalOptions)]));

  const decomposition = decomposeSales(data, point.levers, point.coefficients, designOptions);
  const drawFits = draws.map((d) => decomposeSales(data, d.levers, d.coefficients, designOptions).predicted);
  const weeks = data.dates.map((date, t) => {
    const e = estimateFromDraws(point.fitted[t], drawFits.map((f) => f[t]), intervalOptions);
    return {date, actual: data.sales[t], fitted: point.fitted[t], fittedLower: e.lower, fittedUpper: e.upper};
  });

  // Time-based holdout: refit without the last weeks, predict them.
  let holdout: HoldoutCheck | null = null;
  if (holdoutWeeks > 0) {
    if (holdoutWeeks >= n - 20) throw new Error(`fitMediaMix: holdoutWeeks ${holdoutWeeks} leaves fewer than 20 weeks to fit (${n} weeks in all)`);
    const training = Array.from({length: n - holdoutWeeks}, (_, t) => t);
    const heldOut = new MediaMixProblem(data, {...fitOptions, rows: training});
    // Fresh starts only: starting from the full-data optimum would let the held-out weeks steer the search.
    const fit = fitProblem(heldOut, fitOptions);
    const idx = Array.from({length: holdoutWeeks}, (_, j) => n - holdoutWeeks + j);
    const actual = idx.map((t) => data.sales[t]);
    const predicted = idx.map((t) => fit.fitted[t]);
    holdout = {weeks: holdoutWeeks, dates: idx.map((t) => data.dates[t]), actual, predicted, mape: meanAbsolutePercentageError(actual, predicted), rSquared: rSquared(actual, predicted), levers: fit.levers};
  }

  const residuals = Array.from({length: n}, (_, t) => data.sales[t] - point.fitted[t]);
  const mape = meanAbsolutePercentageError(data.sales, point.fitted);
  const transformed = data.media.map((m, i) => leverContributions(m.spend, {...point.levers[i], beta: 1}, {lMax}));
  const leverCorrelation = correlationMatrix(transformed);
  const lb = ljungBox(residuals, Math.min(10, Math.floor(n / 5)));
  const diagnostics: MediaMixDiagnostics = {
    weeks: n,
    rSquared: rSquared(data.sales, point.fitted),
    mape,
    nrmse: normalizedRmse(data.sales, point.fitted),
    durbinWatson: durbinWatson(residuals),
    ljungBox: lb,
    holdout: holdout && {weeks: holdout.weeks, mape: holdout.mape, rSquared: holdout.rSquared},
    decompRssd: decompRssd(levers.map((l) => l.effectShare), levers.map((l) => l.spendShare)),
    leverCorrelation,
    converged: point.converged,
    startObjectives: point.starts,
    bootstrapDraws: draws.length
  };
  const warnings = modelWarnings({levers, leverCorrelation, maxDecay: problem.maxDecay, spendScale: problem.spendScale, ljungBoxPValue: lb.pValue, mape, holdoutMape: holdout?.mape ?? null});

  return {
    leverNames: data.media.map((m) => m.name),
    responses: point.levers,
    responseDraws,
    levers,
    coefficients,
    weeks,
    contributions: contributionSeries(data, point.levers, responseDraws, {...intervalOptions, adstockLMax: lMax}),
    decomposition,
    responseCurves: responseCurves(point.levers, responseDraws, levers.map((l) => l.currentWeeklySpend), {...intervalOptions, points: curvePoints}),
    decayCurves: decayCurves(point.levers, responseDraws, {...intervalOptions, lags: decayLags, adstockLMax: lMax}),
    holdout,
    diagnostics,
    warnings,
    point
  };
}
