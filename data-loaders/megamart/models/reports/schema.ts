/**
 * The report models' schemas: small aggregates of the marts that the pages load (as Arrow) and
 * filter in the reader's browser. Keys and categories become data tests like the marts'.
 */
import type {TableSpec} from "../../../shared/schema.js";
import {ACQUISITION_CHANNELS, CATEGORIES, ORDER_CHANNELS, REGIONS, VARIANTS} from "../../schema.js";

export const SALES_REGIONS = [...REGIONS, "Online"] as const;

export const rptDailySales: TableSpec = {
  name: "rpt_daily_sales",
  description: "Sales per day, channel, region and category.",
  grain: "day × channel × region × category",
  primaryKey: ["date", "channel", "region", "category"],
  columns: [
    {name: "date", type: "date", description: "Day."},
    {name: "channel", type: "utf8", values: ORDER_CHANNELS, description: "Channel."},
    {name: "region", type: "utf8", values: SALES_REGIONS, description: "Store region, or Online."},
    {name: "category", type: "utf8", values: CATEGORIES, description: "Category."},
    {name: "orders", type: "int32", description: "Orders containing the category."},
    {name: "units", type: "int32", description: "Units."},
    {name: "net_revenue", type: "float64", unit: "SGD", description: "Revenue."},
    {name: "gross_margin", type: "float64", unit: "SGD", description: "Gross margin."},
    {name: "discount", type: "float64", unit: "SGD", description: "Promotion discounts."},
    {name: "refunds", type: "float64", unit: "SGD", description: "Refunds of these lines."}
  ]
};

export const rptDailyOrders: TableSpec = {
  name: "rpt_daily_orders",
  description: "Orders per day, channel and region.",
  grain: "day × channel × region",
  primaryKey: ["date", "channel", "region"],
  columns: [
    {name: "date", type: "date", description: "Day."},
    {name: "channel", type: "utf8", values: ORDER_CHANNELS, description: "Channel."},
    {name: "region", type: "utf8", values: SALES_REGIONS, description: "Store region, or Online."},
    {name: "orders", type: "int32", description: "Orders."},
    {name: "member_orders", type: "int32", description: "Orders by members."},
    {name: "first_orders", type: "int32", description: "Members' first orders."},
    {name: "members", type: "int32", description: "Distinct members buying."},
    {name: "net_revenue", type: "float64", unit: "SGD", description: "Revenue."},
    {name: "gross_margin", type: "float64", unit: "SGD", description: "Gross margin."},
    {name: "refunds", type: "float64", unit: "SGD", description: "Refunds."}
  ]
};

export const rptStoreMonthly: TableSpec = {
  name: "rpt_store_monthly",
  description: "Each store's month.",
  grain: "store × month",
  primaryKey: ["store_id", "month"],
  columns: [
    {name: "store_id", type: "utf8", references: {table: "dim_store", column: "store_id"}, description: "Store."},
    {name: "month", type: "date", description: "First day of the month."},
    {name: "orders", type: "int32", description: "Orders."},
    {name: "member_orders", type: "int32", description: "Members' orders."},
    {name: "net_revenue", type: "float64", unit: "SGD", description: "Revenue."},
    {name: "gross_margin", type: "float64", unit: "SGD", description: "Gross margin."},
    {name: "refunds", type: "float64", unit: "SGD", description: "Refunds."}
  ]
};

export const rptProductChannel: TableSpec = {
  name: "rpt_product_channel",
  description: "Each product's sales per channel.",
  grain: "product × channel",
  primaryKey: ["product_id", "channel"],
  columns: [
    {name: "product_id", type: "utf8", references: {table: "dim_product", column: "product_id"}, description: "Product."},
    {name: "product_name", type: "utf8", description: "Name."},
    {name: "category", type: "utf8", values: CATEGORIES, description: "Category."},
    {name: "subcategory", type: "utf8", description: "Sub-category."},
    {name: "channel", type: "utf8", values: ORDER_CHANNELS, description: "Channel."},
    {name: "units", type: "int32", description: "Units."},
    {name: "net_revenue", type: "float64", unit: "SGD", description: "Revenue."},
    {name: "gross_margin", type: "float64", unit: "SGD", description: "Gross margin."},
    {name: "discount", type: "float64", unit: "SGD", description: "Discounts."},
    {name: "returned_lines", type: "int32", description: "Lines returned."},
    {name: "lines", type: "int32", description: "Lines sold."},
    {name: "refunds", type: "float64", unit: "SGD", description: "Refunds."}
  ]
};

export const rptCampaignFunnel: TableSpec = {
  name: "rpt_campaign_funnel",
  description: "Each campaign arm's funnel and window results.",
  grain: "campaign × arm",
  primaryKey: ["campaign_id", "variant"],
  columns: [
    {name: "campaign_id", type: "utf8", references: {table: "dim_campaign", column: "campaign_id"}, description: "Campaign."},
    {name: "variant", type: "utf8", values: VARIANTS, description: "Arm."},
    {name: "assigned", type: "int32", description: "Members assigned."},
    {name: "sent", type: "int32", description: "Sent."},
    {name: "delivered", type: "int32", description: "Delivered."},
    {name: "opened", type: "int32", description: "Opened."},
    {name: "clicked", type: "int32", description: "Clicked."},
    {name: "attributed_purchases", type: "int32", description: "Purchases the platform attributed."},
    {name: "converted", type: "int32", description: "Members who bought in the window."},
    {name: "window_revenue", type: "float64", unit: "SGD", description: "Revenue in the window."},
    {name: "window_margin", type: "float64", unit: "SGD", description: "Margin in the window."},
    {name: "send_cost", type: "float64", unit: "SGD", description: "Messaging cost."}
  ]
};

export const rptCohortRetention: TableSpec = {
  name: "rpt_cohort_retention",
  description: "Members by sign-up month and months since: active members and revenue.",
  grain: "cohort month × months since",
  primaryKey: ["cohort_month", "months_since"],
  columns: [
    {name: "cohort_month", type: "date", description: "Sign-up month."},
    {name: "months_since", type: "int32", description: "Months since sign-up (0 = that month)."},
    {name: "members", type: "int32", description: "Cohort size."},
    {name: "active_members", type: "int32", description: "Members with an order that month."},
    {name: "net_revenue", type: "float64", unit: "SGD", description: "Their revenue that month."}
  ]
};

export const rptHourlyTraffic: TableSpec = {
  name: "rpt_hourly_traffic",
  description: "Orders by weekday and hour, in stores and online.",
  grain: "place × weekday × hour",
  primaryKey: ["place", "day_of_week", "hour"],
  columns: [
    {name: "place", type: "utf8", values: ["store", "online"], description: "store or online."},
    {name: "day_of_week", type: "int32", description: "1 = Monday."},
    {name: "hour", type: "int32", description: "Hour (SGT)."},
    {name: "orders", type: "int32", description: "Orders."},
    {name: "net_revenue", type: "float64", unit: "SGD", description: "Revenue."}
  ]
};

export const rptAcquisitionMonthly: TableSpec = {
  name: "rpt_acquisition_monthly",
  description: "Acquisition spend and new members per month and channel.",
  grain: "month × channel",
  primaryKey: ["month", "channel"],
  columns: [
    {name: "month", type: "date", description: "Month."},
    {name: "channel", type: "utf8", values: ACQUISITION_CHANNELS, description: "Channel."},
    {name: "spend", type: "float64", unit: "SGD", description: "Spend."},
    {name: "new_members", type: "int32", description: "New members."}
  ]
};

export const rptMemberMix: TableSpec = {
  name: "rpt_member_mix",
  description: "Each member's revenue share per category.",
  grain: "member",
  primaryKey: ["customer_id"],
  columns: [
    {name: "customer_id", type: "utf8", references: {table: "dim_customer", column: "customer_id"}, description: "Member."},
    {name: "net_revenue", type: "float64", unit: "SGD", description: "Revenue."},
    {name: "electronics_share", type: "float64", description: "Share of revenue in electronics."},
    {name: "fashion_share", type: "float64", description: "Share in fashion."},
    {name: "groceries_share", type: "float64", description: "Share in groceries."},
    {name: "home_goods_share", type: "float64", description: "Share in home goods."}
  ]
};

export const reportSpecs: readonly TableSpec[] = [rptDailySales, rptDailyOrders, rptStoreMonthly, rptProductChannel, rptCampaignFunnel, rptCohortRetention, rptHourlyTraffic, rptAcquisitionMonthly, rptMemberMix];
