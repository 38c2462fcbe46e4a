/**
 * Market mix model building blocks: adstock, saturation, the lever response, the design matrix and
 * the non-negative least squares step. Expected numbers come from hand calculation, from an
 * independent numpy recomputation of PyMC-Marketing's example data (test/fixtures/mmm/pymc_truth.py
 * → pymc_truth.json) and from scipy (test/fixtures/mmm/reference.py → reference.json).
 */
import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {
  adstockGeometric,
  adstockHalfLife,
  adstockWeights,
  buildBaseDesign,
  dayOfYear,
  fourierColumns,
  hill,
  hillDerivative,
  leverContributions,
  leverMarginalRoi,
  leverRoi,
  logisticSaturation,
  saturate,
  saturateDerivative,
  solveNonNegativeQuadratic,
  steadyStateResponse,
  unstandardizeCoefficients,
  type LeverResponse
} from "../../src/analytics/mmm/index.js";

const FIXTURES = new URL("../fixtures/mmm/", import.meta.url);
const pymcTruth = JSON.parse(readFileSync(new URL("pymc_truth.json", FIXTURES), "utf8"));
const reference = JSON.parse(readFileSync(new URL("reference.json", FIXTURES), "utf8"));
const csv = readFileSync(new URL("mmm_example.csv", FIXTURES), "utf8").trim().split("\n").slice(1).map((l) => l.split(","));
const x1 = csv.map((r) => Number(r[2]));
const x2 = csv.map((r) => Number(r[3]));

describe("adstockGeometric", () => {
  it("normalised recursion a_t = θ a_{t-1} + (1 − θ) x_t, by hand", () => {
    // θ = 0.5, x = [10, 0, 0, 4]: a = [5, 2.5, 1.25, 0.625 + 2] (hand computed)
    expect(Array.from(adstockGeometric([10, 0, 0, 4], 0.5))).toEqual([5, 2.5, 1.25, 2.625]);
    // Not normalised (Robyn's geometric): a_t = x_t + θ a_{t-1}: [10, 5, 2.5, 5.25]
    expect(Array.from(adstockGeometric([10, 0, 0, 4], 0.5, {normalize: false}))).toEqual([10, 5, 2.5, 5.25]);
  });
  it("the recursion equals the explicit weighted sum with weights (1 − θ)θ^l", () => {
    const x = Array.from({length: 30}, (_, t) => (t % 7) * 3 + (t % 3));
    const a = adstockGeometric(x, 0.7);
    const w = adstockWeights(0.7, 30, {window: "infinite"});
    for (let t = 0; t < x.length; t++) {
      let s = 0;
      for (let l = 0; l <= t; l++) s += w[l] * x[t - l];
      expect(a[t]).toBeCloseTo(s, 10);
    }
  });
  it("a constant spend s reaches steady state s (weights sum to one)", () => {
    const a = adstockGeometric(new Array(200).fill(1000), 0.8);
    expect(a[199]).toBeCloseTo(1000, 6);
    expect(Array.from(adstockWeights(0.4, 8)).reduce((p, q) => p + q, 0)).toBeCloseTo(1, 12);
  });
  it("with l_max = 8 reproduces PyMC-Marketing's geometric_adstock(normalize=True) on its example data", () => {
    // pymc_truth.json: numpy recomputation of the notebook's x1_adstock (alpha 0.4) and x2_adstock (alpha 0.2)
    const a1 = adstockGeometric(x1, 0.4, {lMax: 8});
    const a2 = adstockGeometric(x2, 0.2, {lMax: 8});
    pymcTruth.levers.x1.adstocked.forEach((v: number, t: number) => expect(Math.abs(a1[t] - v)).toBeLessThan(1e-12));
    pymcTruth.levers.x2.adstocked.forEach((v: number, t: number) => expect(Math.abs(a2[t] - v)).toBeLessThan(1e-12));
  });
  it("half-life ln 0.5 / ln θ: 1 week at θ = 0.5; refuses θ outside [0, 1)", () => {
    expect(adstockHalfLife(0.5)).toBeCloseTo(1, 12);
    expect(adstockHalfLife(0)).toBe(0);
    expect(() => adstockGeometric([1], 1)).toThrow(/decay must be in \[0, 1\)/);
  });
});

describe("saturation", () => {
  it("Hill is 1/2 at the half-saturation point and 0 at 0", () => {
    expect(hill(5000, 5000, 1.7)).toBeCloseTo(0.5, 14);
    expect(hill(0, 5000, 1.7)).toBe(0);
    // a/K = 2, S = 2: 4 / 5 (hand)
    expect(hill(10, 5, 2)).toBeCloseTo(0.8, 14);
  });
  it("the logistic parameterised by its half-saturation K has rate ln 3 / K", () => {
    // PyMC-Marketing's logistic_saturation with lam = 4 equals ours with K = ln 3 / 4
    expect(saturate(0.3, "logistic", Math.log(3) / 4, 1)).toBeCloseTo(logisticSaturation(0.3, 4), 14);
    expect(saturate(0.7, "logistic", 0.7, 1)).toBeCloseTo(0.5, 14);
  });
  it("derivatives agree with central differences", () => {
    for (const [a, K, S] of [[3, 5, 0.8], [5, 5, 1], [12, 5, 2.5]]) {
      const h = 1e-5;
      expect(hillDerivative(a, K, S)).toBeCloseTo((hill(a + h, K, S) - hill(a - h, K, S)) / (2 * h), 7);
      expect(saturateDerivative(a, "logistic", K, 1)).toBeCloseTo((saturate(a + h, "logistic", K, 1) - saturate(a - h, "logistic", K, 1)) / (2 * h), 7);
    }
  });
});

describe("lever response", () => {
  it("reproduces the true weekly contributions of PyMC-Marketing's example (β·1000·logistic(adstock))", () => {
    // pymc_truth.json: x1 has alpha 0.4, lam 4, beta 3 (× amplitude 1000); x2 alpha 0.2, lam 3, beta 2
    for (const [name, x] of [["x1", x1], ["x2", x2]] as const) {
      const t = pymcTruth.levers[name];
      const lever: LeverResponse = {name, decay: t.alpha, halfSaturation: t.halfSaturation, shape: 1, beta: 1000 * t.beta, saturation: "logistic"};
      const c = leverContributions(x, lever, {lMax: 8});
      t.contributions.forEach((v: number, i: number) => expect(c[i]).toBeCloseTo(v, 8));
      expect(leverRoi(x, lever, {lMax: 8})).toBeCloseTo(t.roi, 8);
      expect(leverMarginalRoi(x, lever, {lMax: 8})).toBeCloseTo(t.marginalRoi, 6);
    }
  });
  it("marginal ROI of a constant spend equals the slope of the response curve there", () => {
    // With constant weekly spend s, contributions approach β·hill(s), so d C / d spend → f'(s). The
    // first few weeks (pressure still building from zero history) move it by under 0.1 % over 400 weeks.
    const lever: LeverResponse = {name: "tv", decay: 0.3, halfSaturation: 20_000, shape: 1.5, beta: 80_000, saturation: "hill"};
    const spend = new Array(400).fill(15_000);
    const slope = lever.beta * hillDerivative(15_000, 20_000, 1.5);
    expect(Math.abs(leverMarginalRoi(spend, lever, {}, 1e-6) / slope - 1)).toBeLessThan(1e-3);
    expect(steadyStateResponse(20_000, lever)).toBeCloseTo(40_000, 8);
  });
});

describe("design", () => {
  it("day of year and Fourier columns by hand", () => {
    expect(dayOfYear("2021-01-04")).toBe(4);
    expect(dayOfYear("2020-12-31")).toBe(366);
    const f = fourierColumns(["2021-04-02"], 2); // day 92
    expect(f.names).toEqual(["sin1", "cos1", "sin2", "cos2"]);
    expect(f.columns[0][0]).toBeCloseTo(Math.sin((2 * Math.PI * 92) / 365.25), 14);
    expect(f.columns[3][0]).toBeCloseTo(Math.cos((4 * Math.PI * 92) / 365.25), 14);
  });
  it("controls are standardised and their coefficients come back in original units", () => {
    const dates = ["2021-01-04", "2021-01-11", "2021-01-18", "2021-01-25"];
    const price = [10, 12, 14, 20];
    const design = buildBaseDesign(dates, [{name: "price", values: price}], {fourierOrder: 0, trend: false});
    expect(design.names).toEqual(["intercept", "price"]);
    // y = 3 + 2·price ⇔ standardised: intercept 3 + 2·mean, slope 2·sd
    const mean = 14;
    const sd = Math.sqrt(((10 - 14) ** 2 + (12 - 14) ** 2 + 0 + 36) / 3);
    const back = unstandardizeCoefficients(design, [3 + 2 * mean, 2 * sd]);
    expect(back.intercept).toBeCloseTo(3, 12);
    expect(back.price).toBeCloseTo(2, 12);
    expect(() => buildBaseDesign(dates, [{name: "flat", values: [1, 1, 1, 1]}])).toThrow(/constant/);
  });
});

describe("non-negative least squares", () => {
  const X: number[][] = reference.nnls.X;
  const y: number[] = reference.nnls.y;
  const k = X[0].length;
  const G = new Float64Array(k * k);
  const c = new Float64Array(k);
  for (const [r, row] of X.entries()) {
    for (let i = 0; i < k; i++) {
      c[i] += row[i] * y[r];
      for (let j = 0; j < k; j++) G[i * k + j] += row[i] * row[j];
    }
  }
  it("matches scipy.optimize.nnls where constraints bind (reference.json)", () => {
    const b = solveNonNegativeQuadratic(G, c, new Array(k).fill(true));
    reference.nnls.solution.forEach((v: number, i: number) => expect(b[i]).toBeCloseTo(v, 9));
    expect(reference.nnls.solution.filter((v: number) => v === 0).length).toBeGreaterThan(0); // the test exercises active constraints
  });
  it("satisfies the KKT conditions; unconstrained columns may go negative", () => {
    const nonNegative = [true, true, false, true, true];
    const b = solveNonNegativeQuadratic(G, c, nonNegative);
    for (let i = 0; i < k; i++) {
      let grad = -c[i];
      for (let j = 0; j < k; j++) grad += G[i * k + j] * b[j];
      if (!nonNegative[i] || b[i] > 0) expect(Math.abs(grad)).toBeLessThan(1e-8);
      else expect(grad).toBeGreaterThanOrEqual(-1e-8); // at zero, the objective must not decrease inwards
      if (nonNegative[i]) expect(b[i]).toBeGreaterThanOrEqual(0);
    }
  });
});
