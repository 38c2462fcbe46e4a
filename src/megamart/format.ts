/**
 * Formats and computed findings for the MegaMart pages: money in SGD, KPI values, and the
 * executive page's "what stands out" sentences (each from the data, with its tone).
 */
import {formatDelta, formatMoney, formatNumber, formatPercent, formatRatio} from "../components/format.js";
import type {InsightItem} from "../components/insights.js";
import {breakdown, type Kpi, type SalesRow, type Totals} from "./sales.js";

export const sgd = (value: number) => formatMoney(value, {currency: "SGD"});

export function formatKpi(k: Pick<Kpi, "kind" | "value">): string {
  if (k.kind === "money") return sgd(k.value);
  if (k.kind === "percent") return formatPercent(k.value);
  return formatNumber(k.value);
}

export interface ExecutiveFacts {
  now: Totals;
  before: Totals;
  yearAgo: Totals;
  hasPrevious: boolean;
  hasLastYear: boolean;
  current: readonly SalesRow[];
  priorYear: readonly SalesRow[];
  seasons: readonly {season: string; year: number; lift: number}[];
  churn: {status: string; churnRate?: number; valueAtRisk?: number; horizonDays?: number};
  abtests: readonly {verdict: {kind: string}; incrementalMargin: number; sendCost: number; discountCost: number; campaignName: string; variant: string}[];
  ltv: {byChannel?: readonly {group: string; ltvToCac: number}[]};
  days: number;
}

/** Up to six findings, most important first. */
export function executiveInsights(f: ExecutiveFacts): InsightItem[] {
  const out: InsightItem[] = [];
  const {now, before, yearAgo} = f;
  if (now.revenue > 0) {
    const vsPrevious = f.hasPrevious ? now.revenue / before.revenue - 1 : NaN;
    const vsYear = f.hasLastYear ? now.revenue / yearAgo.revenue - 1 : NaN;
    const tone = Number.isFinite(vsYear) ? (vsYear >= 0 ? "good" : "bad") : Number.isFinite(vsPrevious) ? (vsPrevious >= 0 ? "good" : "bad") : "neutral";
    out.push({
      kind: "revenue",
      tone,
      text: `Net revenue ${sgd(now.revenue)} over ${now.days} days${Number.isFinite(vsPrevious) ? `, ${formatDelta(vsPrevious)} on the previous ${now.days} days` : ""}${Number.isFinite(vsYear) ? ` and ${formatDelta(vsYear)} on the same days last year` : ""}; gross margin ${formatPercent(now.margin / now.revenue)}.`
    });
  }
  if (f.hasLastYear && f.priorYear.length) {
    const regions = breakdown(f.current, f.priorYear, (r) => r.region, (r) => r.net_revenue).filter((r) => r.previous > 0);
    if (regions.length >= 2) {
      const up = regions.reduce((a, b) => (b.change > a.change ? b : a));
      const down = regions.reduce((a, b) => (b.change < a.change ? b : a));
      out.push({kind: "regions", tone: down.change < 0 ? "bad" : "neutral", text: `${up.key} grew most on last year (${formatDelta(up.change)}); ${down.key} least (${formatDelta(down.change)}).`});
    }
    const channels = breakdown(f.current, f.priorYear, (r) => (r.channel === "store" ? "stores" : "online"), (r) => r.net_revenue);
    const online = channels.find((c) => c.key === "online");
    if (online && channels.length === 2) {
      const share = online.value / (channels[0].value + channels[1].value);
      const shareBefore = online.previous / (channels[0].previous + channels[1].previous);
      out.push({kind: "online", tone: "neutral", text: `Online (web and app) is ${formatPercent(share)} of revenue, against ${formatPercent(shareBefore)} a year earlier.`});
    }
  }
  const byCategory = new Map<string, {revenue: number; margin: number}>();
  for (const r of f.current) {
    const c = byCategory.get(r.category) ?? {revenue: 0, margin: 0};
    c.revenue += r.net_revenue;
    c.margin += r.gross_margin;
    byCategory.set(r.category, c);
  }
  if (byCategory.size >= 2) {
    const rates = [...byCategory.entries()].map(([key, c]) => ({key, rate: c.margin / c.revenue, share: c.revenue / now.revenue}));
    const low = rates.reduce((a, b) => (b.rate < a.rate ? b : a));
    const high = rates.reduce((a, b) => (b.rate > a.rate ? b : a));
    out.push({kind: "margin", tone: "neutral", text: `${high.key[0].toUpperCase() + high.key.slice(1)} earns the richest margin (${formatPercent(high.rate)}); ${low.key} the thinnest (${formatPercent(low.rate)}) on ${formatPercent(low.share)} of revenue.`});
  }
  if (f.seasons.length) {
    const best = f.seasons.reduce((a, b) => (b.lift > a.lift ? b : a));
    out.push({kind: "season", tone: "good", text: `${best.season} ${best.year} was the strongest season: ${formatRatio(best.lift)} an ordinary day's revenue.`});
  }
  if (f.hasPrevious && now.paidNewMembers > 0 && before.paidNewMembers > 0) {
    const cac = now.spend / now.paidNewMembers;
    const cacBefore = before.spend / before.paidNewMembers;
    out.push({kind: "cac", tone: cac <= cacBefore ? "good" : "bad", text: `Blended CAC ${sgd(cac)} per paid member (${formatDelta(cac / cacBefore - 1)} on the previous period), for ${formatNumber(now.newMembers)} new members in all.`});
  }
  if (f.churn.status === "ok" && f.churn.churnRate !== undefined) {
    out.push({kind: "churn", tone: "bad", text: `${formatPercent(f.churn.churnRate)} of members churned (no purchase in ${f.churn.horizonDays} days); ${sgd(f.churn.valueAtRisk ?? NaN)} of last year's revenue is at risk.`});
  }
  if (f.abtests.length) {
    const net = f.abtests.map((a) => ({...a, net: a.incrementalMargin - a.sendCost - a.discountCost}));
    const best = net.reduce((a, b) => (b.net > a.net ? b : a));
    const wins = net.filter((a) => a.verdict.kind === "win").length;
    out.push({kind: "campaigns", tone: wins > 0 ? "good" : "neutral", text: `${wins} of ${net.length} campaign variants won their test; ${best.campaignName}${best.variant === "B" ? " (B)" : ""} earned the most (${sgd(best.net)} net incremental margin).`});
  }
  return out;
}
