/**
 * The shape of data/alyce/mmm/model.json: what data-loaders/alyce/mmm-outputs.ts publishes and the
 * Alyce market-mix pages read. Plain data; intervals are 90 % bootstrap percentile intervals.
 */
// A type-only import: erased when Framework bundles the page, so no loader code reaches the browser.
import type {DataTestResult} from "../../data-loaders/shared/datatests.js";
import type {BudgetComparison, Estimate, LeverResponse, MediaMixResult} from "../analytics/mmm/index.js";

export type {DataTestResult};

export type ComponentKind = "base" | "control" | "media";

export interface LeverOutput {
  name: string;
  spend: number;
  spendShare: number;
  currentWeeklySpend: number;
  /** Largest weekly spend in the data (curves beyond it are extrapolation). */
  maxWeeklySpend: number;
  contribution: Estimate;
  effectShare: number;
  roi: Estimate;
  marginalRoi: Estimate;
  decay: Estimate;
  halfLife: Estimate;
  halfSaturation: Estimate;
  shape: Estimate;
  beta: Estimate;
  /** Constant weekly spend above which one more dollar returns less than a dollar of sales (point curve; 0 if never). */
  breakEvenWeeklySpend: number;
  effectDetected: boolean;
}

export interface TruthOutput {
  levers: {name: string; label: string; roi: number; marginalRoi: number; contribution: number; decay: number; halfSaturation: number; shape: number; beta: number; roiCovered: boolean; marginalRoiCovered: boolean; contributionCovered: boolean; roiError: number}[];
  responses: LeverResponse[];
  coverage: {roi: number; marginalRoi: number; contribution: number; levers: number};
  /** True media contribution over the period and its share of sales. */
  mediaContribution: number;
  mediaShare: number;
  /** The default plan judged on the true curves: weekly incremental sales of each allocation. */
  optimum: {spend: number[]; trueWeeklySales: number; recommendedTrueWeeklySales: number; currentTrueWeeklySales: number; shareOfOptimum: number; shareOfGain: number};
}

export interface MmmModel {
  source: {kind: "simulation"; seed: number; scale: string} | {kind: "files"; file: string};
  period: {first: string; last: string; weeks: number};
  leverNames: string[];
  levers: LeverOutput[];
  totals: {sales: number; fitted: number; media: Estimate; mediaShare: Estimate; spend: number; currentAnnualSpend: number};
  /** Sum over the period of each component (baseline, linear groups, levers), adding up to `totals.fitted`. */
  components: {component: string; kind: ComponentKind; total: number; lower: number | null; upper: number | null}[];
  coefficients: MediaMixResult["coefficients"];
  droppedControls: string[];
  responses: LeverResponse[];
  responseDraws: LeverResponse[][];
  responseCurves: MediaMixResult["responseCurves"];
  decayCurves: MediaMixResult["decayCurves"];
  diagnostics: MediaMixResult["diagnostics"];
  residualAutocorrelation: {lag: number; value: number}[];
  /** ±1.96/√n: autocorrelations outside it are significant at 5 %. */
  residualAutocorrelationBound: number;
  holdout: {weeks: number; first: string; mape: number; rSquared: number} | null;
  warnings: MediaMixResult["warnings"];
  defaultPlan: {annualBudget: number; bounds: {min: number; max: number}; comparison: BudgetComparison};
  dataTests: DataTestResult[];
  truth: TruthOutput | null;
}

