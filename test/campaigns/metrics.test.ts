// The campaign pages' numbers on hand-worked rows: metric definitions (ROAS, CPA, CTR, conversion
// rate, CAC as ratios of sums), the filters, and the period-over-period comparison behind the KPI
// cards' deltas.
import {describe, expect, it} from "vitest";
import {campaignFacets, campaignsOf, dailyRows, kpisOf, selectRows, selectionDays, selectionOf, selectionTotals, totalsBy, totalsByMonthAnd, type DailyRow} from "../../src/campaigns/daily.js";
import {kpiValue} from "../../src/campaigns/format.js";

const DAY = 86_400_000;
const d0 = Date.UTC(2025, 0, 1);
const row = (day: number, campaign_id: string, channel: string, spend: number, revenue: number, impressions: number, clicks: number, conversions: number, new_customers: number): DailyRow => ({
  date: d0 + day * DAY, campaign_id, campaign_name: `Campaign ${campaign_id}`, channel, impressions, clicks, conversions, spend, revenue, new_customers
});

// Four days of two campaigns. Days 0-1 are the "previous" period of days 2-3.
const rows: DailyRow[] = [
  row(0, "S1", "search", 100, 300, 10_000, 200, 10, 4),
  row(1, "S1", "search", 100, 250, 10_000, 180, 8, 2),
  row(2, "S1", "search", 120, 480, 12_000, 240, 12, 6),
  row(3, "S1", "search", 80, 320, 8_000, 160, 8, 2),
  row(2, "E1", "email", 20, 200, 40_000, 400, 5, 0),
  row(3, "E1", "email", 30, 100, 40_000, 300, 5, 1)
];
const all = {start: d0 + 2 * DAY, end: d0 + 3 * DAY, channels: ["search", "email"], campaigns: ["S1", "E1"]};

describe("metric definitions, as ratios of sums", () => {
  it("ROAS, CPA, CTR, conversion rate and CAC of days 2-3 (hand-worked)", () => {
    const k = Object.fromEntries(kpisOf(selectionTotals(rows, all, d0)).map((x) => [x.key, x]));
    // Spend 120 + 80 + 20 + 30 = 250; revenue 480 + 320 + 200 + 100 = 1100; impressions 100,000;
    // clicks 1,100; conversions 30; new customers 9.
    expect(k.spend.value).toBe(250);
    expect(k.revenue.value).toBe(1100);
    expect(k.conversions.value).toBe(30);
    expect(k.roas.value).toBeCloseTo(1100 / 250, 12); // 4.4, not the mean of the daily ROAS (4.57)
    expect(k.cpa.value).toBeCloseTo(250 / 30, 12);
    expect(k.ctr.value).toBeCloseTo(1100 / 100_000, 12);
    expect(k.cvr.value).toBeCloseTo(30 / 1100, 12);
    expect(k.cac.value).toBeCloseTo(250 / 9, 12);
    expect(kpiValue(k.roas)).toBe("4.40×");
    expect(kpiValue(k.ctr)).toBe("1.1%"); // one decimal from 1%, two below it
    expect(kpiValue(k.cpa)).toBe("$8.33");
  });

  it("undefined ratios are NaN (shown as –), not Infinity", () => {
    const k = Object.fromEntries(kpisOf(selectionTotals(rows, {...all, campaigns: []}, d0)).map((x) => [x.key, x]));
    expect(k.roas.value).toBeNaN();
    expect(kpiValue(k.roas)).toBe("–");
  });
});

describe("period over period", () => {
  it("compares with the same number of days just before, for the same channels and campaigns", () => {
    const t = selectionTotals(rows, all, d0);
    expect(t.days).toBe(2);
    expect(t.previousComplete).toBe(true);
    // Previous days 0-1: only S1 ran: spend 200, revenue 550, ROAS 2.75 → 4.4 is +60%.
    const k = Object.fromEntries(kpisOf(t).map((x) => [x.key, x]));
    expect(k.spend.previous).toBe(200);
    expect(k.roas.previous).toBeCloseTo(2.75, 12);
    expect(k.roas.change).toBeCloseTo(0.6, 12);
    expect(k.cpa.change).toBeCloseTo(250 / 30 / (200 / 18) - 1, 12);
    expect(k.cpa.better).toBe("down");
    expect(k.spend.better).toBe("neutral");
  });

  it("drops the deltas when the previous period starts before the data", () => {
    const t = selectionTotals(rows, {...all, start: d0 + DAY}, d0);
    expect(t.days).toBe(3);
    expect(t.previousComplete).toBe(false);
    expect(kpisOf(t).every((k) => Number.isNaN(k.change))).toBe(true);
  });
});

describe("filters and groupings", () => {
  it("select by dates, channels and campaigns", () => {
    expect(selectRows(rows, all)).toHaveLength(4);
    expect(selectRows(rows, {...all, channels: ["email"], campaigns: ["E1"]}).map((r) => r.spend)).toEqual([20, 30]);
    expect(selectRows(rows, {...all, campaigns: ["S1"]}).map((r) => r.campaign_id)).toEqual(["S1", "S1"]);
    expect(selectionDays(all)).toBe(2);
    expect(selectionOf({start: 1, end: 2, channel: ["a"], campaign: ["b"]})).toEqual({start: 1, end: 2, channels: ["a"], campaigns: ["b"]});
  });

  it("totals by channel and by month, and the campaign list in channel order", () => {
    const byChannel = new Map(totalsBy(rows, (r) => r.channel).map((g) => [g.key, g]));
    expect(byChannel.get("search")!.spend).toBe(400);
    expect(byChannel.get("email")!.revenue).toBe(300);
    const months = totalsByMonthAnd(rows, (r) => r.channel);
    expect(months.map((m) => [m.key, m.days, m.spend])).toEqual([["email", 2, 50], ["search", 4, 400]]);
    expect(campaignsOf(rows).map((c) => c.id)).toEqual(["S1", "E1"]); // search before email in the site's order
    const facets = campaignFacets(campaignsOf(rows));
    expect(facets[1]).toMatchObject({key: "campaign", dependsOn: "channel", options: [{value: "S1", group: "search"}, {value: "E1", group: "email"}]});
  });

  it("reads rows from anything with Arrow's toArray", () => {
    const source = {toArray: () => [{date: d0, campaign_id: "S1", campaign_name: "x", channel: "search", impressions: 1, clicks: 1, conversions: 1, spend: 2, revenue: 3, new_customers: 0}]};
    expect(dailyRows(source)[0]).toMatchObject({date: d0, spend: 2, revenue: 3});
  });
});
