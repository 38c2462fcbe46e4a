/**
 * Alternating least squares for implicit feedback (purchases, not ratings).
 *
 * Estimates: user factors x_u and item factors y_i (f numbers each) minimising
 *     Σ_{u,i} c_ui (p_ui − x_uᵀ y_i)² + λ (Σ_u ‖x_u‖² + Σ_i ‖y_i‖²)
 * over ALL user-item pairs, where p_ui = 1 if u bought i (else 0) and the confidence
 * c_ui = 1 + α·r_ui grows with the purchase count r_ui (or 1 + α·log(1 + r_ui/ε)).
 * Reference: Hu, Koren & Volinsky (2008), "Collaborative filtering for implicit feedback
 * datasets", ICDM, eqs. (1)-(6): with the other side fixed each x_u solves
 *     (YᵀY + Yᵀ(Cᵘ − I)Y + λI) x_u = YᵀCᵘ p(u),
 * computed in O(f²·n_u + f³) by precomputing YᵀY once per sweep. Two solvers: the exact
 * Cholesky solve of the paper, and a few conjugate-gradient steps warm-started from the current
 * factors (Takács, Pilászy & Tikk 2011, "Applications of the conjugate gradient method for
 * implicit feedback collaborative filtering", RecSys; the `implicit` library's default), which
 * never forms the matrix. Rows with few entries (most shoppers buy once) are solved exactly and
 * faster through the Woodbury identity around (YᵀY + λI)⁻¹. The loss over all pairs is evaluated in O(f²·(users + items) + f·nnz)
 * with the same YᵀY trick.
 *
 * Tests (test/analytics/recommend.test.ts) prove: after the same sweeps from the same starting
 * factors, the Cholesky solver equals an independent numpy implementation of eq. (4)-(5)
 * (test/fixtures/olist/als_reference.py) to 1e-10; CG with enough steps converges to it; every
 * Cholesky sweep lowers the loss; on planted co-purchase data ALS ranks held-out bundle mates
 * far above popularity.
 */
import {Random} from "../random.js";
import {transpose, type Interactions} from "./interactions.js";

export interface AlsOptions {
  /** Latent factors per user and item (default 32). */
  factors?: number;
  /** λ, the L2 penalty on every factor (default 0.1). */
  regularization?: number;
  /** α in the confidence c = 1 + α·r (default 20). */
  alpha?: number;
  /** "linear": c = 1 + α·r (the paper's first choice); "log": c = 1 + α·log(1 + r/epsilon). */
  confidence?: "linear" | "log";
  /** ε of the log confidence (default 1). */
  epsilon?: number;
  /** Sweeps, each solving all users then all items (default 15). */
  iterations?: number;
  /** "cg" (default) or "cholesky" (exact). */
  solver?: "cg" | "cholesky";
  /** Conjugate-gradient steps per vector and sweep (default 3). */
  cgSteps?: number;
  /**
   * Rows (users or items) with at most this many entries are solved exactly by the Woodbury
   * identity whatever the solver, at O(n·f²) (default 8; 0 turns it off). Most shoppers buy once.
   */
  exactBelow?: number;
  /** Seed of the starting factors (normal, sd 0.01 by default). Ignored for factors given below. */
  seed?: number;
  /** Starting item factors, items × factors row-major (e.g. to compare with a reference run). */
  initialItemFactors?: ArrayLike<number>;
  /** Starting user factors; by default the first sweep solves users from the item factors (users start at 0). */
  initialUserFactors?: ArrayLike<number>;
  /** Record the loss after every sweep (costs one pass over the data; default false). */
  trackLoss?: boolean;
}

export interface AlsModel {
  factors: number;
  users: number;
  items: number;
  /** users × factors, row-major. */
  userFactors: Float64Array;
  /** items × factors, row-major. */
  itemFactors: Float64Array;
  /** Loss after each sweep when `trackLoss` was set. */
  loss: number[];
  options: Required<Omit<AlsOptions, "initialItemFactors" | "initialUserFactors" | "trackLoss">>;
}

const DEFAULTS = {factors: 32, regularization: 0.1, alpha: 20, confidence: "linear" as "linear" | "log", epsilon: 1, iterations: 15, solver: "cg" as "cg" | "cholesky", cgSteps: 3, exactBelow: 8, seed: 42};

/** Confidence c_ui of a stored count. */
function confidenceOf(r: number, {alpha, confidence, epsilon}: {alpha: number; confidence: "linear" | "log"; epsilon: number}): number {
  return confidence === "linear" ? 1 + alpha * r : 1 + alpha * Math.log(1 + r / epsilon);
}

/** G = FᵀF for a row-major n × f matrix F. */
export function gramian(F: Float64Array, n: number, f: number): Float64Array {
  const G = new Float64Array(f * f);
  for (let r = 0; r < n; r++) {
    const o = r * f;
    for (let a = 0; a < f; a++) {
      const va = F[o + a];
      if (va === 0) continue;
      const ga = a * f;
      for (let b = a; b < f; b++) G[ga + b] += va * F[o + b];
    }
  }
  for (let a = 0; a < f; a++) for (let b = 0; b < a; b++) G[a * f + b] = G[b * f + a];
  return G;
}

/** Solves A x = b for a symmetric positive definite f × f matrix A (overwritten by its Cholesky factor). */
function choleskySolve(A: Float64Array, b: Float64Array, x: Float64Array, f: number): void {
  for (let j = 0; j < f; j++) {
    let d = A[j * f + j];
    for (let k = 0; k < j; k++) d -= A[j * f + k] * A[j * f + k];
    if (!(d > 0)) throw new Error(`als: the normal equations are not positive definite (pivot ${j} is ${d}); use regularization > 0`);
    const l = Math.sqrt(d);
    A[j * f + j] = l;
    for (let i = j + 1; i < f; i++) {
      let s = A[i * f + j];
      for (let k = 0; k < j; k++) s -= A[i * f + k] * A[j * f + k];
      A[i * f + j] = s / l;
    }
  }
  for (let i = 0; i < f; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= A[i * f + k] * x[k];
    x[i] = s / A[i * f + i];
  }
  for (let i = f - 1; i >= 0; i--) {
    let s = x[i];
    for (let k = i + 1; k < f; k++) s -= A[k * f + i] * x[k];
    x[i] = s / A[i * f + i];
  }
}

/** Inverse of a symmetric positive definite f × f matrix (via its Cholesky factor). */
function inverseSpd(A: Float64Array, f: number): Float64Array {
  const work = new Float64Array(A);
  const inv = new Float64Array(f * f);
  const e = new Float64Array(f);
  const col = new Float64Array(f);
  // Factor once, then solve for each unit vector (choleskySolve refactors a copy; cheap at f ≤ 100).
  for (let j = 0; j < f; j++) {
    work.set(A);
    e.fill(0);
    e[j] = 1;
    choleskySolve(work, e, col, f);
    for (let i = 0; i < f; i++) inv[i * f + j] = col[i];
  }
  return inv;
}

/** Solves a small dense n × n system S w = t in place by Gaussian elimination with partial pivoting. */
function solveSmall(S: Float64Array, t: Float64Array, n: number): void {
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(S[r * n + c]) > Math.abs(S[pivot * n + c])) pivot = r;
    if (pivot !== c) {
      for (let k = 0; k < n; k++) [S[c * n + k], S[pivot * n + k]] = [S[pivot * n + k], S[c * n + k]];
      [t[c], t[pivot]] = [t[pivot], t[c]];
    }
    const d = S[c * n + c];
    for (let r = c + 1; r < n; r++) {
      const factor = S[r * n + c] / d;
      if (factor === 0) continue;
      for (let k = c; k < n; k++) S[r * n + k] -= factor * S[c * n + k];
      t[r] -= factor * t[c];
    }
  }
  for (let r = n - 1; r >= 0; r--) {
    let v = t[r];
    for (let k = r + 1; k < n; k++) v -= S[r * n + k] * t[k];
    t[r] = v / S[r * n + r];
  }
}

/**
 * One half-sweep: solve every row of X (rows of `m`) with Y fixed. X is updated in place.
 * Rows with no entries get x = 0 (the exact solution: the right-hand side is 0). Rows with at most
 * `exactBelow` entries are solved exactly in O(n·f²) by the Woodbury identity around
 * M = (YᵀY + λI)⁻¹: with Z = M·Y_u and K = Y_uᵀ·Z, x = Z(c − w) where (I + D·K) w = D·K·c and
 * D = diag(c − 1). The others use the chosen solver.
 */
function solveSide(m: Interactions, X: Float64Array, Y: Float64Array, opts: typeof DEFAULTS): void {
  const f = opts.factors;
  const G = gramian(Y, m.items, f);
  const lambda = opts.regularization;
  const A = new Float64Array(f * f);
  const b = new Float64Array(f);
  const x = new Float64Array(f);
  const r = new Float64Array(f);
  const p = new Float64Array(f);
  const Ap = new Float64Array(f);
  let M: Float64Array | undefined;
  if (opts.exactBelow > 0) {
    const A0 = new Float64Array(G);
    for (let a = 0; a < f; a++) A0[a * f + a] += lambda;
    M = inverseSpd(A0, f);
  }
  const W = Math.max(1, opts.exactBelow);
  const Z = new Float64Array(W * f);
  const K = new Float64Array(W * W);
  const cs = new Float64Array(W);
  const t = new Float64Array(W);
  // Single-entry rows with the same item and count share their solution.
  const single = new Map<number, Float64Array>();
  for (let u = 0; u < m.users; u++) {
    const start = m.indptr[u];
    const end = m.indptr[u + 1];
    const n = end - start;
    const xo = u * f;
    if (n === 0) {
      for (let a = 0; a < f; a++) X[xo + a] = 0;
      continue;
    }
    if (M && n <= opts.exactBelow) {
      const key = n === 1 && m.values[start] === 1 ? m.indices[start] : -1;
      const cached = key >= 0 ? single.get(key) : undefined;
      if (cached) {
        X.set(cached, xo);
        continue;
      }
      for (let j = 0; j < n; j++) {
        cs[j] = confidenceOf(m.values[start + j], opts);
        const yo = m.indices[start + j] * f;
        for (let a = 0; a < f; a++) {
          let v = 0;
          for (let bb = 0; bb < f; bb++) v += M[a * f + bb] * Y[yo + bb];
          Z[j * f + a] = v;
        }
      }
      for (let i = 0; i < n; i++) {
        const yo = m.indices[start + i] * f;
        for (let j = 0; j < n; j++) {
          let v = 0;
          for (let a = 0; a < f; a++) v += Y[yo + a] * Z[j * f + a];
          K[i * n + j] = v;
        }
      }
      // t = D·K·c, S = I + D·K (S overwrites K).
      for (let i = 0; i < n; i++) {
        let v = 0;
        for (let j = 0; j < n; j++) v += K[i * n + j] * cs[j];
        t[i] = (cs[i] - 1) * v;
      }
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) K[i * n + j] = (i === j ? 1 : 0) + (cs[i] - 1) * K[i * n + j];
      solveSmall(K, t, n);
      for (let a = 0; a < f; a++) {
        let v = 0;
        for (let j = 0; j < n; j++) v += Z[j * f + a] * (cs[j] - t[j]);
        X[xo + a] = v;
      }
      if (key >= 0) single.set(key, X.slice(xo, xo + f));
      continue;
    }
    if (opts.solver === "cholesky") {
      for (let k = 0; k < f * f; k++) A[k] = G[k];
      for (let a = 0; a < f; a++) A[a * f + a] += lambda;
      b.fill(0);
      for (let k = start; k < end; k++) {
        const c = confidenceOf(m.values[k], opts);
        const yo = m.indices[k] * f;
        for (let a = 0; a < f; a++) {
          const ya = Y[yo + a];
          b[a] += c * ya;
          const w = (c - 1) * ya;
          for (let bb = 0; bb <= a; bb++) A[a * f + bb] += w * Y[yo + bb];
        }
      }
      for (let a = 0; a < f; a++) for (let bb = a + 1; bb < f; bb++) A[a * f + bb] = A[bb * f + a];
      choleskySolve(A, b, x, f);
      for (let a = 0; a < f; a++) X[xo + a] = x[a];
      continue;
    }
    // Conjugate gradient on (G + λI + Σ (c−1) y yᵀ) x = Σ c y, from the current x.
    // r = b − A x, with A x computed without forming A.
    for (let a = 0; a < f; a++) {
      let s = lambda * X[xo + a];
      for (let bb = 0; bb < f; bb++) s += G[a * f + bb] * X[xo + bb];
      r[a] = -s;
    }
    for (let k = start; k < end; k++) {
      const c = confidenceOf(m.values[k], opts);
      const yo = m.indices[k] * f;
      let dot = 0;
      for (let a = 0; a < f; a++) dot += Y[yo + a] * X[xo + a];
      const w = c - (c - 1) * dot;
      for (let a = 0; a < f; a++) r[a] += w * Y[yo + a];
    }
    let rs = 0;
    for (let a = 0; a < f; a++) {
      p[a] = r[a];
      rs += r[a] * r[a];
    }
    for (let step = 0; step < opts.cgSteps && rs > 1e-20; step++) {
      for (let a = 0; a < f; a++) {
        let s = lambda * p[a];
        for (let bb = 0; bb < f; bb++) s += G[a * f + bb] * p[bb];
        Ap[a] = s;
      }
      for (let k = start; k < end; k++) {
        const c = confidenceOf(m.values[k], opts);
        const yo = m.indices[k] * f;
        let dot = 0;
        for (let a = 0; a < f; a++) dot += Y[yo + a] * p[a];
        const w = (c - 1) * dot;
        for (let a = 0; a < f; a++) Ap[a] += w * Y[yo + a];
      }
      let pAp = 0;
      for (let a = 0; a < f; a++) pAp += p[a] * Ap[a];
      const alpha = rs / pAp;
      let rsNew = 0;
      for (let a = 0; a < f; a++) {
        X[xo + a] += alpha * p[a];
        r[a] -= alpha * Ap[a];
        rsNew += r[a] * r[a];
      }
      const beta = rsNew / rs;
      for (let a = 0; a < f; a++) p[a] = r[a] + beta * p[a];
      rs = rsNew;
    }
  }
}

/**
 * The objective of Hu, Koren & Volinsky (2008) eq. (3) over all user-item pairs:
 * Σ_u x_uᵀ(YᵀY)x_u + Σ_observed [c(1 − s)² − s²] + λ(‖X‖² + ‖Y‖²), s = x_uᵀy_i.
 */
export function alsLoss(m: Interactions, model: Pick<AlsModel, "factors" | "userFactors" | "itemFactors">, options: Pick<AlsOptions, "alpha" | "regularization" | "confidence" | "epsilon"> = {}): number {
  const f = model.factors;
  const opts = {...DEFAULTS, ...options};
  const X = model.userFactors;
  const Y = model.itemFactors;
  const G = gramian(Y, m.items, f);
  let loss = 0;
  for (let u = 0; u < m.users; u++) {
    const xo = u * f;
    for (let a = 0; a < f; a++) {
      let s = 0;
      for (let b = 0; b < f; b++) s += G[a * f + b] * X[xo + b];
      loss += X[xo + a] * s;
    }
    for (let k = m.indptr[u]; k < m.indptr[u + 1]; k++) {
      const yo = m.indices[k] * f;
      let s = 0;
      for (let a = 0; a < f; a++) s += X[xo + a] * Y[yo + a];
      const c = confidenceOf(m.values[k], opts);
      loss += c * (1 - s) * (1 - s) - s * s;
    }
  }
  let norms = 0;
  for (let k = 0; k < X.length; k++) norms += X[k] * X[k];
  for (let k = 0; k < Y.length; k++) norms += Y[k] * Y[k];
  return loss + opts.regularization * norms;
}

/** Fits user and item factors by alternating least squares (users first in every sweep). */
export function fitAls(m: Interactions, options: AlsOptions = {}): AlsModel {
  const opts = {...DEFAULTS, ...stripUndefined(options)} as typeof DEFAULTS;
  const f = opts.factors;
  if (!Number.isInteger(f) || f < 1) throw new Error(`fitAls: factors must be a positive integer, found ${f}`);
  if (!(opts.regularization >= 0)) throw new Error(`fitAls: regularization must be >= 0, found ${opts.regularization}`);
  if (!(opts.alpha >= 0)) throw new Error(`fitAls: alpha must be >= 0, found ${opts.alpha}`);
  const random = new Random(opts.seed);
  const itemFactors = new Float64Array(m.items * f);
  if (options.initialItemFactors) {
    if (options.initialItemFactors.length !== itemFactors.length) throw new Error(`fitAls: initialItemFactors has ${options.initialItemFactors.length} values, expected items × factors = ${itemFactors.length}`);
    itemFactors.set(options.initialItemFactors);
  } else for (let k = 0; k < itemFactors.length; k++) itemFactors[k] = random.normal(0, 0.01);
  const userFactors = new Float64Array(m.users * f);
  if (options.initialUserFactors) {
    if (options.initialUserFactors.length !== userFactors.length) throw new Error(`fitAls: initialUserFactors has ${options.initialUserFactors.length} values, expected users × factors = ${userFactors.length}`);
    userFactors.set(options.initialUserFactors);
  }
  const byItem = transpose(m);
  const loss: number[] = [];
  for (let it = 0; it < opts.iterations; it++) {
    solveSide(m, userFactors, itemFactors, opts);
    solveSide(byItem, itemFactors, userFactors, opts);
    if (options.trackLoss) loss.push(alsLoss(m, {factors: f, userFactors, itemFactors}, opts));
  }
  return {factors: f, users: m.users, items: m.items, userFactors, itemFactors, loss, options: opts};
}

/** Predicted preference x_uᵀ y_i of one user for every item. */
export function alsScores(model: Pick<AlsModel, "factors" | "items" | "userFactors" | "itemFactors">, user: number): Float64Array {
  const f = model.factors;
  const scores = new Float64Array(model.items);
  const xo = user * f;
  for (let i = 0; i < model.items; i++) {
    const yo = i * f;
    let s = 0;
    for (let a = 0; a < f; a++) s += model.userFactors[xo + a] * model.itemFactors[yo + a];
    scores[i] = s;
  }
  return scores;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
