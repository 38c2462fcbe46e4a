import {describe, expect, it} from "vitest";
import {minimizeBfgs, minimizeNelderMead} from "../../src/analytics/optimize.js";

// Rosenbrock's function has its unique minimum 0 at (1, 1) (Rosenbrock 1960).
const rosenbrock = ([x, y]: number[]) => 100 * (y - x * x) ** 2 + (1 - x) ** 2;

describe("optimize", () => {
  it("Nelder-Mead finds Rosenbrock's minimum at (1, 1)", () => {
    const r = minimizeNelderMead(rosenbrock, [-1.2, 1], {maxIterations: 5000});
    expect(r.x[0]).toBeCloseTo(1, 4);
    expect(r.x[1]).toBeCloseTo(1, 4);
    expect(r.converged).toBe(true);
  });
  it("BFGS finds Rosenbrock's minimum at (1, 1)", () => {
    const r = minimizeBfgs(rosenbrock, [-1.2, 1]);
    expect(r.x[0]).toBeCloseTo(1, 5);
    expect(r.x[1]).toBeCloseTo(1, 5);
  });
  it("BFGS solves a quadratic whose minimiser is known: A x = b", () => {
    // f(x) = 1/2 x'Ax - b'x with A = [[4,1],[1,3]], b = [1,2] has minimiser A^-1 b = [1/11, 7/11].
    const f = ([x, y]: number[]) => 0.5 * (4 * x * x + 2 * x * y + 3 * y * y) - (x + 2 * y);
    const r = minimizeBfgs(f, [0, 0]);
    expect(r.x[0]).toBeCloseTo(1 / 11, 6);
    expect(r.x[1]).toBeCloseTo(7 / 11, 6);
  });
});
