/**
 * The notification auction of the real-time marketing platform: when several offers match a
 * subscriber at the same moment, one notification is sent and the offers bid for it.
 *
 * Rule: sealed-bid second-price (Vickrey 1961). The highest bid wins (ties go to the lower offer
 * id, so the outcome never depends on input order); the winner pays the larger of the second
 * highest bid and the platform's reserve price, never more than its own bid. A lone bidder pays
 * the reserve. Bids below the reserve do not take part. Under this rule bidding one's true value
 * is a dominant strategy, which is why vendors' maximum bids can be read as what a notification is
 * worth to them. (The SingleStore demo the report is modelled on used first-price: the winner pays
 * its own bid; `firstPrice: true` gives that rule for comparison.)
 *
 * Tests: test/rtm/auction.test.ts (hand-worked auctions: ties, lone bidder, reserve, first-price).
 */

export interface Bid {
  offerId: number;
  bid: number;
}

export interface AuctionResult {
  /** The winning offer, or null when no bid reached the reserve. */
  winner: number | null;
  /** What the winner pays (0 when there is no winner). */
  price: number;
  /** Bids that took part (at or above the reserve), best first. */
  ranked: Bid[];
}

export interface AuctionOptions {
  /** Lowest price a notification sells for (USD). */
  reservePrice?: number;
  /** Winner pays its own bid instead of the second price. */
  firstPrice?: boolean;
}

export const DEFAULT_RESERVE_PRICE = 0.05;

/** Best bid first; equal bids by ascending offer id. */
export function compareBids(a: Bid, b: Bid): number {
  return b.bid - a.bid || a.offerId - b.offerId;
}

export function runAuction(bids: readonly Bid[], {reservePrice = DEFAULT_RESERVE_PRICE, firstPrice = false}: AuctionOptions = {}): AuctionResult {
  const ranked = bids.filter((b) => b.bid >= reservePrice).sort(compareBids);
  if (ranked.length === 0) return {winner: null, price: 0, ranked};
  const top = ranked[0];
  const price = firstPrice ? top.bid : Math.min(top.bid, Math.max(reservePrice, ranked.length > 1 ? ranked[1].bid : reservePrice));
  return {winner: top.offerId, price, ranked};
}
