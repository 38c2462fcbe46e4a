/**
 * Offline evaluation of recommenders on a time-based split: train on purchases before a cutoff,
 * recommend k items per customer, and check them against what each customer bought after it.
 *
 * Estimates, for each customer with a purchase on both sides of the cutoff (items they had already
 * bought are not counted, since no recommender shows them):
 *   precision@k = hits / k;  recall@k = hits / |relevant|;  hit rate@k = 1 if any hit;
 *   NDCG@k = Σ_{r ≤ k, hit at r} 1/log2(r + 1)  ÷  Σ_{r ≤ min(k, |relevant|)} 1/log2(r + 1)
 * averaged over customers; coverage@k = distinct items recommended to anyone / items that could be
 * recommended (the catalogue). Also: how well an item-similarity recovers known item groups
 * (planted bundles): the share of each item's group mates found among its k nearest neighbours.
 * References: Järvelin & Kekäläinen (2002), "Cumulated gain-based evaluation of IR techniques"
 * (NDCG, binary gains); Herlocker, Konstan, Terveen & Riedl (2004), "Evaluating collaborative
 * filtering recommender systems" (coverage); the conventions of RecBole / implicit's
 * `ranking_metrics_at_k` (denominator of precision is k; IDCG over min(k, |relevant|) hits).
 * Tests (test/analytics/recommend-evaluate.test.ts) prove: hand-worked values for every metric,
 * agreement of NDCG with scikit-learn's `ndcg_score` on binary relevance (fixture), the split's
 * bookkeeping, and the group-recovery share on a hand-made neighbour list.
 */

export interface RankingMetrics {
  precision: number;
  recall: number;
  ndcg: number;
  hit: number;
}

/** Metrics of one ranked list against one customer's relevant items. */
export function rankingMetrics(recommended: ArrayLike<number>, relevant: ReadonlySet<number>, k: number): RankingMetrics {
  if (!(k >= 1)) throw new Error(`rankingMetrics: k must be >= 1, found ${k}`);
  if (relevant.size === 0) throw new Error("rankingMetrics: a customer with no relevant items cannot be scored");
  let hits = 0;
  let dcg = 0;
  const n = Math.min(k, recommended.length);
  for (let r = 0; r < n; r++) {
    if (relevant.has(recommended[r])) {
      hits++;
      dcg += 1 / Math.log2(r + 2);
    }
  }
  let idcg = 0;
  for (let r = 0; r < Math.min(k, relevant.size); r++) idcg += 1 / Math.log2(r + 2);
  return {precision: hits / k, recall: hits / relevant.size, ndcg: dcg / idcg, hit: hits > 0 ? 1 : 0};
}

export interface EvaluationResult extends RankingMetrics {
  k: number;
  /** Customers scored. */
  customers: number;
  /** Distinct items recommended across customers / catalogue size. */
  coverage: number;
  /** Distinct items recommended. */
  distinctItems: number;
}

/**
 * Mean metrics over customers.
 * @param recommend the ranked items for a customer (at least k when possible)
 * @param heldOut relevant items per customer (customers with none are skipped)
 * @param catalogue number of items that could be recommended (for coverage)
 */
export function evaluateRecommender(
  recommend: (customer: number) => ArrayLike<number>,
  heldOut: ReadonlyMap<number, ReadonlySet<number>>,
  {k = 10, catalogue}: {k?: number; catalogue: number}
): EvaluationResult {
  let precision = 0;
  let recall = 0;
  let ndcg = 0;
  let hit = 0;
  let customers = 0;
  const seen = new Set<number>();
  for (const [customer, relevant] of heldOut) {
    if (relevant.size === 0) continue;
    const list = recommend(customer);
    for (let r = 0; r < Math.min(k, list.length); r++) seen.add(list[r]);
    const m = rankingMetrics(list, relevant, k);
    precision += m.precision;
    recall += m.recall;
    ndcg += m.ndcg;
    hit += m.hit;
    customers++;
  }
  const mean = (x: number) => (customers ? x / customers : NaN);
  return {k, customers, precision: mean(precision), recall: mean(recall), ndcg: mean(ndcg), hit: mean(hit), coverage: catalogue > 0 ? seen.size / catalogue : NaN, distinctItems: seen.size};
}

export interface TimeSplit {
  /** Indices of training events (time < cutoff). */
  train: number[];
  /** Relevant items per customer: bought at or after the cutoff, never bought before it, by customers with training events. */
  heldOut: Map<number, Set<number>>;
  /** Test events dropped because the customer had no training events (cold start) or had bought the item before. */
  droppedColdStart: number;
  droppedRepeats: number;
}

/** Splits purchase events at `cutoff` (same unit as `times`). */
export function timeSplit(customerIndex: ArrayLike<number>, itemIndex: ArrayLike<number>, times: ArrayLike<number>, cutoff: number): TimeSplit {
  const n = customerIndex.length;
  if (itemIndex.length !== n || times.length !== n) throw new Error(`timeSplit: expected equal lengths, found ${n} customers, ${itemIndex.length} items, ${times.length} times`);
  const train: number[] = [];
  const before = new Map<number, Set<number>>();
  for (let e = 0; e < n; e++) {
    if (times[e] < cutoff) {
      train.push(e);
      const c = customerIndex[e];
      let set = before.get(c);
      if (!set) before.set(c, (set = new Set()));
      set.add(itemIndex[e]);
    }
  }
  const heldOut = new Map<number, Set<number>>();
  let droppedColdStart = 0;
  let droppedRepeats = 0;
  for (let e = 0; e < n; e++) {
    if (times[e] < cutoff) continue;
    const c = customerIndex[e];
    const history = before.get(c);
    if (!history) {
      droppedColdStart++;
      continue;
    }
    if (history.has(itemIndex[e])) {
      droppedRepeats++;
      continue;
    }
    let set = heldOut.get(c);
    if (!set) heldOut.set(c, (set = new Set()));
    set.add(itemIndex[e]);
  }
  return {train, heldOut, droppedColdStart, droppedRepeats};
}

export interface GroupRecovery {
  /** Items with at least one group mate. */
  items: number;
  /** Mean share of an item's group mates found among its k neighbours (recall of the planted groups). */
  recall: number;
  /** Mean share of an item's k neighbours that are group mates. */
  precision: number;
  /** The precision a random neighbour list would have: mean (group size − 1) / (items − 1). */
  chance: number;
  /** The recall a random neighbour list would have: mean k / (items − 1) · mates / min(mates, k). */
  chanceRecall: number;
}

/**
 * How well item neighbours recover known groups (e.g. planted bundles).
 * @param neighboursOf the ranked neighbours of an item (only the first k are used)
 * @param group the group of each item (-1: no group)
 * @param items restrict the check to these items (default: every item with a group mate)
 */
export function groupRecovery(neighboursOf: (item: number) => ArrayLike<number>, group: ArrayLike<number>, {k = 10, items}: {k?: number; items?: ArrayLike<number>} = {}): GroupRecovery {
  const sizes = new Map<number, number>();
  for (let i = 0; i < group.length; i++) if (group[i] >= 0) sizes.set(group[i], (sizes.get(group[i]) ?? 0) + 1);
  const list = items ?? Int32Array.from({length: group.length}, (_, i) => i);
  let recall = 0;
  let precision = 0;
  let chance = 0;
  let chanceRecall = 0;
  let counted = 0;
  for (let c = 0; c < list.length; c++) {
    const i = list[c];
    const g = group[i];
    const mates = g >= 0 ? (sizes.get(g) ?? 1) - 1 : 0;
    if (mates <= 0) continue;
    const neighbours = neighboursOf(i);
    let found = 0;
    const n = Math.min(k, neighbours.length);
    for (let r = 0; r < n; r++) if (neighbours[r] !== i && group[neighbours[r]] === g) found++;
    recall += found / Math.min(mates, k);
    precision += found / k;
    chance += mates / (group.length - 1);
    chanceRecall += ((k * mates) / (group.length - 1)) / Math.min(mates, k);
    counted++;
  }
  const mean = (x: number) => (counted ? x / counted : NaN);
  return {items: counted, recall: mean(recall), precision: mean(precision), chance: mean(chance), chanceRecall: mean(chanceRecall)};
}
