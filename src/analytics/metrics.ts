/**
 * Marketing metric definitions shared by every report, each a ratio of sums (never a mean of
 * per-row ratios, which would weight a $1 day like a $10,000 one):
 *   ROAS = revenue / spend          CPA = spend / conversions       CTR = clicks / impressions
 *   conversion rate = conversions / clicks                          CAC = spend / new customers
 * A ratio with a zero denominator is undefined and returned as NaN, so pages show "–", not ∞.
 */

export interface Totals {
  impressions: number;
  clicks: number;
  conversions: number;
  spend: number;
  revenue: number;
  newCustomers: number;
}

export type MetricRow = {
  impressions: number;
  clicks: number;
  conversions: number;
  spend: number;
  revenue: number;
  new_customers?: number;
};

export function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? NaN : numerator / denominator;
}

export function sumTotals(rows: Iterable<MetricRow>): Totals {
  const t: Totals = {impressions: 0, clicks: 0, conversions: 0, spend: 0, revenue: 0, newCustomers: 0};
  for (const r of rows) {
    t.impressions += r.impressions;
    t.clicks += r.clicks;
    t.conversions += r.conversions;
    t.spend += r.spend;
    t.revenue += r.revenue;
    t.newCustomers += r.new_customers ?? 0;
  }
  return t;
}

export const roas = (t: Pick<Totals, "revenue" | "spend">) => ratio(t.revenue, t.spend);
export const cpa = (t: Pick<Totals, "spend" | "conversions">) => ratio(t.spend, t.conversions);
export const ctr = (t: Pick<Totals, "clicks" | "impressions">) => ratio(t.clicks, t.impressions);
export const conversionRate = (t: Pick<Totals, "conversions" | "clicks">) => ratio(t.conversions, t.clicks);
export const cac = (t: Pick<Totals, "spend" | "newCustomers">) => ratio(t.spend, t.newCustomers);

/** Relative change from `previous` to `current` (0.1 = +10%); NaN when previous is 0 or missing. */
export function relativeChange(current: number, previous: number): number {
  return previous === 0 || !Number.isFinite(previous) ? NaN : (current - previous) / Math.abs(previous);
}

export interface PeriodComparison {
  current: Totals;
  previous: Totals;
  /** [start, end) of each period in ms since epoch (UTC). */
  currentRange: [number, number];
  previousRange: [number, number];
}

const DAY = 86_400_000;

/**
 * Splits rows into the last `days` days up to and including `end` and the `days` before them,
 * and sums each period. `date` is ms since epoch (UTC midnight), as Arrow dates arrive in pages.
 */
export function comparePeriods<T extends MetricRow & {date: number}>(rows: Iterable<T>, {end, days}: {end: number; days: number}): PeriodComparison {
  const currentRange: [number, number] = [end - (days - 1) * DAY, end + DAY];
  const previousRange: [number, number] = [currentRange[0] - days * DAY, currentRange[0]];
  const current: T[] = [];
  const previous: T[] = [];
  for (const r of rows) {
    if (r.date >= currentRange[0] && r.date < currentRange[1]) current.push(r);
    else if (r.date >= previousRange[0] && r.date < previousRange[1]) previous.push(r);
  }
  return {current: sumTotals(current), previous: sumTotals(previous), currentRange, previousRange};
}
