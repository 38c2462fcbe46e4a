/**
 * The shopper's view: product cards with the reason each one is shown, a purchase history, and
 * similar products side by side. Products have no names in the Olist schema, so a product is shown
 * by its category, a short id, its price and its rating.
 */
import {html} from "npm:htl";

export interface ShopProduct {
  product: number;
  product_id: string;
  category: string;
  price: number;
  rating: number;
  reviews: number;
  sales: number;
  high_end: boolean;
}

export interface ShopRec {
  rank: number;
  product: number;
  strategy: string;
  because: number;
  score: number;
}

const brl = (v: number) => (Number.isFinite(v) ? `R$ ${v.toLocaleString("en-US", {minimumFractionDigits: 2, maximumFractionDigits: 2})}` : "–");
export const productLabel = (p: ShopProduct | undefined) => (p ? `${p.category.replaceAll("_", " ")} · ${p.product_id.slice(0, 6)}` : "unknown product");

/** Why a recommendation is shown, in a sentence. */
export function reasonText(rec: ShopRec, products: ReadonlyMap<number, ShopProduct>): string {
  const because = products.get(rec.because);
  switch (rec.strategy) {
    case "popular":
      return `Popular this month: sold ${Math.round(rec.score)} times in the last 30 days.`;
    case "upsell":
      return `Top rated (${rec.score.toFixed(2)} ★) among the priciest fifth of ${products.get(rec.product)?.category.replaceAll("_", " ") ?? "its category"}${because ? `, a step up from your ${productLabel(because)}` : ""}.`;
    case "similar":
      return because ? `Customers who bought your ${productLabel(because)} also bought it.` : "Similar to what you bought.";
    case "als":
      return because ? `Picked by ALS from your purchase history; closest to your ${productLabel(because)}.` : "Picked by ALS from your purchase history.";
    default:
      return rec.strategy;
  }
}

function stars(rating: number): string {
  if (!Number.isFinite(rating)) return "no reviews yet";
  return `${"★".repeat(Math.round(rating))}${"☆".repeat(5 - Math.round(rating))} ${rating.toFixed(1)}`;
}

/** A grid of recommendation cards. */
export function recommendationCards(recs: readonly ShopRec[], products: ReadonlyMap<number, ShopProduct>): HTMLElement {
  return html`<div class="grid grid-cols-4 olist-recs" data-recs=${recs.length}>
    ${recs.map((r) => {
      const p = products.get(r.product);
      return html`<div class="card olist-rec" data-product=${p?.product_id ?? ""} data-strategy=${r.strategy} style="margin:0">
        <div class="muted small">#${r.rank} · ${r.strategy === "als" ? "ALS" : r.strategy}</div>
        <h3 style="margin:.2rem 0">${p ? p.category.replaceAll("_", " ") : "?"}</h3>
        <div class="small muted">product ${p?.product_id.slice(0, 8) ?? ""}${p?.high_end ? " · high end" : ""}</div>
        <div style="font-size:1.2rem;font-weight:600;margin:.3rem 0">${brl(p?.price ?? NaN)}</div>
        <div class="small" title="Bayesian average review score">${stars(p?.rating ?? NaN)}</div>
        <p class="small" style="margin:.4rem 0 0">${reasonText(r, products)}</p>
      </div>`;
    })}
  </div>` as HTMLElement;
}

/** What a customer bought, newest first. */
export function historyList(rows: readonly {product: number; date: number; price: number}[], products: ReadonlyMap<number, ShopProduct>): HTMLElement {
  const sorted = [...rows].sort((a, b) => b.date - a.date);
  return html`<ul class="olist-history" style="margin:0;padding-left:1.1rem">
    ${sorted.map((r) => html`<li>${new Date(r.date).toLocaleDateString("en-US", {timeZone: "UTC", month: "short", day: "numeric", year: "numeric"})}: <b>${productLabel(products.get(r.product))}</b>, ${brl(r.price)}</li>`)}
  </ul>` as HTMLElement;
}

/** Neighbours of one product by each similarity, as columns. */
export function similarColumns(rows: readonly {method: string; rank: number; neighbour: number; score: number}[], products: ReadonlyMap<number, ShopProduct>, methods: readonly string[]): HTMLElement {
  return html`<div class="grid grid-cols-3 olist-similar">
    ${methods.map((m) => html`<div class="card" style="margin:0" data-method=${m}>
      <h3 style="margin-top:0">${m}</h3>
      <ol style="margin:0;padding-left:1.2rem">
        ${rows
          .filter((r) => r.method === m)
          .sort((a, b) => a.rank - b.rank)
          .map((r) => html`<li>${productLabel(products.get(r.neighbour))} <span class="muted small">${brl(products.get(r.neighbour)?.price ?? NaN)} · cos ${r.score.toFixed(2)}</span></li>`)}
      </ol>
    </div>`)}
  </div>` as HTMLElement;
}
