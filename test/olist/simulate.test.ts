// The Olist simulation: deterministic for a seed, scaled by SCALE, shaped like the public data
// (São Paulo-heavy, most customers buying once, late deliveries reviewed worse), and written in
// exactly the public files' schema: its tables, saved as CSV, pass the real-data validator.
import {mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {beforeAll, describe, expect, it} from "vitest";
import {DAY_MS} from "../../data-loaders/shared/schema.js";
import {readReportTables, type TableColumns} from "../../data-loaders/shared/validate.js";
import {rawTables, optionalRawTables} from "../../data-loaders/olist/schema.js";
import {SCALE_SIZES, simulateOlist, simulateOlistWithTruth, type OlistSimulation} from "../../data-loaders/olist/simulate.js";
import {stage} from "../../data-loaders/olist/staging.js";
import {isLate} from "../../data-loaders/olist/marts.js";

let tiny: OlistSimulation;
beforeAll(() => {
  tiny = simulateOlistWithTruth({seed: 42, scale: "tiny"});
});

function cell(value: unknown, type: string): string {
  if (value === null || value === undefined) return "";
  if (type === "timestamp") return new Date(value as number).toISOString().slice(0, 19).replace("T", " ");
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function writeCsvFolder(tables: Map<string, TableColumns>): string {
  const dir = mkdtempSync(join(tmpdir(), "olist-sim-"));
  for (const spec of [...rawTables, optionalRawTables.touches, optionalRawTables.promotion]) {
    const columns = tables.get(spec.name)!;
    const n = columns[spec.columns[0].name].length;
    const lines = [spec.columns.map((c) => c.name).join(",")];
    for (let r = 0; r < n; r++) lines.push(spec.columns.map((c) => cell(columns[c.name][r], c.type)).join(","));
    writeFileSync(join(dir, `${spec.name}.csv`), lines.join("\n") + "\n");
  }
  return dir;
}

describe("Olist simulation", () => {
  it("is identical for a seed and differs for another", () => {
    const again = simulateOlist({seed: 42, scale: "tiny"});
    for (const [name, columns] of tiny.tables) expect(again.get(name), name).toEqual(columns);
    expect(simulateOlist({seed: 43, scale: "tiny"}).get("olist_orders_dataset")!.order_id).not.toEqual(tiny.tables.get("olist_orders_dataset")!.order_id);
  });

  it("writes the public files' schema: saved as CSV, every table passes the validator", async () => {
    const dir = writeCsvFolder(tiny.tables);
    const read = await readReportTables(dir, [...rawTables, optionalRawTables.touches, optionalRawTables.promotion]);
    expect(read.get("olist_orders_dataset")!.order_id).toEqual(tiny.tables.get("olist_orders_dataset")!.order_id);
    // One customer_id per order (the dataset's convention), several per repeat buyer.
    const customers = tiny.tables.get("olist_customers_dataset")!;
    expect(customers.customer_id.length).toBe(tiny.tables.get("olist_orders_dataset")!.order_id.length);
    expect(new Set(customers.customer_unique_id).size).toBe(SCALE_SIZES.tiny.people);
  });

  it("scales people, products and sellers, not the two-year window", () => {
    const small = simulateOlist({seed: 42, scale: "small"});
    const span = (t: Map<string, TableColumns>) => {
      const times = t.get("olist_orders_dataset")!.order_purchase_timestamp as number[];
      return [Math.floor(Math.min(...times) / DAY_MS), Math.floor(Math.max(...times) / DAY_MS)];
    };
    expect(small.get("olist_products_dataset")!.product_id.length).toBe(SCALE_SIZES.small.products);
    expect(small.get("olist_sellers_dataset")!.seller_id.length).toBe(SCALE_SIZES.small.sellers);
    expect(new Set(small.get("olist_customers_dataset")!.customer_unique_id).size).toBe(SCALE_SIZES.small.people);
    const [a, b] = span(small);
    const [c, d] = span(tiny.tables);
    expect(Math.abs(a - c)).toBeLessThanOrEqual(3);
    expect(Math.abs(b - d)).toBeLessThanOrEqual(3);
    expect(b - a).toBeGreaterThan(700); // about two years
  });

  it("looks like the public data: São Paulo-heavy, most customers buy once, late deliveries are reviewed worse", () => {
    const s = stage(simulateOlist({seed: 42, scale: "small"}));
    const spShare = s.people.state.filter((st) => st === "SP").length / s.people.id.length;
    // Planted: 42% of customers in SP (geography.ts), most of the rest in the Southeast and South.
    expect(spShare).toBeGreaterThan(0.37);
    expect(spShare).toBeLessThan(0.47);
    expect(new Set(s.people.state).size).toBe(27);
    const orders = new Map<number, number>();
    for (const p of s.orders.person) orders.set(p, (orders.get(p) ?? 0) + 1);
    const once = [...orders.values()].filter((n) => n === 1).length / orders.size;
    expect(once).toBeGreaterThan(0.8);
    let late = 0;
    let lateScore = 0;
    let onTime = 0;
    let onTimeScore = 0;
    for (let k = 0; k < s.orders.id.length; k++) {
      if (!Number.isFinite(s.orders.score[k]) || !Number.isFinite(s.orders.delivered[k])) continue;
      if (isLate(s, k)) {
        late++;
        lateScore += s.orders.score[k];
      } else {
        onTime++;
        onTimeScore += s.orders.score[k];
      }
    }
    expect(late / (late + onTime)).toBeGreaterThan(0.03);
    expect(late / (late + onTime)).toBeLessThan(0.15);
    expect(onTimeScore / onTime - lateScore / late).toBeGreaterThan(1.5);
  });

  it("writes Portuguese comments and keeps the planted truth for every person and product", () => {
    const messages = (tiny.tables.get("olist_order_reviews_dataset")!.review_comment_message as (string | null)[]).filter((m): m is string => m !== null);
    expect(messages.length).toBeGreaterThan(100);
    expect(messages.some((m) => /prazo|recomendo|não recebi/i.test(m))).toBe(true);
    expect(tiny.truth.people.uniqueId).toHaveLength(SCALE_SIZES.tiny.people);
    expect(tiny.truth.products.bundle).toHaveLength(SCALE_SIZES.tiny.products);
    const inTest = tiny.truth.people.arm.filter((a) => a >= 0).length;
    expect(tiny.tables.get("olist_promotion_assignments")!.arm).toHaveLength(inTest);
    expect(tiny.truth.people.promoEffect.filter((e) => Number.isFinite(e)).every((e) => e >= 0 && e <= 1)).toBe(true);
  });
});
