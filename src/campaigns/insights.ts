/**
 * Automated insights: short sentences computed from the numbers of a selection, each with a tone
 * (good, bad or neutral news) so a page can colour it. Every sentence states the numbers it rests
 * on; nothing is said when the data cannot support it (e.g. no previous period, a single channel).
 * Tests on crafted data: test/campaigns/insights.test.ts.
 */
import {relativeChange, type Totals} from "../analytics/metrics.js";
import {formatDelta, formatMoney, formatPercent, formatRatio} from "../components/format.js";

export interface Insight {
  /** Stable id of the kind of sentence (for tests and anchors). */
  kind: string;
  tone: "good" | "bad" | "neutral";
  text: string;
}

export interface NamedTotals extends Totals {
  key: string;
  /** Display name (defaults to the key). */
  name?: string;
}

const nameOf = (t: NamedTotals) => t.name ?? capitalise(t.key);
export const capitalise = (s: string) => (s ? s[0].toUpperCase() + s.slice(1) : s);
const roasOf = (t: Pick<Totals, "spend" | "revenue">) => (t.spend > 0 ? t.revenue / t.spend : NaN);

/** "a, b and c". */
export function listOf(items: readonly string[], max = 4): string {
  const shown = items.slice(0, max);
  const rest = items.length - shown.length;
  if (rest > 0) shown.push(`${rest} more`);
  if (shown.length <= 1) return shown.join("");
  return `${shown.slice(0, -1).join(", ")} and ${shown[shown.length - 1]}`;
}

export interface OverviewInput {
  total: Totals;
  /** Totals of the previous period of the same length, or undefined when it is not in the data. */
  previousTotal?: Totals;
  days: number;
  channels: readonly NamedTotals[];
  previousChannels?: readonly NamedTotals[];
  campaigns: readonly NamedTotals[];
}

/** The overview's sentences: return and its change, best and worst channel, losing campaigns, biggest mover, mix. */
export function overviewInsights({total, previousTotal, days, channels, previousChannels, campaigns}: OverviewInput): Insight[] {
  const out: Insight[] = [];
  const roas = roasOf(total);
  if (!(total.spend > 0)) return [{kind: "empty", tone: "neutral", text: "No spend in the selected period and campaigns: widen the filters."}];

  // 1. The return and its change.
  const before = previousTotal ? roasOf(previousTotal) : NaN;
  const change = relativeChange(roas, before);
  out.push({
    kind: "return",
    tone: !Number.isFinite(change) || Math.abs(change) < 0.02 ? (roas >= 1 ? "neutral" : "bad") : change > 0 ? "good" : "bad",
    text:
      `Every dollar spent returned ${formatMoney(roas)} in revenue (${formatMoney(total.spend)} spent, ${formatMoney(total.revenue)} earned)` +
      (Number.isFinite(change) ? `, ${Math.abs(change) < 0.005 ? "unchanged" : `${change > 0 ? "up" : "down"} ${formatDelta(change).slice(1)}`} on the previous ${days} days (${formatRatio(before)}).` : ".")
  });

  // 2. Best and worst channel by ROAS.
  const spending = channels.filter((c) => c.spend > 0);
  if (spending.length >= 2) {
    const sorted = spending.slice().sort((a, b) => roasOf(b) - roasOf(a));
    const best = sorted[0];
    const worst = sorted[sorted.length - 1];
    const below = sorted.filter((c) => roasOf(c) < 1);
    out.push({
      kind: "channels",
      tone: below.length ? "bad" : "neutral",
      text:
        `${nameOf(best)} returns the most per dollar (${formatRatio(roasOf(best))}) and ${nameOf(worst)} the least (${formatRatio(roasOf(worst))})` +
        (below.length ? `; ${listOf(below.map(nameOf))} ${below.length === 1 ? "earns" : "earn"} less than ${below.length === 1 ? "it costs" : "they cost"} on average.` : "; every channel earns more than it costs on average.")
    });
  }

  // 3. Campaigns that lose money.
  const losing = campaigns.filter((c) => c.spend > 0 && roasOf(c) < 1).sort((a, b) => b.spend - a.spend);
  if (campaigns.length > 1) {
    const lost = losing.reduce((s, c) => s + c.spend - c.revenue, 0);
    const spent = losing.reduce((s, c) => s + c.spend, 0);
    out.push(
      losing.length
        ? {
            kind: "losing-campaigns",
            tone: "bad",
            text: `${losing.length} of ${campaigns.length} campaigns earned less than they cost: ${listOf(losing.map(nameOf), 3)} (${formatMoney(spent)} spent, ${formatMoney(lost)} more than they returned).`
          }
        : {kind: "losing-campaigns", tone: "good", text: `All ${campaigns.length} campaigns earned more than they cost.`}
    );
  }

  // 4. The channel whose ROAS moved most (among channels with at least 5% of spend in both periods).
  if (previousChannels && previousChannels.length) {
    const previous = new Map(previousChannels.map((c) => [c.key, c]));
    const moves = spending
      .filter((c) => c.spend >= 0.05 * total.spend && (previous.get(c.key)?.spend ?? 0) > 0)
      .map((c) => ({c, now: roasOf(c), then: roasOf(previous.get(c.key)!), change: relativeChange(roasOf(c), roasOf(previous.get(c.key)!))}))
      .filter((m) => Number.isFinite(m.change))
      .sort((a, b) => Math.abs(b.change) - Math.abs(a.change));
    if (moves.length && Math.abs(moves[0].change) >= 0.05) {
      const m = moves[0];
      out.push({
        kind: "mover",
        tone: m.change > 0 ? "good" : "bad",
        text: `${nameOf(m.c)}'s ROAS ${m.change > 0 ? "rose" : "fell"} ${formatDelta(m.change).slice(1)} (${formatRatio(m.then)} → ${formatRatio(m.now)}), the largest move of any channel.`
      });
    }
  }

  // 5. The channel whose share of revenue differs most from its share of spend.
  if (spending.length >= 2 && total.revenue > 0) {
    const gaps = spending.map((c) => ({c, spendShare: c.spend / total.spend, revenueShare: c.revenue / total.revenue})).sort((a, b) => Math.abs(b.revenueShare - b.spendShare) - Math.abs(a.revenueShare - a.spendShare));
    const g = gaps[0];
    if (Math.abs(g.revenueShare - g.spendShare) >= 0.03) {
      out.push({
        kind: "mix",
        tone: "neutral",
        text: `${nameOf(g.c)} takes ${formatPercent(g.spendShare, 0)} of spend and brings ${formatPercent(g.revenueShare, 0)} of revenue.`
      });
    }
  }
  return out;
}

export interface MonthlyTotals {
  month: number;
  key: string;
  spend: number;
  revenue: number;
}

/** The channel whose share of spend moved most between the first and the last three months (needs six months). */
export function mixShiftInsight(months: readonly MonthlyTotals[]): Insight | undefined {
  const distinct = [...new Set(months.map((m) => m.month))].sort((a, b) => a - b);
  if (distinct.length < 6) return undefined;
  const share = (window: number[]) => {
    const inWindow = months.filter((m) => window.includes(m.month));
    const total = inWindow.reduce((s, m) => s + m.spend, 0);
    const by = new Map<string, number>();
    for (const m of inWindow) by.set(m.key, (by.get(m.key) ?? 0) + m.spend);
    return {total, by};
  };
  const first = share(distinct.slice(0, 3));
  const last = share(distinct.slice(-3));
  if (!(first.total > 0 && last.total > 0)) return undefined;
  const keys = [...new Set(months.map((m) => m.key))];
  const moves = keys.map((k) => ({k, from: (first.by.get(k) ?? 0) / first.total, to: (last.by.get(k) ?? 0) / last.total})).sort((a, b) => Math.abs(b.to - b.from) - Math.abs(a.to - a.from));
  const m = moves[0];
  if (Math.abs(m.to - m.from) < 0.02) return {kind: "mix-shift", tone: "neutral", text: "The spend mix held steady: no channel's share moved by 2 points or more between the first and last three months."};
  return {
    kind: "mix-shift",
    tone: "neutral",
    text: `${capitalise(m.k)}'s share of spend ${m.to > m.from ? "grew" : "shrank"} from ${formatPercent(m.from, 0)} to ${formatPercent(m.to, 0)} between the first and the last three months of the selection, the largest shift of any channel.`
  };
}

export interface CampaignEfficiencyInput {
  name: string;
  spend: number;
  revenue: number;
  conversions: number;
}

/** Where the cheapest conversions and the highest return come from, and whether they coincide. */
export function efficiencyInsight(campaigns: readonly CampaignEfficiencyInput[]): Insight | undefined {
  const valid = campaigns.filter((c) => c.spend > 0 && c.conversions > 0);
  if (valid.length < 2) return undefined;
  const cheapest = valid.slice().sort((a, b) => a.spend / a.conversions - b.spend / b.conversions)[0];
  const best = valid.slice().sort((a, b) => b.revenue / b.spend - a.revenue / a.spend)[0];
  const cpaText = `${cheapest.name} buys the cheapest conversions (${formatMoney(cheapest.spend / cheapest.conversions)} each)`;
  if (cheapest === best) return {kind: "efficiency", tone: "good", text: `${cpaText} and also returns the most per dollar (${formatRatio(best.revenue / best.spend)}).`};
  return {
    kind: "efficiency",
    tone: "neutral",
    text: `${cpaText}, but ${best.name} returns the most per dollar (${formatRatio(best.revenue / best.spend)} against ${formatRatio(cheapest.revenue / cheapest.spend)}): a low CPA is not a high return when orders are small.`
  };
}

/** How many months each channel spent below break-even (ROAS < 1). */
export function breakEvenInsight(months: readonly MonthlyTotals[]): Insight | undefined {
  const byKey = new Map<string, {below: number; total: number}>();
  for (const m of months) {
    if (!(m.spend > 0)) continue;
    const e = byKey.get(m.key) ?? {below: 0, total: 0};
    e.total++;
    if (m.revenue < m.spend) e.below++;
    byKey.set(m.key, e);
  }
  if (byKey.size === 0) return undefined;
  const losing = [...byKey].filter(([, e]) => e.below > 0).sort((a, b) => b[1].below / b[1].total - a[1].below / a[1].total);
  if (losing.length === 0) return {kind: "break-even", tone: "good", text: `Every channel returned more than it cost in every month of the selection.`};
  const [k, e] = losing[0];
  const others = losing.slice(1).map(([key]) => capitalise(key));
  return {
    kind: "break-even",
    tone: "bad",
    text:
      `${capitalise(k)} returned less than it cost in ${e.below} of ${e.total} months` +
      (others.length ? `; ${listOf(others)} also dipped below break-even at least once.` : byKey.size > 1 ? "; every other channel stayed above break-even in every month." : ".")
  };
}

export interface BudgetRecommendationInput {
  step: number;
  budgetFactor: number;
  level: number;
  channels: readonly {channel: string; spend: number; recommendedSpend: number}[];
  total: {expected: number; lower: number; upper: number};
  mixOnly: {expected: number; lower: number; upper: number};
}

/** The budget page's finding: what to move where, and what it should earn (per month). */
export function budgetInsight(r: BudgetRecommendationInput, {perMonth = 1}: {perMonth?: number} = {}): Insight {
  const level = `${Math.round(r.level * 100)}%`;
  if (r.channels.length < 2) return {kind: "budget", tone: "neutral", text: "Select at least two channels to compare where the next dollar should go."};
  const moves = r.channels.map((c) => ({c, delta: c.recommendedSpend - c.spend * r.budgetFactor}));
  const from = moves.filter((m) => m.delta < -0.005 * m.c.spend).sort((a, b) => a.delta - b.delta);
  const to = moves.filter((m) => m.delta > 0.005 * m.c.spend).sort((a, b) => b.delta - a.delta);
  const moved = to.reduce((s, m) => s + m.delta, 0) * perMonth;
  const budgetText = r.budgetFactor === 1 ? "at the same total budget" : `with a total budget ${formatDelta(r.budgetFactor - 1, 0).slice(1)} ${r.budgetFactor > 1 ? "higher" : "lower"}`;
  if (r.step === 0 || from.length === 0 || to.length === 0) {
    return {
      kind: "budget",
      tone: "neutral",
      text: `No reallocation is recommended: the channels' next-dollar returns are too uncertain in the selected period to move money with ${level} confidence${r.budgetFactor === 1 ? "" : `; scaling every channel ${budgetText} would change revenue by about ${formatMoney(r.total.expected * perMonth)} a month`}. A longer period narrows the uncertainty.`
    };
  }
  const gain = r.budgetFactor === 1 ? r.mixOnly : r.total;
  return {
    kind: "budget",
    tone: gain.expected > 0 ? "good" : "neutral",
    text:
      `Moving about ${formatMoney(moved)} a month from ${listOf(from.map((m) => capitalise(m.c.channel)))} to ${listOf(to.map((m) => capitalise(m.c.channel)))}, ${budgetText}, should ` +
      `${r.budgetFactor === 1 ? "add" : "change revenue by"} about ${formatMoney(gain.expected * perMonth)} a month${r.budgetFactor === 1 ? " in revenue" : ""} (${level} interval ${formatMoney(gain.lower * perMonth)} to ${formatMoney(gain.upper * perMonth)})` +
      (r.budgetFactor === 1 ? "" : `, of which ${formatMoney(r.mixOnly.expected * perMonth)} comes from the new mix`) +
      `.`
  };
}

export interface AttributionInsightInput {
  /** Share of conversions per channel under each model (model label → channel → share). */
  models: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** Label of the last-touch and the data-driven models in `models`. */
  lastTouch: string;
  dataDriven: string;
  /** True contribution shares (simulation only). */
  truth?: ReadonlyMap<string, number>;
}

/** The attribution page's findings: which channel last touch over-credits most, and which model comes closest to the truth. */
export function attributionInsights({models, lastTouch, dataDriven, truth}: AttributionInsightInput): Insight[] {
  const out: Insight[] = [];
  const last = models.get(lastTouch);
  const data = models.get(dataDriven);
  if (!last || !data) return out;
  const reference = truth ?? data;
  const referenceName = truth ? "the simulation's true contribution" : `the ${dataDriven} model`;
  const gaps = [...last].map(([channel, share]) => ({channel, share, reference: reference.get(channel) ?? 0, gap: share - (reference.get(channel) ?? 0)})).sort((a, b) => b.gap - a.gap);
  const over = gaps[0];
  const under = gaps[gaps.length - 1];
  if (over && over.gap > 0.02) {
    out.push({
      kind: "over-credit",
      tone: "bad",
      text: `Last touch gives ${capitalise(over.channel)} ${formatPercent(over.share, 0)} of the conversions, against ${formatPercent(over.reference, 0)} by ${referenceName}${truth ? ` (the data-driven model says ${formatPercent(data.get(over.channel) ?? 0, 0)})` : ""}: it closes sales that other channels opened.`
    });
  }
  if (under && under.gap < -0.02) {
    out.push({
      kind: "under-credit",
      tone: "neutral",
      text: `${capitalise(under.channel)} gets only ${formatPercent(under.share, 0)} from last touch but ${formatPercent(under.reference, 0)} by ${referenceName}: judged on last touch it would look like a channel to cut.`
    });
  }
  if (truth) {
    const ranked = [...models].map(([label, shares]) => {
      let d = 0;
      for (const k of new Set([...shares.keys(), ...truth.keys()])) d += Math.abs((shares.get(k) ?? 0) - (truth.get(k) ?? 0));
      return {label, distance: d / 2};
    });
    ranked.sort((a, b) => a.distance - b.distance);
    const best = ranked[0];
    const lastRank = ranked.find((r) => r.label === lastTouch)!;
    out.push({
      kind: "closest",
      tone: "neutral",
      text: `${best.label} comes closest to the truth: ${formatPercent(best.distance, 0)} of the credit sits with the wrong channel, against ${formatPercent(lastRank.distance, 0)} for last touch.`
    });
  }
  return out;
}

export interface ExperimentVerdictInput {
  name: string;
  verdict: {kind: string};
}

/** One sentence counting the tests' verdicts and naming the winners and the broken ones. */
export function experimentsInsight(results: readonly ExperimentVerdictInput[]): Insight {
  if (results.length === 0) return {kind: "experiments", tone: "neutral", text: "No A/B test ran on the selected channels in the selected period."};
  const of = (kind: string) => results.filter((r) => r.verdict.kind === kind);
  const wins = of("win");
  const losses = of("loss");
  const parts: string[] = [];
  if (wins.length) parts.push(`${wins.length} found a winner (${listOf(wins.map((r) => r.name), 3)})`);
  if (losses.length) parts.push(`${losses.length} found the change harmful (${listOf(losses.map((r) => r.name), 3)})`);
  if (of("no-difference").length) parts.push(`${of("no-difference").length} found no detectable difference`);
  if (of("underpowered").length) parts.push(`${of("underpowered").length} ${of("underpowered").length === 1 ? "was" : "were"} too small to tell`);
  const srm = of("srm");
  if (srm.length) parts.push(`${srm.length} had a broken split and cannot be read (${listOf(srm.map((r) => r.name), 3)})`);
  return {
    kind: "experiments",
    tone: srm.length ? "bad" : wins.length ? "good" : "neutral",
    text: `Of ${results.length} test${results.length === 1 ? "" : "s"}, ${listOf(parts, 5)}.`
  };
}
