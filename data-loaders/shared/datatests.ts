/**
 * Data tests in the manner of dbt: each model (a table a transform produces) declares tests —
 * unique, not_null, accepted_values, relationships, row_count and custom expressions — and the
 * loader runs them, fails the build on any failure, and can publish the results for a lineage
 * page. Tests are derived from the TableSpec where it already says so (primary key, nullability,
 * accepted values, references), so a schema is declared once.
 */
import type {TableSpec} from "./schema.js";
import type {TableColumns} from "./validate.js";

export type DataTest =
  | {kind: "unique"; columns: readonly string[]}
  | {kind: "not_null"; column: string}
  | {kind: "accepted_values"; column: string; values: readonly string[]}
  | {kind: "relationships"; column: string; to: {table: string; column: string}}
  | {kind: "row_count"; min?: number; max?: number}
  /** A custom expectation: returns the indices of failing rows (or a count). */
  | {kind: "expression"; name: string; description: string; failures: (table: TableColumns, tables: ReadonlyMap<string, TableColumns>) => number[] | number};

export interface ModelTests {
  model: string;
  /** Tables this model is built from (for the lineage page). */
  dependsOn?: readonly string[];
  tests: readonly DataTest[];
}

export interface DataTestResult {
  model: string;
  test: string;
  description: string;
  failures: number;
  status: "pass" | "fail";
  /** A few failing values or rows, for the error message. */
  sample: string;
}

/** The tests a TableSpec implies: its key is unique, required columns are not null, categories are accepted, references hold. */
export function testsFromSpec(spec: TableSpec): DataTest[] {
  const tests: DataTest[] = [];
  if (spec.primaryKey) tests.push({kind: "unique", columns: spec.primaryKey});
  for (const c of spec.columns) {
    if (!c.nullable) tests.push({kind: "not_null", column: c.name});
    if (c.values) tests.push({kind: "accepted_values", column: c.name, values: c.values});
    if (c.references) tests.push({kind: "relationships", column: c.name, to: c.references});
  }
  return tests;
}

function rowCount(table: TableColumns): number {
  const first = Object.values(table)[0];
  return first ? first.length : 0;
}

function column(model: string, table: TableColumns, name: string): unknown[] {
  const values = table[name];
  if (!values) throw new Error(`data test on ${model}: no column "${name}"`);
  return values;
}

/** A test that names and describes itself (custom expression tests here, SQL tests in a warehouse runner). */
export interface SelfDescribedTest {
  kind: "expression" | "sql";
  name: string;
  description: string;
}

/** Name and description of a test, as results and the lineage pages word them (shared by every runner). */
export function describeTest(test: DataTest | SelfDescribedTest): {name: string; description: string} {
  switch (test.kind) {
    case "unique":
      return {name: `unique(${test.columns.join(", ")})`, description: `no two rows share ${test.columns.join(" + ")}`};
    case "not_null":
      return {name: `not_null(${test.column})`, description: `${test.column} is never missing`};
    case "accepted_values":
      return {name: `accepted_values(${test.column})`, description: `${test.column} is one of ${test.values.join(", ")}`};
    case "relationships":
      return {name: `relationships(${test.column} → ${test.to.table}.${test.to.column})`, description: `every ${test.column} exists in ${test.to.table}`};
    case "row_count":
      return {name: "row_count", description: `between ${test.min ?? 0} and ${test.max ?? "any number of"} rows`};
    case "expression":
    case "sql":
      return {name: test.name, description: test.description};
  }
}

function failingRows(model: string, test: DataTest, table: TableColumns, tables: ReadonlyMap<string, TableColumns>): {count: number; sample: unknown[]} {
  const out: unknown[] = [];
  let count = 0;
  const fail = (value: unknown) => {
    count++;
    if (out.length < 5) out.push(value);
  };
  switch (test.kind) {
    case "unique": {
      const cols = test.columns.map((c) => column(model, table, c));
      const seen = new Set<string>();
      for (let i = 0; i < rowCount(table); i++) {
        const key = cols.map((c) => String(c[i])).join("\u0000");
        if (seen.has(key)) fail(cols.map((c) => c[i]).join(", "));
        else seen.add(key);
      }
      break;
    }
    case "not_null": {
      const values = column(model, table, test.column);
      values.forEach((v, i) => {
        if (v === null || v === undefined || (typeof v === "number" && Number.isNaN(v))) fail(`row ${i}`);
      });
      break;
    }
    case "accepted_values": {
      const allowed = new Set<unknown>(test.values);
      for (const v of column(model, table, test.column)) if (v !== null && !allowed.has(v)) fail(v);
      break;
    }
    case "relationships": {
      const target = tables.get(test.to.table);
      if (!target) throw new Error(`data test on ${model}: related table ${test.to.table} is not available`);
      const known = new Set(column(test.to.table, target, test.to.column));
      for (const v of column(model, table, test.column)) if (v !== null && !known.has(v)) fail(v);
      break;
    }
    case "row_count": {
      const n = rowCount(table);
      if ((test.min !== undefined && n < test.min) || (test.max !== undefined && n > test.max)) fail(`${n} rows`);
      break;
    }
    case "expression": {
      const result = test.failures(table, tables);
      if (typeof result === "number") {
        count = result;
        if (result > 0) out.push(`${result} rows`);
      } else for (const i of result) fail(`row ${i}`);
      break;
    }
  }
  return {count, sample: out};
}

/** Runs every model's tests against the tables (by model name) and returns one result per test. */
export function runDataTests(tables: ReadonlyMap<string, TableColumns>, models: readonly ModelTests[]): DataTestResult[] {
  const results: DataTestResult[] = [];
  for (const {model, tests} of models) {
    const table = tables.get(model);
    if (!table) throw new Error(`data tests: model ${model} was not built`);
    for (const test of tests) {
      const {name, description} = describeTest(test);
      const {count, sample} = failingRows(model, test, table, tables);
      results.push({model, test: name, description, failures: count, status: count === 0 ? "pass" : "fail", sample: sample.map(String).join("; ")});
    }
  }
  return results;
}

export class DataTestError extends Error {
  constructor(readonly results: DataTestResult[]) {
    const failed = results.filter((r) => r.status === "fail");
    super(`${failed.length} data test(s) failed:\n${failed.map((r) => `  ${r.model}: ${r.test} — ${r.failures} failing (${r.sample})`).join("\n")}`);
    this.name = "DataTestError";
  }
}

/** Throws DataTestError when any test failed; returns the results otherwise. */
export function assertDataTests(results: DataTestResult[]): DataTestResult[] {
  if (results.some((r) => r.status === "fail")) throw new DataTestError(results);
  return results;
}
