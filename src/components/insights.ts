/**
 * A list of computed findings, each marked by its tone (good news, bad news, neutral), for the top
 * of a report page. Input: {tone, text} sentences (see src/campaigns/insights.ts for one producer).
 */
import {html} from "npm:htl";

export interface InsightItem {
  tone: "good" | "bad" | "neutral";
  text: string;
  kind?: string;
}

const MARK = {good: "▲", bad: "▼", neutral: "●"} as const;
const LABEL = {good: "good news", bad: "needs attention", neutral: "note"} as const;

export function insightList(items: readonly InsightItem[]): HTMLElement {
  return html`<ul class="insight-list" style="list-style:none;padding:0;margin:0;max-width:none">
    ${items.map(
      (i) => html`<li data-insight=${i.kind ?? ""} style="display:flex;gap:.6rem;align-items:baseline;margin:.35rem 0">
        <span class=${`kpi-${i.tone === "neutral" ? "neutral" : i.tone}`} aria-label=${LABEL[i.tone]} title=${LABEL[i.tone]} style="flex:none;font-size:.8em">${MARK[i.tone]}</span>
        <span>${i.text}</span>
      </li>`
    )}
  </ul>` as HTMLElement;
}
