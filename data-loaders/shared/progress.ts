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
