/**
 * Progress lines on stderr for long loaders (stdout is the data). Silent for the first two
 * seconds, then at most one line every two seconds, and a closing line with rows and time.
 */
export interface Progress {
  tick(rows: number): void;
  done(): void;
}

export function createProgress(label: string, {total, stream = process.stderr, quietMs = 2000}: {total?: number; stream?: NodeJS.WritableStream; quietMs?: number} = {}): Progress {
  const start = Date.now();
  let last = start;
  let rows = 0;
  let spoke = false;
  const line = () => {
    const seconds = (Date.now() - start) / 1000;
    const of = total ? ` of ${total.toLocaleString("en-US")} (${((100 * rows) / total).toFixed(0)}%)` : "";
    return `${label}: ${rows.toLocaleString("en-US")} rows${of}, ${seconds.toFixed(1)} s`;
  };
  return {
    tick(n: number) {
      rows += n;
      const now = Date.now();
      if (now - start >= quietMs && now - last >= 2000) {
        stream.write(line() + "\n");
        last = now;
        spoke = true;
      }
    },
    done() {
      if (spoke || Date.now() - start >= quietMs) stream.write(line() + " (done)\n");
    }
  };
}

/**
 * Stage lines for loaders whose work is a sequence of steps (simulate, fit, write) rather than a
 * stream of rows: `runLoader` starts the clock and names the loader; `reportStage("fitting the
 * model")` then writes "<loader>: fitting the model (4.2 s)" on stderr once the loader has run
 * longer than the quiet period (2 s), and `runLoader` closes with "<loader>: done in 12.3 s". Outside
 * a loader (tests, tools) it writes nothing; LOADER_PROGRESS=off silences it (the unit tests set it,
 * so a loader's stderr holds only warnings and errors there).
 */
const loaderClock: {label?: string; start: number; stream: NodeJS.WritableStream; quietMs: number} = {start: 0, stream: process.stderr, quietMs: 2000};

/** Starts the clock of the running loader (called by runLoader; tests pass their own stream). */
export function startLoaderClock(label: string, {stream = process.stderr, quietMs = 2000, env = process.env}: {stream?: NodeJS.WritableStream; quietMs?: number; env?: Record<string, string | undefined>} = {}): void {
  if (env.LOADER_PROGRESS === "off") return;
  Object.assign(loaderClock, {label, start: Date.now(), stream, quietMs});
}

/** Says which step the loader is starting (see startLoaderClock). */
export function reportStage(name: string): void {
  if (loaderClock.label === undefined) return;
  const elapsed = Date.now() - loaderClock.start;
  if (elapsed >= loaderClock.quietMs) loaderClock.stream.write(`${loaderClock.label}: ${name} (${(elapsed / 1000).toFixed(1)} s)\n`);
}

/** Closes the running loader's clock with a "done" line when it ran longer than the quiet period. */
export function stopLoaderClock(): void {
  if (loaderClock.label === undefined) return;
  const elapsed = Date.now() - loaderClock.start;
  if (elapsed >= loaderClock.quietMs) loaderClock.stream.write(`${loaderClock.label}: done in ${(elapsed / 1000).toFixed(1)} s\n`);
  loaderClock.label = undefined;
}
