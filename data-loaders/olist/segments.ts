/**
 * Customer segments: RFM scores and named segments (src/analytics/rfm.ts) as of the day after the
 * last sale, and k-means on standardised [recency, log frequency, log monetary] with k chosen by
 * the silhouette (src/analytics/kmeans.ts). Clusters get a name from their profile; when the data
 * are simulated, both segmentations are crossed with the planted segments.
 */
import {chooseK, kmeans, silhouetteScore, standardize, unstandardize, adjustedRandIndex} from "../../src/analytics/kmeans.js";
import {RFM_SEGMENTS, rfm, rfmSegmentSummary, type RfmCustomer} from "../../src/analytics/rfm.js";
import {out, type Output} from "./output.js";
import {SEGMENTS, SEGMENT_TRUTH, type Segment} from "./simulate.js";
import type {Staged} from "./staging.js";

export interface SegmentResult {
  /** RFM per person who bought (index = person index; undefined for people without a sale). */
  byPerson: (RfmCustomer | undefined)[];
  /** k-means cluster per person (-1 without a sale). */
  cluster: Int32Array;
  clusterNames: string[];
  k: number;
  silhouette: number;
  outputs: Output[];
  /** Adjusted Rand index of clusters and RFM segments against the planted segments (NaN with real data). */
  ariClusters: number;
  ariRfm: number;
}

export const KMEANS_SETTINGS = {kMin: 2, kMax: 8, restarts: 4, silhouetteSampleSize: 3000, seed: 42};

export function segmentCustomers(s: Staged, trueSegment?: Map<string, Segment>): SegmentResult {
  const o = s.orders;
  const valid = [];
  for (let k = 0; k < o.id.length; k++) if (o.valid[k]) valid.push(k);
  const result = rfm({customerId: valid.map((k) => o.person[k]), date: valid.map((k) => o.purchase[k]), amount: valid.map((k) => o.revenue[k]), orderId: valid.map((k) => k)}, {referenceDate: s.asOf});
  const byPerson: (RfmCustomer | undefined)[] = new Array(s.people.id.length);
  for (const c of result.customers) byPerson[c.customerId as number] = c;
  const customers = result.customers;

  // k-means on standardised recency, log frequency, log monetary.
  const raw = customers.map((c) => [c.recency, Math.log(c.frequency), Math.log1p(c.monetary)]);
  const {points, mean, sd} = standardize(raw);
  const choice = chooseK(points, KMEANS_SETTINGS);
  const fit = kmeans(points, choice.bestK, {seed: KMEANS_SETTINGS.seed, restarts: KMEANS_SETTINGS.restarts});
  const centres = unstandardize(fit.centroids, {mean, sd});
  const silhouette = silhouetteScore(points, fit.assignments, {sampleSize: KMEANS_SETTINGS.silhouetteSampleSize, seed: KMEANS_SETTINGS.seed});
  const clusterNames = nameClusters(centres);
  const cluster = new Int32Array(s.people.id.length).fill(-1);
  customers.forEach((c, i) => (cluster[c.customerId as number] = fit.assignments[i]));

  // Profiles.
  const k = choice.bestK;
  const totalRevenue = customers.reduce((t, c) => t + c.revenue, 0);
  const prof = Array.from({length: k}, () => ({n: 0, recency: 0, frequency: 0, monetary: 0, revenue: 0, repeat: 0}));
  customers.forEach((c, i) => {
    const p = prof[fit.assignments[i]];
    p.n++;
    p.recency += c.recency;
    p.frequency += c.frequency;
    p.monetary += c.monetary;
    p.revenue += c.revenue;
    if (c.frequency > 1) p.repeat++;
  });
  const clusters = out("clusters", "k-means clusters on standardised RFM: size and profile.", "cluster", [
    ["cluster", "int32", "Cluster number."],
    ["name", "utf8", "A name read from the profile."],
    ["customers", "int32", "People in the cluster."],
    ["share", "float64", "Share of people."],
    ["mean_recency", "float64", "Mean days since the last sale."],
    ["mean_frequency", "float64", "Mean sales per person."],
    ["mean_monetary", "float64", "Mean revenue per person (BRL)."],
    ["repeat_share", "float64", "Share with more than one sale."],
    ["revenue_share", "float64", "Share of all revenue."],
    ["centre_recency", "float64", "Centroid: recency (days)."],
    ["centre_frequency", "float64", "Centroid: frequency (exp of the log centre)."],
    ["centre_monetary", "float64", "Centroid: monetary (BRL, exp of the log centre − 1)."]
  ], {
    cluster: prof.map((_, c) => c), name: clusterNames, customers: prof.map((p) => p.n), share: prof.map((p) => p.n / customers.length),
    mean_recency: prof.map((p) => p.recency / p.n), mean_frequency: prof.map((p) => p.frequency / p.n), mean_monetary: prof.map((p) => p.monetary / p.n),
    repeat_share: prof.map((p) => p.repeat / p.n), revenue_share: prof.map((p) => p.revenue / totalRevenue),
    centre_recency: centres.map((c) => c[0]), centre_frequency: centres.map((c) => Math.exp(c[1])), centre_monetary: centres.map((c) => Math.expm1(c[2]))
  });
  const kTable = out("kmeans_k", "k-means for each k tried: inertia and silhouette (the chosen k has the highest silhouette).", "k", [
    ["k", "int32", "Number of clusters."],
    ["inertia", "float64", "Within-cluster sum of squares (standardised units)."],
    ["silhouette", "float64", `Mean silhouette on a seeded sample of ${KMEANS_SETTINGS.silhouetteSampleSize} people.`],
    ["chosen", "bool", "The k used."]
  ], {k: choice.results.map((r) => r.k), inertia: choice.results.map((r) => r.inertia), silhouette: choice.results.map((r) => r.silhouette), chosen: choice.results.map((r) => r.k === choice.bestK)});

  const summary = rfmSegmentSummary(customers);
  const rfmTable = out("rfm_segments", "RFM segments: size, value and the action for each.", "RFM segment", [
    ["segment", "utf8", "Segment (R score against the mean of the F and M scores)."],
    ["customers", "int32", "People."],
    ["share", "float64", "Share of people."],
    ["revenue", "float64", "Their revenue (BRL)."],
    ["revenue_share", "float64", "Share of all revenue."],
    ["mean_recency", "float64", "Mean days since the last sale."],
    ["mean_frequency", "float64", "Mean sales."],
    ["mean_monetary", "float64", "Mean revenue (BRL)."],
    ["action", "utf8", "What to do with them."]
  ], {
    segment: summary.map((r) => r.segment), customers: summary.map((r) => r.count), share: summary.map((r) => r.share), revenue: summary.map((r) => r.revenue), revenue_share: summary.map((r) => r.revenueShare),
    mean_recency: summary.map((r) => r.meanRecency), mean_frequency: summary.map((r) => r.meanFrequency), mean_monetary: summary.map((r) => r.meanMonetary), action: summary.map((r) => r.action)
  });

  // Crossed with the planted segments (simulation only).
  const cross: {kind: string; group: string; truth: string; customers: number}[] = [];
  let ariClusters = NaN;
  let ariRfm = NaN;
  if (trueSegment) {
    const truthCode = customers.map((c) => SEGMENTS.indexOf(trueSegment.get(s.people.id[c.customerId as number])!));
    const rfmCode = customers.map((c) => RFM_SEGMENTS.indexOf(c.segment));
    ariClusters = adjustedRandIndex(fit.assignments, truthCode);
    ariRfm = adjustedRandIndex(rfmCode, truthCode);
    const add = (kind: string, group: (i: number) => string) => {
      const counts = new Map<string, number>();
      customers.forEach((_, i) => {
        const key = `${group(i)}|${SEGMENTS[truthCode[i]]}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      });
      for (const [key, n] of [...counts.entries()].sort()) {
        const [g, t] = key.split("|");
        cross.push({kind, group: g, truth: SEGMENT_TRUTH[t as Segment].label, customers: n});
      }
    };
    add("cluster", (i) => clusterNames[fit.assignments[i]]);
    add("rfm", (i) => customers[i].segment);
  }
  const crossTable = out("segment_truth", "Simulation only: people per (cluster or RFM segment) × planted segment (empty with real data).", "segmentation × group × planted segment", [
    ["kind", "utf8", "cluster or rfm."],
    ["group", "utf8", "Cluster name or RFM segment."],
    ["truth", "utf8", "Planted segment."],
    ["customers", "int32", "People."]
  ], {kind: cross.map((c) => c.kind), group: cross.map((c) => c.group), truth: cross.map((c) => c.truth), customers: cross.map((c) => c.customers)});

  return {byPerson, cluster, clusterNames, k, silhouette, outputs: [rfmTable, kTable, clusters, crossTable], ariClusters, ariRfm};
}

/**
 * Names from centroids: repeat buyers (frequency centre above 1.3), then among one-time buyers
 * big spenders (monetary centre at least twice the lowest cluster's), then recent vs lapsed by
 * recency. Duplicate names get a number.
 */
export function nameClusters(centres: number[][]): string[] {
  const minMonetary = Math.min(...centres.map((c) => Math.expm1(c[2])));
  const recencies = centres.map((c) => c[0]).sort((a, b) => a - b);
  const medianRecency = recencies[Math.floor((recencies.length - 1) / 2)];
  const names = centres.map((c) => {
    const frequency = Math.exp(c[1]);
    const monetary = Math.expm1(c[2]);
    if (frequency >= 1.3) return c[0] <= medianRecency ? "Active repeat buyers" : "Lapsing repeat buyers";
    if (monetary >= 2 * minMonetary) return c[0] <= medianRecency ? "Recent big-ticket buyers" : "Lapsed big-ticket buyers";
    return c[0] <= medianRecency ? "Recent one-time buyers" : "Lapsed one-time buyers";
  });
  const seen = new Map<string, number>();
  const totals = new Map<string, number>();
  for (const n of names) totals.set(n, (totals.get(n) ?? 0) + 1);
  return names.map((n) => {
    if (totals.get(n)! === 1) return n;
    const k = (seen.get(n) ?? 0) + 1;
    seen.set(n, k);
    return `${n} ${k}`;
  });
}
