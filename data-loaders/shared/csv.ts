/**
 * A streaming CSV reader (RFC 4180: quoted fields, doubled quotes, CRLF or LF, newlines inside
 * quotes) that reports the file line each record starts on, so validation errors can name it.
 */
import {createReadStream} from "node:fs";

export interface CsvRecord {
  /** 1-based line number in the file where this record starts (the header is line 1). */
  line: number;
  fields: string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    message: string
  ) {
    super(`${file}:${line}: ${message}`);
  }
}

/** Parses CSV text chunks into records; `delimiter` is auto-detected from the header if omitted. */
export async function* parseCsv(chunks: AsyncIterable<string> | Iterable<string>, file = "<csv>", delimiter?: string): AsyncGenerator<CsvRecord> {
  let field = "";
  let fields: string[] = [];
  let inQuotes = false;
  let afterQuote = false; // just closed a quoted field: only a delimiter or line end may follow
  let line = 1;
  let recordLine = 1;
  let sep = delimiter;
  let pendingCR = false;
  let carry = ""; // text held back until the next chunk decides its meaning
  let started = false;
  const finishRecord = (): CsvRecord | undefined => {
    fields.push(field);
    const record = {line: recordLine, fields};
    field = "";
    fields = [];
    afterQuote = false;
    // A blank line is a single empty field: skip it.
    return record.fields.length === 1 && record.fields[0] === "" ? undefined : record;
  };
  function* consume(text: string, final: boolean): Generator<CsvRecord> {
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (pendingCR) {
        pendingCR = false;
        if (ch === "\n") continue;
      }
      if (inQuotes) {
        if (ch === '"') {
          if (i + 1 === text.length && !final) {
            carry = '"'; // a doubled quote may continue in the next chunk
            return;
          }
          if (text[i + 1] === '"') {
            field += '"';
            i++;
          } else {
            inQuotes = false;
            afterQuote = true;
          }
        } else {
          if (ch === "\n") line++;
          field += ch;
        }
        continue;
      }
      if (ch === sep) {
        fields.push(field);
        field = "";
        afterQuote = false;
      } else if (ch === "\n" || ch === "\r") {
        const record = finishRecord();
        if (record) yield record;
        if (ch === "\r") pendingCR = true;
        line++;
        recordLine = line;
      } else if (afterQuote) {
        throw new CsvSyntaxError(file, line, "text after a closing quote");
      } else if (ch === '"') {
        if (field.length > 0) throw new CsvSyntaxError(file, line, "a quote inside an unquoted field");
        inQuotes = true;
      } else {
        field += ch;
      }
    }
  }
  for await (const chunk of chunks as AsyncIterable<string>) {
    let text = carry + chunk;
    carry = "";
    if (!started) {
      // Wait for the whole header line before detecting the delimiter.
      if (!/[\r\n]/.test(text)) {
        carry = text;
        continue;
      }
      started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // byte-order mark
      sep ??= detectDelimiter(text.split(/\r?\n/, 1)[0]);
    }
    yield* consume(text, false);
  }
  if (!started) {
    if (carry.charCodeAt(0) === 0xfeff) carry = carry.slice(1);
    sep ??= detectDelimiter(carry);
  }
  yield* consume(carry, true);
  if (inQuotes) throw new CsvSyntaxError(file, recordLine, "a quoted field is never closed");
  if (field.length > 0 || fields.length > 0) {
    const record = finishRecord();
    if (record) yield record;
  }
}

function detectDelimiter(header: string): string {
  const counts = [",", ";", "\t", "|"].map((d) => [d, header.split(d).length] as const);
  return counts.sort((a, b) => b[1] - a[1])[0][0];
}

/** Streams a CSV file's records. */
export function readCsvFile(path: string): AsyncGenerator<CsvRecord> {
  const stream = createReadStream(path, {encoding: "utf8", highWaterMark: 1 << 20});
  return parseCsv(stream as AsyncIterable<string>, path);
}
