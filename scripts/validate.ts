/**
 * npm run validate [-- <folder>]: checks an analyst's data folder against every report's raw
 * schema before anything is built, and lists each problem with file, row and column.
 * The folder holds one sub-folder per report (campaigns/, rtm/, ...); defaults to $DATA_DIR.
 * Exit code 0 when every file is valid (or no folder is given), 1 otherwise.
 */
import {existsSync} from "node:fs";
import {fileURLToPath} from "node:url";
import {loadRawSchemas} from "../data-loaders/registry.js";
import {readOptions, reportDataDir} from "../data-loaders/shared/options.js";
import {formatProblems, validateReportDir, type Problem} from "../data-loaders/shared/validate.js";

export async function validateAll(dataDir?: string, log: (line: string) => void = (l) => console.error(l)): Promise<boolean> {
  const options = readOptions(dataDir ? {...process.env, DATA_DIR: dataDir} : process.env);
  const schemas = await loadRawSchemas();
  const problems: Problem[] = [];
  let checked = 0;
  for (const [report, specs] of Object.entries(schemas)) {
    const dir = reportDataDir(report, options);
    if (!dir) continue;
    if (!existsSync(dir)) {
      log(`validate: ${report}: no folder ${dir}, this report will be simulated`);
      continue;
    }
    checked++;
    const result = await validateReportDir(dir, specs);
    problems.push(...result.problems);
    const rows = [...result.tables.values()].reduce((n, t) => n + (Object.values(t)[0]?.length ?? 0), 0);
    log(`validate: ${report}: ${result.problems.length === 0 ? "ok" : `${result.problems.length} problem(s)`} (${specs.length} tables, ${rows.toLocaleString("en-US")} rows, ${dir})`);
  }
  if (options.dataDir && checked === 0) {
    log(`validate: ${options.dataDir} has no report folder (expected one of: ${Object.keys(schemas).join(", ")})`);
    return false;
  }
  if (problems.length > 0) {
    log(formatProblems(problems, 200));
    return false;
  }
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const ok = await validateAll(process.argv[2]);
  process.exit(ok ? 0 : 1);
}
