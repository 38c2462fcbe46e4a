// The Olist models recover what the simulation planted (scale "small", 8,000 people, a few
// seconds): recommenders beat popularity on held-out purchases and find the planted bundles;
// uplift models rank people by their true response to the promotion; k-means and RFM put the
// planted loyal regulars together; lifetime values order the planted segments by their true
// purchase rates; MOCP measures the share the simulation acquired through ads. Every expected
// value comes from the simulation's truth (data-loaders/olist/simulate.ts).
import {beforeAll, describe, expect, it} from "vitest";
import {lifetimeValues} from "../../data-loaders/olist/lifetime.js";
import {marketingInfluence} from "../../data-loaders/olist/marts.js";
import {analysePromotion, type PromotionResult} from "../../data-loaders/olist/promotion.js";
import {recommend, type RecommenderResult} from "../../data-loaders/olist/recommenders.js";
import {segmentCustomers} from "../../data-loaders/olist/segments.js";
import {SEGMENT_TRUTH, simulateOlistWithTruth, type OlistSimulation, type Segment} from "../../data-loaders/olist/simulate.js";
import {stage, type Staged} from "../../data-loaders/olist/staging.js";

let sim: OlistSimulation;
let s: Staged;
let trueSegment: Map<string, Segment>;
let label: (person: number) => string;

beforeAll(() => {
  sim = simulateOlistWithTruth({seed: 42, scale: "small"});
  s = stage(sim.tables);
  trueSegment = new Map(sim.truth.people.uniqueId.map((id, i) => [id, sim.truth.people.segment[i]]));
  label = (p) => SEGMENT_TRUTH[trueSegment.get(s.people.id[p])!].label;
});

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const pearson = (x: number[], y: number[]) => {
  const mx = mean(x);
  const my = mean(y);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  x.forEach((v, i) => {
    sxy += (v - mx) * (y[i] - my);
    sxx += (v - mx) ** 2;
    syy += (y[i] - my) ** 2;
  });
  return sxy / Math.sqrt(sxx * syy);
};

describe("recommenders on held-out purchases", () => {
  let rec: RecommenderResult;
  beforeAll(() => {
    const index = new Map(sim.truth.products.productId.map((id, i) => [id, i]));
    rec = recommend(s, {bundle: Int32Array.from(s.products.id, (id) => sim.truth.products.bundle[index.get(id)!]), theme: Int32Array.from(s.products.id, (id) => sim.truth.products.theme[index.get(id)!])});
  });
  const at10 = (model: string) => rec.metrics.find((m) => m.k === 10 && m.model.startsWith(model))!;

  it("beats the popularity baseline many times over on NDCG@10 and recall@10", () => {
    const baseline = Math.max(at10("Popular in").ndcg, at10("Popular overall").ndcg);
    for (const model of ["Item-kNN", "ALS", "item2vec", "Shopper policy"]) {
      expect(at10(model).ndcg, model).toBeGreaterThan(5 * baseline);
      expect(at10(model).recall, model).toBeGreaterThan(5 * at10("Popular in").recall);
      expect(at10(model).coverage, model).toBeGreaterThan(10 * at10("Popular in").coverage);
    }
  });

  it("recovers the planted bundles: most bundle mates are among an item's 10 neighbours, chance finds under 1%", () => {
    for (const method of ["Item-kNN", "ALS", "item2vec"]) {
      const r = rec.recovery.find((x) => x.target === "planted bundles" && x.method.startsWith(method))!;
      expect(r.chanceRecall).toBeLessThan(0.01);
      expect(r.recall, method).toBeGreaterThan(0.4);
    }
    for (const method of ["ALS", "item2vec"]) {
      const r = rec.recovery.find((x) => x.target === "planted themes" && x.method.startsWith(method))!;
      expect(r.precision, method).toBeGreaterThan(4 * r.chance);
    }
  });
});

describe("promotion uplift", () => {
  let up: PromotionResult;
  let testTruth: number;
  beforeAll(() => {
    const trueEffect = new Map(sim.truth.people.uniqueId.map((id, i) => [id, sim.truth.people.promoEffect[i]]));
    up = analysePromotion(s, sim.tables.get("olist_promotion_assignments"), {trueEffect, groupOf: label});
    testTruth = mean(sim.truth.people.promoEffect.filter((v) => Number.isFinite(v)));
  });

  it("estimates the average effect with an interval that holds the planted mean effect", () => {
    expect(up.ate!.lower95).toBeLessThan(testTruth);
    expect(up.ate!.upper95).toBeGreaterThan(testTruth);
    expect(up.ate!.lower95).toBeGreaterThan(0);
  });

  it("ranks holdout customers by their true response: predictions correlate with the planted effects and the top decile responds several times more than the bottom", () => {
    const h = up.holdout!;
    expect(pearson(h.predicted, h.trueEffect)).toBeGreaterThan(0.3);
    const order = h.predicted.map((_, i) => i).sort((a, b) => h.predicted[b] - h.predicted[a]);
    const tenth = Math.floor(order.length / 10);
    const top = mean(order.slice(0, tenth).map((i) => h.trueEffect[i]));
    const bottom = mean(order.slice(-tenth).map((i) => h.trueEffect[i]));
    expect(top).toBeGreaterThan(3 * bottom);
    expect(up.qini!["T-learner (two logistic models)"]).toBeGreaterThan(0.05);
    expect(up.qini!["Planted truth (true effect)"]).toBeGreaterThan(up.qini!["T-learner (two logistic models)"] - 0.05);
  });

  it("finds the planted heterogeneity by segment: bargain hunters respond, big spenders do not", () => {
    const groups = up.outputs.find((o) => o.spec.name === "uplift_groups")!.columns as Record<string, ArrayLike<any>>;
    const effect = (g: string) => {
      const i = Array.from(groups.group).indexOf(g);
      return (groups.treated_rate[i] as number) - (groups.control_rate[i] as number);
    };
    // Planted responses (SEGMENT_TRUTH.promoResponse): bargain hunters 0.08, big spenders 0.
    expect(effect("Bargain hunters")).toBeGreaterThan(effect("Big spenders") + 0.03);
    expect(Math.abs(effect("Big spenders"))).toBeLessThan(0.04);
  });
});

describe("segments and lifetime value", () => {
  it("k-means puts the planted loyal regulars in the repeat-buyer cluster, several times their share of customers", () => {
    const seg = segmentCustomers(s, trueSegment);
    const repeat = seg.clusterNames.findIndex((n) => n.includes("repeat"));
    expect(repeat).toBeGreaterThanOrEqual(0);
    let loyal = 0;
    let loyalInRepeat = 0;
    let inRepeat = 0;
    let all = 0;
    seg.byPerson.forEach((c, p) => {
      if (!c) return;
      all++;
      const isLoyal = trueSegment.get(s.people.id[p]) === "loyal_regulars";
      if (isLoyal) loyal++;
      if (seg.cluster[p] === repeat) {
        inRepeat++;
        if (isLoyal) loyalInRepeat++;
      }
    });
    expect(loyalInRepeat / loyal).toBeGreaterThan(0.6);
    expect(loyalInRepeat / inRepeat).toBeGreaterThan(3 * (loyal / all));
    expect(seg.ariClusters).toBeGreaterThan(0.05);
  });

  it("orders the planted segments by value as their true purchase rates do, and forecasts the holdout", () => {
    const ltv = lifetimeValues(s, [{name: "truth", of: label}]);
    const groups = ltv.outputs.find((o) => o.spec.name === "ltv_groups")!.columns as Record<string, ArrayLike<any>>;
    const value = (g: string) => groups.mean_clv[Array.from(groups.group).indexOf(g)] as number;
    // Planted repeat rates: loyal regulars 3.5/year, occasional shoppers 0.7, bargain hunters 0.35.
    expect(value("Loyal regulars")).toBeGreaterThan(2 * value("Occasional shoppers"));
    expect(value("Occasional shoppers")).toBeGreaterThan(value("Bargain hunters"));
    expect(ltv.holdoutCorrelation).toBeGreaterThan(0.3);
  });
});

describe("marketing-originated customers", () => {
  it("measures MOCP within two points of the share the simulation acquired through ads", () => {
    const originated = new Map(sim.truth.people.uniqueId.map((id, i) => [id, sim.truth.people.adOriginated[i]]));
    const m = marketingInfluence(s, sim.tables.get("olist_marketing_touches"), originated).columns as Record<string, ArrayLike<number>>;
    const sum = (c: string) => Array.from(m[c]).reduce((a, b) => a + b, 0);
    expect(Math.abs(sum("originated") / sum("new_customers") - sum("true_originated") / sum("new_customers"))).toBeLessThan(0.02);
    expect(sum("influenced") / sum("active_customers")).toBeGreaterThan(sum("originated") / sum("new_customers"));
  });
});
