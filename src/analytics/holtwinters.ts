/**
 * Holt-Winters exponential smoothing: level, optional (damped) additive trend, and additive or
 * multiplicative seasonality of period m, fitted by least squares on one-step-ahead errors.
 *
 * Estimates: the smoothing parameters alpha (level), beta (trend), gamma (season), the damping
 * phi, and the initial states (level, trend, m seasonal factors) that minimise the sum of squared
 * one-step-ahead errors (SSE); then fitted values, residuals and the final states to forecast from.
 *
 * Recursions (Hyndman & Athanasopoulos, "Forecasting: principles and practice", sec. 7.3; identical
 * to statsmodels' `ExponentialSmoothing` and, as point recursions, to the innovations state space
 * models ETS(A,Ad,A) / ETS(M,Ad,M) of Hyndman, Koehler, Ord & Snyder 2008 with beta* = alpha*beta):
 *   T_t = l_{t-1} + phi b_{t-1}                      (trend-adjusted level)
 *   additive:        yhat_t = T_t + s_{t-m};  l_t = alpha (y_t - s_{t-m}) + (1 - alpha) T_t
 *                    s_t = gamma (y_t - T_t) + (1 - gamma) s_{t-m}
 *   multiplicative:  yhat_t = T_t s_{t-m};    l_t = alpha y_t / s_{t-m} + (1 - alpha) T_t
 *                    s_t = gamma y_t / T_t + (1 - gamma) s_{t-m}
 *   b_t = beta (l_t - l_{t-1}) + (1 - beta) phi b_{t-1}
 * (R's `HoltWinters` uses l_t instead of T_t in the seasonal update — Winters' 1960 form — and
 * fits from observation m + 1 with states from a decomposition; see docs/models/forecast.md.)
 *
 * Initial states (./holtwintersinit.ts): "heuristic" is Hyndman et al. (2008, sec. 2.6.1) exactly
 * as statsmodels' `_initialization_heuristic`; "estimated" (default) starts from it and optimises
 * the states with the smoothing parameters, as statsmodels' `initialization_method="estimated"`;
 * "known" takes them from the caller (to reproduce another implementation's fit exactly).
 *
 * Fitting: parameters are mapped to an unbounded space (logistic transforms; the "usual" region of
 * Hyndman et al. 2008 and R's forecast::ets(bounds = "usual") — 0 < alpha < 1, 0 < beta* < alpha,
 * i.e. 0 < beta < 1, 0 < gamma < 1 - alpha, phi in [0.8, 0.98] — or the box (0, 1)^3 of R's
 * HoltWinters), a coarse grid over the smoothing
 * parameters picks several distinct starts, and BFGS (src/analytics/optimize.ts) runs from each
 * with the exact gradient of the SSE, computed by a reverse (adjoint) pass through the recursion.
 *
 * Tests (test/analytics/forecast.test.ts) prove: fitted values, SSE and final states equal
 * statsmodels' and R forecast::ets's with fixed parameters and initial states (1e-6 relative
 * required, ~1e-15 found) on
 * AirPassengers and daily series; heuristic states equal statsmodels'; the free fit's SSE is at
 * most statsmodels' (x 1.001) and its forecasts agree with the statsmodels fit at the same optimum
 * within 1%; the adjoint gradient equals finite differences; a noiseless trend + season is recovered.
 */
import {defaultInitialStates, heuristicInitialStates} from "./holtwintersinit.js";
import {minimizeBfgs} from "./optimize.js";

export {heuristicInitialStates, simpleInitialStates} from "./holtwintersinit.js";

export type TrendType = "none" | "additive";
export type SeasonalType = "none" | "additive" | "multiplicative";

/** The model's structure: which components it has and the season length m. */
export interface HoltWintersModel {
  trend: TrendType;
  damped: boolean;
  seasonal: SeasonalType;
  /** Season length m (7 for daily data with a weekly cycle, 12 for monthly); 1 without season. */
  period: number;
}

/**
 * Smoothing parameters in Holt-Winters form. A component the model lacks has beta = 0, gamma = 0;
 * an undamped trend has phi = 1. The ETS trend parameter of Hyndman et al. (2008) is alpha * beta.
 */
export interface SmoothingParameters {
  alpha: number;
  beta: number;
  gamma: number;
  phi: number;
}

/**
 * States before the first observation. `seasonal[j]` is the factor applied to observation j
 * (j = 0..m-1), oldest first — statsmodels' `initial_seasonal` order for ExponentialSmoothing.
 */
export interface InitialStates {
  level: number;
  trend: number;
  seasonal: number[];
}

export interface HoltWintersOptions {
  trend?: TrendType;
  damped?: boolean;
  /** Default "additive" when `period` > 1 is given, else "none". */
  seasonal?: SeasonalType;
  period?: number;
  /**
   * "estimated" (default): initial states optimised with the parameters, starting from the
   * heuristic or from `initial` when given. "heuristic": fixed at Hyndman et al.'s heuristic.
   * "known": fixed at `initial`.
   */
  initialization?: "estimated" | "heuristic" | "known";
  initial?: InitialStates;
  /** Smoothing parameters to hold fixed; the others are estimated. */
  params?: Partial<SmoothingParameters>;
  /** "usual" (default): gamma < 1 - alpha (Hyndman et al. 2008); "box": each of alpha, beta, gamma in (0, 1). */
  region?: "usual" | "box";
  /** Range of phi when estimated (default [0.8, 0.98], as R's forecast::ets; statsmodels uses [0.8, 0.995]). */
  dampingBounds?: [number, number];
  /** Number of BFGS starts taken from the grid (default 4). */
  starts?: number;
}

export interface HoltWintersFit {
  model: HoltWintersModel;
  params: SmoothingParameters;
  initial: InitialStates;
  /** One-step-ahead forecasts yhat_t for each observation. */
  fitted: number[];
  /** y_t - yhat_t. */
  residuals: number[];
  /** States after observation t (level l_t, trend b_t, seasonal s_t), one per observation. */
  level: number[];
  trend: number[];
  season: number[];
  /** States at the end of the data; `seasonal[k]` applies to the (k+1)-th period ahead (k < m). */
  final: {level: number; trend: number; seasonal: number[]};
  sse: number;
  /** SSE / (n - k): variance of additive one-step errors. */
  sigma2: number;
  /** Sum of (residual / fitted)^2 / (n - k): variance of relative errors (multiplicative error reading). */
  relativeSigma2: number;
  /** k: 2 + 2 (trend) + 1 (damped) + m (season: gamma and m - 1 free factors), as statsmodels' AIC. */
  parameterCount: number;
  observations: number;
  /** n log(SSE / n) + 2k, and the AICc and BIC with the same k, as statsmodels' HoltWintersResults. */
  aic: number;
  aicc: number;
  bic: number;
  optimization: {
    /** Whether the best BFGS run met its gradient tolerance (true when nothing was estimated). */
    converged: boolean;
    /** Forward passes of the recursion (SSE evaluations) used by the grid and all BFGS runs. */
    evaluations: number;
    /** SSE reached from each start (empty when nothing was estimated). */
    starts: {start: SmoothingParameters; sse: number}[];
  };
}

/** Resolves options into a model, with checks that say what was expected. */
export function holtWintersModel(options: Pick<HoltWintersOptions, "trend" | "damped" | "seasonal" | "period"> = {}): HoltWintersModel {
  const trend = options.trend ?? "additive";
  const seasonal = options.seasonal ?? (options.period !== undefined && options.period > 1 ? "additive" : "none");
  const damped = options.damped ?? false;
  if (trend !== "none" && trend !== "additive") throw new Error(`holtWinters: trend must be "none" or "additive", got ${JSON.stringify(trend)}`);
  if (seasonal !== "none" && seasonal !== "additive" && seasonal !== "multiplicative")
    throw new Error(`holtWinters: seasonal must be "none", "additive" or "multiplicative", got ${JSON.stringify(seasonal)}`);
  if (damped && trend === "none") throw new Error("holtWinters: damped: true needs a trend");
  let period = 1;
  if (seasonal !== "none") {
    period = options.period ?? NaN;
    if (!Number.isInteger(period) || period < 2) throw new Error(`holtWinters: a seasonal model needs an integer period >= 2 (7 for daily data, 12 for monthly), got ${options.period}`);
  }
  return {trend, damped, seasonal, period};
}

function checkSeries(y: ArrayLike<number>, model: HoltWintersModel): Float64Array {
  const values = Float64Array.from(y);
  values.forEach((v, i) => {
    if (!Number.isFinite(v)) throw new Error(`holtWinters: the series must be finite numbers; value ${i} is ${y[i]}`);
    if (model.seasonal === "multiplicative" && v <= 0) throw new Error(`holtWinters: multiplicative seasonality needs positive values; value ${i} is ${v}`);
  });
  return values;
}

/**
 * The recursion and its exact gradient. theta = [alpha, beta, gamma, phi, l0, b0, s_0..s_{m-1}].
 * Forward pass: states L[t], B[t] (t = 0..n) and S[t] (t = 0..n+m-1; S[t] multiplies or is added
 * to observation t); returns the SSE. With `grad`, a reverse (adjoint) pass fills dSSE/dtheta.
 */
function makeEvaluator(y: Float64Array, model: HoltWintersModel) {
  const n = y.length;
  const m = model.seasonal === "none" ? 1 : model.period;
  const hasTrend = model.trend !== "none";
  // 0: no season, 1: additive, 2: multiplicative (numbers, so the loops do not compare strings).
  const kind = model.seasonal === "none" ? 0 : model.seasonal === "additive" ? 1 : 2;
  const L = new Float64Array(n + 1);
  const B = new Float64Array(n + 1);
  const S = new Float64Array(n + m);
  const E = new Float64Array(n);
  const aL = new Float64Array(n + 1);
  const aB = new Float64Array(n + 1);
  const aS = new Float64Array(n + m);
  const last = new Float64Array(6 + m).fill(NaN); // theta of the stored forward pass
  let lastSse = NaN;
  let evaluations = 0;

  function forward(theta: ArrayLike<number>): number {
    let same = true;
    for (let i = 0; i < last.length; i++) if (last[i] !== theta[i]) same = false;
    if (same) return lastSse;
    for (let i = 0; i < last.length; i++) last[i] = theta[i];
    evaluations++;
    const alpha = theta[0];
    const beta = hasTrend ? theta[1] : 0;
    const gamma = kind === 0 ? 0 : theta[2];
    const phi = hasTrend ? theta[3] : 0;
    L[0] = theta[4];
    B[0] = hasTrend ? theta[5] : 0;
    if (kind !== 0) for (let j = 0; j < m; j++) S[j] = theta[6 + j];
    let sse = 0;
    for (let t = 0; t < n; t++) {
      const yt = y[t];
      const T = L[t] + phi * B[t];
      let e: number;
      if (kind === 2) {
        const s = S[t];
        e = yt - T * s;
        L[t + 1] = (alpha * yt) / s + (1 - alpha) * T;
        S[t + m] = (gamma * yt) / T + (1 - gamma) * s;
      } else if (kind === 1) {
        const s = S[t];
        e = yt - T - s;
        L[t + 1] = alpha * (yt - s) + (1 - alpha) * T;
        S[t + m] = gamma * (yt - T) + (1 - gamma) * s;
      } else {
        e = yt - T;
        L[t + 1] = alpha * yt + (1 - alpha) * T;
      }
      if (hasTrend) B[t + 1] = beta * (L[t + 1] - L[t]) + (1 - beta) * phi * B[t];
      E[t] = e;
      sse += e * e;
    }
    lastSse = sse;
    return sse;
  }

  function run(theta: ArrayLike<number>, grad?: Float64Array): number {
    const sse = forward(theta);
    if (!grad) return sse;
    const alpha = theta[0];
    const beta = hasTrend ? theta[1] : 0;
    const gamma = kind === 0 ? 0 : theta[2];
    const phi = hasTrend ? theta[3] : 0;
    aL.fill(0);
    aB.fill(0);
    aS.fill(0);
    let gAlpha = 0;
    let gBeta = 0;
    let gGamma = 0;
    let gPhi = 0;
    for (let t = n - 1; t >= 0; t--) {
      const yt = y[t];
      const T = L[t] + phi * B[t];
      if (hasTrend) {
        const gb = aB[t + 1];
        aL[t + 1] += beta * gb;
        aL[t] -= beta * gb;
        aB[t] += (1 - beta) * phi * gb;
        gBeta += (L[t + 1] - L[t] - phi * B[t]) * gb;
        gPhi += (1 - beta) * B[t] * gb;
      }
      const gl = aL[t + 1];
      const dmu = -2 * E[t];
      let dT: number;
      if (kind === 2) {
        const s = S[t];
        const gs = aS[t + m];
        dT = (1 - alpha) * gl - ((gamma * yt) / (T * T)) * gs + dmu * s;
        aS[t] += ((-alpha * yt) / (s * s)) * gl + (1 - gamma) * gs + dmu * T;
        gAlpha += (yt / s - T) * gl;
        gGamma += (yt / T - s) * gs;
      } else if (kind === 1) {
        const s = S[t];
        const gs = aS[t + m];
        dT = (1 - alpha) * gl - gamma * gs + dmu;
        aS[t] += -alpha * gl + (1 - gamma) * gs + dmu;
        gAlpha += (yt - s - T) * gl;
        gGamma += (yt - T - s) * gs;
      } else {
        dT = (1 - alpha) * gl + dmu;
        gAlpha += (yt - T) * gl;
      }
      aL[t] += dT;
      if (hasTrend) {
        aB[t] += phi * dT;
        gPhi += B[t] * dT;
      }
    }
    grad.fill(0);
    grad[0] = gAlpha;
    grad[1] = gBeta;
    grad[2] = gGamma;
    grad[3] = gPhi;
    grad[4] = aL[0];
    grad[5] = hasTrend ? aB[0] : 0;
    if (kind !== 0) for (let j = 0; j < m; j++) grad[6 + j] = aS[j];
    return sse;
  }

  return {run, L, B, S, E, m, evaluationCount: () => evaluations};
}

function theta(model: HoltWintersModel, params: SmoothingParameters, initial: InitialStates): Float64Array {
  const m = model.seasonal === "none" ? 1 : model.period;
  const th = new Float64Array(6 + m);
  th[0] = params.alpha;
  th[1] = params.beta;
  th[2] = params.gamma;
  th[3] = model.trend === "none" ? 0 : model.damped ? params.phi : 1;
  th[4] = initial.level;
  th[5] = initial.trend;
  if (model.seasonal !== "none") for (let j = 0; j < m; j++) th[6 + j] = initial.seasonal[j];
  return th;
}

/**
 * SSE of the one-step-ahead errors and its gradient with respect to
 * [alpha, beta, gamma, phi, level, trend, seasonal...] (exposed for tests and diagnostics).
 */
export function holtWintersSse(
  y: ArrayLike<number>,
  model: HoltWintersModel,
  params: SmoothingParameters,
  initial: InitialStates
): {sse: number; gradient: number[]} {
  const ev = makeEvaluator(checkSeries(y, model), model);
  const g = new Float64Array(6 + ev.m);
  const sse = ev.run(theta(model, params, initial), g);
  return {sse, gradient: Array.from(g)};
}

const logistic = (u: number) => 1 / (1 + Math.exp(-u));
const logit = (p: number) => {
  const q = Math.min(Math.max(p, 1e-9), 1 - 1e-9);
  return Math.log(q / (1 - q));
};

/**
 * Maps the optimiser's unbounded vector u to theta and back, for the free parameters only.
 * u = [free smoothing parameters (alpha, beta, gamma, phi order), scaled states when estimated].
 * Smoothing parameters: alpha = aHi sigma(u), beta = sigma(u), gamma = gHi sigma(u) with
 * gHi = 1 - alpha in the usual region, phi = lo + (hi - lo) sigma(u). States: level, trend and
 * additive seasonals divided by `scale`; multiplicative seasonals as they are.
 */
function makeParameterization(model: HoltWintersModel, fixed: Partial<SmoothingParameters>, estimateStates: boolean, fixedStates: InitialStates, region: "usual" | "box", dampingBounds: [number, number], scale: number) {
  const hasTrend = model.trend !== "none";
  const hasSeason = model.seasonal !== "none";
  const m = hasSeason ? model.period : 1;
  const free = {
    alpha: fixed.alpha === undefined,
    beta: hasTrend && fixed.beta === undefined,
    gamma: hasSeason && fixed.gamma === undefined,
    phi: model.damped && fixed.phi === undefined
  };
  const usual = region === "usual";
  const [phiLo, phiHi] = dampingBounds;
  const alphaHi = () => (usual && hasSeason && !free.gamma ? 1 - (fixed.gamma as number) : 1);
  const gammaHi = (alpha: number) => (usual ? 1 - alpha : 1);
  const smoothingCount = Number(free.alpha) + Number(free.beta) + Number(free.gamma) + Number(free.phi);
  const stateCount = estimateStates ? 1 + Number(hasTrend) + (hasSeason ? m : 0) : 0;
  const seasonScale = model.seasonal === "multiplicative" ? 1 : scale;

  function toTheta(u: ArrayLike<number>, th: Float64Array) {
    let k = 0;
    const alpha = free.alpha ? alphaHi() * logistic(u[k++]) : (fixed.alpha as number);
    const beta = !hasTrend ? 0 : free.beta ? logistic(u[k++]) : (fixed.beta as number);
    const gamma = !hasSeason ? 0 : free.gamma ? gammaHi(alpha) * logistic(u[k++]) : (fixed.gamma as number);
    const phi = !hasTrend ? 0 : !model.damped ? 1 : free.phi ? phiLo + (phiHi - phiLo) * logistic(u[k++]) : (fixed.phi as number);
    th[0] = alpha;
    th[1] = beta;
    th[2] = gamma;
    th[3] = phi;
    if (estimateStates) {
      th[4] = scale * u[k++];
      th[5] = hasTrend ? scale * u[k++] : 0;
      if (hasSeason) for (let j = 0; j < m; j++) th[6 + j] = seasonScale * u[k++];
    } else {
      th[4] = fixedStates.level;
      th[5] = hasTrend ? fixedStates.trend : 0;
      if (hasSeason) for (let j = 0; j < m; j++) th[6 + j] = fixedStates.seasonal[j];
    }
  }

  /** Chain rule: dSSE/dtheta -> dSSE/du. */
  function gradient(u: ArrayLike<number>, th: Float64Array, gTheta: Float64Array, gu: number[]) {
    let k = 0;
    let dAlphaDu = 0;
    let alphaIndex = -1;
    if (free.alpha) {
      const p = logistic(u[k]);
      dAlphaDu = alphaHi() * p * (1 - p);
      gu[k] = gTheta[0] * dAlphaDu;
      alphaIndex = k++;
    }
    if (free.beta) {
      const p = logistic(u[k]);
      gu[k++] = gTheta[1] * p * (1 - p);
    }
    if (free.gamma) {
      const p = logistic(u[k]);
      gu[k++] = gTheta[2] * gammaHi(th[0]) * p * (1 - p);
      // gamma = (1 - alpha) sigma(u_gamma) also moves with alpha in the usual region.
      if (usual && alphaIndex >= 0) gu[alphaIndex] += gTheta[2] * -p * dAlphaDu;
    }
    if (free.phi) {
      const p = logistic(u[k]);
      gu[k++] = gTheta[3] * (phiHi - phiLo) * p * (1 - p);
    }
    if (estimateStates) {
      gu[k++] = gTheta[4] * scale;
      if (hasTrend) gu[k++] = gTheta[5] * scale;
      if (hasSeason) for (let j = 0; j < m; j++) gu[k++] = gTheta[6 + j] * seasonScale;
    }
  }

  /** Starting vector from smoothing parameters and states. */
  function fromValues(p: SmoothingParameters, states: InitialStates): number[] {
    const u: number[] = [];
    if (free.alpha) u.push(logit(p.alpha / alphaHi()));
    if (free.beta) u.push(logit(p.beta));
    if (free.gamma) u.push(logit(p.gamma / gammaHi(p.alpha)));
    if (free.phi) u.push(logit((p.phi - phiLo) / (phiHi - phiLo)));
    if (estimateStates) {
      u.push(states.level / scale);
      if (hasTrend) u.push(states.trend / scale);
      if (hasSeason) for (let j = 0; j < m; j++) u.push(states.seasonal[j] / seasonScale);
    }
    return u;
  }

  return {free, smoothingCount, size: smoothingCount + stateCount, toTheta, gradient, fromValues, alphaHi, gammaHi, phiLo, phiHi};
}

/**
 * Fits a Holt-Winters model to a series by minimising the sum of squared one-step-ahead errors.
 * With all smoothing parameters given and initialization "known" or "heuristic", nothing is
 * estimated and the recursion simply runs (that is how fits are checked against statsmodels).
 */
export function fitHoltWinters(series: ArrayLike<number>, options: HoltWintersOptions = {}): HoltWintersFit {
  const model = holtWintersModel(options);
  const y = checkSeries(series, model);
  const n = y.length;
  const hasTrend = model.trend !== "none";
  const hasSeason = model.seasonal !== "none";
  const m = hasSeason ? model.period : 1;
  const initialization = options.initialization ?? "estimated";
  const region = options.region ?? "usual";
  const dampingBounds = options.dampingBounds ?? [0.8, 0.98];
  const fixed = {...(options.params ?? {})};
  if (!hasTrend) fixed.beta = 0;
  if (!hasSeason) fixed.gamma = 0;
  if (!model.damped) fixed.phi = hasTrend ? 1 : 0;
  for (const key of ["alpha", "beta", "gamma", "phi"] as const) {
    const v = fixed[key];
    if (v !== undefined && !(v >= 0 && v <= 1)) throw new Error(`fitHoltWinters: params.${key} must be in [0, 1], got ${v}`);
  }
  if (!(dampingBounds[0] > 0 && dampingBounds[0] < dampingBounds[1] && dampingBounds[1] <= 1))
    throw new Error(`fitHoltWinters: dampingBounds must satisfy 0 < lo < hi <= 1, got [${dampingBounds}]`);
  if (region !== "usual" && region !== "box") throw new Error(`fitHoltWinters: region must be "usual" or "box", got ${JSON.stringify(region)}`);

  const minimum = hasSeason ? 2 * m : 3;
  if (n < minimum) throw new Error(`fitHoltWinters: needs at least ${minimum} observations for this model${hasSeason ? ` (two seasons of ${m})` : ""}, got ${n}`);
  if (options.initial) {
    const {level, trend, seasonal} = options.initial;
    if (!Number.isFinite(level) || (hasTrend && !Number.isFinite(trend))) throw new Error(`fitHoltWinters: initial.level and initial.trend must be finite numbers, got ${level} and ${trend}`);
    if (hasSeason && (seasonal?.length !== m || !seasonal.every(Number.isFinite)))
      throw new Error(`fitHoltWinters: initial.seasonal must hold ${m} finite values (one per period, oldest first), got ${JSON.stringify(seasonal)}`);
  }
  let states: InitialStates;
  if (initialization === "known") {
    const init = options.initial;
    if (!init) throw new Error('fitHoltWinters: initialization "known" needs options.initial {level, trend, seasonal}');
    states = {level: init.level, trend: hasTrend ? init.trend : 0, seasonal: hasSeason ? init.seasonal.slice() : []};
  } else if (initialization === "heuristic") {
    states = heuristicInitialStates(y, model);
  } else if (initialization === "estimated") {
    states = options.initial ? {level: options.initial.level, trend: hasTrend ? options.initial.trend : 0, seasonal: hasSeason ? options.initial.seasonal.slice() : []} : defaultInitialStates(y, model);
  } else {
    throw new Error(`fitHoltWinters: initialization must be "estimated", "heuristic" or "known", got ${JSON.stringify(initialization)}`);
  }

  const ev = makeEvaluator(y, model);
  const estimateStates = initialization === "estimated";
  let scale = 0;
  for (let i = 0; i < n; i++) scale += Math.abs(y[i]);
  scale = scale / n || 1;
  const par = makeParameterization(model, fixed, estimateStates, states, region, dampingBounds, scale);
  const th = new Float64Array(6 + m);
  const gTheta = new Float64Array(6 + m);
  const norm = 1 / (n * scale * scale);

  let bestTheta: Float64Array;
  let converged = true;
  const startsReport: {start: SmoothingParameters; sse: number}[] = [];
  if (par.size === 0) {
    bestTheta = theta(model, {alpha: fixed.alpha!, beta: fixed.beta!, gamma: fixed.gamma!, phi: fixed.phi!}, states);
  } else {
    const objective = (u: number[]) => {
      par.toTheta(u, th);
      const v = ev.run(th) * norm;
      return Number.isFinite(v) ? v : Infinity;
    };
    const gradient = (u: number[]) => {
      par.toTheta(u, th);
      ev.run(th, gTheta);
      const gu = new Array(u.length).fill(0);
      par.gradient(u, th, gTheta, gu);
      return gu.map((g) => (Number.isFinite(g) ? g * norm : 0));
    };
    // Grid over the free smoothing parameters with the starting states, scored by SSE.
    const grid = smoothingGrid(par, fixed);
    const scored = grid
      .map((p) => ({p, f: objective(par.fromValues(p, states))}))
      .filter((c) => Number.isFinite(c.f))
      .sort((a, b) => a.f - b.f);
    const chosen: SmoothingParameters[] = [];
    const wanted = Math.max(1, options.starts ?? 4);
    // First the best point of each quadrant (alpha low/high x gamma low/high, or beta without a
    // season): SSE surfaces of seasonal models often have one optimum with a high alpha and a
    // frozen season (gamma ~ 0) and another with a moderate alpha and an active season.
    const quadrant = (p: SmoothingParameters) =>
      Number(p.alpha >= 0.4 * par.alphaHi()) + 2 * Number(hasSeason ? p.gamma >= 0.1 * par.gammaHi(p.alpha) : p.beta >= 0.1);
    const seen = new Set<number>();
    for (const c of scored) {
      if (chosen.length >= wanted) break;
      if (!seen.has(quadrant(c.p))) {
        seen.add(quadrant(c.p));
        chosen.push(c.p);
      }
    }
    for (const c of scored) {
      if (chosen.length >= wanted) break;
      const far = chosen.every((q) => Math.max(Math.abs(q.alpha - c.p.alpha), Math.abs(q.beta - c.p.beta), Math.abs(q.gamma - c.p.gamma), Math.abs(q.phi - c.p.phi)) >= 0.2);
      if (far) chosen.push(c.p);
    }
    if (chosen.length === 0) throw new Error("fitHoltWinters: the SSE is not finite at any starting point (check the series and the model)");
    // Each start is explored with a loose tolerance; the best end point is then polished. Each run
    // minimises SSE / SSE(start) so that BFGS's tolerances are relative.
    const runBfgs = (u0: number[], gradientTolerance: number, maxIterations: number) => {
      const f0 = objective(u0);
      if (f0 === 0) return {u: u0, value: 0, converged: true}; // an exact fit: nothing to improve
      const f = (u: number[]) => objective(u) / f0;
      const g = (u: number[]) => gradient(u).map((v) => v / f0);
      const result = minimizeBfgs(f, u0, {gradient: g, gradientTolerance, maxIterations});
      return {u: result.x, value: result.value * f0, converged: result.converged};
    };
    let best: {u: number[]; value: number; converged: boolean} | null = null;
    for (const start of chosen) {
      const result = runBfgs(par.fromValues(start, states), 1e-5, 100);
      startsReport.push({start, sse: result.value / norm});
      if (!best || result.value < best.value) best = result;
    }
    for (let polish = 0; polish < 3; polish++) {
      // Tight tolerance, with a fresh inverse-Hessian estimate each time from where the last run stopped.
      const result = runBfgs(best!.u, 1e-8, 1000);
      if (result.value <= best!.value) best = result;
      if (best!.converged) break;
    }
    par.toTheta(best!.u, th);
    bestTheta = th.slice();
    converged = best!.converged;
  }

  const sse = ev.run(bestTheta);
  const params: SmoothingParameters = {alpha: bestTheta[0], beta: hasTrend ? bestTheta[1] : 0, gamma: hasSeason ? bestTheta[2] : 0, phi: hasTrend ? bestTheta[3] : 1};
  const initial: InitialStates = {level: bestTheta[4], trend: hasTrend ? bestTheta[5] : 0, seasonal: hasSeason ? Array.from(bestTheta.subarray(6, 6 + m)) : []};
  const fitted = Array.from(y, (v, t) => v - ev.E[t]);
  const residuals = Array.from(ev.E);
  const k = 2 + (hasTrend ? 2 : 0) + (model.damped ? 1 : 0) + (hasSeason ? m : 0);
  const dof = n > k ? n - k : n;
  let relSse = 0;
  for (let t = 0; t < n; t++) relSse += (residuals[t] / fitted[t]) ** 2;
  const aic = n * Math.log(sse / n) + 2 * k;
  return {
    model,
    params,
    initial,
    fitted,
    residuals,
    level: Array.from(ev.L.subarray(1, n + 1)),
    trend: hasTrend ? Array.from(ev.B.subarray(1, n + 1)) : new Array(n).fill(0),
    season: hasSeason ? Array.from(ev.S.subarray(m, n + m)) : new Array(n).fill(0),
    final: {level: ev.L[n], trend: hasTrend ? ev.B[n] : 0, seasonal: hasSeason ? Array.from(ev.S.subarray(n, n + m)) : []},
    sse,
    sigma2: sse / dof,
    relativeSigma2: relSse / dof,
    parameterCount: k,
    observations: n,
    aic,
    aicc: n - k - 3 > 0 ? aic + (2 * (k + 2) * (k + 3)) / (n - k - 3) : Infinity,
    bic: n * Math.log(sse / n) + k * Math.log(n),
    optimization: {converged, evaluations: ev.evaluationCount(), starts: startsReport}
  };
}

/**
 * Point forecasts for h = 1..horizon from the fit's final states (Hyndman et al. 2008, Table 2.1):
 * (l_n + phi_h b_n) (+ or x) s_{n+h-m(k+1)}, phi_h = phi + ... + phi^h, k = floor((h - 1) / m).
 */
export function pointForecast(fit: HoltWintersFit, horizon: number): number[] {
  if (!Number.isInteger(horizon) || horizon < 1) throw new Error(`pointForecast: horizon must be a positive integer, got ${horizon}`);
  const {model, params, final} = fit;
  const m = model.seasonal === "none" ? 1 : model.period;
  const phi = model.damped ? params.phi : 1;
  const out: number[] = [];
  let phiH = 0;
  let power = 1;
  for (let h = 1; h <= horizon; h++) {
    power *= phi;
    phiH += power;
    const T = final.level + (model.trend === "none" ? 0 : phiH * final.trend);
    const s = model.seasonal === "none" ? 0 : final.seasonal[(h - 1) % m];
    out.push(model.seasonal === "multiplicative" ? T * s : T + s);
  }
  return out;
}

function smoothingGrid(par: ReturnType<typeof makeParameterization>, fixed: Partial<SmoothingParameters>): SmoothingParameters[] {
  const alphas = par.free.alpha ? [0.05, 0.15, 0.3, 0.5, 0.7, 0.9].map((a) => a * par.alphaHi()) : [fixed.alpha as number];
  const betas = par.free.beta ? [0.01, 0.1, 0.3] : [fixed.beta as number];
  const gammaFractions = par.free.gamma ? [0.01, 0.15, 0.4, 0.7] : [NaN];
  const phis = par.free.phi ? [0.25, 0.75].map((f) => par.phiLo + f * (par.phiHi - par.phiLo)) : [fixed.phi as number];
  const out: SmoothingParameters[] = [];
  for (const alpha of alphas)
    for (const beta of betas)
      for (const g of gammaFractions)
        for (const phi of phis) out.push({alpha, beta, gamma: Number.isNaN(g) ? (fixed.gamma as number) : g * par.gammaHi(alpha), phi});
  return out;
}
