/**
 * MegaMart's calendar: the simulated window, Singapore's public holidays and the retail seasons
 * (Chinese New Year, the Great Singapore Sale, 11.11, Christmas) with the demand they bring.
 * The simulation draws purchases from these multipliers; the pipeline's dim_date reads the same
 * season and holiday lists (as seeds), so the pages' season labels are the simulation's.
 */
import {parseIsoDate} from "../shared/schema.js";
import type {Category} from "./schema.js";

export const SIMULATION_START = "2023-01-01";
export const SIMULATION_END = "2024-12-31";
export const START_DAY = parseIsoDate(SIMULATION_START)!;
export const END_DAY = parseIsoDate(SIMULATION_END)!;
/** Days in the window (2023 and the leap year 2024). */
export const DAYS = END_DAY - START_DAY + 1;

export const SEASONS = ["Chinese New Year", "Great Singapore Sale", "11.11", "Christmas"] as const;
export type Season = (typeof SEASONS)[number];

export interface SeasonWindow {
  season: Season;
  start: string;
  end: string;
}

/**
 * Season windows. Chinese New Year: the two weeks of reunion shopping before the first day and the
 * first two days (2023-01-22, 2024-02-10). The Great Singapore Sale: June to early July, as the
 * modern GSS runs. 11.11: the three days around Singles' Day. Christmas: December to Boxing Day.
 */
export const SEASON_WINDOWS: readonly SeasonWindow[] = [
  {season: "Chinese New Year", start: "2023-01-08", end: "2023-01-23"},
  {season: "Great Singapore Sale", start: "2023-06-01", end: "2023-07-09"},
  {season: "11.11", start: "2023-11-10", end: "2023-11-12"},
  {season: "Christmas", start: "2023-12-01", end: "2023-12-26"},
  {season: "Chinese New Year", start: "2024-01-27", end: "2024-02-11"},
  {season: "Great Singapore Sale", start: "2024-05-31", end: "2024-07-07"},
  {season: "11.11", start: "2024-11-10", end: "2024-11-12"},
  {season: "Christmas", start: "2024-12-01", end: "2024-12-26"}
];

/** Gazetted public holidays of Singapore, 2023-2024 (Ministry of Manpower lists), observed days included. */
export const PUBLIC_HOLIDAYS: readonly {date: string; name: string}[] = [
  {date: "2023-01-01", name: "New Year's Day"},
  {date: "2023-01-02", name: "New Year's Day (observed)"},
  {date: "2023-01-22", name: "Chinese New Year"},
  {date: "2023-01-23", name: "Chinese New Year"},
  {date: "2023-01-24", name: "Chinese New Year (observed)"},
  {date: "2023-04-07", name: "Good Friday"},
  {date: "2023-04-22", name: "Hari Raya Puasa"},
  {date: "2023-05-01", name: "Labour Day"},
  {date: "2023-06-02", name: "Vesak Day"},
  {date: "2023-06-29", name: "Hari Raya Haji"},
  {date: "2023-08-09", name: "National Day"},
  {date: "2023-11-12", name: "Deepavali"},
  {date: "2023-11-13", name: "Deepavali (observed)"},
  {date: "2023-12-25", name: "Christmas Day"},
  {date: "2024-01-01", name: "New Year's Day"},
  {date: "2024-02-10", name: "Chinese New Year"},
  {date: "2024-02-11", name: "Chinese New Year"},
  {date: "2024-02-12", name: "Chinese New Year (observed)"},
  {date: "2024-03-29", name: "Good Friday"},
  {date: "2024-04-10", name: "Hari Raya Puasa"},
  {date: "2024-05-01", name: "Labour Day"},
  {date: "2024-05-22", name: "Vesak Day"},
  {date: "2024-06-17", name: "Hari Raya Haji"},
  {date: "2024-08-09", name: "National Day"},
  {date: "2024-10-31", name: "Deepavali"},
  {date: "2024-12-25", name: "Christmas Day"}
];

/** The first two days of Chinese New Year, when most stores close or open short hours. */
const CNY_CLOSURES = ["2023-01-22", "2023-01-23", "2024-02-10", "2024-02-11"].map((d) => parseIsoDate(d)!);

/** How much each season lifts members' purchase rate (1 = an ordinary day), in stores and online. */
export const SEASON_LIFT: Record<Season, {store: number; online: number}> = {
  "Chinese New Year": {store: 1.45, online: 1.25},
  "Great Singapore Sale": {store: 1.2, online: 1.35},
  "11.11": {store: 1.05, online: 3.2},
  Christmas: {store: 1.35, online: 1.4}
};

/** How each season tilts the basket towards categories (multiplies the customer's category weights). */
export const SEASON_CATEGORY_TILT: Record<Season, Partial<Record<Category, number>>> = {
  "Chinese New Year": {groceries: 1.6, fashion: 1.5},
  "Great Singapore Sale": {fashion: 1.5, electronics: 1.4},
  "11.11": {electronics: 1.7, fashion: 1.3},
  Christmas: {electronics: 1.5, "home goods": 1.6}
};

/** Day-of-week pattern (0 = Monday): stores peak at the weekend, online is flatter. */
export const WEEKDAY_STORE = [0.88, 0.86, 0.88, 0.92, 1.08, 1.22, 1.16];
export const WEEKDAY_ONLINE = [1.06, 1.0, 0.98, 0.97, 0.95, 0.98, 1.06];

/** Day index (0 = SIMULATION_START) of an ISO date. */
export const dayIndex = (iso: string) => parseIsoDate(iso)! - START_DAY;

/** 0 = Monday for a day index (2023-01-01 was a Sunday). */
export const weekday = (d: number) => (((START_DAY + d + 3) % 7) + 7) % 7;

/** The season of each day of the window (null outside every season). */
export const SEASON_OF_DAY: readonly (Season | null)[] = (() => {
  const out: (Season | null)[] = new Array(DAYS).fill(null);
  for (const w of SEASON_WINDOWS) for (let d = dayIndex(w.start); d <= dayIndex(w.end); d++) if (d >= 0 && d < DAYS) out[d] = w.season;
  return out;
})();

/** Demand multiplier of each day for store and online purchases (season × weekday × closures). */
export const DAILY_DEMAND: {store: Float64Array; online: Float64Array} = (() => {
  const store = new Float64Array(DAYS);
  const online = new Float64Array(DAYS);
  for (let d = 0; d < DAYS; d++) {
    const season = SEASON_OF_DAY[d];
    store[d] = WEEKDAY_STORE[weekday(d)] * (season ? SEASON_LIFT[season].store : 1);
    online[d] = WEEKDAY_ONLINE[weekday(d)] * (season ? SEASON_LIFT[season].online : 1);
    if (CNY_CLOSURES.includes(START_DAY + d)) store[d] *= 0.3;
  }
  // 11.11 itself is the peak of its window.
  for (const iso of ["2023-11-11", "2024-11-11"]) online[dayIndex(iso)] *= 1.6;
  return {store, online};
})();
