/**
 * The entry point every loader uses: run, write to stdout, and on any error print a clear message
 * on stderr and exit non-zero, so Framework keeps nothing from a failed run.
 */
import {DataValidationError} from "./validate.js";

export function runLoader(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    if (error instanceof DataValidationError) {
      process.stderr.write(`${error.message}\nFix the files above (schema: docs/real-data.md) and build again.\n`);
    } else {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    }
    process.exitCode = 1;
  });
}
