// Offline evaluation of recommenders (src/analytics/recommend/evaluate.ts): every metric
// hand-worked, NDCG against scikit-learn's ndcg_score (test/fixtures/olist/als_reference.py),
// the time split's bookkeeping, coverage, and the recovery of known item groups.
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {evaluateRecommender, groupRecovery, rankingMetrics, timeSplit} from "../../src/analytics/recommend/index.js";

const reference = JSON.parse(readFileSync(join(import.meta.dirname, "..", "fixtures", "olist", "als_reference.json"), "utf8"));

describe("ranking metrics", () => {
  it("computes precision, recall, hit and NDCG by hand", () => {
    // Relevant {3, 7}; list [3, 1, 7, 2]; k = 4: hits at ranks 1 and 3.
    const m = rankingMetrics([3, 1, 7, 2], new Set([3, 7]), 4);
    expect(m.precision).toBe(2 / 4);
    expect(m.recall).toBe(1);
    expect(m.hit).toBe(1);
    // DCG = 1/log2(2) + 1/log2(4) = 1.5; IDCG = 1 + 1/log2(3).
    expect(m.ndcg).toBeCloseTo(1.5 / (1 + 1 / Math.log2(3)), 12);
    // Precision's denominator is k even when the list is shorter.
    expect(rankingMetrics([3], new Set([3, 7]), 4).precision).toBe(1 / 4);
    expect(rankingMetrics([1, 2], new Set([3]), 2)).toEqual({precision: 0, recall: 0, ndcg: 0, hit: 0});
    expect(() => rankingMetrics([1], new Set(), 2)).toThrow(/no relevant items/);
  });

  it("equals scikit-learn's ndcg_score on binary relevance", () => {
    for (const c of reference.ndcgCases) {
      expect(rankingMetrics(c.ranking, new Set(c.relevant), c.k).ndcg).toBeCloseTo(c.ndcg, 12);
    }
  });

  it("averages over customers and measures coverage of the catalogue", () => {
    const heldOut = new Map([
      [0, new Set([5])],
      [1, new Set([6, 7])],
      [2, new Set<number>()]
    ]);
    const lists: Record<number, number[]> = {0: [5, 1], 1: [1, 2], 2: [9, 9]};
    const r = evaluateRecommender((c) => lists[c], heldOut, {k: 2, catalogue: 10});
    expect(r.customers).toBe(2); // the customer with nothing relevant is skipped
    expect(r.precision).toBeCloseTo((1 / 2 + 0) / 2, 12);
    expect(r.recall).toBeCloseTo((1 + 0) / 2, 12);
    expect(r.hit).toBe(0.5);
    expect(r.distinctItems).toBe(3); // 5, 1, 2
    expect(r.coverage).toBeCloseTo(0.3, 12);
  });
});

describe("time split", () => {
  it("trains on the past and scores new items of returning customers (hand-worked)", () => {
    // customer, item, time; cutoff 10.
    const customer = [0, 0, 1, 0, 0, 2, 1];
    const item = [1, 2, 3, 1, 4, 5, 3];
    const time = [1, 2, 3, 11, 12, 13, 14];
    const s = timeSplit(customer, item, time, 10);
    expect(s.train).toEqual([0, 1, 2]);
    expect([...s.heldOut.entries()].map(([c, set]) => [c, [...set]])).toEqual([[0, [4]]]);
    expect(s.droppedRepeats).toBe(2); // customer 0's item 1 and customer 1's item 3 again
    expect(s.droppedColdStart).toBe(1); // customer 2 had no history
  });
});

describe("recovering known item groups", () => {
  it("counts group mates among each item's neighbours (hand-worked)", () => {
    // Items 0-2 in group 0, 3-4 in group 1, item 5 alone.
    const group = [0, 0, 0, 1, 1, -1];
    const neighbours: Record<number, number[]> = {0: [1, 3], 1: [0, 2], 2: [4, 5], 3: [4, 0], 4: [0, 1], 5: [0, 1]};
    const r = groupRecovery((i) => neighbours[i], group, {k: 2});
    // Found / min(mates, k): item0 1/2, item1 2/2, item2 0/2, item3 1/1, item4 0/1; item 5 has no group.
    expect(r.items).toBe(5);
    expect(r.recall).toBeCloseTo((0.5 + 1 + 0 + 1 + 0) / 5, 12);
    expect(r.precision).toBeCloseTo((1 + 2 + 0 + 1 + 0) / 2 / 5, 12);
    expect(r.chance).toBeCloseTo((2 + 2 + 2 + 1 + 1) / 5 / 5, 12);
    expect(r.chanceRecall).toBeCloseTo(((2 * 2) / 5 / 2 * 3 + (2 * 1) / 5 / 1 * 2) / 5, 12);
  });
});
