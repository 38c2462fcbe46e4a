/**
 * Campaign report benchmark (npx tsx bench/campaigns.ts): for each page of the report, the time to
 * its first chart and until every chart a reader sees without scrolling is drawn, and the time a
 * filter change takes to show (a channel unticked in the filter bar until the page's key figure
 * changes and every chart is redrawn), each as a ratio to a blank page of the same site loaded in
 * the same run, so the figures do not depend on the machine. Prints a markdown table;
 * docs/performance/campaigns.md records it.
 *
 * The site: SITE_DIR (a built site that contains bench-blank.html) or, by default, a build into
 * bench/.output/campaigns with a blank page added for the run (src/bench-blank.md, removed
 * afterwards), as bench/site.ts does. BENCH_RUNS (default 5) fresh browser contexts per page.
 */
import {spawnSync} from "node:child_process";
import {existsSync, rmSync, writeFileSync} from "node:fs";
import {join, resolve} from "node:path";
import type {Browser} from "playwright-core";
import {startStaticServer} from "../scripts/static-server.js";
import {launchChromium} from "../test/browser/harness.js";
import {EXPECTATIONS} from "../test/browser/pages/campaigns.js";

const root = join(import.meta.dirname, "..");
const runs = Number(process.env.BENCH_RUNS ?? 5);
let site = process.env.SITE_DIR ? resolve(process.env.SITE_DIR) : join(root, "bench", ".output", "campaigns");

if (!process.env.SITE_DIR) {
  const blank = join(root, "src", "bench-blank.md");
  writeFileSync(blank, "---\ntitle: Blank\n---\n\n# Blank\n\nA blank page: the baseline every page is measured against.\n");
  try {
    const result = spawnSync(join(root, "node_modules", ".bin", "tsx"), [join(root, "scripts", "build.ts")], {cwd: root, env: {...process.env, OBSERVABLE_OUTPUT: site}, stdio: ["ignore", "ignore", "pipe"]});
    if (result.status !== 0) throw new Error(`build failed:\n${result.stderr}`);
  } finally {
    rmSync(blank, {force: true});
  }
}
if (!existsSync(join(site, "bench-blank.html"))) throw new Error(`${site} has no bench-blank.html: build it with a blank page (see the comment at the top of bench/campaigns.ts)`);

/** The element whose text must change after the filter change, per page (as in test/browser/campaigns.test.ts). */
const KEY: Record<string, string> = {
  "campaigns/": '[data-kpi="Spend"] .big',
  "campaigns/channels": "#table-channels tbody",
  "campaigns/customers": "#kpis",
  "campaigns/forecasts": "#forecast-summary",
  "campaigns/budget": "#budget-finding",
  "campaigns/experiments": "#insights",
  "campaigns/attribution": "#insights"
};
const UNTICK: Record<string, string> = {"campaigns/budget": "email", "campaigns/attribution": "video"};

interface Timing {
  chart: number;
  ready: number;
  keyChanged: number;
  redrawn: number;
}

const median = (xs: number[]) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function measure(browser: Browser, url: string, charts: number, key?: string, channel = "search"): Promise<Timing> {
  const context = await browser.newContext({viewport: {width: 1280, height: 900}});
  const page = await context.newPage();
  try {
    await page.goto(url, {waitUntil: "commit"});
    // Passed as source text: tsx's name-keeping helpers do not exist inside the page.
    const load = (await page.evaluate(`new Promise((resolve) => {
      const out = {chart: NaN, ready: NaN};
      const t0 = 0; // navigation start
      const selector = "#observablehq-main svg[class^='plot'], #observablehq-main figure svg";
      function check() {
        const now = performance.now();
        const n = document.querySelectorAll(selector).length;
        if (Number.isNaN(out.chart) && n > 0) out.chart = now - t0;
        const loading = [...document.querySelectorAll("observablehq-loading")].filter((e) => e.getBoundingClientRect().top < innerHeight).length;
        if (document.readyState === "complete" && n >= ${charts} && loading === 0 && document.querySelector("#observablehq-main")) {
          out.ready = now - t0;
          resolve(out);
        } else if (now > 60000) resolve(out);
        else requestAnimationFrame(check);
      }
      check();
    })`)) as {chart: number; ready: number};
    if (!key) return {...load, keyChanged: NaN, redrawn: NaN};
    await page.click("details[data-facet=channel] summary");
    const response = (await page.evaluate(`new Promise((resolve) => {
      const key = document.querySelector(${JSON.stringify(key)});
      const before = key.textContent;
      const svgs = new Set(document.querySelectorAll("#observablehq-main svg[class^='plot'], #observablehq-main figure svg"));
      const box = document.querySelector("details[data-facet=channel] input[value=${channel}]");
      const out = {keyChanged: NaN, redrawn: NaN};
      const t0 = performance.now();
      box.checked = false;
      box.dispatchEvent(new Event("change", {bubbles: true}));
      function check() {
        const now = performance.now();
        const k = document.querySelector(${JSON.stringify(key)});
        if (Number.isNaN(out.keyChanged) && k && k.textContent !== before) out.keyChanged = now - t0;
        const current = [...document.querySelectorAll("#observablehq-main svg[class^='plot'], #observablehq-main figure svg")];
        const fresh = current.filter((s) => !svgs.has(s)).length;
        if (!Number.isNaN(out.keyChanged) && fresh >= Math.min(${charts}, svgs.size)) {
          out.redrawn = now - t0;
          resolve(out);
        } else if (now - t0 > 30000) resolve(out);
        else requestAnimationFrame(check);
      }
      requestAnimationFrame(check);
    })`)) as {keyChanged: number; redrawn: number};
    return {...load, ...response};
  } finally {
    await context.close();
  }
}

const server = await startStaticServer({dir: site});
const browser = await launchChromium();
const blank: Timing[] = [];
const results = new Map<string, Timing[]>();
try {
  for (let i = 0; i < runs; i++) {
    blank.push(await measure(browser, server.url + "bench-blank", 0));
    for (const p of EXPECTATIONS) {
      const list = results.get(p.path) ?? [];
      list.push(await measure(browser, server.url + p.path, p.charts, KEY[p.path], UNTICK[p.path]));
      results.set(p.path, list);
    }
  }
} finally {
  await browser.close();
  await server.close();
}

const base = median(blank.map((b) => b.ready));
const lines: string[] = [];
lines.push(`Campaign report benchmark, ${runs} runs per page (median), ${new Date().toISOString().slice(0, 10)}`);
lines.push("");
lines.push(`Blank page baseline: ready in ${base.toFixed(0)} ms.`);
lines.push("");
lines.push("| page | first chart (× blank) | charts above the fold drawn (× blank) | filter → key figure updated (× blank) | filter → all charts redrawn (× blank) | filter → charts redrawn (ms) |");
lines.push("|---|---|---|---|---|---|");
for (const p of EXPECTATIONS) {
  const list = results.get(p.path)!;
  const r = (k: keyof Timing) => (median(list.map((t) => t[k])) / base).toFixed(2);
  lines.push(`| /${p.path} | ${r("chart")} | ${r("ready")} | ${r("keyChanged")} | ${r("redrawn")} | ${median(list.map((t) => t.redrawn)).toFixed(0)} |`);
}
console.log(lines.join("\n"));
