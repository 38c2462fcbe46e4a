// Reads the clients loader's marts for the tests: built in-process from a data folder (the
// hand-made fixture by default), as the rows a page gets from Arrow (dates as ms).
import {join} from "node:path";
import {buildClientReport, type ReportFile} from "../../data-loaders/alyce/clients-report.js";
import {readArrow} from "../../data-loaders/shared/arrow.js";

export const FIXTURE_DATA_DIR = join(import.meta.dirname, "..", "fixtures", "real-data");

export function rowsOf<T>(files: readonly ReportFile[], name: string): T[] {
  const file = files.find((f) => f.name === `${name}.arrow`);
  if (!file) throw new Error(`no ${name}.arrow in the report`);
  return readArrow(file.data)
    .toArray()
    .map((r) => r.toJSON() as T);
}

export async function fixtureMarts(dataDir = FIXTURE_DATA_DIR) {
  return buildClientReport({seed: 0, scale: "tiny", dataDir});
}
