/**
 * Holt-Winters, its forecasts and intervals, and the rolling-origin backtest, against statsmodels
 * (test/fixtures/forecast/reference.py -> reference.json), R (reference.R -> reference_r.json),
 * published closed forms (Hyndman et al. 2008, Table 6.1) and series of known structure.
 * Sources are named beside every expected number.
 */
import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {
  backtest,
  backtestForecaster,
  fitHoltWinters,
  forecastHoltWinters,
  forecastSeries,
  heuristicInitialStates,
  holtWintersModel,
  holtWintersSse,
  meanAbsolutePercentageError,
  meanAbsoluteScaledError,
  naiveForecast,
  pointForecast,
  relativeForecastVariance,
  rollingOrigins,
  seasonalNaiveForecast,
  seasonalNaiveScale,
  simulateHoltWinters,
  type HoltWintersOptions,
  type InitialStates,
  type SmoothingParameters
} from "../../src/analytics/forecast.js";
import {Random} from "../../src/analytics/random.js";

const FIXTURES = new URL("../fixtures/forecast/", import.meta.url);
const read = (name: string) => readFileSync(new URL(name, FIXTURES), "utf8");
const reference = JSON.parse(read("reference.json"));
const referenceR = JSON.parse(read("reference_r.json"));

// airpassengers.csv: Box & Jenkins' monthly airline passengers 1949-1960 (thousands), from R's datasets.
const air = read("airpassengers.csv").trim().split("\n").slice(1).map((line) => Number(line.split(",")[1]));
// daily_synthetic.csv: 700 seeded days with a weekly pattern (daily_synthetic.py).
const dailyRows = read("daily_synthetic.csv").trim().split("\n").slice(1).map((line) => line.split(","));
const SERIES: Record<string, number[]> = {
  airpassengers: air,
  daily_additive: dailyRows.map((r) => Number(r[1])),
  daily_multiplicative: dailyRows.map((r) => Number(r[2]))
};

const maxRelativeDifference = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  expect(a.length).toBe(b.length);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]) / Math.max(1, Math.abs(b[i])));
  return worst;
};
const kind = (s: string | null) => (s === "add" ? "additive" : s === "mul" ? "multiplicative" : "none");
const caseModel = (c: any): HoltWintersOptions => ({trend: kind(c.trend) as "none" | "additive", damped: c.damped, seasonal: kind(c.seasonal) as "none", period: c.period});
const cases = Object.entries<any>(reference.cases);

describe("Holt-Winters recursion against statsmodels (fixed parameters and initial states)", () => {
  it("covers the model variants the pages use", () => {
    // reference.py's CASES: multiplicative and additive seasons, damped and not, no season.
    expect(cases.map(([name]) => name)).toEqual([
      "airpassengers/AM/m12",
      "airpassengers/AdM/m12",
      "airpassengers/AA/m12",
      "daily_additive/AA/m7",
      "daily_additive/AdA/m7",
      "daily_multiplicative/AM/m7",
      "daily_multiplicative/NM/m7",
      "daily_additive/AN"
    ]);
  });

  for (const [name, c] of cases) {
    it(`${name}: heuristic initial states, fitted values, SSE, final states and forecasts`, () => {
      const y = SERIES[c.series];
      const options = caseModel(c);
      // statsmodels' _initialization_heuristic (Hyndman et al. 2008, sec. 2.6.1).
      const heuristic = heuristicInitialStates(y, holtWintersModel(options));
      expect(heuristic.level).toBeCloseTo(c.heuristic.level, 9);
      expect(heuristic.trend).toBeCloseTo(c.heuristic.trend, 9);
      expect(maxRelativeDifference(heuristic.seasonal, c.heuristic.seasonal)).toBeLessThan(1e-9);

      // statsmodels ExponentialSmoothing(initialization_method="known").fit(optimized=False).
      const fit = fitHoltWinters(y, {...options, initialization: "known", initial: c.heuristic, params: c.known.params});
      expect(maxRelativeDifference(fit.fitted, c.known.fitted)).toBeLessThan(1e-6);
      expect(Math.abs(fit.sse / c.known.sse - 1)).toBeLessThan(1e-9);
      expect(fit.final.level).toBeCloseTo(c.known.final_level, 6);
      expect(fit.final.trend).toBeCloseTo(c.known.final_trend, 8);
      expect(maxRelativeDifference(fit.final.seasonal, c.known.final_seasonal)).toBeLessThan(1e-9);
      // Same k as statsmodels' HoltWintersResults.aic.
      expect(fit.aic).toBeCloseTo(c.known.aic, 8);
      // Hyndman's forecast equation on statsmodels' final states (reference.py's hyndman_forecast).
      const forecast = pointForecast(fit, reference.horizon);
      expect(maxRelativeDifference(forecast, c.known.forecast)).toBeLessThan(1e-9);
      // The same fit through initialization "heuristic" (states not re-estimated).
      const viaHeuristic = fitHoltWinters(y, {...options, initialization: "heuristic", params: c.known.params});
      expect(Math.abs(viaHeuristic.sse / c.known.sse - 1)).toBeLessThan(1e-12);
    });
  }

  it("departs from statsmodels 0.13.5's own .forecast() only at h = m, 2m (its issue #9538)", () => {
    const c = reference.cases["airpassengers/AA/m12"];
    const fit = fitHoltWinters(air, {...caseModel(c), initialization: "known", initial: c.heuristic, params: c.known.params});
    const ours = pointForecast(fit, 24);
    const differs = ours.map((f, i) => Math.abs(f - c.known.forecast_statsmodels[i]) > 1e-6 * Math.abs(f));
    // statsmodels overwrites the last updated seasonal factor with the one a season older, so its
    // 12- and 24-step forecasts use a stale factor; every other horizon agrees.
    expect(differs.flatMap((d, i) => (d ? [i + 1] : []))).toEqual([12, 24]);
  });
});

describe("gradient of the SSE", () => {
  const probes: [string, number[], HoltWintersOptions, SmoothingParameters][] = [
    ["AirPassengers A,M", air, {seasonal: "multiplicative", period: 12}, {alpha: 0.4, beta: 0.1, gamma: 0.3, phi: 1}],
    ["daily Ad,A", SERIES.daily_additive, {seasonal: "additive", period: 7, damped: true}, {alpha: 0.2, beta: 0.3, gamma: 0.1, phi: 0.9}],
    ["daily N,M", SERIES.daily_multiplicative, {trend: "none", seasonal: "multiplicative", period: 7}, {alpha: 0.3, beta: 0, gamma: 0.2, phi: 1}],
    ["daily A,N", SERIES.daily_additive, {seasonal: "none"}, {alpha: 0.3, beta: 0.2, gamma: 0, phi: 1}]
  ];
  for (const [label, y, options, params] of probes) {
    it(`the adjoint pass equals central differences (${label})`, () => {
      const model = holtWintersModel(options);
      const start = heuristicInitialStates(y, model);
      const initial: InitialStates = {level: start.level * 1.01, trend: start.trend + 0.1, seasonal: start.seasonal};
      const {gradient} = holtWintersSse(y, model, params, initial);
      // theta = [alpha, beta, gamma, phi, level, trend, seasonal...]
      const theta = [params.alpha, params.beta, params.gamma, params.phi, initial.level, initial.trend, ...initial.seasonal];
      const sseAt = (t: number[]) =>
        holtWintersSse(y, model, {alpha: t[0], beta: t[1], gamma: t[2], phi: t[3]}, {level: t[4], trend: t[5], seasonal: t.slice(6)}).sse;
      const used = [0, ...(model.trend !== "none" ? [1, 5] : []), ...(model.seasonal !== "none" ? [2, ...initial.seasonal.map((_, j) => 6 + j)] : []), ...(model.damped ? [3] : []), 4];
      for (const i of used) {
        const h = 1e-6 * Math.max(1, Math.abs(theta[i]));
        const up = theta.slice();
        const down = theta.slice();
        up[i] += h;
        down[i] -= h;
        const numeric = (sseAt(up) - sseAt(down)) / (2 * h);
        expect(Math.abs(gradient[i] - numeric)).toBeLessThan(1e-5 * Math.max(1, Math.abs(numeric)));
      }
    });
  }
});

describe("free fit against statsmodels' ExponentialSmoothing(initialization_method='estimated')", () => {
  for (const [name, c] of cases) {
    it(`${name}: SSE at most statsmodels' x 1.001, forecasts within 1% of statsmodels at the same optimum`, () => {
      // Damped fits use statsmodels' phi range [0.8, 0.995] so that both search the same region.
      const fit = fitHoltWinters(SERIES[c.series], {...caseModel(c), dampingBounds: [0.8, 0.995]});
      // reference.json: "estimated" is statsmodels' default fit, "restarts" the best of 12 seeded
      // statsmodels restarts. Requirement: ours <= statsmodels' SSE x 1.001.
      expect(fit.sse).toBeLessThanOrEqual(c.estimated.sse * 1.001);
      expect(fit.sse).toBeLessThanOrEqual(c.restarts.sse * 1.001);
      // Forecasts: compared with the statsmodels fit that reached the same SSE (the default fit
      // stops at a local optimum on several series; see docs/models/forecast.md).
      expect(Math.abs(fit.sse / c.restarts.sse - 1)).toBeLessThan(1e-3);
      expect(maxRelativeDifference(pointForecast(fit, reference.horizon), c.restarts.forecast)).toBeLessThan(0.01);
      expect(fit.params.gamma).toBeLessThanOrEqual(1 - fit.params.alpha); // the usual region
    });
  }

  it("AirPassengers: statsmodels' default fit stops at a local optimum 24% above the best SSE", () => {
    // reference.json: default SSE 15952.9 (alpha 0.32, gamma 0.60) vs 12879.4 from its own
    // restarts (alpha 0.72, gamma ~ 0); we reach the latter from the default starts.
    const c = reference.cases["airpassengers/AM/m12"];
    const fit = fitHoltWinters(air, {seasonal: "multiplicative", period: 12});
    expect(c.estimated.sse / c.restarts.sse).toBeGreaterThan(1.2);
    expect(fit.sse).toBeCloseTo(12879.397, 2); // reference.json restarts.sse = 12879.397
    expect(fit.optimization.starts.some((s) => Math.abs(s.sse / c.estimated.sse - 1) < 1e-3)).toBe(true); // one start ends at statsmodels' optimum
  });

  it("keeps gamma below 1 - alpha in the usual region, not in the box", () => {
    // A weekday pattern that switches for good after 40 values: the fit wants a fast-moving season.
    const [before, after] = [[5, -3, 0, 8, -10], [-8, 6, 2, -4, 4]];
    const y = Array.from({length: 80}, (_, t) => 100 + (t < 40 ? before : after)[t % 5] + 0.3 * Math.sin(t * 1.7));
    const options: HoltWintersOptions = {trend: "none", seasonal: "additive", period: 5, params: {alpha: 0.6}};
    const usual = fitHoltWinters(y, options);
    const box = fitHoltWinters(y, {...options, region: "box"});
    expect(usual.params.gamma).toBeLessThanOrEqual(0.4); // 1 - alpha; found at the bound, 0.4
    expect(usual.params.gamma).toBeGreaterThan(0.39);
    expect(box.params.gamma).toBeGreaterThan(0.5); // found 0.70
    expect(box.sse).toBeLessThan(usual.sse);
  });

  it("holds fixed parameters fixed and estimates the rest", () => {
    const fit = fitHoltWinters(air, {seasonal: "multiplicative", period: 12, params: {alpha: 0.3, gamma: 0.5}});
    expect(fit.params.alpha).toBe(0.3);
    expect(fit.params.gamma).toBe(0.5);
    expect(fit.sse).toBeGreaterThan(12879.397); // constrained optimum >= the free one (above)
  });
});

describe("R cross-checks (reference.R -> reference_r.json)", () => {
  const ets = (key: string) => referenceR[key];
  // R's ets state vector lists s1 = s_0 (newest) ... s_m = s_{1-m} (oldest); ours is oldest first.
  const etsInitial = (e: any, m: number): InitialStates => ({
    level: e.initial_states.l,
    trend: e.initial_states.b,
    seasonal: Array.from({length: m}, (_, j) => e.initial_states[`s${m - j}`])
  });
  const etsParams = (e: any): SmoothingParameters => ({alpha: e.par.alpha, beta: e.par.beta / e.par.alpha, gamma: e.par.gamma, phi: e.par.phi ?? 1});

  for (const [key, series, options] of [
    ["ets_airpassengers_AAM", air, {seasonal: "multiplicative", period: 12}],
    ["ets_daily_additive_AAA", SERIES.daily_additive, {seasonal: "additive", period: 7}],
    ["ets_daily_additive_AAdA", SERIES.daily_additive, {seasonal: "additive", period: 7, damped: true}]
  ] as [string, number[], HoltWintersOptions][]) {
    it(`forecast::ets ${key.split("_").pop()} (opt.crit "mse"): its states and parameters give its SSE, fitted values and forecasts`, () => {
      const e = ets(key);
      const fit = fitHoltWinters(series, {...options, initialization: "known", initial: etsInitial(e, options.period!), params: etsParams(e)});
      expect(Math.abs(fit.sse / e.sse - 1)).toBeLessThan(1e-9);
      expect(maxRelativeDifference(fit.fitted, e.fitted)).toBeLessThan(1e-6);
      // ets's sigma2 = SSE / (n - number of estimated parameters), the same count as our k.
      expect(Math.abs(fit.sigma2 / e.sigma2 - 1)).toBeLessThan(1e-9);
      const horizon = e.forecast.length;
      expect(maxRelativeDifference(pointForecast(fit, horizon), e.forecast)).toBeLessThan(1e-6);
      if (options.seasonal === "additive") {
        // Analytic class-1 intervals (forecast:::class1 implements Hyndman et al. 2008 Table 6.1).
        for (const [level, lower, upper] of [[0.8, e.lower80, e.upper80], [0.95, e.lower95, e.upper95]] as [number, number[], number[]][]) {
          const f = forecastHoltWinters(fit, horizon, {level});
          expect(maxRelativeDifference(f.lower, lower)).toBeLessThan(1e-6);
          expect(maxRelativeDifference(f.upper, upper)).toBeLessThan(1e-6);
        }
      }
      // Our free fit reaches at least ets's SSE (ets stops Nelder-Mead after 2000 evaluations).
      expect(fitHoltWinters(series, options).sse).toBeLessThanOrEqual(e.sse * 1.001);
    });
  }

  it("stats::HoltWinters(AirPassengers, 'mult'): parameters as R reports; forecasts comparable only loosely", () => {
    const hw = referenceR.holtwinters_airpassengers_mult;
    // The values the task quotes from R: alpha 0.2756, beta 0.0327, gamma 0.8707.
    expect(hw.alpha).toBeCloseTo(0.2756, 4);
    expect(hw.beta).toBeCloseTo(0.0327, 4);
    expect(hw.gamma).toBeCloseTo(0.8707, 4);
    // R's gamma lies outside the usual region (gamma < 1 - alpha); R's objective differs from ours
    // (Winters' seasonal update on l_t, decomposition start, SSE from month 13), so the optimum
    // differs too. Comparable: the forecast level of 1961 and its monthly pattern.
    expect(hw.gamma).toBeGreaterThan(1 - hw.alpha);
    const fit = fitHoltWinters(air, {seasonal: "multiplicative", period: 12, region: "box"});
    const ours = pointForecast(fit, 12);
    const total = (v: number[]) => v.reduce((s, x) => s + x, 0);
    expect(Math.abs(total(ours) / total(hw.forecast.slice(0, 12)) - 1)).toBeLessThan(0.025); // found 1.8%
    expect(maxRelativeDifference(ours, hw.forecast.slice(0, 12))).toBeLessThan(0.07); // found 5.9%
    // Our in-sample errors over R's range (months 13-144) are smaller than R's SSE there.
    const sse13 = fit.residuals.slice(12).reduce((s, e) => s + e * e, 0);
    expect(sse13).toBeLessThan(hw.sse);
  });
});

describe("series with known structure", () => {
  it("forecasts a noiseless additive trend + sine season exactly", () => {
    // y_t = 50 + 0.8 t + 10 sin(2 pi t / 12): an additive Holt-Winters model with zero errors.
    const y = Array.from({length: 96}, (_, t) => 50 + 0.8 * t + 10 * Math.sin((2 * Math.PI * t) / 12));
    const truth = Array.from({length: 24}, (_, h) => 50 + 0.8 * (96 + h) + 10 * Math.sin((2 * Math.PI * (96 + h)) / 12));
    const fit = fitHoltWinters(y, {seasonal: "additive", period: 12});
    expect(fit.sse).toBeLessThan(1e-8);
    expect(maxRelativeDifference(pointForecast(fit, 24), truth)).toBeLessThan(1e-5);
  });

  it("forecasts a noiseless multiplicative season on a trend exactly", () => {
    const factor = [0.8, 0.9, 1.1, 1.3, 1.2, 0.7, 1.0];
    const y = Array.from({length: 84}, (_, t) => (200 + 3 * t) * factor[t % 7]);
    const truth = Array.from({length: 14}, (_, h) => (200 + 3 * (84 + h)) * factor[(84 + h) % 7]);
    const fit = fitHoltWinters(y, {seasonal: "multiplicative", period: 7});
    expect(maxRelativeDifference(pointForecast(fit, 14), truth)).toBeLessThan(1e-5);
  });
});

/** ETS(A,A,A) in innovations form (Hyndman et al. 2008, eq. 2.?): written independently of the fit's recursion. */
function simulateEtsAAA(rng: Random, n: number, p: {alpha: number; betaStar: number; gamma: number; sigma: number; level: number; trend: number; seasonal: number[]}) {
  const m = p.seasonal.length;
  const s = p.seasonal.slice();
  let l = p.level;
  let b = p.trend;
  const y: number[] = [];
  for (let t = 0; t < n; t++) {
    const e = rng.normal(0, p.sigma);
    y.push(l + b + s[t % m] + e);
    l = l + b + p.alpha * e;
    b = b + p.betaStar * e;
    s[t % m] += p.gamma * e;
  }
  return y;
}

describe("prediction intervals", () => {
  it("the variance multipliers equal statsmodels ETSModel's Table 6.1 closed forms", () => {
    for (const [name, c] of cases) {
      if (c.seasonal === "mul") continue;
      const fit = fitHoltWinters(SERIES[c.series], {...caseModel(c), initialization: "known", initial: c.heuristic, params: c.known.params});
      expect(maxRelativeDifference(relativeForecastVariance(fit, reference.horizon), c.known.relative_variance), name).toBeLessThan(1e-9);
    }
  });

  it("the variance multipliers equal the closed forms of Hyndman et al. (2008) Table 6.1 for damped models", () => {
    // Table 6.1, class 1, ETS(A,Ad,A) with beta* = alpha beta and k = floor((h - 1) / m), written out here.
    const [alpha, beta, gamma, phi, m] = [0.3, 0.2, 0.15, 0.9, 4];
    const b = alpha * beta;
    const tableAAdA = (h: number) => {
      const k = Math.floor((h - 1) / m);
      return (
        1 +
        alpha ** 2 * (h - 1) +
        gamma * k * (2 * alpha + gamma) +
        ((b * phi * h) / (1 - phi) ** 2) * (2 * alpha * (1 - phi) + b * phi) -
        ((b * phi * (1 - phi ** h)) / ((1 - phi) ** 2 * (1 - phi ** 2))) * (2 * alpha * (1 - phi ** 2) + b * phi * (1 + 2 * phi - phi ** h)) +
        ((2 * b * gamma * phi) / ((1 - phi) * (1 - phi ** m))) * (k * (1 - phi ** m) - phi ** m * (1 - phi ** (m * k)))
      );
    };
    const y = Array.from({length: 40}, (_, t) => 10 + t + (t % 4));
    const fit = fitHoltWinters(y, {seasonal: "additive", period: m, damped: true, initialization: "known", initial: {level: 10, trend: 1, seasonal: [0, 1, 2, 3]}, params: {alpha, beta, gamma, phi}});
    const ours = relativeForecastVariance(fit, 30);
    expect(maxRelativeDifference(ours, ours.map((_, i) => tableAAdA(i + 1)))).toBeLessThan(1e-12);
  });

  it("simulated intervals agree with the analytic ones for an additive model", () => {
    const c = reference.cases["daily_additive/AdA/m7"];
    const fit = fitHoltWinters(SERIES.daily_additive, {...caseModel(c), initialization: "known", initial: c.heuristic, params: c.known.params});
    const analytic = forecastHoltWinters(fit, 28, {level: 0.95});
    const simulated = forecastHoltWinters(fit, 28, {level: 0.95, intervals: "simulation", simulations: 20000, seed: 11});
    for (let h = 0; h < 28; h++) {
      const width = analytic.upper[h] - analytic.lower[h];
      // Monte Carlo error of a 2.5% quantile from 20,000 normal draws: about 0.7% of the width.
      expect(Math.abs(simulated.upper[h] - analytic.upper[h])).toBeLessThan(0.02 * width);
      expect(Math.abs(simulated.lower[h] - analytic.lower[h])).toBeLessThan(0.02 * width);
      expect(Math.abs(simulated.standardError[h] / analytic.standardError[h] - 1)).toBeLessThan(0.03);
    }
  });

  it("95% intervals cover 95% of future values of ETS(A,A,A) series when the parameters are known", () => {
    const rng = new Random(2024);
    const truth = {alpha: 0.3, betaStar: 0.03, gamma: 0.1, sigma: 5, level: 100, trend: 0.5, seasonal: [6, 3, 0, -2, -3, -8, 4]};
    let inside = 0;
    let total = 0;
    for (let r = 0; r < 400; r++) {
      const y = simulateEtsAAA(rng, 154, truth);
      const train = y.slice(0, 140);
      const fit = fitHoltWinters(train, {
        seasonal: "additive",
        period: 7,
        initialization: "known",
        initial: {level: truth.level, trend: truth.trend, seasonal: truth.seasonal},
        params: {alpha: truth.alpha, beta: truth.betaStar / truth.alpha, gamma: truth.gamma, phi: 1}
      });
      const f = forecastHoltWinters(fit, 14, {level: 0.95});
      for (let h = 0; h < 14; h++) {
        total++;
        if (y[140 + h] >= f.lower[h] && y[140 + h] <= f.upper[h]) inside++;
      }
    }
    // sigma^2 = SSE / (n - k) counts k = 11 parameters although none was estimated here, so the
    // intervals are sqrt(140 / 129) = 1.042 times too wide: expected coverage
    // P(|Z| < 1.96 x 1.042) = 0.959. 5,600 checks, correlated within a replicate.
    expect(Math.abs(inside / total - 0.959)).toBeLessThan(0.01);
  });

  it("95% intervals cover close to 95% of future ETS(A,A,A) values with fitted parameters (700 days)", () => {
    const rng = new Random(7);
    const truth = {alpha: 0.3, betaStar: 0.03, gamma: 0.1, sigma: 5, level: 100, trend: 0.5, seasonal: [6, 3, 0, -2, -3, -8, 4]};
    let inside = 0;
    let total = 0;
    for (let r = 0; r < 100; r++) {
      const y = simulateEtsAAA(rng, 714, truth);
      const f = forecastSeries(y.slice(0, 700), {seasonal: "additive", period: 7, horizon: 14, level: 0.95});
      for (let h = 0; h < 14; h++) {
        total++;
        if (y[700 + h] >= f.lower[h] && y[700 + h] <= f.upper[h]) inside++;
      }
    }
    // The intervals ignore the estimation error of the 11 parameters, so they undercover on short
    // series (about 91% found with 140 days, 93% with 400, 95% with 1,000; docs/models/forecast.md).
    expect(inside / total).toBeGreaterThan(0.92);
    expect(inside / total).toBeLessThan(0.97);
  });

  it("simulated 95% intervals cover close to 95% of future ETS(M,A,M) values with fitted parameters (700 days)", () => {
    const rng = new Random(99);
    const factor = [1.1, 1.05, 1.0, 0.95, 0.9, 0.85, 1.15];
    let inside = 0;
    let total = 0;
    for (let r = 0; r < 80; r++) {
      // ETS(M,A,M) (Hyndman et al. 2008, Table 2.3): y = (l + b) s (1 + e).
      let [l, b] = [500, 0.5];
      const s = factor.slice();
      const y: number[] = [];
      for (let t = 0; t < 714; t++) {
        const e = rng.normal(0, 0.04);
        const mu = (l + b) * s[t % 7];
        y.push(mu * (1 + e));
        const T = l + b;
        l = T * (1 + 0.25 * e);
        b = b + 0.0002 * T * e;
        s[t % 7] *= 1 + 0.1 * e;
      }
      const f = forecastSeries(y.slice(0, 700), {seasonal: "multiplicative", period: 7, horizon: 14, level: 0.95, simulations: 1000, random: rng.fork(r)});
      expect(f.method).toBe("simulation");
      for (let h = 0; h < 14; h++) {
        total++;
        if (y[700 + h] >= f.lower[h] && y[700 + h] <= f.upper[h]) inside++;
      }
    }
    // Found 0.937: slightly under 95%, as with additive errors (parameters treated as known).
    expect(inside / total).toBeGreaterThan(0.915);
    expect(inside / total).toBeLessThan(0.975);
  });

  it("simulation is reproducible from its seed and resampling draws only observed residuals", () => {
    const fit = fitHoltWinters(air, {seasonal: "multiplicative", period: 12});
    const a = forecastHoltWinters(fit, 12, {seed: 5, simulations: 500});
    const b = forecastHoltWinters(fit, 12, {seed: 5, simulations: 500});
    expect(a.upper).toEqual(b.upper);
    expect(forecastHoltWinters(fit, 12, {seed: 6, simulations: 500}).upper).not.toEqual(a.upper);
    // One step ahead, a resampled path is the point forecast times (1 + an observed relative residual).
    const relative = new Set(fit.residuals.map((e, t) => e / fit.fitted[t]));
    const mean = pointForecast(fit, 1)[0];
    for (const path of simulateHoltWinters(fit, 1, {paths: 50, resample: true, seed: 1})) {
      const e = path[0] / mean - 1;
      expect([...relative].some((r) => Math.abs(r - e) < 1e-12)).toBe(true);
    }
  });
});

describe("rolling-origin backtest", () => {
  it("places origins so that the test windows end at the series' end or follow initialWindow", () => {
    expect(rollingOrigins(100, {horizon: 10, folds: 3})).toEqual([70, 80, 90]);
    expect(rollingOrigins(100, {horizon: 10, folds: 3, step: 5})).toEqual([80, 85, 90]);
    expect(rollingOrigins(100, {horizon: 10, initialWindow: 50, step: 20})).toEqual([50, 70, 90]);
    expect(() => rollingOrigins(20, {horizon: 10, folds: 3})).toThrow(/too short/);
  });

  it("computes MAPE and MASE as Hyndman & Koehler (2006) define them", () => {
    // By hand: |10|/100 and |10|/200 -> mean 0.075; the zero actual is left out.
    expect(meanAbsolutePercentageError([100, 200, 0], [110, 190, 5])).toBeCloseTo(0.075, 12);
    // Scale: mean |diff| of [1, 2, 4, 7] = (1 + 2 + 3) / 3 = 2; mean |e| = (1 + 3) / 2 = 2 -> 1.
    expect(meanAbsoluteScaledError([8, 10], [7, 7], [1, 2, 4, 7], 1)).toBeCloseTo(1, 12);
    // Seasonal scale (m = 2): |4 - 1| and |7 - 2| -> 4.
    expect(seasonalNaiveScale([1, 2, 4, 7], 2)).toBe(4);
    expect(naiveForecast([1, 2, 3], 2)).toEqual([3, 3]);
    expect(seasonalNaiveForecast([1, 2, 3, 4, 5], 5, 2)).toEqual([4, 5, 4, 5, 4]);
  });

  it("reports per-fold and per-horizon errors of any forecaster", () => {
    // A perfect forecaster of a line scores zero; the naive one misses by the slope times h.
    const y = Array.from({length: 30}, (_, t) => 10 + 2 * t);
    const perfect = backtestForecaster(y, (train, h) => Array.from({length: h}, (_, k) => 10 + 2 * (train.length + k)), {horizon: 3, folds: 4});
    expect(perfect.mase).toBe(0);
    const naive = backtestForecaster(y, naiveForecast, {horizon: 3, folds: 4});
    expect(naive.folds.map((f) => f.origin)).toEqual([18, 21, 24, 27]);
    expect(naive.byHorizon.map((b) => b.mae)).toEqual([2, 4, 6]);
    // The naive scale of a line with slope 2 is 2: MASE = mean(2, 4, 6) / 2 = 2.
    expect(naive.mase).toBeCloseTo(2, 12);
  });

  it("Holt-Winters beats the naive and seasonal-naive forecasts on the daily series and AirPassengers", () => {
    const daily = backtest(SERIES.daily_multiplicative, {horizon: 28, folds: 6, seasonal: "multiplicative", period: 7});
    expect(daily.origins).toEqual([532, 560, 588, 616, 644, 672]);
    expect(daily.seasonalPeriod).toBe(7);
    expect(daily.model.mase).toBeLessThan(daily.seasonalNaive.mase);
    expect(daily.model.mase).toBeLessThan(daily.naive.mase);
    expect(daily.model.mape).toBeLessThan(daily.seasonalNaive.mape);
    const monthly = backtest(air, {horizon: 12, folds: 3, seasonal: "multiplicative", period: 12});
    expect(monthly.model.mape).toBeLessThan(monthly.seasonalNaive.mape);
    expect(monthly.model.mase).toBeLessThan(monthly.seasonalNaive.mase);
    expect(monthly.model.folds).toHaveLength(3);
  });
});

describe("input checks", () => {
  it("says what was expected and where", () => {
    expect(() => fitHoltWinters([1, 2, 0, 4, 5, 6, 7, 8], {seasonal: "multiplicative", period: 2})).toThrow(/positive values; value 2 is 0/);
    expect(() => fitHoltWinters(air, {seasonal: "additive"})).toThrow(/period >= 2/);
    expect(() => fitHoltWinters(air, {period: 12, initialization: "known"})).toThrow(/needs options.initial/);
    expect(() => fitHoltWinters([1, 2, NaN, 4], {})).toThrow(/value 2 is NaN/);
    expect(() => fitHoltWinters(air, {trend: "none", damped: true})).toThrow(/damped/);
    expect(() => fitHoltWinters(air, {period: 12, initialization: "known", initial: {level: 100, trend: 1, seasonal: [1, 2]}})).toThrow(/must hold 12 finite values/);
    expect(() => fitHoltWinters(air, {period: 12, params: {alpha: 1.5}})).toThrow(/params.alpha must be in \[0, 1\]/);
    const fit = fitHoltWinters(air, {seasonal: "multiplicative", period: 12});
    expect(() => forecastHoltWinters(fit, 12, {intervals: "analytic"})).toThrow(/no closed form/);
    expect(() => forecastHoltWinters(fit, 12, {level: 95})).toThrow(/level must be in \(0, 1\)/);
    expect(() => forecastHoltWinters(fit, 0)).toThrow(/horizon/);
  });
});
