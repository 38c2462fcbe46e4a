/**
 * The Olist marketplace report's raw schema: the nine CSV files of the public "Brazilian
 * E-Commerce Public Dataset by Olist" (Kaggle, olistbr/brazilian-ecommerce), with the same file
 * names and column names (the dataset's own spellings kept, e.g. `product_name_lenght`), so an
 * analyst who has those files points DATA_DIR at them and gets the same report.
 *
 * Rules follow what the public files actually hold, so they load as published:
 * - `customer_id` is one per order; `customer_unique_id` is the person (most buy once);
 * - zip code prefixes are text (the files write "01037" in one table and 1037 in another);
 * - a review_id can appear on several orders (one review for a multi-order purchase), so a review
 *   row is unique by review_id + order_id;
 * - products may lack a category and measures; two categories of the products file are missing
 *   from the translation file, so there is no reference between the two (untranslated
 *   categories keep their Portuguese name);
 * - geolocation has many rows per zip prefix and some coordinates outside Brazil, so it has no
 *   key and only the globe as bounds.
 *
 * Two optional tables that the public dataset does not have feed one page each: the marketing
 * touch log (marketing-originated and -influenced customers) and the promotion test's
 * assignments (uplift). Without them those pages say so; with them they are validated in full.
 */
import type {TableSpec} from "../shared/schema.js";

/** The 27 federative units of Brazil (26 states and the Federal District), by their two-letter codes. */
export const STATES = [
  "AC", "AL", "AM", "AP", "BA", "CE", "DF", "ES", "GO", "MA", "MG", "MS", "MT", "PA",
  "PB", "PE", "PI", "PR", "RJ", "RN", "RO", "RR", "RS", "SC", "SE", "SP", "TO"
] as const;
export type State = (typeof STATES)[number];

export const ORDER_STATUSES = ["delivered", "shipped", "canceled", "unavailable", "invoiced", "processing", "created", "approved"] as const;
export const PAYMENT_TYPES = ["credit_card", "boleto", "voucher", "debit_card", "not_defined"] as const;
export const TOUCH_CHANNELS = ["paid_search", "social", "display", "affiliate", "email", "push"] as const;
/** Channels that can bring in a new customer (e-mail and push reach people who are already customers). */
export const ACQUISITION_CHANNELS = ["paid_search", "social", "display", "affiliate"] as const;
export const PROMOTION_ARMS = ["treatment", "control"] as const;

const TIME_RANGE = {min: "2000-01-01", max: "2099-12-31"} as const;

export const customers: TableSpec = {
  name: "olist_customers_dataset",
  description: "The customer of each order and where the order was delivered.",
  grain: "order's customer key (one per order; a person who buys twice has two rows with one customer_unique_id)",
  primaryKey: ["customer_id"],
  columns: [
    {name: "customer_id", type: "utf8", description: "Key of the order's customer; each order has its own."},
    {name: "customer_unique_id", type: "utf8", description: "The person: the same for all orders of one customer."},
    {name: "customer_zip_code_prefix", type: "utf8", description: "First five digits of the delivery zip code (CEP); leading zeros may be missing."},
    {name: "customer_city", type: "utf8", description: "Delivery city (lower case, as in the dataset)."},
    {name: "customer_state", type: "utf8", values: STATES, description: "Delivery state (UF)."}
  ]
};

export const geolocation: TableSpec = {
  name: "olist_geolocation_dataset",
  description: "Coordinates of Brazilian zip code prefixes (several points per prefix).",
  grain: "point inside a zip code prefix (prefixes repeat)",
  columns: [
    {name: "geolocation_zip_code_prefix", type: "utf8", description: "First five digits of a zip code (CEP)."},
    {name: "geolocation_lat", type: "float64", min: -90, max: 90, unit: "degrees", description: "Latitude."},
    {name: "geolocation_lng", type: "float64", min: -180, max: 180, unit: "degrees", description: "Longitude."},
    {name: "geolocation_city", type: "utf8", description: "City."},
    {name: "geolocation_state", type: "utf8", values: STATES, description: "State (UF)."}
  ]
};

export const orders: TableSpec = {
  name: "olist_orders_dataset",
  description: "Orders with their status and the timestamps of purchase, approval, hand-over to the carrier, delivery and the delivery date promised.",
  grain: "order",
  primaryKey: ["order_id"],
  columns: [
    {name: "order_id", type: "utf8", description: "Order key."},
    {name: "customer_id", type: "utf8", references: {table: "olist_customers_dataset", column: "customer_id"}, description: "The order's customer key."},
    {name: "order_status", type: "utf8", values: ORDER_STATUSES, description: "Status at the end of the data."},
    {name: "order_purchase_timestamp", type: "timestamp", ...TIME_RANGE, description: "When the order was placed (local time, as in the dataset)."},
    {name: "order_approved_at", type: "timestamp", nullable: true, ...TIME_RANGE, description: "When the payment was approved."},
    {name: "order_delivered_carrier_date", type: "timestamp", nullable: true, ...TIME_RANGE, description: "When the seller handed the order to the carrier."},
    {name: "order_delivered_customer_date", type: "timestamp", nullable: true, ...TIME_RANGE, description: "When the customer received it; empty if not delivered."},
    {name: "order_estimated_delivery_date", type: "timestamp", ...TIME_RANGE, description: "Delivery date promised at purchase."}
  ]
};

export const orderItems: TableSpec = {
  name: "olist_order_items_dataset",
  description: "The items of each order: product, seller, price and freight.",
  grain: "item of an order (an order of two units of one product has two rows)",
  primaryKey: ["order_id", "order_item_id"],
  columns: [
    {name: "order_id", type: "utf8", references: {table: "olist_orders_dataset", column: "order_id"}, description: "Order key."},
    {name: "order_item_id", type: "int32", min: 1, description: "Sequence number of the item within the order (1, 2, …)."},
    {name: "product_id", type: "utf8", references: {table: "olist_products_dataset", column: "product_id"}, description: "Product key."},
    {name: "seller_id", type: "utf8", references: {table: "olist_sellers_dataset", column: "seller_id"}, description: "Seller key."},
    {name: "shipping_limit_date", type: "timestamp", ...TIME_RANGE, description: "Deadline for the seller to hand the item to the carrier."},
    {name: "price", type: "float64", min: 0, unit: "BRL", description: "Item price."},
    {name: "freight_value", type: "float64", min: 0, unit: "BRL", description: "Freight charged for the item (an order's freight is split across its items)."}
  ]
};

export const orderPayments: TableSpec = {
  name: "olist_order_payments_dataset",
  description: "How each order was paid; an order paid with several methods (a voucher and a card) has several rows.",
  grain: "payment of an order",
  primaryKey: ["order_id", "payment_sequential"],
  columns: [
    {name: "order_id", type: "utf8", references: {table: "olist_orders_dataset", column: "order_id"}, description: "Order key."},
    {name: "payment_sequential", type: "int32", min: 1, description: "Sequence number of the payment within the order."},
    {name: "payment_type", type: "utf8", values: PAYMENT_TYPES, description: "Payment method."},
    {name: "payment_installments", type: "int32", min: 0, description: "Number of instalments chosen."},
    {name: "payment_value", type: "float64", min: 0, unit: "BRL", description: "Amount paid with this method."}
  ]
};

export const orderReviews: TableSpec = {
  name: "olist_order_reviews_dataset",
  description: "Satisfaction survey answers: a score of 1 to 5 and an optional comment in Portuguese.",
  grain: "review of an order (one review may cover several orders)",
  primaryKey: ["review_id", "order_id"],
  columns: [
    {name: "review_id", type: "utf8", description: "Review key."},
    {name: "order_id", type: "utf8", references: {table: "olist_orders_dataset", column: "order_id"}, description: "Order reviewed."},
    {name: "review_score", type: "int32", min: 1, max: 5, description: "Score from 1 (worst) to 5 (best)."},
    {name: "review_comment_title", type: "utf8", nullable: true, description: "Title of the comment, if any (Portuguese)."},
    {name: "review_comment_message", type: "utf8", nullable: true, description: "Comment, if any (Portuguese)."},
    {name: "review_creation_date", type: "timestamp", ...TIME_RANGE, description: "When the survey was sent."},
    {name: "review_answer_timestamp", type: "timestamp", ...TIME_RANGE, description: "When the customer answered."}
  ]
};

export const products: TableSpec = {
  name: "olist_products_dataset",
  description: "Products: category (Portuguese name) and listing and package measures.",
  grain: "product",
  primaryKey: ["product_id"],
  columns: [
    {name: "product_id", type: "utf8", description: "Product key."},
    {name: "product_category_name", type: "utf8", nullable: true, description: "Category, Portuguese name (empty for some products)."},
    {name: "product_name_lenght", type: "float64", nullable: true, min: 0, unit: "characters", description: "Length of the product name (the dataset's spelling)."},
    {name: "product_description_lenght", type: "float64", nullable: true, min: 0, unit: "characters", description: "Length of the description (the dataset's spelling)."},
    {name: "product_photos_qty", type: "float64", nullable: true, min: 0, description: "Number of photos in the listing."},
    {name: "product_weight_g", type: "float64", nullable: true, min: 0, unit: "g", description: "Package weight."},
    {name: "product_length_cm", type: "float64", nullable: true, min: 0, unit: "cm", description: "Package length."},
    {name: "product_height_cm", type: "float64", nullable: true, min: 0, unit: "cm", description: "Package height."},
    {name: "product_width_cm", type: "float64", nullable: true, min: 0, unit: "cm", description: "Package width."}
  ]
};

export const sellers: TableSpec = {
  name: "olist_sellers_dataset",
  description: "Sellers and where they ship from.",
  grain: "seller",
  primaryKey: ["seller_id"],
  columns: [
    {name: "seller_id", type: "utf8", description: "Seller key."},
    {name: "seller_zip_code_prefix", type: "utf8", description: "First five digits of the seller's zip code."},
    {name: "seller_city", type: "utf8", description: "Seller's city."},
    {name: "seller_state", type: "utf8", values: STATES, description: "Seller's state (UF)."}
  ]
};

export const categoryTranslation: TableSpec = {
  name: "product_category_name_translation",
  description: "English names of the product categories.",
  grain: "category",
  primaryKey: ["product_category_name"],
  columns: [
    {name: "product_category_name", type: "utf8", description: "Category, Portuguese name."},
    {name: "product_category_name_english", type: "utf8", description: "Category, English name."}
  ]
};

/** The nine files of the public dataset, in dependency order (validated and documented by the shared tools). */
export const rawTables: readonly TableSpec[] = [customers, geolocation, orders, orderItems, orderPayments, orderReviews, products, sellers, categoryTranslation];

/** Optional: marketing touches per person (not in the public dataset). Feeds MOCP and MICP. */
export const marketingTouches: TableSpec = {
  name: "olist_marketing_touches",
  description: "Marketing contacts with people: ad clicks, e-mails and push messages (not part of the public dataset; optional).",
  grain: "touch",
  primaryKey: ["touch_id"],
  columns: [
    {name: "touch_id", type: "utf8", description: "Touch key."},
    {name: "customer_unique_id", type: "utf8", description: "The person touched (as in olist_customers_dataset; people who never bought may appear)."},
    {name: "touch_timestamp", type: "timestamp", ...TIME_RANGE, description: "When the touch happened."},
    {name: "channel", type: "utf8", values: TOUCH_CHANNELS, description: "Channel: paid_search, social, display and affiliate can acquire; email and push reach known customers."}
  ]
};

/** Optional: who was offered the promotion in a randomised test (not in the public dataset). Feeds the uplift page. */
export const promotionAssignments: TableSpec = {
  name: "olist_promotion_assignments",
  description: "A randomised promotion test among existing customers: who got the voucher offer and who was held out (optional).",
  grain: "person in the test",
  primaryKey: ["customer_unique_id"],
  columns: [
    {name: "customer_unique_id", type: "utf8", references: {table: "olist_customers_dataset", column: "customer_unique_id"}, description: "The person assigned."},
    {name: "assigned_at", type: "timestamp", ...TIME_RANGE, description: "When the offer was sent (or held back)."},
    {name: "arm", type: "utf8", values: PROMOTION_ARMS, description: "treatment: got the offer; control: held out at random."},
    {name: "window_days", type: "int32", min: 1, max: 365, unit: "days", description: "Days after assignment in which a purchase counts as a response."}
  ]
};

/** Optional tables by the page they feed. */
export const optionalRawTables = {
  touches: marketingTouches,
  promotion: promotionAssignments
} as const;
