/**
 * The market mix model (MMM) and budget optimiser: public API. See docs/models/mmm.md.
 *
 * - transforms: `adstockGeometric`, `adstockWeights`, `adstockHalfLife` (adstock.ts); `hill`,
 *   `logisticSaturation`, `saturate` (saturation.ts); `leverContributions`, `leverRoi`,
 *   `leverMarginalRoi`, `steadyStateResponse` (response.ts)
 * - model: `fitMediaMix` (model.ts: everything), `fitMediaMixPoint` (fit.ts: the point estimate),
 *   `bootstrapMediaMix` (bootstrap.ts), `decomposeSales` (decompose.ts)
 * - outputs and diagnostics: outputs.ts, intervals.ts, diagnostics.ts
 * - budgets: `optimizeBudget`, `evaluateAllocation`, `compareBudgets` (budget.ts; cheap, browser-safe)
 */
export * from "./types.js";
export {adstockGeometric, adstockWeights, adstockHalfLife, type AdstockOptions} from "./adstock.js";
export {hill, hillDerivative, logisticSaturation, logisticRateFromHalfSaturation, saturate, saturateDerivative, type SaturationKind} from "./saturation.js";
export {leverContributions, leverTotalContribution, leverRoi, leverMarginalRoi, steadyStateResponse} from "./response.js";
export {buildBaseDesign, dayOfYear, fourierColumns, unstandardizeCoefficients, type BaseDesign, type DesignOptions} from "./design.js";
export {solveNonNegativeQuadratic} from "./least-squares.js";
export {fitMediaMixPoint, MediaMixProblem, type FitOptions, type MediaMixPointFit, type PriorOptions} from "./fit.js";
export {bootstrapMediaMix, movingBlockResample, type BootstrapDraw, type BootstrapOptions} from "./bootstrap.js";
export {estimateFromDraws, quantile, type IntervalMethod, type IntervalOptions} from "./intervals.js";
export {decomposeSales, type SalesDecomposition} from "./decompose.js";
export {contributionSeries, decayCurves, leverTotals, responseCurves, summarizeLevers, type BandedSeries, type DecayCurve, type LeverSummary, type ResponseCurve} from "./outputs.js";
export {autocorrelation, correlationMatrix, decompRssd, durbinWatson, ljungBox, meanAbsolutePercentageError, modelWarnings, normalizedRmse, rSquared, type ModelWarning} from "./diagnostics.js";
export {compareBudgets, evaluateAllocation, optimizeBudget, type BudgetAllocation, type BudgetComparison, type BudgetScenario, type SpendBounds} from "./budget.js";
export {fitMediaMix, type HoldoutCheck, type MediaMixDiagnostics, type MediaMixOptions, type MediaMixResult} from "./model.js";
