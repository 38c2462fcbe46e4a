/**
 * k-means, standardisation, silhouette, adjusted Rand index and chooseK against scikit-learn on
 * CDNOW RFM features (test/fixtures/cdnow/kmeans_reference.py → kmeans_reference.json) and on
 * synthetic blobs whose true clusters are known.
 */
import {readFileSync} from "node:fs";
import {gunzipSync} from "node:zlib";
import {describe, expect, it} from "vitest";
import {adjustedRandIndex, chooseK, elbow, inertia, kmeans, silhouetteScore, standardize, unstandardize} from "../../src/analytics/kmeans.js";
import {Random} from "../../src/analytics/random.js";
import {rfm, type RfmTransaction} from "../../src/analytics/rfm.js";

const fixtures = new URL("../fixtures/cdnow/", import.meta.url);
const reference = JSON.parse(readFileSync(new URL("kmeans_reference.json", fixtures), "utf8"));

/**
 * Well-separated Gaussian blobs in `count` dimensions: blob b centred at 10 on axis b (all
 * centres 10·√2 ≈ 14 apart), sd 0.5 per coordinate; the truth is the blob index.
 */
function blobs(random: Random, perBlob: number, count: number) {
  const points: number[][] = [];
  const truth: number[] = [];
  for (let b = 0; b < count; b++) {
    for (let i = 0; i < perBlob; i++) {
      points.push(Array.from({length: count}, (_, j) => (j === b ? 10 : 0) + random.normal(0, 0.5)));
      truth.push(b);
    }
  }
  return {points, truth};
}

describe("k-means on CDNOW RFM features vs scikit-learn", () => {
  // CDNOW_master.txt (see test/fixtures/cdnow/README.md): features as in kmeans_reference.py
  const lines = gunzipSync(readFileSync(new URL("CDNOW_master.txt.gz", fixtures))).toString("utf8").trim().split(/\r?\n/).slice(1);
  const transactions: RfmTransaction[] = lines.map((line) => {
    const [id, date, , value] = line.trim().split(/\s+/);
    return {customerId: Number(id), date: Date.UTC(+date.slice(0, 4), +date.slice(4, 6) - 1, +date.slice(6, 8)), amount: Number(value)};
  });
  const raw = rfm(transactions).customers.map((c) => [c.recency, Math.log1p(c.frequency), Math.log1p(c.monetary)]);
  const scaled = standardize(raw);

  it("standardises like StandardScaler (population sd)", () => {
    expect(scaled.points.length).toBe(reference.n); // 23,570 customers
    for (let j = 0; j < 3; j++) {
      expect(scaled.mean[j]).toBeCloseTo(reference.mean[j], 10); // StandardScaler.mean_
      expect(scaled.sd[j]).toBeCloseTo(reference.scale[j], 10); // StandardScaler.scale_
    }
    reference.firstStandardized.forEach((row: number[], i: number) => row.forEach((v, j) => expect(scaled.points[i][j]).toBeCloseTo(v, 10)));
  });

  for (const run of reference.runs as {k: number; inertia: number; silhouette: number; labels: number[]}[]) {
    it(`k = ${run.k}: inertia within 1% of KMeans(n_init=10, random_state=0), silhouette to 1e-6`, () => {
      const fit = kmeans(scaled.points, run.k, {seed: 0, restarts: 10});
      expect(Math.abs(fit.inertia / run.inertia - 1)).toBeLessThan(0.01); // sklearn inertia_
      expect(inertia(scaled.points, fit.centroids, fit.assignments)).toBeCloseTo(fit.inertia, 6);
      expect(new Set(fit.assignments).size).toBe(run.k);
      // sklearn's silhouette_score(X, sklearn labels), exact on all points
      expect(Math.abs(silhouetteScore(scaled.points, run.labels) - run.silhouette)).toBeLessThan(1e-6);
    });
  }
});

describe("silhouette and adjusted Rand index on small examples (scikit-learn 1.2.1)", () => {
  it("matches silhouette_score, including a singleton cluster", () => {
    const {points, labels, silhouette, singletonLabels, singletonSilhouette} = reference.small;
    expect(silhouetteScore(points, labels)).toBeCloseTo(silhouette, 12); // 0.8159233451718485
    expect(silhouetteScore(points, singletonLabels)).toBeCloseTo(singletonSilhouette, 12); // 0.3513475433458346
    // labels are names only: renaming them changes nothing
    expect(silhouetteScore(points, labels.map((l: number) => 10 - 3 * l))).toBeCloseTo(silhouette, 12);
    expect(() => silhouetteScore(points, points.map(() => 0))).toThrow(/between 2 and 6 distinct labels/);
  });

  it("matches adjusted_rand_score", () => {
    expect(adjustedRandIndex(reference.ari.a, reference.ari.b)).toBeCloseTo(reference.ari.value, 12); // 16/81
    expect(adjustedRandIndex([0, 0, 1, 1], [5, 5, 3, 3])).toBe(1); // same partition, other names
    expect(adjustedRandIndex([0, 0, 0], [1, 1, 1])).toBe(1); // sklearn's special case: one cluster each
  });

  it("samples a seeded subset when asked", () => {
    const {points, truth} = blobs(new Random(3), 50, 3);
    const a = silhouetteScore(points, truth, {sampleSize: 60, seed: 1});
    expect(a).toBe(silhouetteScore(points, truth, {sampleSize: 60, seed: 1}));
    expect(a).not.toBe(silhouetteScore(points, truth)); // a subset, not all 150 points
    expect(Math.abs(a - silhouetteScore(points, truth))).toBeLessThan(0.05); // blobs: both near 0.9
  });
});

describe("k-means on synthetic blobs (truth known)", () => {
  const {points, truth} = blobs(new Random(2024), 200, 6); // six blobs in 6-D, 1,200 points

  it("recovers the true clusters exactly (ARI = 1)", () => {
    const fit = kmeans(points, 6, {seed: 7});
    expect(adjustedRandIndex(fit.assignments, truth)).toBe(1);
    // each centroid lies within 0.2 of a true centre (sd 0.5 / sqrt(200) ≈ 0.035 per coordinate, 6 coordinates)
    for (const c of fit.centroids) {
      const nearest = Math.min(...[0, 1, 2, 3, 4, 5].map((b) => Math.hypot(...c.map((v, j) => v - (j === b ? 10 : 0)))));
      expect(nearest).toBeLessThan(0.2);
    }
  });

  it("is deterministic for a seed and keeps the best restart", () => {
    const a = kmeans(points, 4, {seed: 11, restarts: 5});
    const b = kmeans(points, 4, {seed: 11, restarts: 5});
    expect(b).toEqual(a);
    expect(a.restartInertias).toHaveLength(5);
    expect(a.inertia).toBe(Math.min(...a.restartInertias));
  });

  it("chooseK finds six by silhouette and by the elbow", () => {
    const choice = chooseK(points, {kMin: 2, kMax: 9, seed: 1, restarts: 3});
    expect(choice.results.map((r) => r.k)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    expect(choice.bestK).toBe(6);
    expect(choice.elbowK).toBe(6);
    const inertias = choice.results.map((r) => r.inertia);
    for (let i = 1; i < inertias.length; i++) expect(inertias[i]).toBeLessThan(inertias[i - 1]);
  });
});

describe("Lloyd fixed point (checks the Hamerly bounds skip no change)", () => {
  it("labels every point with its nearest centroid, centroids the means of their points", () => {
    // overlapping clusters in 1 to 7 dimensions, some with many duplicate points; tolerance 0
    // runs until no label changes, so the result must be a fixed point of Lloyd's iteration
    for (const d of [1, 2, 3, 5, 7]) {
      for (const duplicates of [false, true]) {
        const random = new Random(100 * d + (duplicates ? 1 : 0));
        const points = Array.from({length: 600}, () =>
          Array.from({length: d}, () => (duplicates ? Math.round(random.normal(0, 2)) : random.normal(random.uniform() < 0.3 ? 4 : 0, 1)))
        );
        const k = 6;
        const fit = kmeans(points, k, {seed: d, restarts: 2, tolerance: 0});
        const sq = (p: number[], c: number[]) => p.reduce((s, v, j) => s + (v - c[j]) ** 2, 0);
        let total = 0;
        points.forEach((p, i) => {
          const own = sq(p, fit.centroids[fit.assignments[i]]);
          const nearest = Math.min(...fit.centroids.map((c) => sq(p, c)));
          expect(own).toBeLessThanOrEqual(nearest * (1 + 1e-12));
          total += own;
        });
        expect(fit.inertia).toBeCloseTo(total, 8);
        fit.centroids.forEach((c, label) => {
          const members = points.filter((_, i) => fit.assignments[i] === label);
          expect(members.length).toBeGreaterThan(0);
          c.forEach((v, j) => expect(v).toBeCloseTo(members.reduce((s, p) => s + p[j], 0) / members.length, 9));
        });
      }
    }
  });
});

describe("edge cases", () => {
  it("k = 1 gives the mean; k = n gives zero inertia", () => {
    const points = [[1, 2], [3, 4], [5, 9]];
    const one = kmeans(points, 1);
    expect(one.centroids[0][0]).toBeCloseTo(3, 12);
    expect(one.centroids[0][1]).toBeCloseTo(5, 12);
    expect(one.inertia).toBeCloseTo(4 + 0 + 4 + 9 + 1 + 16, 10); // by hand: Σ (x - mean)²
    expect(kmeans(points, 3).inertia).toBe(0);
  });

  it("survives fewer distinct points than k (empty clusters are relocated)", () => {
    const fit = kmeans([[0], [0], [0], [1], [1]], 3, {seed: 5});
    expect(fit.inertia).toBe(0);
    for (const c of fit.centroids) expect(Number.isFinite(c[0])).toBe(true);
  });

  it("standardize leaves constant features unscaled and unstandardize inverts it", () => {
    const points = [[1, 7], [2, 7], [6, 7]];
    const s = standardize(points);
    expect(s.sd[1]).toBe(1); // constant feature: StandardScaler's scale_ is 1
    expect(s.points.map((p) => p[1])).toEqual([0, 0, 0]);
    expect(s.sd[0]).toBeCloseTo(Math.sqrt(14 / 3), 12); // mean 3, squared deviations 4 + 1 + 9, divisor n
    unstandardize(s.points, s).forEach((p, i) => p.forEach((v, j) => expect(v).toBeCloseTo(points[i][j], 12)));
  });

  it("elbow picks the farthest point from the chord", () => {
    // (1, 100), (2, 30), (3, 20), (4, 10): scaled chord from (0, 1) to (1, 0); k = 2 is farthest
    expect(elbow([1, 2, 3, 4], [100, 30, 20, 10])).toBe(2);
    expect(elbow([1, 2], [5, 1])).toBeNull();
  });

  it("reports bad input", () => {
    expect(() => kmeans([], 1)).toThrow(/at least one point/);
    expect(() => kmeans([[1, 2], [3]], 1)).toThrow(/point 1 has 1/);
    expect(() => kmeans([[1], [NaN]], 1)).toThrow(/point 1 coordinate 0 is NaN/);
    expect(() => kmeans([[1], [2]], 3)).toThrow(/k between 1 and 2/);
  });
});
