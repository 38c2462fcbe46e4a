// Attribution in the campaign report: the true contributions (Shapley values of the noisy-OR
// conversion model) on hand-worked journeys, the journeys' conversion into the shared models'
// paths, and every model against the simulated truth.
import {describe, expect, it} from "vitest";
import {JOURNEY_TRUTH, simulateJourneys} from "../../data-loaders/campaigns/simulateJourneys.js";
import {journeyFacts} from "../../data-loaders/campaigns/transformJourneys.js";
import {attributeJourneys, conversionPaths, journeyRecords, MODEL_LABELS, selectJourneys, shareDistance, topPaths, type JourneyRecord} from "../../src/campaigns/journeys.js";
import {conversionProbability, shapleyCredit, trueContributionShares} from "../../src/campaigns/journeyTruth.js";
import {heuristicAttribution} from "../../src/analytics/attribution.js";

const DAY = 86_400_000;

describe("the true contribution of each channel", () => {
  const model = {base: 0.1, lift: {a: 0.2, b: 0.5}};

  it("noisy-OR conversion probability, repeats counted once (hand-worked)", () => {
    // 1 − 0.9 · 0.8 · 0.5 = 0.64
    expect(conversionProbability(model, ["a", "b", "a"])).toBeCloseTo(0.64, 12);
    expect(conversionProbability(model, [])).toBeCloseTo(0.1, 12);
  });

  it("Shapley values of the extra conversion probability (hand-worked two-channel game)", () => {
    // v({a}) = 0.9·0.2 = 0.18, v({b}) = 0.9·0.5 = 0.45, v({a,b}) = 0.9·(1 − 0.8·0.5) = 0.54.
    // φ_a = ½·0.18 + ½·(0.54 − 0.45) = 0.135; φ_b = ½·0.45 + ½·(0.54 − 0.18) = 0.405.
    const credit = shapleyCredit(model, ["b", "a", "b"]);
    expect(credit.get("a")).toBeCloseTo(0.135, 12);
    expect(credit.get("b")).toBeCloseTo(0.405, 12);
  });

  it("adds up to the journey's extra conversion probability and treats equal channels equally", () => {
    const three = {base: 0.05, lift: {a: 0.1, b: 0.1, c: 0.3}};
    const credit = shapleyCredit(three, ["a", "b", "c"]);
    const total = [...credit.values()].reduce((s, v) => s + v, 0);
    expect(total).toBeCloseTo(conversionProbability(three, ["a", "b", "c"]) - three.base, 12);
    expect(credit.get("a")).toBeCloseTo(credit.get("b")!, 12);
    const shares = trueContributionShares(three, [["a"], ["a", "c"], ["b", "c"]]);
    expect([...shares.values()].reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
  });
});

describe("journeys into the shared models' paths", () => {
  const start = Date.UTC(2025, 2, 1);
  const journeys: JourneyRecord[] = [
    {end: start, converted: true, value: 100, touches: [{channel: "display", campaign: "D1", hoursBeforeEnd: 48}, {channel: "search", campaign: "S1", hoursBeforeEnd: 0}]},
    {end: start + DAY, converted: false, value: 0, touches: [{channel: "search", campaign: null, hoursBeforeEnd: 0}]},
    {end: start + 5 * DAY, converted: true, value: 50, touches: [{channel: "email", campaign: "E1", hoursBeforeEnd: 0}]}
  ];

  it("time decay weighs a touch two days before the sale by 2^(−2/7) against 1 for the last (hand-worked)", () => {
    const paths = conversionPaths(journeys);
    expect(paths[0]).toMatchObject({path: ["display", "search"], conversions: 1, nulls: 0, value: 100});
    expect(paths[1]).toMatchObject({conversions: 0, nulls: 1});
    const decay = heuristicAttribution(paths, "timeDecay", {halfLifeDays: 7});
    const w = Math.pow(2, -2 / 7);
    expect(decay.channels.find((c) => c.channel === "display")!.conversions).toBeCloseTo(w / (1 + w), 12);
    expect(decay.channels.find((c) => c.channel === "search")!.conversions).toBeCloseTo(1 / (1 + w), 12);
  });

  it("last touch, linear and position-based credit the two converting journeys as worked by hand", () => {
    const results = attributeJourneys(journeys);
    const credit = (model: string, channel: string) => results.find((r) => r.model === model)!.channels.find((c) => c.channel === channel)!.conversions;
    expect(credit("lastTouch", "search")).toBe(1);
    expect(credit("lastTouch", "display")).toBe(0);
    expect(credit("firstTouch", "display")).toBe(1);
    expect(credit("linear", "display")).toBeCloseTo(0.5, 12);
    expect(credit("positionBased", "search")).toBeCloseTo(0.5, 12); // a two-touch path splits 40/40 → 50/50
    expect(credit("linear", "email")).toBe(1);
  });

  it("selects journeys by end date and by a touch on a selected channel and campaign", () => {
    const all = {start, end: start + 10 * DAY, channels: ["display", "search", "email"], campaigns: ["D1", "S1", "E1"]};
    expect(selectJourneys(journeys, all, true)).toHaveLength(3);
    expect(selectJourneys(journeys, all, false)).toHaveLength(2); // the unknown-campaign search journey needs every campaign selected
    expect(selectJourneys(journeys, {...all, channels: ["display"], campaigns: ["D1"]}, false)).toEqual([journeys[0]]);
    expect(selectJourneys(journeys, {...all, end: start + 2 * DAY}, true)).toHaveLength(2);
  });

  it("counts paths with consecutive repeats merged", () => {
    const paths = topPaths([...journeys, {end: start, converted: true, value: 10, touches: [{channel: "email", campaign: null, hoursBeforeEnd: 5}, {channel: "email", campaign: null, hoursBeforeEnd: 0}]}]);
    expect(paths[0]).toEqual({path: "email", journeys: 2, conversions: 2, conversionRate: 1, value: 60});
  });

  it("share distance is half the sum of absolute differences (hand-worked)", () => {
    expect(shareDistance(new Map([["a", 0.5], ["b", 0.5]]), new Map([["a", 0.2], ["b", 0.6], ["c", 0.2]]))).toBeCloseTo(0.3, 12);
  });
});

describe("every model on the simulated journeys, against the truth", () => {
  const tables = simulateJourneys({seed: 42, scale: "small"});
  const facts = journeyFacts(tables);
  const journeys = journeyRecords(
    facts.journeys.journey.map((_, i) => ({journey: i, end_date: (facts.journeys.end_date[i] as number) * DAY, converted: facts.journeys.converted[i], value: facts.journeys.value[i]})),
    facts.touches.journey.map((j, k) => ({journey: j, channel: facts.touches.channel[k], campaign_id: facts.touches.campaign_id[k], hours_before_end: facts.touches.hours_before_end[k]}))
  );
  const results = attributeJourneys(journeys);
  const truth = trueContributionShares(JOURNEY_TRUTH, journeys.map((j) => j.touches.map((t) => t.channel)));
  const distance = (model: string) => shareDistance(new Map(results.find((r) => r.model === model)!.channels.map((c) => [c.channel, c.share])), truth);

  it("gives out exactly the observed conversions under every model", () => {
    const converted = journeys.filter((j) => j.converted).length;
    expect(results.map((r) => r.model)).toEqual(["lastTouch", "firstTouch", "linear", "timeDecay", "positionBased", "markov"]);
    for (const r of results) expect(r.channels.reduce((s, c) => s + c.conversions, 0), MODEL_LABELS[r.model]).toBeCloseTo(converted, 6);
  });

  it("the data-driven Markov model misplaces far less credit than last touch", () => {
    // Truth: JOURNEY_TRUTH (data-loaders/campaigns/simulateJourneys.ts) through shapleyCredit.
    expect(distance("markov")).toBeLessThan(0.12);
    expect(distance("lastTouch")).toBeGreaterThan(0.2);
    expect(distance("markov")).toBeLessThan(distance("lastTouch") / 2);
    expect(distance("linear")).toBeLessThan(distance("lastTouch"));
  });

  it("last touch over-credits the closing channel (search) and under-credits the opening one (video)", () => {
    const last = new Map(results.find((r) => r.model === "lastTouch")!.channels.map((c) => [c.channel, c.share]));
    expect(last.get("search")! - truth.get("search")!).toBeGreaterThan(0.08);
    expect(truth.get("video")! - last.get("video")!).toBeGreaterThan(0.1);
  });
});
