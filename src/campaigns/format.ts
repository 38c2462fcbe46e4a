/** Small display helpers of the campaign pages (formats come from src/components/format.ts). */
import {formatMoney, formatNumber, formatPercent, formatRatio} from "../components/format.js";
import type {Kpi} from "./daily.js";

/** A KPI's value as shown on its card. */
export function kpiValue(k: Pick<Kpi, "value" | "kind">): string {
  switch (k.kind) {
    case "money":
      return formatMoney(k.value);
    case "count":
      return formatNumber(k.value);
    case "ratio":
      return formatRatio(k.value);
    case "percent":
      return formatPercent(k.value, k.value < 0.01 ? 2 : 1);
  }
}

/** The point with the highest revenue (first one on ties), or undefined for no points. */
export function peakWeek<T extends {revenue: number}>(points: readonly T[]): T | undefined {
  let best: T | undefined;
  for (const p of points) if (!best || p.revenue > best.revenue) best = p;
  return best;
}

/** SQL result rows as plain objects, with date and timestamp columns as ISO text. */
export function sqlRows(table: Iterable<Record<string, unknown>> & {schema: {fields: {name: string; type: unknown}[]}}): {columns: string[]; rows: Record<string, unknown>[]} {
  const fields = table.schema.fields;
  const temporal = new Set(fields.filter((f) => /^(Date|Timestamp)/.test(String(f.type))).map((f) => f.name));
  const rows = [...table].map((r) => {
    const out: Record<string, unknown> = {};
    for (const f of fields) {
      const v = r[f.name];
      if (temporal.has(f.name) && v !== null && v !== undefined) {
        const ms = v instanceof Date ? v.getTime() : Number(v);
        out[f.name] = new Date(ms).toISOString().slice(0, String(f.type).startsWith("Date") ? 10 : 19).replace("T", " ");
      } else out[f.name] = v;
    }
    return out;
  });
  return {columns: fields.map((f) => f.name), rows};
}
