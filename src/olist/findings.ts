/**
 * The sentences at the top of the Olist pages, computed from the data (tested in
 * test/olist/pages.test.ts). Each is an InsightItem: a tone and a text.
 */
import type {InsightItem} from "../components/insights.js";
import {formatMoney, formatNumber, formatPercent} from "../components/format.js";
import type {SalesTotals, StateMetrics} from "./report.js";

const brl = (v: number) => formatMoney(v, {currency: "BRL"});
const signed = (change: number) => (change >= 0 ? `up ${formatPercent(change)}` : `down ${formatPercent(-change)}`);

export function overviewFindings({current, previous, states, topCategory, late, peakDay}: {
  current: SalesTotals;
  previous?: SalesTotals;
  states: readonly StateMetrics[];
  topCategory?: {category: string; share: number};
  late: {onTime: {meanScore: number; lowShare: number}; late: {meanScore: number; lowShare: number; orders: number}};
  peakDay?: {date: number; orders: number; meanOrders: number};
}): InsightItem[] {
  const items: InsightItem[] = [];
  if (previous && previous.revenue > 0) {
    const change = current.revenue / previous.revenue - 1;
    items.push({tone: change >= 0 ? "good" : "bad", kind: "revenue", text: `Revenue in the last 12 months was ${brl(current.revenue)}, ${signed(change)} on the 12 months before, from ${formatNumber(current.orders)} sales.`});
  } else items.push({tone: "neutral", kind: "revenue", text: `Revenue in the last 12 months was ${brl(current.revenue)} from ${formatNumber(current.orders)} sales (the data do not reach a year further back).`});
  const sp = states.find((s) => s.state === "SP");
  const totalRevenue = states.reduce((n, s) => n + s.revenue, 0);
  if (sp) items.push({tone: "neutral", kind: "geography", text: `São Paulo state holds ${formatPercent(sp.customerShare)} of customers and ${formatPercent(sp.revenue / totalRevenue)} of revenue; with Rio de Janeiro and Minas Gerais, the Southeast makes ${formatPercent(states.filter((s) => s.region === "Sudeste").reduce((n, s) => n + s.revenue, 0) / totalRevenue)} of sales.`});
  if (topCategory) items.push({tone: "neutral", kind: "category", text: `The largest category, ${topCategory.category.replaceAll("_", " ")}, brought ${formatPercent(topCategory.share)} of the last 12 months' revenue.`});
  if (late.late.orders > 0) items.push({tone: "bad", kind: "delivery", text: `Late deliveries are reviewed at ${late.late.meanScore.toFixed(2)} stars on average against ${late.onTime.meanScore.toFixed(2)} for deliveries on time; ${formatPercent(late.late.lowShare)} of late ones get 1 or 2 stars (${formatPercent(late.onTime.lowShare)} of the others).`});
  if (peakDay) items.push({tone: "neutral", kind: "peak", text: `The busiest day was ${new Date(peakDay.date).toLocaleDateString("en-US", {timeZone: "UTC", weekday: "long", month: "long", day: "numeric", year: "numeric"})}, with ${formatNumber(peakDay.orders)} sales, ${(peakDay.orders / peakDay.meanOrders).toFixed(1)}× an average day.`});
  return items;
}
