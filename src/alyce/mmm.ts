/**
 * What the Alyce market-mix pages compute from data/alyce/mmm/model.json: labels, the contribution
 * waterfall, the sentences that state each finding, and the budget plan the reader asks for (run in
 * the browser on the fitted curves with compareBudgets). Plain functions of the published data, so
 * test/alyce/mmm-pages.test.ts can check them by hand.
 */
import {compareBudgets, type BudgetComparison} from "../analytics/mmm/budget.js";
import type {Estimate} from "../analytics/mmm/types.js";
import {formatMoney, formatPercent} from "../components/format.js";
import type {ComponentKind, LeverOutput, MmmModel} from "./mmm-types.js";

export type {MmmModel} from "./mmm-types.js";

const LEVER_LABELS: Record<string, string> = {tv: "TV", search: "Paid search", social: "Paid social", display: "Display", video: "Online video", podcast: "Podcasts", affiliate: "Affiliates", print: "Print / direct mail"};
const COMPONENT_LABELS: Record<string, string> = {baseline: "Baseline (trend and season)", price_promotions: "Price and promotions", holidays: "Holidays", market_index: "Market index"};

/** A media lever's name for readers ("search" → "Paid search"; unknown levers of a real file: "spend_radio" → "radio"). */
export function leverLabel(name: string): string {
  return LEVER_LABELS[name] ?? name.replaceAll("_", " ");
}

export function componentLabel(name: string): string {
  return COMPONENT_LABELS[name] ?? leverLabel(name);
}

/** Rows of an Arrow table as plain objects. */
export function rowsOf<T>(table: Iterable<{toJSON(): unknown}>): T[] {
  return Array.from(table, (row) => row.toJSON() as T);
}

/** "$2.65–3.59" style interval text. */
export function intervalText(e: Pick<Estimate, "lower" | "upper">, format: (v: number) => string): string {
  return `${format(e.lower)} to ${format(e.upper)}`;
}

export const dollars = (v: number) => formatMoney(v, {compactAbove: 1_000});
export const perDollar = (v: number) => `$${v.toFixed(2)}`;

export interface WaterfallStep {
  label: string;
  component: string;
  kind: ComponentKind | "total";
  /** Where the bar starts and ends (cumulative sales). */
  start: number;
  end: number;
  value: number;
}

/**
 * Baseline, then each linear group and each lever added in turn, then the total: the bars of the
 * contribution waterfall. The last bar equals the fitted sales over the period.
 */
export function waterfallSteps(model: Pick<MmmModel, "components">): WaterfallStep[] {
  let running = 0;
  const steps: WaterfallStep[] = model.components.map((c) => {
    const start = running;
    running += c.total;
    return {label: componentLabel(c.component), component: c.component, kind: c.kind, start, end: running, value: c.total};
  });
  steps.push({label: "Fitted sales", component: "total", kind: "total", start: 0, end: running, value: running});
  return steps;
}

/** The lever with the highest ROI point estimate. */
export function bestRoiLever(levers: readonly LeverOutput[]): LeverOutput {
  return levers.reduce((a, b) => (b.roi.estimate > a.roi.estimate ? b : a));
}

const monthYear = (iso: string) => new Date(`${iso}T00:00:00Z`).toLocaleDateString("en-US", {timeZone: "UTC", month: "short", year: "numeric"});

export function periodText(model: Pick<MmmModel, "period">): string {
  return `${monthYear(model.period.first)} – ${monthYear(model.period.last)} (${model.period.weeks} weeks)`;
}

/** The headline of the overview page. */
export function headline(model: Pick<MmmModel, "totals" | "levers" | "period">): string {
  const best = bestRoiLever(model.levers);
  const share = model.totals.mediaShare;
  return (
    `Paid media drove ${formatPercent(share.estimate, 0)} of Alyce's ${dollars(model.totals.sales)} of sales over ${periodText(model)} ` +
    `(90 % interval ${intervalText(share, (v) => formatPercent(v, 0))}); ` +
    `${leverLabel(best.name)} returned the most per dollar: ${perDollar(best.roi.estimate)} of sales for each $1 spent (${intervalText(best.roi, perDollar)}).`
  );
}

/** Annual change of spend per lever, recommended minus current mix (weekly plans × 52). */
export function reallocation(comparison: BudgetComparison, levers: readonly {name: string}[], weeksPerYear = 52) {
  return levers.map((l, i) => ({name: l.name, change: weeksPerYear * (comparison.recommended.allocation.spend[i] - comparison.current.allocation.spend[i])}));
}

/** The recommended reallocation in one sentence (levers that change by less than 1 % of the budget are left out). */
export function reallocationSentence(comparison: BudgetComparison, levers: readonly {name: string}[], weeksPerYear = 52): string {
  const moves = reallocation(comparison, levers, weeksPerYear);
  const annual = weeksPerYear * comparison.totalBudget;
  const threshold = 0.01 * annual;
  const list = (xs: {name: string; change: number}[]) => xs.map((m) => `${leverLabel(m.name)} (${dollars(Math.abs(m.change))})`).join(", ");
  const cut = moves.filter((m) => m.change < -threshold).sort((a, b) => a.change - b.change);
  const added = moves.filter((m) => m.change > threshold).sort((a, b) => b.change - a.change);
  const gain = comparison.gainOverCurrent;
  const gainText = `${dollars(weeksPerYear * gain.estimate)} more sales a year (90 % interval ${intervalText(gain, (v) => dollars(weeksPerYear * v))})`;
  if (cut.length === 0 || added.length === 0) return `With ${dollars(annual)} a year, today's mix is already close to the best one the model finds: moving money between levers would add ${gainText}.`;
  return `With ${dollars(annual)} a year, move money out of ${list(cut)} and into ${list(added)} (compared with today's mix at that budget): the model expects ${gainText}.`;
}

export interface PlanInputs {
  /** Total budget for the next year (USD). */
  annualBudget: number;
  /** Per-lever bounds as shares of the current weekly spend (0.5 = 50 %), common to every lever... */
  minShare: number;
  maxShare: number;
  /** ...unless overridden for a lever, by lever name (a missing or non-finite share: the common one). */
  leverShares?: Readonly<Record<string, {min?: number; max?: number}>>;
}

/** Each lever's [minimum, maximum] share of its current spend: its own override, else the common bound. */
export function leverShareBounds(model: Pick<MmmModel, "levers">, {minShare, maxShare, leverShares = {}}: PlanInputs): {name: string; min: number; max: number}[] {
  const pick = (own: number | undefined, common: number) => (own !== undefined && Number.isFinite(own) ? own : common);
  return model.levers.map((l) => ({name: l.name, min: pick(leverShares[l.name]?.min, minShare), max: pick(leverShares[l.name]?.max, maxShare)}));
}

/**
 * Per-lever overrides typed by the reader as percentages of today's spend ("" or anything not a
 * number ≥ 0: no override), converted to shares.
 */
export function leverSharesFromText(form: Readonly<Record<string, {min?: string; max?: string}>>): Record<string, {min?: number; max?: number}> {
  const parse = (text: string | undefined) => {
    const t = (text ?? "").trim().replace(/%$/, "");
    const v = t === "" ? NaN : Number(t);
    return Number.isFinite(v) && v >= 0 ? v / 100 : undefined;
  };
  const out: Record<string, {min?: number; max?: number}> = {};
  for (const [name, {min, max}] of Object.entries(form)) {
    const bounds = {min: parse(min), max: parse(max)};
    if (bounds.min !== undefined || bounds.max !== undefined) out[name] = bounds;
  }
  return out;
}

/** Checks the reader's inputs against the bounds: a budget the bounds cannot hold has no plan. */
export function planProblem(model: Pick<MmmModel, "levers">, inputs: PlanInputs, weeksPerYear = 52): string | null {
  const {annualBudget, minShare, maxShare} = inputs;
  const current = model.levers.reduce((s, l) => s + l.currentWeeklySpend, 0) * weeksPerYear;
  if (!(minShare <= maxShare)) return `The minimum (${formatPercent(minShare, 0)}) is above the maximum (${formatPercent(maxShare, 0)}) of current spend.`;
  const shares = leverShareBounds(model, inputs);
  const crossed = shares.find((b) => !(b.min <= b.max));
  if (crossed) return `${leverLabel(crossed.name)}'s minimum (${formatPercent(crossed.min, 0)}) is above its maximum (${formatPercent(crossed.max, 0)}) of current spend.`;
  const overridden = Object.keys(inputs.leverShares ?? {}).length > 0;
  const lowest = model.levers.reduce((s, l, i) => s + shares[i].min * l.currentWeeklySpend, 0) * weeksPerYear;
  const highest = model.levers.reduce((s, l, i) => s + shares[i].max * l.currentWeeklySpend, 0) * weeksPerYear;
  const slack = 1e-6 * current; // the range input's value may differ from today's spend in the last digits
  if (annualBudget < lowest - slack) {
    const which = overridden ? "the levers' minimums" : `${formatPercent(minShare, 0)} of each lever's current spend`;
    return `The lower bounds alone (${which}) cost ${dollars(lowest)} a year, more than the budget of ${dollars(annualBudget)}. Lower the minimum or raise the budget.`;
  }
  if (annualBudget > highest + slack) {
    const which = overridden ? "the levers' maximums" : `${formatPercent(maxShare, 0)} of each lever's current spend`;
    return `The upper bounds (${which}) add up to ${dollars(highest)} a year, less than the budget of ${dollars(annualBudget)}. Raise the maximum or lower the budget.`;
  }
  return null;
}

/**
 * Weekly spend bounds per lever. Within planProblem's rounding slack a budget just outside what the
 * bounds can hold scales the binding side (all minimums or all maximums) just enough to hold it.
 */
export function planBounds(model: Pick<MmmModel, "levers">, inputs: PlanInputs, weeksPerYear = 52): {min: number; max: number}[] {
  const budget = inputs.annualBudget / weeksPerYear;
  const bounds = leverShareBounds(model, inputs).map((b, i) => ({min: b.min * model.levers[i].currentWeeklySpend, max: b.max * model.levers[i].currentWeeklySpend}));
  const lowest = bounds.reduce((s, b) => s + b.min, 0);
  const highest = bounds.reduce((s, b) => s + b.max, 0);
  if (budget < lowest) return bounds.map((b) => ({min: (b.min * budget) / lowest, max: Math.max(b.max, (b.min * budget) / lowest)}));
  if (budget > highest) return bounds.map((b) => ({min: Math.min(b.min, (b.max * budget) / highest), max: (b.max * budget) / highest}));
  return bounds;
}

/** The reader's plan: recommended vs current mix vs equal split on the fitted curves and every bootstrap draw. */
export function budgetPlan(model: Pick<MmmModel, "levers" | "responses" | "responseDraws">, inputs: PlanInputs, weeksPerYear = 52): BudgetComparison {
  const current = model.levers.map((l) => l.currentWeeklySpend);
  return compareBudgets(model.responses, model.responseDraws, {
    totalBudget: inputs.annualBudget / weeksPerYear,
    bounds: planBounds(model, inputs, weeksPerYear),
    currentWeeklySpend: current,
    level: 0.9
  });
}

export interface AllocationRow {
  lever: string;
  label: string;
  scenario: "Recommended" | "Current mix" | "Equal split";
  /** Annual spend and expected annual incremental sales. */
  spend: number;
  sales: number;
  /** Marginal return of the next dollar at this allocation. */
  marginal: number;
}

/** One row per lever and scenario, in annual dollars (for the allocation chart and the CSV). */
export function allocationRows(comparison: BudgetComparison, levers: readonly {name: string}[], weeksPerYear = 52): AllocationRow[] {
  const scenarios = [
    ["Recommended", comparison.recommended],
    ["Current mix", comparison.current],
    ["Equal split", comparison.equal]
  ] as const;
  return scenarios.flatMap(([scenario, s]) =>
    levers.map((l, i) => ({lever: l.name, label: leverLabel(l.name), scenario, spend: weeksPerYear * s.allocation.spend[i], sales: weeksPerYear * s.allocation.response[i], marginal: s.allocation.marginal[i]}))
  );
}

/** Expected annual incremental sales of each scenario with its interval. */
export function scenarioRows(comparison: BudgetComparison, weeksPerYear = 52) {
  return (
    [
      ["Recommended", comparison.recommended.expected],
      ["Current mix", comparison.current.expected],
      ["Equal split", comparison.equal.expected]
    ] as const
  ).map(([scenario, e]) => ({scenario, estimate: weeksPerYear * e.estimate, lower: weeksPerYear * e.lower, upper: weeksPerYear * e.upper}));
}

/** Share of spend vs share of effect per lever, and the lever furthest from its spend share. */
export function shareRows(levers: readonly LeverOutput[]) {
  return levers.flatMap((l) => [
    {lever: l.name, label: leverLabel(l.name), measure: "Share of spend", share: l.spendShare},
    {lever: l.name, label: leverLabel(l.name), measure: "Share of effect", share: l.effectShare}
  ]);
}

/** The sentence of the contributions page: which lever earns more (and which less) than its share of spend. */
export function shareSentence(levers: readonly LeverOutput[], decompRssd: number): string {
  const gap = levers.map((l) => ({name: l.name, gap: l.effectShare - l.spendShare, l}));
  const over = gap.reduce((a, b) => (b.gap > a.gap ? b : a));
  const under = gap.reduce((a, b) => (b.gap < a.gap ? b : a));
  return (
    `${leverLabel(over.name)} takes ${formatPercent(over.l.spendShare, 0)} of media spend but delivers ${formatPercent(over.l.effectShare, 0)} of media's effect; ` +
    `${leverLabel(under.name)} takes ${formatPercent(under.l.spendShare, 0)} of spend for ${formatPercent(under.l.effectShare, 0)} of the effect ` +
    `(decomposition distance, Robyn's decomp.RSSD: ${decompRssd.toFixed(2)}; 0 would mean every lever's effect matches its spend).`
  );
}

/** The response page's sentence: levers whose next dollar still pays, and levers past break-even. */
export function marginalSentence(levers: readonly LeverOutput[]): string {
  const sorted = [...levers].sort((a, b) => b.marginalRoi.estimate - a.marginalRoi.estimate);
  const top = sorted[0];
  const paying = sorted.filter((l) => l.marginalRoi.lower > 1).map((l) => leverLabel(l.name));
  const below = sorted.filter((l) => l.marginalRoi.upper < 1).map((l) => leverLabel(l.name));
  let text = `At today's spend the next dollar does most in ${leverLabel(top.name)}: ${perDollar(top.marginalRoi.estimate)} of sales (${intervalText(top.marginalRoi, perDollar)}).`;
  if (paying.length) text += ` Clearly above $1 per dollar: ${paying.join(", ")}.`;
  if (below.length) text += ` Clearly below $1 per dollar (more spend would not pay back in sales): ${below.join(", ")}.`;
  return text;
}

/** The model page's sentence: in-sample fit and the holdout the model never saw. */
export function fitSentence(model: Pick<MmmModel, "diagnostics" | "holdout">): string {
  const d = model.diagnostics;
  let text = `The model explains ${formatPercent(d.rSquared, 1)} of the week-to-week variation in sales (R²), with a typical weekly error of ${d.mape.toFixed(1)} % (MAPE).`;
  if (model.holdout) text += ` Refitted without the last ${model.holdout.weeks} weeks, it predicts them with a ${model.holdout.mape.toFixed(1)} % error (R² ${model.holdout.rSquared.toFixed(2)}).`;
  return text;
}

/** Per lever: how many weeks had no spend (levers never switched off have an ROI that rests on the curve's assumed shape near zero). */
export function spendProfiles(rows: readonly {component: string; kind: string; spend: number | null}[]) {
  const profiles = new Map<string, {name: string; weeks: number; zeroWeeks: number}>();
  for (const r of rows) {
    if (r.kind !== "media") continue;
    const p = profiles.get(r.component) ?? {name: r.component, weeks: 0, zeroWeeks: 0};
    p.weeks++;
    if (!((r.spend ?? 0) > 0)) p.zeroWeeks++;
    profiles.set(r.component, p);
  }
  return [...profiles.values()];
}

/** Correlation matrix of the levers' transformed series as rows for a heatmap. */
export function correlationRows(model: Pick<MmmModel, "leverNames" | "diagnostics">) {
  const names = model.leverNames.map(leverLabel);
  return model.diagnostics.leverCorrelation.flatMap((row, i) => row.map((r, j) => ({a: names[i], b: names[j], r})));
}

/** The residual check in words: single lags outside the band happen by chance (5 % each); Ljung-Box judges them jointly. */
export function residualSentence(model: Pick<MmmModel, "residualAutocorrelation" | "residualAutocorrelationBound" | "diagnostics">): string {
  const lags = model.residualAutocorrelation;
  const bound = model.residualAutocorrelationBound.toFixed(2);
  const outside = lags.filter((r) => Math.abs(r.value) > model.residualAutocorrelationBound);
  const p = model.diagnostics.ljungBox.pValue;
  const pText = p < 0.001 ? "p < 0.001" : `p = ${p.toFixed(3)}`;
  const where = outside.length === 0 ? `all ${lags.length} lags lie inside the ±${bound} band of white noise` : `${outside.length} of ${lags.length} lags fall${outside.length === 1 ? "s" : ""} outside the ±${bound} band of white noise (lag ${outside.map((r) => r.lag).join(", ")}; about ${(0.05 * lags.length).toFixed(1)} would by chance)`;
  if (p < 0.05) return `The residuals are autocorrelated: ${where}, and jointly the Ljung-Box test rejects white noise (${pText}). Something that moves sales week to week is missing from the model, and its intervals may be too narrow.`;
  return `No residual autocorrelation stands out: ${where}, and jointly the Ljung-Box test does not reject white noise (${pText}).`;
}

/** How many levers returned more than a dollar per dollar beyond doubt (the whole ROI interval above 1). */
export function roiSentence(levers: readonly LeverOutput[]): string {
  const above = levers.filter((l) => l.roi.lower > 1).map((l) => leverLabel(l.name));
  const below = levers.filter((l) => l.roi.upper < 1).map((l) => leverLabel(l.name));
  const unsure = levers.length - above.length - below.length;
  const parts = [above.length === levers.length ? `All ${levers.length} levers returned more than a dollar of sales per dollar spent: every interval lies right of the break-even line.` : `${above.length} of ${levers.length} levers returned more than a dollar of sales per dollar spent beyond doubt${above.length ? ` (${above.join(", ")})` : ""}.`];
  if (below.length) parts.push(`${below.join(", ")} returned less than a dollar per dollar.`);
  if (unsure) parts.push(`For ${unsure} lever${unsure === 1 ? "" : "s"} the interval straddles break-even.`);
  return parts.join(" ");
}

/**
 * Levers whose marginal ROI as spent is below $1 while today's average weekly spend is still below
 * the even-spend break-even point: bursts (TV flights) saturate, so the same money spread more
 * evenly would return more. Empty when no lever is in that position.
 */
export function flightingNote(levers: readonly LeverOutput[]): string {
  const flighted = levers.filter((l) => l.marginalRoi.estimate < 1 && l.currentWeeklySpend < l.breakEvenWeeklySpend);
  if (!flighted.length) return "";
  const names = flighted.map((l) => leverLabel(l.name)).join(", ");
  return `${names}: the next dollar as spent today returns less than a dollar, yet today's average weekly spend is below the even-spend break-even point. The spend comes in bursts that saturate; spread more evenly over the weeks, the same money would return more.`;
}
