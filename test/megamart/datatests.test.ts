// The data tests: the SQL runner (sqltests.ts) gives the same results as the shared JavaScript
// runner (data-loaders/shared/datatests.ts) on the same tables, and a broken table fails with the
// model, the test and the offending values named.
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import type {DuckDBConnection} from "@duckdb/node-api";
import {DataTestError, assertDataTests, runDataTests, testsFromSpec} from "../../data-loaders/shared/datatests.js";
import {openDatabase, readTable} from "../../data-loaders/megamart/duckdb.js";
import {modelTests} from "../../data-loaders/megamart/datatests.js";
import {prepareDatabase, readModels, runModels} from "../../data-loaders/megamart/pipeline.js";
import {rawTables} from "../../data-loaders/megamart/schema.js";
import {runSqlDataTests} from "../../data-loaders/megamart/sqltests.js";
import {MODEL_SPECS} from "../../data-loaders/megamart/transform.js";
import {readReportTables} from "../../data-loaders/shared/validate.js";

const fixture = join(import.meta.dirname, "..", "fixtures", "real-data", "megamart");
let db: {connection: DuckDBConnection; close: () => void};

beforeAll(async () => {
  db = await openDatabase();
  await prepareDatabase(db.connection, await readReportTables(fixture, rawTables));
  await runModels(db.connection, readModels());
});
afterAll(() => db?.close());

describe("SQL data tests", () => {
  it("agree with the shared runner on every schema-derived test of every model", async () => {
    const tables = new Map();
    for (const spec of MODEL_SPECS) tables.set(spec.name, await readTable(db.connection, `"${spec.name}"`, spec));
    const models = MODEL_SPECS.map((spec) => ({model: spec.name, tests: testsFromSpec(spec)}));
    const shared = runDataTests(tables, models).map(({model, test, failures, status}) => ({model, test, failures, status}));
    const sql = (await runSqlDataTests(db.connection, models as never)).map(({model, test, failures, status}) => ({model, test, failures, status}));
    expect(sql).toEqual(shared);
    expect(sql.length).toBeGreaterThan(250);
  });

  it("all pass on the clean fixture, row counts, freshness and business rules included", async () => {
    const results = await runSqlDataTests(db.connection, modelTests());
    expect(results.filter((r) => r.status === "fail")).toEqual([]);
    expect(results.map((r) => r.test)).toEqual(expect.arrayContaining(["freshness(date)", "money_adds_up", "no_missing_days_last_week", "control_not_messaged", "row_count"]));
  });

  it("a broken mart fails its tests with the model, the test and sample values in the message", async () => {
    // Break fct_orders as a bad model change would: one order's revenue no longer matches its lines,
    // one order duplicated.
    await db.connection.run("CREATE TABLE fct_orders_backup AS SELECT * FROM fct_orders");
    await db.connection.run("UPDATE fct_orders SET net_revenue = net_revenue + 10 WHERE order_id = 'O1'");
    await db.connection.run("INSERT INTO fct_orders SELECT * FROM fct_orders WHERE order_id = 'O2'");
    try {
      const results = await runSqlDataTests(db.connection, modelTests().filter((m) => m.model === "fct_orders"));
      expect(() => assertDataTests(results)).toThrow(DataTestError);
      let message = "";
      try {
        assertDataTests(results);
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toContain("fct_orders: unique(order_id) — 1 failing (O2)");
      expect(message).toContain("fct_orders: money_adds_up — 1 failing (order_id=O1 net_revenue=49.25 lines_net_revenue=39.25)");
    } finally {
      await db.connection.run("CREATE OR REPLACE TABLE fct_orders AS SELECT * FROM fct_orders_backup");
    }
  });
});
