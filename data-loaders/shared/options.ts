/**
 * Build options, read once from the environment: the seed, the scale and where an analyst's own
 * data lives. Every loader calls `readOptions()`; nothing else reads these variables.
 *
 *   SEED       non-negative integer (default 42): same seed and scale → byte-identical files
 *   SCALE      tiny | small | default | large (default "default"): row counts, never the story
 *   DATA_DIR   optional folder with one sub-folder per report of real files in the raw schema
 *              (docs/real-data.md); `<REPORT>_DATA_DIR` (e.g. CAMPAIGNS_DATA_DIR) overrides it
 */
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

/** The folder of real files for one report, if the analyst gave one. */
export function reportDataDir(report: string, options: BuildOptions, env: Record<string, string | undefined> = process.env): string | undefined {
  const specific = env[`${report.toUpperCase()}_DATA_DIR`]?.trim();
  if (specific) return specific;
  return options.dataDir ? `${options.dataDir.replace(/\/+$/, "")}/${report}` : undefined;
}

/** Picks the value for the current scale from a per-scale table (each report documents its own). */
export function byScale<T>(table: Record<Scale, T>, scale: Scale): T {
  return table[scale];
}
