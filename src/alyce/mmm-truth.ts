/**
 * The "does the model recover the truth" parts of the Alyce market-mix pages, shown only when the
 * data are simulated (model.truth is null for an analyst's own file). Plain functions of the
 * published model.json, tested in test/alyce/mmm-pages.test.ts.
 */
import {evaluateAllocation, optimizeBudget, type BudgetComparison, type SpendBounds} from "../analytics/mmm/budget.js";
import {formatPercent} from "../components/format.js";
import {leverLabel, perDollar} from "./mmm.js";
import type {MmmModel} from "./mmm-types.js";

/** Where the data came from, in words. */
export function sourceSentence(model: Pick<MmmModel, "source">): string {
  return model.source.kind === "simulation"
    ? `Simulated data (seed ${model.source.seed}, scale ${model.source.scale}) from a business whose true returns we know, so the model can be checked against them.`
    : `Fitted on your file ${model.source.file}.`;
}

export function recoveryRows(model: Pick<MmmModel, "levers" | "truth">) {
  if (!model.truth) return [];
  return model.levers.map((l, i) => {
    const t = model.truth!.levers[i];
    return {name: l.name, label: leverLabel(l.name), trueRoi: t.roi, roi: l.roi.estimate, interval: `${perDollar(l.roi.lower)} to ${perDollar(l.roi.upper)}`, error: l.roi.estimate / t.roi - 1, covered: t.roiCovered};
  });
}

/** Coverage of the intervals and how much of the true optimum the recommendation earns. */
export function recoverySentence(model: Pick<MmmModel, "levers" | "truth">): string {
  const t = model.truth;
  if (!t) return "";
  const worst = t.levers.reduce((a, b) => (Math.abs(b.roiError) > Math.abs(a.roiError) ? b : a));
  return (
    `Yes, on this simulation: every fitted ROI is within ${formatPercent(Math.abs(worst.roiError), 0)} of the truth (largest error: ${leverLabel(worst.name)}), ` +
    `and the true ROI lies inside the 90 % interval for ${t.coverage.roi} of ${t.coverage.levers} levers (marginal ROI: ${t.coverage.marginalRoi} of ${t.coverage.levers}). ` +
    `Judged on the true response curves, the recommended mix earns ${formatPercent(t.optimum.shareOfOptimum, 1)} of what the best possible mix within the same budget and bounds earns ` +
    `(${formatPercent(t.optimum.shareOfGain, 0)} of the gain available over the current mix).`
  );
}

/**
 * The reader's plan judged on the simulation's true curves: what it earns per week against the
 * best allocation of the same budget within the same bounds (null for real data).
 */
export function planOnTruth(model: Pick<MmmModel, "truth">, comparison: BudgetComparison, bounds: SpendBounds[]): {recommended: number; optimum: number; current: number; shareOfOptimum: number} | null {
  if (!model.truth) return null;
  const truth = model.truth.responses;
  const optimum = optimizeBudget(truth, {totalBudget: comparison.totalBudget, bounds}).total;
  const recommended = evaluateAllocation(truth, comparison.recommended.allocation.spend).total;
  const current = evaluateAllocation(truth, comparison.current.allocation.spend).total;
  return {recommended, optimum, current, shareOfOptimum: optimum > 0 ? recommended / optimum : 1};
}
