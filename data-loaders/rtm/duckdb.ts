/**
 * Native DuckDB for the transforms: a temporary on-disk database with a memory limit (so memory
 * stays bounded as the scale grows: DuckDB spills what does not fit), raw tables created from
 * their TableSpecs and filled through the appender batch by batch, and query results read back
 * as columns for the Arrow writer.
 *
 * Raw timestamps are stored as DOUBLE milliseconds (what the simulation and the CSV reader give)
 * and typed as TIMESTAMP by the staging views (transform.ts).
 */
import {DuckDBInstance, type DuckDBAppender, type DuckDBConnection} from "@duckdb/node-api";
import {mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import type {ColumnBatch, ColumnSpec, TableSpec} from "../shared/schema.js";

export interface Database {
  connection: DuckDBConnection;
  close(): void;
}

export async function openDatabase({memoryLimit = process.env.RTM_DUCKDB_MEMORY ?? "300MB", threads = Number(process.env.RTM_DUCKDB_THREADS ?? 2)}: {memoryLimit?: string; threads?: number} = {}): Promise<Database> {
  const dir = mkdtempSync(join(tmpdir(), "rtm-duckdb-"));
  const instance = await DuckDBInstance.create(join(dir, "rtm.duckdb"), {
    memory_limit: memoryLimit,
    threads: String(threads),
    temp_directory: join(dir, "tmp"),
    preserve_insertion_order: "false"
  });
  const connection = await instance.connect();
  return {
    connection,
    close() {
      connection.closeSync();
      instance.closeSync();
      rmSync(dir, {recursive: true, force: true});
    }
  };
}

function rawSqlType(c: ColumnSpec): string {
  switch (c.type) {
    case "int32":
      return "INTEGER";
    case "float64":
    case "timestamp":
      return "DOUBLE";
    case "bool":
      return "BOOLEAN";
    case "date":
      return "INTEGER";
    case "utf8":
      return "VARCHAR";
  }
}

export const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Creates raw_<table> for a spec (timestamps as DOUBLE ms, dates as INTEGER days). */
export async function createRawTable(db: Database, spec: TableSpec, name = `raw_${spec.name}`): Promise<void> {
  await db.connection.run(`CREATE OR REPLACE TABLE ${quote(name)} (${spec.columns.map((c) => `${quote(c.name)} ${rawSqlType(c)}`).join(", ")})`);
}

/** Appends a column batch to an appender in the spec's column order. */
export function appendBatch(appender: DuckDBAppender, spec: TableSpec, batch: ColumnBatch): number {
  const columns = spec.columns.map((c) => {
    const values = batch[c.name];
    if (!values) throw new Error(`${spec.name}: batch is missing column "${c.name}"`);
    return values;
  });
  const kinds = spec.columns.map((c) => c.type);
  const n = columns[0]?.length ?? 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < columns.length; j++) {
      const v = columns[j][i] as number | string | boolean | null | undefined;
      if (v === null || v === undefined) {
        appender.appendNull();
        continue;
      }
      switch (kinds[j]) {
        case "int32":
        case "date":
          appender.appendInteger(v as number);
          break;
        case "float64":
        case "timestamp":
          appender.appendDouble(v as number);
          break;
        case "bool":
          appender.appendBoolean(v as boolean);
          break;
        case "utf8":
          appender.appendVarchar(String(v));
          break;
      }
    }
    appender.endRow();
  }
  return n;
}

/** Runs a query and returns its rows column by column as plain JS values (BIGINT → number, TIMESTAMP → ms). */
export async function queryColumns(db: Database, sql: string): Promise<Record<string, unknown[]>> {
  const reader = await db.connection.runAndReadAll(sql);
  const names = reader.columnNames();
  const columns = reader.getColumnsJS();
  const out: Record<string, unknown[]> = {};
  names.forEach((name, j) => {
    out[name] = (columns[j] ?? []).map(toPlain);
  });
  return out;
}

function toPlain(v: unknown): unknown {
  if (typeof v === "bigint") return Number(v);
  if (v instanceof Date) return v.getTime();
  return v;
}

/** One row of a query as an object of plain values. */
export async function queryRows(db: Database, sql: string): Promise<Record<string, unknown>[]> {
  const reader = await db.connection.runAndReadAll(sql);
  return reader.getRowObjectsJS().map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, toPlain(v)])));
}
