/**
 * Uplift models: who is moved by a treatment (an e-mail, a coupon), estimated from a randomised
 * test where some people got it and a control group did not.
 *
 * Estimates: the individual (conditional average) treatment effect τ(x) = E[Y | x, treated] −
 * E[Y | x, control] for features x, by three meta-learners over small linear base learners:
 * - T-learner ("two-model"): one outcome model on the treated, one on the control; τ̂ = difference
 *   (Künzel, Sekhon, Bickel & Yu 2019, PNAS 116(10); scikit-uplift `TwoModels`);
 * - class transformation: Z = Y·W + (1 − Y)(1 − W), a classifier for Z, τ̂ = 2·P(Z = 1 | x) − 1
 *   (Jaśkowski & Jaroszewicz 2012, ICML workshop "Uplift modeling for clinical trial data";
 *   scikit-uplift `ClassTransformation`). Valid for treated share 1/2; otherwise the groups are
 *   reweighted to equal total weight (Jaśkowski & Jaroszewicz's correction), the default;
 * - transformed outcome: Z* = Y·W/p − Y·(1 − W)/(1 − p), whose conditional mean is τ(x) in a
 *   randomised test with treated share p (Athey & Imbens 2016, PNAS 113(27)); a ridge regression
 *   of Z* on x (scikit-uplift `ClassTransformationReg` without propensity model). Works for
 *   non-binary outcomes (spend).
 * Base learners: L2-penalised logistic regression by iteratively reweighted least squares (Newton)
 * and ridge regression by its normal equations, both on standardised features with an unpenalised
 * intercept — the objectives of scikit-learn's `LogisticRegression(C = 1/λ)` and `Ridge(alpha = λ)`
 * after `StandardScaler`.
 * Tests (test/analytics/uplift.test.ts) prove: base-learner coefficients and the learners'
 * predictions equal scikit-learn's on Hillstrom (test/fixtures/uplift/reference.py); on Hillstrom
 * men's e-mail vs no e-mail (visit) a seeded 70/30 split gives a Qini coefficient far above that of
 * random scores for the T-learner and class transformation, and the ATE is the difference in
 * means; on simulated data with a known heterogeneous effect the predicted uplift correlates with
 * the true one and the top decile's true uplift is far above the bottom decile's.
 * Evaluation (curves, Qini, deciles, targeting) is in uplift-curves.ts, re-exported here.
 */
import {CholeskyDecomposition, Matrix} from "ml-matrix";
import type {Random} from "./random.js";

export * from "./uplift-curves.js";

/** Features per person: one row of numbers each, all rows of one length. */
export type FeatureRows = readonly (readonly number[])[];

/** A fitted linear model on standardised features, reported on the original scale too. */
export interface LinearModel {
  kind: "logistic" | "ridge";
  /** Intercept on the original feature scale. */
  intercept: number;
  /** Coefficients on the original feature scale (one per feature). */
  coefficients: number[];
  /** Intercept and coefficients on the standardised scale (what the penalty applies to). */
  standardizedIntercept: number;
  standardizedCoefficients: number[];
  /** Feature means and standard deviations (population, ddof 0; 1 for a constant feature). */
  mean: number[];
  scale: number[];
  lambda: number;
  iterations: number;
  converged: boolean;
}

export interface LinearFitOptions {
  /** L2 penalty on the standardised coefficients (intercept unpenalised). Default 1. */
  lambda?: number;
  /** Case weights (default 1 each). */
  weights?: ArrayLike<number>;
  /** Newton iterations (logistic only). Default 100. */
  maxIterations?: number;
  /** Stop when no standardised coefficient moves by more than this. Default 1e-10. */
  tolerance?: number;
}

function checkRows(X: FeatureRows, y: ArrayLike<number>, where: string): {n: number; p: number} {
  const n = X.length;
  if (n === 0) throw new Error(`${where}: no rows`);
  if (y.length !== n) throw new Error(`${where}: ${n} feature rows but ${y.length} outcomes`);
  const p = X[0].length;
  for (let i = 0; i < n; i++) {
    if (X[i].length !== p) throw new Error(`${where}: row ${i} has ${X[i].length} features, expected ${p}`);
    for (let j = 0; j < p; j++) if (!Number.isFinite(X[i][j])) throw new Error(`${where}: feature ${j} of row ${i} is ${X[i][j]}`);
    if (!Number.isFinite(y[i])) throw new Error(`${where}: outcome of row ${i} is ${y[i]}`);
  }
  return {n, p};
}

/** Column means and population standard deviations (ddof 0, as scikit-learn's StandardScaler). */
function standardization(X: FeatureRows, p: number): {mean: number[]; scale: number[]} {
  const n = X.length;
  const mean = new Array<number>(p).fill(0);
  const scale = new Array<number>(p).fill(0);
  for (const row of X) for (let j = 0; j < p; j++) mean[j] += row[j];
  for (let j = 0; j < p; j++) mean[j] /= n;
  for (const row of X) for (let j = 0; j < p; j++) scale[j] += (row[j] - mean[j]) ** 2;
  for (let j = 0; j < p; j++) {
    const sd = Math.sqrt(scale[j] / n);
    scale[j] = sd > 0 ? sd : 1;
  }
  return {mean, scale};
}

/** Design rows [1, standardised features]. */
function design(X: FeatureRows, mean: number[], scale: number[]): Float64Array[] {
  return X.map((row) => {
    const z = new Float64Array(row.length + 1);
    z[0] = 1;
    for (let j = 0; j < row.length; j++) z[j + 1] = (row[j] - mean[j]) / scale[j];
    return z;
  });
}

/** Solve (Σ w_i z_i z_iᵀ + Λ) β = b with Λ = diag(0, λ, …, λ). */
function solvePenalized(Z: Float64Array[], w: ArrayLike<number>, b: number[], lambda: number): number[] {
  const q = b.length;
  const H = Array.from({length: q}, () => new Array<number>(q).fill(0));
  for (let i = 0; i < Z.length; i++) {
    const z = Z[i];
    const wi = w[i];
    if (wi === 0) continue;
    for (let a = 0; a < q; a++) {
      const za = wi * z[a];
      const row = H[a];
      for (let c = a; c < q; c++) row[c] += za * z[c];
    }
  }
  for (let a = 0; a < q; a++) {
    if (a > 0) H[a][a] += lambda;
    for (let c = 0; c < a; c++) H[a][c] = H[c][a];
  }
  const chol = new CholeskyDecomposition(new Matrix(H));
  if (!chol.isPositiveDefinite()) throw new Error("uplift: the penalised normal equations are singular (a constant outcome with lambda = 0?)");
  return chol.solve(Matrix.columnVector(b)).getColumn(0);
}

function toModel(kind: LinearModel["kind"], beta: number[], mean: number[], scale: number[], lambda: number, iterations: number, converged: boolean): LinearModel {
  const coefficients = mean.map((_, j) => beta[j + 1] / scale[j]);
  const intercept = beta[0] - mean.reduce((s, m, j) => s + coefficients[j] * m, 0);
  return {kind, intercept, coefficients, standardizedIntercept: beta[0], standardizedCoefficients: beta.slice(1), mean, scale, lambda, iterations, converged};
}

const sigmoid = (t: number) => (t >= 0 ? 1 / (1 + Math.exp(-t)) : Math.exp(t) / (1 + Math.exp(t)));

/**
 * L2-penalised logistic regression by Newton's method (IRLS): maximises
 * Σ w_i [y_i log μ_i + (1 − y_i) log(1 − μ_i)] − (λ/2)·‖β‖² over standardised features, intercept
 * unpenalised (scikit-learn `LogisticRegression(C = 1/λ)` on `StandardScaler` output). Outcomes
 * must be in [0, 1].
 */
export function fitLogisticL2(X: FeatureRows, y: ArrayLike<number>, {lambda = 1, weights, maxIterations = 100, tolerance = 1e-10}: LinearFitOptions = {}): LinearModel {
  const {n, p} = checkRows(X, y, "fitLogisticL2");
  for (let i = 0; i < n; i++) if (y[i] < 0 || y[i] > 1) throw new Error(`fitLogisticL2: outcome must be in [0, 1]; found ${y[i]} at row ${i}`);
  if (!(lambda >= 0)) throw new Error(`fitLogisticL2: lambda must be ≥ 0; found ${lambda}`);
  const w = weights ?? new Float64Array(n).fill(1);
  if (w.length !== n) throw new Error(`fitLogisticL2: ${n} rows but ${w.length} weights`);
  const {mean, scale} = standardization(X, p);
  const Z = design(X, mean, scale);
  const q = p + 1;
  let beta = new Array<number>(q).fill(0);
  const objective = (b: number[]) => {
    let ll = 0;
    for (let i = 0; i < n; i++) {
      let eta = 0;
      for (let a = 0; a < q; a++) eta += Z[i][a] * b[a];
      // log μ = −log(1 + e^−η), log(1 − μ) = −log(1 + e^η), computed stably
      const logMu = -Math.log1p(Math.exp(-Math.abs(eta))) + Math.min(eta, 0);
      const log1mMu = -Math.log1p(Math.exp(-Math.abs(eta))) - Math.max(eta, 0);
      ll += w[i] * (y[i] * logMu + (1 - y[i]) * log1mMu);
    }
    let pen = 0;
    for (let a = 1; a < q; a++) pen += b[a] * b[a];
    return ll - (lambda / 2) * pen;
  };
  let current = objective(beta);
  let iterations = 0;
  let converged = false;
  const hw = new Float64Array(n);
  while (iterations < maxIterations) {
    iterations++;
    const grad = new Array<number>(q).fill(0);
    for (let i = 0; i < n; i++) {
      let eta = 0;
      for (let a = 0; a < q; a++) eta += Z[i][a] * beta[a];
      const mu = sigmoid(eta);
      hw[i] = w[i] * mu * (1 - mu);
      const r = w[i] * (y[i] - mu);
      for (let a = 0; a < q; a++) grad[a] += r * Z[i][a];
    }
    for (let a = 1; a < q; a++) grad[a] -= lambda * beta[a];
    const step = solvePenalized(Z, hw, grad, lambda);
    // Newton step with halving if the penalised log-likelihood does not improve.
    let t = 1;
    let next = beta.map((b, a) => b + step[a]);
    let value = objective(next);
    while (value < current - 1e-12 * Math.abs(current) && t > 1e-8) {
      t /= 2;
      next = beta.map((b, a) => b + t * step[a]);
      value = objective(next);
    }
    const moved = Math.max(...step.map((s) => Math.abs(t * s)));
    beta = next;
    current = value;
    if (moved < tolerance) {
      converged = true;
      break;
    }
  }
  return toModel("logistic", beta, mean, scale, lambda, iterations, converged);
}

/**
 * Ridge regression: minimises Σ w_i (y_i − ŷ_i)² + λ‖β‖² over standardised features, intercept
 * unpenalised (scikit-learn `Ridge(alpha = λ)` on `StandardScaler` output), solved exactly.
 */
export function fitRidge(X: FeatureRows, y: ArrayLike<number>, {lambda = 1, weights}: Pick<LinearFitOptions, "lambda" | "weights"> = {}): LinearModel {
  const {n, p} = checkRows(X, y, "fitRidge");
  if (!(lambda >= 0)) throw new Error(`fitRidge: lambda must be ≥ 0; found ${lambda}`);
  const w = weights ?? new Float64Array(n).fill(1);
  if (w.length !== n) throw new Error(`fitRidge: ${n} rows but ${w.length} weights`);
  const {mean, scale} = standardization(X, p);
  const Z = design(X, mean, scale);
  const b = new Array<number>(p + 1).fill(0);
  for (let i = 0; i < n; i++) for (let a = 0; a <= p; a++) b[a] += w[i] * y[i] * Z[i][a];
  const beta = solvePenalized(Z, w, b, lambda);
  return toModel("ridge", beta, mean, scale, lambda, 1, true);
}

/** Predictions of a linear model: probabilities (logistic) or values (ridge). */
export function predictLinear(model: LinearModel, X: FeatureRows): number[] {
  return X.map((row, i) => {
    if (row.length !== model.coefficients.length) throw new Error(`predictLinear: row ${i} has ${row.length} features, the model ${model.coefficients.length}`);
    let eta = model.intercept;
    for (let j = 0; j < row.length; j++) eta += model.coefficients[j] * row[j];
    return model.kind === "logistic" ? sigmoid(eta) : eta;
  });
}

/** Base learner of the T-learner: logistic for 0/1 outcomes, ridge (linear) otherwise. */
export type BaseLearner = "logistic" | "linear";

export interface TLearnerModel {
  kind: "tLearner";
  treated: LinearModel;
  control: LinearModel;
}

export interface ClassTransformationModel {
  kind: "classTransformation";
  /** Model of P(Z = 1 | x), Z = Y·W + (1 − Y)(1 − W). */
  classifier: LinearModel;
  /** Treated share of the training data. */
  treatedShare: number;
  /** Whether groups were reweighted to equal total weight. */
  balanced: boolean;
}

export interface TransformedOutcomeModel {
  kind: "transformedOutcome";
  /** Ridge regression of Z* = Y·W/p − Y·(1 − W)/(1 − p) on x. */
  regression: LinearModel;
  /** p: the treatment probability used in Z*. */
  propensity: number;
}

export type UpliftModel = TLearnerModel | ClassTransformationModel | TransformedOutcomeModel;

export interface UpliftFitOptions {
  /** L2 penalty of the base learner(s), on standardised features. Default 1. */
  lambda?: number;
}

function checkTreatment(treatment: ArrayLike<number>, n: number, where: string): {nTreated: number} {
  if (treatment.length !== n) throw new Error(`${where}: ${n} rows but ${treatment.length} treatment flags`);
  let nTreated = 0;
  for (let i = 0; i < n; i++) {
    if (treatment[i] !== 0 && treatment[i] !== 1) throw new Error(`${where}: treatment must be 0 or 1; found ${treatment[i]} at row ${i}`);
    nTreated += treatment[i];
  }
  if (nTreated === 0 || nTreated === n) throw new Error(`${where}: both treated and control rows are needed; found ${nTreated} treated of ${n}`);
  return {nTreated};
}

function isBinaryOutcome(y: ArrayLike<number>): boolean {
  for (let i = 0; i < y.length; i++) if (y[i] !== 0 && y[i] !== 1) return false;
  return true;
}

/**
 * T-learner (two models): separate outcome models for treated and control; predicted uplift is the
 * treated prediction minus the control prediction. Base learner: logistic for 0/1 outcomes, ridge
 * otherwise (or as given).
 */
export function fitTLearner(
  X: FeatureRows,
  outcome: ArrayLike<number>,
  treatment: ArrayLike<number>,
  {lambda = 1, base}: UpliftFitOptions & {base?: BaseLearner} = {}
): TLearnerModel {
  checkRows(X, outcome, "fitTLearner");
  checkTreatment(treatment, X.length, "fitTLearner");
  const learner = base ?? (isBinaryOutcome(outcome) ? "logistic" : "linear");
  const fit = (group: number) => {
    const rows: (readonly number[])[] = [];
    const y: number[] = [];
    for (let i = 0; i < X.length; i++) if (treatment[i] === group) {
      rows.push(X[i]);
      y.push(outcome[i]);
    }
    return learner === "logistic" ? fitLogisticL2(rows, y, {lambda}) : fitRidge(rows, y, {lambda});
  };
  return {kind: "tLearner", treated: fit(1), control: fit(0)};
}

/**
 * Class transformation (Jaśkowski & Jaroszewicz 2012): a logistic model of Z = Y·W + (1 − Y)(1 − W)
 * (treated converters and control non-converters are "1"); uplift = 2·P(Z = 1 | x) − 1. With
 * `balance` (default) treated rows weigh 1/(2p) and control rows 1/(2(1 − p)), which makes the
 * identity hold when the treated share p is not 1/2. Binary outcomes only.
 */
export function fitClassTransformation(
  X: FeatureRows,
  outcome: ArrayLike<number>,
  treatment: ArrayLike<number>,
  {lambda = 1, balance = true}: UpliftFitOptions & {balance?: boolean} = {}
): ClassTransformationModel {
  const {n} = checkRows(X, outcome, "fitClassTransformation");
  const {nTreated} = checkTreatment(treatment, n, "fitClassTransformation");
  if (!isBinaryOutcome(outcome)) throw new Error("fitClassTransformation: the outcome must be 0/1; use fitTransformedOutcome for other outcomes");
  const p = nTreated / n;
  const z = Array.from({length: n}, (_, i) => (outcome[i] === treatment[i] ? 1 : 0));
  const weights = balance ? Array.from({length: n}, (_, i) => (treatment[i] === 1 ? 1 / (2 * p) : 1 / (2 * (1 - p)))) : undefined;
  return {kind: "classTransformation", classifier: fitLogisticL2(X, z, {lambda, weights}), treatedShare: p, balanced: balance};
}

/**
 * The transformed outcome of Athey & Imbens (2016): Z* = Y·W/p − Y·(1 − W)/(1 − p). In a randomised
 * test with treatment probability p, E[Z* | x] = τ(x).
 */
export function transformedOutcome(outcome: ArrayLike<number>, treatment: ArrayLike<number>, propensity: number): number[] {
  if (!(propensity > 0 && propensity < 1)) throw new Error(`transformedOutcome: propensity must be in (0, 1); found ${propensity}`);
  return Array.from({length: outcome.length}, (_, i) => (treatment[i] === 1 ? outcome[i] / propensity : -outcome[i] / (1 - propensity)));
}

/**
 * Transformed-outcome regression: ridge regression of Z* on x; its prediction is the uplift.
 * `propensity` defaults to the treated share of the data (a randomised test). Any numeric outcome.
 */
export function fitTransformedOutcome(
  X: FeatureRows,
  outcome: ArrayLike<number>,
  treatment: ArrayLike<number>,
  {lambda = 1, propensity}: UpliftFitOptions & {propensity?: number} = {}
): TransformedOutcomeModel {
  const {n} = checkRows(X, outcome, "fitTransformedOutcome");
  const {nTreated} = checkTreatment(treatment, n, "fitTransformedOutcome");
  const p = propensity ?? nTreated / n;
  return {kind: "transformedOutcome", regression: fitRidge(X, transformedOutcome(outcome, treatment, p), {lambda}), propensity: p};
}

/** Predicted uplift τ̂(x) per row, in outcome units (probability points for 0/1 outcomes). */
export function predictUplift(model: UpliftModel, X: FeatureRows): number[] {
  switch (model.kind) {
    case "tLearner": {
      const t = predictLinear(model.treated, X);
      const c = predictLinear(model.control, X);
      return t.map((v, i) => v - c[i]);
    }
    case "classTransformation":
      return predictLinear(model.classifier, X).map((q) => 2 * q - 1);
    case "transformedOutcome":
      return predictLinear(model.regression, X);
  }
}

/** The average treatment effect of a randomised test: difference in means with its standard error. */
export interface AverageTreatmentEffect {
  nTreated: number;
  nControl: number;
  treatedMean: number;
  controlMean: number;
  /** treatedMean − controlMean. */
  ate: number;
  /** Neyman's √(s²_T/n_T + s²_C/n_C), sample variances (n − 1). */
  standardError: number;
  /** Normal 95% interval. */
  lower95: number;
  upper95: number;
}

/** Difference in means between treated and control, the unbiased ATE of a randomised test. */
export function averageTreatmentEffect(outcome: ArrayLike<number>, treatment: ArrayLike<number>): AverageTreatmentEffect {
  const n = outcome.length;
  checkTreatment(treatment, n, "averageTreatmentEffect");
  const sum = [0, 0];
  const count = [0, 0];
  for (let i = 0; i < n; i++) {
    sum[treatment[i]] += outcome[i];
    count[treatment[i]]++;
  }
  const mean = [sum[0] / count[0], sum[1] / count[1]];
  const ss = [0, 0];
  for (let i = 0; i < n; i++) ss[treatment[i]] += (outcome[i] - mean[treatment[i]]) ** 2;
  const se = Math.sqrt(ss[1] / (count[1] - 1) / count[1] + ss[0] / (count[0] - 1) / count[0]);
  const ate = mean[1] - mean[0];
  const z = 1.959963984540054;
  return {nTreated: count[1], nControl: count[0], treatedMean: mean[1], controlMean: mean[0], ate, standardError: se, lower95: ate - z * se, upper95: ate + z * se};
}

/** A seeded random split of row indices into training and test rows (each sorted ascending). */
export function holdoutSplit(n: number, random: Random, {testShare = 0.3}: {testShare?: number} = {}): {train: number[]; test: number[]} {
  if (!(testShare > 0 && testShare < 1)) throw new Error(`holdoutSplit: testShare must be in (0, 1); found ${testShare}`);
  const order = random.shuffle(Array.from({length: n}, (_, i) => i));
  const nTest = Math.round(n * testShare);
  return {train: order.slice(nTest).sort((a, b) => a - b), test: order.slice(0, nTest).sort((a, b) => a - b)};
}
