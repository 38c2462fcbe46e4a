// Customers: per-customer facts and the groups the page reads (hand-worked on a crafted book of
// orders), the page's value curves and retention matrix (hand-worked), and the churn model against
// the simulation's truth (who really dropped out).
import {describe, expect, it} from "vitest";
import {simulateCampaigns} from "../../data-loaders/campaigns/simulate.js";
import {simulateCustomersWithTruth} from "../../data-loaders/campaigns/simulateCustomers.js";
import {cohortActivity, customerFacts, customerGroups, customersAtRisk} from "../../data-loaders/campaigns/transformCustomers.js";
import {churnTruthCheck} from "../../data-loaders/campaigns/truth.js";
import {parseIsoDate} from "../../data-loaders/shared/schema.js";
import type {TableColumns} from "../../data-loaders/shared/validate.js";
import {retentionMatrix, selectCustomerRows, sumCustomers, valueCurves, type CohortActivity, type CustomerGroup} from "../../src/campaigns/customers.js";

const day = (iso: string) => parseIsoDate(iso)!;
const month = (y: number, m: number) => Date.UTC(y, m, 1);

describe("customer facts from a crafted book of orders", () => {
  const tables = new Map<string, TableColumns>([
    ["campaigns", {campaign_id: ["S1", "E1"], campaign_name: ["Search", "Email"], channel: ["search", "email"], start_date: [day("2024-01-01"), day("2024-01-01")]}],
    ["customers", {customer_id: ["A", "B", "C"], acquired_date: [day("2024-01-15"), day("2024-02-10"), day("2024-12-20")], campaign_id: ["S1", "E1", null], segment: ["Loyal", "Regular", "Loyal"]}],
    [
      "orders",
      {
        order_id: ["1", "2", "3", "4", "5", "6"],
        customer_id: ["A", "A", "A", "B", "C", "C"],
        order_date: [day("2024-01-15"), day("2024-03-01"), day("2025-01-20"), day("2024-02-10"), day("2024-12-20"), day("2025-02-28")],
        revenue: [100, 50, 70, 80, 40, 60]
      }
    ]
  ]);
  const {facts, summary} = customerFacts(tables);

  it("counts orders, revenue, first-year revenue and activity by month since acquisition", () => {
    expect(Array.from(facts.orders)).toEqual([3, 1, 2]);
    expect(Array.from(facts.revenue)).toEqual([220, 80, 100]);
    // The book ends on 2025-02-28. A: 2024-01-15 + 365 days includes 2024-03-01 but not 2025-01-20.
    expect(facts.firstYearRevenue[0]).toBe(150);
    expect(facts.firstYearRevenue[1]).toBe(80);
    expect(facts.firstYearRevenue[2]).toBeNaN(); // C is younger than a year
    // A ordered in months 0 (Jan 2024), 2 (Mar 2024) and 12 (Jan 2025).
    expect([...facts.months[0].entries()]).toEqual([[0, [1, 100]], [2, [1, 50]], [12, [1, 70]]]);
    expect(facts.channel).toEqual(["search", "email", "(organic)"]);
    // Three customers: too few for the lifetime-value and churn models, which say why.
    expect(summary.lifetime.available).toBe(false);
    expect(summary.churn.available).toBe(false);
    expect(Number.isNaN(facts.churnRisk[0])).toBe(true);
  });

  it("groups them by cohort month, campaign and segment, and lists no one at risk without a churn model", () => {
    const g = customerGroups(facts).columns;
    expect(g.cohort_month).toEqual([day("2024-01-01"), day("2024-02-01"), day("2024-12-01")]);
    expect(g.customers).toEqual([1, 1, 1]);
    expect(g.repeat_customers).toEqual([1, 0, 1]);
    expect(g.risk_bin).toEqual([null, null, null]);
    expect(g.predicted_value_12m).toEqual([null, null, null]);
    const a = cohortActivity(facts).columns;
    expect(a.month_offset).toEqual([0, 2, 12, 0, 0, 2]);
    expect(customersAtRisk(facts).columns.customer_id).toEqual([]);
  });
});

describe("the page's customer summaries (hand-worked)", () => {
  const group = (cohort: number, segment: string, customers: number, campaign: string | null = "S1"): CustomerGroup => ({
    cohort, campaign, channel: campaign ? "search" : "(organic)", segment, riskBin: 5, customers, repeatCustomers: 0, orders: customers, revenue: 0, firstYearCustomers: 0, firstYearRevenue: 0, predictedValue12m: 10 * customers, expectedChurners: customers / 2
  });
  const act = (cohort: number, segment: string, offset: number, active: number, revenue: number): CohortActivity => ({cohort, campaign: "S1", channel: "search", segment, offset, active, revenue});
  const jan = month(2025, 0);
  const feb = month(2025, 1);
  const mar = month(2025, 2);
  const groups = [group(jan, "Loyal", 10), group(feb, "Loyal", 20), group(mar, "Loyal", 5), group(jan, "Loyal", 4, null)];
  const activity = [act(jan, "Loyal", 0, 10, 1000), act(jan, "Loyal", 1, 5, 300), act(jan, "Loyal", 2, 2, 100), act(feb, "Loyal", 0, 20, 1600), act(feb, "Loyal", 1, 4, 200), act(mar, "Loyal", 0, 5, 250)];

  it("value curves average cumulative revenue over the cohorts old enough", () => {
    // As of March: month 0 → all three cohorts: (1000 + 1600 + 250) / 35; month 1 → Jan and Feb:
    // (1000 + 300 + 1600 + 200) / 30; month 2 → Jan only (fewer than 2 cohorts: dropped with minCohorts 2).
    const curves = valueCurves(groups.slice(0, 3), activity, (g) => g.segment, mar, 23, 2);
    expect(curves.map((c) => [c.offset, c.cohorts])).toEqual([[0, 3], [1, 2]]);
    expect(curves[0].value).toBeCloseTo(2850 / 35, 12);
    expect(curves[1].value).toBeCloseTo(3100 / 30, 12);
  });

  it("retention is the share of a cohort active in each later month", () => {
    const m = retentionMatrix(groups.slice(0, 3), activity);
    expect(m.map((c) => [c.cohort, c.offset, c.rate])).toEqual([[jan, 1, 0.5], [jan, 2, 0.2], [feb, 1, 0.2]]);
  });

  it("selects cohorts by the months the dates touch, and organic customers only with every campaign", () => {
    const selection = {start: jan + 20 * 86_400_000, end: feb + 3 * 86_400_000, channels: ["search"], campaigns: ["S1"]};
    expect(selectCustomerRows(groups, selection, false).map((g) => g.customers)).toEqual([10, 20]);
    expect(selectCustomerRows(groups, selection, true).map((g) => g.customers)).toEqual([10, 20, 4]);
    expect(sumCustomers(groups).expectedChurners).toBe(19.5);
  });
});

describe("the churn model on the simulation", () => {
  it("ranks the customers who truly dropped out above those still active, and its at-risk list is sorted by expected loss", () => {
    const options = {seed: 3, scale: "tiny" as const};
    const base = simulateCampaigns(options);
    const {tables} = simulateCustomersWithTruth(options, base);
    const {facts, summary} = customerFacts(new Map([["campaigns", base.get("campaigns")!], ...tables]));
    expect(summary.churn.available).toBe(true);
    if (!summary.churn.available) return;
    // Held-out AUC for its own target (no order in 90 days), and AUC against the truth (dropped out).
    expect(summary.churn.auc).toBeGreaterThan(0.75);
    const check = churnTruthCheck(options, facts.churnRisk);
    expect(check.auc).toBeGreaterThan(0.72);
    // The share truly gone rises with the risk decile (truth: simulateCustomers.ts aliveAtEnd).
    const filled = check.byDecile.filter((b) => b.customers >= 200);
    for (let k = 1; k < filled.length; k++) expect(filled[k].gone).toBeGreaterThan(filled[k - 1].gone - 0.02);
    const risk = customersAtRisk(facts, 50).columns;
    const loss = risk.expected_loss as number[];
    for (let k = 1; k < loss.length; k++) expect(loss[k]).toBeLessThanOrEqual(loss[k - 1]);
    expect(summary.lifetime.available).toBe(true);
  });
});
