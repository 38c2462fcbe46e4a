/**
 * The two queries that decide what a notification earned, as SQL text run unchanged by native
 * DuckDB at build time (data-loaders/rtm/transform.ts) and by DuckDB-WASM on the report's SQL
 * explorer page, so the reader runs exactly what built the report.
 *
 * 1. Deduplication: retries re-send a purchase with a new event_id; a purchase is identified by
 *    its natural key (subscriber, vendor, purchase time, amount) and the first copy received is
 *    kept (ROW_NUMBER over the key, ordered by arrival then event id).
 * 2. Attribution: a purchase is credited to the latest notification from the same vendor to the
 *    same subscriber sent at or before the purchase and less than ATTRIBUTION_WINDOW_HOURS before
 *    it (ROW_NUMBER over the candidate notifications, latest first). A notification after the
 *    purchase never gets it; a purchase with no such notification is organic. Times are event
 *    times (purchased_at), so a late-arriving event is judged by when it happened, not when it
 *    arrived.
 *
 * Input tables (names fixed so the same text runs everywhere):
 *   stg_purchases(event_id, subscriber_id, vendor_id, purchased_at, received_at, amount, latitude, longitude)
 *   stg_notifications(notification_id, subscriber_id, offer_id, vendor_id, notified_at, ...)
 * Tests: test/rtm/attribution.test.ts runs them on hand-made event streams with known answers.
 */

export const ATTRIBUTION_WINDOW_HOURS = 24;

/** Unique purchases: one row per natural key, the first received copy. */
export const DEDUPLICATE_PURCHASES_SQL = `SELECT event_id AS purchase_id, subscriber_id, vendor_id, purchased_at, received_at, amount, latitude, longitude
FROM (
  SELECT *,
         ROW_NUMBER() OVER (
           PARTITION BY subscriber_id, vendor_id, purchased_at, amount
           ORDER BY received_at, event_id
         ) AS copy_number
  FROM stg_purchases
) AS received
WHERE copy_number = 1`;

/** Each unique purchase (from purchases_deduped) with the notification it is attributed to, or NULLs when organic. */
export const ATTRIBUTE_PURCHASES_SQL = `SELECT p.purchase_id, p.subscriber_id, p.vendor_id, p.purchased_at, p.received_at, p.amount,
       m.notification_id, m.offer_id, m.notified_at,
       (epoch_ms(p.purchased_at) - epoch_ms(m.notified_at)) / 60000.0 AS minutes_after_notification
FROM purchases_deduped AS p
LEFT JOIN (
  SELECT p.purchase_id, n.notification_id, n.offer_id, n.notified_at,
         ROW_NUMBER() OVER (
           PARTITION BY p.purchase_id
           ORDER BY n.notified_at DESC, n.notification_id DESC
         ) AS recency_rank
  FROM purchases_deduped AS p
  JOIN stg_notifications AS n
    ON n.subscriber_id = p.subscriber_id
   AND n.vendor_id = p.vendor_id
   AND n.notified_at <= p.purchased_at
   AND p.purchased_at < n.notified_at + INTERVAL ${ATTRIBUTION_WINDOW_HOURS} HOUR
) AS m
  ON m.purchase_id = p.purchase_id AND m.recency_rank = 1`;

/** Both steps in one statement (the dedup as a common table expression), as the SQL explorer runs it. */
export const DEDUPLICATE_AND_ATTRIBUTE_SQL = `WITH purchases_deduped AS (
${DEDUPLICATE_PURCHASES_SQL}
)
${ATTRIBUTE_PURCHASES_SQL}`;
