// The data-loader cache is emptied where its inputs changed (options, data files, loader code), and only there.
import {cpSync, existsSync, mkdirSync, mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {buildFingerprint, ensureLoaderCache} from "../../scripts/loader-cache.js";

/** A miniature checkout: shared code, two reports' code, and a cache with a file per report. */
function checkout(): {root: string; cache: string; cached: (report: string) => boolean; fill: () => void} {
  const root = mkdtempSync(join(tmpdir(), "mr-cache-"));
  for (const dir of ["data-loaders/shared", "data-loaders/campaigns", "data-loaders/olist", "src/analytics", "src/campaigns"]) mkdirSync(join(root, dir), {recursive: true});
  writeFileSync(join(root, "data-loaders/shared/random.ts"), "export const a = 1;\n");
  writeFileSync(join(root, "data-loaders/campaigns/simulate.ts"), "export const b = 1;\n");
  writeFileSync(join(root, "data-loaders/olist/simulate.ts"), "export const c = 1;\n");
  writeFileSync(join(root, "src/analytics/metrics.ts"), "export const d = 1;\n");
  writeFileSync(join(root, "src/campaigns/budget.ts"), "export const e = 1;\n");
  const cache = join(root, "src/.observablehq/cache/data");
  const fill = () => {
    for (const report of ["campaigns", "olist"]) {
      mkdirSync(join(cache, report), {recursive: true});
      writeFileSync(join(cache, report, "out.arrow"), "cached");
    }
  };
  fill();
  return {root, cache, cached: (report) => existsSync(join(cache, report, "out.arrow")), fill};
}

const REPORTS = ["campaigns", "olist"];

describe("loader cache", () => {
  it("keeps the cache while nothing changes, empties it all when the scale or seed changes", () => {
    const {root, cache, cached, fill} = checkout();
    // A cache of unknown provenance (no stamp) is emptied once.
    expect(ensureLoaderCache(cache, buildFingerprint(root, REPORTS, {}))).toBe("all");
    fill();
    expect(ensureLoaderCache(cache, buildFingerprint(root, REPORTS, {}))).toEqual([]);
    expect(cached("campaigns") && cached("olist")).toBe(true);
    expect(ensureLoaderCache(cache, buildFingerprint(root, REPORTS, {SCALE: "tiny"}))).toBe("all");
    expect(cached("campaigns") || cached("olist")).toBe(false);
    expect(ensureLoaderCache(cache, buildFingerprint(root, REPORTS, {SCALE: "tiny", SEED: "7"}))).toBe("all");
  });

  it("empties it all when a real-data file is added, changed or removed", () => {
    const {root, cache} = checkout();
    const data = mkdtempSync(join(tmpdir(), "mr-data-"));
    mkdirSync(join(data, "campaigns"));
    writeFileSync(join(data, "campaigns", "campaigns.csv"), "a\n1\n");
    const env = {DATA_DIR: data};
    ensureLoaderCache(cache, buildFingerprint(root, REPORTS, env));
    expect(ensureLoaderCache(cache, buildFingerprint(root, REPORTS, env))).toEqual([]);
    writeFileSync(join(data, "campaigns", "campaigns.csv"), "a\n1\n2\n"); // size changes
    expect(ensureLoaderCache(cache, buildFingerprint(root, REPORTS, env))).toBe("all");
    writeFileSync(join(data, "campaigns", "daily_metrics.csv"), "x\n");
    expect(ensureLoaderCache(cache, buildFingerprint(root, REPORTS, env))).toBe("all");
    // Dropping DATA_DIR (back to the simulation) is a change too.
    expect(ensureLoaderCache(cache, buildFingerprint(root, REPORTS, {}))).toBe("all");
  });

  it("empties only the report whose code changed, and everything when shared code changed", () => {
    const {root, cache, cached, fill} = checkout();
    ensureLoaderCache(cache, buildFingerprint(root, REPORTS, {}));
    fill();
    writeFileSync(join(root, "data-loaders/campaigns/simulate.ts"), "export const b = 2;\n");
    expect(ensureLoaderCache(cache, buildFingerprint(root, REPORTS, {}))).toEqual(["campaigns"]);
    expect([cached("campaigns"), cached("olist")]).toEqual([false, true]);
    fill();
    writeFileSync(join(root, "src/campaigns/budget.ts"), "export const e = 2;\n"); // a page module a loader imports
    expect(ensureLoaderCache(cache, buildFingerprint(root, REPORTS, {}))).toEqual(["campaigns"]);
    fill();
    writeFileSync(join(root, "src/analytics/metrics.ts"), "export const d = 2;\n");
    expect(ensureLoaderCache(cache, buildFingerprint(root, REPORTS, {}))).toBe("all");
    // Same content, new modification time (a fresh checkout): nothing to do.
    fill();
    ensureLoaderCache(cache, buildFingerprint(root, REPORTS, {}));
    cpSync(join(root, "data-loaders/olist/simulate.ts"), join(root, "data-loaders/olist/copy.tmp")); // not a source file: ignored
    writeFileSync(join(root, "data-loaders/olist/simulate.ts"), "export const c = 1;\n");
    expect(ensureLoaderCache(cache, buildFingerprint(root, REPORTS, {}))).toEqual([]);
  });

  it("does nothing to an empty cache on the first run", () => {
    const root = mkdtempSync(join(tmpdir(), "mr-cache-"));
    const cache = join(root, "data");
    expect(ensureLoaderCache(cache, buildFingerprint(root, REPORTS, {}))).toEqual([]);
    expect(existsSync(join(cache, ".build-inputs.json"))).toBe(true);
  });
});
