/**
 * k-means benchmark: our kmeans (src/analytics/kmeans.ts) against scikit-learn's KMeans on the same
 * 100,000 seeded points (5 dimensions, 8 Gaussian clusters), k = 8, 10 restarts / n_init=10.
 * Run: npx tsx bench/kmeans.ts [--repeats 3]
 * The points go to a temporary binary file that bench/kmeans_sklearn.py reads with numpy. sklearn
 * runs twice: with its default OpenMP threads (2 on this machine) and with OMP_NUM_THREADS=1
 * (ours is single-threaded JavaScript). Prints a markdown table: median time, ratio, inertia.
 */
import {spawnSync} from "node:child_process";
import {mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {kmeans} from "../src/analytics/kmeans.js";
import {Random} from "../src/analytics/random.js";

const N = 100_000;
const D = 5;
const CLUSTERS = 8;
const K = 8;
const RESTARTS = 10;
const repeatsFlag = process.argv.indexOf("--repeats");
const REPEATS = repeatsFlag > 0 ? Number(process.argv[repeatsFlag + 1]) : 3;

/** 8 centres uniform in [-10, 10]^5, cluster sd 1-2.5, unequal sizes (weights 1..8): some overlap. */
function syntheticPoints(seed: number): number[][] {
  const random = new Random(seed);
  const centres = Array.from({length: CLUSTERS}, () => Array.from({length: D}, () => random.between(-10, 10)));
  const sds = Array.from({length: CLUSTERS}, () => random.between(1, 2.5));
  const weights = Array.from({length: CLUSTERS}, (_, c) => c + 1);
  return Array.from({length: N}, () => {
    const c = random.weightedIndex(weights);
    return centres[c].map((m) => random.normal(m, sds[c]));
  });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const points = syntheticPoints(20240601);
const dir = mkdtempSync(join(tmpdir(), "kmeans-bench-"));
const file = join(dir, "points.f64");
try {
  const flat = new Float64Array(N * D);
  points.forEach((p, i) => flat.set(p, i * D));
  writeFileSync(file, new Uint8Array(flat.buffer)); // little-endian on every platform we run on

  const ours: number[] = [];
  let fit = kmeans(points, K, {seed: 0, restarts: RESTARTS});
  for (let r = 0; r < REPEATS; r++) {
    const start = performance.now();
    fit = kmeans(points, K, {seed: 0, restarts: RESTARTS});
    ours.push((performance.now() - start) / 1000);
  }

  const sklearn = (threads: string | undefined) => {
    const env = {...process.env};
    if (threads) env.OMP_NUM_THREADS = threads;
    const out = spawnSync("/usr/bin/python3", [join(import.meta.dirname, "kmeans_sklearn.py"), file, String(N), String(D), String(K), String(REPEATS)], {env, encoding: "utf8"});
    if (out.status !== 0) throw new Error(`bench/kmeans_sklearn.py failed (exit ${out.status}): ${out.stderr}`);
    return JSON.parse(out.stdout.trim().split("\n").pop()!) as {seconds: number[]; inertia: number; iterations: number; sklearn: string; openmpThreads: number | null};
  };
  const multi = sklearn(undefined);
  const single = sklearn("1");

  const oursTime = median(ours);
  const rows = [
    ["ours (kmeans.ts, 1 thread)", oursTime, fit.inertia, fit.iterations, 1],
    [`scikit-learn ${multi.sklearn} KMeans (${multi.openmpThreads ?? "?"} threads)`, median(multi.seconds), multi.inertia, multi.iterations, oursTime / median(multi.seconds)],
    [`scikit-learn ${single.sklearn} KMeans (OMP_NUM_THREADS=1)`, median(single.seconds), single.inertia, single.iterations, oursTime / median(single.seconds)]
  ] as const;
  console.log(`k-means, n = ${N.toLocaleString("en")}, d = ${D}, k = ${K}, ${RESTARTS} restarts / n_init=${RESTARTS}; median of ${REPEATS} runs (ours after one warm-up run)\n`);
  console.log("| implementation | time (s) | ours ÷ this | inertia | inertia vs ours | iterations (best run) |");
  console.log("|---|---:|---:|---:|---:|---:|");
  for (const [name, seconds, inertia, iterations, ratio] of rows) {
    const relative = ((inertia / fit.inertia - 1) * 100).toFixed(4);
    console.log(`| ${name} | ${seconds.toFixed(3)} | ${ratio.toFixed(2)} | ${inertia.toFixed(2)} | ${relative}% | ${iterations} |`);
  }
} finally {
  rmSync(dir, {recursive: true, force: true});
}
