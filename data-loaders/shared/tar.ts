/**
 * A minimal, deterministic POSIX ustar archive writer (and reader for tests and tools). A report's
 * loader emits all its files as one tar so the simulation and models run once per build; Framework
 * serves `data/<report>/<name>/<file>` out of `data/<report>/<name>.tar` on demand.
 *
 * Entries are regular files with mode 0644, owner 0 and modification time 0, so the same files give
 * the same bytes. Reference: POSIX.1-2001 ustar header layout (512-byte header, octal fields,
 * checksum over the header with its own field as spaces, data padded to 512 bytes, two zero blocks
 * at the end). Tests read archives back with tar-stream, the extractor Framework uses
 * (test/data-loaders/tar.test.ts).
 */

/** A file to archive: a name (≤ 100 bytes) and its bytes. */
export interface TarEntry {
  name: string;
  data: Uint8Array;
}

const BLOCK = 512;
const encoder = new TextEncoder();

function header(name: string, size: number): Uint8Array {
  const nameBytes = encoder.encode(name);
  if (nameBytes.length > 100) throw new Error(`tar: entry name longer than 100 bytes: ${name}`);
  const block = new Uint8Array(BLOCK);
  const put = (text: string, offset: number) => block.set(encoder.encode(text), offset);
  const octal = (value: number, width: number) => value.toString(8).padStart(width - 1, "0") + "\0";
  block.set(nameBytes, 0);
  put(octal(0o644, 8), 100); // mode
  put(octal(0, 8), 108); // uid
  put(octal(0, 8), 116); // gid
  put(octal(size, 12), 124);
  put(octal(0, 12), 136); // mtime
  put("        ", 148); // checksum placeholder (spaces)
  put("0", 156); // regular file
  put("ustar\0", 257);
  put("00", 263);
  let sum = 0;
  for (const b of block) sum += b;
  put(sum.toString(8).padStart(6, "0") + "\0 ", 148);
  return block;
}

/** The archive of the given files, in the given order: entries as `{name, data}` or `[name, data]` pairs. */
export function tarArchive(files: Iterable<TarEntry | readonly [string, Uint8Array]>): Uint8Array {
  const parts: Uint8Array[] = [];
  let total = 0;
  for (const file of files) {
    const [name, data] = Array.isArray(file) ? (file as readonly [string, Uint8Array]) : [(file as TarEntry).name, (file as TarEntry).data];
    const pad = (BLOCK - (data.byteLength % BLOCK)) % BLOCK;
    parts.push(header(name, data.byteLength), data);
    if (pad) parts.push(new Uint8Array(pad));
    total += BLOCK + data.byteLength + pad;
  }
  parts.push(new Uint8Array(2 * BLOCK));
  total += 2 * BLOCK;
  const out = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}

/** Reads the files back from an archive written by `tarArchive` (regular files only). */
export function untar(archive: Uint8Array): Map<string, Uint8Array> {
  const decoder = new TextDecoder("ascii");
  const field = (block: Uint8Array, start: number, end: number) => decoder.decode(block.subarray(start, end)).replace(/\0.*$/s, "");
  const files = new Map<string, Uint8Array>();
  for (let offset = 0; offset + BLOCK <= archive.byteLength; ) {
    const block = archive.subarray(offset, offset + BLOCK);
    if (block.every((b) => b === 0)) break;
    const size = parseInt(field(block, 124, 136).trim(), 8);
    files.set(field(block, 0, 100), archive.slice(offset + BLOCK, offset + BLOCK + size));
    offset += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
  }
  return files;
}
