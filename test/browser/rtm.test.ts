// Real-time marketing pages in Chromium: choosing a city changes the KPI cards; choosing an
// example query on the SQL explorer runs it in DuckDB-WASM and changes the result; the executive
// view fits a phone screen. Needs a built site (SITE_DIR or dist/).
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {openPage, SCREENSHOTS, useSite} from "./harness.js";

const site = useSite("rtm/index.html");

const kpiValue = (title: string) => `[data-kpi="${title}"] .big`;

describe("rtm executive view", () => {
  it("recomputes the KPI cards for the chosen city", async () => {
    const {page, report, close} = await openPage(site.browser, site.url + "rtm/", {charts: 3});
    try {
      expect(report.cellErrors).toEqual([]);
      const allCities = await page.textContent(kpiValue("Credited revenue"));
      const select = page.locator("#observablehq-main select").first();
      const options = await select.locator("option").allTextContents();
      expect(options[0]).toBe("All cities");
      await select.selectOption({label: options[1]});
      await page.waitForFunction(([selector, before]) => document.querySelector(selector)?.textContent !== before, [kpiValue("Credited revenue"), allCities] as const, {timeout: 10_000});
      const oneCity = await page.textContent(kpiValue("Credited revenue"));
      expect(oneCity).not.toBe(allCities);
      expect(await page.textContent("#observablehq-main")).toContain(`(${options[1]})`);
    } finally {
      await close();
    }
  });

  for (const [path, charts, tables] of [["rtm/", 3, 0], ["rtm/analyst", 6, 2], ["rtm/incrementality", 1, 1], ["rtm/sql", 0, 1]] as const) {
    it(`/${path} fits a phone screen without sideways scrolling`, async () => {
      const {report, close} = await openPage(site.browser, site.url + path, {charts, tables, viewport: {width: 390, height: 844}, screenshot: join(SCREENSHOTS, `${path.replaceAll("/", "_")}-phone.png`)});
      await close();
      expect(report.cellErrors).toEqual([]);
      expect(report.overflowX).toBeLessThanOrEqual(1);
    });
  }
});

describe("rtm SQL explorer", () => {
  it("runs the chosen example query in the browser", async () => {
    const {page, report, close} = await openPage(site.browser, site.url + "rtm/sql", {tables: 1});
    try {
      expect(report.cellErrors).toEqual([]);
      const rowsText = () => page.evaluate(() => [...document.querySelectorAll("#observablehq-main p")].map((p) => p.textContent ?? "").find((t) => /^[\d,]+ rows?\.$/.test(t.trim())) ?? "");
      const dedup = await rowsText();
      expect(dedup).toMatch(/rows/);
      await page.locator("#observablehq-main select").first().selectOption({label: "Conversion by city (sampled subscribers)"});
      await page.waitForFunction(() => [...document.querySelectorAll("#observablehq-main p")].some((p) => /^16 rows\.$|^\d+ rows\.$/.test((p.textContent ?? "").trim()) && (p.textContent ?? "").trim() !== ""), undefined, {timeout: 30_000});
      await page.waitForFunction(() => [...document.querySelectorAll("#observablehq-main th")].some((th) => th.textContent?.includes("city_name")), undefined, {timeout: 30_000});
      expect(await rowsText()).not.toBe(dedup);
    } finally {
      await close();
    }
  });
});
