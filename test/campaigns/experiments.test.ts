// A/B tests in the campaign report: the sums the page reads are turned into the shared tests'
// inputs correctly (hand-worked), the filters pick the right tests, and on the simulation the
// read-outs recover the true effects, flag the broken split and nothing else.
import {describe, expect, it} from "vitest";
import {EXPERIMENT_TRUTH, simulateExperimentTables, trueRevenuePerVisitorLift} from "../../data-loaders/campaigns/simulateExperiments.js";
import {experimentDaily} from "../../data-loaders/campaigns/transformExperiments.js";
import {twoProportionZTest} from "../../src/analytics/abtest.js";
import {summarize} from "../../src/analytics/stats.js";
import {experimentDays, readExperiments, revenueSummary, cumulativeLift, type ExperimentDay} from "../../src/campaigns/experiments.js";

const DAY = 86_400_000;

describe("reading the daily sums", () => {
  it("revenue per visitor's mean and variance from sums equal those of the raw values (hand-worked)", () => {
    // Visitors spending 0, 10, 20, 0: mean 7.5, variance (0² + 10² + 20² + 0² − 4·7.5²)/3 = 91.67.
    const arm = {visitors: 4, conversions: 2, revenue: 30, revenueSquared: 500};
    const fromSums = revenueSummary(arm);
    const raw = summarize([0, 10, 20, 0]);
    expect(fromSums.n).toBe(4);
    expect(fromSums.mean).toBeCloseTo(raw.mean, 12);
    expect(fromSums.variance).toBeCloseTo(raw.variance, 10);
    expect(fromSums.variance).toBeCloseTo(275 / 3, 10);
  });

  const start = Date.UTC(2025, 0, 6);
  const day = (testId: string, channel: string | null, date: number, variant: "control" | "treatment", visitors: number, conversions: number): ExperimentDay => ({
    testId, testName: testId, channel, metric: "conversion_rate", start, end: start + 6 * DAY, treatmentShare: 0.5, date, variant, visitors, conversions, revenue: conversions * 50, revenueSquared: conversions * 2500
  });
  const days = [
    day("E", "email", start, "control", 1000, 30),
    day("E", "email", start, "treatment", 1000, 45),
    day("E", "email", start + 3 * DAY, "control", 1000, 31),
    day("E", "email", start + 3 * DAY, "treatment", 990, 40),
    day("W", null, start, "control", 500, 10),
    day("W", null, start, "treatment", 510, 12)
  ];
  const selection = {start, end: start + 6 * DAY, channels: ["email", "search"]};

  it("sums the days per arm and applies the two-proportion z-test to the sums", () => {
    const [e] = readExperiments(days, selection, {allChannels: false});
    expect(e.control).toEqual({visitors: 2000, conversions: 61, revenue: 3050, revenueSquared: 152500});
    const direct = twoProportionZTest({successes: 61, trials: 2000}, {successes: 85, trials: 1990});
    expect(e.test.pValue).toBeCloseTo(direct.pValue, 12);
    expect(e.lift).toBeCloseTo(85 / 1990 / (61 / 2000) - 1, 12);
    expect(e.srm.pValue).toBeGreaterThan(0.5);
  });

  it("keeps site-wide tests only when every channel is selected, and reads tests as of the selection's end", () => {
    expect(readExperiments(days, selection, {allChannels: false}).map((r) => r.id)).toEqual(["E"]);
    expect(readExperiments(days, selection, {allChannels: true}).map((r) => r.id)).toEqual(["E", "W"]);
    expect(readExperiments(days, {...selection, channels: ["search"]}, {allChannels: false})).toEqual([]);
    const early = readExperiments(days, {...selection, end: start + DAY}, {allChannels: false})[0];
    expect(early.control.visitors).toBe(1000);
    expect(early.through).toBe(start);
  });

  it("follows the read-out day by day", () => {
    const path = cumulativeLift(days, "E");
    expect(path.map((p) => p.date)).toEqual([start, start + 3 * DAY]);
    expect(path[0].lift).toBeCloseTo(0.5, 12); // 45/1000 over 30/1000
  });
});

describe("on the simulated tests (truth: EXPERIMENT_TRUTH)", () => {
  const read = (seed: number) => {
    const tables = simulateExperimentTables({seed});
    const {columns} = experimentDaily(tables);
    const rows = columns.test_id.map((_, i) => Object.fromEntries(Object.keys(columns).map((k) => [k, ["start_date", "end_date", "date"].includes(k) ? (columns[k][i] as number) * DAY : columns[k][i]])));
    return readExperiments(experimentDays(rows), {start: Date.UTC(2024, 0, 1), end: Date.UTC(2025, 11, 31), channels: ["search", "social", "display", "email", "video", "affiliate"]}, {allChannels: true});
  };

  it("reads the default seed's tests as the story says: a win, a loss, a broken split", () => {
    const byId = new Map(read(42).map((r) => [r.id, r]));
    expect(byId.size).toBe(EXPERIMENT_TRUTH.length);
    expect(byId.get("T01")!.verdict.kind).toBe("win");
    expect(byId.get("T04")!.verdict.kind).toBe("loss");
    expect(byId.get("T06")!.verdict.kind).toBe("srm");
    expect(byId.get("T03")!.verdict.kind).not.toBe("win"); // no true effect
    expect(byId.get("T07")!.verdict.kind).toBe("underpowered"); // 10,000 visitors cannot see a 10% change at 1.2%
  });

  it("over ten seeds: the split check flags the broken test every time and nothing else, and the 95% intervals hold the true lift", () => {
    let inside = 0;
    let intervals = 0;
    for (let seed = 1; seed <= 10; seed++) {
      for (const r of read(seed)) {
        const truth = EXPERIMENT_TRUTH.find((t) => t.id === r.id)!;
        expect(r.srm.mismatch, `${r.id} seed ${seed}`).toBe(truth.treatmentLoss > 0);
        if (truth.treatmentLoss > 0) continue;
        const lift = truth.metric === "conversion_rate" ? truth.conversionLift : trueRevenuePerVisitorLift(truth);
        intervals++;
        if (lift >= r.liftLow && lift <= r.liftHigh) inside++;
      }
    }
    // 60 intervals at 95%: expect about 57; below 52 would happen by chance less than 1% of the time.
    expect(inside).toBeGreaterThanOrEqual(52);
    expect(intervals).toBe(60);
  });
});
