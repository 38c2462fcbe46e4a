/**
 * A POSIX ustar archive of in-memory files, byte-for-byte deterministic (modification time 0, owner
 * 0, mode 0644): the format of the report's archive loader (src/data/megamart/report.tar.ts),
 * from which Framework extracts each file a page asks for. Reference: POSIX.1-2001 pax/ustar
 * header layout (512-byte header, octal fields, checksum over the header with its own field as
 * spaces, data padded to 512 bytes, two zero blocks at the end).
 */
const BLOCK = 512;

function octal(value: number, width: number): string {
  return value.toString(8).padStart(width - 1, "0") + "\0";
}

function header(name: string, size: number): Uint8Array {
  const bytes = new TextEncoder().encode(name);
  if (bytes.length > 100) throw new Error(`tar: file name longer than 100 bytes: ${name}`);
  const h = new Uint8Array(BLOCK);
  const put = (text: string, offset: number) => h.set(new TextEncoder().encode(text), offset);
  h.set(bytes, 0);
  put(octal(0o644, 8), 100); // mode
  put(octal(0, 8), 108); // uid
  put(octal(0, 8), 116); // gid
  put(octal(size, 12), 124);
  put(octal(0, 12), 136); // mtime
  put("        ", 148); // checksum placeholder
  put("0", 156); // regular file
  put("ustar\0", 257);
  put("00", 263);
  let sum = 0;
  for (const b of h) sum += b;
  put(octal(sum, 7) + " ", 148);
  return h;
}

/** The archive's bytes. */
export function tarArchive(files: readonly {name: string; data: Uint8Array}[]): Uint8Array {
  let total = 2 * BLOCK;
  for (const f of files) total += BLOCK + Math.ceil(f.data.length / BLOCK) * BLOCK;
  const out = new Uint8Array(total);
  let offset = 0;
  for (const f of files) {
    out.set(header(f.name, f.data.length), offset);
    offset += BLOCK;
    out.set(f.data, offset);
    offset += Math.ceil(f.data.length / BLOCK) * BLOCK;
  }
  return out;
}
