/**
 * Everything the Olist pages read, computed once: raw tables (simulated, or the analyst's files
 * validated in full) → staging → executive marts and the models (segments, lifetime value,
 * promotion uplift, recommenders, review text) → one Arrow file per table plus `meta.json`,
 * returned as named files for the archive loader (src/data/olist/report.tar.ts).
 */
import {reportStage} from "../shared/progress.js";
import {arrowBytes, inBatches} from "../shared/arrow.js";
import {readOptions, reportDataDir, type BuildOptions} from "../shared/options.js";
import {loadRawTables} from "../shared/source.js";
import {DataValidationError, readTable, tableFile, type Problem, type TableColumns} from "../shared/validate.js";
import {lifetimeValues, LTV_SETTINGS} from "./lifetime.js";
import {cohorts, dailySales, deliveryVsScore, marketingInfluence, MARKETING_DEFINITIONS, paymentMix, states, weekdayHours, weeklyCategories} from "./marts.js";
import {out, type Output} from "./output.js";
import {analysePromotion, UPLIFT_SETTINGS} from "./promotion.js";
import {recommend, RECOMMENDER_SETTINGS} from "./recommenders.js";
import {reviewTerms} from "./reviews.js";
import {marketingTouches, promotionAssignments, rawTables} from "./schema.js";
import {KMEANS_SETTINGS, segmentCustomers} from "./segments.js";
import {SEGMENT_TRUTH, simulateOlistWithTruth, type OlistTruth} from "./simulate.js";
import {stage} from "./staging.js";

export interface ReportFile {
  name: string;
  data: Uint8Array;
}

/** Reads an optional table from the analyst's folder if it is there, validated, with its reference to the people checked. */
async function optionalTable(dir: string, spec: typeof marketingTouches, people: ReadonlySet<unknown>, checkPeople: boolean): Promise<TableColumns | undefined> {
  const path = tableFile(dir, spec.name);
  if (!path) return undefined;
  const {columns, rows, problems} = await readTable(path, spec);
  const all: Problem[] = [...problems];
  if (checkPeople) {
    let reported = 0;
    columns.customer_unique_id.forEach((id, i) => {
      if (id !== null && !people.has(id) && reported++ < 20) all.push({file: path, row: rows[i], column: "customer_unique_id", message: `${id} does not exist in olist_customers_dataset column "customer_unique_id"`});
    });
  }
  if (all.length > 0) throw new DataValidationError(all);
  return columns;
}

const timings: [string, number][] = [];
function timed<T>(label: string, f: () => T): T {
  reportStage(label);
  const t0 = performance.now();
  const result = f();
  timings.push([label, (performance.now() - t0) / 1000]);
  if (process.env.OLIST_TIMINGS) process.stderr.write(`olist: ${label} ${((performance.now() - t0) / 1000).toFixed(2)} s\n`);
  return result;
}

export async function buildOlistReport(options: BuildOptions = readOptions()): Promise<{files: ReportFile[]; timings: [string, number][]}> {
  timings.length = 0;
  let truth: OlistTruth | undefined;
  const t0 = performance.now();
  const {tables, source} = await loadRawTables("olist", rawTables, (o) => {
    const sim = simulateOlistWithTruth(o);
    truth = sim.truth;
    return sim.tables;
  }, options);
  timings.push([source.kind === "simulation" ? "simulate" : "read and validate files", (performance.now() - t0) / 1000]);
  const dir = reportDataDir("olist", options);
  let touches: TableColumns | undefined;
  let promotion: TableColumns | undefined;
  if (source.kind === "files" && dir) {
    const people = new Set(tables.get("olist_customers_dataset")!.customer_unique_id);
    touches = await optionalTable(dir, marketingTouches, people, false);
    promotion = await optionalTable(dir, promotionAssignments, people, true);
  } else {
    touches = tables.get("olist_marketing_touches");
    promotion = tables.get("olist_promotion_assignments");
  }

  const s = timed("stage", () => stage(tables));
  const trueSegment = truth ? new Map(truth.people.uniqueId.map((id, i) => [id, truth!.people.segment[i]])) : undefined;
  const outputs: Output[] = [];
  outputs.push(...timed("marts", () => [dailySales(s), weeklyCategories(s), weekdayHours(s), states(s), deliveryVsScore(s), cohorts(s), paymentMix(tables.get("olist_order_payments_dataset")!, s)]));
  const originated = truth ? new Map(truth.people.uniqueId.map((id, i) => [id, truth!.people.adOriginated[i]])) : undefined;
  outputs.push(timed("marketing", () => marketingInfluence(s, touches, originated)));
  const seg = timed("segments", () => segmentCustomers(s, trueSegment));
  outputs.push(...seg.outputs);
  const truthLabel = (p: number) => (trueSegment ? SEGMENT_TRUTH[trueSegment.get(s.people.id[p])!].label : undefined);
  const ltv = timed("lifetime value", () =>
    lifetimeValues(s, [
      {name: "rfm", of: (p) => seg.byPerson[p]?.segment},
      {name: "cluster", of: (p) => (seg.cluster[p] >= 0 ? seg.clusterNames[seg.cluster[p]] : undefined)},
      ...(trueSegment ? [{name: "truth", of: truthLabel}] : [])
    ])
  );
  outputs.push(...ltv.outputs);
  const trueEffect = truth ? new Map(truth.people.uniqueId.map((id, i) => [id, truth!.people.promoEffect[i]])) : undefined;
  const uplift = timed("uplift", () => analysePromotion(s, promotion, {trueEffect, groupOf: (p) => truthLabel(p) ?? seg.byPerson[p]?.segment ?? "no sale before"}));
  outputs.push(...uplift.outputs);
  let productTruth: {bundle: Int32Array; theme: Int32Array} | undefined;
  if (truth) {
    const index = new Map(truth.products.productId.map((id, i) => [id, i]));
    productTruth = {bundle: Int32Array.from(s.products.id, (id) => truth!.products.bundle[index.get(id)!]), theme: Int32Array.from(s.products.id, (id) => truth!.products.theme[index.get(id)!])};
  }
  const rec = timed("recommenders", () => recommend(s, productTruth));
  outputs.push(...rec.outputs);
  outputs.push(...timed("review text", () => reviewTerms(s)));
  outputs.push(customerSample(s, seg, ltv.clv, truthLabel));

  const files: ReportFile[] = [];
  for (const o of outputs) files.push({name: `${o.spec.name}.arrow`, data: await arrowBytes(o.spec, inBatches(o.spec, o.columns))});
  const meta = {
    source: source.kind === "simulation" ? {kind: "simulation", seed: options.seed, scale: options.scale} : {kind: "files"},
    asOf: s.asOf,
    firstPurchase: s.firstPurchase,
    counts: {people: s.people.id.length, orders: s.orders.id.length, sales: s.orders.valid.reduce((n, v) => n + v, 0), items: s.items.order.length, products: s.products.id.length, sellers: s.sellers.id.length, reviews: s.reviews.order.length},
    hasTouches: touches !== undefined && touches.touch_id.length > 0,
    hasPromotion: promotion !== undefined && promotion.customer_unique_id.length > 0,
    hasTruth: truth !== undefined,
    marketing: MARKETING_DEFINITIONS,
    segments: {k: seg.k, silhouette: seg.silhouette, ariClusters: seg.ariClusters, ariRfm: seg.ariRfm, settings: KMEANS_SETTINGS},
    lifetime: {...LTV_SETTINGS, holdoutCorrelation: ltv.holdoutCorrelation},
    uplift: UPLIFT_SETTINGS,
    recommenders: RECOMMENDER_SETTINGS
  };
  files.push({name: "meta.json", data: new TextEncoder().encode(JSON.stringify(meta, (_, v) => (typeof v === "number" && !Number.isFinite(v) ? null : v), 1) + "\n")});
  return {files, timings: [...timings]};
}

/** A seeded sample of customers for the scatter plots: RFM, cluster, lifetime value (and planted segment). */
function customerSample(s: ReturnType<typeof stage>, seg: ReturnType<typeof segmentCustomers>, clv: Float64Array, truthLabel: (p: number) => string | undefined) {
  const people = seg.byPerson.map((c, p) => (c ? p : -1)).filter((p) => p >= 0);
  // Every n-th person in id order: a stable sample of about 2,500.
  const step = Math.max(1, Math.floor(people.length / 2500));
  const chosen = people.filter((_, i) => i % step === 0);
  return out("customer_sample", "A systematic sample of customers (every n-th by id): RFM values and scores, segment, cluster, 12-month value.", "customer", [
    ["recency", "int32", "Days since the last sale."],
    ["frequency", "int32", "Sales."],
    ["monetary", "float64", "Revenue (BRL)."],
    ["rfm_score", "utf8", "R, F and M quintile scores."],
    ["rfm_segment", "utf8", "RFM segment."],
    ["cluster", "utf8", "k-means cluster name."],
    ["clv", "float64", "12-month discounted value (BRL); empty when the model could not be fitted."],
    ["truth", "utf8", "Planted segment (simulation only; empty with real data)."]
  ], {
    recency: chosen.map((p) => seg.byPerson[p]!.recency),
    frequency: chosen.map((p) => seg.byPerson[p]!.frequency),
    monetary: chosen.map((p) => seg.byPerson[p]!.monetary),
    rfm_score: chosen.map((p) => seg.byPerson[p]!.score),
    rfm_segment: chosen.map((p) => seg.byPerson[p]!.segment),
    cluster: chosen.map((p) => seg.clusterNames[seg.cluster[p]]),
    clv: chosen.map((p) => clv[p]),
    truth: chosen.map((p) => truthLabel(p) ?? "")
  });
}
