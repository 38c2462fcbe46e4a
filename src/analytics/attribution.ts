/**
 * Multi-touch attribution: sharing each conversion (and its value) among the marketing channels a
 * customer touched before converting.
 *
 * Estimates: per channel, the conversions and value it is credited with, under six rules:
 * - last touch, first touch, linear (every touch an equal share) — as ChannelAttribution's
 *   `heuristic_models` (Altomare & Loris, R/Python package ChannelAttribution), which credits a
 *   channel touched twice twice in the linear model;
 * - time decay: a touch d days before the conversion weighs 2^(−d / half-life) (Google Analytics'
 *   time-decay model, default half-life 7 days); without timestamps d counts touches before the
 *   last one (the last touch d = 0, the one before it d = 1, …) and the half-life is in touches;
 * - position-based ("U-shaped"): 40% to the first touch, 40% to the last, the remaining 20% split
 *   evenly among the touches in between; a one-touch path gives that touch 100%, a two-touch path
 *   50/50 (Google Analytics' position-based model);
 * - Markov-chain removal effect (markov.ts, re-exported here): Anderl, Becker, von Wangenheim &
 *   Schumann (2016), "Mapping the customer journey: lessons learned from graph-based online
 *   attribution modeling", IJRM 33(3); ChannelAttribution's `markov_model`.
 * Every model gives out exactly the observed conversions and value: per channel `conversions` sum
 * to the total, `share`s to 1. None of them is causal by construction: they share out conversions
 * that would partly have happened anyway; see docs/models/attribution.md.
 * Tests (test/analytics/attribution.test.ts) prove: hand-worked credits for every model (time decay
 * with and without timestamps, position-based on 1-, 2- and 4-touch paths), a Markov chain solved
 * by hand and by numpy (test/fixtures/attribution/reference.py), and, on simulated journeys with a
 * known per-channel incremental effect, that the Markov model's shares are closer to the true
 * (Shapley) contributions than last touch's.
 */
import {fitMarkovChain, markovConversionProbability, markovTransitions, removalEffects, type MarkovTransition, type RemovalEffect} from "./markov.js";

export * from "./markov.js";

/** Journeys that followed one path: the channels touched, in order, and what came of them. */
export interface ConversionPath {
  /** Channels in the order they were touched (repeats allowed), e.g. ["display", "search"]. */
  path: readonly string[];
  /** Journeys of this path that converted (a count; 0 allowed). */
  conversions: number;
  /** Total conversion value of those conversions (not per conversion). Default 0. */
  value?: number;
  /** Journeys of this path that did not convert. Used by the Markov model only. Default 0. */
  nulls?: number;
  /** Time of each touch in ms since epoch (one per channel in `path`). Used by time decay only. */
  timestamps?: readonly number[];
  /** Time of the conversion in ms; default the last touch's time. Used by time decay only. */
  conversionTime?: number;
}

export type AttributionModelName = "lastTouch" | "firstTouch" | "linear" | "timeDecay" | "positionBased" | "markov";

export const ATTRIBUTION_MODELS: readonly AttributionModelName[] = ["lastTouch", "firstTouch", "linear", "timeDecay", "positionBased", "markov"];

/** What one channel is credited with. */
export interface ChannelCredit {
  channel: string;
  /** Attributed conversions (fractional). */
  conversions: number;
  /** Attributed conversion value. */
  value: number;
  /** conversions / total conversions (sums to 1 over channels). */
  share: number;
}

export interface AttributionResult {
  model: AttributionModelName;
  /** One row per channel seen in any path, sorted by channel name. */
  channels: ChannelCredit[];
  totalConversions: number;
  totalValue: number;
}

export interface HeuristicOptions {
  /** Time decay: half-life in days when paths have timestamps. Default 7 (Google Analytics). */
  halfLifeDays?: number;
  /** Time decay: half-life in touches when a path has no timestamps. Default 1. */
  halfLifeTouches?: number;
  /** Position-based: share of the first touch. Default 0.4. */
  firstShare?: number;
  /** Position-based: share of the last touch. Default 0.4. */
  lastShare?: number;
}

const DAY_MS = 86_400_000;

/** Checks paths and returns the channel names in sorted order; errors name the record. */
export function validatePaths(paths: readonly ConversionPath[], where = "attribution"): string[] {
  const channels = new Set<string>();
  paths.forEach((p, i) => {
    if (!Array.isArray(p.path) || p.path.length === 0) throw new Error(`${where}: path ${i} has no touches; expected a non-empty array of channel names`);
    for (const c of p.path) if (typeof c !== "string" || c.length === 0) throw new Error(`${where}: path ${i} has a channel ${JSON.stringify(c)}; expected a non-empty string`);
    if (!(Number.isFinite(p.conversions) && p.conversions >= 0)) throw new Error(`${where}: path ${i} has conversions ${p.conversions}; expected a number ≥ 0`);
    if (p.nulls !== undefined && !(Number.isFinite(p.nulls) && p.nulls >= 0)) throw new Error(`${where}: path ${i} has nulls ${p.nulls}; expected a number ≥ 0`);
    if (p.value !== undefined && !Number.isFinite(p.value)) throw new Error(`${where}: path ${i} has value ${p.value}; expected a finite number`);
    if (p.timestamps !== undefined) {
      if (p.timestamps.length !== p.path.length) throw new Error(`${where}: path ${i} has ${p.path.length} touches but ${p.timestamps.length} timestamps`);
      for (const t of p.timestamps) if (!Number.isFinite(t)) throw new Error(`${where}: path ${i} has a timestamp ${t}`);
    }
    for (const c of p.path) channels.add(c);
  });
  return [...channels].sort();
}

/**
 * The weights (summing to 1) that a heuristic model gives the touches of one path, in path order.
 * The Markov model has no per-path weights (its credit is a property of the whole graph).
 */
export function touchWeights(
  path: ConversionPath,
  model: Exclude<AttributionModelName, "markov">,
  {halfLifeDays = 7, halfLifeTouches = 1, firstShare = 0.4, lastShare = 0.4}: HeuristicOptions = {}
): number[] {
  const k = path.path.length;
  const weights = new Array<number>(k).fill(0);
  if (k === 0) return weights;
  switch (model) {
    case "lastTouch":
      weights[k - 1] = 1;
      return weights;
    case "firstTouch":
      weights[0] = 1;
      return weights;
    case "linear":
      return weights.fill(1 / k);
    case "positionBased": {
      if (k === 1) return [1];
      if (k === 2) return [firstShare / (firstShare + lastShare), lastShare / (firstShare + lastShare)];
      const middle = (1 - firstShare - lastShare) / (k - 2);
      weights.fill(middle);
      weights[0] = firstShare;
      weights[k - 1] = lastShare;
      return weights;
    }
    case "timeDecay": {
      let distances: number[];
      let halfLife: number;
      if (path.timestamps) {
        const end = path.conversionTime ?? path.timestamps[k - 1];
        distances = path.timestamps.map((t) => (end - t) / DAY_MS);
        if (distances.some((d) => d < 0)) throw new Error("timeDecay: a touch is later than the conversion time");
        halfLife = halfLifeDays;
      } else {
        distances = weights.map((_, i) => k - 1 - i);
        halfLife = halfLifeTouches;
      }
      if (!(halfLife > 0)) throw new Error(`timeDecay: the half-life must be > 0; found ${halfLife}`);
      const raw = distances.map((d) => Math.pow(2, -d / halfLife));
      const sum = raw.reduce((a, b) => a + b, 0);
      return raw.map((r) => r / sum);
    }
  }
}

function result(model: AttributionModelName, channels: string[], conversions: Map<string, number>, value: Map<string, number>, totalConversions: number, totalValue: number): AttributionResult {
  return {
    model,
    channels: channels.map((channel) => ({
      channel,
      conversions: conversions.get(channel) ?? 0,
      value: value.get(channel) ?? 0,
      share: totalConversions > 0 ? (conversions.get(channel) ?? 0) / totalConversions : NaN
    })),
    totalConversions,
    totalValue
  };
}

/** Credits every path's conversions and value to its touches by a heuristic model's weights. */
export function heuristicAttribution(paths: readonly ConversionPath[], model: Exclude<AttributionModelName, "markov">, options: HeuristicOptions = {}): AttributionResult {
  const channels = validatePaths(paths, model);
  const conversions = new Map<string, number>();
  const value = new Map<string, number>();
  let totalConversions = 0;
  let totalValue = 0;
  for (const p of paths) {
    totalConversions += p.conversions;
    totalValue += p.value ?? 0;
    if (p.conversions === 0 && !p.value) continue;
    const w = touchWeights(p, model, options);
    p.path.forEach((c, i) => {
      conversions.set(c, (conversions.get(c) ?? 0) + w[i] * p.conversions);
      value.set(c, (value.get(c) ?? 0) + w[i] * (p.value ?? 0));
    });
  }
  return result(model, channels, conversions, value, totalConversions, totalValue);
}

/** Last touch: the last channel before the conversion gets it all. */
export const lastTouchAttribution = (paths: readonly ConversionPath[]) => heuristicAttribution(paths, "lastTouch");
/** First touch: the channel that opened the journey gets it all. */
export const firstTouchAttribution = (paths: readonly ConversionPath[]) => heuristicAttribution(paths, "firstTouch");
/** Linear: every touch an equal share (a channel touched twice, twice). */
export const linearAttribution = (paths: readonly ConversionPath[]) => heuristicAttribution(paths, "linear");
/** Time decay: weight 2^(−days before conversion / half-life), or touches before the last without timestamps. */
export const timeDecayAttribution = (paths: readonly ConversionPath[], options: Pick<HeuristicOptions, "halfLifeDays" | "halfLifeTouches"> = {}) =>
  heuristicAttribution(paths, "timeDecay", options);
/** Position-based (U-shaped): 40% first, 40% last, 20% shared by the middle; 1 touch 100%, 2 touches 50/50. */
export const positionBasedAttribution = (paths: readonly ConversionPath[], options: Pick<HeuristicOptions, "firstShare" | "lastShare"> = {}) =>
  heuristicAttribution(paths, "positionBased", options);

/** The Markov model's attribution with what it was computed from. */
export interface MarkovAttributionResult extends AttributionResult {
  model: "markov";
  /** Removal effect of each channel (sorted by channel), for conversions and for value. */
  removalEffects: RemovalEffect[];
  /** P(conversion) of a journey from (start) in the fitted chain. */
  conversionProbability: number;
  /** The fitted transition probabilities. */
  transitions: MarkovTransition[];
}

/**
 * Markov-chain attribution (Anderl et al. 2016; ChannelAttribution `markov_model`, order 1): each
 * channel is credited total conversions × RE_c / Σ RE, and total value × its value removal effect
 * / Σ of those (markov.ts). Give `nulls` (non-converting journeys of each path) for the model to see
 * which paths fail; without them every journey converts and the removal effect of a channel is the
 * share of conversion paths through it.
 */
export function markovAttribution(paths: readonly ConversionPath[]): MarkovAttributionResult {
  const channels = validatePaths(paths, "markov");
  const totalConversions = paths.reduce((s, p) => s + p.conversions, 0);
  const totalValue = paths.reduce((s, p) => s + (p.value ?? 0), 0);
  if (!(totalConversions > 0)) throw new Error("markov: no conversions in the paths; the removal effects are undefined");
  const chain = fitMarkovChain(paths);
  const effects = removalEffects(chain);
  const sumConversion = effects.reduce((s, e) => s + e.conversion, 0);
  const sumValue = effects.reduce((s, e) => s + (Number.isNaN(e.value) ? 0 : e.value), 0);
  const conversions = new Map(effects.map((e) => [e.channel, (totalConversions * e.conversion) / sumConversion]));
  const value = new Map(effects.map((e) => [e.channel, sumValue > 0 ? (totalValue * e.value) / sumValue : 0]));
  return {
    ...result("markov", channels, conversions, value, totalConversions, totalValue),
    model: "markov",
    removalEffects: effects,
    conversionProbability: markovConversionProbability(chain),
    transitions: markovTransitions(chain)
  };
}

/** Runs several models on the same paths (default all six). */
export function attributeConversions(
  paths: readonly ConversionPath[],
  {models = ATTRIBUTION_MODELS, ...options}: HeuristicOptions & {models?: readonly AttributionModelName[]} = {}
): AttributionResult[] {
  return models.map((m) => (m === "markov" ? markovAttribution(paths) : heuristicAttribution(paths, m, options)));
}

/** One row per (model, channel): the long table a chart of all models wants. */
export function attributionTable(results: readonly AttributionResult[]): (ChannelCredit & {model: AttributionModelName})[] {
  return results.flatMap((r) => r.channels.map((c) => ({model: r.model, ...c})));
}

/** One customer journey: the channels in order and whether (and for how much) it converted. */
export interface Journey {
  path: readonly string[];
  converted: boolean;
  value?: number;
}

/**
 * Groups individual journeys by path (the channel sequence) into `ConversionPath` records with
 * conversion, null and value totals, ordered by path. Timestamps are dropped (they differ per journey).
 */
export function aggregateJourneys(journeys: Iterable<Journey>): ConversionPath[] {
  const groups = new Map<string, {path: string[]; conversions: number; nulls: number; value: number}>();
  for (const j of journeys) {
    const key = JSON.stringify(j.path);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = {path: [...j.path], conversions: 0, nulls: 0, value: 0}));
    if (j.converted) {
      g.conversions++;
      g.value += j.value ?? 0;
    } else g.nulls++;
  }
  return [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, g]) => g);
}
