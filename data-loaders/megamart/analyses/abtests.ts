/**
 * Each campaign's test read-out, every variant against control (src/analytics/abtest.ts):
 * conversion (any purchase in the campaign's window) by the two-proportion z-test with its
 * interval, revenue per member by Welch's t-test, the sample-ratio check of the arm sizes against
 * the planned split, the power to detect two percentage points and the minimum detectable effect,
 * the verdict, and the money: incremental margin against the messages' and discounts' cost.
 * Discount cost: the offer's discount on the window revenue of recipients the platform saw buy
 * through the message (they redeemed it). When simulated, each measured lift is set against the
 * true average effect of the variant on the audience.
 */
import {
  minimumDetectableEffectTwoProportions,
  sampleRatioMismatch,
  twoProportionZTest,
  verdict,
  welchTTest,
  type Verdict
} from "../../../src/analytics/abtest.js";
import {summarize} from "../../../src/analytics/stats.js";
import type {TableColumns} from "../../shared/validate.js";

/** Smallest conversion lift worth detecting (absolute, 2 percentage points). */
export const MINIMUM_EFFECT = 0.02;

export interface ArmComparison {
  campaignId: string;
  campaignName: string;
  channel: string;
  sendDay: number;
  variant: string;
  offer: string;
  nControl: number;
  nVariant: number;
  controlRate: number;
  variantRate: number;
  difference: number;
  differenceLow: number;
  differenceHigh: number;
  relativeLift: number;
  relativeLiftLow: number;
  relativeLiftHigh: number;
  pValue: number;
  revenuePerMemberControl: number;
  revenuePerMemberVariant: number;
  revenueDifference: number;
  revenueDifferenceLow: number;
  revenueDifferenceHigh: number;
  revenuePValue: number;
  srmPValue: number;
  srm: boolean;
  observedShares: number[];
  plannedShares: number[];
  power: number;
  minimumDetectableEffect: number;
  verdict: Verdict;
  /** Money over the variant's members (SGD). */
  incrementalConversions: number;
  incrementalRevenue: number;
  incrementalMargin: number;
  sendCost: number;
  discountCost: number;
  /** (incremental margin − costs) / costs. */
  roi: number;
  /** Funnel of the variant: shares of members assigned. */
  funnel: {sent: number; delivered: number; opened: number; clicked: number; attributedPurchases: number; converted: number};
  /** Simulated truth: the variant's average true effect on conversion, and whether the interval covers it. */
  trueEffect?: number;
  covered?: boolean;
}

export function analyseAbTests(
  campaigns: TableColumns,
  assignments: TableColumns,
  {alpha = 0.05, trueEffect}: {alpha?: number; trueEffect?: (campaignId: string, variant: string) => number | undefined} = {}
): ArmComparison[] {
  const out: ArmComparison[] = [];
  const byCampaign = new Map<string, number[]>();
  (assignments.campaign_id as string[]).forEach((c, i) => {
    let rows = byCampaign.get(c);
    if (!rows) byCampaign.set(c, (rows = []));
    rows.push(i);
  });
  for (let c = 0; c < campaigns.campaign_id.length; c++) {
    const id = campaigns.campaign_id[c] as string;
    const rows = byCampaign.get(id) ?? [];
    const arms = new Map<string, number[]>();
    for (const i of rows) {
      const v = assignments.variant[i] as string;
      if (!arms.has(v)) arms.set(v, []);
      arms.get(v)!.push(i);
    }
    const control = arms.get("control") ?? [];
    const variants = ["A", "B"].filter((v) => (arms.get(v)?.length ?? 0) > 0);
    if (control.length === 0 || variants.length === 0) continue;
    const controlShare = campaigns.control_share[c] as number;
    const planned = [controlShare, ...variants.map(() => (1 - controlShare) / variants.length)];
    const srm = sampleRatioMismatch([control.length, ...variants.map((v) => arms.get(v)!.length)], planned);
    const converted = (idx: number[]) => idx.reduce((s, i) => s + (assignments.converted[i] ? 1 : 0), 0);
    const values = (idx: number[], column: string) => idx.map((i) => assignments[column][i] as number);
    for (const v of variants) {
      const members = arms.get(v)!;
      const test = twoProportionZTest({successes: converted(control), trials: control.length}, {successes: converted(members), trials: members.length}, {alpha});
      const revenue = welchTTest(summarize(values(control, "window_revenue")), summarize(values(members, "window_revenue")), {alpha});
      const mde = test.control.rate > 0 && test.control.rate < 1 ? minimumDetectableEffectTwoProportions({baseline: test.control.rate, nControl: control.length, ratio: members.length / control.length, alpha}).absolute : NaN;
      const read = verdict(test, {srm, minimumEffect: MINIMUM_EFFECT, metric: "conversion"});
      const mean = (idx: number[], column: string) => values(idx, column).reduce((s, x) => s + x, 0) / Math.max(1, idx.length);
      const discount = (v === "A" ? campaigns.discount_a[c] : campaigns.discount_b[c]) as number | null;
      const redeemed = members.filter((i) => assignments.attributed_purchase[i]).reduce((s, i) => s + (assignments.window_revenue[i] as number), 0);
      const sendCost = values(members, "send_cost").reduce((s, x) => s + x, 0);
      const discountCost = (discount ?? 0) * redeemed;
      const incrementalMargin = (mean(members, "window_margin") - mean(control, "window_margin")) * members.length;
      const share = (column: string) => members.filter((i) => assignments[column][i]).length / members.length;
      const truth = trueEffect?.(id, v);
      out.push({
        campaignId: id,
        campaignName: campaigns.campaign_name[c] as string,
        channel: campaigns.channel[c] as string,
        sendDay: campaigns.send_date[c] as number,
        variant: v,
        offer: (v === "A" ? campaigns.offer_a[c] : campaigns.offer_b[c]) as string,
        nControl: control.length,
        nVariant: members.length,
        controlRate: test.control.rate,
        variantRate: test.treatment.rate,
        difference: test.difference,
        differenceLow: test.differenceLow,
        differenceHigh: test.differenceHigh,
        relativeLift: test.relativeLift,
        relativeLiftLow: test.relativeLiftLow,
        relativeLiftHigh: test.relativeLiftHigh,
        pValue: test.pValue,
        revenuePerMemberControl: revenue.control.mean,
        revenuePerMemberVariant: revenue.treatment.mean,
        revenueDifference: revenue.difference,
        revenueDifferenceLow: revenue.differenceLow,
        revenueDifferenceHigh: revenue.differenceHigh,
        revenuePValue: revenue.pValue,
        srmPValue: srm.pValue,
        srm: srm.mismatch,
        observedShares: srm.observedShares,
        plannedShares: srm.plannedShares,
        power: read.power,
        minimumDetectableEffect: mde,
        verdict: read,
        incrementalConversions: test.difference * members.length,
        incrementalRevenue: revenue.difference * members.length,
        incrementalMargin,
        sendCost,
        discountCost,
        roi: sendCost + discountCost > 0 ? (incrementalMargin - sendCost - discountCost) / (sendCost + discountCost) : NaN,
        funnel: {sent: share("sent"), delivered: share("delivered"), opened: share("opened"), clicked: share("clicked"), attributedPurchases: share("attributed_purchase"), converted: share("converted")},
        ...(truth !== undefined ? {trueEffect: truth, covered: truth >= test.differenceLow && truth <= test.differenceHigh} : {})
      });
    }
  }
  return out;
}
