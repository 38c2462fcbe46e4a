/**
 * A small dbt: SQL models in models/<layer>/<name>.sql run in native DuckDB in dependency order.
 * A model names its inputs as dbt does — `{{ source('orders') }}` (a raw table), `{{ ref('stg_orders') }}`
 * (another model), `{{ seed('seasons') }}` (a reference table from calendar.ts/geography.ts) — so the
 * lineage is read from the SQL itself. A staging model declares its cleaning rules in comments
 * (`-- rule <name>: <what it does>`) and flags each row a rule touches with a boolean column
 * `rule__<name>`; rules named `drop_*` remove the rows they flag. The runner counts the rows each
 * rule changed (fix rules counted on the rows kept), drops the flag columns and keeps the model.
 */
import {readFileSync, readdirSync} from "node:fs";
import {join} from "node:path";
import type {DuckDBConnection} from "@duckdb/node-api";
import type {TableSpec} from "../shared/schema.js";
import type {TableColumns} from "../shared/validate.js";
import {PLANNING_AREAS} from "./geography.js";
import {PUBLIC_HOLIDAYS, SEASON_WINDOWS} from "./calendar.js";
import {rawRows, type RawTable} from "./chunkedTable.js";
import {loadTable, queryRows, quoteIdentifier} from "./duckdb.js";
import {rawTables} from "./schema.js";
import {parseIsoDate} from "../shared/schema.js";

export const MODELS_DIR = join(import.meta.dirname, "models");
export const LAYERS = ["staging", "marts", "reports"] as const;
export type Layer = (typeof LAYERS)[number];

export interface CleaningRule {
  name: string;
  description: string;
  /** Whether the rule removes the rows it flags (name starts with drop_). */
  drops: boolean;
}

export interface SqlModel {
  name: string;
  layer: Layer;
  /** Path relative to the models folder. */
  path: string;
  /** What the model is, from its leading comment. */
  description: string;
  sql: string;
  sources: string[];
  refs: string[];
  seeds: string[];
  rules: CleaningRule[];
}

export interface RuleCount extends CleaningRule {
  model: string;
  rows: number;
}

export interface ModelRun {
  model: string;
  layer: Layer;
  rows: number;
  /** Rows of the model's input before drop rules (staging), else equal to rows. */
  rowsIn: number;
  ms: number;
}

/** Reference tables loaded before the models (dbt seeds), from the same constants the simulation uses. */
export const SEEDS: {spec: TableSpec; columns: () => TableColumns}[] = [
  {
    spec: {
      name: "planning_areas",
      description: "URA planning areas with MegaMart stores or members: region and approximate centre.",
      grain: "planning area",
      columns: [
        {name: "name", type: "utf8", description: "Planning area."},
        {name: "region", type: "utf8", description: "Planning region."},
        {name: "latitude", type: "float64", description: "Approximate centre latitude."},
        {name: "longitude", type: "float64", description: "Approximate centre longitude."}
      ]
    },
    columns: () => ({
      name: PLANNING_AREAS.map((a) => a.name),
      region: PLANNING_AREAS.map((a) => a.region),
      latitude: PLANNING_AREAS.map((a) => a.latitude),
      longitude: PLANNING_AREAS.map((a) => a.longitude)
    })
  },
  {
    spec: {
      name: "seasons",
      description: "Retail seasons: Chinese New Year, the Great Singapore Sale, 11.11, Christmas.",
      grain: "season window",
      columns: [
        {name: "season", type: "utf8", description: "Season."},
        {name: "start_date", type: "date", description: "First day."},
        {name: "end_date", type: "date", description: "Last day."}
      ]
    },
    columns: () => ({
      season: SEASON_WINDOWS.map((w) => w.season),
      start_date: SEASON_WINDOWS.map((w) => parseIsoDate(w.start)),
      end_date: SEASON_WINDOWS.map((w) => parseIsoDate(w.end))
    })
  },
  {
    spec: {
      name: "public_holidays",
      description: "Singapore's gazetted public holidays.",
      grain: "holiday",
      columns: [
        {name: "date", type: "date", description: "Day."},
        {name: "name", type: "utf8", description: "Holiday."}
      ]
    },
    columns: () => ({date: PUBLIC_HOLIDAYS.map((h) => parseIsoDate(h.date)), name: PUBLIC_HOLIDAYS.map((h) => h.name)})
  }
];

const REF = /\{\{\s*(source|ref|seed)\(\s*'([a-z0-9_]+)'\s*\)\s*\}\}/g;
const RULE = /^--\s*rule\s+([a-z0-9_]+)\s*:\s*(.+)$/;

/** Parses one model file. */
export function parseModel(name: string, layer: Layer, path: string, sql: string): SqlModel {
  const sources = new Set<string>();
  const refs = new Set<string>();
  const seeds = new Set<string>();
  for (const [, kind, target] of sql.matchAll(REF)) (kind === "source" ? sources : kind === "ref" ? refs : seeds).add(target);
  const rules: CleaningRule[] = [];
  const description: string[] = [];
  for (const line of sql.split("\n")) {
    if (!line.startsWith("--")) break;
    const rule = RULE.exec(line.trim());
    if (rule) rules.push({name: rule[1], description: rule[2].trim(), drops: rule[1].startsWith("drop_")});
    else description.push(line.replace(/^--\s?/, ""));
  }
  for (const rule of rules) {
    if (!sql.includes(`rule__${rule.name}`)) throw new Error(`${path}: rule ${rule.name} is declared but no column rule__${rule.name} flags its rows`);
  }
  return {name, layer, path, description: description.join(" ").trim(), sql, sources: [...sources].sort(), refs: [...refs].sort(), seeds: [...seeds].sort(), rules};
}

/** Every model of the models folder, in an order where each comes after the models it refers to. */
export function readModels(dir: string = MODELS_DIR): SqlModel[] {
  const models: SqlModel[] = [];
  for (const layer of LAYERS) {
    for (const file of readdirSync(join(dir, layer)).filter((f) => f.endsWith(".sql")).sort()) {
      models.push(parseModel(file.replace(/\.sql$/, ""), layer, `${layer}/${file}`, readFileSync(join(dir, layer, file), "utf8")));
    }
  }
  return topologicalOrder(models);
}

export function topologicalOrder(models: readonly SqlModel[]): SqlModel[] {
  const byName = new Map(models.map((m) => [m.name, m]));
  const done = new Set<string>();
  const visiting = new Set<string>();
  const out: SqlModel[] = [];
  const visit = (m: SqlModel, path: string[]) => {
    if (done.has(m.name)) return;
    if (visiting.has(m.name)) throw new Error(`models: a cycle ${[...path, m.name].join(" → ")}`);
    visiting.add(m.name);
    for (const r of m.refs) {
      const dep = byName.get(r);
      if (!dep) throw new Error(`${m.path}: ref('${r}') names no model`);
      visit(dep, [...path, m.name]);
    }
    visiting.delete(m.name);
    done.add(m.name);
    out.push(m);
  };
  for (const m of models) visit(m, []);
  return out;
}

/** The model's SQL with source/ref/seed replaced by the DuckDB table names. */
export function compile(model: SqlModel): string {
  return model.sql.replace(REF, (_, kind: string, target: string) => quoteIdentifier(kind === "source" ? `raw_${target}` : kind === "seed" ? `seed_${target}` : target));
}

/**
 * Loads raw tables (as raw_<name>), seeds (seed_<name>) and the macros; returns each raw table's
 * row count. A table may come whole or chunked (chunkedTable.ts). With `release`, each raw table
 * is deleted from `raw` as soon as it is in DuckDB, so its JavaScript arrays can be collected
 * while the next tables load and the models run (the loader's raw tables are otherwise the
 * largest thing it holds).
 */
export async function prepareDatabase(
  connection: DuckDBConnection,
  raw: ReadonlyMap<string, RawTable> | Map<string, RawTable>,
  dir: string = MODELS_DIR,
  {release = false}: {release?: boolean} = {}
): Promise<Map<string, number>> {
  const rows = new Map<string, number>();
  for (const spec of rawTables) {
    const columns = raw.get(spec.name);
    if (!columns) throw new Error(`raw table ${spec.name} is missing`);
    rows.set(spec.name, rawRows(columns));
    await loadTable(connection, `raw_${spec.name}`, spec, columns);
    if (release) (raw as Map<string, RawTable>).delete(spec.name);
  }
  for (const seed of SEEDS) await loadTable(connection, `seed_${seed.spec.name}`, seed.spec, seed.columns());
  await connection.run(readFileSync(join(dir, "macros.sql"), "utf8"));
  return rows;
}

/** Runs one model: creates its table and returns its rule counts. */
export async function runModel(connection: DuckDBConnection, model: SqlModel): Promise<{run: ModelRun; rules: RuleCount[]}> {
  const start = performance.now();
  const name = quoteIdentifier(model.name);
  if (model.rules.length === 0) {
    await connection.run(`CREATE OR REPLACE TABLE ${name} AS ${compile(model)}`);
    const [{rows}] = await queryRows(connection, `SELECT count(*) AS rows FROM ${name}`);
    return {run: {model: model.name, layer: model.layer, rows: rows as number, rowsIn: rows as number, ms: performance.now() - start}, rules: []};
  }
  const flagged = quoteIdentifier(`__${model.name}_flagged`);
  await connection.run(`CREATE OR REPLACE TEMP TABLE ${flagged} AS ${compile(model)}`);
  const dropping = model.rules.filter((r) => r.drops).map((r) => `coalesce(rule__${r.name}, false)`);
  const dropped = dropping.length ? dropping.join(" OR ") : "false";
  const counts = model.rules.map((r) => `count(*) FILTER (WHERE coalesce(rule__${r.name}, false)${r.drops ? "" : ` AND NOT (${dropped})`}) AS ${quoteIdentifier(r.name)}`);
  const [row] = await queryRows(connection, `SELECT count(*) AS __rows, ${counts.join(", ")} FROM ${flagged}`);
  const flags = model.rules.map((r) => `rule__${r.name}`).join(", ");
  await connection.run(`CREATE OR REPLACE TABLE ${name} AS SELECT * EXCLUDE (${flags}) FROM ${flagged} WHERE NOT (${dropped})`);
  await connection.run(`DROP TABLE ${flagged}`);
  const [{rows}] = await queryRows(connection, `SELECT count(*) AS rows FROM ${name}`);
  return {
    run: {model: model.name, layer: model.layer, rows: rows as number, rowsIn: row.__rows as number, ms: performance.now() - start},
    rules: model.rules.map((r) => ({...r, model: model.name, rows: row[r.name] as number}))
  };
}

/** Runs every model in order. */
export async function runModels(connection: DuckDBConnection, models: readonly SqlModel[]): Promise<{runs: ModelRun[]; rules: RuleCount[]}> {
  const runs: ModelRun[] = [];
  const rules: RuleCount[] = [];
  for (const model of models) {
    const result = await runModel(connection, model);
    runs.push(result.run);
    rules.push(...result.rules);
  }
  return {runs, rules};
}
