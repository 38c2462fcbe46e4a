import {describe, expect, it} from "vitest";
import {arrowBytes, inBatches, readArrow} from "../../data-loaders/shared/arrow.js";
import type {TableSpec} from "../../data-loaders/shared/schema.js";

const spec: TableSpec = {
  name: "example",
  description: "every column type",
  grain: "row",
  columns: [
    {name: "id", type: "int32", description: ""},
    {name: "amount", type: "float64", nullable: true, description: ""},
    {name: "label", type: "utf8", nullable: true, description: ""},
    {name: "channel", type: "utf8", values: ["a", "b", "c"], description: ""},
    {name: "flag", type: "bool", description: ""},
    {name: "day", type: "date", description: ""},
    {name: "at", type: "timestamp", description: ""}
  ]
};

const columns = {
  id: [1, 2, 3],
  amount: [1.5, null, NaN],
  label: ["x", null, "z"],
  channel: ["c", "a", "c"],
  flag: [true, false, true],
  day: [0, 19_723, 20_000], // days since 1970-01-01: 19723 = 2024-01-01
  at: [0, 1_704_067_200_123, 86_400_000]
};

describe("Arrow writing", () => {
  it("round-trips every column type, with nulls and a fixed dictionary", async () => {
    const table = readArrow(await arrowBytes(spec, [columns]));
    expect(table.numRows).toBe(3);
    expect(table.getChild("id")!.toArray()).toEqual(Int32Array.from([1, 2, 3]));
    expect([...table.getChild("amount")!]).toEqual([1.5, null, null]);
    expect([...table.getChild("label")!]).toEqual(["x", null, "z"]);
    expect([...table.getChild("channel")!]).toEqual(["c", "a", "c"]);
    expect([...table.getChild("flag")!]).toEqual([true, false, true]);
    expect(table.getChild("day")!.get(1)).toBe(Date.UTC(2024, 0, 1));
    expect(Number(table.getChild("at")!.get(1))).toBe(1_704_067_200_123);
    expect(String(table.schema.fields[3].type)).toBe("Dictionary<Int16, Utf8>");
  });

  it("writes the same bytes for the same data, however it is split into batches", async () => {
    const once = await arrowBytes(spec, [columns]);
    const again = await arrowBytes(spec, [columns]);
    expect(Buffer.from(again).equals(Buffer.from(once))).toBe(true);
    const split = readArrow(await arrowBytes(spec, inBatches(spec, columns, 2)));
    expect(split.batches.length).toBe(2);
    expect([...split.getChild("channel")!]).toEqual(["c", "a", "c"]);
    expect([...split.getChild("id")!]).toEqual([1, 2, 3]);
  });

  it("writes an empty table with its schema", async () => {
    const empty = Object.fromEntries(spec.columns.map((c) => [c.name, []]));
    const table = readArrow(await arrowBytes(spec, [empty]));
    expect(table.numRows).toBe(0);
    expect(table.schema.fields.map((f) => f.name)).toEqual(spec.columns.map((c) => c.name));
  });

  it("refuses data that does not fit the schema, naming table, column and row", async () => {
    await expect(arrowBytes(spec, [{...columns, id: [1, null, 3]}])).rejects.toThrow(/example\.id: 1 null value/);
    await expect(arrowBytes(spec, [{...columns, channel: ["a", "z", "b"]}])).rejects.toThrow(/example\.channel: row 1 holds "z"/);
    await expect(arrowBytes(spec, [{...columns, id: [1, 2]}])).rejects.toThrow(/column "amount" has 3 rows, expected 2/);
    await expect(arrowBytes(spec, [{...columns, id: [1, 2.5, 3]}])).rejects.toThrow(/row 1 holds 2.5, expected an integer/);
  });
});
