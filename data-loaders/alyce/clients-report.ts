/**
 * Everything the "Clients and gifts" page reads, built once: the six client tables (simulated from
 * the media simulation's weekly sales, or the analyst's files in $ALYCE_DATA_DIR / $DATA_DIR/alyce,
 * validated in full) → data tests (keys, references, facts = sums of sends; any failure stops the
 * build) → marts (clients-marts.ts) → one Arrow file per mart plus meta.json, for the archive
 * loader src/data/alyce/clients.tar.ts.
 */
import {reportStage} from "../shared/progress.js";
import {arrowBytes, inBatches} from "../shared/arrow.js";
import {assertDataTests, runDataTests, type DataTestResult} from "../shared/datatests.js";
import {readOptions, type BuildOptions} from "../shared/options.js";
import {formatIsoDate} from "../shared/schema.js";
import {loadRawTables} from "../shared/source.js";
import {DataValidationError, tableFile, type TableColumns} from "../shared/validate.js";
import {clientMarts} from "./clients-marts.js";
import {clientModelTests} from "./datatests.js";
import {clientTables} from "./schema.js";

/**
 * Failed data tests on the analyst's files as validation problems: the file, the test, and the
 * failing rows named by their key (e.g. expenditure_id E7), so the message points into the file.
 */
function dataTestProblems(results: readonly DataTestResult[], tables: ReadonlyMap<string, TableColumns>, dir: string): DataValidationError | undefined {
  const failed = results.filter((r) => r.status === "fail");
  if (failed.length === 0) return undefined;
  return new DataValidationError(
    failed.map((r) => {
      const spec = clientTables.find((t) => t.name === r.model);
      const key = spec?.primaryKey?.[0];
      const table = tables.get(r.model);
      const sample = key && table ? r.sample.replace(/row (\d+)/g, (_, i) => `${key} ${table[key][Number(i)]}`) : r.sample;
      return {file: tableFile(dir, r.model) ?? `${dir}/${r.model}.csv`, row: 0, message: `fails ${r.test}: ${r.description} (${r.failures} failing: ${sample})`};
    })
  );
}
import {simulateClientTables} from "./simulate-clients.js";

export interface ReportFile {
  name: string;
  data: Uint8Array;
}

/** What the page says about where its data came from. */
export interface ClientReportMeta {
  source: "simulation" | "files";
  seed: number | null;
  scale: string | null;
  firstDay: string;
  lastDay: string;
  sends: number;
  dataTests: number;
}

export async function buildClientReport(options: BuildOptions = readOptions()): Promise<{files: ReportFile[]; meta: ClientReportMeta}> {
  reportStage("client tables (simulated or read)");
  const {tables, source} = await loadRawTables("alyce", clientTables, simulateClientTables, options);
  reportStage("data tests");
  const tested = runDataTests(tables, clientModelTests);
  if (source.kind === "files") {
    const problem = dataTestProblems(tested, tables, source.dir);
    if (problem) throw problem;
  }
  const results = assertDataTests(tested);
  reportStage("marts");
  const {marts, firstDay, lastDay} = clientMarts(tables);
  const files: ReportFile[] = [];
  for (const {spec, columns} of marts) files.push({name: `${spec.name}.arrow`, data: await arrowBytes(spec, inBatches(spec, columns))});
  const meta: ClientReportMeta = {
    source: source.kind,
    seed: source.kind === "simulation" ? source.seed : null,
    scale: source.kind === "simulation" ? source.scale : null,
    firstDay: Number.isFinite(firstDay) ? formatIsoDate(firstDay) : "",
    lastDay: Number.isFinite(lastDay) ? formatIsoDate(lastDay) : "",
    sends: tables.get("alyce_clientexpenditure")!.expenditure_id.length,
    dataTests: results.length
  };
  files.push({name: "meta.json", data: new TextEncoder().encode(JSON.stringify(meta, null, 2) + "\n")});
  return {files, meta};
}
