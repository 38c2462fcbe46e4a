// The built site in Debian's Chromium: every page opens with no console or page error, asks no
// other host for anything, and shows its charts and SQL results; the site also works under a
// sub-path and on a phone-sized screen. Needs `npm run build` first (npm run test:browser does it).
import {existsSync, readdirSync} from "node:fs";
import {join, relative, resolve} from "node:path";
import type {Browser} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {startStaticServer, type StaticServer} from "../../scripts/static-server.js";
import {launchChromium, openPage, SCREENSHOTS, SITE_DIR} from "./harness.js";
import {PAGES} from "./pages.js";

// SITE_DIR lets a developer test a build made elsewhere (OBSERVABLE_OUTPUT=...); default dist/.
const dist = SITE_DIR;
const shots = SCREENSHOTS;
let browser: Browser;
let server: StaticServer;

function builtPages(dir = dist): string[] {
  return readdirSync(dir, {withFileTypes: true}).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name.startsWith("_") ? [] : builtPages(path);
    if (!entry.name.endsWith(".html") || entry.name === "404.html") return [];
    return [relative(dist, path).replace(/\.html$/, "").replace(/(^|\/)index$/, "$1")];
  });
}

beforeAll(async () => {
  if (!existsSync(join(dist, "index.html"))) throw new Error("dist/ is not built: run npm run build first");
  server = await startStaticServer({dir: dist, base: "/"});
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("built site", () => {
  it("lists every built page in test/browser/pages.ts", () => {
    expect(builtPages().sort()).toEqual(PAGES.map((p) => p.path).sort());
  });

  for (const expected of PAGES) {
    it(`/${expected.path} renders cleanly with its charts and tables`, async () => {
      const name = expected.path.replaceAll("/", "_") || "index";
      const {report, close} = await openPage(browser, server.url + expected.path, {charts: expected.charts, tables: expected.tables, screenshot: join(shots, `${name}.png`)});
      await close();
      expect(report.offHostRequests).toEqual([]);
      expect(report.pageErrors).toEqual([]);
      expect(report.consoleErrors).toEqual([]);
      expect(report.cellErrors).toEqual([]);
      expect(report.failedRequests).toEqual([]);
      expect(report.pending).toBe(0);
      expect(report.charts).toBeGreaterThanOrEqual(expected.charts);
      expect(report.tables).toBeGreaterThanOrEqual(expected.tables);
    });
  }

  it("works under a sub-path, as on GitHub Pages", async () => {
    const sub = await startStaticServer({dir: dist, base: "/marketing-reports/"});
    try {
      const {report, close} = await openPage(browser, sub.url, {charts: 1, tables: 1});
      await close();
      expect(report.failedRequests).toEqual([]);
      expect(report.cellErrors).toEqual([]);
      expect(report.charts).toBeGreaterThanOrEqual(1);
    } finally {
      await sub.close();
    }
  });

  it("downloads the DuckDB engine only when the reader scrolls to the SQL section", async () => {
    const {page, report, close} = await openPage(browser, server.url, {charts: 1, scroll: false, viewport: {width: 390, height: 844}});
    await page.waitForLoadState("networkidle");
    await close();
    expect(report.charts).toBeGreaterThanOrEqual(1);
    expect(report.requests.filter((u) => u.endsWith(".wasm"))).toEqual([]);
  });

  it("fits a phone screen without sideways scrolling", async () => {
    const {report, close} = await openPage(browser, server.url, {charts: 1, tables: 1, viewport: {width: 390, height: 844}, screenshot: join(shots, "index-phone.png")});
    await close();
    expect(report.cellErrors).toEqual([]);
    expect(report.overflowX).toBeLessThanOrEqual(1);
  });
});
