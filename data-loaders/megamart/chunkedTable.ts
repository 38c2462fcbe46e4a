/**
 * A raw table handed over chunk by chunk instead of whole: the simulation keeps its biggest table
 * (order lines, millions of rows at large scale) as compact typed arrays and builds the columns of
 * a few thousand rows at a time while DuckDB appends them (duckdb.ts `loadTable`), so the strings
 * and boxed numbers of the whole table never exist at once. Tests and tools that want the whole
 * table call `materialize`.
 */
import type {TableColumns} from "../shared/validate.js";

/** A table produced in row order, `size` rows per chunk (the last one shorter). */
export interface ChunkedTable {
  readonly kind: "chunked";
  /** Rows over all chunks. */
  readonly rows: number;
  /** Column names, in the order of each chunk's keys. */
  readonly columns: readonly string[];
  chunks(size: number): Iterable<TableColumns>;
}

/** A raw table as the pipeline loads it: whole columns (the analyst's files, small tables) or chunks. */
export type RawTable = TableColumns | ChunkedTable;

/** Whether `table` is handed over chunk by chunk. */
export function isChunked(table: RawTable): table is ChunkedTable {
  return (table as Partial<ChunkedTable>).kind === "chunked";
}

/** Rows of a raw table (whole: its first column's length). */
export function rawRows(table: RawTable): number {
  return isChunked(table) ? table.rows : (Object.values(table)[0]?.length ?? 0);
}

/** The whole table as columns (every chunk concatenated). */
export function materialize(table: RawTable): TableColumns {
  if (!isChunked(table)) return table;
  const out: TableColumns = Object.fromEntries(table.columns.map((c) => [c, [] as unknown[]]));
  for (const chunk of table.chunks(65_536)) for (const c of table.columns) for (const v of chunk[c]) out[c].push(v);
  return out;
}
