/**
 * The raw order_items and returns tables from the simulated baskets (simulateBaskets.ts), noise
 * included: prices missing from the export, voided lines (quantity 0), the staff test orders'
 * lines, refunds above the line's value and duplicated lines. order_items is the biggest raw table
 * (3.9 million rows at large scale), so it is kept as typed arrays (a few bytes a line) and handed
 * over as a ChunkedTable whose chunks build the strings; returns is small and built whole. The
 * random draws are those of building the columns whole and then calling withDuplicates, in the
 * same order, so the rows are the same.
 */
import type {Random} from "../shared/random.js";
import type {TableColumns} from "../shared/validate.js";
import {START_DAY} from "./calendar.js";
import type {Product, Promotion} from "./catalog.js";
import type {ChunkedTable} from "./chunkedTable.js";
import {NOISE} from "./parameters.js";
import {RETURN_REASONS} from "./schema.js";
import type {Lines} from "./simulateBaskets.js";

const pad = (n: number, width: number) => String(n).padStart(width, "0");
const round2 = (x: number) => Math.round(x * 100) / 100;
const orderId = (o: number) => `O${pad(o + 1, 8)}`;
const testOrderId = (k: number) => `T${pad(k + 1, 8)}`;

/**
 * order_items (chunked) and returns. `testOrders[k].after` is the order after which staff test
 * order k was placed (its one line follows that order's lines); `random` is the order items' noise
 * stream.
 */
export function orderItemsAndReturns(
  lines: Lines,
  products: readonly Product[],
  promotions: readonly Promotion[],
  testOrders: readonly {after: number}[],
  random: Random
): {orderItems: ChunkedTable; returns: TableColumns} {
  const r = random;
  const n = lines.order.length;
  let orders = 0;
  for (let l = 0; l < n; l++) if (l + 1 === n || lines.order[l + 1] !== lines.order[l]) orders++;
  // At most one voided line per order and one line per test order besides the basket lines.
  const capacity = n + orders + testOrders.length;
  /** Order index, or -(k + 1) for test order k. */
  const order = new Int32Array(capacity);
  const lineNumber = new Int32Array(capacity);
  const product = new Int16Array(capacity);
  const quantity = new Int32Array(capacity);
  /** NaN where the export lost the price (null). */
  const unitPrice = new Float64Array(capacity);
  /** Promotion index, -1 none. */
  const promo = new Int16Array(capacity);
  let rows = 0;
  const push = (o: number, line: number, k: number, q: number, price: number, p: number) => {
    order[rows] = o;
    lineNumber[rows] = line;
    product[rows] = k;
    quantity[rows] = q;
    unitPrice[rows] = price;
    promo[rows] = p;
    rows++;
  };

  const ret: TableColumns = {return_id: [], order_id: [], line_number: [], return_date: [], reason: [], refund_amount: []};
  let nextTest = 0;
  for (let l = 0; l < n; l++) {
    const o = lines.order[l];
    const price = lines.unitPrice[l];
    push(o, lines.lineNumber[l], lines.product[l], lines.quantity[l], r.uniform() < NOISE.itemMissingPrice ? NaN : price, lines.promo[l]);
    if (lines.returnDay[l] >= 0) {
      const value = round2(price * lines.quantity[l]);
      ret.return_id.push(`R${pad(ret.return_id.length + 1, 7)}`);
      ret.order_id.push(orderId(o));
      ret.line_number.push(lines.lineNumber[l]);
      ret.return_date.push(START_DAY + lines.returnDay[l]);
      ret.reason.push(RETURN_REASONS[lines.returnReason[l]]);
      // Noise: refunds above the line's value (a delivery fee refunded with it, a keying error).
      ret.refund_amount.push(r.uniform() < NOISE.returnOverRefund ? round2(value + r.pick([4.99, 9.99, value])) : value);
    }
    const lastLineOfOrder = l + 1 === n || lines.order[l + 1] !== o;
    // A voided line: scanned, then cancelled at the till (quantity 0).
    if (lastLineOfOrder && r.uniform() < NOISE.itemVoidedLines) push(o, lines.lineNumber[l] + 1, lines.product[l], 0, price, -1);
    while (lastLineOfOrder && nextTest < testOrders.length && testOrders[nextTest].after === o) {
      const k = r.int(products.length);
      push(-(nextTest + 1), 1, k, 1, products[k].listPrice, -1);
      nextTest++;
    }
  }
  // Duplicated lines (withDuplicates' draws: one per row, after the rows').
  const twice = new Uint8Array(rows);
  let total = 0;
  for (let i = 0; i < rows; i++) {
    twice[i] = r.uniform() < NOISE.itemDuplicates ? 1 : 0;
    total += 1 + twice[i];
  }

  const columns = ["order_id", "line_number", "product_id", "quantity", "unit_price", "promo_id"] as const;
  const orderItems: ChunkedTable = {
    kind: "chunked",
    rows: total,
    columns,
    *chunks(size: number) {
      let chunk: TableColumns = Object.fromEntries(columns.map((c) => [c, [] as unknown[]]));
      let inChunk = 0;
      // An order's lines are consecutive: they share one id string.
      let idOf = 0;
      let id = "";
      for (let i = 0; i < rows; i++) {
        const o = order[i];
        if (o !== idOf || id === "") {
          idOf = o;
          id = o >= 0 ? orderId(o) : testOrderId(-o - 1);
        }
        const price = unitPrice[i];
        for (let copy = 0; copy <= twice[i]; copy++) {
          chunk.order_id.push(id);
          chunk.line_number.push(lineNumber[i]);
          chunk.product_id.push(products[product[i]].id);
          chunk.quantity.push(quantity[i]);
          chunk.unit_price.push(Number.isNaN(price) ? null : price);
          chunk.promo_id.push(promo[i] >= 0 ? promotions[promo[i]].id : null);
          if (++inChunk === size) {
            yield chunk;
            chunk = Object.fromEntries(columns.map((c) => [c, [] as unknown[]]));
            inChunk = 0;
          }
        }
      }
      if (inChunk > 0) yield chunk;
    }
  };
  return {orderItems, returns: ret};
}
