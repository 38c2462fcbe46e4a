/**
 * The market mix model recovers the truth of the Alyce simulation (data-loaders/alyce/
 * simulate-media.ts, default 208 weeks, seed 1): every expected number below is the simulation's
 * true parameter or a quantity computed from it (truth.levers[*].roi, .marginalRoi). Tests use 40
 * bootstrap draws to stay fast; production uses 200 (docs/models/mmm.md). A 40-seed study of the
 * same checks is in test/fixtures/mmm/coverage-study.ts (figures in docs/models/mmm.md).
 */
import {describe, expect, it} from "vitest";
import {mediaMixDataFromWeeks, simulateMediaWeeks} from "../../data-loaders/alyce/simulate-media.js";
import {decomposeSales, fitMediaMix, fitMediaMixPoint, MediaMixProblem, movingBlockResample} from "../../src/analytics/mmm/index.js";
import {numericGradient} from "../../src/analytics/optimize.js";
import {Random} from "../../src/analytics/random.js";

const sim = simulateMediaWeeks({seed: 1});
const data = mediaMixDataFromWeeks(sim.weeks);
const result = fitMediaMix(data, {seed: 1, bootstrap: {draws: 40}});

describe("fitMediaMix on the Alyce simulation (truth known)", () => {
  it("every lever's ROI is within 20 % of the true ROI", () => {
    for (const [i, lever] of result.levers.entries()) {
      const truth = sim.truth.levers[i];
      expect(lever.name).toBe(truth.name);
      expect(Math.abs(lever.roi.estimate / truth.roi - 1)).toBeLessThan(0.2);
    }
  });
  it("the true ROI lies inside the 90 % interval for most levers (coverage reported)", () => {
    const covered = result.levers.filter((l, i) => l.roi.lower <= sim.truth.levers[i].roi && sim.truth.levers[i].roi <= l.roi.upper);
    const coveredMarginal = result.levers.filter((l, i) => l.marginalRoi.lower <= sim.truth.levers[i].marginalRoi && sim.truth.levers[i].marginalRoi <= l.marginalRoi.upper);
    console.info(`MMM coverage on seed 1 (40 draws): ROI ${covered.length}/4 [${covered.map((l) => l.name)}], marginal ROI ${coveredMarginal.length}/4 [${coveredMarginal.map((l) => l.name)}]`);
    expect(covered.length).toBeGreaterThanOrEqual(3);
    expect(coveredMarginal.length).toBeGreaterThanOrEqual(2);
  });
  it("marginal ROI is within 25 % of the truth and below the ROI (diminishing returns)", () => {
    for (const [i, lever] of result.levers.entries()) {
      expect(Math.abs(lever.marginalRoi.estimate / sim.truth.levers[i].marginalRoi - 1)).toBeLessThan(0.25);
      expect(lever.marginalRoi.estimate).toBeLessThan(lever.roi.estimate);
    }
  });
  it("adstock decays are recovered (true 0.65, 0.2, 0.35, 0.3) and every effect is detected", () => {
    for (const [i, lever] of result.levers.entries()) {
      expect(Math.abs(lever.decay.estimate - sim.truth.levers[i].decay)).toBeLessThan(0.15);
      expect(lever.effectDetected).toBe(true);
    }
    expect(result.warnings.filter((w) => w.kind === "no-effect")).toEqual([]);
  });
  it("the linear levers are recovered: promotion lift 30k, discount 3k per point, market index 2.5k per point", () => {
    // truth.baseline: promotionLift 30,000, discountPerPoint 3,000, marketIndexPerPoint 2,500, thanksgiving 45,000
    const c = result.coefficients;
    expect(Math.abs(c.promotion.estimate / sim.truth.baseline.promotionLift - 1)).toBeLessThan(0.15);
    expect(Math.abs(c.discountPct.estimate / sim.truth.baseline.discountPerPoint - 1)).toBeLessThan(0.25);
    expect(Math.abs(c.marketIndex.estimate / sim.truth.baseline.marketIndexPerPoint - 1)).toBeLessThan(0.25);
    expect(Math.abs(c.thanksgiving.estimate / sim.truth.baseline.thanksgiving - 1)).toBeLessThan(0.3);
  });
  it("fits well in and out of sample; residuals are white (the simulation's noise is)", () => {
    const d = result.diagnostics;
    expect(d.rSquared).toBeGreaterThan(0.95);
    expect(d.mape).toBeLessThan(3);
    expect(d.holdout!.mape).toBeLessThan(4);
    expect(d.holdout!.weeks).toBe(13);
    expect(d.durbinWatson).toBeGreaterThan(1.5);
    expect(d.ljungBox.pValue).toBeGreaterThan(0.05);
    expect(d.converged).toBe(true);
    expect(d.bootstrapDraws).toBe(40);
    // all four local searches reached the same optimum
    expect(Math.max(...d.startObjectives) - Math.min(...d.startObjectives)).toBeLessThan(0.01);
  });
  it("shares, decomp.RSSD and the outputs are consistent", () => {
    const spendShare = result.levers.reduce((s, l) => s + l.spendShare, 0);
    const effectShare = result.levers.reduce((s, l) => s + l.effectShare, 0);
    expect(spendShare).toBeCloseTo(1, 12);
    expect(effectShare).toBeCloseTo(1, 12);
    expect(result.diagnostics.decompRssd).toBeCloseTo(Math.sqrt(result.levers.reduce((s, l) => s + (l.effectShare - l.spendShare) ** 2, 0)), 12);
    // contribution series sum to the totals; fitted values equal the decomposition's sum
    result.contributions.forEach((c, i) => expect(c.values.reduce((a, b) => a + b, 0)).toBeCloseTo(result.levers[i].contribution.estimate, 6));
    const parts = decomposeSales(data, result.responses, result.point.coefficients);
    parts.predicted.forEach((p, t) => expect(p).toBeCloseTo(result.weeks[t].fitted, 4));
    // response curves start at 0 and rise; decay curves start at 1 − θ
    for (const [i, curve] of result.responseCurves.entries()) {
      expect(curve.response[0]).toBe(0);
      expect(curve.response[curve.response.length - 1]).toBeGreaterThan(curve.response[1]);
      expect(result.decayCurves[i].weight[0]).toBeCloseTo(1 - result.responses[i].decay, 12);
    }
  });
});

describe("a lever without effect", () => {
  it("is reported as such: contribution ≈ 0, ROI interval reaching 0, flag and warning", () => {
    const off = simulateMediaWeeks({seed: 1, noEffectLever: "display"});
    const fit = fitMediaMix(mediaMixDataFromWeeks(off.weeks), {seed: 1, bootstrap: {draws: 30}, holdoutWeeks: 0});
    const display = fit.levers.find((l) => l.name === "display")!;
    expect(display.effectDetected).toBe(false);
    expect(display.roi.lower).toBeLessThanOrEqual(0.05);
    expect(display.effectShare).toBeLessThan(0.03); // true share 0
    expect(fit.warnings.some((w) => w.kind === "no-effect" && w.levers[0] === "display")).toBe(true);
    for (const l of fit.levers.filter((x) => x.name !== "display")) expect(l.effectDetected).toBe(true);
  });
});

describe("the objective's exact gradient (variable projection)", () => {
  it.each([
    ["Hill, geometric recursion", {}],
    ["logistic, 8-week window", {saturation: "logistic" as const, adstockLMax: 8}],
    ["Hill, first 150 weeks only", {rows: Array.from({length: 150}, (_, t) => t)}]
  ])("%s: agrees with central differences", (_, options) => {
    const problem = new MediaMixProblem(data, options);
    const random = new Random(5);
    for (let k = 0; k < 3; k++) {
      const theta = problem.randomTheta(random);
      const exact = problem.objectiveAndGradient(theta);
      const numeric = numericGradient((x) => problem.objective(x), theta);
      expect(exact.value).toBeCloseTo(problem.objective(theta), 10);
      exact.gradient.forEach((g, i) => expect(Math.abs(g - numeric[i]) / Math.max(1, Math.abs(numeric[i]))).toBeLessThan(1e-4));
    }
  });
});

describe("determinism, plain data and the bootstrap's blocks", () => {
  it("the same seed gives the same fit", () => {
    const a = fitMediaMixPoint(data, {seed: 7, screen: 40, starts: 1});
    const b = fitMediaMixPoint(data, {seed: 7, screen: 40, starts: 1});
    expect(a).toEqual(b);
    const small = {seed: 3, screen: 40, starts: 1, bootstrap: {draws: 5}, holdoutWeeks: 0};
    expect(fitMediaMix(data, small)).toEqual(fitMediaMix(data, small));
  });
  it("the result is plain data: it survives a JSON round trip unchanged", () => {
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });
  it("moving-block resampling draws runs of consecutive residuals", () => {
    const values = Array.from({length: 50}, (_, t) => t);
    const out = movingBlockResample(values, 5, new Random(3));
    expect(out).toHaveLength(50);
    for (let b = 0; b < 50; b += 5) for (let j = 1; j < 5; j++) expect(out[b + j]).toBe((out[b] + j) % 50);
  });
});
