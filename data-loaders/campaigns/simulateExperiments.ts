/**
 * A/B tests with known true effects. Each visitor is assigned to control or treatment (with the
 * planned split, except where a bug loses treatment visitors: a sample-ratio mismatch), converts
 * with the variant's true probability and, if so, spends a log-normal amount around the
 * variant's average order value. Some tests have a real effect, one a harmful one, some none; one
 * is too small to detect the effect it was looking for. The same tests run at every scale (their
 * power is part of the story), so ab_assignments has the same rows at every scale.
 */
import {Random} from "../shared/random.js";
import {parseIsoDate} from "../shared/schema.js";
import type {BuildOptions} from "../shared/options.js";
import type {TableColumns} from "../shared/validate.js";
import type {Channel} from "./schema.js";
import {drawOrderValues} from "./simulate.js";

export interface ExperimentTruth {
  id: string;
  name: string;
  channel: Channel | null;
  metric: "conversion_rate" | "revenue_per_visitor";
  start: string;
  days: number;
  visitors: number;
  /** Planned share of visitors in the treatment. */
  treatmentShare: number;
  controlConversion: number;
  /** True relative change of the conversion probability in the treatment (0.1 = +10%). */
  conversionLift: number;
  controlOrderValue: number;
  /** True relative change of the average order value in the treatment. */
  orderValueLift: number;
  /** Share of treatment visitors lost before logging (a bug): 0 for a healthy test. */
  treatmentLoss: number;
}

export const EXPERIMENT_TRUTH: readonly ExperimentTruth[] = [
  {id: "T01", name: "Email subject line with the first name", channel: "email", metric: "conversion_rate", start: "2025-02-03", days: 21, visitors: 40_000, treatmentShare: 0.5, controlConversion: 0.03, conversionLift: 0.15, controlOrderValue: 68, orderValueLift: 0, treatmentLoss: 0},
  {id: "T02", name: "Search landing page with a shorter form", channel: "search", metric: "conversion_rate", start: "2025-03-10", days: 28, visitors: 90_000, treatmentShare: 0.5, controlConversion: 0.04, conversionLift: 0.12, controlOrderValue: 92, orderValueLift: 0, treatmentLoss: 0},
  {id: "T03", name: "Social creative: customer videos instead of studio shots", channel: "social", metric: "conversion_rate", start: "2025-04-14", days: 28, visitors: 40_000, treatmentShare: 0.5, controlConversion: 0.025, conversionLift: 0, controlOrderValue: 74, orderValueLift: 0, treatmentLoss: 0},
  {id: "T04", name: "Display frequency cap raised to 6 a day", channel: "display", metric: "conversion_rate", start: "2025-05-19", days: 35, visitors: 80_000, treatmentShare: 0.5, controlConversion: 0.015, conversionLift: -0.15, controlOrderValue: 81, orderValueLift: 0, treatmentLoss: 0},
  {id: "T05", name: "Free-shipping threshold banner", channel: null, metric: "revenue_per_visitor", start: "2025-06-23", days: 42, visitors: 150_000, treatmentShare: 0.5, controlConversion: 0.035, conversionLift: 0.05, controlOrderValue: 80, orderValueLift: 0.03, treatmentLoss: 0},
  {id: "T06", name: "Checkout redesign", channel: null, metric: "conversion_rate", start: "2025-09-08", days: 21, visitors: 40_000, treatmentShare: 0.5, controlConversion: 0.04, conversionLift: 0.05, controlOrderValue: 85, orderValueLift: 0, treatmentLoss: 0.08},
  {id: "T07", name: "Video pre-roll cut to 6 seconds", channel: "video", metric: "conversion_rate", start: "2025-10-06", days: 14, visitors: 10_000, treatmentShare: 0.5, controlConversion: 0.012, conversionLift: 0, controlOrderValue: 88, orderValueLift: 0, treatmentLoss: 0}
];

/** True relative change of revenue per visitor: (1 + conversion lift)(1 + order value lift) − 1. */
export function trueRevenuePerVisitorLift(t: ExperimentTruth): number {
  return (1 + t.conversionLift) * (1 + t.orderValueLift) - 1;
}

export function simulateExperimentTables(options: Pick<BuildOptions, "seed">): Map<string, TableColumns> {
  const root = new Random(options.seed).fork("campaigns").fork("experiments");
  const tests: TableColumns = {test_id: [], test_name: [], channel: [], primary_metric: [], start_date: [], end_date: [], treatment_share: []};
  const rows: TableColumns = {test_id: [], visitor_id: [], variant: [], assigned_date: [], converted: [], revenue: []};
  for (const t of EXPERIMENT_TRUTH) {
    const random = root.fork(t.id);
    const start = parseIsoDate(t.start)!;
    tests.test_id.push(t.id);
    tests.test_name.push(t.name);
    tests.channel.push(t.channel);
    tests.primary_metric.push(t.metric);
    tests.start_date.push(start);
    tests.end_date.push(start + t.days - 1);
    tests.treatment_share.push(t.treatmentShare);
    let logged = 0;
    for (let v = 0; v < t.visitors; v++) {
      const treated = random.bernoulli(t.treatmentShare);
      const day = start + random.int(t.days);
      if (treated && t.treatmentLoss > 0 && random.bernoulli(t.treatmentLoss)) continue; // never logged
      const p = t.controlConversion * (treated ? 1 + t.conversionLift : 1);
      const converted = random.bernoulli(p);
      const aov = t.controlOrderValue * (treated ? 1 + t.orderValueLift : 1);
      logged++;
      rows.test_id.push(t.id);
      rows.visitor_id.push(`V${String(logged).padStart(6, "0")}`);
      rows.variant.push(treated ? "treatment" : "control");
      rows.assigned_date.push(day);
      rows.converted.push(converted);
      rows.revenue.push(converted ? Math.round(drawOrderValues(random, 1, aov) * 100) / 100 : 0);
    }
  }
  return new Map([
    ["ab_tests", tests],
    ["ab_assignments", rows]
  ]);
}

/** Raw tables `ab_tests` and `ab_assignments` (the same at every scale). */
export function simulateExperiments(options: Pick<BuildOptions, "seed" | "scale">): Map<string, TableColumns> {
  return simulateExperimentTables(options);
}
