/**
 * Where a report's raw tables come from: the analyst's files when a data folder is given
 * (validated in full first: any problem stops the loader with every problem listed), otherwise
 * the report's seeded simulation. Both give the same shape, so transforms never know the difference.
 */
import {readOptions, reportDataDir, type BuildOptions} from "./options.js";
import type {TableSpec} from "./schema.js";
import {readReportTables, type TableColumns} from "./validate.js";

export interface RawTables {
  tables: Map<string, TableColumns>;
  source: {kind: "simulation"; seed: number; scale: string} | {kind: "files"; dir: string};
}

export async function loadRawTables(
  report: string,
  specs: readonly TableSpec[],
  simulate: (options: BuildOptions) => Map<string, TableColumns>,
  options: BuildOptions = readOptions()
): Promise<RawTables> {
  const dir = reportDataDir(report, options);
  if (dir) return {tables: await readReportTables(dir, specs), source: {kind: "files", dir}};
  return {tables: simulate(options), source: {kind: "simulation", seed: options.seed, scale: options.scale}};
}
