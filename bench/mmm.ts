/**
 * Market mix model benchmark (npx tsx bench/mmm.ts, or npm run bench -- mmm): fit time at the
 * default size (208 weeks, 4 media levers) and as the weeks and the levers double, on the Alyce
 * simulation (seed 1; data-loaders/alyce/simulate-media.ts with `extraLevers: 4` for 8 levers).
 *
 * Ours: the point fit (`fitMediaMixPoint`, best of BENCH_RUNS, default 3) and the whole
 * `fitMediaMix` with BENCH_DRAWS (default 200, the production count) bootstrap refits and the
 * 13-week holdout refit (one run). Reference: bench/mmm_python.py, the same estimator in
 * numpy/scipy, run from the same 200 screened starting points in the same run: scipy BFGS with the
 * same analytic gradient then a Nelder-Mead polish (the schedule of fit.ts), and, at the default
 * size, scipy Nelder-Mead alone (the derivative-free alternative). The CSV written for Python is
 * read back by nobody else: both sides fit the same numbers (17 significant digits).
 * Also times the budget optimiser as a page would run it: `optimizeBudget` on the point estimate
 * (best of 20) and `compareBudgets` over all bootstrap draws (best of 5).
 * Prints a markdown table; docs/performance/mmm.md records the figures.
 */
import {spawnSync} from "node:child_process";
import {mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {mediaMixDataFromWeeks, simulateMediaWeeks} from "../data-loaders/alyce/simulate-media.js";
import {compareBudgets, fitMediaMix, fitMediaMixPoint, leverRoi, MediaMixProblem, optimizeBudget} from "../src/analytics/mmm/index.js";
import {Random} from "../src/analytics/random.js";

const runs = Number(process.env.BENCH_RUNS ?? 3);
const draws = Number(process.env.BENCH_DRAWS ?? 200);
const scenarios = [
  {weeks: 208, extraLevers: 0},
  {weeks: 416, extraLevers: 0},
  {weeks: 208, extraLevers: 4},
  {weeks: 416, extraLevers: 4}
];

const dir = mkdtempSync(join(tmpdir(), "mmm-bench-"));
const rows: string[] = [];
const notes: string[] = [];
let versions = "";
try {
  for (const {weeks, extraLevers} of scenarios) {
    const sim = simulateMediaWeeks({seed: 1, weeks, extraLevers});
    const data = mediaMixDataFromWeeks(sim.weeks);
    const M = data.media.length;

    // Ours: point fit, then the full model with bootstrap and holdout.
    let pointSeconds = Infinity;
    let point = fitMediaMixPoint(data, {seed: 1});
    for (let r = 0; r < runs; r++) {
      const t0 = performance.now();
      point = fitMediaMixPoint(data, {seed: 1});
      pointSeconds = Math.min(pointSeconds, (performance.now() - t0) / 1000);
    }
    const t0 = performance.now();
    const full = fitMediaMix(data, {seed: 1, bootstrap: {draws}});
    const fullSeconds = (performance.now() - t0) / 1000;

    // Budget optimiser, as a page would call it on every change of the budget or a bound.
    const current = full.levers.map((l) => l.currentWeeklySpend);
    const budget = current.reduce((a, b) => a + b, 0);
    const budgetOptions = {totalBudget: budget, bounds: current.map((c) => ({min: 0.3 * c, max: 3 * c})), currentWeeklySpend: current};
    const timeMs = (fn: () => unknown, repeat: number) => {
      let best = Infinity;
      for (let r = 0; r < repeat; r++) {
        const s = performance.now();
        fn();
        best = Math.min(best, performance.now() - s);
      }
      return best;
    };
    const optimizeMs = timeMs(() => optimizeBudget(full.responses, budgetOptions), 20);
    const compareMs = timeMs(() => compareBudgets(full.responses, full.responseDraws, budgetOptions), 5);

    // The same 200 screened starts for Python (fit.ts draws them from Random(seed).fork("mmm-starts")).
    const problem = new MediaMixProblem(data);
    const random = new Random(1).fork("mmm-starts");
    const screen = Array.from({length: 200}, () => problem.randomTheta(random));
    const checkTheta = problem.thetaFor(sim.truth.levers);
    const csv = join(dir, `data-${weeks}-${M}.csv`);
    const header = ["date", "sales", ...data.media.map((m) => m.name), ...data.controls.map((c) => c.name)];
    const lines = [header.join(",")];
    for (let t = 0; t < weeks; t++) lines.push([data.dates[t], data.sales[t], ...data.media.map((m) => m.spend[t]), ...data.controls.map((c) => c.values[t])].join(","));
    writeFileSync(csv, lines.join("\n") + "\n");
    const config = join(dir, `config-${weeks}-${M}.json`);
    writeFileSync(config, JSON.stringify({levers: data.media.map((m) => m.name), controls: data.controls.map((c) => c.name), fourierOrder: 3, starts: 4, screen, checkTheta}));
    const methods = weeks === 208 && extraLevers === 0 ? "bfgs,nelder-mead" : "bfgs";
    const py = spawnSync("/usr/bin/python3", [join(import.meta.dirname, "mmm_python.py"), csv, config, String(weeks === 208 && extraLevers === 0 ? runs : 1), methods], {encoding: "utf8", maxBuffer: 1 << 26});
    if (py.status !== 0) throw new Error(`bench/mmm_python.py failed:\n${py.stderr}`);
    const ref = JSON.parse(py.stdout);
    versions = `Node ${process.version}, numpy ${ref.numpy}, scipy ${ref.scipy}`;
    const ours = problem.objective(checkTheta);
    notes.push(`${weeks} weeks × ${M} levers: objective at the true parameters, ours ${ours.toFixed(9)} vs Python ${ref.objectiveAtCheckTheta.toFixed(9)}.`);

    const oursRoi = data.media.map((m, i) => leverRoi(m.spend, point.levers[i]));
    const truthRoi = sim.truth.levers.map((l) => l.roi);
    const maxErr = (rois: number[]) => Math.max(...rois.map((r, i) => Math.abs(r / truthRoi[i] - 1)));
    const f = (v: number, d = 2) => v.toFixed(d);
    const bfgs = ref.methods.bfgs;
    rows.push(`| ${weeks} | ${M} | ${f(pointSeconds)} | ${f(fullSeconds, 1)} | ${f(bfgs.seconds)} | ${f(pointSeconds / bfgs.seconds)} | ${point.objective.toFixed(4)} | ${bfgs.objective.toFixed(4)} | ${f(100 * Math.max(...oursRoi.map((r, i) => Math.abs(r / bfgs.roi[i] - 1))), 2)} % | ${f(full.diagnostics.rSquared, 4)} | ${f(100 * maxErr(oursRoi), 0)} % | ${point.evaluations} / ${bfgs.evaluations} | ${f(optimizeMs, 1)} / ${f(compareMs, 0)} |`);
    if (ref.methods["nelder-mead"]) {
      const nm = ref.methods["nelder-mead"];
      notes.push(`${weeks} weeks × ${M} levers, scipy Nelder-Mead alone from the same starts: ${f(nm.seconds)} s, ${nm.evaluations} evaluations, objective ${nm.objective.toFixed(4)} (BFGS + polish: ${bfgs.objective.toFixed(4)}), largest ROI difference from ours ${f(100 * Math.max(...oursRoi.map((r, i) => Math.abs(r / nm.roi[i] - 1))), 2)} %.`);
    }
    process.stderr.write(`${weeks} × ${M} done\n`);
  }
} finally {
  rmSync(dir, {recursive: true, force: true});
}
console.log(`Market mix model fit on the Alyce simulation (seed 1); ${versions}; point fits best of ${runs} runs (Python at larger sizes: one run); full model with ${draws} bootstrap refits and the 13-week holdout, one run.\n`);
console.log("| weeks | levers | ours: point fit (s) | ours: full model (s) | scipy: point fit (s) | ratio ours/scipy (point) | objective ours | objective scipy | largest ROI difference ours vs scipy | R² (ours) | largest ROI error vs truth (ours) | objective evaluations ours / scipy | budget: optimise / compare over draws (ms) |");
console.log("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
for (const r of rows) console.log(r);
console.log("");
for (const n of notes) console.log(`- ${n}`);
