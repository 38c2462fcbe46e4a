// The shared tar writer: archives Framework's extractor (tar-stream) reads back, byte-identical for the same files.
import {Readable} from "node:stream";
import {extract} from "tar-stream";
import {describe, expect, it} from "vitest";
import {tarArchive, untar} from "../../data-loaders/shared/tar.js";

async function readWithTarStream(archive: Uint8Array): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const ex = extract();
  const done = new Promise<void>((resolve, reject) => {
    ex.on("entry", (header, stream, next) => {
      const chunks: Buffer[] = [];
      stream.on("data", (c: unknown) => chunks.push(c as Buffer));
      stream.on("end", () => {
        files.set(header.name, Buffer.concat(chunks).toString("utf8"));
        next();
      });
    });
    ex.on("finish", resolve);
    ex.on("error", reject);
  });
  Readable.from([Buffer.from(archive)]).pipe(ex);
  await done;
  return files;
}

const enc = new TextEncoder();
// Sizes chosen around the 512-byte block: empty, one byte short, exact, one byte over.
const FILES = [
  {name: "empty.txt", data: new Uint8Array(0)},
  {name: "a.json", data: enc.encode("x".repeat(511))},
  {name: "dir/b.arrow", data: enc.encode("y".repeat(512))},
  {name: "c.csv", data: enc.encode("é,z\n".repeat(129))}
];

describe("tarArchive", () => {
  it("is read back by tar-stream, file by file", async () => {
    const files = await readWithTarStream(tarArchive(FILES));
    expect([...files.keys()]).toEqual(FILES.map((f) => f.name));
    for (const f of FILES) expect(files.get(f.name)).toBe(new TextDecoder().decode(f.data));
  });

  it("accepts [name, bytes] pairs and gives the same bytes for the same files", () => {
    const a = tarArchive(FILES);
    const b = tarArchive(FILES.map((f) => [f.name, f.data] as const));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    // 4 headers + data blocks (0 + 1 + 1 + 2: c.csv is 129 × 5 = 645 bytes) + 2 end blocks, 512 bytes each.
    expect(a.byteLength).toBe((4 + 4 + 2) * 512);
  });

  it("round-trips through untar", () => {
    const back = untar(tarArchive(FILES));
    for (const f of FILES) expect(Buffer.from(back.get(f.name)!).equals(Buffer.from(f.data))).toBe(true);
  });

  it("refuses names longer than the ustar field", () => {
    expect(() => tarArchive([{name: "n".repeat(101), data: new Uint8Array(1)}])).toThrow(/longer than 100 bytes/);
  });
});
