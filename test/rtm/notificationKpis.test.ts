// KPI definitions on hand-worked rows.
import {describe, expect, it} from "vitest";
import {kpisWithChange, notificationKpis, type KpiInputs} from "../../src/analytics/notificationKpis.js";

const base: KpiInputs = {week: 2, city_id: 0, notifications: 200, notified_subscribers: 80, converted_subscribers: 12, converted_notifications: 14, attributed_revenue: 500, notification_cost: 20, active_previous_week: 100, retained_subscribers: 90, vendors_notifying: 40, vendors_with_attributed_purchase: 10};

describe("notification KPIs", () => {
  it("follow their definitions", () => {
    expect(notificationKpis(base)).toEqual({shareNotifiedWhoPurchased: 12 / 80, notificationConversion: 14 / 200, attributedRevenue: 500, notificationCost: 20, returnOnNotificationSpend: 25, retention: 0.9, vendorSuccessRate: 0.25});
  });

  it("have no retention without a previous week and no ratio over zero", () => {
    const k = notificationKpis({...base, active_previous_week: null, retained_subscribers: null, notification_cost: 0});
    expect(k.retention).toBeNaN();
    expect(k.returnOnNotificationSpend).toBeNaN();
  });

  it("compare a week with the one before", () => {
    const rows = [{...base, week: 1, attributed_revenue: 400, converted_subscribers: 16}, base];
    const {change, previous} = kpisWithChange(rows, {week: 2, cityId: 0});
    expect(previous).not.toBeNull();
    expect(change.attributedRevenue).toBeCloseTo(0.25, 12); // 500 vs 400
    expect(change.shareNotifiedWhoPurchased).toBeCloseTo(-0.25, 12); // 12/80 vs 16/80
    expect(kpisWithChange(rows, {week: 1, cityId: 0}).change.attributedRevenue).toBeNaN();
    expect(() => kpisWithChange(rows, {week: 3, cityId: 0})).toThrow(/no row for week 3/);
  });
});

describe("binned time to purchase", () => {
  // 10 purchases: 4 in minute 0, 4 in minute 1, 2 in minute 70. Median = the 5th: 1 of the 4 in
  // minute 1 → 1 + 1/4. Within the first hour: 8 of 10.
  const bins = [{minute: 70, purchases: 2}, {minute: 0, purchases: 4}, {minute: 1, purchases: 4}];
  it("interpolates quantiles within a minute", async () => {
    const {binnedQuantile, binnedShareBefore} = await import("../../src/analytics/notificationKpis.js");
    expect(binnedQuantile(bins, 0.5)).toBeCloseTo(1.25, 12);
    expect(binnedShareBefore(bins, 60)).toBeCloseTo(0.8, 12);
    expect(binnedQuantile([], 0.5)).toBeNaN();
  });
});
