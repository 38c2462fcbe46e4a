/**
 * Runs before every build and preview (npm run build / npm run dev): fills Framework's npm cache
 * from node_modules, writes the self-hosted font stylesheet, and empties the data-loader cache when
 * the build options or the analyst's files changed since the last run. Nothing here touches the network.
 */
import {dirname, join} from "node:path";
import {fileURLToPath} from "node:url";
import {loadRawSchemas} from "../data-loaders/registry.js";
import {writeFontCss} from "./fonts.js";
import {buildFingerprint, ensureLoaderCache} from "./loader-cache.js";
import {fillNpmCache} from "./offline-npm-cache.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

await fillNpmCache();
writeFontCss();
const reports = Object.keys(await loadRawSchemas());
if (ensureLoaderCache(join(root, "src", ".observablehq", "cache", "data"), buildFingerprint(reports))) {
  console.error("prepare: build options or data files changed since the last build: data loaders will run again");
}
