/**
 * Review-text charts: the top terms of each review score side by side, and reviews per score with
 * the share that carry a comment.
 */
import * as Plot from "npm:@observablehq/plot";
import {OLIST_SCORE_COLORS} from "./palette.js";

/** Charts never draw narrower than this (a card can be measured at a transient small width while the page lays out). */
const MIN_WIDTH = 260;

/** Top `top` terms per score by count or by z-score: one small chart per score, 5 stars first. */
export function termsByScoreChart(rows: {score: number; term: string; count: number; share: number; z_score: number; count_rank: number; z_rank: number}[], {by = "count", top = 10, width = 640}: {by?: "count" | "z_score"; top?: number; width?: number} = {}): HTMLElement {
  width = Math.max(width, MIN_WIDTH);
  const rank = by === "count" ? "count_rank" : "z_rank";
  const columns = width >= 900 ? 3 : width >= 560 ? 2 : 1;
  const panelWidth = Math.floor((width - (columns - 1) * 16) / columns);
  const container = document.createElement("div");
  container.className = "olist-terms";
  container.style.display = "grid";
  container.style.gridTemplateColumns = `repeat(${columns}, 1fr)`;
  container.style.gap = "16px";
  for (const score of [5, 4, 3, 2, 1]) {
    const data = rows.filter((r) => r.score === score && r[rank] >= 1 && r[rank] <= top).sort((a, b) => a[rank] - b[rank]);
    const figure = document.createElement("div");
    const title = document.createElement("h3");
    title.textContent = `${"★".repeat(score)} (${score} star${score > 1 ? "s" : ""})`;
    title.style.color = OLIST_SCORE_COLORS[score - 1];
    title.style.margin = "0";
    figure.append(
      title,
      Plot.plot({
        width: panelWidth,
        height: 18 * Math.max(1, data.length) + 40,
        marginLeft: 140,
        marginRight: 12,
        x: {grid: true, label: by === "count" ? "Share of the score's terms →" : "Log-odds z-score →", tickFormat: by === "count" ? ".1%" : undefined, ticks: 3},
        y: {label: null, domain: data.map((d) => d.term)},
        marks: [Plot.barX(data, {x: by === "count" ? "share" : "z_score", y: "term", fill: OLIST_SCORE_COLORS[score - 1], channels: {Count: "count"}, tip: {format: {x: by === "count" ? ".2%" : ".1f", Count: ",d"}}}), Plot.ruleX([0])]
      })
    );
    container.append(figure);
  }
  return container;
}

/** Reviews per score and the share with a comment. */
export function scoreDistributionChart(rows: {score: number; reviews: number; with_comment: number}[], {width = 320}: {width?: number} = {}) {
  width = Math.max(width, MIN_WIDTH);
  const total = rows.reduce((n, r) => n + r.reviews, 0);
  const data = rows.map((r) => ({...r, share: r.reviews / total, commented: r.reviews ? r.with_comment / r.reviews : 0}));
  return Plot.plot({
    width,
    height: 220,
    marginLeft: 44,
    x: {label: "Review score", domain: [1, 2, 3, 4, 5]},
    y: {grid: true, label: "Share of reviews ↑", tickFormat: ".0%"},
    color: {domain: [1, 2, 3, 4, 5], range: OLIST_SCORE_COLORS},
    marks: [Plot.barY(data, {x: "score", y: "share", fill: "score", channels: {Reviews: "reviews", "With a comment": "commented"}, tip: {format: {y: ".1%", Reviews: ",d", "With a comment": ".0%", fill: false}}}), Plot.ruleY([0])]
  });
}
