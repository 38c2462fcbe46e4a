// The simulation: deterministic for a seed and scale, scale changes row counts and not the window,
// its raw tables pass the validator an analyst's files go through (so simulated and real data
// take the same path), and the noise the staging rules clean is really there.
import {mkdtempSync, mkdirSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {isChunked, materialize} from "../../data-loaders/megamart/chunkedTable.js";
import {withDuplicates} from "../../data-loaders/megamart/noise.js";
import {simulateMegaMartChunked, simulateMegaMartWithTruth} from "../../data-loaders/megamart/simulate.js";
import {Random} from "../../data-loaders/shared/random.js";
import {rawTables} from "../../data-loaders/megamart/schema.js";
import {formatIsoDate} from "../../data-loaders/shared/schema.js";
import {validateReportDir, type TableColumns} from "../../data-loaders/shared/validate.js";

const tiny = simulateMegaMartWithTruth({seed: 42, scale: "tiny"});

function toCsv(table: TableColumns, types: Record<string, string>): string {
  const names = Object.keys(table);
  const cell = (v: unknown, type: string) => {
    if (v === null || v === undefined) return "";
    if (type === "date") return formatIsoDate(v as number);
    if (type === "timestamp") return new Date(v as number).toISOString().slice(0, 19).replace("T", " ");
    const text = String(v);
    return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  const n = table[names[0]].length;
  const lines = [names.join(",")];
  for (let i = 0; i < n; i++) lines.push(names.map((c) => cell(table[c][i], types[c])).join(","));
  return lines.join("\n") + "\n";
}

describe("MegaMart simulation", () => {
  it("is deterministic for a seed and differs for another", () => {
    const again = simulateMegaMartWithTruth({seed: 42, scale: "tiny"});
    const other = simulateMegaMartWithTruth({seed: 43, scale: "tiny"});
    for (const [name, table] of tiny.tables) expect(again.tables.get(name), name).toEqual(table);
    expect(other.tables.get("orders")!.order_ts).not.toEqual(tiny.tables.get("orders")!.order_ts);
  });

  it("produces every raw table, and its files pass the real-data validator", async () => {
    const dir = mkdtempSync(join(tmpdir(), "megamart-sim-"));
    mkdirSync(join(dir, "megamart"));
    for (const spec of rawTables) {
      const table = tiny.tables.get(spec.name)!;
      expect(Object.keys(table)).toEqual(spec.columns.map((c) => c.name));
      writeFileSync(join(dir, "megamart", `${spec.name}.csv`), toCsv(table, Object.fromEntries(spec.columns.map((c) => [c.name, c.type]))));
    }
    const {problems} = await validateReportDir(join(dir, "megamart"), rawTables);
    expect(problems).toEqual([]);
  });

  it("covers the two years whatever the scale, and scale multiplies the members", () => {
    const small = simulateMegaMartWithTruth({seed: 42, scale: "small"});
    const span = (t: TableColumns) => {
      const ts = t.order_ts as number[];
      return [formatIsoDate(Math.floor(ts.reduce((a, b) => Math.min(a, b)) / 86_400_000)), formatIsoDate(Math.floor(ts.reduce((a, b) => Math.max(a, b)) / 86_400_000))];
    };
    expect(span(tiny.tables.get("orders")!)).toEqual(["2023-01-01", "2024-12-31"]);
    expect(span(small.tables.get("orders")!)).toEqual(["2023-01-01", "2024-12-31"]);
    expect(small.truth.members.customerId.length / tiny.truth.members.customerId.length).toBeGreaterThan(3.5);
  });

  it("plants the noise the staging rules clean", () => {
    const customers = tiny.tables.get("customers")!;
    expect(new Set(customers.customer_id).size).toBeLessThan(customers.customer_id.length);
    const channels = new Set(tiny.tables.get("orders")!.channel as string[]);
    expect(channels.size).toBeGreaterThan(3);
    expect((tiny.tables.get("order_items")!.quantity as number[]).filter((q) => q === 0).length).toBeGreaterThan(0);
    expect((tiny.tables.get("products")!.unit_cost as (number | null)[]).filter((c) => c === null).length).toBeGreaterThan(0);
    expect((tiny.tables.get("orders")!.customer_id as (string | null)[]).some((c) => c?.startsWith("TEST"))).toBe(true);
  });

  it("hands order_items over in chunks that make up the whole table, whatever their size", () => {
    const items = simulateMegaMartChunked({seed: 42, scale: "tiny"}).tables.get("order_items")!;
    expect(isChunked(items)).toBe(true);
    const whole = tiny.tables.get("order_items")!;
    expect(materialize(items)).toEqual(whole);
    if (!isChunked(items)) return;
    expect(items.rows).toBe(whole.order_id.length);
    const chunks = [...items.chunks(1000)];
    expect(chunks.slice(0, -1).every((c) => c.order_id.length === 1000)).toBe(true);
    expect(chunks.flatMap((c) => c.promo_id)).toEqual(whole.promo_id);
    // Duplicated lines (same order and line number twice in a row) survive the chunking.
    const keys = whole.order_id.map((o, i) => `${o}/${whole.line_number[i]}`);
    expect(keys.some((k, i) => i > 0 && k === keys[i - 1])).toBe(true);
  });

  it("duplicates rows right after their originals, one draw per row, emptying the input", () => {
    const table = {a: [1, 2, 3, 4, 5, 6], b: ["x", "y", "z", "u", "v", "w"]};
    const expected = new Random(3);
    const twice = table.a.map(() => expected.uniform() < 0.5);
    const out = withDuplicates(table, 0.5, new Random(3));
    expect(out.a).toEqual([1, 2, 3, 4, 5, 6].flatMap((v, i) => (twice[i] ? [v, v] : [v])));
    expect(out.b).toEqual(["x", "y", "z", "u", "v", "w"].flatMap((v, i) => (twice[i] ? [v, v] : [v])));
    expect(table).toEqual({a: [], b: []});
  });

  it("keeps the truth aligned with the members and the test assignments", () => {
    const t = tiny.truth;
    expect(t.members.segment.length).toBe(t.members.customerId.length);
    expect(new Set(t.members.segment).size).toBe(5);
    // Control members have no effect; variant members' true effect is theirs under their variant.
    t.assignments.variant.forEach((v, i) => {
      if (v === "control") expect(t.assignments.trueEffect[i]).toBe(0);
      if (v === "A") expect(t.assignments.trueEffect[i]).toBeCloseTo(t.assignments.effectIfA[i], 12);
    });
  });
});
