/**
 * Campaign raw tables → the daily performance fact the pages read: one row per campaign and day,
 * with the campaign's name and channel joined in (a small wide table is what Plot and DuckDB-WASM
 * handle best in the browser). Campaign ids and names are written as Arrow dictionaries (each
 * name stored once), which keeps the file about half the size of plain strings.
 */
import type {ColumnSpec, TableSpec} from "../shared/schema.js";
import type {TableColumns} from "../shared/validate.js";
import {campaigns, dailyMetrics} from "./schema.js";

export const fctDailyPerformance: TableSpec = {
  name: "fct_daily_performance",
  description: "Daily delivery and outcomes per campaign, with campaign attributes.",
  grain: "campaign × day",
  primaryKey: ["date", "campaign_id"],
  columns: [
    dailyMetrics.columns[0],
    dailyMetrics.columns[1],
    {...campaigns.columns[1]},
    {...campaigns.columns[2]},
    ...dailyMetrics.columns.slice(2)
  ].map(({references, ...c}) => c)
};

/** The spec with the named text columns dictionary-encoded over the values they hold (sorted, distinct). */
export function withDictionaries(spec: TableSpec, table: TableColumns, names: readonly string[]): TableSpec {
  const columns: ColumnSpec[] = spec.columns.map((c) => {
    if (!names.includes(c.name) || c.type !== "utf8" || c.values) return c;
    const values = [...new Set(table[c.name].filter((v) => v !== null && v !== undefined).map(String))].sort();
    return values.length < 32_000 ? {...c, values} : c;
  });
  return {...spec, columns};
}

export function dailyPerformance(tables: Map<string, TableColumns>): TableColumns {
  const camp = tables.get("campaigns")!;
  const daily = tables.get("daily_metrics")!;
  const byId = new Map(camp.campaign_id.map((id, i) => [id, i]));
  const index = daily.campaign_id.map((id) => byId.get(id)!);
  // Sort by date then campaign so the output does not depend on input row order.
  const order = index.map((_, i) => i).sort((a, b) => (daily.date[a] as number) - (daily.date[b] as number) || String(daily.campaign_id[a]).localeCompare(String(daily.campaign_id[b])));
  const pick = (values: unknown[]) => order.map((i) => values[i]);
  return {
    date: pick(daily.date),
    campaign_id: pick(daily.campaign_id),
    campaign_name: order.map((i) => camp.campaign_name[index[i]]),
    channel: order.map((i) => camp.channel[index[i]]),
    impressions: pick(daily.impressions),
    clicks: pick(daily.clicks),
    conversions: pick(daily.conversions),
    spend: pick(daily.spend),
    revenue: pick(daily.revenue),
    new_customers: pick(daily.new_customers)
  };
}
