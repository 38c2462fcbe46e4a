// The report's loader as Framework runs it (a child process writing a tar of Arrow files):
// identical bytes for the same seed, the analyst's files instead of the simulation when DATA_DIR
// is set (with hand-worked answers), and bad input or a failing data test stop it with nothing written.
import {spawnSync} from "node:child_process";
import {createHash} from "node:crypto";
import {cpSync, mkdtempSync, readFileSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {readArrow} from "../../data-loaders/shared/arrow.js";
import {untar} from "../../data-loaders/shared/tar.js";

const root = join(import.meta.dirname, "..", "..");
const loader = join(root, "src/data/rtm/facts.tar.ts");
const fixture = join(root, "test/fixtures/real-data/rtm");

function run(env: Record<string, string>) {
  const result = spawnSync(join(root, "node_modules", ".bin", "tsx"), [loader], {cwd: root, env: {...process.env, SEED: "", SCALE: "", DATA_DIR: "", RTM_DATA_DIR: "", ...env}, maxBuffer: 1 << 30});
  return {status: result.status, stdout: result.stdout, stderr: result.stderr.toString()};
}
const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const rows = (files: Map<string, Uint8Array>, name: string) => readArrow(files.get(`${name}.arrow`)!).toArray().map((r) => r.toJSON());

function copyFixture(edit?: (dir: string) => void): string {
  const data = mkdtempSync(join(tmpdir(), "rtm-data-"));
  cpSync(fixture, join(data, "rtm"), {recursive: true});
  edit?.(join(data, "rtm"));
  return data;
}

describe("rtm facts loader", () => {
  it("writes byte-identical archives for the same seed and different ones for another seed", () => {
    const a = run({SEED: "5", SCALE: "tiny"});
    const b = run({SEED: "5", SCALE: "tiny"});
    const c = run({SEED: "6", SCALE: "tiny"});
    expect(a.status).toBe(0);
    expect(sha(b.stdout)).toBe(sha(a.stdout));
    expect(sha(c.stdout)).not.toBe(sha(a.stdout));
    const files = untar(a.stdout);
    expect([...files.keys()]).toContain("agg_kpis.arrow");
    expect(readArrow(files.get("sample_notifications.arrow")!).numRows).toBeGreaterThan(500);
    const tests = rows(files, "data_tests");
    expect(tests.every((t) => t.status === "pass")).toBe(true);
    // The large facts are tested in the warehouse (SQL), not brought into the loader's memory.
    expect(tests.filter((t) => t.model === "fct_notifications").map((t) => t.test)).toEqual(expect.arrayContaining(["unique(notification_id)", "relationships(subscriber_id → dim_subscribers.subscriber_id)", "inside_offer_zone", "rate_limit_subscriber", "in_required_segments"]));
  });

  it("reads an analyst's files and gets the hand-worked answers", () => {
    const result = run({DATA_DIR: copyFixture()});
    expect(result.status, result.stderr).toBe(0);
    const files = untar(result.stdout);
    // Events 2 and 3 are one purchase (retry); event 1 precedes notification 1 (organic); event 2
    // came 19 min 55 s after notification 1 (10:00:05 → 10:20:00); event 4 arrived 4 h late but
    // happened 59 min 53 s after notification 2 (10:00:07 → 11:00:00), so it is credited to it.
    const sent = rows(files, "sample_notifications").map((r) => [r.notification_id, r.attributed_purchases, r.attributed_revenue, Math.round(r.minutes_to_first_purchase * 60)]);
    expect(sent).toEqual([
      [1, 1, 6, 19 * 60 + 55],
      [2, 1, 18, 59 * 60 + 53]
    ]);
    expect(rows(files, "agg_time_to_purchase")).toEqual([
      {minute: 19, purchases: 1},
      {minute: 59, purchases: 1}
    ]);
    const quality = Object.fromEntries(rows(files, "data_quality").map((r) => [r.metric, [r.naive_value, r.clean_value]]));
    expect(quality.purchase_events).toEqual([4, 3]);
    expect(quality.duplicate_events).toEqual([1, 0]);
    // Naively, events 1, 2, 3 (vendor 1, within 24 h of notification 1) and 4 are "near" a notification.
    expect(quality.near_notification_events).toEqual([4, 3]);
    expect(quality.before_notification[1]).toBe(1);
    expect(quality.credited_purchases).toEqual([4, 2]); // events 1-4 naively; purchases 2 and 4 by the rule
    // Whole-period KPIs, all cities: both notified subscribers bought after their notification.
    const all = rows(files, "agg_kpis").find((r) => r.week === 0 && r.city_id === 0)!;
    expect(all).toMatchObject({notifications: 2, notified_subscribers: 2, converted_subscribers: 2, converted_notifications: 2, attributed_purchases: 2, attributed_revenue: 24, vendors_notifying: 2, vendors_with_attributed_purchase: 2});
    expect(all.notification_cost).toBeCloseTo(0.35, 10);
    // Auction: offer 1 (0.50) beat offer 2 (0.30) and paid 0.30; offer 2 alone paid the 0.05 reserve.
    const auctions = rows(files, "agg_auction_offers");
    expect(auctions.map((r) => [r.offer_id, r.wins, r.outbid, r.rate_limited_subscriber])).toEqual([
      [1, 1, 0, 1],
      [2, 1, 1, 1]
    ]);
  });

  it("exits non-zero on bad files, naming file, row and column, and writes nothing", () => {
    const data = copyFixture((dir) => writeFileSync(join(dir, "purchases.csv"), readFileSync(join(dir, "purchases.csv"), "utf8").replace(",18.00,", ",-18.00,")));
    const result = run({DATA_DIR: data});
    expect(result.status).not.toBe(0);
    expect(result.stdout.length).toBe(0);
    expect(result.stderr).toContain(`${join(data, "rtm", "purchases.csv")}:5 column "amount": -18.00 is below the minimum 0 USD`);
  });

  it("refuses an offer of an unknown vendor and an unknown match outcome", () => {
    const data = copyFixture((dir) => {
      writeFileSync(join(dir, "offers.csv"), readFileSync(join(dir, "offers.csv"), "utf8").replace("\n2,2,1,", "\n2,9,1,"));
      writeFileSync(join(dir, "offer_matches.csv"), readFileSync(join(dir, "offer_matches.csv"), "utf8").replace("0.30,outbid", "0.30,lost"));
    });
    const result = run({DATA_DIR: data});
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain(`offers.csv:3 column "vendor_id": 9 does not exist in vendors.csv`);
    expect(result.stderr).toContain(`offer_matches.csv:3 column "outcome": "lost" is not an accepted value`);
  });

  it("stops the build when a data test fails: a notification sent outside its offer's zone", () => {
    const data = copyFixture((dir) => writeFileSync(join(dir, "notifications.csv"), readFileSync(join(dir, "notifications.csv"), "utf8").replace("0.05,38.72,-9.14", "0.05,38.80,-9.14")));
    const result = run({DATA_DIR: data});
    expect(result.status).not.toBe(0);
    expect(result.stdout.length).toBe(0);
    expect(result.stderr).toContain("fct_notifications: inside_offer_zone — 1 failing");
  });
});
