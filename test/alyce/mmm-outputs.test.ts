// What the Alyce market-mix loader publishes, at the scale and seed the site uses (SCALE default:
// 208 weeks, 200 bootstrap draws; SEED 42): the model recovers the simulation's truth (the
// issue's proof: ROI within 20 %, truth inside most intervals, the recommendation earns ≥ 95 % of
// the true-curve optimum), the published parts add up, and the budget page's in-browser plan
// reproduces the loader's default plan. Expected values are the simulation's true parameters
// (data-loaders/alyce/simulate-media.ts) or sums of the published numbers. The no-effect lever
// case is tested on the model itself in test/analytics/mmm-fit.test.ts.
import {describe, expect, it} from "vitest";
import {buildMmmReport, DEFAULT_BOUNDS} from "../../data-loaders/alyce/mmm-outputs.js";
import {readFileSync} from "node:fs";
import {DOC, updatedDoc} from "../../data-loaders/alyce/media-docs.js";
import {readArrow} from "../../data-loaders/shared/arrow.js";
import {budgetPlan, waterfallSteps} from "../../src/alyce/mmm.js";
import type {MmmModel} from "../../src/alyce/mmm-types.js";

const {files, model: built} = await buildMmmReport({seed: 42, scale: "default", dataDir: undefined});
const file = (name: string) => files.find(([n]) => n === name)![1];
// The pages read the JSON, so test what survives the round trip.
const model = JSON.parse(new TextDecoder().decode(file("model.json"))) as MmmModel;
const weeks = readArrow(file("weeks.arrow"));
const contributions = readArrow(file("contributions.arrow"));
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe("Alyce MMM at the site's scale recovers the simulated truth", () => {
  it("every lever's ROI is within 20 % of the true ROI", () => {
    const truth = model.truth!;
    for (const [i, l] of model.levers.entries()) {
      expect(truth.levers[i].name).toBe(l.name);
      expect(Math.abs(l.roi.estimate / truth.levers[i].roi - 1)).toBeLessThan(0.2);
    }
    console.info(`Alyce MMM (seed 42, default): ROI errors ${truth.levers.map((t) => `${t.name} ${(100 * t.roiError).toFixed(1)} %`).join(", ")}; coverage ROI ${truth.coverage.roi}/4, marginal ROI ${truth.coverage.marginalRoi}/4, contribution ${truth.coverage.contribution}/4; share of true optimum ${(100 * truth.optimum.shareOfOptimum).toFixed(2)} %`);
  });
  it("the truth lies inside most 90 % intervals", () => {
    expect(model.truth!.coverage.roi).toBeGreaterThanOrEqual(3);
    expect(model.truth!.coverage.marginalRoi).toBeGreaterThanOrEqual(2);
  });
  it("the recommended allocation earns at least 95 % of the true-curve optimum, and no more than it", () => {
    const o = model.truth!.optimum;
    expect(o.shareOfOptimum).toBeGreaterThanOrEqual(0.95);
    expect(o.recommendedTrueWeeklySales).toBeLessThanOrEqual(o.trueWeeklySales * (1 + 1e-9));
  });
  it("every effect is detected and the data tests passed", () => {
    expect(model.levers.every((l) => l.effectDetected)).toBe(true);
    expect(model.dataTests.filter((t) => t.status === "fail")).toEqual([]);
  });
});

describe("the published parts add up", () => {
  it("components sum to the fitted sales, and the waterfall ends there", () => {
    expect(sum(model.components.map((c) => c.total))).toBeCloseTo(model.totals.fitted, 4);
    expect(waterfallSteps(model).at(-1)!.end).toBeCloseTo(model.totals.fitted, 4);
    expect(model.totals.fitted).toBeCloseTo(sum([...weeks.getChild("fitted")!] as number[]), 4);
  });
  it("each week's components add up to that week's fit; media rows carry the spend", () => {
    const fitted = [...weeks.getChild("fitted")!] as number[];
    const byWeek = new Map<number, number>();
    const week = [...contributions.getChild("week")!] as number[];
    const value = [...contributions.getChild("value")!] as number[];
    week.forEach((w, i) => byWeek.set(w, (byWeek.get(w) ?? 0) + value[i]));
    const firstWeeks = [...weeks.getChild("week")!] as number[];
    firstWeeks.forEach((w, t) => expect(byWeek.get(w)!).toBeCloseTo(fitted[t], 4));
    expect(contributions.numRows).toBe(208 * (4 + 4));
  });
  it("media share = media contribution / sales, inside its interval", () => {
    const s = model.totals.mediaShare;
    expect(s.estimate).toBeCloseTo(model.totals.media.estimate / model.totals.sales, 12);
    expect(s.lower).toBeLessThanOrEqual(s.estimate);
    expect(s.upper).toBeGreaterThanOrEqual(s.estimate);
  });
  it("the budget page's plan at the default inputs reproduces the loader's default plan", () => {
    const plan = budgetPlan(model, {annualBudget: model.defaultPlan.annualBudget, minShare: DEFAULT_BOUNDS.min, maxShare: DEFAULT_BOUNDS.max});
    expect(plan.recommended.allocation.spend).toEqual(model.defaultPlan.comparison.recommended.allocation.spend);
    expect(plan.gainOverCurrent).toEqual(model.defaultPlan.comparison.gainOverCurrent);
    expect(built.defaultPlan.annualBudget).toBeCloseTo(52 * sum(model.levers.map((l) => l.currentWeeklySpend)), 6);
  });
});

describe("docs/alyce.md", () => {
  it("shows the current true parameters and recovery figures (npx tsx data-loaders/alyce/media-docs.ts)", () => {
    const text = readFileSync(DOC, "utf8");
    expect(updatedDoc(text, model)).toBe(text);
  });
});
