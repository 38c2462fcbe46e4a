// The streaming simulation at tiny scale: deterministic, batches bounded (memory stays flat), and
// its raw output obeys the platform's rules when checked independently of the SQL data tests.
import {createHash} from "node:crypto";
import {beforeAll, describe, expect, it} from "vitest";
import {RATE_LIMITS} from "../../data-loaders/rtm/matching.js";
import {encodeOpenLocationCode} from "../../data-loaders/rtm/openLocationCode.js";
import {PERIOD_DAYS, simulateRtm, simulateRtmBatches, TICK_MS} from "../../data-loaders/rtm/simulate.js";
import type {TableColumns} from "../../data-loaders/shared/validate.js";
import {runAuction} from "../../src/analytics/auction.js";

const digest = (seed: number) => {
  const hash = createHash("sha256");
  for (const {table, batch} of simulateRtmBatches({seed, scale: "tiny"})) hash.update(table + JSON.stringify(batch));
  return hash.digest("hex");
};

let tables: Map<string, TableColumns>;
beforeAll(() => {
  tables = simulateRtm({seed: 42, scale: "tiny"});
});

describe("simulateRtmBatches", () => {
  it("gives the same stream for the same seed and another for another seed", () => {
    expect(digest(3)).toBe(digest(3));
    expect(digest(4)).not.toBe(digest(3));
  });

  it("streams events in bounded batches: at most the batch size plus one subscriber's rows", () => {
    const batchRows = 2_000;
    const maxTicksPerSubscriber = (PERIOD_DAYS * 86_400_000) / TICK_MS;
    let locationBatches = 0;
    for (const {table, batch} of simulateRtmBatches({seed: 42, scale: "tiny"}, {batchRows})) {
      const n = (Object.values(batch)[0] as unknown[]).length;
      if (table === "locations") {
        locationBatches++;
        expect(n).toBeLessThan(batchRows + maxTicksPerSubscriber);
      }
    }
    expect(locationBatches).toBeGreaterThan(10);
  });
});

describe("the simulated platform's raw output", () => {
  it("records each tick's 8-digit Open Location Code", () => {
    const l = tables.get("locations")!;
    for (let i = 0; i < l.olc.length; i += 997) expect(l.olc[i]).toBe(encodeOpenLocationCode(l.latitude[i] as number, l.longitude[i] as number, 8));
  });

  it("never notifies a subscriber twice within the subscriber interval, nor the same offer within the offer interval", () => {
    const n = tables.get("notifications")!;
    const lastBySubscriber = new Map<unknown, number>();
    const lastByOffer = new Map<string, number>();
    let checked = 0;
    for (let i = 0; i < n.notification_id.length; i++) {
      const at = n.notified_at[i] as number;
      const s = n.subscriber_id[i];
      const key = `${s}|${n.offer_id[i]}`;
      if (lastBySubscriber.has(s)) {
        expect(at - lastBySubscriber.get(s)!).toBeGreaterThanOrEqual(RATE_LIMITS.subscriberIntervalMs);
        checked++;
      }
      if (lastByOffer.has(key)) expect(at - lastByOffer.get(key)!).toBeGreaterThanOrEqual(RATE_LIMITS.offerIntervalMs);
      lastBySubscriber.set(s, at);
      lastByOffer.set(key, at);
    }
    expect(checked).toBeGreaterThan(500);
  });

  it("sends each auction's documented winner at the documented price", () => {
    const m = tables.get("offer_matches")!;
    const bids = new Map<number, {offerId: number; bid: number}[]>();
    m.decision_id.forEach((d, i) => {
      if (m.outcome[i] === "won" || m.outcome[i] === "outbid") bids.set(d as number, [...(bids.get(d as number) ?? []), {offerId: m.offer_id[i] as number, bid: m.bid[i] as number}]);
    });
    const n = tables.get("notifications")!;
    expect(n.notification_id.length).toBe(bids.size);
    n.decision_id.forEach((d, i) => {
      const {winner, price} = runAuction(bids.get(d as number)!);
      expect(n.offer_id[i]).toBe(winner);
      expect(n.price[i]).toBeCloseTo(price, 10);
    });
  });

  it("contains retried and late purchase events", () => {
    const p = tables.get("purchases")!;
    const keys = new Set<string>();
    let retries = 0;
    let late = 0;
    p.event_id.forEach((_, i) => {
      const key = `${p.subscriber_id[i]}|${p.vendor_id[i]}|${p.purchased_at[i]}|${p.amount[i]}`;
      if (keys.has(key)) retries++;
      keys.add(key);
      if ((p.received_at[i] as number) - (p.purchased_at[i] as number) > 3_600_000) late++;
    });
    expect(retries).toBeGreaterThan(5);
    expect(late).toBeGreaterThan(5);
  });
});
