/**
 * The whole build of the real-time marketing report, usable by the loader, the tests and the
 * benchmark: raw tables (the analyst's files, validated, or the streaming simulation) → native
 * DuckDB → staging, facts, dimensions, aggregates → data tests (the build stops on any failure)
 * → one Arrow file per output.
 */
import {assertDataTests, runDataTests, testsFromSpec, type DataTest, type DataTestResult, type ModelTests} from "../shared/datatests.js";
import {arrowBytes, inBatches} from "../shared/arrow.js";
import {readOptions, reportDataDir, type BuildOptions} from "../shared/options.js";
import {createProgress} from "../shared/progress.js";
import {DAY_MS, type TableSpec} from "../shared/schema.js";
import {loadRawTables} from "../shared/source.js";
import type {TableColumns} from "../shared/validate.js";
import {DEFAULT_RESERVE_PRICE} from "../../src/analytics/auction.js";
import {appendBatch, createRawTable, openDatabase, queryRows, queryColumns, quote, type Database} from "./duckdb.js";
import {parseWktPolygon, pointInRing, ringToGeoJson} from "./geo.js";
import {RATE_LIMITS} from "./matching.js";
import {rawTables} from "./schema.js";
import {simulateRtm, simulateRtmBatches, TRUTH_TABLE, type TableBatch} from "./simulate.js";
import {AGGREGATE_SQL, DATA_QUALITY_SQL, MODEL_SQL, OUTPUTS, STAGING_SQL, WAREHOUSE_MODELS} from "./transform.js";

export const REPORT = "rtm";

const truthSpec: TableSpec = {
  name: TRUTH_TABLE,
  description: "Simulated truth per notification.",
  grain: "notification",
  columns: [
    {name: "notification_id", type: "int32", description: "Notification."},
    {name: "p_without", type: "float64", description: "True probability of a purchase at the vendor within the window without it."},
    {name: "p_with", type: "float64", description: "The same with it."},
    {name: "p_without_early", type: "float64", description: "As p_without, within the incrementality window."},
    {name: "p_with_early", type: "float64", description: "As p_with, within the incrementality window."}
  ]
};

export interface PipelineResult {
  /** Output files by name (`<table>.arrow`), in a fixed order. */
  files: Map<string, Uint8Array>;
  /** Output tables as columns (small), for tests. */
  tables: Map<string, TableColumns>;
  /** Rows ingested per raw table. */
  rawRows: Record<string, number>;
  dataTests: DataTestResult[];
  source: "simulation" | "files";
  /** Seconds spent simulating + loading raw events, transforming in SQL, and testing + writing outputs. */
  seconds: {ingest: number; transform: number; outputs: number};
  /** The process's peak resident memory (MB) when the events were loaded, and at the end. */
  peakRssMb: {ingest: number; end: number};
}

/** Streams raw batches into raw_* tables. */
async function ingest(db: Database, batches: Iterable<TableBatch> | AsyncIterable<TableBatch>, {progress = false} = {}): Promise<Record<string, number>> {
  const specs = new Map([...rawTables, truthSpec].map((s) => [s.name, s]));
  for (const spec of specs.values()) await createRawTable(db, spec, spec === truthSpec ? TRUTH_TABLE : undefined);
  const appenders = new Map<string, Awaited<ReturnType<Database["connection"]["createAppender"]>>>();
  const rows: Record<string, number> = Object.fromEntries([...specs.keys()].map((k) => [k, 0]));
  const bar = progress ? createProgress("rtm: raw events") : undefined;
  let sinceCheckpoint = 0;
  for await (const {table, batch} of batches as AsyncIterable<TableBatch>) {
    const spec = specs.get(table);
    if (!spec) throw new Error(`rtm: unknown raw table ${table}`);
    let appender = appenders.get(table);
    if (!appender) appenders.set(table, (appender = await db.connection.createAppender(spec === truthSpec ? TRUTH_TABLE : `raw_${table}`)));
    const n = appendBatch(appender, spec, batch);
    rows[table] += n;
    bar?.tick(n);
    // Commit and checkpoint every million rows, so appended data can leave memory for the file.
    sinceCheckpoint += n;
    if (sinceCheckpoint >= (Number(process.env.RTM_CHECKPOINT_ROWS) || 1_000_000)) {
      for (const a of appenders.values()) a.flushSync();
      await db.connection.run("CHECKPOINT");
      sinceCheckpoint = 0;
    }
  }
  for (const a of appenders.values()) a.closeSync();
  bar?.done();
  return rows;
}

function* tableBatches(tables: Map<string, TableColumns>): Generator<TableBatch> {
  for (const [table, batch] of tables) yield {table, batch};
}

const count = async (db: Database, sql: string) => Number((await queryRows(db, `SELECT count(*) AS n FROM (${sql})`))[0].n);

const sqlValue = (v: string) => `'${v.replaceAll("'", "''")}'`;

/**
 * The tests a spec implies (shared testsFromSpec: unique, not null, accepted values, relationships)
 * plus its numeric bounds, run in SQL on the warehouse table: the large facts never come into JS.
 */
async function warehouseTests(db: Database, spec: TableSpec): Promise<DataTest[]> {
  const t = quote(spec.name);
  const tests: {name: string; description: string; sql: string}[] = testsFromSpec(spec).map((test) => {
    switch (test.kind) {
      case "unique":
        return {name: `unique(${test.columns.join(", ")})`, description: `no two rows share ${test.columns.join(" + ")}`, sql: `SELECT 1 FROM ${t} GROUP BY ${test.columns.map(quote).join(", ")} HAVING count(*) > 1`};
      case "not_null":
        return {name: `not_null(${test.column})`, description: `${test.column} is never missing`, sql: `SELECT 1 FROM ${t} WHERE ${quote(test.column)} IS NULL`};
      case "accepted_values":
        return {name: `accepted_values(${test.column})`, description: `${test.column} is one of ${test.values.join(", ")}`, sql: `SELECT 1 FROM ${t} WHERE ${quote(test.column)} NOT IN (${test.values.map(sqlValue).join(", ")})`};
      case "relationships":
        return {name: `relationships(${test.column} → ${test.to.table}.${test.to.column})`, description: `every ${test.column} exists in ${test.to.table}`, sql: `SELECT 1 FROM ${t} WHERE ${quote(test.column)} IS NOT NULL AND ${quote(test.column)} NOT IN (SELECT ${quote(test.to.column)} FROM ${quote(test.to.table)})`};
      default:
        throw new Error(`rtm: no SQL form for data test ${test.kind}`);
    }
  });
  for (const c of spec.columns) {
    if (typeof c.min === "number") tests.push({name: `min(${c.name})`, description: `${c.name} ≥ ${c.min}`, sql: `SELECT 1 FROM ${t} WHERE ${quote(c.name)} < ${c.min}`});
    if (typeof c.max === "number") tests.push({name: `max(${c.name})`, description: `${c.name} ≤ ${c.max}`, sql: `SELECT 1 FROM ${t} WHERE ${quote(c.name)} > ${c.max}`});
  }
  tests.push({name: "row_count", description: "at least one row", sql: `SELECT 1 WHERE (SELECT count(*) FROM ${t}) = 0`});
  const out: DataTest[] = [];
  for (const {name, description, sql} of tests) {
    const failures = await count(db, sql);
    out.push({kind: "expression", name, description, failures: () => failures});
  }
  return out;
}

/** Notifications outside their offer's zone, read chunk by chunk (memory does not grow with the data). */
async function notificationsOutsideZones(db: Database, zones: Map<number, [number, number][]>): Promise<number> {
  const result = await db.connection.stream("SELECT offer_id, longitude, latitude FROM fct_notifications");
  let outside = 0;
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    const [offers, lons, lats] = chunk.getColumns() as [number[], number[], number[]];
    for (let i = 0; i < offers.length; i++) {
      const ring = zones.get(Number(offers[i]));
      if (!ring || !pointInRing(lons[i], lats[i], ring)) outside++;
    }
  }
  return outside;
}

/** Business-rule checks computed in SQL (the tables they check are too large to bring into JS). */
async function ruleChecks(db: Database): Promise<{model: string; test: DataTest}[]> {
  const checks: [string, string, string, string][] = [
    ["fct_notifications", "rate_limit_subscriber", `no subscriber notified twice within ${RATE_LIMITS.subscriberIntervalMs / 60_000} minutes`,
      `SELECT 1 FROM (SELECT notified_at - lag(notified_at) OVER (PARTITION BY subscriber_id ORDER BY notified_at) AS gap FROM stg_notifications) WHERE gap < INTERVAL ${RATE_LIMITS.subscriberIntervalMs / 60_000} MINUTE`],
    ["fct_notifications", "rate_limit_offer", `no offer sent to the same subscriber twice within ${RATE_LIMITS.offerIntervalMs / 3_600_000} hours`,
      `SELECT 1 FROM (SELECT notified_at - lag(notified_at) OVER (PARTITION BY subscriber_id, offer_id ORDER BY notified_at) AS gap FROM stg_notifications) WHERE gap < INTERVAL ${RATE_LIMITS.offerIntervalMs / 3_600_000} HOUR`],
    ["fct_notifications", "won_its_auction", "every notification is the winning match of its decision",
      `SELECT 1 FROM stg_notifications n WHERE NOT EXISTS (SELECT 1 FROM stg_offer_matches m WHERE m.decision_id = n.decision_id AND m.offer_id = n.offer_id AND m.outcome = 'won')`],
    ["fct_notifications", "one_winner_per_auction", "every auction has exactly one winner, and every winner was sent",
      `SELECT 1 FROM fct_auctions a WHERE a.winners <> 1 OR a.price_paid IS NULL`],
    ["fct_notifications", "second_price", `price paid = max(reserve ${DEFAULT_RESERVE_PRICE}, second-highest bid), never above the winning bid`,
      `SELECT 1 FROM fct_auctions WHERE abs(price_paid - least(winning_bid, greatest(${DEFAULT_RESERVE_PRICE}, coalesce(second_bid, ${DEFAULT_RESERVE_PRICE})))) > 0.005`],
    ["fct_notifications", "in_required_segments", "the recipient was in every segment the offer requires when it matched (recomputed from raw events)",
      `WITH req AS (
         SELECT n.notification_id, n.subscriber_id, m.matched_at, g.kind, g.target,
                CASE g.window WHEN 'minute' THEN INTERVAL 1 MINUTE WHEN 'hour' THEN INTERVAL 1 HOUR WHEN 'day' THEN INTERVAL 1 DAY ELSE INTERVAL 7 DAY END AS w
         FROM stg_notifications n JOIN (SELECT DISTINCT decision_id, matched_at FROM stg_offer_matches) m USING (decision_id)
         JOIN stg_offer_segments os ON os.offer_id = n.offer_id JOIN stg_segments g USING (segment_id))
       SELECT 1 FROM req r WHERE NOT (
            (r.kind = 'cell' AND EXISTS (SELECT 1 FROM stg_locations l WHERE l.subscriber_id = r.subscriber_id AND l.olc = r.target AND l.recorded_at BETWEEN r.matched_at - r.w AND r.matched_at))
         OR (r.kind = 'domain' AND EXISTS (SELECT 1 FROM stg_web_requests q WHERE q.subscriber_id = r.subscriber_id AND q.domain = r.target AND q.requested_at BETWEEN r.matched_at - r.w AND r.matched_at))
         OR (r.kind = 'vendor_purchase' AND EXISTS (SELECT 1 FROM purchases_deduped p WHERE p.subscriber_id = r.subscriber_id AND CAST(p.vendor_id AS VARCHAR) = r.target AND p.purchased_at BETWEEN r.matched_at - r.w AND r.matched_at)))`],
    ["fct_attributed_purchases", "credited_to_earlier_notification", "every credited purchase follows its notification of the same subscriber and vendor within the window",
      `SELECT 1 FROM purchases_attributed a JOIN stg_notifications n USING (notification_id) WHERE n.subscriber_id <> a.subscriber_id OR n.vendor_id <> a.vendor_id OR a.minutes_after_notification < 0 OR a.minutes_after_notification >= 24 * 60`],
    ["fct_attributed_purchases", "purchases_split_exactly", "attributed + organic = deduplicated purchases, each once",
      `SELECT 1 FROM (SELECT (SELECT count(*) FROM purchases_attributed) AS a, (SELECT count(DISTINCT purchase_id) FROM purchases_attributed) AS d, (SELECT count(*) FROM purchases_deduped) AS p) WHERE a <> p OR d <> p`],
    ["fct_attributed_purchases", "natural_key_unique", "no two kept purchases share subscriber, vendor, time and amount",
      `SELECT subscriber_id, vendor_id, purchased_at, amount FROM purchases_deduped GROUP BY ALL HAVING count(*) > 1`]
  ];
  const out: {model: string; test: DataTest}[] = [];
  for (const [model, name, description, sql] of checks) {
    const failures = await count(db, sql);
    out.push({model, test: {kind: "expression", name, description, failures: () => failures}});
  }
  return out;
}

export async function runRtmPipeline({options = readOptions(), progress = false, batchRows}: {options?: BuildOptions; progress?: boolean; batchRows?: number} = {}): Promise<PipelineResult> {
  const dir = reportDataDir(REPORT, options);
  const db = await openDatabase();
  const t0 = performance.now();
  let t1 = t0;
  let t2 = t0;
  try {
    let rawRows: Record<string, number>;
    if (dir) {
      const {tables} = await loadRawTables(REPORT, rawTables, simulateRtm, options);
      rawRows = await ingest(db, tableBatches(tables));
    } else {
      rawRows = await ingest(db, simulateRtmBatches(options, {batchRows}), {progress});
    }
    t1 = performance.now();
    const ingestPeak = process.resourceUsage().maxRSS / 1024;
    for (const sql of [...STAGING_SQL, ...MODEL_SQL, ...AGGREGATE_SQL, ...DATA_QUALITY_SQL]) {
      try {
        await db.connection.run(sql);
      } catch (error) {
        throw new Error(`rtm transform failed: ${(error as Error).message}\nin: ${sql.slice(0, 300)}`);
      }
    }
    t2 = performance.now();
    // Outputs as columns (dates to days; zones from WKT to GeoJSON).
    const tables = new Map<string, TableColumns>();
    for (const {spec, sql} of OUTPUTS) {
      const columns = await queryColumns(db, sql);
      for (const c of spec.columns) {
        if (c.type === "date") columns[c.name] = columns[c.name].map((v) => (v == null ? null : Math.round((v as number) / DAY_MS)));
        if (c.type === "int32") columns[c.name] = columns[c.name].map((v) => (v == null ? null : Number(v)));
      }
      if (spec.name === "dim_offers") {
        columns.zone_geojson = (columns.zone_wkt as string[]).map((wkt, i) => {
          try {
            return JSON.stringify(ringToGeoJson(parseWktPolygon(wkt)));
          } catch (error) {
            throw new Error(`offers: offer ${columns.offer_id[i]} zone_wkt: ${(error as Error).message}`);
          }
        });
        delete columns.zone_wkt;
      }
      tables.set(spec.name, columns);
    }

    // Data tests: the specs' own (unique, not null, accepted values, relationships), row counts,
    // and business rules.
    const models: ModelTests[] = OUTPUTS.map(({spec}) => ({model: spec.name, tests: testsFromSpec(spec)}));
    for (const spec of WAREHOUSE_MODELS) {
      models.push({model: spec.name, tests: await warehouseTests(db, spec)});
      tables.set(spec.name, {}); // tested in the warehouse; nothing of it is held here
    }
    const add = (model: string, test: DataTest) => models.find((m) => m.model === model)!.tests = [...models.find((m) => m.model === model)!.tests, test];
    for (const name of ["dim_cities", "dim_vendors", "dim_offers", "agg_kpis"]) add(name, {kind: "row_count", min: 1});
    for (const {model, test} of await ruleChecks(db)) add(model, test);
    const offers = tables.get("dim_offers")!;
    const zones = new Map(offers.offer_id.map((id, i) => [id as number, JSON.parse(offers.zone_geojson[i] as string).coordinates[0] as [number, number][]]));
    const outside = await notificationsOutsideZones(db, zones);
    add("fct_notifications", {kind: "expression", name: "inside_offer_zone", description: "every notification was sent where the subscriber stood inside the offer's zone", failures: () => outside});
    const dataTests = assertDataTests(runDataTests(tables, models));

    const files = new Map<string, Uint8Array>();
    for (const {spec} of OUTPUTS) files.set(`${spec.name}.arrow`, await arrowBytes(spec, inBatches(spec, tables.get(spec.name)!)));
    files.set("data_tests.arrow", await arrowBytes(dataTestsSpec, inBatches(dataTestsSpec, {
      model: dataTests.map((r) => r.model),
      test: dataTests.map((r) => r.test),
      description: dataTests.map((r) => r.description),
      failures: dataTests.map((r) => r.failures),
      status: dataTests.map((r) => r.status)
    })));
    const t3 = performance.now();
    return {files, tables, rawRows, dataTests, source: dir ? "files" : "simulation", seconds: {ingest: (t1 - t0) / 1000, transform: (t2 - t1) / 1000, outputs: (t3 - t2) / 1000}, peakRssMb: {ingest: ingestPeak, end: process.resourceUsage().maxRSS / 1024}};
  } finally {
    db.close();
  }
}

export const dataTestsSpec: TableSpec = {
  name: "data_tests",
  description: "Every data test of the build and its result.",
  grain: "test",
  columns: [
    {name: "model", type: "utf8", description: "Model tested."},
    {name: "test", type: "utf8", description: "Test."},
    {name: "description", type: "utf8", description: "What it checks."},
    {name: "failures", type: "int32", description: "Failing rows."},
    {name: "status", type: "utf8", values: ["pass", "fail"], description: "Result."}
  ]
};
