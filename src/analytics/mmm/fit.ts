/**
 * Point fit of the market mix model: the nonlinear media parameters (adstock decay, half-saturation,
 * Hill shape) searched by BFGS from several seeded starts, the linear coefficients solved exactly
 * inside every evaluation (ridge least squares, media coefficients non-negative).
 *
 *   sales_t = Σ_m β_m · sat(adstock(spend_m; θ_m)_t; K_m, S_m) + Σ_j γ_j z_{j,t} + ε_t,  ε ~ N(0, σ²)
 *
 * For given (θ, K, S) the model is linear in (β, γ), so those are profiled out (variable projection,
 * Golub & Pereyra 1973): the search runs over 3 parameters per lever only. The objective is the
 * profile negative log-likelihood with σ² profiled too, (n/2)·log(F/n), F = RSS + ridge penalty on
 * the controls, plus weak Gaussian penalties on the transformed nonlinear parameters — a MAP
 * estimate under weak priors, in the spirit of PyMC-Marketing's priors on adstock and saturation
 * and of Robyn's hyperparameter bounds:
 *
 *   logit(θ/θmax) ~ N(0, 1.5²),  log(K / mean weekly spend) ~ N(0, 1²),  log S ~ N(0, 0.5²)
 *
 * plus walls at K ∈ [e^-4, e^4] × mean spend and S ∈ [0.3, 5]. Its gradient is exact and cheap: by
 * the envelope theorem (the inner problem is solved exactly, and coefficients held at zero by the
 * constraint have β = 0), ∂F/∂θ_j = −2 β_m Σ_t r_t ∂z_{t,m}/∂θ_j, with ∂z/∂θ from the adstock
 * recursion and the saturation's derivatives. So the search is BFGS with that gradient
 * (src/analytics/optimize.ts) — 3.6 times fewer objective evaluations than Nelder-Mead at 4 levers,
 * 10 times fewer at 8 (docs/performance/mmm.md) — followed by one Nelder-Mead polish from its end
 * point (robust where a lever's coefficient hits zero and the objective has a kink). Starts:
 * `screen` points drawn from the priors, the best `starts` of them run to convergence.
 * References: Jin et al. (2017) for the model; Robyn (facebookexperimental/Robyn) for the
 * ridge-inside/optimiser-outside split (Robyn uses glmnet ridge and Nevergrad); Lawson & Hanson
 * (1974) for the inner non-negative solve.
 *
 * Tests (test/analytics/mmm-fit.test.ts) prove: recovery of the simulation's true ROI for every
 * lever within 20 %, a lever without effect gets β ≈ 0, determinism for a seed, and agreement with
 * the PyMC-Marketing example's true contributions (test/analytics/mmm-pymc.test.ts).
 */
import {adstockGeometric} from "./adstock.js";
import {buildBaseDesign, unstandardizeCoefficients, type BaseDesign} from "./design.js";
import {solveNonNegativeQuadratic} from "./least-squares.js";
import {minimizeBfgs, minimizeNelderMead} from "../optimize.js";
import {Random} from "../random.js";
import {saturate, type SaturationKind} from "./saturation.js";
import type {LeverResponse, MediaMixData} from "./types.js";

export interface PriorOptions {
  /** sd of logit(decay / maxDecay) around 0 (default 1.5). */
  decaySd?: number;
  /** sd of log(halfSaturation / mean weekly spend) around 0 (default 1). */
  halfSaturationSd?: number;
  /** sd of log(shape) around 0 (default 0.5). */
  shapeSd?: number;
}

export interface FitOptions {
  saturation?: SaturationKind;
  /** Adstock window in weeks (default Infinity: the geometric recursion). Adstock is always normalised. */
  adstockLMax?: number;
  /** Largest adstock decay allowed (default 0.95). */
  maxDecay?: number;
  fourierOrder?: number;
  trend?: boolean;
  /** Ridge penalty per standardised control, trend and seasonality column, as a fraction of the number of weeks (default 1e-3); media coefficients are not penalised. */
  ridge?: number;
  priors?: PriorOptions;
  /** Random points screened before the local searches (default 200). */
  screen?: number;
  /** Local searches run from the best screened points (default 4). */
  starts?: number;
  /** Iterations per local search (default 300 for BFGS, and 100 × parameters for the Nelder-Mead polish). */
  maxIterations?: number;
  seed?: number;
  /** Weeks used for fitting (default all). Indices may repeat. */
  rows?: ArrayLike<number>;
}

/** The fitted point estimate. Coefficients are in sales units; half-saturations in spend units. */
export interface MediaMixPointFit {
  levers: LeverResponse[];
  /** Linear coefficients in original units ({intercept, trend, sin1, …, controls}). */
  coefficients: Record<string, number>;
  /** Fitted sales for every week (training weeks and the others). */
  fitted: number[];
  /** The objective at the optimum ((n/2)·log(F/n) + penalties) and the residual sum of squares over the training weeks. */
  objective: number;
  rss: number;
  /** Transformed nonlinear parameters at the optimum (to warm-start refits). */
  theta: number[];
  converged: boolean;
  evaluations: number;
  /** Objective reached from each local search. */
  starts: number[];
}

const LOG_K_BOUND = 4;

/** Σ_r a[ao + r]·b[bo + r] with four accumulators (breaks the add dependency chain). */
function dot(a: Float64Array, ao: number, b: Float64Array, bo: number, n: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let r = 0;
  for (; r + 3 < n; r += 4) {
    s0 += a[ao + r] * b[bo + r];
    s1 += a[ao + r + 1] * b[bo + r + 1];
    s2 += a[ao + r + 2] * b[bo + r + 2];
    s3 += a[ao + r + 3] * b[bo + r + 3];
  }
  for (; r < n; r++) s0 += a[ao + r] * b[bo + r];
  return s0 + s1 + s2 + s3;
}
const SHAPE_MIN = 0.3;
const SHAPE_MAX = 5;

/**
 * Everything that does not change while the nonlinear parameters move: scaled data, the base design
 * and its Gram matrix over the training rows. Build once per data set (and per bootstrap sales series).
 */
export class MediaMixProblem {
  readonly n: number;
  readonly names: string[];
  readonly saturation: SaturationKind;
  readonly lMax: number;
  readonly maxDecay: number;
  readonly design: BaseDesign;
  readonly yScale: number;
  readonly spendScale: number[];
  readonly paramsPerLever: number;
  readonly priors: Required<PriorOptions>;
  private readonly x: Float64Array[];
  private readonly rows: Int32Array;
  /** Sales over the training rows (scaled). */
  private y: Float64Array;
  /** Base design over the training rows, column after column (P × rows). */
  private readonly designRows: Float64Array;
  private readonly M: number;
  private readonly P: number;
  private readonly k: number;
  private readonly ridge: number;
  private readonly GPP: Float64Array;
  private cP: Float64Array;
  private yy: number;
  // work buffers
  private readonly media: Float64Array[];
  private readonly mediaRows: Float64Array;
  /** ∂z/∂θ over the training rows: for lever m and parameter j, at offset (m·3 + j)·rows. */
  private readonly mediaGradient: Float64Array;
  private readonly adstockDerivative: Float64Array;
  private readonly residual: Float64Array;
  private readonly G: Float64Array;
  private readonly Gr: Float64Array;
  private readonly c: Float64Array;
  private readonly nonNegative: boolean[];
  evaluations = 0;

  constructor(data: MediaMixData, options: FitOptions = {}) {
    const {saturation = "hill", adstockLMax = Infinity, maxDecay = 0.95, fourierOrder = 3, trend = true, ridge = 1e-3, priors = {}} = options;
    const n = data.sales.length;
    if (n < 20) throw new Error(`MediaMixProblem: need at least 20 weeks, got ${n}`);
    if (data.dates.length !== n) throw new Error(`MediaMixProblem: ${data.dates.length} dates for ${n} weeks of sales`);
    if (data.media.length === 0) throw new Error("MediaMixProblem: no media levers");
    this.n = n;
    this.names = data.media.map((m) => m.name);
    this.saturation = saturation;
    this.lMax = adstockLMax;
    this.maxDecay = maxDecay;
    this.paramsPerLever = saturation === "hill" ? 3 : 2;
    this.priors = {decaySd: priors.decaySd ?? 1.5, halfSaturationSd: priors.halfSaturationSd ?? 1, shapeSd: priors.shapeSd ?? 0.5};
    let ySum = 0;
    for (let t = 0; t < n; t++) {
      if (!Number.isFinite(data.sales[t])) throw new Error(`MediaMixProblem: sales in week ${t} (${data.dates[t]}) is not a number: ${data.sales[t]}`);
      ySum += Math.abs(data.sales[t]);
    }
    this.yScale = ySum / n || 1;
    this.spendScale = data.media.map((m) => {
      if (m.spend.length !== n) throw new Error(`MediaMixProblem: lever "${m.name}" has ${m.spend.length} weeks of spend, expected ${n}`);
      let s = 0;
      let k = 0;
      for (let t = 0; t < n; t++) {
        const v = m.spend[t];
        if (!(v >= 0)) throw new Error(`MediaMixProblem: lever "${m.name}" has spend ${v} in week ${t} (${data.dates[t]}); spend must be ≥ 0`);
        if (v > 0) {
          s += v;
          k++;
        }
      }
      if (k === 0) throw new Error(`MediaMixProblem: lever "${m.name}" has no spend in any week; leave it out`);
      return s / k;
    });
    this.x = data.media.map((m, i) => Float64Array.from(m.spend, (v) => v / this.spendScale[i]));
    this.design = buildBaseDesign(data.dates, data.controls, {fourierOrder, trend});
    this.M = data.media.length;
    this.P = this.design.columns.length;
    this.k = this.M + this.P;
    const rows = options.rows ?? Array.from({length: n}, (_, t) => t);
    this.rows = Int32Array.from(rows);
    for (const r of this.rows) if (!(r >= 0 && r < n)) throw new Error(`MediaMixProblem: row index ${r} outside 0..${n - 1}`);
    this.ridge = ridge * this.rows.length;
    const nRows = this.rows.length;
    const cols = this.design.columns;
    this.designRows = new Float64Array(nRows * this.P);
    for (let j = 0; j < this.P; j++) for (let r = 0; r < nRows; r++) this.designRows[j * nRows + r] = cols[j][this.rows[r]];
    this.GPP = new Float64Array(this.P * this.P);
    for (let i = 0; i < this.P; i++) {
      for (let j = i; j < this.P; j++) {
        const v = dot(this.designRows, i * nRows, this.designRows, j * nRows, nRows);
        this.GPP[i * this.P + j] = v;
        this.GPP[j * this.P + i] = v;
      }
    }
    this.y = new Float64Array(nRows);
    this.cP = new Float64Array(this.P);
    this.yy = 0;
    this.setSales(data.sales);
    this.media = Array.from({length: this.M}, () => new Float64Array(n));
    this.mediaRows = new Float64Array(this.M * nRows);
    this.mediaGradient = new Float64Array(this.M * 3 * nRows);
    this.adstockDerivative = new Float64Array(n);
    this.residual = new Float64Array(nRows);
    this.G = new Float64Array(this.k * this.k);
    this.Gr = new Float64Array(this.k * this.k);
    this.c = new Float64Array(this.k);
    this.nonNegative = Array.from({length: this.k}, (_, i) => i < this.M);
  }

  /** Replace the sales series (same weeks, same design): used by the bootstrap. */
  setSales(sales: ArrayLike<number>): void {
    const nRows = this.rows.length;
    for (let r = 0; r < nRows; r++) this.y[r] = sales[this.rows[r]] / this.yScale;
    for (let j = 0; j < this.P; j++) this.cP[j] = dot(this.designRows, j * nRows, this.y, 0, nRows);
    const yy = dot(this.y, 0, this.y, 0, nRows);
    this.yy = yy;
  }

  get dimension(): number {
    return this.M * this.paramsPerLever;
  }

  get trainingWeeks(): number {
    return this.rows.length;
  }

  /** Transformed parameters → (decay, half-saturation in scaled spend units, shape) of lever m. */
  leverParams(theta: ArrayLike<number>, m: number): {decay: number; halfSaturation: number; shape: number} {
    const o = m * this.paramsPerLever;
    const decay = this.maxDecay / (1 + Math.exp(-theta[o]));
    const logK = Math.max(-LOG_K_BOUND, Math.min(LOG_K_BOUND, theta[o + 1]));
    const shape = this.paramsPerLever === 3 ? Math.max(SHAPE_MIN, Math.min(SHAPE_MAX, Math.exp(theta[o + 2]))) : 1;
    return {decay, halfSaturation: Math.exp(logK), shape};
  }

  /** Inverse of `leverParams` (half-saturation in original spend units). */
  thetaFor(levers: {decay: number; halfSaturation: number; shape: number}[]): number[] {
    const theta: number[] = [];
    levers.forEach((l, m) => {
      const p = Math.min(Math.max(l.decay / this.maxDecay, 1e-6), 1 - 1e-6);
      theta.push(Math.log(p / (1 - p)), Math.log(l.halfSaturation / this.spendScale[m]));
      if (this.paramsPerLever === 3) theta.push(Math.log(l.shape));
    });
    return theta;
  }

  /** Weak prior penalty and the walls at the parameter bounds. */
  penalty(theta: ArrayLike<number>): number {
    let p = 0;
    const {decaySd, halfSaturationSd, shapeSd} = this.priors;
    for (let m = 0; m < this.M; m++) {
      const o = m * this.paramsPerLever;
      p += 0.5 * (theta[o] / decaySd) ** 2;
      p += 0.5 * (theta[o + 1] / halfSaturationSd) ** 2;
      const overK = Math.abs(theta[o + 1]) - LOG_K_BOUND;
      if (overK > 0) p += 1e3 * overK * overK;
      if (this.paramsPerLever === 3) {
        p += 0.5 * (theta[o + 2] / shapeSd) ** 2;
        const ls = theta[o + 2];
        const below = Math.log(SHAPE_MIN) - ls;
        const above = ls - Math.log(SHAPE_MAX);
        if (below > 0) p += 1e3 * below * below;
        if (above > 0) p += 1e3 * above * above;
      }
      const overDecay = Math.abs(theta[o]) - 12;
      if (overDecay > 0) p += 1e3 * overDecay * overDecay;
    }
    return p;
  }

  /** Gradient of `penalty`. */
  private penaltyGradient(theta: ArrayLike<number>, out: number[]): void {
    const {decaySd, halfSaturationSd, shapeSd} = this.priors;
    for (let m = 0; m < this.M; m++) {
      const o = m * this.paramsPerLever;
      const u = theta[o];
      const v = theta[o + 1];
      out[o] += u / (decaySd * decaySd) + (Math.abs(u) > 12 ? 2e3 * (Math.abs(u) - 12) * Math.sign(u) : 0);
      out[o + 1] += v / (halfSaturationSd * halfSaturationSd) + (Math.abs(v) > LOG_K_BOUND ? 2e3 * (Math.abs(v) - LOG_K_BOUND) * Math.sign(v) : 0);
      if (this.paramsPerLever === 3) {
        const w = theta[o + 2];
        out[o + 2] += w / (shapeSd * shapeSd);
        if (w < Math.log(SHAPE_MIN)) out[o + 2] -= 2e3 * (Math.log(SHAPE_MIN) - w);
        if (w > Math.log(SHAPE_MAX)) out[o + 2] += 2e3 * (w - Math.log(SHAPE_MAX));
      }
    }
  }

  /**
   * Fills the media columns (scaled, all weeks, and gathered over the training rows) for these
   * parameters, and with `withGradient` their derivatives with respect to the transformed parameters.
   */
  private transformMedia(theta: ArrayLike<number>, withGradient: boolean): void {
    const nRows = this.rows.length;
    const rows = this.rows;
    const da = this.adstockDerivative;
    for (let m = 0; m < this.M; m++) {
      const o = m * this.paramsPerLever;
      const {decay, halfSaturation, shape} = this.leverParams(theta, m);
      const a = adstockGeometric(this.x[m], decay, {normalize: true, lMax: this.lMax}, this.media[m]);
      if (withGradient) this.adstockDecayDerivative(this.x[m], decay, da);
      const dDecay = decay * (1 - decay / this.maxDecay); // dθ/du for θ = θmax·σ(u)
      const kFree = Math.abs(theta[o + 1]) < LOG_K_BOUND;
      const sFree = this.paramsPerLever === 3 && theta[o + 2] > Math.log(SHAPE_MIN) && theta[o + 2] < Math.log(SHAPE_MAX);
      const zo = m * nRows;
      const go = m * 3 * nRows;
      if (this.saturation === "hill") {
        for (let r = 0; r < nRows; r++) {
          const t = rows[r];
          const at = a[t];
          if (!(at > 0)) {
            this.mediaRows[zo + r] = 0;
            if (withGradient) {
              this.mediaGradient[go + r] = 0;
              this.mediaGradient[go + nRows + r] = 0;
              this.mediaGradient[go + 2 * nRows + r] = 0;
            }
            continue;
          }
          // (a/K)^S as exp(S·ln(a/K)): the same value, about twice as fast as Math.pow in V8.
          const logRatio = Math.log(at / halfSaturation);
          const q0 = Math.exp(shape * logRatio);
          if (q0 === Infinity) {
            this.mediaRows[zo + r] = 1;
            if (withGradient) {
              this.mediaGradient[go + r] = 0;
              this.mediaGradient[go + nRows + r] = 0;
              this.mediaGradient[go + 2 * nRows + r] = 0;
            }
            continue;
          }
          this.mediaRows[zo + r] = q0 / (1 + q0);
          if (withGradient) {
            const q = (shape * q0) / ((1 + q0) * (1 + q0)); // S·r/(1+r)²
            this.mediaGradient[go + r] = ((q / at) * da[t]) * dDecay;
            this.mediaGradient[go + nRows + r] = kFree ? -q : 0;
            this.mediaGradient[go + 2 * nRows + r] = sFree ? q * logRatio : 0;
          }
        }
      } else {
        const lambda = Math.log(3) / halfSaturation;
        for (let r = 0; r < nRows; r++) {
          const t = rows[r];
          const at = Math.max(0, a[t]);
          const e = Math.exp(-lambda * at);
          const h = (1 - e) / (1 + e);
          this.mediaRows[zo + r] = h;
          if (withGradient) {
            const slope = 0.5 * (1 - h * h); // d tanh(u)/du at u = λa/2, times 1/2
            this.mediaGradient[go + r] = lambda * slope * da[t] * dDecay;
            this.mediaGradient[go + nRows + r] = kFree ? -lambda * at * slope : 0;
            this.mediaGradient[go + 2 * nRows + r] = 0;
          }
        }
      }
    }
  }

  /** d a_t / d θ of the normalised geometric adstock (recursion, or the finite window's weights). */
  private adstockDecayDerivative(x: Float64Array, decay: number, out: Float64Array): void {
    const n = x.length;
    if (Number.isFinite(this.lMax)) {
      const L = Math.max(1, Math.floor(this.lMax));
      // w_l = θ^l / S, S = Σ θ^j; dw_l/dθ = (l θ^{l−1} S − θ^l S') / S²
      let S = 0;
      let dS = 0;
      const p = new Float64Array(L);
      const dp = new Float64Array(L);
      for (let l = 0; l < L; l++) {
        p[l] = Math.pow(decay, l);
        dp[l] = l === 0 ? 0 : l * Math.pow(decay, l - 1);
        S += p[l];
        dS += dp[l];
      }
      const dw = Float64Array.from({length: L}, (_, l) => (dp[l] * S - p[l] * dS) / (S * S));
      for (let t = 0; t < n; t++) {
        let s = 0;
        for (let l = 0; l < Math.min(L, t + 1); l++) s += dw[l] * x[t - l];
        out[t] = s;
      }
      return;
    }
    // a_t = θ a_{t−1} + (1 − θ) x_t  ⇒  d_t = a_{t−1} + θ d_{t−1} − x_t
    let a = 0;
    let d = 0;
    for (let t = 0; t < n; t++) {
      d = a + decay * d - x[t];
      a = decay * a + (1 - decay) * x[t];
      out[t] = d;
    }
  }

  /**
   * Solve the linear step for these nonlinear parameters: coefficients (media first, then base, in
   * scaled units), the residual sum of squares and F = RSS + ridge penalty; residuals are left in
   * `this.residual`.
   */
  solve(theta: ArrayLike<number>, withGradient = false): {coefficients: Float64Array; rss: number; penalized: number} {
    this.evaluations++;
    this.transformMedia(theta, withGradient);
    const {M, P, k, G, Gr, c} = this;
    const nRows = this.rows.length;
    const X = this.designRows;
    const Z = this.mediaRows;
    for (let i = 0; i < M; i++) {
      const oi = i * nRows;
      for (let j = i; j < M; j++) {
        const v = dot(Z, oi, Z, j * nRows, nRows);
        G[i * k + j] = v;
        G[j * k + i] = v;
      }
      for (let j = 0; j < P; j++) {
        const v = dot(Z, oi, X, j * nRows, nRows);
        G[i * k + M + j] = v;
        G[(M + j) * k + i] = v;
      }
      c[i] = dot(Z, oi, this.y, 0, nRows);
    }
    for (let i = 0; i < P; i++) {
      for (let j = 0; j < P; j++) G[(M + i) * k + M + j] = this.GPP[i * P + j];
      c[M + i] = this.cP[i];
    }
    // The ridge penalises the controls, trend and seasonality only. Media coefficients get a 1e-9
    // relative jitter to keep G positive definite, no ridge: a ridge on β with an unpenalised
    // intercept shifts an always-on lever's level into the intercept (we measured search's ROI 7 %
    // low on average with ridge 1e-3 on the media columns, as Robyn applies it).
    Gr.set(G);
    for (let i = 0; i < k; i++) {
      if (i < M) Gr[i * k + i] += 1e-9 * G[i * k + i] + 1e-12;
      else if (this.design.kind[i - M] !== "intercept") Gr[i * k + i] += this.ridge;
    }
    const b = solveNonNegativeQuadratic(Gr, c, this.nonNegative);
    const res = this.residual;
    res.set(this.y);
    for (let i = 0; i < M; i++) {
      const bi = b[i];
      if (bi === 0) continue;
      const oi = i * nRows;
      for (let r = 0; r < nRows; r++) res[r] -= bi * Z[oi + r];
    }
    for (let j = 0; j < P; j++) {
      const bj = b[M + j];
      const oj = j * nRows;
      for (let r = 0; r < nRows; r++) res[r] -= bj * X[oj + r];
    }
    const rss = Math.max(dot(res, 0, res, 0, nRows), 1e-300);
    let penalized = rss;
    for (let i = 0; i < k; i++) penalized += (Gr[i * k + i] - G[i * k + i]) * b[i] * b[i];
    return {coefficients: b, rss, penalized};
  }

  /** Profile negative log-likelihood plus the prior penalty. */
  objective(theta: ArrayLike<number>): number {
    const {penalized} = this.solve(theta);
    const nRows = this.rows.length;
    return 0.5 * nRows * Math.log(penalized / nRows) + this.penalty(theta);
  }

  /** The objective and its exact gradient (see the file comment). */
  objectiveAndGradient(theta: ArrayLike<number>): {value: number; gradient: number[]} {
    const {coefficients: b, penalized} = this.solve(theta, true);
    const nRows = this.rows.length;
    const value = 0.5 * nRows * Math.log(penalized / nRows) + this.penalty(theta);
    const gradient = new Array<number>(theta.length).fill(0);
    const scale = (0.5 * nRows) / penalized;
    for (let m = 0; m < this.M; m++) {
      if (b[m] === 0) continue;
      for (let j = 0; j < this.paramsPerLever; j++) {
        const dF = -2 * b[m] * dot(this.residual, 0, this.mediaGradient, (m * 3 + j) * nRows, nRows);
        gradient[m * this.paramsPerLever + j] = scale * dF;
      }
    }
    this.penaltyGradient(theta, gradient);
    return {value, gradient};
  }

  /** Draw a starting point from the priors. */
  randomTheta(random: Random): number[] {
    const theta: number[] = [];
    for (let m = 0; m < this.M; m++) {
      theta.push(random.normal(0, this.priors.decaySd), random.normal(0, this.priors.halfSaturationSd));
      if (this.paramsPerLever === 3) theta.push(random.normal(0, this.priors.shapeSd));
    }
    return theta;
  }

  /** Fitted values (original units, all weeks) and the estimate in original units. */
  describe(theta: ArrayLike<number>): Omit<MediaMixPointFit, "converged" | "evaluations" | "starts" | "objective"> & {baseStandardized: number[]} {
    const {coefficients: b, rss} = this.solve(theta);
    const levers: LeverResponse[] = this.names.map((name, m) => {
      const p = this.leverParams(theta, m);
      return {name, decay: p.decay, halfSaturation: p.halfSaturation * this.spendScale[m], shape: p.shape, beta: b[m] * this.yScale, saturation: this.saturation};
    });
    const baseStandardized = Array.from(b.subarray(this.M), (v) => v * this.yScale);
    const fitted = new Array<number>(this.n).fill(0);
    // this.media holds the adstocked pressure of every week (solve saturates the training rows only).
    const saturated = this.names.map((_, m) => {
      const p = this.leverParams(theta, m);
      return Float64Array.from(this.media[m], (a) => saturate(a, this.saturation, p.halfSaturation, p.shape));
    });
    for (let t = 0; t < this.n; t++) {
      let s = 0;
      for (let m = 0; m < this.M; m++) s += b[m] * saturated[m][t];
      for (let j = 0; j < this.P; j++) s += b[this.M + j] * this.design.columns[j][t];
      fitted[t] = s * this.yScale;
    }
    return {levers, coefficients: unstandardizeCoefficients(this.design, baseStandardized), fitted, rss: rss * this.yScale * this.yScale, theta: Array.from(theta), baseStandardized};
  }
}

/**
 * Local search from one start: BFGS with the exact gradient, then a Nelder-Mead polish from where it
 * stopped (a simplex of 0.1 in every transformed parameter; tolerances 1e-6 on the objective, a
 * log-likelihood, and 1e-4 on the parameters). With `polish: false`, BFGS alone.
 */
export function searchFrom(problem: MediaMixProblem, start: number[], {maxIterations = 300, polish = true}: {maxIterations?: number; polish?: boolean} = {}): {theta: number[]; value: number; converged: boolean} {
  let cacheKey: number[] | null = null;
  let cacheValue: {value: number; gradient: number[]} | null = null;
  const evaluate = (theta: number[]) => {
    if (cacheKey && cacheKey.length === theta.length && cacheKey.every((v, i) => v === theta[i])) return cacheValue!;
    cacheKey = theta.slice();
    cacheValue = problem.objectiveAndGradient(theta);
    return cacheValue;
  };
  const bfgs = minimizeBfgs((x) => evaluate(x).value, start, {maxIterations, gradientTolerance: 1e-5, gradient: (x) => evaluate(x).gradient});
  if (!polish) return {theta: bfgs.x, value: bfgs.value, converged: bfgs.converged};
  const f = (theta: number[]) => problem.objective(theta);
  const nm = minimizeNelderMead(f, bfgs.x, {maxIterations: 100 * start.length, initialStep: start.map(() => 0.1), fTolerance: 1e-6, xTolerance: 1e-4});
  const best = nm.value < bfgs.value ? {theta: nm.x, value: nm.value} : {theta: bfgs.x, value: bfgs.value};
  return {...best, converged: bfgs.converged || nm.converged};
}

/** Fits the model by multi-start Nelder-Mead over the nonlinear parameters (see the file comment). */
export function fitMediaMixPoint(data: MediaMixData, options: FitOptions = {}): MediaMixPointFit {
  const problem = new MediaMixProblem(data, options);
  return fitProblem(problem, options);
}

/** As `fitMediaMixPoint`, on a prepared problem (reused by the holdout and the bootstrap). */
export function fitProblem(problem: MediaMixProblem, {screen = 200, starts = 4, maxIterations, seed = 1}: FitOptions = {}, extraStarts: number[][] = []): MediaMixPointFit {
  const random = new Random(seed).fork("mmm-starts");
  const iterations = maxIterations ?? 300;
  const candidates: {theta: number[]; value: number}[] = [];
  for (let i = 0; i < screen; i++) {
    const theta = problem.randomTheta(random);
    candidates.push({theta, value: problem.objective(theta)});
  }
  candidates.sort((a, b) => a.value - b.value);
  const chosen = [...extraStarts, ...candidates.slice(0, Math.max(1, starts)).map((c) => c.theta)];
  const results = chosen.map((start) => searchFrom(problem, start, {maxIterations: iterations}));
  const best = results.reduce((a, b) => (b.value < a.value ? b : a));
  const {baseStandardized: _unused, ...described} = problem.describe(best.theta);
  return {...described, objective: best.value, converged: best.converged, evaluations: problem.evaluations, starts: results.map((r) => r.value)};
}
