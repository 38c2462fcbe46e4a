/**
 * Everything the Alyce market-mix pages show, computed once at build time: the weekly table
 * (read or simulated, staged and data-tested by media-source.ts) → `fitMediaMix` (src/analytics/mmm)
 * with the bootstrap draws of the scale → plain data for the pages:
 *
 *   mmm/weeks.arrow          one row per week: sales, fitted with band, residual, holdout prediction
 *   mmm/contributions.arrow  one row per week × component (baseline, price and promotions,
 *                            holidays, market index, each lever): value with band, lever spend
 *   mmm/model.json           per-lever summary, curves, diagnostics, warnings, the fitted responses
 *                            and their bootstrap draws (the budget page optimises on them in the
 *                            browser), the default budget plan, data-test results, and — only when
 *                            simulated — the truth and how well the model recovers it
 *
 * Scales (media-scale.ts): weeks tiny 156 · small 156 · default 208 · large 416; bootstrap draws
 * tiny 30 · small 100 · default 200 · large 200. Same SEED and SCALE → the same bytes (no clock,
 * seeded fit; tested in test/alyce/loader.test.ts). Loader time: docs/alyce.md.
 */
import {reportStage} from "../shared/progress.js";
import {basename} from "node:path";
import {
  autocorrelation,
  compareBudgets,
  estimateFromDraws,
  evaluateAllocation,
  fitMediaMix,
  leverTotals,
  optimizeBudget,
  steadyStateResponse,
  type BudgetComparison,
  type Estimate,
  type LeverResponse,
  type MediaMixData,
  type MediaMixResult
} from "../../src/analytics/mmm/index.js";
import {arrowBytes} from "../shared/arrow.js";
import type {DataTestResult} from "../shared/datatests.js";
import {readOptions, type BuildOptions} from "../shared/options.js";
import {parseIsoDate, type TableSpec} from "../shared/schema.js";
import type {LeverOutput, MmmModel, TruthOutput} from "../../src/alyce/mmm-types.js";
import {BOOTSTRAP_DRAWS_PER_SCALE} from "./media-scale.js";
import {loadMarketingWeeks, mediaMixDataFromTable, type MarketingWeeks} from "./media-source.js";

/** Default bounds of the budget plan, as shares of each lever's current weekly spend (the budget page starts here). */
export const DEFAULT_BOUNDS = {min: 0.5, max: 2} as const;
/** Weeks in the budget year: the plan is optimised per week and reported per year. */
export const WEEKS_PER_YEAR = 52;
/** Lags of the residual autocorrelation published for the model page. */
export const RESIDUAL_LAGS = 13;

export const weeksSpec: TableSpec = {
  name: "mmm_weeks",
  description: "Actual and fitted weekly sales.",
  grain: "week",
  columns: [
    {name: "week", type: "date", description: "Monday of the week."},
    {name: "sales", type: "float64", unit: "USD", description: "Actual sales."},
    {name: "fitted", type: "float64", unit: "USD", description: "Sales the model fits (point estimate)."},
    {name: "fitted_lower", type: "float64", unit: "USD", description: "Lower end of the 90 % band of the fit."},
    {name: "fitted_upper", type: "float64", unit: "USD", description: "Upper end of the 90 % band of the fit."},
    {name: "residual", type: "float64", unit: "USD", description: "Actual minus fitted."},
    {name: "holdout", type: "bool", description: "True for the last weeks the holdout fit did not see."},
    {name: "holdout_predicted", type: "float64", nullable: true, unit: "USD", description: "Prediction of the fit without the holdout weeks (holdout weeks only)."}
  ]
};

export const COMPONENT_KINDS = ["base", "control", "media"] as const;

export const contributionsSpec: TableSpec = {
  name: "mmm_contributions",
  description: "Weekly sales split into the model's parts.",
  grain: "week and component",
  columns: [
    {name: "week", type: "date", description: "Monday of the week."},
    {name: "component", type: "utf8", description: "baseline, price_promotions, holidays, market_index, or a media lever's name."},
    {name: "kind", type: "utf8", values: COMPONENT_KINDS, description: "base, control (linear levers) or media."},
    {name: "value", type: "float64", unit: "USD", description: "Sales attributed to the component that week."},
    {name: "lower", type: "float64", nullable: true, unit: "USD", description: "Lower end of the 90 % band (media only)."},
    {name: "upper", type: "float64", nullable: true, unit: "USD", description: "Upper end of the 90 % band (media only)."},
    {name: "spend", type: "float64", nullable: true, unit: "USD", description: "The lever's spend that week (media only)."}
  ]
};

/** Linear components: which controls they gather and the reference level their contribution is measured from. */
const CONTROL_GROUPS = [
  {component: "price_promotions", controls: ["discount_pct", "promotion"]},
  {component: "holidays", controls: ["thanksgiving", "december_peak", "year_end"]},
  {component: "market_index", controls: ["market_index"]}
] as const;
/** Controls measured from their period mean rather than from zero (an index has no natural zero); the mean moves into the baseline. */
const CENTRED_CONTROLS = new Set(["market_index"]);

/** Weekly spend bounds as shares of the current weekly spend. */
export function boundsFromShares(currentWeeklySpend: readonly number[], {min, max}: {min: number; max: number}) {
  return currentWeeklySpend.map((s) => ({min: min * s, max: max * s}));
}

/** The largest constant weekly spend at which the marginal return is still ≥ 1 (0 when it never reaches 1). */
export function breakEvenWeeklySpend(lever: LeverResponse, top: number): number {
  const marginal = (s: number) => {
    const h = Math.max(1e-6, 1e-4 * Math.max(s, lever.halfSaturation));
    return (steadyStateResponse(s + h, lever) - steadyStateResponse(Math.max(0, s - h), lever)) / (s + h - Math.max(0, s - h));
  };
  // Scan for the last grid point with marginal ≥ 1, then bisect between it and the next.
  const steps = 400;
  let last = -1;
  for (let j = 0; j <= steps; j++) if (marginal((top * j) / steps) >= 1) last = j;
  if (last < 0) return 0;
  if (last === steps) return top;
  let lo = (top * last) / steps;
  let hi = (top * (last + 1)) / steps;
  for (let it = 0; it < 60; it++) {
    const mid = (lo + hi) / 2;
    if (marginal(mid) >= 1) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

function sum(values: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i];
  return s;
}

/** Weekly components: baseline (intercept, trend, seasonality, centred controls' means), linear groups, levers. */
export function weeklyComponents(data: MediaMixData, result: MediaMixResult) {
  const d = result.decomposition;
  const n = data.sales.length;
  const baseline = d.baseline.map((b, t) => b + d.seasonality[t]);
  const groups = CONTROL_GROUPS.map(({component, controls}) => {
    const values = new Array<number>(n).fill(0);
    for (const c of d.controls) {
      if (!(controls as readonly string[]).includes(c.name)) continue;
      const mean = CENTRED_CONTROLS.has(c.name) ? sum(c.values) / n : 0;
      for (let t = 0; t < n; t++) {
        values[t] += c.values[t] - mean;
        baseline[t] += mean;
      }
    }
    return {component, kind: "control" as const, values};
  });
  const media = result.contributions.map((c, i) => ({component: c.name, kind: "media" as const, values: c.values, lower: c.lower, upper: c.upper, spend: Array.from(data.media[i].spend)}));
  return {baseline, groups, media};
}

/** Fits the model and builds the pages' files (see the file comment). */
export async function buildMmmReport(options: BuildOptions = readOptions()): Promise<{files: [string, Uint8Array][]; model: MmmModel; weeks: MarketingWeeks}> {
  reportStage("reading the weekly marketing table");
  const weeks = await loadMarketingWeeks(options);
  const {data, dropped} = mediaMixDataFromTable(weeks.table, weeks.levers);
  const draws = BOOTSTRAP_DRAWS_PER_SCALE[options.scale];
  reportStage(`fitting the market mix model (${draws} bootstrap refits)`);
  const result = fitMediaMix(data, {seed: options.seed, bootstrap: {draws}});
  reportStage("summarising the fit");
  const n = data.sales.length;
  const level = {level: 0.9, interval: "percentile" as const};

  // Media totals per draw: the interval of the media-driven share of sales.
  const totalSales = sum(data.sales);
  const mediaPoint = sum(result.levers.map((l) => l.contribution.estimate));
  const mediaDraws = result.responseDraws.map((d) => sum(leverTotals(data, d).map((t) => t.contribution)));
  const media = estimateFromDraws(mediaPoint, mediaDraws, level, 0);
  const mediaShare = estimateFromDraws(mediaPoint / totalSales, mediaDraws.map((m) => m / totalSales), level, 0);

  const {baseline, groups, media: mediaSeries} = weeklyComponents(data, result);
  const components: MmmModel["components"] = [
    {component: "baseline", kind: "base", total: sum(baseline), lower: null, upper: null},
    ...groups.map((g) => ({component: g.component, kind: g.kind, total: sum(g.values), lower: null, upper: null})),
    ...result.levers.map((l) => ({component: l.name, kind: "media" as const, total: l.contribution.estimate, lower: l.contribution.lower, upper: l.contribution.upper}))
  ];

  const levers: LeverOutput[] = result.levers.map((l, i) => {
    const maxWeeklySpend = Math.max(...Array.from(data.media[i].spend));
    return {
      name: l.name,
      spend: l.spend,
      spendShare: l.spendShare,
      currentWeeklySpend: l.currentWeeklySpend,
      maxWeeklySpend,
      contribution: l.contribution,
      effectShare: l.effectShare,
      roi: l.roi,
      marginalRoi: l.marginalRoi,
      decay: l.decay,
      halfLife: l.halfLife,
      halfSaturation: l.halfSaturation,
      shape: l.shape,
      beta: l.beta,
      breakEvenWeeklySpend: breakEvenWeeklySpend(result.responses[i], 4 * Math.max(maxWeeklySpend, l.halfSaturation.estimate)),
      effectDetected: l.effectDetected
    };
  });

  const current = result.levers.map((l) => l.currentWeeklySpend);
  const weeklyBudget = sum(current);
  const bounds = boundsFromShares(current, DEFAULT_BOUNDS);
  const comparison = compareBudgets(result.responses, result.responseDraws, {totalBudget: weeklyBudget, bounds, currentWeeklySpend: current, ...level});

  const residuals = result.weeks.map((w) => w.actual - w.fitted);
  const holdoutStart = n - (result.holdout?.weeks ?? 0);

  let truth: TruthOutput | null = null;
  if (weeks.truth) {
    const trueLevers = weeks.truth.levers;
    const responses: LeverResponse[] = trueLevers.map(({name, decay, halfSaturation, shape, beta, saturation}) => ({name, decay, halfSaturation, shape, beta, saturation}));
    const inside = (e: Estimate, v: number) => e.lower <= v && v <= e.upper;
    const rows = trueLevers.map((t, i) => {
      const fitted = result.levers[i];
      return {
        name: t.name,
        label: t.label,
        roi: t.roi,
        marginalRoi: t.marginalRoi,
        contribution: t.contribution,
        decay: t.decay,
        halfSaturation: t.halfSaturation,
        shape: t.shape,
        beta: t.beta,
        roiCovered: inside(fitted.roi, t.roi),
        marginalRoiCovered: inside(fitted.marginalRoi, t.marginalRoi),
        contributionCovered: inside(fitted.contribution, t.contribution),
        roiError: fitted.roi.estimate / t.roi - 1
      };
    });
    const optimum = optimizeBudget(responses, {totalBudget: weeklyBudget, bounds});
    const onTruth = (spend: number[]) => evaluateAllocation(responses, spend).total;
    const recommendedTrue = onTruth(comparison.recommended.allocation.spend);
    const currentTrue = onTruth(comparison.current.allocation.spend);
    const trueMedia = sum(trueLevers.map((t) => t.contribution));
    truth = {
      levers: rows,
      responses,
      coverage: {roi: rows.filter((r) => r.roiCovered).length, marginalRoi: rows.filter((r) => r.marginalRoiCovered).length, contribution: rows.filter((r) => r.contributionCovered).length, levers: rows.length},
      mediaContribution: trueMedia,
      mediaShare: trueMedia / totalSales,
      optimum: {
        spend: optimum.spend,
        trueWeeklySales: optimum.total,
        recommendedTrueWeeklySales: recommendedTrue,
        currentTrueWeeklySales: currentTrue,
        shareOfOptimum: recommendedTrue / optimum.total,
        shareOfGain: optimum.total - currentTrue > 0 ? (recommendedTrue - currentTrue) / (optimum.total - currentTrue) : 1
      }
    };
  }

  const model: MmmModel = {
    source: weeks.source.kind === "simulation" ? weeks.source : {kind: "files", file: `${weeks.spec.name} (${basename(weeks.source.dir)})`},
    period: {first: data.dates[0], last: data.dates[n - 1], weeks: n},
    leverNames: result.leverNames,
    levers,
    totals: {sales: totalSales, fitted: sum(result.weeks.map((w) => w.fitted)), media, mediaShare, spend: sum(levers.map((l) => l.spend)), currentAnnualSpend: WEEKS_PER_YEAR * weeklyBudget},
    components,
    coefficients: result.coefficients,
    droppedControls: dropped,
    responses: result.responses,
    responseDraws: result.responseDraws,
    responseCurves: result.responseCurves,
    decayCurves: result.decayCurves,
    diagnostics: result.diagnostics,
    residualAutocorrelation: Array.from({length: RESIDUAL_LAGS}, (_, k) => ({lag: k + 1, value: autocorrelation(residuals, k + 1)})),
    residualAutocorrelationBound: 1.96 / Math.sqrt(n),
    holdout: result.holdout && {weeks: result.holdout.weeks, first: result.holdout.dates[0], mape: result.holdout.mape, rSquared: result.holdout.rSquared},
    warnings: result.warnings,
    defaultPlan: {annualBudget: WEEKS_PER_YEAR * weeklyBudget, bounds: {...DEFAULT_BOUNDS}, comparison},
    dataTests: weeks.dataTests,
    truth
  };

  const week = data.dates.map((d) => parseIsoDate(d)!);
  const weeksTable = {
    week,
    sales: Array.from(data.sales),
    fitted: result.weeks.map((w) => w.fitted),
    fitted_lower: result.weeks.map((w) => w.fittedLower),
    fitted_upper: result.weeks.map((w) => w.fittedUpper),
    residual: residuals,
    holdout: week.map((_, t) => t >= holdoutStart && result.holdout !== null),
    holdout_predicted: week.map((_, t) => (result.holdout && t >= holdoutStart ? result.holdout.predicted[t - holdoutStart] : null))
  };
  const long: Record<string, unknown[]> = {week: [], component: [], kind: [], value: [], lower: [], upper: [], spend: []};
  const push = (component: string, kind: string, values: number[], lower?: number[], upper?: number[], spend?: number[]) => {
    values.forEach((v, t) => {
      long.week.push(week[t]);
      long.component.push(component);
      long.kind.push(kind);
      long.value.push(v);
      long.lower.push(lower ? lower[t] : null);
      long.upper.push(upper ? upper[t] : null);
      long.spend.push(spend ? spend[t] : null);
    });
  };
  push("baseline", "base", baseline);
  for (const g of groups) push(g.component, g.kind, g.values);
  for (const m of mediaSeries) push(m.component, m.kind, m.values, m.lower, m.upper, m.spend);

  const encoder = new TextEncoder();
  const files: [string, Uint8Array][] = [
    ["weeks.arrow", await arrowBytes(weeksSpec, [weeksTable])],
    ["contributions.arrow", await arrowBytes(contributionsSpec, [long])],
    ["model.json", encoder.encode(JSON.stringify(model))]
  ];
  return {files, model, weeks};
}
