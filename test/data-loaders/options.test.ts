import {describe, expect, it} from "vitest";
import {byScale, readOptions, reportDataDir} from "../../data-loaders/shared/options.js";

describe("build options", () => {
  it("defaults to seed 42, scale default and no data folder", () => {
    expect(readOptions({})).toEqual({seed: 42, scale: "default", dataDir: undefined});
  });
  it("reads SEED, SCALE and DATA_DIR", () => {
    expect(readOptions({SEED: "7", SCALE: "tiny", DATA_DIR: "/data/"})).toEqual({seed: 7, scale: "tiny", dataDir: "/data/"});
  });
  it("rejects a bad seed or scale with the accepted values", () => {
    expect(() => readOptions({SEED: "-1"})).toThrow(/SEED must be an integer/);
    expect(() => readOptions({SEED: "1.5"})).toThrow(/SEED must be an integer/);
    expect(() => readOptions({SCALE: "huge"})).toThrow(/SCALE must be one of tiny, small, default, large, got "huge"/);
  });
  it("finds a report's folder under DATA_DIR, or its own override", () => {
    const options = readOptions({DATA_DIR: "/data/"});
    expect(reportDataDir("campaigns", options, {})).toBe("/data/campaigns");
    expect(reportDataDir("campaigns", options, {CAMPAIGNS_DATA_DIR: "/elsewhere"})).toBe("/elsewhere");
    expect(reportDataDir("campaigns", readOptions({}), {})).toBeUndefined();
  });
  it("picks per-scale values", () => {
    expect(byScale({tiny: 1, small: 2, default: 3, large: 4}, "small")).toBe(2);
  });
});
