/**
 * Market mix model diagnostics: Durbin-Watson and Ljung-Box against statsmodels
 * (test/fixtures/mmm/reference.py → reference.json), fit measures and decomp.RSSD by hand, the
 * interval helpers (numpy's linear quantile), and each warning on a case built to trigger it.
 */
import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {
  correlationMatrix,
  decompRssd,
  durbinWatson,
  estimateFromDraws,
  ljungBox,
  meanAbsolutePercentageError,
  modelWarnings,
  normalizedRmse,
  quantile,
  rSquared,
  type LeverSummary
} from "../../src/analytics/mmm/index.js";

const reference = JSON.parse(readFileSync(new URL("../fixtures/mmm/reference.json", import.meta.url), "utf8"));

describe("residual diagnostics", () => {
  const e: number[] = reference.residuals.values;
  it("Durbin-Watson equals statsmodels' durbin_watson", () => {
    expect(durbinWatson(e)).toBeCloseTo(reference.residuals.durbinWatson, 12);
  });
  it("Ljung-Box Q(10) and its p-value equal statsmodels' acorr_ljungbox(lags=[10])", () => {
    const lb = ljungBox(e, 10);
    expect(lb.statistic).toBeCloseTo(reference.residuals.ljungBox10.statistic, 9);
    expect(lb.pValue / reference.residuals.ljungBox10.pValue).toBeCloseTo(1, 5);
  });
});

describe("fit measures", () => {
  it("R², MAPE and NRMSE by hand", () => {
    // actual [100, 200, 300], predicted [110, 190, 300]: SS_res 200, SS_tot 20000 → R² 0.99;
    // MAPE (10/100 + 10/200 + 0)/3 = 5 %; NRMSE sqrt(200/3)/200
    expect(rSquared([100, 200, 300], [110, 190, 300])).toBeCloseTo(0.99, 12);
    expect(meanAbsolutePercentageError([100, 200, 300], [110, 190, 300])).toBeCloseTo(5, 12);
    expect(normalizedRmse([100, 200, 300], [110, 190, 300])).toBeCloseTo(Math.sqrt(200 / 3) / 200, 12);
  });
  it("decomp.RSSD is the distance between effect and spend shares (Robyn)", () => {
    // shares (0.5, 0.5) vs (0.8, 0.2): sqrt(0.09 + 0.09)
    expect(decompRssd([0.5, 0.5], [0.8, 0.2])).toBeCloseTo(Math.sqrt(0.18), 12);
    expect(correlationMatrix([[1, 2, 3], [2, 4, 6.5]])[0][1]).toBeGreaterThan(0.99);
  });
  it("quantile type 7 agrees with numpy.quantile (linear)", () => {
    // numpy.quantile([1, 2, 3, 4], [0.1, 0.5, 0.95]) = [1.3, 2.5, 3.85]
    expect(quantile([4, 1, 3, 2], 0.1)).toBeCloseTo(1.3, 12);
    expect(quantile([4, 1, 3, 2], 0.5)).toBeCloseTo(2.5, 12);
    expect(quantile([4, 1, 3, 2], 0.95)).toBeCloseTo(3.85, 12);
  });
  it("the bias-corrected interval is the percentile interval shifted by median(draws) − estimate", () => {
    // draws 1..101 have median 51; estimate 55 ⇒ shift −4: [6 + 4, 96 + 4] with level 0.9
    const draws = Array.from({length: 101}, (_, i) => i + 1);
    const bc = estimateFromDraws(55, draws, {level: 0.9, interval: "bias-corrected"});
    expect(bc.lower).toBeCloseTo(quantile(draws, 0.05) + 4, 12);
    expect(bc.upper).toBeCloseTo(quantile(draws, 0.95) + 4, 12);
    const plain = estimateFromDraws(55, draws, {level: 0.9}); // the default: plain percentile
    expect(plain.lower).toBeCloseTo(6, 12);
    expect(estimateFromDraws(0, [0, 0, 0, 1, 2], {}, 0).lower).toBe(0); // clipped at the quantity's range
  });
});

describe("warnings", () => {
  const est = (estimate: number, lower: number, upper: number) => ({estimate, lower, upper, sd: (upper - lower) / 3.3});
  const lever = (name: string, roi: [number, number, number], over: Partial<LeverSummary> = {}): LeverSummary => ({
    name,
    spend: 1000,
    spendShare: 0.5,
    currentWeeklySpend: 10,
    contribution: est(roi[0] * 1000, roi[1] * 1000, roi[2] * 1000),
    effectShare: 0.5,
    roi: est(...roi),
    marginalRoi: est(roi[0] / 2, roi[1] / 2, roi[2] / 2),
    decay: est(0.4, 0.3, 0.5),
    halfSaturation: est(10, 8, 12),
    shape: est(1, 0.8, 1.2),
    beta: est(100, 80, 120),
    halfLife: est(0.76, 0.6, 1),
    effectDetected: roi[1] > 0.05,
    ...over
  });
  const base = {leverCorrelation: [[1, 0.2], [0.2, 1]], maxDecay: 0.95, spendScale: [10, 10], ljungBoxPValue: 0.5, mape: 2, holdoutMape: 2.5};
  it("no warning for a well-determined fit", () => {
    expect(modelWarnings({...base, levers: [lever("tv", [1.2, 1, 1.4]), lever("search", [2, 1.8, 2.2])]})).toEqual([]);
  });
  it("each warning fires on its case", () => {
    const kinds = (w: ReturnType<typeof modelWarnings>) => w.map((x) => x.kind).sort();
    expect(kinds(modelWarnings({...base, levers: [lever("tv", [0.02, 0, 0.3]), lever("search", [2, 1.8, 2.2])]}))).toEqual(["no-effect"]);
    expect(kinds(modelWarnings({...base, levers: [lever("tv", [1, 0.3, 2.5]), lever("search", [2, 1.8, 2.2])]}))).toEqual(["wide-interval"]);
    expect(kinds(modelWarnings({...base, levers: [lever("tv", [1, 0.9, 1.1], {decay: est(0.949, 0.9, 0.95)}), lever("search", [2, 1.8, 2.2], {halfSaturation: est(600, 500, 700)})]}))).toEqual(["at-bound", "at-bound"]);
    expect(kinds(modelWarnings({...base, leverCorrelation: [[1, 0.85], [0.85, 1]], levers: [lever("tv", [1.2, 1, 1.4]), lever("search", [2, 1.8, 2.2])]}))).toEqual(["collinear"]);
    expect(kinds(modelWarnings({...base, ljungBoxPValue: 0.01, holdoutMape: 9, levers: [lever("tv", [1.2, 1, 1.4]), lever("search", [2, 1.8, 2.2])]}))).toEqual(["holdout-worse", "residual-autocorrelation"]);
  });
});
