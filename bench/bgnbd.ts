/**
 * BG/NBD fit benchmark (npx tsx bench/bgnbd.ts, or npm run bench -- bgnbd): 100,000 customers
 * simulated from known parameters are written to a temporary CSV; our `fitBgNbd` and scipy's
 * `minimize(method="BFGS")` on the same likelihood (bench/bgnbd_python.py) fit them from the same
 * start in the same run. Prints a markdown table: fit time (best of BENCH_RUNS, default 3, file
 * reading excluded on both sides), ratio to scipy, log-likelihood and parameters side by side.
 * docs/performance/bgnbd.md records the figures.
 */
import {spawnSync} from "node:child_process";
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {fitBgNbd, simulateBgNbd, type BgNbdFit, type BgNbdParams} from "../src/analytics/bgnbd.js";
import {Random} from "../src/analytics/random.js";

const customers = Number(process.env.BENCH_CUSTOMERS ?? 100_000);
const runs = Number(process.env.BENCH_RUNS ?? 3);
// Truth: the CDNOW estimates of Fader, Hardie & Lee (2005); ages uniform over 1 to 78 weeks.
const truth: BgNbdParams = {r: 0.243, alpha: 4.414, a: 0.793, b: 2.426};
const start: BgNbdParams = {r: 1, alpha: 1, a: 1, b: 1};

const random = new Random(2005);
const ages = Array.from({length: customers}, () => random.between(1, 78));
const sim = simulateBgNbd(truth, ages, random.fork("customers"));

const dir = mkdtempSync(join(tmpdir(), "bgnbd-bench-"));
const csv = join(dir, "customers.csv");
const lines = ["frequency,recency,T"];
for (let i = 0; i < customers; i++) lines.push(`${sim.frequency[i]},${sim.recency[i]},${sim.T[i]}`);
writeFileSync(csv, lines.join("\n") + "\n");

try {
  // Ours reads the same file back, so both sides fit the numbers as written (17 significant digits).
  const rows = readFileSync(csv, "utf8").trim().split("\n").slice(1).map((l) => l.split(",").map(Number));
  const data = {frequency: rows.map((r) => r[0]), recency: rows.map((r) => r[1]), T: rows.map((r) => r[2])};

  const time = (fit: () => BgNbdFit) => {
    let best = Infinity;
    let result: BgNbdFit | null = null;
    for (let k = 0; k < runs; k++) {
      const t0 = performance.now();
      result = fit();
      best = Math.min(best, (performance.now() - t0) / 1000);
    }
    return {seconds: best, fit: result!};
  };
  const single = time(() => fitBgNbd(data, {starts: [start], polish: false}));
  const full = time(() => fitBgNbd(data));

  const py = spawnSync("/usr/bin/python3", [join(import.meta.dirname, "bgnbd_python.py"), csv, [start.r, start.alpha, start.a, start.b].join(","), String(runs)], {encoding: "utf8", maxBuffer: 1 << 24});
  if (py.status !== 0) throw new Error(`bench/bgnbd_python.py failed:\n${py.stderr}`);
  const ref = JSON.parse(py.stdout);
  const scipy = ref.variants["analytic gradient"];
  const scipyFd = ref.variants["finite-difference gradient"];

  const f = (v: number, digits = 4) => v.toFixed(digits);
  const row = (name: string, seconds: number | null, ll: number, p: BgNbdParams, evaluations: string) =>
    `| ${name} | ${seconds === null ? "–" : f(seconds, 3)} | ${seconds === null ? "–" : f(seconds / scipy.seconds, 2)} | ${ll.toFixed(3)} | ${f(p.r)} | ${f(p.alpha)} | ${f(p.a)} | ${f(p.b)} | ${evaluations} |`;
  console.log(`BG/NBD fit on ${customers.toLocaleString("en")} simulated customers (truth r ${truth.r}, alpha ${truth.alpha}, a ${truth.a}, b ${truth.b}; ages 1-78 weeks; seed 2005).`);
  console.log(`Start (r, alpha, a, b) = (${start.r}, ${start.alpha}, ${start.a}, ${start.b}); best of ${runs} runs; Node ${process.version}, scipy ${ref.scipy}, numpy ${ref.numpy}.\n`);
  console.log("| implementation | fit time (s) | ratio to scipy BFGS | log-likelihood | r | alpha | a | b | likelihood evaluations |");
  console.log("|---|---|---|---|---|---|---|---|---|");
  console.log(row("ours: `fitBgNbd`, one start, BFGS, analytic gradient", single.seconds, single.fit.logLikelihood, single.fit, String(single.fit.evaluations)));
  console.log(row("ours: `fitBgNbd` default (3 starts, polish only if BFGS stops short)", full.seconds, full.fit.logLikelihood, full.fit, String(full.fit.evaluations)));
  console.log(row("scipy `minimize` BFGS, analytic gradient (numpy, vectorised)", scipy.seconds, scipy.logLikelihood, scipy.params, String(scipy.evaluations)));
  console.log(row("scipy `minimize` BFGS, finite-difference gradient", scipyFd.seconds, scipyFd.logLikelihood, scipyFd.params, String(scipyFd.evaluations)));
  console.log(`| truth (simulation) | – | – | – | ${f(truth.r)} | ${f(truth.alpha)} | ${f(truth.a)} | ${f(truth.b)} | – |`);
  const se = full.fit.standardErrors;
  console.log(`\nOur standard errors at the optimum: r ${f(se.r)}, alpha ${f(se.alpha)}, a ${f(se.a)}, b ${f(se.b)}.`);
  const maxRel = Math.max(...(["r", "alpha", "a", "b"] as const).map((k) => Math.abs(full.fit[k] / scipy.params[k] - 1)));
  console.log(`Ours (default) vs scipy (analytic gradient): log-likelihood difference ${(full.fit.logLikelihood - scipy.logLikelihood).toExponential(2)}, largest relative parameter difference ${maxRel.toExponential(2)}.`);
  console.log(`Converged: ours ${single.fit.converged} / ${full.fit.converged}; scipy "${scipy.message}" / "${scipyFd.message}".`);
} finally {
  rmSync(dir, {recursive: true, force: true});
}
