// The Alyce market-mix pages' computations (src/alyce/mmm.ts, mmm-truth.ts) on a hand-made
// two-lever model: every expected number is worked by hand from the inputs written here.
import {describe, expect, it} from "vitest";
import type {BudgetComparison} from "../../src/analytics/mmm/budget.js";
import {flightingNote, headline, leverShareBounds, leverSharesFromText, planBounds, planProblem, reallocationSentence, residualSentence, roiSentence, shareSentence, waterfallSteps} from "../../src/alyce/mmm.js";
import {recoverySentence} from "../../src/alyce/mmm-truth.js";
import type {LeverOutput, MmmModel} from "../../src/alyce/mmm-types.js";

const e = (estimate: number, lower: number, upper: number) => ({estimate, lower, upper, sd: 0});
const lever = (name: string, o: Partial<LeverOutput>): LeverOutput => ({
  name,
  spend: 0,
  spendShare: 0,
  currentWeeklySpend: 50,
  maxWeeklySpend: 100,
  contribution: e(0, 0, 0),
  effectShare: 0,
  roi: e(1, 1, 1),
  marginalRoi: e(1, 1, 1),
  decay: e(0.5, 0.4, 0.6),
  halfLife: e(1, 0.8, 1.2),
  halfSaturation: e(50, 40, 60),
  shape: e(1, 1, 1),
  beta: e(100, 90, 110),
  breakEvenWeeklySpend: 80,
  effectDetected: true,
  ...o
});
const levers = [
  lever("search", {roi: e(3, 2.5, 3.5), marginalRoi: e(1.5, 1.2, 1.8), spendShare: 0.4, effectShare: 2 / 3}),
  lever("tv", {roi: e(1.2, 0.9, 1.5), marginalRoi: e(0.8, 0.6, 1.1), spendShare: 0.6, effectShare: 1 / 3})
];
const components: MmmModel["components"] = [
  {component: "baseline", kind: "base", total: 1000, lower: null, upper: null},
  {component: "price_promotions", kind: "control", total: 200, lower: null, upper: null},
  {component: "holidays", kind: "control", total: -50, lower: null, upper: null},
  {component: "market_index", kind: "control", total: 0, lower: null, upper: null},
  {component: "search", kind: "media", total: 300, lower: 250, upper: 350},
  {component: "tv", kind: "media", total: 150, lower: 100, upper: 200}
];

describe("waterfall", () => {
  it("adds each part to the running total and ends at the fitted sales", () => {
    const steps = waterfallSteps({components});
    // running totals by hand: 0 → 1000 → 1200 → 1150 → 1150 → 1450 → 1600
    expect(steps.map((s) => [s.start, s.end])).toEqual([[0, 1000], [1000, 1200], [1200, 1150], [1150, 1150], [1150, 1450], [1450, 1600], [0, 1600]]);
    expect(steps.map((s) => s.label)).toEqual(["Baseline (trend and season)", "Price and promotions", "Holidays", "Market index", "Paid search", "TV", "Fitted sales"]);
  });
});

describe("sentences", () => {
  it("headline: media share with interval, best ROI lever", () => {
    const text = headline({totals: {sales: 1650, fitted: 1600, media: e(450, 350, 550), mediaShare: e(0.27, 0.24, 0.31), spend: 200, currentAnnualSpend: 5200}, levers, period: {first: "2021-01-04", last: "2024-12-23", weeks: 208}});
    expect(text).toBe("Paid media drove 27% of Alyce's $1.7K of sales over Jan 2021 – Dec 2024 (208 weeks) (90 % interval 24% to 31%); Paid search returned the most per dollar: $3.00 of sales for each $1 spent ($2.50 to $3.50).");
  });

  it("reallocation: annual moves (weekly × 52) and the gain with its interval", () => {
    const allocation = (spend: number[]) => ({spend, response: [0, 0], total: 0, marginal: [0, 0]});
    const comparison = {
      totalBudget: 100,
      recommended: {allocation: allocation([70, 30]), expected: e(0, 0, 0)},
      current: {allocation: allocation([50, 50]), expected: e(0, 0, 0)},
      equal: {allocation: allocation([50, 50]), expected: e(0, 0, 0)},
      gainOverCurrent: e(10, 2, 20),
      gainOverEqual: e(10, 2, 20)
    } as BudgetComparison;
    // search +20/week = +$1,040/year, TV −$1,040; gain 10 × 52 = $520 [104, 1,040]; budget 100 × 52 = $5,200
    expect(reallocationSentence(comparison, levers)).toBe("With $5.2K a year, move money out of TV ($1K) and into Paid search ($1K) (compared with today's mix at that budget): the model expects $520 more sales a year (90 % interval $104 to $1K).");
  });

  it("plan problems: bounds that cannot hold the budget are explained", () => {
    // current spend 50 + 50 a week = $5,200 a year
    expect(planProblem({levers}, {annualBudget: 5200, minShare: 0.5, maxShare: 2})).toBeNull();
    expect(planProblem({levers}, {annualBudget: 2000, minShare: 0.5, maxShare: 2})).toContain("The lower bounds alone (50% of each lever's current spend) cost $2.6K a year, more than the budget of $2K.");
    expect(planProblem({levers}, {annualBudget: 20000, minShare: 0.5, maxShare: 2})).toContain("The upper bounds (200% of each lever's current spend) add up to $10.4K a year, less than the budget of $20K.");
    expect(planProblem({levers}, {annualBudget: 5200, minShare: 1.5, maxShare: 1})).toContain("above the maximum");
  });

  it("per-lever bounds: typed percentages override the common ones, and are checked", () => {
    // Blank or not a number ≥ 0: no override; "120" and "80%" → 1.2 and 0.8.
    expect(leverSharesFromText({search: {min: "", max: "120"}, tv: {min: "80%", max: "x"}, other: {min: " ", max: "-5"}})).toEqual({search: {min: undefined, max: 1.2}, tv: {min: 0.8, max: undefined}});
    const inputs = {annualBudget: 5200, minShare: 0.5, maxShare: 2, leverShares: {tv: {min: 1, max: 1}}};
    expect(leverShareBounds({levers}, inputs)).toEqual([
      {name: "search", min: 0.5, max: 2},
      {name: "tv", min: 1, max: 1}
    ]);
    // Weekly spend 50 each: search 25–100, TV pinned at 50; a $5,200 budget (100 a week) fits.
    expect(planBounds({levers}, inputs)).toEqual([
      {min: 25, max: 100},
      {min: 50, max: 50}
    ]);
    expect(planProblem({levers}, inputs)).toBeNull();
    // Maximums 100 + 50 = 150 a week = $7,800 a year < $10,000.
    expect(planProblem({levers}, {...inputs, annualBudget: 10_000})).toBe("The upper bounds (the levers' maximums) add up to $7.8K a year, less than the budget of $10K. Raise the maximum or lower the budget.");
    // Minimums 25 + 50 = 75 a week = $3,900 a year > $2,000.
    expect(planProblem({levers}, {...inputs, annualBudget: 2000})).toBe("The lower bounds alone (the levers' minimums) cost $3.9K a year, more than the budget of $2K. Lower the minimum or raise the budget.");
    expect(planProblem({levers}, {...inputs, leverShares: {tv: {min: 1.5, max: 1}}})).toBe("TV's minimum (150%) is above its maximum (100%) of current spend.");
  });

  it("plan bounds absorb a rounding slack by scaling the binding side only", () => {
    // Budget 99.99 a week against minimums of 100 (both levers at ≥ 100 %): minimums scale by 0.9999.
    const bounds = planBounds({levers}, {annualBudget: 99.99 * 52, minShare: 1, maxShare: 2});
    expect(bounds[0].min).toBeCloseTo(49.995, 9);
    expect(bounds[0].max).toBe(100);
  });

  it("ROI sentence counts levers clearly above break-even", () => {
    expect(roiSentence(levers)).toBe("1 of 2 levers returned more than a dollar of sales per dollar spent beyond doubt (Paid search). For 1 lever the interval straddles break-even.");
  });

  it("share sentence: largest gaps between effect and spend shares, and decomp.RSSD", () => {
    // RSSD = √((2/3 − 0.4)² + (1/3 − 0.6)²) = √(2 × 0.2667²) = 0.377
    expect(shareSentence(levers, Math.sqrt(2 * (2 / 3 - 0.4) ** 2))).toBe("Paid search takes 40% of media spend but delivers 67% of media's effect; TV takes 60% of spend for 33% of the effect (decomposition distance, Robyn's decomp.RSSD: 0.38; 0 would mean every lever's effect matches its spend).");
  });

  it("flighting note: marginal ROI below $1 although average spend is below break-even", () => {
    // TV: marginal ROI 0.8 < 1, current 50 < break-even 80; search's marginal ROI is 1.5
    expect(flightingNote(levers)).toMatch(/^TV: the next dollar as spent today returns less than a dollar/);
    expect(flightingNote([levers[0]])).toBe("");
  });

  it("residuals: one lag outside the band is chance unless Ljung-Box rejects", () => {
    const acf = Array.from({length: 13}, (_, k) => ({lag: k + 1, value: k === 0 ? 0.2 : 0.01}));
    const diagnostics = (p: number) => ({ljungBox: {lags: 10, statistic: 0, pValue: p}}) as MmmModel["diagnostics"];
    // 5 % × 13 lags = 0.65 expected by chance
    expect(residualSentence({residualAutocorrelation: acf, residualAutocorrelationBound: 0.14, diagnostics: diagnostics(0.083)})).toBe("No residual autocorrelation stands out: 1 of 13 lags falls outside the ±0.14 band of white noise (lag 1; about 0.7 would by chance), and jointly the Ljung-Box test does not reject white noise (p = 0.083).");
    expect(residualSentence({residualAutocorrelation: acf, residualAutocorrelationBound: 0.14, diagnostics: diagnostics(0.0004)})).toMatch(/^The residuals are autocorrelated: .* \(p < 0\.001\)\./);
  });

  it("recovery: largest ROI error, coverage, share of the true optimum", () => {
    const truthLever = (name: string, roiError: number, covered: boolean) => ({name, label: name, roi: 1, marginalRoi: 1, contribution: 1, decay: 0.5, halfSaturation: 1, shape: 1, beta: 1, roiCovered: true, marginalRoiCovered: covered, contributionCovered: true, roiError});
    const truth = {
      levers: [truthLever("search", 0.05, true), truthLever("tv", -0.12, false)],
      responses: [],
      coverage: {roi: 2, marginalRoi: 1, contribution: 2, levers: 2},
      mediaContribution: 0,
      mediaShare: 0,
      optimum: {spend: [], trueWeeklySales: 100, recommendedTrueWeeklySales: 99.1, currentTrueWeeklySales: 95.5, shareOfOptimum: 0.991, shareOfGain: 0.75}
    };
    expect(recoverySentence({levers, truth})).toBe("Yes, on this simulation: every fitted ROI is within 12% of the truth (largest error: TV), and the true ROI lies inside the 90 % interval for 2 of 2 levers (marginal ROI: 1 of 2). Judged on the true response curves, the recommended mix earns 99.1% of what the best possible mix within the same budget and bounds earns (75% of the gain available over the current mix).");
  });
});
