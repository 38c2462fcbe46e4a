/**
 * The campaign-performance report's raw schema: what an analyst's own files must look like
 * (docs/real-data.md is generated from these declarations).
 */
import type {TableSpec} from "../shared/schema.js";

export const CHANNELS = ["search", "social", "display", "email", "video", "affiliate"] as const;
export type Channel = (typeof CHANNELS)[number];

export const campaigns: TableSpec = {
  name: "campaigns",
  description: "Marketing campaigns and the channel each runs on.",
  grain: "campaign",
  primaryKey: ["campaign_id"],
  columns: [
    {name: "campaign_id", type: "utf8", description: "Stable identifier of the campaign."},
    {name: "campaign_name", type: "utf8", description: "Name shown on the pages."},
    {name: "channel", type: "utf8", values: CHANNELS, description: "Marketing channel the campaign runs on."},
    {name: "start_date", type: "date", min: "2000-01-01", max: "2099-12-31", description: "First day the campaign could spend."}
  ]
};

export const dailyMetrics: TableSpec = {
  name: "daily_metrics",
  description: "Delivery and outcome of each campaign per day.",
  grain: "campaign × day",
  primaryKey: ["date", "campaign_id"],
  columns: [
    {name: "date", type: "date", min: "2000-01-01", max: "2099-12-31", description: "Calendar day (UTC)."},
    {name: "campaign_id", type: "utf8", references: {table: "campaigns", column: "campaign_id"}, description: "Campaign the row belongs to."},
    {name: "impressions", type: "int32", min: 0, description: "Ads or messages shown."},
    {name: "clicks", type: "int32", min: 0, description: "Clicks on them."},
    {name: "conversions", type: "int32", min: 0, description: "Purchases attributed to the campaign by the ad platform."},
    {name: "spend", type: "float64", min: 0, unit: "USD", description: "Media cost."},
    {name: "revenue", type: "float64", min: 0, unit: "USD", description: "Revenue of those conversions."},
    {name: "new_customers", type: "int32", min: 0, description: "Conversions by first-time customers."}
  ]
};

/** The raw tables of the report, in dependency order. */
export const rawTables: readonly TableSpec[] = [campaigns, dailyMetrics];
