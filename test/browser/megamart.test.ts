// The MegaMart report in Chromium: filters change what the pages say (a KPI, a finding, the store
// table), the campaign page's confidence level changes the intervals, and every page fits a phone.
// Needs a built site (SITE_DIR or dist/).
import {existsSync} from "node:fs";
import {join, resolve} from "node:path";
import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {startStaticServer, type StaticServer} from "../../scripts/static-server.js";
import {launchChromium, openPage} from "./harness.js";
import {EXPECTATIONS} from "./pages/megamart.js";

const dist = process.env.SITE_DIR ? resolve(process.env.SITE_DIR) : join(import.meta.dirname, "..", "..", "dist");
let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  if (!existsSync(join(dist, "megamart", "index.html"))) throw new Error(`${dist} has no MegaMart report: build the site first`);
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

const expectation = (path: string) => EXPECTATIONS.find((e) => e.path === path)!;

describe("MegaMart: filters drive the pages", () => {
  it("executive: unticking a region changes revenue, AOV and the findings", async () => {
    const {page, report, close} = await openPage(browser, server.url + "megamart/", {charts: expectation("megamart/").charts});
    try {
      expect(report.cellErrors).toEqual([]);
      const revenue = '[data-kpi="Net revenue"] .big';
      const aov = '[data-kpi="Average order value"] .big';
      const [revenueBefore, aovBefore, insightsBefore] = [await text(page, revenue), await text(page, aov), await text(page, "#insights")];
      await page.click("details[data-facet=region] summary");
      await page.uncheck("details[data-facet=region] input[value=Online]");
      expect(await changed(page, revenue, revenueBefore)).not.toBe(revenueBefore);
      expect(await text(page, aov)).not.toBe(aovBefore);
      expect(await text(page, "#insights")).not.toBe(insightsBefore);
    } finally {
      await close();
    }
  });

  it("operations: picking another period re-ranks the store league table", async () => {
    const {page, close} = await openPage(browser, server.url + "megamart/operations", {charts: expectation("megamart/operations").charts});
    try {
      const before = await text(page, "#table-league tbody");
      await page.selectOption("form select", {label: "Last 3 months"});
      expect(await changed(page, "#table-league tbody", before)).not.toBe(before);
    } finally {
      await close();
    }
  });

  it("campaigns: a higher confidence level widens every interval", async () => {
    const {page, close} = await openPage(browser, server.url + "megamart/campaigns", {charts: 1});
    try {
      const before = await text(page, "#table-tests tbody");
      await page.check("input[type=radio][value='2']");
      const after = await changed(page, "#table-tests tbody", before);
      expect(after).not.toBe(before);
    } finally {
      await close();
    }
  });
});

describe("MegaMart on a phone", () => {
  for (const expected of EXPECTATIONS) {
    it(`/${expected.path} fits 390 px without sideways scrolling`, async () => {
      const {report, close} = await openPage(browser, server.url + expected.path, {charts: expected.charts, viewport: {width: 390, height: 844}});
      await close();
      expect(report.cellErrors).toEqual([]);
      expect(report.overflowX).toBeLessThanOrEqual(1);
    });
  }
});
