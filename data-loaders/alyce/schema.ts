/**
 * The Alyce report's raw schema: the corporate-gifting company's operational tables (the study's
 * `alyce_*` tables) and the weekly marketing inputs the market mix model reads.
 * docs/real-data.md is generated from these declarations.
 */
import type {ColumnSpec, TableSpec} from "../shared/schema.js";

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

/** The client-side tables, in dependency order. */
export const clientTables: readonly TableSpec[] = [alyceClient, alyceGiftdata, alyceServices, alyceRecipient, alyceClientexpenditure, alyceFacts];

/** The media levers of the simulation and of the documented file; a real file may add more `spend_<lever>` columns. */
export const MEDIA_LEVERS = ["tv", "search", "social", "display"] as const;

/** Prefix of a media lever's weekly spend column: `spend_<lever>`. */
export const SPEND_PREFIX = "spend_";

/** A weekly spend column for one media lever (lever names: lower case letters, digits and _). */
export function spendColumn(lever: string): ColumnSpec {
  return {name: `${SPEND_PREFIX}${lever}`, type: "float64", min: 0, unit: "USD", description: `Spend on ${lever} that week (media cost, same currency as sales).`};
}

export const alyceMarketingWeekly: TableSpec = {
  name: "alyce_marketing_weekly",
  description:
    "Weekly sales and the marketing inputs the market mix model reads, over at least two years (three or more recommended; the last 13 weeks are held out to test the model). " +
    "Weeks must be consecutive Mondays with no gap. Media levers: the four `spend_*` columns below are required; any further column named `spend_<lever>` (lower case letters, digits, _; number ≥ 0, USD) is read as another media lever. Other extra columns are ignored.",
  grain: "week (Monday to Sunday), all clients and regions together",
  primaryKey: ["week"],
  columns: [
    {name: "week", type: "date", min: "2000-01-03", max: "2099-12-28", description: "Monday the week starts on."},
    {name: "sales", type: "float64", min: 0, unit: "USD", description: "Gift sales booked that week (revenue)."},
    ...MEDIA_LEVERS.map((lever) => ({...spendColumn(lever), description: {tv: "Spend on TV / commercials that week (airtime and production billed that week).", search: "Spend on paid search that week.", social: "Spend on paid social that week.", display: "Spend on display advertising that week."}[lever]})),
    {name: "discount_pct", type: "float64", min: 0, max: 100, unit: "%", description: "Average discount on gifts sold that week (pricing lever)."},
    {name: "promotion", type: "int32", min: 0, max: 1, description: "1 if a promotion or event ran that week (e.g. Employee Appreciation week), else 0."},
    {name: "thanksgiving", type: "int32", min: 0, max: 1, description: "1 for the week containing US Thanksgiving, else 0."},
    {name: "december_peak", type: "int32", min: 0, max: 1, description: "1 for the two weeks before the week containing Christmas (the gifting peak), else 0."},
    {name: "year_end", type: "int32", min: 0, max: 1, description: "1 for the weeks containing Christmas Day or New Year's Day (offices closed), else 0."},
    {name: "market_index", type: "float64", min: 0, unit: "index", description: "External control: a corporate-spending confidence index (100 = normal)."}
  ]
};

/** The weekly table with extra media levers (columns `spend_<lever>` beyond the four documented ones), in the order given. */
export function marketingWeeklyWithLevers(levers: readonly string[]): TableSpec {
  const extra = levers.filter((l) => !(MEDIA_LEVERS as readonly string[]).includes(l));
  if (extra.length === 0) return alyceMarketingWeekly;
  const at = alyceMarketingWeekly.columns.findIndex((c) => c.name === "discount_pct");
  const columns = [...alyceMarketingWeekly.columns.slice(0, at), ...extra.map(spendColumn), ...alyceMarketingWeekly.columns.slice(at)];
  return {...alyceMarketingWeekly, columns};
}

/** Every raw table of the report: the validator (npm run validate) and docs/real-data.md read this list. */
export const rawTables: readonly TableSpec[] = [alyceMarketingWeekly, ...clientTables];
