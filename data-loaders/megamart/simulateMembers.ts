/**
 * Members and what it cost to acquire them. MegaMart launched its membership (MegaMart Rewards)
 * on 2023-01-01, so every member joins inside the window: a launch burst in the first two months,
 * then steady growth with seasonal peaks. Paid channels buy members at a true cost per acquisition
 * (parameters.ts, 25% dearer in peak seasons); in-store and organic sign-ups cost nothing.
 * Each member draws a planted segment (by acquisition channel), demographics, consent flags and
 * the latent behaviour of a BG/NBD customer: a purchase rate λ and a dropout probability p
 * shifted by the planted churn drivers.
 */
import type {Random} from "../shared/random.js";
import {DAYS, SEASON_OF_DAY, WEEKDAY_ONLINE, WEEKDAY_STORE, weekday} from "./calendar.js";
import {PLANNING_AREAS, STORE_SITES, distanceKm, planningArea} from "./geography.js";
import {
  ACQUISITION_SHARE,
  APP_USER_SHARE,
  CHURN_DRIVERS,
  HIGH_RETURNER_SHARE,
  LOYALTY_TIER_SHARE,
  PEAK_CAC_FACTOR,
  RATE_SHAPE,
  SEGMENTS,
  SEGMENT_MIX_BY_CHANNEL,
  SEGMENT_TRUTH,
  TRUE_CAC
} from "./parameters.js";
import {ACQUISITION_CHANNELS, CATEGORIES, SPEND_CHANNELS, type AcquisitionChannel, type SpendChannel} from "./schema.js";

export interface Members {
  n: number;
  acquisitionDay: Int32Array;
  channel: Uint8Array; // index into ACQUISITION_CHANNELS
  segment: Uint8Array; // index into SEGMENTS
  female: Uint8Array;
  birthYear: Int32Array;
  homeArea: Uint8Array; // index into PLANNING_AREAS
  /** Stores by distance from home (indices into STORE_SITES), nearest first; the first few are used. */
  nearStores: Uint8Array[];
  appUser: Uint8Array;
  loyaltyTier: Uint8Array;
  emailOptIn: Uint8Array;
  smsOptIn: Uint8Array;
  pushOptIn: Uint8Array;
  highReturner: Uint8Array;
  /** Purchase rate while alive, per day. */
  dailyRate: Float64Array;
  /** Dropout probability after each purchase. */
  dropout: Float64Array;
  /** Multiplier of the segment's basket size. */
  basketFactor: Float64Array;
  /** Share of purchases made online on an ordinary day. */
  onlineShare: Float64Array;
  /** Category weights, 4 per member (CATEGORIES order). */
  mix: Float64Array;
}

export interface SpendDay {
  day: number;
  channel: SpendChannel;
  spend: number;
}

const logit = (p: number) => Math.log(p / (1 - p));
const expit = (x: number) => 1 / (1 + Math.exp(-x));

/** Relative acquisition intensity per day: launch burst, growth, seasons, weekday. */
function acquisitionProfile(channel: AcquisitionChannel): Float64Array {
  const out = new Float64Array(DAYS);
  const online = channel !== "in_store";
  for (let d = 0; d < DAYS; d++) {
    const launch = d < 60 ? 1 + 2.2 * (1 - d / 60) : 1;
    const growth = 0.75 + (0.5 * d) / DAYS;
    const season = SEASON_OF_DAY[d];
    const lift = season === "11.11" ? (online ? 2.2 : 1.1) : season === "Great Singapore Sale" ? 1.35 : season === "Christmas" ? 1.25 : season === "Chinese New Year" ? 1.15 : 1;
    out[d] = launch * growth * lift * (online ? WEEKDAY_ONLINE : WEEKDAY_STORE)[weekday(d)];
  }
  return out;
}

/** Daily acquisitions per channel and the media spend that bought them. */
export function simulateAcquisition(random: Random, expectedMembers: number): {perDay: {day: number; channel: number}[]; spend: SpendDay[]} {
  const perDay: {day: number; channel: number}[] = [];
  const spend: SpendDay[] = [];
  ACQUISITION_CHANNELS.forEach((channel, c) => {
    const rnd = random.fork(`acquisition-${channel}`);
    const profile = acquisitionProfile(channel);
    const total = profile.reduce((s, x) => s + x, 0);
    const paid = (SPEND_CHANNELS as readonly string[]).includes(channel);
    for (let d = 0; d < DAYS; d++) {
      const expected = (expectedMembers * ACQUISITION_SHARE[channel] * profile[d]) / total;
      let count: number;
      if (paid) {
        const season = SEASON_OF_DAY[d];
        const cac = TRUE_CAC[channel as SpendChannel] * (season === "11.11" || season === "Christmas" ? PEAK_CAC_FACTOR : 1);
        const cost = expected * cac * rnd.logNormal(-0.0072, 0.12);
        spend.push({day: d, channel: channel as SpendChannel, spend: Math.round(cost * 100) / 100});
        count = rnd.poisson(cost / cac);
      } else {
        count = rnd.poisson(expected);
      }
      for (let k = 0; k < count; k++) perDay.push({day: d, channel: c});
    }
  });
  perDay.sort((a, b) => a.day - b.day || a.channel - b.channel);
  spend.sort((a, b) => a.day - b.day || SPEND_CHANNELS.indexOf(a.channel) - SPEND_CHANNELS.indexOf(b.channel));
  return {perDay, spend};
}

/** Members with demographics, consent and latent behaviour, in order of acquisition. */
export function simulateMembers(random: Random, acquisitions: {day: number; channel: number}[]): Members {
  const n = acquisitions.length;
  const rnd = random.fork("members");
  const m: Members = {
    n,
    acquisitionDay: new Int32Array(n),
    channel: new Uint8Array(n),
    segment: new Uint8Array(n),
    female: new Uint8Array(n),
    birthYear: new Int32Array(n),
    homeArea: new Uint8Array(n),
    nearStores: [],
    appUser: new Uint8Array(n),
    loyaltyTier: new Uint8Array(n),
    emailOptIn: new Uint8Array(n),
    smsOptIn: new Uint8Array(n),
    pushOptIn: new Uint8Array(n),
    highReturner: new Uint8Array(n),
    dailyRate: new Float64Array(n),
    dropout: new Float64Array(n),
    basketFactor: new Float64Array(n),
    onlineShare: new Float64Array(n),
    mix: new Float64Array(4 * n)
  };
  const residents = PLANNING_AREAS.map((a) => a.residents);
  // Stores by distance from each planning area's centre, nearest first.
  const nearest = PLANNING_AREAS.map((area) =>
    Uint8Array.from(
      STORE_SITES.map((s, i) => {
        const home = planningArea(s.planningArea);
        return {i, d: distanceKm(area.latitude, area.longitude, home.latitude + s.dLat, home.longitude + s.dLon)};
      })
        .sort((a, b) => a.d - b.d || a.i - b.i)
        .slice(0, 6)
        .map((x) => x.i)
    )
  );
  for (let i = 0; i < n; i++) {
    const {day, channel} = acquisitions[i];
    const channelName = ACQUISITION_CHANNELS[channel];
    const s = rnd.weightedIndex(SEGMENT_MIX_BY_CHANNEL[channelName]);
    const truth = SEGMENT_TRUTH[SEGMENTS[s]];
    m.acquisitionDay[i] = day;
    m.channel[i] = channel;
    m.segment[i] = s;
    m.female[i] = rnd.bernoulli(0.52) ? 1 : 0;
    m.birthYear[i] = 2023 - Math.round(rnd.between(truth.age[0], truth.age[1]));
    const area = rnd.weightedIndex(residents);
    m.homeArea[i] = area;
    m.nearStores.push(nearest[area]);
    const app = rnd.bernoulli(APP_USER_SHARE);
    const tier = rnd.bernoulli(LOYALTY_TIER_SHARE);
    const returner = rnd.bernoulli(HIGH_RETURNER_SHARE);
    m.appUser[i] = app ? 1 : 0;
    m.loyaltyTier[i] = tier ? 1 : 0;
    m.highReturner[i] = returner ? 1 : 0;
    m.emailOptIn[i] = rnd.bernoulli(0.78) ? 1 : 0;
    m.smsOptIn[i] = rnd.bernoulli(0.5) ? 1 : 0;
    m.pushOptIn[i] = app && rnd.bernoulli(0.72) ? 1 : 0;
    m.dailyRate[i] = rnd.gamma(RATE_SHAPE, truth.weeklyRate / RATE_SHAPE) / 7;
    const shift =
      CHURN_DRIVERS.highReturner * (returner ? 1 : 0) +
      CHURN_DRIVERS.paidSocial * (channelName === "paid_social" ? 1 : 0) +
      CHURN_DRIVERS.appUser * (app ? 1 : 0) +
      CHURN_DRIVERS.loyaltyTier * (tier ? 1 : 0);
    m.dropout[i] = Math.min(0.95, Math.max(0.004, expit(logit(truth.dropout) + shift + rnd.normal(0, 0.3))));
    m.basketFactor[i] = rnd.gamma(5, 1 / 5);
    m.onlineShare[i] = rnd.beta(12 * truth.onlineShare, 12 * (1 - truth.onlineShare));
    let total = 0;
    for (let c = 0; c < 4; c++) {
      const w = rnd.gamma(25 * truth.mix[CATEGORIES[c]], 1);
      m.mix[4 * i + c] = w;
      total += w;
    }
    for (let c = 0; c < 4; c++) m.mix[4 * i + c] /= total;
  }
  return m;
}
