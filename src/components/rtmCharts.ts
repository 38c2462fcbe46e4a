/**
 * Charts of the real-time marketing report: daily trends, conversion by a breakdown, time from
 * notification to purchase, the auction, and measured vs true lift. Inputs are rows of the
 * report's Arrow files (see data-loaders/rtm/transform.ts), already aggregated.
 */
import * as Plot from "npm:@observablehq/plot";
import {RTM_COLORS} from "./palette.js";

export interface DailyTotals {
  date: number;
  attributed_revenue: number;
  notification_cost: number;
  notifications: number;
  converted_notifications: number;
  active_subscribers: number;
}

/** Credited revenue and notification spend per day (USD). */
export function rtmRevenueCostChart(days: DailyTotals[], {width = 640, height = 260}: {width?: number; height?: number} = {}) {
  const long = days.flatMap((d) => [
    {date: new Date(d.date), series: "Credited revenue", value: d.attributed_revenue},
    {date: new Date(d.date), series: "Notification spend", value: d.notification_cost}
  ]);
  return Plot.plot({
    width,
    height,
    marginLeft: 52,
    x: {type: "utc", label: null},
    y: {label: "USD per day", grid: true, tickFormat: "~s"},
    color: {domain: ["Credited revenue", "Notification spend"], range: [RTM_COLORS.revenue, RTM_COLORS.cost], legend: true},
    marks: [Plot.ruleY([0]), Plot.lineY(long, {x: "date", y: "value", stroke: "series", tip: {format: {x: "%a %b %d", y: "$,.0f"}}})]
  });
}

/** Share of the day's notifications followed by a credited purchase, and active subscribers. */
export function rtmDailyConversionChart(days: DailyTotals[], {width = 640, height = 240}: {width?: number; height?: number} = {}) {
  const rows = days.map((d) => ({date: new Date(d.date), conversion: d.notifications ? d.converted_notifications / d.notifications : NaN, notifications: d.notifications}));
  return Plot.plot({
    width,
    height,
    marginLeft: 52,
    x: {type: "utc", label: null},
    y: {label: "Notifications followed by a purchase (%)", grid: true, percent: true, zero: true},
    marks: [Plot.ruleY([0]), Plot.lineY(rows, {x: "date", y: "conversion", stroke: RTM_COLORS.notified, tip: {format: {x: "%a %b %d", y: ".1f"}}}), Plot.dot(rows, {x: "date", y: "conversion", r: 2, fill: RTM_COLORS.notified})]
  });
}

export interface BreakdownRow {
  label: string;
  notifications: number;
  converted_notifications: number;
  attributed_revenue: number;
  notification_cost: number;
}

/** Conversion by a breakdown, best first (at most `limit` rows), with the number of notifications. */
export function rtmConversionBars(rows: BreakdownRow[], {width = 640, limit = 20, sort = true}: {width?: number; limit?: number; sort?: boolean} = {}) {
  const data = rows
    .map((r) => ({...r, conversion: r.notifications ? r.converted_notifications / r.notifications : 0, roi: r.notification_cost ? r.attributed_revenue / r.notification_cost : NaN}))
    .sort((a, b) => (sort ? b.conversion - a.conversion : 0))
    .slice(0, limit);
  const labelWidth = Math.min(width * 0.45, 220);
  return Plot.plot({
    width,
    height: 24 * data.length + 50,
    marginLeft: labelWidth,
    x: {label: "Notifications followed by a credited purchase (%)", percent: true, grid: true},
    y: {label: null, domain: data.map((d) => d.label), tickFormat: (d: string) => (d.length > 32 ? d.slice(0, 31) + "…" : d)},
    marks: [
      Plot.barX(data, {x: "conversion", y: "label", fill: RTM_COLORS.notified, channels: {Notifications: "notifications", "Revenue per $": "roi"}, tip: {format: {x: ".2f", Notifications: ",d", "Revenue per $": ".1f"}}}),
      Plot.ruleX([0])
    ]
  });
}

/** Distribution of minutes from notification to credited purchase (30-minute bins over the window), from whole-minute counts. */
export function rtmTimeToPurchaseChart(bins: {minute: number; purchases: number}[], {width = 640, height = 260, windowMinutes = 1440, binMinutes = 30}: {width?: number; height?: number; windowMinutes?: number; binMinutes?: number} = {}) {
  const counts = new Map<number, number>();
  for (const b of bins) {
    const start = Math.floor(b.minute / binMinutes) * binMinutes;
    counts.set(start, (counts.get(start) ?? 0) + b.purchases);
  }
  const data = Array.from({length: windowMinutes / binMinutes}, (_, i) => ({start: i * binMinutes, end: (i + 1) * binMinutes, purchases: counts.get(i * binMinutes) ?? 0}));
  return Plot.plot({
    width,
    height,
    marginLeft: 48,
    x: {label: "Minutes from notification to purchase", domain: [0, windowMinutes]},
    y: {label: "Credited purchases", grid: true},
    marks: [Plot.rectY(data, {x1: "start", x2: "end", y: "purchases", fill: RTM_COLORS.purchase, inset: 0.5, tip: true}), Plot.ruleY([0])]
  });
}

export interface AuctionOffer {
  vendor_name: string;
  city_name: string;
  max_bid: number;
  auctions: number;
  wins: number;
  average_price: number;
}

/** Each offer's bid against the share of its auctions it wins (dot area: auctions entered). */
export function rtmBidWinChart(offers: AuctionOffer[], {width = 640, height = 300}: {width?: number; height?: number} = {}) {
  const data = offers.filter((o) => o.auctions > 0).map((o) => ({...o, winRate: o.wins / o.auctions, offer: `${o.vendor_name} · ${o.city_name}`}));
  return Plot.plot({
    width,
    height,
    marginLeft: 48,
    x: {label: "Maximum bid (USD)", type: "log", grid: true},
    y: {label: "Auctions won (%)", percent: true, domain: [0, 100], grid: true},
    r: {range: [2, 12]},
    marks: [
      Plot.dot(data, {x: "max_bid", y: "winRate", r: "auctions", fill: RTM_COLORS.notified, fillOpacity: 0.6, stroke: RTM_COLORS.notified, channels: {Offer: "offer", "Average price": "average_price"}, tip: {format: {x: "$.2f", y: ".0f", r: ",d", "Average price": "$.3f"}}})
    ]
  });
}

export interface AuctionSize {
  bidders: number;
  auctions: number;
  average_winning_bid: number;
  average_price: number;
}

/** Average winning bid and price paid by number of bidders: the second-price discount shrinks as competition grows. */
export function rtmPriceByBiddersChart(rows: AuctionSize[], {width = 640, height = 260}: {width?: number; height?: number} = {}) {
  const long = rows.flatMap((r) => [
    {bidders: String(r.bidders), series: "Winning bid", value: r.average_winning_bid, auctions: r.auctions},
    {bidders: String(r.bidders), series: "Price paid", value: r.average_price, auctions: r.auctions}
  ]);
  return Plot.plot({
    width,
    height,
    marginLeft: 52,
    fx: {label: "Offers bidding in the auction"},
    x: {axis: null, domain: ["Winning bid", "Price paid"]},
    y: {label: "USD per notification (average)", grid: true},
    color: {domain: ["Winning bid", "Price paid"], range: [RTM_COLORS.control, RTM_COLORS.cost], legend: true},
    marks: [Plot.barY(long, {fx: "bidders", x: "series", y: "value", fill: "series", channels: {Auctions: "auctions"}, tip: {format: {y: "$.3f", x: false}}}), Plot.ruleY([0])]
  });
}

export interface LiftEstimateRow {
  estimate: string;
  lift: number;
  low: number;
  high: number;
}

/** Measured lift (with 95% interval) of each comparison, and the simulated true lift as a rule. */
export function rtmLiftChart(rows: LiftEstimateRow[], truth: number | null, {width = 640}: {width?: number} = {}) {
  return Plot.plot({
    width,
    height: 60 * rows.length + 60,
    marginLeft: Math.min(220, width * 0.4),
    x: {label: "Extra chance of a purchase within 60 min (percentage points)", grid: true, percent: true},
    y: {label: null, domain: rows.map((r) => r.estimate)},
    marks: [
      Plot.ruleX([0]),
      truth == null ? null : Plot.ruleX([truth], {stroke: RTM_COLORS.truth, strokeWidth: 2, strokeDasharray: "4,3"}),
      truth == null ? null : Plot.text([truth], {x: (d: number) => d, text: () => "simulated truth", frameAnchor: "top", dy: -2, dx: -4, textAnchor: "end", fill: RTM_COLORS.truth, fontSize: 10}),
      Plot.ruleY(rows, {y: "estimate", x1: "low", x2: "high", stroke: RTM_COLORS.notified, strokeWidth: 3}),
      Plot.dot(rows, {y: "estimate", x: "lift", r: 5, fill: RTM_COLORS.notified, channels: {Low: "low", High: "high"}, tip: {format: {x: ".2f", Low: ".2%", High: ".2%"}}})
    ]
  });
}

/** From near-notification purchase events to credited purchases: what each cleaning step removes. */
export function rtmCleaningStepsChart(steps: {step: string; purchases: number}[], {width = 640}: {width?: number} = {}) {
  return Plot.plot({
    width,
    height: 44 * steps.length + 50,
    marginLeft: Math.min(260, width * 0.5),
    x: {label: "Purchases", grid: true},
    y: {label: null, domain: steps.map((s) => s.step)},
    marks: [Plot.barX(steps, {x: "purchases", y: "step", fill: RTM_COLORS.purchase, tip: {format: {x: ",d"}}}), Plot.text(steps, {x: "purchases", y: "step", text: (d: {purchases: number}) => d.purchases.toLocaleString("en-US"), dx: 4, textAnchor: "start", fill: "currentColor"}), Plot.ruleX([0])]
  });
}
