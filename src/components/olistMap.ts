/**
 * A choropleth of Brazil's 27 states with Plot's geo marks and no tile server: state boundaries
 * from src/data/olist/brazil-states.json (Natural Earth, simplified), filled by one measure.
 */
import * as Plot from "npm:@observablehq/plot";
import {OLIST_MAP_SCHEME} from "./palette.js";

/** Charts never draw narrower than this (a card can be measured at a transient small width while the page lays out). */
const MIN_WIDTH = 260;

export interface MapMeasure {
  key: string;
  label: string;
  format: string;
  /** Plot scheme; a diverging or reversed scheme suits "lower is better" measures. */
  scheme?: string;
  reverse?: boolean;
}

export const MAP_MEASURES: MapMeasure[] = [
  {key: "revenue", label: "Revenue (BRL)", format: ",.0f"},
  {key: "customers", label: "Customers", format: ",d"},
  {key: "revenuePerCustomer", label: "Revenue per customer (BRL)", format: ",.0f"},
  {key: "meanDeliveryDays", label: "Mean days to deliver", format: ".1f", scheme: "oranges"},
  {key: "lateShare", label: "Share delivered late", format: ".1%", scheme: "reds"},
  {key: "meanScore", label: "Mean review score", format: ".2f", scheme: "greens"},
  {key: "sellers", label: "Sellers based there", format: ",d", scheme: "purples"}
];

type Geo = {type: "FeatureCollection"; features: {id: string; properties: {state: string; name: string}; geometry: unknown}[]};

export function stateChoropleth<T extends {state: string; name: string}>(geo: Geo, rows: readonly T[], measure: MapMeasure, {width = 640}: {width?: number} = {}) {
  width = Math.max(width, MIN_WIDTH);
  const byState = new Map(rows.map((r) => [r.state, r]));
  const value = (f: {id: string}) => {
    const v = (byState.get(f.id) as Record<string, unknown> | undefined)?.[measure.key];
    return typeof v === "number" && Number.isFinite(v) ? v : null;
  };
  const log = measure.key === "revenue" || measure.key === "customers" || measure.key === "sellers";
  return Plot.plot({
    width,
    height: Math.round(width * 0.95),
    projection: {type: "mercator", domain: geo as never, inset: 6},
    color: {type: log ? "log" : "linear", scheme: (measure.scheme ?? OLIST_MAP_SCHEME) as never, legend: true, label: measure.label, tickFormat: log ? "~s" : measure.format, reverse: measure.reverse},
    marks: [
      Plot.geo(geo.features, {fill: "var(--theme-foreground-faintest, #eee)", stroke: "var(--theme-background, white)", strokeWidth: 0.8}),
      Plot.geo(geo.features, {fill: value, stroke: "var(--theme-background, white)", strokeWidth: 0.8, title: (f: {properties: {name: string}}) => f.properties.name}),
      Plot.geo(geo.features, Plot.pointer(Plot.centroid({stroke: "currentColor", strokeWidth: 1.5}))),
      Plot.tip(geo.features, Plot.pointer(Plot.centroid({title: (f: {id: string; properties: {name: string}}) => `${f.properties.name} (${f.id})\n${measure.label}: ${formatValue(value(f), measure.format)}`}))),
      width >= 420 ? Plot.text(geo.features, Plot.centroid({text: "id", fontSize: 9, fill: "currentColor", stroke: "var(--theme-background, white)", strokeWidth: 2, paintOrder: "stroke"})) : null
    ]
  });
}

function formatValue(v: number | null, format: string): string {
  if (v === null) return "–";
  if (format.endsWith("%")) return `${(v * 100).toFixed(1)}%`;
  if (format === ".2f") return v.toFixed(2);
  if (format === ".1f") return v.toFixed(1);
  return Math.round(v).toLocaleString("en-US");
}
