import {describe, expect, it} from "vitest";
import {parseCsv, type CsvRecord} from "../../data-loaders/shared/csv.js";

async function all(chunks: string[]): Promise<CsvRecord[]> {
  const out: CsvRecord[] = [];
  for await (const r of parseCsv(chunks, "t.csv")) out.push(r);
  return out;
}

describe("CSV reader", () => {
  it("parses quoted fields, doubled quotes and CRLF, with each record's first line", async () => {
    const records = await all(['a,b\r\n1,"x, ""y"""\r\n2,"multi\nline"\r\n3,z\r\n']);
    expect(records.map((r) => r.fields)).toEqual([["a", "b"], ["1", 'x, "y"'], ["2", "multi\nline"], ["3", "z"]]);
    expect(records.map((r) => r.line)).toEqual([1, 2, 3, 5]);
  });
  it("gives the same records however the text is split into chunks", async () => {
    const text = 'id;name\n1;"say ""hi"""\n2;plain\n';
    const whole = await all([text]);
    for (let cut = 1; cut < text.length; cut++) {
      expect(await all([text.slice(0, cut), text.slice(cut)])).toEqual(whole);
    }
  });
  it("detects the delimiter from the header and skips blank lines and a byte-order mark", async () => {
    const records = await all(["\ufeffa\tb\n\n1\t2\n"]);
    expect(records).toEqual([
      {line: 1, fields: ["a", "b"]},
      {line: 3, fields: ["1", "2"]}
    ]);
  });
  it("reports an unclosed quote with the line it starts on", async () => {
    await expect(all(['a,b\n1,"open\n2,3\n'])).rejects.toThrow(/t\.csv:2: a quoted field is never closed/);
  });
});
