// The Alyce "Clients and gifts" page in Chromium: the industry and service filters and the period
// drive the KPI cards, the headline and the top-clients table; the SQL explorer answers its example.
// Needs a built site (SITE_DIR or dist/).
import {existsSync} from "node:fs";
import {join, resolve} from "node:path";
import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {startStaticServer, type StaticServer} from "../../scripts/static-server.js";
import {launchChromium, openPage} from "./harness.js";
import {CLIENT_EXPECTATIONS} from "./pages/alyce-clients.js";

const dist = process.env.SITE_DIR ? resolve(process.env.SITE_DIR) : join(import.meta.dirname, "..", "..", "dist");
const shots = join(import.meta.dirname, "..", ".output", "screenshots");
let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  if (!existsSync(join(dist, "alyce", "clients.html"))) throw new Error(`${dist} has no Alyce clients page: build the site first`);
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

const expected = CLIENT_EXPECTATIONS[0];
const revenue = '[data-kpi="Gifting revenue"] .big';
const clients = '[data-kpi="Clients active"] .big';

describe("Alyce clients and gifts: filters drive the page", () => {
  it("unticking an industry lowers revenue and active clients and re-ranks the top clients", async () => {
    const {page, report, close} = await openPage(browser, server.url + expected.path, {charts: expected.charts, tables: expected.tables, screenshot: join(shots, "alyce_clients-filters.png")});
    try {
      expect(report.cellErrors).toEqual([]);
      const [revenueBefore, clientsBefore, headlineBefore, tableBefore] = [await text(page, revenue), await text(page, clients), await text(page, "#headline"), await text(page, "#table-clients tbody")];
      await page.click("details[data-facet=industry] summary");
      await page.uncheck("details[data-facet=industry] input[value=Software]");
      expect(await changed(page, revenue, revenueBefore)).not.toBe(revenueBefore);
      expect(await text(page, clients)).not.toBe(clientsBefore);
      expect(await text(page, "#headline")).not.toBe(headlineBefore);
      expect(await text(page, "#table-clients tbody")).not.toBe(tableBefore);
      // No Software client is left in the table.
      expect(await text(page, "#table-clients tbody")).not.toContain("Software");
    } finally {
      await close();
    }
  });

  it("one service and a shorter period change the cards; the SQL example returns rows", async () => {
    const {page, close} = await openPage(browser, server.url + expected.path, {charts: expected.charts, tables: expected.tables});
    try {
      const before = await text(page, revenue);
      await page.selectOption("form.filter-bar select", {label: "Last 3 months"});
      const shorter = await changed(page, revenue, before);
      await page.click("details[data-facet=service] summary");
      await page.click("details[data-facet=service] button:text('None')");
      // The menu re-renders and closes after each choice: open it again.
      if (!(await page.isVisible("details[data-facet=service] input[value='Swag Select']"))) await page.click("details[data-facet=service] summary");
      await page.check("details[data-facet=service] input[value='Swag Select']");
      expect(await changed(page, revenue, shorter)).not.toBe(shorter);
      expect(await text(page, "#sql-result")).toMatch(/^\d+ rows?\./);
      expect(await page.$$eval("#sql-result table tbody tr", (rows) => rows.length)).toBeGreaterThan(0);
    } finally {
      await close();
    }
  });

  it("fits a phone screen without sideways scrolling", async () => {
    const {report, close} = await openPage(browser, server.url + expected.path, {charts: expected.charts, tables: expected.tables, viewport: {width: 390, height: 844}, screenshot: join(shots, "alyce_clients-phone.png")});
    await close();
    expect(report.cellErrors).toEqual([]);
    expect(report.overflowX).toBeLessThanOrEqual(1);
  });
});
