/**
 * npm run screenshot: rebuilds nothing; serves dist/ and saves docs/screenshot.png (the README's
 * picture of the overview page) from Debian's Chromium.
 */
import {join} from "node:path";
import {launchChromium, openPage} from "../test/browser/harness.js";
import {startStaticServer} from "./static-server.js";

const root = join(import.meta.dirname, "..");
const server = await startStaticServer({dir: join(root, "dist")});
const browser = await launchChromium();
try {
  const {page, close} = await openPage(browser, server.url, {charts: 1, tables: 1, viewport: {width: 1200, height: 1000}});
  await page.evaluate("window.scrollTo(0, 0)");
  await page.waitForTimeout(300); // let the sticky sidebar settle after the scroll
  await page.screenshot({path: join(root, "docs", "screenshot.png")});
  await close();
} finally {
  await browser.close();
  await server.close();
}
