// Bad input, one problem at a time: each must be reported with its file, row and column.
import {copyFileSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {rawTables} from "../../data-loaders/campaigns/schema.js";
import {DataValidationError, readReportTables, validateReportDir} from "../../data-loaders/shared/validate.js";

const fixture = join(import.meta.dirname, "..", "fixtures", "real-data", "campaigns");

/** A copy of the good fixture with `daily_metrics.csv` (or another file) edited. */
function brokenCopy(edit: (text: string) => string, file = "daily_metrics.csv"): string {
  const dir = mkdtempSync(join(tmpdir(), "mr-validate-"));
  for (const name of ["campaigns.csv", "daily_metrics.csv"]) copyFileSync(join(fixture, name), join(dir, name));
  writeFileSync(join(dir, file), edit(readFileSync(join(dir, file), "utf8")));
  return dir;
}

/** Replaces line `n` (1-based) of a CSV text. */
const replaceLine = (n: number, replacement: (line: string) => string) => (text: string) =>
  text
    .split("\n")
    .map((l, i) => (i === n - 1 ? replacement(l) : l))
    .join("\n");

async function problemsOf(dir: string) {
  return (await validateReportDir(dir, rawTables)).problems;
}

describe("real data validation", () => {
  it("accepts the good fixture and returns typed columns", async () => {
    const tables = await readReportTables(fixture, rawTables);
    const daily = tables.get("daily_metrics")!;
    expect(daily.date.length).toBe(13);
    expect(daily.date[0]).toBe(Date.UTC(2025, 2, 1) / 86_400_000);
    expect(daily.spend[0]).toBe(850.5);
    expect(tables.get("campaigns")!.campaign_name[0]).toBe("Search, brand");
  });

  it("names a missing column", async () => {
    const dir = brokenCopy((t) => t.replace("spend,", "cost,").replace(/^([^,]*,){5}/gm, (m) => m));
    const problems = await problemsOf(dir);
    expect(problems).toContainEqual(expect.objectContaining({file: join(dir, "daily_metrics.csv"), row: 1, column: "spend", message: expect.stringMatching(/is missing/)}));
  });

  it("names a wrong type with file, line and column", async () => {
    const dir = brokenCopy(replaceLine(4, (l) => l.replace(",540,", ",lots,")));
    const problems = await problemsOf(dir);
    expect(problems).toEqual([{file: join(dir, "daily_metrics.csv"), row: 4, column: "clicks", message: '"lots" is not an integer'}]);
  });

  it("rejects a negative spend", async () => {
    const dir = brokenCopy(replaceLine(7, (l) => l.replace(",90.00,", ",-90.00,")));
    const problems = await problemsOf(dir);
    expect(problems).toEqual([{file: join(dir, "daily_metrics.csv"), row: 7, column: "spend", message: "-90.00 is below the minimum 0 USD"}]);
  });

  it("rejects a duplicate key and points at the first occurrence", async () => {
    const dir = brokenCopy((t) => t.trimEnd() + "\n2025-03-02,E1,1,1,0,1.00,0,0\n");
    const problems = await problemsOf(dir);
    expect(problems).toEqual([{file: join(dir, "daily_metrics.csv"), row: 15, column: "date, campaign_id", message: "duplicate key 2025-03-02, E1 (first seen at row 5)"}]);
  });

  it("rejects a duplicate id in a dimension table", async () => {
    const dir = brokenCopy((t) => t.trimEnd() + "\nS1,Copy,search,2025-03-01\n", "campaigns.csv");
    const problems = await problemsOf(dir);
    expect(problems).toContainEqual(expect.objectContaining({file: join(dir, "campaigns.csv"), row: 5, column: "campaign_id", message: expect.stringMatching(/duplicate key S1/)}));
  });

  it("rejects an unknown category and lists the accepted ones", async () => {
    const dir = brokenCopy(replaceLine(3, (l) => l.replace(",email,", ",fax,")), "campaigns.csv");
    const problems = await problemsOf(dir);
    expect(problems).toContainEqual({file: join(dir, "campaigns.csv"), row: 3, column: "channel", message: '"fax" is not an accepted value (search, social, display, email, video, affiliate)'});
  });

  it("rejects a date that does not exist or is out of range", async () => {
    const dir = brokenCopy((t) => replaceLine(2, (l) => l.replace("2025-03-01", "2025-02-30"))(replaceLine(3, (l) => l.replace("2025-03-01", "1899-12-31"))(t)));
    const problems = await problemsOf(dir);
    expect(problems).toContainEqual({file: join(dir, "daily_metrics.csv"), row: 2, column: "date", message: '"2025-02-30" is not a date (YYYY-MM-DD)'});
    expect(problems).toContainEqual({file: join(dir, "daily_metrics.csv"), row: 3, column: "date", message: "1899-12-31 is below the minimum 2000-01-01"});
  });

  it("rejects a reference to a campaign that does not exist", async () => {
    const dir = brokenCopy(replaceLine(6, (l) => l.replace(",S1,", ",S9,")));
    const problems = await problemsOf(dir);
    expect(problems).toEqual([{file: join(dir, "daily_metrics.csv"), row: 6, column: "campaign_id", message: 'S9 does not exist in campaigns.csv column "campaign_id"'}]);
  });

  it("rejects an empty required cell and a short row", async () => {
    const dir = brokenCopy((t) => replaceLine(8, (l) => l.replace(",6,", ",,"))(replaceLine(9, () => "2025-03-04,S1,1")(t)));
    const problems = await problemsOf(dir);
    expect(problems).toContainEqual({file: join(dir, "daily_metrics.csv"), row: 8, column: "conversions", message: "is empty, expected an integer"});
    expect(problems).toContainEqual({file: join(dir, "daily_metrics.csv"), row: 9, message: "has 3 fields, the header has 8"});
  });

  it("reports a missing table file and an unreadable one", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mr-validate-"));
    copyFileSync(join(fixture, "campaigns.csv"), join(dir, "campaigns.csv"));
    let problems = await problemsOf(dir);
    expect(problems).toEqual([expect.objectContaining({file: join(dir, "daily_metrics.csv"), row: 0, message: expect.stringMatching(/is missing: expected daily_metrics\.csv or daily_metrics\.parquet/)})]);
    mkdirSync(join(dir, "daily_metrics.parquet"));
    problems = await problemsOf(dir);
    expect(problems).toEqual([{file: join(dir, "daily_metrics.parquet"), row: 0, message: "is not a file"}]);
    const garbage = mkdtempSync(join(tmpdir(), "mr-validate-"));
    copyFileSync(join(fixture, "campaigns.csv"), join(garbage, "campaigns.csv"));
    writeFileSync(join(garbage, "daily_metrics.parquet"), "this is not parquet");
    problems = await problemsOf(garbage);
    expect(problems).toEqual([expect.objectContaining({file: join(garbage, "daily_metrics.parquet"), row: 0, message: expect.stringMatching(/cannot be read as Parquet/)})]);
  });

  it("reads Parquet files with the same checks, rows numbered from 1", async () => {
    const {DuckDBInstance} = await import("@duckdb/node-api");
    const dir = mkdtempSync(join(tmpdir(), "mr-validate-"));
    copyFileSync(join(fixture, "campaigns.csv"), join(dir, "campaigns.csv"));
    const db = await DuckDBInstance.create(":memory:");
    const c = await db.connect();
    const csv = join(fixture, "daily_metrics.csv").replaceAll("'", "''");
    const out = join(dir, "daily_metrics.parquet").replaceAll("'", "''");
    await c.run(`COPY (SELECT * REPLACE (CASE WHEN campaign_id = 'V1' AND date = DATE '2025-03-04' THEN -1 ELSE spend END AS spend) FROM read_csv('${csv}')) TO '${out}' (FORMAT parquet)`);
    c.closeSync();
    db.closeSync();
    const problems = await problemsOf(dir);
    // Row 10 of the Parquet file is line 11 of the CSV (V1 on 2025-03-04).
    expect(problems).toEqual([{file: join(dir, "daily_metrics.parquet"), row: 10, column: "spend", message: "-1.0 is below the minimum 0 USD"}]);
  });

  it("throws one error that lists every problem", async () => {
    const dir = brokenCopy((t) => replaceLine(4, (l) => l.replace(",540,", ",x,"))(replaceLine(5, (l) => l.replace(",90.00,", ",-1,"))(t)));
    const error = await readReportTables(dir, rawTables).catch((e) => e);
    expect(error).toBeInstanceOf(DataValidationError);
    expect(error.message).toMatch(/^2 problem\(s\) in the input data:/);
    expect(error.message).toContain(`${join(dir, "daily_metrics.csv")}:4 column "clicks": "x" is not an integer`);
    expect(error.message).toContain(`${join(dir, "daily_metrics.csv")}:5 column "spend": -1 is below the minimum 0 USD`);
  });

  it("skips an optional table whose file is absent, and validates it in full when present", async () => {
    // A made-up optional table referencing campaigns.csv: absent → no problem; present with an unknown campaign → named.
    const notes = {
      name: "campaign_notes",
      description: "Notes on campaigns (test only).",
      grain: "note",
      optional: true,
      columns: [
        {name: "campaign_id", type: "utf8", references: {table: "campaigns", column: "campaign_id"}, description: "Campaign."},
        {name: "note", type: "utf8", description: "Text."}
      ]
    } as const;
    const specs = [...rawTables, notes];
    const dir = brokenCopy((t) => t);
    expect(await validateReportDir(dir, specs).then((r) => r.problems)).toEqual([]);
    writeFileSync(join(dir, "campaign_notes.csv"), "campaign_id,note\nNOPE,hello\n");
    const problems = (await validateReportDir(dir, specs)).problems;
    expect(problems).toEqual([expect.objectContaining({file: join(dir, "campaign_notes.csv"), row: 2, column: "campaign_id", message: expect.stringMatching(/NOPE does not exist in campaigns.csv/)})]);
    // Without the flag the same absence is an error.
    expect((await validateReportDir(brokenCopy((t) => t), [...rawTables, {...notes, optional: false}])).problems).toEqual([expect.objectContaining({message: expect.stringMatching(/is missing/)})]);
  });
});
