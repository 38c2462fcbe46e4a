/**
 * A/B test assignments → per test, variant and day: visitors, conversions, revenue and the sum of
 * squared revenue per visitor (what a Welch test of revenue per visitor needs), with the test's
 * description on every row. Days are the assignment days. Data tests: every test has both
 * variants, and assignments fall within the test's dates.
 */
import {assertDataTests, runDataTests, testsFromSpec} from "../shared/datatests.js";
import type {TableSpec} from "../shared/schema.js";
import type {TableColumns} from "../shared/validate.js";
import {abAssignments, abTests, CHANNELS, TEST_METRICS, VARIANTS} from "./schema.js";

export function experimentDailySpec(testIds: readonly string[], testNames: readonly string[]): TableSpec {
  return {
    name: "fct_experiment_daily",
    description: "A/B test outcomes per test, variant and assignment day.",
    grain: "test × variant × day",
    primaryKey: ["test_id", "variant", "date"],
    columns: [
      {name: "test_id", type: "utf8", values: testIds, description: "Test."},
      {name: "test_name", type: "utf8", values: testNames, description: "Name of the test."},
      {name: "channel", type: "utf8", values: CHANNELS, nullable: true, description: "Channel tested (empty: site-wide)."},
      {name: "primary_metric", type: "utf8", values: TEST_METRICS, description: "Metric the decision rests on."},
      {name: "start_date", type: "date", description: "First day of the test."},
      {name: "end_date", type: "date", description: "Last day of the test."},
      {name: "treatment_share", type: "float64", min: 0, max: 1, description: "Planned share of visitors in the treatment."},
      {name: "date", type: "date", description: "Assignment day."},
      {name: "variant", type: "utf8", values: VARIANTS, description: "control or treatment."},
      {name: "visitors", type: "int32", min: 0, description: "Visitors assigned that day."},
      {name: "conversions", type: "int32", min: 0, description: "Of them, visitors who purchased."},
      {name: "revenue", type: "float64", min: 0, unit: "USD", description: "Their revenue."},
      {name: "revenue_sq", type: "float64", min: 0, unit: "USD²", description: "Sum over visitors of revenue squared (for the variance of revenue per visitor)."}
    ]
  };
}

export function experimentDaily(tables: Map<string, TableColumns>): {spec: TableSpec; columns: TableColumns} {
  const tests = tables.get("ab_tests")!;
  const rows = tables.get("ab_assignments")!;
  assertDataTests(
    runDataTests(tables, [
      {model: "ab_tests", tests: testsFromSpec(abTests)},
      {model: "ab_assignments", tests: testsFromSpec(abAssignments)},
      {
        model: "ab_tests",
        tests: [
          {
            kind: "expression",
            name: "both_variants",
            description: "every test has visitors in both control and treatment",
            failures: (t) => {
              const seen = new Map<unknown, Set<unknown>>();
              rows.test_id.forEach((id, i) => {
                let s = seen.get(id);
                if (!s) seen.set(id, (s = new Set()));
                s.add(rows.variant[i]);
              });
              return t.test_id.flatMap((id, i) => ((seen.get(id)?.size ?? 0) < 2 ? [i] : []));
            }
          }
        ]
      },
      {
        model: "ab_assignments",
        tests: [
          {
            kind: "expression",
            name: "assigned_during_test",
            description: "assignments fall between the test's start and end dates",
            failures: (a) => {
              const range = new Map(tests.test_id.map((id, i) => [id, [tests.start_date[i] as number, tests.end_date[i] as number]]));
              const bad: number[] = [];
              a.assigned_date.forEach((d, i) => {
                const r = range.get(a.test_id[i]);
                if (r && ((d as number) < r[0] || (d as number) > r[1])) bad.push(i);
              });
              return bad;
            }
          }
        ]
      }
    ])
  );
  const meta = new Map(tests.test_id.map((id, i) => [id as string, i]));
  const groups = new Map<string, {test: string; variant: string; date: number; v: [number, number, number, number]}>();
  rows.test_id.forEach((id, i) => {
    const k = `${id}|${rows.variant[i]}|${rows.assigned_date[i]}`;
    let g = groups.get(k);
    if (!g) groups.set(k, (g = {test: id as string, variant: rows.variant[i] as string, date: rows.assigned_date[i] as number, v: [0, 0, 0, 0]}));
    const revenue = rows.revenue[i] as number;
    g.v[0]++;
    if (rows.converted[i]) g.v[1]++;
    g.v[2] += revenue;
    g.v[3] += revenue * revenue;
  });
  const sorted = [...groups.values()].sort((a, b) => a.test.localeCompare(b.test) || a.variant.localeCompare(b.variant) || a.date - b.date);
  const m = (g: {test: string}, column: string) => tests[column][meta.get(g.test)!];
  const ids = (tests.test_id as string[]).slice().sort();
  const names = [...new Set(tests.test_name as string[])].sort();
  return {
    spec: experimentDailySpec(ids, names),
    columns: {
      test_id: sorted.map((g) => g.test),
      test_name: sorted.map((g) => m(g, "test_name")),
      channel: sorted.map((g) => m(g, "channel")),
      primary_metric: sorted.map((g) => m(g, "primary_metric")),
      start_date: sorted.map((g) => m(g, "start_date")),
      end_date: sorted.map((g) => m(g, "end_date")),
      treatment_share: sorted.map((g) => m(g, "treatment_share")),
      date: sorted.map((g) => g.date),
      variant: sorted.map((g) => g.variant),
      visitors: sorted.map((g) => g.v[0]),
      conversions: sorted.map((g) => g.v[1]),
      revenue: sorted.map((g) => Math.round(g.v[2] * 100) / 100),
      revenue_sq: sorted.map((g) => Math.round(g.v[3] * 100) / 100)
    }
  };
}
