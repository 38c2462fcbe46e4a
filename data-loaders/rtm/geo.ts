/**
 * Small-area geometry for the simulation and the transforms: metres ↔ degrees near a point
 * (equirectangular approximation, good to well under 1% across a city), point-in-polygon by ray
 * casting (polygons as [longitude, latitude] rings), star-shaped zone polygons, and WKT
 * POLYGON text in and out (the raw schema's zone format). Tests: test/rtm/geo.test.ts.
 */
import type {Random} from "../shared/random.js";

export const METERS_PER_DEGREE_LATITUDE = 111_320;

/** A ring of [longitude, latitude] vertices; the first vertex is not repeated at the end. */
export type Ring = [number, number][];

export function metersPerDegreeLongitude(latitude: number): number {
  return METERS_PER_DEGREE_LATITUDE * Math.cos((latitude * Math.PI) / 180);
}

/** The point `east` and `north` metres away from (lon, lat). */
export function offsetMeters(lon: number, lat: number, east: number, north: number): [number, number] {
  return [lon + east / metersPerDegreeLongitude(lat), lat + north / METERS_PER_DEGREE_LATITUDE];
}

/** Distance in metres between two nearby points. */
export function distanceMeters(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const dx = (lon2 - lon1) * metersPerDegreeLongitude((lat1 + lat2) / 2);
  const dy = (lat2 - lat1) * METERS_PER_DEGREE_LATITUDE;
  return Math.hypot(dx, dy);
}

/** Even-odd ray casting: is (lon, lat) inside the ring? Points on an edge may go either way. */
export function pointInRing(lon: number, lat: number, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export interface BoundingBox {
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
}

export function boundingBox(ring: Ring): BoundingBox {
  let minLon = Infinity, minLat = Infinity, maxLon = -Infinity, maxLat = -Infinity;
  for (const [x, y] of ring) {
    if (x < minLon) minLon = x;
    if (x > maxLon) maxLon = x;
    if (y < minLat) minLat = y;
    if (y > maxLat) maxLat = y;
  }
  return {minLon, minLat, maxLon, maxLat};
}

/** A star-shaped polygon of `vertices` points around a centre, radii jittered around `radius` metres. */
export function starPolygon(random: Random, lon: number, lat: number, radius: number, vertices: number): Ring {
  const ring: Ring = [];
  const turn = random.uniform() * 2 * Math.PI;
  for (let k = 0; k < vertices; k++) {
    const angle = turn + (2 * Math.PI * k) / vertices;
    const r = radius * random.between(0.65, 1.2);
    const [x, y] = offsetMeters(lon, lat, r * Math.cos(angle), r * Math.sin(angle));
    ring.push([round6(x), round6(y)]);
  }
  return ring;
}

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

/** WKT text of a ring: POLYGON((lon lat, ..., first vertex again)). */
export function ringToWkt(ring: Ring): string {
  return `POLYGON((${[...ring, ring[0]].map(([x, y]) => `${x} ${y}`).join(", ")}))`;
}

/**
 * Parses a WKT POLYGON's outer ring (holes are not supported: zones have none). Throws with the
 * offending text when it is not a polygon of at least three distinct vertices.
 */
export function parseWktPolygon(text: string): Ring {
  const m = /^\s*POLYGON\s*\(\s*\(([^()]*)\)/i.exec(text);
  if (!m) throw new Error(`expected a WKT POLYGON((lon lat, ...)), got "${text.slice(0, 60)}"`);
  const ring: Ring = m[1].split(",").map((pair) => {
    const parts = pair.trim().split(/\s+/).map(Number);
    if (parts.length !== 2 || !parts.every(Number.isFinite)) throw new Error(`"${pair.trim()}" is not a "longitude latitude" pair in "${text.slice(0, 60)}"`);
    return [parts[0], parts[1]];
  });
  const [fx, fy] = ring[0];
  const [lx, ly] = ring[ring.length - 1];
  if (ring.length > 1 && fx === lx && fy === ly) ring.pop();
  if (ring.length < 3) throw new Error(`a zone polygon needs at least 3 vertices, got ${ring.length} in "${text.slice(0, 60)}"`);
  return ring;
}

/** GeoJSON Polygon of a ring, wound clockwise as d3-geo (and so Plot's geo mark) expects for a small area. */
export function ringToGeoJson(ring: Ring): {type: "Polygon"; coordinates: [number, number][][]} {
  // Shoelace sum over edges j → i of (x_j − x_i)(y_j + y_i): twice the signed area, positive when
  // the ring runs counter-clockwise in (lon, lat). d3-geo wants clockwise exteriors.
  let area = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) area += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  const clockwise = area < 0;
  const ordered = clockwise ? ring : [...ring].reverse();
  return {type: "Polygon", coordinates: [[...ordered, ordered[0]]]};
}
