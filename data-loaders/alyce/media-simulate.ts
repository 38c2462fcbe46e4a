/**
 * The simulated `alyce_marketing_weekly` table: the weeks of data-loaders/alyce/simulate-media.ts
 * (the generative model and its true parameters are documented there and in docs/alyce.md) laid
 * out in the raw schema, so the simulation and an analyst's file reach the model by the same path.
 *
 * Rows per scale (one per week, WEEKS_PER_SCALE in media-scale.ts):
 *   tiny 156 · small 156 · default 208 · large 416
 */
import type {BuildOptions} from "../shared/options.js";
import {parseIsoDate} from "../shared/schema.js";
import type {TableColumns} from "../shared/validate.js";
import {FIRST_WEEK, WEEKS_PER_SCALE} from "./media-scale.js";
import {alyceMarketingWeekly, MEDIA_LEVERS, SPEND_PREFIX} from "./schema.js";
import {simulateMediaWeeks, type MediaTruth, type MediaWeek} from "./simulate-media.js";

/** The weeks as columns of alyce_marketing_weekly (dates as days since 1970-01-01, as the validator reads them). */
export function marketingWeeklyColumns(weeks: readonly MediaWeek[]): TableColumns {
  const columns: TableColumns = {
    week: weeks.map((w) => parseIsoDate(w.week)!),
    sales: weeks.map((w) => w.sales)
  };
  for (const lever of MEDIA_LEVERS) columns[`${SPEND_PREFIX}${lever}`] = weeks.map((w) => w.spend[lever]);
  columns.discount_pct = weeks.map((w) => w.discountPct);
  columns.promotion = weeks.map((w) => w.promotion);
  columns.thanksgiving = weeks.map((w) => w.thanksgiving);
  columns.december_peak = weeks.map((w) => w.decemberPeak);
  columns.year_end = weeks.map((w) => w.yearEnd);
  columns.market_index = weeks.map((w) => w.marketIndex);
  return columns;
}

/** Simulates the weekly marketing table for a seed and scale, with the truth behind it. */
export function simulateMarketingWeekly({seed, scale}: Pick<BuildOptions, "seed" | "scale">): {tables: Map<string, TableColumns>; truth: MediaTruth} {
  const {weeks, truth} = simulateMediaWeeks({seed, weeks: WEEKS_PER_SCALE[scale], startDate: FIRST_WEEK});
  return {tables: new Map([[alyceMarketingWeekly.name, marketingWeeklyColumns(weeks)]]), truth};
}
