// Geometry helpers on hand-worked shapes.
import {describe, expect, it} from "vitest";
import {distanceMeters, offsetMeters, parseWktPolygon, pointInRing, ringToGeoJson, ringToWkt, starPolygon, type Ring} from "../../data-loaders/rtm/geo.js";
import {Random} from "../../src/analytics/random.js";

const square: Ring = [[0, 0], [1, 0], [1, 1], [0, 1]];

describe("zone geometry", () => {
  it("tells inside from outside, including a concave notch", () => {
    expect(pointInRing(0.5, 0.5, square)).toBe(true);
    expect(pointInRing(1.5, 0.5, square)).toBe(false);
    // A "C" shape: the notch (0.5, 0.5) is outside.
    const c: Ring = [[0, 0], [1, 0], [1, 0.4], [0.4, 0.4], [0.4, 0.6], [1, 0.6], [1, 1], [0, 1]];
    expect(pointInRing(0.5, 0.5, c)).toBe(false);
    expect(pointInRing(0.2, 0.5, c)).toBe(true);
  });

  it("moves by metres: 1 km north is 1000/111320 degrees; distances come back", () => {
    const [x, y] = offsetMeters(-74, 40.7, 0, 1000);
    expect(x).toBe(-74);
    expect(y - 40.7).toBeCloseTo(1000 / 111_320, 12);
    const [ex, ey] = offsetMeters(-74, 40.7, 300, 400);
    expect(distanceMeters(-74, 40.7, ex, ey)).toBeCloseTo(500, 0);
  });

  it("round-trips WKT and rejects what is not a polygon", () => {
    const ring = starPolygon(new Random(1), 2.35, 48.85, 500, 7);
    expect(parseWktPolygon(ringToWkt(ring))).toEqual(ring);
    expect(parseWktPolygon("POLYGON((0 0, 1 0, 1 1, 0 0))")).toEqual([[0, 0], [1, 0], [1, 1]]);
    expect(() => parseWktPolygon("POINT(1 2)")).toThrow(/expected a WKT POLYGON/);
    expect(() => parseWktPolygon("POLYGON((0 0, 1 x, 1 1, 0 0))")).toThrow(/"1 x" is not/);
    expect(() => parseWktPolygon("POLYGON((0 0, 1 1, 0 0))")).toThrow(/at least 3 vertices/);
  });

  it("writes GeoJSON rings clockwise and closed", () => {
    const g = ringToGeoJson(square); // square is counter-clockwise
    expect(g.coordinates[0]).toEqual([[0, 1], [1, 1], [1, 0], [0, 0], [0, 1]]);
  });
});
