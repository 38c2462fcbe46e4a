/**
 * Data tests of the weekly marketing table (dbt style, data-loaders/shared/datatests.ts): the
 * schema's own tests (unique week, nothing missing) plus the rules the market mix model relies
 * on: weeks start on a Monday and follow each other without gaps, spend is never negative, at
 * least two years of weeks. The loader stops on any failure (assertDataTests).
 */
import {testsFromSpec, type ModelTests} from "../shared/datatests.js";
import type {TableSpec} from "../shared/schema.js";
import {SPEND_PREFIX} from "./schema.js";

/** At least two years of weeks: fewer cannot separate yearly seasonality from media. */
export const MIN_WEEKS = 104;

const MONDAY = 4; // 1970-01-01 (day 0) was a Thursday, so Mondays are the days with days % 7 === 4

export function marketingWeeklyTests(spec: TableSpec): ModelTests[] {
  const spendColumns = spec.columns.filter((c) => c.name.startsWith(SPEND_PREFIX)).map((c) => c.name);
  return [
    {
      model: spec.name,
      tests: [
        ...testsFromSpec(spec),
        {kind: "row_count", min: MIN_WEEKS},
        {
          kind: "expression",
          name: "week_is_monday",
          description: "every week starts on a Monday",
          failures: (table) => table.week.flatMap((d, i) => ((((d as number) % 7) + 7) % 7 === MONDAY ? [] : [i]))
        },
        {
          kind: "expression",
          name: "consecutive_weeks",
          description: "weeks follow each other 7 days apart, oldest first, with no gap",
          failures: (table) => table.week.flatMap((d, i) => (i === 0 || (d as number) - (table.week[i - 1] as number) === 7 ? [] : [i]))
        },
        {
          kind: "expression",
          name: "spend_not_negative",
          description: `media spend (${spendColumns.join(", ")}) is never negative`,
          failures: (table) => table.week.flatMap((_, i) => (spendColumns.some((c) => (table[c][i] as number) < 0) ? [i] : []))
        },
        {
          kind: "expression",
          name: "lever_has_spend",
          description: "every media lever spends in at least one week",
          failures: (table) => spendColumns.filter((c) => !table[c].some((v) => (v as number) > 0)).length
        }
      ]
    }
  ];
}
