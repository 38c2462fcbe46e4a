/**
 * The marts' schemas: the star the analyses and pages read — facts (orders, order lines, campaign
 * events and participants, acquisition) and dimensions (date, store, product, customer, campaign).
 * Keys, accepted values and references here become data tests (datatests.ts).
 */
import type {TableSpec} from "../../../shared/schema.js";
import {SEASONS} from "../../calendar.js";
import {ACQUISITION_CHANNELS, CATEGORIES, FUNNEL_STEPS, MESSAGE_CHANNELS, ORDER_CHANNELS, REGIONS, STORE_FORMATS, VARIANTS} from "../../schema.js";
import {GENDERS} from "../staging/schema.js";

export const AGE_BANDS = ["under 25", "25-34", "35-44", "45-54", "55+", "unknown"] as const;

export const dimDate: TableSpec = {
  name: "dim_date",
  description: "The calendar from the first to the last order, with seasons and public holidays.",
  grain: "day",
  primaryKey: ["date"],
  columns: [
    {name: "date", type: "date", description: "Day."},
    {name: "year", type: "int32", description: "Year."},
    {name: "quarter", type: "int32", description: "Quarter (1-4)."},
    {name: "month", type: "int32", description: "Month (1-12)."},
    {name: "year_month", type: "utf8", description: "YYYY-MM."},
    {name: "iso_year", type: "int32", description: "ISO year."},
    {name: "iso_week", type: "int32", description: "ISO week."},
    {name: "day_of_week", type: "int32", description: "1 = Monday … 7 = Sunday."},
    {name: "day_name", type: "utf8", description: "Weekday name."},
    {name: "is_weekend", type: "bool", description: "Saturday or Sunday."},
    {name: "season", type: "utf8", nullable: true, values: SEASONS, description: "Retail season, if any."},
    {name: "holiday", type: "utf8", nullable: true, description: "Public holiday, if any."}
  ]
};

export const dimStore: TableSpec = {
  name: "dim_store",
  description: "Stores.",
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

export const dimProduct: TableSpec = {
  name: "dim_product",
  description: "Products with list margin.",
  grain: "product",
  primaryKey: ["product_id"],
  columns: [
    {name: "product_id", type: "utf8", description: "Product."},
    {name: "product_name", type: "utf8", description: "Name."},
    {name: "category", type: "utf8", values: CATEGORIES, description: "Category."},
    {name: "subcategory", type: "utf8", description: "Sub-category."},
    {name: "brand", type: "utf8", description: "Brand."},
    {name: "list_price", type: "float64", description: "List price, SGD."},
    {name: "unit_cost", type: "float64", description: "Unit cost, SGD."},
    {name: "list_margin", type: "float64", nullable: true, description: "(list price − cost) / list price."}
  ]
};

export const dimCustomer: TableSpec = {
  name: "dim_customer",
  description: "Members with their acquisition, consent and order history.",
  grain: "member",
  primaryKey: ["customer_id"],
  columns: [
    {name: "customer_id", type: "utf8", description: "Member."},
    {name: "email", type: "utf8", nullable: true, description: "E-mail."},
    {name: "gender", type: "utf8", values: GENDERS, description: "F, M or unknown."},
    {name: "birth_year", type: "int32", nullable: true, description: "Year of birth."},
    {name: "age_band", type: "utf8", values: AGE_BANDS, description: "Age at the end of 2024."},
    {name: "home_planning_area", type: "utf8", nullable: true, description: "Home planning area."},
    {name: "home_region", type: "utf8", nullable: true, values: REGIONS, description: "Home region."},
    {name: "acquisition_channel", type: "utf8", values: ACQUISITION_CHANNELS, description: "Acquisition channel."},
    {name: "acquisition_date", type: "date", description: "Sign-up day."},
    {name: "loyalty_tier_member", type: "bool", description: "Paid tier."},
    {name: "app_user", type: "bool", description: "App user."},
    {name: "email_opt_in", type: "bool", description: "E-mail consent."},
    {name: "sms_opt_in", type: "bool", description: "SMS consent."},
    {name: "push_opt_in", type: "bool", description: "Push consent."},
    {name: "first_order_date", type: "date", nullable: true, description: "First order."},
    {name: "last_order_date", type: "date", nullable: true, description: "Last order."},
    {name: "orders", type: "int32", description: "Orders."},
    {name: "net_revenue", type: "float64", description: "Revenue, SGD."},
    {name: "gross_margin", type: "float64", description: "Gross margin, SGD."},
    {name: "refund_amount", type: "float64", description: "Refunds, SGD."},
    {name: "online_share", type: "float64", description: "Share of orders online."},
    {name: "promotion_share", type: "float64", description: "Share of orders with a promotion."}
  ]
};

export const dimCampaign: TableSpec = {
  name: "dim_campaign",
  description: "CRM campaigns with their test design.",
  grain: "campaign",
  primaryKey: ["campaign_id"],
  columns: [
    {name: "campaign_id", type: "utf8", description: "Campaign."},
    {name: "campaign_name", type: "utf8", description: "Name."},
    {name: "channel", type: "utf8", values: MESSAGE_CHANNELS, description: "Channel."},
    {name: "send_date", type: "date", description: "Send day."},
    {name: "window_days", type: "int32", description: "Window, days."},
    {name: "window_end", type: "date", description: "Last day of the window."},
    {name: "offer_a", type: "utf8", description: "Offer A."},
    {name: "offer_b", type: "utf8", nullable: true, description: "Offer B."},
    {name: "discount_a", type: "float64", description: "Discount A."},
    {name: "discount_b", type: "float64", nullable: true, description: "Discount B."},
    {name: "control_share", type: "float64", description: "Planned control share."},
    {name: "cost_per_send", type: "float64", description: "Cost per message, SGD."},
    {name: "audience", type: "utf8", description: "Eligibility."},
    {name: "assigned", type: "int32", description: "Members assigned."},
    {name: "control_assigned", type: "int32", description: "Of whom in control."},
    {name: "variants", type: "int32", description: "Variants besides control."}
  ]
};

export const fctOrders: TableSpec = {
  name: "fct_orders",
  description: "Orders with their lines summed.",
  grain: "order",
  primaryKey: ["order_id"],
  columns: [
    {name: "order_id", type: "utf8", description: "Order."},
    {name: "customer_id", type: "utf8", nullable: true, references: {table: "dim_customer", column: "customer_id"}, description: "Member; empty for a guest."},
    {name: "store_id", type: "utf8", nullable: true, references: {table: "dim_store", column: "store_id"}, description: "Store; empty online."},
    {name: "channel", type: "utf8", values: ORDER_CHANNELS, description: "Channel."},
    {name: "order_ts", type: "timestamp", description: "When (SGT)."},
    {name: "order_date", type: "date", references: {table: "dim_date", column: "date"}, description: "Day."},
    {name: "lines", type: "int32", description: "Lines."},
    {name: "units", type: "int32", description: "Units."},
    {name: "gross_revenue", type: "float64", description: "At list prices, SGD."},
    {name: "discount", type: "float64", description: "Promotion discounts, SGD."},
    {name: "net_revenue", type: "float64", description: "Paid, SGD."},
    {name: "cost", type: "float64", description: "Cost of goods, SGD."},
    {name: "gross_margin", type: "float64", description: "Net revenue − cost, SGD."},
    {name: "refund_amount", type: "float64", description: "Refunded, SGD."},
    {name: "has_promotion", type: "bool", description: "A line had a promotion."},
    {name: "is_guest", type: "bool", description: "No member card."},
    {name: "is_first_order", type: "bool", description: "The member's first order."}
  ]
};

export const fctOrderItems: TableSpec = {
  name: "fct_order_items",
  description: "Order lines with revenue, discount, cost, margin and refunds.",
  grain: "order line",
  primaryKey: ["order_item_id"],
  columns: [
    {name: "order_item_id", type: "utf8", description: "order_id-line_number."},
    {name: "order_id", type: "utf8", references: {table: "fct_orders", column: "order_id"}, description: "Order."},
    {name: "line_number", type: "int32", description: "Line."},
    {name: "order_date", type: "date", description: "Day."},
    {name: "customer_id", type: "utf8", nullable: true, description: "Member."},
    {name: "store_id", type: "utf8", nullable: true, description: "Store."},
    {name: "channel", type: "utf8", values: ORDER_CHANNELS, description: "Channel."},
    {name: "product_id", type: "utf8", references: {table: "dim_product", column: "product_id"}, description: "Product."},
    {name: "category", type: "utf8", values: CATEGORIES, description: "Category."},
    {name: "quantity", type: "int32", description: "Units."},
    {name: "list_price", type: "float64", description: "List price, SGD."},
    {name: "unit_price", type: "float64", description: "Paid per unit, SGD."},
    {name: "gross_revenue", type: "float64", description: "At list, SGD."},
    {name: "discount", type: "float64", description: "Discount, SGD."},
    {name: "net_revenue", type: "float64", description: "Paid, SGD."},
    {name: "cost", type: "float64", description: "Cost, SGD."},
    {name: "gross_margin", type: "float64", description: "Margin, SGD."},
    {name: "promo_id", type: "utf8", nullable: true, description: "Promotion."},
    {name: "is_returned", type: "bool", description: "Returned."},
    {name: "refund_amount", type: "float64", description: "Refunded, SGD."},
    {name: "return_date", type: "date", nullable: true, description: "Return day."}
  ]
};

export const fctCampaignEvents: TableSpec = {
  name: "fct_campaign_events",
  description: "Message events with the recipient's arm and the funnel step.",
  grain: "event",
  primaryKey: ["event_id"],
  columns: [
    {name: "event_id", type: "utf8", description: "Event."},
    {name: "campaign_id", type: "utf8", references: {table: "dim_campaign", column: "campaign_id"}, description: "Campaign."},
    {name: "customer_id", type: "utf8", references: {table: "dim_customer", column: "customer_id"}, description: "Recipient."},
    {name: "variant", type: "utf8", values: VARIANTS, description: "Arm of the recipient."},
    {name: "event_type", type: "utf8", values: FUNNEL_STEPS, description: "Step."},
    {name: "step", type: "int32", description: "1 sent … 5 purchased."},
    {name: "event_ts", type: "timestamp", description: "When."}
  ]
};

export const fctCampaignAssignments: TableSpec = {
  name: "fct_campaign_assignments",
  description: "Test participants with their funnel and what they bought in the window.",
  grain: "campaign × member",
  primaryKey: ["campaign_id", "customer_id"],
  columns: [
    {name: "campaign_id", type: "utf8", references: {table: "dim_campaign", column: "campaign_id"}, description: "Campaign."},
    {name: "customer_id", type: "utf8", references: {table: "dim_customer", column: "customer_id"}, description: "Member."},
    {name: "variant", type: "utf8", values: VARIANTS, description: "Arm."},
    {name: "assigned_ts", type: "timestamp", description: "Assigned at."},
    {name: "sent", type: "bool", description: "Sent."},
    {name: "delivered", type: "bool", description: "Delivered."},
    {name: "opened", type: "bool", description: "Opened (or clicked)."},
    {name: "clicked", type: "bool", description: "Clicked."},
    {name: "attributed_purchase", type: "bool", description: "The platform attributed a purchase."},
    {name: "converted", type: "bool", description: "Any order in the window."},
    {name: "window_orders", type: "int32", description: "Orders in the window."},
    {name: "window_revenue", type: "float64", description: "Revenue in the window, SGD."},
    {name: "window_margin", type: "float64", description: "Margin in the window, SGD."},
    {name: "send_cost", type: "float64", description: "Cost of the message, SGD."}
  ]
};

export const fctAcquisitionDaily: TableSpec = {
  name: "fct_acquisition_daily",
  description: "Acquisition spend and new members per day and channel.",
  grain: "day × channel",
  primaryKey: ["date", "channel"],
  columns: [
    {name: "date", type: "date", description: "Day."},
    {name: "channel", type: "utf8", values: ACQUISITION_CHANNELS, description: "Channel."},
    {name: "spend", type: "float64", description: "Spend, SGD."},
    {name: "new_members", type: "int32", description: "Members acquired."}
  ]
};

export const martSpecs: readonly TableSpec[] = [dimDate, dimStore, dimProduct, dimCustomer, dimCampaign, fctOrders, fctOrderItems, fctCampaignEvents, fctCampaignAssignments, fctAcquisitionDaily];
