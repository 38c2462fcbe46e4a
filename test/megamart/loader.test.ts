// The report's archive loader as Framework runs it: byte-identical for a seed and scale, the
// analyst's files instead of the simulation when DATA_DIR is set, bad files named by file, row and
// column, and a fixture that passes validation but breaks a data test stopping the build with the
// model, the test and the failing values in the message.
import {spawnSync} from "node:child_process";
import {createHash} from "node:crypto";
import {cpSync, mkdtempSync, readFileSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";

const root = join(import.meta.dirname, "..", "..");
const loader = "src/data/megamart/report.tar.ts";
const fixture = join(root, "test", "fixtures", "real-data", "megamart");

function run(env: Record<string, string>) {
  const result = spawnSync(join(root, "node_modules", ".bin", "tsx"), [join(root, loader)], {cwd: root, env: {...process.env, SEED: "", SCALE: "", DATA_DIR: "", MEGAMART_DATA_DIR: "", ...env}, maxBuffer: 1 << 30});
  return {status: result.status, stdout: result.stdout, stderr: result.stderr.toString()};
}

/** File names in a tar archive (ustar headers). */
function tarNames(bytes: Buffer): string[] {
  const names: string[] = [];
  let offset = 0;
  while (offset + 512 <= bytes.length) {
    const name = bytes.subarray(offset, offset + 100).toString("utf8").replace(/\0.*$/s, "");
    if (!name) break;
    const size = parseInt(bytes.subarray(offset + 124, offset + 136).toString("utf8").replace(/\0.*$/s, ""), 8);
    names.push(name);
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return names;
}

function copyFixture(): string {
  const dir = mkdtempSync(join(tmpdir(), "megamart-"));
  cpSync(fixture, join(dir, "megamart"), {recursive: true});
  return dir;
}

const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

describe("MegaMart report loader", () => {
  it("writes a byte-identical archive for the same seed and scale, another for another seed", () => {
    const a = run({SEED: "7", SCALE: "tiny"});
    const b = run({SEED: "7", SCALE: "tiny"});
    const c = run({SEED: "8", SCALE: "tiny"});
    expect(a.status, a.stderr).toBe(0);
    expect(sha(b.stdout)).toBe(sha(a.stdout));
    expect(sha(c.stdout)).not.toBe(sha(a.stdout));
    expect(tarNames(a.stdout)).toEqual(expect.arrayContaining(["rpt_daily_sales.arrow", "dim_store.arrow", "lineage.json", "segments.json", "churn.json", "abtests.json", "uplift.json", "truth.json", "meta.json"]));
  }, 120_000);

  it("builds from an analyst's files when DATA_DIR is set (no truth file, models that need more data say so)", () => {
    const result = run({DATA_DIR: copyFixture()});
    expect(result.status, result.stderr).toBe(0);
    const names = tarNames(result.stdout);
    expect(names).not.toContain("truth.json");
    const text = result.stdout.toString("latin1");
    expect(text).toContain('"kind":"files"');
    expect(text).toContain('"status":"insufficient data"');
  }, 60_000);

  it("names the file, row and column of a bad value and writes nothing", () => {
    const dir = copyFixture();
    const path = join(dir, "megamart", "order_items.csv");
    writeFileSync(path, readFileSync(path, "utf8").replace("O2,1,P3,1,129.00,", "O2,1,P3,-1,129.00,"));
    const result = run({DATA_DIR: dir});
    expect(result.status).not.toBe(0);
    expect(result.stdout.length).toBe(0);
    expect(result.stderr).toContain(`${path}:5 column "quantity": -1 is below the minimum 0`);
  }, 60_000);

  it("stops on a failing data test with the model, the test and the offending value", () => {
    // Valid raw data (the raw schema does not tie lines to products), but a line sells a product
    // that is not in the product master: the relationship test of stg_order_items fails.
    const dir = copyFixture();
    const path = join(dir, "megamart", "order_items.csv");
    writeFileSync(path, readFileSync(path, "utf8").replace("O9,1,P6,1,6.90,", "O9,1,P99,1,6.90,"));
    const result = run({DATA_DIR: dir});
    expect(result.status).not.toBe(0);
    expect(result.stdout.length).toBe(0);
    expect(result.stderr).toContain("data test(s) failed");
    expect(result.stderr).toContain("stg_order_items: relationships(product_id → stg_products.product_id) — 1 failing (P99)");
  }, 60_000);
});
