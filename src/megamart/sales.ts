/**
 * The executive page's arithmetic on the report models (rows as they come from Arrow: dates in ms
 * at UTC midnight): filter by period, region, channel and category; totals and KPIs with their
 * change against the previous period of the same length and the same period a year earlier; weekly
 * series; the lift of each retail season. Every KPI is a ratio of sums (src/analytics/metrics.ts).
 */
import {ratio, relativeChange} from "../analytics/metrics.js";
import {isoWeekStart} from "../analytics/time.js";

export const DAY_MS = 86_400_000;

export interface SalesRow {
  date: number;
  channel: string;
  region: string;
  category: string;
  orders: number;
  units: number;
  net_revenue: number;
  gross_margin: number;
  discount: number;
  refunds: number;
}

export interface OrderRow {
  date: number;
  channel: string;
  region: string;
  orders: number;
  member_orders: number;
  first_orders: number;
  members: number;
  net_revenue: number;
  gross_margin: number;
  refunds: number;
}

export interface AcquisitionRow {
  date: number;
  channel: string;
  spend: number;
  new_members: number;
}

export interface Scope {
  start: number;
  end: number;
  regions?: readonly string[];
  channels?: readonly string[];
  categories?: readonly string[];
}

/** Plain objects from an Arrow table (or any iterable of rows with toJSON). */
export function rowsOf<T>(table: Iterable<unknown>): T[] {
  return Array.from(table, (r) => ((r as {toJSON?: () => T}).toJSON ? (r as {toJSON: () => T}).toJSON() : (r as T)));
}

const within = (date: number, start: number, end: number) => date >= start && date <= end;

export function inScope<T extends {date: number; region?: string; channel?: string; category?: string}>(rows: readonly T[], scope: Scope): T[] {
  const regions = scope.regions ? new Set(scope.regions) : null;
  const channels = scope.channels ? new Set(scope.channels) : null;
  const categories = scope.categories ? new Set(scope.categories) : null;
  return rows.filter(
    (r) =>
      within(r.date, scope.start, scope.end) &&
      (!regions || r.region === undefined || regions.has(r.region)) &&
      (!channels || r.channel === undefined || channels.has(r.channel)) &&
      (!categories || r.category === undefined || categories.has(r.category))
  );
}

/** The previous period of the same length, and the same period one year (364 days, same weekdays) earlier. */
export function comparisonScopes(scope: Scope): {previous: Scope; lastYear: Scope} {
  const length = scope.end - scope.start + DAY_MS;
  return {previous: {...scope, start: scope.start - length, end: scope.start - DAY_MS}, lastYear: {...scope, start: scope.start - 364 * DAY_MS, end: scope.end - 364 * DAY_MS}};
}

export interface Totals {
  revenue: number;
  margin: number;
  discount: number;
  refunds: number;
  units: number;
  orders: number;
  memberOrders: number;
  firstOrders: number;
  spend: number;
  newMembers: number;
  paidNewMembers: number;
  days: number;
}

export function totals(sales: readonly SalesRow[], orders: readonly OrderRow[], acquisition: readonly AcquisitionRow[], scope: Scope): Totals {
  const t: Totals = {revenue: 0, margin: 0, discount: 0, refunds: 0, units: 0, orders: 0, memberOrders: 0, firstOrders: 0, spend: 0, newMembers: 0, paidNewMembers: 0, days: Math.round((scope.end - scope.start) / DAY_MS) + 1};
  for (const r of inScope(sales, scope)) {
    t.revenue += r.net_revenue;
    t.margin += r.gross_margin;
    t.discount += r.discount;
    t.refunds += r.refunds;
    t.units += r.units;
  }
  for (const r of inScope(orders, {...scope, categories: undefined})) {
    t.orders += r.orders;
    t.memberOrders += r.member_orders;
    t.firstOrders += r.first_orders;
  }
  for (const r of acquisition) {
    if (!within(r.date, scope.start, scope.end)) continue;
    t.spend += r.spend;
    t.newMembers += r.new_members;
    if (r.spend > 0 || ["paid_search", "paid_social", "display", "affiliate", "referral"].includes(r.channel)) t.paidNewMembers += r.new_members;
  }
  return t;
}

export interface Kpi {
  key: string;
  title: string;
  value: number;
  kind: "money" | "percent" | "number";
  previous: number;
  lastYear: number;
  better: "up" | "down";
  note?: string;
}

/** The executive KPIs for the scope, with the previous period and last year. */
export function kpis(current: Totals, previous: Totals, lastYear: Totals): Kpi[] {
  const make = (key: string, title: string, kind: Kpi["kind"], better: Kpi["better"], f: (t: Totals) => number, note?: string): Kpi => ({key, title, kind, better, value: f(current), previous: f(previous), lastYear: f(lastYear), note});
  return [
    make("revenue", "Net revenue", "money", "up", (t) => t.revenue),
    make("margin", "Gross margin", "percent", "up", (t) => ratio(t.margin, t.revenue)),
    make("orders", "Orders", "number", "up", (t) => t.orders),
    make("aov", "Average order value", "money", "up", (t) => ratio(t.revenue, t.orders)),
    make("memberShare", "Orders by members", "percent", "up", (t) => ratio(t.memberOrders, t.orders)),
    make("newMembers", "New members", "number", "up", (t) => t.newMembers),
    make("cac", "Blended CAC (paid channels)", "money", "down", (t) => ratio(t.spend, t.paidNewMembers)),
    make("refundRate", "Refunds / revenue", "percent", "down", (t) => ratio(t.refunds, t.revenue))
  ];
}

export const change = (k: Pick<Kpi, "value" | "previous">) => relativeChange(k.value, k.previous);

/** Weekly revenue (ISO weeks, Monday) per key, complete weeks only. */
export function weeklyBy(rows: readonly SalesRow[], key: (r: SalesRow) => string, value: (r: SalesRow) => number = (r) => r.net_revenue): {week: number; key: string; value: number}[] {
  const days = new Map<number, Set<number>>();
  const sums = new Map<string, {week: number; key: string; value: number}>();
  for (const r of rows) {
    const week = isoWeekStart(r.date);
    if (!days.has(week)) days.set(week, new Set());
    days.get(week)!.add(r.date);
    const k = `${week}|${key(r)}`;
    const s = sums.get(k) ?? {week, key: key(r), value: 0};
    s.value += value(r);
    sums.set(k, s);
  }
  return [...sums.values()].filter((s) => days.get(s.week)!.size === 7).sort((a, b) => a.week - b.week || a.key.localeCompare(b.key));
}

/** Sum of a measure per key, with its change against another set of rows. */
export function breakdown<T>(current: readonly T[], previous: readonly T[], key: (r: T) => string, value: (r: T) => number): {key: string; value: number; previous: number; change: number; share: number}[] {
  const sum = (rows: readonly T[]) => {
    const m = new Map<string, number>();
    for (const r of rows) m.set(key(r), (m.get(key(r)) ?? 0) + value(r));
    return m;
  };
  const now = sum(current);
  const before = sum(previous);
  const total = [...now.values()].reduce((a, b) => a + b, 0);
  return [...now.entries()].map(([k, v]) => ({key: k, value: v, previous: before.get(k) ?? 0, change: relativeChange(v, before.get(k) ?? 0), share: ratio(v, total)})).sort((a, b) => b.value - a.value);
}

/**
 * Each retail season's lift: mean daily revenue on the season's days against the mean on ordinary
 * days (no season) of the same year, in the scope's regions, channels and categories (all dates).
 */
export function seasonLift(rows: readonly SalesRow[], seasonOf: ReadonlyMap<number, string | null>): {season: string; year: number; days: number; perDay: number; ordinaryPerDay: number; lift: number}[] {
  const byDay = new Map<number, number>();
  for (const r of rows) byDay.set(r.date, (byDay.get(r.date) ?? 0) + r.net_revenue);
  const groups = new Map<string, {season: string; year: number; days: number; revenue: number}>();
  for (const [date, revenue] of byDay) {
    const season = seasonOf.get(date) ?? "ordinary days";
    const year = new Date(date).getUTCFullYear();
    const k = `${season}|${year}`;
    const g = groups.get(k) ?? {season, year, days: 0, revenue: 0};
    g.days++;
    g.revenue += revenue;
    groups.set(k, g);
  }
  const ordinary = new Map([...groups.values()].filter((g) => g.season === "ordinary days").map((g) => [g.year, g.revenue / g.days]));
  return [...groups.values()]
    .filter((g) => g.season !== "ordinary days")
    .map((g) => ({season: g.season, year: g.year, days: g.days, perDay: g.revenue / g.days, ordinaryPerDay: ordinary.get(g.year) ?? NaN, lift: ratio(g.revenue / g.days, ordinary.get(g.year) ?? NaN)}))
    .sort((a, b) => a.year - b.year || a.season.localeCompare(b.season));
}
