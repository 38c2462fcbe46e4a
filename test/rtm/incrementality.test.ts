// The stratified incrementality estimator (src/analytics/incrementality.ts): hand-worked strata,
// then recovery of the simulated true lift on the tiny simulation.
import {beforeAll, describe, expect, it} from "vitest";
import {runRtmPipeline, type PipelineResult} from "../../data-loaders/rtm/pipeline.js";
import {estimateIncrementalLift, type ExposureCounts} from "../../src/analytics/incrementality.js";

describe("estimateIncrementalLift on hand-worked strata", () => {
  // Offer 1: notified 10/100, controls 2/50 → 0.10 − 0.04 = 0.06, weight 100/300.
  // Offer 2: notified 40/200, controls 5/50 → 0.20 − 0.10 = 0.10, weight 200/300.
  // Offer 3: notified only → dropped (coverage 300/400).
  const rows: ExposureCounts[] = [
    {offer_id: 1, exposure: "notified", exposures: 100, conversions: 10, true_conversion_with: 9, true_conversion_without: 3},
    {offer_id: 1, exposure: "outbid", exposures: 30, conversions: 1},
    {offer_id: 1, exposure: "rate_limited", exposures: 20, conversions: 1},
    {offer_id: 2, exposure: "notified", exposures: 200, conversions: 40, true_conversion_with: 42, true_conversion_without: 20},
    {offer_id: 2, exposure: "rate_limited", exposures: 50, conversions: 5},
    {offer_id: 3, exposure: "notified", exposures: 100, conversions: 30, true_conversion_with: 30, true_conversion_without: 10}
  ];
  const e = estimateIncrementalLift(rows);

  it("weights each offer's difference by its notified exposures", () => {
    expect(e.lift).toBeCloseTo((100 * 0.06 + 200 * 0.1) / 300, 12);
    expect(e.control.rate).toBeCloseTo((100 * 0.04 + 200 * 0.1) / 300, 12);
    expect(e.notified.rate).toBeCloseTo((100 * 0.1 + 200 * 0.2) / 300, 12);
    expect(e.coverage).toBeCloseTo(300 / 400, 12);
    expect(e.strata).toBe(2);
  });

  it("has the stratified binomial standard error", () => {
    const w1 = 1 / 3, w2 = 2 / 3;
    const v = w1 ** 2 * (0.1 * 0.9 / 100 + 0.04 * 0.96 / 50) + w2 ** 2 * (0.2 * 0.8 / 200 + 0.1 * 0.9 / 50);
    expect(e.standardError).toBeCloseTo(Math.sqrt(v), 12);
    expect(e.interval[0]).toBeCloseTo(e.lift - 1.959963984540054 * Math.sqrt(v), 12);
  });

  it("reports the truth over the same offers", () => {
    expect(e.truth!.lift).toBeCloseTo((9 - 3 + 42 - 20) / 300, 12);
    expect(e.truth!.relativeLift).toBeCloseTo((51 - 23) / 23, 12);
  });

  it("can use one kind of control only, and says when there is nothing to compare", () => {
    const outbidOnly = estimateIncrementalLift(rows, {controls: ["outbid"]});
    expect(outbidOnly.strata).toBe(1);
    expect(outbidOnly.lift).toBeCloseTo(0.1 - 1 / 30, 12);
    expect(Number.isNaN(estimateIncrementalLift([rows[0]]).lift)).toBe(true);
  });
});

describe("on the simulation", () => {
  let result: PipelineResult;
  beforeAll(async () => {
    result = await runRtmPipeline({options: {seed: 42, scale: "tiny", dataDir: undefined}});
  });

  it("recovers the true lift within the 95% interval (truth: the simulation's per-notification probabilities)", () => {
    const t = result.tables.get("agg_incrementality")!;
    const rows = t.offer_id.map((_, i) => Object.fromEntries(Object.keys(t).map((k) => [k, t[k][i]]))) as unknown as ExposureCounts[];
    const e = estimateIncrementalLift(rows);
    expect(e.truth).not.toBeNull();
    expect(e.truth!.lift).toBeGreaterThan(0.005);
    expect(e.truth!.lift).toBeGreaterThanOrEqual(e.interval[0]);
    expect(e.truth!.lift).toBeLessThanOrEqual(e.interval[1]);
    expect(e.coverage).toBeGreaterThan(0.5);
  });

  it("passes every data test and contains the mess it cleans", () => {
    expect(result.dataTests.filter((t) => t.status === "fail")).toEqual([]);
    const q = Object.fromEntries((result.tables.get("data_quality")!.metric as string[]).map((m, i) => [m, [result.tables.get("data_quality")!.naive_value[i], result.tables.get("data_quality")!.clean_value[i]]]));
    expect(q.duplicate_events[0]).toBeGreaterThan(0);
    expect(q.late_events[0]).toBeGreaterThan(0);
    expect(q.before_notification[1]).toBeGreaterThan(0);
    expect(q.credited_revenue[0]).toBeGreaterThan(q.credited_revenue[1] as number);
  });
});
