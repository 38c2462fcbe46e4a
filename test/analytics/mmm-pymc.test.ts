/**
 * Fit quality on public data with a published truth: PyMC-Marketing's example data set
 * (test/fixtures/mmm/mmm_example.csv, Apache-2.0, see the README there). Its generating notebook
 * states the process (geometric adstock with l_max 8: alpha x1 = 0.4, x2 = 0.2; logistic saturation
 * lam x1 = 4, x2 = 3; betas 3 and 2; amplitude: the CSV is 1000 × the notebook's bracket). The true
 * contributions, ROI and marginal ROI are recomputed independently in pymc_truth.py → pymc_truth.json.
 *
 * Two specifications: the one that matches the truth (logistic saturation, 8-week normalised
 * window, 2 Fourier harmonics as the notebook's `yearly_seasonality=2`) and our default (Hill,
 * infinite geometric adstock, 3 harmonics). Figures measured when this was written are in
 * docs/models/mmm.md.
 */
import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {fitMediaMix, type MediaMixData} from "../../src/analytics/mmm/index.js";

const FIXTURES = new URL("../fixtures/mmm/", import.meta.url);
const truth = JSON.parse(readFileSync(new URL("pymc_truth.json", FIXTURES), "utf8"));
// columns: date_week, y, x1, x2, event_1, event_2, dayofyear, t
const rows = readFileSync(new URL("mmm_example.csv", FIXTURES), "utf8").trim().split("\n").slice(1).map((l) => l.split(","));
const data: MediaMixData = {
  dates: rows.map((r) => r[0]),
  sales: rows.map((r) => Number(r[1])),
  media: [
    {name: "x1", spend: rows.map((r) => Number(r[2]))},
    {name: "x2", spend: rows.map((r) => Number(r[3]))}
  ],
  controls: [
    {name: "event_1", values: rows.map((r) => Number(r[4]))},
    {name: "event_2", values: rows.map((r) => Number(r[5]))}
  ]
};
const relative = (estimate: number, target: number) => Math.abs(estimate / target - 1);

describe("PyMC-Marketing example data, specification matching the truth", () => {
  const fit = fitMediaMix(data, {saturation: "logistic", adstockLMax: 8, fourierOrder: 2, seed: 1, bootstrap: {draws: 40}});
  it("recovers the adstock decays (0.4, 0.2) and half-saturations (ln 3 / 4, ln 3 / 3)", () => {
    for (const [i, name] of ["x1", "x2"].entries()) {
      expect(Math.abs(fit.responses[i].decay - truth.levers[name].alpha)).toBeLessThan(0.05);
      expect(relative(fit.responses[i].halfSaturation, truth.levers[name].halfSaturation)).toBeLessThan(0.15);
    }
  });
  it("total contributions and ROI within 10 % of the truth, inside the 90 % intervals", () => {
    for (const [i, name] of ["x1", "x2"].entries()) {
      const t = truth.levers[name];
      const l = fit.levers[i];
      expect(relative(l.contribution.estimate, t.totalContribution)).toBeLessThan(0.1);
      expect(relative(l.roi.estimate, t.roi)).toBeLessThan(0.1);
      expect(l.contribution.lower).toBeLessThanOrEqual(t.totalContribution);
      expect(l.contribution.upper).toBeGreaterThanOrEqual(t.totalContribution);
    }
  });
  it("fits as well as the noise allows (sd 250 on weekly sales of ~5,300: R² > 0.9)", () => {
    expect(fit.diagnostics.rSquared).toBeGreaterThan(0.9);
    expect(fit.diagnostics.ljungBox.pValue).toBeGreaterThan(0.05);
    expect(fit.holdout!.mape).toBeLessThan(10);
  });
});

describe("PyMC-Marketing example data, our default specification (Hill, infinite adstock)", () => {
  const fit = fitMediaMix(data, {seed: 1, bootstrap: {draws: 30}, holdoutWeeks: 0});
  it("marginal ROIs: x1 within 10 % of the truth, x2 within 15 % and inside its (wide) interval; x2's ROI within 10 %", () => {
    expect(relative(fit.levers[0].marginalRoi.estimate, truth.levers.x1.marginalRoi)).toBeLessThan(0.1);
    expect(relative(fit.levers[1].marginalRoi.estimate, truth.levers.x2.marginalRoi)).toBeLessThan(0.15);
    expect(fit.levers[1].marginalRoi.lower).toBeLessThanOrEqual(truth.levers.x2.marginalRoi);
    expect(fit.levers[1].marginalRoi.upper).toBeGreaterThanOrEqual(truth.levers.x2.marginalRoi);
    expect(relative(fit.levers[1].roi.estimate, truth.levers.x2.roi)).toBeLessThan(0.1);
  });
  it("x1's ROI is under-stated but within 35 % (an always-on lever's level depends on the curve's shape near zero)", () => {
    // x1 is never switched off; the Hill curve fitted (shape ≈ 2) bends lower near zero than the
    // true logistic, so the level credited to x1 is smaller: about −21 % when written.
    expect(fit.levers[0].roi.estimate).toBeLessThan(truth.levers.x1.roi);
    expect(relative(fit.levers[0].roi.estimate, truth.levers.x1.roi)).toBeLessThan(0.35);
  });
});
