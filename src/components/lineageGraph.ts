/**
 * A lineage (DAG) diagram of a data pipeline: sources on the left, each model in the column of its
 * layer, an edge from every input to the model that reads it, nodes coloured by the status of
 * their data tests. Within a column nodes are ordered by the mean position of their inputs (one
 * barycentre pass), which keeps most edges short. Wider than a phone: it scrolls sideways inside
 * its own box, never the page.
 */
import * as Plot from "npm:@observablehq/plot";
import {html} from "npm:htl";
import {BAD_COLOR, BASELINE_COLOR, GOOD_COLOR} from "./palette.js";

export interface LineageNode {
  id: string;
  /** Column, left to right (0 = sources). */
  layer: number;
  label?: string;
  /** Test status: "pass", "fail" or "none" (no tests, e.g. a source). */
  status?: "pass" | "fail" | "none";
  /** Extra tooltip lines. */
  detail?: string;
}

export interface LineageEdge {
  from: string;
  to: string;
}

/** x (layer) and y (rank within the layer) of each node. */
export function layoutLineage(nodes: readonly LineageNode[], edges: readonly LineageEdge[]): Map<string, {x: number; y: number}> {
  const layers = [...new Set(nodes.map((n) => n.layer))].sort((a, b) => a - b);
  const position = new Map<string, {x: number; y: number}>();
  const inputs = new Map<string, string[]>();
  for (const e of edges) inputs.set(e.to, [...(inputs.get(e.to) ?? []), e.from]);
  for (const layer of layers) {
    const column = nodes.filter((n) => n.layer === layer);
    const key = (n: LineageNode) => {
      const ys = (inputs.get(n.id) ?? []).map((id) => position.get(id)?.y).filter((y): y is number => y !== undefined);
      return ys.length ? ys.reduce((a, b) => a + b, 0) / ys.length : NaN;
    };
    const ordered = column
      .map((n) => ({n, k: key(n)}))
      .sort((a, b) => (Number.isNaN(a.k) ? 0 : a.k) - (Number.isNaN(b.k) ? 0 : b.k) || a.n.id.localeCompare(b.n.id));
    ordered.forEach(({n}, i) => position.set(n.id, {x: layer, y: column.length > 1 ? i / (column.length - 1) : 0.5}));
  }
  return position;
}

export function lineageGraph(nodes: readonly LineageNode[], edges: readonly LineageEdge[], {width = 900, layerNames = []}: {width?: number; layerNames?: readonly string[]} = {}): HTMLElement {
  const position = layoutLineage(nodes, edges);
  const perLayer = Math.max(...[...new Set(nodes.map((n) => n.layer))].map((l) => nodes.filter((n) => n.layer === l).length));
  const w = Math.max(width, 760);
  const height = Math.max(260, perLayer * 26 + 60);
  const placed = nodes.map((n) => ({...n, ...position.get(n.id)!, text: n.label ?? n.id}));
  const links = edges
    .filter((e) => position.has(e.from) && position.has(e.to))
    .map((e) => ({x1: position.get(e.from)!.x, y1: position.get(e.from)!.y, x2: position.get(e.to)!.x, y2: position.get(e.to)!.y, from: e.from, to: e.to}));
  const layers = [...new Set(nodes.map((n) => n.layer))].sort((a, b) => a - b);
  const chart = Plot.plot({
    width: w,
    height,
    marginLeft: 20,
    marginRight: 150,
    marginTop: 30,
    x: {axis: "top", domain: [layers[0], layers[layers.length - 1]], ticks: layers, tickFormat: (l: number) => layerNames[l] ?? String(l), label: null, tickSize: 0},
    y: {axis: null, domain: [1.03, -0.03]},
    color: {domain: ["pass", "fail", "none"], range: [GOOD_COLOR, BAD_COLOR, BASELINE_COLOR], legend: true, tickFormat: (s: string) => ({pass: "all tests pass", fail: "a test fails", none: "no tests (input)"})[s] ?? s},
    marks: [
      Plot.link(links, {x1: "x1", y1: "y1", x2: "x2", y2: "y2", curve: "bump-x", stroke: "currentColor", strokeOpacity: 0.25, markerEnd: "arrow"}),
      Plot.dot(placed, {x: "x", y: "y", r: 5, fill: (d) => d.status ?? "none", stroke: "var(--theme-background)", tip: {channels: {model: "text", about: (d) => d.detail ?? ""}, format: {x: false, y: false, fill: false}}}),
      Plot.text(placed, {x: "x", y: "y", text: "text", dx: 8, textAnchor: "start", fontSize: 10, fill: "currentColor", stroke: "var(--theme-background)", strokeWidth: 3})
    ]
  });
  return html`<div class="lineage-scroll" style="overflow-x:auto;max-width:100%">${chart}</div>` as HTMLElement;
}
