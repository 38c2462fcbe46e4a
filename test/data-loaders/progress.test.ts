import {Writable} from "node:stream";
import {describe, expect, it} from "vitest";
import {createProgress} from "../../data-loaders/shared/progress.js";

function sink() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    }
  });
  return {lines, stream};
}

describe("loader progress", () => {
  it("stays silent for quick loaders", () => {
    const {lines, stream} = sink();
    const p = createProgress("quick", {stream});
    p.tick(10);
    p.done();
    expect(lines).toEqual([]);
  });
  it("reports rows, share of the total and a closing line once the quiet period is over", () => {
    const {lines, stream} = sink();
    const p = createProgress("events", {stream, total: 200, quietMs: 0});
    p.tick(50);
    p.done();
    expect(lines.at(-1)).toMatch(/^events: 50 rows of 200 \(25%\), \d+\.\d s \(done\)\n$/);
  });
});
