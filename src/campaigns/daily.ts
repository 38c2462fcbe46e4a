/**
 * The daily performance rows of the campaign report in the browser: read once from the Arrow file,
 * then filtered by the page's filter bar (date range, channels, campaigns) and summed. Dates are
 * ms since epoch at UTC midnight. Metric definitions come from src/analytics/metrics.ts.
 */
import {cac, comparePeriods, conversionRate, cpa, ctr, relativeChange, roas, sumTotals, type PeriodComparison, type Totals} from "../analytics/metrics.js";
import {CHANNEL_ORDER} from "../components/palette.js";
import type {Facet, FilterValue} from "../components/filters.js";

export const DAY_MS = 86_400_000;

export interface DailyRow {
  date: number;
  campaign_id: string;
  campaign_name: string;
  channel: string;
  impressions: number;
  clicks: number;
  conversions: number;
  spend: number;
  revenue: number;
  new_customers: number;
}

export interface Campaign {
  id: string;
  name: string;
  channel: string;
}

/** Anything that iterates rows of objects with the daily columns (an Arrow table does). */
export type RowSource = Iterable<Record<string, unknown>> | {toArray(): Record<string, unknown>[]};

/** Plain rows from an Arrow table (or any iterable of row objects). */
export function dailyRows(source: RowSource): DailyRow[] {
  const rows = "toArray" in source ? source.toArray() : [...source];
  return rows.map((r) => ({
    date: Number(r.date),
    campaign_id: String(r.campaign_id),
    campaign_name: String(r.campaign_name),
    channel: String(r.channel),
    impressions: Number(r.impressions),
    clicks: Number(r.clicks),
    conversions: Number(r.conversions),
    spend: Number(r.spend),
    revenue: Number(r.revenue),
    new_customers: Number(r.new_customers)
  }));
}

/** Campaigns present in the rows, in channel order then by name. */
export function campaignsOf(rows: readonly DailyRow[]): Campaign[] {
  const byId = new Map<string, Campaign>();
  for (const r of rows) if (!byId.has(r.campaign_id)) byId.set(r.campaign_id, {id: r.campaign_id, name: r.campaign_name, channel: r.channel});
  return [...byId.values()].sort((a, b) => channelRank(a.channel) - channelRank(b.channel) || a.name.localeCompare(b.name));
}

/** Position of a channel in the site's channel order (unknown channels last). */
export function channelRank(channel: string): number {
  const i = CHANNEL_ORDER.indexOf(channel);
  return i < 0 ? CHANNEL_ORDER.length : i;
}

/** Channels present in the rows, in the site's order. */
export function channelsOf(rows: readonly {channel: string}[]): string[] {
  return [...new Set(rows.map((r) => r.channel))].sort((a, b) => channelRank(a) - channelRank(b));
}

/** The facets of the campaign report's filter bar: channel, then campaign (limited to the chosen channels). */
export function campaignFacets(campaigns: readonly Campaign[]): Facet[] {
  const channels = [...new Set(campaigns.map((c) => c.channel))].sort((a, b) => channelRank(a) - channelRank(b));
  return [
    {key: "channel", label: "Channel", plural: "channels", options: channels.map((c) => ({value: c, label: c[0].toUpperCase() + c.slice(1)}))},
    {key: "campaign", label: "Campaign", plural: "campaigns", dependsOn: "channel", options: campaigns.map((c) => ({value: c.id, label: c.name, group: c.channel}))}
  ];
}

export interface Selection {
  start: number;
  end: number;
  channels: readonly string[];
  campaigns: readonly string[];
}

/** The selection of a filter bar value. */
export function selectionOf(value: FilterValue): Selection {
  return {start: value.start, end: value.end, channels: (value.channel as string[]) ?? [], campaigns: (value.campaign as string[]) ?? []};
}

/** Rows of the selected channels and campaigns (any date). */
export function rowsInScope<T extends {channel: string; campaign_id: string}>(rows: readonly T[], selection: Pick<Selection, "channels" | "campaigns">): T[] {
  const channels = new Set(selection.channels);
  const campaigns = new Set(selection.campaigns);
  return rows.filter((r) => channels.has(r.channel) && campaigns.has(r.campaign_id));
}

/** Rows of the selected channels and campaigns within [start, end] (inclusive days). */
export function selectRows<T extends {date: number; channel: string; campaign_id: string}>(rows: readonly T[], selection: Selection): T[] {
  return rowsInScope(rows, selection).filter((r) => r.date >= selection.start && r.date <= selection.end);
}

/** Number of days in a selection's range. */
export const selectionDays = (s: Pick<Selection, "start" | "end">) => Math.round((s.end - s.start) / DAY_MS) + 1;

export interface SelectionTotals extends PeriodComparison {
  /** Whether the whole previous period lies within the data (else its deltas are not shown). */
  previousComplete: boolean;
  days: number;
}

/**
 * Totals of the selected range and of the period of the same length just before it, for the
 * selected channels and campaigns. `firstDay` is the first day of data: a previous period starting
 * before it is incomplete and its deltas would mislead, so they are dropped.
 */
export function selectionTotals(rows: readonly DailyRow[], selection: Selection, firstDay: number): SelectionTotals {
  const days = selectionDays(selection);
  const comparison = comparePeriods(rowsInScope(rows, selection), {end: selection.end, days});
  return {...comparison, days, previousComplete: comparison.previousRange[0] >= firstDay};
}

export interface Kpi {
  key: "spend" | "revenue" | "conversions" | "roas" | "cpa" | "ctr" | "cvr" | "cac";
  title: string;
  value: number;
  previous: number;
  /** Relative change against the previous period (NaN when there is none). */
  change: number;
  /** Which direction is good news; "neutral" for spend (neither good nor bad by itself). */
  better: "up" | "down" | "neutral";
  kind: "money" | "count" | "ratio" | "percent";
}

/** The report's KPIs for a selection, each with its change on the previous period. */
export function kpisOf(totals: SelectionTotals): Kpi[] {
  const {current, previous, previousComplete} = totals;
  const make = (key: Kpi["key"], title: string, f: (t: Totals) => number, better: Kpi["better"], kind: Kpi["kind"]): Kpi => {
    const value = f(current);
    const before = previousComplete ? f(previous) : NaN;
    return {key, title, value, previous: before, change: relativeChange(value, before), better, kind};
  };
  return [
    make("spend", "Spend", (t) => t.spend, "neutral", "money"),
    make("revenue", "Revenue", (t) => t.revenue, "up", "money"),
    make("conversions", "Conversions", (t) => t.conversions, "up", "count"),
    make("roas", "ROAS", roas, "up", "ratio"),
    make("cpa", "CPA", cpa, "down", "money"),
    make("ctr", "CTR", ctr, "up", "percent"),
    make("cvr", "Conversion rate", conversionRate, "up", "percent"),
    make("cac", "CAC", cac, "down", "money")
  ];
}

export interface GroupTotals extends Totals {
  key: string;
}

/** Totals per value of `by` (e.g. channel or campaign_id). */
export function totalsBy<T extends DailyRow>(rows: readonly T[], by: (row: T) => string): GroupTotals[] {
  const groups = new Map<string, T[]>();
  for (const r of rows) {
    const k = by(r);
    let list = groups.get(k);
    if (!list) groups.set(k, (list = []));
    list.push(r);
  }
  return [...groups].map(([key, list]) => ({key, ...sumTotals(list)}));
}

/** Sums of the metric columns per calendar month (first day of the month, ms) and group. */
export function totalsByMonthAnd<T extends DailyRow>(rows: readonly T[], by: (row: T) => string): (GroupTotals & {month: number; days: number})[] {
  const groups = new Map<string, {month: number; key: string; rows: T[]; days: Set<number>}>();
  for (const r of rows) {
    const d = new Date(r.date);
    const month = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
    const key = by(r);
    const id = `${month}|${key}`;
    let g = groups.get(id);
    if (!g) groups.set(id, (g = {month, key, rows: [], days: new Set()}));
    g.rows.push(r);
    g.days.add(r.date);
  }
  return [...groups.values()].sort((a, b) => a.month - b.month || a.key.localeCompare(b.key)).map((g) => ({month: g.month, key: g.key, days: g.days.size, ...sumTotals(g.rows)}));
}

/** Sums per day of the metric columns over the rows (one entry per day present). */
export function dailyTotals(rows: readonly DailyRow[]): (Totals & {date: number})[] {
  const byDay = new Map<number, DailyRow[]>();
  for (const r of rows) {
    let list = byDay.get(r.date);
    if (!list) byDay.set(r.date, (list = []));
    list.push(r);
  }
  return [...byDay].sort((a, b) => a[0] - b[0]).map(([date, list]) => ({date, ...sumTotals(list)}));
}
