// The automated insight sentences on crafted numbers: each sentence says what the numbers say,
// and nothing is said when the data cannot support it.
import {describe, expect, it} from "vitest";
import type {Totals} from "../../src/analytics/metrics.js";
import {attributionInsights, breakEvenInsight, budgetInsight, efficiencyInsight, experimentsInsight, listOf, mixShiftInsight, overviewInsights, type NamedTotals} from "../../src/campaigns/insights.js";

const totals = (spend: number, revenue: number, extra: Partial<Totals> = {}): Totals => ({impressions: 0, clicks: 0, conversions: 0, newCustomers: 0, spend, revenue, ...extra});
const named = (key: string, spend: number, revenue: number, name?: string): NamedTotals => ({key, name, ...totals(spend, revenue)});
const kinds = (xs: {kind: string}[]) => xs.map((x) => x.kind);

describe("overview insights", () => {
  const channels = [named("search", 400, 1600), named("display", 300, 240), named("email", 100, 900)];
  const campaigns = [named("c1", 400, 1600, "Brand"), named("c2", 200, 100, "Banners"), named("c3", 100, 140, "Native"), named("c4", 100, 900, "Newsletter")];

  it("states the return and its change, the best and worst channel, the losing campaigns and the mix", () => {
    const out = overviewInsights({total: totals(800, 2740), previousTotal: totals(800, 2400), days: 30, channels, previousChannels: [named("search", 400, 1400), named("display", 300, 300), named("email", 100, 700)], campaigns});
    expect(kinds(out)).toEqual(["return", "channels", "losing-campaigns", "mover", "mix"]);
    // 2740 / 800 = 3.425 (shown as $3.42: 3.425 is stored just below in binary); before 2400 / 800 = 3.0: +14.2%.
    expect(out[0]).toEqual({kind: "return", tone: "good", text: "Every dollar spent returned $3.42 in revenue ($800 spent, $2,740 earned), up 14.2% on the previous 30 days (3.00×)."});
    expect(out[1].text).toBe("Email returns the most per dollar (9.00×) and Display the least (0.80×); Display earns less than it costs on average.");
    expect(out[1].tone).toBe("bad");
    // Banners: 200 spent, 100 back.
    expect(out[2].text).toBe("1 of 4 campaigns earned less than they cost: Banners ($200 spent, $100 more than they returned).");
    // Email 700/100 = 7 → 9: +28.6%, the largest move among channels with ≥ 5% of spend.
    expect(out[3].text).toBe("Email's ROAS rose 28.6% (7.00× → 9.00×), the largest move of any channel.");
    // Display: 37.5% of spend, 8.8% of revenue — the largest gap.
    expect(out[4].text).toBe("Display takes 38% of spend and brings 9% of revenue.");
  });

  it("says nothing about change without a previous period, and congratulates when every campaign pays", () => {
    const out = overviewInsights({total: totals(800, 2740), days: 30, channels, campaigns: campaigns.filter((c) => c.key !== "c2")});
    expect(kinds(out)).toEqual(["return", "channels", "losing-campaigns", "mix"]);
    expect(out[0].text).toBe("Every dollar spent returned $3.42 in revenue ($800 spent, $2,740 earned).");
    expect(out[2]).toEqual({kind: "losing-campaigns", tone: "good", text: "All 3 campaigns earned more than they cost."});
  });

  it("asks to widen the filters when nothing was spent", () => {
    expect(overviewInsights({total: totals(0, 0), days: 7, channels: [], campaigns: []})).toEqual([{kind: "empty", tone: "neutral", text: "No spend in the selected period and campaigns: widen the filters."}]);
  });
});

describe("channel page insights", () => {
  const month = (m: number) => Date.UTC(2025, m, 1);

  it("names the channel whose share of spend moved most between the first and last quarter", () => {
    const rows = [0, 1, 2, 3, 4, 5].flatMap((m) => [
      {month: month(m), key: "search", spend: m < 3 ? 50 : 30, revenue: 1},
      {month: month(m), key: "video", spend: m < 3 ? 50 : 70, revenue: 1}
    ]);
    expect(mixShiftInsight(rows)!.text).toBe("Search's share of spend shrank from 50% to 30% between the first and the last three months of the selection, the largest shift of any channel.");
    expect(mixShiftInsight(rows.filter((r) => r.month < month(5)))).toBeUndefined(); // five months only
  });

  it("contrasts the cheapest conversions with the best return", () => {
    const text = efficiencyInsight([
      {name: "Coupons", spend: 100, revenue: 150, conversions: 10},
      {name: "Brand", spend: 100, revenue: 500, conversions: 5}
    ])!.text;
    expect(text).toBe("Coupons buys the cheapest conversions ($10.00 each), but Brand returns the most per dollar (5.00× against 1.50×): a low CPA is not a high return when orders are small.");
    expect(efficiencyInsight([{name: "A", spend: 1, revenue: 1, conversions: 1}])).toBeUndefined();
  });

  it("counts the months below break-even", () => {
    const rows = [
      {month: month(0), key: "display", spend: 100, revenue: 90},
      {month: month(1), key: "display", spend: 100, revenue: 120},
      {month: month(0), key: "search", spend: 100, revenue: 400},
      {month: month(1), key: "search", spend: 100, revenue: 300}
    ];
    expect(breakEvenInsight(rows)).toEqual({kind: "break-even", tone: "bad", text: "Display returned less than it cost in 1 of 2 months; every other channel stayed above break-even in every month."});
    expect(breakEvenInsight(rows.filter((r) => r.key === "search"))!.tone).toBe("good");
  });
});

describe("budget insight", () => {
  const channels = [
    {channel: "display", spend: 1000, recommendedSpend: 500},
    {channel: "video", spend: 1000, recommendedSpend: 900},
    {channel: "email", spend: 500, recommendedSpend: 1100}
  ];

  it("says what to move where and what it should earn, per month", () => {
    const r = budgetInsight({step: 1, budgetFactor: 1, level: 0.9, channels, total: {expected: 300, lower: 100, upper: 500}, mixOnly: {expected: 300, lower: 100, upper: 500}}, {perMonth: 0.5});
    expect(r.text).toBe("Moving about $300 a month from Display and Video to Email, at the same total budget, should add about $150 a month in revenue (90% interval $50.00 to $250).");
  });

  it("recommends nothing when the data cannot tell", () => {
    const r = budgetInsight({step: 0, budgetFactor: 1, level: 0.9, channels: channels.map((c) => ({...c, recommendedSpend: c.spend})), total: {expected: 0, lower: 0, upper: 0}, mixOnly: {expected: 0, lower: 0, upper: 0}});
    expect(r.text).toMatch(/^No reallocation is recommended: the channels' next-dollar returns are too uncertain in the selected period to move money with 90% confidence\./);
  });
});

describe("attribution insights", () => {
  const models = new Map([
    ["Last touch", new Map([["search", 0.6], ["video", 0.1], ["email", 0.3]])],
    ["Markov", new Map([["search", 0.35], ["video", 0.35], ["email", 0.3]])]
  ]);

  it("compares last touch with the truth and ranks the models by misplaced credit", () => {
    const truth = new Map([["search", 0.3], ["video", 0.4], ["email", 0.3]]);
    const out = attributionInsights({models, lastTouch: "Last touch", dataDriven: "Markov", truth});
    expect(out.map((o) => o.text)).toEqual([
      "Last touch gives Search 60% of the conversions, against 30% by the simulation's true contribution (the data-driven model says 35%): it closes sales that other channels opened.",
      "Video gets only 10% from last touch but 40% by the simulation's true contribution: judged on last touch it would look like a channel to cut.",
      // Markov misplaces (0.05 + 0.05)/2 = 5%, last touch (0.3 + 0.3)/2 = 30%.
      "Markov comes closest to the truth: 5% of the credit sits with the wrong channel, against 30% for last touch."
    ]);
  });

  it("compares with the data-driven model when there is no truth", () => {
    const out = attributionInsights({models, lastTouch: "Last touch", dataDriven: "Markov"});
    expect(out[0].text).toBe("Last touch gives Search 60% of the conversions, against 35% by the Markov model: it closes sales that other channels opened.");
    expect(out).toHaveLength(2);
  });
});

describe("experiments insight and lists", () => {
  it("counts the verdicts and names winners and broken tests", () => {
    const r = experimentsInsight([
      {name: "Subject line", verdict: {kind: "win"}},
      {name: "Frequency cap", verdict: {kind: "loss"}},
      {name: "Creative", verdict: {kind: "no-difference"}},
      {name: "Pre-roll", verdict: {kind: "underpowered"}},
      {name: "Checkout", verdict: {kind: "srm"}}
    ]);
    expect(r).toEqual({
      kind: "experiments",
      tone: "bad",
      text: "Of 5 tests, 1 found a winner (Subject line), 1 found the change harmful (Frequency cap), 1 found no detectable difference, 1 was too small to tell and 1 had a broken split and cannot be read (Checkout)."
    });
    expect(experimentsInsight([]).text).toBe("No A/B test ran on the selected channels in the selected period.");
  });

  it("lists with commas and 'and', cutting long lists", () => {
    expect(listOf(["a"])).toBe("a");
    expect(listOf(["a", "b"])).toBe("a and b");
    expect(listOf(["a", "b", "c", "d", "e", "f"], 3)).toBe("a, b, c and 3 more");
  });
});
