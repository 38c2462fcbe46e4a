/**
 * Prints one closing line for the whole test run, "Tests: N passed, N failed", from the JSON
 * reports vitest wrote (unit and browser), so CI logs end with the total.
 */
import {existsSync, readFileSync} from "node:fs";

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of ["test/.output/unit.json", "test/.output/browser.json"]) {
  if (!existsSync(file)) continue;
  const report = JSON.parse(readFileSync(file, "utf8")) as {numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number};
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + report.numTodoTests;
}
console.log(`Tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
