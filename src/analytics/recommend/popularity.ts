/**
 * Popularity and rating rankings: the baseline every personalised recommender must beat, "popular
 * this month" for a new visitor, and the best-rated high-end items for an upsell.
 *
 * Estimates: purchases per item in a time window (ties by item index); a Bayesian average rating
 * (r̄_i·n_i + m·C) / (n_i + m) that shrinks items with few reviews towards the overall mean C with
 * the weight of m reviews (the IMDb top-250 formula; e.g. Evan Miller, "How not to sort by average
 * rating", for why raw means mislead); "high end" = priced at or above a quantile of its category.
 * Tests (test/analytics/recommend.test.ts) check hand-worked counts, windows, shrinkage and the
 * high-end filter.
 */
import {topK, type Scored} from "./topk.js";

/**
 * Purchases per item, optionally only events with time in [since, until).
 * @param itemIndex item of each purchase event
 * @param times time of each event (any unit; needed with since/until)
 */
export function popularityCounts(itemIndex: ArrayLike<number>, items: number, {times, since = -Infinity, until = Infinity, weights}: {times?: ArrayLike<number>; since?: number; until?: number; weights?: ArrayLike<number>} = {}): Float64Array {
  if (times && times.length !== itemIndex.length) throw new Error(`popularityCounts: ${itemIndex.length} events but ${times.length} times`);
  if ((since !== -Infinity || until !== Infinity) && !times) throw new Error("popularityCounts: a time window needs times");
  const counts = new Float64Array(items);
  for (let e = 0; e < itemIndex.length; e++) {
    if (times && !(times[e] >= since && times[e] < until)) continue;
    counts[itemIndex[e]] += weights ? weights[e] : 1;
  }
  return counts;
}

/** Most purchased items first, skipping `exclude` and items never purchased. */
export function recommendPopular(counts: ArrayLike<number>, {k = 10, exclude}: {k?: number; exclude?: ReadonlySet<number>} = {}): Scored[] {
  const scores = Float64Array.from(counts, (c) => (c > 0 ? c : NaN));
  return topK(scores, k, {exclude});
}

/** Items with a positive count, most purchased first (ties by index): rank once, then take from it per customer. */
export function popularityRanking(counts: ArrayLike<number>): Int32Array {
  const items: number[] = [];
  for (let i = 0; i < counts.length; i++) if (counts[i] > 0) items.push(i);
  items.sort((a, b) => counts[b] - counts[a] || a - b);
  return Int32Array.from(items);
}

/** The first k items of a ranking that are not excluded. */
export function takeFromRanking(ranking: ArrayLike<number>, k: number, exclude?: ReadonlySet<number>): number[] {
  const out: number[] = [];
  for (let r = 0; r < ranking.length && out.length < k; r++) if (!exclude?.has(ranking[r])) out.push(ranking[r]);
  return out;
}

/** (sum of scores + m·C) / (n + m) per item; NaN when n + m = 0. */
export function bayesianAverageRating(scoreSums: ArrayLike<number>, counts: ArrayLike<number>, {priorMean, priorWeight = 10}: {priorMean?: number; priorWeight?: number} = {}): Float64Array {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < counts.length; i++) {
    sum += scoreSums[i];
    n += counts[i];
  }
  const C = priorMean ?? (n > 0 ? sum / n : NaN);
  return Float64Array.from({length: counts.length}, (_, i) => (counts[i] + priorWeight > 0 ? (scoreSums[i] + priorWeight * C) / (counts[i] + priorWeight) : NaN));
}

/** The q-quantile (linear interpolation, numpy's default) of each group's values. */
export function groupQuantiles(values: ArrayLike<number>, groups: ArrayLike<number>, q: number): Map<number, number> {
  const byGroup = new Map<number, number[]>();
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) continue;
    const list = byGroup.get(groups[i]) ?? [];
    list.push(values[i]);
    byGroup.set(groups[i], list);
  }
  const out = new Map<number, number>();
  for (const [g, list] of byGroup) {
    list.sort((a, b) => a - b);
    const pos = q * (list.length - 1);
    const lo = Math.floor(pos);
    const hi = Math.ceil(pos);
    out.set(g, list[lo] + (list[hi] - list[lo]) * (pos - lo));
  }
  return out;
}

/**
 * High-end, well-rated items: priced at or above the `priceQuantile` of their category, with at
 * least `minReviews` reviews, ranked by Bayesian average rating.
 * @param categories category index of each item (items of one category compete on price)
 */
export function topRatedHighEnd(
  {price, category, rating, reviews}: {price: ArrayLike<number>; category: ArrayLike<number>; rating: ArrayLike<number>; reviews: ArrayLike<number>},
  {k = 10, priceQuantile = 0.8, minReviews = 3, exclude, categories}: {k?: number; priceQuantile?: number; minReviews?: number; exclude?: ReadonlySet<number>; categories?: ReadonlySet<number>} = {}
): Scored[] {
  const thresholds = groupQuantiles(price, category, priceQuantile);
  const scores = Float64Array.from({length: price.length}, (_, i) =>
    reviews[i] >= minReviews && price[i] >= (thresholds.get(category[i]) ?? Infinity) && (!categories || categories.has(category[i])) ? rating[i] : NaN
  );
  return topK(scores, k, {exclude});
}
