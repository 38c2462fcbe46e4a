/**
 * The staging models' schemas (dbt's schema.yml): column types, keys, accepted values and
 * references, from which the data tests are derived (datatests.ts). Staging is where the raw
 * exports' loose text becomes the closed lists below.
 */
import type {TableSpec} from "../../../shared/schema.js";
import {ACQUISITION_CHANNELS, CATEGORIES, FUNNEL_STEPS, MESSAGE_CHANNELS, ORDER_CHANNELS, PROMO_SCOPES, REGIONS, RETURN_REASONS, SPEND_CHANNELS, STORE_FORMATS, VARIANTS} from "../../schema.js";

export const GENDERS = ["F", "M", "unknown"] as const;

export const stgStores: TableSpec = {
  name: "stg_stores",
  description: "Stores, one row each, region and planning area spelled one way.",
  grain: "store",
  primaryKey: ["store_id"],
  columns: [
    {name: "store_id", type: "utf8", description: "Store."},
    {name: "store_name", type: "utf8", description: "Name."},
    {name: "region", type: "utf8", values: REGIONS, description: "Planning region."},
    {name: "planning_area", type: "utf8", description: "Planning area."},
    {name: "format", type: "utf8", values: STORE_FORMATS, description: "Format."},
    {name: "size_sqft", type: "int32", description: "Sales floor, sq ft."},
    {name: "opened_date", type: "date", description: "Opening day."},
    {name: "latitude", type: "float64", description: "Latitude."},
    {name: "longitude", type: "float64", description: "Longitude."}
  ]
};

export const stgProducts: TableSpec = {
  name: "stg_products",
  description: "Products, one row each, categories spelled one way, every cost known.",
  grain: "product",
  primaryKey: ["product_id"],
  columns: [
    {name: "product_id", type: "utf8", description: "Product."},
    {name: "product_name", type: "utf8", description: "Name."},
    {name: "category", type: "utf8", values: CATEGORIES, description: "Category."},
    {name: "subcategory", type: "utf8", description: "Sub-category."},
    {name: "brand", type: "utf8", description: "Brand."},
    {name: "list_price", type: "float64", description: "List price, SGD."},
    {name: "unit_cost", type: "float64", description: "Unit cost, SGD (imputed when missing)."}
  ]
};

export const stgCustomers: TableSpec = {
  name: "stg_customers",
  description: "Members, one row each.",
  grain: "member",
  primaryKey: ["customer_id"],
  columns: [
    {name: "customer_id", type: "utf8", description: "Member."},
    {name: "email", type: "utf8", nullable: true, description: "E-mail, lower case."},
    {name: "gender", type: "utf8", values: GENDERS, description: "F, M or unknown."},
    {name: "birth_year", type: "int32", nullable: true, description: "Year of birth (1925-2010) or missing."},
    {name: "home_planning_area", type: "utf8", nullable: true, description: "Home planning area."},
    {name: "acquisition_channel", type: "utf8", values: ACQUISITION_CHANNELS, description: "Acquisition channel."},
    {name: "acquisition_date", type: "date", description: "Sign-up day."},
    {name: "loyalty_tier_member", type: "bool", description: "In the paid tier."},
    {name: "app_user", type: "bool", description: "Uses the app."},
    {name: "email_opt_in", type: "bool", description: "E-mail consent."},
    {name: "sms_opt_in", type: "bool", description: "SMS consent."},
    {name: "push_opt_in", type: "bool", description: "Push consent."}
  ]
};

export const stgOrders: TableSpec = {
  name: "stg_orders",
  description: "Order headers, one row per order.",
  grain: "order",
  primaryKey: ["order_id"],
  columns: [
    {name: "order_id", type: "utf8", description: "Order."},
    {name: "customer_id", type: "utf8", nullable: true, references: {table: "stg_customers", column: "customer_id"}, description: "Member; empty for a guest."},
    {name: "store_id", type: "utf8", nullable: true, references: {table: "stg_stores", column: "store_id"}, description: "Store; empty online."},
    {name: "channel", type: "utf8", values: ORDER_CHANNELS, description: "store, web or app."},
    {name: "order_ts", type: "timestamp", description: "When (SGT)."},
    {name: "order_date", type: "date", description: "Day (SGT)."}
  ]
};

export const stgOrderItems: TableSpec = {
  name: "stg_order_items",
  description: "Order lines, one row per order and line number.",
  grain: "order line",
  primaryKey: ["order_id", "line_number"],
  columns: [
    {name: "order_id", type: "utf8", references: {table: "stg_orders", column: "order_id"}, description: "Order."},
    {name: "line_number", type: "int32", description: "Line."},
    {name: "product_id", type: "utf8", references: {table: "stg_products", column: "product_id"}, description: "Product."},
    {name: "quantity", type: "int32", description: "Units (≥ 1)."},
    {name: "unit_price", type: "float64", description: "Price paid per unit, SGD."},
    {name: "promo_id", type: "utf8", nullable: true, references: {table: "stg_promotions", column: "promo_id"}, description: "Promotion."}
  ]
};

export const stgReturns: TableSpec = {
  name: "stg_returns",
  description: "Returns, one row each.",
  grain: "return",
  primaryKey: ["return_id"],
  columns: [
    {name: "return_id", type: "utf8", description: "Return."},
    {name: "order_id", type: "utf8", references: {table: "stg_orders", column: "order_id"}, description: "Order."},
    {name: "line_number", type: "int32", description: "Line."},
    {name: "return_date", type: "date", description: "Day processed."},
    {name: "reason", type: "utf8", values: RETURN_REASONS, description: "Reason."},
    {name: "refund_amount", type: "float64", description: "Refund, SGD (at most the line's value)."}
  ]
};

export const stgPromotions: TableSpec = {
  name: "stg_promotions",
  description: "Promotions, one row each.",
  grain: "promotion",
  primaryKey: ["promo_id"],
  columns: [
    {name: "promo_id", type: "utf8", description: "Promotion."},
    {name: "promo_name", type: "utf8", description: "Name."},
    {name: "start_date", type: "date", description: "First day."},
    {name: "end_date", type: "date", description: "Last day."},
    {name: "category", type: "utf8", nullable: true, values: CATEGORIES, description: "Category; empty for all."},
    {name: "scope", type: "utf8", values: PROMO_SCOPES, description: "all, online or store."},
    {name: "discount_pct", type: "float64", description: "Discount."}
  ]
};

export const stgCampaigns: TableSpec = {
  name: "stg_campaigns",
  description: "Campaigns, one row each.",
  grain: "campaign",
  primaryKey: ["campaign_id"],
  columns: [
    {name: "campaign_id", type: "utf8", description: "Campaign."},
    {name: "campaign_name", type: "utf8", description: "Name."},
    {name: "channel", type: "utf8", values: MESSAGE_CHANNELS, description: "Channel."},
    {name: "send_date", type: "date", description: "Send day."},
    {name: "window_days", type: "int32", description: "Conversion window, days."},
    {name: "offer_a", type: "utf8", description: "Offer A."},
    {name: "offer_b", type: "utf8", nullable: true, description: "Offer B."},
    {name: "discount_a", type: "float64", description: "Discount A."},
    {name: "discount_b", type: "float64", nullable: true, description: "Discount B."},
    {name: "control_share", type: "float64", description: "Planned control share."},
    {name: "cost_per_send", type: "float64", description: "Cost per message, SGD."},
    {name: "audience", type: "utf8", description: "Eligibility."}
  ]
};

export const stgCampaignAssignments: TableSpec = {
  name: "stg_campaign_assignments",
  description: "Test assignments, one row per campaign and member.",
  grain: "campaign × member",
  primaryKey: ["campaign_id", "customer_id"],
  columns: [
    {name: "campaign_id", type: "utf8", references: {table: "stg_campaigns", column: "campaign_id"}, description: "Campaign."},
    {name: "customer_id", type: "utf8", references: {table: "stg_customers", column: "customer_id"}, description: "Member."},
    {name: "variant", type: "utf8", values: VARIANTS, description: "Arm."},
    {name: "assigned_ts", type: "timestamp", description: "Assigned at."}
  ]
};

export const stgCampaignEvents: TableSpec = {
  name: "stg_campaign_events",
  description: "Message events, one row per event.",
  grain: "event",
  primaryKey: ["event_id"],
  columns: [
    {name: "event_id", type: "utf8", description: "Event."},
    {name: "campaign_id", type: "utf8", references: {table: "stg_campaigns", column: "campaign_id"}, description: "Campaign."},
    {name: "customer_id", type: "utf8", references: {table: "stg_customers", column: "customer_id"}, description: "Recipient."},
    {name: "event_type", type: "utf8", values: FUNNEL_STEPS, description: "Funnel step."},
    {name: "event_ts", type: "timestamp", description: "When."}
  ]
};

export const stgMarketingSpend: TableSpec = {
  name: "stg_marketing_spend",
  description: "Acquisition spend, one row per day and channel.",
  grain: "day × channel",
  primaryKey: ["date", "channel"],
  columns: [
    {name: "date", type: "date", description: "Day."},
    {name: "channel", type: "utf8", values: SPEND_CHANNELS, description: "Channel."},
    {name: "spend", type: "float64", description: "Spend, SGD."}
  ]
};

export const stagingSpecs: readonly TableSpec[] = [
  stgStores,
  stgProducts,
  stgCustomers,
  stgOrders,
  stgOrderItems,
  stgReturns,
  stgPromotions,
  stgCampaigns,
  stgCampaignAssignments,
  stgCampaignEvents,
  stgMarketingSpend
];
