// The campaign report's loaders as Framework runs them (child processes whose stdout is the file):
// byte-identical output for a seed and scale, the analyst's files read instead of the simulation
// (optional table groups included, or absent), and bad files refused with file, row and column
// named. Spawned loaders run in parallel; the file checks run in-process to keep this file quick
// (the shared runLoader's non-zero exit and empty stdout are checked once here, and in
// test/data-loaders/loaders.test.ts).
import {execFile} from "node:child_process";
import {createHash} from "node:crypto";
import {copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import JSZip from "jszip";
import {readArrow} from "../../data-loaders/shared/arrow.js";
import {loadCustomerFacts, loadExperimentTables, loadJourneyTables} from "../../data-loaders/campaigns/loaders.js";
import {customerGroups, customersAtRisk} from "../../data-loaders/campaigns/transformCustomers.js";
import {experimentDaily} from "../../data-loaders/campaigns/transformExperiments.js";
import {journeyFacts} from "../../data-loaders/campaigns/transformJourneys.js";

const root = join(import.meta.dirname, "..", "..");
const tsx = join(root, "node_modules", ".bin", "tsx");
const fixture = join(root, "test", "fixtures", "real-data", "campaigns");

function run(loader: string, env: Record<string, string>): Promise<{status: number; stdout: Buffer; stderr: string}> {
  return new Promise((resolve) => {
    execFile(tsx, [join(root, "src", "data", "campaigns", loader)], {cwd: root, env: {...process.env, SEED: "", SCALE: "", DATA_DIR: "", CAMPAIGNS_DATA_DIR: "", ...env}, encoding: "buffer", maxBuffer: 1 << 30}, (error, stdout, stderr) => {
      resolve({status: error ? ((error as {code?: number}).code ?? 1) : 0, stdout, stderr: stderr.toString()});
    });
  });
}

const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** A data folder with the fixture's files, minus `omit`, with `edits` applied (file → text transform). */
function dataDir({omit = [], edits = {}}: {omit?: string[]; edits?: Record<string, (text: string) => string>} = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "mr-campaigns-"));
  mkdirSync(join(dir, "campaigns"));
  for (const f of readdirSync(fixture)) {
    if (omit.includes(f)) continue;
    const text = readFileSync(join(fixture, f), "utf8");
    if (edits[f]) writeFileSync(join(dir, "campaigns", f), edits[f](text));
    else copyFileSync(join(fixture, f), join(dir, "campaigns", f));
  }
  return dir;
}

describe("campaign loaders: determinism", () => {
  it("write byte-identical files for the same seed and scale, and different ones for another seed", async () => {
    const loaders = ["customers.zip.ts", "journeys.arrow.ts", "experiments.arrow.ts"];
    const results = await Promise.all([...loaders.flatMap((l) => [run(l, {SEED: "5", SCALE: "tiny"}), run(l, {SEED: "5", SCALE: "tiny"})]), run("journeys.arrow.ts", {SEED: "6", SCALE: "tiny"})]);
    loaders.forEach((loader, i) => {
      const [a, b] = results.slice(2 * i, 2 * i + 2);
      expect(a.stderr, loader).toBe("");
      expect(a.status, loader).toBe(0);
      expect(a.stdout.length, loader).toBeGreaterThan(100);
      expect(sha(b.stdout), loader).toBe(sha(a.stdout));
    });
    expect(sha(results[6].stdout)).not.toBe(sha(results[2].stdout));
  }, 180_000);
});

describe("campaign loaders: the analyst's files", () => {
  it("read every optional group from DATA_DIR", async () => {
    const dir = dataDir();
    const options = {seed: 42, scale: "tiny" as const, dataDir: dir};
    const facts = await loadCustomerFacts(options);
    expect(facts).toBeDefined();
    const {columns} = customerGroups(facts!.facts);
    // Five customers; with five days of history there is no churn model, so no risk bin.
    expect((columns.customers as number[]).reduce((a, b) => a + b, 0)).toBe(5);
    expect(columns.campaign_id).toContain(null); // the organic customer
    expect(new Set(columns.risk_bin)).toEqual(new Set([null]));
    expect(customersAtRisk(facts!.facts).columns.customer_id).toEqual([]);
    expect(facts!.summary).toMatchObject({customers: 5, orders: 7, lifetime: {available: false}, churn: {available: false}});
    const journeys = await loadJourneyTables(options);
    const {journeys: j, touches: t} = journeyFacts(journeys.tables!);
    // Ordered by end: J2 (last touch 03-02 08:00), J1 (converted 03-03 10:00), J3 (03-04 18:30),
    // J5 (converted 03-05 09:15), J4 (last touch 03-05 11:00).
    expect(j.converted).toEqual([false, true, true, true, false]);
    expect(t.journey.length).toBe(9);
    // J1 (row 1) converted at 10:00 on 2025-03-03 after a video touch at 09:00 on 2025-03-01: 49 hours.
    const first = t.journey.indexOf(1);
    expect([t.channel[first], t.campaign_id[first], t.hours_before_end[first]]).toEqual(["video", "V1", 49]);
    const experiments = await loadExperimentTables(options);
    expect(new Set(experimentDaily(experiments.tables!).columns.test_id)).toEqual(new Set(["A1", "A2"]));
    const archive = await run("customers.zip.ts", {DATA_DIR: dir});
    expect(archive.stderr).toBe("");
    const zip = await JSZip.loadAsync(archive.stdout);
    expect(Object.keys(zip.files).sort()).toEqual(["at-risk.arrow", "cohorts.arrow", "groups.arrow", "model.json"]);
    // Five customers of March 2025, each in its own campaign × segment group.
    expect(readArrow(await zip.file("groups.arrow")!.async("uint8array")).numRows).toBe(5);
    const summary = JSON.parse(await zip.file("model.json")!.async("string"));
    expect(summary).toMatchObject({available: true, customers: 5, churn: {available: false}});
    expect(summary).not.toHaveProperty("truth"); // no truth check on real data
    const truth = await run("truth.json.ts", {DATA_DIR: dir});
    expect(JSON.parse(truth.stdout.toString())).toEqual({source: "files"});
  }, 120_000);

  it("leave a group out when its files are absent", async () => {
    const dir = dataDir({omit: ["customers.csv", "orders.csv", "journeys.csv", "touchpoints.csv", "ab_tests.csv", "ab_assignments.csv"]});
    const options = {seed: 42, scale: "tiny" as const, dataDir: dir};
    expect(await loadCustomerFacts(options)).toBeUndefined();
    expect((await loadJourneyTables(options)).tables).toBeUndefined();
    expect((await loadExperimentTables(options)).source).toEqual({kind: "missing", dir: join(dir, "campaigns"), files: ["ab_tests.csv", "ab_assignments.csv"]});
  });

  it("refuse bad files, naming file, row and column", async () => {
    const message = async (promise: Promise<unknown>) => ((await promise.then(() => undefined, (e: Error) => e)) as Error | undefined)?.message ?? "no error";
    const options = (dir: string) => ({seed: 42, scale: "tiny" as const, dataDir: dir});
    const badCustomer = dataDir({edits: {"customers.csv": (t) => t.replace("K3,2025-03-02,S1,Regular", "K3,2025-03-02,S9,Regular")}});
    expect(await message(loadCustomerFacts(options(badCustomer)))).toContain(`${join(badCustomer, "campaigns", "customers.csv")}:4 column "campaign_id": S9 does not exist in campaigns.csv column "campaign_id"`);
    const badOrder = dataDir({edits: {"orders.csv": (t) => t.replace("O5,K3,2025-03-05,55.25", "O5,K3,2025-03-05,-55.25")}});
    expect(await message(loadCustomerFacts(options(badOrder)))).toContain(`${join(badOrder, "campaigns", "orders.csv")}:6 column "revenue": -55.25 is below the minimum 0 USD`);
    const unknownCustomer = dataDir({edits: {"orders.csv": (t) => t.replace("O7,K5,", "O7,K6,")}});
    expect(await message(loadCustomerFacts(options(unknownCustomer)))).toContain(`${join(unknownCustomer, "campaigns", "orders.csv")}:8 column "customer_id": K6 does not exist in customers.csv column "customer_id"`);
    const badTouch = dataDir({edits: {"touchpoints.csv": (t) => t.replace("J2,2025-03-02 08:00:00,display,", "J2,2025-03-02 08:00:00,radio,")}});
    expect(await message(loadJourneyTables(options(badTouch)))).toContain(`${join(badTouch, "campaigns", "touchpoints.csv")}:5 column "channel": "radio" is not an accepted value`);
    const badTime = dataDir({edits: {"journeys.csv": (t) => t.replace("J3,true,2025-03-04 18:30:00", "J3,true,2025-03-04 25:30:00")}});
    expect(await message(loadJourneyTables(options(badTime)))).toContain(`${join(badTime, "campaigns", "journeys.csv")}:4 column "conversion_time": "2025-03-04 25:30:00" is not a timestamp`);
    const lateTouch = dataDir({edits: {"touchpoints.csv": (t) => t.replace("J5,2025-03-05 09:00:00,email,E1", "J5,2025-03-05 09:30:00,email,E1")}});
    const late = await loadJourneyTables(options(lateTouch));
    expect(() => journeyFacts(late.tables!)).toThrow(/touchpoints: touch_before_conversion — 1 failing/);
    const badVariant = dataDir({edits: {"ab_assignments.csv": (t) => t.replace("A2,v4,treatment,2025-03-02,true,70.00", "A2,v4,variant-b,2025-03-02,true,70.00")}});
    expect(await message(loadExperimentTables(options(badVariant)))).toContain(`${join(badVariant, "campaigns", "ab_assignments.csv")}:13 column "variant": "variant-b" is not an accepted value (control, treatment)`);
    const outOfDates = dataDir({edits: {"ab_assignments.csv": (t) => t.replace("A1,v8,treatment,2025-03-05,false,0", "A1,v8,treatment,2025-03-09,false,0")}});
    const dates = await loadExperimentTables(options(outOfDates));
    expect(() => experimentDaily(dates.tables!)).toThrow(/ab_assignments: assigned_during_test — 1 failing/);
    for (const dir of [badCustomer, badOrder, unknownCustomer, badTouch, badTime, lateTouch, badVariant, outOfDates]) rmSync(dir, {recursive: true, force: true});
  });

  it("exit non-zero with nothing on stdout when half of a group is given", async () => {
    const partial = dataDir({omit: ["orders.csv"]});
    const result = await run("customers.zip.ts", {DATA_DIR: partial});
    expect(result.status).not.toBe(0);
    expect(result.stdout.length).toBe(0);
    expect(result.stderr).toContain(`${join(partial, "campaigns", "orders.csv")}: is missing: the customers tables go together (customers.csv, orders.csv)`);
  }, 60_000);
});
