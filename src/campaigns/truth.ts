/**
 * The simulation's true channel response, shared by the simulation (data-loaders/campaigns) and
 * the pages that compare a model's recommendation with the truth. Only simulated builds have a
 * truth (src/data/campaigns/truth.json); with real data the pages leave the comparison out.
 */

/** The true response of one channel's campaigns: expected revenue of a day's spend at demand 1. */
export interface ChannelResponseTruth {
  channel: string;
  /** Average revenue per dollar at the reference daily spend. */
  roas: number;
  /** Exponent of the power response: below 1 means diminishing returns. */
  elasticity: number;
  /** Reference daily spend per campaign (USD). */
  referenceSpend: number;
}

/** R(s) = roas · ref · (s / ref)^elasticity: expected revenue of spending `spend` on one campaign-day at demand 1. */
export function trueExpectedRevenue(truth: ChannelResponseTruth, spend: number): number {
  if (spend <= 0) return 0;
  return truth.roas * truth.referenceSpend * Math.pow(spend / truth.referenceSpend, truth.elasticity);
}

/** Demand multipliers of the simulated days: values[i] applies to day first + i (days since 1970-01-01). */
export interface DemandByDay {
  first: number;
  values: readonly number[];
}

const DAY_MS = 86_400_000;

/**
 * True expected revenue of campaign-days if each channel's spend were multiplied by its factor
 * (1 when absent): Σ demand(t) · R_c(m_c · s). Rows have `date` in ms, `channel` and `spend`.
 */
export function trueRevenueAt(rows: Iterable<{date: number; channel: string; spend: number}>, multipliers: ReadonlyMap<string, number>, truth: Readonly<Record<string, ChannelResponseTruth>>, demand: DemandByDay): number {
  let total = 0;
  for (const r of rows) {
    const t = truth[r.channel];
    if (!t) continue;
    const d = demand.values[Math.round(r.date / DAY_MS) - demand.first] ?? 1;
    total += d * trueExpectedRevenue(t, r.spend * (multipliers.get(r.channel) ?? 1));
  }
  return total;
}
