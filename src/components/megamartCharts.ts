/**
 * MegaMart executive and operations charts: revenue over time by channel, breakdowns with their
 * change, season lifts, acquisition and CAC, cohort retention, the store map of Singapore,
 * category × channel profit, hourly traffic and message funnels. Data in, Plot out.
 */
import * as Plot from "npm:@observablehq/plot";
import {
  BASELINE_COLOR,
  GOOD_COLOR,
  MEGAMART_CATEGORY_COLORS,
  MEGAMART_CATEGORY_ORDER,
  MEGAMART_CHANNEL_COLORS,
  MEGAMART_CHANNEL_ORDER,
  MEGAMART_GROWTH_SCHEME,
  MEGAMART_MESSAGE_COLORS,
  MEGAMART_MESSAGE_ORDER,
  MEGAMART_REGION_COLORS,
  MEGAMART_REGION_ORDER,
  RATE_SCHEME
} from "./palette.js";

const sgd = (x: number) => `S$${Math.abs(x) >= 1e6 ? (x / 1e6).toFixed(2) + "M" : Math.abs(x) >= 1e4 ? (x / 1e3).toFixed(0) + "k" : x.toFixed(0)}`;
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

export const channelColor = {domain: MEGAMART_CHANNEL_ORDER, range: MEGAMART_CHANNEL_COLORS, legend: true};
export const regionColor = {domain: MEGAMART_REGION_ORDER, range: MEGAMART_REGION_COLORS, legend: true};
export const categoryColor = {domain: MEGAMART_CATEGORY_ORDER, range: MEGAMART_CATEGORY_COLORS, legend: true};

/** Weekly revenue stacked by a key (channel, region or category), with last year's total as a line. */
export function revenueTrendChart(
  weeks: readonly {week: number; key: string; value: number}[],
  lastYear: readonly {week: number; value: number}[],
  {width = 640, height = 300, color = channelColor}: {width?: number; height?: number; color?: {domain: string[]; range: string[]; legend: boolean}} = {}
) {
  return Plot.plot({
    width,
    height,
    marginLeft: 56,
    x: {type: "utc", label: null},
    y: {label: "SGD per week", grid: true, tickFormat: "~s"},
    color,
    marks: [
      Plot.areaY(weeks, {x: "week", y: "value", fill: "key", order: color.domain, tip: {format: {x: "%b %d, %Y", y: (v: number) => sgd(v)}}}),
      Plot.lineY(lastYear, {x: "week", y: "value", stroke: BASELINE_COLOR, strokeDasharray: "4 3", strokeWidth: 1.5}),
      Plot.ruleY([0])
    ]
  });
}

/** Horizontal bars of a measure per key with the change against the comparison period as text. */
export function breakdownChart(
  rows: readonly {key: string; value: number; change: number; share: number}[],
  {width = 640, label = "Net revenue (SGD)", color, format = sgd}: {width?: number; label?: string; color?: {domain: string[]; range: string[]}; format?: (x: number) => string} = {}
) {
  const changeText = (c: number) => (Number.isFinite(c) ? `${c >= 0 ? "+" : "−"}${Math.abs(100 * c).toFixed(1)}%` : "new");
  return Plot.plot({
    width,
    height: 36 + 28 * rows.length,
    marginLeft: 90,
    marginRight: 130,
    x: {label, grid: true, tickFormat: "~s", ticks: Math.max(2, Math.floor((width - 220) / 80))},
    y: {label: null, domain: rows.map((r) => r.key)},
    color: color ? {...color, legend: false} : undefined,
    marks: [
      Plot.barX(rows, {x: "value", y: "key", fill: color ? "key" : "currentColor", fillOpacity: color ? 1 : 0.7, tip: {format: {x: (v: number) => format(v)}}}),
      Plot.text(rows, {x: "value", y: "key", text: (r) => `${format(r.value)} · ${changeText(r.change)}`, dx: 6, textAnchor: "start", fill: "currentColor", fontSize: 11}),
      Plot.ruleX([0])
    ]
  });
}

/** Each season's mean daily revenue against ordinary days of the same year (lift, ×). */
export function seasonLiftChart(rows: readonly {season: string; year: number; lift: number; perDay: number; ordinaryPerDay: number}[], {width = 640}: {width?: number} = {}) {
  const data = rows.map((r) => ({...r, label: `${r.season} ${r.year}`}));
  return Plot.plot({
    width,
    height: 40 + 26 * data.length,
    marginLeft: 170,
    marginRight: 50,
    x: {label: "Revenue per day vs ordinary days of the year (×)", grid: true},
    y: {label: null, domain: data.map((d) => d.label)},
    marks: [
      Plot.barX(data, {x1: (d) => Math.min(1, d.lift), x2: (d) => Math.max(1, d.lift), y: "label", fill: (d) => (d.lift >= 1 ? GOOD_COLOR : BASELINE_COLOR), tip: {channels: {"per day": (d) => sgd(d.perDay), "ordinary day": (d) => sgd(d.ordinaryPerDay)}, format: {x: (v: number) => `${v.toFixed(2)}×`, fill: false}}}),
      Plot.text(data, {x: "lift", y: "label", text: (d) => `${d.lift.toFixed(2)}×`, dx: 6, textAnchor: "start", fill: "currentColor", fontSize: 11}),
      Plot.ruleX([1])
    ]
  });
}

/** New members per month by acquisition channel (stacked bars). */
export function acquisitionChart(months: readonly {month: number; channel: string; new_members: number}[], {width = 640}: {width?: number} = {}) {
  return Plot.plot({
    width,
    height: 280,
    marginLeft: 50,
    x: {type: "utc", label: null},
    y: {label: "New members per month", grid: true},
    color: {legend: true, scheme: "tableau10"},
    marks: [Plot.rectY(months, {x: "month", interval: "month", y: "new_members", fill: "channel", tip: {format: {x: "%B %Y"}}}), Plot.ruleY([0])]
  });
}

/** CAC per paid channel beside the gross margin a member of that channel is expected to bring in 12 months. */
export function cacLtvChart(rows: readonly {channel: string; cac: number; ltv: number}[], {width = 640}: {width?: number} = {}) {
  const measures = ["CAC", "12-month margin per member"];
  const long = rows.flatMap((r) => [
    {channel: r.channel, measure: measures[0], value: r.cac},
    {channel: r.channel, measure: measures[1], value: r.ltv}
  ]);
  return Plot.plot({
    width,
    height: 40 + 40 * rows.length,
    marginLeft: 90,
    marginRight: 50,
    x: {label: "SGD per acquired member", grid: true},
    y: {axis: null, domain: measures},
    fy: {label: null, domain: rows.map((r) => r.channel)},
    color: {domain: measures, range: ["#ff725c", GOOD_COLOR], legend: true},
    marks: [
      Plot.barX(long, {x: "value", y: "measure", fy: "channel", fill: "measure", tip: {format: {x: (v: number) => sgd(v), y: false}}}),
      Plot.text(long, {x: "value", y: "measure", fy: "channel", text: (d) => sgd(d.value), dx: 4, textAnchor: "start", fill: "currentColor", fontSize: 10}),
      Plot.frame({anchor: "right", strokeOpacity: 0}),
      Plot.ruleX([0])
    ]
  });
}

/** Share of each sign-up cohort buying in each month since sign-up. */
export function cohortHeatmap(cells: readonly {cohort_month: number; months_since: number; members: number; active_members: number}[], {width = 640}: {width?: number} = {}) {
  const data = cells.map((c) => ({...c, rate: c.active_members / c.members}));
  return Plot.plot({
    width,
    height: Math.max(220, 14 * new Set(cells.map((c) => c.cohort_month)).size + 60),
    marginLeft: 70,
    x: {label: "Months since sign-up", tickSpacing: 40},
    y: {type: "band", label: null, tickFormat: (d: number) => new Date(d).toISOString().slice(0, 7), reverse: false},
    color: {scheme: RATE_SCHEME, legend: true, label: "Members buying that month", tickFormat: "%", domain: [0, 0.6], clamp: true},
    marks: [Plot.cell(data, {x: "months_since", y: "cohort_month", fill: "rate", inset: 0.5, tip: {format: {y: (d: number) => new Date(d).toISOString().slice(0, 7), fill: (v: number) => pct(v)}, channels: {members: "members"}}})]
  });
}

export interface MapStore {
  store_id: string;
  store_name: string;
  planning_area: string;
  region: string;
  latitude: number;
  longitude: number;
  revenue: number;
  growth: number;
}

/**
 * Stores on a map of Singapore: the island's outline (Natural Earth 1:10m), each store a dot sized by
 * revenue and coloured by growth, planning areas named at their stores. Mercator fitted to the island.
 */
export function storeMap(outline: unknown, stores: readonly MapStore[], {width = 640}: {width?: number} = {}) {
  const areas = new Map<string, {name: string; latitude: number; longitude: number; n: number}>();
  for (const s of stores) {
    const a = areas.get(s.planning_area) ?? {name: s.planning_area, latitude: 0, longitude: 0, n: 0};
    a.latitude += s.latitude;
    a.longitude += s.longitude;
    a.n++;
    areas.set(s.planning_area, a);
  }
  const labels = [...areas.values()].map((a) => ({name: a.name, latitude: a.latitude / a.n, longitude: a.longitude / a.n}));
  const growthLimit = Math.max(0.1, ...stores.map((s) => (Number.isFinite(s.growth) ? Math.abs(s.growth) : 0)));
  return Plot.plot({
    width,
    height: Math.round(width * 0.56),
    projection: {type: "mercator", domain: outline as never, inset: 10},
    r: {range: [3, Math.max(8, width / 45)], label: "Net revenue"},
    color: {type: "diverging", scheme: MEGAMART_GROWTH_SCHEME, domain: [-growthLimit, growthLimit], legend: true, label: "Revenue growth vs the year before", tickFormat: "+.0%"},
    marks: [
      Plot.geo(outline as never, {fill: "currentColor", fillOpacity: 0.07, stroke: "currentColor", strokeOpacity: 0.5}),
      Plot.dot(stores, {
        x: "longitude",
        y: "latitude",
        r: "revenue",
        fill: (s) => (Number.isFinite(s.growth) ? s.growth : null),
        stroke: "currentColor",
        strokeWidth: 0.6,
        fillOpacity: 0.85,
        tip: {channels: {store: "store_name", area: "planning_area", revenue: (s: MapStore) => sgd(s.revenue), growth: (s: MapStore) => (Number.isFinite(s.growth) ? pct(s.growth) : "new store")}, format: {x: false, y: false, r: false, fill: false}}
      }),
      width >= 520 ? Plot.text(labels, {x: "longitude", y: "latitude", text: "name", dy: -12, fontSize: 9, fill: "currentColor", fillOpacity: 0.8, stroke: "var(--theme-background)", strokeWidth: 3}) : null
    ]
  });
}

/** A cell per category and channel: gross margin rate in colour, revenue in the label. */
export function categoryChannelHeatmap(cells: readonly {category: string; channel: string; revenue: number; marginRate: number; profitAfterRefunds: number}[], {width = 640}: {width?: number} = {}) {
  return Plot.plot({
    width,
    height: 240,
    marginLeft: 90,
    x: {label: null, domain: MEGAMART_CHANNEL_ORDER},
    y: {label: null, domain: MEGAMART_CATEGORY_ORDER},
    color: {scheme: "greens", legend: true, label: "Gross margin after refunds / revenue", tickFormat: "%"},
    marks: [
      Plot.cell(cells, {x: "channel", y: "category", fill: (d) => d.profitAfterRefunds / d.revenue, inset: 1, tip: {channels: {revenue: (d) => sgd(d.revenue), "gross margin": (d) => pct(d.marginRate), "margin after refunds": (d) => sgd(d.profitAfterRefunds)}, format: {fill: (v: number) => pct(v)}}}),
      Plot.text(cells, {x: "channel", y: "category", text: (d) => `${sgd(d.revenue)}\n${pct(d.profitAfterRefunds / d.revenue)}`, fill: "currentColor", fontSize: 11, lineHeight: 1.2})
    ]
  });
}

/** Orders by hour and weekday, as a share of the place's weekly orders. */
export function hourlyHeatmap(cells: readonly {place: string; day_of_week: number; hour: number; orders: number}[], {width = 640}: {width?: number} = {}) {
  const total = new Map<string, number>();
  for (const c of cells) total.set(c.place, (total.get(c.place) ?? 0) + c.orders);
  const data = cells.map((c) => ({...c, share: c.orders / total.get(c.place)!}));
  const days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
  return Plot.plot({
    width,
    height: 320,
    marginLeft: 40,
    fy: {label: null},
    x: {label: "Hour of day (SGT)", ticks: [0, 6, 12, 18, 23]},
    y: {label: null, tickFormat: (d: number) => days[d - 1]},
    color: {scheme: RATE_SCHEME, legend: true, label: "Share of the week's orders", tickFormat: ".1%"},
    marks: [Plot.cell(data, {x: "hour", y: "day_of_week", fy: "place", fill: "share", inset: 0.5, tip: {format: {y: (d: number) => days[d - 1], fill: (v: number) => pct(v)}}})]
  });
}

/** Funnel per message channel: share of messages sent that reached each step. */
export function messageFunnelChart(rows: readonly {channel: string; step: string; share: number; count: number}[], {width = 640}: {width?: number} = {}) {
  const steps = ["sent", "delivered", "opened", "clicked", "purchased"];
  return Plot.plot({
    width,
    height: 280,
    marginLeft: 50,
    x: {domain: steps, label: null},
    y: {type: "log", label: "Share of messages sent (log scale)", grid: true, tickFormat: "%", domain: [0.001, 1]},
    color: {domain: MEGAMART_MESSAGE_ORDER, range: MEGAMART_MESSAGE_COLORS, legend: true},
    marks: [
      Plot.lineY(rows, {x: "step", y: "share", stroke: "channel", marker: "circle", tip: {format: {y: (v: number) => pct(v)}, channels: {messages: "count"}}})
    ]
  });
}
