// The campaign report in Chromium: on every page, changing a filter changes what the page says (a
// KPI, a table, a finding), the selection follows the reader to the next page and into the
// address, and every page fits a phone. Needs a built site (SITE_DIR or dist/).
import {join} from "node:path";
import type {Page} from "playwright-core";
import {describe, expect, it} from "vitest";
import {openPage, SCREENSHOTS, textOf, useSite, waitForTextChange} from "./harness.js";
import {EXPECTATIONS} from "./pages/campaigns.js";

const site = useSite("campaigns/index.html");

/** Unticks a channel in the filter bar's channel menu. */
async function untickChannel(page: Page, channel: string) {
  await page.click("details[data-facet=channel] summary");
  await page.uncheck(`details[data-facet=channel] input[value=${channel}]`);
}

const expectation = (path: string) => EXPECTATIONS.find((e) => e.path === path)!;

describe("campaign report: filters drive the page", () => {
  it("overview: unticking a channel changes the spend and ROAS cards, and a period preset changes them again", async () => {
    const {page, report, close} = await openPage(site.browser, site.url + "campaigns/", {charts: expectation("campaigns/").charts, scroll: false}); // the SQL table loads only when scrolled to
    try {
      expect(report.cellErrors).toEqual([]);
      const spend = '[data-kpi="Spend"] .big';
      const roas = '[data-kpi="ROAS"] .big';
      const spendBefore = await textOf(page, spend);
      const roasBefore = await textOf(page, roas);
      await untickChannel(page, "search");
      const spendAfter = await waitForTextChange(page, spend, spendBefore);
      expect(spendAfter).not.toBe(spendBefore);
      expect(await textOf(page, roas)).not.toBe(roasBefore);
      expect(new URL(page.url()).searchParams.get("channel")).toBe("social,display,email,video,affiliate");
      await page.selectOption("select[name=preset]", "Last 30 days");
      expect(await waitForTextChange(page, spend, spendAfter)).not.toBe(spendAfter);
      expect(await textOf(page, '[data-kpi="Spend"] .kpi-delta')).toMatch(/[+−]\d/); // a change on the previous 30 days
      // The finding sentences follow the filters too.
      expect(await textOf(page, "#insights")).toMatch(/previous 30 days/);
    } finally {
      await close();
    }
  });

  it("the selection follows the reader to the next page", async () => {
    const context = await site.browser.newContext({viewport: {width: 1280, height: 900}});
    const page = await context.newPage();
    try {
      await page.goto(site.url + "campaigns/");
      await page.waitForSelector('[data-kpi="Spend"] .big');
      await untickChannel(page, "email");
      await page.waitForFunction(() => new URLSearchParams(location.search).has("channel"));
      await page.goto(site.url + "campaigns/channels");
      await page.waitForSelector("#table-channels tbody tr");
      expect(await textOf(page, "details[data-facet=channel] summary")).toBe("5 of 6 channels");
      expect(await page.$$eval("#table-channels tbody tr", (rows) => rows.map((r) => r.querySelector("td")!.textContent))).not.toContain("Email");
    } finally {
      await context.close();
    }
  });

  // Every other page: the element that must change when a channel is unticked.
  const cases: {path: string; selector: string; channel: string}[] = [
    {path: "campaigns/channels", selector: "#table-channels tbody", channel: "search"},
    {path: "campaigns/customers", selector: "#kpis", channel: "search"},
    {path: "campaigns/forecasts", selector: "#forecast-summary", channel: "search"},
    {path: "campaigns/budget", selector: "#budget-finding", channel: "email"},
    {path: "campaigns/experiments", selector: "#insights", channel: "search"},
    {path: "campaigns/attribution", selector: "#insights", channel: "video"}
  ];
  for (const {path, selector, channel} of cases) {
    it(`/${path}: unticking ${channel} changes ${selector}`, async () => {
      const {page, report, close} = await openPage(site.browser, site.url + path, {charts: expectation(path).charts, scroll: false});
      try {
        expect(report.cellErrors).toEqual([]);
        const before = await textOf(page, selector);
        await untickChannel(page, channel);
        const after = await waitForTextChange(page, selector, before);
        expect(after).not.toBe(before);
        expect(await page.$$eval(".observablehq--error", (els) => els.length)).toBe(0);
      } finally {
        await close();
      }
    });
  }
});

describe("campaign report on a phone", () => {
  for (const {path, charts, tables} of EXPECTATIONS) {
    it(`/${path} fits 390 px without sideways scrolling`, async () => {
      const name = path.replaceAll("/", "_");
      const {report, close} = await openPage(site.browser, site.url + path, {charts, tables, viewport: {width: 390, height: 844}, screenshot: join(SCREENSHOTS, `${name}-phone.png`)});
      await close();
      expect(report.cellErrors).toEqual([]);
      expect(report.overflowX).toBeLessThanOrEqual(1);
    });
  }
});
