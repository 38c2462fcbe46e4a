/**
 * The real-time marketing simulation: subscribers of sixteen cities walk, browse and buy for
 * three weeks while the platform matches them to geofenced offers, runs auctions and sends
 * notifications, which raise the chance of a purchase at the notifying vendor for a while.
 *
 * Generative model (true parameters exported in TRUTH):
 *   - Each subscriber lives in one city, joins (15% during the period) and may churn (daily
 *     hazard), is active on a day with its own probability, in one session of ~5 hours starting in
 *     the morning, at noon or in the evening (local time). While active the app reports a location
 *     tick every 5 minutes: the subscriber walks from home toward random targets (half of them near
 *     the city's hotspots) at its own speed, lingering a few ticks at each.
 *   - At each tick: a web request to a vendor's domain with probability 0.12 (favourite vendors
 *     first); an organic purchase with the subscriber's hazard λ (per tick), at a favourite vendor
 *     with probability FAVOURITE_SHARE, else at a vendor of the city by popularity. So the organic
 *     hazard of subscriber s at vendor v is h0(s,v) = λ_s (0.6 fav_s(v) + 0.4 pop_c(v)).
 *   - Matching (matching.ts): offers whose zone holds the tick's location and whose segments all
 *     hold the subscriber; rate limits; second-price auction; the winner is sent 1–20 s later.
 *   - True lift: after a notification from vendor v at time n, for Δ = t − n within the
 *     attribution window, the hazard at v becomes
 *         h(s,v,t) = h0(s,v) · (1 + L·d(Δ)) + α·d(Δ),   d(Δ) = 2^(−Δ / half-life)
 *     (L multiplies loyal customers' own propensity, α reaches everyone), from the tick after the
 *     notification on. Per notification the simulation keeps the true probability of at least one
 *     purchase at v within the window with (p1) and without (p0) the notification, over the
 *     subscriber's actual active ticks: ATT = mean(p1 − p0); the same over the first 60 minutes
 *     (INCREMENTALITY_WINDOW_MINUTES) is the truth the incrementality page checks.
 *   - The mess the transforms must clean: 4% of purchases are re-sent 1–2 times (retries, same
 *     natural key, new event_id, received seconds later); 3% arrive 1–30 hours late; purchases
 *     before a notification occur naturally (loyal customers targeted by purchase segments, and
 *     purchases in the seconds before a send).
 *
 * Scales (same world, cities, offers and 21 days; rows at seed 42, see docs/rtm.md):
 *   tiny 150 subscribers (~0.1 M events) · small 1,200 (~0.9 M) · default 4,500 (~3.4 M) ·
 *   large 18,000 (~13.5 M)
 * Generation is subscriber by subscriber and streams column batches: memory holds one batch per
 * table and one subscriber's state, however large the scale.
 */
import type {BuildOptions, Scale} from "../shared/options.js";
import {Random} from "../shared/random.js";
import type {ColumnBatch} from "../shared/schema.js";
import type {TableColumns} from "../shared/validate.js";
import {distanceMeters, offsetMeters, pointInRing} from "./geo.js";
import {decide, emptyHistory, type Candidate} from "./matching.js";
import {createCellEncoder} from "./openLocationCode.js";
import {buildWorld, CATEGORY_PROFILE, pointInDisc, worldTables, type City, type Offer, type World} from "./world.js";

export const SUBSCRIBERS_PER_SCALE: Record<Scale, number> = {tiny: 150, small: 1200, default: 4500, large: 18000};

export const PERIOD_START = "2025-03-03";
export const PERIOD_DAYS = 21;
export const TICK_MS = 5 * 60_000;
/** Attribution window of the report (hours): also the window of the true lift. */
export const ATTRIBUTION_WINDOW_HOURS = 24;
/**
 * Window of the incrementality comparison (minutes): the subscriber rate-limit interval, so that a
 * subscriber outbid at a tick (who was just notified by the winner) cannot be notified within it.
 */
export const INCREMENTALITY_WINDOW_MINUTES = 60;

/** The true parameters of the simulation. */
export const TRUTH = {
  /** Multiplier on the subscriber's own hazard at the vendor right after a notification. */
  liftMultiplier: 3,
  /** Hazard per tick added for anyone right after a notification. */
  liftAdditivePerTick: 0.0012,
  /** Half-life of the lift (minutes). */
  liftHalfLifeMinutes: 60,
  /** Share of organic purchases at one of the subscriber's three favourite vendors. */
  favouriteShare: 0.6,
  favouriteWeights: [0.5, 0.3, 0.2],
  /** Mean organic purchases per active hour (gamma across subscribers, shape 2). */
  purchasesPerActiveHour: 0.06,
  webRequestPerTick: 0.12,
  retryShare: 0.04,
  lateShare: 0.03,
  signupDuringPeriodShare: 0.15,
  dailyChurnHazard: 0.012
} as const;

export const PERIOD_START_MS = Date.UTC(2025, 2, 3);

/** One batch of rows for one table (raw tables, plus `truth_notifications`). */
export interface TableBatch {
  table: string;
  batch: ColumnBatch;
}

/** Hidden truth per notification (not a raw table: real data has no such thing). */
export const TRUTH_TABLE = "truth_notifications";

class Buffer {
  rows = 0;
  columns: Record<string, unknown[]>;
  constructor(
    readonly table: string,
    readonly names: readonly string[]
  ) {
    this.columns = Object.fromEntries(names.map((n) => [n, []]));
  }
  take(): TableBatch {
    const batch = this.columns;
    this.columns = Object.fromEntries(this.names.map((n) => [n, []]));
    this.rows = 0;
    return {table: this.table, batch};
  }
}

interface OpenNotification {
  id: number;
  vendorId: number;
  sentAt: number;
  baseHazard: number; // h0(s, v) per tick
  sumBase: number;
  sumExtra: number;
  /** The same sums over the first INCREMENTALITY_WINDOW_MINUTES only. */
  sumBaseEarly: number;
  sumExtraEarly: number;
}

const round2 = (v: number) => Math.round(v * 100) / 100;
const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

/** The world of a seed (cities, vendors, offers, segments): identical at every scale. */
export function simulationWorld(seed: number): World {
  return buildWorld(new Random(seed).fork("rtm"));
}

/**
 * Streams the raw tables (and the hidden truth) as column batches of about `batchRows` rows (small
 * batches die young in V8's new space instead of growing the old one):
 * first the dimensions, then events subscriber by subscriber.
 */
export function* simulateRtmBatches({seed, scale}: Pick<BuildOptions, "seed" | "scale">, {batchRows = 8_192}: {batchRows?: number} = {}): Generator<TableBatch> {
  const root = new Random(seed).fork("rtm");
  const world = buildWorld(root);
  for (const [table, batch] of worldTables(world)) yield {table, batch};

  const encodeCell = createCellEncoder();
  const liftDecayPerMs = Math.LN2 / (TRUTH.liftHalfLifeMinutes * 60_000);
  const windowMs = ATTRIBUTION_WINDOW_HOURS * 3_600_000;
  const earlyMs = INCREMENTALITY_WINDOW_MINUTES * 60_000;

  // Per city: offers, vendor popularity shares, cell-segment lookup.
  const segmentsByCell = new Map<string, number[]>();
  const segmentsByDomain = new Map<string, number[]>();
  const segmentsByVendor = new Map<string, number[]>();
  for (const s of world.segments) {
    const map = s.kind === "cell" ? segmentsByCell : s.kind === "domain" ? segmentsByDomain : segmentsByVendor;
    map.set(s.target, [...(map.get(s.target) ?? []), s.id - 1]);
  }
  const domainSegments = world.vendors.map((v) => segmentsByDomain.get(v.domain) ?? []);
  const purchaseSegments = world.vendors.map((v) => segmentsByVendor.get(String(v.id)) ?? []);
  const segmentWindow = world.segments.map((s) => s.windowMs);
  const cityInfo = new Map<number, {offers: Offer[]; vendors: number[]; popularity: number[]; popularityShare: Map<number, number>}>();
  for (const city of world.cities) {
    const vendors = world.cityVendors.get(city.id)!;
    const popularity = vendors.map((v) => world.vendors[v - 1].popularity);
    const total = popularity.reduce((a, b) => a + b, 0);
    cityInfo.set(city.id, {offers: world.offers.filter((o) => o.cityId === city.id), vendors, popularity, popularityShare: new Map(vendors.map((v, i) => [v, popularity[i] / total]))});
  }
  const cityWeights = world.cities.map((c) => c.weight);

  const subscribersOut = new Buffer("subscribers", ["subscriber_id", "city_id", "signed_up_at"]);
  const locationsOut = new Buffer("locations", ["subscriber_id", "recorded_at", "latitude", "longitude", "olc"]);
  const requestsOut = new Buffer("web_requests", ["subscriber_id", "requested_at", "domain"]);
  const purchasesOut = new Buffer("purchases", ["event_id", "subscriber_id", "vendor_id", "purchased_at", "received_at", "amount", "latitude", "longitude"]);
  const matchesOut = new Buffer("offer_matches", ["decision_id", "subscriber_id", "matched_at", "offer_id", "bid", "outcome"]);
  const notificationsOut = new Buffer("notifications", ["notification_id", "decision_id", "subscriber_id", "offer_id", "notified_at", "price", "latitude", "longitude"]);
  const truthOut = new Buffer(TRUTH_TABLE, ["notification_id", "p_without", "p_with", "p_without_early", "p_with_early"]);
  const buffers = [subscribersOut, locationsOut, requestsOut, purchasesOut, matchesOut, notificationsOut, truthOut];

  let eventId = 0;
  let decisionId = 0;
  let notificationId = 0;
  const segmentSeen = new Float64Array(world.segments.length);
  const candidates: Candidate[] = [];
  const candidateOffers: Offer[] = [];

  const count = SUBSCRIBERS_PER_SCALE[scale];
  const people = root.fork("subscribers");
  for (let sid = 1; sid <= count; sid++) {
    const random = people.fork(sid);
    const city: City = random.pickWeighted(world.cities, cityWeights);
    const info = cityInfo.get(city.id)!;
    const radius = (city.diameterKm * 1000) / 2;
    const signupDay = random.bernoulli(TRUTH.signupDuringPeriodShare) ? random.int(PERIOD_DAYS) : -random.intBetween(1, 400);
    const signedUpAt = PERIOD_START_MS + signupDay * 86_400_000 - city.utcOffsetHours * 3_600_000 + random.int(86_400_000);
    const churnDay = Math.max(signupDay, 0) + Math.floor(random.exponential(TRUTH.dailyChurnHazard));
    const activity = random.beta(4, 3);
    const home = pointInDisc(random, city.longitude, city.latitude, radius);
    const speed = random.logNormal(Math.log(1.3), 0.35) * (random.bernoulli(0.1) ? 3 : 1); // m/s
    const hazard = random.gamma(2, TRUTH.purchasesPerActiveHour / 2) / 12; // per 5-minute tick
    const favourites: number[] = [];
    const pool = [...info.vendors];
    const weights = [...info.popularity];
    for (let k = 0; k < 3 && pool.length > 0; k++) {
      const i = random.weightedIndex(weights);
      favourites.push(pool[i]);
      pool.splice(i, 1);
      weights.splice(i, 1);
    }
    const favouriteWeight = (vendorId: number) => {
      const k = favourites.indexOf(vendorId);
      return k < 0 ? 0 : TRUTH.favouriteWeights[k];
    };
    const baseHazardAt = (vendorId: number) => hazard * (TRUTH.favouriteShare * favouriteWeight(vendorId) + (1 - TRUTH.favouriteShare) * (info.popularityShare.get(vendorId) ?? 0));

    subscribersOut.columns.subscriber_id.push(sid);
    subscribersOut.columns.city_id.push(city.id);
    subscribersOut.columns.signed_up_at.push(signedUpAt);
    subscribersOut.rows++;

    segmentSeen.fill(-Infinity);
    const history = emptyHistory();
    const open: OpenNotification[] = [];
    const closeNotification = (n: OpenNotification) => {
      truthOut.columns.notification_id.push(n.id);
      truthOut.columns.p_without.push(1 - Math.exp(-n.sumBase));
      truthOut.columns.p_with.push(1 - Math.exp(-(n.sumBase + n.sumExtra)));
      truthOut.columns.p_without_early.push(1 - Math.exp(-n.sumBaseEarly));
      truthOut.columns.p_with_early.push(1 - Math.exp(-(n.sumBaseEarly + n.sumExtraEarly)));
      truthOut.rows++;
    };
    const purchase = (vendorId: number, at: number, lon: number, lat: number) => {
      const amount = round2(CATEGORY_PROFILE[world.vendors[vendorId - 1].category].averageOrder * random.logNormal(-0.08, 0.4));
      let receivedAt = at + random.int(20_000) + 500;
      if (random.bernoulli(TRUTH.lateShare)) receivedAt += random.intBetween(3_600_000, 30 * 3_600_000);
      const copies = random.bernoulli(TRUTH.retryShare) ? (random.bernoulli(0.3) ? 3 : 2) : 1;
      for (let c = 0; c < copies; c++) {
        const p = purchasesOut.columns;
        p.event_id.push(++eventId);
        p.subscriber_id.push(sid);
        p.vendor_id.push(vendorId);
        p.purchased_at.push(at);
        p.received_at.push(receivedAt);
        p.amount.push(amount);
        p.latitude.push(lat);
        p.longitude.push(lon);
        purchasesOut.rows++;
        receivedAt += random.intBetween(2_000, 180_000);
      }
      for (const s of purchaseSegments[vendorId - 1]) segmentSeen[s] = at;
    };

    let [lon, lat] = home;
    let target = home;
    let dwell = 0;
    for (let day = Math.max(0, signupDay); day < Math.min(PERIOD_DAYS, churnDay); day++) {
      if (day !== signupDay && !random.bernoulli(activity)) continue;
      const midnight = PERIOD_START_MS + day * 86_400_000 - city.utcOffsetHours * 3_600_000;
      const mode = random.uniform();
      const startHour = mode < 0.4 ? random.normal(8, 1.5) : mode < 0.7 ? random.normal(12.5, 1) : random.normal(18, 1.5);
      const startMinute = Math.max(0, Math.min(23 * 60, Math.round(startHour * 60)));
      const minutes = Math.min(24 * 60 - startMinute, Math.max(20, random.gamma(3, 100)));
      const ticks = Math.floor(minutes / 5);
      const phase = random.int(60_000);
      [lon, lat] = home;
      target = home;
      dwell = 0;
      for (let k = 0; k < ticks; k++) {
        const t = midnight + startMinute * 60_000 + k * TICK_MS + phase;
        // Move toward the target; on arrival linger, then pick a new target.
        if (dwell > 0) dwell--;
        else {
          const remaining = distanceMeters(lon, lat, target[0], target[1]);
          const step = speed * 300 * random.between(0.7, 1.3);
          if (remaining <= step) {
            [lon, lat] = target;
            dwell = Math.floor(random.exponential(1 / 3));
            const spots = world.hotspots.get(city.id)!;
            target = random.bernoulli(0.5) ? pointInDisc(random, ...random.pick(spots), 300) : pointInDisc(random, city.longitude, city.latitude, radius);
          } else {
            const f = step / remaining;
            lon += (target[0] - lon) * f;
            lat += (target[1] - lat) * f;
          }
        }
        const tickLon = round6(lon);
        const tickLat = round6(lat);
        const cell = encodeCell(tickLat, tickLon).code;
        const l = locationsOut.columns;
        l.subscriber_id.push(sid);
        l.recorded_at.push(t);
        l.latitude.push(tickLat);
        l.longitude.push(tickLon);
        l.olc.push(cell);
        locationsOut.rows++;
        const cellSegments = segmentsByCell.get(cell);
        if (cellSegments) for (const s of cellSegments) segmentSeen[s] = t;

        // Matching: zone, then segments (events up to the tick's time), then rate limits and auction.
        if (candidates.length > 0) {
          candidates.length = 0;
          candidateOffers.length = 0;
        }
        for (const o of info.offers) {
          const b = o.box;
          if (tickLon < b.minLon || tickLon > b.maxLon || tickLat < b.minLat || tickLat > b.maxLat) continue;
          if (!pointInRing(tickLon, tickLat, o.zone)) continue;
          let inSegments = true;
          for (const s of o.segmentIds) if (!(t - segmentSeen[s - 1] <= segmentWindow[s - 1])) inSegments = false;
          if (!inSegments) continue;
          candidates.push({offerId: o.id, bid: o.maxBid});
          candidateOffers.push(o);
        }
        if (candidates.length > 0) {
          decisionId++;
          const sentAt = t + 1_000 + random.int(19_000);
          const decision = decide(candidates, history, t, {sentAt});
          for (let i = 0; i < candidates.length; i++) {
            const m = matchesOut.columns;
            m.decision_id.push(decisionId);
            m.subscriber_id.push(sid);
            m.matched_at.push(t);
            m.offer_id.push(candidates[i].offerId);
            m.bid.push(candidates[i].bid);
            m.outcome.push(decision.outcomes[i]);
            matchesOut.rows++;
          }
          if (decision.winner !== null) {
            const offer = candidateOffers[candidates.findIndex((c) => c.offerId === decision.winner)];
            const n = notificationsOut.columns;
            n.notification_id.push(++notificationId);
            n.decision_id.push(decisionId);
            n.subscriber_id.push(sid);
            n.offer_id.push(offer.id);
            n.notified_at.push(sentAt);
            n.price.push(round2(decision.price));
            n.latitude.push(tickLat);
            n.longitude.push(tickLon);
            notificationsOut.rows++;
            // The organic chance within the rest of this tick counts toward the window too.
            const baseHazard = baseHazardAt(offer.vendorId);
            open.push({id: notificationId, vendorId: offer.vendorId, sentAt, baseHazard, sumBase: baseHazard, sumExtra: 0, sumBaseEarly: baseHazard, sumExtraEarly: 0});
          }
        }

        // Lift of open notifications, and their true purchase probabilities, for this tick (after matching: purchases
        // made during the tick cannot put the subscriber in a segment at the tick's own decision).
        for (let i = open.length - 1; i >= 0; i--) {
          const n = open[i];
          const delta = t - n.sentAt;
          if (delta > windowMs) {
            closeNotification(n);
            open.splice(i, 1);
            continue;
          }
          if (delta <= 0) continue;
          const decay = Math.exp(-liftDecayPerMs * delta);
          const extra = n.baseHazard * TRUTH.liftMultiplier * decay + TRUTH.liftAdditivePerTick * decay;
          n.sumBase += n.baseHazard;
          n.sumExtra += extra;
          if (delta <= earlyMs) {
            n.sumBaseEarly += n.baseHazard;
            n.sumExtraEarly += extra;
          }
          if (random.bernoulli(extra)) purchase(n.vendorId, t + random.int(TICK_MS), tickLon, tickLat);
        }

        // Web requests and organic purchases during the tick (after its matching).
        if (random.bernoulli(TRUTH.webRequestPerTick)) {
          const vendorId = random.bernoulli(0.6) ? random.pickWeighted(favourites, TRUTH.favouriteWeights.slice(0, favourites.length)) : random.pickWeighted(info.vendors, info.popularity);
          const at = t + random.int(TICK_MS);
          const r = requestsOut.columns;
          r.subscriber_id.push(sid);
          r.requested_at.push(at);
          r.domain.push(world.vendors[vendorId - 1].domain);
          requestsOut.rows++;
          for (const s of domainSegments[vendorId - 1]) segmentSeen[s] = at;
        }
        if (random.bernoulli(hazard)) {
          const vendorId = random.bernoulli(TRUTH.favouriteShare) ? random.pickWeighted(favourites, TRUTH.favouriteWeights.slice(0, favourites.length)) : random.pickWeighted(info.vendors, info.popularity);
          purchase(vendorId, t + random.int(TICK_MS), tickLon, tickLat);
        }
      }
    }
    for (const n of open) closeNotification(n);
    for (const b of buffers) if (b.rows >= batchRows) yield b.take();
  }
  for (const b of buffers) if (b.rows > 0) yield b.take();
}

/** The whole simulation in memory (tests and small scales): raw tables and the truth table. */
export function simulateRtm(options: Pick<BuildOptions, "seed" | "scale">): Map<string, TableColumns> {
  const tables = new Map<string, TableColumns>();
  for (const {table, batch} of simulateRtmBatches(options)) {
    const into = tables.get(table);
    if (!into) tables.set(table, Object.fromEntries(Object.entries(batch).map(([k, v]) => [k, [...(v as unknown[])]])));
    else for (const [k, v] of Object.entries(batch)) for (const x of v as unknown[]) into[k].push(x);
  }
  return tables;
}
