/**
 * Opens built pages in Debian's Chromium (playwright-core, no downloaded browser) and records what
 * a reader would suffer: console errors, page errors, failed or off-host requests, cells that
 * errored or never finished, and charts or SQL results that never appeared.
 */
import {existsSync, mkdirSync} from "node:fs";
import {join, resolve} from "node:path";
import {chromium, type Browser, type Page} from "playwright-core";
import {afterAll, beforeAll} from "vitest";
import {startStaticServer, type StaticServer} from "../../scripts/static-server.js";

/** The built site under test: SITE_DIR (a build made elsewhere with OBSERVABLE_OUTPUT=...) or dist/. */
export const SITE_DIR = process.env.SITE_DIR ? resolve(process.env.SITE_DIR) : join(import.meta.dirname, "..", "..", "dist");
/** Where tests write the screenshots a developer looks at. */
export const SCREENSHOTS = join(import.meta.dirname, "..", ".output", "screenshots");

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync"
];

export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(path)) throw new Error(`Chromium not found at ${path}: install Debian's chromium (apt-get install -y chromium) or set CHROMIUM_PATH`);
  return path;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true});
}

export interface PageReport {
  consoleErrors: string[];
  pageErrors: string[];
  offHostRequests: string[];
  failedRequests: string[];
  cellErrors: string[];
  /** Every URL requested (same host), in order. */
  requests: string[];
  charts: number;
  tables: number;
  pending: number;
  overflowX: number;
}

/** Loads `url` and waits until every cell has settled and at least `charts` charts and `tables` tables show. */
export async function openPage(browser: Browser, url: string, {charts = 0, tables = 0, viewport = {width: 1280, height: 900}, timeoutMs = 60_000, screenshot, scroll = true}: {charts?: number; tables?: number; viewport?: {width: number; height: number}; timeoutMs?: number; screenshot?: string; scroll?: boolean} = {}): Promise<{page: Page; report: PageReport; close: () => Promise<void>}> {
  const context = await browser.newContext({viewport});
  const page = await context.newPage();
  const report: PageReport = {consoleErrors: [], pageErrors: [], offHostRequests: [], failedRequests: [], cellErrors: [], requests: [], charts: 0, tables: 0, pending: 0, overflowX: 0};
  page.on("console", (message) => {
    if (message.type() === "error") report.consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => report.pageErrors.push(error.message));
  page.on("request", (request) => {
    const u = request.url();
    if (u.startsWith("data:") || u.startsWith("blob:")) return;
    report.requests.push(u);
    if (new URL(u).hostname !== "127.0.0.1") report.offHostRequests.push(u);
  });
  page.on("response", (response) => {
    if (response.status() >= 400) report.failedRequests.push(`${response.status()} ${response.url()}`);
  });
  await page.goto(url, {waitUntil: "load", timeout: timeoutMs});
  await page
    .waitForFunction(
      ({charts, tables, scroll}) => {
        // Scroll down as a reader would: some cells wait until they are visible (visibility()).
        if (scroll) window.scrollTo(0, document.documentElement.scrollHeight);
        // Without scrolling, cells below the fold may wait for the reader (visibility()): only the
        // ones a reader sees must have settled.
        const pending = [...document.querySelectorAll("observablehq-loading")].filter((el) => scroll || el.getBoundingClientRect().top < window.innerHeight).length;
        const errors = document.querySelectorAll(".observablehq--error").length;
        const chartCount = document.querySelectorAll("#observablehq-main svg[class^='plot'], #observablehq-main figure svg").length;
        const tableCount = [...document.querySelectorAll("#observablehq-main table")].filter((t) => t.querySelectorAll("tbody tr").length > 0).length;
        return errors > 0 || (pending === 0 && chartCount >= charts && tableCount >= tables);
      },
      {charts, tables, scroll},
      {timeout: timeoutMs, polling: 100}
    )
    .catch(() => undefined);
  Object.assign(
    report,
    await page.evaluate(() => ({
      cellErrors: [...document.querySelectorAll(".observablehq--error")].map((e) => e.textContent ?? ""),
      charts: document.querySelectorAll("#observablehq-main svg[class^='plot'], #observablehq-main figure svg").length,
      tables: [...document.querySelectorAll("#observablehq-main table")].filter((t) => t.querySelectorAll("tbody tr").length > 0).length,
      pending: document.querySelectorAll("observablehq-loading").length,
      overflowX: document.documentElement.scrollWidth - window.innerWidth
    }))
  );
  if (screenshot) {
    mkdirSync(screenshot.slice(0, screenshot.lastIndexOf("/")), {recursive: true});
    await page.screenshot({path: screenshot, fullPage: true});
  }
  return {page, report, close: () => context.close()};
}

/**
 * Serves the built site and launches Chromium for the calling test file (before its tests; both
 * closed after them). Fails first, with the fix, when `requiredFile` (e.g. "alyce/budget.html") was
 * not built. Read `site.browser` and `site.url` inside tests.
 */
export function useSite(requiredFile: string): {readonly browser: Browser; readonly url: string} {
  let browser: Browser | undefined;
  let server: StaticServer | undefined;
  beforeAll(async () => {
    if (!existsSync(join(SITE_DIR, requiredFile))) throw new Error(`${SITE_DIR} has no ${requiredFile}: build the site first (npm run build)`);
    server = await startStaticServer({dir: SITE_DIR, base: "/"});
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get browser() {
      if (!browser) throw new Error("useSite: the browser is not running yet");
      return browser;
    },
    get url() {
      if (!server) throw new Error("useSite: the server is not running yet");
      return server.url;
    }
  };
}

/** An element's text with white space collapsed. */
export const textOf = (page: Page, selector: string) => page.$eval(selector, (el) => (el.textContent ?? "").replace(/\s+/g, " ").trim());

/** Waits until the element's text differs from `before` (the page recomputed), and returns it. */
export async function waitForTextChange(page: Page, selector: string, before: string, timeout = 30_000): Promise<string> {
  await page.waitForFunction(
    ({selector, before}) => {
      const el = document.querySelector(selector);
      return el !== null && (el.textContent ?? "").replace(/\s+/g, " ").trim() !== before;
    },
    {selector, before},
    {timeout}
  );
  return textOf(page, selector);
}
