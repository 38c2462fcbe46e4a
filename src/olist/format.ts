/** Small display helpers of the Olist pages (formats come from src/components/format.ts). */
import {html} from "npm:htl";
import {formatMoney, formatNumber, formatPercent} from "../components/format.js";
import type {Kpi} from "./report.js";

/** A KPI's value as shown on its card. */
export function kpiText(k: Pick<Kpi, "value" | "kind">): string {
  switch (k.kind) {
    case "money":
      return formatMoney(k.value, {currency: "BRL"});
    case "count":
      return formatNumber(k.value);
    case "percent":
      return formatPercent(k.value);
    case "score":
      return Number.isFinite(k.value) ? `${k.value.toFixed(2)} ★` : "–";
    case "days":
      return Number.isFinite(k.value) ? `${k.value.toFixed(1)} days` : "–";
  }
}

export interface ReportMeta {
  source: {kind: "simulation"; seed: number; scale: string} | {kind: "files"};
  asOf: number;
  firstPurchase: number;
  counts: {people: number; orders: number; sales: number; items: number; products: number; sellers: number; reviews: number};
  hasTouches: boolean;
  hasPromotion: boolean;
  hasTruth: boolean;
  [key: string]: unknown;
}

const day = (ms: number) => new Date(ms).toLocaleDateString("en-US", {timeZone: "UTC", month: "short", day: "numeric", year: "numeric"});

/** Where the data come from and what they cover, in a phrase. */
export function sourceNote(meta: ReportMeta): string {
  const span = `${day(meta.firstPurchase)} to ${day(meta.asOf - 86_400_000)}`;
  const size = `${formatNumber(meta.counts.sales)} sales by ${formatNumber(meta.counts.people)} customers`;
  return meta.source.kind === "simulation"
    ? `a simulation in the public Olist dataset's schema (seed ${meta.source.seed}, scale ${meta.source.scale}), ${size}, ${span}`
    : `your Olist files, ${size}, ${span}`;
}

export const brl = (v: number) => formatMoney(v, {currency: "BRL"});

/** A figure without a comparison: title, big number, a note (kpiCard's look, no change arrow). */
export function statCard({title, value, note}: {title: string; value: string; note?: string}): HTMLElement {
  return html`<div class="card kpi" data-kpi=${title}><h2>${title}</h2><span class="big">${value}</span>${note ? html`<div class="muted small">${note}</div>` : ""}</div>` as HTMLElement;
}

/**
 * Shows or hides page blocks by id (Markdown HTML attributes cannot hold `${…}`, so a page sets
 * them from a code block). Hidden with display: none, which also beats a .grid's display.
 */
export function showWhen(ids: readonly string[], visible: boolean): void {
  for (const id of ids) {
    const el = document.getElementById(id);
    if (el) el.style.display = visible ? "" : "none";
  }
}

/** A number with fixed decimals, "–" when missing (Arrow nulls and NaN alike). */
export const fixed = (digits: number) => (v: number | null | undefined) => (typeof v === "number" && Number.isFinite(v) ? v.toFixed(digits) : "–");
