/**
 * Item and customer embeddings learned from purchase sequences (item2vec / customer2vec style).
 *
 * Estimates: a vector per item such that items bought by the same customer (close together in
 * their purchase sequence) have similar vectors, by skip-gram with negative sampling: for each
 * (item, context item) pair in a window of the sequence, raise σ(v_iᵀ v'_j) and lower
 * σ(v_iᵀ v'_n) for `negatives` items n drawn from the unigram distribution raised to 3/4.
 * Negatives come from word2vec.c's unigram table (100 slots per item, at most 10⁶).
 * A customer's vector is the mean of the (unit-length) vectors of what they bought, weighted
 * towards recent purchases; items are recommended by cosine similarity to it.
 * References: Mikolov, Sutskever, Chen, Corrado & Dean (2013), "Distributed representations of
 * words and phrases and their compositionality", NIPS (SGNS, the 3/4 power, linear learning-rate
 * decay, word2vec.c's update order); Barkan & Koenigstein (2016), "Item2Vec: neural item embedding
 * for collaborative filtering" (items as words, a customer's items as a sentence); Chamberlain et
 * al. (2017), "Customer lifetime value prediction using embeddings" (customer2vec), whose simplest
 * customer vector is the average of item vectors.
 * Tests (test/analytics/recommend.test.ts) prove: seeded runs are identical; on sequences with a
 * planted group structure, nearest neighbours are group mates far above chance; training lowers
 * the SGNS loss on held-in pairs.
 */
import {Random} from "../random.js";
import {topK, type Scored} from "./topk.js";

export interface Item2VecOptions {
  /** Vector length (default 32). */
  dimensions?: number;
  /** Context: items up to this many positions away in the sequence (default 5; 0 = the whole sequence, item2vec's set view). */
  window?: number;
  /** Negative samples per positive pair (default 5). */
  negatives?: number;
  /** Passes over all sequences (default 15). */
  epochs?: number;
  /** Starting learning rate, decayed linearly to `minLearningRate` (default 0.025 and 0.0001, as word2vec). */
  learningRate?: number;
  minLearningRate?: number;
  /** Power of the unigram counts for negative sampling (default 0.75). */
  unigramPower?: number;
  seed?: number;
}

export interface ItemEmbeddings {
  dimensions: number;
  items: number;
  /** Input ("word") vectors, items × dimensions row-major: the embedding. */
  vectors: Float64Array;
  /** Output ("context") vectors. */
  contextVectors: Float64Array;
  /** Times each item occurred in the training sequences (0: its vector is untrained). */
  counts: Int32Array;
  /** Positive pairs seen per epoch. */
  pairsPerEpoch: number;
}

const DEFAULTS = {dimensions: 32, window: 5, negatives: 5, epochs: 15, learningRate: 0.025, minLearningRate: 0.0001, unigramPower: 0.75, seed: 42};

const sigmoid = (t: number) => (t > 0 ? 1 / (1 + Math.exp(-t)) : Math.exp(t) / (1 + Math.exp(t)));

/** Trains item vectors on sequences of item indices (one sequence per customer, in time order). */
export function trainItem2Vec(sequences: readonly ArrayLike<number>[], items: number, options: Item2VecOptions = {}): ItemEmbeddings {
  const opts = {...DEFAULTS, ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined))} as typeof DEFAULTS;
  const d = opts.dimensions;
  const random = new Random(opts.seed);
  const counts = new Int32Array(items);
  const usable = sequences.filter((s) => s.length >= 2);
  for (const s of usable) for (let k = 0; k < s.length; k++) {
    const i = s[k];
    if (!Number.isInteger(i) || i < 0 || i >= items) throw new Error(`trainItem2Vec: item ${i} is outside [0, ${items})`);
    counts[i]++;
  }
  // Negative-sampling distribution: counts^power, as word2vec.c's unigram table (each item fills
  // a share of the table's slots proportional to its weight; a draw is one uniform slot).
  let total = 0;
  for (let i = 0; i < items; i++) total += Math.pow(counts[i], opts.unigramPower);
  const tableSize = Math.max(1, Math.min(1_000_000, 100 * items));
  const table = new Int32Array(tableSize);
  {
    const next = (from: number) => {
      let j = from;
      while (j < items && counts[j] === 0) j++;
      return j;
    };
    let i = next(0);
    let cumulative = i < items ? Math.pow(counts[i], opts.unigramPower) / total : 1;
    for (let slot = 0; slot < tableSize; slot++) {
      table[slot] = Math.min(i, items - 1);
      if ((slot + 1) / tableSize > cumulative) {
        const j = next(i + 1);
        if (j < items) {
          i = j;
          cumulative += Math.pow(counts[i], opts.unigramPower) / total;
        }
      }
    }
  }
  const drawNegative = () => table[Math.floor(random.uniform() * tableSize)];
  const vectors = new Float64Array(items * d);
  for (let k = 0; k < vectors.length; k++) vectors[k] = (random.uniform() - 0.5) / d;
  const contextVectors = new Float64Array(items * d);
  const pairsOf = (s: ArrayLike<number>) => {
    let pairs = 0;
    for (let a = 0; a < s.length; a++) {
      const lo = opts.window > 0 ? Math.max(0, a - opts.window) : 0;
      const hi = opts.window > 0 ? Math.min(s.length - 1, a + opts.window) : s.length - 1;
      pairs += hi - lo;
    }
    return pairs;
  };
  const pairsPerEpoch = usable.reduce((n, s) => n + pairsOf(s), 0);
  const totalPairs = pairsPerEpoch * opts.epochs;
  if (total === 0 || totalPairs === 0) return {dimensions: d, items, vectors, contextVectors, counts, pairsPerEpoch};
  const gradient = new Float64Array(d);
  let done = 0;
  let order = usable.map((_, k) => k);
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    order = random.shuffle(order);
    for (const k of order) {
      const s = usable[k];
      for (let a = 0; a < s.length; a++) {
        const lo = opts.window > 0 ? Math.max(0, a - opts.window) : 0;
        const hi = opts.window > 0 ? Math.min(s.length - 1, a + opts.window) : s.length - 1;
        for (let b = lo; b <= hi; b++) {
          if (b === a) continue;
          const lr = Math.max(opts.minLearningRate, opts.learningRate * (1 - done / totalPairs));
          done++;
          // word2vec.c's skip-gram step: the context item's input vector is trained to predict the centre.
          const centre = s[a];
          const input = s[b] * d;
          gradient.fill(0);
          for (let n = 0; n <= opts.negatives; n++) {
            let target: number;
            let label: number;
            if (n === 0) {
              target = centre;
              label = 1;
            } else {
              target = drawNegative();
              if (target === centre) continue;
              label = 0;
            }
            const out = target * d;
            let dot = 0;
            for (let j = 0; j < d; j++) dot += vectors[input + j] * contextVectors[out + j];
            const g = (label - sigmoid(dot)) * lr;
            for (let j = 0; j < d; j++) {
              gradient[j] += g * contextVectors[out + j];
              contextVectors[out + j] += g * vectors[input + j];
            }
          }
          for (let j = 0; j < d; j++) vectors[input + j] += gradient[j];
        }
      }
    }
  }
  return {dimensions: d, items, vectors, contextVectors, counts, pairsPerEpoch};
}

/** Rows scaled to unit length (zero rows stay zero): cosine similarity becomes a dot product. */
export function normalizeRows(vectors: Float64Array, dimensions: number): Float64Array {
  const out = new Float64Array(vectors.length);
  for (let o = 0; o < vectors.length; o += dimensions) {
    let norm = 0;
    for (let j = 0; j < dimensions; j++) norm += vectors[o + j] * vectors[o + j];
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let j = 0; j < dimensions; j++) out[o + j] = vectors[o + j] * scale;
  }
  return out;
}

/**
 * A customer's vector (customer2vec by averaging): the mean of the unit item vectors of their
 * purchases, the k-th most recent weighted by `recencyDecay`^k (1 = plain mean). `history` is in
 * time order, oldest first.
 */
export function customerVector(unitVectors: Float64Array, dimensions: number, history: ArrayLike<number>, {recencyDecay = 0.8}: {recencyDecay?: number} = {}): Float64Array {
  const v = new Float64Array(dimensions);
  let w = 1;
  for (let k = history.length - 1; k >= 0; k--) {
    const o = history[k] * dimensions;
    for (let j = 0; j < dimensions; j++) v[j] += w * unitVectors[o + j];
    w *= recencyDecay;
  }
  return v;
}

/** Items most similar (cosine) to a customer's vector, skipping `exclude` and untrained items. */
export function recommendByEmbedding(
  unitVectors: Float64Array,
  dimensions: number,
  history: ArrayLike<number>,
  {k = 10, exclude, counts, recencyDecay}: {k?: number; exclude?: ReadonlySet<number>; counts?: Int32Array; recencyDecay?: number} = {}
): Scored[] {
  const v = customerVector(unitVectors, dimensions, history, {recencyDecay});
  const items = unitVectors.length / dimensions;
  const scores = new Float64Array(items);
  for (let i = 0; i < items; i++) {
    if (counts && counts[i] === 0) {
      scores[i] = NaN;
      continue;
    }
    const o = i * dimensions;
    let s = 0;
    for (let j = 0; j < dimensions; j++) s += v[j] * unitVectors[o + j];
    scores[i] = s;
  }
  return topK(scores, k, {exclude});
}
