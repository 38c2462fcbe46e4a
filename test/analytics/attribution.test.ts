/**
 * Attribution models: hand-worked credits for every heuristic, a Markov chain solved by hand, a
 * larger chain (loops, repeats, nulls, values, timestamps) against an independent numpy solve and
 * a ChannelAttribution-style Monte Carlo (test/fixtures/attribution/reference.py →
 * reference.json), and simulated journeys whose true per-channel contribution is known.
 */
import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {
  aggregateJourneys,
  attributeConversions,
  attributionTable,
  CONVERSION,
  firstTouchAttribution,
  fitMarkovChain,
  heuristicAttribution,
  lastTouchAttribution,
  linearAttribution,
  markovAttribution,
  markovConversionProbability,
  markovExpectedValue,
  NULL,
  positionBasedAttribution,
  removalEffects,
  START,
  timeDecayAttribution,
  touchWeights,
  type AttributionResult,
  type ConversionPath,
  type Journey
} from "../../src/analytics/attribution.js";
import {Random} from "../../src/analytics/random.js";

const reference = JSON.parse(readFileSync(new URL("../fixtures/attribution/reference.json", import.meta.url), "utf8"));

const DAY = 86_400_000;
const T0 = Date.UTC(2024, 0, 1);

/** channel → attributed conversions (or value) of a result. */
const credits = (r: AttributionResult, key: "conversions" | "value" | "share" = "conversions") => Object.fromEntries(r.channels.map((c) => [c.channel, c[key]]));

function expectCredits(actual: Record<string, number>, expected: Record<string, number>, digits = 12) {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  for (const [c, v] of Object.entries(expected)) expect(actual[c]).toBeCloseTo(v, digits);
}

// Four records, worked by hand:
//   1. search                           2 conversions, value 100
//   2. display > search                 1 conversion,  value 80   (display 7 days before search)
//   3. video > display > email > search 1 conversion,  value 40   (days 0, 7, 14, 14; converts day 14)
//   4. email > email > search           0 conversions, 3 nulls     (no credit in any heuristic)
// Last touch:  search 2 + 1 + 1 = 4 (value 220).
// First touch: search 2 (100), display 1 (80), video 1 (40).
// Linear:      1 → search 2; 2 → display ½, search ½; 3 → ¼ each:
//              search 2.75, display 0.75, video 0.25, email 0.25;
//              value search 100 + 40 + 10 = 150, display 40 + 10 = 50, video 10, email 10.
// Position-based: 1 → search 2 (one touch: 100%); 2 → 50/50 (two touches);
//              3 → video .4, display .1, email .1, search .4:
//              search 2.9, display 0.6, video 0.4, email 0.1; value search 100 + 40 + 16 = 156,
//              display 40 + 4 = 44, video 16, email 4.
// Time decay, no timestamps, half-life 1 touch: weights ∝ 2^−(touches before the last):
//              2 → (½, 1)/1.5 = (1/3, 2/3); 3 → (⅛, ¼, ½, 1)/(15/8) = (1/15, 2/15, 4/15, 8/15):
//              search 2 + 2/3 + 8/15 = 3.2, display 1/3 + 2/15 = 7/15, video 1/15, email 4/15.
// Time decay, timestamps, half-life 7 days: 2 → 7 and 0 days → (½, 1) → (1/3, 2/3) as above;
//              3 → 14, 7, 0, 0 days → (¼, ½, 1, 1)/2.75 = (1/11, 2/11, 4/11, 4/11):
//              search 2 + 2/3 + 4/11, display 1/3 + 2/11, video 1/11, email 4/11.
const handPaths: ConversionPath[] = [
  {path: ["search"], conversions: 2, value: 100, timestamps: [T0]},
  {path: ["display", "search"], conversions: 1, value: 80, timestamps: [T0, T0 + 7 * DAY]},
  {path: ["video", "display", "email", "search"], conversions: 1, value: 40, timestamps: [T0, T0 + 7 * DAY, T0 + 14 * DAY, T0 + 14 * DAY], conversionTime: T0 + 14 * DAY},
  {path: ["email", "email", "search"], conversions: 0, nulls: 3}
];
const untimed = handPaths.map(({timestamps, conversionTime, ...p}) => p);

describe("heuristic models on a hand-worked example", () => {
  it("last touch and first touch", () => {
    const last = lastTouchAttribution(handPaths);
    expectCredits(credits(last), {display: 0, email: 0, search: 4, video: 0});
    expectCredits(credits(last, "value"), {display: 0, email: 0, search: 220, video: 0});
    expect([last.totalConversions, last.totalValue]).toEqual([4, 220]);
    const first = firstTouchAttribution(handPaths);
    expectCredits(credits(first), {display: 1, email: 0, search: 2, video: 1});
    expectCredits(credits(first, "value"), {display: 80, email: 0, search: 100, video: 40});
  });

  it("linear (a channel touched twice would count twice)", () => {
    const linear = linearAttribution(handPaths);
    expectCredits(credits(linear), {display: 0.75, email: 0.25, search: 2.75, video: 0.25});
    expectCredits(credits(linear, "value"), {display: 50, email: 10, search: 150, video: 10});
    expectCredits(credits(linear, "share"), {display: 0.1875, email: 0.0625, search: 0.6875, video: 0.0625});
    // repeats: email > email > search converting once → email 2/3, search 1/3
    expectCredits(credits(linearAttribution([{path: ["email", "email", "search"], conversions: 1}])), {email: 2 / 3, search: 1 / 3});
  });

  it("position-based: 40/20/40, one touch 100%, two touches 50/50", () => {
    expect(touchWeights({path: ["a"], conversions: 1}, "positionBased")).toEqual([1]);
    expect(touchWeights({path: ["a", "b"], conversions: 1}, "positionBased")).toEqual([0.5, 0.5]);
    const four = touchWeights({path: ["a", "b", "c", "d"], conversions: 1}, "positionBased");
    [0.4, 0.1, 0.1, 0.4].forEach((w, i) => expect(four[i]).toBeCloseTo(w, 15));
    const pb = positionBasedAttribution(handPaths);
    expectCredits(credits(pb), {display: 0.6, email: 0.1, search: 2.9, video: 0.4});
    expectCredits(credits(pb, "value"), {display: 44, email: 4, search: 156, video: 16});
  });

  it("time decay in touches (no timestamps) and in days (timestamps)", () => {
    expectCredits(credits(timeDecayAttribution(untimed)), {display: 7 / 15, email: 4 / 15, search: 3.2, video: 1 / 15});
    expectCredits(credits(timeDecayAttribution(handPaths)), {display: 1 / 3 + 2 / 11, email: 4 / 11, search: 2 + 2 / 3 + 4 / 11, video: 1 / 11});
    // a longer half-life flattens the weights towards linear
    const flat = touchWeights(handPaths[2], "timeDecay", {halfLifeDays: 1e9});
    flat.forEach((w) => expect(w).toBeCloseTo(0.25, 6));
  });

  it("gives out exactly the observed conversions and value under every model", () => {
    for (const r of attributeConversions(handPaths)) {
      expect(r.channels.reduce((s, c) => s + c.conversions, 0)).toBeCloseTo(4, 12);
      expect(r.channels.reduce((s, c) => s + c.share, 0)).toBeCloseTo(1, 12);
      expect(r.channels.reduce((s, c) => s + c.value, 0)).toBeCloseTo(220, 10);
    }
    const table = attributionTable(attributeConversions(handPaths, {models: ["lastTouch", "linear"]}));
    expect(table.length).toBe(8);
    expect(table[0]).toEqual({model: "lastTouch", channel: "display", conversions: 0, value: 0, share: 0});
  });

  it("refuses malformed paths, saying what and where", () => {
    expect(() => linearAttribution([{path: [], conversions: 1}])).toThrow(/path 0 has no touches/);
    expect(() => linearAttribution([{path: ["a"], conversions: -1}])).toThrow(/path 0 has conversions -1/);
    expect(() => timeDecayAttribution([{path: ["a", "b"], conversions: 1, timestamps: [T0]}])).toThrow(/path 0 has 2 touches but 1 timestamps/);
    expect(() => timeDecayAttribution([{path: ["a"], conversions: 1, timestamps: [T0 + DAY], conversionTime: T0}])).toThrow(/later than the conversion/);
    expect(() => markovAttribution([{path: ["a"], conversions: 0, nulls: 2}])).toThrow(/no conversions/);
  });
});

describe("heuristics and Markov chain vs the independent numpy reference", () => {
  const paths: ConversionPath[] = reference.paths;

  it("heuristic credits equal the reference", () => {
    for (const [model, ours] of [
      ["lastTouch", heuristicAttribution(paths, "lastTouch")],
      ["firstTouch", heuristicAttribution(paths, "firstTouch")],
      ["linear", heuristicAttribution(paths, "linear")],
      ["positionBased", heuristicAttribution(paths, "positionBased")],
      ["timeDecayDays", heuristicAttribution(paths, "timeDecay", {halfLifeDays: 7})],
      ["timeDecayTouches", heuristicAttribution(paths.map(({timestamps, ...p}) => p), "timeDecay", {halfLifeTouches: 1})]
    ] as const) {
      expectCredits(credits(ours), reference.heuristics[model].conversions);
      expectCredits(credits(ours, "value"), reference.heuristics[model].value, 9);
    }
  });

  it("the chain's transitions, conversion probability and removal effects equal numpy's solve", () => {
    const ours = markovAttribution(paths);
    const ref = reference.markov;
    expect(ours.conversionProbability).toBeCloseTo(ref.conversionProbability, 12); // 18 of 50 journeys: 0.36
    expect(markovExpectedValue(fitMarkovChain(paths))).toBeCloseTo(ref.expectedValue, 10);
    const key = (t: {from: string; to: string}) => `${t.from}→${t.to}`;
    const theirs = new Map<string, number>(ref.transitions.map((t: {from: string; to: string; probability: number}) => [key(t), t.probability]));
    expect(ours.transitions.length).toBe(theirs.size);
    for (const t of ours.transitions) expect(t.probability).toBeCloseTo(theirs.get(key(t))!, 14);
    for (const e of ours.removalEffects) {
      expect(e.conversion).toBeCloseTo(ref.removalEffects[e.channel].conversion, 12);
      expect(e.value).toBeCloseTo(ref.removalEffects[e.channel].value, 12);
    }
    expectCredits(credits(ours), ref.conversions);
    expectCredits(credits(ours, "value"), ref.value, 9);
  });

  it("the exact solve agrees with a ChannelAttribution-style simulation of 400,000 journeys", () => {
    // Monte Carlo standard error of a removal effect here is about 0.002.
    const ours = markovAttribution(paths);
    const mc = reference.monteCarlo;
    expect(ours.conversionProbability).toBeCloseTo(mc.conversionProbability, 2);
    for (const e of ours.removalEffects) {
      expect(Math.abs(e.conversion - mc.removalEffects[e.channel].conversion)).toBeLessThan(0.01);
      expect(Math.abs(e.value - mc.removalEffects[e.channel].value)).toBeLessThan(0.01);
    }
  });
});

describe("Markov chain solved by hand", () => {
  // The three-path example of reference.py's CLASSIC (Bryl 2016, analyzecore.com):
  //   c1 > c2 > c3 → conversion;  c1 → null;  c2 > c3 → null.
  // Transition counts: start→c1 2, start→c2 1; c1→c2 1, c1→null 1; c2→c3 2; c3→conv 1, c3→null 1.
  // Probabilities: start→c1 2/3, start→c2 1/3; c1→c2 ½, c1→null ½; c2→c3 1; c3→conv ½, c3→null ½.
  // P(conv) from each state: c3 ½; c2 1·½ = ½; c1 ½·½ = ¼; start 2/3·¼ + 1/3·½ = 1/3.
  // Remove c1 (start→c1 goes to null): start 1/3·½ = 1/6 → RE = 1 − (1/6)/(1/3) = ½.
  // Remove c2 or c3: every conversion passes through both → P = 0 → RE = 1.
  // Credit of the 1 conversion ∝ (½, 1, 1): c1 0.2, c2 0.4, c3 0.4.
  const classic: ConversionPath[] = reference.classic;

  it("removal effects and credits as worked in the comments", () => {
    const chain = fitMarkovChain(classic);
    expect(chain.channels).toEqual(["c1", "c2", "c3"]);
    expect(markovConversionProbability(chain)).toBeCloseTo(1 / 3, 14);
    expect(markovConversionProbability(chain, "c1")).toBeCloseTo(1 / 6, 14);
    expect(markovConversionProbability(chain, "c2")).toBeCloseTo(0, 14);
    const effects = removalEffects(chain);
    [0.5, 1, 1].forEach((re, i) => expect(effects[i].conversion).toBeCloseTo(re, 14));
    expectCredits(credits(markovAttribution(classic)), {c1: 0.2, c2: 0.4, c3: 0.4});
    const transitions = markovAttribution(classic).transitions;
    expect(transitions).toContainEqual({from: START, to: "c1", probability: 2 / 3});
    expect(transitions).toContainEqual({from: "c3", to: CONVERSION, probability: 0.5});
    expect(transitions).toContainEqual({from: "c1", to: NULL, probability: 0.5});
  });

  it("without non-converting paths every removal effect of a channel on the only path is 1", () => {
    // Only c1 > c2 > c3 → conversion: P(conv) = 1 and removing any channel gives 0 → thirds.
    expectCredits(credits(markovAttribution([classic[0]])), {c1: 1 / 3, c2: 1 / 3, c3: 1 / 3});
  });

  it("collapses repeats: A > A > B is the chain of A > B", () => {
    const a = markovAttribution([{path: ["A", "A", "B"], conversions: 2, nulls: 1}, {path: ["B"], conversions: 1, nulls: 3}]);
    const b = markovAttribution([{path: ["A", "B"], conversions: 2, nulls: 1}, {path: ["B"], conversions: 1, nulls: 3}]);
    expect(a.channels).toEqual(b.channels);
    expect(a.transitions).toEqual(b.transitions);
  });
});

describe("aggregating journeys", () => {
  it("groups identical paths, counting conversions, nulls and value", () => {
    const journeys: Journey[] = [
      {path: ["a", "b"], converted: true, value: 10},
      {path: ["a", "b"], converted: false},
      {path: ["b"], converted: true, value: 5},
      {path: ["a", "b"], converted: true, value: 30}
    ];
    expect(aggregateJourneys(journeys)).toEqual([
      {path: ["a", "b"], conversions: 2, nulls: 1, value: 40},
      {path: ["b"], conversions: 1, nulls: 0, value: 5}
    ]);
  });
});

// ------------------------------------------------------------------------------------ simulation
const CHANNELS = ["video", "display", "social", "email", "search"];
/** Probability that one channel, touched at least once, persuades the customer (the truth). */
const LIFT: Record<string, number> = {video: 0.06, display: 0.03, social: 0.04, email: 0.03, search: 0.02};
/** Where in the journey each channel tends to be: weight early·(1 − u) + late·u at relative position u. */
const FUNNEL: Record<string, [number, number]> = {video: [0.3, 0.03], display: [0.25, 0.05], social: [0.22, 0.12], email: [0.05, 0.25], search: [0.1, 0.45]};

/**
 * Exact Shapley values (Shapley 1953) of the channels of a journey in v(S) = 1 − Π_{c∈S}(1 − lift_c),
 * the conversion probability of a journey touching the set S (noisy-OR, no baseline: every
 * conversion is due to some channel, so the true shares are comparable with attributed shares).
 */
function shapley(set: string[]): Map<string, number> {
  const k = set.length;
  const keep = set.map((c) => 1 - LIFT[c]);
  const factorial = [1];
  for (let i = 1; i <= k; i++) factorial.push(factorial[i - 1] * i);
  const out = new Map(set.map((c) => [c, 0]));
  for (let mask = 0; mask < 1 << k; mask++) {
    let product = 1;
    let size = 0;
    for (let j = 0; j < k; j++)
      if (mask & (1 << j)) {
        product *= keep[j];
        size++;
      }
    const weight = (factorial[size] * factorial[k - size - 1]) / factorial[k];
    for (let j = 0; j < k; j++) if (!(mask & (1 << j))) out.set(set[j], out.get(set[j])! + weight * product * (1 - keep[j]));
  }
  return out;
}

/**
 * Journeys of 1 + Poisson(1.5) touches (at most 6). With `funnel`, the channel of each touch is
 * drawn with FUNNEL's position weights (video and display open, email and search close); without,
 * uniformly. A journey converts with probability v(S). Truth: each channel's expected incremental
 * conversions Σ_journeys Shapley_c(S), as shares.
 */
function simulateJourneys(n: number, random: Random, funnel: boolean) {
  const journeys: Journey[] = [];
  const truth = new Map(CHANNELS.map((c) => [c, 0]));
  const cache = new Map<string, Map<string, number>>();
  for (let j = 0; j < n; j++) {
    const k = Math.min(6, 1 + random.poisson(1.5));
    const path: string[] = [];
    for (let i = 0; i < k; i++) {
      const u = k === 1 ? 1 : i / (k - 1);
      path.push(CHANNELS[random.weightedIndex(CHANNELS.map((c) => (funnel ? FUNNEL[c][0] * (1 - u) + FUNNEL[c][1] * u : 1)))]);
    }
    const set = [...new Set(path)].sort();
    const key = set.join(">");
    if (!cache.has(key)) cache.set(key, shapley(set));
    let p = 0;
    for (const [c, v] of cache.get(key)!) {
      truth.set(c, truth.get(c)! + v);
      p += v; // Shapley values add up to v(S)
    }
    journeys.push({path, converted: random.bernoulli(p), value: 50});
  }
  const total = [...truth.values()].reduce((a, b) => a + b, 0);
  return {paths: aggregateJourneys(journeys), trueShare: new Map([...truth].map(([c, v]) => [c, v / total])), expectedConversions: total};
}

/** Total variation distance between a model's shares and the true shares: ½ Σ |share − truth|. */
const distance = (r: AttributionResult, truth: Map<string, number>) => r.channels.reduce((s, c) => s + Math.abs(c.share - truth.get(c.channel)!), 0) / 2;

describe("simulated journeys with known channel contributions", () => {
  it("funnel-ordered journeys: the Markov model is much closer to the truth than last touch", () => {
    const sim = simulateJourneys(100_000, new Random(5), true);
    const conversions = sim.paths.reduce((s, p) => s + p.conversions, 0);
    expect(Math.abs(conversions - sim.expectedConversions)).toBeLessThan(4 * Math.sqrt(sim.expectedConversions)); // the simulation converts as designed
    const results = Object.fromEntries(attributeConversions(sim.paths).map((r) => [r.model, distance(r, sim.trueShare)]));
    // Measured (100,000 journeys, seed 5): true shares video .31, display .14, social .21, email .16, search .18.
    // Distance to the truth: last touch 0.42, time decay 0.25, first touch 0.17, Markov 0.16,
    // position-based 0.13, linear 0.13.
    expect(results.markov).toBeLessThan(results.lastTouch - 0.2);
    expect(results.lastTouch).toBeGreaterThan(0.35);
    expect(results.markov).toBeLessThan(0.2);
    // The figures quoted in docs/models/attribution.md (to ±0.005): linear beats Markov here too.
    const quoted = {lastTouch: 0.419, firstTouch: 0.166, linear: 0.131, timeDecay: 0.25, positionBased: 0.131, markov: 0.159};
    for (const [model, d] of Object.entries(quoted)) expect(results[model]).toBeCloseTo(d, 2);
    // Without the non-converting journeys the Markov chain is closer here (0.121), not further.
    const convertingOnly = sim.paths.filter((p) => p.conversions > 0).map((p) => ({...p, nulls: 0}));
    expect(distance(markovAttribution(convertingOnly), sim.trueShare)).toBeCloseTo(0.121, 2);
    const markov = markovAttribution(sim.paths);
    const share = credits(markov, "share");
    // Last touch gives search 0.46 and video 0.04; the truth is 0.18 and 0.31; Markov 0.29 and 0.18.
    expect(share.search).toBeLessThan(credits(lastTouchAttribution(sim.paths), "share").search - 0.1);
    expect(share.video).toBeGreaterThan(credits(lastTouchAttribution(sim.paths), "share").video + 0.1);
  });

  it("randomly ordered journeys: no model recovers the lifts; Markov is no better than last touch", () => {
    // With no position pattern every heuristic gives each channel about its touch frequency
    // (distance 0.10 from the truth), and the Markov model is further (0.13): removal effects
    // measure how much conversion flow passes through a channel, not how much it adds.
    const sim = simulateJourneys(100_000, new Random(6), false);
    const results = Object.fromEntries(attributeConversions(sim.paths).map((r) => [r.model, distance(r, sim.trueShare)]));
    const quoted = {lastTouch: 0.096, firstTouch: 0.101, linear: 0.097, timeDecay: 0.097, positionBased: 0.098, markov: 0.132};
    for (const [model, d] of Object.entries(quoted)) expect(results[model]).toBeCloseTo(d, 2);
    expect(results.markov).toBeGreaterThan(results.lastTouch);
  });
});
