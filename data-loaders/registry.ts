/**
 * The raw schema of every report that accepts real data, by report id (the sub-folder name under
 * DATA_DIR). A report joins by exporting `rawTables` from data-loaders/<report>/schema.ts, and
 * `optionalRawTables` (specs, or arrays of specs grouped by the page that needs them) for tables it
 * can run without; `npm run validate` and the schema docs (docs/real-data.md) find them there, the
 * optional ones marked `optional: true` (validated when their file is present, skipped when absent).
 */
import {existsSync, readdirSync} from "node:fs";
import {dirname, join} from "node:path";
import {fileURLToPath, pathToFileURL} from "node:url";
import type {TableSpec} from "./shared/schema.js";

const here = dirname(fileURLToPath(import.meta.url));

export async function loadRawSchemas(): Promise<Record<string, readonly TableSpec[]>> {
  const schemas: Record<string, readonly TableSpec[]> = {};
  for (const entry of readdirSync(here, {withFileTypes: true}).sort((a, b) => a.name.localeCompare(b.name))) {
    if (!entry.isDirectory() || entry.name === "shared") continue;
    const file = join(here, entry.name, "schema.ts");
    if (!existsSync(file)) continue;
    const module = (await import(pathToFileURL(file).href)) as {rawTables?: readonly TableSpec[]; optionalRawTables?: Record<string, TableSpec | readonly TableSpec[]>};
    if (!module.rawTables) continue;
    const optional = Object.values(module.optionalRawTables ?? {}).flatMap((group) => (Array.isArray(group) ? group : [group]) as TableSpec[]);
    schemas[entry.name] = [...module.rawTables, ...optional.map((spec) => ({...spec, optional: true}))];
  }
  return schemas;
}
