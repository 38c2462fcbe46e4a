/**
 * What we know about each member as of a day: RFM (days since the last order, orders, mean order
 * value), tenure, and behaviour (online, promotion and refund shares) from their orders up to that
 * day, plus who they are (dim_customer). Used by the segments, churn and uplift analyses, always
 * with features computed strictly before what is predicted.
 */
import type {TableColumns} from "../../shared/validate.js";

export interface MemberFeatures {
  customerId: string;
  /** Days from the last order to the as-of day (orders on or before it). */
  recencyDays: number;
  orders: number;
  revenue: number;
  /** revenue / orders. */
  meanOrderValue: number;
  /** Days since sign-up. */
  tenureDays: number;
  onlineShare: number;
  promotionShare: number;
  /** Refunds / revenue. */
  refundShare: number;
  /** Share of orders (old enough for a return to have arrived) with something returned. */
  returnedOrderShare: number;
  /** Orders in the 90 days up to the as-of day. */
  orders90: number;
  appUser: number;
  loyaltyTier: number;
  emailOptIn: number;
  smsOptIn: number;
  pushOptIn: number;
  female: number;
  /** Age at the as-of day (the median age where the birth year is missing), and whether it was missing. */
  age: number;
  ageMissing: number;
  acquisitionChannel: string;
}

/** Index of member orders by customer (orders sorted by customer, then time, as transform.ts reads them). */
export interface OrdersByMember {
  start: Map<string, number>;
  end: Map<string, number>;
  orders: TableColumns;
}

export function indexOrders(orders: TableColumns): OrdersByMember {
  const start = new Map<string, number>();
  const end = new Map<string, number>();
  const ids = orders.customer_id as string[];
  for (let k = 0; k < ids.length; k++) {
    if (!start.has(ids[k])) start.set(ids[k], k);
    end.set(ids[k], k + 1);
  }
  return {start, end, orders};
}

/**
 * Features of members who signed up on or before `asOf` (days since epoch) and bought at least once
 * by then. `refundsKnownBy`: refunds count only when the order is at least this many days old
 * (returns take time to arrive; default 30).
 */
export function memberFeatures(customers: TableColumns, index: OrdersByMember, asOf: number, {refundsKnownBy = 30}: {refundsKnownBy?: number} = {}): MemberFeatures[] {
  const out: MemberFeatures[] = [];
  const {orders} = index;
  const years = (customers.birth_year as (number | null)[]).filter((y): y is number => y !== null).sort((a, b) => a - b);
  const medianYear = years.length ? years[years.length >> 1] : 1985;
  const asOfYear = new Date(asOf * 86_400_000).getUTCFullYear();
  for (let i = 0; i < customers.customer_id.length; i++) {
    const id = customers.customer_id[i] as string;
    if ((customers.acquisition_date[i] as number) > asOf) continue;
    const from = index.start.get(id);
    if (from === undefined) continue;
    const to = index.end.get(id)!;
    let n = 0;
    let revenue = 0;
    let online = 0;
    let promo = 0;
    let refunds = 0;
    let settled = 0;
    let returned = 0;
    let last = -Infinity;
    let recent = 0;
    for (let k = from; k < to; k++) {
      const day = orders.order_date[k] as number;
      if (day > asOf) break;
      n++;
      revenue += orders.net_revenue[k] as number;
      if (orders.channel[k] !== "store") online++;
      if (orders.has_promotion[k]) promo++;
      if (day <= asOf - refundsKnownBy) {
        settled++;
        refunds += orders.refund_amount[k] as number;
        if ((orders.refund_amount[k] as number) > 0) returned++;
      }
      if (day > asOf - 90) recent++;
      last = Math.max(last, day);
    }
    if (n === 0) continue;
    const birth = customers.birth_year[i] as number | null;
    out.push({
      customerId: id,
      recencyDays: asOf - last,
      orders: n,
      revenue,
      meanOrderValue: revenue / n,
      tenureDays: asOf - (customers.acquisition_date[i] as number),
      onlineShare: online / n,
      promotionShare: promo / n,
      refundShare: revenue > 0 ? Math.min(1, refunds / revenue) : 0,
      returnedOrderShare: settled > 0 ? returned / settled : 0,
      orders90: recent,
      appUser: customers.app_user[i] ? 1 : 0,
      loyaltyTier: customers.loyalty_tier_member[i] ? 1 : 0,
      emailOptIn: customers.email_opt_in[i] ? 1 : 0,
      smsOptIn: customers.sms_opt_in[i] ? 1 : 0,
      pushOptIn: customers.push_opt_in[i] ? 1 : 0,
      female: customers.gender[i] === "F" ? 1 : 0,
      age: asOfYear - (birth ?? medianYear),
      ageMissing: birth === null ? 1 : 0,
      acquisitionChannel: customers.acquisition_channel[i] as string
    });
  }
  return out;
}

/** Whether each member ordered in (from, to] days (for churn labels and holdout checks). */
export function orderedBetween(index: OrdersByMember, customerId: string, from: number, to: number): boolean {
  const start = index.start.get(customerId);
  if (start === undefined) return false;
  for (let k = start; k < index.end.get(customerId)!; k++) {
    const day = index.orders.order_date[k] as number;
    if (day > from && day <= to) return true;
    if (day > to) break;
  }
  return false;
}
