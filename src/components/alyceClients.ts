/**
 * Charts of the Alyce "Clients and gifts" page: revenue by month and service, the services mix,
 * gift types (revenue split single/bulk, price against units per send), recipients and industry ×
 * region heatmaps, signup-cohort activity and the revenue concentration curve. Data in (rows
 * computed by src/alyce/clients.ts), Plot out.
 */
import * as Plot from "npm:@observablehq/plot";
import {formatMoney, formatPercent} from "./format.js";
import {ALYCE_CLIENT_COLORS, ALYCE_MONEY_SCHEME, ALYCE_RATE_SCHEME, ALYCE_SEND_SIZE_COLORS, ALYCE_SERVICE_COLORS, ALYCE_SERVICE_ORDER} from "./palette.js";

/** Charts never draw narrower than this (a card can be measured at a transient small width). */
const MIN_WIDTH = 260;
const usd = (v: number) => formatMoney(v);
const compactFormat = new Intl.NumberFormat("en-US", {notation: "compact", maximumFractionDigits: 0});
/** "18K": cell labels on a phone, where "$18.1K" does not fit. */
const compactNumber = (v: number) => (Number.isFinite(v) ? compactFormat.format(v) : "–");
/** Shorter axis labels for phones. */
const SHORT_LABELS: Record<string, string> = {"Professional services": "Prof. services", "Financial services": "Financial svcs", "North America": "N. Am.", "Individual contributor": "IC", Manager: "Mgr", Director: "Dir"};
const shortLabel = (width: number) => (label: string) => (width < 520 ? SHORT_LABELS[label] ?? label : label);

/** Cell labels readable on both themes: white on the darker half of the colour scale, black on the lighter. */
function cellLabels<T>(data: readonly T[], value: (d: T) => number, options: Record<string, unknown>) {
  const values = data.map(value).filter(Number.isFinite);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const dark = (d: T) => value(d) > min + 0.55 * (max - min);
  return [
    Plot.text(data.filter(dark), {...options, fill: "white", fontSize: 10}),
    Plot.text(data.filter((d) => !dark(d)), {...options, fill: "black", fontSize: 10})
  ];
}

/** A colour per service: the simulation's services in a fixed order, any other after them. */
export function serviceColor(services: readonly string[]) {
  const domain = [...ALYCE_SERVICE_ORDER.filter((s) => services.includes(s)), ...services.filter((s) => !ALYCE_SERVICE_ORDER.includes(s)).sort()];
  const range = domain.map((s) => {
    const i = ALYCE_SERVICE_ORDER.indexOf(s);
    return ALYCE_SERVICE_COLORS[(i >= 0 ? i : ALYCE_SERVICE_ORDER.length + domain.filter((d) => !ALYCE_SERVICE_ORDER.includes(d)).indexOf(s)) % ALYCE_SERVICE_COLORS.length];
  });
  return {domain, range, legend: true};
}

/** Revenue per month, stacked by service. */
export function monthlyRevenueChart(rows: readonly {month: number; service: string; revenue: number; sends: number}[], {width = 640, services}: {width?: number; services: readonly string[]}) {
  width = Math.max(width, MIN_WIDTH);
  return Plot.plot({
    width,
    height: 280,
    marginLeft: 56,
    x: {type: "utc", label: null},
    y: {grid: true, label: "Revenue (USD) ↑", tickFormat: "~s"},
    color: serviceColor(services),
    marks: [
      Plot.rectY(rows, {x: "month", interval: "month", y: "revenue", fill: "service", insetLeft: 0.5, insetRight: 0.5, channels: {Sends: "sends"}, tip: {format: {x: "%B %Y", y: (v: number) => usd(v), Sends: ",d"}}}),
      Plot.ruleY([0])
    ]
  });
}

/** Share of revenue and share of active clients per service, side by side. */
export function serviceMixChart(rows: readonly {service: string; revenueShare: number; clientShare: number; revenue: number; clients: number; takeRate: number}[], {width = 640}: {width?: number} = {}) {
  width = Math.max(width, MIN_WIDTH);
  const data = rows.flatMap((r) => [
    {service: r.service, measure: "Revenue", share: r.revenueShare, detail: usd(r.revenue), take: r.takeRate},
    {service: r.service, measure: "Clients", share: r.clientShare, detail: `${r.clients} clients`, take: r.takeRate}
  ]);
  return Plot.plot({
    width,
    height: 40 * rows.length + 60,
    marginLeft: Math.min(130, width * 0.36),
    x: {grid: true, label: "Share →", tickFormat: ".0%", domain: [0, Math.max(0.05, ...data.map((d) => d.share))]},
    y: {axis: null, domain: ["Revenue", "Clients"]},
    fy: {label: null, domain: rows.map((r) => r.service)},
    color: {domain: ["Revenue", "Clients"], range: [ALYCE_CLIENT_COLORS.revenue, ALYCE_CLIENT_COLORS.clients], legend: true},
    marks: [
      Plot.barX(data, {x: "share", y: "measure", fy: "service", fill: "measure", channels: {Total: "detail", "Alyce's take": (d: {take: number}) => formatPercent(d.take)}, tip: {format: {x: ".1%", fy: true, y: false, fill: false}}}),
      Plot.ruleX([0])
    ]
  });
}

/** Share of revenue per gift type, split by single and bulk sends. */
export function giftTypeRevenueChart(rows: readonly {gift_type: string; revenue: number; revenueShare: number; bulkRevenueShare: number; averagePrice: number; quantityPerSend: number}[], {width = 640}: {width?: number} = {}) {
  width = Math.max(width, MIN_WIDTH);
  const data = rows.flatMap((r) => [
    {gift_type: r.gift_type, size: "Single", share: r.revenueShare * (1 - r.bulkRevenueShare), revenue: r.revenue * (1 - r.bulkRevenueShare)},
    {gift_type: r.gift_type, size: "Bulk", share: r.revenueShare * r.bulkRevenueShare, revenue: r.revenue * r.bulkRevenueShare}
  ]);
  return Plot.plot({
    width,
    height: 28 * rows.length + 60,
    marginLeft: Math.min(120, width * 0.34),
    x: {grid: true, label: "Share of revenue →", tickFormat: ".0%"},
    y: {label: null, domain: rows.map((r) => r.gift_type)},
    color: {domain: ["Single", "Bulk"], range: [ALYCE_SEND_SIZE_COLORS.Single, ALYCE_SEND_SIZE_COLORS.Bulk], legend: true},
    marks: [Plot.barX(data, {x: "share", y: "gift_type", fill: "size", channels: {Revenue: (d: {revenue: number}) => usd(d.revenue)}, tip: {format: {x: ".1%"}}}), Plot.ruleX([0])]
  });
}

/** Average price per unit per gift type, labelled with units per send and the share of bulk sends. */
export function giftPriceChart(rows: readonly {gift_type: string; revenue: number; averagePrice: number; quantityPerSend: number; bulkShare: number}[], {width = 640}: {width?: number} = {}) {
  width = Math.max(width, MIN_WIDTH);
  const data = [...rows].sort((a, b) => b.averagePrice - a.averagePrice);
  const max = Math.max(1, ...data.map((d) => d.averagePrice));
  return Plot.plot({
    width,
    height: 28 * data.length + 50,
    marginLeft: Math.min(120, width * 0.34),
    marginRight: 8,
    x: {grid: true, label: "Average price per unit (USD) →", domain: [0, max * 1.3]},
    y: {label: null, domain: data.map((d) => d.gift_type)},
    marks: [
      Plot.barX(data, {x: "averagePrice", y: "gift_type", fill: ALYCE_CLIENT_COLORS.revenue, channels: {"Units per send": "quantityPerSend", "Bulk sends": (d: {bulkShare: number}) => formatPercent(d.bulkShare), Revenue: (d: {revenue: number}) => usd(d.revenue)}, tip: {format: {x: (v: number) => usd(v), "Units per send": ".1f"}}}),
      Plot.text(data, {x: "averagePrice", y: "gift_type", text: (d: {quantityPerSend: number}) => `× ${d.quantityPerSend.toFixed(1)}`, textAnchor: "start", dx: 4, fill: "currentColor", fontSize: 10}),
      Plot.ruleX([0])
    ]
  });
}

/** Value per recipient on file by relationship × seniority (colour), with the value written in each cell. */
export function recipientHeatmap(cells: readonly {relationship: string; seniority: string; valuePerRecipient: number; revenue: number; sends: number; recipients: number; averageGift: number}[], {width = 640, relationships, seniorities}: {width?: number; relationships: readonly string[]; seniorities: readonly string[]}) {
  width = Math.max(width, MIN_WIDTH);
  const data = cells.filter((c) => Number.isFinite(c.valuePerRecipient));
  return Plot.plot({
    width,
    height: 40 * relationships.length + 70,
    marginLeft: 72,
    marginBottom: 40,
    x: {label: "Recipient's seniority", domain: seniorities, tickFormat: shortLabel(width)},
    y: {label: null, domain: relationships},
    color: {scheme: ALYCE_MONEY_SCHEME as never, legend: true, label: "Revenue per recipient on file (USD)", tickFormat: "~s"},
    marks: [
      Plot.cell(data, {x: "seniority", y: "relationship", fill: "valuePerRecipient", inset: 0.5, channels: {Revenue: (d: {revenue: number}) => usd(d.revenue), Sends: "sends", Recipients: "recipients", "Average gift": (d: {averageGift: number}) => usd(d.averageGift)}, tip: {format: {fill: (v: number) => usd(v), Sends: ",d", Recipients: ",d"}}}),
      ...cellLabels(data, (d) => d.valuePerRecipient, {x: "seniority", y: "relationship", text: (d: {valuePerRecipient: number}) => (width < 520 ? compactNumber(d.valuePerRecipient) : formatMoney(d.valuePerRecipient, {compactAbove: 1000}))})
    ]
  });
}

/** Revenue by client industry × region (colour), share of revenue in each cell. */
export function industryRegionHeatmap(cells: readonly {industry: string; region: string; revenue: number; clients: number; revenueShare: number}[], {width = 640, industries, regions}: {width?: number; industries: readonly string[]; regions: readonly string[]}) {
  width = Math.max(width, MIN_WIDTH);
  return Plot.plot({
    width,
    height: 30 * industries.length + 70,
    marginLeft: width < 520 ? 96 : 130,
    x: {label: "Region of the client's headquarters", domain: regions, tickFormat: shortLabel(width)},
    y: {label: null, domain: industries, tickFormat: shortLabel(width)},
    color: {scheme: ALYCE_MONEY_SCHEME as never, legend: true, label: "Revenue (USD)", tickFormat: "~s"},
    marks: [
      Plot.cell(cells, {x: "region", y: "industry", fill: "revenue", inset: 0.5, channels: {Clients: "clients", Share: (d: {revenueShare: number}) => formatPercent(d.revenueShare)}, tip: {format: {fill: (v: number) => usd(v), Clients: ",d"}}}),
      ...cellLabels(cells, (d) => d.revenue, {x: "region", y: "industry", text: (d: {revenueShare: number}) => formatPercent(d.revenueShare, 0)})
    ]
  });
}

/** Share of each signup cohort sending at least one gift in each calendar quarter. */
export function cohortActivityHeatmap(cells: readonly {cohortLabel: string; quarterLabel: string; clients: number; active: number; activeShare: number}[], {width = 640}: {width?: number} = {}) {
  width = Math.max(width, MIN_WIDTH);
  const cohorts = [...new Set(cells.map((c) => c.cohortLabel))];
  const quarters = [...new Set(cells.map((c) => c.quarterLabel))].sort();
  const narrow = width / (quarters.length + 4) < 34;
  return Plot.plot({
    width,
    height: 18 * cohorts.length + 80,
    marginLeft: 96,
    marginBottom: 36,
    padding: 0.04,
    x: {label: "Calendar quarter", domain: quarters, tickFormat: (q: string) => (narrow ? (q.endsWith("Q1") ? q.slice(0, 4) : "") : q.replace(" ", "\n"))},
    y: {label: "Signed up", domain: cohorts},
    color: {scheme: ALYCE_RATE_SCHEME as never, legend: true, label: "Clients of the cohort sending that quarter", tickFormat: ".0%", domain: [0, 1]},
    marks: [Plot.cell(cells, {x: "quarterLabel", y: "cohortLabel", fill: "activeShare", inset: 0.5, channels: {Clients: "clients", Active: "active"}, tip: {format: {fill: ".1%", Clients: ",d", Active: ",d"}}})]
  });
}

/** Concentration curve: share of revenue from the top x % of clients, the 10 % mark and equality. */
export function concentrationCurveChart(points: readonly {unitShare: number; valueShare: number}[], {width = 320, top10}: {width?: number; top10: number}) {
  width = Math.max(width, MIN_WIDTH);
  return Plot.plot({
    width,
    height: 280,
    marginLeft: 48,
    x: {label: "Clients, largest first →", tickFormat: ".0%", domain: [0, 1]},
    y: {grid: true, label: "Share of revenue ↑", tickFormat: ".0%", domain: [0, 1]},
    marks: [
      Plot.line([[0, 0], [1, 1]], {stroke: ALYCE_CLIENT_COLORS.equality, strokeDasharray: "4,3"}),
      Plot.ruleX([0.1], {stroke: ALYCE_CLIENT_COLORS.equality}),
      Number.isFinite(top10) ? Plot.dot([{x: 0.1, y: top10}], {x: "x", y: "y", r: 4, fill: ALYCE_CLIENT_COLORS.revenue}) : null,
      Number.isFinite(top10) ? Plot.text([{x: 0.1, y: top10}], {x: "x", y: "y", text: () => `top 10 %: ${formatPercent(top10, 0)}`, dx: 8, textAnchor: "start", fill: "currentColor", fontSize: 11}) : null,
      Plot.lineY(points, {x: "unitShare", y: "valueShare", stroke: ALYCE_CLIENT_COLORS.revenue, strokeWidth: 2, tip: {format: {x: ".1%", y: ".1%"}}})
    ]
  });
}
