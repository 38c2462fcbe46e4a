/**
 * The budget optimiser (src/analytics/mmm/budget.ts): optimality conditions on curves whose optimum
 * is known in closed form, an S-shaped case where a greedy allocation fails, bounds, and the proof
 * on the Alyce simulation: the allocation recommended from the FITTED curves, evaluated on the TRUE
 * curves, earns at least 95 % of what the true-curve optimum earns.
 */
import {describe, expect, it} from "vitest";
import {mediaMixDataFromWeeks, simulateMediaWeeks} from "../../data-loaders/alyce/simulate-media.js";
import {compareBudgets, evaluateAllocation, fitMediaMixPoint, optimizeBudget, steadyStateResponse, type LeverResponse} from "../../src/analytics/mmm/index.js";

const lever = (name: string, beta: number, halfSaturation: number, shape: number): LeverResponse => ({name, decay: 0.3, halfSaturation, shape, beta, saturation: "hill"});

describe("optimizeBudget", () => {
  it("two identical concave levers split the budget equally", () => {
    const levers = [lever("a", 100, 50, 1), lever("b", 100, 50, 1)];
    const r = optimizeBudget(levers, {totalBudget: 80});
    expect(r.spend[0]).toBeCloseTo(40, 4);
    expect(r.spend[1]).toBeCloseTo(40, 4);
  });
  it("concave levers: marginal returns equal at the optimum (closed form for S = 1)", () => {
    // f_i(s) = β_i s / (K_i + s); f_i'(s) = β_i K_i / (K_i + s)². Equal marginals with s_1 + s_2 = B give
    // s_i = sqrt(β_i K_i)/λ' − K_i; for β = (100, 60), K = (20, 10), B = 50: sqrt(2000) = 44.72,
    // sqrt(600) = 24.49; (s_1 + 20)/44.72 = (s_2 + 10)/24.49 ⇒ s_1 = (80·44.72/69.21) − 20 = 31.69.
    const levers = [lever("a", 100, 20, 1), lever("b", 60, 10, 1)];
    const r = optimizeBudget(levers, {totalBudget: 50});
    const s1 = (80 * Math.sqrt(2000)) / (Math.sqrt(2000) + Math.sqrt(600)) - 20;
    expect(r.spend[0]).toBeCloseTo(s1, 3);
    expect(r.spend[0] + r.spend[1]).toBeCloseTo(50, 9);
    expect(r.marginal[0]).toBeCloseTo(r.marginal[1], 4);
  });
  it("S-shaped levers: finds the global optimum a greedy marginal allocation misses", () => {
    // Lever b is S-shaped (S = 4, K = 60): worthless below ~40, strong above. With B = 100 the best
    // split puts ~70 into b; greedy small steps see b's marginal near zero and pour it all into a.
    const levers = [lever("a", 50, 30, 1), lever("b", 150, 60, 4)];
    const r = optimizeBudget(levers, {totalBudget: 100});
    const greedy = evaluateAllocation(levers, [100, 0]);
    expect(r.total).toBeGreaterThan(greedy.total * 1.5);
    // brute force on a fine grid agrees
    let best = -Infinity;
    for (let s = 0; s <= 100; s += 0.01) best = Math.max(best, steadyStateResponse(s, levers[0]) + steadyStateResponse(100 - s, levers[1]));
    expect(r.total).toBeGreaterThanOrEqual(best - 1e-6);
  });
  it("respects bounds and the budget; refuses infeasible bounds", () => {
    const levers = [lever("a", 100, 20, 1), lever("b", 60, 10, 1), lever("c", 10, 5, 1)];
    const bounds = [{min: 0, max: 25}, {min: 5, max: 100}, {min: 8, max: 9}];
    const r = optimizeBudget(levers, {totalBudget: 60, bounds});
    r.spend.forEach((s, i) => {
      expect(s).toBeGreaterThanOrEqual(bounds[i].min - 1e-9);
      expect(s).toBeLessThanOrEqual(bounds[i].max + 1e-9);
    });
    expect(r.spend.reduce((a, b) => a + b, 0)).toBeCloseTo(60, 9);
    expect(() => optimizeBudget(levers, {totalBudget: 10, bounds})).toThrow(/lower bounds add up to 13/);
    expect(() => optimizeBudget(levers, {totalBudget: 200, bounds})).toThrow(/upper bounds add up to 134/);
  });
});

describe("budget recommendation on the Alyce simulation", () => {
  const sim = simulateMediaWeeks({seed: 1});
  const data = mediaMixDataFromWeeks(sim.weeks);
  const fit = fitMediaMixPoint(data, {seed: 1});
  const current = data.media.map((m) => Array.from(m.spend).slice(-52).reduce((a, b) => a + b, 0) / 52);
  const budget = current.reduce((a, b) => a + b, 0);
  it.each([
    ["the current budget, bounds 0.3× to 3× current", 1, 0.3, 3],
    ["a budget 50 % larger, bounds 0 to 4× current", 1.5, 0, 4],
    ["a budget 30 % smaller, bounds 0.5× to 2× current", 0.7, 0.5, 2]
  ])("%s: earns ≥ 95 %% of the true optimum when both are evaluated on the true curves", (_, scale, lo, hi) => {
    const totalBudget = budget * scale;
    const bounds = current.map((c) => ({min: lo * c, max: hi * c}));
    const recommended = optimizeBudget(fit.levers, {totalBudget, bounds});
    const trueOptimum = optimizeBudget(sim.truth.levers, {totalBudget, bounds});
    const earned = evaluateAllocation(sim.truth.levers, recommended.spend).total;
    expect(earned / trueOptimum.total).toBeGreaterThanOrEqual(0.95);
    // and it beats the current mix on the truth when the current mix is feasible
    const mix = current.map((c) => (c * totalBudget) / budget);
    if (mix.every((s, i) => s >= bounds[i].min && s <= bounds[i].max)) expect(earned).toBeGreaterThanOrEqual(evaluateAllocation(sim.truth.levers, mix).total);
  });
  it("compareBudgets: recommendation, current mix and equal split with a gain interval", () => {
    const drawsLike = [fit.levers, fit.levers.map((l) => ({...l, beta: l.beta * 0.9})), fit.levers.map((l) => ({...l, beta: l.beta * 1.1}))];
    const c = compareBudgets(fit.levers, drawsLike, {totalBudget: budget, currentWeeklySpend: current, bounds: current.map((s) => ({min: 0.3 * s, max: 3 * s}))});
    expect(c.current.allocation.spend.reduce((a, b) => a + b, 0)).toBeCloseTo(budget, 6);
    expect(c.equal.allocation.spend[0]).toBeCloseTo(budget / 4, 9);
    expect(c.gainOverCurrent.estimate).toBeGreaterThanOrEqual(0);
    expect(c.gainOverCurrent.lower).toBeLessThanOrEqual(c.gainOverCurrent.upper);
    expect(c.recommended.expected.estimate).toBeCloseTo(c.recommended.allocation.total, 9);
  });
});
