/**
 * The loader's outputs: each a table spec (for the Arrow writer and the docs) with its columns.
 * `out(...)` keeps the declaration next to the code that computes the table. Numbers (float64)
 * may be NaN, written as Arrow nulls (a rate with no denominator, a model value that does not apply).
 */
import type {ColumnBatch, ColumnSpec, TableSpec} from "../shared/schema.js";

export interface Output {
  spec: TableSpec;
  columns: ColumnBatch;
}

type Col = [name: string, type: ColumnSpec["type"], description: string, extra?: Partial<ColumnSpec>];

/** An output table from a name, a description, its grain and [name, type, description] columns. */
export function out(name: string, description: string, grain: string, columns: Col[], data: ColumnBatch): Output {
  const spec: TableSpec = {name, description, grain, columns: columns.map(([n, type, d, extra]) => ({name: n, type, description: d, ...(type === "float64" ? {nullable: true} : {}), ...extra}))};
  for (const c of spec.columns) if (!(c.name in data)) throw new Error(`${name}: column ${c.name} was not computed`);
  return {spec, columns: data};
}
