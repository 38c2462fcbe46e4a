// The shared recommenders (src/analytics/recommend/): the interaction matrix, ALS against an
// independent numpy implementation of Hu, Koren & Volinsky (2008), item2vec, item similarities,
// popularity and ratings. Sources of expected numbers are named on each test.
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {Random} from "../../src/analytics/random.js";
import {
  alsLoss,
  alsScores,
  bayesianAverageRating,
  buildInteractions,
  cooccurrenceNeighbours,
  customerVector,
  fitAls,
  groupRecovery,
  itemsOf,
  neighboursOf,
  normalizeRows,
  popularityCounts,
  popularityRanking,
  recommendByEmbedding,
  recommendFromNeighbours,
  recommendPopular,
  takeFromRanking,
  topK,
  topRatedHighEnd,
  trainItem2Vec,
  transpose,
  vectorNeighbours
} from "../../src/analytics/recommend/index.js";

const reference = JSON.parse(readFileSync(join(import.meta.dirname, "..", "fixtures", "olist", "als_reference.json"), "utf8"));

/** The reference count matrix as an Interactions. */
function referenceMatrix() {
  const users: number[] = [];
  const items: number[] = [];
  const weights: number[] = [];
  reference.counts.forEach((row: number[], u: number) =>
    row.forEach((c, i) => {
      if (c > 0) {
        users.push(u);
        items.push(i);
        weights.push(c);
      }
    })
  );
  return buildInteractions(users, items, {users: reference.counts.length, items: reference.counts[0].length, weights});
}

const flat = (rows: number[][]) => rows.flat();
const maxAbsDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
};

/**
 * Planted co-purchase data: `groups` groups of `size` items; each customer buys 2-4 items of one
 * group and, with probability `noise`, one random item. Returns the events and each item's group.
 */
function plantedPurchases(seed: number, {customers = 600, groups = 12, size = 5, noise = 0.2} = {}) {
  const random = new Random(seed);
  const items = groups * size;
  const group = Int32Array.from({length: items}, (_, i) => Math.floor(i / size));
  const users: number[] = [];
  const bought: number[] = [];
  const sequences: number[][] = [];
  for (let u = 0; u < customers; u++) {
    const g = random.int(groups);
    const picks = random.sample(Array.from({length: size}, (_, k) => g * size + k), 2 + random.int(3));
    if (random.bernoulli(noise)) picks.push(random.int(items));
    sequences.push(picks);
    for (const i of picks) {
      users.push(u);
      bought.push(i);
    }
  }
  return {users, bought, items, group, customers, sequences};
}

describe("interaction matrix", () => {
  it("stores rows sorted by item with duplicates summed, and transposes (hand-worked)", () => {
    const m = buildInteractions([0, 0, 1, 0, 2], [3, 1, 1, 3, 0], {users: 3, items: 4});
    expect(Array.from(m.indptr)).toEqual([0, 2, 3, 4]);
    expect(Array.from(m.indices)).toEqual([1, 3, 1, 0]);
    expect(Array.from(m.values)).toEqual([1, 2, 1, 1]);
    const t = transpose(m);
    expect(Array.from(t.indptr)).toEqual([0, 1, 3, 3, 4]);
    expect(Array.from(itemsOf(t, 1))).toEqual([0, 1]);
    expect(() => buildInteractions([0], [9], {users: 1, items: 4})).toThrow(/event 0 has item 9/);
  });
});

describe("ALS for implicit feedback", () => {
  const m = referenceMatrix();
  const options = {factors: reference.factors, regularization: reference.regularization, alpha: reference.alpha, iterations: reference.sweeps, initialItemFactors: flat(reference.initialItemFactors)};

  it("equals the numpy reference of Hu, Koren & Volinsky's exact solves to 1e-10 (test/fixtures/olist/als_reference.py)", () => {
    const model = fitAls(m, {...options, solver: "cholesky", exactBelow: 0, trackLoss: true});
    expect(maxAbsDiff(model.userFactors, flat(reference.userFactors))).toBeLessThan(1e-10);
    expect(maxAbsDiff(model.itemFactors, flat(reference.itemFactors))).toBeLessThan(1e-10);
    expect(maxAbsDiff(model.loss, reference.lossAfterEachSweep)).toBeLessThan(1e-9);
  });

  it("gives the same factors with the Woodbury solve for rows with few purchases (exact algebra, same reference)", () => {
    const model = fitAls(m, {...options, solver: "cholesky", exactBelow: 8});
    expect(maxAbsDiff(model.userFactors, flat(reference.userFactors))).toBeLessThan(1e-10);
    expect(maxAbsDiff(model.itemFactors, flat(reference.itemFactors))).toBeLessThan(1e-10);
  });

  it("converges to the exact solves with enough conjugate-gradient steps", () => {
    const model = fitAls(m, {...options, solver: "cg", cgSteps: 3, exactBelow: 0});
    // f = 3: conjugate gradients solve a 3 × 3 system exactly in 3 steps (up to rounding).
    expect(maxAbsDiff(model.userFactors, flat(reference.userFactors))).toBeLessThan(1e-8);
    expect(maxAbsDiff(model.itemFactors, flat(reference.itemFactors))).toBeLessThan(1e-8);
  });

  it("lowers the loss at every exact sweep, and the loss helper equals the reference's direct sum", () => {
    const model = fitAls(m, {...options, iterations: 8, solver: "cholesky", trackLoss: true});
    for (let k = 1; k < model.loss.length; k++) expect(model.loss[k]).toBeLessThanOrEqual(model.loss[k - 1] + 1e-12);
    const five = fitAls(m, {...options, solver: "cholesky"});
    expect(alsLoss(m, five, options)).toBeCloseTo(reference.lossAfterEachSweep.at(-1), 9);
  });

  it("is deterministic for a seed and refuses a bad starting matrix", () => {
    const a = fitAls(m, {factors: 4, seed: 3, iterations: 3});
    const b = fitAls(m, {factors: 4, seed: 3, iterations: 3});
    expect(Array.from(a.itemFactors)).toEqual(Array.from(b.itemFactors));
    expect(() => fitAls(m, {factors: 4, initialItemFactors: [1, 2]})).toThrow(/expected items × factors = 24/);
  });

  it("ranks a customer's unbought group mates far above other items on planted co-purchase data", () => {
    const data = plantedPurchases(11);
    const model = fitAls(buildInteractions(data.users, data.bought, {users: data.customers, items: data.items}), {factors: 16, iterations: 10, alpha: 20, regularization: 0.1});
    const matrix = buildInteractions(data.users, data.bought, {users: data.customers, items: data.items});
    let inGroup = 0;
    let attainable = 0;
    for (let u = 0; u < data.customers; u++) {
      const history = new Set(itemsOf(matrix, u));
      const g = data.group[data.sequences[u][0]];
      const unboughtMates = Array.from({length: 5}, (_, k) => g * 5 + k).filter((i) => !history.has(i)).length;
      attainable += Math.min(3, unboughtMates);
      for (const r of topK(alsScores(model, u), 3, {exclude: history})) if (data.group[r.item] === g) inGroup++;
    }
    // Planted truth: a customer's unbought mates share their group. A random top 3 would hold
    // 3/12 × (mates / other items) of them; ALS fills most of the slots mates could fill.
    expect(inGroup / attainable).toBeGreaterThan(0.8);
  });
});

describe("item2vec and customer vectors", () => {
  const data = plantedPurchases(5);

  it("puts group mates among an item's nearest neighbours far above chance (planted groups)", () => {
    const emb = trainItem2Vec(data.sequences, data.items, {dimensions: 12, epochs: 30, learningRate: 0.05, seed: 1});
    const n = vectorNeighbours(emb.vectors, emb.dimensions, {k: 4});
    const r = groupRecovery((i) => neighboursOf(n, i).map((x) => x.item), data.group, {k: 4});
    // Chance precision: 4 mates of 59 other items ≈ 0.068.
    expect(r.chance).toBeCloseTo(4 / 59, 10);
    expect(r.precision).toBeGreaterThan(0.6);
  });

  it("is identical for a seed and differs for another", () => {
    const a = trainItem2Vec(data.sequences, data.items, {dimensions: 8, epochs: 2, seed: 4});
    const b = trainItem2Vec(data.sequences, data.items, {dimensions: 8, epochs: 2, seed: 4});
    const c = trainItem2Vec(data.sequences, data.items, {dimensions: 8, epochs: 2, seed: 5});
    expect(Array.from(a.vectors)).toEqual(Array.from(b.vectors));
    expect(Array.from(a.vectors)).not.toEqual(Array.from(c.vectors));
    expect(a.pairsPerEpoch).toBeGreaterThan(0);
  });

  it("leaves items never seen in a sequence untrained and never recommends them", () => {
    const emb = trainItem2Vec([[0, 1], [1, 2]], 5, {dimensions: 4, epochs: 5});
    expect(Array.from(emb.counts)).toEqual([1, 2, 1, 0, 0]);
    const recs = recommendByEmbedding(normalizeRows(emb.vectors, 4), 4, [0], {k: 5, exclude: new Set([0]), counts: emb.counts});
    expect(recs.map((r) => r.item).sort()).toEqual([1, 2]);
  });

  it("averages unit vectors with recency weights (hand-worked)", () => {
    const unit = Float64Array.from([1, 0, 0, 1]);
    expect(Array.from(customerVector(unit, 2, [0, 1], {recencyDecay: 0.5}))).toEqual([0.5, 1]);
  });
});

describe("similar items", () => {
  it("computes co-purchase cosines by hand: |U_i ∩ U_j| / √(|U_i||U_j|)", () => {
    // Users: {0,1}, {0,1,2}, {0,2}, {3}. Buyers: item0 {u0,u1,u2}, item1 {u0,u1}, item2 {u1,u2}.
    const m = buildInteractions([0, 0, 1, 1, 1, 2, 2, 3], [0, 1, 0, 1, 2, 0, 2, 3], {users: 4, items: 4});
    const n = cooccurrenceNeighbours(m, {k: 3});
    expect(neighboursOf(n, 0).map((x) => x.item)).toEqual([1, 2]);
    expect(neighboursOf(n, 0)[0].score).toBeCloseTo(2 / Math.sqrt(6), 12);
    expect(neighboursOf(n, 1)).toEqual([{item: 0, score: 2 / Math.sqrt(6)}, {item: 2, score: 1 / 2}]);
    expect(neighboursOf(n, 3)).toEqual([]);
    // Item-kNN: a customer who bought item 1 scores item 0 at sim(1,0) and item 2 at sim(1,2).
    expect(recommendFromNeighbours(n, [1], {k: 2, exclude: new Set([1])})).toEqual([{item: 0, score: 2 / Math.sqrt(6)}, {item: 2, score: 0.5}]);
  });

  it("finds the same vector neighbours as a brute-force cosine sort", () => {
    const random = new Random(9);
    const d = 5;
    const vectors = Float64Array.from({length: 40 * d}, () => random.normal());
    const n = vectorNeighbours(vectors, d, {k: 6});
    const unit = normalizeRows(vectors, d);
    for (const i of [0, 17, 39]) {
      const brute = Array.from({length: 40}, (_, j) => j)
        .filter((j) => j !== i)
        .map((j) => ({item: j, score: Array.from({length: d}, (_, t) => unit[i * d + t] * unit[j * d + t]).reduce((a, b) => a + b, 0)}))
        .sort((a, b) => b.score - a.score)
        .slice(0, 6);
      expect(neighboursOf(n, i).map((x) => x.item)).toEqual(brute.map((x) => x.item));
    }
  });
});

describe("popularity and ratings", () => {
  it("counts purchases in a window and ranks them, skipping what a customer has (hand-worked)", () => {
    const counts = popularityCounts([2, 2, 1, 0, 2, 1], 4, {times: [1, 2, 3, 4, 5, 6], since: 2, until: 6});
    expect(Array.from(counts)).toEqual([1, 1, 2, 0]);
    expect(recommendPopular(counts, {k: 2, exclude: new Set([2])}).map((r) => r.item)).toEqual([0, 1]);
    expect(Array.from(popularityRanking(counts))).toEqual([2, 0, 1]);
    expect(takeFromRanking(popularityRanking(counts), 2, new Set([0]))).toEqual([2, 1]);
    expect(() => popularityCounts([0], 1, {since: 1})).toThrow(/needs times/);
  });

  it("shrinks ratings towards the mean: (sum + m·C)/(n + m) (hand-worked)", () => {
    // Item 0: one 5-star review; item 1: twenty reviews averaging 4.5. Overall mean C = (5 + 90)/21.
    const r = bayesianAverageRating([5, 90], [1, 20], {priorWeight: 4});
    const C = 95 / 21;
    expect(r[0]).toBeCloseTo((5 + 4 * C) / 5, 12);
    expect(r[1]).toBeCloseTo((90 + 4 * C) / 24, 12);
    // One 5-star review is pulled most of the way to the mean; twenty reviews barely move.
    expect(5 - r[0]).toBeGreaterThan(10 * Math.abs(4.5 - r[1]));
  });

  it("keeps only items priced in their category's top fifth with enough reviews", () => {
    const price = [10, 20, 30, 40, 50, 100, 200];
    const category = [0, 0, 0, 0, 0, 1, 1];
    const rating = [5, 5, 5, 4.9, 4.1, 4.8, 3];
    const reviews = [9, 9, 9, 9, 9, 9, 1];
    // Category 0's 80th percentile (numpy linear): 42; category 1's: 180.
    const picks = topRatedHighEnd({price, category, rating, reviews}, {k: 5, minReviews: 3});
    expect(picks.map((p) => p.item)).toEqual([4]);
  });
});
