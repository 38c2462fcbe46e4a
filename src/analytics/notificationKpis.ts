/**
 * The real-time marketing report's executive KPIs, from one row of agg_kpis (a week and a city, or
 * the whole period / all cities), and their change against the previous week. Definitions:
 *   shareNotifiedWhoPurchased  notified subscribers with a credited purchase ÷ notified subscribers
 *   notificationConversion     notifications with a credited purchase ÷ notifications
 *   attributedRevenue          revenue of credited purchases (USD)
 *   notificationCost           what vendors paid for the notifications (USD)
 *   returnOnNotificationSpend  attributedRevenue ÷ notificationCost
 *   retention                  subscribers active this week and last ÷ subscribers active last week
 *   vendorSuccessRate          vendors with a credited purchase ÷ vendors that sent a notification
 * Tests: test/rtm/notificationKpis.test.ts (hand-worked rows).
 */
import {ratio, relativeChange} from "./metrics.js";

export interface KpiInputs {
  week: number;
  city_id: number;
  notifications: number;
  notified_subscribers: number;
  converted_subscribers: number;
  converted_notifications: number;
  attributed_revenue: number;
  notification_cost: number;
  active_previous_week: number | null;
  retained_subscribers: number | null;
  vendors_notifying: number;
  vendors_with_attributed_purchase: number;
}

export interface NotificationKpis {
  shareNotifiedWhoPurchased: number;
  notificationConversion: number;
  attributedRevenue: number;
  notificationCost: number;
  returnOnNotificationSpend: number;
  retention: number;
  vendorSuccessRate: number;
}

export const KPI_NAMES: (keyof NotificationKpis)[] = ["shareNotifiedWhoPurchased", "notificationConversion", "attributedRevenue", "notificationCost", "returnOnNotificationSpend", "retention", "vendorSuccessRate"];

export function notificationKpis(row: KpiInputs): NotificationKpis {
  return {
    shareNotifiedWhoPurchased: ratio(row.converted_subscribers, row.notified_subscribers),
    notificationConversion: ratio(row.converted_notifications, row.notifications),
    attributedRevenue: row.attributed_revenue,
    notificationCost: row.notification_cost,
    returnOnNotificationSpend: ratio(row.attributed_revenue, row.notification_cost),
    retention: row.retained_subscribers == null || row.active_previous_week == null ? NaN : ratio(row.retained_subscribers, row.active_previous_week),
    vendorSuccessRate: ratio(row.vendors_with_attributed_purchase, row.vendors_notifying)
  };
}

/** KPIs of a week and city with relative changes against the week before (NaN when there is none). */
export function kpisWithChange(rows: readonly KpiInputs[], {week, cityId}: {week: number; cityId: number}): {current: NotificationKpis; previous: NotificationKpis | null; change: Record<keyof NotificationKpis, number>} {
  const find = (w: number) => rows.find((r) => r.week === w && r.city_id === cityId);
  const row = find(week);
  if (!row) throw new Error(`notificationKpis: no row for week ${week} and city ${cityId}`);
  const current = notificationKpis(row);
  const before = week > 1 ? find(week - 1) : undefined;
  const previous = before ? notificationKpis(before) : null;
  const change = Object.fromEntries(KPI_NAMES.map((k) => [k, previous ? relativeChange(current[k], previous[k]) : NaN])) as Record<keyof NotificationKpis, number>;
  return {current, previous, change};
}

/**
 * The q-quantile of whole-minute bins ({minute, purchases}: `purchases` values in [minute,
 * minute + 1)), interpolating linearly within the bin, like a histogram's quantile.
 */
export function binnedQuantile(bins: readonly {minute: number; purchases: number}[], q: number): number {
  const sorted = [...bins].sort((a, b) => a.minute - b.minute);
  const total = sorted.reduce((a, b) => a + b.purchases, 0);
  if (total === 0) return NaN;
  const target = q * total;
  let seen = 0;
  for (const b of sorted) {
    if (seen + b.purchases >= target) return b.minute + (target - seen) / b.purchases;
    seen += b.purchases;
  }
  return sorted[sorted.length - 1].minute + 1;
}

/** Share of binned purchases made before `minutes`. */
export function binnedShareBefore(bins: readonly {minute: number; purchases: number}[], minutes: number): number {
  const total = bins.reduce((a, b) => a + b.purchases, 0);
  return total === 0 ? NaN : bins.filter((b) => b.minute < minutes).reduce((a, b) => a + b.purchases, 0) / total;
}
