// Rate limits and the auction at a tick (data-loaders/rtm/matching.ts), on hand-made sequences.
import {describe, expect, it} from "vitest";
import {decide, emptyHistory, RATE_LIMITS} from "../../data-loaders/rtm/matching.js";

const MIN = 60_000;
const HOUR = 60 * MIN;

describe("decide", () => {
  it("sends the highest bid and logs the others as outbid", () => {
    const h = emptyHistory();
    const d = decide([{offerId: 1, bid: 0.3}, {offerId: 2, bid: 0.8}], h, 0);
    expect(d).toEqual({outcomes: ["outbid", "won"], winner: 2, price: 0.3});
    expect(h.lastNotifiedAt).toBe(0);
  });

  it("holds every offer back within the subscriber interval, and allows exactly at its end", () => {
    const h = emptyHistory();
    decide([{offerId: 1, bid: 0.5}], h, 0);
    expect(decide([{offerId: 2, bid: 2}], h, 59 * MIN).outcomes).toEqual(["rate_limited_subscriber"]);
    expect(decide([{offerId: 2, bid: 2}], h, RATE_LIMITS.subscriberIntervalMs)).toMatchObject({winner: 2});
  });

  it("never sends the same offer twice within the offer interval, letting another offer win instead", () => {
    const h = emptyHistory();
    decide([{offerId: 1, bid: 1}], h, 0);
    const d = decide([{offerId: 1, bid: 1}, {offerId: 3, bid: 0.2}], h, 2 * HOUR);
    expect(d.outcomes).toEqual(["rate_limited_offer", "won"]);
    expect(d.price).toBe(0.05); // offer 3 is alone in the auction: reserve price
    expect(decide([{offerId: 1, bid: 1}], h, 23 * HOUR).outcomes).toEqual(["rate_limited_offer"]);
    expect(decide([{offerId: 1, bid: 1}], h, 26 * HOUR).winner).toBe(1);
  });

  it("sends nothing when every offer is rate limited, and keeps the history unchanged", () => {
    const h = emptyHistory();
    decide([{offerId: 1, bid: 1}], h, 0);
    const before = h.lastNotifiedAt;
    expect(decide([{offerId: 1, bid: 1}], h, 3 * HOUR)).toEqual({outcomes: ["rate_limited_offer"], winner: null, price: 0});
    expect(h.lastNotifiedAt).toBe(before);
  });
});
