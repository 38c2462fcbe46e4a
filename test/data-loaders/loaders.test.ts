// Loaders as Framework runs them: a child process whose stdout is the file. Same seed and scale
// must give byte-identical Arrow; bad real data must exit non-zero with the problem named and
// nothing on stdout.
import {spawnSync} from "node:child_process";
import {createHash} from "node:crypto";
import {copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {readArrow} from "../../data-loaders/shared/arrow.js";

const root = join(import.meta.dirname, "..", "..");
const tsx = join(root, "node_modules", ".bin", "tsx");

export function runLoader(loader: string, env: Record<string, string>) {
  const result = spawnSync(tsx, [join(root, loader)], {cwd: root, env: {...process.env, SEED: "", SCALE: "", DATA_DIR: "", ...env}, maxBuffer: 1 << 30});
  return {status: result.status, stdout: result.stdout, stderr: result.stderr.toString()};
}

const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

describe("campaign daily loader", () => {
  const loader = "src/data/campaigns/daily.arrow.ts";

  it("writes byte-identical Arrow for the same seed and scale, and different bytes for another seed", () => {
    const a = runLoader(loader, {SEED: "11", SCALE: "tiny"});
    const b = runLoader(loader, {SEED: "11", SCALE: "tiny"});
    const c = runLoader(loader, {SEED: "12", SCALE: "tiny"});
    expect(a.status).toBe(0);
    expect(a.stdout.length).toBeGreaterThan(1000);
    expect(sha(b.stdout)).toBe(sha(a.stdout));
    expect(sha(c.stdout)).not.toBe(sha(a.stdout));
  });

  it("changes row counts with scale, not the time window", () => {
    const tiny = readArrow(runLoader(loader, {SCALE: "tiny"}).stdout);
    const small = readArrow(runLoader(loader, {SCALE: "small"}).stdout);
    expect(small.numRows).toBeGreaterThan(1.5 * tiny.numRows);
    const span = (t: ReturnType<typeof readArrow>) => {
      const days = [...t.getChild("date")!] as number[];
      return [Math.min(...days), Math.max(...days)];
    };
    expect(span(small)).toEqual(span(tiny));
  });

  it("reads an analyst's files instead of simulating when DATA_DIR is set", () => {
    const dir = mkdtempSync(join(tmpdir(), "mr-loader-"));
    mkdirSync(join(dir, "campaigns"));
    for (const f of ["campaigns.csv", "daily_metrics.csv"]) copyFileSync(join(root, "test/fixtures/real-data/campaigns", f), join(dir, "campaigns", f));
    const result = runLoader(loader, {DATA_DIR: dir});
    expect(result.stderr).toBe("");
    const table = readArrow(result.stdout);
    expect(table.numRows).toBe(13);
    expect(table.get(0)!.toJSON()).toMatchObject({campaign_id: "E1", campaign_name: "Newsletter", channel: "email", spend: 90});
  });

  it("exits non-zero on bad files, naming file, row and column, and writes nothing", () => {
    const dir = mkdtempSync(join(tmpdir(), "mr-loader-"));
    mkdirSync(join(dir, "campaigns"));
    copyFileSync(join(root, "test/fixtures/real-data/campaigns/campaigns.csv"), join(dir, "campaigns", "campaigns.csv"));
    const daily = readFileSync(join(root, "test/fixtures/real-data/campaigns/daily_metrics.csv"), "utf8").replace("2025-03-02,S1,12000,540,21,850.50", "2025-03-02,S1,12000,540,21,-850.50");
    writeFileSync(join(dir, "campaigns", "daily_metrics.csv"), daily);
    const result = runLoader(loader, {DATA_DIR: dir});
    expect(result.status).not.toBe(0);
    expect(result.stdout.length).toBe(0);
    expect(result.stderr).toContain(`${join(dir, "campaigns", "daily_metrics.csv")}:4 column "spend": -850.50 is below the minimum 0 USD`);
  });

  it("refuses a bad SCALE before doing any work", () => {
    const result = runLoader(loader, {SCALE: "enormous"});
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('SCALE must be one of tiny, small, default, large, got "enormous"');
  });
});
