// Dedup and attribution SQL (src/analytics/notificationAttribution.ts) on a hand-made event stream
// in native DuckDB. Every expected row below is worked out by hand from the rules in that file:
// natural-key dedup keeping the first received copy; credit to the latest same-vendor notification
// sent at or before the purchase and less than 24 h before it; otherwise organic.
import {DuckDBInstance, type DuckDBConnection} from "@duckdb/node-api";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {ATTRIBUTE_PURCHASES_SQL, DEDUPLICATE_AND_ATTRIBUTE_SQL, DEDUPLICATE_PURCHASES_SQL} from "../../src/analytics/notificationAttribution.js";

// Subscriber 1, vendor 10 unless said otherwise; all on 2025-03-03 (UTC) unless "next day".
const notifications = [
  // id, subscriber, offer, vendor, sent at
  [1, 1, 100, 10, "2025-03-03 12:00:00"],
  [2, 1, 101, 10, "2025-03-03 14:00:00"]
] as const;
const purchases = [
  // event, subscriber, vendor, purchased at, received at, amount
  [1, 1, 10, "2025-03-03 11:50:00", "2025-03-03 11:50:02", 12.0], // before the first notification: organic
  [2, 1, 10, "2025-03-03 12:30:00", "2025-03-03 12:30:05", 9.5], // after N1 …
  [3, 1, 10, "2025-03-03 12:30:00", "2025-03-03 12:31:00", 9.5], // … and its retry: dropped
  [4, 1, 10, "2025-03-03 14:10:00", "2025-03-03 14:10:01", 20.0], // after N2: N2 (the latest), not N1
  [5, 1, 10, "2025-03-03 13:00:00", "2025-03-03 16:00:00", 7.0], // late: arrives after N2, happened before it → N1
  [6, 1, 11, "2025-03-03 12:10:00", "2025-03-03 12:10:01", 4.0], // another vendor: organic
  [7, 2, 10, "2025-03-03 12:10:00", "2025-03-03 12:10:01", 4.0], // another subscriber: organic
  [8, 1, 10, "2025-03-04 14:00:00", "2025-03-04 14:00:01", 3.0], // exactly 24 h after N2: outside the window
  [9, 1, 10, "2025-03-04 13:59:00", "2025-03-04 13:59:01", 3.0], // 23 h 59 min after N2: inside
  [10, 1, 10, "2025-03-03 12:00:00", "2025-03-03 12:00:01", 5.0], // same instant as N1: counts as after
  [11, 1, 10, "2025-03-03 12:30:00", "2025-03-03 12:30:06", 9.0], // same time as event 2, other amount: a different purchase
  [12, 1, 10, "2025-03-03 15:00:00", "2025-03-03 15:02:00", 30.0], // a retry that arrived second …
  [13, 1, 10, "2025-03-03 15:00:00", "2025-03-03 15:01:00", 30.0] // … after this copy, which is kept
] as const;

// purchase_id → [notification_id, minutes after it] or null for organic.
const expected: Record<number, [number, number] | null> = {
  1: null,
  2: [1, 30],
  4: [2, 10],
  5: [1, 60],
  6: null,
  7: null,
  8: null,
  9: [2, 1439],
  10: [1, 0],
  11: [1, 30],
  13: [2, 60]
};

async function load(connection: DuckDBConnection, timestampType: "TIMESTAMP" | "TIMESTAMP_MS") {
  await connection.run(`CREATE OR REPLACE TABLE stg_notifications (notification_id INTEGER, subscriber_id INTEGER, offer_id INTEGER, vendor_id INTEGER, notified_at ${timestampType})`);
  await connection.run(`INSERT INTO stg_notifications VALUES ${notifications.map(([id, s, o, v, at]) => `(${id}, ${s}, ${o}, ${v}, TIMESTAMP '${at}')`).join(", ")}`);
  await connection.run(`CREATE OR REPLACE TABLE stg_purchases (event_id INTEGER, subscriber_id INTEGER, vendor_id INTEGER, purchased_at ${timestampType}, received_at ${timestampType}, amount DOUBLE, latitude DOUBLE, longitude DOUBLE)`);
  await connection.run(`INSERT INTO stg_purchases VALUES ${purchases.map(([e, s, v, at, rec, amount]) => `(${e}, ${s}, ${v}, TIMESTAMP '${at}', TIMESTAMP '${rec}', ${amount}, 0, 0)`).join(", ")}`);
}

async function attributed(connection: DuckDBConnection, sql: string) {
  const reader = await connection.runAndReadAll(`SELECT purchase_id, notification_id, minutes_after_notification FROM (${sql}) ORDER BY purchase_id`);
  return Object.fromEntries(reader.getRowObjectsJS().map((r) => [Number(r.purchase_id), r.notification_id === null ? null : [Number(r.notification_id), Number(r.minutes_after_notification)]]));
}

let instance: DuckDBInstance;
let connection: DuckDBConnection;
beforeAll(async () => {
  instance = await DuckDBInstance.create(":memory:");
  connection = await instance.connect();
});
afterAll(() => {
  connection.closeSync();
  instance.closeSync();
});

describe("deduplication", () => {
  it("keeps one row per natural key, the first copy received", async () => {
    await load(connection, "TIMESTAMP");
    const reader = await connection.runAndReadAll(`SELECT purchase_id FROM (${DEDUPLICATE_PURCHASES_SQL}) ORDER BY purchase_id`);
    expect(reader.getRowObjectsJS().map((r) => Number(r.purchase_id))).toEqual([1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 13]);
  });
});

describe("attribution", () => {
  for (const type of ["TIMESTAMP", "TIMESTAMP_MS"] as const) {
    it(`credits the latest earlier notification within 24 h, never a later one (${type} columns${type === "TIMESTAMP_MS" ? ", as Arrow files give DuckDB-WASM" : ""})`, async () => {
      await load(connection, type);
      await connection.run(`CREATE OR REPLACE TABLE purchases_deduped AS ${DEDUPLICATE_PURCHASES_SQL}`);
      expect(await attributed(connection, ATTRIBUTE_PURCHASES_SQL)).toEqual(expected);
      // The one-statement form the SQL explorer runs gives the same answer.
      expect(await attributed(connection, DEDUPLICATE_AND_ATTRIBUTE_SQL)).toEqual(expected);
    });
  }

  it("would credit the late event to the wrong notification if arrival time were used (why event time matters)", async () => {
    await load(connection, "TIMESTAMP");
    const byArrival = DEDUPLICATE_AND_ATTRIBUTE_SQL.replaceAll("n.notified_at <= p.purchased_at", "n.notified_at <= p.received_at").replaceAll("p.purchased_at < n.notified_at", "p.received_at < n.notified_at");
    const wrong = await attributed(connection, byArrival);
    expect(wrong[5]?.[0]).toBe(2);
    expect(expected[5]?.[0]).toBe(1);
  });
});
