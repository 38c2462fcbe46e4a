/**
 * Table schemas, declared once and used three ways: to type the simulation's output, to validate
 * an analyst's real files (validate.ts) and to write Arrow (arrow.ts). docs/real-data.md is
 * generated from the same declarations (scripts/schema-docs.ts), so the documentation cannot drift.
 */

export type ColumnType = "int32" | "float64" | "utf8" | "bool" | "date" | "timestamp";

export interface ColumnSpec {
  name: string;
  type: ColumnType;
  description: string;
  /** Missing values allowed (empty CSV cell or null). Default false. */
  nullable?: boolean;
  /** Inclusive bounds for numbers; ISO dates (YYYY-MM-DD) for date and timestamp columns. */
  min?: number | string;
  max?: number | string;
  /** Accepted values of a categorical column (written to Arrow as a dictionary). */
  values?: readonly string[];
  /** Foreign key: every value must exist in this column of that table of the same report. */
  references?: {table: string; column: string};
  /** Unit shown in the docs, e.g. "USD", "days". */
  unit?: string;
}

export interface TableSpec {
  name: string;
  description: string;
  /** What one row is, in a sentence. */
  grain: string;
  columns: readonly ColumnSpec[];
  /** Columns whose combination is unique. */
  primaryKey?: readonly string[];
  /**
   * The report runs without this table (a page says the data is missing). When its file is present
   * it is validated in full like the others; when absent, validation skips it instead of failing.
   */
  optional?: boolean;
}

/** Typed column storage for each column type. */
export type ColumnData =
  | Float64Array
  | Int32Array
  | (string | null)[]
  | (boolean | null)[]
  | (number | null)[];

/** A batch of rows stored column by column, keyed by column name. */
export type ColumnBatch = Record<string, ArrayLike<unknown>>;

export function column(spec: TableSpec, name: string): ColumnSpec {
  const found = spec.columns.find((c) => c.name === name);
  if (!found) throw new Error(`${spec.name}: no column "${name}" in the schema`);
  return found;
}

/** The number of rows in a column batch, checking that all columns agree. */
export function batchLength(spec: TableSpec, batch: ColumnBatch): number {
  let length: number | undefined;
  for (const c of spec.columns) {
    const values = batch[c.name];
    if (values === undefined) throw new Error(`${spec.name}: batch is missing column "${c.name}"`);
    if (length === undefined) length = values.length;
    else if (values.length !== length) {
      throw new Error(`${spec.name}: column "${c.name}" has ${values.length} rows, expected ${length}`);
    }
  }
  return length ?? 0;
}

const DAY_MS = 86_400_000;

/** Parses YYYY-MM-DD to days since 1970-01-01 (UTC), or undefined if it is not a real date. */
export function parseIsoDate(text: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const ms = Date.UTC(+m[1], +m[2] - 1, +m[3]);
  const d = new Date(ms);
  if (d.getUTCFullYear() !== +m[1] || d.getUTCMonth() !== +m[2] - 1 || d.getUTCDate() !== +m[3]) return undefined;
  return ms / DAY_MS;
}

/** Parses an ISO timestamp (date, then T or space, then time; Z or offset optional, UTC assumed). */
export function parseIsoTimestamp(text: string): number | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(text);
  if (!m) return undefined;
  const day = parseIsoDate(m[1]);
  if (day === undefined) return undefined;
  const [h, min, s] = [+(m[2] ?? 0), +(m[3] ?? 0), +(m[4] ?? 0)];
  if (h > 23 || min > 59 || s > 60) return undefined;
  let ms = day * DAY_MS + ((h * 60 + min) * 60 + s) * 1000 + Math.round(Number(m[5] ?? 0) * 1000);
  if (m[6] && m[6] !== "Z") {
    const sign = m[6][0] === "-" ? -1 : 1;
    const digits = m[6].slice(1).replace(":", "");
    ms -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  }
  return ms;
}

export function formatIsoDate(days: number): string {
  return new Date(days * DAY_MS).toISOString().slice(0, 10);
}

export {DAY_MS};
