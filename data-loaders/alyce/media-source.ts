/**
 * The weekly marketing table, from the analyst's file ($DATA_DIR/alyce/alyce_marketing_weekly.csv
 * or .parquet, validated in full) or from the simulation, then staged for the market mix model:
 * sorted by week, data-tested (media-datatests.ts; any failure stops the loader), and turned into
 * the model's input (`MediaMixData`).
 *
 * Media levers are the file's `spend_<lever>` columns: the four documented ones and any more the
 * analyst adds (read from the header before validation, then validated like the others).
 */
import type {MediaMixData} from "../../src/analytics/mmm/types.js";
import {readCsvFile} from "../shared/csv.js";
import {assertDataTests, runDataTests, type DataTestResult} from "../shared/datatests.js";
import {readOptions, reportDataDir, type BuildOptions} from "../shared/options.js";
import {formatIsoDate, type TableSpec} from "../shared/schema.js";
import {loadRawTables, type RawTables} from "../shared/source.js";
import {DataValidationError, tableFile, type TableColumns} from "../shared/validate.js";
import {marketingWeeklyTests} from "./media-datatests.js";
import {simulateMarketingWeekly} from "./media-simulate.js";
import {alyceMarketingWeekly, marketingWeeklyWithLevers, MEDIA_LEVERS, SPEND_PREFIX} from "./schema.js";
import type {MediaTruth} from "./simulate-media.js";

/** The linear (non-media) columns, in the order the model gets them. */
export const CONTROL_COLUMNS = ["discount_pct", "promotion", "thanksgiving", "december_peak", "year_end", "market_index"] as const;

export interface MarketingWeeks {
  spec: TableSpec;
  levers: string[];
  /** The staged table (sorted by week). */
  table: TableColumns;
  source: RawTables["source"];
  /** The simulation's truth, or null for real data. */
  truth: MediaTruth | null;
  dataTests: DataTestResult[];
}

/** Column names of a CSV or Parquet file's header (empty when unreadable: the validator then reports why). */
async function headerOf(path: string): Promise<string[]> {
  try {
    if (path.endsWith(".csv")) {
      for await (const record of readCsvFile(path)) return record.fields.map((f) => f.trim());
      return [];
    }
    const {DuckDBInstance} = await import("@duckdb/node-api");
    const instance = await DuckDBInstance.create(":memory:");
    const connection = await instance.connect();
    try {
      const reader = await connection.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${path.replaceAll("'", "''")}')`);
      return reader.getRowObjectsJS().map((r) => String(r.column_name));
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  } catch {
    return [];
  }
}

/** The media levers of a header: the documented four first, then any other `spend_<lever>` column in file order. */
export function leversFromHeader(header: readonly string[]): string[] {
  const extra = header.filter((h) => h.startsWith(SPEND_PREFIX) && h.length > SPEND_PREFIX.length).map((h) => h.slice(SPEND_PREFIX.length));
  return [...MEDIA_LEVERS, ...extra.filter((l) => !(MEDIA_LEVERS as readonly string[]).includes(l))];
}

/** Rows reordered by week, oldest first. */
export function sortByWeek(table: TableColumns): TableColumns {
  const order = table.week.map((_, i) => i).sort((a, b) => (table.week[a] as number) - (table.week[b] as number));
  return Object.fromEntries(Object.entries(table).map(([name, values]) => [name, order.map((i) => values[i])]));
}

/** Reads (or simulates), stages and data-tests the weekly table. */
export async function loadMarketingWeeks(options: BuildOptions = readOptions()): Promise<MarketingWeeks> {
  const dir = reportDataDir("alyce", options);
  const file = dir ? tableFile(dir, alyceMarketingWeekly.name) : undefined;
  const levers = file ? leversFromHeader(await headerOf(file)) : [...MEDIA_LEVERS];
  const spec = marketingWeeklyWithLevers(levers);
  let truth: MediaTruth | null = null;
  const raw = await loadRawTables("alyce", [spec], (o) => {
    const simulated = simulateMarketingWeekly(o);
    truth = simulated.truth;
    return simulated.tables;
  }, options);
  const table = sortByWeek(raw.tables.get(spec.name)!);
  const dataTests = runDataTests(new Map([[spec.name, table]]), marketingWeeklyTests(spec));
  if (file) {
    // Name the file and the weeks (rows are in week order here, not file order).
    const problems = dataTests
      .filter((r) => r.status === "fail")
      .map((r) => ({file, row: 0, column: "week", message: `fails ${r.test}: ${r.description} (${r.failures} failing: ${r.sample.replace(/row (\d+)/g, (_, i) => `week ${formatIsoDate(table.week[Number(i)] as number)}`)})`}));
    if (problems.length) throw new DataValidationError(problems);
  }
  assertDataTests(dataTests);
  return {spec, levers, table, source: raw.source, truth, dataTests};
}

/**
 * The model's input: media levers from the spend columns, the other columns as linear controls.
 * A control that never changes (no promotion in the data, say) cannot be told from the intercept
 * and is left out; its name is returned in `dropped`.
 */
export function mediaMixDataFromTable(table: TableColumns, levers: readonly string[]): {data: MediaMixData; dropped: string[]} {
  const dropped: string[] = [];
  const controls = CONTROL_COLUMNS.flatMap((name) => {
    const values = table[name] as number[];
    if (values.every((v) => v === values[0])) {
      dropped.push(name);
      return [];
    }
    return [{name, values}];
  });
  return {
    data: {
      dates: table.week.map((d) => formatIsoDate(d as number)),
      sales: table.sales as number[],
      media: levers.map((name) => ({name, spend: table[`${SPEND_PREFIX}${name}`] as number[]})),
      controls
    },
    dropped
  };
}
