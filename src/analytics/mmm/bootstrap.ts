/**
 * Uncertainty for the market mix fit by a moving-block residual bootstrap, refitting the whole
 * model (nonlinear search and linear solve) on every replicate.
 *
 *   y*_t = ŷ_t + e*_t,  e* = blocks of `blockLength` consecutive residuals drawn with replacement
 *                             (circular moving blocks, Künsch 1989; Politis & Romano 1992),
 *
 * then (θ*, β*, γ*) = fit(y*). Resampling residuals in blocks keeps their autocorrelation; keeping
 * the spend series intact keeps the adstock carry-over exact (resampling weeks would cut it).
 * Default block length n^(1/3) rounded (6 weeks at 208), the usual rate for the moving-block
 * bootstrap of a mean (Hall, Horowitz & Jing 1995). Each replicate runs BFGS (exact gradient, see
 * fit.ts) from the point estimate; `extraStarts` adds searches from fresh random starts for data
 * where the objective has several optima.
 * Intervals are read off the draws in outputs.ts (`quantile` type 7, as R's default and numpy's).
 *
 * Every replicate draws from its own stream `Random(seed).fork("bootstrap").fork(d)`, so draw d is
 * the same whatever the number of draws. Tests (test/analytics/mmm-fit.test.ts) prove determinism,
 * that the blocks are contiguous runs of the residuals, and the coverage of the simulation's truth.
 */
import {fitProblem, MediaMixProblem, searchFrom, type FitOptions, type MediaMixPointFit} from "./fit.js";
import {Random} from "../random.js";
import type {LeverResponse, MediaMixData} from "./types.js";

export interface BootstrapOptions {
  /** Number of replicates (default 200 in production; the tests use 40). */
  draws?: number;
  /** Block length in weeks (default round(n^(1/3)), at least 2). */
  blockLength?: number;
  seed?: number;
  /** Extra local searches from screened random starts per replicate (default 0: only from the point estimate). */
  extraStarts?: number;
  /** BFGS iterations per replicate (default 300). */
  maxIterations?: number;
}

/** One bootstrap replicate's estimate. */
export interface BootstrapDraw {
  levers: LeverResponse[];
  /** Linear coefficients in original units. */
  coefficients: Record<string, number>;
  objective: number;
}

/** Circular moving-block resample of a series: blocks of `blockLength` consecutive values, concatenated to the original length. */
export function movingBlockResample(values: ArrayLike<number>, blockLength: number, random: Random): Float64Array {
  const n = values.length;
  const L = Math.max(1, Math.min(n, Math.floor(blockLength)));
  const out = new Float64Array(n);
  let t = 0;
  while (t < n) {
    const start = random.int(n);
    for (let j = 0; j < L && t < n; j++, t++) out[t] = values[(start + j) % n];
  }
  return out;
}

/** Bootstrap replicates of a point fit (see the file comment). `fitOptions` must be those of the point fit. */
export function bootstrapMediaMix(data: MediaMixData, point: MediaMixPointFit, fitOptions: FitOptions = {}, {draws = 200, blockLength, seed = 1, extraStarts = 0, maxIterations}: BootstrapOptions = {}): BootstrapDraw[] {
  const n = data.sales.length;
  const problem = new MediaMixProblem(data, {...fitOptions, rows: undefined});
  const L = blockLength ?? Math.max(2, Math.round(Math.cbrt(n)));
  const residuals = Float64Array.from({length: n}, (_, t) => data.sales[t] - point.fitted[t]);
  let mean = 0;
  for (let t = 0; t < n; t++) mean += residuals[t] / n;
  for (let t = 0; t < n; t++) residuals[t] -= mean;
  const stream = new Random(seed).fork("bootstrap");
  const iterations = maxIterations ?? 300;
  const out: BootstrapDraw[] = [];
  for (let d = 0; d < draws; d++) {
    const random = stream.fork(d);
    const e = movingBlockResample(residuals, L, random);
    const y = Float64Array.from({length: n}, (_, t) => point.fitted[t] + e[t]);
    problem.setSales(y);
    let best = searchFrom(problem, point.theta, {maxIterations: iterations, polish: false});
    if (extraStarts > 0) {
      const refit = fitProblem(problem, {...fitOptions, starts: extraStarts, screen: 20 * extraStarts, maxIterations: iterations, seed: random.nextUint32()});
      if (refit.objective < best.value) best = {theta: refit.theta, value: refit.objective, converged: refit.converged};
    }
    const described = problem.describe(best.theta);
    out.push({levers: described.levers, coefficients: described.coefficients, objective: best.value});
  }
  return out;
}
