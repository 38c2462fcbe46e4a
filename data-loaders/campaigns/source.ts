/**
 * Where the campaign report's optional tables come from. With no data folder they are simulated.
 * With one, a group (e.g. customers + orders) is read, validated in full through the shared
 * `loadRawTables`, together with the tables it references, when all its files are present; when
 * none is present the group is absent and the page that needs it says so; when only some are
 * present the loader stops with a message naming the missing files (a half-supplied group is
 * almost always a mistake).
 */
import {join} from "node:path";
import {readOptions, reportDataDir, type BuildOptions} from "../shared/options.js";
import type {TableSpec} from "../shared/schema.js";
import {loadRawTables, type RawTables} from "../shared/source.js";
import {DataValidationError, tableFile, type TableColumns} from "../shared/validate.js";
import {campaigns, optionalRawTables, type OptionalGroup} from "./schema.js";

export const REPORT = "campaigns";

/** The group's specs plus the required tables its columns reference (campaigns), in dependency order. */
export function groupSpecs(group: OptionalGroup): TableSpec[] {
  const specs: TableSpec[] = [...optionalRawTables[group]];
  const referencesCampaigns = specs.some((s) => s.columns.some((c) => c.references?.table === "campaigns"));
  return referencesCampaigns ? [campaigns, ...specs] : specs;
}

export type OptionalTables = RawTables | {tables: undefined; source: {kind: "missing"; dir: string; files: string[]}};

export async function loadOptionalTables(group: OptionalGroup, simulate: (options: BuildOptions) => Map<string, TableColumns>, options: BuildOptions = readOptions()): Promise<OptionalTables> {
  const dir = reportDataDir(REPORT, options);
  const specs = groupSpecs(group);
  if (dir) {
    const own = optionalRawTables[group];
    const present = own.filter((s) => tableFile(dir, s.name));
    const expected = own.map((s) => `${s.name}.csv`);
    if (present.length === 0) return {tables: undefined, source: {kind: "missing", dir, files: expected}};
    if (present.length < own.length) {
      const missing = own.filter((s) => !present.includes(s));
      throw new DataValidationError(
        missing.map((s) => ({
          file: join(dir, `${s.name}.csv`),
          row: 0,
          message: `is missing: the ${group} tables go together (${expected.join(", ")}); add ${s.name}.csv or ${s.name}.parquet (${s.description}), or remove ${present.map((p) => p.name).join(", ")}`
        }))
      );
    }
  }
  return loadRawTables(REPORT, specs, simulate, options);
}
