/**
 * A KPI card: a title, a big number, and the change against the previous period coloured by
 * whether that direction is good for this metric (a falling CPA is good news). A card given no
 * `change` has no change line; a change of NaN shows "–" (there is a period, but nothing to compare).
 */
import {html} from "npm:htl";
import {formatDelta} from "./format.js";

export interface KpiOptions {
  title: string;
  value: string;
  /** Relative change vs the previous period (0.1 = +10%), NaN when there is none; omit for a card without a change line. */
  change?: number;
  /** Which direction is good news ("neutral": neither, the change is shown uncoloured). */
  better?: "up" | "down" | "neutral";
  /** A short note under the number, e.g. "vs previous 30 days". */
  note?: string;
}

export function kpiCard({title, value, change, better = "up", note}: KpiOptions): HTMLElement {
  let delta: unknown = "";
  if (change !== undefined) {
    const direction = !Number.isFinite(change) || change === 0 ? "flat" : change > 0 ? "up" : "down";
    const tone = direction === "flat" || better === "neutral" ? "neutral" : direction === better ? "good" : "bad";
    const arrow = direction === "up" ? "↑" : direction === "down" ? "↓" : "";
    delta = html`<span class="kpi-delta kpi-${tone}" title="Change vs the previous period">${arrow} ${formatDelta(change)}</span>`;
  }
  return html`<div class="card kpi" data-kpi=${title}>
    <h2>${title}</h2>
    <span class="big">${value}</span>
    ${delta}
    ${note ? html`<div class="muted small">${note}</div>` : ""}
  </div>` as HTMLElement;
}
