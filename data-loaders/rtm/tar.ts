/**
 * A minimal POSIX ustar archive writer: the report's loader emits all its Arrow files as one tar
 * (Framework serves `data/rtm/facts/<file>` out of `data/rtm/facts.tar`), so the simulation and
 * transforms run once per build. Entries carry a fixed mode, owner and time (0), so the same files
 * give the same bytes.
 */
function header(name: string, size: number): Uint8Array {
  if (Buffer.byteLength(name) > 100) throw new Error(`tar: entry name longer than 100 bytes: ${name}`);
  const block = new Uint8Array(512);
  const put = (text: string, offset: number) => block.set(Buffer.from(text, "ascii"), offset);
  put(name, 0);
  put("0000644\0", 100); // mode
  put("0000000\0", 108); // uid
  put("0000000\0", 116); // gid
  put(size.toString(8).padStart(11, "0") + "\0", 124);
  put("00000000000\0", 136); // mtime
  put("        ", 148); // checksum placeholder (spaces)
  put("0", 156); // regular file
  put("ustar\0", 257);
  put("00", 263);
  let sum = 0;
  for (const b of block) sum += b;
  put(sum.toString(8).padStart(6, "0") + "\0 ", 148);
  return block;
}

/** The archive of the given files (name → bytes), in the given order. */
export function tarArchive(files: Iterable<[string, Uint8Array]>): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const [name, bytes] of files) {
    parts.push(header(name, bytes.byteLength), bytes);
    const pad = (512 - (bytes.byteLength % 512)) % 512;
    if (pad) parts.push(new Uint8Array(pad));
  }
  parts.push(new Uint8Array(1024));
  return Buffer.concat(parts);
}

/** Reads the files back from an archive written by `tarArchive` (tests and tools). */
export function untar(archive: Uint8Array): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  for (let offset = 0; offset + 512 <= archive.byteLength; ) {
    const block = archive.subarray(offset, offset + 512);
    if (block.every((b) => b === 0)) break;
    const name = Buffer.from(block.subarray(0, 100)).toString("ascii").replace(/\0.*$/s, "");
    const size = parseInt(Buffer.from(block.subarray(124, 136)).toString("ascii").replace(/\0.*$/s, "").trim(), 8);
    files.set(name, archive.slice(offset + 512, offset + 512 + size));
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return files;
}
