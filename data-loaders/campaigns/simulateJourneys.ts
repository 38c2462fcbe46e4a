/**
 * Multi-touch journeys with a known true channel contribution. Each journey starts on a random
 * day, touches 1 + Poisson(1.6) marketing channels (at most 8) spaced by exponential gaps (mean
 * 2.5 days), and converts with the noisy-OR probability of src/campaigns/journeyTruth.ts, whose
 * lifts per channel are the truth. The order of touches follows the funnel: upper-funnel channels
 * (video, display) tend to come first, lower-funnel ones (search, email) last, so last-touch
 * attribution over-credits the channels that close and under-credits those that open. Each touch
 * names a campaign of its channel that had started by then (none when no such campaign ran yet).
 *
 * Journeys per scale: tiny 4,000 · small 12,000 · default 30,000 · large 100,000.
 */
import {Random} from "../shared/random.js";
import {DAY_MS} from "../shared/schema.js";
import type {BuildOptions, Scale} from "../shared/options.js";
import type {TableColumns} from "../shared/validate.js";
import {conversionProbability, type JourneyModel} from "../../src/campaigns/journeyTruth.js";
import {CHANNELS, type Channel} from "./schema.js";
import {campaignPlans, campaignsTable, demandMultiplier, drawOrderValues, simulationWindow} from "./simulate.js";

export const JOURNEYS_PER_SCALE: Record<Scale, number> = {tiny: 4_000, small: 12_000, default: 30_000, large: 100_000};

/** The true conversion model of the journeys. */
export const JOURNEY_TRUTH: JourneyModel = {
  base: 0.03,
  lift: {search: 0.04, social: 0.045, display: 0.03, email: 0.035, video: 0.06, affiliate: 0.03}
};

/**
 * How likely each channel is at a relative position u in the journey (0 = first touch, 1 = last):
 * weight = early · (1 − u) + late · u.
 */
export const FUNNEL_POSITION: Record<Channel, {early: number; late: number}> = {
  video: {early: 0.3, late: 0.03},
  display: {early: 0.25, late: 0.05},
  social: {early: 0.22, late: 0.12},
  affiliate: {early: 0.08, late: 0.15},
  email: {early: 0.05, late: 0.25},
  search: {early: 0.1, late: 0.4}
};

export const JOURNEY_AOV = 82;
const MEAN_GAP_DAYS = 2.5;
const MEAN_CONVERSION_DELAY_DAYS = 0.5;

export function simulateJourneyTables(options: Pick<BuildOptions, "seed" | "scale">): Map<string, TableColumns> {
  const random = new Random(options.seed).fork("campaigns").fork("journeys");
  const plans = campaignPlans(options);
  const byChannel = new Map<Channel, {id: string; startDay: number}[]>(CHANNELS.map((c) => [c, plans.filter((p) => p.channel === c)]));
  const {first, last} = simulationWindow();
  // Journeys start more often when demand is high (weekly pattern, holiday season).
  const days = Array.from({length: last - first + 1}, (_, i) => first + i);
  const startWeights = days.map((d) => demandMultiplier(d));
  const journeys: TableColumns = {journey_id: [], converted: [], conversion_time: [], conversion_value: []};
  const touches: TableColumns = {journey_id: [], touch_time: [], channel: [], campaign_id: []};
  const n = JOURNEYS_PER_SCALE[options.scale];
  const endMs = (last + 1) * DAY_MS;
  for (let j = 0; j < n; j++) {
    const id = `J${String(j + 1).padStart(6, "0")}`;
    const count = Math.min(8, 1 + random.poisson(1.6));
    let t = days[random.weightedIndex(startWeights)] * DAY_MS + Math.floor(random.uniform() * DAY_MS);
    const channels: Channel[] = [];
    const times: number[] = [];
    for (let k = 0; k < count; k++) {
      const u = count === 1 ? 1 : k / (count - 1);
      const weights = CHANNELS.map((c) => FUNNEL_POSITION[c].early * (1 - u) + FUNNEL_POSITION[c].late * u);
      const channel = CHANNELS[random.weightedIndex(weights)];
      if (k > 0) t += Math.max(60_000, Math.round(random.exponential(1 / MEAN_GAP_DAYS) * DAY_MS));
      if (t >= endMs) break;
      channels.push(channel);
      times.push(Math.floor(t / 1000) * 1000);
    }
    const converts = random.bernoulli(conversionProbability(JOURNEY_TRUTH, channels));
    const conversionTime = Math.floor((times[times.length - 1] + 60_000 + random.exponential(1 / MEAN_CONVERSION_DELAY_DAYS) * DAY_MS) / 1000) * 1000;
    const converted = converts && conversionTime < endMs;
    journeys.journey_id.push(id);
    journeys.converted.push(converted);
    journeys.conversion_time.push(converted ? conversionTime : null);
    journeys.conversion_value.push(converted ? Math.round(drawOrderValues(random, 1, JOURNEY_AOV) * 100) / 100 : 0);
    for (let k = 0; k < channels.length; k++) {
      const day = Math.floor(times[k] / DAY_MS);
      const running = byChannel.get(channels[k])!.filter((p) => p.startDay <= day);
      touches.journey_id.push(id);
      touches.touch_time.push(times[k]);
      touches.channel.push(channels[k]);
      touches.campaign_id.push(running.length ? running[random.int(running.length)].id : null);
    }
  }
  return new Map([
    ["journeys", journeys],
    ["touchpoints", touches]
  ]);
}

/** Raw tables `campaigns`, `journeys` and `touchpoints`. */
export function simulateJourneys(options: Pick<BuildOptions, "seed" | "scale">): Map<string, TableColumns> {
  return new Map([["campaigns", campaignsTable(campaignPlans(options))], ...simulateJourneyTables(options)]);
}
