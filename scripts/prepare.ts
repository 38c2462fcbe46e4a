/**
 * Runs before every build and preview (npm run build / npm run dev): fills Framework's npm cache
 * from node_modules and writes the self-hosted font stylesheet. Nothing here touches the network.
 */
import {writeFontCss} from "./fonts.js";
import {fillNpmCache} from "./offline-npm-cache.js";

await fillNpmCache();
writeFontCss();
