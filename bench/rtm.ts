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
  ingest?: number;
  transform?: number;
  outputs?: number;
  maxRssMb: number;
  /** Peak RSS while simulating and loading events, and while running the SQL (sampled every 100 ms). */
  ingestRssMb?: number;
  sqlRssMb?: number;
}

async function worker(kind: string, arg: string): Promise<Measurement> {
  const t0 = performance.now();
  if (kind === "pipeline") {
    const {runRtmPipeline} = await import("../data-loaders/rtm/pipeline.js");
    const samples: [number, number][] = [];
    const timer = setInterval(() => samples.push([(performance.now() - t0) / 1000, process.memoryUsage().rss / 1048576]), 100);
    const result = await runRtmPipeline({options: {seed: Number(process.env.BENCH_SEED ?? 42), scale: arg as Scale, dataDir: undefined}});
    clearInterval(timer);
    const seconds = (performance.now() - t0) / 1000;
    const events = EVENT_TABLES.reduce((a, t) => a + (result.rawRows[t] ?? 0), 0);
    const peak = (lo: number, hi: number) => Math.max(0, ...samples.filter(([t]) => t >= lo && t < hi).map(([, m]) => m));
    const ingestEnd = result.seconds.ingest + 0.05;
    return {events, seconds, ...result.seconds, maxRssMb: process.resourceUsage().maxRSS / 1024, ingestRssMb: peak(0, ingestEnd), sqlRssMb: peak(ingestEnd, Infinity)};
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
    return {events: rows, seconds: (performance.now() - t0) / 1000, maxRssMb: process.resourceUsage().maxRSS / 1024};
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
    rows.push(
      `| ${scale} | ${ours.events.toLocaleString("en-US")} | ${ours.seconds.toFixed(1)} (${ours.ingest!.toFixed(1)} + ${ours.transform!.toFixed(1)} + ${ours.outputs!.toFixed(1)}) | ${Math.round(rate).toLocaleString("en-US")} | ${base.seconds.toFixed(2)} | ${Math.round(baseRate).toLocaleString("en-US")} | ${(baseRate / rate).toFixed(1)} | ${ours.ingestRssMb!.toFixed(0)} | ${ours.sqlRssMb!.toFixed(0)} | ${ours.maxRssMb.toFixed(0)} | ${base.maxRssMb.toFixed(0)} |`
    );
  }
  console.log(`Real-time marketing build, seed ${process.env.BENCH_SEED ?? 42}; Node ${process.version}; each row in its own process.\n`);
  console.log("| scale | events | our build, s (simulate+load + SQL + tests/outputs) | events/s | DuckDB range(), s | rows/s | range() ÷ ours (speed) | our peak RSS: simulate+load, MB | our peak RSS: SQL + outputs, MB | our peak RSS, MB | range() peak RSS, MB |");
  console.log("|---|---|---|---|---|---|---|---|---|---|---|");
  for (const r of rows) console.log(r);
  if (results.length >= 2) {
    const [a, b] = [results[0], results[results.length - 1]];
    console.log(`\n${b.scale} / ${a.scale}: events × ${(b.ours.events / a.ours.events).toFixed(2)}, our time × ${(b.ours.seconds / a.ours.seconds).toFixed(2)}, our peak memory × ${(b.ours.maxRssMb / a.ours.maxRssMb).toFixed(2)} (simulate+load × ${(b.ours.ingestRssMb! / a.ours.ingestRssMb!).toFixed(2)}, SQL × ${(b.ours.sqlRssMb! / a.ours.sqlRssMb!).toFixed(2)}); range() time × ${(b.base.seconds / a.base.seconds).toFixed(2)}, memory × ${(b.base.maxRssMb / a.base.maxRssMb).toFixed(2)}.`);
  }
}
