/**
 * MegaMart report loader: wall time, CPU time and peak memory of building the whole report archive
 * (simulation, DuckDB models, data tests, analyses, files) at each scale, as ratios to a baseline
 * measured in the same run: a loader that only starts Node with tsx and imports the same modules
 * (so start-up is not counted as work). Each run is a fresh process under /usr/bin/time, like
 * Framework runs a loader. Stage times come from buildReport's own timings.
 *
 *   npx tsx bench/megamart.ts                 tiny, small, default (3 runs each, median)
 *   npx tsx bench/megamart.ts --large         also large (one run; minutes and several GB)
 *   npx tsx bench/megamart.ts --runs 1        fewer runs
 */
import {spawnSync} from "node:child_process";
import {join} from "node:path";

const root = join(import.meta.dirname, "..");
const args = process.argv.slice(2);

if (args[0] === "--child") {
  // One measured build: print the stage timings (ms) as JSON on stdout.
  const {buildReport} = await import("../data-loaders/megamart/report.js");
  if (args[1] === "baseline") {
    process.stdout.write(JSON.stringify({}));
  } else {
    const {files, timings} = await buildReport({seed: 42, scale: args[1] as "tiny", dataDir: undefined});
    process.stdout.write(JSON.stringify({...timings, bytes: files.reduce((s, f) => s + f.data.length, 0)}));
  }
} else {
  const runs = Number(args[args.indexOf("--runs") + 1]) || 3;
  const scales = ["tiny", "small", "default", ...(args.includes("--large") ? ["large"] : [])];
  const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const measure = (what: string) => {
    const result = spawnSync("/usr/bin/time", ["-v", join(root, "node_modules", ".bin", "tsx"), join(root, "bench", "megamart.ts"), "--child", what], {cwd: root, env: {...process.env, SEED: "", SCALE: "", DATA_DIR: ""}, maxBuffer: 1 << 28});
    const err = result.stderr.toString();
    if (result.status !== 0) throw new Error(`${what} failed:\n${err}`);
    const field = (label: string) => {
      const m = new RegExp(`${label}: (.+)`).exec(err);
      return m ? m[1].trim() : "";
    };
    const [m, s] = field("Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\)").split(":").slice(-2).map(Number);
    return {
      wall: m * 60 + s,
      cpu: Number(field("User time \\(seconds\\)")) + Number(field("System time \\(seconds\\)")),
      peakMb: Number(field("Maximum resident set size \\(kbytes\\)")) / 1024,
      stages: JSON.parse(result.stdout.toString() || "{}") as Record<string, number>
    };
  };
  const repeat = (what: string, n: number) => {
    const all = Array.from({length: n}, () => measure(what));
    const pick = all.find((r) => r.wall === median(all.map((x) => x.wall)))!;
    return {...pick, wall: median(all.map((r) => r.wall)), cpu: median(all.map((r) => r.cpu)), peakMb: median(all.map((r) => r.peakMb))};
  };
  const baseline = repeat("baseline", runs);
  const rows = scales.map((scale) => ({scale, ...repeat(scale, scale === "large" ? 1 : runs)}));
  const load = (await import("node:os")).loadavg()[0];
  console.log(`MegaMart loader, seed 42, ${runs} run(s) per scale (median; large: 1), ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, load average ${load.toFixed(1)}\n`);
  console.log(`Baseline (start Node + tsx, import the report's modules, write nothing): ${baseline.wall.toFixed(2)} s wall, ${baseline.cpu.toFixed(2)} s CPU, ${baseline.peakMb.toFixed(0)} MB peak.\n`);
  console.log("| scale | wall (s) | wall × baseline | CPU (s) | peak memory (MB) | memory × baseline | archive (MB) |");
  console.log("|---|---:|---:|---:|---:|---:|---:|");
  for (const r of rows) console.log(`| ${r.scale} | ${r.wall.toFixed(1)} | ${(r.wall / baseline.wall).toFixed(1)} | ${r.cpu.toFixed(1)} | ${r.peakMb.toFixed(0)} | ${(r.peakMb / baseline.peakMb).toFixed(1)} | ${((r.stages.bytes ?? 0) / 1e6).toFixed(2)} |`);
  const stages = ["rawMs", "loadMs", "modelsMs", "testsMs", "readMs", "segmentsMs", "churnMs", "lifetimeValueMs", "abtestsMs", "upliftMs", "writeMs"];
  console.log("\nStages (s, the median run): simulate · load into DuckDB · SQL models · data tests · read back · segments · churn · lifetime value · A/B · uplift · write\n");
  console.log(`| scale | ${stages.map((s) => s.replace("Ms", "")).join(" | ")} |`);
  console.log(`|---|${stages.map(() => "---:").join("|")}|`);
  for (const r of rows) console.log(`| ${r.scale} | ${stages.map((s) => ((r.stages[s] ?? NaN) / 1000).toFixed(1)).join(" | ")} |`);
}
