/**
 * k-means clustering and the measures used to choose and judge it.
 *
 * Estimates: k centroids minimising the within-cluster sum of squared Euclidean distances
 * (inertia), by Lloyd's iterations from greedy k-means++ seeds (Arthur & Vassilvitskii 2007, with
 * scikit-learn's 2 + floor(ln k) local trials per centre), keeping the best of several restarts.
 * Stopping, the tolerance (1e-4 x mean feature variance on the squared centre shift), the final
 * E-step and empty-cluster relocation (to the points farthest from their centres) follow
 * scikit-learn's `KMeans(algorithm="lloyd")` (sklearn/cluster/_kmeans.py); the iterations skip
 * distance computations with Hamerly's (2010) bounds, which changes the speed, not the labels.
 * Data live in one flat Float64Array (row-major). Also: z-scoring like
 * `StandardScaler` (population sd), the exact silhouette (Rousseeuw 1987; sklearn's
 * `silhouette_score` conventions: 0 for singletons), the adjusted Rand index (Hubert & Arabie
 * 1985) and a k chooser (best silhouette, and the elbow as the point farthest from the chord).
 * Tests (test/analytics/kmeans.test.ts) prove: on standardised RFM features of the 23,570 CDNOW
 * customers, inertia for k = 3..6 within 1% of `KMeans(n_init=10, random_state=0)`; silhouette
 * equal to sklearn's `silhouette_score` to 1e-6 on sklearn's own labels; standardisation equal to
 * StandardScaler; exact recovery of well-separated synthetic blobs; that results are fixed points
 * of Lloyd's iteration (so the bounds skipped nothing); determinism for a seed.
 */
import {Random} from "./random.js";

export interface KMeansOptions {
  /** Seed of the generator behind the k-means++ draws (default 42). Ignored if `random` is given. */
  seed?: number;
  /** A generator to draw from instead of `seed` (it is advanced). */
  random?: Random;
  /** Independent k-means++ + Lloyd runs; the lowest inertia wins (default 10, like sklearn's n_init=10). */
  restarts?: number;
  /** Lloyd iterations per run (default 300, as sklearn). */
  maxIterations?: number;
  /**
   * Relative tolerance: a run stops when the summed squared centre shift is at most
   * tolerance x the mean per-feature variance (default 1e-4, as sklearn's `tol`). It also stops
   * as soon as no assignment changes.
   */
  tolerance?: number;
}

export interface KMeansResult {
  /** k centroids, each of the points' dimension. */
  centroids: number[][];
  /** Index of the nearest centroid for each point (ties to the lower index). */
  assignments: number[];
  /** Sum of squared Euclidean distances of points to their centroid. */
  inertia: number;
  /** Lloyd iterations of the winning run. */
  iterations: number;
  /** Inertia reached by each restart, in order. */
  restartInertias: number[];
}

interface Matrix {
  data: Float64Array;
  n: number;
  d: number;
}

function toMatrix(points: readonly (readonly number[])[], caller: string): Matrix {
  const n = points.length;
  if (n === 0) throw new Error(`${caller}: expected at least one point, found none`);
  const d = points[0].length;
  if (d === 0) throw new Error(`${caller}: expected points with at least one coordinate, point 0 has none`);
  const data = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    const p = points[i];
    if (p.length !== d) throw new Error(`${caller}: expected every point to have ${d} coordinates, point ${i} has ${p.length}`);
    for (let j = 0; j < d; j++) {
      const v = p[j];
      if (!Number.isFinite(v)) throw new Error(`${caller}: expected finite coordinates, point ${i} coordinate ${j} is ${v}`);
      data[i * d + j] = v;
    }
  }
  return {data, n, d};
}

function toRows(data: Float64Array, n: number, d: number): number[][] {
  const rows: number[][] = new Array(n);
  for (let i = 0; i < n; i++) rows[i] = Array.from(data.subarray(i * d, i * d + d));
  return rows;
}

/** Squared distance between row i of x and row c of centres. */
function dist2(x: Float64Array, i: number, centres: Float64Array, c: number, d: number): number {
  let s = 0;
  const xo = i * d;
  const co = c * d;
  for (let j = 0; j < d; j++) {
    const t = x[xo + j] - centres[co + j];
    s += t * t;
  }
  return s;
}

/**
 * Hamerly's bounds are compared with this relative margin, so that a point is only skipped when
 * rounding cannot matter: the accelerated iterations return exactly what plain Lloyd would.
 */
const MARGIN = 1e-9;

/**
 * out[i] = squared distance from point i to `centre` (row `c` of `centres`). Unrolled for two to
 * six coordinates, where V8 then keeps the centre in registers (about twice as fast); the sum runs
 * in coordinate order either way, so every path gives the same bits.
 */
function distancesTo(data: Float64Array, n: number, d: number, centres: Float64Array, c: number, out: Float64Array): void {
  const o = c * d;
  const c0 = centres[o];
  const c1 = centres[o + 1];
  const c2 = centres[o + 2];
  const c3 = centres[o + 3];
  const c4 = centres[o + 4];
  const c5 = centres[o + 5];
  switch (d) {
    case 2:
      for (let i = 0, x = 0; i < n; i++, x += 2) {
        const v0 = data[x] - c0, v1 = data[x + 1] - c1;
        out[i] = v0 * v0 + v1 * v1;
      }
      return;
    case 3:
      for (let i = 0, x = 0; i < n; i++, x += 3) {
        const v0 = data[x] - c0, v1 = data[x + 1] - c1, v2 = data[x + 2] - c2;
        out[i] = v0 * v0 + v1 * v1 + v2 * v2;
      }
      return;
    case 4:
      for (let i = 0, x = 0; i < n; i++, x += 4) {
        const v0 = data[x] - c0, v1 = data[x + 1] - c1, v2 = data[x + 2] - c2, v3 = data[x + 3] - c3;
        out[i] = v0 * v0 + v1 * v1 + v2 * v2 + v3 * v3;
      }
      return;
    case 5:
      for (let i = 0, x = 0; i < n; i++, x += 5) {
        const v0 = data[x] - c0, v1 = data[x + 1] - c1, v2 = data[x + 2] - c2, v3 = data[x + 3] - c3, v4 = data[x + 4] - c4;
        out[i] = v0 * v0 + v1 * v1 + v2 * v2 + v3 * v3 + v4 * v4;
      }
      return;
    case 6:
      for (let i = 0, x = 0; i < n; i++, x += 6) {
        const v0 = data[x] - c0, v1 = data[x + 1] - c1, v2 = data[x + 2] - c2, v3 = data[x + 3] - c3, v4 = data[x + 4] - c4, v5 = data[x + 5] - c5;
        out[i] = v0 * v0 + v1 * v1 + v2 * v2 + v3 * v3 + v4 * v4 + v5 * v5;
      }
      return;
    default:
      for (let i = 0, x = 0; i < n; i++, x += d) {
        let s = 0;
        for (let j = 0; j < d; j++) {
          const v = data[x + j] - centres[o + j];
          s += v * v;
        }
        out[i] = s;
      }
  }
}

/** out[i] = min(closest[i], squared distance from point i to data row `candidate`); returns the sum. */
function withCandidate(data: Float64Array, n: number, d: number, candidate: number, closest: Float64Array, out: Float64Array): number {
  distancesTo(data, n, d, data, candidate, out);
  let potential = 0;
  for (let i = 0; i < n; i++) {
    const m = out[i] < closest[i] ? out[i] : closest[i];
    out[i] = m;
    potential += m;
  }
  return potential;
}

/**
 * Greedy k-means++ (sklearn's `_kmeans_plusplus`): centres copied from data rows. Also returns
 * each point's nearest centre (ties to the lower index) and squared distance to it: the first
 * assignment of Lloyd's algorithm, which therefore need not be computed again.
 */
function kmeansPlusPlus({data, n, d}: Matrix, k: number, random: Random): {centres: Float64Array<ArrayBuffer>; nearest: Int32Array; closest: Float64Array} {
  const centres = new Float64Array(k * d);
  const trials = 2 + Math.floor(Math.log(k));
  let closest = new Float64Array(n); // squared distance to the nearest chosen centre
  let candidateDist = new Float64Array(n);
  let bestDist = new Float64Array(n);
  const nearest = new Int32Array(n); // index of that centre
  const cumulative = new Float64Array(n);

  const first = random.int(n);
  centres.set(data.subarray(first * d, first * d + d), 0);
  distancesTo(data, n, d, centres, 0, closest);
  let potential = 0;
  for (let i = 0; i < n; i++) potential += closest[i];

  for (let c = 1; c < k; c++) {
    let running = 0;
    for (let i = 0; i < n; i++) cumulative[i] = running += closest[i];
    let bestPotential = Infinity;
    let bestCandidate = 0;
    for (let t = 0; t < trials; t++) {
      // searchsorted(cumsum, u * potential, side="left"), clipped to n - 1
      const target = random.uniform() * potential;
      let lo = 0;
      let hi = n - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (cumulative[mid] < target) lo = mid + 1;
        else hi = mid;
      }
      const candidate = lo;
      const candidatePotential = withCandidate(data, n, d, candidate, closest, candidateDist);
      if (candidatePotential < bestPotential) {
        bestPotential = candidatePotential;
        bestCandidate = candidate;
        const swap = bestDist;
        bestDist = candidateDist;
        candidateDist = swap;
      }
    }
    centres.set(data.subarray(bestCandidate * d, bestCandidate * d + d), c * d);
    for (let i = 0; i < n; i++) if (bestDist[i] < closest[i]) nearest[i] = c;
    const swap = closest;
    closest = bestDist;
    bestDist = swap;
    potential = bestPotential;
  }
  return {centres, nearest, closest};
}

/**
 * Assigns each point to its nearest centre (ties to the lower index); returns inertia. `best` is
 * scratch space of n values; `dist` too.
 */
function assign({data, n, d}: Matrix, centres: Float64Array, k: number, labels: Int32Array, best: Float64Array, dist: Float64Array): number {
  distancesTo(data, n, d, centres, 0, best);
  labels.fill(0);
  for (let c = 1; c < k; c++) {
    distancesTo(data, n, d, centres, c, dist);
    for (let i = 0; i < n; i++) {
      if (dist[i] < best[i]) {
        best[i] = dist[i];
        labels[i] = c;
      }
    }
  }
  let inertia = 0;
  for (let i = 0; i < n; i++) inertia += best[i];
  return inertia;
}

/** Per-cluster coordinate sums and counts of the current labels. */
function clusterSums({data, n, d}: Matrix, labels: Int32Array, sums: Float64Array, counts: Float64Array): void {
  sums.fill(0);
  counts.fill(0);
  for (let i = 0; i < n; i++) {
    const c = labels[i];
    counts[c]++;
    const so = c * d;
    const xo = i * d;
    for (let j = 0; j < d; j++) sums[so + j] += data[xo + j];
  }
}

/**
 * sklearn's `_relocate_empty_clusters_dense`: each empty cluster takes the point farthest from its
 * centre (farthest first, ties to the lower index; never the last point of a cluster). Unlike
 * sklearn the point is also relabelled, so that labels, sums and counts stay consistent.
 * Returns the relocated points.
 */
function relocateEmpty({data, d}: Matrix, labels: Int32Array, distances: Float64Array, sums: Float64Array, counts: Float64Array, k: number): number[] {
  const empty: number[] = [];
  for (let c = 0; c < k; c++) if (counts[c] === 0) empty.push(c);
  if (empty.length === 0) return [];
  const order = Array.from(distances.keys()).sort((a, b) => distances[b] - distances[a] || a - b);
  const moved: number[] = [];
  for (let p = 0; p < order.length && moved.length < empty.length; p++) {
    const i = order[p];
    const from = labels[i];
    if (counts[from] <= 1) continue;
    const to = empty[moved.length];
    for (let j = 0; j < d; j++) {
      sums[from * d + j] -= data[i * d + j];
      sums[to * d + j] = data[i * d + j];
    }
    counts[from]--;
    counts[to] = 1;
    labels[i] = to;
    moved.push(i);
  }
  return moved;
}

/**
 * Lloyd's iterations, each labelling every point with its nearest centre and moving each centre
 * to its points' mean, with sklearn's stopping rules (labels unchanged, or summed squared centre
 * shift <= tolerance, or maxIterations; then a last labelling). Accelerated as Hamerly (2010),
 * "Making k-means even faster": each point keeps an upper bound on the distance to its centre and
 * a lower bound on the distance to any other, loosened by how far the centres move; while
 * upper < max(lower, half the distance from its centre to the next centre) its label cannot
 * change and no distance is computed (bounds compared with a safety margin, so the labels are
 * those of plain Lloyd). Cluster sums are updated as points change cluster.
 */
function lloyd(matrix: Matrix, init: ReturnType<typeof kmeansPlusPlus>, k: number, maxIterations: number, tolerance: number) {
  const {data, n, d} = matrix;
  let centres = init.centres;
  let next = new Float64Array(k * d);
  const labels = Int32Array.from(init.nearest); // the first labelling, from k-means++
  const upper = new Float64Array(n);
  for (let i = 0; i < n; i++) upper[i] = Math.sqrt(init.closest[i]);
  const lower = new Float64Array(n); // unknown yet: 0 is a valid lower bound
  const sums = new Float64Array(k * d);
  const counts = new Float64Array(k);
  clusterSums(matrix, labels, sums, counts);
  const move = new Float64Array(k);
  const half = new Float64Array(k);
  let most = 0; // the centre that moved most, and the largest move of the others
  let runnerUp = 0;
  let iterations = 0;
  let stable = false;

  /** Full search for point i: label, upper = distance to it, lower = distance to the runner-up. */
  const search = (i: number): number => {
    const xo = i * d;
    let best = Infinity;
    let second = Infinity;
    let bestC = 0;
    for (let c = 0; c < k; c++) {
      const co = c * d;
      let s = 0;
      for (let j = 0; j < d; j++) {
        const t = data[xo + j] - centres[co + j];
        s += t * t;
      }
      if (s < best) {
        second = best;
        best = s;
        bestC = c;
      } else if (s < second) {
        second = s;
      }
    }
    upper[i] = Math.sqrt(best);
    lower[i] = Math.sqrt(second);
    return bestC;
  };

  for (let it = 0; it < maxIterations; it++) {
    iterations = it + 1;
    // E-step: label each point with its nearest centre (iteration 0: done by k-means++)
    let changed = it === 0 ? n : 0;
    if (it > 0) {
      for (let c = 0; c < k; c++) {
        let m = Infinity;
        for (let o = 0; o < k; o++) if (o !== c) m = Math.min(m, dist2(centres, c, centres, o, d));
        half[c] = 0.5 * Math.sqrt(m);
      }
      const moveMost = move[most];
      for (let i = 0; i < n; i++) {
        const a = labels[i];
        // the centres moved since the bounds were set: loosen them by as much
        const u = (upper[i] + move[a]) * (1 + MARGIN);
        const l = lower[i] - (a === most ? runnerUp : moveMost);
        upper[i] = u;
        lower[i] = l;
        const bound = Math.max(half[a], l) * (1 - MARGIN);
        if (u < bound) continue;
        upper[i] = Math.sqrt(dist2(data, i, centres, a, d));
        if (upper[i] < bound) continue;
        const b = search(i);
        if (b !== a) {
          labels[i] = b;
          changed++;
          counts[a]--;
          counts[b]++;
          const xo = i * d;
          for (let j = 0; j < d; j++) {
            sums[a * d + j] -= data[xo + j];
            sums[b * d + j] += data[xo + j];
          }
        }
      }
    }
    // M-step: centres to the means of their points; empty clusters take the farthest points
    let anyEmpty = false;
    for (let c = 0; c < k; c++) if (counts[c] === 0) anyEmpty = true;
    if (anyEmpty) {
      const distances = new Float64Array(n);
      for (let i = 0; i < n; i++) distances[i] = dist2(data, i, centres, labels[i], d);
      for (const i of relocateEmpty(matrix, labels, distances, sums, counts, k)) {
        upper[i] = Infinity; // unknown for the moved point: search it again next iteration
        lower[i] = 0;
        changed++;
      }
    }
    let shift = 0;
    for (let c = 0; c < k; c++) {
      let m = 0;
      for (let j = 0; j < d; j++) {
        const v = sums[c * d + j] / counts[c];
        const t = v - centres[c * d + j];
        m += t * t;
        next[c * d + j] = v;
      }
      move[c] = Math.sqrt(m);
      shift += m;
    }
    const swap = centres;
    centres = next;
    next = swap;
    if (changed === 0) {
      // labels as in the previous iteration: sklearn's strict convergence. If the centres did not
      // move either, the labels are already the nearest centres of the final ones.
      stable = shift === 0;
      break;
    }
    if (shift <= tolerance) break;
    most = 0;
    for (let c = 1; c < k; c++) if (move[c] > move[most]) most = c;
    runnerUp = 0;
    for (let c = 0; c < k; c++) if (c !== most && move[c] > runnerUp) runnerUp = move[c];
  }
  let inertia = 0;
  if (stable) {
    // the labels were computed from these very centres
    for (let i = 0; i < n; i++) inertia += dist2(data, i, centres, labels[i], d);
  } else {
    // like sklearn, a last E-step so that labels and inertia match the final centres
    inertia = assign(matrix, centres, k, labels, upper, lower);
  }
  return {centres, labels, inertia, iterations};
}

function meanVariance({data, n, d}: Matrix): number {
  let total = 0;
  for (let j = 0; j < d; j++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += data[i * d + j];
    mean /= n;
    let v = 0;
    for (let i = 0; i < n; i++) {
      const t = data[i * d + j] - mean;
      v += t * t;
    }
    total += v / n;
  }
  return total / d;
}

/**
 * k-means by Lloyd's algorithm from greedy k-means++ seeds, best of `restarts` runs.
 * Deterministic for a given seed (or generator state).
 * @param points n points of equal dimension
 * @param k number of clusters, 1 <= k <= n
 */
export function kmeans(points: readonly (readonly number[])[], k: number, options: KMeansOptions = {}): KMeansResult {
  const matrix = toMatrix(points, "kmeans");
  const {restarts = 10, maxIterations = 300, tolerance = 1e-4} = options;
  if (!Number.isInteger(k) || k < 1 || k > matrix.n) throw new Error(`kmeans: expected an integer k between 1 and ${matrix.n} (the number of points), found ${k}`);
  if (!Number.isInteger(restarts) || restarts < 1) throw new Error(`kmeans: expected restarts a positive integer, found ${restarts}`);
  if (!Number.isInteger(maxIterations) || maxIterations < 1) throw new Error(`kmeans: expected maxIterations a positive integer, found ${maxIterations}`);
  if (!(tolerance >= 0)) throw new Error(`kmeans: expected tolerance >= 0, found ${tolerance}`);
  const random = options.random ?? new Random(options.seed ?? 42);
  const tol = tolerance * meanVariance(matrix);

  let best: ReturnType<typeof lloyd> | null = null;
  const restartInertias: number[] = [];
  for (let r = 0; r < restarts; r++) {
    const run = lloyd(matrix, kmeansPlusPlus(matrix, k, random), k, maxIterations, tol);
    restartInertias.push(run.inertia);
    if (best === null || run.inertia < best.inertia) best = run;
  }
  const {centres, labels, inertia, iterations} = best!;
  return {centroids: toRows(centres, k, matrix.d), assignments: Array.from(labels), inertia, iterations, restartInertias};
}

/** Sum of squared Euclidean distances from each point to the centroid it is assigned to. */
export function inertia(points: readonly (readonly number[])[], centroids: readonly (readonly number[])[], assignments: ArrayLike<number>): number {
  if (assignments.length !== points.length) throw new Error(`inertia: expected ${points.length} assignments (one per point), found ${assignments.length}`);
  let total = 0;
  for (let i = 0; i < points.length; i++) {
    const c = centroids[assignments[i]];
    if (!c) throw new Error(`inertia: assignment ${assignments[i]} of point ${i} names no centroid (there are ${centroids.length})`);
    const p = points[i];
    for (let j = 0; j < p.length; j++) {
      const t = p[j] - c[j];
      total += t * t;
    }
  }
  return total;
}

export interface Standardization {
  /** Per-feature mean. */
  mean: number[];
  /** Per-feature population standard deviation (divisor n); 1 where a feature is constant. */
  sd: number[];
}

/**
 * z-scores each feature: (x - mean) / sd with the population sd, as scikit-learn's
 * StandardScaler (which also leaves constant features unscaled: sd reported as 1).
 */
export function standardize(points: readonly (readonly number[])[]): Standardization & {points: number[][]} {
  const {data, n, d} = toMatrix(points, "standardize");
  const mean = new Array<number>(d).fill(0);
  const sd = new Array<number>(d).fill(0);
  for (let j = 0; j < d; j++) {
    let m = 0;
    for (let i = 0; i < n; i++) m += data[i * d + j];
    m /= n;
    let v = 0;
    for (let i = 0; i < n; i++) {
      const t = data[i * d + j] - m;
      v += t * t;
    }
    mean[j] = m;
    const s = Math.sqrt(v / n);
    // sklearn's _handle_zeros_in_scale: a scale within 10 eps of zero (relative to the mean) is 1
    sd[j] = s < 10 * Number.EPSILON * Math.max(1, Math.abs(m)) ? 1 : s;
  }
  const out: number[][] = new Array(n);
  for (let i = 0; i < n; i++) {
    const row = new Array<number>(d);
    for (let j = 0; j < d; j++) row[j] = (data[i * d + j] - mean[j]) / sd[j];
    out[i] = row;
  }
  return {points: out, mean, sd};
}

/** The inverse of `standardize`: x * sd + mean (e.g. to read centroids in original units). */
export function unstandardize(points: readonly (readonly number[])[], {mean, sd}: Standardization): number[][] {
  return points.map((p, i) => {
    if (p.length !== mean.length) throw new Error(`unstandardize: expected ${mean.length} coordinates, point ${i} has ${p.length}`);
    return p.map((v, j) => v * sd[j] + mean[j]);
  });
}

export interface SilhouetteOptions {
  /** Compute on a random subset of this many points (as sklearn's `sample_size`); default: all. */
  sampleSize?: number;
  /** Seed for the subset (default 42). */
  seed?: number;
}

/**
 * Mean silhouette coefficient (Rousseeuw 1987) with Euclidean distances: for each point,
 * (b - a) / max(a, b), a = mean distance to the other members of its cluster, b = the lowest mean
 * distance to another cluster; 0 for a point alone in its cluster (sklearn's convention).
 * Exact: O(n^2) distances (about 1 s for 25,000 points); use `sampleSize` for more.
 * @param assignments any integer labels; needs 2 <= number of distinct labels <= n - 1
 */
export function silhouetteScore(points: readonly (readonly number[])[], assignments: ArrayLike<number>, options: SilhouetteOptions = {}): number {
  if (assignments.length !== points.length) throw new Error(`silhouetteScore: expected ${points.length} assignments (one per point), found ${assignments.length}`);
  let rows: readonly (readonly number[])[] = points;
  let labels: ArrayLike<number> = assignments;
  if (options.sampleSize !== undefined && options.sampleSize < points.length) {
    const size = options.sampleSize;
    if (!Number.isInteger(size) || size < 2) throw new Error(`silhouetteScore: expected sampleSize an integer >= 2, found ${size}`);
    const chosen = new Random(options.seed ?? 42).sample(Array.from(points.keys()), size);
    rows = chosen.map((i) => points[i]);
    labels = chosen.map((i) => assignments[i]);
  }
  const {data, n, d} = toMatrix(rows, "silhouetteScore");
  const codes = new Map<number, number>();
  const label = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let code = codes.get(labels[i]);
    if (code === undefined) codes.set(labels[i], (code = codes.size));
    label[i] = code;
  }
  const L = codes.size;
  if (L < 2 || L > n - 1) throw new Error(`silhouetteScore: expected between 2 and ${n - 1} distinct labels (n - 1), found ${L}`);
  const sizes = new Float64Array(L);
  for (let i = 0; i < n; i++) sizes[label[i]]++;
  const sums = clusterDistanceSums(data, n, d, label, L);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const li = label[i];
    if (sizes[li] === 1) continue; // s = 0
    const a = sums[li][i] / (sizes[li] - 1);
    let b = Infinity;
    for (let c = 0; c < L; c++) {
      if (c === li) continue;
      const m = sums[c][i] / sizes[c];
      if (m < b) b = m;
    }
    const denominator = Math.max(a, b);
    if (denominator > 0) total += (b - a) / denominator;
  }
  return total / n;
}

/**
 * sums[c][i] = sum of Euclidean distances from point i to the points labelled c. Each pair is
 * visited once; points are sorted by label and stored column by column so that the inner loops
 * run over contiguous memory (about 2.5 s for 25,000 points on one core).
 */
function clusterDistanceSums(data: Float64Array, n: number, d: number, label: Int32Array, L: number): Float64Array[] {
  const order = Array.from({length: n}, (_, i) => i).sort((a, b) => label[a] - label[b] || a - b);
  const cols = Array.from({length: d}, () => new Float64Array(n));
  const lab = new Int32Array(n);
  const starts = new Int32Array(L + 1);
  for (let p = 0; p < n; p++) {
    const o = order[p];
    for (let t = 0; t < d; t++) cols[t][p] = data[o * d + t];
    lab[p] = label[o];
    starts[lab[p] + 1]++;
  }
  for (let c = 0; c < L; c++) starts[c + 1] += starts[c];
  const sorted = Array.from({length: L}, () => new Float64Array(n)); // sorted[c][p], p in sorted order
  const dist = new Float64Array(n);
  for (let p = 0; p < n; p++) {
    const lp = lab[p];
    const toMine = sorted[lp];
    // squared distances from p to every q > p, accumulated one coordinate at a time
    if (d === 1) {
      for (let q = p + 1; q < n; q++) dist[q] = 0;
    } else {
      const first = cols[0];
      const v0 = first[p];
      for (let q = p + 1; q < n; q++) {
        const diff = v0 - first[q];
        dist[q] = diff * diff;
      }
    }
    for (let t = 1; t < d - 1; t++) {
      const col = cols[t];
      const v = col[p];
      for (let q = p + 1; q < n; q++) {
        const diff = v - col[q];
        dist[q] += diff * diff;
      }
    }
    // last coordinate: finish, take the root, and credit q's sum towards p's cluster
    const col = cols[d - 1];
    const v = col[p];
    for (let q = p + 1; q < n; q++) {
      const diff = v - col[q];
      const r = Math.sqrt(dist[q] + diff * diff);
      dist[q] = r;
      toMine[q] += r;
    }
    // p's sums towards each cluster (only clusters at or after p's own hold points q > p)
    for (let c = lp; c < L; c++) {
      let acc0 = 0;
      let acc1 = 0;
      const end = starts[c + 1];
      let q = c === lp ? p + 1 : starts[c];
      for (; q + 1 < end; q += 2) {
        acc0 += dist[q];
        acc1 += dist[q + 1];
      }
      if (q < end) acc0 += dist[q];
      sorted[c][p] += acc0 + acc1;
    }
  }
  const sums = Array.from({length: L}, () => new Float64Array(n));
  for (let p = 0; p < n; p++) for (let c = 0; c < L; c++) sums[c][order[p]] = sorted[c][p];
  return sums;
}

/**
 * Adjusted Rand index between two labellings (Hubert & Arabie 1985, as sklearn's
 * `adjusted_rand_score`): 1 for identical partitions up to relabelling, about 0 for chance.
 */
export function adjustedRandIndex(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`adjustedRandIndex: expected labellings of equal length, found ${a.length} and ${b.length}`);
  const n = a.length;
  const pairs = (x: number) => (x * (x - 1)) / 2;
  const cells = new Map<string, number>();
  const rowsA = new Map<number, number>();
  const colsB = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const key = `${a[i]}\u0000${b[i]}`;
    cells.set(key, (cells.get(key) ?? 0) + 1);
    rowsA.set(a[i], (rowsA.get(a[i]) ?? 0) + 1);
    colsB.set(b[i], (colsB.get(b[i]) ?? 0) + 1);
  }
  let index = 0;
  for (const v of cells.values()) index += pairs(v);
  let sumA = 0;
  for (const v of rowsA.values()) sumA += pairs(v);
  let sumB = 0;
  for (const v of colsB.values()) sumB += pairs(v);
  const expected = n > 1 ? (sumA * sumB) / pairs(n) : 0;
  const max = (sumA + sumB) / 2;
  if (max === expected) return 1; // trivial partitions (one cluster, or all singletons) on both sides
  return (index - expected) / (max - expected);
}

export interface ChooseKOptions {
  /** Smallest k tried (default 2; k = 1 gets silhouette NaN). */
  kMin?: number;
  /** Largest k tried (default 10, at most n - 1). */
  kMax?: number;
  /** Seed for every k-means run and the silhouette subset (default 42). */
  seed?: number;
  /** Restarts per k (default 10). */
  restarts?: number;
  /** Silhouette on a seeded subset of this many points (default: exact, all points). */
  silhouetteSampleSize?: number;
}

export interface ChooseKResult {
  /** One row per k tried. */
  results: {k: number; inertia: number; silhouette: number}[];
  /** The k with the highest silhouette. */
  bestK: number;
  /**
   * The elbow of the inertia curve: the k whose point is farthest from the straight line joining
   * the first and last points, on axes scaled to [0, 1]; null with fewer than three k values.
   */
  elbowK: number | null;
}

/** Runs k-means for k = kMin..kMax and reports inertia, silhouette, the best and the elbow k. */
export function chooseK(points: readonly (readonly number[])[], options: ChooseKOptions = {}): ChooseKResult {
  const {kMin = 2, seed = 42, restarts = 10, silhouetteSampleSize} = options;
  const kMax = options.kMax ?? Math.min(10, points.length - 1);
  if (!Number.isInteger(kMin) || !Number.isInteger(kMax) || kMin < 1 || kMax < kMin || kMax > points.length - 1) {
    throw new Error(`chooseK: expected integers 1 <= kMin <= kMax <= n - 1 = ${points.length - 1}, found kMin ${kMin}, kMax ${kMax}`);
  }
  const results: ChooseKResult["results"] = [];
  for (let k = kMin; k <= kMax; k++) {
    const fit = kmeans(points, k, {seed, restarts});
    const distinct = new Set(fit.assignments).size;
    const silhouette = k === 1 || distinct < 2 ? NaN : silhouetteScore(points, fit.assignments, {sampleSize: silhouetteSampleSize, seed});
    results.push({k, inertia: fit.inertia, silhouette});
  }
  let bestK = results[0].k;
  let bestS = -Infinity;
  for (const r of results) {
    if (r.silhouette > bestS) {
      bestS = r.silhouette;
      bestK = r.k;
    }
  }
  return {results, bestK, elbowK: elbow(results.map((r) => r.k), results.map((r) => r.inertia))};
}

/** The x whose (scaled) point lies farthest from the chord between the first and last points. */
export function elbow(xs: readonly number[], ys: readonly number[]): number | null {
  const m = xs.length;
  if (m < 3) return null;
  const x0 = xs[0];
  const xr = xs[m - 1] - x0 || 1;
  const yMin = Math.min(...ys);
  const yr = Math.max(...ys) - yMin || 1;
  const px = xs.map((x) => (x - x0) / xr);
  const py = ys.map((y) => (y - yMin) / yr);
  const dx = px[m - 1] - px[0];
  const dy = py[m - 1] - py[0];
  const norm = Math.hypot(dx, dy) || 1;
  let best = xs[1];
  let bestDistance = -Infinity;
  for (let i = 1; i < m - 1; i++) {
    const distance = Math.abs(dy * (px[i] - px[0]) - dx * (py[i] - py[0])) / norm;
    if (distance > bestDistance) {
      bestDistance = distance;
      best = xs[i];
    }
  }
  return best;
}
