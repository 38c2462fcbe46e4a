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
  let quoteJustClosed = false;
  let line = 1;
  let recordLine = 1;
  let sep = delimiter;
  let pendingCR = false;
  let sawAny = false;
  const finishRecord = (): CsvRecord | undefined => {
    fields.push(field);
    const record = {line: recordLine, fields};
    field = "";
    fields = [];
    quoteJustClosed = false;
    // Skip blank lines (a single empty field).
    return record.fields.length === 1 && record.fields[0] === "" ? undefined : record;
  };
  for await (const chunk of chunks as AsyncIterable<string>) {
    let text = chunk;
    if (!sawAny) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // byte-order mark
      if (sep === undefined) {
        const firstLine = text.split(/\r?\n/, 1)[0];
        const counts = [",", ";", "\t", "|"].map((d) => [d, firstLine.split(d).length] as const);
        sep = counts.sort((a, b) => b[1] - a[1])[0][0];
      }
      if (text.length > 0) sawAny = true;
    }
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (pendingCR) {
        pendingCR = false;
        if (ch === "\n") continue;
      }
      if (inQuotes) {
        if (ch === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i++;
          } else if (i + 1 === text.length) {
            // The quote may be doubled across a chunk boundary: decide on the next chunk.
            inQuotes = false;
            quoteJustClosed = true;
          } else {
            inQuotes = false;
            quoteJustClosed = true;
          }
        } else {
          if (ch === "\n") line++;
          field += ch;
        }
        continue;
      }
      if (ch === '"') {
        if (quoteJustClosed && i === 0) {
          // Doubled quote split across chunks: reopen.
          field += '"';
          inQuotes = true;
          quoteJustClosed = false;
          continue;
        }
        if (field.length > 0) throw new CsvSyntaxError(file, line, `a quote inside an unquoted field`);
        inQuotes = true;
        continue;
      }
      if (ch === sep) {
        fields.push(field);
        field = "";
        quoteJustClosed = false;
        continue;
      }
      if (ch === "\n" || ch === "\r") {
        const record = finishRecord();
        if (record) yield record;
        if (ch === "\r") pendingCR = true;
        line++;
        recordLine = line;
        continue;
      }
      if (quoteJustClosed) throw new CsvSyntaxError(file, line, `text after a closing quote`);
      field += ch;
    }
  }
  if (inQuotes) throw new CsvSyntaxError(file, recordLine, `a quoted field is never closed`);
  if (field.length > 0 || fields.length > 0) {
    const record = finishRecord();
    if (record) yield record;
  }
}

/** Streams a CSV file's records. */
export function readCsvFile(path: string): AsyncGenerator<CsvRecord> {
  const stream = createReadStream(path, {encoding: "utf8", highWaterMark: 1 << 20});
  return parseCsv(stream as AsyncIterable<string>, path);
}
