/**
 * The platform's decision at a tick, once the offers that match a subscriber are known (inside the
 * zone, in every required segment): rate limits first, then the auction.
 *
 * Rate limits (both strict: a gap equal to the interval is allowed):
 *   - subscriber interval: no notification if the subscriber received any within the last 60 min;
 *     every matching offer is then logged as `rate_limited_subscriber` and no auction runs;
 *   - offer interval: an offer that notified this subscriber within the last 24 h is left out of
 *     the auction (`rate_limited_offer`), so the same offer never reaches a subscriber twice a day.
 * The remaining offers bid their maximum bid in a second-price auction (src/analytics/auction.ts):
 * the winner is `won` and is sent, the others are `outbid`.
 * Tests: test/rtm/matching.test.ts.
 */
import {runAuction, type AuctionOptions} from "../../src/analytics/auction.js";
import type {MatchOutcome} from "./schema.js";

export interface RateLimits {
  subscriberIntervalMs: number;
  offerIntervalMs: number;
}

export const RATE_LIMITS: RateLimits = {subscriberIntervalMs: 60 * 60_000, offerIntervalMs: 24 * 3_600_000};

/** What the platform remembers about a subscriber's notifications. */
export interface NotificationHistory {
  /** Time of the last notification (ms), -Infinity if none. */
  lastNotifiedAt: number;
  /** Time of the last notification of each offer (ms). */
  lastByOffer: Map<number, number>;
}

export function emptyHistory(): NotificationHistory {
  return {lastNotifiedAt: -Infinity, lastByOffer: new Map()};
}

export interface Candidate {
  offerId: number;
  bid: number;
}

export interface Decision {
  /** One outcome per candidate, in the candidates' order. */
  outcomes: MatchOutcome[];
  winner: number | null;
  price: number;
}

/**
 * Decides which matching offer (if any) is sent at time `at`, and records the notification in
 * `history` when one is sent at `sentAt` (the send time; defaults to `at`).
 */
export function decide(candidates: readonly Candidate[], history: NotificationHistory, at: number, {limits = RATE_LIMITS, auction = {}, sentAt = at}: {limits?: RateLimits; auction?: AuctionOptions; sentAt?: number} = {}): Decision {
  if (at - history.lastNotifiedAt < limits.subscriberIntervalMs) {
    return {outcomes: candidates.map(() => "rate_limited_subscriber"), winner: null, price: 0};
  }
  const outcomes: MatchOutcome[] = candidates.map((c) => (at - (history.lastByOffer.get(c.offerId) ?? -Infinity) < limits.offerIntervalMs ? "rate_limited_offer" : "outbid"));
  const eligible = candidates.filter((_, i) => outcomes[i] === "outbid");
  const {winner, price} = runAuction(eligible, auction);
  if (winner !== null) {
    outcomes[candidates.findIndex((c) => c.offerId === winner)] = "won";
    history.lastNotifiedAt = sentAt;
    history.lastByOffer.set(winner, sentAt);
  }
  return {outcomes, winner, price};
}
