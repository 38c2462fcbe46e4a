// The campaign simulation: deterministic, calibrated to the study's ~$2M a year, and carrying the
// shape the pages rely on (true ROAS ranking, diminishing returns, weekly and holiday seasonality,
// new customers becoming customers with orders).
import {describe, expect, it} from "vitest";
import {CAMPAIGNS_PER_SCALE, CHANNEL_TRUTH, demandMultiplier, simulateCampaigns, SIMULATION_DAYS, trueExpectedRevenue} from "../../data-loaders/campaigns/simulate.js";
import {simulateCustomersWithTruth} from "../../data-loaders/campaigns/simulateCustomers.js";
import {JOURNEYS_PER_SCALE, simulateJourneyTables} from "../../data-loaders/campaigns/simulateJourneys.js";
import {parseIsoDate} from "../../data-loaders/shared/schema.js";

const sum = (xs: unknown[]) => (xs as number[]).reduce((a, b) => a + b, 0);

describe("campaign simulation", () => {
  const tiny = simulateCampaigns({seed: 42, scale: "tiny"});
  const daily = tiny.get("daily_metrics")!;

  it("is deterministic for a seed and changes with it", () => {
    expect(simulateCampaigns({seed: 42, scale: "tiny"}).get("daily_metrics")!.revenue).toEqual(daily.revenue);
    expect(simulateCampaigns({seed: 43, scale: "tiny"}).get("daily_metrics")!.revenue).not.toEqual(daily.revenue);
  });

  it("spends about $2M a year at the default scale (the study's budget)", () => {
    const d = simulateCampaigns({seed: 42, scale: "default"}).get("daily_metrics")!;
    const perYear = (sum(d.spend) / SIMULATION_DAYS) * 365;
    expect(perYear).toBeGreaterThan(1.8e6);
    expect(perYear).toBeLessThan(2.2e6);
    expect(tiny.get("campaigns")!.campaign_id).toHaveLength(CAMPAIGNS_PER_SCALE.tiny);
  });

  it("lifts demand in November and December and dips at weekends", () => {
    expect(demandMultiplier(parseIsoDate("2025-11-28")!)).toBeGreaterThan(1.4); // Black Friday week
    expect(demandMultiplier(parseIsoDate("2025-12-28")!)).toBeLessThan(1); // after Christmas
    expect(demandMultiplier(parseIsoDate("2025-03-08")!)).toBeLessThan(demandMultiplier(parseIsoDate("2025-03-05")!)); // Saturday vs Wednesday
    const byMonth = (m: number) => {
      const idx = daily.date.map((d, i) => i).filter((i) => new Date((daily.date[i] as number) * 86_400_000).getUTCMonth() === m);
      return sum(idx.map((i) => daily.revenue[i])) / idx.length;
    };
    expect(byMonth(11)).toBeGreaterThan(1.3 * byMonth(5)); // December revenue per campaign-day vs June
  });

  it("has diminishing returns: doubling spend less than doubles expected revenue, and ROAS at the reference spend is the truth", () => {
    for (const t of Object.values(CHANNEL_TRUTH)) {
      expect(trueExpectedRevenue(t, 2 * t.referenceSpend)).toBeLessThan(2 * trueExpectedRevenue(t, t.referenceSpend));
      expect(trueExpectedRevenue(t, t.referenceSpend) / t.referenceSpend).toBeCloseTo(t.roas, 12);
    }
  });

  it("gives the extended window the same first days (the future a forecast is checked on)", () => {
    const longer = simulateCampaigns({seed: 42, scale: "tiny", days: SIMULATION_DAYS + 30}).get("daily_metrics")!;
    const n = daily.date.length;
    const firstDays = longer.date.map((d, i) => i).filter((i) => (longer.date[i] as number) < parseIsoDate("2024-01-01")! + SIMULATION_DAYS);
    expect(firstDays).toHaveLength(n);
    expect(firstDays.map((i) => longer.revenue[i]).sort()).toEqual([...daily.revenue].sort());
  });
});

describe("customers and journeys", () => {
  it("turns every new customer of the daily metrics into a customer with a first order that day", () => {
    const {tables, truth} = simulateCustomersWithTruth({seed: 42, scale: "tiny"});
    const customers = tables.get("customers")!;
    const orders = tables.get("orders")!;
    expect(customers.customer_id.length).toBe(sum(simulateCampaigns({seed: 42, scale: "tiny"}).get("daily_metrics")!.new_customers));
    const firstOrder = new Map<unknown, number>();
    orders.customer_id.forEach((c, i) => firstOrder.set(c, Math.min(firstOrder.get(c) ?? Infinity, orders.order_date[i] as number)));
    customers.customer_id.forEach((c, i) => expect(firstOrder.get(c)).toBe(customers.acquired_date[i]));
    expect(truth.aliveAtEnd.length).toBe(customers.customer_id.length);
    // Some stay, many go (BG/NBD-style dropout after each order).
    const alive = sum(Array.from(truth.aliveAtEnd)) / truth.aliveAtEnd.length;
    expect(alive).toBeGreaterThan(0.2);
    expect(alive).toBeLessThan(0.8);
  });

  it("simulates the stated number of journeys, each touch before its conversion", () => {
    const t = simulateJourneyTables({seed: 42, scale: "tiny"});
    const j = t.get("journeys")!;
    expect(j.journey_id).toHaveLength(JOURNEYS_PER_SCALE.tiny);
    const conversion = new Map(j.journey_id.map((id, i) => [id, j.converted[i] ? (j.conversion_time[i] as number) : Infinity]));
    const touches = t.get("touchpoints")!;
    touches.journey_id.forEach((id, i) => expect(touches.touch_time[i] as number).toBeLessThan(conversion.get(id)!));
  });
});
