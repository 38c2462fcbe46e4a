/**
 * The Alyce weekly media simulation (data-loaders/alyce/simulate-media.ts): determinism, shape,
 * that sales are exactly the sum of the returned components, that the truth's ROI and marginal ROI
 * are what the model's own response functions give, and the spend patterns the model relies on.
 */
import {describe, expect, it} from "vitest";
import {mediaMixDataFromWeeks, simulateMediaWeeks} from "../../data-loaders/alyce/simulate-media.js";
import {correlationMatrix, leverMarginalRoi, leverRoi} from "../../src/analytics/mmm/index.js";

const sim = simulateMediaWeeks({seed: 1});

describe("simulateMediaWeeks", () => {
  it("is deterministic for a seed and differs between seeds", () => {
    const again = simulateMediaWeeks({seed: 1});
    expect(again.weeks).toEqual(sim.weeks);
    expect(simulateMediaWeeks({seed: 2}).weeks[10].sales).not.toBe(sim.weeks[10].sales);
  });
  it("defaults to 208 weekly rows starting on Monday 2021-01-04; accepts three years", () => {
    expect(sim.weeks).toHaveLength(208);
    expect(sim.weeks[0].week).toBe("2021-01-04");
    expect(sim.weeks[1].week).toBe("2021-01-11");
    expect(new Date(sim.weeks[207].week + "T00:00:00Z").getUTCDay()).toBe(1);
    expect(simulateMediaWeeks({seed: 3, weeks: 156}).weeks).toHaveLength(156);
    expect(Object.keys(sim.weeks[0].spend)).toEqual(["tv", "search", "social", "display"]);
    expect(Object.keys(simulateMediaWeeks({extraLevers: 4}).weeks[0].spend)).toHaveLength(8);
  });
  it("sales are exactly the sum of the components; media is the sum of the levers' contributions", () => {
    const c = sim.truth.components;
    sim.weeks.forEach((w, t) => {
      expect(w.sales).toBeCloseTo(c.baseline[t] + c.holidays[t] + c.promotionsAndPrice[t] + c.marketIndex[t] + c.media[t] + c.noise[t], 6);
      expect(c.media[t]).toBeCloseTo(sim.truth.levers.reduce((s, l) => s + l.contributions[t], 0), 6);
    });
  });
  it("the truth's ROI and marginal ROI are the model's own response functions applied to the true parameters", () => {
    for (const l of sim.truth.levers) {
      const spend = sim.weeks.map((w) => w.spend[l.name]);
      expect(l.roi).toBeCloseTo(leverRoi(spend, l), 10);
      expect(l.marginalRoi).toBeCloseTo(leverMarginalRoi(spend, l), 10);
      expect(l.roi).toBeCloseTo(l.contribution / l.totalSpend, 12);
      expect(l.marginalRoi).toBeLessThan(l.roi); // diminishing returns at the spend levels simulated
    }
  });
  it("a no-effect lever keeps its spend and contributes nothing", () => {
    const off = simulateMediaWeeks({seed: 1, noEffectLever: "display"});
    const display = off.truth.levers.find((l) => l.name === "display")!;
    expect(display.beta).toBe(0);
    expect(display.roi).toBe(0);
    expect(off.weeks.map((w) => w.spend.display)).toEqual(sim.weeks.map((w) => w.spend.display));
    expect(() => simulateMediaWeeks({noEffectLever: "radio"})).toThrow(/not one of/);
  });
  it("spend patterns: TV in flights, search always on but for go-dark weeks, moderate correlation", () => {
    const spend = (name: string) => sim.weeks.map((w) => w.spend[name]);
    const tvOff = spend("tv").filter((v) => v === 0).length;
    expect(tvOff).toBeGreaterThan(100); // flighting: most weeks dark
    expect(tvOff).toBeLessThan(180);
    const searchOff = spend("search").filter((v) => v === 0).length;
    expect(searchOff).toBeGreaterThanOrEqual(8); // a 2-3 week go-dark test in each of 4 years
    expect(searchOff).toBeLessThanOrEqual(12);
    const r = correlationMatrix(["tv", "search", "social", "display"].map(spend));
    for (let i = 0; i < 4; i++) for (let j = i + 1; j < 4; j++) expect(Math.abs(r[i][j])).toBeLessThan(0.6);
  });
  it("holidays fall in Q4 (Thanksgiving week 2021 starts 2021-11-22) and the controls are all in the model input", () => {
    const tg = sim.weeks.filter((w) => w.thanksgiving === 1).map((w) => w.week);
    expect(tg).toContain("2021-11-22"); // Thanksgiving 2021 was Thursday 25 November
    expect(tg).toHaveLength(4);
    expect(sim.weeks.filter((w) => w.yearEnd === 1).every((w) => ["12", "01"].includes(w.week.slice(5, 7)))).toBe(true);
    const data = mediaMixDataFromWeeks(sim.weeks);
    expect(data.controls.map((c) => c.name)).toEqual(["discountPct", "promotion", "thanksgiving", "decemberPeak", "yearEnd", "marketIndex"]);
    expect(data.media.map((m) => m.name)).toEqual(["tv", "search", "social", "display"]);
  });
});
