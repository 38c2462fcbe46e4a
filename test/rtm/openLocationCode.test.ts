// The Open Location Code encoder against the specification's own published vectors
// (google/open-location-code test_data/encoding.csv, copied to test/fixtures/rtm/olc-encoding.csv).
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {createCellEncoder, encodeOpenLocationCode, olcCellKey8} from "../../data-loaders/rtm/openLocationCode.js";
import {Random} from "../../src/analytics/random.js";

const vectors = readFileSync(join(import.meta.dirname, "..", "fixtures", "rtm", "olc-encoding.csv"), "utf8")
  .split("\n")
  .filter((line) => line.trim() && !line.startsWith("#"))
  .map((line) => {
    const [lat, lng, length, code] = line.split(",");
    return {lat: Number(lat), lng: Number(lng), length: Number(length), code};
  });

describe("encodeOpenLocationCode", () => {
  it("reads the published vectors", () => expect(vectors.length).toBeGreaterThan(100));

  it("matches every published encoding vector", () => {
    const wrong = vectors.filter((v) => encodeOpenLocationCode(v.lat, v.lng, v.length) !== v.code).map((v) => `${v.lat},${v.lng},${v.length}: got ${encodeOpenLocationCode(v.lat, v.lng, v.length)}, expected ${v.code}`);
    expect(wrong).toEqual([]);
  });

  it("refuses odd lengths below 10 and non-finite input", () => {
    expect(() => encodeOpenLocationCode(1, 1, 7)).toThrow(/even number/);
    expect(() => encodeOpenLocationCode(1, 1, 1)).toThrow(/even number/);
    expect(() => encodeOpenLocationCode(NaN, 1, 8)).toThrow(/finite/);
  });

});

describe("cell keys and the memoised encoder", () => {
  it("agree with the direct encoder: equal keys exactly when equal 8-digit codes", () => {
    const random = new Random(7);
    const encode = createCellEncoder();
    const byKey = new Map<number, string>();
    for (let i = 0; i < 20_000; i++) {
      // Points clustered in a few km so that many share cells.
      const lat = 40.7 + random.between(-0.02, 0.02);
      const lng = -74 + random.between(-0.02, 0.02);
      const direct = encodeOpenLocationCode(lat, lng, 8);
      const cached = encode(lat, lng);
      expect(cached.code).toBe(direct);
      expect(cached.key).toBe(olcCellKey8(lat, lng));
      const seen = byKey.get(cached.key);
      if (seen !== undefined) expect(seen).toBe(direct);
      else byKey.set(cached.key, direct);
    }
    expect(new Set(byKey.values()).size).toBe(byKey.size);
  });
});
