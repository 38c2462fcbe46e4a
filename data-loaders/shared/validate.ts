/**
 * Reads and validates an analyst's real files against a report's raw schema.
 *
 * A report's folder holds one file per table, `<table>.csv` or `<table>.parquet`. Every problem
 * is reported with the file, the row (the CSV line, header = line 1; the Parquet row, first = 1)
 * and the column: missing or unknown columns, wrong types, nulls where none are allowed, values
 * out of range (a negative spend, a date outside the accepted window), unknown categories,
 * duplicate keys and broken references between tables. Loaders call `readReportTables` and
 * stop with `DataValidationError` (non-zero exit, nothing written) if anything is wrong.
 */
import {existsSync, statSync} from "node:fs";
import {basename, join} from "node:path";
import {CsvSyntaxError, readCsvFile} from "./csv.js";
import {parseIsoDate, parseIsoTimestamp, type ColumnSpec, type TableSpec} from "./schema.js";

export interface Problem {
  file: string;
  /** CSV line or Parquet row (1-based); 0 for problems with the file as a whole. */
  row: number;
  column?: string;
  message: string;
}

/** Values of a validated table, column by column (dates as days since epoch, timestamps as ms). */
export type TableColumns = Record<string, unknown[]>;

export class DataValidationError extends Error {
  constructor(readonly problems: Problem[]) {
    super(formatProblems(problems));
    this.name = "DataValidationError";
  }
}

export function formatProblem(p: Problem): string {
  const where = p.row > 0 ? `${p.file}:${p.row}` : p.file;
  return `${where}${p.column ? ` column "${p.column}"` : ""}: ${p.message}`;
}

/** One line per problem, the first `limit` of them, then a count of the rest. */
export function formatProblems(problems: Problem[], limit = 50): string {
  const lines = problems.slice(0, limit).map(formatProblem);
  if (problems.length > limit) lines.push(`… and ${problems.length - limit} more problem(s)`);
  return `${problems.length} problem(s) in the input data:\n${lines.join("\n")}`;
}

type Parsed = {ok: true; value: unknown} | {ok: false; message: string};

/** Parses one cell of text into the column's type, checking range and categories. */
export function parseCell(column: ColumnSpec, text: string | null): Parsed {
  const raw = text === null ? "" : text.trim();
  if (raw === "" || raw.toUpperCase() === "NULL" || raw.toUpperCase() === "NA") {
    return column.nullable ? {ok: true, value: null} : {ok: false, message: `is empty, expected ${describeType(column)}`};
  }
  let value: number | string | boolean;
  switch (column.type) {
    case "int32": {
      if (!/^[+-]?\d+$/.test(raw)) return {ok: false, message: `"${raw}" is not an integer`};
      value = Number(raw);
      if (Math.abs(value) > 2147483647) return {ok: false, message: `${raw} is outside the 32-bit integer range`};
      break;
    }
    case "float64": {
      value = Number(raw);
      if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(raw) || !Number.isFinite(value)) return {ok: false, message: `"${raw}" is not a number`};
      break;
    }
    case "bool": {
      const lower = raw.toLowerCase();
      if (["true", "1", "yes", "t"].includes(lower)) return {ok: true, value: true};
      if (["false", "0", "no", "f"].includes(lower)) return {ok: true, value: false};
      return {ok: false, message: `"${raw}" is not a boolean (true/false)`};
    }
    case "date": {
      const days = parseIsoDate(raw.slice(0, 10)) ;
      if (days === undefined || (raw.length > 10 && !/^\d{4}-\d{2}-\d{2}[T ]00:00(:00(\.0+)?)?Z?$/.test(raw))) return {ok: false, message: `"${raw}" is not a date (YYYY-MM-DD)`};
      value = days;
      break;
    }
    case "timestamp": {
      const ms = parseIsoTimestamp(raw);
      if (ms === undefined) return {ok: false, message: `"${raw}" is not a timestamp (YYYY-MM-DD HH:MM:SS)`};
      value = ms;
      break;
    }
    case "utf8": {
      if (column.values && !column.values.includes(raw)) {
        return {ok: false, message: `"${raw}" is not an accepted value (${column.values.join(", ")})`};
      }
      return {ok: true, value: raw};
    }
  }
  const bound = (b: number | string | undefined) =>
    b === undefined ? undefined : typeof b === "number" ? b : column.type === "date" ? parseIsoDate(b) : parseIsoTimestamp(b);
  const min = bound(column.min);
  const max = bound(column.max);
  if (min !== undefined && (value as number) < min) return {ok: false, message: `${raw} is below the minimum ${column.min}${column.unit ? ` ${column.unit}` : ""}`};
  if (max !== undefined && (value as number) > max) return {ok: false, message: `${raw} is above the maximum ${column.max}${column.unit ? ` ${column.unit}` : ""}`};
  return {ok: true, value};
}

function describeType(column: ColumnSpec): string {
  if (column.values) return `one of ${column.values.join(", ")}`;
  return {int32: "an integer", float64: "a number", utf8: "text", bool: "true or false", date: "a date (YYYY-MM-DD)", timestamp: "a timestamp"}[column.type];
}

interface RawRow {
  row: number;
  cells: Record<string, string | null>;
}

/** Yields header names, then rows, from a CSV or Parquet file; problems with the file itself throw. */
async function* readRows(path: string): AsyncGenerator<string[] | RawRow> {
  if (path.endsWith(".csv")) {
    let header: string[] | undefined;
    for await (const record of readCsvFile(path)) {
      if (!header) {
        header = record.fields.map((f) => f.trim());
        yield header;
        continue;
      }
      const cells: Record<string, string | null> = {};
      if (record.fields.length !== header.length) {
        throw new CsvSyntaxError(path, record.line, `has ${record.fields.length} fields, the header has ${header.length}`);
      }
      header.forEach((name, i) => (cells[name] = record.fields[i]));
      yield {row: record.line, cells};
    }
    if (!header) yield [];
    return;
  }
  const {DuckDBInstance} = await import("@duckdb/node-api");
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    const literal = `'${path.replaceAll("'", "''")}'`;
    const describe = await connection.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet(${literal})`);
    const names = describe.getRowObjectsJS().map((r) => String(r.column_name));
    yield names;
    const cast = names.map((n) => `CAST("${n.replaceAll('"', '""')}" AS VARCHAR) AS "${n.replaceAll('"', '""')}"`).join(", ");
    const result = await connection.stream(`SELECT ${cast} FROM read_parquet(${literal})`);
    let row = 0;
    for (;;) {
      const chunk = await result.fetchChunk();
      if (!chunk || chunk.rowCount === 0) break;
      for (const values of chunk.getRows()) {
        row++;
        const cells: Record<string, string | null> = {};
        names.forEach((n, i) => (cells[n] = values[i] === null ? null : String(values[i])));
        yield {row, cells};
      }
    }
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** The file holding a table in a report folder, if any. */
export function tableFile(dir: string, table: string): string | undefined {
  for (const ext of [".csv", ".parquet"]) {
    const path = join(dir, table + ext);
    if (existsSync(path)) return path;
  }
  return undefined;
}

/** Reads one table's file, parsing each cell and collecting problems (at most `maxProblems`). */
export async function readTable(path: string, spec: TableSpec, {maxProblems = 1000}: {maxProblems?: number} = {}): Promise<{columns: TableColumns; rows: number[]; problems: Problem[]}> {
  const file = path;
  const problems: Problem[] = [];
  const columns: TableColumns = Object.fromEntries(spec.columns.map((c) => [c.name, []]));
  const rows: number[] = [];
  const add = (p: Problem) => {
    if (problems.length < maxProblems) problems.push(p);
  };
  try {
    const stat = statSync(path);
    if (!stat.isFile()) return {columns, rows, problems: [{file, row: 0, message: "is not a file"}]};
  } catch (error) {
    return {columns, rows, problems: [{file, row: 0, message: `cannot be read (${(error as Error).message})`}]};
  }
  const seenKeys = new Map<string, number>();
  const key = spec.primaryKey;
  try {
    let header: string[] | undefined;
    for await (const item of readRows(path)) {
      if (Array.isArray(item)) {
        header = item;
        const missing = spec.columns.filter((c) => !header!.includes(c.name));
        for (const c of missing) add({file, row: 1, column: c.name, message: `is missing (expected ${describeType(c)}; ${c.description})`});
        if (missing.length > 0) return {columns, rows, problems};
        // Extra columns an analyst keeps for their own use are allowed and ignored.
        continue;
      }
      let rowOk = true;
      const values: unknown[] = [];
      for (const c of spec.columns) {
        const parsed = parseCell(c, item.cells[c.name] ?? null);
        if (!parsed.ok) {
          add({file, row: item.row, column: c.name, message: parsed.message});
          rowOk = false;
        }
        values.push(parsed.ok ? parsed.value : null);
      }
      if (key && rowOk) {
        const k = key.map((name) => String(values[spec.columns.findIndex((c) => c.name === name)])).join("\u0000");
        const first = seenKeys.get(k);
        if (first !== undefined) {
          add({file, row: item.row, column: key.join(", "), message: `duplicate key ${key.map((name) => item.cells[name]).join(", ")} (first seen at row ${first})`});
          rowOk = false;
        } else seenKeys.set(k, item.row);
      }
      spec.columns.forEach((c, i) => columns[c.name].push(values[i]));
      rows.push(item.row);
    }
    if (header && header.length === 0) add({file, row: 0, message: "is empty (no header line)"});
  } catch (error) {
    if (error instanceof CsvSyntaxError) add({file, row: error.line, message: error.message.slice(error.message.indexOf(": ", file.length) + 2)});
    else add({file, row: 0, message: `cannot be read as ${path.endsWith(".csv") ? "CSV" : "Parquet"} (${(error as Error).message.split("\n")[0]})`});
  }
  return {columns, rows, problems};
}

/**
 * Reads every table of a report folder, checks references between tables, and throws one
 * DataValidationError listing all problems if there are any.
 */
export async function readReportTables(dir: string, specs: readonly TableSpec[]): Promise<Map<string, TableColumns>> {
  const {tables, problems} = await validateReportDir(dir, specs);
  if (problems.length > 0) throw new DataValidationError(problems);
  return tables;
}

export async function validateReportDir(dir: string, specs: readonly TableSpec[]): Promise<{tables: Map<string, TableColumns>; problems: Problem[]}> {
  const problems: Problem[] = [];
  const tables = new Map<string, TableColumns>();
  const rowsOf = new Map<string, number[]>();
  const files = new Map<string, string>();
  if (!existsSync(dir)) return {tables, problems: [{file: dir, row: 0, message: "folder does not exist"}]};
  for (const spec of specs) {
    const path = tableFile(dir, spec.name);
    if (!path) {
      if (spec.optional) continue;
      problems.push({file: join(dir, `${spec.name}.csv`), row: 0, message: `is missing: expected ${spec.name}.csv or ${spec.name}.parquet (${spec.description})`});
      continue;
    }
    files.set(spec.name, path);
    const result = await readTable(path, spec);
    problems.push(...result.problems);
    tables.set(spec.name, result.columns);
    rowsOf.set(spec.name, result.rows);
  }
  for (const spec of specs) {
    const columns = tables.get(spec.name);
    if (!columns) continue;
    for (const c of spec.columns) {
      if (!c.references) continue;
      const target = tables.get(c.references.table);
      if (!target) continue;
      const known = new Set(target[c.references.column]);
      const values = columns[c.name];
      const rows = rowsOf.get(spec.name)!;
      let reported = 0;
      for (let i = 0; i < values.length; i++) {
        if (values[i] === null || known.has(values[i])) continue;
        if (reported++ < 20) {
          problems.push({file: files.get(spec.name)!, row: rows[i], column: c.name, message: `${values[i]} does not exist in ${basename(files.get(c.references.table)!)} column "${c.references.column}"`});
        }
      }
      if (reported > 20) problems.push({file: files.get(spec.name)!, row: 0, column: c.name, message: `${reported - 20} more value(s) missing from ${c.references.table}.${c.references.column}`});
    }
  }
  return {tables, problems};
}
