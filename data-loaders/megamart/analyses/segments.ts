/**
 * Who the members are: RFM scores and segments (src/analytics/rfm.ts) with each segment's size,
 * revenue share and recommended action; and k-means clusters (src/analytics/kmeans.ts) on
 * standardised RFM plus behaviour (online, promotion and category shares), with k chosen by the
 * silhouette, a profile of each cluster, and — when the data are simulated — how the clusters line
 * up with the planted segments (adjusted Rand index and the cross-table).
 */
import {adjustedRandIndex, chooseK, kmeans, standardize} from "../../../src/analytics/kmeans.js";
import {RFM_SEGMENT_GRID, rfm, rfmSegmentSummary, type RfmSegmentSummary} from "../../../src/analytics/rfm.js";
import {Random} from "../../../src/analytics/random.js";
import type {TableColumns} from "../../shared/validate.js";

/** Members on which k is chosen. */
export const CHOICE_SAMPLE = 5000;

export const CLUSTER_FEATURES = [
  {key: "logRecency", label: "days since last order (log)"},
  {key: "logFrequency", label: "orders (log)"},
  {key: "logMonetary", label: "mean order value (log)"},
  {key: "onlineShare", label: "online share"},
  {key: "promotionShare", label: "promotion share"},
  {key: "electronicsShare", label: "electronics share"},
  {key: "groceriesShare", label: "groceries share"},
  {key: "fashionShare", label: "fashion share"}
] as const;

export interface ClusterProfile {
  cluster: number;
  name: string;
  members: number;
  share: number;
  revenueShare: number;
  /** Means in original units. */
  recencyDays: number;
  orders: number;
  meanOrderValue: number;
  revenue: number;
  onlineShare: number;
  promotionShare: number;
  electronicsShare: number;
  groceriesShare: number;
  fashionShare: number;
  /** Centroid in standard deviations from the mean, per feature (for the heatmap). */
  z: number[];
}

export interface SegmentsResult {
  status: "ok" | "insufficient data";
  reason?: string;
  referenceDate: number;
  members: number;
  rfm: RfmSegmentSummary[];
  /** Members per R score (1-5) and FM column (1-5), with the segment of the cell. */
  grid: {r: number; fm: number; segment: string; members: number; revenue: number}[];
  choice: {k: number; inertia: number; silhouette: number}[];
  k: number;
  elbowK: number | null;
  features: string[];
  clusters: ClusterProfile[];
  /** Per member: RFM segment and cluster, for the other analyses. */
  assignment: Map<string, {segment: string; cluster: number; r: number; f: number; m: number}>;
  truth?: {
    adjustedRandIndex: number;
    /** Members per cluster and planted segment. */
    table: {cluster: number; segment: string; members: number}[];
    /** ARI of k-means with k = the number of planted segments (whatever the silhouette chose). */
    adjustedRandIndexAtTrueK: number;
  };
}

/** Names a cluster by its two most distinctive features (largest |z|). */
export function nameCluster(z: readonly number[]): string {
  const words: Record<string, [string, string]> = {
    logRecency: ["recent", "lapsed"],
    logFrequency: ["infrequent", "frequent"],
    logMonetary: ["small baskets", "big baskets"],
    onlineShare: ["in-store", "online"],
    promotionShare: ["full-price", "deal-driven"],
    electronicsShare: ["little electronics", "electronics"],
    groceriesShare: ["little groceries", "groceries"],
    fashionShare: ["little fashion", "fashion"]
  };
  const order = z.map((v, j) => ({v, j})).sort((a, b) => Math.abs(b.v) - Math.abs(a.v));
  return order
    .slice(0, 2)
    .map(({v, j}) => words[CLUSTER_FEATURES[j].key][v > 0 ? 1 : 0])
    .join(", ")
    .replace(/^./, (c) => c.toUpperCase());
}

export function analyseSegments(
  orders: TableColumns,
  mix: TableColumns,
  referenceDay: number,
  {seed = 42, kMax = 8, plantedSegment}: {seed?: number; kMax?: number; plantedSegment?: ReadonlyMap<string, string>} = {}
): SegmentsResult {
  const result = rfm({customerId: orders.customer_id as string[], date: (orders.order_date as number[]).map((d) => d * 86_400_000), amount: orders.net_revenue as number[], orderId: orders.order_id as string[]}, {referenceDate: referenceDay * 86_400_000});
  const customers = result.customers;
  const empty: SegmentsResult = {status: "insufficient data", referenceDate: referenceDay, members: customers.length, rfm: [], grid: [], choice: [], k: 0, elbowK: null, features: CLUSTER_FEATURES.map((f) => f.label), clusters: [], assignment: new Map()};
  if (customers.length < 50) return {...empty, reason: `${customers.length} members with orders; segments need at least 50`};

  const grid = new Map<string, {r: number; fm: number; segment: string; members: number; revenue: number}>();
  for (let r = 1; r <= 5; r++) for (let fm = 1; fm <= 5; fm++) grid.set(`${r}${fm}`, {r, fm, segment: RFM_SEGMENT_GRID[r - 1][fm - 1], members: 0, revenue: 0});
  for (const c of customers) {
    const cell = grid.get(`${c.r}${c.fm}`)!;
    cell.members++;
    cell.revenue += c.revenue;
  }

  const mixById = new Map((mix.customer_id as string[]).map((id, i) => [id, i]));
  const share = (column: string, id: string) => {
    const i = mixById.get(id);
    return i === undefined ? 0 : (mix[column][i] as number);
  };
  // Behaviour from the orders: online and promotion shares per member.
  const online = new Map<string, [number, number]>();
  (orders.customer_id as string[]).forEach((id, k) => {
    const s = online.get(id) ?? [0, 0];
    if (orders.channel[k] !== "store") s[0]++;
    if (orders.has_promotion[k]) s[1]++;
    online.set(id, s);
  });
  const raw = customers.map((c) => {
    const [o, p] = online.get(String(c.customerId)) ?? [0, 0];
    const id = String(c.customerId);
    return [
      Math.log1p(c.recency),
      Math.log1p(c.frequency),
      Math.log(Math.max(1, c.revenue / c.frequency)),
      o / c.frequency,
      p / c.frequency,
      share("electronics_share", id),
      share("groceries_share", id),
      share("fashion_share", id)
    ];
  });
  const standard = standardize(raw);
  // k is chosen on a random sample (the silhouette is quadratic in the points; the sample is big
  // enough that the chosen k does not change from sample to sample), then fitted on everyone.
  const sample = customers.length > CHOICE_SAMPLE ? new Random(seed).sample(Array.from(standard.points.keys()), CHOICE_SAMPLE).sort((a, b) => a - b).map((i) => standard.points[i]) : standard.points;
  const choice = chooseK(sample, {kMin: 2, kMax: Math.min(kMax, sample.length - 1), seed, restarts: 3, silhouetteSampleSize: Math.min(2000, sample.length)});
  const k = choice.bestK;
  const fit = kmeans(standard.points, k, {seed, restarts: 6});
  const totalRevenue = customers.reduce((s, c) => s + c.revenue, 0);
  const clusters: ClusterProfile[] = fit.centroids.map((z, cluster) => {
    const members = customers.map((c, i) => ({c, i})).filter(({i}) => fit.assignments[i] === cluster);
    const mean = (f: (x: {c: (typeof customers)[number]; i: number}) => number) => members.reduce((s, x) => s + f(x), 0) / Math.max(1, members.length);
    const revenue = members.reduce((s, {c}) => s + c.revenue, 0);
    return {
      cluster,
      name: nameCluster(z),
      members: members.length,
      share: members.length / customers.length,
      revenueShare: revenue / totalRevenue,
      recencyDays: mean(({c}) => c.recency),
      orders: mean(({c}) => c.frequency),
      meanOrderValue: mean(({c}) => c.revenue / c.frequency),
      revenue: mean(({c}) => c.revenue),
      onlineShare: mean(({i}) => raw[i][3]),
      promotionShare: mean(({i}) => raw[i][4]),
      electronicsShare: mean(({i}) => raw[i][5]),
      groceriesShare: mean(({i}) => raw[i][6]),
      fashionShare: mean(({i}) => raw[i][7]),
      z
    };
  });
  // Clusters in order of revenue per member, so "cluster 1" is the most valuable.
  const order = clusters.map((c) => c.cluster).sort((a, b) => clusters[b].revenue - clusters[a].revenue);
  const rename = new Map(order.map((old, rank) => [old, rank + 1]));
  for (const c of clusters) c.cluster = rename.get(c.cluster)!;
  clusters.sort((a, b) => a.cluster - b.cluster);
  const labels = fit.assignments.map((a) => rename.get(a)!);

  const assignment = new Map(customers.map((c, i) => [String(c.customerId), {segment: c.segment as string, cluster: labels[i], r: c.r, f: c.f, m: c.m}]));
  const out: SegmentsResult = {
    status: "ok",
    referenceDate: referenceDay,
    members: customers.length,
    rfm: rfmSegmentSummary(customers),
    grid: [...grid.values()],
    choice: choice.results,
    k,
    elbowK: choice.elbowK,
    features: CLUSTER_FEATURES.map((f) => f.label),
    clusters,
    assignment
  };
  if (plantedSegment) {
    const planted = customers.map((c) => plantedSegment.get(String(c.customerId)) ?? "unknown");
    const names = [...new Set(planted)].sort();
    const codes = planted.map((s) => names.indexOf(s));
    const table = new Map<string, {cluster: number; segment: string; members: number}>();
    labels.forEach((cluster, i) => {
      const key = `${cluster}\u0000${planted[i]}`;
      const cell = table.get(key) ?? {cluster, segment: planted[i], members: 0};
      cell.members++;
      table.set(key, cell);
    });
    const trueK = names.length;
    const atTrueK = trueK === k ? labels : kmeans(standard.points, trueK, {seed, restarts: 6}).assignments;
    out.truth = {adjustedRandIndex: adjustedRandIndex(labels, codes), table: [...table.values()].sort((a, b) => a.cluster - b.cluster || a.segment.localeCompare(b.segment)), adjustedRandIndexAtTrueK: adjustedRandIndex(atTrueK, codes)};
  }
  return out;
}
