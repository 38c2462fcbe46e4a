/**
 * RFM values, quintile scores and segments: a hand-worked example (numbers worked in comments) and
 * all 23,570 CDNOW customers against an independent pandas computation
 * (test/fixtures/cdnow/rfm_reference.py → rfm_reference.json.gz).
 */
import {readFileSync} from "node:fs";
import {gunzipSync} from "node:zlib";
import {describe, expect, it} from "vitest";
import {
  RFM_SEGMENTS,
  RFM_SEGMENT_ACTIONS,
  RFM_SEGMENT_GRID,
  quintileScores,
  rfm,
  rfmSegment,
  rfmSegmentSummary,
  type RfmTransaction
} from "../../src/analytics/rfm.js";

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

// Five customers, reference date 2024-01-31. Worked by hand:
//   A: 01-10 $50 + 01-10 $20 (same day: one occasion), 01-20 $50, 01-30 $100
//      → recency 1, frequency 3, total 220, mean 220/3
//   B: 01-05 $30, 01-25 $30               → recency 6, frequency 2, total 60, mean 30
//   C: 2023-12-01 $500                    → recency 31 + 30 = 61, frequency 1, total 500
//   D: 2023-11-15 $10, 2023-12-15 $10     → recency 16 + 31 = 47, frequency 2, total 20, mean 10
//   E: 01-31 $5 (the reference day), 02-10 $999 (after it: ignored) → recency 0, frequency 1, total 5
// With n = 5, score = max(1, ceil(5 (rank - 1) / 4)) = rank, so scores are the ranks:
//   recency ascending E0 A1 B6 D47 C61 → ranks 1..5 → R = 6 - rank: E5 A4 B3 D2 C1
//   frequency, ties by id order (A..E): C1 E1 B2 D2 A3 → F: C1 E2 B3 D4 A5
//   total: E5 D20 B60 A220 C500 → M: E1 D2 B3 A4 C5
//   scores "RFM": A 454, B 333, C 115, D 242, E 521
//   fm = ceil((F + M) / 2): A ceil(4.5)=5, B 3, C 3, D 3, E ceil(1.5)=2
//   grid: A R4/fm5 Champions, B R3/fm3 Needs Attention, C R1/fm3 At Risk, D R2/fm3 At Risk,
//         E R5/fm2 Potential Loyalists
const handRows: RfmTransaction[] = [
  {customerId: "A", date: new Date("2024-01-10T09:00:00Z"), amount: 50},
  {customerId: "A", date: new Date("2024-01-10T17:30:00Z"), amount: 20},
  {customerId: "A", date: day("2024-01-20"), amount: 50},
  {customerId: "A", date: day("2024-01-30"), amount: 100},
  {customerId: "B", date: day("2024-01-05"), amount: 30},
  {customerId: "B", date: day("2024-01-25"), amount: 30},
  {customerId: "C", date: day("2023-12-01"), amount: 500},
  {customerId: "D", date: day("2023-12-15"), amount: 10},
  {customerId: "D", date: day("2023-11-15"), amount: 10},
  {customerId: "E", date: day("2024-02-10"), amount: 999},
  {customerId: "E", date: day("2024-01-31"), amount: 5}
];
const reference = day("2024-01-31");

describe("rfm on a hand-worked example", () => {
  const result = rfm(handRows, {referenceDate: reference});
  const byId = Object.fromEntries(result.customers.map((c) => [c.customerId, c]));

  it("computes recency, frequency and monetary as worked in the comments", () => {
    expect(result.customers.map((c) => c.customerId)).toEqual(["A", "B", "C", "D", "E"]);
    expect(result.customers.map((c) => c.recency)).toEqual([1, 6, 61, 47, 0]);
    expect(result.customers.map((c) => c.frequency)).toEqual([3, 2, 1, 2, 1]);
    expect(result.customers.map((c) => c.monetary)).toEqual([220, 60, 500, 20, 5]);
    expect(result.excludedTransactions).toBe(1); // E's $999 after the reference day
    expect(result.referenceDate).toBe(reference);
    expect(byId.A.lastPurchase).toBe(day("2024-01-30"));
    expect(byId.D.firstPurchase).toBe(day("2023-11-15"));
  });

  it("scores quintiles by first-rank and names segments from the grid", () => {
    expect(result.customers.map((c) => c.score)).toEqual(["454", "333", "115", "242", "521"]);
    expect(result.customers.map((c) => c.fm)).toEqual([5, 3, 3, 3, 2]);
    expect(result.customers.map((c) => c.segment)).toEqual(["Champions", "Needs Attention", "At Risk", "At Risk", "Potential Loyalists"]);
  });

  it('shares scores among ties with ties: "average"', () => {
    // frequency C1 E1 B2 D2 A3: mean ranks 1.5, 1.5, 3.5, 3.5, 5 →
    // ceil(5·0.5/4) = 1, ceil(5·2.5/4) = 4, 5 → F: A5 B4 C1 D4 E1 (R and M have no ties: unchanged)
    // fm: A 5, B ceil(3.5) = 4, C 3, D 3, E 1 → A Champions, B R3/fm4 Loyal, C At Risk, D At Risk, E R5/fm1 New
    const avg = rfm(handRows, {referenceDate: reference, ties: "average"}).customers;
    expect(avg.map((c) => c.f)).toEqual([5, 4, 1, 4, 1]);
    expect(avg.map((c) => c.segment)).toEqual(["Champions", "Loyal", "At Risk", "At Risk", "New"]);
  });

  it('uses the mean per occasion with monetary: "mean"', () => {
    const mean = rfm(handRows, {referenceDate: reference, monetary: "mean"}).customers;
    // A 220/3, B 60/2, C 500, D 20/2, E 5 (hand division); revenue stays the total
    expect(mean.map((c) => c.monetary)).toEqual([220 / 3, 30, 500, 10, 5]);
    expect(mean.map((c) => c.revenue)).toEqual([220, 60, 500, 20, 5]);
    // ascending E5 D10 B30 A73.3 C500: the same order as totals, so the same M scores
    expect(mean.map((c) => c.m)).toEqual([4, 3, 5, 2, 1]);
  });

  it("takes columns as well as rows, and counts orders when orderId is given", () => {
    const columns = {
      customerId: handRows.map((t) => t.customerId),
      date: handRows.map((t) => t.date),
      amount: Float64Array.from(handRows.map((t) => t.amount))
    };
    expect(rfm(columns, {referenceDate: reference}).customers).toEqual(result.customers);
    // A's two lines on 01-10 as two orders → frequency 4
    const withOrders = handRows.map((t, i) => ({...t, orderId: i}));
    expect(rfm(withOrders, {referenceDate: reference}).customers[0].frequency).toBe(4);
  });

  it("defaults the reference date to the day after the last transaction", () => {
    const r = rfm(handRows.slice(0, 9)); // last: A 2024-01-30 → reference 01-31, as above
    expect(r.referenceDate).toBe(day("2024-01-31"));
    expect(r.customers.map((c) => c.recency)).toEqual([1, 6, 61, 47]);
  });

  it("summarises segments: count, shares, means, action", () => {
    const summary = rfmSegmentSummary(result.customers);
    expect(summary.map((s) => s.segment)).toEqual([...RFM_SEGMENTS]);
    const atRisk = summary.find((s) => s.segment === "At Risk")!;
    // C and D: 2 of 5 customers, (500 + 20) / 805 of revenue, mean recency (61 + 47) / 2 = 54
    expect(atRisk.count).toBe(2);
    expect(atRisk.share).toBeCloseTo(0.4, 12);
    expect(atRisk.revenueShare).toBeCloseTo(520 / 805, 12);
    expect(atRisk.meanRecency).toBe(54);
    expect(atRisk.meanFrequency).toBe(1.5);
    expect(atRisk.meanM).toBe(3.5); // M 5 and 2
    expect(atRisk.action).toBe(RFM_SEGMENT_ACTIONS["At Risk"]);
    const lost = summary.find((s) => s.segment === "Lost")!;
    expect(lost.count).toBe(0);
    expect(lost.meanRecency).toBeNaN();
    expect(summary.reduce((s, x) => s + x.share, 0)).toBeCloseTo(1, 12);
  });

  it("reports bad input with its row", () => {
    expect(() => rfm([{customerId: 1, date: NaN, amount: 1}])).toThrow(/row 0/);
    expect(() => rfm([{customerId: 1, date: 0, amount: 1}, {customerId: 2, date: 0, amount: Number.NaN}])).toThrow(/finite amount at row 1/);
    expect(() => rfm({customerId: [1, 2], date: [0], amount: [1, 2]})).toThrow(/column date has 1 values/);
  });
});

describe("quintileScores and the segment grid", () => {
  it("matches pandas qcut on ranks", () => {
    // pd.qcut(pd.Series(range(1, 11)), 5, labels=False) + 1 → [1, 1, 2, 2, 3, 3, 4, 4, 5, 5] (pandas 1.5.3)
    expect(Array.from(quintileScores([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]))).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect(Array.from(quintileScores([10, 9, 8, 7, 6, 5, 4, 3, 2, 1], {reverse: true}))).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect(Array.from(quintileScores([7]))).toEqual([3]); // documented: a single value scores 3
  });

  it("covers every R x FM cell with one of the ten segments, each used", () => {
    const used = new Set<string>();
    for (let r = 1; r <= 5; r++) for (let f = 1; f <= 5; f++) for (let m = 1; m <= 5; m++) used.add(rfmSegment(r, f, m));
    expect([...used].sort()).toEqual([...RFM_SEGMENTS].sort());
    expect(RFM_SEGMENT_GRID[4][4]).toBe("Champions");
    expect(RFM_SEGMENT_GRID[0][0]).toBe("Lost");
    expect(() => rfmSegment(0, 3, 3)).toThrow(/r an integer score 1-5/);
  });
});

describe("rfm on CDNOW against pandas (test/fixtures/cdnow/rfm_reference.py)", () => {
  const fixtures = new URL("../fixtures/cdnow/", import.meta.url);
  const ref = JSON.parse(gunzipSync(readFileSync(new URL("rfm_reference.json.gz", fixtures))).toString("utf8"));
  // CDNOW_master.txt: header, then customer id, date YYYYMMDD, number of CDs, dollar value (CRLF).
  const lines = gunzipSync(readFileSync(new URL("CDNOW_master.txt.gz", fixtures))).toString("utf8").trim().split(/\r?\n/).slice(1);
  const transactions: RfmTransaction[] = lines.map((line) => {
    const [id, date, , value] = line.trim().split(/\s+/);
    return {customerId: Number(id), date: Date.UTC(+date.slice(0, 4), +date.slice(4, 6) - 1, +date.slice(6, 8)), amount: Number(value)};
  });
  const result = rfm(transactions);
  const customers = result.customers;

  it("has the same customers, reference date and R, F, M", () => {
    expect(transactions.length).toBe(ref.transactions); // 69,659 lines
    expect(new Date(result.referenceDate).toISOString().slice(0, 10)).toBe(ref.referenceDate); // 1998-07-01
    expect(customers.map((c) => c.customerId)).toEqual(ref.customerId);
    expect(customers.map((c) => c.recency)).toEqual(ref.recency);
    expect(customers.map((c) => c.frequency)).toEqual(ref.frequency);
    const maxError = Math.max(...customers.map((c, i) => Math.abs(c.monetary - ref.monetary[i])));
    expect(maxError).toBeLessThan(1e-6); // pandas sums rounded to 6 decimals in the JSON
  });

  it("has the same quintile scores and segments", () => {
    expect(customers.map((c) => c.r)).toEqual(ref.r);
    expect(customers.map((c) => c.f)).toEqual(ref.f);
    expect(customers.map((c) => c.m)).toEqual(ref.m);
    expect(customers.map((c) => RFM_SEGMENTS.indexOf(c.segment))).toEqual(ref.segment);
    expect(ref.segmentNames).toEqual([...RFM_SEGMENTS]);
  });

  it("has the same scores with the average tie rule and with mean monetary", () => {
    const avg = rfm(transactions, {ties: "average"}).customers;
    expect(avg.map((c) => c.r)).toEqual(ref.rAverageTies);
    expect(avg.map((c) => c.f)).toEqual(ref.fAverageTies);
    expect(avg.map((c) => c.m)).toEqual(ref.mAverageTies);
    const mean = rfm(transactions, {monetary: "mean"}).customers;
    expect(Math.max(...mean.map((c, i) => Math.abs(c.monetary - ref.monetaryMean[i])))).toBeLessThan(1e-8);
    expect(mean.map((c) => c.m)).toEqual(ref.mMeanFirst);
  });

  it("has the same segment summary", () => {
    const summary = rfmSegmentSummary(customers);
    for (const [i, s] of summary.entries()) {
      const expected = ref.summary[i];
      expect(s.segment).toBe(expected.segment);
      expect(s.count).toBe(expected.count);
      expect(s.share).toBeCloseTo(expected.share, 12);
      expect(s.revenueShare).toBeCloseTo(expected.revenueShare, 10);
      if (expected.count === 0) {
        expect(s.meanRecency).toBeNaN();
      } else {
        expect(s.meanRecency).toBeCloseTo(expected.meanRecency, 9);
        expect(s.meanFrequency).toBeCloseTo(expected.meanFrequency, 9);
        expect(s.meanMonetary).toBeCloseTo(expected.meanMonetary, 6);
      }
    }
  });
});
