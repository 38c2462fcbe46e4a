// The Alyce market-mix pages in Chromium: the budget optimiser answers the reader's budget and
// bounds, impossible bounds are explained instead of optimised, the contributions page follows the
// chosen lever, and every page fits a phone.
// Needs a built site (SITE_DIR or dist/).
import {existsSync} from "node:fs";
import {join, resolve} from "node:path";
import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {startStaticServer, type StaticServer} from "../../scripts/static-server.js";
import {launchChromium, openPage} from "./harness.js";
import {MMM_EXPECTATIONS} from "./pages/alyce.js";

const dist = process.env.SITE_DIR ? resolve(process.env.SITE_DIR) : join(import.meta.dirname, "..", "..", "dist");
const shots = join(import.meta.dirname, "..", ".output", "screenshots");
let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  if (!existsSync(join(dist, "alyce", "budget.html"))) throw new Error(`${dist} has no Alyce budget page: build the site first`);
  server = await startStaticServer({dir: dist, base: "/"});
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const text = (page: Page, selector: string) => page.$eval(selector, (el) => (el.textContent ?? "").replace(/\s+/g, " ").trim());

async function changed(page: Page, selector: string, before: string): Promise<string> {
  await page.waitForFunction(
    ({selector, before}) => {
      const el = document.querySelector(selector);
      return el !== null && (el.textContent ?? "").replace(/\s+/g, " ").trim() !== before;
    },
    {selector, before},
    {timeout: 30_000}
  );
  return text(page, selector);
}

/** Types a value into the number box of the n-th range input of the budget form. */
async function setInput(page: Page, n: number, value: number) {
  const box = page.locator("#budget-inputs input[type=number]").nth(n);
  await box.fill(String(value));
  await box.dispatchEvent("input");
}

const budget = MMM_EXPECTATIONS.find((e) => e.path === "alyce/budget")!;
const recommended = '[data-kpi="Sales from media, recommended"] .big';
const gain = `[data-kpi="Gain vs today's mix"] .big`;

describe("Alyce: the budget optimiser responds to the reader", () => {
  it("a larger budget raises the recommended sales and changes the plan", async () => {
    const {page, report, close} = await openPage(browser, server.url + "alyce/budget", {charts: budget.charts, tables: budget.tables});
    try {
      expect(report.cellErrors).toEqual([]);
      const [salesBefore, sentenceBefore, tableBefore] = [await text(page, recommended), await text(page, "#plan-sentence"), await text(page, "#table-allocation tbody")];
      const current = Number(await page.locator("#budget-inputs input[type=number]").nth(0).inputValue());
      expect(current).toBeGreaterThan(0);
      await setInput(page, 0, Math.round(1.5 * current));
      const salesAfter = await changed(page, recommended, salesBefore);
      const money = (s: string) => Number(s.replace(/[$,]/g, "").replace(/K$/, "e3").replace(/M$/, "e6"));
      expect(money(salesAfter)).toBeGreaterThan(money(salesBefore));
      expect(await text(page, "#plan-sentence")).not.toBe(sentenceBefore);
      expect(await text(page, "#table-allocation tbody")).not.toBe(tableBefore);
    } finally {
      await close();
    }
  });

  it("bounds that pin every lever to today's spend leave no gain; impossible bounds are explained", async () => {
    const {page, close} = await openPage(browser, server.url + "alyce/budget", {charts: budget.charts, tables: budget.tables});
    try {
      const gainBefore = await text(page, gain);
      await setInput(page, 1, 100); // at least 100 % of today
      await setInput(page, 2, 100); // at most 100 % of today
      const gainAfter = await changed(page, gain, gainBefore);
      expect(gainAfter).toMatch(/^−?\$0(\.00)?$/);
      await setInput(page, 0, Math.round(0.3 * Number(await page.locator("#budget-inputs input[type=number]").nth(0).inputValue())));
      await page.waitForFunction(() => /lower bounds alone/.test(document.querySelector("#plan-sentence")?.textContent ?? ""), null, {timeout: 30_000});
    } finally {
      await close();
    }
  });
});

describe("Alyce: contributions one lever at a time", () => {
  it("choosing another lever redraws its chart and rewrites its sentence", async () => {
    const contributions = MMM_EXPECTATIONS.find((e) => e.path === "alyce/contributions")!;
    const {page, report, close} = await openPage(browser, server.url + "alyce/contributions", {charts: contributions.charts, tables: contributions.tables});
    try {
      expect(report.cellErrors).toEqual([]);
      const sentence = () => page.evaluate(() => (document.querySelector("#chart-lever")?.previousElementSibling?.textContent ?? "").replace(/\s+/g, " ").trim());
      const before = await sentence();
      expect(before).toMatch(/^TV spent in \d+ of 208 weeks/);
      await page.selectOption("#chart-lever select", {index: 1});
      await page.waitForFunction((b) => (document.querySelector("#chart-lever")?.previousElementSibling?.textContent ?? "").replace(/\s+/g, " ").trim() !== b, before, {timeout: 30_000});
      expect(await sentence()).toMatch(/^Paid search spent in \d+ of 208 weeks/);
    } finally {
      await close();
    }
  });
});

describe("Alyce market-mix pages on a phone", () => {
  for (const expected of MMM_EXPECTATIONS) {
    it(`/${expected.path} fits 390 px without sideways scrolling`, async () => {
      const {report, close} = await openPage(browser, server.url + expected.path, {charts: expected.charts, tables: expected.tables, viewport: {width: 390, height: 844}, screenshot: join(shots, `${expected.path.replaceAll("/", "_")}-phone.png`)});
      await close();
      expect(report.cellErrors).toEqual([]);
      expect(report.pageErrors).toEqual([]);
      expect(report.overflowX).toBeLessThanOrEqual(1);
      expect(report.charts).toBeGreaterThanOrEqual(expected.charts);
    });
  }
});
