/**
 * The campaign-performance report's raw schema: what an analyst's own files must look like.
 *
 * `rawTables` (campaigns, daily metrics) are required: every page reads them, and the shared
 * validator and docs/real-data.md cover them. The other tables feed one page each and are
 * optional: when an analyst's folder lacks them, that page says so instead of failing; when a file
 * is there it is validated in full like the required ones (see `optionalRawTables` and
 * docs/campaigns.md).
 */
import type {TableSpec} from "../shared/schema.js";

export const CHANNELS = ["search", "social", "display", "email", "video", "affiliate"] as const;
export type Channel = (typeof CHANNELS)[number];

export const VARIANTS = ["control", "treatment"] as const;
export const TEST_METRICS = ["conversion_rate", "revenue_per_visitor"] as const;

const DATE_RANGE = {min: "2000-01-01", max: "2099-12-31"} as const;

export const campaigns: TableSpec = {
  name: "campaigns",
  description: "Marketing campaigns and the channel each runs on.",
  grain: "campaign",
  primaryKey: ["campaign_id"],
  columns: [
    {name: "campaign_id", type: "utf8", description: "Stable identifier of the campaign."},
    {name: "campaign_name", type: "utf8", description: "Name shown on the pages."},
    {name: "channel", type: "utf8", values: CHANNELS, description: "Marketing channel the campaign runs on."},
    {name: "start_date", type: "date", ...DATE_RANGE, description: "First day the campaign could spend."}
  ]
};

export const dailyMetrics: TableSpec = {
  name: "daily_metrics",
  description: "Delivery and outcome of each campaign per day.",
  grain: "campaign × day",
  primaryKey: ["date", "campaign_id"],
  columns: [
    {name: "date", type: "date", ...DATE_RANGE, description: "Calendar day (UTC)."},
    {name: "campaign_id", type: "utf8", references: {table: "campaigns", column: "campaign_id"}, description: "Campaign the row belongs to."},
    {name: "impressions", type: "int32", min: 0, description: "Ads or messages shown."},
    {name: "clicks", type: "int32", min: 0, description: "Clicks on them."},
    {name: "conversions", type: "int32", min: 0, description: "Purchases attributed to the campaign by the ad platform."},
    {name: "spend", type: "float64", min: 0, unit: "USD", description: "Media cost."},
    {name: "revenue", type: "float64", min: 0, unit: "USD", description: "Revenue of those conversions."},
    {name: "new_customers", type: "int32", min: 0, description: "Conversions by first-time customers."}
  ]
};

export const customers: TableSpec = {
  name: "customers",
  description: "Customers with the campaign that acquired them and their segment.",
  grain: "customer",
  primaryKey: ["customer_id"],
  columns: [
    {name: "customer_id", type: "utf8", description: "Stable identifier of the customer."},
    {name: "acquired_date", type: "date", ...DATE_RANGE, description: "Day of the first purchase."},
    {name: "campaign_id", type: "utf8", nullable: true, references: {table: "campaigns", column: "campaign_id"}, description: "Campaign credited with the first purchase; empty for organic customers."},
    {name: "segment", type: "utf8", description: "The business's own customer segment (any labels; the pages show them as given)."}
  ]
};

export const orders: TableSpec = {
  name: "orders",
  description: "Every order of those customers, the first one included.",
  grain: "order",
  primaryKey: ["order_id"],
  columns: [
    {name: "order_id", type: "utf8", description: "Stable identifier of the order."},
    {name: "customer_id", type: "utf8", references: {table: "customers", column: "customer_id"}, description: "Customer who placed it."},
    {name: "order_date", type: "date", ...DATE_RANGE, description: "Day of the order (UTC)."},
    {name: "revenue", type: "float64", min: 0, unit: "USD", description: "Order value net of returns."}
  ]
};

export const journeys: TableSpec = {
  name: "journeys",
  description: "Tracked visitor journeys (a sample is fine), converting or not, from web analytics.",
  grain: "journey",
  primaryKey: ["journey_id"],
  columns: [
    {name: "journey_id", type: "utf8", description: "Stable identifier of the journey (one visitor's path to a purchase or to giving up)."},
    {name: "converted", type: "bool", description: "Whether the journey ended in a purchase."},
    {name: "conversion_time", type: "timestamp", nullable: true, ...DATE_RANGE, description: "When it converted; empty when it did not."},
    {name: "conversion_value", type: "float64", min: 0, unit: "USD", description: "Revenue of the purchase (0 when it did not convert)."}
  ]
};

export const touchpoints: TableSpec = {
  name: "touchpoints",
  description: "Marketing touches (ad clicks, email opens, views) along each journey.",
  grain: "touch",
  primaryKey: ["journey_id", "touch_time"],
  columns: [
    {name: "journey_id", type: "utf8", references: {table: "journeys", column: "journey_id"}, description: "Journey the touch belongs to."},
    {name: "touch_time", type: "timestamp", ...DATE_RANGE, description: "When the touch happened (before the conversion)."},
    {name: "channel", type: "utf8", values: CHANNELS, description: "Channel of the touch."},
    {name: "campaign_id", type: "utf8", nullable: true, references: {table: "campaigns", column: "campaign_id"}, description: "Campaign of the touch, when known."}
  ]
};

export const abTests: TableSpec = {
  name: "ab_tests",
  description: "A/B tests: what was tested, where, when, and the planned split.",
  grain: "test",
  primaryKey: ["test_id"],
  columns: [
    {name: "test_id", type: "utf8", description: "Stable identifier of the test."},
    {name: "test_name", type: "utf8", description: "Name shown on the pages."},
    {name: "channel", type: "utf8", values: CHANNELS, nullable: true, description: "Channel the test ran on; empty for site-wide tests."},
    {name: "primary_metric", type: "utf8", values: TEST_METRICS, description: "The metric the decision rests on."},
    {name: "start_date", type: "date", ...DATE_RANGE, description: "First day of assignment."},
    {name: "end_date", type: "date", ...DATE_RANGE, description: "Last day of assignment."},
    {name: "treatment_share", type: "float64", min: 0.01, max: 0.99, description: "Planned share of visitors sent to the treatment (0.5 for an even split)."}
  ]
};

export const abAssignments: TableSpec = {
  name: "ab_assignments",
  description: "Each visitor assigned to a test, their variant and outcome.",
  grain: "test × visitor",
  primaryKey: ["test_id", "visitor_id"],
  columns: [
    {name: "test_id", type: "utf8", references: {table: "ab_tests", column: "test_id"}, description: "Test the visitor was assigned in."},
    {name: "visitor_id", type: "utf8", description: "Visitor identifier (unique within a test)."},
    {name: "variant", type: "utf8", values: VARIANTS, description: "Variant the visitor saw."},
    {name: "assigned_date", type: "date", ...DATE_RANGE, description: "Day of assignment."},
    {name: "converted", type: "bool", description: "Whether the visitor purchased during the test."},
    {name: "revenue", type: "float64", min: 0, unit: "USD", description: "Revenue from the visitor during the test (0 if none)."}
  ]
};

/** The required raw tables of the report, in dependency order (validated and documented by the shared tools). */
export const rawTables: readonly TableSpec[] = [campaigns, dailyMetrics];

/**
 * Optional raw tables, grouped by the page that needs them. A group is used when all its files are
 * present, validated in full (with references to the required tables); when none is present the
 * page shows that the data is missing; a group with only some of its files is an error.
 */
export const optionalRawTables = {
  customers: [customers, orders],
  journeys: [journeys, touchpoints],
  experiments: [abTests, abAssignments]
} as const satisfies Record<string, readonly TableSpec[]>;

export type OptionalGroup = keyof typeof optionalRawTables;
