/**
 * Runs data tests where the models live, in DuckDB, instead of copying every model into the
 * loader's memory first (at the default scale the order lines alone are 750,000 rows × 21 columns,
 * which took longer to copy than to build). The tests are the shared ones
 * (data-loaders/shared/datatests.ts: unique, not_null, accepted_values, relationships, row_count,
 * derived from a TableSpec by testsFromSpec) compiled to SQL, plus "singular" tests written in SQL
 * (a query returning the failing rows, as dbt's tests/ folder). Results have the shared
 * DataTestResult shape, names and descriptions, so assertDataTests and the lineage page use them
 * unchanged; test/megamart/datatests.test.ts checks that this runner and the shared one agree.
 */
import type {DuckDBConnection} from "@duckdb/node-api";
import {describeTest, type DataTest, type DataTestResult} from "../shared/datatests.js";
import {queryRows, quoteIdentifier} from "./duckdb.js";

/** A test written as a query that returns the failing rows (none when the expectation holds). */
export interface SqlTest {
  kind: "sql";
  name: string;
  description: string;
  sql: string;
}

export type ModelTest = Exclude<DataTest, {kind: "expression"}> | SqlTest;

export interface SqlModelTests {
  model: string;
  /** Models a test reads besides its own (for the lineage page). */
  dependsOn?: readonly string[];
  tests: readonly ModelTest[];
}

const literal = (v: string) => `'${v.replaceAll("'", "''")}'`;

/** The failing-rows query of a test: one row per failure with a `sample` column describing it. */
export function failingRowsSql(model: string, test: ModelTest): string {
  const m = quoteIdentifier(model);
  switch (test.kind) {
    case "unique": {
      const cols = test.columns.map(quoteIdentifier);
      // One failure per repeat beyond the first, as the shared runner counts.
      return `SELECT concat_ws(', ', ${cols.map((c) => `CAST(${c} AS VARCHAR)`).join(", ")}) AS sample
              FROM (SELECT ${cols.join(", ")}, row_number() OVER (PARTITION BY ${cols.join(", ")} ORDER BY rowid) AS copy FROM ${m})
              WHERE copy > 1`;
    }
    case "not_null": {
      const c = quoteIdentifier(test.column);
      return `SELECT 'row ' || CAST(rowid AS VARCHAR) AS sample FROM ${m} WHERE ${c} IS NULL`;
    }
    case "accepted_values": {
      const c = quoteIdentifier(test.column);
      return `SELECT CAST(${c} AS VARCHAR) AS sample FROM ${m} WHERE ${c} IS NOT NULL AND CAST(${c} AS VARCHAR) NOT IN (${test.values.map(literal).join(", ")})`;
    }
    case "relationships": {
      const c = quoteIdentifier(test.column);
      return `SELECT CAST(${c} AS VARCHAR) AS sample FROM ${m}
              WHERE ${c} IS NOT NULL AND ${c} NOT IN (SELECT ${quoteIdentifier(test.to.column)} FROM ${quoteIdentifier(test.to.table)} WHERE ${quoteIdentifier(test.to.column)} IS NOT NULL)`;
    }
    case "row_count": {
      const bounds = [test.min !== undefined ? `n < ${test.min}` : null, test.max !== undefined ? `n > ${test.max}` : null].filter(Boolean).join(" OR ") || "false";
      return `SELECT CAST(n AS VARCHAR) || ' rows' AS sample FROM (SELECT count(*) AS n FROM ${m}) WHERE ${bounds}`;
    }
    case "sql":
      return `SELECT CAST(COLUMNS(*) AS VARCHAR) FROM (${test.sql})`;
  }
}

/** Runs every model's tests in DuckDB and returns one result per test (the shared shape). */
export async function runSqlDataTests(connection: DuckDBConnection, models: readonly SqlModelTests[]): Promise<DataTestResult[]> {
  const results: DataTestResult[] = [];
  for (const {model, tests} of models) {
    for (const test of tests) {
      const {name, description} = describeTest(test);
      const failing = failingRowsSql(model, test);
      const [{failures}] = await queryRows(connection, `SELECT count(*) AS failures FROM (${failing})`);
      let sample = "";
      if ((failures as number) > 0) {
        const rows = await queryRows(connection, `SELECT * FROM (${failing}) LIMIT 5`);
        sample = rows.map((r) => (test.kind === "sql" ? Object.entries(r).map(([k, v]) => `${k}=${v}`).join(" ") : String(r.sample))).join("; ");
      }
      results.push({model, test: name, description, failures: failures as number, status: failures === 0 ? "pass" : "fail", sample});
    }
  }
  return results;
}
