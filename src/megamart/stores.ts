/**
 * The operations page's arithmetic: the store league table for a run of months (revenue, growth on
 * the same months a year earlier, margin, orders, basket, sales density, members' share, refunds),
 * profit by category and channel, and the message funnel per channel.
 */
import {ratio, relativeChange} from "../analytics/metrics.js";

export interface StoreMonth {
  store_id: string;
  month: number;
  orders: number;
  member_orders: number;
  net_revenue: number;
  gross_margin: number;
  refunds: number;
}

export interface Store {
  store_id: string;
  store_name: string;
  region: string;
  planning_area: string;
  format: string;
  size_sqft: number;
  opened_date: number;
  latitude: number;
  longitude: number;
}

export interface LeagueRow extends Store {
  rank: number;
  revenue: number;
  growth: number;
  marginRate: number;
  orders: number;
  aov: number;
  /** Revenue per square foot of floor, annualised. */
  salesDensity: number;
  memberShare: number;
  refundRate: number;
  /** Months of the period the store was open. */
  months: number;
}

const monthStart = (ms: number) => {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
};
const monthsBack = (ms: number, n: number) => {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - n, 1);
};

/** The months [from, to] (first days) of a named period ending with the last month of data. */
export function periodMonths(period: string, lastMonth: number): {from: number; to: number} {
  const last = monthStart(lastMonth);
  if (/^\d{4}$/.test(period)) return {from: Date.UTC(+period, 0, 1), to: Date.UTC(+period, 11, 1)};
  const n = period === "Last 3 months" ? 3 : period === "Last 6 months" ? 6 : 12;
  return {from: monthsBack(last, n - 1), to: last};
}

export function storeLeague(months: readonly StoreMonth[], stores: readonly Store[], {from, to}: {from: number; to: number}): LeagueRow[] {
  const yearBefore = {from: monthsBack(from, 12), to: monthsBack(to, 12)};
  const sums = new Map<string, {revenue: number; margin: number; orders: number; members: number; refunds: number; months: number; before: number}>();
  for (const m of months) {
    const s = sums.get(m.store_id) ?? {revenue: 0, margin: 0, orders: 0, members: 0, refunds: 0, months: 0, before: 0};
    if (m.month >= from && m.month <= to) {
      s.revenue += m.net_revenue;
      s.margin += m.gross_margin;
      s.orders += m.orders;
      s.members += m.member_orders;
      s.refunds += m.refunds;
      s.months++;
    } else if (m.month >= yearBefore.from && m.month <= yearBefore.to) s.before += m.net_revenue;
    sums.set(m.store_id, s);
  }
  const rows = stores
    .map((store) => {
      const s = sums.get(store.store_id) ?? {revenue: 0, margin: 0, orders: 0, members: 0, refunds: 0, months: 0, before: 0};
      // Growth only when the store traded the whole comparison period (else it is a new store).
      const openedBefore = store.opened_date <= yearBefore.from;
      return {
        ...store,
        rank: 0,
        revenue: s.revenue,
        growth: openedBefore ? relativeChange(s.revenue, s.before) : NaN,
        marginRate: ratio(s.margin, s.revenue),
        orders: s.orders,
        aov: ratio(s.revenue, s.orders),
        salesDensity: s.months ? (s.revenue / store.size_sqft) * (12 / s.months) : NaN,
        memberShare: ratio(s.members, s.orders),
        refundRate: ratio(s.refunds, s.revenue),
        months: s.months
      };
    })
    .filter((r) => r.months > 0)
    .sort((a, b) => b.revenue - a.revenue);
  rows.forEach((r, i) => (r.rank = i + 1));
  return rows;
}

export interface ProductChannel {
  product_id: string;
  product_name: string;
  category: string;
  subcategory: string;
  channel: string;
  units: number;
  net_revenue: number;
  gross_margin: number;
  discount: number;
  returned_lines: number;
  lines: number;
  refunds: number;
}

/**
 * Profit after refunds: gross margin less refunds (a refund hands back the revenue; returned goods
 * are assumed unsellable, so their cost is not recovered: a prudent upper bound on the loss).
 */
export const profitAfterRefunds = (r: {gross_margin: number; refunds: number}) => r.gross_margin - r.refunds;

export function categoryChannelCells(rows: readonly ProductChannel[]): {category: string; channel: string; revenue: number; marginRate: number; profitAfterRefunds: number}[] {
  const cells = new Map<string, {category: string; channel: string; revenue: number; margin: number; refunds: number}>();
  for (const r of rows) {
    const k = `${r.category}|${r.channel}`;
    const c = cells.get(k) ?? {category: r.category, channel: r.channel, revenue: 0, margin: 0, refunds: 0};
    c.revenue += r.net_revenue;
    c.margin += r.gross_margin;
    c.refunds += r.refunds;
    cells.set(k, c);
  }
  return [...cells.values()].map((c) => ({category: c.category, channel: c.channel, revenue: c.revenue, marginRate: ratio(c.margin, c.revenue), profitAfterRefunds: c.margin - c.refunds}));
}

/** Products over all channels with profit after refunds, most profitable first. */
export function productProfit(rows: readonly ProductChannel[]): {product_id: string; product_name: string; category: string; subcategory: string; units: number; revenue: number; marginRate: number; returnRate: number; profit: number; onlineShare: number}[] {
  const products = new Map<string, {product_id: string; product_name: string; category: string; subcategory: string; units: number; revenue: number; margin: number; refunds: number; returned: number; lines: number; online: number}>();
  for (const r of rows) {
    const p = products.get(r.product_id) ?? {product_id: r.product_id, product_name: r.product_name, category: r.category, subcategory: r.subcategory, units: 0, revenue: 0, margin: 0, refunds: 0, returned: 0, lines: 0, online: 0};
    p.units += r.units;
    p.revenue += r.net_revenue;
    p.margin += r.gross_margin;
    p.refunds += r.refunds;
    p.returned += r.returned_lines;
    p.lines += r.lines;
    if (r.channel !== "store") p.online += r.net_revenue;
    products.set(r.product_id, p);
  }
  return [...products.values()]
    .map((p) => ({product_id: p.product_id, product_name: p.product_name, category: p.category, subcategory: p.subcategory, units: p.units, revenue: p.revenue, marginRate: ratio(p.margin, p.revenue), returnRate: ratio(p.returned, p.lines), profit: p.margin - p.refunds, onlineShare: ratio(p.online, p.revenue)}))
    .sort((a, b) => b.profit - a.profit);
}

export interface FunnelArm {
  campaign_id: string;
  variant: string;
  assigned: number;
  sent: number;
  delivered: number;
  opened: number;
  clicked: number;
  attributed_purchases: number;
}

/** Funnel per message channel: share of messages sent reaching each step (SMS has no open tracking). */
export function funnelByChannel(arms: readonly FunnelArm[], channelOf: ReadonlyMap<string, string>): {channel: string; step: string; count: number; share: number}[] {
  const sums = new Map<string, Record<string, number>>();
  for (const a of arms) {
    if (a.variant === "control") continue;
    const channel = channelOf.get(a.campaign_id) ?? "unknown";
    const s = sums.get(channel) ?? {sent: 0, delivered: 0, opened: 0, clicked: 0, purchased: 0};
    s.sent += a.sent;
    s.delivered += a.delivered;
    s.opened += a.opened;
    s.clicked += a.clicked;
    s.purchased += a.attributed_purchases;
    sums.set(channel, s);
  }
  return [...sums.entries()].flatMap(([channel, s]) =>
    ["sent", "delivered", "opened", "clicked", "purchased"]
      .filter((step) => !(channel === "sms" && step === "opened"))
      .map((step) => ({channel, step, count: s[step], share: ratio(s[step], s.sent)}))
  );
}
