/**
 * The campaign-performance simulation: daily delivery of campaigns on six channels over two
 * years, from a generative model whose true parameters we keep (so reports can be checked).
 *
 * Per campaign k of channel c the expected revenue on day t with spend s is
 *     E[revenue] = demand(t) · R_c(s),   R_c(s) = roas_c · ref_c · (s / ref_c)^elasticity_c
 * (a power response: diminishing returns when elasticity < 1, true average ROAS roas_c at the
 * reference daily spend ref_c), where demand(t) carries a weekly pattern and a November-December
 * lift. Impressions follow spend through a CPM, clicks through a CTR, conversions are drawn from
 * the clicks so that E[conversions] = E[revenue] / AOV, and each conversion's value is AOV times a
 * mean-one log-normal. The revenue in daily_metrics is the revenue the campaign caused (no
 * platform over-counting), so the true response curves are the ones a model should recover.
 *
 * Budgets are calibrated to the study's team: about $2M of media a year at the default scale.
 *
 * Scale changes the number of campaigns (and so rows), never the two-year window or the story.
 * Rows per table (seed 42; other seeds differ by a few percent; `npx tsx data-loaders/campaigns/counts.ts`):
 *
 *   table              tiny     small   default     large   simulated in
 *   campaigns             6        12        18        60   this file
 *   daily_metrics     4,121     8,434    12,820    41,819   this file (731 days, fewer for late starters)
 *   customers        21,461    38,581    54,718   179,198   simulateCustomers.ts (one per new customer)
 *   orders           69,005   126,366   177,717   581,961   simulateCustomers.ts
 *   journeys          4,000    12,000    30,000   100,000   simulateJourneys.ts
 *   touchpoints      10,447    31,207    77,725   258,902   simulateJourneys.ts
 *   ab_tests              7         7         7         7   simulateExperiments.ts
 *   ab_assignments  448,435   448,435   448,435   448,435   simulateExperiments.ts (the same tests at every scale)
 */
import {Random} from "../shared/random.js";
import type {BuildOptions, Scale} from "../shared/options.js";
import {DAY_MS, parseIsoDate} from "../shared/schema.js";
import type {TableColumns} from "../shared/validate.js";
import {trueExpectedRevenue, type ChannelResponseTruth} from "../../src/campaigns/truth.js";
import {CHANNELS, type Channel} from "./schema.js";

export const SIMULATION_START = "2024-01-01";
export const SIMULATION_DAYS = 731;

export const CAMPAIGNS_PER_SCALE: Record<Scale, number> = {tiny: 6, small: 12, default: 18, large: 60};

/** The true generative parameters of one channel (the response curve: src/campaigns/truth.ts). */
export interface ChannelTruth extends ChannelResponseTruth {
  channel: Channel;
  cpm: number;
  ctr: number;
  averageOrderValue: number;
  newCustomerShare: number;
}

export const CHANNEL_TRUTH: Record<Channel, ChannelTruth> = {
  search: {channel: "search", roas: 4.2, elasticity: 0.62, referenceSpend: 420, cpm: 28, ctr: 0.045, averageOrderValue: 92, newCustomerShare: 0.35},
  social: {channel: "social", roas: 2.6, elasticity: 0.78, referenceSpend: 330, cpm: 9, ctr: 0.011, averageOrderValue: 74, newCustomerShare: 0.55},
  display: {channel: "display", roas: 1.3, elasticity: 0.7, referenceSpend: 235, cpm: 3.5, ctr: 0.0035, averageOrderValue: 81, newCustomerShare: 0.5},
  email: {channel: "email", roas: 9.5, elasticity: 0.45, referenceSpend: 56, cpm: 0.9, ctr: 0.028, averageOrderValue: 68, newCustomerShare: 0.06},
  video: {channel: "video", roas: 1.7, elasticity: 0.85, referenceSpend: 375, cpm: 14, ctr: 0.006, averageOrderValue: 88, newCustomerShare: 0.6},
  affiliate: {channel: "affiliate", roas: 3.4, elasticity: 0.9, referenceSpend: 140, cpm: 6, ctr: 0.009, averageOrderValue: 79, newCustomerShare: 0.4}
};

/** Sigma of the mean-one log-normal spread of order values. */
export const ORDER_VALUE_SIGMA = 0.4;

const THEMES: Record<Channel, string[]> = {
  search: ["Brand keywords", "Generic keywords", "Competitor conquest", "Shopping feed", "Local intent"],
  social: ["Prospecting lookalikes", "Retargeting carousel", "Creator partnerships", "Stories launch"],
  display: ["Awareness banners", "Programmatic retargeting", "Native articles"],
  email: ["Weekly newsletter", "Win-back series", "Cart abandonment", "Loyalty perks"],
  video: ["Pre-roll 15s", "Connected TV", "Product explainers"],
  affiliate: ["Cashback partners", "Coupon sites", "Review publishers"]
};

export {trueExpectedRevenue} from "../../src/campaigns/truth.js";

/** Demand multiplier of a day: weekly pattern and the November-December lift (true seasonality). */
export function demandMultiplier(day: number): number {
  const date = new Date(day * DAY_MS);
  const weekday = date.getUTCDay(); // 0 = Sunday
  const weekly = [0.9, 1.05, 1.06, 1.04, 1.02, 0.98, 0.85][weekday];
  const month = date.getUTCMonth();
  const dom = date.getUTCDate();
  let holiday = 1;
  if (month === 10) holiday = 1.15 + (dom >= 24 ? 0.35 : 0); // November, Black Friday week
  if (month === 11) holiday = dom <= 24 ? 1.3 : 0.95; // December: gifting, then a post-Christmas lull
  return weekly * holiday;
}

/** Budget multiplier of a day: teams spend 35% more in November and December. */
export function seasonalBudget(day: number): number {
  const month = new Date(day * DAY_MS).getUTCMonth();
  return month === 10 || month === 11 ? 1.35 : 1;
}

export interface CampaignPlan {
  id: string;
  name: string;
  channel: Channel;
  startDay: number;
  /** Typical daily budget (USD). */
  budget: number;
}

export function planCampaigns(random: Random, count: number): CampaignPlan[] {
  const start = parseIsoDate(SIMULATION_START)!;
  const plans: CampaignPlan[] = [];
  const used = new Map<Channel, number>();
  for (let i = 0; i < count; i++) {
    const channel = CHANNELS[i % CHANNELS.length];
    const k = used.get(channel) ?? 0;
    used.set(channel, k + 1);
    const themes = THEMES[channel];
    const theme = themes[k % themes.length] + (k >= themes.length ? ` ${Math.floor(k / themes.length) + 1}` : "");
    const truth = CHANNEL_TRUTH[channel];
    // Most campaigns run from day one; about one in four launches later in the first year.
    const late = random.bernoulli(0.25) ? random.intBetween(30, 300) : 0;
    plans.push({
      id: `C${String(i + 1).padStart(3, "0")}`,
      name: `${channel[0].toUpperCase()}${channel.slice(1)} · ${theme}`,
      channel,
      startDay: start + late,
      budget: truth.referenceSpend * random.between(0.5, 1.6)
    });
  }
  return plans;
}

/** The campaigns of a seed and scale (the same plans every table of the simulation uses). */
export function campaignPlans({seed, scale}: Pick<BuildOptions, "seed" | "scale">): CampaignPlan[] {
  return planCampaigns(new Random(seed).fork("campaigns").fork("plan"), CAMPAIGNS_PER_SCALE[scale]);
}

/** First and last simulated day (days since 1970-01-01). */
export function simulationWindow(): {first: number; last: number} {
  const first = parseIsoDate(SIMULATION_START)!;
  return {first, last: first + SIMULATION_DAYS - 1};
}

/** Sum of `n` order values with mean `aov` (mean-one log-normal spread). */
export function drawOrderValues(random: Random, n: number, aov: number, sigma = ORDER_VALUE_SIGMA): number {
  let total = 0;
  for (let k = 0; k < n; k++) total += aov * random.logNormal(-(sigma * sigma) / 2, sigma);
  return total;
}

/**
 * Raw tables `campaigns` and `daily_metrics` in the report's schema. `days` (tests only) extends
 * the window: the first SIMULATION_DAYS days are the same whatever it is, so the days after them
 * are the future a forecast can be checked against.
 */
export function simulateCampaigns({seed, scale, days = SIMULATION_DAYS}: Pick<BuildOptions, "seed" | "scale"> & {days?: number}): Map<string, TableColumns> {
  const root = new Random(seed).fork("campaigns");
  const plans = campaignPlans({seed, scale});
  const {first: start} = simulationWindow();
  const daily: TableColumns = {date: [], campaign_id: [], impressions: [], clicks: [], conversions: [], spend: [], revenue: [], new_customers: []};
  for (const plan of plans) {
    const random = root.fork(plan.id);
    const truth = CHANNEL_TRUTH[plan.channel];
    // Budgets drift slowly (a random walk on the log scale) so spend varies enough to reveal the curve.
    let drift = 0;
    for (let day = start; day < start + days; day++) {
      drift = 0.97 * drift + random.normal(0, 0.06);
      if (day < plan.startDay) continue;
      const demand = demandMultiplier(day);
      const spend = Math.round(plan.budget * seasonalBudget(day) * Math.exp(drift + random.normal(0, 0.12)) * 100) / 100;
      const expectedImpressions = (spend / truth.cpm) * 1000;
      const clickRate = truth.ctr * Math.sqrt(demand);
      const impressions = random.poisson(expectedImpressions);
      const clicks = random.binomial(impressions, clickRate);
      const expectedConversions = (demand * trueExpectedRevenue(truth, spend)) / truth.averageOrderValue;
      // Conversion rate per click chosen so that E[conversions] = expectedConversions.
      const conversionRate = Math.min(0.95, expectedConversions / Math.max(1, expectedImpressions * clickRate));
      const conversions = random.binomial(clicks, conversionRate);
      const revenue = drawOrderValues(random, conversions, truth.averageOrderValue);
      daily.date.push(day);
      daily.campaign_id.push(plan.id);
      daily.impressions.push(impressions);
      daily.clicks.push(clicks);
      daily.conversions.push(conversions);
      daily.spend.push(spend);
      daily.revenue.push(Math.round(revenue * 100) / 100);
      daily.new_customers.push(random.binomial(conversions, truth.newCustomerShare));
    }
  }
  return new Map([
    ["campaigns", campaignsTable(plans)],
    ["daily_metrics", daily]
  ]);
}

/** The `campaigns` raw table of a set of plans. */
export function campaignsTable(plans: readonly CampaignPlan[]): TableColumns {
  return {
    campaign_id: plans.map((p) => p.id),
    campaign_name: plans.map((p) => p.name),
    channel: plans.map((p) => p.channel),
    start_date: plans.map((p) => p.startDay)
  };
}
