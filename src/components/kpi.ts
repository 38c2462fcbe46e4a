/**
 * A KPI card: a title, a big number, and the change against the previous period coloured by
 * whether that direction is good for this metric (a falling CPA is good news).
 */
import {html} from "npm:htl";
import {formatDelta} from "./format.js";

export interface KpiOptions {
  title: string;
  value: string;
  /** Relative change vs the previous period (0.1 = +10%), or NaN when there is none. */
  change?: number;
  /** Which direction is good news. */
  better?: "up" | "down";
  /** A short note under the number, e.g. "vs previous 30 days". */
  note?: string;
}

export function kpiCard({title, value, change = NaN, better = "up", note}: KpiOptions): HTMLElement {
  const direction = !Number.isFinite(change) || change === 0 ? "flat" : change > 0 ? "up" : "down";
  const tone = direction === "flat" ? "neutral" : direction === better ? "good" : "bad";
  const arrow = direction === "up" ? "↑" : direction === "down" ? "↓" : "";
  return html`<div class="card kpi" data-kpi=${title}>
    <h2>${title}</h2>
    <span class="big">${value}</span>
    <span class="kpi-delta kpi-${tone}" title="Change vs the previous period">${arrow} ${formatDelta(change)}</span>
    ${note ? html`<div class="muted small">${note}</div>` : ""}
  </div>` as HTMLElement;
}
