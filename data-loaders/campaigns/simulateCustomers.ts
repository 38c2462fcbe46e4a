/**
 * Customers and their orders, simulated from the daily metrics: every new customer counted in
 * `daily_metrics.new_customers` becomes a customer acquired that day by that campaign, with a
 * segment drawn from the channel's mix. After the first order each customer follows the BG/NBD
 * story (Fader, Hardie & Lee 2005): while alive they buy at a personal rate λ (exponential gaps),
 * and after each purchase they drop out for good with a personal probability p. λ and p are drawn
 * per customer around the segment's true values (gamma and beta heterogeneity), and order values
 * around the segment's average order value.
 *
 * The truth kept for tests: each customer's λ, p, and whether they are still alive at the end of
 * the window (what a churn model should rank).
 */
import {Random} from "../shared/random.js";
import type {BuildOptions} from "../shared/options.js";
import type {TableColumns} from "../shared/validate.js";
import type {Channel} from "./schema.js";
import {CHANNEL_TRUTH, drawOrderValues, simulateCampaigns, simulationWindow} from "./simulate.js";

export const SEGMENTS = ["Loyal", "Regular", "Deal seeker", "Occasional"] as const;
export type Segment = (typeof SEGMENTS)[number];

export interface SegmentTruth {
  segment: Segment;
  /** Mean days between repeat orders while the customer is alive (1 / mean λ). */
  meanDaysBetweenOrders: number;
  /** Mean probability of dropping out after each order. */
  dropout: number;
  /** Average value of a repeat order (USD). */
  averageOrderValue: number;
}

export const SEGMENT_TRUTH: Record<Segment, SegmentTruth> = {
  Loyal: {segment: "Loyal", meanDaysBetweenOrders: 38, dropout: 0.05, averageOrderValue: 112},
  Regular: {segment: "Regular", meanDaysBetweenOrders: 75, dropout: 0.15, averageOrderValue: 84},
  "Deal seeker": {segment: "Deal seeker", meanDaysBetweenOrders: 110, dropout: 0.35, averageOrderValue: 52},
  Occasional: {segment: "Occasional", meanDaysBetweenOrders: 190, dropout: 0.5, averageOrderValue: 71}
};

/** Probability of each segment (in SEGMENTS order) for a customer acquired on a channel. */
export const SEGMENT_MIX: Record<Channel, readonly number[]> = {
  search: [0.26, 0.38, 0.16, 0.2],
  social: [0.12, 0.3, 0.23, 0.35],
  display: [0.1, 0.3, 0.2, 0.4],
  email: [0.35, 0.4, 0.15, 0.1],
  video: [0.12, 0.28, 0.15, 0.45],
  affiliate: [0.1, 0.22, 0.5, 0.18]
};

/** Shape of the gamma spread of λ within a segment, and concentration of the beta spread of p. */
const RATE_SHAPE = 2.5;
const DROPOUT_CONCENTRATION = 12;

export interface CustomerTruth {
  /** Purchase rate per day while alive. */
  rate: Float64Array;
  /** Dropout probability after each purchase. */
  dropout: Float64Array;
  /** 1 when the customer had not dropped out by the last day of the window. */
  aliveAtEnd: Uint8Array;
}

export interface SimulatedCustomers {
  tables: Map<string, TableColumns>;
  truth: CustomerTruth;
}

/** Raw tables `customers` and `orders` (with the truth), for the campaigns and daily metrics of the same seed and scale. */
export function simulateCustomersWithTruth(options: Pick<BuildOptions, "seed" | "scale">, base = simulateCampaigns(options)): SimulatedCustomers {
  const random = new Random(options.seed).fork("campaigns").fork("customers");
  const {last} = simulationWindow();
  const campaignChannel = new Map<string, Channel>();
  const camp = base.get("campaigns")!;
  camp.campaign_id.forEach((id, i) => campaignChannel.set(id as string, camp.channel[i] as Channel));
  const daily = base.get("daily_metrics")!;
  // Chronological order (then campaign), so customer ids grow with acquisition date.
  const order = daily.date.map((_, i) => i).sort((a, b) => (daily.date[a] as number) - (daily.date[b] as number) || String(daily.campaign_id[a]).localeCompare(String(daily.campaign_id[b])));
  const customers: TableColumns = {customer_id: [], acquired_date: [], campaign_id: [], segment: []};
  const orders: TableColumns = {order_id: [], customer_id: [], order_date: [], revenue: []};
  const rate: number[] = [];
  const dropout: number[] = [];
  const alive: number[] = [];
  let orderCount = 0;
  const addOrder = (customerId: string, day: number, value: number) => {
    orderCount++;
    orders.order_id.push(`O${String(orderCount).padStart(7, "0")}`);
    orders.customer_id.push(customerId);
    orders.order_date.push(day);
    orders.revenue.push(Math.round(value * 100) / 100);
  };
  for (const i of order) {
    const n = daily.new_customers[i] as number;
    if (n === 0) continue;
    const campaignId = daily.campaign_id[i] as string;
    const channel = campaignChannel.get(campaignId)!;
    const day = daily.date[i] as number;
    for (let k = 0; k < n; k++) {
      const id = `CU${String(customers.customer_id.length + 1).padStart(6, "0")}`;
      const segment = SEGMENTS[random.weightedIndex(SEGMENT_MIX[channel])];
      const truth = SEGMENT_TRUTH[segment];
      const lambda = random.gamma(RATE_SHAPE, 1 / truth.meanDaysBetweenOrders / RATE_SHAPE);
      const p = random.beta(DROPOUT_CONCENTRATION * truth.dropout, DROPOUT_CONCENTRATION * (1 - truth.dropout));
      customers.customer_id.push(id);
      customers.acquired_date.push(day);
      customers.campaign_id.push(campaignId);
      customers.segment.push(segment);
      addOrder(id, day, drawOrderValues(random, 1, CHANNEL_TRUTH[channel].averageOrderValue));
      let t = day + random.uniform(); // time of day of the first order
      let isAlive = true;
      for (;;) {
        if (random.bernoulli(p)) {
          isAlive = false;
          break;
        }
        t += random.exponential(lambda);
        if (t >= last + 1) break;
        addOrder(id, Math.floor(t), drawOrderValues(random, 1, truth.averageOrderValue, 0.35));
      }
      rate.push(lambda);
      dropout.push(p);
      alive.push(isAlive ? 1 : 0);
    }
  }
  return {
    tables: new Map([
      ["customers", customers],
      ["orders", orders]
    ]),
    truth: {rate: Float64Array.from(rate), dropout: Float64Array.from(dropout), aliveAtEnd: Uint8Array.from(alive)}
  };
}

/** Raw tables `campaigns`, `daily_metrics`, `customers` and `orders`. */
export function simulateCustomers(options: Pick<BuildOptions, "seed" | "scale">): Map<string, TableColumns> {
  const base = simulateCampaigns(options);
  return new Map([...base, ...simulateCustomersWithTruth(options, base).tables]);
}
