import {Writable} from "node:stream";
import {describe, expect, it} from "vitest";
import {createProgress, reportStage, startLoaderClock, stopLoaderClock} from "../../data-loaders/shared/progress.js";

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
  it("names a loader's stages once it has run past the quiet period, and closes with its time", () => {
    const quick = sink();
    startLoaderClock("report/quick.tar", {stream: quick.stream, env: {}});
    reportStage("simulate");
    stopLoaderClock();
    expect(quick.lines).toEqual([]);
    const slow = sink();
    startLoaderClock("report/slow.tar", {stream: slow.stream, quietMs: 0, env: {}});
    reportStage("fitting the model");
    stopLoaderClock();
    expect(slow.lines).toEqual([expect.stringMatching(/^report\/slow\.tar: fitting the model \(\d+\.\d s\)\n$/), expect.stringMatching(/^report\/slow\.tar: done in \d+\.\d s\n$/)]);
    // Outside a loader (after stop, or in a test that never started one) stages are silent.
    reportStage("ignored");
    expect(slow.lines).toHaveLength(2);
    // LOADER_PROGRESS=off keeps a loader quiet.
    const off = sink();
    startLoaderClock("report/off.tar", {stream: off.stream, quietMs: 0, env: {LOADER_PROGRESS: "off"}});
    reportStage("simulate");
    stopLoaderClock();
    expect(off.lines).toEqual([]);
  });
});
