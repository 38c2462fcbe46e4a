/**
 * npm run build: prepare the offline npm cache, validate any real data, build the site into a
 * staging folder, and replace dist/ only when every page and loader succeeded. A failed build
 * leaves the previous dist/ untouched and exits non-zero: nothing half-made is published.
 */
import {spawnSync} from "node:child_process";
import {existsSync, renameSync, rmSync} from "node:fs";
import {dirname, join} from "node:path";
import {fileURLToPath} from "node:url";
import {validateAll} from "./validate.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const output = process.env.OBSERVABLE_OUTPUT ?? "dist";
const staging = ".build-staging";

await import("./prepare.js");
if (!(await validateAll())) process.exit(1);

rmSync(join(root, staging), {recursive: true, force: true});
const result = spawnSync("observable", ["build"], {
  cwd: root,
  stdio: "inherit",
  env: {...process.env, OBSERVABLE_OUTPUT: staging, OBSERVABLE_TELEMETRY_DISABLE: "true"}
});
if (result.status !== 0 || !existsSync(join(root, staging, "index.html"))) {
  rmSync(join(root, staging), {recursive: true, force: true});
  console.error(`\nBuild failed: ${output}/ was left as it was. Fix the error above and run npm run build again.`);
  process.exit(result.status || 1);
}
rmSync(join(root, output), {recursive: true, force: true});
renameSync(join(root, staging), join(root, output));
console.error(`Built the site into ${output}/. Open it with: npm run serve`);
