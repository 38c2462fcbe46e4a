// What the Olist pages compute in the browser (src/olist/report.ts, findings.ts, format.ts),
// hand-worked on small inputs.
import {describe, expect, it} from "vitest";
import {overviewFindings} from "../../src/olist/findings.js";
import {kpiText, sourceNote} from "../../src/olist/format.js";
import {
  byMonth,
  byWeekday,
  categoryTotals,
  comparePeriods,
  curveValueAt,
  deliveryScores,
  marketingShares,
  meanRetentionCurve,
  onTimeVersusLate,
  retention,
  salesKpis,
  stateMetrics,
  topShare,
  totalsOf,
  type DailyRow
} from "../../src/olist/report.js";

const DAY = 86_400_000;
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const row = (date: number, orders: number, revenue: number, extra: Partial<DailyRow> = {}): DailyRow => ({date, orders, items: orders, revenue, freight: 0, new_customers: orders, reviews: orders, score_sum: 4 * orders, deliveries: orders, late: 0, delivery_days: 10 * orders, ...extra});

describe("sales over periods", () => {
  // 2 years of days: 1 sale of R$10 a day in the first year, 2 of R$30 in the second.
  const start = day("2017-01-01");
  const rows = Array.from({length: 730}, (_, i) => (i < 365 ? row(start + i * DAY, 1, 10) : row(start + i * DAY, 2, 30, {late: 1})));

  it("compares the last 365 days with the 365 before", () => {
    const p = comparePeriods(rows);
    expect(p.current.orders).toBe(730);
    expect(p.previous!.orders).toBe(365);
    expect(p.current.revenue).toBe(365 * 30);
    const kpis = salesKpis(p);
    expect(kpis.find((k) => k.title === "Revenue")!.change).toBeCloseTo(2, 12); // 10,950 vs 3,650
    expect(kpis.find((k) => k.title === "Average order value")!.value).toBe(15);
    expect(kpis.find((k) => k.title === "Delivered late")).toMatchObject({value: 0.5, better: "down"});
    expect(kpis.find((k) => k.title === "Mean review score")!.value).toBe(4);
  });

  it("has no previous period when the data are shorter than two", () => {
    expect(comparePeriods(rows.slice(0, 400)).previous).toBeUndefined();
  });

  it("averages sales per weekday and sums revenue per month", () => {
    const week = [0, 1, 2, 3, 4, 5, 6].map((i) => row(day("2018-01-01") + i * DAY, i + 1, 10)); // Mon 1 … Sun 7
    const wd = byWeekday([...week, row(day("2018-01-08"), 3, 10)]);
    expect(wd[0]).toMatchObject({weekday: "Monday", days: 2, orders: 2});
    expect(wd[6]).toMatchObject({weekday: "Sunday", days: 1, orders: 7});
    expect(byMonth([row(day("2018-01-31"), 1, 5), row(day("2018-02-01"), 1, 7)]).map((m) => [m.month, m.revenue])).toEqual([["Jan", 5], ["Feb", 7]]);
    expect(totalsOf(week).orders).toBe(28);
  });

  it("ranks categories by the last year's revenue with shares and growth", () => {
    const end = day("2018-12-31");
    const rows = [
      {week: end - 10 * DAY, category: "toys", orders: 1, items: 1, revenue: 300},
      {week: end - 20 * DAY, category: "auto", orders: 1, items: 2, revenue: 100},
      {week: end - 400 * DAY, category: "toys", orders: 1, items: 1, revenue: 150}
    ];
    expect(categoryTotals(rows, end)).toEqual([
      {category: "toys", revenue: 300, items: 1, share: 0.75, previous: 150, growth: 1},
      {category: "auto", revenue: 100, items: 2, share: 0.25, previous: 0, growth: NaN}
    ]);
  });
});

describe("states, delivery, cohorts and marketing", () => {
  it("derives per-state rates", () => {
    const [sp] = stateMetrics([{state: "SP", name: "São Paulo", region: "Sudeste", customers: 4, orders: 5, revenue: 400, freight: 100, deliveries: 4, late: 1, delivery_days: 40, reviews: 5, score_sum: 20, sellers: 2}]);
    expect(sp).toMatchObject({customerShare: 1, revenuePerCustomer: 100, lateShare: 0.25, meanDeliveryDays: 10, meanScore: 4, freightShare: 0.2});
  });

  it("scores deliveries by lateness", () => {
    const rows = [
      {days_vs_promise: -3, orders: 10, score_1: 0, score_2: 0, score_3: 0, score_4: 5, score_5: 5},
      {days_vs_promise: 2, orders: 4, score_1: 2, score_2: 1, score_3: 1, score_4: 0, score_5: 0}
    ];
    expect(deliveryScores(rows)[1]).toEqual({days: 2, orders: 4, meanScore: 1.75, lowShare: 0.75});
    expect(onTimeVersusLate(rows)).toEqual({onTime: {orders: 10, meanScore: 4.5, lowShare: 0}, late: {orders: 4, meanScore: 1.75, lowShare: 0.75}});
  });

  it("computes retention and a size-weighted mean curve over cohorts old enough", () => {
    const jan = day("2018-01-01");
    const feb = day("2018-02-01");
    const mar = day("2018-03-01");
    const rows = [
      {cohort: jan, months_since: 0, customers: 100, cohort_size: 100},
      {cohort: jan, months_since: 1, customers: 10, cohort_size: 100},
      {cohort: jan, months_since: 2, customers: 5, cohort_size: 100},
      {cohort: feb, months_since: 0, customers: 300, cohort_size: 300},
      {cohort: feb, months_since: 1, customers: 6, cohort_size: 300},
      {cohort: mar, months_since: 0, customers: 50, cohort_size: 50}
    ];
    expect(retention(rows).map((r) => r.retention)).toEqual([0.1, 0.05, 0.02]);
    // Month 1: Jan and Feb cohorts (March is the last, not yet a month old): 16 / 400.
    expect(meanRetentionCurve(rows)).toEqual([{months: 1, retention: 16 / 400, cohorts: 2}, {months: 2, retention: 5 / 100, cohorts: 1}]);
  });

  it("computes MOCP and MICP over the last months, with the simulation's truth when present", () => {
    const rows = [
      {month: 1, new_customers: 10, originated: 5, active_customers: 20, influenced: 4, true_originated: 6},
      {month: 2, new_customers: 30, originated: 9, active_customers: 40, influenced: 20, true_originated: 10}
    ];
    const s = marketingShares(rows, 12);
    expect(s).toMatchObject({mocp: 14 / 40, micp: 24 / 60, trueMocp: 16 / 40});
    expect(s.monthly[0]).toMatchObject({mocp: 0.5, micp: 0.2, trueMocp: 0.6});
    expect(marketingShares([{...rows[0], true_originated: -1}]).trueMocp).toBeNaN();
  });

  it("reads curves between points and measures concentration", () => {
    expect(curveValueAt([{share: 0, incremental: 0}, {share: 0.5, incremental: 10}, {share: 1, incremental: 12}], 0.25)).toBe(5);
    expect(curveValueAt([{share: 0, incremental: 0}, {share: 1, incremental: 12}], 1)).toBe(12);
    expect(topShare([5, 1, 3, 1], 1)).toBe(0.5);
  });
});

describe("sentences and formats", () => {
  it("states the overview's findings from the numbers", () => {
    const t = (orders: number, revenue: number) => ({days: 365, orders, revenue, newCustomers: 0, reviews: 0, scoreSum: 0, deliveries: 0, late: 0, deliveryDays: 0});
    const states = stateMetrics([
      {state: "SP", name: "São Paulo", region: "Sudeste", customers: 40, orders: 50, revenue: 500, freight: 0, deliveries: 0, late: 0, delivery_days: 0, reviews: 0, score_sum: 0, sellers: 0},
      {state: "RJ", name: "Rio de Janeiro", region: "Sudeste", customers: 10, orders: 10, revenue: 300, freight: 0, deliveries: 0, late: 0, delivery_days: 0, reviews: 0, score_sum: 0, sellers: 0},
      {state: "BA", name: "Bahia", region: "Nordeste", customers: 50, orders: 50, revenue: 200, freight: 0, deliveries: 0, late: 0, delivery_days: 0, reviews: 0, score_sum: 0, sellers: 0}
    ]);
    const items = overviewFindings({
      current: t(1000, 150_000),
      previous: t(800, 100_000),
      states,
      topCategory: {category: "bed_bath_table", share: 0.123},
      late: {onTime: {meanScore: 4.3, lowShare: 0.08}, late: {meanScore: 2.5, lowShare: 0.55, orders: 30}},
      peakDay: {date: day("2017-11-24"), orders: 90, meanOrders: 30}
    });
    expect(items.map((i) => i.text)).toEqual([
      "Revenue in the last 12 months was R$150K, up 50.0% on the 12 months before, from 1,000 sales.",
      "São Paulo state holds 40.0% of customers and 50.0% of revenue; with Rio de Janeiro and Minas Gerais, the Southeast makes 80.0% of sales.",
      "The largest category, bed bath table, brought 12.3% of the last 12 months' revenue.",
      "Late deliveries are reviewed at 2.50 stars on average against 4.30 for deliveries on time; 55.0% of late ones get 1 or 2 stars (8.0% of the others).",
      "The busiest day was Friday, November 24, 2017, with 90 sales, 3.0× an average day."
    ]);
    expect(items[0].tone).toBe("good");
  });

  it("formats KPIs and the data source", () => {
    expect(kpiText({kind: "money", value: 1234.5})).toBe("R$1,235");
    expect(kpiText({kind: "score", value: 4.123})).toBe("4.12 ★");
    expect(kpiText({kind: "percent", value: 0.0812})).toBe("8.1%");
    const meta = {source: {kind: "simulation" as const, seed: 42, scale: "tiny"}, asOf: day("2019-01-01"), firstPurchase: day("2017-01-02"), counts: {people: 1500, orders: 1900, sales: 1880, items: 2100, products: 300, sellers: 40, reviews: 1800}, hasTouches: true, hasPromotion: true, hasTruth: true};
    expect(sourceNote(meta)).toBe("a simulation in the public Olist dataset's schema (seed 42, scale tiny), 1,880 sales by 1,500 customers, Jan 2, 2017 to Dec 31, 2018");
    expect(sourceNote({...meta, source: {kind: "files"}})).toBe("your Olist files, 1,880 sales by 1,500 customers, Jan 2, 2017 to Dec 31, 2018");
  });
});
