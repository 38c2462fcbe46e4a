/**
 * Recommendations (src/analytics/recommend/): offline evaluation on a time split, recovery of the
 * planted bundles, and the recommendations the shopper page shows.
 *
 * Evaluation: purchases before the cutoff (120 days before the end) train every model; each
 * customer who bought on both sides gets k items they had not bought, checked against what they
 * bought after the cutoff. Models: popularity (last 30 days, all time), item-kNN on co-purchases,
 * ALS (Hu, Koren & Volinsky 2008), item2vec with customer2vec averaging, and the shopper policy
 * (upsell for big spenders, ALS for repeat customers, similar items after one purchase).
 * Personalised lists are topped up with the month's popular items when a model has fewer than k.
 * The shopper page: the same models refitted on all purchases, for a stratified sample of
 * customers of each persona and for a new visitor.
 */
import {
  alsScores,
  bayesianAverageRating,
  buildInteractions,
  cooccurrenceNeighbours,
  evaluateRecommender,
  fitAls,
  groupRecovery,
  itemsOf,
  neighboursOf,
  normalizeRows,
  popularityCounts,
  popularityRanking,
  takeFromRanking,
  recommendByEmbedding,
  recommendFromNeighbours,
  recommendPopular,
  timeSplit,
  topK,
  topRatedHighEnd,
  trainItem2Vec,
  vectorNeighbours,
  groupQuantiles,
  type AlsModel,
  type ItemEmbeddings,
  type ItemNeighbours,
  type Scored
} from "../../src/analytics/recommend/index.js";
import {hashString} from "../../src/analytics/random.js";
import {DAY_MS} from "../shared/schema.js";
import {out, type Output} from "./output.js";
import type {Staged} from "./staging.js";

export const RECOMMENDER_SETTINGS = {
  testDays: 120,
  popularDays: 30,
  ks: [5, 10, 20],
  als: {factors: 48, regularization: 0.5, alpha: 40, iterations: 8, solver: "cg" as const, cgSteps: 3, seed: 42},
  item2vec: {dimensions: 16, window: 5, negatives: 5, epochs: 25, learningRate: 0.08, seed: 42},
  neighbours: 50,
  bigSpenderQuantile: 0.95,
  showcasePerPersona: 150,
  showcaseRecs: 8,
  similarProducts: 300,
  similarPerProduct: 6
};

interface Events {
  person: Int32Array;
  product: Int32Array;
  time: Float64Array;
}

function saleEvents(s: Staged): Events {
  const rows: number[] = [];
  for (let r = 0; r < s.items.order.length; r++) if (s.orders.valid[s.items.order[r]]) rows.push(r);
  // Items in order of purchase time (orders are staged in time order; items keep their order).
  rows.sort((a, b) => s.items.order[a] - s.items.order[b] || a - b);
  return {
    person: Int32Array.from(rows, (r) => s.orders.person[s.items.order[r]]),
    product: Int32Array.from(rows, (r) => s.items.product[r]),
    time: Float64Array.from(rows, (r) => s.orders.purchase[s.items.order[r]])
  };
}

/** Models fitted on one set of events, with what the recommenders need. */
interface Fitted {
  interactions: ReturnType<typeof buildInteractions>;
  popular: Float64Array;
  popularRanking: Int32Array;
  als: AlsModel;
  item2vec: ItemEmbeddings;
  unitVectors: Float64Array;
  cooccurrence: ItemNeighbours;
  sequences: number[][];
}

function fitModels(events: Events, rows: ArrayLike<number>, people: number, products: number, popularSince: number, popularUntil: number): Fitted {
  const person = Int32Array.from(rows, (e) => events.person[e]);
  const product = Int32Array.from(rows, (e) => events.product[e]);
  const interactions = buildInteractions(person, product, {users: people, items: products});
  const popular = popularityCounts(product, products, {times: Float64Array.from(rows, (e) => events.time[e]), since: popularSince, until: popularUntil});
  const als = fitAls(interactions, RECOMMENDER_SETTINGS.als);
  const sequences: number[][] = Array.from({length: people}, () => []);
  for (let k = 0; k < person.length; k++) sequences[person[k]].push(product[k]);
  const item2vec = trainItem2Vec(sequences, products, RECOMMENDER_SETTINGS.item2vec);
  const cooccurrence = cooccurrenceNeighbours(interactions, {k: RECOMMENDER_SETTINGS.neighbours});
  return {interactions, popular, popularRanking: popularityRanking(popular), als, item2vec, unitVectors: normalizeRows(item2vec.vectors, item2vec.dimensions), cooccurrence, sequences};
}

/** Tops a list up to k with popular items (from a popularity ranking) not already in it or excluded. */
function fill(list: Scored[], ranking: Int32Array, k: number, exclude: ReadonlySet<number>): number[] {
  const items = list.slice(0, k).map((s) => s.item);
  if (items.length >= k) return items;
  const taken = new Set([...exclude, ...items]);
  return [...items, ...takeFromRanking(ranking, k - items.length, taken)];
}

export interface ProductInfo {
  price: Float64Array;
  category: Int32Array;
  rating: Float64Array;
  reviews: Float64Array;
  sales: Float64Array;
}

function productInfo(s: Staged): ProductInfo {
  const n = s.products.id.length;
  const prices: number[][] = Array.from({length: n}, () => []);
  const scoreSum = new Float64Array(n);
  const reviews = new Float64Array(n);
  const sales = new Float64Array(n);
  for (let r = 0; r < s.items.order.length; r++) {
    const p = s.items.product[r];
    const k = s.items.order[r];
    prices[p].push(s.items.price[r]);
    if (!s.orders.valid[k]) continue;
    sales[p]++;
    if (Number.isFinite(s.orders.score[k])) {
      scoreSum[p] += s.orders.score[k];
      reviews[p]++;
    }
  }
  const price = Float64Array.from(prices, (list) => {
    if (list.length === 0) return NaN;
    const sorted = [...list].sort((a, b) => a - b);
    return sorted[Math.floor((sorted.length - 1) / 2)];
  });
  return {price, category: s.products.category, rating: bayesianAverageRating(scoreSum, reviews, {priorWeight: 5}), reviews, sales};
}

type Strategy = "als" | "item2vec" | "cooccurrence" | "upsell" | "similar" | "popular";

interface Policy {
  persona: (person: number) => "big_spender" | "repeat" | "one_time" | "new_visitor";
  recommend: (person: number, k: number) => {item: number; strategy: Strategy; because: number; score: number}[];
}

function makePolicy(fitted: Fitted, info: ProductInfo, orders: Map<number, number>, spend: Map<number, number>, bigSpender: number): Policy {
  const {interactions, popular, als, unitVectors, item2vec} = fitted;
  const persona: Policy["persona"] = (p) => {
    const n = orders.get(p) ?? 0;
    if (n === 0) return "new_visitor";
    if ((spend.get(p) ?? 0) >= bigSpender) return "big_spender";
    return n >= 2 ? "repeat" : "one_time";
  };
  const d = item2vec.dimensions;
  const cosine = (a: number, b: number) => {
    let s = 0;
    for (let j = 0; j < d; j++) s += unitVectors[a * d + j] * unitVectors[b * d + j];
    return s;
  };
  const alsCosine = (a: number, b: number) => {
    const f = als.factors;
    let s = 0;
    let na = 0;
    let nb = 0;
    for (let j = 0; j < f; j++) {
      s += als.itemFactors[a * f + j] * als.itemFactors[b * f + j];
      na += als.itemFactors[a * f + j] ** 2;
      nb += als.itemFactors[b * f + j] ** 2;
    }
    return na > 0 && nb > 0 ? s / Math.sqrt(na * nb) : 0;
  };
  const popularList = (k: number, exclude: ReadonlySet<number>) => takeFromRanking(fitted.popularRanking, k, exclude).map((item) => ({item, strategy: "popular" as Strategy, because: -1, score: popular[item]}));
  const recommend: Policy["recommend"] = (p, k) => {
    const history = Array.from(itemsOf(interactions, p));
    const exclude = new Set(history);
    let picks: {item: number; strategy: Strategy; because: number; score: number}[] = [];
    const kind = persona(p);
    if (kind === "big_spender") {
      const categories = new Set(history.map((i) => info.category[i]).filter((c) => c >= 0));
      picks = topRatedHighEnd(info, {k, exclude, categories}).map((x) => ({item: x.item, strategy: "upsell" as Strategy, because: history.find((h) => info.category[h] === info.category[x.item]) ?? -1, score: x.score}));
      if (picks.length < k) {
        const taken = new Set([...exclude, ...picks.map((x) => x.item)]);
        picks.push(...topRatedHighEnd(info, {k: k - picks.length, exclude: taken}).map((x) => ({item: x.item, strategy: "upsell" as Strategy, because: -1, score: x.score})));
      }
    } else if (kind === "repeat") {
      picks = topK(alsScores(als, p), k, {exclude}).map((x) => ({item: x.item, strategy: "als" as Strategy, because: history.reduce((best, h) => (alsCosine(h, x.item) > alsCosine(best, x.item) ? h : best), history[0]), score: x.score}));
    } else if (kind === "one_time") {
      // "Customers who bought this also bought" first; item2vec neighbours where co-purchases run out.
      const byCopurchase = recommendFromNeighbours(fitted.cooccurrence, history, {k, exclude});
      const becauseCopurchase = (item: number) => {
        let best = history[0];
        let bestScore = -Infinity;
        for (const h of history) {
          const hit = neighboursOf(fitted.cooccurrence, h).find((x) => x.item === item);
          if (hit && hit.score > bestScore) {
            bestScore = hit.score;
            best = h;
          }
        }
        return best;
      };
      picks = byCopurchase.map((x) => ({item: x.item, strategy: "similar" as Strategy, because: becauseCopurchase(x.item), score: x.score}));
      if (picks.length < k) {
        const taken = new Set([...exclude, ...picks.map((x) => x.item)]);
        picks.push(...recommendByEmbedding(unitVectors, d, history, {k: k - picks.length, exclude: taken, counts: item2vec.counts}).map((x) => ({item: x.item, strategy: "similar" as Strategy, because: history.reduce((best, h) => (cosine(h, x.item) > cosine(best, x.item) ? h : best), history[0]), score: x.score})));
      }
    }
    if (picks.length < k) {
      const taken = new Set([...exclude, ...picks.map((x) => x.item)]);
      picks.push(...popularList(k - picks.length, taken));
    }
    return picks.slice(0, k);
  };
  return {persona, recommend};
}

export interface RecommenderResult {
  outputs: Output[];
  metrics: {model: string; k: number; precision: number; recall: number; ndcg: number; hit: number; coverage: number}[];
  recovery: {method: string; target: string; recall: number; precision: number; chance: number; chanceRecall: number}[];
}

export function recommend(s: Staged, truth?: {bundle: Int32Array; theme: Int32Array}): RecommenderResult {
  const events = saleEvents(s);
  const people = s.people.id.length;
  const products = s.products.id.length;
  const cutoff = s.asOf - RECOMMENDER_SETTINGS.testDays * DAY_MS;
  const split = timeSplit(events.person, events.product, events.time, cutoff);
  const train = fitModels(events, split.train, people, products, cutoff - RECOMMENDER_SETTINGS.popularDays * DAY_MS, cutoff);
  const allTime = popularityCounts(Int32Array.from(split.train, (e) => events.product[e]), products);
  const allTimeRanking = popularityRanking(allTime);
  const catalogue = allTime.reduce((n, c) => n + (c > 0 ? 1 : 0), 0);
  const info = productInfo(s);
  const kMax = Math.max(...RECOMMENDER_SETTINGS.ks);

  // Spend and orders per person before the cutoff (for the policy's personas).
  const trainOrders = new Map<number, number>();
  const trainSpend = new Map<number, number>();
  const seenOrder = new Set<number>();
  for (let k = 0; k < s.orders.id.length; k++) {
    if (!s.orders.valid[k] || s.orders.purchase[k] >= cutoff) continue;
    const p = s.orders.person[k];
    if (!seenOrder.has(k)) {
      seenOrder.add(k);
      trainOrders.set(p, (trainOrders.get(p) ?? 0) + 1);
      trainSpend.set(p, (trainSpend.get(p) ?? 0) + s.orders.revenue[k]);
    }
  }
  const spends = [...trainSpend.values()].sort((a, b) => a - b);
  const bigSpender = spends[Math.floor(RECOMMENDER_SETTINGS.bigSpenderQuantile * (spends.length - 1))] ?? Infinity;
  const trainInfo = {...info, ...ratingBefore(s, cutoff)};
  const policy = makePolicy(train, trainInfo, trainOrders, trainSpend, bigSpender);

  const history = (p: number) => Array.from(itemsOf(train.interactions, p));
  const models: [string, (p: number) => number[]][] = [
    ["Popular in the last 30 days", (p) => fill([], train.popularRanking, kMax, new Set(history(p)))],
    ["Popular overall", (p) => fill([], allTimeRanking, kMax, new Set(history(p)))],
    ["Item-kNN (co-purchases)", (p) => fill(recommendFromNeighbours(train.cooccurrence, history(p), {k: kMax, exclude: new Set(history(p))}), train.popularRanking, kMax, new Set(history(p)))],
    ["ALS (implicit feedback)", (p) => fill(topK(alsScores(train.als, p), kMax, {exclude: new Set(history(p))}), train.popularRanking, kMax, new Set(history(p)))],
    ["item2vec + customer2vec", (p) => fill(recommendByEmbedding(train.unitVectors, train.item2vec.dimensions, history(p), {k: kMax, exclude: new Set(history(p)), counts: train.item2vec.counts}), train.popularRanking, kMax, new Set(history(p)))],
    ["Shopper policy (personas)", (p) => policy.recommend(p, kMax).map((x) => x.item)]
  ];
  const metrics: RecommenderResult["metrics"] = [];
  for (const [name, fn] of models) {
    const cache = new Map<number, number[]>();
    const lists = (p: number) => cache.get(p) ?? cache.set(p, fn(p)).get(p)!;
    for (const k of RECOMMENDER_SETTINGS.ks) {
      const r = evaluateRecommender(lists, split.heldOut, {k, catalogue});
      metrics.push({model: name, k, precision: r.precision, recall: r.recall, ndcg: r.ndcg, hit: r.hit, coverage: r.coverage});
    }
  }
  const testCustomers = [...split.heldOut.values()].filter((v) => v.size > 0).length;
  const metricTable = out("rec_metrics", "Offline evaluation on the time split: ranking metrics of each recommender at k = 5, 10, 20.", "model × k", [
    ["model", "utf8", "Recommender."],
    ["k", "int32", "List length."],
    ["customers", "int32", "Customers scored (bought before and after the cutoff)."],
    ["precision", "float64", "Mean precision@k."],
    ["recall", "float64", "Mean recall@k."],
    ["ndcg", "float64", "Mean NDCG@k."],
    ["hit_rate", "float64", "Share of customers with at least one hit in k."],
    ["coverage", "float64", "Distinct items recommended / items bought before the cutoff."]
  ], {model: metrics.map((m) => m.model), k: metrics.map((m) => m.k), customers: metrics.map(() => testCustomers), precision: metrics.map((m) => m.precision), recall: metrics.map((m) => m.recall), ndcg: metrics.map((m) => m.ndcg), hit_rate: metrics.map((m) => m.hit), coverage: metrics.map((m) => m.coverage)});
  const splitTable = out("rec_split", "The time split of the offline evaluation.", "one row", [
    ["cutoff", "date", "First day of the test period."],
    ["train_purchases", "int32", "Item purchases before it."],
    ["test_customers", "int32", "Customers with purchases on both sides."],
    ["test_items", "int32", "Their new items after the cutoff (relevant items)."],
    ["dropped_new_customers", "int32", "Test purchases by customers with no history (cold start; not scored)."],
    ["dropped_repeats", "int32", "Test purchases of items the customer had bought before (not counted)."],
    ["catalogue", "int32", "Items bought before the cutoff (coverage denominator)."]
  ], {cutoff: [cutoff / DAY_MS], train_purchases: [split.train.length], test_customers: [testCustomers], test_items: [[...split.heldOut.values()].reduce((n, v) => n + v.size, 0)], dropped_new_customers: [split.droppedColdStart], dropped_repeats: [split.droppedRepeats], catalogue: [catalogue]});

  // Recovery of the planted bundles and themes by each item similarity (items bought before the cutoff).
  const recovery: RecommenderResult["recovery"] = [];
  const sold = Int32Array.from({length: products}, (_, i) => i).filter((i) => allTime[i] > 0);
  if (truth) {
    const alsNeighbours = vectorNeighbours(train.als.itemFactors, train.als.factors, {k: 10, include: sold, of: sold});
    const trained = sold.filter((i) => train.item2vec.counts[i] > 0);
    const w2vNeighbours = vectorNeighbours(train.item2vec.vectors, train.item2vec.dimensions, {k: 10, include: trained, of: trained});
    const methods: [string, (i: number) => number[], ArrayLike<number>][] = [
      ["Item-kNN (co-purchases)", (i) => neighboursOf(train.cooccurrence, i).map((x) => x.item), sold],
      ["ALS item factors", (i) => neighboursOf(alsNeighbours, i).map((x) => x.item), sold],
      ["item2vec vectors", (i) => neighboursOf(w2vNeighbours, i).map((x) => x.item), trained]
    ];
    for (const [target, groups] of [["planted bundles", truth.bundle], ["planted themes", truth.theme]] as const) {
      const soldGroups = Int32Array.from(groups, (g, i) => (allTime[i] > 0 ? g : -1));
      for (const [method, fn, items] of methods) {
        const r = groupRecovery(fn, soldGroups, {k: 10, items});
        recovery.push({method, target, recall: r.recall, precision: r.precision, chance: r.chance, chanceRecall: r.chanceRecall});
      }
    }
  }
  const recoveryTable = out("rec_affinity", "Simulation only: how many of an item's planted bundle (or theme) mates are among its 10 nearest neighbours.", "method × target", [
    ["method", "utf8", "Item similarity."],
    ["target", "utf8", "planted bundles or planted themes."],
    ["recall", "float64", "Mean share of an item's mates (at most 10) found among its 10 neighbours."],
    ["precision", "float64", "Mean share of the 10 neighbours that are mates."],
    ["chance", "float64", "The precision of 10 random neighbours."],
    ["chance_recall", "float64", "The recall of 10 random neighbours."]
  ], {method: recovery.map((r) => r.method), target: recovery.map((r) => r.target), recall: recovery.map((r) => r.recall), precision: recovery.map((r) => r.precision), chance: recovery.map((r) => r.chance), chance_recall: recovery.map((r) => r.chanceRecall)});

  // The shopper page: models on all purchases.
  const asOf = s.asOf;
  const all = fitModels(events, Int32Array.from({length: events.person.length}, (_, i) => i), people, products, asOf - RECOMMENDER_SETTINGS.popularDays * DAY_MS, asOf);
  const orders = new Map<number, number>();
  const spend = new Map<number, number>();
  const lastPurchase = new Map<number, number>();
  for (let k = 0; k < s.orders.id.length; k++) {
    if (!s.orders.valid[k]) continue;
    const p = s.orders.person[k];
    orders.set(p, (orders.get(p) ?? 0) + 1);
    spend.set(p, (spend.get(p) ?? 0) + s.orders.revenue[k]);
    lastPurchase.set(p, s.orders.purchase[k]);
  }
  const allSpends = [...spend.values()].sort((a, b) => a - b);
  const shopPolicy = makePolicy(all, info, orders, spend, allSpends[Math.floor(RECOMMENDER_SETTINGS.bigSpenderQuantile * (allSpends.length - 1))] ?? Infinity);
  // Showcase: per persona, the people with the smallest hash of their id (a stable pseudo-random sample).
  const byPersona = new Map<string, number[]>();
  for (const p of orders.keys()) {
    const kind = shopPolicy.persona(p);
    (byPersona.get(kind) ?? byPersona.set(kind, []).get(kind)!).push(p);
  }
  const showcase: number[] = [];
  for (const kind of ["repeat", "big_spender", "one_time"]) {
    const list = (byPersona.get(kind) ?? []).sort((a, b) => hashString(s.people.id[a]) - hashString(s.people.id[b]) || a - b);
    showcase.push(...list.slice(0, RECOMMENDER_SETTINGS.showcasePerPersona));
  }
  showcase.sort((a, b) => s.people.id[a].localeCompare(s.people.id[b]));
  const recRows: {person: string; rank: number; product: number; strategy: string; because: number; score: number}[] = [];
  for (const p of showcase) {
    shopPolicy.recommend(p, RECOMMENDER_SETTINGS.showcaseRecs).forEach((r, i) => recRows.push({person: s.people.id[p], rank: i + 1, product: r.item, strategy: r.strategy, because: r.because, score: r.score}));
  }
  const popularNow = recommendPopular(all.popular, {k: RECOMMENDER_SETTINGS.showcaseRecs * 2});
  for (const [i, r] of popularNow.slice(0, RECOMMENDER_SETTINGS.showcaseRecs).entries()) recRows.push({person: "", rank: i + 1, product: r.item, strategy: "popular", because: -1, score: r.score});
  const historyRows: {person: string; product: number; date: number; price: number}[] = [];
  const showcaseSet = new Set(showcase);
  for (let r = 0; r < s.items.order.length; r++) {
    const k = s.items.order[r];
    if (!s.orders.valid[k] || !showcaseSet.has(s.orders.person[k])) continue;
    historyRows.push({person: s.people.id[s.orders.person[k]], product: s.items.product[r], date: Math.floor(s.orders.purchase[k] / DAY_MS), price: s.items.price[r]});
  }
  historyRows.sort((a, b) => a.person.localeCompare(b.person) || a.date - b.date || a.product - b.product);

  // Similar items for the best sellers: three similarities side by side.
  const best = topK(info.sales, RECOMMENDER_SETTINGS.similarProducts).map((x) => x.item);
  const allSold = Int32Array.from({length: products}, (_, i) => i).filter((i) => info.sales[i] > 0);
  const allTrained = allSold.filter((i) => all.item2vec.counts[i] > 0);
  const kSim = RECOMMENDER_SETTINGS.similarPerProduct;
  const simMethods: [string, ItemNeighbours][] = [
    ["co-purchases", all.cooccurrence],
    ["ALS", vectorNeighbours(all.als.itemFactors, all.als.factors, {k: kSim, include: allSold, of: best})],
    ["item2vec", vectorNeighbours(all.item2vec.vectors, all.item2vec.dimensions, {k: kSim, include: allTrained, of: best.filter((i) => all.item2vec.counts[i] > 0)})]
  ];
  const simRows: {product: number; method: string; rank: number; neighbour: number; score: number}[] = [];
  for (const p of best) for (const [method, n] of simMethods) neighboursOf(n, p).slice(0, kSim).forEach((x, r) => simRows.push({product: p, method, rank: r + 1, neighbour: x.item, score: x.score}));

  // Products referenced by the shopper tables.
  const used = new Set<number>([...recRows.map((r) => r.product), ...recRows.map((r) => r.because).filter((b) => b >= 0), ...historyRows.map((r) => r.product), ...simRows.map((r) => r.product), ...simRows.map((r) => r.neighbour)]);
  const productList = [...used].sort((a, b) => a - b);
  const highEnd = groupQuantiles(info.price, info.category, 0.8);
  const productTable = out("shop_products", "Products shown on the shopper page.", "product", [
    ["product", "int32", "Product index (key of the shopper tables)."],
    ["product_id", "utf8", "Product key of the source data."],
    ["category", "utf8", "Category (English)."],
    ["price", "float64", "Median item price (BRL)."],
    ["rating", "float64", "Bayesian average review score (prior weight 5 reviews)."],
    ["reviews", "int32", "Reviewed sales."],
    ["sales", "int32", "Items sold."],
    ["high_end", "bool", "Priced at or above its category's 80th percentile."]
  ], {
    product: productList, product_id: productList.map((i) => s.products.id[i]), category: productList.map((i) => (info.category[i] < 0 ? "(no category)" : s.categories.english[info.category[i]])),
    price: productList.map((i) => info.price[i]), rating: productList.map((i) => info.rating[i]), reviews: productList.map((i) => info.reviews[i]), sales: productList.map((i) => info.sales[i]),
    high_end: productList.map((i) => info.price[i] >= (highEnd.get(info.category[i]) ?? Infinity))
  });
  const customerTable = out("shop_customers", "The customers shown on the shopper page: a stable sample of each persona.", "customer", [
    ["customer_unique_id", "utf8", "Person."],
    ["persona", "utf8", "big_spender (top 5% by spend), repeat (2+ sales) or one_time."],
    ["state", "utf8", "State."],
    ["city", "utf8", "City."],
    ["orders", "int32", "Sales."],
    ["spend", "float64", "Revenue (BRL)."],
    ["last_purchase", "date", "Day of the last sale."]
  ], {
    customer_unique_id: showcase.map((p) => s.people.id[p]), persona: showcase.map((p) => shopPolicy.persona(p)), state: showcase.map((p) => s.people.state[p]), city: showcase.map((p) => s.people.city[p]),
    orders: showcase.map((p) => orders.get(p) ?? 0), spend: showcase.map((p) => spend.get(p) ?? 0), last_purchase: showcase.map((p) => Math.floor((lastPurchase.get(p) ?? 0) / DAY_MS))
  });
  const historyTable = out("shop_history", "What the showcase customers bought.", "item bought", [
    ["customer_unique_id", "utf8", "Person."],
    ["product", "int32", "Product index."],
    ["date", "date", "Purchase day."],
    ["price", "float64", "Price paid (BRL)."]
  ], {customer_unique_id: historyRows.map((r) => r.person), product: historyRows.map((r) => r.product), date: historyRows.map((r) => r.date), price: historyRows.map((r) => r.price)});
  const recTable = out("shop_recs", "Recommendations per showcase customer (and, with an empty customer, for a new visitor).", "customer × rank", [
    ["customer_unique_id", "utf8", "Person; empty for a new visitor."],
    ["rank", "int32", "Position in the list."],
    ["product", "int32", "Product index."],
    ["strategy", "utf8", "popular, upsell, similar or als."],
    ["because", "int32", "The purchase that led to it (-1: none)."],
    ["score", "float64", "The strategy's score (purchases, rating, cosine or ALS preference)."]
  ], {customer_unique_id: recRows.map((r) => r.person), rank: recRows.map((r) => r.rank), product: recRows.map((r) => r.product), strategy: recRows.map((r) => r.strategy), because: recRows.map((r) => r.because), score: recRows.map((r) => r.score)});
  const simTable = out("shop_similar", "The best-selling products' nearest neighbours by three similarities.", "product × method × rank", [
    ["product", "int32", "Product index."],
    ["method", "utf8", "co-purchases, ALS or item2vec."],
    ["rank", "int32", "Neighbour rank."],
    ["neighbour", "int32", "Neighbour product index."],
    ["score", "float64", "Cosine similarity."]
  ], {product: simRows.map((r) => r.product), method: simRows.map((r) => r.method), rank: simRows.map((r) => r.rank), neighbour: simRows.map((r) => r.neighbour), score: simRows.map((r) => r.score)});

  return {outputs: [metricTable, splitTable, recoveryTable, productTable, customerTable, historyTable, recTable, simTable], metrics, recovery};
}

/** Bayesian average rating and review counts per product from reviews created before a time. */
function ratingBefore(s: Staged, before: number): {rating: Float64Array; reviews: Float64Array} {
  const n = s.products.id.length;
  const sum = new Float64Array(n);
  const count = new Float64Array(n);
  const productsOf = new Map<number, number[]>();
  for (let r = 0; r < s.items.order.length; r++) (productsOf.get(s.items.order[r]) ?? productsOf.set(s.items.order[r], []).get(s.items.order[r])!).push(s.items.product[r]);
  for (let r = 0; r < s.reviews.order.length; r++) {
    if (s.reviews.created[r] >= before) continue;
    for (const p of productsOf.get(s.reviews.order[r]) ?? []) {
      sum[p] += s.reviews.score[r];
      count[p]++;
    }
  }
  return {rating: bayesianAverageRating(sum, count, {priorWeight: 5}), reviews: count};
}
