// Olist pages in Chromium: the shopper explorer changes recommendations with the shopper and the
// customer, and the similar-products lists with the product; the map recolours by the chosen
// measure; the review-text chart switches between frequent and distinctive terms; every page fits
// a phone screen. Needs a built site (SITE_DIR or dist/).
import {join} from "node:path";
import type {Page} from "playwright-core";
import {describe, expect, it} from "vitest";
import {openPage, SCREENSHOTS, useSite} from "./harness.js";
import {EXPECTATIONS} from "./pages/olist.js";

const site = useSite("olist/index.html");

const changed = (page: Page, selector: string, attribute: string, before: string | null) =>
  page.waitForFunction(([s, a, b]) => document.querySelector(s!)?.getAttribute(a!) !== b, [selector, attribute, before] as const, {timeout: 15_000});

describe("olist shopper explorer", () => {
  it("shows each shopper's recommendations with a reason, and changes them with the customer", async () => {
    const {page, report, close} = await openPage(site.browser, site.url + "olist/shop");
    try {
      expect(report.cellErrors).toEqual([]);
      // Default: a repeat customer, ALS picks with a reason each.
      await page.waitForSelector("#recommendations .olist-rec");
      const first = await page.getAttribute("#recommendations", "data-customer");
      expect(first).toMatch(/^[0-9a-f]{32}$/);
      const strategies = await page.$$eval("#recommendations .olist-rec", (cards) => cards.map((c) => c.getAttribute("data-strategy")));
      expect(strategies.length).toBe(8);
      expect(strategies.filter((s) => s === "als").length).toBeGreaterThan(0);
      const reasons = await page.$$eval("#recommendations .olist-rec p", (ps) => ps.map((p) => p.textContent ?? ""));
      expect(reasons.every((r) => r.length > 10)).toBe(true);

      // Another customer: the list follows.
      const select = page.locator("#customer-card select");
      const options = await select.locator("option").allTextContents();
      await select.selectOption({index: 1});
      await changed(page, "#recommendations", "data-customer", first);
      const second = await page.getAttribute("#recommendations", "data-customer");
      expect(second).not.toBe(first);
      expect(options.length).toBeGreaterThan(10);

      // A new visitor: popular this month, no customer.
      await page.locator("#persona-picker input[type=radio]").nth(0).check();
      await changed(page, "#recommendations", "data-customer", second);
      const popular = await page.$$eval("#recommendations .olist-rec", (cards) => cards.map((c) => c.getAttribute("data-strategy")));
      expect(popular.every((s) => s === "popular")).toBe(true);
      expect(await page.textContent("#recommendations")).toContain("Popular this month");

      // A big spender: upsell picks.
      await page.locator("#persona-picker input[type=radio]").nth(3).check();
      await page.waitForFunction(() => [...document.querySelectorAll("#recommendations .olist-rec")].some((c) => c.getAttribute("data-strategy") === "upsell"), undefined, {timeout: 15_000});
    } finally {
      await close();
    }
  });

  it("lists similar products by three methods, following the chosen product", async () => {
    const {page, close} = await openPage(site.browser, site.url + "olist/shop");
    try {
      await page.waitForSelector("#similar-products [data-method] li");
      const methods = await page.$$eval("#similar-products [data-method]", (cols) => cols.map((c) => c.getAttribute("data-method")));
      expect(methods).toEqual(["co-purchases", "ALS", "item2vec"]);
      const before = await page.getAttribute("#similar-products", "data-product");
      await page.locator("#product-picker select").selectOption({index: 2});
      await changed(page, "#similar-products", "data-product", before);
      expect(await page.$$eval("#similar-products [data-method='ALS'] li", (li) => li.length)).toBeGreaterThan(0);
    } finally {
      await close();
    }
  });
});

describe("olist overview and review text", () => {
  it("recolours the state map by the chosen measure", async () => {
    const {page, report, close} = await openPage(site.browser, site.url + "olist/", {charts: 9});
    try {
      expect(report.cellErrors).toEqual([]);
      const legend = () => page.textContent("#chart-map");
      expect(await legend()).toContain("Revenue (BRL)");
      await page.locator("#chart-map select").selectOption({label: "Share delivered late"});
      await page.waitForFunction(() => document.querySelector("#chart-map")?.textContent?.includes("Share delivered late") && !document.querySelector("#chart-map figure, #chart-map svg")?.textContent?.includes("Revenue (BRL)"), undefined, {timeout: 15_000});
      expect(await page.$$eval("#chart-map svg path", (paths) => paths.length)).toBeGreaterThanOrEqual(27);
    } finally {
      await close();
    }
  });

  it("switches the review-text chart between frequent and distinctive terms", async () => {
    const {page, close} = await openPage(site.browser, site.url + "olist/reviews", {charts: 2});
    try {
      const label = () => page.textContent("#chart-terms");
      expect(await label()).toContain("Share of the score's terms");
      await page.locator("#term-controls input[type=radio]").nth(1).check();
      await page.waitForFunction(() => document.querySelector("#chart-terms")?.textContent?.includes("Log-odds z-score"), undefined, {timeout: 15_000});
      expect(await page.$$eval("#chart-terms svg", (s) => s.length)).toBeGreaterThanOrEqual(5);
    } finally {
      await close();
    }
  });
});

describe("olist on a phone", () => {
  for (const {path, charts, tables} of EXPECTATIONS) {
    it(`/${path} fits a 390 px screen without sideways scrolling`, async () => {
      const {report, close} = await openPage(site.browser, site.url + path, {charts, tables, viewport: {width: 390, height: 844}, screenshot: join(SCREENSHOTS, `${path.replaceAll("/", "_")}-phone.png`)});
      await close();
      expect(report.cellErrors).toEqual([]);
      expect(report.consoleErrors).toEqual([]);
      expect(report.overflowX).toBeLessThanOrEqual(1);
    });
  }
});
