/**
 * Churn model (logistic regression, ROC, calibration, at-risk list) against statsmodels,
 * scikit-learn and numpy on Hillstrom (test/fixtures/churn/reference.py → reference.json), against
 * the known truth of a seeded simulation, and against hand-worked examples. Sources beside each number.
 */
import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {
  brierScore,
  calibrationTable,
  designMatrix,
  featureEffects,
  fitLogisticRegression,
  holdoutSplit,
  logLoss,
  predictProbability,
  rankAtRisk,
  rankDrivers,
  rocAuc,
  rocCurve
} from "../../src/analytics/churn.js";
import {Random} from "../../src/analytics/random.js";
import {loadHillstrom} from "../fixtures/hillstrom/hillstrom.js";

const reference = JSON.parse(readFileSync(new URL("../fixtures/churn/reference.json", import.meta.url), "utf8"));

// Hillstrom's e-mail test (test/fixtures/hillstrom/README.md): 64,000 customers.
const records = loadHillstrom();
const design = designMatrix(records as unknown as Record<string, unknown>[], {numeric: ["recency", "history", "mens", "womens", "newbie"], categorical: ["channel"]});
const visit = records.map((r) => r.visit);

function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tolerance: number) {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) expect(Math.abs(actual[i] - expected[i]), `index ${i}: ${actual[i]} vs ${expected[i]}`).toBeLessThan(tolerance);
}

describe("design matrix", () => {
  it("dummy-codes channel with Multichannel as reference, as pandas get_dummies(drop_first=True)", () => {
    // reference.json "features": the column names pandas produced.
    expect(design.featureNames).toEqual(reference.features);
    expect(design.levels.channel).toEqual(["Multichannel", "Phone", "Web"]);
    expect(design.X.length).toBe(64000);
  });

  it("codes new data with the training levels and says where a value is wrong", () => {
    const again = designMatrix([{a: 1, c: "Web"}], {numeric: ["a"], categorical: ["c"], levels: {c: design.levels.channel}});
    expect(again.X).toEqual([[1, 0, 1]]);
    expect(() => designMatrix([{a: "x", c: "Web"}], {numeric: ["a"]})).toThrow(/row 0, column "a" is "x"/);
    expect(() => designMatrix([{a: 1, c: "Fax"}], {numeric: ["a"], categorical: ["c"], levels: {c: ["Web", "Phone"]}})).toThrow(/level "Fax"/);
  });
});

describe("logistic regression on Hillstrom (visit ~ recency + history + mens + womens + newbie + channel)", () => {
  const sm = reference.statsmodels;
  const fit = fitLogisticRegression(design.X, visit, {featureNames: design.featureNames});

  it("unpenalised fit equals statsmodels Logit: coefficients, standard errors, z, p-values, log-likelihood", () => {
    expect(fit.converged).toBe(true);
    const effects = featureEffects(fit);
    // reference.json statsmodels.*: sm.Logit(...).fit(method="newton", tol=1e-12).
    expect(effects.map((e) => e.feature)).toEqual(["(intercept)", ...reference.features]);
    expectClose(effects.map((e) => e.coefficient), sm.params, 1e-7);
    expectClose(effects.map((e) => e.standardError), sm.bse, 1e-8);
    expectClose(effects.map((e) => e.z), sm.z, 1e-4);
    effects.forEach((e, i) => expect(Math.abs(e.pValue - sm.pvalues[i]) / sm.pvalues[i]).toBeLessThan(1e-3));
    expectClose(effects.map((e) => e.oddsRatioLow), sm.oddsRatioLow, 1e-7);
    expectClose(effects.map((e) => e.oddsRatioHigh), sm.oddsRatioHigh, 1e-7);
    expect(fit.logLikelihood).toBeCloseTo(sm.llf, 6);
    expect(fit.nullLogLikelihood).toBeCloseTo(sm.llnull, 6);
  });

  it("the fit does not depend on standardising when unpenalised", () => {
    const raw = fitLogisticRegression(design.X, visit, {standardize: false});
    // statsmodels fits the raw features: same numbers either way.
    expectClose([raw.intercept, ...raw.coefficients], sm.params, 1e-7);
    expectClose(featureEffects(raw).map((e) => e.standardError), sm.bse, 1e-8);
  });

  for (const entry of reference.sklearn as {C: number; standardize: boolean; intercept: number; coef: number[]; originalCoef?: number[]; originalIntercept?: number}[]) {
    it(`penalised fit C = ${entry.C}${entry.standardize ? " on standardised features" : " on raw features"} equals scikit-learn`, () => {
      const penalised = fitLogisticRegression(design.X, visit, {C: entry.C, standardize: entry.standardize});
      expect(penalised.converged).toBe(true);
      // reference.json sklearn[]: LogisticRegression(C, solver="newton-cg", tol=1e-12) (after StandardScaler when standardised).
      expectClose([penalised.standardizedIntercept, ...penalised.standardizedCoefficients], [entry.intercept, ...entry.coef], 1e-6);
      if (entry.originalCoef) expectClose([penalised.intercept, ...penalised.coefficients], [entry.originalIntercept!, ...entry.originalCoef], 1e-6);
    });
  }

  it("AUC, Brier score, log loss and the calibration deciles equal scikit-learn / numpy on the fitted probabilities", () => {
    const p = predictProbability(fit, design.X);
    const m = reference.metrics;
    // reference.json metrics.*: roc_auc_score, brier_score_loss, log_loss of statsmodels' probabilities.
    expect(rocAuc(visit, p)).toBeCloseTo(m.auc, 8);
    expect(brierScore(visit, p)).toBeCloseTo(m.brier, 10);
    expect(logLoss(visit, p)).toBeCloseTo(m.logLoss, 9);
    // metrics.calibration: numpy, stable sort by probability, rank r in decile floor(10 r / n), Wilson from statsmodels.
    const table = calibrationTable(visit, p);
    expect(table.map((b) => b.count)).toEqual(m.calibration.map((b: {count: number}) => b.count));
    table.forEach((bin, i) => {
      const ref = m.calibration[i];
      expect(bin.meanPredicted).toBeCloseTo(ref.meanPredicted, 8);
      expect(bin.observedRate).toBeCloseTo(ref.observedRate, 10);
      expect(bin.observedLow).toBeCloseTo(ref.observedLow, 10);
      expect(bin.observedHigh).toBeCloseTo(ref.observedHigh, 10);
    });
  });
});

describe("ROC", () => {
  const m = reference.metrics;
  const negRecency = records.map((r) => -r.recency);
  const history = records.map((r) => r.history);

  it("AUC with heavy ties (recency takes 12 values) equals scikit-learn's roc_auc_score", () => {
    // reference.json metrics.aucRecency / aucHistory.
    expect(rocAuc(visit, negRecency)).toBeCloseTo(m.aucRecency, 12);
    expect(rocAuc(visit, history)).toBeCloseTo(m.aucHistory, 12);
  });

  it("curve points equal scikit-learn's roc_curve with and without drop_intermediate", () => {
    for (const [points, ref] of [
      [rocCurve(visit, negRecency), m.rocRecency],
      [rocCurve(visit, negRecency, {dropIntermediate: false}), m.rocRecencyAll],
      [rocCurve(visit, history), m.rocHistory]
    ] as const) {
      // Long curves are thinned in the reference to every k-th point, with its index.
      expect(points.length).toBe(ref.count);
      const picked = (ref.index as number[]).map((i) => points[i]);
      expectClose(picked.map((q) => q.falsePositiveRate), ref.fpr, 1e-12);
      expectClose(picked.map((q) => q.truePositiveRate), ref.tpr, 1e-12);
      expectClose(picked.slice(1).map((q) => q.threshold), ref.thresholds, 1e-12);
      expect(points[0].threshold).toBe(Infinity);
    }
  });

  it("hand-worked examples", () => {
    // scikit-learn's roc_auc_score docstring example: 0.75 (3 of 4 positive-negative pairs ordered right).
    expect(rocAuc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])).toBe(0.75);
    // A tie between a positive and a negative counts one half.
    expect(rocAuc([0, 1], [0.5, 0.5])).toBe(0.5);
    expect(rocAuc([0, 0, 1], [0.2, 0.5, 0.5])).toBe(0.75);
    expect(rocAuc([1, 1], [0.2, 0.5])).toBeNaN();
    expect(() => rocAuc([0, 2], [0.1, 0.2])).toThrow(/label 1 is 2/);
  });
});

describe("simulated churn with planted drivers", () => {
  // Four drivers with known effects and four irrelevant features (true coefficient 0).
  const random = new Random(2024);
  const n = 20000;
  const names = ["tenureYears", "supportTickets", "discountUser", "monthlySpend", "noise1", "noise2", "noise3", "noise4"];
  const truth = {intercept: -1.2, coefficients: [-0.35, 0.45, 0.8, -0.01, 0, 0, 0, 0]};
  const X: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const row = [random.gamma(2, 1.5), random.poisson(1.2), random.bernoulli(0.25) ? 1 : 0, random.logNormal(3.5, 0.5), random.normal(), random.normal(), random.uniform(), random.bernoulli(0.5) ? 1 : 0];
    let eta = truth.intercept;
    row.forEach((x, j) => (eta += truth.coefficients[j] * x));
    X.push(row);
    y.push(random.bernoulli(1 / (1 + Math.exp(-eta))) ? 1 : 0);
  }
  const fit = fitLogisticRegression(X, y, {featureNames: names});

  it("recovers the true coefficients within four standard errors", () => {
    // Truth: the simulation's parameters above.
    const effects = featureEffects(fit);
    const trueValues = [truth.intercept, ...truth.coefficients];
    effects.forEach((e, i) => expect(Math.abs(e.coefficient - trueValues[i]) / e.standardError, e.feature).toBeLessThan(4));
  });

  it("ranks the planted drivers first by |z| and leaves the noise insignificant", () => {
    const drivers = rankDrivers(fit);
    expect(new Set(drivers.slice(0, 4).map((d) => d.feature))).toEqual(new Set(names.slice(0, 4)));
    for (const d of drivers.slice(4)) expect(d.pValue, d.feature).toBeGreaterThan(0.001);
  });

  it("a held-out AUC well above chance, and calibration within sampling error", () => {
    const {train, test} = holdoutSplit(n, new Random(7), {testShare: 0.3});
    expect(train.length + test.length).toBe(n);
    const model = fitLogisticRegression(train.map((i) => X[i]), train.map((i) => y[i]));
    const p = predictProbability(model, test.map((i) => X[i]));
    const yTest = test.map((i) => y[i]);
    // The true model's AUC on the same customers is the ceiling; a correct fit comes within 0.01 of it.
    const trueP = test.map((i) => 1 / (1 + Math.exp(-(truth.intercept + X[i].reduce((s, x, j) => s + truth.coefficients[j] * x, 0)))));
    expect(rocAuc(yTest, p)).toBeGreaterThan(rocAuc(yTest, trueP) - 0.01);
    expect(rocAuc(yTest, p)).toBeGreaterThan(0.7);
    for (const bin of calibrationTable(yTest, p)) {
      // Each decile's mean prediction inside a widened (99.9%) interval of its observed rate.
      const [low, high] = [bin.observedLow, bin.observedHigh];
      const widen = 1.7; // z(0.9995) / z(0.975)
      const centre = (low + high) / 2;
      expect(bin.meanPredicted).toBeGreaterThan(centre - widen * (centre - low));
      expect(bin.meanPredicted).toBeLessThan(centre + widen * (high - centre));
    }
  });

  it("a stronger penalty shrinks the coefficients; weights equal duplicated rows", () => {
    const norms = [Infinity, 1, 0.01, 0.0001].map((C) => fitLogisticRegression(X, y, {C}).standardizedCoefficients.reduce((s, b) => s + b * b, 0));
    for (let i = 1; i < norms.length; i++) expect(norms[i]).toBeLessThan(norms[i - 1]);
    const few = X.slice(0, 500);
    const yFew = y.slice(0, 500);
    const weighted = fitLogisticRegression(few, yFew, {C: 0.5, standardize: false, weights: few.map((_, i) => (i < 100 ? 2 : 1))});
    const duplicated = fitLogisticRegression([...few, ...few.slice(0, 100)], [...yFew, ...yFew.slice(0, 100)], {C: 0.5, standardize: false});
    expectClose(weighted.coefficients, duplicated.coefficients, 1e-9);
  });
});

describe("fitting errors", () => {
  it("refuses perfectly separated data without a penalty, and fits it with one", () => {
    const X = [[0], [1], [2], [3], [4], [5]];
    const y = [0, 0, 0, 1, 1, 1];
    let failed = false;
    try {
      const fit = fitLogisticRegression(X, y);
      failed = !fit.converged;
    } catch (error) {
      failed = /separates the outcomes/.test(String(error));
    }
    expect(failed).toBe(true);
    expect(fitLogisticRegression(X, y, {C: 1}).converged).toBe(true);
  });

  it("says which row is wrong", () => {
    expect(() => fitLogisticRegression([[1], [2, 3]], [0, 1])).toThrow(/row 1 has 2 features, expected 1/);
    expect(() => fitLogisticRegression([[1], [2]], [0, 0.5])).toThrow(/outcome of row 1 is 0.5/);
  });
});

describe("at-risk list", () => {
  it("ranks by probability × value with cumulative shares (hand-worked)", () => {
    const ranked = rankAtRisk([
      {id: "a", probability: 0.9, value: 10}, // expected loss 9
      {id: "b", probability: 0.2, value: 100}, // 20
      {id: "c", probability: 0.5, value: 2}, // 1
      {id: "d", probability: 0.1, value: 200} // 20, tie with b: higher probability first
    ]);
    expect(ranked.map((r) => r.id)).toEqual(["b", "d", "a", "c"]);
    expect(ranked.map((r) => r.expectedLoss)).toEqual([20, 20, 9, 1]);
    expect(ranked.map((r) => r.cumulativeShare)).toEqual([20 / 50, 40 / 50, 49 / 50, 1]);
    expect(rankAtRisk([{id: 1, probability: 0.5, value: 1}, {id: 2, probability: 0.9, value: 1}], {top: 1}).map((r) => r.id)).toEqual([2]);
    expect(rankAtRisk([{id: 1, probability: 0.1, value: 100}, {id: 2, probability: 0.9, value: 1}], {minProbability: 0.5}).map((r) => [r.id, r.rank])).toEqual([[2, 1]]);
  });
});
