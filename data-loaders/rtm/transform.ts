/**
 * Raw platform tables → staging → facts, dimensions and the small aggregates the pages read, all
 * in SQL on native DuckDB. Dedup and attribution use the shared query text of
 * src/analytics/notificationAttribution.ts (the SQL explorer page runs the same text).
 *
 *   stg_*                       typed views/tables of the raw tables (timestamps typed, offers' vendor joined)
 *   purchases_deduped           one row per purchase (natural-key dedup)
 *   purchases_attributed        each purchase with its notification or NULL (organic)
 *   fct_notifications           notification × what it earned (attributed purchases, revenue)
 *   fct_attributed_purchases    purchases credited to a notification
 *   fct_organic_purchases       the rest
 *   fct_auctions, fct_bids      auctions (bidders, winner, price) and their bids
 *   dim_cities, dim_vendors, dim_offers, dim_segments, dim_subscribers
 *   agg_* and data_quality      what the pages chart (see OUTPUTS)
 *
 * Local dates and hours use the subscriber's city offset. Weeks count from the first local date
 * with a location tick (week 1 = its first seven days).
 */
import {ATTRIBUTE_PURCHASES_SQL, ATTRIBUTION_WINDOW_HOURS, DEDUPLICATE_PURCHASES_SQL} from "../../src/analytics/notificationAttribution.js";
import type {ColumnSpec, ColumnType, TableSpec} from "../shared/schema.js";
import type {Database} from "./duckdb.js";
import {MATCH_OUTCOMES, SEGMENT_KINDS, SEGMENT_WINDOWS, VENDOR_CATEGORIES} from "./schema.js";

const W = ATTRIBUTION_WINDOW_HOURS;
/** Incrementality window (minutes): see INCREMENTALITY_WINDOW_MINUTES in simulate.ts. */
export const INC = 60;
const ts = (column: string) => `epoch_ms(CAST(${column} AS BIGINT)) AS ${column}`;

/** Staging: typed copies of the raw tables (the events as tables: they are read many times). */
export const STAGING_SQL = [
  `CREATE OR REPLACE VIEW stg_cities AS SELECT * FROM raw_cities`,
  `CREATE OR REPLACE VIEW stg_vendors AS SELECT * FROM raw_vendors`,
  `CREATE OR REPLACE VIEW stg_offers AS SELECT * FROM raw_offers`,
  `CREATE OR REPLACE VIEW stg_segments AS SELECT * FROM raw_segments`,
  `CREATE OR REPLACE VIEW stg_offer_segments AS SELECT * FROM raw_offer_segments`,
  `CREATE OR REPLACE TABLE stg_subscribers AS
     SELECT s.subscriber_id, s.city_id, ${ts("s.signed_up_at").replace(" AS s.signed_up_at", " AS signed_up_at")},
            CAST(round(c.utc_offset_hours * 60) AS INTEGER) AS offset_minutes
     FROM raw_subscribers s JOIN raw_cities c USING (city_id)`,
  `CREATE OR REPLACE TABLE stg_locations AS
     SELECT l.subscriber_id, epoch_ms(CAST(l.recorded_at AS BIGINT)) AS recorded_at, l.latitude, l.longitude, l.olc,
            CAST(epoch_ms(CAST(l.recorded_at AS BIGINT)) + to_minutes(s.offset_minutes) AS DATE) AS local_date
     FROM raw_locations l JOIN stg_subscribers s USING (subscriber_id)`,
  `CREATE OR REPLACE TABLE stg_web_requests AS SELECT subscriber_id, ${ts("requested_at")}, domain FROM raw_web_requests`,
  `CREATE OR REPLACE TABLE stg_purchases AS
     SELECT event_id, subscriber_id, vendor_id, ${ts("purchased_at")}, ${ts("received_at")}, amount, latitude, longitude FROM raw_purchases`,
  `CREATE OR REPLACE TABLE stg_offer_matches AS
     SELECT m.decision_id, m.subscriber_id, epoch_ms(CAST(m.matched_at AS BIGINT)) AS matched_at, m.offer_id, o.vendor_id, o.city_id, m.bid, m.outcome
     FROM raw_offer_matches m JOIN raw_offers o USING (offer_id)`,
  `CREATE OR REPLACE TABLE stg_notifications AS
     SELECT n.notification_id, n.decision_id, n.subscriber_id, n.offer_id, o.vendor_id, o.city_id,
            epoch_ms(CAST(n.notified_at AS BIGINT)) AS notified_at, n.price, n.latitude, n.longitude
     FROM raw_notifications n JOIN raw_offers o USING (offer_id)`
];

const local = (column: string) => `(${column} + to_minutes(s.offset_minutes))`;

/** Facts and dimensions. */
export const MODEL_SQL = [
  // Money is summed in whole cents: integer sums do not depend on the order parallel threads add in,
  // so the same data always give the same bytes.
  `CREATE OR REPLACE MACRO csum(x) AS sum(CAST(round(x * 100) AS BIGINT)) / 100.0`,
  `CREATE OR REPLACE TABLE purchases_deduped AS ${DEDUPLICATE_PURCHASES_SQL}`,
  `CREATE OR REPLACE TABLE purchases_attributed AS ${ATTRIBUTE_PURCHASES_SQL}`,
  `CREATE OR REPLACE TABLE calendar AS SELECT min(local_date) AS first_date, max(local_date) AS last_date FROM stg_locations`,
  `CREATE OR REPLACE MACRO week_of(d) AS 1 + CAST(floor(date_diff('day', (SELECT first_date FROM calendar), d) / 7) AS INTEGER)`,
  `CREATE OR REPLACE TABLE fct_notifications AS
     SELECT n.notification_id, n.decision_id, n.subscriber_id, n.offer_id, n.vendor_id, n.city_id, n.notified_at,
            CAST(${local("n.notified_at")} AS DATE) AS local_date, week_of(CAST(${local("n.notified_at")} AS DATE)) AS week,
            CAST(hour(${local("n.notified_at")}) AS INTEGER) AS local_hour,
            n.price, n.latitude, n.longitude,
            CAST(coalesce(a.purchases, 0) AS INTEGER) AS attributed_purchases, coalesce(a.revenue, 0) AS attributed_revenue,
            a.first_minutes AS minutes_to_first_purchase, a.purchases IS NOT NULL AS converted
     FROM stg_notifications n JOIN stg_subscribers s USING (subscriber_id)
     LEFT JOIN (SELECT notification_id, count(*) AS purchases, csum(amount) AS revenue, min(minutes_after_notification) AS first_minutes
                FROM purchases_attributed WHERE notification_id IS NOT NULL GROUP BY notification_id) a USING (notification_id)`,
  `CREATE OR REPLACE TABLE fct_purchases AS
     SELECT a.purchase_id, a.subscriber_id, a.vendor_id, s.city_id, a.purchased_at, CAST(${local("a.purchased_at")} AS DATE) AS local_date,
            week_of(CAST(${local("a.purchased_at")} AS DATE)) AS week, a.amount, a.notification_id, a.offer_id, a.minutes_after_notification,
            d.latitude, d.longitude, (epoch_ms(a.received_at) - epoch_ms(a.purchased_at)) / 60000.0 AS minutes_late
     FROM purchases_attributed a JOIN purchases_deduped d USING (purchase_id) JOIN stg_subscribers s ON s.subscriber_id = a.subscriber_id`,
  `CREATE OR REPLACE VIEW fct_attributed_purchases AS SELECT * EXCLUDE (notification_id, offer_id, minutes_after_notification), notification_id, offer_id, minutes_after_notification FROM fct_purchases WHERE notification_id IS NOT NULL`,
  `CREATE OR REPLACE VIEW fct_organic_purchases AS SELECT * EXCLUDE (notification_id, offer_id, minutes_after_notification) FROM fct_purchases WHERE notification_id IS NULL`,
  `CREATE OR REPLACE TABLE fct_bids AS
     SELECT m.decision_id AS auction_id, m.offer_id, m.vendor_id, m.city_id, m.bid, m.outcome = 'won' AS won,
            CAST(ROW_NUMBER() OVER (PARTITION BY m.decision_id ORDER BY m.bid DESC, m.offer_id) AS INTEGER) AS bid_rank
     FROM stg_offer_matches m WHERE m.outcome IN ('won', 'outbid')`,
  `CREATE OR REPLACE TABLE fct_auctions AS
     SELECT b.auction_id, any_value(m.subscriber_id) AS subscriber_id, any_value(b.city_id) AS city_id, any_value(m.matched_at) AS auctioned_at,
            CAST(count(*) AS INTEGER) AS bidders, max(CASE WHEN b.won THEN b.offer_id END) AS winning_offer_id,
            max(CASE WHEN b.won THEN b.bid END) AS winning_bid, max(CASE WHEN b.bid_rank = 2 THEN b.bid END) AS second_bid,
            any_value(n.price) AS price_paid, CAST(sum(CASE WHEN b.won THEN 1 ELSE 0 END) AS INTEGER) AS winners
     FROM fct_bids b
     JOIN (SELECT DISTINCT decision_id, subscriber_id, matched_at FROM stg_offer_matches) m ON m.decision_id = b.auction_id
     LEFT JOIN stg_notifications n ON n.decision_id = b.auction_id
     GROUP BY b.auction_id`,
  `CREATE OR REPLACE TABLE dim_cities AS
     SELECT c.city_id, c.city_name, c.country, c.latitude, c.longitude, c.diameter_km, c.utc_offset_hours,
            CAST((SELECT count(*) FROM stg_subscribers s WHERE s.city_id = c.city_id) AS INTEGER) AS subscribers
     FROM stg_cities c`,
  `CREATE OR REPLACE TABLE dim_vendors AS
     SELECT v.vendor_id, v.vendor_name, v.category, v.domain,
            CAST((SELECT count(*) FROM stg_offers o WHERE o.vendor_id = v.vendor_id) AS INTEGER) AS offers
     FROM stg_vendors v`,
  // Qualifying events of each segment, recomputed from raw events, and the days each keeps a
  // subscriber in the segment (from the event's UTC day to the day its window ends).
  `CREATE OR REPLACE TABLE segment_events AS
     SELECT g.segment_id, g."window", l.subscriber_id, l.recorded_at AS event_at FROM stg_segments g JOIN stg_locations l ON g.kind = 'cell' AND l.olc = g.target
     UNION ALL SELECT g.segment_id, g."window", q.subscriber_id, q.requested_at FROM stg_segments g JOIN stg_web_requests q ON g.kind = 'domain' AND q.domain = g.target
     UNION ALL SELECT g.segment_id, g."window", p.subscriber_id, p.purchased_at FROM stg_segments g JOIN purchases_deduped p ON g.kind = 'vendor_purchase' AND CAST(p.vendor_id AS VARCHAR) = g.target`,
  `CREATE OR REPLACE TABLE segment_days AS
     SELECT DISTINCT segment_id, subscriber_id, CAST(day AS DATE) AS date
     FROM (
       SELECT segment_id, subscriber_id,
              unnest(generate_series(date_trunc('day', event_at), date_trunc('day', event_at + w), INTERVAL 1 DAY)) AS day
       FROM (SELECT *, CASE "window" WHEN 'minute' THEN INTERVAL 1 MINUTE WHEN 'hour' THEN INTERVAL 1 HOUR WHEN 'day' THEN INTERVAL 1 DAY ELSE INTERVAL 7 DAY END AS w FROM segment_events) AS e
     ) AS d`,
  `CREATE OR REPLACE TABLE dim_segments AS
     SELECT g.segment_id, g.kind, g.target, g.window,
            CASE g.kind WHEN 'cell' THEN 'In cell ' || g.target
                        WHEN 'domain' THEN 'Visited ' || g.target
                        ELSE 'Bought at ' || coalesce((SELECT vendor_name FROM stg_vendors v WHERE CAST(v.vendor_id AS VARCHAR) = g.target), g.target) END
              || ' in the last ' || g.window AS label,
            CAST((SELECT count(*) FROM stg_offer_segments os WHERE os.segment_id = g.segment_id) AS INTEGER) AS offers_requiring,
            CAST((SELECT count(DISTINCT subscriber_id) FROM segment_events e WHERE e.segment_id = g.segment_id) AS INTEGER) AS members,
            coalesce((SELECT round(count(*) / (SELECT count(DISTINCT CAST(recorded_at AS DATE)) FROM stg_locations), 2) FROM segment_days d
                      WHERE d.segment_id = g.segment_id AND d.date <= (SELECT max(CAST(recorded_at AS DATE)) FROM stg_locations)), 0) AS average_daily_members
     FROM stg_segments g`,
  `CREATE OR REPLACE TABLE dim_offers AS
     SELECT o.offer_id, o.vendor_id, v.vendor_name, v.category, o.city_id, c.city_name, o.content, o.max_bid, o.zone_wkt,
            coalesce((SELECT string_agg(g.label, '; ' ORDER BY g.segment_id) FROM stg_offer_segments os JOIN dim_segments g USING (segment_id) WHERE os.offer_id = o.offer_id), 'everyone in the zone') AS audience
     FROM stg_offers o JOIN stg_vendors v USING (vendor_id) JOIN stg_cities c USING (city_id)`,
  `CREATE OR REPLACE TABLE dim_subscribers AS
     SELECT s.subscriber_id, s.city_id, s.signed_up_at,
            CAST(coalesce(a.active_days, 0) AS INTEGER) AS active_days, a.first_seen, a.last_seen,
            CAST(coalesce(n.notifications, 0) AS INTEGER) AS notifications,
            CAST(coalesce(p.attributed, 0) AS INTEGER) AS attributed_purchases, CAST(coalesce(p.organic, 0) AS INTEGER) AS organic_purchases
     FROM stg_subscribers s
     LEFT JOIN (SELECT subscriber_id, count(DISTINCT local_date) AS active_days, min(recorded_at) AS first_seen, max(recorded_at) AS last_seen FROM stg_locations GROUP BY 1) a USING (subscriber_id)
     LEFT JOIN (SELECT subscriber_id, count(*) AS notifications FROM stg_notifications GROUP BY 1) n USING (subscriber_id)
     LEFT JOIN (SELECT subscriber_id, count(notification_id) AS attributed, count(*) - count(notification_id) AS organic FROM fct_purchases GROUP BY 1) p USING (subscriber_id)`
];

/** Aggregates the pages read (small: a few thousand rows at most). */
export const AGGREGATE_SQL = [
  // Activity per subscriber-week, for active counts and retention.
  `CREATE OR REPLACE TABLE subscriber_weeks AS
     SELECT DISTINCT l.subscriber_id, s.city_id, week_of(l.local_date) AS week FROM stg_locations l JOIN stg_subscribers s USING (subscriber_id)`,
  `CREATE OR REPLACE TABLE agg_daily AS
     WITH days AS (SELECT DISTINCT local_date, s.city_id FROM stg_locations l JOIN stg_subscribers s USING (subscriber_id)),
     active AS (SELECT l.local_date, s.city_id, count(DISTINCT l.subscriber_id) AS active_subscribers FROM stg_locations l JOIN stg_subscribers s USING (subscriber_id) GROUP BY 1, 2),
     sent AS (SELECT local_date, city_id, count(*) AS notifications, count(DISTINCT subscriber_id) AS notified_subscribers,
                     sum(CASE WHEN converted THEN 1 ELSE 0 END) AS converted_notifications, csum(price) AS notification_cost
              FROM fct_notifications GROUP BY 1, 2),
     bought AS (SELECT local_date, city_id, count(notification_id) AS attributed_purchases, csum(CASE WHEN notification_id IS NOT NULL THEN amount ELSE 0 END) AS attributed_revenue,
                       count(*) - count(notification_id) AS organic_purchases, csum(CASE WHEN notification_id IS NULL THEN amount ELSE 0 END) AS organic_revenue
                FROM fct_purchases GROUP BY 1, 2)
     SELECT d.local_date AS date, d.city_id, CAST(coalesce(active_subscribers, 0) AS INTEGER) AS active_subscribers,
            CAST(coalesce(notifications, 0) AS INTEGER) AS notifications, CAST(coalesce(notified_subscribers, 0) AS INTEGER) AS notified_subscribers,
            CAST(coalesce(converted_notifications, 0) AS INTEGER) AS converted_notifications, coalesce(notification_cost, 0) AS notification_cost,
            CAST(coalesce(attributed_purchases, 0) AS INTEGER) AS attributed_purchases, coalesce(attributed_revenue, 0) AS attributed_revenue,
            CAST(coalesce(organic_purchases, 0) AS INTEGER) AS organic_purchases, coalesce(organic_revenue, 0) AS organic_revenue
     FROM days d LEFT JOIN active USING (local_date, city_id) LEFT JOIN sent USING (local_date, city_id) LEFT JOIN bought USING (local_date, city_id)`,
  // KPIs per week and city, with week 0 = the whole period and city 0 = all cities (distinct counts do not add up, so each grouping is computed).
  `CREATE OR REPLACE TABLE agg_kpis AS
     WITH sw AS (SELECT * FROM subscriber_weeks),
     active AS (SELECT coalesce(week, 0) AS week, coalesce(city_id, 0) AS city_id, count(DISTINCT subscriber_id) AS active_subscribers
                FROM sw GROUP BY GROUPING SETS ((week, city_id), (week), (city_id), ())),
     retained AS (SELECT coalesce(cur.city_id, 0) AS city_id, cur.week, count(*) AS retained_subscribers
                  FROM sw cur JOIN sw prev ON prev.subscriber_id = cur.subscriber_id AND prev.week = cur.week - 1
                  GROUP BY GROUPING SETS ((cur.week, cur.city_id), (cur.week))),
     previous AS (SELECT coalesce(city_id, 0) AS city_id, week + 1 AS week, count(*) AS active_previous_week FROM sw GROUP BY GROUPING SETS ((week, city_id), (week))),
     sent AS (SELECT coalesce(week, 0) AS week, coalesce(city_id, 0) AS city_id, count(*) AS notifications,
                     count(DISTINCT subscriber_id) AS notified_subscribers,
                     count(DISTINCT CASE WHEN converted THEN subscriber_id END) AS converted_subscribers,
                     sum(CASE WHEN converted THEN 1 ELSE 0 END) AS converted_notifications,
                     sum(attributed_purchases) AS attributed_purchases, csum(attributed_revenue) AS attributed_revenue, csum(price) AS notification_cost,
                     count(DISTINCT vendor_id) AS vendors_notifying, count(DISTINCT CASE WHEN converted THEN vendor_id END) AS vendors_with_attributed_purchase
              FROM fct_notifications GROUP BY GROUPING SETS ((week, city_id), (week), (city_id), ()))
     SELECT a.week, a.city_id, CAST(a.active_subscribers AS INTEGER) AS active_subscribers,
            CAST(p.active_previous_week AS INTEGER) AS active_previous_week, CAST(r.retained_subscribers AS INTEGER) AS retained_subscribers,
            CAST(coalesce(s.notifications, 0) AS INTEGER) AS notifications, CAST(coalesce(s.notified_subscribers, 0) AS INTEGER) AS notified_subscribers,
            CAST(coalesce(s.converted_subscribers, 0) AS INTEGER) AS converted_subscribers, CAST(coalesce(s.converted_notifications, 0) AS INTEGER) AS converted_notifications,
            CAST(coalesce(s.attributed_purchases, 0) AS INTEGER) AS attributed_purchases, coalesce(s.attributed_revenue, 0) AS attributed_revenue,
            coalesce(s.notification_cost, 0) AS notification_cost, CAST(coalesce(s.vendors_notifying, 0) AS INTEGER) AS vendors_notifying,
            CAST(coalesce(s.vendors_with_attributed_purchase, 0) AS INTEGER) AS vendors_with_attributed_purchase
     FROM active a LEFT JOIN sent s USING (week, city_id)
     LEFT JOIN previous p ON p.week = a.week AND p.city_id = a.city_id AND a.week > 0
     LEFT JOIN retained r ON r.week = a.week AND r.city_id = a.city_id AND a.week > 0`,
  `CREATE OR REPLACE TABLE agg_conversion AS
     WITH n AS (SELECT f.*, v.vendor_name, v.category, c.city_name, o.vendor_name || ' · ' || o.city_name AS offer_label
                FROM fct_notifications f JOIN stg_vendors v USING (vendor_id) JOIN stg_cities c ON c.city_id = f.city_id JOIN dim_offers o USING (offer_id)),
     keyed AS (
       SELECT 'vendor' AS dimension, CAST(vendor_id AS VARCHAR) AS key, vendor_name AS label, * FROM n
       UNION ALL SELECT 'offer', CAST(offer_id AS VARCHAR), offer_label, * FROM n
       UNION ALL SELECT 'city', CAST(city_id AS VARCHAR), city_name, * FROM n
       UNION ALL SELECT 'category', category, category, * FROM n
       UNION ALL SELECT 'hour', lpad(CAST(local_hour AS VARCHAR), 2, '0'), lpad(CAST(local_hour AS VARCHAR), 2, '0') || ':00', * FROM n
       UNION ALL SELECT 'segment', CAST(coalesce(os.segment_id, 0) AS VARCHAR), coalesce(g.label, 'No segment required'), n.*
                 FROM n LEFT JOIN stg_offer_segments os USING (offer_id) LEFT JOIN dim_segments g USING (segment_id)
     )
     SELECT dimension, key, any_value(label) AS label, CAST(count(*) AS INTEGER) AS notifications,
            CAST(sum(CASE WHEN converted THEN 1 ELSE 0 END) AS INTEGER) AS converted_notifications,
            CAST(sum(attributed_purchases) AS INTEGER) AS attributed_purchases, csum(attributed_revenue) AS attributed_revenue, csum(price) AS notification_cost
     FROM keyed GROUP BY dimension, key`,
  `CREATE OR REPLACE TABLE agg_auction_offers AS
     SELECT o.offer_id, o.vendor_id, o.vendor_name, o.city_id, o.city_name, o.max_bid,
            CAST(count(CASE WHEN m.outcome IN ('won', 'outbid') THEN 1 END) AS INTEGER) AS auctions,
            CAST(count(CASE WHEN m.outcome = 'won' THEN 1 END) AS INTEGER) AS wins,
            CAST(count(CASE WHEN m.outcome = 'outbid' THEN 1 END) AS INTEGER) AS outbid,
            CAST(count(CASE WHEN m.outcome = 'rate_limited_subscriber' THEN 1 END) AS INTEGER) AS rate_limited_subscriber,
            CAST(count(CASE WHEN m.outcome = 'rate_limited_offer' THEN 1 END) AS INTEGER) AS rate_limited_offer,
            coalesce((SELECT csum(price) / count(*) FROM stg_notifications n WHERE n.offer_id = o.offer_id), 0) AS average_price,
            coalesce((SELECT csum(price) FROM stg_notifications n WHERE n.offer_id = o.offer_id), 0) AS spend
     FROM dim_offers o LEFT JOIN stg_offer_matches m USING (offer_id)
     GROUP BY o.offer_id, o.vendor_id, o.vendor_name, o.city_id, o.city_name, o.max_bid`,
  `CREATE OR REPLACE TABLE agg_auction_size AS
     SELECT bidders, CAST(count(*) AS INTEGER) AS auctions, csum(winning_bid) / count(*) AS average_winning_bid, csum(price_paid) / count(*) AS average_price,
            round(avg(price_paid / winning_bid), 10) AS average_price_to_bid
     FROM fct_auctions GROUP BY bidders`,
  `CREATE OR REPLACE TABLE agg_outbid_vendors AS
     SELECT l.vendor_id AS outbid_vendor_id, lv.vendor_name AS outbid_vendor, w.vendor_id AS winner_vendor_id, wv.vendor_name AS winner_vendor,
            CAST(count(*) AS INTEGER) AS times
     FROM fct_bids l JOIN fct_bids w ON w.auction_id = l.auction_id AND w.won
     JOIN stg_vendors lv ON lv.vendor_id = l.vendor_id JOIN stg_vendors wv ON wv.vendor_id = w.vendor_id
     WHERE NOT l.won GROUP BY ALL`,
  // Zone map points: at most 1,500 notifications and 500 credited purchases per offer (a fixed
  // pseudo-random sample), so the file does not grow with the scale.
  `CREATE OR REPLACE TABLE zone_events AS
     SELECT offer_id, kind, latitude, longitude, converted FROM (
       SELECT offer_id, 'notification' AS kind, latitude, longitude, converted,
              ROW_NUMBER() OVER (PARTITION BY offer_id ORDER BY hash(notification_id), notification_id) AS k FROM fct_notifications
     ) WHERE k <= 1500
     UNION ALL
     SELECT offer_id, kind, latitude, longitude, converted FROM (
       SELECT offer_id, 'attributed purchase' AS kind, latitude, longitude, true AS converted,
              ROW_NUMBER() OVER (PARTITION BY offer_id ORDER BY hash(purchase_id), purchase_id) AS k FROM fct_purchases WHERE notification_id IS NOT NULL
     ) WHERE k <= 500`,
  `CREATE OR REPLACE TABLE agg_time_to_purchase AS
     SELECT CAST(floor(minutes_after_notification) AS INTEGER) AS minute, CAST(count(*) AS INTEGER) AS purchases
     FROM fct_purchases WHERE notification_id IS NOT NULL GROUP BY 1`,
  // The SQL explorer's sample: 600 subscribers chosen by a hash of their id (all of them when fewer).
  `CREATE OR REPLACE TABLE sample_subscribers AS SELECT subscriber_id FROM stg_subscribers ORDER BY hash(subscriber_id), subscriber_id LIMIT 600`,
  // Incrementality: notified exposures vs matched-but-not-notified ones (first per subscriber, offer and day,
  // with no notification from the vendor within 24 h either side), outcome = a purchase at the vendor within 24 h after.
  // Incrementality (window INCREMENTALITY_WINDOW_MINUTES after the exposure): every notification vs
  // the first non-notified match of a subscriber and offer in a day (outbid, or held back by the
  // subscriber interval), none with a notification from the vendor in the 24 h before (carry-over);
  // rate-limited ones also without one inside the window. Strata: offer × activity (location ticks
  // in the window), which the notification does not change.
  `CREATE OR REPLACE TABLE exposures AS
     WITH controls AS (
       SELECT m.subscriber_id, m.offer_id, m.vendor_id, m.matched_at AS exposed_at,
              CASE WHEN m.outcome = 'outbid' THEN 'outbid' ELSE 'rate_limited' END AS exposure,
              ROW_NUMBER() OVER (PARTITION BY m.subscriber_id, m.offer_id, CAST(m.matched_at AS DATE), m.outcome = 'outbid' ORDER BY m.matched_at) AS k
       FROM stg_offer_matches m
       WHERE m.outcome IN ('outbid', 'rate_limited_subscriber')
         AND NOT EXISTS (SELECT 1 FROM stg_notifications n WHERE n.subscriber_id = m.subscriber_id AND n.vendor_id = m.vendor_id
                         AND n.notified_at > m.matched_at - INTERVAL ${W} HOUR
                         AND n.notified_at <= m.matched_at + INTERVAL ${INC} MINUTE)
     ),
     treated AS (
       SELECT n.subscriber_id, n.offer_id, n.vendor_id, n.notified_at AS exposed_at, 'notified' AS exposure, n.notification_id
       FROM stg_notifications n
       WHERE NOT EXISTS (SELECT 1 FROM stg_notifications p WHERE p.subscriber_id = n.subscriber_id AND p.vendor_id = n.vendor_id
                         AND p.notified_at < n.notified_at AND p.notified_at > n.notified_at - INTERVAL ${W} HOUR)
     ),
     all_exposures AS (
       SELECT * FROM treated
       UNION ALL SELECT subscriber_id, offer_id, vendor_id, exposed_at, exposure, NULL FROM controls WHERE k = 1
     ),
     activity AS (
       SELECT e.subscriber_id, e.offer_id, e.exposed_at, count(l.recorded_at) AS active_ticks
       FROM all_exposures e LEFT JOIN stg_locations l
         ON l.subscriber_id = e.subscriber_id AND l.recorded_at > e.exposed_at AND l.recorded_at <= e.exposed_at + INTERVAL ${INC} MINUTE
       GROUP BY ALL
     )
     SELECT e.*, a.active_ticks,
            CASE WHEN a.active_ticks < 4 THEN '0-3' WHEN a.active_ticks < 8 THEN '4-7' ELSE '8+' END AS activity_band,
            EXISTS (SELECT 1 FROM purchases_deduped p WHERE p.subscriber_id = e.subscriber_id AND p.vendor_id = e.vendor_id
                    AND p.purchased_at > e.exposed_at AND p.purchased_at <= e.exposed_at + INTERVAL ${INC} MINUTE) AS converted
     FROM all_exposures e JOIN activity a USING (subscriber_id, offer_id, exposed_at)`,
  `CREATE OR REPLACE TABLE agg_incrementality AS
     SELECT e.offer_id, o.vendor_name, o.city_name, e.activity_band, e.exposure, CAST(count(*) AS INTEGER) AS exposures,
            CAST(sum(CASE WHEN converted THEN 1 ELSE 0 END) AS INTEGER) AS conversions,
            round(sum(t.p_with_early), 9) AS true_conversion_with, round(sum(t.p_without_early), 9) AS true_conversion_without
     FROM exposures e JOIN dim_offers o USING (offer_id)
     LEFT JOIN truth_notifications t ON t.notification_id = e.notification_id
     GROUP BY ALL`
];

/**
 * What cleaning changes: the naive reading (raw events, any purchase within 24 h either side of a
 * notification) against the report's (deduplicated, attributed by event time to an earlier
 * notification only).
 */
export const DATA_QUALITY_SQL = [
  `CREATE OR REPLACE TABLE naive_matches AS
     SELECT DISTINCT p.event_id, n.notification_id, p.amount
     FROM stg_purchases p JOIN stg_notifications n
       ON n.subscriber_id = p.subscriber_id AND n.vendor_id = p.vendor_id
      AND p.purchased_at > n.notified_at - INTERVAL ${W} HOUR AND p.purchased_at < n.notified_at + INTERVAL ${W} HOUR`,
  `CREATE OR REPLACE TABLE arrival_attributed AS
     SELECT p.purchase_id, max_by(n.notification_id, n.notified_at) AS notification_id
     FROM purchases_deduped p JOIN stg_notifications n
       ON n.subscriber_id = p.subscriber_id AND n.vendor_id = p.vendor_id
      AND n.notified_at <= p.received_at AND p.received_at < n.notified_at + INTERVAL ${W} HOUR
     GROUP BY p.purchase_id`,
  `CREATE OR REPLACE TABLE data_quality AS
     WITH counts AS (
       SELECT (SELECT count(*) FROM stg_purchases) AS events,
              (SELECT count(*) FROM purchases_deduped) AS purchases,
              (SELECT count(*) FROM stg_purchases WHERE received_at > purchased_at + INTERVAL 1 HOUR) AS late_events,
              (SELECT count(*) FROM fct_purchases WHERE minutes_late > 60) AS late_purchases,
              (SELECT count(*) FROM fct_purchases WHERE minutes_late > 60 AND notification_id IS NOT NULL) AS late_attributed,
              (SELECT count(*) FROM purchases_attributed a LEFT JOIN arrival_attributed r USING (purchase_id)
                WHERE a.notification_id IS DISTINCT FROM r.notification_id) AS arrival_time_disagreements,
              (SELECT count(DISTINCT event_id) FROM naive_matches) AS naive_events,
              (SELECT csum(amount) FROM (SELECT DISTINCT event_id, amount FROM naive_matches)) AS naive_revenue,
              (SELECT count(DISTINCT notification_id) FROM naive_matches) AS naive_converted,
              (SELECT count(DISTINCT d.purchase_id) FROM purchases_deduped d JOIN stg_notifications n
                 ON n.subscriber_id = d.subscriber_id AND n.vendor_id = d.vendor_id
                AND d.purchased_at > n.notified_at - INTERVAL ${W} HOUR AND d.purchased_at < n.notified_at + INTERVAL ${W} HOUR) AS deduped_near,
              (SELECT csum(amount) FROM purchases_deduped d WHERE EXISTS (SELECT 1 FROM stg_notifications n
                 WHERE n.subscriber_id = d.subscriber_id AND n.vendor_id = d.vendor_id
                   AND d.purchased_at > n.notified_at - INTERVAL ${W} HOUR AND d.purchased_at < n.notified_at + INTERVAL ${W} HOUR)) AS deduped_near_revenue,
              (SELECT count(*) FROM fct_purchases WHERE notification_id IS NOT NULL) AS attributed,
              (SELECT coalesce(csum(amount), 0) FROM fct_purchases WHERE notification_id IS NOT NULL) AS attributed_revenue,
              (SELECT count(*) FROM fct_notifications WHERE converted) AS converted,
              (SELECT count(*) FROM fct_notifications) AS notifications,
              (SELECT csum(price) FROM fct_notifications) AS cost
     )
     SELECT * FROM (VALUES
       (1, 'purchase_events', 'Purchase events received', (SELECT events FROM counts), (SELECT purchases FROM counts), 'count'),
       (2, 'duplicate_events', 'Duplicate events (retries) removed', (SELECT events - purchases FROM counts), 0, 'count'),
       (3, 'late_events', 'Events arriving over 1 hour late', (SELECT late_events FROM counts), (SELECT late_purchases FROM counts), 'count'),
       (4, 'late_attributed', 'Late purchases credited by purchase time', NULL, (SELECT late_attributed FROM counts), 'count'),
       (5, 'arrival_time_disagreements', 'Purchases arrival-time attribution would credit differently', (SELECT arrival_time_disagreements FROM counts), 0, 'count'),
       (6, 'near_notification_events', 'Purchases within 24 h either side of a notification', (SELECT naive_events FROM counts), (SELECT deduped_near FROM counts), 'count'),
       (7, 'before_notification', 'Of those, made before the notification (no credit)', NULL, (SELECT deduped_near - attributed FROM counts), 'count'),
       (8, 'credited_purchases', 'Purchases credited to a notification', (SELECT naive_events FROM counts), (SELECT attributed FROM counts), 'count'),
       (9, 'credited_revenue', 'Revenue credited to notifications', (SELECT naive_revenue FROM counts), (SELECT attributed_revenue FROM counts), 'usd'),
       (10, 'notification_conversion', 'Notifications followed by a purchase', (SELECT naive_converted / notifications FROM counts), (SELECT converted / notifications FROM counts), 'share'),
       (11, 'return_on_spend', 'Revenue per dollar of notification spend', (SELECT naive_revenue / cost FROM counts), (SELECT attributed_revenue / cost FROM counts), 'ratio')
     ) AS t(step, metric, label, naive_value, clean_value, unit)`
];

// ---------------------------------------------------------------------------------------------
// Output specs: the files the pages read (and the data tests' subject).

type Col = [name: string, type: ColumnType, description: string, extra?: Partial<ColumnSpec>];
function spec(name: string, description: string, grain: string, primaryKey: string[] | undefined, columns: Col[]): TableSpec {
  return {name, description, grain, primaryKey, columns: columns.map(([n, type, d, extra]) => ({name: n, type, description: d, ...extra}))};
}
const nullable = {nullable: true};

export const dimCities = spec("dim_cities", "Cities with their subscriber counts.", "city", ["city_id"], [
  ["city_id", "int32", "City."],
  ["city_name", "utf8", "Name."],
  ["country", "utf8", "Country."],
  ["latitude", "float64", "Centre latitude.", {min: -90, max: 90}],
  ["longitude", "float64", "Centre longitude.", {min: -180, max: 180}],
  ["diameter_km", "float64", "Served diameter (km).", {min: 0}],
  ["utc_offset_hours", "float64", "Local time minus UTC."],
  ["subscribers", "int32", "Subscribers living there.", {min: 0}]
]);
export const dimVendors = spec("dim_vendors", "Vendors.", "vendor", ["vendor_id"], [
  ["vendor_id", "int32", "Vendor."],
  ["vendor_name", "utf8", "Name."],
  ["category", "utf8", "What it sells.", {values: VENDOR_CATEGORIES}],
  ["domain", "utf8", "Web domain."],
  ["offers", "int32", "Offers it runs.", {min: 0}]
]);
export const dimSegments = spec("dim_segments", "Audience segments with a readable label.", "segment", ["segment_id"], [
  ["segment_id", "int32", "Segment."],
  ["kind", "utf8", "Qualifying event.", {values: SEGMENT_KINDS}],
  ["target", "utf8", "Cell, domain or vendor id."],
  ["window", "utf8", "Recency window.", {values: SEGMENT_WINDOWS}],
  ["label", "utf8", "Readable description."],
  ["offers_requiring", "int32", "Offers that require it.", {min: 0}],
  ["members", "int32", "Subscribers who qualified at least once in the period.", {min: 0}],
  ["average_daily_members", "float64", "Subscribers in it on an average day (UTC days; in the segment at any moment of the day).", {min: 0}]
]);
export const dimOffers = spec("dim_offers", "Offers with vendor, city, audience and zone (GeoJSON polygon text).", "offer", ["offer_id"], [
  ["offer_id", "int32", "Offer."],
  ["vendor_id", "int32", "Vendor.", {references: {table: "dim_vendors", column: "vendor_id"}}],
  ["vendor_name", "utf8", "Vendor name."],
  ["category", "utf8", "Vendor category.", {values: VENDOR_CATEGORIES}],
  ["city_id", "int32", "City.", {references: {table: "dim_cities", column: "city_id"}}],
  ["city_name", "utf8", "City name."],
  ["content", "utf8", "Notification text."],
  ["max_bid", "float64", "Maximum bid (USD).", {min: 0}],
  ["audience", "utf8", "Required segments, readable."],
  ["zone_geojson", "utf8", "Zone as a GeoJSON Polygon (JSON text)."]
]);
export const dimSubscribers = spec("dim_subscribers", "Subscribers with their activity and what notifications did for them.", "subscriber", ["subscriber_id"], [
  ["subscriber_id", "int32", "Subscriber."],
  ["city_id", "int32", "Home city.", {references: {table: "dim_cities", column: "city_id"}}],
  ["signed_up_at", "timestamp", "Joined (UTC)."],
  ["active_days", "int32", "Days with at least one location tick.", {min: 0}],
  ["first_seen", "timestamp", "First tick (UTC).", nullable],
  ["last_seen", "timestamp", "Last tick (UTC).", nullable],
  ["notifications", "int32", "Notifications received.", {min: 0}],
  ["attributed_purchases", "int32", "Purchases credited to a notification.", {min: 0}],
  ["organic_purchases", "int32", "Other purchases.", {min: 0}]
]);
export const fctNotifications = spec("fct_notifications", "Notifications sent and what each earned under the attribution rule.", "notification", ["notification_id"], [
  ["notification_id", "int32", "Notification."],
  ["subscriber_id", "int32", "Recipient.", {references: {table: "dim_subscribers", column: "subscriber_id"}}],
  ["offer_id", "int32", "Offer.", {references: {table: "dim_offers", column: "offer_id"}}],
  ["vendor_id", "int32", "Vendor.", {references: {table: "dim_vendors", column: "vendor_id"}}],
  ["city_id", "int32", "City.", {references: {table: "dim_cities", column: "city_id"}}],
  ["notified_at", "timestamp", "Sent (UTC)."],
  ["local_date", "date", "Local date."],
  ["week", "int32", "Week of the period (1 = first seven days).", {min: 1}],
  ["local_hour", "int32", "Local hour of day.", {min: 0, max: 23}],
  ["price", "float64", "Price paid (USD).", {min: 0}],
  ["latitude", "float64", "Where the subscriber was."],
  ["longitude", "float64", "Where the subscriber was."],
  ["attributed_purchases", "int32", "Purchases credited to it.", {min: 0}],
  ["attributed_revenue", "float64", "Their amount (USD).", {min: 0}],
  ["minutes_to_first_purchase", "float64", "Minutes to the first credited purchase.", {nullable: true, min: 0, max: W * 60}],
  ["converted", "bool", "At least one purchase credited."]
]);
export const fctAttributedPurchases = spec("fct_attributed_purchases", "Purchases credited to a notification.", "purchase", ["purchase_id"], [
  ["purchase_id", "int32", "Purchase (the kept event's id)."],
  ["subscriber_id", "int32", "Buyer.", {references: {table: "dim_subscribers", column: "subscriber_id"}}],
  ["vendor_id", "int32", "Vendor.", {references: {table: "dim_vendors", column: "vendor_id"}}],
  ["city_id", "int32", "Buyer's city.", {references: {table: "dim_cities", column: "city_id"}}],
  ["purchased_at", "timestamp", "When (UTC)."],
  ["local_date", "date", "Local date."],
  ["amount", "float64", "Amount (USD).", {min: 0}],
  ["notification_id", "int32", "Credited notification.", {references: {table: "fct_notifications", column: "notification_id"}}],
  ["offer_id", "int32", "Its offer.", {references: {table: "dim_offers", column: "offer_id"}}],
  ["minutes_after_notification", "float64", "Minutes from notification to purchase.", {min: 0, max: W * 60}],
  ["minutes_late", "float64", "Minutes from purchase to arrival of the event."]
]);
export const fctOrganicPurchases = spec("fct_organic_purchases", "Purchases no notification earned.", "purchase", ["purchase_id"], [
  ["purchase_id", "int32", "Purchase."],
  ["subscriber_id", "int32", "Buyer.", {references: {table: "dim_subscribers", column: "subscriber_id"}}],
  ["vendor_id", "int32", "Vendor.", {references: {table: "dim_vendors", column: "vendor_id"}}],
  ["city_id", "int32", "Buyer's city.", {references: {table: "dim_cities", column: "city_id"}}],
  ["purchased_at", "timestamp", "When (UTC)."],
  ["local_date", "date", "Local date."],
  ["amount", "float64", "Amount (USD).", {min: 0}]
]);
export const aggDaily = spec("agg_daily", "Daily activity, notifications and purchases per city (local dates).", "local date × city", ["date", "city_id"], [
  ["date", "date", "Local date."],
  ["city_id", "int32", "City.", {references: {table: "dim_cities", column: "city_id"}}],
  ["active_subscribers", "int32", "Subscribers with a location tick.", {min: 0}],
  ["notifications", "int32", "Notifications sent.", {min: 0}],
  ["notified_subscribers", "int32", "Subscribers notified.", {min: 0}],
  ["converted_notifications", "int32", "Notifications with a credited purchase.", {min: 0}],
  ["notification_cost", "float64", "What vendors paid (USD).", {min: 0}],
  ["attributed_purchases", "int32", "Credited purchases (by purchase date).", {min: 0}],
  ["attributed_revenue", "float64", "Their amount (USD).", {min: 0}],
  ["organic_purchases", "int32", "Other purchases.", {min: 0}],
  ["organic_revenue", "float64", "Their amount (USD).", {min: 0}]
]);
export const aggKpis = spec("agg_kpis", "KPI inputs per week and city (week 0 = the whole period, city 0 = all cities).", "week × city", ["week", "city_id"], [
  ["week", "int32", "Week (0 = all).", {min: 0}],
  ["city_id", "int32", "City (0 = all)."],
  ["active_subscribers", "int32", "Subscribers active in the week.", {min: 0}],
  ["active_previous_week", "int32", "Subscribers active the week before.", {nullable: true, min: 0}],
  ["retained_subscribers", "int32", "Active this week and the week before.", {nullable: true, min: 0}],
  ["notifications", "int32", "Notifications.", {min: 0}],
  ["notified_subscribers", "int32", "Subscribers notified.", {min: 0}],
  ["converted_subscribers", "int32", "Notified subscribers with a credited purchase.", {min: 0}],
  ["converted_notifications", "int32", "Notifications with a credited purchase.", {min: 0}],
  ["attributed_purchases", "int32", "Credited purchases.", {min: 0}],
  ["attributed_revenue", "float64", "Credited revenue (USD).", {min: 0}],
  ["notification_cost", "float64", "Notification spend (USD).", {min: 0}],
  ["vendors_notifying", "int32", "Vendors that sent a notification.", {min: 0}],
  ["vendors_with_attributed_purchase", "int32", "Vendors with at least one credited purchase.", {min: 0}]
]);
export const aggConversion = spec("agg_conversion", "Notification outcomes by vendor, offer, segment, city, category and local hour.", "dimension × key", ["dimension", "key"], [
  ["dimension", "utf8", "Breakdown.", {values: ["vendor", "offer", "segment", "city", "category", "hour"]}],
  ["key", "utf8", "Member id."],
  ["label", "utf8", "Readable member."],
  ["notifications", "int32", "Notifications.", {min: 0}],
  ["converted_notifications", "int32", "With a credited purchase.", {min: 0}],
  ["attributed_purchases", "int32", "Credited purchases.", {min: 0}],
  ["attributed_revenue", "float64", "Credited revenue (USD).", {min: 0}],
  ["notification_cost", "float64", "Spend (USD).", {min: 0}]
]);
export const aggAuctionOffers = spec("agg_auction_offers", "Each offer in the auctions: bids, wins, losses, rate limits, price.", "offer", ["offer_id"], [
  ["offer_id", "int32", "Offer.", {references: {table: "dim_offers", column: "offer_id"}}],
  ["vendor_id", "int32", "Vendor."],
  ["vendor_name", "utf8", "Vendor."],
  ["city_id", "int32", "City."],
  ["city_name", "utf8", "City."],
  ["max_bid", "float64", "Its bid (USD).", {min: 0}],
  ["auctions", "int32", "Auctions entered.", {min: 0}],
  ["wins", "int32", "Auctions won.", {min: 0}],
  ["outbid", "int32", "Auctions lost.", {min: 0}],
  ["rate_limited_subscriber", "int32", "Matches held back by the subscriber interval.", {min: 0}],
  ["rate_limited_offer", "int32", "Matches held back by the offer interval.", {min: 0}],
  ["average_price", "float64", "Average price paid (USD).", {min: 0}],
  ["spend", "float64", "Total paid (USD).", {min: 0}]
]);
export const aggAuctionSize = spec("agg_auction_size", "Auctions by number of bidders.", "bidders", ["bidders"], [
  ["bidders", "int32", "Offers bidding.", {min: 1}],
  ["auctions", "int32", "Auctions.", {min: 0}],
  ["average_winning_bid", "float64", "Average winning bid (USD).", {min: 0}],
  ["average_price", "float64", "Average price paid (USD).", {min: 0}],
  ["average_price_to_bid", "float64", "Average price ÷ winning bid.", {min: 0, max: 1}]
]);
export const aggOutbidVendors = spec("agg_outbid_vendors", "Which vendor outbid which.", "loser × winner", ["outbid_vendor_id", "winner_vendor_id"], [
  ["outbid_vendor_id", "int32", "Vendor that lost."],
  ["outbid_vendor", "utf8", "Its name."],
  ["winner_vendor_id", "int32", "Vendor that won."],
  ["winner_vendor", "utf8", "Its name."],
  ["times", "int32", "Auctions.", {min: 1}]
]);
export const zoneEvents = spec("zone_events", "Locations of notifications and credited purchases per offer (zone map).", "event", undefined, [
  ["offer_id", "int32", "Offer.", {references: {table: "dim_offers", column: "offer_id"}}],
  ["kind", "utf8", "What happened there.", {values: ["notification", "attributed purchase"]}],
  ["latitude", "float64", "Latitude."],
  ["longitude", "float64", "Longitude."],
  ["converted", "bool", "Notification followed by a credited purchase (always true for purchases)."]
]);
export const ACTIVITY_BANDS = ["0-3", "4-7", "8+"] as const;
export const aggIncrementality = spec("agg_incrementality", "Conversion within 60 min of notified vs matched-but-not-notified exposures per offer and activity band (location ticks in the 60 min after), with the simulated truth.", "offer × activity band × exposure", ["offer_id", "activity_band", "exposure"], [
  ["offer_id", "int32", "Offer.", {references: {table: "dim_offers", column: "offer_id"}}],
  ["vendor_name", "utf8", "Vendor."],
  ["city_name", "utf8", "City."],
  ["activity_band", "utf8", "Location ticks the subscriber reported in the 60 min after the exposure.", {values: ACTIVITY_BANDS}],
  ["exposure", "utf8", "notified, outbid or rate_limited.", {values: ["notified", "outbid", "rate_limited"]}],
  ["exposures", "int32", "Exposures.", {min: 0}],
  ["conversions", "int32", "Followed by a purchase at the vendor within 60 min.", {min: 0}],
  ["true_conversion_with", "float64", "Sum of true purchase probabilities with the notification (simulation only).", nullable],
  ["true_conversion_without", "float64", "Sum of true purchase probabilities had it not been sent (simulation only).", nullable]
]);
export const dataQuality = spec("data_quality", "What cleaning changes: the naive reading vs the report's.", "metric", ["metric"], [
  ["step", "int32", "Display order."],
  ["metric", "utf8", "Metric id."],
  ["label", "utf8", "Readable."],
  ["naive_value", "float64", "Raw events, ±24 h, duplicates counted.", nullable],
  ["clean_value", "float64", "Deduplicated, credited by the attribution rule.", nullable],
  ["unit", "utf8", "count, usd, share or ratio.", {values: ["count", "usd", "share", "ratio"]}]
]);
export const aggTimeToPurchase = spec("agg_time_to_purchase", "Credited purchases by whole minutes from notification to purchase.", "minute", ["minute"], [
  ["minute", "int32", "Whole minutes after the notification.", {min: 0, max: W * 60 - 1}],
  ["purchases", "int32", "Credited purchases.", {min: 1}]
]);
export const samplePurchases = spec("sample_purchases", "Raw purchase events (typed) of a fixed sample of 600 subscribers, for the SQL explorer.", "received event", ["event_id"], [
  ["event_id", "int32", "Event."],
  ["subscriber_id", "int32", "Buyer."],
  ["vendor_id", "int32", "Vendor."],
  ["purchased_at", "timestamp", "When it happened (UTC)."],
  ["received_at", "timestamp", "When it arrived (UTC)."],
  ["amount", "float64", "USD."],
  ["latitude", "float64", "Latitude."],
  ["longitude", "float64", "Longitude."]
]);
export const sampleNotifications = spec("sample_notifications", "fct_notifications rows of the same sampled subscribers, for the SQL explorer (a superset of stg_notifications).", "notification", ["notification_id"], [
  ["notification_id", "int32", "Notification."],
  ["subscriber_id", "int32", "Recipient."],
  ["offer_id", "int32", "Offer.", {references: {table: "dim_offers", column: "offer_id"}}],
  ["vendor_id", "int32", "Vendor.", {references: {table: "dim_vendors", column: "vendor_id"}}],
  ["city_id", "int32", "City.", {references: {table: "dim_cities", column: "city_id"}}],
  ["notified_at", "timestamp", "Sent (UTC)."],
  ["local_date", "date", "Local date."],
  ["local_hour", "int32", "Local hour.", {min: 0, max: 23}],
  ["price", "float64", "USD.", {min: 0}],
  ["attributed_purchases", "int32", "Purchases credited to it.", {min: 0}],
  ["attributed_revenue", "float64", "Their amount (USD).", {min: 0}],
  ["minutes_to_first_purchase", "float64", "Minutes to the first credited purchase.", {nullable: true, min: 0}],
  ["converted", "bool", "At least one purchase credited."]
]);

/** Facts and dimensions kept in the warehouse (tested there in SQL, not published: they grow with the scale). */
export const WAREHOUSE_MODELS: TableSpec[] = [dimSubscribers, fctNotifications, fctAttributedPurchases, fctOrganicPurchases];

/** Every output file: its spec and the query that fills it (ordered, so files are deterministic). */
export const OUTPUTS: {spec: TableSpec; sql: string}[] = [
  {spec: dimCities, sql: "SELECT * FROM dim_cities ORDER BY city_id"},
  {spec: dimVendors, sql: "SELECT * FROM dim_vendors ORDER BY vendor_id"},
  {spec: dimSegments, sql: "SELECT * FROM dim_segments ORDER BY segment_id"},
  {spec: dimOffers, sql: "SELECT * FROM dim_offers ORDER BY offer_id"},
  {spec: aggDaily, sql: "SELECT * FROM agg_daily ORDER BY date, city_id"},
  {spec: aggKpis, sql: "SELECT * FROM agg_kpis ORDER BY week, city_id"},
  {spec: aggConversion, sql: "SELECT * FROM agg_conversion ORDER BY dimension, key"},
  {spec: aggAuctionOffers, sql: "SELECT * FROM agg_auction_offers ORDER BY offer_id"},
  {spec: aggAuctionSize, sql: "SELECT * FROM agg_auction_size ORDER BY bidders"},
  {spec: aggOutbidVendors, sql: "SELECT * FROM agg_outbid_vendors ORDER BY outbid_vendor_id, winner_vendor_id"},
  {spec: zoneEvents, sql: "SELECT * FROM zone_events ORDER BY offer_id, kind, latitude, longitude"},
  {spec: aggTimeToPurchase, sql: "SELECT * FROM agg_time_to_purchase ORDER BY minute"},
  {spec: aggIncrementality, sql: "SELECT * FROM agg_incrementality ORDER BY offer_id, activity_band, exposure"},
  {spec: dataQuality, sql: "SELECT * FROM data_quality ORDER BY step"},
  {spec: samplePurchases, sql: "SELECT * FROM stg_purchases WHERE subscriber_id IN (SELECT subscriber_id FROM sample_subscribers) ORDER BY event_id"},
  {spec: sampleNotifications, sql: `SELECT ${sampleNotifications.columns.map((c) => c.name).join(", ")} FROM fct_notifications WHERE subscriber_id IN (SELECT subscriber_id FROM sample_subscribers) ORDER BY notification_id`}
];

export {MATCH_OUTCOMES};
