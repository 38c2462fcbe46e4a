/**
 * npm run build: prepare the offline npm cache, validate any real data, build the site into a
 * staging folder, and replace dist/ only when every page and loader succeeded. A failed build
 * leaves the previous dist/ untouched and exits non-zero: nothing half-made is published.
 */
import {spawnSync} from "node:child_process";
import {cpSync, existsSync, mkdirSync, renameSync, rmSync} from "node:fs";
import {dirname, join, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {validateAll} from "./validate.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const output = resolve(root, process.env.OBSERVABLE_OUTPUT ?? "dist");
const staging = `.build-staging-${process.pid}`; // one per build, so concurrent builds do not collide

// Validate first: bad files stop the build before anything (the loader cache included) is touched.
if (!(await validateAll())) process.exit(1);
await import("./prepare.js");

rmSync(join(root, staging), {recursive: true, force: true});
const result = spawnSync("observable", ["build"], {
  cwd: root,
  stdio: "inherit",
  env: {...process.env, OBSERVABLE_OUTPUT: staging, OBSERVABLE_TELEMETRY_DISABLE: "true"}
});
if (result.status !== 0 || !existsSync(join(root, staging, "index.html"))) {
  rmSync(join(root, staging), {recursive: true, force: true});
  console.error(`\nBuild failed: ${output} was left as it was. Fix the error above and run npm run build again.`);
  process.exit(result.status || 1);
}
rmSync(output, {recursive: true, force: true});
mkdirSync(dirname(output), {recursive: true});
try {
  renameSync(join(root, staging), output);
} catch {
  // Another file system (e.g. an output folder in /tmp): copy, then remove the staging folder.
  cpSync(join(root, staging), output, {recursive: true});
  rmSync(join(root, staging), {recursive: true, force: true});
}
console.error(`Built the site into ${output}. Open it with: npm run serve`);
