// The pages' arithmetic on hand-made rows: every expected number is worked out by hand.
import {describe, expect, it} from "vitest";
import {breakdown, comparisonScopes, inScope, kpis, seasonLift, totals, weeklyBy, DAY_MS, type OrderRow, type SalesRow} from "../../src/megamart/sales.js";
import {funnelByChannel, periodMonths, storeLeague, type Store} from "../../src/megamart/stores.js";
import {tarArchive} from "../../data-loaders/shared/tar.js";
import {spawnSync} from "node:child_process";
import {mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";

const day = (iso: string) => Date.parse(iso);
const sale = (date: string, channel: string, region: string, category: string, net_revenue: number, gross_margin: number): SalesRow => ({date: day(date), channel, region, category, orders: 1, units: 1, net_revenue, gross_margin, discount: 0, refunds: 0});
const order = (date: string, channel: string, region: string, orders: number, member_orders: number, net_revenue: number): OrderRow => ({date: day(date), channel, region, orders, member_orders, first_orders: 0, members: member_orders, net_revenue, gross_margin: 0, refunds: 0});

describe("executive arithmetic", () => {
  const sales = [
    sale("2024-01-01", "store", "East", "groceries", 100, 20),
    sale("2024-01-02", "web", "Online", "fashion", 50, 25),
    sale("2024-01-08", "store", "West", "groceries", 300, 60),
    sale("2024-01-09", "app", "Online", "electronics", 200, 30)
  ];
  const orders = [order("2024-01-01", "store", "East", 2, 1, 100), order("2024-01-02", "web", "Online", 1, 1, 50), order("2024-01-08", "store", "West", 4, 2, 300), order("2024-01-09", "app", "Online", 2, 2, 200)];
  const acquisition = [
    {date: day("2024-01-08"), channel: "paid_search", spend: 90, new_members: 3},
    {date: day("2024-01-09"), channel: "in_store", spend: 0, new_members: 5}
  ];

  it("filters by period, region, channel and category", () => {
    expect(inScope(sales, {start: day("2024-01-08"), end: day("2024-01-14")})).toHaveLength(2);
    expect(inScope(sales, {start: day("2024-01-01"), end: day("2024-01-14"), regions: ["Online"], categories: ["fashion"]}).map((r) => r.net_revenue)).toEqual([50]);
  });

  it("compares with the previous period of the same length and with 52 weeks before", () => {
    const scope = {start: day("2024-01-08"), end: day("2024-01-14")};
    const {previous, lastYear} = comparisonScopes(scope);
    expect([previous.start, previous.end]).toEqual([day("2024-01-01"), day("2024-01-07")]);
    expect(lastYear.start).toBe(scope.start - 364 * DAY_MS);
  });

  it("KPIs are ratios of sums", () => {
    const now = totals(sales, orders, acquisition, {start: day("2024-01-08"), end: day("2024-01-14")});
    const before = totals(sales, orders, acquisition, {start: day("2024-01-01"), end: day("2024-01-07")});
    const k = Object.fromEntries(kpis(now, before, before).map((x) => [x.key, x]));
    expect(k.revenue.value).toBe(500); // 300 + 200
    expect(k.margin.value).toBeCloseTo(90 / 500, 12);
    expect(k.aov.value).toBe(500 / 6); // 6 orders
    expect(k.aov.previous).toBe(150 / 3);
    expect(k.memberShare.value).toBe(4 / 6);
    expect(k.newMembers.value).toBe(8);
    expect(k.cac.value).toBe(30); // 90 / 3 paid members
  });

  it("breaks down with shares and changes", () => {
    const rows = breakdown(sales.slice(2), sales.slice(0, 2), (r) => r.category, (r) => r.net_revenue);
    expect(rows).toEqual([
      {key: "groceries", value: 300, previous: 100, change: 2, share: 0.6},
      {key: "electronics", value: 200, previous: 0, change: NaN, share: 0.4}
    ]);
  });

  it("weekly series keep complete weeks only", () => {
    const week = Array.from({length: 8}, (_, i) => sale(new Date(day("2024-01-01") + i * DAY_MS).toISOString().slice(0, 10), "store", "East", "groceries", 10, 1));
    expect(weeklyBy(week, () => "all")).toEqual([{week: day("2024-01-01"), key: "all", value: 70}]);
  });

  it("a season's lift is its mean day over the ordinary days of the same year", () => {
    const rows = [sale("2024-11-11", "web", "Online", "fashion", 300, 0), sale("2024-11-01", "web", "Online", "fashion", 100, 0), sale("2024-11-02", "web", "Online", "fashion", 50, 0)];
    const seasons = new Map([[day("2024-11-11"), "11.11"], [day("2024-11-01"), null], [day("2024-11-02"), null]]);
    expect(seasonLift(rows, seasons)).toEqual([{season: "11.11", year: 2024, days: 1, perDay: 300, ordinaryPerDay: 75, lift: 4}]);
  });
});

describe("operations arithmetic", () => {
  const store = (id: string, opened: string): Store => ({store_id: id, store_name: id, region: "East", planning_area: "Tampines", format: "supermarket", size_sqft: 1000, opened_date: day(opened), latitude: 1.35, longitude: 103.94});
  const month = (store_id: string, m: string, net_revenue: number) => ({store_id, month: day(`${m}-01`), orders: 10, member_orders: 5, net_revenue, gross_margin: net_revenue / 4, refunds: 0});

  it("ranks stores, compares the same months a year earlier, and leaves new stores out of growth", () => {
    const months = [month("A", "2023-12", 100), month("A", "2024-12", 150), month("B", "2024-12", 400)];
    const league = storeLeague(months, [store("A", "2020-01-01"), store("B", "2024-06-01")], periodMonths("Last 3 months", day("2024-12-01")));
    expect(league.map((r) => [r.store_id, r.rank, r.revenue])).toEqual([["B", 1, 400], ["A", 2, 150]]);
    expect(league[1].growth).toBeCloseTo(0.5, 12);
    expect(league[0].growth).toBeNaN();
    expect(league[1].salesDensity).toBeCloseTo((150 / 1000) * 12, 12); // S$150 in one month on 1,000 sq ft, annualised
  });

  it("funnels per message channel skip control arms and SMS opens", () => {
    const arms = [
      {campaign_id: "C1", variant: "A", assigned: 10, sent: 10, delivered: 9, opened: 3, clicked: 1, attributed_purchases: 1},
      {campaign_id: "C1", variant: "control", assigned: 10, sent: 0, delivered: 0, opened: 0, clicked: 0, attributed_purchases: 0},
      {campaign_id: "C2", variant: "A", assigned: 20, sent: 20, delivered: 20, opened: 2, clicked: 2, attributed_purchases: 0}
    ];
    const funnel = funnelByChannel(arms, new Map([["C1", "email"], ["C2", "sms"]]));
    expect(funnel.filter((f) => f.channel === "email").map((f) => f.share)).toEqual([1, 0.9, 0.3, 0.1, 0.1]);
    expect(funnel.filter((f) => f.channel === "sms").map((f) => f.step)).toEqual(["sent", "delivered", "clicked", "purchased"]);
  });
});

describe("tar archive", () => {
  it("is read back by the system's tar (names, contents)", () => {
    const dir = mkdtempSync(join(tmpdir(), "megamart-tar-"));
    const archive = join(dir, "a.tar");
    writeFileSync(archive, tarArchive([{name: "a.json", data: new TextEncoder().encode('{"x":1}')}, {name: "b.arrow", data: new Uint8Array(600).fill(7)}]));
    expect(spawnSync("tar", ["tf", archive]).stdout.toString().trim().split("\n")).toEqual(["a.json", "b.arrow"]);
    expect(spawnSync("tar", ["xOf", archive, "a.json"]).stdout.toString()).toBe('{"x":1}');
  });
});
