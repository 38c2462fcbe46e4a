// The clients loader (src/data/alyce/clients.tar.ts) as Framework runs it: same seed and scale →
// byte-identical archive; the hand-made real-data fixture builds; bad files stop it with the file,
// row and column named, a non-zero exit and nothing on stdout. Bad-input variants run in-process
// (buildClientReport) to stay fast; one runs as a child process to check the exit code.
import {spawnSync} from "node:child_process";
import {createHash} from "node:crypto";
import {cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {buildClientReport} from "../../data-loaders/alyce/clients-report.js";
import {untar} from "../../data-loaders/shared/tar.js";
import {DataValidationError} from "../../data-loaders/shared/validate.js";
import {FIXTURE_DATA_DIR, rowsOf} from "./clients-fixture.js";

const root = join(import.meta.dirname, "..", "..");
const loader = join(root, "src/data/alyce/clients.tar.ts");
const run = (env: Record<string, string>) => {
  const r = spawnSync(join(root, "node_modules", ".bin", "tsx"), [loader], {cwd: root, env: {...process.env, SEED: "", SCALE: "", DATA_DIR: "", ALYCE_DATA_DIR: "", ...env}, maxBuffer: 1 << 30});
  return {status: r.status, stdout: r.stdout, stderr: r.stderr.toString()};
};
const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** A copy of the fixture folder (as DATA_DIR/alyce) with one file rewritten by `edit`. */
function brokenCopy(file: string, edit: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), "alyce-clients-"));
  cpSync(join(FIXTURE_DATA_DIR, "alyce"), join(dir, "alyce"), {recursive: true});
  const path = join(dir, "alyce", file);
  writeFileSync(path, edit(readFileSync(path, "utf8")));
  return dir;
}

async function failure(dataDir: string): Promise<Error> {
  try {
    await buildClientReport({seed: 0, scale: "tiny", dataDir});
  } catch (error) {
    return error as Error;
  }
  throw new Error("the build did not fail");
}

describe("clients loader", () => {
  it("writes a byte-identical archive for the same seed and scale", () => {
    const a = run({SEED: "7", SCALE: "tiny"});
    expect(a.stderr).toBe("");
    expect(a.status).toBe(0);
    const b = run({SEED: "7", SCALE: "tiny"});
    expect(sha(b.stdout)).toBe(sha(a.stdout));
    const files = untar(a.stdout);
    expect([...files.keys()]).toEqual(["dim_client.arrow", "dim_service.arrow", "dim_gift.arrow", "fct_client_months.arrow", "fct_gift_months.arrow", "fct_recipient_months.arrow", "dim_recipient_counts.arrow", "fct_sends.arrow", "meta.json"]);
    const meta = JSON.parse(new TextDecoder().decode(files.get("meta.json")));
    // tiny: 40 clients over WEEKS_PER_SCALE.tiny = 156 weeks from 2021-01-04.
    expect(meta).toMatchObject({source: "simulation", seed: 7, scale: "tiny", firstDay: "2021-01-04"});
    expect(rowsOf([...files].map(([name, data]) => ({name, data})), "dim_client").length).toBe(40);
  }, 60_000);

  it("builds from the hand-made real-data fixture", () => {
    const r = run({DATA_DIR: FIXTURE_DATA_DIR});
    expect(r.stderr).toBe("");
    const files = [...untar(r.stdout)].map(([name, data]) => ({name, data}));
    const meta = JSON.parse(new TextDecoder().decode(files.find((f) => f.name === "meta.json")!.data));
    expect(meta).toMatchObject({source: "files", firstDay: "2024-01-10", lastDay: "2024-06-01", sends: 7});
    // C1's facts: 50 + 200 + 150 + 55 = 455 in 4 sends (alyce_facts.csv, checked against the sends).
    expect(rowsOf<{client_id: string; total_spent: number; gifts_sent: number}>(files, "dim_client")[0]).toMatchObject({client_id: "C1", total_spent: 455, gifts_sent: 4});
  }, 30_000);

  it("exits non-zero on bad files, naming file, row and column, and writes nothing", () => {
    const dir = brokenCopy("alyce_giftdata.csv", (t) => t.replace("G2,Branded hoodie,Swag,Merch Inc,20", "G2,Branded hoodie,Swag,Merch Inc,-20"));
    const r = run({DATA_DIR: dir});
    expect(r.status).not.toBe(0);
    expect(r.stdout.length).toBe(0);
    expect(r.stderr).toMatch(/alyce_giftdata\.csv:3 column "price": -20 is below the minimum 0 USD/);
  }, 30_000);
});

describe("clients loader: bad input", () => {
  it("a missing column", async () => {
    const error = await failure(brokenCopy("alyce_client.csv", (t) => t.replaceAll(",region", "").replace(/,(North America|EMEA|LATAM)(?=,)/g, "")));
    expect(error).toBeInstanceOf(DataValidationError);
    expect(error.message).toMatch(/alyce_client\.csv:1 column "region": is missing/);
  });
  it("a wrong type", async () => {
    const error = await failure(brokenCopy("alyce_clientexpenditure.csv", (t) => t.replace("2024-03-05,150,1", "2024-03-05,150,one")));
    expect(error.message).toMatch(/alyce_clientexpenditure\.csv:4 column "quantity": "one" is not an integer/);
  });
  it("a negative price", async () => {
    const error = await failure(brokenCopy("alyce_clientexpenditure.csv", (t) => t.replace("2024-06-01,55,1", "2024-06-01,-55,1")));
    expect(error.message).toMatch(/alyce_clientexpenditure\.csv:8 column "price": -55 is below the minimum 0 USD/);
  });
  it("a duplicate client_id", async () => {
    const error = await failure(brokenCopy("alyce_client.csv", (t) => t.replace("C4,Dune", "C3,Dune")));
    expect(error.message).toMatch(/alyce_client\.csv:5 column "client_id": duplicate key C3 \(first seen at row 4\)/);
  });
  it("a send from a client that does not exist", async () => {
    const error = await failure(brokenCopy("alyce_clientexpenditure.csv", (t) => t.replace("E7,C1,", "E7,C9,")));
    expect(error.message).toMatch(/alyce_clientexpenditure\.csv:8 column "client_id": C9 does not exist in alyce_client\.csv column "client_id"/);
  });
  it("an unreadable file", async () => {
    const dir = brokenCopy("alyce_recipient.csv", (t) => t);
    // A Parquet file that is not Parquet, in place of the CSV.
    const {rmSync} = await import("node:fs");
    rmSync(join(dir, "alyce", "alyce_recipient.csv"));
    writeFileSync(join(dir, "alyce", "alyce_recipient.parquet"), "this is not parquet");
    const error = await failure(dir);
    expect(error.message).toMatch(/alyce_recipient\.parquet: cannot be read as Parquet/);
  });
  it("facts that disagree with the sends fail the data tests, naming the file and the client", async () => {
    const error = await failure(brokenCopy("alyce_facts.csv", (t) => t.replace("C2,640,2", "C2,600,2")));
    expect(error).toBeInstanceOf(DataValidationError);
    expect(error.message).toMatch(/alyce_facts\.csv: fails facts_match_sends: total_spent and gifts_sent equal the sums over the client's sends \(to the cent\) \(1 failing: client_id C2\)/);
  });
  it("a gift sent to another client's recipient fails the build, naming the send", async () => {
    // E7 is C1's; R3 belongs to C2.
    const error = await failure(brokenCopy("alyce_clientexpenditure.csv", (t) => t.replace("E7,C1,R2", "E7,C1,R3")));
    expect(error.message).toMatch(/alyce_clientexpenditure\.csv: fails recipient_belongs_to_client: .*\(1 failing: expenditure_id E7\)/);
  });
});
