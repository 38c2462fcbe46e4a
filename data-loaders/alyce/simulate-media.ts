/**
 * Alyce's weekly media simulation: three or more years of sales of a corporate-gifting company
 * with the levers a market mix model must separate, from a generative model whose truth we keep.
 *
 *   sales_t = intercept + growth·t + seasonality(day of year)                       baseline
 *           + thanksgiving_t·h1 + decemberPeak_t·h2 + yearEnd_t·h3                  holidays (Q4 gifting)
 *           + promotion_t·lift + discount_t·perPoint + (marketIndex_t − 100)·perPoint  linear levers
 *           + Σ_m β_m · hill(adstock(spend_m; θ_m)_t; K_m, S_m)                      media
 *           + ε_t,  ε ~ N(0, noiseSd²)
 *
 * Adstock is the normalised geometric recursion a_t = θ a_{t-1} + (1 − θ) x_t (zero history before
 * week 0), saturation the Hill function, exactly as in src/analytics/mmm (so the truth is
 * expressible by the model). Spend patterns: TV in flights (a Q4 flight every year, two or three
 * more of 3–6 weeks), search always on and following demand with quarterly budget changes and a yearly
 * two- to three-week go-dark test, social and display at a low base in most quarters with bursts
 * (some of social's timed with TV, half of display's with social's): correlated, as real plans are, but each lever moves on its own often enough to
 * be identified. `noEffectLever` keeps a lever's spend and sets its β to 0; `extraLevers` adds up
 * to four more online levers (for benchmarks).
 *
 * The truth returned per lever: its response parameters, total spend, contribution (Σ_t of its
 * weekly incremental sales), ROI = contribution / spend and marginal ROI (return on 1 % more spend
 * in every week) — computed with the functions the model uses (src/analytics/mmm/response.ts).
 *
 * Pure: same options → same weeks (seeded `Random`, no clock, no I/O). Tested in
 * test/analytics/mmm-simulate.test.ts (determinism, shapes, that sales add up to the parts).
 */
import {Random} from "../../src/analytics/random.js";
import {leverContributions, leverMarginalRoi} from "../../src/analytics/mmm/response.js";
import type {LeverResponse, MediaMixData} from "../../src/analytics/mmm/types.js";

export const CORE_LEVERS = ["tv", "search", "social", "display"] as const;
export const EXTRA_LEVERS = ["video", "podcast", "affiliate", "print"] as const;
export type CoreLever = (typeof CORE_LEVERS)[number];

export interface SimulateMediaOptions {
  seed?: number;
  /** Number of weeks (default 208 = four years; at least 156 recommended). */
  weeks?: number;
  /** Monday of the first week (default 2021-01-04). */
  startDate?: string;
  /** A lever whose spend has no effect on sales (default none). */
  noEffectLever?: string | null;
  /** sd of the weekly Gaussian noise in sales (default 7,500, about 2 % of weekly sales). */
  noiseSd?: number;
  /** Extra online levers (0–4; default 0). */
  extraLevers?: number;
}

/** One simulated week. Spend by lever name; holidays and promotions are 0/1 flags. */
export interface MediaWeek {
  week: string;
  sales: number;
  spend: Record<string, number>;
  /** Average discount given on gifts that week, in percent. */
  discountPct: number;
  promotion: number;
  thanksgiving: number;
  decemberPeak: number;
  yearEnd: number;
  /** External control: a corporate-spending confidence index around 100. */
  marketIndex: number;
}

export interface LeverTruth extends LeverResponse {
  label: string;
  totalSpend: number;
  contribution: number;
  roi: number;
  marginalRoi: number;
  /** Weekly incremental sales caused by this lever. */
  contributions: number[];
}

export interface MediaTruth {
  levers: LeverTruth[];
  baseline: {
    intercept: number;
    growthPerWeek: number;
    /** Seasonality: Σ_k a_k sin(2πk d/365.25) + b_k cos(2πk d/365.25), d = day of year of the week's Monday. */
    seasonalitySin: number[];
    seasonalityCos: number[];
    thanksgiving: number;
    decemberPeak: number;
    yearEnd: number;
    promotionLift: number;
    discountPerPoint: number;
    marketIndexPerPoint: number;
    noiseSd: number;
  };
  /** Weekly components: baseline (intercept + trend + seasonality), holidays, promotions and price, market index, media, noise. */
  components: {baseline: number[]; holidays: number[]; promotionsAndPrice: number[]; marketIndex: number[]; media: number[]; noise: number[]};
}

interface LeverSpec {
  name: string;
  label: string;
  decay: number;
  halfSaturation: number;
  shape: number;
  beta: number;
}

// True response parameters. halfSaturation is in weekly dollars of steady-state spend; beta is
// weekly sales at full saturation. Chosen so ROIs are plausible for B2B gifting (search highest,
// display lowest) and every lever spends around or below its half-saturation point most weeks.
const LEVER_SPECS: Record<string, LeverSpec> = {
  tv: {name: "tv", label: "TV / commercials", decay: 0.65, halfSaturation: 40_000, shape: 1.4, beta: 95_000},
  search: {name: "search", label: "Paid search", decay: 0.2, halfSaturation: 22_000, shape: 1.0, beta: 110_000},
  social: {name: "social", label: "Paid social", decay: 0.35, halfSaturation: 16_000, shape: 1.2, beta: 55_000},
  display: {name: "display", label: "Display", decay: 0.3, halfSaturation: 15_000, shape: 0.9, beta: 45_000},
  video: {name: "video", label: "Online video", decay: 0.5, halfSaturation: 20_000, shape: 1.3, beta: 40_000},
  podcast: {name: "podcast", label: "Podcast sponsorships", decay: 0.45, halfSaturation: 8_000, shape: 1.0, beta: 16_000},
  affiliate: {name: "affiliate", label: "Affiliates", decay: 0.1, halfSaturation: 6_000, shape: 1.0, beta: 20_000},
  print: {name: "print", label: "Print / direct mail", decay: 0.4, halfSaturation: 12_000, shape: 1.1, beta: 18_000}
};

const DAY = 86_400_000;

function parseDate(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`simulateMediaWeeks: startDate must be YYYY-MM-DD, got "${iso}"`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Thanksgiving: the fourth Thursday of November. */
function thanksgiving(year: number): number {
  const first = Date.UTC(year, 10, 1);
  const dow = new Date(first).getUTCDay(); // 0 Sunday … 4 Thursday
  return first + (((4 - dow + 7) % 7) + 21) * DAY;
}

function weekContains(weekStart: number, day: number): boolean {
  return day >= weekStart && day < weekStart + 7 * DAY;
}

function dayOfYear(ms: number): number {
  const y = new Date(ms).getUTCFullYear();
  return Math.round((ms - Date.UTC(y, 0, 1)) / DAY) + 1;
}

/** Flights or bursts: returns a 0/1 mask with `count` runs of `minLength`–`maxLength` weeks per 52 weeks. */
function burstMask(random: Random, n: number, perYear: number, minLength: number, maxLength: number): Uint8Array {
  const mask = new Uint8Array(n);
  const bursts = Math.round((perYear * n) / 52);
  for (let b = 0; b < bursts; b++) {
    const start = random.int(n);
    const length = random.intBetween(minLength, maxLength);
    for (let t = start; t < Math.min(n, start + length); t++) mask[t] = 1;
  }
  return mask;
}

/**
 * Simulates `weeks` weeks of Alyce's sales, media spend and other levers, and returns the truth.
 */
export function simulateMediaWeeks({seed = 1, weeks = 208, startDate = "2021-01-04", noEffectLever = null, noiseSd = 7_500, extraLevers = 0}: SimulateMediaOptions = {}): {weeks: MediaWeek[]; truth: MediaTruth} {
  if (!(weeks >= 60)) throw new Error(`simulateMediaWeeks: need at least 60 weeks, got ${weeks}`);
  if (!(extraLevers >= 0 && extraLevers <= EXTRA_LEVERS.length)) throw new Error(`simulateMediaWeeks: extraLevers must be 0..${EXTRA_LEVERS.length}, got ${extraLevers}`);
  const leverNames: string[] = [...CORE_LEVERS, ...EXTRA_LEVERS.slice(0, extraLevers)];
  if (noEffectLever !== null && !leverNames.includes(noEffectLever)) throw new Error(`simulateMediaWeeks: noEffectLever "${noEffectLever}" is not one of ${leverNames.join(", ")}`);
  const random = new Random(seed);
  const n = weeks;
  const start = parseDate(startDate);
  const starts = Array.from({length: n}, (_, t) => start + 7 * t * DAY);
  const doy = starts.map(dayOfYear);

  // Baseline demand.
  const intercept = 230_000;
  const growthPerWeek = 500; // about +26k a year, +11 % a year at the start
  const seasonalitySin = [-8_000, 6_000, 2_000];
  const seasonalityCos = [22_000, 9_000, -3_000];
  const seasonal = doy.map((d) => {
    let s = 0;
    for (let k = 1; k <= 3; k++) {
      const angle = (2 * Math.PI * k * d) / 365.25;
      s += seasonalitySin[k - 1] * Math.sin(angle) + seasonalityCos[k - 1] * Math.cos(angle);
    }
    return s;
  });
  const demandIndex = seasonal.map((s) => s / 40_000); // about −0.6 … +0.9, used to plan spend

  // Holidays (corporate gifting peaks before Thanksgiving and Christmas; offices close at year end).
  const flags = starts.map((ws) => {
    const y = new Date(ws).getUTCFullYear();
    const years = [y - 1, y, y + 1];
    const tg = years.some((yy) => weekContains(ws, thanksgiving(yy)));
    const christmasWeek = years.some((yy) => weekContains(ws, Date.UTC(yy, 11, 25)));
    const newYearWeek = years.some((yy) => weekContains(ws, Date.UTC(yy, 0, 1)));
    const peak = years.some((yy) => weekContains(ws + 7 * DAY, Date.UTC(yy, 11, 25)) || weekContains(ws + 14 * DAY, Date.UTC(yy, 11, 25)));
    return {thanksgiving: tg ? 1 : 0, decemberPeak: peak && !tg ? 1 : 0, yearEnd: christmasWeek || newYearWeek ? 1 : 0};
  });

  // Promotions: Employee Appreciation week (March), Admin Professionals week (late April), and a
  // few more campaign weeks a year, never in December.
  const promoRandom = random.fork("promotions");
  const promotion = new Uint8Array(n);
  for (let t = 0; t < n; t++) {
    const d = new Date(starts[t]);
    const month = d.getUTCMonth();
    const dayOfMonth = d.getUTCDate();
    if (month === 2 && dayOfMonth <= 7) promotion[t] = 1;
    if (month === 3 && dayOfMonth >= 20 && dayOfMonth <= 26) promotion[t] = 1;
    if (month !== 11 && month !== 0 && promoRandom.bernoulli(4 / 52)) promotion[t] = 1;
  }
  // Discount: a level reset every 6–12 weeks, 5 points deeper in promotion weeks.
  const priceRandom = random.fork("discount");
  const discountPct = new Array<number>(n);
  let level = priceRandom.between(3, 9);
  let nextChange = priceRandom.intBetween(6, 12);
  for (let t = 0; t < n; t++) {
    if (t === nextChange) {
      level = priceRandom.between(3, 10);
      nextChange += priceRandom.intBetween(6, 12);
    }
    discountPct[t] = Math.max(0, level + (promotion[t] ? 5 : 0) + priceRandom.normal(0, 0.4));
  }
  // Market index: AR(1) around 100.
  const marketRandom = random.fork("market");
  const marketIndex = new Array<number>(n);
  let m = 100 + marketRandom.normal(0, 3);
  for (let t = 0; t < n; t++) {
    m = 100 + 0.92 * (m - 100) + marketRandom.normal(0, 1.3);
    marketIndex[t] = m;
  }

  // Media spend plans.
  const spend: Record<string, Float64Array> = {};
  const tvRandom = random.fork("tv");
  const tv = new Float64Array(n);
  const tvOn = new Uint8Array(n);
  for (let y0 = 0; y0 < n; y0 += 52) {
    // Q4 flight: from about week 40 (early October) for 5–7 weeks.
    const q4 = y0 + 39 + tvRandom.intBetween(0, 2);
    const q4Length = tvRandom.intBetween(5, 7);
    for (let t = q4; t < Math.min(n, q4 + q4Length); t++) tvOn[t] = 1;
    const extra = tvRandom.intBetween(2, 3);
    for (let f = 0; f < extra; f++) {
      const s = y0 + tvRandom.intBetween(4, 34);
      const len = tvRandom.intBetween(3, 6);
      for (let t = s; t < Math.min(n, s + len); t++) tvOn[t] = 1;
    }
  }
  let flightLevel = 0;
  for (let t = 0; t < n; t++) {
    if (tvOn[t] && (t === 0 || !tvOn[t - 1])) flightLevel = tvRandom.between(40_000, 80_000);
    tv[t] = tvOn[t] ? flightLevel * tvRandom.logNormal(0, 0.08) : 0;
  }
  spend.tv = tv;

  // Search: always on, following demand, with a budget reset every quarter and a two- to
  // three-week "go-dark" incrementality test once a year (spend paused).
  const searchRandom = random.fork("search");
  const search = new Float64Array(n);
  const dark = new Uint8Array(n);
  for (let y0 = 0; y0 < n; y0 += 52) {
    const s = y0 + searchRandom.intBetween(8, 30);
    const len = searchRandom.intBetween(2, 3);
    for (let t = s; t < Math.min(n, s + len); t++) dark[t] = 1;
  }
  let quarterMultiplier = 1;
  for (let t = 0; t < n; t++) {
    if (t % 13 === 0) quarterMultiplier = searchRandom.between(0.4, 1.5);
    search[t] = dark[t] ? 0 : 16_000 * quarterMultiplier * (1 + 0.5 * demandIndex[t]) * searchRandom.logNormal(0, 0.15);
  }
  spend.search = search;

  // Social: an always-on base in most quarters, bursts (some timed with TV flights).
  const socialRandom = random.fork("social");
  const socialBursts = burstMask(socialRandom, n, 5, 2, 4);
  for (let t = 0; t < n; t++) if (tvOn[t] && (t === 0 || !tvOn[t - 1]) && socialRandom.bernoulli(0.4)) for (let u = t; u < Math.min(n, t + 3); u++) socialBursts[u] = 1;
  const social = new Float64Array(n);
  let burstLevel = 0;
  let socialBase = 5_000;
  for (let t = 0; t < n; t++) {
    if (t % 13 === 0) socialBase = socialRandom.bernoulli(0.3) ? 0 : socialRandom.between(3_000, 8_000);
    if (socialBursts[t] && (t === 0 || !socialBursts[t - 1])) burstLevel = socialRandom.between(14_000, 30_000);
    social[t] = socialBase * socialRandom.logNormal(0, 0.25) + (socialBursts[t] ? burstLevel * socialRandom.logNormal(0, 0.1) : 0);
  }
  spend.social = social;

  // Display: an always-on base in most quarters, bursts (half of social's bursts come with one).
  const displayRandom = random.fork("display");
  const displayBursts = burstMask(displayRandom, n, 4, 2, 5);
  for (let t = 0; t < n; t++) if (socialBursts[t] && (t === 0 || !socialBursts[t - 1]) && displayRandom.bernoulli(0.3)) for (let u = t; u < Math.min(n, t + 3); u++) displayBursts[u] = 1;
  const display = new Float64Array(n);
  burstLevel = 0;
  let displayBase = 3_500;
  for (let t = 0; t < n; t++) {
    if (t % 13 === 0) displayBase = displayRandom.bernoulli(0.3) ? 0 : displayRandom.between(2_000, 5_000);
    if (displayBursts[t] && (t === 0 || !displayBursts[t - 1])) burstLevel = displayRandom.between(10_000, 25_000);
    display[t] = displayBase * displayRandom.logNormal(0, 0.3) + (displayBursts[t] ? burstLevel * displayRandom.logNormal(0, 0.1) : 0);
  }
  spend.display = display;

  // Extra levers: a base switched on or off each quarter (always on for affiliates, whose base
  // follows demand) plus bursts.
  for (const name of EXTRA_LEVERS.slice(0, extraLevers)) {
    const r = random.fork(name);
    const x = new Float64Array(n);
    const bursts = burstMask(r, n, 4, 2, 5);
    const typical = LEVER_SPECS[name].halfSaturation;
    let lvl = 0;
    let base = 0;
    for (let t = 0; t < n; t++) {
      if (t % 13 === 0) base = name !== "affiliate" && r.bernoulli(0.35) ? 0 : r.between(0.1, 0.5) * typical;
      if (bursts[t] && (t === 0 || !bursts[t - 1])) lvl = r.between(0.6, 1.6) * typical;
      x[t] = base * (name === "affiliate" ? 1 + 0.5 * demandIndex[t] : 1) * r.logNormal(0, 0.2) + (bursts[t] ? lvl * r.logNormal(0, 0.1) : 0);
    }
    spend[name] = x;
  }

  // Sales.
  const h = {thanksgiving: 45_000, decemberPeak: 70_000, yearEnd: -60_000};
  const promotionLift = 30_000;
  const discountPerPoint = 3_000;
  const marketIndexPerPoint = 2_500;
  const noiseRandom = random.fork("noise");
  const levers: LeverTruth[] = leverNames.map((name) => {
    const s = LEVER_SPECS[name];
    const response: LeverResponse = {name, decay: s.decay, halfSaturation: s.halfSaturation, shape: s.shape, beta: name === noEffectLever ? 0 : s.beta, saturation: "hill"};
    const contributions = Array.from(leverContributions(spend[name], response));
    const totalSpend = spend[name].reduce((a, b) => a + b, 0);
    const contribution = contributions.reduce((a, b) => a + b, 0);
    return {...response, label: s.label, totalSpend, contribution, roi: contribution / totalSpend, marginalRoi: leverMarginalRoi(spend[name], response), contributions};
  });
  const components = {baseline: [] as number[], holidays: [] as number[], promotionsAndPrice: [] as number[], marketIndex: [] as number[], media: [] as number[], noise: [] as number[]};
  const rows: MediaWeek[] = [];
  for (let t = 0; t < n; t++) {
    const baseline = intercept + growthPerWeek * t + seasonal[t];
    const holidays = flags[t].thanksgiving * h.thanksgiving + flags[t].decemberPeak * h.decemberPeak + flags[t].yearEnd * h.yearEnd;
    const promo = promotion[t] * promotionLift + discountPct[t] * discountPerPoint;
    const market = (marketIndex[t] - 100) * marketIndexPerPoint;
    const media = levers.reduce((acc, l) => acc + l.contributions[t], 0);
    const noise = noiseRandom.normal(0, noiseSd);
    components.baseline.push(baseline);
    components.holidays.push(holidays);
    components.promotionsAndPrice.push(promo);
    components.marketIndex.push(market);
    components.media.push(media);
    components.noise.push(noise);
    const weekSpend: Record<string, number> = {};
    for (const name of leverNames) weekSpend[name] = spend[name][t];
    rows.push({
      week: isoDate(starts[t]),
      sales: baseline + holidays + promo + market + media + noise,
      spend: weekSpend,
      discountPct: discountPct[t],
      promotion: promotion[t],
      thanksgiving: flags[t].thanksgiving,
      decemberPeak: flags[t].decemberPeak,
      yearEnd: flags[t].yearEnd,
      marketIndex: marketIndex[t]
    });
  }
  return {
    weeks: rows,
    truth: {
      levers,
      baseline: {intercept, growthPerWeek, seasonalitySin, seasonalityCos, ...h, promotionLift, discountPerPoint, marketIndexPerPoint, noiseSd},
      components
    }
  };
}

/** The simulated weeks as the market mix model's input: media levers, then price, promotions, holidays and the market index as controls. */
export function mediaMixDataFromWeeks(weeks: MediaWeek[]): MediaMixData {
  const levers = Object.keys(weeks[0]?.spend ?? {});
  return {
    dates: weeks.map((w) => w.week),
    sales: weeks.map((w) => w.sales),
    media: levers.map((name) => ({name, spend: weeks.map((w) => w.spend[name])})),
    controls: [
      {name: "discountPct", values: weeks.map((w) => w.discountPct)},
      {name: "promotion", values: weeks.map((w) => w.promotion)},
      {name: "thanksgiving", values: weeks.map((w) => w.thanksgiving)},
      {name: "decemberPeak", values: weeks.map((w) => w.decemberPeak)},
      {name: "yearEnd", values: weeks.map((w) => w.yearEnd)},
      {name: "marketIndex", values: weeks.map((w) => w.marketIndex)}
    ]
  };
}
