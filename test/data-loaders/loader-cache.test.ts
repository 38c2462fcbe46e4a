// The data-loader cache is emptied when the build options or the analyst's files change, and only then.
import {existsSync, mkdirSync, mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {buildFingerprint, ensureLoaderCache} from "../../scripts/loader-cache.js";

function cacheWithFile(): {cache: string; file: string} {
  const cache = join(mkdtempSync(join(tmpdir(), "mr-cache-")), "data");
  mkdirSync(join(cache, "campaigns"), {recursive: true});
  const file = join(cache, "campaigns", "daily.arrow");
  writeFileSync(file, "cached");
  return {cache, file};
}

describe("loader cache", () => {
  it("keeps the cache while the options stay the same, empties it when the scale or seed changes", () => {
    const {cache, file} = cacheWithFile();
    const defaults = buildFingerprint(["campaigns"], {});
    // A cache of unknown provenance (no stamp) is emptied once.
    expect(ensureLoaderCache(cache, defaults)).toBe(true);
    expect(existsSync(file)).toBe(false);
    mkdirSync(join(cache, "campaigns"));
    writeFileSync(file, "rebuilt");
    expect(ensureLoaderCache(cache, buildFingerprint(["campaigns"], {}))).toBe(false);
    expect(existsSync(file)).toBe(true);
    expect(ensureLoaderCache(cache, buildFingerprint(["campaigns"], {SCALE: "tiny"}))).toBe(true);
    expect(existsSync(file)).toBe(false);
    expect(ensureLoaderCache(cache, buildFingerprint(["campaigns"], {SCALE: "tiny", SEED: "7"}))).toBe(true);
  });

  it("empties it when a real-data file is added, changed or removed", () => {
    const data = mkdtempSync(join(tmpdir(), "mr-data-"));
    mkdirSync(join(data, "campaigns"));
    writeFileSync(join(data, "campaigns", "campaigns.csv"), "a\n1\n");
    const env = {DATA_DIR: data};
    const {cache} = cacheWithFile();
    ensureLoaderCache(cache, buildFingerprint(["campaigns"], env));
    expect(ensureLoaderCache(cache, buildFingerprint(["campaigns"], env))).toBe(false);
    writeFileSync(join(data, "campaigns", "campaigns.csv"), "a\n1\n2\n"); // size changes
    expect(ensureLoaderCache(cache, buildFingerprint(["campaigns"], env))).toBe(true);
    writeFileSync(join(data, "campaigns", "daily_metrics.csv"), "x\n");
    expect(ensureLoaderCache(cache, buildFingerprint(["campaigns"], env))).toBe(true);
    // Dropping DATA_DIR (back to the simulation) is a change too.
    expect(ensureLoaderCache(cache, buildFingerprint(["campaigns"], {}))).toBe(true);
  });

  it("does nothing to an empty cache on the first run", () => {
    const cache = join(mkdtempSync(join(tmpdir(), "mr-cache-")), "data");
    expect(ensureLoaderCache(cache, buildFingerprint(["campaigns"], {}))).toBe(false);
    expect(existsSync(join(cache, ".build-options.json"))).toBe(true);
  });
});
