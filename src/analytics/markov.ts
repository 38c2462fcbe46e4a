/**
 * First-order Markov chain of customer journeys and each channel's removal effect.
 *
 * Estimates: from paths (converting and not), the probability of moving from one state to the
 * next — states (start), one per channel, and the absorbing (conversion) and (null) — and from
 * those, by solving the absorbing chain, the probability that a journey from (start) converts. The
 * removal effect of a channel is the relative drop in that probability when every transition into
 * the channel leads to (null) instead: RE_c = 1 − P(conversion | c removed) / P(conversion).
 * Reference: Anderl, Becker, von Wangenheim & Schumann (2016), "Mapping the customer journey:
 * lessons learned from graph-based online attribution modeling", International Journal of Research
 * in Marketing 33(3):457–474; ChannelAttribution's `markov_model` (Altomare & Loris), whose
 * encoding we follow: consecutive repeats of a channel are one state visit ("A > A > B" is
 * "A > B"), every transition of a path counts conversions + nulls times, the last channel moves to
 * (conversion) `conversions` times and to (null) `nulls` times. ChannelAttribution estimates the
 * probabilities by simulating journeys; we solve the linear system (I − Q)x = r exactly.
 * Value: as in ChannelAttribution, a conversion's value depends on the channel it converts from
 * (there it is drawn from that channel's observed values; here its mean), so the value removal
 * effect is 1 − E[value | c removed] / E[value], with E[value] solved like the probability.
 * Tests (test/analytics/attribution.test.ts) prove: a three-channel chain solved by hand, a larger
 * chain against numpy's `linalg.solve` (test/fixtures/attribution/reference.py), and the removal
 * effects on simulated journeys (see attribution.ts).
 * The attribution itself (credit ∝ removal effect) is `markovAttribution` in attribution.ts.
 */
import {LuDecomposition, Matrix} from "ml-matrix";
import type {ConversionPath} from "./attribution.js";

/** A fitted first-order chain. Transient states: 0 = (start), 1..m = `channels` in order. */
export interface MarkovChain {
  /** Channel names, sorted; channel i is transient state i + 1. */
  channels: string[];
  /** Transition counts between transient states: counts[from][to], from/to in 0..m. */
  counts: number[][];
  /** Counts from each transient state into (conversion) and into (null). */
  toConversion: number[];
  toNull: number[];
  /** Mean value of one conversion from each transient state (0 when it has none or no values). */
  valuePerConversion: number[];
}

/** One estimated transition probability, for tables and graphs. */
export interface MarkovTransition {
  from: string;
  to: string;
  probability: number;
}

export const START = "(start)";
export const CONVERSION = "(conversion)";
export const NULL = "(null)";

/** The chain's counts from paths (assumed validated: non-empty paths, counts ≥ 0). */
export function fitMarkovChain(paths: readonly ConversionPath[]): MarkovChain {
  const channels = [...new Set(paths.flatMap((p) => p.path))].sort();
  const index = new Map(channels.map((c, i) => [c, i + 1]));
  const size = channels.length + 1;
  const counts = Array.from({length: size}, () => new Array<number>(size).fill(0));
  const toConversion = new Array<number>(size).fill(0);
  const toNull = new Array<number>(size).fill(0);
  const conversionValue = new Array<number>(size).fill(0);
  for (const p of paths) {
    const journeys = p.conversions + (p.nulls ?? 0);
    if (journeys === 0) continue;
    let from = 0;
    for (const c of p.path) {
      const to = index.get(c)!;
      if (to === from) continue; // a repeat of the same channel stays in its state
      counts[from][to] += journeys;
      from = to;
    }
    toConversion[from] += p.conversions;
    toNull[from] += p.nulls ?? 0;
    conversionValue[from] += p.value ?? 0;
  }
  const valuePerConversion = conversionValue.map((v, s) => (toConversion[s] > 0 ? v / toConversion[s] : 0));
  return {channels, counts, toConversion, toNull, valuePerConversion};
}

/** Row-normalised transition probabilities (rows with no outflow stay zero: the journey ends there). */
function probabilities(chain: MarkovChain): {Q: number[][]; r: number[]} {
  const size = chain.counts.length;
  const Q = chain.counts.map((row) => row.slice());
  const r = chain.toConversion.slice();
  for (let s = 0; s < size; s++) {
    const total = chain.counts[s].reduce((a, b) => a + b, 0) + chain.toConversion[s] + chain.toNull[s];
    for (let t = 0; t < size; t++) Q[s][t] = total > 0 ? Q[s][t] / total : 0;
    r[s] = total > 0 ? r[s] / total : 0;
  }
  return {Q, r};
}

/**
 * Solves x = Qx + b for the transient states, i.e. (I − Q)x = b, with channel `removed` (if any)
 * sent to (null): its row of Q and its b are zero. Returns x at (start).
 */
function absorb(Q: number[][], b: number[], removed: number | null): number {
  const size = Q.length;
  const A = Matrix.eye(size);
  const rhs = new Array<number>(size).fill(0);
  for (let s = 0; s < size; s++) {
    if (s === removed) continue;
    for (let t = 0; t < size; t++) if (Q[s][t] !== 0) A.set(s, t, A.get(s, t) - Q[s][t]);
    rhs[s] = b[s];
  }
  return new LuDecomposition(A).solve(Matrix.columnVector(rhs)).get(0, 0);
}

/** The transition probabilities, including those into (conversion) and (null). */
export function markovTransitions(chain: MarkovChain): MarkovTransition[] {
  const {Q, r} = probabilities(chain);
  const name = (s: number) => (s === 0 ? START : chain.channels[s - 1]);
  const out: MarkovTransition[] = [];
  for (let s = 0; s < Q.length; s++) {
    const total = chain.counts[s].reduce((a, b) => a + b, 0) + chain.toConversion[s] + chain.toNull[s];
    for (let t = 0; t < Q.length; t++) if (Q[s][t] > 0) out.push({from: name(s), to: name(t), probability: Q[s][t]});
    if (r[s] > 0) out.push({from: name(s), to: CONVERSION, probability: r[s]});
    if (chain.toNull[s] > 0) out.push({from: name(s), to: NULL, probability: chain.toNull[s] / total});
  }
  return out;
}

/**
 * P(a journey from (start) converts), optionally with one channel removed (its inflow goes to
 * (null)). With no non-converting paths in the data this is 1.
 */
export function markovConversionProbability(chain: MarkovChain, removedChannel?: string): number {
  const {Q, r} = probabilities(chain);
  return absorb(Q, r, removalIndex(chain, removedChannel));
}

/** Expected conversion value of a journey from (start), optionally with one channel removed. */
export function markovExpectedValue(chain: MarkovChain, removedChannel?: string): number {
  const {Q, r} = probabilities(chain);
  return absorb(Q, r.map((p, s) => p * chain.valuePerConversion[s]), removalIndex(chain, removedChannel));
}

function removalIndex(chain: MarkovChain, channel: string | undefined): number | null {
  if (channel === undefined) return null;
  const i = chain.channels.indexOf(channel);
  if (i < 0) throw new Error(`markov: unknown channel ${JSON.stringify(channel)}; the chain has ${chain.channels.join(", ")}`);
  return i + 1;
}

/** Removal effects of one channel. */
export interface RemovalEffect {
  channel: string;
  /** 1 − P(conversion | removed) / P(conversion). */
  conversion: number;
  /** 1 − E[value | removed] / E[value] (NaN when no path has a value). */
  value: number;
}

/** Removal effect of every channel (in `chain.channels` order). */
export function removalEffects(chain: MarkovChain): RemovalEffect[] {
  const {Q, r} = probabilities(chain);
  const valueRate = r.map((p, s) => p * chain.valuePerConversion[s]);
  const base = absorb(Q, r, null);
  const baseValue = absorb(Q, valueRate, null);
  return chain.channels.map((channel, i) => ({
    channel,
    conversion: 1 - absorb(Q, r, i + 1) / base,
    value: baseValue !== 0 ? 1 - absorb(Q, valueRate, i + 1) / baseValue : NaN
  }));
}
