// @vitest-environment jsdom
// Every Olist chart component, drawn under jsdom from the tiny simulation's real loader output:
// each returns an SVG (or a block of them) with marks, raises no Plot warning and draws no
// rectangle of negative size; the shopper cards state a reason for every recommendation.
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it, vi} from "vitest";
import {readArrow} from "../../data-loaders/shared/arrow.js";
import {buildOlistReport} from "../../data-loaders/olist/report.js";
import * as sales from "../../src/components/olistSales.js";
import * as customers from "../../src/components/olistCustomers.js";
import * as models from "../../src/components/olistModels.js";
import * as text from "../../src/components/olistText.js";
import {MAP_MEASURES, stateChoropleth} from "../../src/components/olistMap.js";
import {historyList, reasonText, recommendationCards, similarColumns, type ShopProduct} from "../../src/components/olistShop.js";
import {byMonth, byWeekday, categoryTotals, comparePeriods, deliveryScores, marketingShares, meanRetentionCurve, MONTH_NAMES, retention, rowsOf, stateMetrics, WEEKDAY_NAMES} from "../../src/olist/report.js";
import {sumByWeek} from "../../src/analytics/time.js";

let files: Map<string, Uint8Array>;
const table = (name: string) => rowsOf<any>(readArrow(files.get(`${name}.arrow`)!));
const warn = vi.spyOn(console, "warn");

beforeAll(async () => {
  // jsdom has no canvas; Plot's colour ramps paint one pixel per step and read it back as a data URL.
  HTMLCanvasElement.prototype.getContext = (() => ({fillStyle: "", fillRect() {}})) as never;
  HTMLCanvasElement.prototype.toDataURL = () => "data:image/png;base64,";
  const built = await buildOlistReport({seed: 7, scale: "tiny", dataDir: undefined});
  files = new Map(built.files.map((f) => [f.name, f.data]));
});
afterAll(() => warn.mockRestore());

function checkChart(el: Element) {
  const svgs = el.tagName.toLowerCase() === "svg" ? [el] : [...el.querySelectorAll("svg")];
  expect(svgs.length).toBeGreaterThan(0);
  for (const svg of svgs) {
    for (const rect of svg.querySelectorAll("rect")) {
      for (const attr of ["width", "height"]) {
        const v = rect.getAttribute(attr);
        if (v !== null && /^-?[0-9.]+$/.test(v)) expect(Number(v), `${attr} of a rect`).toBeGreaterThanOrEqual(0);
      }
    }
    expect(svg.querySelector("[aria-label=warning]") ?? null, "Plot warning glyph").toBeNull();
  }
  const warnings = warn.mock.calls.map((c) => String(c[0]).slice(0, 160));
  warn.mockClear();
  expect(warnings).toEqual([]);
}

describe("Olist charts", () => {
  it("draws the overview charts", () => {
    const daily = table("daily");
    const period = comparePeriods(daily);
    checkChart(sales.salesTrendChart(sumByWeek(daily, ["revenue", "orders"]), {width: 640}));
    checkChart(sales.categoryChart(categoryTotals(table("weekly_categories"), period.end), {width: 640}));
    checkChart(sales.weekdayChart(byWeekday(daily), {width: 320}));
    checkChart(sales.monthChart(byMonth(daily), MONTH_NAMES, {width: 320}));
    checkChart(sales.hourHeatmap(table("weekday_hours"), WEEKDAY_NAMES, {width: 640}));
    checkChart(sales.deliveryScoreChart(deliveryScores(table("delivery_scores")), {width: 640}));
    checkChart(sales.lateShareChart([{month: Date.UTC(2018, 0, 1), lateShare: 0.1, deliveries: 10}, {month: Date.UTC(2018, 1, 1), lateShare: 0.2, deliveries: 12}], {width: 640}));
    checkChart(sales.scoreShareChart([{group: "Late", score: 1, share: 0.6}, {group: "Late", score: 5, share: 0.4}], {width: 640}));
  });

  it("draws the state map for every measure, on a phone and a desktop", () => {
    const geo = JSON.parse(readFileSync(join(import.meta.dirname, "..", "..", "src", "data", "olist", "brazil-states.json"), "utf8"));
    const states = stateMetrics(table("states"));
    for (const measure of MAP_MEASURES) for (const width of [360, 700]) {
      const svg = stateChoropleth(geo, states, measure, {width});
      checkChart(svg);
      expect(svg.querySelectorAll("path").length).toBeGreaterThanOrEqual(27);
    }
  });

  it("draws the customer charts", () => {
    const cohorts = table("cohorts");
    checkChart(customers.cohortHeatmap(retention(cohorts), {width: 640}));
    checkChart(customers.retentionCurveChart(meanRetentionCurve(cohorts), {width: 320}));
    checkChart(customers.rfmSegmentChart(table("rfm_segments"), {width: 640}));
    checkChart(customers.marketingChart(marketingShares(table("marketing")).monthly, {width: 640}));
  });

  it("draws the model charts", () => {
    const clusters = table("clusters");
    checkChart(models.silhouetteChart(table("kmeans_k"), {width: 320}));
    checkChart(models.clusterScatter(table("customer_sample"), clusters.map((c: any) => c.name), {width: 640}));
    checkChart(models.truthHeatmap(table("segment_truth").filter((r: any) => r.kind === "rfm"), {width: 640}));
    const uplift = table("uplift_models");
    checkChart(models.qiniChart(table("uplift_qini"), uplift.map((m: any) => m.model), {width: 640}));
    checkChart(models.decileChart(table("uplift_deciles").filter((d: any) => d.model === uplift[0].model), {width: 640}));
    checkChart(models.holdoutChart(table("ltv_holdout"), {width: 320}));
    checkChart(models.valueByGroupChart(table("ltv_groups").filter((g: any) => g.grouping === "rfm"), {width: 640}));
    checkChart(models.concentrationChart(table("ltv_concentration"), {width: 320}));
    const metrics = table("rec_metrics");
    checkChart(models.recMetricChart(metrics, "ndcg", "NDCG@k", [...new Set(metrics.map((m: any) => m.model as string))], {width: 640}));
    checkChart(models.affinityChart(table("rec_affinity"), {width: 640}));
  });

  it("draws the review-text charts, one panel per score", () => {
    for (const by of ["count", "z_score"] as const) {
      const el = text.termsByScoreChart(table("review_terms"), {by, width: 900});
      checkChart(el);
      expect(el.querySelectorAll("svg").length).toBe(5);
    }
    checkChart(text.scoreDistributionChart(table("review_scores"), {width: 320}));
  });
});

describe("the shopper's cards", () => {
  const products = new Map<number, ShopProduct>([
    [1, {product: 1, product_id: "abcdef123456", category: "bed_bath_table", price: 89.9, rating: 4.4, reviews: 12, sales: 20, high_end: false}],
    [2, {product: 2, product_id: "99ff00aa0000", category: "bed_bath_table", price: 249, rating: 4.8, reviews: 6, sales: 7, high_end: true}]
  ]);

  it("gives every strategy a reason naming the purchase behind it", () => {
    expect(reasonText({rank: 1, product: 2, strategy: "similar", because: 1, score: 0.4}, products)).toBe("Customers who bought your bed bath table · abcdef also bought it.");
    expect(reasonText({rank: 1, product: 2, strategy: "popular", because: -1, score: 31}, products)).toBe("Popular this month: sold 31 times in the last 30 days.");
    expect(reasonText({rank: 1, product: 2, strategy: "upsell", because: 1, score: 4.8}, products)).toBe("Top rated (4.80 ★) among the priciest fifth of bed bath table, a step up from your bed bath table · abcdef.");
    expect(reasonText({rank: 1, product: 2, strategy: "als", because: 1, score: 0.9}, products)).toContain("ALS");
  });

  it("renders cards, history and similar columns", () => {
    const cards = recommendationCards([{rank: 1, product: 2, strategy: "upsell", because: 1, score: 4.8}], products);
    expect(cards.querySelectorAll(".olist-rec")).toHaveLength(1);
    expect(cards.textContent).toContain("R$ 249.00");
    expect(historyList([{product: 1, date: Date.UTC(2018, 4, 1), price: 89.9}], products).textContent).toContain("May 1, 2018");
    expect(similarColumns([{method: "ALS", rank: 1, neighbour: 2, score: 0.5}], products, ["co-purchases", "ALS", "item2vec"]).querySelectorAll("li")).toHaveLength(1);
  });
});
