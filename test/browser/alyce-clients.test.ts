// The Alyce "Clients and gifts" page in Chromium: the industry and service filters and the period
// drive the KPI cards, the headline and the top-clients table; the SQL explorer answers its example.
// Needs a built site (SITE_DIR or dist/).
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {openPage, SCREENSHOTS, textOf, useSite, waitForTextChange} from "./harness.js";
import {CLIENT_EXPECTATIONS} from "./pages/alyce-clients.js";

const site = useSite("alyce/clients.html");

const expected = CLIENT_EXPECTATIONS[0];
const revenue = '[data-kpi="Gifting revenue"] .big';
const clients = '[data-kpi="Clients active"] .big';

describe("Alyce clients and gifts: filters drive the page", () => {
  it("unticking an industry lowers revenue and active clients and re-ranks the top clients", async () => {
    const {page, report, close} = await openPage(site.browser, site.url + expected.path, {charts: expected.charts, tables: expected.tables, screenshot: join(SCREENSHOTS, "alyce_clients-filters.png")});
    try {
      expect(report.cellErrors).toEqual([]);
      const [revenueBefore, clientsBefore, headlineBefore, tableBefore] = [await textOf(page, revenue), await textOf(page, clients), await textOf(page, "#headline"), await textOf(page, "#table-clients tbody")];
      await page.click("details[data-facet=industry] summary");
      await page.uncheck("details[data-facet=industry] input[value=Software]");
      expect(await waitForTextChange(page, revenue, revenueBefore)).not.toBe(revenueBefore);
      expect(await textOf(page, clients)).not.toBe(clientsBefore);
      expect(await textOf(page, "#headline")).not.toBe(headlineBefore);
      expect(await textOf(page, "#table-clients tbody")).not.toBe(tableBefore);
      // No Software client is left in the table.
      expect(await textOf(page, "#table-clients tbody")).not.toContain("Software");
    } finally {
      await close();
    }
  });

  it("one service and a shorter period change the cards; the SQL example returns rows", async () => {
    const {page, close} = await openPage(site.browser, site.url + expected.path, {charts: expected.charts, tables: expected.tables});
    try {
      const before = await textOf(page, revenue);
      await page.selectOption("form.filter-bar select", {label: "Last 3 months"});
      const shorter = await waitForTextChange(page, revenue, before);
      await page.click("details[data-facet=service] summary");
      await page.click("details[data-facet=service] button:text('None')");
      // The menu re-renders and closes after each choice: open it again.
      if (!(await page.isVisible("details[data-facet=service] input[value='Swag Select']"))) await page.click("details[data-facet=service] summary");
      await page.check("details[data-facet=service] input[value='Swag Select']");
      expect(await waitForTextChange(page, revenue, shorter)).not.toBe(shorter);
      expect(await textOf(page, "#sql-result")).toMatch(/^\d+ rows?\./);
      expect(await page.$$eval("#sql-result table tbody tr", (rows) => rows.length)).toBeGreaterThan(0);
    } finally {
      await close();
    }
  });

  it("fits a phone screen without sideways scrolling", async () => {
    const {report, close} = await openPage(site.browser, site.url + expected.path, {charts: expected.charts, tables: expected.tables, viewport: {width: 390, height: 844}, screenshot: join(SCREENSHOTS, "alyce_clients-phone.png")});
    await close();
    expect(report.cellErrors).toEqual([]);
    expect(report.overflowX).toBeLessThanOrEqual(1);
  });
});
