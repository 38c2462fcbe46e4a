/**
 * The entry point every loader uses: run, write to stdout, and on any error print a clear message
 * on stderr and exit non-zero, so Framework keeps nothing from a failed run. A loader that runs
 * longer than a couple of seconds says so on stderr: its stages (reportStage) and a closing line.
 */
import {basename, dirname} from "node:path";
import {startLoaderClock, stopLoaderClock} from "./progress.js";
import {DataValidationError} from "./validate.js";

/** "alyce/mmm.tar" for src/data/alyce/mmm.tar.ts: how progress lines name the loader. */
function loaderLabel(path = process.argv[1] ?? "loader"): string {
  return `${basename(dirname(path))}/${basename(path).replace(/\.[jt]s$/, "")}`;
}

export function runLoader(main: () => Promise<void>): void {
  startLoaderClock(loaderLabel());
  main()
    .then(stopLoaderClock)
    .catch((error: unknown) => {
      if (error instanceof DataValidationError) {
        process.stderr.write(`${error.message}\nFix the files above (schema: docs/real-data.md) and build again.\n`);
      } else {
        process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      }
      process.exitCode = 1;
    });
}
