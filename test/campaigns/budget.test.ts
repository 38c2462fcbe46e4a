// The budget model: the response fit against statsmodels, the allocator against brute force, and
// the recommendation against the simulation's true response curves (it must never be worse than
// today's mix, and its interval should hold the true gain).
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {CHANNEL_TRUTH, demandMultiplier, simulateCampaigns, simulationWindow} from "../../data-loaders/campaigns/simulate.js";
import {dailyPerformance} from "../../data-loaders/campaigns/transform.js";
import {fitChannelResponse, fitChannelResponses, marginalRoas, optimalMultipliers, recommendReallocation, revenueAt, type ResponseRow} from "../../src/campaigns/budget.js";
import {trueRevenueAt} from "../../src/campaigns/truth.js";

const DAY = 86_400_000;
const fixtures = join(import.meta.dirname, "..", "fixtures", "campaigns");

function simulatedRows(seed: number, scale: "tiny" | "small" | "default"): ResponseRow[] {
  const d = dailyPerformance(simulateCampaigns({seed, scale}));
  return d.date.map((day, i) => ({date: (day as number) * DAY, campaign_id: d.campaign_id[i] as string, channel: d.channel[i] as string, spend: d.spend[i] as number, revenue: d.revenue[i] as number}));
}

const {first, last} = simulationWindow();
const demand = {first, values: Array.from({length: last - first + 1}, (_, i) => demandMultiplier(first + i))};
const trueGain = (rows: ResponseRow[], multipliers: Map<string, number>) => trueRevenueAt(rows, multipliers, CHANNEL_TRUTH, demand) - trueRevenueAt(rows, new Map(), CHANNEL_TRUTH, demand);

describe("channel response fit (Poisson pseudo-maximum likelihood)", () => {
  it("equals statsmodels' Poisson GLM with the same design, and its cluster-robust standard error", () => {
    // Reference: test/fixtures/campaigns/ppml_reference.py on ppml_search.csv (statsmodels GLM).
    const reference = JSON.parse(readFileSync(join(fixtures, "ppml_reference.json"), "utf8"));
    const rows = readFileSync(join(fixtures, "ppml_search.csv"), "utf8")
      .trim()
      .split("\n")
      .slice(1)
      .map((line) => {
        const [date, campaign_id, spend, revenue] = line.split(",");
        return {date: Date.parse(date), campaign_id, channel: "search", spend: Number(spend), revenue: Number(revenue)};
      });
    const fit = fitChannelResponse("search", rows);
    expect(fit.observations).toBe(reference.rows);
    expect(fit.converged).toBe(true);
    for (const [name, value] of Object.entries(reference.coefficients as Record<string, number>)) expect(fit.coefficients[name], name).toBeCloseTo(value, 6);
    expect(fit.elasticity).toBeCloseTo(reference.elasticity, 8);
    expect(fit.weeks).toBe(reference.clusters);
    expect(fit.standardError).toBeCloseTo(reference.elasticity_cluster_se, 6);
  });

  it("recovers each channel's true elasticity (simulation truth) within three standard errors", () => {
    const fits = fitChannelResponses(simulatedRows(42, "default"));
    expect(fits).toHaveLength(6);
    for (const f of fits) {
      const truth = CHANNEL_TRUTH[f.channel as keyof typeof CHANNEL_TRUTH].elasticity;
      expect(Math.abs(f.elasticity - truth), f.channel).toBeLessThan(3 * f.standardError);
      expect(f.standardError, f.channel).toBeLessThan(0.06);
    }
  });

  it("says nothing rather than fit a handful of days", () => {
    const rows = simulatedRows(1, "tiny").filter((r) => r.channel === "email").slice(0, 12);
    const fit = fitChannelResponse("email", rows);
    expect(fit.elasticity).toBeNaN();
    const rec = recommendReallocation([{...fit}, {channel: "search", spend: 100, revenue: 300, elasticity: 0.6, standardError: 0.05}]);
    expect(rec.warnings[0]).toMatch(/^email: too little data/);
  });
});

describe("the allocator", () => {
  const curves = [
    {channel: "a", spend: 100, revenue: 400, elasticity: 0.5},
    {channel: "b", spend: 200, revenue: 300, elasticity: 0.8},
    {channel: "c", spend: 50, revenue: 60, elasticity: 0.9}
  ];

  it("finds the best mix of a fixed budget (a brute-force grid agrees)", () => {
    const m = optimalMultipliers(curves, {maxChange: 0.9});
    const spend = (ms: number[]) => ms.reduce((s, x, i) => s + x * curves[i].spend, 0);
    expect(spend(m)).toBeCloseTo(350, 6);
    let best = -Infinity;
    for (let x = 0.1; x <= 1.9; x += 0.005) {
      for (let y = 0.1; y <= 1.9; y += 0.005) {
        const z = (350 - 100 * x - 200 * y) / 50;
        if (z < 0.1 || z > 1.9) continue;
        best = Math.max(best, revenueAt(curves, [x, y, z]));
      }
    }
    expect(revenueAt(curves, m)).toBeGreaterThanOrEqual(best - 1e-6);
    // At the optimum, channels inside the bounds share one marginal ROAS.
    const inside = m.map((x, i) => ({x, i})).filter(({x}) => x > 0.1 + 1e-6 && x < 1.9 - 1e-6);
    const marginals = inside.map(({x, i}) => marginalRoas(curves[i], x));
    for (const v of marginals) expect(v).toBeCloseTo(marginals[0], 6);
  });

  it("respects the change limit and the budget", () => {
    const m = optimalMultipliers(curves, {maxChange: 0.2, budgetFactor: 1.1});
    for (const x of m) {
      expect(x).toBeGreaterThanOrEqual(0.8 - 1e-12);
      expect(x).toBeLessThanOrEqual(1.2 + 1e-12);
    }
    expect(m.reduce((s, x, i) => s + x * curves[i].spend, 0)).toBeCloseTo(385, 6);
  });

  it("recommends no change when the elasticities are too uncertain to rank the channels", () => {
    const rec = recommendReallocation(curves.map((c) => ({...c, elasticity: 0.6, standardError: 0.5})).map((c, i) => ({...c, revenue: [200, 400, 100][i], spend: [100, 200, 50][i]})));
    // Equal average ROAS and equal elasticities: today's mix is already optimal.
    expect(rec.step).toBe(0);
    expect(rec.total.expected).toBeCloseTo(0, 9);
  });
});

describe("the recommendation on the simulation's true response curves", () => {
  it("is never worse than today's mix, for several seeds, scales and periods", () => {
    // Truth: data-loaders/campaigns/simulate.ts (CHANNEL_TRUTH, demandMultiplier); the gain of a mix is
    // computed on the true curves, not the fitted ones.
    const cases: {seed: number; scale: "tiny" | "small"; days: number}[] = [];
    for (const seed of [1, 2, 3, 4]) for (const scale of ["tiny", "small"] as const) for (const days of [731, 90]) cases.push({seed, scale, days});
    for (const {seed, scale, days} of cases) {
      const all = simulatedRows(seed, scale);
      const end = Math.max(...all.map((r) => r.date));
      const rows = all.filter((r) => r.date > end - days * DAY);
      const rec = recommendReallocation(fitChannelResponses(rows), {maxChange: 0.5, draws: 600});
      const gain = trueGain(rows, new Map(rec.channels.map((c) => [c.channel, c.multiplier])));
      expect(gain, `seed ${seed}, ${scale}, last ${days} days`).toBeGreaterThanOrEqual(0);
      // Same total spend.
      expect(rec.channels.reduce((s, c) => s + c.recommendedSpend, 0)).toBeCloseTo(rec.channels.reduce((s, c) => s + c.spend, 0), 3);
    }
  });

  it("expects about the gain the truth delivers, and its interval holds it", () => {
    const rows = simulatedRows(42, "default");
    const rec = recommendReallocation(fitChannelResponses(rows), {maxChange: 0.5});
    const gain = trueGain(rows, new Map(rec.channels.map((c) => [c.channel, c.multiplier])));
    expect(rec.step).toBe(1);
    expect(gain).toBeGreaterThan(0.05 * rows.reduce((s, r) => s + r.revenue, 0)); // a real improvement: over 5% more revenue
    expect(gain).toBeGreaterThanOrEqual(rec.total.lower);
    expect(gain).toBeLessThanOrEqual(rec.total.upper);
    // It moves money from the channels whose next dollar returns least (true marginal ROAS: display, video) to those where it returns most (email, affiliate).
    const change = new Map(rec.channels.map((c) => [c.channel, c.multiplier]));
    expect(change.get("display")).toBeLessThan(1);
    expect(change.get("video")).toBeLessThan(1);
    expect(change.get("email")).toBeGreaterThan(1);
    expect(change.get("affiliate")).toBeGreaterThan(1);
  });
});
