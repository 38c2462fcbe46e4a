/**
 * Runs before every build and preview (npm run build / npm run dev): fills Framework's npm cache
 * from node_modules, writes the self-hosted font stylesheet, and empties what the data-loader cache
 * holds for inputs that changed since the last run (options, the analyst's files, loader code; see
 * loader-cache.ts). Nothing here touches the network.
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
const cleared = ensureLoaderCache(join(root, "src", ".observablehq", "cache", "data"), buildFingerprint(root, reports));
if (cleared === "all") console.error("prepare: build options, data files or shared loader code changed: every data loader will run again");
else if (cleared.length > 0) console.error(`prepare: loader code of ${cleared.join(", ")} changed: those loaders will run again`);
