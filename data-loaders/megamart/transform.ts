/**
 * Raw tables → staging → marts → report models, in native DuckDB (pipeline.ts runs the SQL in
 * models/), then every model's data tests (datatests.ts). Returns the models as columns, what each
 * cleaning rule changed, the test results and the lineage, for the analyses and the pages.
 */
import type {DataTestResult} from "../shared/datatests.js";
import type {TableSpec} from "../shared/schema.js";
import type {TableColumns} from "../shared/validate.js";
import {rawRows as tableRows, type RawTable} from "./chunkedTable.js";
import {openDatabase, readTable} from "./duckdb.js";
import {modelTests} from "./datatests.js";
import {martSpecs} from "./models/marts/schema.js";
import {reportSpecs} from "./models/reports/schema.js";
import {stagingSpecs} from "./models/staging/schema.js";
import {runSqlDataTests, type SqlModelTests} from "./sqltests.js";
import {SEEDS, prepareDatabase, readModels, runModels, type ModelRun, type RuleCount, type SqlModel} from "./pipeline.js";

/** Models the analyses and pages read (the big facts stay in DuckDB; member_orders is their slice of fct_orders). */
const READ = new Set(["dim_date", "dim_store", "dim_product", "dim_customer", "dim_campaign", "fct_campaign_assignments", "fct_acquisition_daily", ...reportSpecs.map((s) => s.name)]);

/** Members' orders: what RFM, churn and lifetime value need from fct_orders. */
export const MEMBER_ORDERS: TableSpec = {
  name: "member_orders",
  description: "Members' orders (fct_orders without guests): who, when, how much.",
  grain: "order",
  columns: [
    {name: "order_id", type: "utf8", description: "Order."},
    {name: "customer_id", type: "utf8", description: "Member."},
    {name: "order_date", type: "date", description: "Day."},
    {name: "channel", type: "utf8", description: "Channel."},
    {name: "net_revenue", type: "float64", description: "Revenue, SGD."},
    {name: "gross_margin", type: "float64", description: "Margin, SGD."},
    {name: "refund_amount", type: "float64", description: "Refunds, SGD."},
    {name: "has_promotion", type: "bool", description: "A line had a promotion."}
  ]
};

export const MODEL_SPECS: readonly TableSpec[] = [...stagingSpecs, ...martSpecs, ...reportSpecs];

export interface PipelineResult {
  models: SqlModel[];
  runs: ModelRun[];
  rules: RuleCount[];
  /** Rows of each raw table as loaded. */
  rawRows: Map<string, number>;
  tables: Map<string, TableColumns>;
  tests: SqlModelTests[];
  results: DataTestResult[];
  timings: {loadMs: number; modelsMs: number; readMs: number; testsMs: number};
}

/** Stable row order for each model, so the output does not depend on DuckDB's parallel scheduling. */
function orderFor(spec: TableSpec): string {
  return (spec.primaryKey ?? spec.columns.map((c) => c.name)).map((c) => `"${c}"`).join(", ");
}

/**
 * Loads the raw tables into DuckDB, runs the models and their data tests and reads back what the
 * analyses need. With `release`, the raw tables are removed from `raw` once loaded (see
 * prepareDatabase): pass it when nothing else needs them, so their memory is freed for the models.
 */
export async function runPipeline(raw: ReadonlyMap<string, RawTable> | Map<string, RawTable>, {release = false}: {release?: boolean} = {}): Promise<PipelineResult> {
  const {connection, close} = await openDatabase();
  try {
    let t = performance.now();
    const rawRows = await prepareDatabase(connection, raw, undefined, {release});
    const loadMs = performance.now() - t;
    t = performance.now();
    const models = readModels();
    const {runs, rules} = await runModels(connection, models);
    const modelsMs = performance.now() - t;
    for (const m of models) if (!MODEL_SPECS.some((s) => s.name === m.name)) throw new Error(`model ${m.name} has no schema in models/${m.layer}/schema.ts`);
    t = performance.now();
    const tests = modelTests(MODEL_SPECS);
    const results = await runSqlDataTests(connection, tests);
    const testsMs = performance.now() - t;
    t = performance.now();
    const tables = new Map<string, TableColumns>();
    for (const spec of MODEL_SPECS) if (READ.has(spec.name)) tables.set(spec.name, await readTable(connection, `"${spec.name}"`, spec, {orderBy: orderFor(spec)}));
    tables.set("member_orders", await readTable(connection, `fct_orders WHERE customer_id IS NOT NULL`, MEMBER_ORDERS, {orderBy: "customer_id, order_ts, order_id"}));
    const readMs = performance.now() - t;
    return {models, runs, rules, rawRows, tables, tests, results, timings: {loadMs, modelsMs, readMs, testsMs}};
  } finally {
    close();
  }
}

/** The lineage the pipeline page draws: sources, seeds and models with their inputs, rows, rules and tests. */
export interface Lineage {
  nodes: {id: string; kind: "source" | "seed" | "staging" | "marts" | "reports"; description: string; rows: number | null; rowsIn: number | null; path: string | null}[];
  edges: {from: string; to: string}[];
  rules: RuleCount[];
  tests: DataTestResult[];
}

/** The lineage of a pipeline run; `rawRows` are the raw tables' row counts (PipelineResult.rawRows). */
export function lineage(result: Pick<PipelineResult, "models" | "runs" | "rules" | "results">, rawRows: ReadonlyMap<string, number>, rawSpecs: readonly TableSpec[]): Lineage {
  const nodes: Lineage["nodes"] = [
    ...rawSpecs.map((s) => ({id: `raw.${s.name}`, kind: "source" as const, description: s.description, rows: rawRows.get(s.name) ?? null, rowsIn: null, path: null})),
    ...SEEDS.map((s) => ({id: `seed.${s.spec.name}`, kind: "seed" as const, description: s.spec.description, rows: tableRows(s.columns()), rowsIn: null, path: null})),
    ...result.models.map((m) => {
      const run = result.runs.find((r) => r.model === m.name)!;
      return {id: m.name, kind: m.layer, description: m.description, rows: run.rows, rowsIn: run.rowsIn, path: `data-loaders/megamart/models/${m.path}`};
    })
  ];
  const edges = result.models.flatMap((m) => [
    ...m.sources.map((s) => ({from: `raw.${s}`, to: m.name})),
    ...m.seeds.map((s) => ({from: `seed.${s}`, to: m.name})),
    ...m.refs.map((r) => ({from: r, to: m.name}))
  ]);
  return {nodes, edges, rules: result.rules, tests: result.results};
}
