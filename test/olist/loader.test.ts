// The Olist archive loader as Framework runs it, and real data in: same seed → byte-identical
// archive; the hand-made fixture in the public files' schema loads, validates and builds every
// table; broken files fail with file, row and column, a non-zero exit and nothing on stdout.
import {spawnSync} from "node:child_process";
import {createHash} from "node:crypto";
import {cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {Readable} from "node:stream";
import {extract} from "tar-stream";
import {describe, expect, it} from "vitest";
import {readArrow} from "../../data-loaders/shared/arrow.js";
import {validateReportDir} from "../../data-loaders/shared/validate.js";
import {rawTables} from "../../data-loaders/olist/schema.js";
import {tarArchive} from "../../data-loaders/shared/tar.js";

const root = join(import.meta.dirname, "..", "..");
const tsx = join(root, "node_modules", ".bin", "tsx");
const fixture = join(root, "test", "fixtures", "real-data", "olist");
const loader = "src/data/olist/report.tar.ts";

function runLoader(env: Record<string, string>) {
  const result = spawnSync(tsx, [join(root, loader)], {cwd: root, env: {...process.env, SEED: "", SCALE: "", DATA_DIR: "", OLIST_DATA_DIR: "", ...env}, maxBuffer: 1 << 30});
  return {status: result.status, stdout: result.stdout, stderr: result.stderr.toString()};
}

/** The members of a tar archive, read with tar-stream (the extractor Framework uses). */
async function untar(bytes: Uint8Array): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  const ex = extract();
  Readable.from([Buffer.from(bytes)]).pipe(ex);
  for await (const entry of ex) {
    const chunks: Buffer[] = [];
    for await (const chunk of entry) chunks.push(chunk as Buffer);
    files.set(entry.header.name, Buffer.concat(chunks));
  }
  return files;
}

const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** A copy of the fixture in a DATA_DIR layout ($dir/olist/...), with one file edited. */
function brokenCopy(file?: string, edit?: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), "olist-data-"));
  cpSync(fixture, join(dir, "olist"), {recursive: true});
  rmSync(join(dir, "olist", "make_fixture.py"));
  if (file && edit) writeFileSync(join(dir, "olist", file), edit(readFileSync(join(dir, "olist", file), "utf8")));
  return dir;
}

/** Replaces a field of CSV line n (1-based; header = 1) of a text without quotes in that line. */
const setField = (n: number, column: number, value: string) => (text: string) =>
  text
    .split("\n")
    .map((line, i) => (i === n - 1 ? line.split(",").map((f, j) => (j === column ? value : f)).join(",") : line))
    .join("\n");

describe("tar archive", () => {
  it("round-trips through tar-stream, byte-identical for the same files", async () => {
    const files = [{name: "a.arrow", data: new Uint8Array([1, 2, 3])}, {name: "meta.json", data: new TextEncoder().encode("{}\n")}, {name: "empty.bin", data: new Uint8Array(0)}];
    const bytes = tarArchive(files);
    expect(bytes.length % 512).toBe(0);
    expect(sha(tarArchive(files))).toBe(sha(bytes));
    const back = await untar(bytes);
    expect([...back.keys()]).toEqual(["a.arrow", "meta.json", "empty.bin"]);
    expect([...back.get("a.arrow")!]).toEqual([1, 2, 3]);
    expect(back.get("meta.json")!.toString()).toBe("{}\n");
  });
});

describe("Olist report loader", () => {
  it("writes a byte-identical archive for the same seed and scale, and another for another seed", async () => {
    const a = runLoader({SEED: "3", SCALE: "tiny"});
    const b = runLoader({SEED: "3", SCALE: "tiny"});
    const c = runLoader({SEED: "4", SCALE: "tiny"});
    expect(a.stderr).toBe("");
    expect(a.status).toBe(0);
    expect(sha(b.stdout)).toBe(sha(a.stdout));
    expect(sha(c.stdout)).not.toBe(sha(a.stdout));
    const files = await untar(a.stdout);
    for (const name of ["daily.arrow", "states.arrow", "cohorts.arrow", "rfm_segments.arrow", "marketing.arrow", "uplift_qini.arrow", "ltv_groups.arrow", "rec_metrics.arrow", "shop_recs.arrow", "review_terms.arrow", "meta.json"]) expect(files.has(name), name).toBe(true);
    const meta = JSON.parse(files.get("meta.json")!.toString());
    expect(meta).toMatchObject({source: {kind: "simulation", seed: 3, scale: "tiny"}, hasTouches: true, hasPromotion: true, hasTruth: true});
    // Per-page data stay small: no member above 1 MB at tiny scale.
    for (const [name, data] of files) expect(data.length, name).toBeLessThan(1 << 20);
  });

  it("builds every table from the public files' schema (the hand-made fixture)", async () => {
    const dir = brokenCopy();
    const result = runLoader({DATA_DIR: dir});
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const files = await untar(result.stdout);
    const meta = JSON.parse(files.get("meta.json")!.toString());
    // Fixture counts (make_fixture.py): 90 orders by 60 people, all sales; 113 items; 87 review rows.
    expect(meta).toMatchObject({source: {kind: "files"}, hasTruth: false, hasTouches: true, hasPromotion: true, counts: {people: 60, orders: 90, items: 113, products: 30, sellers: 8, reviews: 87}});
    const states = readArrow(files.get("states.arrow")!);
    const sp = states.toArray().map((r) => r.toJSON()).find((r) => r.state === "SP")!;
    // São Paulo and Campinas are homes of people 0, 1, 8, 9, … (i mod 8 < 2): 16 of 60 people.
    expect(sp.customers).toBe(16);
    const segments = readArrow(files.get("segment_truth.arrow")!);
    expect(segments.numRows).toBe(0); // no planted truth with real data
    const uplift = readArrow(files.get("uplift_models.arrow")!).get(0)!.toJSON();
    expect(uplift).toMatchObject({people_in_test: 40, treated: 20, control: 20});
  });

  it("builds without the optional tables, saying they are missing", async () => {
    const dir = brokenCopy();
    rmSync(join(dir, "olist", "olist_marketing_touches.csv"));
    rmSync(join(dir, "olist", "olist_promotion_assignments.csv"));
    const result = runLoader({DATA_DIR: dir});
    expect(result.status).toBe(0);
    const files = await untar(result.stdout);
    expect(JSON.parse(files.get("meta.json")!.toString())).toMatchObject({hasTouches: false, hasPromotion: false});
    expect(readArrow(files.get("marketing.arrow")!).numRows).toBe(0);
  });

  it("exits non-zero on a bad file, naming file, row and column, and writes nothing", () => {
    // Line 3 of the items file: a negative price.
    const dir = brokenCopy("olist_order_items_dataset.csv", setField(3, 5, "-10.00"));
    const result = runLoader({DATA_DIR: dir});
    expect(result.status).not.toBe(0);
    expect(result.stdout.length).toBe(0);
    expect(result.stderr).toContain(`${join(dir, "olist", "olist_order_items_dataset.csv")}:3 column "price": -10.00 is below the minimum 0 BRL`);
  });

  it("checks the optional promotion table too: an unknown person and an unknown arm", () => {
    const dir = brokenCopy("olist_promotion_assignments.csv", (t) => setField(2, 0, "nobody")(setField(3, 2, "maybe")(t)));
    const result = runLoader({DATA_DIR: dir});
    expect(result.status).not.toBe(0);
    const file = join(dir, "olist", "olist_promotion_assignments.csv");
    expect(result.stderr).toContain(`${file}:3 column "arm": "maybe" is not an accepted value (treatment, control)`);
    expect(result.stderr).toContain(`${file}:2 column "customer_unique_id": nobody does not exist in olist_customers_dataset column "customer_unique_id"`);
  });
});

describe("validating the public files' schema", () => {
  const problemsOf = async (dir: string) => (await validateReportDir(join(dir, "olist"), rawTables)).problems;

  it("accepts the fixture, whose quirks are the real files' (zip prefixes without leading zeros, a review on two orders, an untranslated category)", async () => {
    expect(await problemsOf(brokenCopy())).toEqual([]);
  });

  it("names a review score out of range", async () => {
    const dir = brokenCopy("olist_order_reviews_dataset.csv", setField(2, 2, "6"));
    expect(await problemsOf(dir)).toEqual([{file: join(dir, "olist", "olist_order_reviews_dataset.csv"), row: 2, column: "review_score", message: "6 is above the maximum 5"}]);
  });

  it("names an unknown state and a malformed timestamp", async () => {
    const customers = brokenCopy("olist_customers_dataset.csv", setField(4, 4, "XX"));
    expect(await problemsOf(customers)).toContainEqual({file: join(customers, "olist", "olist_customers_dataset.csv"), row: 4, column: "customer_state", message: expect.stringMatching(/^"XX" is not an accepted value \(AC, AL/)});
    const orders = brokenCopy("olist_orders_dataset.csv", setField(5, 3, "02/10/2017 10:56"));
    expect(await problemsOf(orders)).toContainEqual({file: join(orders, "olist", "olist_orders_dataset.csv"), row: 5, column: "order_purchase_timestamp", message: '"02/10/2017 10:56" is not a timestamp (YYYY-MM-DD HH:MM:SS)'});
  });

  it("names an item whose product is not in the products file", async () => {
    const dir = brokenCopy("olist_order_items_dataset.csv", setField(2, 2, "0000000000000000000000000000dead"));
    expect(await problemsOf(dir)).toContainEqual({file: join(dir, "olist", "olist_order_items_dataset.csv"), row: 2, column: "product_id", message: '0000000000000000000000000000dead does not exist in olist_products_dataset.csv column "product_id"'});
  });

  it("names a missing column and a missing file", async () => {
    const dir = brokenCopy("olist_order_payments_dataset.csv", (t) => t.replace("payment_value", "valor"));
    rmSync(join(dir, "olist", "olist_sellers_dataset.csv"));
    const problems = await problemsOf(dir);
    expect(problems).toContainEqual(expect.objectContaining({file: join(dir, "olist", "olist_order_payments_dataset.csv"), row: 1, column: "payment_value", message: expect.stringMatching(/^is missing/)}));
    expect(problems).toContainEqual(expect.objectContaining({file: join(dir, "olist", "olist_sellers_dataset.csv"), row: 0, message: expect.stringMatching(/^is missing: expected olist_sellers_dataset.csv or olist_sellers_dataset.parquet/)}));
  });

  it("names a duplicate order item key", async () => {
    const dir = brokenCopy("olist_order_items_dataset.csv", (t) => t.trimEnd() + "\n" + t.split("\n")[1] + "\n");
    const lines = readFileSync(join(dir, "olist", "olist_order_items_dataset.csv"), "utf8").trimEnd().split("\n").length;
    expect(await problemsOf(dir)).toContainEqual(expect.objectContaining({row: lines, column: "order_id, order_item_id", message: expect.stringMatching(/^duplicate key .* \(first seen at row 2\)$/)}));
  });
});
