/**
 * The true conversion model of the simulated journeys and each channel's true contribution.
 *
 * A journey that touches the set S of channels converts with probability
 *     P(S) = 1 − (1 − base) · Π_{c ∈ S} (1 − lift_c)
 * ("noisy-OR": each channel independently persuades with probability lift_c; a repeat touch of the
 * same channel adds nothing). The incremental value of S is v(S) = P(S) − P(∅), and a channel's
 * true contribution to a journey is its Shapley value in v (Shapley 1953): the average, over all
 * orders in which the journey's channels could be added, of the conversion probability the channel
 * adds. Summed over journeys it gives each channel's expected incremental conversions, the
 * benchmark the attribution models are compared with (they can only share out observed
 * conversions, baseline ones included, so the comparison is in shares).
 *
 * Tests (test/campaigns/journeyTruth.test.ts): hand-worked two-channel values, efficiency (the
 * Shapley values add up to v(S)) and symmetry.
 */

export interface JourneyModel {
  /** Conversion probability with no marketing touch. */
  base: number;
  /** Probability that a touch of each channel persuades (independently of the others). */
  lift: Record<string, number>;
}

/** Conversion probability of a journey touching `channels` (duplicates ignored). */
export function conversionProbability(model: JourneyModel, channels: Iterable<string>): number {
  let none = 1 - model.base;
  for (const c of new Set(channels)) none *= 1 - (model.lift[c] ?? 0);
  return 1 - none;
}

/**
 * Exact Shapley value of each channel in the journey's incremental conversion probability
 * v(S) = P(S) − P(∅). Enumerates the subsets of the distinct channels (at most 2^k for k channels).
 */
export function shapleyCredit(model: JourneyModel, channels: Iterable<string>): Map<string, number> {
  const distinct = [...new Set(channels)];
  const k = distinct.length;
  const credit = new Map<string, number>(distinct.map((c) => [c, 0]));
  if (k === 0) return credit;
  const keep = distinct.map((c) => 1 - (model.lift[c] ?? 0));
  const factorial = [1];
  for (let i = 1; i <= k; i++) factorial.push(factorial[i - 1] * i);
  // v(S) = (1 − base)(1 − Π_{c∈S} keep_c); the marginal of c to S is (1 − base) Π_S keep · (1 − keep_c).
  for (let mask = 0; mask < 1 << k; mask++) {
    let product = 1;
    let size = 0;
    for (let j = 0; j < k; j++)
      if (mask & (1 << j)) {
        product *= keep[j];
        size++;
      }
    const weight = (factorial[size] * factorial[k - size - 1]) / factorial[k];
    for (let j = 0; j < k; j++) {
      if (mask & (1 << j)) continue;
      credit.set(distinct[j], credit.get(distinct[j])! + weight * (1 - model.base) * product * (1 - keep[j]));
    }
  }
  return credit;
}

/** Each channel's share of the expected incremental conversions over many journeys (sums to 1). */
export function trueContributionShares(model: JourneyModel, journeys: Iterable<Iterable<string>>): Map<string, number> {
  const totals = new Map<string, number>();
  const cache = new Map<string, Map<string, number>>();
  for (const journey of journeys) {
    const key = [...new Set(journey)].sort().join(">");
    let credit = cache.get(key);
    if (!credit) cache.set(key, (credit = shapleyCredit(model, key ? key.split(">") : [])));
    for (const [c, v] of credit) totals.set(c, (totals.get(c) ?? 0) + v);
  }
  const sum = [...totals.values()].reduce((a, b) => a + b, 0);
  return new Map([...totals].map(([c, v]) => [c, sum > 0 ? v / sum : NaN]));
}
