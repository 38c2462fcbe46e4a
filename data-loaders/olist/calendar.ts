/**
 * The simulated marketplace's calendar: two whole years of trading, growth over them, the weekly
 * rhythm, the hour of day, and Brazilian retail events (Black Friday, Christmas, Mother's Day,
 * Dia dos Namorados, Carnival) as demand multipliers; and the two logistics crunches (after
 * Black Friday 2017 and in February-March 2018) when deliveries ran late.
 */
import {DAY_MS, parseIsoDate} from "../shared/schema.js";

export const SIMULATION_START = "2017-01-01";
export const SIMULATION_END = "2018-12-31";
export const START_DAY = parseIsoDate(SIMULATION_START)!;
export const END_DAY = parseIsoDate(SIMULATION_END)!;
export const DAYS = END_DAY - START_DAY + 1;

const day = (iso: string) => parseIsoDate(iso)!;
const BLACK_FRIDAYS = [day("2017-11-24"), day("2018-11-23")];
const MOTHERS_DAYS = [day("2017-05-14"), day("2018-05-13")];
const VALENTINES = [day("2017-06-12"), day("2018-06-12")];
const CARNIVALS = [day("2017-02-27"), day("2018-02-12")];
const CRUNCHES: [number, number, number][] = [
  [day("2017-11-24"), day("2017-12-22"), 1.9],
  [day("2018-02-15"), day("2018-03-28"), 2.1]
];

/** Weekday multipliers, Sunday first (getUTCDay order): Mondays busiest, Saturdays quietest. */
const WEEKLY = [0.88, 1.12, 1.1, 1.05, 1.0, 0.95, 0.78];

/** Retail events and the weekly rhythm (no trend): the intensity of shopping on a day. */
export function seasonality(d: number): number {
  let m = WEEKLY[new Date(d * DAY_MS).getUTCDay()];
  for (const bf of BLACK_FRIDAYS) {
    if (d === bf) m *= 5;
    else if (d > bf && d <= bf + 3) m *= 1.8;
    else if (d >= bf - 6 && d < bf) m *= 1.3;
  }
  const date = new Date(d * DAY_MS);
  const month = date.getUTCMonth();
  const dom = date.getUTCDate();
  if (month === 11) m *= dom <= 21 ? 1.2 : 0.7;
  for (const md of MOTHERS_DAYS) if (d >= md - 12 && d < md) m *= 1.2;
  for (const v of VALENTINES) if (d >= v - 8 && d < v) m *= 1.1;
  for (const c of CARNIVALS) if (d >= c - 1 && d <= c + 1) m *= 0.75;
  return m;
}

/** Whether a day is in a gift season (before Christmas, Mother's Day, Dia dos Namorados, Black Friday week). */
export function isGiftSeason(d: number): boolean {
  const date = new Date(d * DAY_MS);
  const month = date.getUTCMonth();
  const dom = date.getUTCDate();
  if (month === 11 && dom <= 22) return true;
  if (MOTHERS_DAYS.some((md) => d >= md - 14 && d < md)) return true;
  if (VALENTINES.some((v) => d >= v - 10 && d < v)) return true;
  return BLACK_FRIDAYS.some((bf) => d >= bf - 2 && d <= bf + 3);
}

/** Growth of the customer base: new customers per day rise steeply in 2017, then level off. */
export function growth(d: number): number {
  const t = d - START_DAY;
  return 0.25 + 1 / (1 + Math.exp(-(t - 250) / 70));
}

/** Transit slowdown factor on a day (1 outside the crunches). */
export function crunch(d: number): number {
  for (const [from, to, factor] of CRUNCHES) if (d >= from && d <= to) return factor;
  return 1;
}

/** Share of purchases by hour of day (0-23), an e-commerce day: quiet at night, busy 10:00-22:00. */
export const HOUR_WEIGHTS = [1.5, 0.8, 0.4, 0.2, 0.2, 0.4, 1, 2.5, 4.5, 5.5, 6.5, 6.5, 6, 6, 6.5, 6.3, 6.4, 6, 5.4, 5.3, 5.6, 5.9, 5.4, 3.6];
