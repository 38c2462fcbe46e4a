/**
 * When members and guests buy, and where. A member buys as a BG/NBD customer: from the sign-up day
 * (the first purchase) purchases arrive as a Poisson process of rate λ modulated by the calendar
 * (seasons, weekdays, promotions for the promotion-sensitive), and after each purchase the member
 * drops out for good with probability p. The modulation has mean one over the window, so λ is the
 * member's average rate. Each purchase goes online with the member's online share (higher on 11.11)
 * and otherwise to a store near home. Guests (no card) buy at stores and on the website.
 */
import type {Random} from "../shared/random.js";
import {DAILY_DEMAND, DAYS, dayIndex} from "./calendar.js";
import type {Promotion} from "./catalog.js";
import {FORMAT_TRAFFIC, STORE_SITES} from "./geography.js";
import type {Members} from "./simulateMembers.js";
import {SEGMENTS, SEGMENT_TRUTH} from "./parameters.js";

/** Orders before items: who, when, where. Appended to by the campaign simulation. */
export interface OrderLog {
  member: number[]; // -1 for a guest
  day: number[];
  minute: number[]; // minute of the day, SGT
  channel: number[]; // 0 store, 1 web, 2 app
  store: number[]; // index into STORE_SITES, -1 online
  /** Campaign index that caused this extra order, -1 for an ordinary one. */
  campaign: number[];
}

export interface PurchaseTruth {
  /** Day of the purchase after which the member dropped out (Infinity while alive at the end). */
  dropDay: Float64Array;
  /** Each member's ordinary purchase days, sorted (CSR: days[offsets[i]..offsets[i+1]]). */
  offsets: Int32Array;
  days: Int32Array;
}

const STORE_HOURS = [0, 0, 0, 0, 0, 0, 0, 0, 2, 4, 6, 8, 9, 8, 6, 6, 7, 9, 10, 9, 7, 4, 2, 0];
const ONLINE_HOURS = [2, 1, 1, 0.5, 0.5, 0.5, 1, 2, 3, 4, 5, 5, 6, 6, 5, 5, 5, 6, 7, 8, 9, 9, 7, 4];

export const OPENED_DAY: Int32Array = Int32Array.from(STORE_SITES.map((s) => dayIndex(s.opened)));

function minuteOfDay(random: Random, hours: readonly number[]): number {
  return random.weightedIndex(hours) * 60 + random.int(60);
}

const mean = (a: Float64Array) => a.reduce((s, x) => s + x, 0) / a.length;

/** Promotion intensity per day: 1 in a seasonal sale, 0.5 on a payday weekend, 0 otherwise. */
export function promotionIntensity(promotions: readonly Promotion[]): Float64Array {
  const out = new Float64Array(DAYS);
  for (const p of promotions) {
    const level = p.name.startsWith("Payday") ? 0.5 : 1;
    for (let d = Math.max(0, dayIndex(p.start)); d <= Math.min(DAYS - 1, dayIndex(p.end)); d++) out[d] = Math.max(out[d], level);
  }
  return out;
}

/** A store near home that is open on day d: the nearest usually, sometimes the second or third. */
export function chooseStore(random: Random, near: Uint8Array, day: number): number {
  const open: number[] = [];
  for (const s of near) if (OPENED_DAY[s] <= day) open.push(s);
  const u = random.uniform();
  return open[u < 0.78 || open.length === 1 ? 0 : u < 0.94 || open.length === 2 ? 1 : 2];
}

/** The calendar modulation of members' purchase rate: normalised store and online demand, each segment's promotion factor and its bound. */
export interface MemberDemand {
  store: Float64Array;
  online: Float64Array;
  factor: Float64Array[];
  bound: number[];
}

export function memberDemand(promotions: readonly Promotion[]): MemberDemand {
  const store = DAILY_DEMAND.store.map((x, _, a) => x / mean(a));
  const online = DAILY_DEMAND.online.map((x, _, a) => x / mean(a));
  const promo = promotionIntensity(promotions);
  const factor = SEGMENTS.map((s) => {
    const f = promo.map((x) => 1 + (SEGMENT_TRUTH[s].promoSensitivity - 1) * x);
    return f.map((x) => x / mean(f));
  });
  const bound = factor.map((f) => {
    let max = 0;
    for (let d = 0; d < DAYS; d++) max = Math.max(max, Math.max(store[d], online[d]) * f[d]);
    return max;
  });
  return {store, online, factor, bound};
}

/** Expected ordinary purchases of a live member over days [from, to] (λ times the integrated modulation). */
export function expectedPurchasesBetween(demand: MemberDemand, members: Members, i: number, from: number, to: number): number {
  const omega = members.onlineShare[i];
  const f = demand.factor[members.segment[i]];
  let sum = 0;
  for (let d = Math.max(0, from); d <= Math.min(DAYS - 1, to); d++) sum += ((1 - omega) * demand.store[d] + omega * demand.online[d]) * f[d];
  return members.dailyRate[i] * sum;
}

export function simulateMemberPurchases(random: Random, members: Members, demand: MemberDemand, log: OrderLog): PurchaseTruth {
  const {store, online, factor, bound} = demand;
  const dropDay = new Float64Array(members.n).fill(Infinity);
  const offsets = new Int32Array(members.n + 1);
  const days: number[] = [];
  const rnd = random.fork("purchases");
  for (let i = 0; i < members.n; i++) {
    offsets[i] = days.length;
    const s = members.segment[i];
    const omega = members.onlineShare[i];
    const lambda = members.dailyRate[i];
    const f = factor[s];
    const place = (d: number, first: boolean) => {
      const m = (1 - omega) * store[d] + omega * online[d];
      const goesOnline = first ? members.channel[i] !== 0 : rnd.uniform() < (omega * online[d]) / m;
      const channel = goesOnline ? (members.appUser[i] && rnd.uniform() < 0.75 ? 2 : 1) : 0;
      log.member.push(i);
      log.day.push(d);
      log.minute.push(minuteOfDay(rnd, channel === 0 ? STORE_HOURS : ONLINE_HOURS));
      log.channel.push(channel);
      log.store.push(channel === 0 ? chooseStore(rnd, members.nearStores[i], d) : -1);
      log.campaign.push(-1);
      days.push(d);
    };
    let t = members.acquisitionDay[i];
    place(t, true);
    if (rnd.uniform() < members.dropout[i]) {
      dropDay[i] = t;
      continue;
    }
    let time = t + rnd.uniform(); // continuous days
    for (;;) {
      time += rnd.exponential(lambda * bound[s]);
      const d = Math.floor(time);
      if (d >= DAYS) break;
      const m = ((1 - omega) * store[d] + omega * online[d]) * f[d];
      if (rnd.uniform() * bound[s] > m) continue;
      place(d, false);
      if (rnd.uniform() < members.dropout[i]) {
        dropDay[i] = d;
        break;
      }
    }
  }
  offsets[members.n] = days.length;
  return {dropDay, offsets, days: Int32Array.from(days)};
}

/** Guests: till purchases without a card at every open store, and web guest checkouts, fading slowly as members replace them. */
export function simulateGuestPurchases(random: Random, guestsPerDay: number, log: OrderLog): void {
  const rnd = random.fork("guests");
  const traffic = STORE_SITES.map((s) => FORMAT_TRAFFIC[s.format] * rnd.between(0.8, 1.2));
  const totalTraffic = traffic.reduce((a, b) => a + b, 0);
  for (let d = 0; d < DAYS; d++) {
    const fade = 1 - (0.35 * d) / DAYS;
    for (let s = 0; s < STORE_SITES.length; s++) {
      if (OPENED_DAY[s] > d) continue;
      const ramp = Math.min(1, 0.5 + (d - OPENED_DAY[s]) / 240); // new stores ramp up over 8 months
      const count = rnd.poisson(((0.85 * guestsPerDay * traffic[s]) / totalTraffic) * DAILY_DEMAND.store[d] * fade * ramp);
      for (let k = 0; k < count; k++) {
        log.member.push(-1);
        log.day.push(d);
        log.minute.push(minuteOfDay(rnd, STORE_HOURS));
        log.channel.push(0);
        log.store.push(s);
        log.campaign.push(-1);
      }
    }
    const web = rnd.poisson(0.15 * guestsPerDay * DAILY_DEMAND.online[d] * fade);
    for (let k = 0; k < web; k++) {
      log.member.push(-1);
      log.day.push(d);
      log.minute.push(minuteOfDay(rnd, ONLINE_HOURS));
      log.channel.push(1);
      log.store.push(-1);
      log.campaign.push(-1);
    }
  }
}
