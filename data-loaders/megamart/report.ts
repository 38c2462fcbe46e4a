/**
 * Everything the MegaMart pages read, built once: raw tables (simulated, or the analyst's files),
 * the SQL models and their data tests (the build stops on a failure), the analyses (segments,
 * churn, lifetime value, A/B tests, uplift) and, for a simulation, the truth to compare them with.
 * Returns the files of the report's archive (the report models as Arrow, the rest as JSON) and how
 * long each stage took (kept out of the files, so the same seed gives the same bytes).
 */
import {reportStage} from "../shared/progress.js";
import {assertDataTests} from "../shared/datatests.js";
import {arrowBytes, inBatches} from "../shared/arrow.js";
import type {BuildOptions} from "../shared/options.js";
import type {TableSpec} from "../shared/schema.js";
import {loadRawTables} from "../shared/source.js";
import type {TableColumns} from "../shared/validate.js";
import {analyseAbTests} from "./analyses/abtests.js";
import {analyseChurn} from "./analyses/churn.js";
import {indexOrders} from "./analyses/features.js";
import {analyseLifetimeValue, HORIZON_MONTHS, MONTHLY_DISCOUNT} from "./analyses/lifetimeValue.js";
import {analyseSegments} from "./analyses/segments.js";
import {analyseUplift} from "./analyses/uplift.js";
import {dimCampaign, dimDate, dimStore, fctAcquisitionDaily} from "./models/marts/schema.js";
import {reportSpecs} from "./models/reports/schema.js";
import {CAMPAIGNS, CHURN_DRIVERS, PEAK_CAC_FACTOR, SEGMENT_TRUTH, TRUE_CAC, UPLIFT_CAMPAIGN, UPLIFT_TRAINING_CAMPAIGNS} from "./parameters.js";
import {rawTables} from "./schema.js";
import type {RawTable} from "./chunkedTable.js";
import {simulateMegaMartChunked, type MegaMartTruth} from "./simulate.js";
import {lineage, runPipeline} from "./transform.js";

export interface ReportFile {
  name: string;
  data: Uint8Array;
}

/** JSON with NaN and ±Infinity as null (JSON has neither) and numbers to 6 significant digits. */
export function toJson(value: unknown): Uint8Array {
  const text = JSON.stringify(value, (_, v) => {
    if (typeof v === "number") return Number.isFinite(v) ? (Number.isInteger(v) ? v : Number(v.toPrecision(6))) : null;
    if (v instanceof Map) return undefined;
    return v;
  });
  return new TextEncoder().encode(text);
}

/** Arrow files of these models. */
const ARROW_MODELS: readonly TableSpec[] = [...reportSpecs.filter((s) => s.name !== "rpt_member_mix" && s.name !== "rpt_acquisition_monthly"), dimDate, dimStore, dimCampaign, fctAcquisitionDaily];

const DAY = 86_400_000;

export async function buildReport(options: BuildOptions): Promise<{files: ReportFile[]; timings: Record<string, number>}> {
  const timings: Record<string, number> = {};
  let t = performance.now();
  reportStage("raw tables (simulated or read)");
  let truth: MegaMartTruth | undefined;
  // A simulation's tables, order_items chunked (built while DuckDB appends it), are kept aside:
  // loadRawTables hands over whole tables only.
  let simulated: Map<string, RawTable> | undefined;
  const {tables: fromFiles, source} = await loadRawTables(
    "megamart",
    rawTables,
    (o) => {
      const simulation = simulateMegaMartChunked(o);
      truth = simulation.truth;
      simulated = simulation.tables;
      return new Map();
    },
    options
  );
  const raw: Map<string, RawTable> = simulated ?? fromFiles;
  timings.rawMs = performance.now() - t;

  // The raw tables leave JavaScript as they enter DuckDB (only their row counts are kept).
  reportStage("loading DuckDB, SQL models and data tests");
  const pipeline = await runPipeline(raw, {release: true});
  Object.assign(timings, pipeline.timings);
  assertDataTests(pipeline.results);
  const tables = pipeline.tables;

  t = performance.now();
  reportStage("segments (RFM, k-means)");
  const orders = tables.get("member_orders")!;
  const customers = tables.get("dim_customer")!;
  const index = indexOrders(orders);
  const days = tables.get("dim_date")!.date as number[];
  const firstDay = days.reduce((a, b) => Math.min(a, b), Infinity);
  const lastDay = days.reduce((a, b) => Math.max(a, b), -Infinity);

  // Truth lookups (simulation only).
  const memberIndex = new Map(truth?.members.customerId.map((id, i) => [id, i]) ?? []);
  const planted = truth ? new Map(truth.members.customerId.map((id, i) => [id, truth!.members.segment[i]])) : undefined;
  const dropDay = (id: string) => {
    const d = truth?.members.dropDate[memberIndex.get(id) ?? -1];
    return d ? Date.parse(d) / DAY : Infinity;
  };

  const segments = analyseSegments(orders, tables.get("rpt_member_mix")!, lastDay + 1, {plantedSegment: planted});
  timings.segmentsMs = performance.now() - t;
  t = performance.now();
  reportStage("churn model");
  const segmentOf = (id: string) => segments.assignment.get(id)?.segment ?? "none";

  const churn = analyseChurn(customers, index, lastDay, {
    segmentOf,
    ...(truth
      ? {
          plantedEffects: {returnedOrderShare: "raises churn (planted: high returners)", acquisitionChannel_paid_social: "raises churn (planted)", appUser: "lowers churn (planted)", loyaltyTier: "lowers churn (planted)", female: "none (planted: no effect)", age: "none (planted: no effect)"},
          trulyGoneBy: (id: string, day: number) => dropDay(id) <= day
        }
      : {})
  });
  timings.churnMs = performance.now() - t;
  t = performance.now();
  reportStage("lifetime value");

  // Cost per acquired member by channel, over the whole window (free channels: NaN).
  const acquisition = tables.get("rpt_acquisition_monthly")!;
  const spendBy: Record<string, number> = {};
  const membersBy: Record<string, number> = {};
  (acquisition.channel as string[]).forEach((c, i) => {
    spendBy[c] = (spendBy[c] ?? 0) + (acquisition.spend[i] as number);
    membersBy[c] = (membersBy[c] ?? 0) + (acquisition.new_members[i] as number);
  });
  const cacByChannel = Object.fromEntries(Object.keys(membersBy).map((c) => [c, spendBy[c] > 0 ? spendBy[c] / membersBy[c] : NaN]));

  // The true expected value of the next 12 months, discounted as the model's forecast is.
  const sales = tables.get("rpt_daily_sales")!;
  let net = 0;
  let discount = 0;
  (sales.net_revenue as number[]).forEach((v, i) => {
    net += v;
    discount += sales.discount[i] as number;
  });
  const paidShare = net / (net + discount);
  const trueValue = (id: string) => {
    const i = memberIndex.get(id);
    if (i === undefined || !truth || truth.members.dropDate[i] !== null) return 0;
    const lambda = truth.members.weeklyRate[i];
    const p = truth.members.dropout[i];
    const expected = (weeks: number) => (1 - Math.exp(-lambda * p * weeks)) / p;
    let value = 0;
    for (let k = 1; k <= HORIZON_MONTHS; k++) value += ((expected(4.345 * k) - expected(4.345 * (k - 1))) * truth.members.expectedOrderValue[i] * paidShare) / Math.pow(1 + MONTHLY_DISCOUNT, k);
    return value;
  };
  const ltv = analyseLifetimeValue(orders, customers, lastDay, {segmentOf, cacByChannel, ...(truth ? {trueValue, plantedOf: (id: string) => planted!.get(id) ?? "unknown"} : {})});
  timings.lifetimeValueMs = performance.now() - t;
  t = performance.now();
  reportStage("campaign tests");

  // True average effect per campaign arm over everyone truly assigned (lost rows included).
  const trueArm = new Map<string, {sum: number; n: number}>();
  if (truth) {
    const a = truth.assignments;
    a.campaignId.forEach((c, i) => {
      for (const [v, effect] of [["A", a.effectIfA[i]], ["B", a.effectIfB[i]]] as const) {
        const s = trueArm.get(`${c}/${v}`) ?? {sum: 0, n: 0};
        s.sum += effect;
        s.n++;
        trueArm.set(`${c}/${v}`, s);
      }
    });
  }
  const campaigns = tables.get("dim_campaign")!;
  const assignments = tables.get("fct_campaign_assignments")!;
  const abtests = analyseAbTests(campaigns, assignments, truth ? {trueEffect: (c, v) => {
    const s = trueArm.get(`${c}/${v}`);
    return s ? s.sum / s.n : undefined;
  }} : {});
  timings.abtestsMs = performance.now() - t;
  t = performance.now();
  reportStage("uplift");

  const upliftTruth = new Map<string, number>();
  if (truth) truth.assignments.campaignId.forEach((c, i) => c === UPLIFT_CAMPAIGN && upliftTruth.set(truth!.assignments.customerId[i], truth!.assignments.effectIfA[i]));
  const upliftCampaign = (campaigns.campaign_id as string[]).includes(UPLIFT_CAMPAIGN)
    ? UPLIFT_CAMPAIGN
    : // Real data: the campaign with the most participants in its arms.
      ((campaigns.campaign_id as string[]).map((id, i) => ({id, n: campaigns.assigned[i] as number})).sort((a, b) => b.n - a.n)[0]?.id ?? "");
  const uplift = analyseUplift(campaigns, assignments, customers, index, upliftCampaign, {trainingCampaigns: upliftCampaign === UPLIFT_CAMPAIGN ? UPLIFT_TRAINING_CAMPAIGNS : [], ...(truth ? {trueEffect: (id: string) => upliftTruth.get(id)} : {})});
  timings.upliftMs = performance.now() - t;
  t = performance.now();
  reportStage("writing the archive");

  const files: ReportFile[] = [];
  for (const spec of ARROW_MODELS) files.push({name: `${spec.name}.arrow`, data: await arrowBytes(spec, inBatches(spec, tables.get(spec.name)!))});
  const {assignment: _, ...segmentsOut} = segments;
  const {perMember: __, ...ltvOut} = ltv;
  files.push({name: "segments.json", data: toJson(segmentsOut)});
  files.push({name: "churn.json", data: toJson(churn)});
  files.push({name: "lifetime_value.json", data: toJson(ltvOut)});
  files.push({name: "abtests.json", data: toJson(abtests)});
  files.push({name: "uplift.json", data: toJson(uplift)});
  files.push({name: "lineage.json", data: toJson(lineage(pipeline, pipeline.rawRows, rawTables))});
  files.push({
    name: "meta.json",
    data: toJson({
      source,
      firstDay,
      lastDay,
      currency: "SGD",
      members: customers.customer_id.length,
      cacByChannel
    })
  });
  if (truth) {
    files.push({
      name: "truth.json",
      data: toJson({
        segments: Object.values(SEGMENT_TRUTH),
        trueCac: TRUE_CAC,
        peakCacFactor: PEAK_CAC_FACTOR,
        churnDrivers: CHURN_DRIVERS,
        campaigns: CAMPAIGNS.map((c) => ({id: c.id, name: c.name, effectA: c.effectA, effectB: c.effectB, lostControlShare: c.lostControlShare, incrementalOrders: truth!.incrementalOrders[c.id]})),
        upliftCampaign: UPLIFT_CAMPAIGN
      })
    });
  }
  timings.writeMs = performance.now() - t;
  return {files, timings};
}

export type {TableColumns};
