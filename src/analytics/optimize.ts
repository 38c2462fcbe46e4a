/**
 * Unconstrained minimisers shared by the models that fit by maximum likelihood or least squares
 * (BG/NBD, Gamma-Gamma, Holt-Winters, the MMM's nonlinear parameters).
 *
 * - `minimizeNelderMead`: the simplex method of Nelder & Mead (1965) with the standard
 *   coefficients (reflection 1, expansion 2, contraction 0.5, shrink 0.5), as in scipy's
 *   `optimize.minimize(method="Nelder-Mead")` (Gao & Han's adaptive variant not used).
 * - `minimizeBfgs`: quasi-Newton BFGS (Nocedal & Wright 2006, Algorithm 6.1) with a backtracking
 *   Armijo line search and central-difference gradients when none is given.
 *
 * Bounded parameters are handled by the caller through a transform (log for positive parameters,
 * logit for (0, 1)), which is how lifetimes and statsmodels' smoothing models reparameterise.
 * No npm optimiser was chosen: the maintained ones are either large (numeric stacks) or
 * unmaintained (fmin, 2016); these ~150 lines are covered by tests on Rosenbrock and quadratics.
 */

export interface MinimizeResult {
  x: number[];
  value: number;
  iterations: number;
  converged: boolean;
}

export interface NelderMeadOptions {
  maxIterations?: number;
  /** Stop when the simplex's function values and vertices differ by less than these. */
  fTolerance?: number;
  xTolerance?: number;
  /** Initial step per coordinate (default 5% of |x0|, or 0.00025 when x0 is 0, as scipy). */
  initialStep?: number[];
}

export function minimizeNelderMead(
  f: (x: number[]) => number,
  x0: number[],
  {maxIterations = 200 * x0.length, fTolerance = 1e-10, xTolerance = 1e-10, initialStep}: NelderMeadOptions = {}
): MinimizeResult {
  const n = x0.length;
  const safe = (x: number[]) => {
    const v = f(x);
    return Number.isFinite(v) ? v : Infinity;
  };
  const simplex: number[][] = [x0.slice()];
  for (let i = 0; i < n; i++) {
    const x = x0.slice();
    const step = initialStep?.[i] ?? (x[i] !== 0 ? 0.05 * x[i] : 0.00025);
    x[i] += step;
    simplex.push(x);
  }
  let values = simplex.map(safe);
  let iterations = 0;
  let converged = false;
  const order = () => {
    const idx = values.map((_, i) => i).sort((a, b) => values[a] - values[b]);
    const s = idx.map((i) => simplex[i]);
    const v = idx.map((i) => values[i]);
    for (let i = 0; i <= n; i++) {
      simplex[i] = s[i];
      values[i] = v[i];
    }
  };
  order();
  while (iterations < maxIterations) {
    iterations++;
    let xSpread = 0;
    for (let i = 1; i <= n; i++) for (let j = 0; j < n; j++) xSpread = Math.max(xSpread, Math.abs(simplex[i][j] - simplex[0][j]));
    const fSpread = Math.max(...values.map((v) => Math.abs(v - values[0])));
    if (xSpread <= xTolerance && fSpread <= fTolerance) {
      converged = true;
      break;
    }
    const centroid = new Array(n).fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) centroid[j] += simplex[i][j] / n;
    const worst = simplex[n];
    const point = (t: number) => centroid.map((c, j) => c + t * (worst[j] - c));
    const reflected = point(-1);
    const fr = safe(reflected);
    if (fr < values[0]) {
      const expanded = point(-2);
      const fe = safe(expanded);
      if (fe < fr) {
        simplex[n] = expanded;
        values[n] = fe;
      } else {
        simplex[n] = reflected;
        values[n] = fr;
      }
    } else if (fr < values[n - 1]) {
      simplex[n] = reflected;
      values[n] = fr;
    } else {
      const outside = fr < values[n];
      const contracted = point(outside ? -0.5 : 0.5);
      const fc = safe(contracted);
      if (fc < (outside ? fr : values[n])) {
        simplex[n] = contracted;
        values[n] = fc;
      } else {
        for (let i = 1; i <= n; i++) {
          simplex[i] = simplex[i].map((v, j) => simplex[0][j] + 0.5 * (v - simplex[0][j]));
          values[i] = safe(simplex[i]);
        }
      }
    }
    order();
  }
  return {x: simplex[0].slice(), value: values[0], iterations, converged};
}

/** Central-difference gradient with a step scaled to each coordinate. */
export function numericGradient(f: (x: number[]) => number, x: number[]): number[] {
  const g = new Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const h = 1e-6 * Math.max(1, Math.abs(x[i]));
    const xp = x.slice();
    const xm = x.slice();
    xp[i] += h;
    xm[i] -= h;
    g[i] = (f(xp) - f(xm)) / (2 * h);
  }
  return g;
}

export interface BfgsOptions {
  maxIterations?: number;
  /** Stop when the gradient's largest component falls below this. */
  gradientTolerance?: number;
  gradient?: (x: number[]) => number[];
}

export function minimizeBfgs(
  f: (x: number[]) => number,
  x0: number[],
  {maxIterations = 500, gradientTolerance = 1e-7, gradient}: BfgsOptions = {}
): MinimizeResult {
  const n = x0.length;
  const grad = gradient ?? ((x: number[]) => numericGradient(f, x));
  let x = x0.slice();
  let fx = f(x);
  if (!Number.isFinite(fx)) throw new Error("minimizeBfgs: objective is not finite at the starting point");
  let g = grad(x);
  // Inverse Hessian approximation, starting from the identity.
  let H: number[][] = Array.from({length: n}, (_, i) => Array.from({length: n}, (_, j) => (i === j ? 1 : 0)));
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    if (Math.max(...g.map(Math.abs)) < gradientTolerance) {
      converged = true;
      break;
    }
    iterations++;
    let p = H.map((row) => -row.reduce((s, h, j) => s + h * g[j], 0));
    let slope = p.reduce((s, pi, i) => s + pi * g[i], 0);
    if (!(slope < 0)) {
      // Not a descent direction: reset to steepest descent.
      H = H.map((row, i) => row.map((_, j) => (i === j ? 1 : 0)));
      p = g.map((gi) => -gi);
      slope = -g.reduce((s, gi) => s + gi * gi, 0);
    }
    let t = 1;
    let xNew = x.map((xi, i) => xi + t * p[i]);
    let fNew = f(xNew);
    while (!(fNew <= fx + 1e-4 * t * slope) && t > 1e-20) {
      t *= 0.5;
      xNew = x.map((xi, i) => xi + t * p[i]);
      fNew = f(xNew);
    }
    if (!(fNew <= fx + 1e-4 * t * slope)) break; // line search failed: we are at the precision floor
    const gNew = grad(xNew);
    const s = xNew.map((v, i) => v - x[i]);
    const y = gNew.map((v, i) => v - g[i]);
    const sy = s.reduce((acc, si, i) => acc + si * y[i], 0);
    const fChange = Math.abs(fx - fNew);
    x = xNew;
    g = gNew;
    const fOld = fx;
    fx = fNew;
    if (sy > 1e-12) {
      const rho = 1 / sy;
      const Hy = H.map((row) => row.reduce((acc, h, j) => acc + h * y[j], 0));
      const yHy = y.reduce((acc, yi, i) => acc + yi * Hy[i], 0);
      H = H.map((row, i) => row.map((h, j) => h - rho * (Hy[i] * s[j] + s[i] * Hy[j]) + (rho * rho * yHy + rho) * s[i] * s[j]));
    }
    if (fChange <= 1e-15 * Math.max(1, Math.abs(fOld))) {
      converged = Math.max(...g.map(Math.abs)) < Math.sqrt(gradientTolerance);
      break;
    }
  }
  return {x, value: fx, iterations, converged};
}
