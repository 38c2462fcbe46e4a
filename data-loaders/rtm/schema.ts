/**
 * The real-time marketing platform's raw schema: what an analyst's own export must look like
 * (docs/real-data.md is generated from these declarations). One folder, one file per table.
 *
 * Dimensions: cities, vendors, offers (a vendor's notification zone in a city, its content and its
 * maximum bid), segments and the segments each offer requires, subscribers.
 * Events: location ticks (with their Open Location Code cell), web requests, purchases as the
 * platform received them (duplicates and late arrivals included: the transforms clean them), the
 * platform's match decisions (every offer that matched a subscriber at a tick, with the auction's
 * outcome) and the notifications it sent.
 */
import type {TableSpec} from "../shared/schema.js";

export const VENDOR_CATEGORIES = ["coffee", "bakery", "fast_food", "restaurant", "grocery", "pharmacy", "apparel", "electronics", "books", "beauty", "sports", "cinema"] as const;
export type VendorCategory = (typeof VENDOR_CATEGORIES)[number];

/** What puts a subscriber in a segment: being in a map cell, requesting a domain, buying from a vendor. */
export const SEGMENT_KINDS = ["cell", "domain", "vendor_purchase"] as const;
export type SegmentKind = (typeof SEGMENT_KINDS)[number];

/** How far back the qualifying event may lie. */
export const SEGMENT_WINDOWS = ["minute", "hour", "day", "week"] as const;
export type SegmentWindow = (typeof SEGMENT_WINDOWS)[number];
export const SEGMENT_WINDOW_MS: Record<SegmentWindow, number> = {minute: 60_000, hour: 3_600_000, day: 86_400_000, week: 7 * 86_400_000};

/**
 * What the platform did with an offer that matched a subscriber at a tick: it won the auction and
 * was sent, lost to a higher bid, or was held back by a rate limit (the subscriber had a
 * notification too recently, or already had this offer recently).
 */
export const MATCH_OUTCOMES = ["won", "outbid", "rate_limited_subscriber", "rate_limited_offer"] as const;
export type MatchOutcome = (typeof MATCH_OUTCOMES)[number];

const TIME_MIN = "2000-01-01";
const TIME_MAX = "2099-12-31";

export const cities: TableSpec = {
  name: "cities",
  description: "Cities the platform serves: a centre and a diameter within which subscribers move.",
  grain: "city",
  primaryKey: ["city_id"],
  columns: [
    {name: "city_id", type: "int32", min: 1, description: "Stable identifier of the city."},
    {name: "city_name", type: "utf8", description: "Name shown on the pages."},
    {name: "country", type: "utf8", description: "Country the city is in."},
    {name: "latitude", type: "float64", min: -90, max: 90, unit: "degrees", description: "Latitude of the city centre (WGS84)."},
    {name: "longitude", type: "float64", min: -180, max: 180, unit: "degrees", description: "Longitude of the city centre (WGS84)."},
    {name: "diameter_km", type: "float64", min: 0.1, max: 200, unit: "km", description: "Diameter of the served area around the centre."},
    {name: "utc_offset_hours", type: "float64", min: -12, max: 14, unit: "hours", description: "Local time minus UTC, used for local dates and hours of day (no daylight saving)."}
  ]
};

export const vendors: TableSpec = {
  name: "vendors",
  description: "Businesses that buy notifications on the platform.",
  grain: "vendor",
  primaryKey: ["vendor_id"],
  columns: [
    {name: "vendor_id", type: "int32", min: 1, description: "Stable identifier of the vendor."},
    {name: "vendor_name", type: "utf8", description: "Name shown on the pages."},
    {name: "category", type: "utf8", values: VENDOR_CATEGORIES, description: "What the vendor sells."},
    {name: "domain", type: "utf8", description: "The vendor's web domain (web requests name it)."}
  ]
};

export const offers: TableSpec = {
  name: "offers",
  description: "A vendor's offer: the zone where it may be sent, what it says, and the most the vendor pays per notification.",
  grain: "offer",
  primaryKey: ["offer_id"],
  columns: [
    {name: "offer_id", type: "int32", min: 1, description: "Stable identifier of the offer."},
    {name: "vendor_id", type: "int32", references: {table: "vendors", column: "vendor_id"}, description: "Vendor that pays for the offer."},
    {name: "city_id", type: "int32", references: {table: "cities", column: "city_id"}, description: "City whose subscribers the offer targets."},
    {name: "content", type: "utf8", description: "Text of the notification."},
    {name: "max_bid", type: "float64", min: 0, max: 100, unit: "USD", description: "Most the vendor pays for one notification (its bid in every auction)."},
    {name: "zone_wkt", type: "utf8", description: "Notification zone as a WKT polygon in longitude latitude order, e.g. POLYGON((-74.01 40.71, -74.00 40.71, -74.00 40.72, -74.01 40.71))."}
  ]
};

export const segments: TableSpec = {
  name: "segments",
  description: "Audience segments: subscribers who were in a cell, requested a domain or bought from a vendor within a window.",
  grain: "segment",
  primaryKey: ["segment_id"],
  columns: [
    {name: "segment_id", type: "int32", min: 1, description: "Stable identifier of the segment."},
    {name: "kind", type: "utf8", values: SEGMENT_KINDS, description: "What qualifies a subscriber: a location in a cell, a web request to a domain, a purchase from a vendor."},
    {name: "target", type: "utf8", description: "The cell (8-digit Open Location Code, e.g. 87G7PX7V+), the domain, or the vendor_id the qualifying event must name."},
    {name: "window", type: "utf8", values: SEGMENT_WINDOWS, description: "How recent the qualifying event must be."}
  ]
};

export const offerSegments: TableSpec = {
  name: "offer_segments",
  description: "Segments an offer requires: a subscriber must be in all of them to match.",
  grain: "offer × segment",
  primaryKey: ["offer_id", "segment_id"],
  columns: [
    {name: "offer_id", type: "int32", references: {table: "offers", column: "offer_id"}, description: "The offer."},
    {name: "segment_id", type: "int32", references: {table: "segments", column: "segment_id"}, description: "A segment it requires."}
  ]
};

export const subscribers: TableSpec = {
  name: "subscribers",
  description: "People who installed the app and accept notifications.",
  grain: "subscriber",
  primaryKey: ["subscriber_id"],
  columns: [
    {name: "subscriber_id", type: "int32", min: 1, description: "Stable identifier of the subscriber."},
    {name: "city_id", type: "int32", references: {table: "cities", column: "city_id"}, description: "Home city."},
    {name: "signed_up_at", type: "timestamp", min: TIME_MIN, max: TIME_MAX, description: "When the subscriber joined (UTC)."}
  ]
};

export const locations: TableSpec = {
  name: "locations",
  description: "Location ticks the app reports while it is active.",
  grain: "subscriber × tick",
  primaryKey: ["subscriber_id", "recorded_at"],
  columns: [
    {name: "subscriber_id", type: "int32", references: {table: "subscribers", column: "subscriber_id"}, description: "Who reported it."},
    {name: "recorded_at", type: "timestamp", min: TIME_MIN, max: TIME_MAX, description: "When (UTC)."},
    {name: "latitude", type: "float64", min: -90, max: 90, unit: "degrees", description: "Latitude (WGS84)."},
    {name: "longitude", type: "float64", min: -180, max: 180, unit: "degrees", description: "Longitude (WGS84)."},
    {name: "olc", type: "utf8", description: "8-digit Open Location Code of the cell (about 275 m), e.g. 87G7PX7V+."}
  ]
};

export const webRequests: TableSpec = {
  name: "web_requests",
  description: "Web requests the subscriber's phone made to vendors' domains.",
  grain: "request",
  columns: [
    {name: "subscriber_id", type: "int32", references: {table: "subscribers", column: "subscriber_id"}, description: "Who made it."},
    {name: "requested_at", type: "timestamp", min: TIME_MIN, max: TIME_MAX, description: "When (UTC)."},
    {name: "domain", type: "utf8", description: "Domain requested."}
  ]
};

export const purchases: TableSpec = {
  name: "purchases",
  description:
    "Purchase events as the platform received them. Retries repeat a purchase (same subscriber, vendor, time and amount) under a new event_id, and some events arrive hours late: the transforms deduplicate on that natural key and attribute by purchase time, not arrival time.",
  grain: "received purchase event",
  primaryKey: ["event_id"],
  columns: [
    {name: "event_id", type: "int32", min: 1, description: "Identifier of the received event (a retry gets a new one)."},
    {name: "subscriber_id", type: "int32", references: {table: "subscribers", column: "subscriber_id"}, description: "Who bought."},
    {name: "vendor_id", type: "int32", references: {table: "vendors", column: "vendor_id"}, description: "Where."},
    {name: "purchased_at", type: "timestamp", min: TIME_MIN, max: TIME_MAX, description: "When the purchase happened (UTC, the device's clock)."},
    {name: "received_at", type: "timestamp", min: TIME_MIN, max: TIME_MAX, description: "When the platform received the event (UTC)."},
    {name: "amount", type: "float64", min: 0, unit: "USD", description: "Amount paid."},
    {name: "latitude", type: "float64", min: -90, max: 90, unit: "degrees", description: "Where the subscriber was (WGS84)."},
    {name: "longitude", type: "float64", min: -180, max: 180, unit: "degrees", description: "Where the subscriber was (WGS84)."}
  ]
};

export const offerMatches: TableSpec = {
  name: "offer_matches",
  description: "The platform's decision log: every offer that matched a subscriber at a tick (inside its zone, in all its segments) and what happened to it.",
  grain: "decision × offer",
  primaryKey: ["decision_id", "offer_id"],
  columns: [
    {name: "decision_id", type: "int32", min: 1, description: "One decision per subscriber tick with at least one matching offer (an auction when any offer was eligible)."},
    {name: "subscriber_id", type: "int32", references: {table: "subscribers", column: "subscriber_id"}, description: "The subscriber."},
    {name: "matched_at", type: "timestamp", min: TIME_MIN, max: TIME_MAX, description: "Time of the tick (UTC)."},
    {name: "offer_id", type: "int32", references: {table: "offers", column: "offer_id"}, description: "The matching offer."},
    {name: "bid", type: "float64", min: 0, unit: "USD", description: "The offer's bid (its maximum bid at the time)."},
    {name: "outcome", type: "utf8", values: MATCH_OUTCOMES, description: "won (sent), outbid, or held back by the subscriber's or the offer's rate limit."}
  ]
};

export const notifications: TableSpec = {
  name: "notifications",
  description: "Notifications sent: the winner of each auction.",
  grain: "notification",
  primaryKey: ["notification_id"],
  columns: [
    {name: "notification_id", type: "int32", min: 1, description: "Identifier of the notification."},
    {name: "decision_id", type: "int32", description: "The decision (auction) it won (offer_matches.decision_id)."},
    {name: "subscriber_id", type: "int32", references: {table: "subscribers", column: "subscriber_id"}, description: "Recipient."},
    {name: "offer_id", type: "int32", references: {table: "offers", column: "offer_id"}, description: "Offer sent."},
    {name: "notified_at", type: "timestamp", min: TIME_MIN, max: TIME_MAX, description: "When it was sent (UTC)."},
    {name: "price", type: "float64", min: 0, unit: "USD", description: "What the vendor paid for it (the auction's clearing price)."},
    {name: "latitude", type: "float64", min: -90, max: 90, unit: "degrees", description: "Where the subscriber was (WGS84)."},
    {name: "longitude", type: "float64", min: -180, max: 180, unit: "degrees", description: "Where the subscriber was (WGS84)."}
  ]
};

/** The raw tables of the report, in dependency order. */
export const rawTables: readonly TableSpec[] = [cities, vendors, offers, segments, offerSegments, subscribers, locations, webRequests, purchases, offerMatches, notifications];

/** The event tables (the rest are dimensions). */
export const EVENT_TABLES = ["locations", "web_requests", "purchases", "offer_matches", "notifications"] as const;
export type EventTable = (typeof EVENT_TABLES)[number];
