/**
 * Olist raw tables → staging: one typed, indexed structure the marts and models read. People are
 * `customer_unique_id`s (the per-order `customer_id` is resolved through the customers file);
 * products and categories get integer indices; each order carries its person, times, status,
 * item revenue, freight, payments, voucher use and review score. The same code runs on the
 * simulation and on the public files, so it assumes only what the schema guarantees.
 *
 * Data tests (checked here, failing the loader with a clear message): every order has a
 * customer row, every item a product and an order; an order's status and its delivery timestamp
 * agree (a delivered order may lack the timestamp in the public data: it is kept, not measured).
 */
import {DAY_MS} from "../shared/schema.js";
import type {TableColumns} from "../shared/validate.js";

/** Statuses that are not sales. */
export const FAILED_STATUSES = new Set(["canceled", "unavailable"]);

export interface Staged {
  /** People (customer_unique_id), sorted. */
  people: {id: string[]; state: string[]; city: string[]};
  orders: {
    id: string[];
    person: Int32Array;
    purchase: Float64Array;
    status: string[];
    approved: Float64Array;
    carrier: Float64Array;
    delivered: Float64Array;
    estimated: Float64Array;
    /** Sum of item prices (BRL): the revenue measure of the pages. */
    revenue: Float64Array;
    freight: Float64Array;
    /** Sum of payments (BRL). */
    paid: Float64Array;
    items: Int32Array;
    voucher: Uint8Array;
    /** Mean review score of the order (NaN without a review). */
    score: Float64Array;
    /** A sale: not canceled or unavailable. */
    valid: Uint8Array;
  };
  items: {order: Int32Array; product: Int32Array; price: Float64Array; freight: Float64Array};
  products: {id: string[]; category: Int32Array};
  /** Categories by index: Portuguese name and English name (the Portuguese one when untranslated). */
  categories: {name: string[]; english: string[]};
  reviews: {order: Int32Array; score: Int32Array; title: (string | null)[]; message: (string | null)[]; created: Float64Array};
  sellers: {id: string[]; state: string[]};
  /** The day after the last purchase (ms, UTC midnight): the "as of" date of every measure. */
  asOf: number;
  firstPurchase: number;
}

const nullable = (v: unknown) => (v === null || v === undefined ? NaN : (v as number));

export class StagingError extends Error {}

export function stage(tables: Map<string, TableColumns>): Staged {
  const customers = tables.get("olist_customers_dataset")!;
  const orders = tables.get("olist_orders_dataset")!;
  const items = tables.get("olist_order_items_dataset")!;
  const payments = tables.get("olist_order_payments_dataset")!;
  const reviews = tables.get("olist_order_reviews_dataset")!;
  const products = tables.get("olist_products_dataset")!;
  const sellers = tables.get("olist_sellers_dataset")!;
  const translation = tables.get("product_category_name_translation")!;

  // People, sorted by id so indices do not depend on row order.
  const personIds = [...new Set(customers.customer_unique_id as string[])].sort();
  const personIndex = new Map(personIds.map((id, i) => [id, i]));
  const state = new Array<string>(personIds.length);
  const city = new Array<string>(personIds.length);
  const customerPerson = new Map<string, number>();
  (customers.customer_id as string[]).forEach((cid, r) => {
    const p = personIndex.get(customers.customer_unique_id[r] as string)!;
    customerPerson.set(cid, p);
    state[p] = customers.customer_state[r] as string;
    city[p] = customers.customer_city[r] as string;
  });

  // Orders sorted by purchase time, then id.
  const orderRows = (orders.order_id as string[]).map((_, r) => r);
  orderRows.sort((a, b) => (orders.order_purchase_timestamp[a] as number) - (orders.order_purchase_timestamp[b] as number) || String(orders.order_id[a]).localeCompare(String(orders.order_id[b])));
  const n = orderRows.length;
  const o: Staged["orders"] = {
    id: orderRows.map((r) => orders.order_id[r] as string),
    person: new Int32Array(n),
    purchase: new Float64Array(n),
    status: orderRows.map((r) => orders.order_status[r] as string),
    approved: new Float64Array(n),
    carrier: new Float64Array(n),
    delivered: new Float64Array(n),
    estimated: new Float64Array(n),
    revenue: new Float64Array(n),
    freight: new Float64Array(n),
    paid: new Float64Array(n),
    items: new Int32Array(n),
    voucher: new Uint8Array(n),
    score: new Float64Array(n).fill(NaN),
    valid: new Uint8Array(n)
  };
  orderRows.forEach((r, k) => {
    const p = customerPerson.get(orders.customer_id[r] as string);
    if (p === undefined) throw new StagingError(`order ${orders.order_id[r]}: customer_id ${orders.customer_id[r]} is not in olist_customers_dataset`);
    o.person[k] = p;
    o.purchase[k] = orders.order_purchase_timestamp[r] as number;
    o.approved[k] = nullable(orders.order_approved_at[r]);
    o.carrier[k] = nullable(orders.order_delivered_carrier_date[r]);
    o.delivered[k] = nullable(orders.order_delivered_customer_date[r]);
    o.estimated[k] = orders.order_estimated_delivery_date[r] as number;
    o.valid[k] = FAILED_STATUSES.has(o.status[k]) ? 0 : 1;
  });
  const orderIndex = new Map(o.id.map((id, k) => [id, k]));

  // Categories: those of the products file, English names from the translation file when present.
  const english = new Map((translation.product_category_name as string[]).map((name, r) => [name, translation.product_category_name_english[r] as string]));
  const categoryNames = [...new Set((products.product_category_name as (string | null)[]).filter((c): c is string => c !== null))].sort();
  const categoryIndex = new Map(categoryNames.map((c, i) => [c, i]));
  const productIds = products.product_id as string[];
  const productIndex = new Map(productIds.map((id, i) => [id, i]));
  const productCategory = Int32Array.from(products.product_category_name as (string | null)[], (c) => (c === null ? -1 : categoryIndex.get(c)!));

  const itemCount = items.order_id.length;
  const it: Staged["items"] = {order: new Int32Array(itemCount), product: new Int32Array(itemCount), price: new Float64Array(itemCount), freight: new Float64Array(itemCount)};
  for (let r = 0; r < itemCount; r++) {
    const k = orderIndex.get(items.order_id[r] as string);
    const p = productIndex.get(items.product_id[r] as string);
    if (k === undefined) throw new StagingError(`order item ${items.order_id[r]}/${items.order_item_id[r]}: the order is not in olist_orders_dataset`);
    if (p === undefined) throw new StagingError(`order item ${items.order_id[r]}/${items.order_item_id[r]}: product ${items.product_id[r]} is not in olist_products_dataset`);
    it.order[r] = k;
    it.product[r] = p;
    it.price[r] = items.price[r] as number;
    it.freight[r] = items.freight_value[r] as number;
    o.revenue[k] += it.price[r];
    o.freight[k] += it.freight[r];
    o.items[k]++;
  }
  for (let r = 0; r < payments.order_id.length; r++) {
    const k = orderIndex.get(payments.order_id[r] as string);
    if (k === undefined) continue;
    o.paid[k] += payments.payment_value[r] as number;
    if (payments.payment_type[r] === "voucher") o.voucher[k] = 1;
  }

  const reviewCount = reviews.order_id.length;
  const rv: Staged["reviews"] = {order: new Int32Array(reviewCount), score: new Int32Array(reviewCount), title: [], message: [], created: new Float64Array(reviewCount)};
  const scoreSum = new Float64Array(n);
  const scoreCount = new Int32Array(n);
  for (let r = 0; r < reviewCount; r++) {
    const k = orderIndex.get(reviews.order_id[r] as string)!;
    rv.order[r] = k;
    rv.score[r] = reviews.review_score[r] as number;
    rv.title.push(reviews.review_comment_title[r] as string | null);
    rv.message.push(reviews.review_comment_message[r] as string | null);
    rv.created[r] = reviews.review_creation_date[r] as number;
    scoreSum[k] += rv.score[r];
    scoreCount[k]++;
  }
  for (let k = 0; k < n; k++) if (scoreCount[k] > 0) o.score[k] = scoreSum[k] / scoreCount[k];

  let last = -Infinity;
  let first = Infinity;
  for (let k = 0; k < n; k++) {
    last = Math.max(last, o.purchase[k]);
    first = Math.min(first, o.purchase[k]);
  }
  if (n === 0) throw new StagingError("olist_orders_dataset has no orders");
  return {
    people: {id: personIds, state, city},
    orders: o,
    items: it,
    products: {id: productIds, category: productCategory},
    categories: {name: categoryNames, english: categoryNames.map((c) => english.get(c) ?? c)},
    reviews: rv,
    sellers: {id: sellers.seller_id as string[], state: sellers.seller_state as string[]},
    asOf: (Math.floor(last / DAY_MS) + 1) * DAY_MS,
    firstPurchase: first
  };
}

/** Days since epoch of a ms timestamp. */
export const dayOf = (ms: number) => Math.floor(ms / DAY_MS);

/** First day of the month of a ms timestamp (ms, UTC). */
export function monthOf(ms: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
}

/** Whole months from month a to month b (both ms at month starts or any time in them). */
export function monthsBetween(a: number, b: number): number {
  const da = new Date(a);
  const db = new Date(b);
  return (db.getUTCFullYear() - da.getUTCFullYear()) * 12 + db.getUTCMonth() - da.getUTCMonth();
}
