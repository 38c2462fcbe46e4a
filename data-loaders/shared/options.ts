/**
 * Build options, read once from the environment: the seed, the scale and where an analyst's own
 * data lives. Every loader calls `readOptions()`; nothing else reads these variables.
 *
 *   SEED       non-negative integer (default 42): same seed and scale → byte-identical files
 *   SCALE      tiny | small | default | large (default "default"): row counts, never the story
 *   DATA_DIR   optional folder with one sub-folder per report of real files in the raw schema
 *              (docs/real-data.md); a report without a sub-folder there is simulated.
 *              `<REPORT>_DATA_DIR` (e.g. CAMPAIGNS_DATA_DIR) names one report's folder, which must exist
 */
import {existsSync} from "node:fs";

export const SCALES = ["tiny", "small", "default", "large"] as const;
export type Scale = (typeof SCALES)[number];

export interface BuildOptions {
  seed: number;
  scale: Scale;
  dataDir: string | undefined;
}

export class OptionsError extends Error {}

export function readOptions(env: Record<string, string | undefined> = process.env): BuildOptions {
  const seedText = env.SEED?.trim() || "42";
  if (!/^\d+$/.test(seedText) || Number(seedText) > 0xffffffff) {
    throw new OptionsError(`SEED must be an integer between 0 and 4294967295, got "${env.SEED}"`);
  }
  const scaleText = (env.SCALE?.trim() || "default") as Scale;
  if (!SCALES.includes(scaleText)) {
    throw new OptionsError(`SCALE must be one of ${SCALES.join(", ")}, got "${env.SCALE}"`);
  }
  const dataDir = env.DATA_DIR?.trim() || undefined;
  return {seed: Number(seedText), scale: scaleText, dataDir};
}

/**
 * The folder of real files for one report, if the analyst gave one: `<REPORT>_DATA_DIR` as given
 * (a missing folder is then an error the loader reports), else `DATA_DIR/<report>` when that folder
 * exists (a report the analyst has no files for is simulated, as `npm run validate` says).
 */
export function reportDataDir(report: string, options: BuildOptions, env: Record<string, string | undefined> = process.env): string | undefined {
  const specific = env[`${report.toUpperCase()}_DATA_DIR`]?.trim();
  if (specific) return specific;
  if (!options.dataDir) return undefined;
  const dir = `${options.dataDir.replace(/\/+$/, "")}/${report}`;
  return existsSync(dir) ? dir : undefined;
}

/** Picks the value for the current scale from a per-scale table (each report documents its own). */
export function byScale<T>(table: Record<Scale, T>, scale: Scale): T {
  return table[scale];
}

/**
 * One phrase saying where the site's numbers come from (the footer of every page): which reports
 * read the analyst's files (`DATA_DIR` or `<REPORT>_DATA_DIR`) and the seed and scale of the
 * simulated rest. Names reports, never local paths (the published site should not reveal them).
 */
export function describeDataSource(reports: readonly {id: string; title: string}[], options: BuildOptions, env: Record<string, string | undefined> = process.env): string {
  const own = reports.filter((r) => reportDataDir(r.id, options, env) !== undefined);
  const simulated = `simulated data (seed ${options.seed}, scale ${options.scale})`;
  if (own.length === 0) return simulated;
  if (own.length === reports.length) return "your own data";
  return `your own data for ${own.map((r) => r.title).join(", ")} and ${simulated} for the rest`;
}
