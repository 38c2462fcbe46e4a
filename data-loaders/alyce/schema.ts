/**
 * The Alyce report's raw schema: the corporate-gifting company's operational tables (the study's
 * `alyce_*` tables) and the weekly marketing inputs the market mix model reads.
 * docs/real-data.md is generated from these declarations.
 */
import type {TableSpec} from "../shared/schema.js";

export const INDUSTRIES = ["Software", "Financial services", "Healthcare", "Manufacturing", "Professional services", "Retail", "Education", "Media"] as const;
export const SIZE_BANDS = ["1-50", "51-200", "201-1000", "1001-5000", "5000+"] as const;
export const REGIONS = ["North America", "EMEA", "APAC", "LATAM"] as const;
export const GIFT_TYPES = ["Gourmet", "Swag", "Experience", "Charity donation", "Tech", "Wellness", "Books"] as const;
export const RELATIONSHIPS = ["Prospect", "Customer", "Employee", "Partner"] as const;
export const SENIORITIES = ["Individual contributor", "Manager", "Director", "VP", "C-level"] as const;

export const alyceClient: TableSpec = {
  name: "alyce_client",
  description: "Client companies that send gifts through Alyce.",
  grain: "client company",
  primaryKey: ["client_id"],
  columns: [
    {name: "client_id", type: "utf8", description: "Stable identifier of the client."},
    {name: "company_name", type: "utf8", description: "Company name."},
    {name: "industry", type: "utf8", values: INDUSTRIES, description: "Industry of the client."},
    {name: "size_band", type: "utf8", values: SIZE_BANDS, description: "Number of employees."},
    {name: "region", type: "utf8", values: REGIONS, description: "Sales region of the client's headquarters."},
    {name: "signup_date", type: "date", min: "2010-01-01", max: "2099-12-31", description: "Day the client signed up."}
  ]
};

export const alyceGiftdata: TableSpec = {
  name: "alyce_giftdata",
  description: "The gift catalogue.",
  grain: "gift",
  primaryKey: ["gift_id"],
  columns: [
    {name: "gift_id", type: "utf8", description: "Stable identifier of the gift."},
    {name: "gift_name", type: "utf8", description: "Name of the gift."},
    {name: "gift_type", type: "utf8", values: GIFT_TYPES, description: "Kind of gift."},
    {name: "vendor", type: "utf8", description: "Vendor who fulfils the gift."},
    {name: "price", type: "float64", min: 0, unit: "USD", description: "List price of one unit."}
  ]
};

export const alyceServices: TableSpec = {
  name: "alyce_services",
  description: "The gifting services a client can enrol in.",
  grain: "service",
  primaryKey: ["service_id"],
  columns: [
    {name: "service_id", type: "utf8", description: "Stable identifier of the service."},
    {name: "service_name", type: "utf8", description: "Name of the service (one-to-one gifting, swag select, ...)."},
    {name: "platform_fee_rate", type: "float64", min: 0, max: 1, description: "Share of each gift's price Alyce keeps as its fee."}
  ]
};

export const alyceRecipient: TableSpec = {
  name: "alyce_recipient",
  description: "People clients send gifts to.",
  grain: "recipient",
  primaryKey: ["recipient_id"],
  columns: [
    {name: "recipient_id", type: "utf8", description: "Stable identifier of the recipient."},
    {name: "client_id", type: "utf8", references: {table: "alyce_client", column: "client_id"}, description: "Client who keeps the relationship."},
    {name: "relationship", type: "utf8", values: RELATIONSHIPS, description: "What the recipient is to the client."},
    {name: "seniority", type: "utf8", values: SENIORITIES, description: "Recipient's seniority."},
    {name: "country", type: "utf8", description: "Recipient's country (ISO 3166 alpha-2)."}
  ]
};

export const alyceClientexpenditure: TableSpec = {
  name: "alyce_clientexpenditure",
  description: "Gifts sent: what each client spent on which gift for which recipient.",
  grain: "gift sent",
  primaryKey: ["expenditure_id"],
  columns: [
    {name: "expenditure_id", type: "utf8", description: "Stable identifier of the send."},
    {name: "client_id", type: "utf8", references: {table: "alyce_client", column: "client_id"}, description: "Client who sent the gift."},
    {name: "recipient_id", type: "utf8", references: {table: "alyce_recipient", column: "recipient_id"}, description: "Who received it."},
    {name: "gift_id", type: "utf8", references: {table: "alyce_giftdata", column: "gift_id"}, description: "Which gift."},
    {name: "service_id", type: "utf8", references: {table: "alyce_services", column: "service_id"}, description: "Service it was sent through."},
    {name: "date", type: "date", min: "2010-01-01", max: "2099-12-31", description: "Day it was sent."},
    {name: "price", type: "float64", min: 0, unit: "USD", description: "Price paid per unit."},
    {name: "quantity", type: "int32", min: 1, description: "Units sent."}
  ]
};

export const alyceFacts: TableSpec = {
  name: "alyce_facts",
  description: "Per-client summary as kept by the business (checked against the sends).",
  grain: "client company",
  primaryKey: ["client_id"],
  columns: [
    {name: "client_id", type: "utf8", references: {table: "alyce_client", column: "client_id"}, description: "Client."},
    {name: "total_spent", type: "float64", min: 0, unit: "USD", description: "Sum of price × quantity over the client's sends."},
    {name: "gifts_sent", type: "int32", min: 0, description: "Number of sends."},
    {name: "service_enrolled", type: "utf8", references: {table: "alyce_services", column: "service_id"}, description: "Service the client is enrolled in."}
  ]
};

/** The client-side tables, in dependency order. The weekly marketing table is added by the MMM part. */
export const clientTables: readonly TableSpec[] = [alyceClient, alyceGiftdata, alyceServices, alyceRecipient, alyceClientexpenditure, alyceFacts];
