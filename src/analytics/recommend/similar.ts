/**
 * Similar items: "customers who bought this also bought", and nearest neighbours in a learned
 * vector space (ALS item factors, item2vec vectors).
 *
 * Estimates: item-item cosine similarity of purchase incidence, sim(i, j) = |U_i ∩ U_j| /
 * (√|U_i|·√|U_j| + shrink) over the sets U of customers who bought each item (Sarwar, Karypis,
 * Konstan & Riedl 2001, "Item-based collaborative filtering recommendation algorithms", WWW;
 * Linden, Smith & York 2003, "Amazon.com recommendations: item-to-item collaborative filtering";
 * the shrinkage term as in Koren 2008), kept as each item's k nearest neighbours. A customer's
 * item-kNN score for j sums sim(i, j) over the items i they bought. Vector neighbours use the
 * cosine of item vectors.
 * Tests (test/analytics/recommend.test.ts) prove: hand-computed co-occurrence cosines on a small
 * matrix; neighbours from vectors equal a brute-force cosine sort; item-kNN scores equal the sum
 * of neighbour similarities.
 */
import {normalizeRows} from "./embeddings.js";
import {transpose, type Interactions} from "./interactions.js";
import {topK, type Scored} from "./topk.js";

/** Each item's k nearest neighbours, best first; -1 / NaN pad items with fewer than k. */
export interface ItemNeighbours {
  items: number;
  k: number;
  /** items × k neighbour indices. */
  neighbours: Int32Array;
  /** items × k similarities. */
  scores: Float64Array;
}

function emptyNeighbours(items: number, k: number): ItemNeighbours {
  return {items, k, neighbours: new Int32Array(items * k).fill(-1), scores: new Float64Array(items * k).fill(NaN)};
}

/** The neighbours of one item as a list. */
export function neighboursOf(n: ItemNeighbours, item: number): Scored[] {
  const out: Scored[] = [];
  for (let r = 0; r < n.k; r++) {
    const j = n.neighbours[item * n.k + r];
    if (j < 0) break;
    out.push({item: j, score: n.scores[item * n.k + r]});
  }
  return out;
}

/**
 * Item-item cosine similarity of binary purchase incidence (who bought each item), k nearest per item.
 * @param shrink added to the denominator so pairs seen once among many buyers count less (default 0)
 */
export function cooccurrenceNeighbours(m: Interactions, {k = 20, shrink = 0}: {k?: number; shrink?: number} = {}): ItemNeighbours {
  const byItem = transpose(m);
  const buyers = new Float64Array(m.items);
  for (let i = 0; i < m.items; i++) buyers[i] = byItem.indptr[i + 1] - byItem.indptr[i];
  const result = emptyNeighbours(m.items, k);
  const overlap = new Float64Array(m.items);
  const touched: number[] = [];
  const scores = new Float64Array(m.items).fill(NaN);
  for (let i = 0; i < m.items; i++) {
    touched.length = 0;
    for (let a = byItem.indptr[i]; a < byItem.indptr[i + 1]; a++) {
      const u = byItem.indices[a];
      for (let b = m.indptr[u]; b < m.indptr[u + 1]; b++) {
        const j = m.indices[b];
        if (j === i) continue;
        if (overlap[j] === 0) touched.push(j);
        overlap[j]++;
      }
    }
    for (const j of touched) scores[j] = overlap[j] / (Math.sqrt(buyers[i] * buyers[j]) + shrink);
    const best = topK(scores, k, {candidates: touched});
    best.forEach((s, r) => {
      result.neighbours[i * k + r] = s.item;
      result.scores[i * k + r] = s.score;
    });
    for (const j of touched) {
      overlap[j] = 0;
      scores[j] = NaN;
    }
  }
  return result;
}

/**
 * k nearest neighbours by cosine similarity of item vectors (rows of an items × dimensions matrix).
 * @param include only these items may be neighbours (e.g. items with a trained vector); default all
 * @param of compute neighbours for these items only (default all); others stay empty
 */
export function vectorNeighbours(vectors: Float64Array, dimensions: number, {k = 20, include, of}: {k?: number; include?: ArrayLike<number>; of?: ArrayLike<number>} = {}): ItemNeighbours {
  const items = vectors.length / dimensions;
  const unit = normalizeRows(vectors, dimensions);
  const result = emptyNeighbours(items, k);
  const scores = new Float64Array(items);
  const sources = of ?? Int32Array.from({length: items}, (_, i) => i);
  for (let s = 0; s < sources.length; s++) {
    const i = sources[s];
    const oi = i * dimensions;
    const candidates = include ?? undefined;
    const n = candidates ? candidates.length : items;
    for (let c = 0; c < n; c++) {
      const j = candidates ? candidates[c] : c;
      const oj = j * dimensions;
      let dot = 0;
      for (let t = 0; t < dimensions; t++) dot += unit[oi + t] * unit[oj + t];
      scores[j] = dot;
    }
    const best = topK(scores, k, {candidates, exclude: (j) => j === i});
    best.forEach((b, r) => {
      result.neighbours[i * k + r] = b.item;
      result.scores[i * k + r] = b.score;
    });
  }
  return result;
}

/**
 * Item-based collaborative filtering: score(j) = Σ over bought items i of sim(i, j), from each
 * bought item's neighbour list; best k, skipping `exclude`.
 */
export function recommendFromNeighbours(n: ItemNeighbours, history: ArrayLike<number>, {k = 10, exclude}: {k?: number; exclude?: ReadonlySet<number>} = {}): Scored[] {
  const scores = new Map<number, number>();
  for (let h = 0; h < history.length; h++) {
    const i = history[h];
    for (let r = 0; r < n.k; r++) {
      const j = n.neighbours[i * n.k + r];
      if (j < 0) break;
      scores.set(j, (scores.get(j) ?? 0) + n.scores[i * n.k + r]);
    }
  }
  const candidates = Int32Array.from(scores.keys());
  const dense = new Float64Array(n.items);
  for (const [j, s] of scores) dense[j] = s;
  return topK(dense, k, {candidates, exclude});
}
