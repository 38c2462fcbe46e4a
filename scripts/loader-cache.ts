/**
 * Keeps Framework's data-loader cache honest about the build options. Framework re-runs a loader
 * only when the loader's source (or a module it imports) changed, not when SEED, SCALE or the
 * analyst's files did: without this, `SCALE=tiny npm run build` followed by `npm run build` would
 * publish the tiny data, and an edited CSV would never reach the site. Before each build and
 * preview we compare a fingerprint of the options and of every real-data file (name, size,
 * modification time) with the one stored beside the cache, and empty the cache when they differ.
 *
 * Builds running at the same time in the same checkout share the cache, so they must use the same
 * options (tests and benchmarks that need another scale write to their own folders, not via build).
 */
import {existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from "node:fs";
import {join, relative} from "node:path";
import {readOptions, reportDataDir} from "../data-loaders/shared/options.js";

/** Every file below a folder as "path size mtime" lines, sorted (none when the folder is absent). */
function listing(dir: string): string[] {
  if (!existsSync(dir)) return [`${dir} absent`];
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, {withFileTypes: true})) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) {
        const s = statSync(path);
        out.push(`${relative(dir, path)} ${s.size} ${Math.round(s.mtimeMs)}`);
      }
    }
  };
  walk(dir);
  return out.sort();
}

/** What the loaders' output depends on besides their code: seed, scale, and each report's real files. */
export function buildFingerprint(reports: readonly string[], env: Record<string, string | undefined> = process.env): string {
  const options = readOptions(env);
  const data: Record<string, string[]> = {};
  for (const report of reports) {
    const dir = reportDataDir(report, options, env);
    if (dir) data[report] = [dir, ...listing(dir)];
  }
  return JSON.stringify({seed: options.seed, scale: options.scale, data}, null, 1);
}

/**
 * Empties `<cacheDir>` when the fingerprint differs from the one stored there (or none is stored
 * while the cache holds files), then stores the current one. Returns whether it emptied the cache.
 */
export function ensureLoaderCache(cacheDir: string, fingerprint: string): boolean {
  const stamp = join(cacheDir, ".build-options.json");
  const stored = existsSync(stamp) ? readFileSync(stamp, "utf8") : undefined;
  const holdsFiles = existsSync(cacheDir) && readdirSync(cacheDir).some((name) => name !== ".build-options.json");
  const cleared = stored !== fingerprint && (stored !== undefined || holdsFiles);
  if (cleared) rmSync(cacheDir, {recursive: true, force: true});
  mkdirSync(cacheDir, {recursive: true});
  writeFileSync(stamp, fingerprint);
  return cleared;
}
