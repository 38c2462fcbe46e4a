/**
 * Journeys in the browser for the Attribution page: read from the two Arrow files, filtered by the
 * page's filter bar, turned into the shared attribution models' input (src/analytics/attribution.ts)
 * and compared with the simulation's true contributions (./journeyTruth.ts).
 */
import {attributeConversions, type AttributionModelName, type AttributionResult, type ConversionPath} from "../analytics/attribution.js";
import type {Selection} from "./daily.js";

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

export interface Touch {
  channel: string;
  campaign: string | null;
  hoursBeforeEnd: number;
}

export interface JourneyRecord {
  /** Day the journey ended (ms, UTC midnight): the conversion, or the last touch. */
  end: number;
  converted: boolean;
  value: number;
  touches: Touch[];
}

type Rows = Iterable<Record<string, unknown>> | {toArray(): Record<string, unknown>[]};
const asArray = (rows: Rows) => ("toArray" in rows ? rows.toArray() : [...rows]);

/** Journeys with their touches from the rows of fct_journeys and fct_journey_touches. */
export function journeyRecords(journeys: Rows, touches: Rows): JourneyRecord[] {
  const out: JourneyRecord[] = asArray(journeys).map((j) => ({end: Number(j.end_date), converted: Boolean(j.converted), value: Number(j.value), touches: []}));
  for (const t of asArray(touches)) {
    const j = out[Number(t.journey)];
    if (j) j.touches.push({channel: String(t.channel), campaign: t.campaign_id == null ? null : String(t.campaign_id), hoursBeforeEnd: Number(t.hours_before_end)});
  }
  return out;
}

/**
 * Journeys ending within the selected dates that touched a selected channel through a selected
 * campaign (or through no campaign, when the campaign is unknown and every campaign is selected).
 */
export function selectJourneys(journeys: readonly JourneyRecord[], selection: Selection, allCampaigns: boolean): JourneyRecord[] {
  const channels = new Set(selection.channels);
  const campaigns = new Set(selection.campaigns);
  return journeys.filter(
    (j) => j.end >= selection.start && j.end <= selection.end && j.touches.some((t) => channels.has(t.channel) && (t.campaign === null ? allCampaigns : campaigns.has(t.campaign)))
  );
}

/** One ConversionPath per journey, with touch times (for time decay) relative to its end. */
export function conversionPaths(journeys: readonly JourneyRecord[]): ConversionPath[] {
  return journeys.map((j) => {
    const end = j.end + DAY_MS; // any fixed reference works: only the gaps matter
    return {
      path: j.touches.map((t) => t.channel),
      conversions: j.converted ? 1 : 0,
      nulls: j.converted ? 0 : 1,
      value: j.converted ? j.value : 0,
      timestamps: j.touches.map((t) => end - t.hoursBeforeEnd * HOUR_MS),
      conversionTime: end
    };
  });
}

export const MODEL_LABELS: Record<AttributionModelName | "truth", string> = {
  lastTouch: "Last touch",
  firstTouch: "First touch",
  linear: "Linear",
  timeDecay: "Time decay",
  positionBased: "Position-based",
  markov: "Markov (data-driven)",
  truth: "Simulated truth"
};

/** The models the page compares, in reading order. */
export const PAGE_MODELS: readonly AttributionModelName[] = ["lastTouch", "firstTouch", "linear", "timeDecay", "positionBased", "markov"];

/** Shares per model and channel, in long form. */
export function shareTable(results: readonly AttributionResult[]): {model: AttributionModelName; channel: string; share: number; conversions: number; value: number}[] {
  return results.flatMap((r) => r.channels.map((c) => ({model: r.model, channel: c.channel, share: c.share, conversions: c.conversions, value: c.value})));
}

/** Total variation distance between two share vectors: half the sum of absolute differences (0 = identical, 1 = disjoint). */
export function shareDistance(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  let d = 0;
  for (const k of new Set([...a.keys(), ...b.keys()])) d += Math.abs((a.get(k) ?? 0) - (b.get(k) ?? 0));
  return d / 2;
}

/** Runs the page's models on the journeys (time decay with a 7-day half-life). */
export function attributeJourneys(journeys: readonly JourneyRecord[]): AttributionResult[] {
  const paths = conversionPaths(journeys);
  if (!paths.some((p) => p.conversions > 0)) return [];
  return attributeConversions(paths, {models: PAGE_MODELS, halfLifeDays: 7});
}

export interface PathSummary {
  path: string;
  journeys: number;
  conversions: number;
  conversionRate: number;
  value: number;
}

/** The channel sequences (consecutive repeats merged) by number of conversions. */
export function topPaths(journeys: readonly JourneyRecord[]): PathSummary[] {
  const groups = new Map<string, PathSummary>();
  for (const j of journeys) {
    const channels = j.touches.map((t) => t.channel).filter((c, i, all) => i === 0 || all[i - 1] !== c);
    const key = channels.join(" → ");
    let g = groups.get(key);
    if (!g) groups.set(key, (g = {path: key, journeys: 0, conversions: 0, conversionRate: 0, value: 0}));
    g.journeys++;
    if (j.converted) {
      g.conversions++;
      g.value += j.value;
    }
  }
  return [...groups.values()].map((g) => ({...g, conversionRate: g.conversions / g.journeys})).sort((a, b) => b.conversions - a.conversions || b.journeys - a.journeys);
}
