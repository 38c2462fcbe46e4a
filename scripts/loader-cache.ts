/**
 * Keeps Framework's data-loader cache honest. Framework re-runs a loader only when the loader file
 * itself changed, not when a module it imports, SEED, SCALE or the analyst's files did: without
 * this, `SCALE=tiny npm run build` followed by `npm run build` would publish the tiny data, an
 * edited CSV would never reach the site, and a fix in a report's transform would not show until
 * the cache was cleared by hand. Before each build and preview we compare a fingerprint of those
 * inputs with the one stored beside the cache and empty what it no longer matches:
 *
 *   options, real-data files, shared code (data-loaders/shared, the registry, src/analytics) → the whole cache
 *   one report's code (data-loaders/<report>/, src/<report>/*.ts)                          → that report's folder
 *
 * Code is fingerprinted by content (SHA-1), data files by name, size and modification time.
 * Builds running at the same time in the same checkout share the cache, so they must use the same
 * options (tests and benchmarks that need another scale run loaders directly, not via build).
 */
import {createHash} from "node:crypto";
import {existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from "node:fs";
import {join, relative} from "node:path";
import {readOptions, reportDataDir} from "../data-loaders/shared/options.js";

/** Every file below the given paths (files or folders), sorted; absent paths are skipped. */
function filesBelow(paths: readonly string[], accept: (path: string) => boolean = () => true): string[] {
  const out: string[] = [];
  const walk = (p: string) => {
    if (!existsSync(p)) return;
    if (statSync(p).isFile()) {
      if (accept(p)) out.push(p);
      return;
    }
    for (const entry of readdirSync(p)) walk(join(p, entry));
  };
  paths.forEach(walk);
  return out.sort();
}

/** Every data file of a folder as "path size mtime" lines. */
function dataListing(dir: string): string[] {
  if (!existsSync(dir)) return [`${dir} absent`];
  return filesBelow([dir]).map((path) => {
    const s = statSync(path);
    return `${relative(dir, path)} ${s.size} ${Math.round(s.mtimeMs)}`;
  });
}

/** SHA-1 over the names and contents of the TypeScript (and SQL/JSON) sources below the paths. */
function codeHash(root: string, paths: readonly string[]): string {
  const hash = createHash("sha1");
  for (const file of filesBelow(paths.map((p) => join(root, p)), (f) => /\.(ts|sql|json)$/.test(f))) {
    hash.update(relative(root, file)).update("\0").update(readFileSync(file)).update("\0");
  }
  return hash.digest("hex");
}

export interface Fingerprint {
  /** Inputs every loader depends on: seed, scale, the analyst's files, the shared code. */
  global: {seed: number; scale: string; data: Record<string, string[]>; sharedCode: string};
  /** Each report's own code. */
  reports: Record<string, string>;
}

/** What the loaders' output depends on besides each loader file: options, data files, imported code. */
export function buildFingerprint(root: string, reports: readonly string[], env: Record<string, string | undefined> = process.env): Fingerprint {
  const options = readOptions(env);
  const data: Record<string, string[]> = {};
  for (const report of reports) {
    const dir = reportDataDir(report, options, env);
    if (dir) data[report] = [dir, ...dataListing(dir)];
  }
  const sharedCode = codeHash(root, ["data-loaders/shared", "data-loaders/registry.ts", "src/analytics"]);
  const code: Record<string, string> = {};
  for (const report of reports) code[report] = codeHash(root, [`data-loaders/${report}`, `src/${report}`]);
  return {global: {seed: options.seed, scale: options.scale, data, sharedCode}, reports: code};
}

/**
 * Empties `<cacheDir>` (or one report's folder in it) where the fingerprint no longer matches the
 * stored one, then stores the current one. A cache with files but no stored fingerprint is of
 * unknown provenance and is emptied. Returns what it emptied ("all", report ids, or nothing).
 */
export function ensureLoaderCache(cacheDir: string, fingerprint: Fingerprint): "all" | string[] {
  const stamp = join(cacheDir, ".build-inputs.json");
  let stored: Fingerprint | undefined;
  try {
    stored = existsSync(stamp) ? (JSON.parse(readFileSync(stamp, "utf8")) as Fingerprint) : undefined;
  } catch {
    stored = undefined;
  }
  const holdsFiles = existsSync(cacheDir) && readdirSync(cacheDir).some((name) => !name.startsWith(".build-"));
  let cleared: "all" | string[] = [];
  if (stored === undefined ? holdsFiles : JSON.stringify(stored.global) !== JSON.stringify(fingerprint.global)) {
    rmSync(cacheDir, {recursive: true, force: true});
    cleared = "all";
  } else if (stored) {
    for (const [report, hash] of Object.entries(fingerprint.reports)) {
      if (stored.reports?.[report] === hash) continue;
      const dir = join(cacheDir, report);
      if (existsSync(dir)) {
        rmSync(dir, {recursive: true, force: true});
        cleared.push(report);
      }
    }
  }
  mkdirSync(cacheDir, {recursive: true});
  rmSync(join(cacheDir, ".build-options.json"), {force: true}); // the stamp's earlier name
  writeFileSync(stamp, JSON.stringify(fingerprint, null, 1));
  return cleared;
}
