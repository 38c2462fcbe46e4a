/**
 * A/B tests in the browser for the Experiments page: the daily per-variant sums
 * (data-loaders/campaigns/transformExperiments.ts) filtered by the filter bar, summed per test
 * up to the selected end date, and read with the shared tests (src/analytics/abtest.ts): the
 * two-proportion z-test for conversion-rate tests, Welch's t-test on revenue per visitor for
 * revenue tests, the sample-ratio-mismatch check against the planned split, and a verdict.
 */
import {sampleRatioMismatch, twoProportionZTest, verdict, welchTTest, type SampleRatioMismatch, type TwoProportionTest, type Verdict, type WelchTest} from "../analytics/abtest.js";
import type {Selection} from "./daily.js";

export interface ExperimentDay {
  testId: string;
  testName: string;
  channel: string | null;
  metric: "conversion_rate" | "revenue_per_visitor";
  start: number;
  end: number;
  treatmentShare: number;
  date: number;
  variant: "control" | "treatment";
  visitors: number;
  conversions: number;
  revenue: number;
  revenueSquared: number;
}

type Rows = Iterable<Record<string, unknown>> | {toArray(): Record<string, unknown>[]};
const asArray = (rows: Rows) => ("toArray" in rows ? rows.toArray() : [...rows]);

export function experimentDays(rows: Rows): ExperimentDay[] {
  return asArray(rows).map((r) => ({
    testId: String(r.test_id),
    testName: String(r.test_name),
    channel: r.channel == null ? null : String(r.channel),
    metric: String(r.primary_metric) as ExperimentDay["metric"],
    start: Number(r.start_date),
    end: Number(r.end_date),
    treatmentShare: Number(r.treatment_share),
    date: Number(r.date),
    variant: String(r.variant) as ExperimentDay["variant"],
    visitors: Number(r.visitors),
    conversions: Number(r.conversions),
    revenue: Number(r.revenue),
    revenueSquared: Number(r.revenue_sq)
  }));
}

export interface ArmTotals {
  visitors: number;
  conversions: number;
  revenue: number;
  revenueSquared: number;
}

export interface ExperimentResult {
  id: string;
  name: string;
  channel: string | null;
  metric: ExperimentDay["metric"];
  start: number;
  end: number;
  /** Last day of data counted (the test's end, or the selection's end if earlier). */
  through: number;
  control: ArmTotals;
  treatment: ArmTotals;
  test: TwoProportionTest | WelchTest;
  srm: SampleRatioMismatch;
  verdict: Verdict;
  /** Relative lift of the primary metric, with its interval. */
  lift: number;
  liftLow: number;
  liftHigh: number;
}

const emptyArm = (): ArmTotals => ({visitors: 0, conversions: 0, revenue: 0, revenueSquared: 0});

/** Mean and variance (n − 1) of revenue per visitor from an arm's sums. */
export function revenueSummary(arm: ArmTotals): {n: number; mean: number; variance: number} {
  const n = arm.visitors;
  const mean = n > 0 ? arm.revenue / n : NaN;
  const variance = n > 1 ? Math.max(0, (arm.revenueSquared - n * mean * mean) / (n - 1)) : NaN;
  return {n, mean, variance};
}

/**
 * Tests overlapping the selected dates, on a selected channel (site-wide tests count when every
 * channel is selected), each read with the data up to the selection's end.
 * `minimumLift` is the smallest relative change worth detecting (0.1 = 10%), for the power check.
 */
export function readExperiments(days: readonly ExperimentDay[], selection: Pick<Selection, "start" | "end" | "channels">, {allChannels, minimumLift = 0.1, alpha = 0.05}: {allChannels: boolean; minimumLift?: number; alpha?: number}): ExperimentResult[] {
  const channels = new Set(selection.channels);
  const byTest = new Map<string, {meta: ExperimentDay; control: ArmTotals; treatment: ArmTotals; through: number}>();
  for (const d of days) {
    if (d.end < selection.start || d.start > selection.end) continue;
    if (d.channel === null ? !allChannels : !channels.has(d.channel)) continue;
    if (d.date > selection.end) continue;
    let t = byTest.get(d.testId);
    if (!t) byTest.set(d.testId, (t = {meta: d, control: emptyArm(), treatment: emptyArm(), through: -Infinity}));
    const arm = t[d.variant];
    arm.visitors += d.visitors;
    arm.conversions += d.conversions;
    arm.revenue += d.revenue;
    arm.revenueSquared += d.revenueSquared;
    t.through = Math.max(t.through, d.date);
  }
  const out: ExperimentResult[] = [];
  for (const {meta, control, treatment, through} of byTest.values()) {
    if (control.visitors < 2 || treatment.visitors < 2) continue;
    const srm = sampleRatioMismatch([control.visitors, treatment.visitors], [1 - meta.treatmentShare, meta.treatmentShare]);
    let test: TwoProportionTest | WelchTest;
    let minimumEffect: number;
    let metricName: string;
    if (meta.metric === "conversion_rate") {
      test = twoProportionZTest({successes: control.conversions, trials: control.visitors}, {successes: treatment.conversions, trials: treatment.visitors}, {alpha});
      minimumEffect = minimumLift * test.control.rate;
      metricName = "the conversion rate";
    } else {
      test = welchTTest(revenueSummary(control), revenueSummary(treatment), {alpha});
      minimumEffect = minimumLift * test.control.mean;
      metricName = "revenue per visitor";
    }
    out.push({
      id: meta.testId,
      name: meta.testName,
      channel: meta.channel,
      metric: meta.metric,
      start: meta.start,
      end: meta.end,
      through,
      control,
      treatment,
      test,
      srm,
      verdict: verdict(test, {srm, minimumEffect, metric: metricName}),
      lift: test.relativeLift,
      liftLow: test.relativeLiftLow,
      liftHigh: test.relativeLiftHigh
    });
  }
  return out.sort((a, b) => a.start - b.start || a.id.localeCompare(b.id));
}

/** Cumulative relative lift and its interval day by day for one test (how the read-out evolved). */
export function cumulativeLift(days: readonly ExperimentDay[], testId: string, {alpha = 0.05}: {alpha?: number} = {}): {date: number; lift: number; low: number; high: number; visitors: number}[] {
  const mine = days.filter((d) => d.testId === testId).sort((a, b) => a.date - b.date);
  const dates = [...new Set(mine.map((d) => d.date))];
  const control = emptyArm();
  const treatment = emptyArm();
  const out: {date: number; lift: number; low: number; high: number; visitors: number}[] = [];
  for (const date of dates) {
    for (const d of mine.filter((x) => x.date === date)) {
      const arm = d.variant === "control" ? control : treatment;
      arm.visitors += d.visitors;
      arm.conversions += d.conversions;
      arm.revenue += d.revenue;
      arm.revenueSquared += d.revenueSquared;
    }
    if (control.conversions < 1 || treatment.conversions < 1 || control.visitors < 2 || treatment.visitors < 2) continue;
    const metric = mine[0].metric;
    const t =
      metric === "conversion_rate"
        ? twoProportionZTest({successes: control.conversions, trials: control.visitors}, {successes: treatment.conversions, trials: treatment.visitors}, {alpha})
        : welchTTest(revenueSummary(control), revenueSummary(treatment), {alpha});
    out.push({date, lift: t.relativeLift, low: t.relativeLiftLow, high: t.relativeLiftHigh, visitors: control.visitors + treatment.visitors});
  }
  return out;
}
