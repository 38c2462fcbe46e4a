/**
 * Olist report benchmark: the recommenders on the default-scale matrix (60,000 customers × 5,000
 * products, the time split of the report) and the whole loader.
 * Run: npx tsx bench/olist.ts [--loader-only | --models-only]
 *
 * 1. ALS with the report's settings, three ways to solve the same normal equations: exact
 *    Cholesky solves for every row (Hu, Koren & Volinsky's algorithm, the baseline = 1.00), the
 *    same plus exact Woodbury solves for rows with ≤ 8 purchases, and conjugate gradients (3
 *    steps) plus Woodbury (the report's default); then item2vec at 10 and 25 epochs (default) and
 *    item-kNN. Each row: fit time, time ÷ baseline, NDCG@10 and recall@10 on held-out purchases,
 *    and the share of planted bundle mates among an item's 10 neighbours.
 * 2. The loader (buildOlistReport) at SCALE default, seed 42: wall and CPU seconds per stage.
 * Times are wall-clock on a shared 2-core machine: compare ratios, not seconds, across machines.
 */
import {cpuUsage} from "node:process";
import {buildInteractions, cooccurrenceNeighbours, evaluateRecommender, fitAls, alsScores, groupRecovery, itemsOf, neighboursOf, normalizeRows, popularityCounts, popularityRanking, recommendByEmbedding, recommendFromNeighbours, takeFromRanking, timeSplit, topK, trainItem2Vec, vectorNeighbours, type Scored} from "../src/analytics/recommend/index.js";
import {buildOlistReport} from "../data-loaders/olist/report.js";
import {RECOMMENDER_SETTINGS} from "../data-loaders/olist/recommenders.js";
import {simulateOlistWithTruth} from "../data-loaders/olist/simulate.js";
import {stage} from "../data-loaders/olist/staging.js";
import {DAY_MS} from "../data-loaders/shared/schema.js";

const only = process.argv[2];

function modelsTable(): string {
  const {tables, truth} = simulateOlistWithTruth({seed: 42, scale: "default"});
  const s = stage(tables);
  const person: number[] = [];
  const product: number[] = [];
  const time: number[] = [];
  for (let r = 0; r < s.items.order.length; r++) {
    const k = s.items.order[r];
    if (!s.orders.valid[k]) continue;
    person.push(s.orders.person[k]);
    product.push(s.items.product[r]);
    time.push(s.orders.purchase[k]);
  }
  const cutoff = s.asOf - RECOMMENDER_SETTINGS.testDays * DAY_MS;
  const split = timeSplit(person, product, time, cutoff);
  const P = split.train.map((e) => person[e]);
  const I = split.train.map((e) => product[e]);
  const users = s.people.id.length;
  const items = s.products.id.length;
  const m = buildInteractions(P, I, {users, items});
  const counts = popularityCounts(I, items);
  const ranking = popularityRanking(popularityCounts(I, items, {times: split.train.map((e) => time[e]), since: cutoff - 30 * DAY_MS, until: cutoff}));
  const catalogue = counts.reduce((n, c) => n + (c > 0 ? 1 : 0), 0);
  const sold = Int32Array.from({length: items}, (_, i) => i).filter((i) => counts[i] > 0);
  const index = new Map(truth.products.productId.map((id, i) => [id, i]));
  const bundles = Int32Array.from(s.products.id, (id, i) => (counts[i] > 0 ? truth.products.bundle[index.get(id)!] : -1));
  const history = (u: number) => Array.from(itemsOf(m, u));
  const fill = (list: Scored[], u: number) => {
    const own = new Set(history(u));
    const picked = list.map((x) => x.item);
    return [...picked, ...takeFromRanking(ranking, 10 - picked.length, new Set([...own, ...picked]))];
  };
  const quality = (recommend: (u: number) => number[]) => evaluateRecommender(recommend, split.heldOut, {k: 10, catalogue});
  const recovery = (neighbours: (i: number) => number[], of: ArrayLike<number>) => groupRecovery(neighbours, bundles, {k: 10, items: of}).recall;
  const rows: {name: string; seconds: number; ndcg: number; recall: number; bundles: number; note: string}[] = [];
  const timeIt = <T>(f: () => T): [T, number] => {
    const t0 = performance.now();
    const value = f();
    return [value, (performance.now() - t0) / 1000];
  };
  const als = RECOMMENDER_SETTINGS.als;
  for (const [name, options, note] of [
    ["ALS, Cholesky solves (paper)", {...als, solver: "cholesky" as const, exactBelow: 0}, "exact"],
    ["ALS, Cholesky + Woodbury", {...als, solver: "cholesky" as const, exactBelow: 8}, "exact"],
    ["ALS, CG 3 steps + Woodbury (report)", {...als, solver: "cg" as const, exactBelow: 8}, "approximate for rows > 8 purchases"]
  ] as const) {
    const [model, seconds] = timeIt(() => fitAls(m, {...options, trackLoss: false}));
    const q = quality((u) => fill(topK(alsScores(model, u), 10, {exclude: new Set(history(u))}), u));
    const n = vectorNeighbours(model.itemFactors, model.factors, {k: 10, include: sold, of: sold});
    rows.push({name, seconds, ndcg: q.ndcg, recall: q.recall, bundles: recovery((i) => neighboursOf(n, i).map((x) => x.item), sold), note: `${note}; ${als.factors} factors, ${als.iterations} sweeps`});
  }
  const sequences: number[][] = Array.from({length: users}, () => []);
  P.forEach((u, k) => sequences[u].push(I[k]));
  for (const epochs of [10, RECOMMENDER_SETTINGS.item2vec.epochs]) {
    const [emb, seconds] = timeIt(() => trainItem2Vec(sequences, items, {...RECOMMENDER_SETTINGS.item2vec, epochs}));
    const unit = normalizeRows(emb.vectors, emb.dimensions);
    const q = quality((u) => fill(recommendByEmbedding(unit, emb.dimensions, history(u), {k: 10, exclude: new Set(history(u)), counts: emb.counts}), u));
    const trained = sold.filter((i) => emb.counts[i] > 0);
    const n = vectorNeighbours(emb.vectors, emb.dimensions, {k: 10, include: trained, of: trained});
    rows.push({name: `item2vec, ${epochs} epochs${epochs === RECOMMENDER_SETTINGS.item2vec.epochs ? " (report)" : ""}`, seconds, ndcg: q.ndcg, recall: q.recall, bundles: recovery((i) => neighboursOf(n, i).map((x) => x.item), trained), note: `${emb.dimensions} dimensions, ${emb.pairsPerEpoch.toLocaleString("en-US")} pairs per epoch`});
  }
  const [knn, knnSeconds] = timeIt(() => cooccurrenceNeighbours(m, {k: RECOMMENDER_SETTINGS.neighbours}));
  const qk = quality((u) => fill(recommendFromNeighbours(knn, history(u), {k: 10, exclude: new Set(history(u))}), u));
  rows.push({name: "Item-kNN (co-purchases)", seconds: knnSeconds, ndcg: qk.ndcg, recall: qk.recall, bundles: recovery((i) => neighboursOf(knn, i).map((x) => x.item), sold), note: `${RECOMMENDER_SETTINGS.neighbours} neighbours per item`});
  const qp = quality((u) => takeFromRanking(ranking, 10, new Set(history(u))));
  rows.push({name: "Popular in the last 30 days", seconds: NaN, ndcg: qp.ndcg, recall: qp.recall, bundles: NaN, note: "baseline of quality"});
  const base = rows[0].seconds;
  const fmt = (v: number, d = 3) => (Number.isFinite(v) ? v.toFixed(d) : "–");
  const lines = [
    `Matrix: ${users.toLocaleString("en-US")} customers × ${items.toLocaleString("en-US")} products, ${split.train.length.toLocaleString("en-US")} training purchases; ${[...split.heldOut.values()].filter((v) => v.size > 0).length.toLocaleString("en-US")} customers scored.`,
    "",
    "| model | fit (s) | time ÷ paper's ALS | NDCG@10 | recall@10 | bundle mates in 10 neighbours | note |",
    "|---|---|---|---|---|---|---|",
    ...rows.map((r) => `| ${r.name} | ${fmt(r.seconds, 2)} | ${fmt(r.seconds / base, 2)} | ${fmt(r.ndcg)} | ${fmt(r.recall)} | ${fmt(r.bundles)} | ${r.note} |`)
  ];
  return lines.join("\n");
}

async function loaderTable(): Promise<string> {
  const cpu0 = cpuUsage();
  const t0 = performance.now();
  const {files, timings} = await buildOlistReport({seed: 42, scale: "default", dataDir: undefined});
  const wall = (performance.now() - t0) / 1000;
  const cpu = cpuUsage(cpu0);
  const bytes = files.reduce((n, f) => n + f.data.length, 0);
  const largest = [...files].sort((a, b) => b.data.length - a.data.length)[0];
  return [
    `Loader at SCALE=default, SEED=42: ${wall.toFixed(1)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU; ${files.length} files, ${(bytes / 1e6).toFixed(2)} MB in all, the largest ${largest.name} (${(largest.data.length / 1e3).toFixed(0)} kB).`,
    "",
    "| stage | wall (s) | share |",
    "|---|---|---|",
    ...timings.map(([label, s]) => `| ${label} | ${s.toFixed(1)} | ${((100 * s) / wall).toFixed(0)}% |`)
  ].join("\n");
}

if (only !== "--loader-only") console.log(`### Recommenders (${new Date().toISOString().slice(0, 10)})\n\n${modelsTable()}\n`);
if (only !== "--models-only") console.log(`### Loader\n\n${await loaderTable()}\n`);
