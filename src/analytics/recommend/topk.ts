/**
 * The k best-scored items, skipping excluded ones: a bounded min-heap, O(n log k). Ties go to the
 * lower item index, so rankings are deterministic.
 */

export interface Scored {
  item: number;
  score: number;
}

/** True when (score a, item a) ranks before (score b, item b). */
const before = (sa: number, ia: number, sb: number, ib: number) => sa > sb || (sa === sb && ia < ib);

/**
 * Top-k items by score, best first.
 * @param exclude items never returned (e.g. already bought); a Set or a predicate
 * @param candidates restrict to these items (default: all indices of `scores`)
 */
export function topK(scores: ArrayLike<number>, k: number, {exclude, candidates}: {exclude?: ReadonlySet<number> | ((item: number) => boolean); candidates?: ArrayLike<number>} = {}): Scored[] {
  const excluded = typeof exclude === "function" ? exclude : exclude ? (i: number) => exclude.has(i) : () => false;
  const heapItems = new Int32Array(Math.max(0, k));
  const heapScores = new Float64Array(Math.max(0, k));
  let size = 0;
  const n = candidates ? candidates.length : scores.length;
  // Min-heap on (score, -item): the root is the worst of the current best k.
  const worse = (a: number, b: number) => before(heapScores[b], heapItems[b], heapScores[a], heapItems[a]);
  const swap = (a: number, b: number) => {
    const ti = heapItems[a];
    heapItems[a] = heapItems[b];
    heapItems[b] = ti;
    const ts = heapScores[a];
    heapScores[a] = heapScores[b];
    heapScores[b] = ts;
  };
  for (let c = 0; c < n && k > 0; c++) {
    const item = candidates ? candidates[c] : c;
    const score = scores[item];
    if (Number.isNaN(score) || excluded(item)) continue;
    if (size < k) {
      heapItems[size] = item;
      heapScores[size] = score;
      let i = size++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!worse(i, parent)) break;
        swap(i, parent);
        i = parent;
      }
    } else if (before(score, item, heapScores[0], heapItems[0])) {
      heapItems[0] = item;
      heapScores[0] = score;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < size && worse(l, m)) m = l;
        if (r < size && worse(r, m)) m = r;
        if (m === i) break;
        swap(i, m);
        i = m;
      }
    }
  }
  const out: Scored[] = [];
  for (let i = 0; i < size; i++) out.push({item: heapItems[i], score: heapScores[i]});
  return out.sort((a, b) => (before(a.score, a.item, b.score, b.item) ? -1 : 1));
}
