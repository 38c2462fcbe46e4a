// Each staging rule on hand-made rows: test/fixtures/real-data/megamart/ plants exactly one or a
// few cases of every rule (listed in the fixture's README); the expected counts and cleaned values
// are worked out by hand from those rows.
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import type {DuckDBConnection} from "@duckdb/node-api";
import {openDatabase, queryRows} from "../../data-loaders/megamart/duckdb.js";
import {prepareDatabase, readModels, runModels, type RuleCount} from "../../data-loaders/megamart/pipeline.js";
import {rawTables} from "../../data-loaders/megamart/schema.js";
import {readReportTables} from "../../data-loaders/shared/validate.js";

const fixture = join(import.meta.dirname, "..", "fixtures", "real-data", "megamart");
let db: {connection: DuckDBConnection; close: () => void};
let rules: RuleCount[];
const rows = (sql: string) => queryRows(db.connection, sql);

beforeAll(async () => {
  const raw = await readReportTables(fixture, rawTables);
  db = await openDatabase();
  await prepareDatabase(db.connection, raw);
  rules = (await runModels(db.connection, readModels())).rules;
});
afterAll(() => db?.close());

const count = (model: string, rule: string) => {
  const found = rules.find((r) => r.model === model && r.name === rule);
  if (!found) throw new Error(`no rule ${model}.${rule}`);
  return found.rows;
};

describe("staging rules on hand-made rows", () => {
  it("stores: regions and planning areas spelled one way", async () => {
    expect(count("stg_stores", "standardise_region")).toBe(2); // "west", "Central Region"
    expect(count("stg_stores", "standardise_planning_area")).toBe(1); // " orchard"
    expect(await rows("SELECT store_id, region, planning_area FROM stg_stores ORDER BY store_id")).toEqual([
      {store_id: "S1", region: "East", planning_area: "Tampines"},
      {store_id: "S2", region: "West", planning_area: "Jurong West"},
      {store_id: "S3", region: "Central", planning_area: "Orchard"}
    ]);
  });

  it("products: categories mapped, a missing cost imputed from the median margin", async () => {
    expect(count("stg_products", "standardise_category")).toBe(3); // Grocery, Fashion, home_goods
    expect(count("stg_products", "impute_missing_cost")).toBe(1);
    // No other fashion product has a cost, so the median margin of all five costed products:
    // margins 0.16279 (P3), 0.22857 (P2), 0.24832 (P1), 0.26087 (P6), 0.42857 (P5) → 0.24832;
    // 59.90 × (1 − 0.24832) = 45.0255 → 45.03.
    const [p4] = await rows("SELECT category, unit_cost FROM stg_products WHERE product_id = 'P4'");
    expect(p4).toEqual({category: "fashion", unit_cost: 45.03});
    expect((await rows("SELECT DISTINCT category FROM stg_products ORDER BY 1")).map((r) => r.category)).toEqual(["electronics", "fashion", "groceries", "home goods"]);
  });

  it("customers: duplicate removed, e-mail, gender, birth year and channel cleaned", async () => {
    expect(count("stg_customers", "drop_duplicate_customers")).toBe(1); // M4 twice
    expect(count("stg_customers", "normalise_email")).toBe(1); // " Ravi.Kumar@Example.com "
    expect(count("stg_customers", "standardise_gender")).toBe(3); // male, empty, female (kept row)
    expect(count("stg_customers", "null_implausible_birth_year")).toBe(1); // 1900, counted once
    expect(count("stg_customers", "standardise_acquisition_channel")).toBe(1); // "Paid Social"
    expect(await rows("SELECT customer_id, email, gender, birth_year, acquisition_channel FROM stg_customers WHERE customer_id IN ('M2', 'M3', 'M4') ORDER BY 1")).toEqual([
      {customer_id: "M2", email: "ravi.kumar@example.com", gender: "M", birth_year: 1990, acquisition_channel: "paid_social"},
      {customer_id: "M3", email: "siti.rahman@example.com", gender: "unknown", birth_year: 1978, acquisition_channel: "paid_search"},
      {customer_id: "M4", email: "li.ming@example.com", gender: "F", birth_year: null, acquisition_channel: "organic"}
    ]);
  });

  it("orders: duplicate export and staff test order removed, channels mapped", async () => {
    expect(count("stg_orders", "drop_duplicate_orders")).toBe(1); // O4 twice
    expect(count("stg_orders", "drop_test_orders")).toBe(1); // O7 by TEST0001
    expect(count("stg_orders", "standardise_channel")).toBe(4); // POS, mobile app, App, WEB
    const orders = await rows("SELECT order_id, channel FROM stg_orders ORDER BY order_id");
    expect(orders).toHaveLength(12);
    expect(orders.find((o) => o.order_id === "O3")!.channel).toBe("store");
    expect(orders.find((o) => o.order_id === "O4")!.channel).toBe("app");
  });

  it("order lines: duplicate, voided and orphan lines removed, missing prices filled", async () => {
    expect(count("stg_order_items", "drop_duplicate_lines")).toBe(1); // O4 line 1 twice
    expect(count("stg_order_items", "drop_voided_lines")).toBe(1); // O1 line 3, quantity 0
    expect(count("stg_order_items", "drop_lines_without_order")).toBe(1); // the test order O7
    expect(count("stg_order_items", "fill_missing_unit_price")).toBe(2);
    // O5 line 1: P5 at its list price 45.50; O6 line 2: P2 3.50 less PR1's 10% = 3.15.
    expect(await rows("SELECT order_id, line_number, unit_price FROM stg_order_items WHERE (order_id, line_number) IN (('O5', 1), ('O6', 2)) ORDER BY 1")).toEqual([
      {order_id: "O5", line_number: 1, unit_price: 45.5},
      {order_id: "O6", line_number: 2, unit_price: 3.15}
    ]);
    expect((await rows("SELECT count(*) AS n FROM stg_order_items"))[0].n).toBe(17);
  });

  it("returns: a refund above the line's value capped at it", async () => {
    expect(count("stg_returns", "cap_refund_at_line_value")).toBe(1); // R2: 64.89 on a 59.90 line
    expect(await rows("SELECT return_id, refund_amount FROM stg_returns ORDER BY 1")).toEqual([
      {return_id: "R1", refund_amount: 129},
      {return_id: "R2", refund_amount: 59.9}
    ]);
  });

  it("promotions, campaign events and spend", async () => {
    expect(count("stg_promotions", "standardise_category")).toBe(1); // "Fashion"
    expect(count("stg_campaign_events", "drop_duplicate_events")).toBe(1); // E3 retried
    expect(count("stg_campaign_events", "standardise_event_type")).toBe(2); // "Open", "click"
    expect(count("stg_marketing_spend", "drop_duplicate_spend_rows")).toBe(1);
    expect((await rows("SELECT event_type, count(*) AS n FROM stg_campaign_events GROUP BY 1 ORDER BY 1"))).toEqual([
      {event_type: "clicked", n: 2},
      {event_type: "delivered", n: 3},
      {event_type: "opened", n: 1},
      {event_type: "purchased", n: 1},
      {event_type: "sent", n: 3}
    ]);
  });

  it("every declared rule is covered by the fixture", () => {
    expect(rules.filter((r) => r.rows === 0).map((r) => `${r.model}.${r.name}`)).toEqual([]);
  });
});

describe("marts on hand-made rows", () => {
  it("an order's money is the sum of its lines, and members' first orders are flagged", async () => {
    // O1: 2 × 14.90 + 3 × 3.15 = 39.25 net; cost 2 × 11.20 + 3 × 2.70 = 30.50; margin 8.75.
    expect(await rows("SELECT net_revenue, cost, gross_margin, lines, is_first_order, is_guest FROM fct_orders WHERE order_id = 'O1'")).toEqual([{net_revenue: 39.25, cost: 30.5, gross_margin: 8.75, lines: 2, is_first_order: true, is_guest: false}]);
    expect(await rows("SELECT is_first_order, is_guest FROM fct_orders WHERE order_id = 'O3'")).toEqual([{is_first_order: false, is_guest: true}]);
  });

  it("campaign participants: conversion from any order in the window, opens implied by clicks", async () => {
    // C1 sent 2025-03-05 with a 5-day window (to 03-09). M1 ordered 03-08 (O11); M5 on 03-05 (O8);
    // M3 on 03-09 (O12); control M2 on 03-07 (O10); control M4 not at all.
    expect(await rows("SELECT customer_id, variant, opened, clicked, converted, window_orders FROM fct_campaign_assignments ORDER BY 1")).toEqual([
      {customer_id: "M1", variant: "A", opened: true, clicked: true, converted: true, window_orders: 1},
      {customer_id: "M2", variant: "control", opened: false, clicked: false, converted: true, window_orders: 1},
      {customer_id: "M3", variant: "A", opened: false, clicked: false, converted: true, window_orders: 1},
      {customer_id: "M4", variant: "control", opened: false, clicked: false, converted: false, window_orders: 0},
      {customer_id: "M5", variant: "A", opened: true, clicked: true, converted: true, window_orders: 1}
    ]);
  });
});
