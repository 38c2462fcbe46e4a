// Forecasts of daily channel series: exact on series with a known answer, honest intervals on the
// simulation's future (the 30 days it simulates after the report's window), and a backtest that
// beats the seasonal naive forecast.
import {describe, expect, it} from "vitest";
import {simulateCampaigns, SIMULATION_DAYS} from "../../data-loaders/campaigns/simulate.js";
import {backtestDaily, centredMovingAverage, dailySeries, forecastDaily, yearlyProfile, YEAR_BLOCK} from "../../src/campaigns/forecasting.js";

const DAY = 86_400_000;

describe("building blocks", () => {
  it("centred moving average (hand-worked, shorter windows at the ends)", () => {
    expect(Array.from(centredMovingAverage([1, 2, 3, 4, 5], 3))).toEqual([1.5, 2, 3, 4, 4.5]);
  });

  it("yearly profile: none before a full 364-day block, all ones for a flat series", () => {
    expect(yearlyProfile(new Array(300).fill(5))).toBeUndefined();
    const flat = yearlyProfile(new Array(800).fill(5))!;
    expect(flat.length).toBe(YEAR_BLOCK);
    for (const v of flat) expect(v).toBeCloseTo(1, 12);
  });

  it("daily series: sums per group, zero-filled days, and the profile source from campaigns present on day one", () => {
    const start = Date.UTC(2025, 0, 1);
    const rows = [
      {date: start, campaign_id: "A", channel: "x", spend: 1},
      {date: start + 2 * DAY, campaign_id: "A", channel: "x", spend: 2},
      {date: start + 2 * DAY, campaign_id: "B", channel: "y", spend: 5}, // B starts later: not in the profile source
      {date: start + 9 * DAY, campaign_id: "A", channel: "x", spend: 100} // outside the window
    ];
    const s = dailySeries(rows, {start, end: start + 3 * DAY, metric: (r) => r.spend, groupOf: (r) => r.channel});
    expect(s.days).toEqual([0, 1, 2, 3].map((i) => start + i * DAY));
    expect(Array.from(s.groups.get("x")!)).toEqual([1, 0, 2, 0]);
    expect(Array.from(s.groups.get("y")!)).toEqual([0, 0, 5, 0]);
    expect(Array.from(s.total)).toEqual([1, 0, 7, 0]);
    expect(Array.from(s.profileSource)).toEqual([1, 0, 2, 0]);
  });
});

describe("series with a known answer", () => {
  const weekly = [30, 10, 0, -5, -10, 20, -45]; // sums to 0

  it("a level with a weekly pattern and no noise is forecast exactly", () => {
    const y = Array.from({length: 200}, (_, t) => 500 + weekly[t % 7]);
    const f = forecastDaily(y, {horizon: 30, paths: 200});
    expect(f.yearly).toBe(false);
    f.mean.forEach((v, h) => expect(v).toBeCloseTo(500 + weekly[(200 + h) % 7], 3));
  });

  it("a yearly swing is carried into the forecast from the same days a year earlier", () => {
    // Truth: y_t = (1000 + weekly) · (1 + 0.3 sin(2πt/364)); train on two years and 76 days, so the
    // 30 days to forecast run over the season's peak, which a trend alone would overshoot.
    const n = 2 * 364 + 76;
    const y = Array.from({length: n + 30}, (_, t) => (1000 + weekly[t % 7]) * (1 + 0.3 * Math.sin((2 * Math.PI * t) / 364)));
    const train = y.slice(0, n);
    const future = y.slice(n);
    const f = forecastDaily(train, {horizon: 30, paths: 200});
    expect(f.yearly).toBe(true);
    const mape = future.reduce((s, v, h) => s + Math.abs(f.mean[h] - v) / v, 0) / future.length;
    expect(mape).toBeLessThan(0.002);
    // Without the yearly profile (less than a year of history) the rising season is missed.
    const short = forecastDaily(train.slice(-300), {horizon: 30, paths: 200});
    const mapeShort = future.reduce((s, v, h) => s + Math.abs(short.mean[h] - v) / v, 0) / future.length;
    expect(mapeShort).toBeGreaterThan(0.005);
  });
});

describe("on the simulation's future", () => {
  // The simulation is run 30 days past its window; the first SIMULATION_DAYS are the report's data.
  const horizon = 30;
  const tables = simulateCampaigns({seed: 42, scale: "small", days: SIMULATION_DAYS + horizon});
  const daily = tables.get("daily_metrics")!;
  const channelOf = new Map(tables.get("campaigns")!.campaign_id.map((id, i) => [id, tables.get("campaigns")!.channel[i] as string]));
  const rows = daily.date.map((d, i) => ({date: (d as number) * DAY, campaign_id: daily.campaign_id[i] as string, channel: channelOf.get(daily.campaign_id[i])!, spend: daily.spend[i] as number, conversions: daily.conversions[i] as number, revenue: daily.revenue[i] as number}));
  const start = Math.min(...rows.map((r) => r.date));
  const end = start + (SIMULATION_DAYS - 1) * DAY;

  it("the 95% daily intervals cover about 95% of what happened, and the 30-day totals fall in theirs", () => {
    let covered = 0;
    let total = 0;
    let totalsIn = 0;
    let series = 0;
    for (const metric of ["spend", "conversions", "revenue"] as const) {
      const train = dailySeries(rows, {start, end, metric: (r) => r[metric], groupOf: (r) => r.channel});
      const future = dailySeries(rows, {start: end + DAY, end: end + horizon * DAY, metric: (r) => r[metric], groupOf: (r) => r.channel});
      for (const [channel, values] of train.groups) {
        const f = forecastDaily(values, {horizon, profileSource: train.profileSource});
        const actual = future.groups.get(channel)!;
        actual.forEach((v, h) => {
          total++;
          if (v >= f.lower[h] && v <= f.upper[h]) covered++;
        });
        const sum = actual.reduce((a, b) => a + b, 0);
        series++;
        if (sum >= f.total.lower && sum <= f.total.upper) totalsIn++;
      }
    }
    expect(covered / total).toBeGreaterThan(0.88);
    expect(covered / total).toBeLessThan(0.99);
    expect(totalsIn / series).toBeGreaterThanOrEqual(0.7);
  });

  it("the backtest beats repeating last week's same weekday for revenue", () => {
    const train = dailySeries(rows, {start, end, metric: (r) => r.revenue, groupOf: (r) => r.channel});
    let model = 0;
    let naive = 0;
    for (const values of train.groups.values()) {
      const b = backtestDaily(values, {horizon, folds: 3, profileSource: train.profileSource})!;
      expect(b.folds).toBe(3);
      model += b.model.mape;
      naive += b.seasonalNaive.mape;
    }
    expect(model).toBeLessThan(0.8 * naive);
  });
});
