/**
 * What the market mix model reports per lever, with bootstrap intervals: total contribution, ROI,
 * marginal ROI, the response parameters, share of spend and of effect; weekly contributions with
 * bands; response curves (constant weekly spend → expected weekly incremental sales); adstock
 * decay curves.
 *
 * Intervals come from intervals.ts (percentile by default).
 *
 * Tested in test/analytics/mmm-fit.test.ts: against the simulation's truth (ROI within 20 %,
 * coverage), shares summing to one, a lever without effect flagged.
 */
import {adstockHalfLife, adstockWeights} from "./adstock.js";
import {estimateFromDraws, type IntervalOptions} from "./intervals.js";
import {leverContributions, steadyStateResponse} from "./response.js";
import type {Estimate, LeverResponse, MediaMixData} from "./types.js";

export type {IntervalMethod, IntervalOptions} from "./intervals.js";

export interface LeverSummary {
  name: string;
  /** Total spend over the period and its share of all media spend. */
  spend: number;
  spendShare: number;
  /** Average weekly spend over the last `currentWeeks` weeks (the "current" level for curves and budgets). */
  currentWeeklySpend: number;
  /** Incremental sales over the period. */
  contribution: Estimate;
  /** Share of all media contribution (point estimate). */
  effectShare: number;
  roi: Estimate;
  marginalRoi: Estimate;
  decay: Estimate;
  halfSaturation: Estimate;
  shape: Estimate;
  beta: Estimate;
  /** Weeks for one week's carry-over to halve. */
  halfLife: Estimate;
  /** False when the ROI interval reaches below `minimumRoi`: the data cannot tell this lever from no effect. */
  effectDetected: boolean;
}

function sum(x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i];
  return s;
}

/** Contribution, ROI and marginal ROI of every lever for one set of responses. */
export function leverTotals(data: MediaMixData, levers: LeverResponse[], lMax = Infinity, delta = 0.01): {contribution: number; roi: number; marginalRoi: number}[] {
  return data.media.map((m, i) => {
    const spent = sum(m.spend);
    const contribution = sum(leverContributions(m.spend, levers[i], {lMax}));
    const raised = Float64Array.from(m.spend, (v) => v * (1 + delta));
    const more = sum(leverContributions(raised, levers[i], {lMax}));
    return {contribution, roi: spent > 0 ? contribution / spent : 0, marginalRoi: spent > 0 ? (more - contribution) / (delta * spent) : 0};
  });
}

export interface SummaryOptions extends IntervalOptions {
  adstockLMax?: number;
  /** Weeks at the end of the data whose average spend is "current" (default 52). */
  currentWeeks?: number;
  /** ROI below which an effect is not considered detected (default 0.05: five cents per unit of spend). */
  minimumRoi?: number;
}

/** Per-lever summaries of the point fit and its bootstrap draws. */
export function summarizeLevers(data: MediaMixData, point: LeverResponse[], draws: LeverResponse[][], options: SummaryOptions = {}): LeverSummary[] {
  const {adstockLMax = Infinity, currentWeeks = 52, minimumRoi = 0.05} = options;
  const n = data.sales.length;
  const pointTotals = leverTotals(data, point, adstockLMax);
  const drawTotals = draws.map((d) => leverTotals(data, d, adstockLMax));
  const spends = data.media.map((m) => sum(m.spend));
  const allSpend = sum(spends);
  const allEffect = sum(pointTotals.map((t) => t.contribution));
  const from = Math.max(0, n - currentWeeks);
  return data.media.map((m, i) => {
    const col = <K extends keyof LeverResponse>(key: K) => draws.map((d) => d[i][key] as number);
    const roi = estimateFromDraws(pointTotals[i].roi, drawTotals.map((d) => d[i].roi), options, 0);
    let recent = 0;
    for (let t = from; t < n; t++) recent += m.spend[t];
    return {
      name: m.name,
      spend: spends[i],
      spendShare: allSpend > 0 ? spends[i] / allSpend : 0,
      currentWeeklySpend: recent / (n - from),
      contribution: estimateFromDraws(pointTotals[i].contribution, drawTotals.map((d) => d[i].contribution), options, 0),
      effectShare: allEffect > 0 ? pointTotals[i].contribution / allEffect : 0,
      roi,
      marginalRoi: estimateFromDraws(pointTotals[i].marginalRoi, drawTotals.map((d) => d[i].marginalRoi), options, 0),
      decay: estimateFromDraws(point[i].decay, col("decay"), options, 0, 1),
      halfSaturation: estimateFromDraws(point[i].halfSaturation, col("halfSaturation"), options, 0),
      shape: estimateFromDraws(point[i].shape, col("shape"), options, 0),
      beta: estimateFromDraws(point[i].beta, col("beta"), options, 0),
      halfLife: estimateFromDraws(adstockHalfLife(point[i].decay), draws.map((d) => adstockHalfLife(d[i].decay)), options, 0),
      effectDetected: roi.lower > minimumRoi
    };
  });
}

export interface BandedSeries {
  name: string;
  values: number[];
  lower: number[];
  upper: number[];
}

/** Weekly contribution of each lever with a band from the draws. */
export function contributionSeries(data: MediaMixData, point: LeverResponse[], draws: LeverResponse[][], options: SummaryOptions = {}): BandedSeries[] {
  const lMax = options.adstockLMax ?? Infinity;
  return data.media.map((m, i) => {
    const values = Array.from(leverContributions(m.spend, point[i], {lMax}));
    const perDraw = draws.map((d) => leverContributions(m.spend, d[i], {lMax}));
    const lower: number[] = [];
    const upper: number[] = [];
    for (let t = 0; t < values.length; t++) {
      const e = estimateFromDraws(values[t], perDraw.map((c) => c[t]), options, 0);
      lower.push(e.lower);
      upper.push(e.upper);
    }
    return {name: m.name, values, lower, upper};
  });
}

export interface ResponseCurve {
  name: string;
  /** Constant weekly spend. */
  spend: number[];
  /** Expected weekly incremental sales at that spend (steady state), with band. */
  response: number[];
  lower: number[];
  upper: number[];
  /** Marginal return per unit of weekly spend at each grid point (point estimate). */
  marginal: number[];
  currentWeeklySpend: number;
}

/**
 * Response curves on a spend grid from 0 to `maxMultiple` × max(current weekly spend, half-saturation)
 * with `points` points.
 */
export function responseCurves(point: LeverResponse[], draws: LeverResponse[][], currentWeeklySpend: number[], {points = 41, maxMultiple = 2.5, ...options}: IntervalOptions & {points?: number; maxMultiple?: number} = {}): ResponseCurve[] {
  return point.map((lever, i) => {
    const top = maxMultiple * Math.max(currentWeeklySpend[i], lever.halfSaturation);
    const spend = Array.from({length: points}, (_, j) => (top * j) / (points - 1));
    const response = spend.map((s) => steadyStateResponse(s, lever));
    const lower: number[] = [];
    const upper: number[] = [];
    spend.forEach((s, j) => {
      const e = estimateFromDraws(response[j], draws.map((d) => steadyStateResponse(s, d[i])), options, 0);
      lower.push(e.lower);
      upper.push(e.upper);
    });
    const h = top / (points - 1) / 100 || 1;
    const marginal = spend.map((s) => (steadyStateResponse(s + h, lever) - steadyStateResponse(Math.max(0, s - h), lever)) / (s + h - Math.max(0, s - h)));
    return {name: lever.name, spend, response, lower, upper, marginal, currentWeeklySpend: currentWeeklySpend[i]};
  });
}

export interface DecayCurve {
  name: string;
  lag: number[];
  /** Share of one week's spend that acts `lag` weeks later (normalised geometric weights), with band. */
  weight: number[];
  lower: number[];
  upper: number[];
}

/** Adstock decay curves over `lags` weeks. */
export function decayCurves(point: LeverResponse[], draws: LeverResponse[][], {lags = 13, adstockLMax = Infinity, ...options}: IntervalOptions & {lags?: number; adstockLMax?: number} = {}): DecayCurve[] {
  const window = Number.isFinite(adstockLMax) ? "finite" : "infinite";
  const L = Number.isFinite(adstockLMax) ? Math.min(lags, adstockLMax) : lags;
  const weightsOf = (decay: number) => adstockWeights(decay, Number.isFinite(adstockLMax) ? adstockLMax : L, {window}).subarray(0, L);
  return point.map((lever, i) => {
    const weight = Array.from(weightsOf(lever.decay));
    const perDraw = draws.map((d) => weightsOf(d[i].decay));
    const lower: number[] = [];
    const upper: number[] = [];
    weight.forEach((w, l) => {
      const e = estimateFromDraws(w, perDraw.map((p) => p[l]), options, 0, 1);
      lower.push(e.lower);
      upper.push(e.upper);
    });
    return {name: lever.name, lag: weight.map((_, l) => l), weight, lower, upper};
  });
}
