// The Alyce market-mix pages in Chromium: the budget optimiser answers the reader's budget and
// bounds, impossible bounds are explained instead of optimised, the contributions page follows the
// chosen lever, and every page fits a phone.
// Needs a built site (SITE_DIR or dist/).
import {join} from "node:path";
import type {Page} from "playwright-core";
import {describe, expect, it} from "vitest";
import {openPage, SCREENSHOTS, textOf, useSite, waitForTextChange} from "./harness.js";
import {MMM_EXPECTATIONS} from "./pages/alyce.js";

const site = useSite("alyce/budget.html");

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
    const {page, report, close} = await openPage(site.browser, site.url + "alyce/budget", {charts: budget.charts, tables: budget.tables});
    try {
      expect(report.cellErrors).toEqual([]);
      const [salesBefore, sentenceBefore, tableBefore] = [await textOf(page, recommended), await textOf(page, "#plan-sentence"), await textOf(page, "#table-allocation tbody")];
      const current = Number(await page.locator("#budget-inputs input[type=number]").nth(0).inputValue());
      expect(current).toBeGreaterThan(0);
      await setInput(page, 0, Math.round(1.5 * current));
      const salesAfter = await waitForTextChange(page, recommended, salesBefore);
      const money = (s: string) => Number(s.replace(/[$,]/g, "").replace(/K$/, "e3").replace(/M$/, "e6"));
      expect(money(salesAfter)).toBeGreaterThan(money(salesBefore));
      expect(await textOf(page, "#plan-sentence")).not.toBe(sentenceBefore);
      expect(await textOf(page, "#table-allocation tbody")).not.toBe(tableBefore);
    } finally {
      await close();
    }
  });

  it("bounds that pin every lever to today's spend leave no gain; impossible bounds are explained", async () => {
    const {page, close} = await openPage(site.browser, site.url + "alyce/budget", {charts: budget.charts, tables: budget.tables});
    try {
      const gainBefore = await textOf(page, gain);
      await setInput(page, 1, 100); // at least 100 % of today
      await setInput(page, 2, 100); // at most 100 % of today
      const gainAfter = await waitForTextChange(page, gain, gainBefore);
      expect(gainAfter).toMatch(/^−?\$0(\.00)?$/);
      await setInput(page, 0, Math.round(0.3 * Number(await page.locator("#budget-inputs input[type=number]").nth(0).inputValue())));
      await page.waitForFunction(() => /lower bounds alone/.test(document.querySelector("#plan-sentence")?.textContent ?? ""), null, {timeout: 30_000});
    } finally {
      await close();
    }
  });
});

describe("Alyce: bounds for one lever", () => {
  it("pinning TV at today's spend keeps it there while the other levers move", async () => {
    const {page, report, close} = await openPage(site.browser, site.url + "alyce/budget", {charts: budget.charts, tables: budget.tables});
    try {
      expect(report.cellErrors).toEqual([]);
      const tvChange = () => page.evaluate(() => [...document.querySelectorAll("#table-allocation tbody tr")].find((tr) => tr.querySelector("td")?.textContent?.trim() === "TV")?.querySelectorAll("td")[3]?.textContent?.trim() ?? "");
      const before = await tvChange();
      expect(before).toMatch(/^−\$\d/); // the default plan moves money out of TV
      await page.click("#lever-bounds summary");
      for (const n of [0, 1]) {
        const box = page.locator('#lever-bounds [data-lever="tv"] input').nth(n);
        await box.fill("100");
        await box.dispatchEvent("input");
      }
      await page.waitForFunction(() => {
        const row = [...document.querySelectorAll("#table-allocation tbody tr")].find((tr) => tr.querySelector("td")?.textContent?.trim() === "TV");
        return /^[+−]?\$0(\.0+)?$/.test(row?.querySelectorAll("td")[3]?.textContent?.trim() ?? "");
      }, null, {timeout: 30_000});
      expect(await textOf(page, "#plan-sentence")).not.toContain("TV (");
    } finally {
      await close();
    }
  });
});

describe("Alyce: contributions one lever at a time", () => {
  it("choosing another lever redraws its chart and rewrites its sentence", async () => {
    const contributions = MMM_EXPECTATIONS.find((e) => e.path === "alyce/contributions")!;
    const {page, report, close} = await openPage(site.browser, site.url + "alyce/contributions", {charts: contributions.charts, tables: contributions.tables});
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
      const {report, close} = await openPage(site.browser, site.url + expected.path, {charts: expected.charts, tables: expected.tables, viewport: {width: 390, height: 844}, screenshot: join(SCREENSHOTS, `${expected.path.replaceAll("/", "_")}-phone.png`)});
      await close();
      expect(report.cellErrors).toEqual([]);
      expect(report.pageErrors).toEqual([]);
      expect(report.overflowX).toBeLessThanOrEqual(1);
      expect(report.charts).toBeGreaterThanOrEqual(expected.charts);
    });
  }
});
