/**
 * The computations of the "Clients and gifts" page, run in the reader's browser whenever a filter
 * changes: the loader's marts (data-loaders/alyce/clients-marts.ts) in, plain rows out. The date
 * range selects whole months: a month is in when at least half of its days with data fall in the
 * range; the previous period is the same number of months just before. Every measure is a ratio of sums. Tested by
 * hand-worked examples in test/alyce/clients-page.test.ts.
 */
import {concentrationCurve, topShare, type ConcentrationPoint} from "../analytics/concentration.js";
import {relativeChange} from "../analytics/metrics.js";

export interface ClientRow {
  client_id: string;
  company_name: string;
  industry: string;
  size_band: string;
  region: string;
  /** ms since epoch (UTC midnight). */
  signup_date: number;
  signup_quarter: number;
  service: string;
  recipients: number;
}

export interface ClientMonth {
  month: number;
  client_id: string;
  service: string;
  revenue: number;
  sends: number;
  units: number;
  fee: number;
}

export interface GiftMonth {
  month: number;
  industry: string;
  service: string;
  gift_type: string;
  send_size: string;
  revenue: number;
  sends: number;
  units: number;
}

export interface RecipientMonth {
  month: number;
  industry: string;
  service: string;
  relationship: string;
  seniority: string;
  revenue: number;
  sends: number;
}

export interface RecipientCount {
  client_id: string;
  relationship: string;
  seniority: string;
  recipients: number;
}

/** What the filters selected: months (first days, ms), industries and services. */
export interface Selection {
  months: readonly number[];
  industries: readonly string[];
  services: readonly string[];
}

const ratio = (a: number, b: number) => (b === 0 ? NaN : a / b);

/** First day (ms, UTC) of the month containing `ms`, shifted by `offset` months. */
export function monthOf(ms: number, offset = 0): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + offset, 1);
}

/** First day (ms, UTC) of the quarter containing `ms`. */
export function quarterOf(ms: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), 3 * Math.floor(d.getUTCMonth() / 3), 1);
}

/** "2024 Q3". */
export function quarterLabel(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()} Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
}

const DAY = 86_400_000;

/**
 * The months a date range selects (first days, ms): those with at least half of their days with
 * data (between `firstDay` and `lastDay`) inside [start, end]. So "the last 365 days" ending on
 * 29 December gives January to December, and a data set ending on 1 June keeps June.
 */
export function monthsBetween(start: number, end: number, {firstDay = -Infinity, lastDay = Infinity}: {firstDay?: number; lastDay?: number} = {}): number[] {
  const out: number[] = [];
  for (let m = monthOf(start); m <= end; m = monthOf(m, 1)) {
    const from = Math.max(m, firstDay);
    const to = Math.min(monthOf(m, 1) - DAY, lastDay);
    if (to < from) continue;
    const dataDays = (to - from) / DAY + 1;
    const inside = (Math.min(to, end) - Math.max(from, start)) / DAY + 1;
    if (inside >= dataDays / 2) out.push(m);
  }
  return out;
}

/**
 * The comparison period: the same number of months just before the selection, or none (empty)
 * when the data does not reach back that far (`firstMonth` is the data's first month).
 */
export function previousMonths(months: readonly number[], firstMonth: number): number[] {
  if (months.length === 0) return [];
  const start = monthOf(months[0], -months.length);
  if (start < monthOf(firstMonth)) return [];
  return Array.from({length: months.length}, (_, i) => monthOf(start, i));
}

/** Rows of the selected months, industries and services (`industryOf` maps a row to its industry). */
export function selectRows<T extends {month: number; service: string}>(rows: readonly T[], selection: Selection, industryOf: (row: T) => string | undefined): T[] {
  const months = new Set(selection.months);
  const industries = new Set(selection.industries);
  const services = new Set(selection.services);
  return rows.filter((r) => months.has(r.month) && services.has(r.service) && industries.has(industryOf(r) ?? ""));
}

export interface ClientKpis {
  revenue: number;
  /** Clients with at least one send. */
  clients: number;
  sends: number;
  /** Revenue per send (USD). */
  averageGift: number;
  /** Alyce's fee revenue (USD). */
  fee: number;
  /** Fee / revenue. */
  feeShare: number;
  /** Revenue per active client (USD). */
  revenuePerClient: number;
}

export function clientKpis(rows: readonly ClientMonth[]): ClientKpis {
  let revenue = 0;
  let sends = 0;
  let fee = 0;
  const clients = new Set<string>();
  for (const r of rows) {
    revenue += r.revenue;
    sends += r.sends;
    fee += r.fee;
    if (r.sends > 0) clients.add(r.client_id);
  }
  return {revenue, clients: clients.size, sends, averageGift: ratio(revenue, sends), fee, feeShare: ratio(fee, revenue), revenuePerClient: ratio(revenue, clients.size)};
}

/** Relative change of each KPI (NaN when there is no previous period). */
export function kpiChanges(current: ClientKpis, previous: ClientKpis | undefined): Record<keyof ClientKpis, number> {
  const change = (k: keyof ClientKpis) => (previous ? relativeChange(current[k], previous[k]) : NaN);
  return {revenue: change("revenue"), clients: change("clients"), sends: change("sends"), averageGift: change("averageGift"), fee: change("fee"), feeShare: change("feeShare"), revenuePerClient: change("revenuePerClient")};
}

/** Revenue per month and service. */
export function revenueByMonth(rows: readonly ClientMonth[]): {month: number; service: string; revenue: number; sends: number}[] {
  const out = new Map<string, {month: number; service: string; revenue: number; sends: number}>();
  for (const r of rows) {
    const key = `${r.month}|${r.service}`;
    const o = out.get(key) ?? {month: r.month, service: r.service, revenue: 0, sends: 0};
    o.revenue += r.revenue;
    o.sends += r.sends;
    out.set(key, o);
  }
  return [...out.values()].sort((a, b) => a.month - b.month || a.service.localeCompare(b.service));
}

/** The best and the weakest month by revenue (all services together), and whether the best is November or December. */
export function monthExtremes(rows: readonly {month: number; revenue: number}[]): {best: {month: number; revenue: number}; worst: {month: number; revenue: number}; bestInHolidaySeason: boolean} | undefined {
  const totals = new Map<number, number>();
  for (const r of rows) totals.set(r.month, (totals.get(r.month) ?? 0) + r.revenue);
  if (totals.size === 0) return undefined;
  const months = [...totals].map(([month, revenue]) => ({month, revenue})).sort((a, b) => a.month - b.month);
  const best = months.reduce((a, b) => (b.revenue > a.revenue ? b : a));
  const worst = months.reduce((a, b) => (b.revenue < a.revenue ? b : a));
  return {best, worst, bestInHolidaySeason: [10, 11].includes(new Date(best.month).getUTCMonth())};
}

export interface TopClient {
  client_id: string;
  company_name: string;
  industry: string;
  region: string;
  size_band: string;
  services: string;
  revenue: number;
  sends: number;
  average_gift: number;
  fee: number;
  share: number;
}

/** Every client with sends in the rows, by revenue (largest first), with its share of the total. */
export function topClients(rows: readonly ClientMonth[], clients: ReadonlyMap<string, ClientRow>): TopClient[] {
  const by = new Map<string, {revenue: number; sends: number; fee: number; services: Set<string>}>();
  let total = 0;
  for (const r of rows) {
    const o = by.get(r.client_id) ?? {revenue: 0, sends: 0, fee: 0, services: new Set<string>()};
    o.revenue += r.revenue;
    o.sends += r.sends;
    o.fee += r.fee;
    o.services.add(r.service);
    by.set(r.client_id, o);
    total += r.revenue;
  }
  return [...by]
    .filter(([, o]) => o.sends > 0)
    .map(([id, o]) => {
      const c = clients.get(id);
      return {
        client_id: id,
        company_name: c?.company_name ?? id,
        industry: c?.industry ?? "",
        region: c?.region ?? "",
        size_band: c?.size_band ?? "",
        services: [...o.services].sort().join(", "),
        revenue: o.revenue,
        sends: o.sends,
        average_gift: ratio(o.revenue, o.sends),
        fee: o.fee,
        share: ratio(o.revenue, total)
      };
    })
    .sort((a, b) => b.revenue - a.revenue || a.client_id.localeCompare(b.client_id));
}

/** Share of revenue from the `k` largest clients of a `topClients` list. */
export function largestClientsShare(top: readonly TopClient[], k: number): number {
  return top.slice(0, k).reduce((a, t) => a + t.share, 0);
}

export interface ServiceMix {
  service: string;
  revenue: number;
  revenueShare: number;
  clients: number;
  clientShare: number;
  sends: number;
  fee: number;
  /** Fee / revenue: the effective take rate. */
  takeRate: number;
}

/** Revenue, clients (with a send through the service), sends and fee per service; clientShare over all active clients. */
export function serviceMix(rows: readonly ClientMonth[]): ServiceMix[] {
  const by = new Map<string, {revenue: number; sends: number; fee: number; clients: Set<string>}>();
  const all = new Set<string>();
  let total = 0;
  for (const r of rows) {
    const o = by.get(r.service) ?? {revenue: 0, sends: 0, fee: 0, clients: new Set<string>()};
    o.revenue += r.revenue;
    o.sends += r.sends;
    o.fee += r.fee;
    if (r.sends > 0) {
      o.clients.add(r.client_id);
      all.add(r.client_id);
    }
    by.set(r.service, o);
    total += r.revenue;
  }
  return [...by]
    .map(([service, o]) => ({service, revenue: o.revenue, revenueShare: ratio(o.revenue, total), clients: o.clients.size, clientShare: ratio(o.clients.size, all.size), sends: o.sends, fee: o.fee, takeRate: ratio(o.fee, o.revenue)}))
    .sort((a, b) => b.revenue - a.revenue);
}

export interface GiftTypeMix {
  gift_type: string;
  revenue: number;
  revenueShare: number;
  sends: number;
  units: number;
  /** Revenue per unit (USD). */
  averagePrice: number;
  /** Units per send. */
  quantityPerSend: number;
  /** Share of sends with two or more units. */
  bulkShare: number;
  /** Share of the type's revenue from bulk sends. */
  bulkRevenueShare: number;
}

export function giftTypeMix(rows: readonly GiftMonth[]): GiftTypeMix[] {
  const by = new Map<string, {revenue: number; sends: number; units: number; bulkSends: number; bulkRevenue: number}>();
  let total = 0;
  for (const r of rows) {
    const o = by.get(r.gift_type) ?? {revenue: 0, sends: 0, units: 0, bulkSends: 0, bulkRevenue: 0};
    o.revenue += r.revenue;
    o.sends += r.sends;
    o.units += r.units;
    if (r.send_size === "Bulk") {
      o.bulkSends += r.sends;
      o.bulkRevenue += r.revenue;
    }
    by.set(r.gift_type, o);
    total += r.revenue;
  }
  return [...by]
    .map(([gift_type, o]) => ({
      gift_type,
      revenue: o.revenue,
      revenueShare: ratio(o.revenue, total),
      sends: o.sends,
      units: o.units,
      averagePrice: ratio(o.revenue, o.units),
      quantityPerSend: ratio(o.units, o.sends),
      bulkShare: ratio(o.bulkSends, o.sends),
      bulkRevenueShare: ratio(o.bulkRevenue, o.revenue)
    }))
    .sort((a, b) => b.revenue - a.revenue);
}

/** Share of all gift revenue from bulk sends (two or more units). */
export function bulkRevenueShare(mix: readonly GiftTypeMix[]): number {
  let bulk = 0;
  let total = 0;
  for (const g of mix) {
    bulk += g.revenue * g.bulkRevenueShare;
    total += g.revenue;
  }
  return ratio(bulk, total);
}

export interface RecipientCell {
  relationship: string;
  seniority: string;
  revenue: number;
  sends: number;
  /** Recipients on file in this group at the clients that sent a gift in the selection. */
  recipients: number;
  /** Revenue / recipients on file. */
  valuePerRecipient: number;
  /** Revenue per send. */
  averageGift: number;
  revenueShare: number;
}

/**
 * Who gets gifted: revenue and sends per relationship × seniority, and the value per recipient on
 * file (revenue ÷ recipients of that group kept by the clients active in the selection).
 */
export function recipientMix(rows: readonly RecipientMonth[], counts: readonly RecipientCount[], activeClients: ReadonlySet<string>): RecipientCell[] {
  const key = (r: {relationship: string; seniority: string}) => `${r.relationship}|${r.seniority}`;
  const cells = new Map<string, RecipientCell>();
  const cell = (relationship: string, seniority: string) => {
    const k = key({relationship, seniority});
    let c = cells.get(k);
    if (!c) cells.set(k, (c = {relationship, seniority, revenue: 0, sends: 0, recipients: 0, valuePerRecipient: NaN, averageGift: NaN, revenueShare: NaN}));
    return c;
  };
  let total = 0;
  for (const r of rows) {
    const c = cell(r.relationship, r.seniority);
    c.revenue += r.revenue;
    c.sends += r.sends;
    total += r.revenue;
  }
  for (const r of counts) if (activeClients.has(r.client_id)) cell(r.relationship, r.seniority).recipients += r.recipients;
  for (const c of cells.values()) {
    c.valuePerRecipient = ratio(c.revenue, c.recipients);
    c.averageGift = ratio(c.revenue, c.sends);
    c.revenueShare = ratio(c.revenue, total);
  }
  return [...cells.values()];
}

/** Recipient cells summed per relationship: revenue, its share, recipients on file and revenue per recipient; largest revenue first. */
export function relationshipTotals(cells: readonly RecipientCell[]): {relationship: string; revenue: number; share: number; recipients: number; valuePerRecipient: number}[] {
  const by = new Map<string, {revenue: number; recipients: number}>();
  let total = 0;
  for (const c of cells) {
    const o = by.get(c.relationship) ?? {revenue: 0, recipients: 0};
    o.revenue += c.revenue;
    o.recipients += c.recipients;
    by.set(c.relationship, o);
    total += c.revenue;
  }
  return [...by]
    .map(([relationship, o]) => ({relationship, revenue: o.revenue, share: ratio(o.revenue, total), recipients: o.recipients, valuePerRecipient: ratio(o.revenue, o.recipients)}))
    .sort((a, b) => b.revenue - a.revenue);
}

/** Revenue and active clients per industry × region. */
export function industryRegion(rows: readonly ClientMonth[], clients: ReadonlyMap<string, ClientRow>): {industry: string; region: string; revenue: number; clients: number; revenueShare: number}[] {
  const by = new Map<string, {industry: string; region: string; revenue: number; ids: Set<string>}>();
  let total = 0;
  for (const r of rows) {
    const c = clients.get(r.client_id);
    if (!c) continue;
    const k = `${c.industry}|${c.region}`;
    const o = by.get(k) ?? {industry: c.industry, region: c.region, revenue: 0, ids: new Set<string>()};
    o.revenue += r.revenue;
    if (r.sends > 0) o.ids.add(r.client_id);
    by.set(k, o);
    total += r.revenue;
  }
  return [...by.values()].map((o) => ({industry: o.industry, region: o.region, revenue: o.revenue, clients: o.ids.size, revenueShare: ratio(o.revenue, total)}));
}

export interface CohortCell {
  /** Signup quarter (ms), or null for every client who signed up before the data's first quarter. */
  cohort: number | null;
  cohortLabel: string;
  /** Calendar quarter (ms). */
  quarter: number;
  quarterLabel: string;
  /** Clients in the cohort (signed up by then). */
  clients: number;
  /** Clients of the cohort with a send that quarter. */
  active: number;
  activeShare: number;
}

/**
 * Client cohorts by signup quarter: for each calendar quarter the data covers, the share of the
 * cohort with at least one send in `rows` that quarter. Clients who signed up before the data's
 * first quarter form one cohort ("Before <quarter>"). Cohorts are the given clients (filter them
 * by industry first); `rows` decide activity (filter them by service).
 */
export function signupCohorts(clients: readonly ClientRow[], rows: readonly ClientMonth[], {firstMonth, lastMonth}: {firstMonth: number; lastMonth: number}): CohortCell[] {
  const firstQuarter = quarterOf(firstMonth);
  const quarters: number[] = [];
  for (let q = firstQuarter; q <= lastMonth; q = monthOf(q, 3)) quarters.push(q);
  const cohortOf = (c: ClientRow) => (c.signup_quarter < firstQuarter ? null : c.signup_quarter);
  const members = new Map<number | null, ClientRow[]>();
  for (const c of clients) {
    const k = cohortOf(c);
    const list = members.get(k);
    if (list) list.push(c);
    else members.set(k, [c]);
  }
  const activeIn = new Map<string, Set<number>>();
  for (const r of rows) {
    if (r.sends <= 0) continue;
    const q = quarterOf(r.month);
    let s = activeIn.get(r.client_id);
    if (!s) activeIn.set(r.client_id, (s = new Set()));
    s.add(q);
  }
  const before = `Before ${quarterLabel(firstQuarter)}`;
  const cells: CohortCell[] = [];
  const keys = [...members.keys()].sort((a, b) => (a === null ? -1 : b === null ? 1 : a - b));
  for (const k of keys) {
    const list = members.get(k)!;
    for (const q of quarters) {
      if (k !== null && q < k) continue;
      const signedUp = list.filter((c) => c.signup_date < monthOf(q, 3));
      if (signedUp.length === 0) continue;
      const active = signedUp.filter((c) => activeIn.get(c.client_id)?.has(q)).length;
      cells.push({cohort: k, cohortLabel: k === null ? before : quarterLabel(k), quarter: q, quarterLabel: quarterLabel(q), clients: signedUp.length, active, activeShare: active / signedUp.length});
    }
  }
  return cells;
}

/**
 * Of the clients who signed up during the data's period, at least `minAgeDays` before the last
 * quarter began, the share that sent a gift in that last quarter (pooled over their cohorts).
 */
export function lastQuarterActiveShare(cells: readonly CohortCell[], {minAgeDays = 365}: {minAgeDays?: number} = {}): {quarter: number; quarterLabel: string; clients: number; active: number; share: number} | undefined {
  if (cells.length === 0) return undefined;
  const quarter = Math.max(...cells.map((c) => c.quarter));
  const old = cells.filter((c) => c.cohort !== null && c.quarter === quarter && quarter - c.cohort >= minAgeDays * DAY);
  const clients = old.reduce((a, c) => a + c.clients, 0);
  const active = old.reduce((a, c) => a + c.active, 0);
  return clients === 0 ? undefined : {quarter, quarterLabel: quarterLabel(quarter), clients, active, share: active / clients};
}

export interface Concentration {
  clients: number;
  /** How many clients the top 10 % is: ⌈0.1 n⌉. */
  top10Clients: number;
  /** Share of revenue from the top 10 % of clients (⌈0.1 n⌉ clients). */
  top10: number;
  /** Smallest share of clients that brings half the revenue. */
  halfRevenueClientShare: number;
  curve: ConcentrationPoint[];
}

/** How concentrated revenue is across the clients with sends in `rows`. */
export function revenueConcentration(rows: readonly ClientMonth[]): Concentration {
  const byClient = new Map<string, number>();
  for (const r of rows) byClient.set(r.client_id, (byClient.get(r.client_id) ?? 0) + r.revenue);
  const values = [...byClient.values()].filter((v) => v > 0);
  const curve = concentrationCurve(values, {maxPoints: 10_000});
  const half = curve.find((p) => p.valueShare >= 0.5 - 1e-12);
  return {clients: values.length, top10Clients: values.length ? Math.max(1, Math.ceil(0.1 * values.length - 1e-9)) : 0, top10: topShare(values, 0.1), halfRevenueClientShare: half ? half.unitShare : NaN, curve: concentrationCurve(values)};
}
