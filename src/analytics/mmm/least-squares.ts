/**
 * Ridge least squares with non-negative coefficients on a chosen subset (the media levers): the
 * inner, linear step of the market mix fit.
 *
 *   minimise ½ bᵀ G b − cᵀ b   subject to b_i ≥ 0 for i in the constrained set,
 *
 * where G = XᵀX + Λ (Λ diagonal ridge penalty) and c = Xᵀy. Solved by the active-set method of
 * Lawson & Hanson (1974), "Solving Least Squares Problems", ch. 23 (the NNLS algorithm of
 * scipy.optimize.nnls), generalised so that unconstrained columns are always in the passive set;
 * each sub-problem is a Cholesky solve on the passive columns. When the unconstrained solution is
 * already feasible (the usual case) one solve suffices.
 *
 * Tests (test/analytics/mmm-transforms.test.ts) prove: the KKT conditions at the solution, and the
 * solution of a problem with active constraints against scipy.optimize.nnls
 * (test/fixtures/mmm/reference.json, from test/fixtures/mmm/reference.py).
 */

/** Solves A_SS z = r_S for the index subset S of a symmetric positive definite A (row-major k×k). */
function choleskySolveSubset(A: Float64Array, k: number, subset: number[], rhs: Float64Array): Float64Array | null {
  const m = subset.length;
  const L = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j <= i; j++) {
      let s = A[subset[i] * k + subset[j]];
      for (let p = 0; p < j; p++) s -= L[i * m + p] * L[j * m + p];
      if (i === j) {
        if (!(s > 0)) return null;
        L[i * m + i] = Math.sqrt(s);
      } else L[i * m + j] = s / L[j * m + j];
    }
  }
  const y = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    let s = rhs[subset[i]];
    for (let p = 0; p < i; p++) s -= L[i * m + p] * y[p];
    y[i] = s / L[i * m + i];
  }
  const z = new Float64Array(m);
  for (let i = m - 1; i >= 0; i--) {
    let s = y[i];
    for (let p = i + 1; p < m; p++) s -= L[p * m + i] * z[p];
    z[i] = s / L[i * m + i];
  }
  return z;
}

/**
 * Minimises ½ bᵀGb − cᵀb with b_i ≥ 0 where `nonNegative[i]`. G is k×k row-major, symmetric
 * positive definite (add a ridge if in doubt). Returns b (length k).
 */
export function solveNonNegativeQuadratic(G: Float64Array, c: Float64Array, nonNegative: ArrayLike<boolean>): Float64Array {
  const k = c.length;
  if (G.length !== k * k) throw new Error(`solveNonNegativeQuadratic: G has ${G.length} entries, expected ${k}×${k}`);
  const all = Array.from({length: k}, (_, i) => i);
  const full = choleskySolveSubset(G, k, all, c);
  if (!full) throw new Error("solveNonNegativeQuadratic: G is not positive definite (collinear columns? add a ridge penalty)");
  let feasible = true;
  for (let i = 0; i < k; i++) if (nonNegative[i] && full[i] < 0) feasible = false;
  if (feasible) return full;

  // Lawson-Hanson: constrained variables start at zero (active), unconstrained ones are passive.
  const passive = Array.from({length: k}, (_, i) => !nonNegative[i]);
  const b = new Float64Array(k);
  let scaleC = 0;
  for (let i = 0; i < k; i++) scaleC = Math.max(scaleC, Math.abs(c[i]));
  const tol = 1e-12 * Math.max(1, scaleC);
  const solvePassive = () => {
    const subset = all.filter((i) => passive[i]);
    const z = new Float64Array(k);
    if (subset.length === 0) return z;
    const zs = choleskySolveSubset(G, k, subset, c);
    if (!zs) throw new Error("solveNonNegativeQuadratic: sub-problem not positive definite");
    subset.forEach((i, p) => (z[i] = zs[p]));
    return z;
  };
  for (let outer = 0; outer < 3 * k + 10; outer++) {
    // Inner loop: solve on the passive set, stepping back to feasibility when a constrained variable goes negative.
    for (let inner = 0; inner < 3 * k + 10; inner++) {
      const z = solvePassive();
      let alpha = 1;
      let blocked = false;
      for (let i = 0; i < k; i++) {
        if (passive[i] && nonNegative[i] && z[i] <= 0) {
          blocked = true;
          const denom = b[i] - z[i];
          const a = denom > 0 ? b[i] / denom : 0;
          if (a < alpha) alpha = a;
        }
      }
      if (!blocked) {
        b.set(z);
        break;
      }
      for (let i = 0; i < k; i++) b[i] += alpha * (z[i] - b[i]);
      for (let i = 0; i < k; i++) {
        if (passive[i] && nonNegative[i] && b[i] <= tol) {
          passive[i] = false;
          b[i] = 0;
        }
      }
    }
    // Release the active variable whose gradient most wants it to grow.
    let best = -1;
    let bestW = tol;
    for (let i = 0; i < k; i++) {
      if (passive[i]) continue;
      let w = c[i];
      for (let j = 0; j < k; j++) w -= G[i * k + j] * b[j];
      if (w > bestW) {
        bestW = w;
        best = i;
      }
    }
    if (best < 0) return b;
    passive[best] = true;
  }
  return b;
}
