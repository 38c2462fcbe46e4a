/**
 * The Gamma-Gamma model of the value of a customer's transactions.
 *
 * Estimates: each transaction's value is gamma(p, nu) with the customer's own rate nu, and nu is
 * gamma(q, gamma) across customers; fitted by maximum likelihood on repeat purchasers' number of
 * repeat transactions x and their mean value m_x. Then the customer's expected spend per
 * transaction given (x, m_x): a weighted mean of the population mean p·gamma/(q-1) and m_x.
 *
 * References: Fader & Hardie (2013), "The Gamma-Gamma model of monetary value" (brucehardie.com
 * note 025), eqs. for f(m_x | p, q, gamma, x) and E(M | p, q, gamma, m_x, x); Colombo & Jiang
 * (1999), "A stochastic RFM model"; lifetimes' GammaGammaFitter (CamDavidsonPilon/lifetimes).
 *
 * Tests (test/analytics/clv.test.ts) prove: the note's CDNOW estimates p 6.25, q 3.74, gamma 15.44
 * and CLVTools' log-likelihood -4055.9177; Hardie's spreadsheet conditional means for the first ten
 * CDNOW customers; agreement to 1e-4 with an independent scipy fit.
 */
import digamma from "@stdlib/math-base-special-digamma";
import gammaln from "@stdlib/math-base-special-gammaln";
import {minimizeBfgs, minimizeNelderMead} from "./optimize.js";

/** Gamma-Gamma parameters: transaction value ~ gamma(shape p, rate nu), nu ~ gamma(shape q, rate gamma). */
export interface GammaGammaParams {
  p: number;
  q: number;
  gamma: number;
}

export interface GammaGammaData {
  /** Repeat transactions per customer; rows with 0 are skipped (they carry no spend information). */
  frequency: ArrayLike<number>;
  /** Mean value of the customer's repeat transactions. */
  monetary: ArrayLike<number>;
}

export interface GammaGammaFit extends GammaGammaParams {
  logLikelihood: number;
  /** Customers with frequency > 0 used in the fit. */
  customers: number;
  converged: boolean;
}

interface Prepared {
  x: Float64Array;
  m: Float64Array;
}

function prepare({frequency, monetary}: GammaGammaData): Prepared {
  if (frequency.length !== monetary.length) {
    throw new Error(`Gamma-Gamma: frequency and monetary must have the same length, found ${frequency.length} and ${monetary.length}`);
  }
  const xs: number[] = [];
  const ms: number[] = [];
  for (let i = 0; i < frequency.length; i++) {
    const x = frequency[i];
    if (!(Number.isInteger(x) && x >= 0)) throw new Error(`Gamma-Gamma: frequency must be a whole number >= 0, found ${x} at row ${i}`);
    if (x === 0) continue;
    const m = monetary[i];
    if (!(m > 0 && Number.isFinite(m))) throw new Error(`Gamma-Gamma: monetary value must be > 0 for a repeat purchaser, found ${m} at row ${i}`);
    xs.push(x);
    ms.push(m);
  }
  if (xs.length === 0) throw new Error("Gamma-Gamma: no customer with frequency > 0");
  return {x: Float64Array.from(xs), m: Float64Array.from(ms)};
}

/** Log-likelihood summed over customers and its gradient with respect to (log p, log q, log gamma). */
function logLikelihoodAndGradient({p, q, gamma}: GammaGammaParams, {x, m}: Prepared): {value: number; gradient: number[]} {
  let value = 0;
  let gp = 0;
  let gq = 0;
  let gg = 0;
  const lgQ = gammaln(q);
  const psiQ = digamma(q);
  const lnGamma = Math.log(gamma);
  for (let i = 0; i < x.length; i++) {
    const px = p * x[i];
    const lnM = Math.log(m[i]);
    const lnX = Math.log(x[i]);
    const total = gamma + x[i] * m[i];
    const lnTotal = Math.log(total);
    value += gammaln(px + q) - gammaln(px) - lgQ + q * lnGamma + (px - 1) * lnM + px * lnX - (px + q) * lnTotal;
    const psiPxQ = digamma(px + q);
    gp += x[i] * (psiPxQ - digamma(px) + lnM + lnX - lnTotal);
    gq += psiPxQ - psiQ + lnGamma - lnTotal;
    gg += q / gamma - (px + q) / total;
  }
  return {value, gradient: [gp * p, gq * q, gg * gamma]};
}

/** Gamma-Gamma log-likelihood of the given parameters over the repeat purchasers in `data`. */
export function gammaGammaLogLikelihood(params: GammaGammaParams, data: GammaGammaData): number {
  return logLikelihoodAndGradient(params, prepare(data)).value;
}

/**
 * Fit the Gamma-Gamma model by maximum likelihood (BFGS on log parameters with the analytic
 * gradient from two starts; a Nelder-Mead and BFGS polish of the best when BFGS stops short of
 * its gradient tolerance).
 */
export function fitGammaGamma(data: GammaGammaData, {starts}: {starts?: GammaGammaParams[]} = {}): GammaGammaFit {
  const d = prepare(data);
  const n = d.x.length;
  let meanM = 0;
  for (let i = 0; i < n; i++) meanM += d.m[i] / n;
  // (1, 2, mean m) has the population mean p·gamma/(q-1) equal to the sample mean.
  const startPoints = starts ?? [
    {p: 1, q: 1, gamma: 1},
    {p: 1, q: 2, gamma: meanM}
  ];
  const f = (u: number[]) => {
    if (u.some((v) => Math.abs(v) > 30)) return Infinity;
    const v = -logLikelihoodAndGradient({p: Math.exp(u[0]), q: Math.exp(u[1]), gamma: Math.exp(u[2])}, d).value / n;
    return Number.isFinite(v) ? v : Infinity;
  };
  const gradient = (u: number[]) =>
    logLikelihoodAndGradient({p: Math.exp(u[0]), q: Math.exp(u[1]), gamma: Math.exp(u[2])}, d).gradient.map((g) => -g / n);
  const bfgs = (u0: number[]) => minimizeBfgs(f, u0, {gradient, gradientTolerance: 1e-9, maxIterations: 1000});
  let best: {x: number[]; value: number; converged: boolean} | null = null;
  for (const s of startPoints) {
    const u0 = [s.p, s.q, s.gamma].map(Math.log);
    if (!Number.isFinite(f(u0))) continue;
    const result = bfgs(u0);
    if (best === null || result.value < best.value) best = result;
  }
  if (best === null) throw new Error("fitGammaGamma: the log-likelihood is not finite at any starting point");
  if (!best.converged) {
    const nm = minimizeNelderMead(f, best.x, {initialStep: [0.05, 0.05, 0.05], maxIterations: 2000, fTolerance: 1e-13, xTolerance: 1e-9});
    const again = bfgs(nm.x.slice());
    if (again.value <= best.value) best = again;
  }
  const [p, q, gamma] = best.x.map(Math.exp);
  return {p, q, gamma, logLikelihood: -best.value * n, customers: n, converged: best.converged};
}

/**
 * E(M | p, q, gamma, m_x, x): expected value of a customer's future transactions given x repeat
 * transactions of mean value m_x (Fader & Hardie 2013). For x = 0 it is the population mean
 * p·gamma/(q - 1), which exists only when q > 1.
 */
export function conditionalExpectedAverageValue(params: GammaGammaParams, frequency: number, monetary: number): number;
export function conditionalExpectedAverageValue(params: GammaGammaParams, frequency: ArrayLike<number>, monetary: ArrayLike<number>): number[];
export function conditionalExpectedAverageValue(
  params: GammaGammaParams,
  frequency: number | ArrayLike<number>,
  monetary: number | ArrayLike<number>
): number | number[] {
  const one = ({p, q, gamma}: GammaGammaParams, x: number, m: number) => {
    if (x === 0) return q > 1 ? (p * gamma) / (q - 1) : Infinity;
    return (p * (gamma + x * m)) / (p * x + q - 1);
  };
  if (typeof frequency === "number") return one(params, frequency, monetary as number);
  return Array.from(frequency, (x, i) => one(params, x, (monetary as ArrayLike<number>)[i]));
}
