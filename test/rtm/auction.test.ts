// The auction rule (src/analytics/auction.ts) on hand-worked cases: every expected winner and
// price follows from the documented second-price rule by hand.
import {describe, expect, it} from "vitest";
import {runAuction} from "../../src/analytics/auction.js";

describe("second-price notification auction", () => {
  it("gives the notification to the highest bid at the second-highest price", () => {
    const r = runAuction([{offerId: 3, bid: 0.4}, {offerId: 1, bid: 1.2}, {offerId: 2, bid: 0.9}], {reservePrice: 0.05});
    expect(r.winner).toBe(1);
    expect(r.price).toBe(0.9);
    expect(r.ranked.map((b) => b.offerId)).toEqual([1, 2, 3]);
  });

  it("charges a lone bidder the reserve price", () => {
    expect(runAuction([{offerId: 7, bid: 2}], {reservePrice: 0.05})).toMatchObject({winner: 7, price: 0.05});
  });

  it("breaks ties by the lower offer id, whatever the input order, and the winner pays its own (equal) bid", () => {
    const a = runAuction([{offerId: 9, bid: 0.5}, {offerId: 4, bid: 0.5}]);
    const b = runAuction([{offerId: 4, bid: 0.5}, {offerId: 9, bid: 0.5}]);
    expect(a).toEqual(b);
    expect(a).toMatchObject({winner: 4, price: 0.5});
  });

  it("leaves out bids under the reserve, and sells nothing when none reaches it", () => {
    expect(runAuction([{offerId: 1, bid: 0.3}, {offerId: 2, bid: 0.02}], {reservePrice: 0.05})).toMatchObject({winner: 1, price: 0.05});
    expect(runAuction([{offerId: 1, bid: 0.01}], {reservePrice: 0.05})).toMatchObject({winner: null, price: 0});
    expect(runAuction([])).toMatchObject({winner: null, price: 0});
  });

  it("under the first-price rule the winner pays its own bid", () => {
    expect(runAuction([{offerId: 1, bid: 1.2}, {offerId: 2, bid: 0.9}], {firstPrice: true})).toMatchObject({winner: 1, price: 1.2});
  });
});
