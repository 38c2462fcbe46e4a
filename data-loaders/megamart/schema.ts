/**
 * MegaMart's raw schema: the tables an omnichannel retailer's systems export (point of sale and
 * e-commerce orders, the product master, the CRM, the e-mail/SMS/push platform, ad-platform spend),
 * as they arrive: loosely typed where real exports are messy (free-text categories, regions and
 * channels; duplicate rows; missing values), because the staging models (models/staging/*.sql)
 * clean them and count what each rule changed. The shared validator (real data) and
 * docs/real-data.md use these declarations; the marts' stricter schemas are in marts.ts.
 *
 * Timestamps are Singapore local time (SGT, UTC+8) written without an offset; money is SGD.
 */
import type {TableSpec} from "../shared/schema.js";

export const REGIONS = ["Central", "East", "North", "North-East", "West"] as const;
export type Region = (typeof REGIONS)[number];

export const CATEGORIES = ["electronics", "fashion", "groceries", "home goods"] as const;
export type Category = (typeof CATEGORIES)[number];

/** Where an order was placed: in a store, on the website, in the app. */
export const ORDER_CHANNELS = ["store", "web", "app"] as const;
export type OrderChannel = (typeof ORDER_CHANNELS)[number];

export const STORE_FORMATS = ["hypermarket", "supermarket", "express"] as const;

export const ACQUISITION_CHANNELS = ["in_store", "organic", "paid_search", "paid_social", "display", "affiliate", "referral"] as const;
export type AcquisitionChannel = (typeof ACQUISITION_CHANNELS)[number];

/** Channels with media spend (organic and in-store sign-ups cost nothing to acquire). */
export const SPEND_CHANNELS = ["paid_search", "paid_social", "display", "affiliate", "referral"] as const;
export type SpendChannel = (typeof SPEND_CHANNELS)[number];

export const MESSAGE_CHANNELS = ["email", "sms", "push"] as const;
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];

export const VARIANTS = ["control", "A", "B"] as const;
export type Variant = (typeof VARIANTS)[number];

/** The funnel of a message, in order. */
export const FUNNEL_STEPS = ["sent", "delivered", "opened", "clicked", "purchased"] as const;
export type FunnelStep = (typeof FUNNEL_STEPS)[number];

export const RETURN_REASONS = ["damaged", "defective", "wrong_size", "not_as_described", "changed_mind", "late_delivery"] as const;

export const PROMO_SCOPES = ["all", "online", "store"] as const;

const DATES = {min: "2000-01-01", max: "2099-12-31"} as const;

export const stores: TableSpec = {
  name: "stores",
  description: "Physical stores (the website and the app are channels, not stores).",
  grain: "store",
  primaryKey: ["store_id"],
  columns: [
    {name: "store_id", type: "utf8", description: "Stable identifier of the store."},
    {name: "store_name", type: "utf8", description: "Name shown on the pages."},
    {name: "region", type: "utf8", description: "URA planning region (Central, East, North, North-East, West); spelling and case are cleaned in staging."},
    {name: "planning_area", type: "utf8", description: "URA planning area, e.g. Tampines; case and spaces are cleaned in staging."},
    {name: "format", type: "utf8", values: STORE_FORMATS, description: "Store format."},
    {name: "size_sqft", type: "int32", min: 1, unit: "sq ft", description: "Sales floor area."},
    {name: "opened_date", type: "date", ...DATES, description: "Day the store opened."},
    {name: "latitude", type: "float64", min: 1.15, max: 1.48, unit: "°", description: "Latitude (WGS84)."},
    {name: "longitude", type: "float64", min: 103.6, max: 104.1, unit: "°", description: "Longitude (WGS84)."}
  ]
};

export const products: TableSpec = {
  name: "products",
  description: "The product master: every product ever sold, with its price and cost.",
  grain: "product",
  primaryKey: ["product_id"],
  columns: [
    {name: "product_id", type: "utf8", description: "Stable identifier of the product (SKU)."},
    {name: "product_name", type: "utf8", description: "Name shown on the pages."},
    {name: "category", type: "utf8", description: "Category (electronics, fashion, groceries, home goods); variants such as \"Electronic\" or \"home_goods\" are mapped in staging."},
    {name: "subcategory", type: "utf8", description: "Sub-category, e.g. phones, dairy."},
    {name: "brand", type: "utf8", description: "Brand."},
    {name: "list_price", type: "float64", min: 0, unit: "SGD", description: "Shelf price per unit, GST included."},
    {name: "unit_cost", type: "float64", min: 0, nullable: true, unit: "SGD", description: "Landed cost per unit; when missing, staging imputes it from the category's median margin."}
  ]
};

export const customers: TableSpec = {
  name: "customers",
  description: "Loyalty members from the CRM (guests who buy without a card are not here). May hold exact duplicate rows; staging keeps one.",
  grain: "customer (duplicates possible)",
  columns: [
    {name: "customer_id", type: "utf8", description: "Stable identifier of the member."},
    {name: "email", type: "utf8", nullable: true, description: "E-mail address; case and spaces are cleaned in staging."},
    {name: "gender", type: "utf8", nullable: true, description: "F, M, female, male or empty; staging maps to F, M or unknown."},
    {name: "birth_year", type: "int32", nullable: true, description: "Year of birth; implausible years (before 1925 or after 2010) become missing in staging."},
    {name: "home_planning_area", type: "utf8", nullable: true, description: "Planning area of the member's address."},
    {name: "acquisition_channel", type: "utf8", description: "How the member was acquired (in_store, organic, paid_search, paid_social, display, affiliate, referral); case and separators are cleaned in staging."},
    {name: "acquisition_date", type: "date", ...DATES, description: "Day the member signed up (their first purchase is on or after it)."},
    {name: "loyalty_tier_member", type: "bool", description: "Whether the member joined the paid loyalty tier (MegaMart+)."},
    {name: "app_user", type: "bool", description: "Whether the member has installed the app and logged in."},
    {name: "email_opt_in", type: "bool", description: "Consent to marketing e-mail."},
    {name: "sms_opt_in", type: "bool", description: "Consent to marketing SMS."},
    {name: "push_opt_in", type: "bool", description: "Consent to app push notifications."}
  ]
};

export const orders: TableSpec = {
  name: "orders",
  description: "Order headers from the tills and the e-commerce platform. May hold duplicate exports and staff test orders; staging removes them.",
  grain: "order (duplicates possible)",
  columns: [
    {name: "order_id", type: "utf8", description: "Identifier of the order."},
    {name: "customer_id", type: "utf8", nullable: true, description: "Member who placed it; empty for a guest at a till. Staff test accounts start with TEST."},
    {name: "store_id", type: "utf8", nullable: true, description: "Store of a till order; empty for web and app orders."},
    {name: "channel", type: "utf8", description: "store, web or app (case and synonyms such as \"mobile app\" are cleaned in staging)."},
    {name: "order_ts", type: "timestamp", ...DATES, description: "When the order was placed (SGT)."}
  ]
};

export const orderItems: TableSpec = {
  name: "order_items",
  description: "Order lines. May hold duplicate exports, zero-quantity voided lines and missing prices.",
  grain: "order line (duplicates possible)",
  columns: [
    {name: "order_id", type: "utf8", description: "Order the line belongs to."},
    {name: "line_number", type: "int32", min: 1, description: "Line number within the order."},
    {name: "product_id", type: "utf8", description: "Product sold."},
    {name: "quantity", type: "int32", min: 0, description: "Units; 0 marks a voided line (dropped in staging)."},
    {name: "unit_price", type: "float64", min: 0, nullable: true, unit: "SGD", description: "Price paid per unit after any promotion; when missing, staging uses the list price less the promotion's discount."},
    {name: "promo_id", type: "utf8", nullable: true, description: "Promotion applied to the line, if any."}
  ]
};

export const returns: TableSpec = {
  name: "returns",
  description: "Returned order lines and their refunds.",
  grain: "returned order line",
  primaryKey: ["return_id"],
  columns: [
    {name: "return_id", type: "utf8", description: "Identifier of the return."},
    {name: "order_id", type: "utf8", description: "Order of the returned line."},
    {name: "line_number", type: "int32", min: 1, description: "Line returned."},
    {name: "return_date", type: "date", ...DATES, description: "Day the return was processed."},
    {name: "reason", type: "utf8", values: RETURN_REASONS, description: "Reason given."},
    {name: "refund_amount", type: "float64", min: 0, unit: "SGD", description: "Money refunded; staging caps it at the line's value."}
  ]
};

export const promotions: TableSpec = {
  name: "promotions",
  description: "Price promotions (seasonal sales, member days).",
  grain: "promotion",
  primaryKey: ["promo_id"],
  columns: [
    {name: "promo_id", type: "utf8", description: "Identifier of the promotion."},
    {name: "promo_name", type: "utf8", description: "Name shown on the pages."},
    {name: "start_date", type: "date", ...DATES, description: "First day."},
    {name: "end_date", type: "date", ...DATES, description: "Last day."},
    {name: "category", type: "utf8", nullable: true, description: "Category discounted; empty for every category."},
    {name: "scope", type: "utf8", values: PROMO_SCOPES, description: "Where it applies: all channels, online only or stores only."},
    {name: "discount_pct", type: "float64", min: 0, max: 0.9, description: "Discount off the list price (0.15 = 15%)."}
  ]
};

export const campaigns: TableSpec = {
  name: "campaigns",
  description: "CRM campaigns, each run as a randomised test: a control group gets nothing, variants get a message.",
  grain: "campaign",
  primaryKey: ["campaign_id"],
  columns: [
    {name: "campaign_id", type: "utf8", description: "Identifier of the campaign."},
    {name: "campaign_name", type: "utf8", description: "Name shown on the pages."},
    {name: "channel", type: "utf8", values: MESSAGE_CHANNELS, description: "Message channel."},
    {name: "send_date", type: "date", ...DATES, description: "Day the messages were sent (assignment happens that day)."},
    {name: "window_days", type: "int32", min: 1, max: 60, unit: "days", description: "Days after the send in which a purchase counts as a conversion."},
    {name: "offer_a", type: "utf8", description: "What variant A offered."},
    {name: "offer_b", type: "utf8", nullable: true, description: "What variant B offered; empty when the test had one variant."},
    {name: "discount_a", type: "float64", min: 0, max: 0.9, description: "Discount cost of variant A as a share of the converted order's value (0 for no discount)."},
    {name: "discount_b", type: "float64", min: 0, max: 0.9, nullable: true, description: "The same for variant B."},
    {name: "control_share", type: "float64", min: 0.01, max: 0.99, description: "Planned share of the audience held out as control; the rest is split evenly between the variants."},
    {name: "cost_per_send", type: "float64", min: 0, unit: "SGD", description: "Cost of one message sent."},
    {name: "audience", type: "utf8", description: "Who was eligible, in words."}
  ]
};

export const campaignAssignments: TableSpec = {
  name: "campaign_assignments",
  description: "Who was assigned to which arm of each campaign's test (control included).",
  grain: "campaign × member",
  primaryKey: ["campaign_id", "customer_id"],
  columns: [
    {name: "campaign_id", type: "utf8", references: {table: "campaigns", column: "campaign_id"}, description: "Campaign."},
    {name: "customer_id", type: "utf8", description: "Member assigned."},
    {name: "variant", type: "utf8", values: VARIANTS, description: "control, A or B."},
    {name: "assigned_ts", type: "timestamp", ...DATES, description: "When the member was assigned (SGT)."}
  ]
};

export const campaignEvents: TableSpec = {
  name: "campaign_events",
  description: "Message events from the e-mail/SMS/push platform's webhooks. May hold duplicate deliveries of one event and inconsistent event names.",
  grain: "event (duplicates possible)",
  columns: [
    {name: "event_id", type: "utf8", description: "Identifier of the event (a webhook retry repeats it)."},
    {name: "campaign_id", type: "utf8", description: "Campaign."},
    {name: "customer_id", type: "utf8", description: "Recipient."},
    {name: "event_type", type: "utf8", description: "sent, delivered, opened, clicked or purchased (case and synonyms such as \"open\" are cleaned in staging)."},
    {name: "event_ts", type: "timestamp", ...DATES, description: "When it happened (SGT)."}
  ]
};

export const marketingSpend: TableSpec = {
  name: "marketing_spend",
  description: "Daily acquisition media spend by channel, from the ad platforms. Overlapping exports can repeat a day; staging keeps one row.",
  grain: "day × channel (duplicates possible)",
  columns: [
    {name: "date", type: "date", ...DATES, description: "Day."},
    {name: "channel", type: "utf8", values: SPEND_CHANNELS, description: "Acquisition channel paid for."},
    {name: "spend", type: "float64", min: 0, unit: "SGD", description: "Media cost."}
  ]
};

/** Every raw table, in dependency order (validated and documented by the shared tools). */
export const rawTables: readonly TableSpec[] = [
  stores,
  products,
  customers,
  orders,
  orderItems,
  returns,
  promotions,
  campaigns,
  campaignAssignments,
  campaignEvents,
  marketingSpend
];
