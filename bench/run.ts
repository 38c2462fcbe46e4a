/**
 * npm run bench: runs every benchmark in bench/ one after the other (never in parallel, so they do
 * not compete for the two cores) and prints their markdown tables. One benchmark: npm run bench -- kmeans
 */
import {spawnSync} from "node:child_process";
import {readdirSync} from "node:fs";
import {join} from "node:path";

const here = import.meta.dirname;
const only = process.argv.slice(2);
const scripts = readdirSync(here)
  .filter((f) => f.endsWith(".ts") && f !== "run.ts")
  .filter((f) => only.length === 0 || only.includes(f.replace(/\.ts$/, "")));
let failed = 0;
for (const script of scripts) {
  console.log(`\n## ${script.replace(/\.ts$/, "")}\n`);
  const result = spawnSync(join(here, "..", "node_modules", ".bin", "tsx"), [join(here, script)], {stdio: "inherit"});
  if (result.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
