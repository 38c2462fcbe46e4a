// The build refuses to publish from bad data: validation runs first, the build stops with the
// problem named, and the output folder is left exactly as it was.
import {spawnSync} from "node:child_process";
import {copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";

const root = join(import.meta.dirname, "..", "..");

describe("npm run build with bad data", () => {
  it("stops before building and leaves the published folder untouched", () => {
    const data = mkdtempSync(join(tmpdir(), "mr-build-"));
    mkdirSync(join(data, "campaigns"));
    copyFileSync(join(root, "test/fixtures/real-data/campaigns/daily_metrics.csv"), join(data, "campaigns", "daily_metrics.csv"));
    writeFileSync(join(data, "campaigns", "campaigns.csv"), readFileSync(join(root, "test/fixtures/real-data/campaigns/campaigns.csv"), "utf8").replace(",video,", ",radio,"));
    const output = join(mkdtempSync(join(tmpdir(), "mr-dist-")), "site");
    mkdirSync(output);
    writeFileSync(join(output, "index.html"), "previous site");
    const result = spawnSync(join(root, "node_modules", ".bin", "tsx"), [join(root, "scripts", "build.ts")], {
      cwd: root,
      env: {...process.env, DATA_DIR: data, OBSERVABLE_OUTPUT: output}
    });
    expect(result.status).toBe(1);
    expect(result.stderr.toString()).toContain(`${join(data, "campaigns", "campaigns.csv")}:4 column "channel": "radio" is not an accepted value`);
    expect(readFileSync(join(output, "index.html"), "utf8")).toBe("previous site");
  });
});
