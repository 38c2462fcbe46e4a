import {mkdirSync, mkdtempSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {byScale, describeDataSource, readOptions, reportDataDir} from "../../data-loaders/shared/options.js";

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
  it("finds a report's folder under DATA_DIR when it exists, or its own override", () => {
    const data = mkdtempSync(join(tmpdir(), "mr-options-"));
    mkdirSync(join(data, "campaigns"));
    const options = readOptions({DATA_DIR: `${data}/`});
    expect(reportDataDir("campaigns", options, {})).toBe(join(data, "campaigns"));
    // No olist/ sub-folder: that report is simulated.
    expect(reportDataDir("olist", options, {})).toBeUndefined();
    // An explicit override is taken as given (the loader then reports a missing folder).
    expect(reportDataDir("campaigns", options, {CAMPAIGNS_DATA_DIR: "/elsewhere"})).toBe("/elsewhere");
    expect(reportDataDir("campaigns", readOptions({}), {})).toBeUndefined();
  });
  it("says where the numbers come from without naming local paths", () => {
    const data = mkdtempSync(join(tmpdir(), "mr-options-"));
    mkdirSync(join(data, "olist"));
    const reports = [
      {id: "campaigns", title: "Campaign performance"},
      {id: "olist", title: "Olist"}
    ];
    expect(describeDataSource(reports, readOptions({SEED: "7", SCALE: "small"}), {})).toBe("simulated data (seed 7, scale small)");
    expect(describeDataSource(reports, readOptions({DATA_DIR: data}), {})).toBe("your own data for Olist and simulated data (seed 42, scale default) for the rest");
    expect(describeDataSource(reports, readOptions({DATA_DIR: data}), {CAMPAIGNS_DATA_DIR: "/x"})).toBe("your own data");
  });
  it("picks per-scale values", () => {
    expect(byScale({tiny: 1, small: 2, default: 3, large: 4}, "small")).toBe(2);
  });
});
