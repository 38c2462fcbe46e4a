/**
 * Journeys and touchpoints → two compact tables the Attribution page reads and filters:
 * fct_journeys (one row per journey: the day it ended, whether and for how much it converted) and
 * fct_journey_touches (one row per touch, in order: channel, campaign and hours before the
 * journey's end). Touches are ordered by time within a journey; the end is the conversion time,
 * or the last touch for journeys that did not convert. Data tests: a converted journey has a
 * conversion time and at least one touch; no touch comes after its journey's conversion.
 */
import {assertDataTests, runDataTests, testsFromSpec} from "../shared/datatests.js";
import {DAY_MS, type TableSpec} from "../shared/schema.js";
import type {TableColumns} from "../shared/validate.js";
import {CHANNELS, journeys as journeysSpec, touchpoints as touchpointsSpec} from "./schema.js";

export const fctJourneys: TableSpec = {
  name: "fct_journeys",
  description: "Journeys with their outcome.",
  grain: "journey",
  primaryKey: ["journey"],
  columns: [
    {name: "journey", type: "int32", min: 0, description: "Row number of the journey (touches refer to it)."},
    {name: "end_date", type: "date", description: "Day of the conversion, or of the last touch when the journey did not convert."},
    {name: "converted", type: "bool", description: "Whether the journey converted."},
    {name: "value", type: "float64", min: 0, unit: "USD", description: "Conversion value (0 when it did not convert)."},
    {name: "touches", type: "int32", min: 0, description: "Number of touches."}
  ]
};

export function touchesSpec(campaignIds: readonly string[]): TableSpec {
  return {
    name: "fct_journey_touches",
    description: "Touches of each journey, in order.",
    grain: "touch",
    columns: [
      {name: "journey", type: "int32", min: 0, description: "Row number of the journey in fct_journeys."},
      {name: "channel", type: "utf8", values: CHANNELS, description: "Channel of the touch."},
      {name: "campaign_id", type: "utf8", nullable: true, values: campaignIds, description: "Campaign of the touch, when known."},
      {name: "hours_before_end", type: "int32", min: 0, description: "Hours from the touch to the journey's end (conversion or last touch)."}
    ]
  };
}

export interface JourneyFacts {
  journeys: TableColumns;
  touches: TableColumns;
  touchSpec: TableSpec;
}

export function journeyFacts(tables: Map<string, TableColumns>): JourneyFacts {
  const j = tables.get("journeys")!;
  const t = tables.get("touchpoints")!;
  assertDataTests(
    runDataTests(tables, [
      {model: "journeys", tests: testsFromSpec(journeysSpec)},
      {
        model: "touchpoints",
        dependsOn: ["journeys"],
        tests: [
          {kind: "relationships", column: "journey_id", to: {table: "journeys", column: "journey_id"}},
          {
            kind: "expression",
            name: "touch_before_conversion",
            description: "no touch comes after its journey's conversion",
            failures: (touches) => {
              const conversion = new Map(j.journey_id.map((id, i) => [id, j.converted[i] ? (j.conversion_time[i] as number) : Infinity]));
              const bad: number[] = [];
              touches.touch_time.forEach((time, i) => {
                if ((time as number) > (conversion.get(touches.journey_id[i]) ?? Infinity)) bad.push(i);
              });
              return bad;
            }
          }
        ]
      },
      {
        model: "journeys",
        tests: [
          {
            kind: "expression",
            name: "converted_has_time_and_touch",
            description: "a converted journey has a conversion time and at least one touch",
            failures: (journeys) => {
              const touched = new Set(t.journey_id);
              const bad: number[] = [];
              journeys.journey_id.forEach((id, i) => {
                if (journeys.converted[i] && (journeys.conversion_time[i] === null || !touched.has(id))) bad.push(i);
              });
              return bad;
            }
          }
        ]
      }
    ])
  );
  const byJourney = new Map<string, number[]>();
  t.journey_id.forEach((id, k) => {
    let list = byJourney.get(id as string);
    if (!list) byJourney.set(id as string, (list = []));
    list.push(k);
  });
  // Journeys in order of their end, then id; touches in time order within each.
  const rows = j.journey_id.map((id, i) => {
    const ks = (byJourney.get(id as string) ?? []).sort((a, b) => (t.touch_time[a] as number) - (t.touch_time[b] as number));
    const lastTouch = ks.length ? (t.touch_time[ks[ks.length - 1]] as number) : NaN;
    const end = j.converted[i] ? (j.conversion_time[i] as number) : lastTouch;
    return {i, id: id as string, ks, end};
  });
  const kept = rows.filter((r) => Number.isFinite(r.end) && r.ks.length > 0).sort((a, b) => a.end - b.end || a.id.localeCompare(b.id));
  const journeys: TableColumns = {journey: [], end_date: [], converted: [], value: [], touches: []};
  const touches: TableColumns = {journey: [], channel: [], campaign_id: [], hours_before_end: []};
  kept.forEach((r, n) => {
    journeys.journey.push(n);
    journeys.end_date.push(Math.floor(r.end / DAY_MS));
    journeys.converted.push(Boolean(j.converted[r.i]));
    journeys.value.push(j.converted[r.i] ? (j.conversion_value[r.i] as number) : 0);
    journeys.touches.push(r.ks.length);
    for (const k of r.ks) {
      touches.journey.push(n);
      touches.channel.push(t.channel[k]);
      touches.campaign_id.push(t.campaign_id[k]);
      touches.hours_before_end.push(Math.max(0, Math.round((r.end - (t.touch_time[k] as number)) / 3_600_000)));
    }
  });
  const campaignIds = [...new Set(t.campaign_id.filter((c) => c !== null).map(String))].sort();
  return {journeys, touches, touchSpec: touchesSpec(campaignIds)};
}
