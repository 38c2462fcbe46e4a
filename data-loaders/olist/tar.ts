/**
 * A minimal, deterministic tar writer (POSIX ustar: 512-byte headers, regular files only, mode
 * 0644, owner 0, mtime 0), so one loader can produce every file of the report as an archive that
 * Framework unpacks on demand (`src/data/olist/report.tar.ts` → `data/olist/report/<file>`). The
 * same files give the same bytes. Tests read it back with tar-stream, the extractor Framework uses.
 */

function header(name: string, size: number): Uint8Array {
  const block = new Uint8Array(512);
  const enc = new TextEncoder();
  const nameBytes = enc.encode(name);
  if (nameBytes.length > 100) throw new Error(`tar: file name longer than 100 bytes: ${name}`);
  const put = (text: string, offset: number, length: number) => block.set(enc.encode(text).subarray(0, length), offset);
  const octal = (value: number, length: number) => value.toString(8).padStart(length - 1, "0") + "\0";
  block.set(nameBytes, 0);
  put(octal(0o644, 8), 100, 8); // mode
  put(octal(0, 8), 108, 8); // uid
  put(octal(0, 8), 116, 8); // gid
  put(octal(size, 12), 124, 12); // size
  put(octal(0, 12), 136, 12); // mtime
  put("        ", 148, 8); // checksum placeholder: spaces
  put("0", 156, 1); // regular file
  put("ustar\0", 257, 6);
  put("00", 263, 2);
  let sum = 0;
  for (const b of block) sum += b;
  put(sum.toString(8).padStart(6, "0") + "\0 ", 148, 8);
  return block;
}

/** The archive of the given files, in the given order. */
export function tarArchive(files: readonly {name: string; data: Uint8Array}[]): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const {name, data} of files) {
    parts.push(header(name, data.length), data);
    const pad = (512 - (data.length % 512)) % 512;
    if (pad) parts.push(new Uint8Array(pad));
  }
  parts.push(new Uint8Array(1024)); // two empty blocks end the archive
  const total = parts.reduce((n, p) => n + p.length, 0);
  const outBytes = new Uint8Array(total);
  let offset = 0;
  for (const p of parts) {
    outBytes.set(p, offset);
    offset += p.length;
  }
  return outBytes;
}
