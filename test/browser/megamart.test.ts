// The MegaMart report in Chromium: filters change what the pages say (a KPI, a finding, the store
// table), the campaign page's confidence level changes the intervals, and every page fits a phone.
// Needs a built site (SITE_DIR or dist/).
import {describe, expect, it} from "vitest";
import {openPage, textOf, useSite, waitForTextChange} from "./harness.js";
import {EXPECTATIONS} from "./pages/megamart.js";

const site = useSite("megamart/index.html");

const expectation = (path: string) => EXPECTATIONS.find((e) => e.path === path)!;

describe("MegaMart: filters drive the pages", () => {
  it("executive: unticking a region changes revenue, AOV and the findings", async () => {
    const {page, report, close} = await openPage(site.browser, site.url + "megamart/", {charts: expectation("megamart/").charts});
    try {
      expect(report.cellErrors).toEqual([]);
      const revenue = '[data-kpi="Net revenue"] .big';
      const aov = '[data-kpi="Average order value"] .big';
      const [revenueBefore, aovBefore, insightsBefore] = [await textOf(page, revenue), await textOf(page, aov), await textOf(page, "#insights")];
      await page.click("details[data-facet=region] summary");
      await page.uncheck("details[data-facet=region] input[value=Online]");
      expect(await waitForTextChange(page, revenue, revenueBefore)).not.toBe(revenueBefore);
      expect(await textOf(page, aov)).not.toBe(aovBefore);
      expect(await textOf(page, "#insights")).not.toBe(insightsBefore);
    } finally {
      await close();
    }
  });

  it("operations: picking another period re-ranks the store league table", async () => {
    const {page, close} = await openPage(site.browser, site.url + "megamart/operations", {charts: expectation("megamart/operations").charts});
    try {
      const before = await textOf(page, "#table-league tbody");
      await page.selectOption("form select", {label: "Last 3 months"});
      expect(await waitForTextChange(page, "#table-league tbody", before)).not.toBe(before);
    } finally {
      await close();
    }
  });

  it("campaigns: a higher confidence level widens every interval", async () => {
    const {page, close} = await openPage(site.browser, site.url + "megamart/campaigns", {charts: 1});
    try {
      const before = await textOf(page, "#table-tests tbody");
      await page.check("input[type=radio][value='2']");
      const after = await waitForTextChange(page, "#table-tests tbody", before);
      expect(after).not.toBe(before);
    } finally {
      await close();
    }
  });
});

describe("MegaMart on a phone", () => {
  for (const expected of EXPECTATIONS) {
    it(`/${expected.path} fits 390 px without sideways scrolling`, async () => {
      const {report, close} = await openPage(site.browser, site.url + expected.path, {charts: expected.charts, viewport: {width: 390, height: 844}});
      await close();
      expect(report.cellErrors).toEqual([]);
      expect(report.overflowX).toBeLessThanOrEqual(1);
    });
  }
});
