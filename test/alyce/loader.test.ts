// The Alyce market-mix loader (src/data/alyce/mmm.tar.ts) as Framework runs it, and the weekly
// table's way in: same SEED and SCALE → the same bytes; the hand-made real-data fixture
// (test/fixtures/real-data/alyce/alyce_marketing_weekly.csv, written by make-marketing-weekly.ts)
// builds, with its extra lever; bad files stop with the file, row and column named.
import {spawnSync} from "node:child_process";
import {createHash} from "node:crypto";
import {copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {loadMarketingWeeks} from "../../data-loaders/alyce/media-source.js";
import {readArrow} from "../../data-loaders/shared/arrow.js";
import {untar} from "../../data-loaders/shared/tar.js";
import {DataValidationError} from "../../data-loaders/shared/validate.js";
import type {MmmModel} from "../../src/alyce/mmm-types.js";

const root = join(import.meta.dirname, "..", "..");
const tsx = join(root, "node_modules", ".bin", "tsx");
const loader = "src/data/alyce/mmm.tar.ts";
const fixture = join(root, "test/fixtures/real-data/alyce/alyce_marketing_weekly.csv");

function run(env: Record<string, string>) {
  const result = spawnSync(tsx, [join(root, loader)], {cwd: root, env: {...process.env, SEED: "", SCALE: "", DATA_DIR: "", ALYCE_DATA_DIR: "", ...env}, maxBuffer: 1 << 28});
  return {status: result.status, stdout: result.stdout, stderr: result.stderr.toString()};
}
const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** A temporary data folder holding the fixture, changed by `edit` (CSV text in, CSV text out). */
function dataDir(edit: (csv: string) => string = (csv) => csv): string {
  const dir = mkdtempSync(join(tmpdir(), "alyce-mmm-"));
  mkdirSync(join(dir, "alyce"));
  writeFileSync(join(dir, "alyce", "alyce_marketing_weekly.csv"), edit(readFileSync(fixture, "utf8")));
  return dir;
}
const fileIn = (dir: string) => join(dir, "alyce", "alyce_marketing_weekly.csv");
const lines = (csv: string) => csv.trimEnd().split("\n");
const options = (dir: string) => ({seed: 1, scale: "tiny" as const, dataDir: dir});

async function problemOf(dir: string): Promise<string> {
  const error = await loadMarketingWeeks(options(dir)).then(
    () => null,
    (e: unknown) => e
  );
  expect(error).toBeInstanceOf(DataValidationError);
  return (error as Error).message;
}

describe("Alyce market-mix loader", () => {
  it("writes byte-identical archives for the same seed and scale, different ones for another seed", () => {
    const a = run({SEED: "11", SCALE: "tiny"});
    const b = run({SEED: "11", SCALE: "tiny"});
    const c = run({SEED: "12", SCALE: "tiny"});
    expect(a.stderr).toBe("");
    expect(a.status).toBe(0);
    expect(sha(b.stdout)).toBe(sha(a.stdout));
    expect(sha(c.stdout)).not.toBe(sha(a.stdout));
    const files = untar(a.stdout);
    expect([...files.keys()]).toEqual(["weeks.arrow", "contributions.arrow", "model.json"]);
    // tiny: 156 weeks (media-scale.ts), 30 bootstrap draws; 4 levers + baseline + 3 linear groups per week
    expect(readArrow(files.get("weeks.arrow")!).numRows).toBe(156);
    expect(readArrow(files.get("contributions.arrow")!).numRows).toBe(156 * 8);
    const model = JSON.parse(new TextDecoder().decode(files.get("model.json")!)) as MmmModel;
    expect(model.responseDraws.length).toBe(30);
    expect(model.source).toEqual({kind: "simulation", seed: 11, scale: "tiny"});
  });

  it("fits the hand-made real file, with its extra lever spend_podcast, and publishes no truth", () => {
    const dir = mkdtempSync(join(tmpdir(), "alyce-mmm-"));
    mkdirSync(join(dir, "alyce"));
    copyFileSync(fixture, join(dir, "alyce", "alyce_marketing_weekly.csv"));
    const result = run({DATA_DIR: dir, SCALE: "tiny"});
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const files = untar(result.stdout);
    const model = JSON.parse(new TextDecoder().decode(files.get("model.json")!)) as MmmModel;
    expect(model.leverNames).toEqual(["tv", "search", "social", "display", "podcast"]);
    expect(model.truth).toBeNull();
    expect(model.source.kind).toBe("files");
    // 156 weeks from 2022-01-03 (make-marketing-weekly.ts)
    expect(model.period).toEqual({first: "2022-01-03", last: "2024-12-23", weeks: 156});
    expect(model.dataTests.every((t) => t.status === "pass")).toBe(true);
    expect(readArrow(files.get("contributions.arrow")!).numRows).toBe(156 * 9);
  });

  it("exits non-zero on a bad file, naming file, row and column, and writes nothing", () => {
    const dir = dataDir((csv) => csv.replace(/^(2022-03-07,[^,]+,[^,]+,)([^,]+)/m, "$1-500.00"));
    const result = run({DATA_DIR: dir, SCALE: "tiny"});
    expect(result.status).not.toBe(0);
    expect(result.stdout.length).toBe(0);
    // 2022-03-07 is the tenth week: CSV line 11
    expect(result.stderr).toContain(`${fileIn(dir)}:11 column "spend_search": -500.00 is below the minimum 0 USD`);
  });
});

describe("the weekly table's bad-input cases (validator and data tests)", () => {
  it("a missing column", async () => {
    const dir = dataDir((csv) => lines(csv).map((l) => l.split(",").filter((_, i) => i !== 7).join(",")).join("\n"));
    expect(await problemOf(dir)).toContain(`${fileIn(dir)}:1 column "discount_pct": is missing`);
  });
  it("a wrong type", async () => {
    const dir = dataDir((csv) => csv.replace(/^2022-01-10,[^,]+,/m, "2022-01-10,lots,"));
    expect(await problemOf(dir)).toContain(`${fileIn(dir)}:3 column "sales": "lots" is not a number`);
  });
  it("a duplicate week", async () => {
    const dir = dataDir((csv) => csv.replace(/^2022-01-10,/m, "2022-01-03,"));
    expect(await problemOf(dir)).toContain(`${fileIn(dir)}:3 column "week": duplicate key 2022-01-03 (first seen at row 2)`);
  });
  it("a negative spend in an extra lever column", async () => {
    const dir = dataDir((csv) => csv.replace(/^(2022-01-17(?:,[^,]+){5},)([^,]+)/m, "$1-1"));
    expect(await problemOf(dir)).toContain(`${fileIn(dir)}:4 column "spend_podcast": -1 is below the minimum 0 USD`);
  });
  it("a missing week (gap) and a week that does not start on Monday", async () => {
    const gap = dataDir((csv) => lines(csv).filter((l) => !l.startsWith("2022-02-07")).join("\n"));
    expect(await problemOf(gap)).toContain(`${fileIn(gap)} column "week": fails consecutive_weeks: weeks follow each other 7 days apart, oldest first, with no gap (1 failing: week 2022-02-14)`);
    const tuesday = dataDir((csv) => csv.replace(/^2022-01-10,/m, "2022-01-11,"));
    const message = await problemOf(tuesday);
    expect(message).toContain("fails week_is_monday: every week starts on a Monday (1 failing: week 2022-01-11)");
  });
  it("an unreadable file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "alyce-mmm-"));
    mkdirSync(join(dir, "alyce", "alyce_marketing_weekly.csv"), {recursive: true});
    expect(await problemOf(dir)).toContain(`${fileIn(dir)}: is not a file`);
  });
  it("too few weeks", async () => {
    const dir = dataDir((csv) => lines(csv).slice(0, 81).join("\n"));
    expect(await problemOf(dir)).toContain("fails row_count: between 104 and any number of rows (1 failing: 80 rows)");
  });
  it("the simulation passes every data test", async () => {
    const weeks = await loadMarketingWeeks({seed: 5, scale: "tiny", dataDir: undefined});
    expect(weeks.truth).not.toBeNull();
    expect(weeks.dataTests.length).toBeGreaterThanOrEqual(15);
    expect(weeks.dataTests.filter((t) => t.status === "fail")).toEqual([]);
  });
});
