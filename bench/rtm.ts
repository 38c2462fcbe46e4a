/**
 * Real-time marketing benchmark (npx tsx bench/rtm.ts, or npm run bench -- rtm): the whole build of
 * the report (simulate the platform's events, stream them into DuckDB, run the SQL transforms and
 * data tests, write the Arrow files) at two scales, against DuckDB generating the same number of
 * rows with its own `range()` (five columns like a location tick, into the same kind of on-disk
 * database) in the same run. Each measurement runs in its own process so that peak memory
 * (max RSS) belongs to it alone. Prints a markdown table; docs/performance/rtm.md records figures.
 *   BENCH_SCALES=default,large (default)   BENCH_SEED=42
 *   RTM_DUCKDB_MEMORY (default 300MB), RTM_DUCKDB_THREADS (default 2): DuckDB settings of the build
 */
import {spawnSync} from "node:child_process";
import {join} from "node:path";
import {SCALES, type Scale} from "../data-loaders/shared/options.js";

const EVENT_TABLES = ["locations", "web_requests", "purchases", "offer_matches", "notifications"];

interface Measurement {
  events: number;
  seconds: number;
  cpuSeconds: number;
  ingest?: number;
  transform?: number;
  outputs?: number;
  maxRssMb: number;
  /** Peak RSS when the events were loaded (simulation + load), and over the whole build. */
  ingestRssMb?: number;
  sqlRssMb?: number;
}

/** CPU seconds (user + system, all threads) used by this process so far. */
const cpu = () => {
  const u = process.resourceUsage();
  return (u.userCPUTime + u.systemCPUTime) / 1e6;
};

async function worker(kind: string, arg: string): Promise<Measurement> {
  const t0 = performance.now();
  if (kind === "pipeline") {
    const {runRtmPipeline} = await import("../data-loaders/rtm/pipeline.js");
    const result = await runRtmPipeline({options: {seed: Number(process.env.BENCH_SEED ?? 42), scale: arg as Scale, dataDir: undefined}});
    const seconds = (performance.now() - t0) / 1000;
    const events = EVENT_TABLES.reduce((a, t) => a + (result.rawRows[t] ?? 0), 0);
    return {events, seconds, cpuSeconds: cpu(), ...result.seconds, maxRssMb: process.resourceUsage().maxRSS / 1024, ingestRssMb: result.peakRssMb.ingest, sqlRssMb: result.peakRssMb.end};
  }
  // DuckDB range() baseline: the same number of rows, five columns, same database settings.
  const {openDatabase} = await import("../data-loaders/rtm/duckdb.js");
  const db = await openDatabase();
  try {
    const rows = Number(arg);
    await db.connection.run(`CREATE TABLE ticks AS
      SELECT CAST(i % 5000 AS INTEGER) AS subscriber_id, 1.74e12 + i * 300000.0 AS recorded_at,
             40 + random() AS latitude, -74 + random() AS longitude, '87G8' || CAST(i % 9973 AS VARCHAR) || '+' AS olc
      FROM range(${rows}) AS t(i)`);
    return {events: rows, seconds: (performance.now() - t0) / 1000, cpuSeconds: cpu(), maxRssMb: process.resourceUsage().maxRSS / 1024};
  } finally {
    db.close();
  }
}

function measure(kind: string, arg: string): Measurement {
  const result = spawnSync(join(import.meta.dirname, "..", "node_modules", ".bin", "tsx"), [import.meta.filename, "--worker", kind, arg], {encoding: "utf8", maxBuffer: 1 << 24, env: process.env});
  if (result.status !== 0) throw new Error(`bench/rtm.ts worker ${kind} ${arg} failed:\n${result.stderr}`);
  return JSON.parse(result.stdout.trim().split("\n").pop()!);
}

if (process.argv[2] === "--worker") {
  console.log(JSON.stringify(await worker(process.argv[3], process.argv[4])));
} else {
  const scales = (process.env.BENCH_SCALES ?? "default,large").split(",").map((s) => s.trim()) as Scale[];
  for (const s of scales) if (!SCALES.includes(s)) throw new Error(`BENCH_SCALES: unknown scale ${s}`);
  const rows: string[] = [];
  const results: {scale: Scale; ours: Measurement; base: Measurement}[] = [];
  for (const scale of scales) {
    const ours = measure("pipeline", scale);
    const base = measure("range", String(ours.events));
    results.push({scale, ours, base});
    const rate = ours.events / ours.seconds;
    const baseRate = base.events / base.seconds;
    const cpuRate = ours.events / ours.cpuSeconds;
    const baseCpuRate = base.events / base.cpuSeconds;
    rows.push(
      `| ${scale} | ${ours.events.toLocaleString("en-US")} | ${ours.seconds.toFixed(1)} (${ours.ingest!.toFixed(1)} + ${ours.transform!.toFixed(1)} + ${ours.outputs!.toFixed(1)}) | ${ours.cpuSeconds.toFixed(1)} | ${Math.round(rate).toLocaleString("en-US")} | ${Math.round(cpuRate).toLocaleString("en-US")} | ${base.seconds.toFixed(2)} | ${base.cpuSeconds.toFixed(2)} | ${(baseRate / rate).toFixed(1)} | ${(baseCpuRate / cpuRate).toFixed(1)} | ${ours.ingestRssMb!.toFixed(0)} | ${ours.maxRssMb.toFixed(0)} | ${base.maxRssMb.toFixed(0)} |`
    );
  }
  console.log(`Real-time marketing build, seed ${process.env.BENCH_SEED ?? 42}; Node ${process.version}; each row in its own process.\n`);
  console.log("| scale | events | our build, wall s (simulate+load + SQL + tests/outputs) | our CPU s | events per wall s | events per CPU s | range() wall s | range() CPU s | range() ÷ ours, wall | range() ÷ ours, CPU | our peak RSS after simulate+load, MB | our peak RSS, MB | range() peak RSS, MB |");
  console.log("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
  for (const r of rows) console.log(r);
  if (results.length >= 2) {
    const [a, b] = [results[0], results[results.length - 1]];
    console.log(`\n${b.scale} / ${a.scale}: events × ${(b.ours.events / a.ours.events).toFixed(2)}; our wall time × ${(b.ours.seconds / a.ours.seconds).toFixed(2)}, CPU time × ${(b.ours.cpuSeconds / a.ours.cpuSeconds).toFixed(2)}; our peak memory × ${(b.ours.maxRssMb / a.ours.maxRssMb).toFixed(2)} (after simulate+load × ${(b.ours.ingestRssMb! / a.ours.ingestRssMb!).toFixed(2)}); range() wall × ${(b.base.seconds / a.base.seconds).toFixed(2)}, CPU × ${(b.base.cpuSeconds / a.base.cpuSeconds).toFixed(2)}, memory × ${(b.base.maxRssMb / a.base.maxRssMb).toFixed(2)}.`);
  }
}
