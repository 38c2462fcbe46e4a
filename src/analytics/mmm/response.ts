/**
 * A media lever's response: adstock then saturation times its coefficient, over a spend history
 * (contributions, ROI, marginal ROI) or at a constant weekly spend (the response curve).
 *
 *   contribution_t = β · sat(adstock(x)_t; K, S)
 *   ROI            = Σ_t contribution_t / Σ_t x_t                       (Robyn's "ROAS", total)
 *   marginal ROI   = [C(x·(1 + δ)) − C(x)] / (δ·Σ_t x_t), δ = 1 %       (Robyn's mROAS: the return on
 *                    the next dollar if every week's spend rose in proportion)
 *   response curve = β · sat(s) for a constant weekly spend s (with normalised adstock the steady
 *                    state pressure of a constant spend s is s itself), so budgets can be compared
 *                    per week without simulating.
 *
 * References: Jin et al. (2017) eq. 1-4; Robyn's `robyn_response` and mROAS definitions
 * (facebookexperimental/Robyn, R/response.R). Tested in test/analytics/mmm-transforms.test.ts
 * (hand-computed contributions, the marginal ROI against the derivative of the curve).
 */
import {adstockGeometric, type AdstockOptions} from "./adstock.js";
import {saturate} from "./saturation.js";
import type {LeverResponse} from "./types.js";

/** Weekly incremental sales of one lever over its spend history. */
export function leverContributions(spend: ArrayLike<number>, lever: LeverResponse, adstock: AdstockOptions = {}): Float64Array {
  const a = adstockGeometric(spend, lever.decay, adstock);
  for (let t = 0; t < a.length; t++) a[t] = lever.beta * saturate(a[t], lever.saturation, lever.halfSaturation, lever.shape);
  return a;
}

/** Total incremental sales of one lever over the period (carry-over beyond the last week is not counted). */
export function leverTotalContribution(spend: ArrayLike<number>, lever: LeverResponse, adstock: AdstockOptions = {}): number {
  const c = leverContributions(spend, lever, adstock);
  let s = 0;
  for (let t = 0; t < c.length; t++) s += c[t];
  return s;
}

function total(x: ArrayLike<number>): number {
  let s = 0;
  for (let t = 0; t < x.length; t++) s += x[t];
  return s;
}

/** Contribution per unit of spend over the period (0 when nothing was spent). */
export function leverRoi(spend: ArrayLike<number>, lever: LeverResponse, adstock: AdstockOptions = {}): number {
  const spent = total(spend);
  return spent > 0 ? leverTotalContribution(spend, lever, adstock) / spent : 0;
}

/** Return on one more unit of spend, spread over the weeks in proportion to the actual spend. */
export function leverMarginalRoi(spend: ArrayLike<number>, lever: LeverResponse, adstock: AdstockOptions = {}, delta = 0.01): number {
  const spent = total(spend);
  if (!(spent > 0)) return 0;
  const raised = Float64Array.from(spend, (v) => v * (1 + delta));
  return (leverTotalContribution(raised, lever, adstock) - leverTotalContribution(spend, lever, adstock)) / (delta * spent);
}

/** Expected weekly incremental sales at a constant weekly spend (steady state of adstock, then saturation). */
export function steadyStateResponse(weeklySpend: number, lever: LeverResponse): number {
  return lever.beta * saturate(weeklySpend, lever.saturation, lever.halfSaturation, lever.shape);
}
