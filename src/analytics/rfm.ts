/**
 * RFM (recency, frequency, monetary value) scores and segments per customer.
 *
 * Estimates: for each customer, as of a reference date, the days since the last purchase
 * (recency), the number of distinct purchase occasions (frequency) and the money spent (total, or
 * mean per occasion), then a 1-5 quintile score for each (recency reversed: most recent = 5) and a
 * named segment from a fixed grid of the R score against the mean of the F and M scores.
 * Reference: Hughes (1994), "Strategic Database Marketing" (quintile RFM); the segment names are
 * the commonly used R vs FM grid (Putler's list of eleven, "About To Sleep" folded into its
 * neighbours); the quintile rule is pandas' `qcut(x.rank(method="first"), 5, labels=[1..5])`.
 * Tests (test/analytics/rfm.test.ts) prove: hand-worked scores and segments on a few customers,
 * and on all 23,570 CDNOW customers (69,659 transactions) R, F, M, the three scores and the
 * segment equal an independent pandas computation (test/fixtures/cdnow/rfm_reference.py) exactly.
 * The rules are tabled in docs/models/rfm.md.
 */

const DAY_MS = 86_400_000;

/** One purchase line. `date` is a Date or ms since epoch; `orderId`, when given, defines occasions. */
export interface RfmTransaction {
  customerId: string | number;
  date: Date | number;
  amount: number;
  orderId?: string | number;
}

/** The same transactions as parallel columns (e.g. from an Arrow table); all of one length. */
export interface RfmTransactionColumns {
  customerId: ArrayLike<string | number>;
  date: ArrayLike<Date | number>;
  amount: ArrayLike<number>;
  orderId?: ArrayLike<string | number>;
}

/** How equal values share quintile scores. */
export type RfmTies = "first" | "average";

export interface RfmOptions {
  /**
   * The "as of" date (Date or ms). Recency counts whole UTC days from the last purchase to this
   * day; transactions on a later UTC day are ignored. Default: the day after the last transaction.
   */
  referenceDate?: Date | number;
  /** "total" (default): money spent over the period; "mean": total / frequency (per occasion). */
  monetary?: "total" | "mean";
  /**
   * "first" (default): customers are ranked by value with ties broken by customer id (the order of
   * the output), so quintiles have equal sizes, exactly as pandas `qcut(rank(method="first"), 5)`
   * on a table sorted by id. "average": tied customers share the score of their mean rank.
   */
  ties?: RfmTies;
}

export const RFM_SEGMENTS = [
  "Champions",
  "Loyal",
  "Potential Loyalists",
  "New",
  "Promising",
  "Needs Attention",
  "At Risk",
  "Can't Lose Them",
  "Hibernating",
  "Lost"
] as const;

export type RfmSegment = (typeof RFM_SEGMENTS)[number];

/**
 * The segment grid: `RFM_SEGMENT_GRID[r - 1][fm - 1]` where fm = ceil((F + M) / 2), i.e. the mean
 * of the F and M scores with halves rounded up. Rows are R = 1 (longest ago) to 5 (most recent).
 */
export const RFM_SEGMENT_GRID: readonly (readonly RfmSegment[])[] = [
  /* R=1 */ ["Lost", "Lost", "At Risk", "Can't Lose Them", "Can't Lose Them"],
  /* R=2 */ ["Hibernating", "Hibernating", "At Risk", "At Risk", "Can't Lose Them"],
  /* R=3 */ ["Hibernating", "Needs Attention", "Needs Attention", "Loyal", "Loyal"],
  /* R=4 */ ["Promising", "Potential Loyalists", "Potential Loyalists", "Loyal", "Champions"],
  /* R=5 */ ["New", "Potential Loyalists", "Potential Loyalists", "Champions", "Champions"]
];

/** A short recommended action for each segment (for report cards and tooltips). */
export const RFM_SEGMENT_ACTIONS: Readonly<Record<RfmSegment, string>> = {
  Champions: "Reward them: early access, loyalty perks, ask for reviews and referrals; no discounts needed.",
  Loyal: "Upsell higher-value products, invite to the loyalty programme, ask for reviews.",
  "Potential Loyalists": "Offer membership or a loyalty programme and personalised recommendations.",
  New: "Onboard well: welcome series, first-use help, a reason to make a second purchase.",
  Promising: "Build awareness of the range: a free trial, samples or a small incentive to return.",
  "Needs Attention": "Time-limited, personalised offers based on past purchases before they drift.",
  "At Risk": "Win them back with personalised e-mails, renewals and helpful resources.",
  "Can't Lose Them": "Contact personally, ask what went wrong, make a strong win-back offer.",
  Hibernating: "Offer other relevant products and special discounts; recreate brand value cheaply.",
  Lost: "Reach out with a low-cost reactivation campaign only; otherwise ignore."
};

/** One customer's RFM values, scores and segment. */
export interface RfmCustomer {
  customerId: string | number;
  /** Whole UTC days from the last purchase day to the reference day (0 = bought that day). */
  recency: number;
  /** Distinct purchase occasions: distinct orderIds if given, else distinct UTC purchase days. */
  frequency: number;
  /** Total spend, or mean spend per occasion with `monetary: "mean"`. */
  monetary: number;
  /** Total spend whatever `monetary` is (used for revenue shares). */
  revenue: number;
  /** First and last purchase (ms since epoch, as given). */
  firstPurchase: number;
  lastPurchase: number;
  /** Quintile scores 1-5; r = 5 for the most recent customers. */
  r: number;
  f: number;
  m: number;
  /** ceil((f + m) / 2): the column of the segment grid. */
  fm: number;
  /** The three scores as a string, e.g. "545". */
  score: string;
  segment: RfmSegment;
}

export interface RfmResult {
  /** One row per customer, sorted by customer id (numbers numerically, then strings). */
  customers: RfmCustomer[];
  /** The reference day used (ms since epoch, UTC midnight). */
  referenceDate: number;
  /** Transactions ignored because they fall after the reference day. */
  excludedTransactions: number;
}

function toMs(date: Date | number, where: string): number {
  const ms = date instanceof Date ? date.getTime() : date;
  if (typeof ms !== "number" || !Number.isFinite(ms)) {
    throw new Error(`rfm: expected a Date or ms number for date at ${where}, found ${String(date)}`);
  }
  return ms;
}

/** Numbers ascending, then strings by code unit; the customer order behind tie-breaking. */
export function compareCustomerIds(a: string | number, b: string | number): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "number") return -1;
  if (typeof b === "number") return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Quintile scores 1-5 from ranks: with n values ranked 1..n (ascending; ties by position in the
 * array for "first", mean rank of the tie group for "average"), rank r gets
 * max(1, ceil(5 (r - 1) / (n - 1))). This is pandas `qcut(rank, 5, labels=[1,2,3,4,5])`, whose
 * bin edges are 1 + (n - 1) q for q = 0, .2, ..., 1, right-closed, lowest included.
 * `reverse` gives 6 - score (small values score 5). A single value scores 3.
 */
export function quintileScores(values: ArrayLike<number>, options: {ties?: RfmTies; reverse?: boolean} = {}): Int8Array {
  const {ties = "first", reverse = false} = options;
  const n = values.length;
  const scores = new Int8Array(n);
  if (n === 1) scores[0] = 3;
  if (n <= 1) return scores;
  const order = Array.from({length: n}, (_, i) => i);
  order.sort((a, b) => values[a] - values[b] || a - b); // stable by position
  const rank = new Float64Array(n);
  if (ties === "first") {
    for (let p = 0; p < n; p++) rank[order[p]] = p + 1;
  } else {
    for (let p = 0; p < n; ) {
      let q = p;
      while (q + 1 < n && values[order[q + 1]] === values[order[p]]) q++;
      const mean = (p + q) / 2 + 1;
      for (let s = p; s <= q; s++) rank[order[s]] = mean;
      p = q + 1;
    }
  }
  for (let i = 0; i < n; i++) {
    const score = Math.max(1, Math.ceil((5 * (rank[i] - 1)) / (n - 1)));
    scores[i] = reverse ? 6 - score : score;
  }
  return scores;
}

/** The segment of an R score and the F and M scores (all 1-5), from `RFM_SEGMENT_GRID`. */
export function rfmSegment(r: number, f: number, m: number): RfmSegment {
  for (const [name, s] of [["r", r], ["f", f], ["m", m]] as const) {
    if (!Number.isInteger(s) || s < 1 || s > 5) throw new Error(`rfmSegment: expected ${name} an integer score 1-5, found ${s}`);
  }
  return RFM_SEGMENT_GRID[r - 1][Math.ceil((f + m) / 2) - 1];
}

interface Accumulator {
  customerId: string | number;
  /** Order ids (as "o:<id>") or purchase day numbers. */
  occasions: Set<string | number>;
  revenue: number;
  first: number;
  last: number;
}

/**
 * RFM values, quintile scores and segments per customer.
 * @param transactions purchase lines as objects or as parallel columns
 * @param options reference date, monetary definition ("total" | "mean"), tie rule
 */
export function rfm(transactions: readonly RfmTransaction[] | RfmTransactionColumns, options: RfmOptions = {}): RfmResult {
  const {monetary = "total", ties = "first"} = options;
  if (monetary !== "total" && monetary !== "mean") throw new Error(`rfm: expected monetary "total" or "mean", found ${String(monetary)}`);
  if (ties !== "first" && ties !== "average") throw new Error(`rfm: expected ties "first" or "average", found ${String(ties)}`);

  let n: number;
  let row: (i: number) => RfmTransaction;
  if (Array.isArray(transactions)) {
    const rows = transactions as readonly RfmTransaction[];
    n = rows.length;
    row = (i) => rows[i];
  } else {
    const cols = transactions as RfmTransactionColumns;
    n = cols.customerId.length;
    for (const key of ["date", "amount", "orderId"] as const) {
      const col = cols[key];
      if (col !== undefined && col.length !== n) throw new Error(`rfm: column ${key} has ${col.length} values, customerId has ${n}`);
    }
    row = (i) => ({customerId: cols.customerId[i], date: cols.date[i], amount: cols.amount[i], orderId: cols.orderId?.[i]});
  }

  const dates = new Float64Array(n);
  let maxDay = -Infinity;
  for (let i = 0; i < n; i++) {
    const t = row(i);
    dates[i] = toMs(t.date, `row ${i}`);
    if (typeof t.amount !== "number" || !Number.isFinite(t.amount)) throw new Error(`rfm: expected a finite amount at row ${i}, found ${String(t.amount)}`);
    if (t.customerId === null || t.customerId === undefined || (typeof t.customerId === "number" && !Number.isFinite(t.customerId))) {
      throw new Error(`rfm: expected a customerId at row ${i}, found ${String(t.customerId)}`);
    }
    maxDay = Math.max(maxDay, Math.floor(dates[i] / DAY_MS));
  }
  const referenceDay =
    options.referenceDate !== undefined ? Math.floor(toMs(options.referenceDate, "options.referenceDate") / DAY_MS) : maxDay + 1;
  if (!Number.isFinite(referenceDay)) return {customers: [], referenceDate: NaN, excludedTransactions: 0};

  const byCustomer = new Map<string | number, Accumulator>();
  let excluded = 0;
  for (let i = 0; i < n; i++) {
    const t = row(i);
    const ms = dates[i];
    const day = Math.floor(ms / DAY_MS);
    if (day > referenceDay) {
      excluded++;
      continue;
    }
    let acc = byCustomer.get(t.customerId);
    if (!acc) {
      acc = {customerId: t.customerId, occasions: new Set(), revenue: 0, first: ms, last: ms};
      byCustomer.set(t.customerId, acc);
    }
    acc.occasions.add(t.orderId === undefined || t.orderId === null ? day : `o:${t.orderId}`);
    acc.revenue += t.amount;
    if (ms < acc.first) acc.first = ms;
    if (ms > acc.last) acc.last = ms;
  }

  const accs = [...byCustomer.values()].sort((a, b) => compareCustomerIds(a.customerId, b.customerId));
  const recency = accs.map((a) => referenceDay - Math.floor(a.last / DAY_MS));
  const frequency = accs.map((a) => a.occasions.size);
  const money = accs.map((a, i) => (monetary === "total" ? a.revenue : a.revenue / frequency[i]));
  const rScores = quintileScores(recency, {ties, reverse: true});
  const fScores = quintileScores(frequency, {ties});
  const mScores = quintileScores(money, {ties});

  const customers = accs.map((a, i): RfmCustomer => {
    const r = rScores[i];
    const f = fScores[i];
    const m = mScores[i];
    return {
      customerId: a.customerId,
      recency: recency[i],
      frequency: frequency[i],
      monetary: money[i],
      revenue: a.revenue,
      firstPurchase: a.first,
      lastPurchase: a.last,
      r,
      f,
      m,
      fm: Math.ceil((f + m) / 2),
      score: `${r}${f}${m}`,
      segment: rfmSegment(r, f, m)
    };
  });
  return {customers, referenceDate: referenceDay * DAY_MS, excludedTransactions: excluded};
}

/** Size, value and profile of one segment. Means are NaN for an empty segment. */
export interface RfmSegmentSummary {
  segment: RfmSegment;
  count: number;
  /** count / all customers. */
  share: number;
  /** Sum of the segment's `revenue` (total spend). */
  revenue: number;
  /** revenue / all customers' revenue. */
  revenueShare: number;
  meanRecency: number;
  meanFrequency: number;
  meanMonetary: number;
  meanR: number;
  meanF: number;
  meanM: number;
  action: string;
}

/** One row per segment, in `RFM_SEGMENTS` order, empty segments included (count 0). */
export function rfmSegmentSummary(customers: readonly RfmCustomer[]): RfmSegmentSummary[] {
  const totalRevenue = customers.reduce((s, c) => s + c.revenue, 0);
  const total = customers.length;
  return RFM_SEGMENTS.map((segment) => {
    const members = customers.filter((c) => c.segment === segment);
    const count = members.length;
    const mean = (get: (c: RfmCustomer) => number) => (count ? members.reduce((s, c) => s + get(c), 0) / count : NaN);
    const revenue = members.reduce((s, c) => s + c.revenue, 0);
    return {
      segment,
      count,
      share: total ? count / total : NaN,
      revenue,
      revenueShare: totalRevenue !== 0 ? revenue / totalRevenue : NaN,
      meanRecency: mean((c) => c.recency),
      meanFrequency: mean((c) => c.frequency),
      meanMonetary: mean((c) => c.monetary),
      meanR: mean((c) => c.r),
      meanF: mean((c) => c.f),
      meanM: mean((c) => c.m),
      action: RFM_SEGMENT_ACTIONS[segment]
    };
  });
}
