/**
 * Site benchmark (npm run bench, or npx tsx bench/site.ts): cold build and warm rebuild time, and
 * per page the time to first chart and to first SQL result and the bytes transferred, each time
 * as a ratio to a blank page of the same site measured in the same run (so the figures do not
 * depend on how fast this machine is). Prints a markdown table; docs/performance.md records it.
 */
import {spawnSync} from "node:child_process";
import {rmSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {startStaticServer} from "../scripts/static-server.js";
import {launchChromium} from "../test/browser/harness.js";
import {PAGES} from "../test/browser/pages.js";

const root = join(import.meta.dirname, "..");
const output = join(root, "bench", ".output", "dist");
const blank = join(root, "src", "bench-blank.md");
const runs = Number(process.env.BENCH_RUNS ?? 5);

function build(): number {
  const start = performance.now();
  const result = spawnSync(join(root, "node_modules", ".bin", "tsx"), [join(root, "scripts", "build.ts")], {cwd: root, env: {...process.env, OBSERVABLE_OUTPUT: output}, stdio: ["ignore", "ignore", "pipe"]});
  if (result.status !== 0) throw new Error(`build failed:\n${result.stderr}`);
  return (performance.now() - start) / 1000;
}

const median = (xs: number[]) => {
  const s = xs.slice().sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

writeFileSync(blank, "---\ntitle: Blank\n---\n\n# Blank\n\nA blank page: the baseline every page is measured against.\n");
let cold: number;
let warm: number;
try {
  rmSync(join(root, "src", ".observablehq", "cache", "data"), {recursive: true, force: true});
  cold = build();
  warm = build();
} finally {
  rmSync(blank, {force: true});
}

const server = await startStaticServer({dir: output});
const browser = await launchChromium();

interface Timing {
  ready: number;
  chart: number;
  sql: number;
  bytes: number;
}

async function measure(path: string, expected: {charts: number; tables: number} = {charts: 0, tables: 0}): Promise<Timing> {
  const context = await browser.newContext({viewport: {width: 1280, height: 900}});
  const page = await context.newPage();
  server.sent.clear();
  await page.goto(server.url + path, {waitUntil: "commit"});
  // Passed as source text: tsx's name-keeping helpers do not exist inside the page.
  const t = (await page.evaluate(`new Promise((resolve) => {
    const expected = ${JSON.stringify(expected)};
    const out = {ready: NaN, chart: NaN, sql: NaN};
    const started = performance.now();
    function check() {
      const now = performance.now();
      const main = document.querySelector("#observablehq-main");
      window.scrollTo(0, document.documentElement.scrollHeight); // as a reader would: some cells wait until visible
      const charts = document.querySelectorAll("#observablehq-main svg[class^='plot'], #observablehq-main figure svg").length;
      const tables = [...document.querySelectorAll("#observablehq-main table")].filter((t) => t.querySelector("tbody tr")).length;
      if (Number.isNaN(out.chart) && document.querySelector("#observablehq-main svg[class^='plot'], #observablehq-main figure svg")) out.chart = now;
      if (Number.isNaN(out.sql) && [...document.querySelectorAll("#observablehq-main table")].some((t) => t.querySelector("tbody tr"))) out.sql = now;
      if (main && document.readyState === "complete" && document.querySelectorAll("observablehq-loading").length === 0 && charts >= expected.charts && tables >= expected.tables) {
        out.ready = now;
        resolve(out);
      } else if (now - started > 60000) resolve(out);
      else requestAnimationFrame(check);
    }
    check();
  })`)) as {ready: number; chart: number; sql: number};
  await page.waitForLoadState("networkidle");
  const bytes = [...server.sent.values()].reduce((a, b) => a + b, 0);
  await context.close();
  return {...t, bytes};
}

const rows: string[] = [];
const baseline: Timing[] = [];
const results = new Map<string, Timing[]>();
for (let i = 0; i < runs; i++) {
  baseline.push(await measure("bench-blank"));
  for (const p of PAGES) {
    const list = results.get(p.path) ?? [];
    list.push(await measure(p.path, p));
    results.set(p.path, list);
  }
}
await browser.close();
await server.close();

const base = median(baseline.map((b) => b.ready));
const baseBytes = median(baseline.map((b) => b.bytes));
rows.push(`Site benchmark, ${runs} runs per page (median), ${new Date().toISOString().slice(0, 10)}`);
rows.push("");
rows.push(`| build | seconds |\n|---|---|\n| cold (loader cache cleared) | ${cold.toFixed(1)} |\n| warm rebuild | ${warm.toFixed(1)} |\n| warm / cold | ${(warm / cold).toFixed(2)} |`);
rows.push("");
rows.push(`Blank page baseline: ready in ${base.toFixed(0)} ms, ${(baseBytes / 1024).toFixed(0)} KB transferred (gzip, as static hosts serve it).`);
rows.push("");
rows.push("| page | first chart (× blank) | first SQL result (× blank) | all cells settled (× blank) | transferred, gzip (KB) | transferred (× blank) |");
rows.push("|---|---|---|---|---|---|");
for (const p of PAGES) {
  const list = results.get(p.path)!;
  const ratio = (key: "chart" | "sql" | "ready") => {
    if ((key === "chart" && p.charts === 0) || (key === "sql" && p.tables === 0)) return "–";
    const values = list.map((t) => t[key]).filter((v) => Number.isFinite(v));
    return values.length ? `${(median(values) / base).toFixed(2)}` : "–";
  };
  const bytes = median(list.map((t) => t.bytes));
  rows.push(`| /${p.path} | ${ratio("chart")} | ${ratio("sql")} | ${ratio("ready")} | ${(bytes / 1024).toFixed(0)} | ${(bytes / baseBytes).toFixed(1)} |`);
}
console.log(rows.join("\n"));
