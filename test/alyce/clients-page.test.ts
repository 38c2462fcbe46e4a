// The "Clients and gifts" page's computations (src/alyce/clients.ts) on the marts built from the
// hand-made fixture (test/fixtures/real-data/alyce/README.md). Every expected number is worked by
// hand from the seven sends in alyce_clientexpenditure.csv; the arithmetic is in the comments.
import {beforeAll, describe, expect, it} from "vitest";
import {
  bulkRevenueShare,
  clientKpis,
  giftTypeMix,
  industryRegion,
  kpiChanges,
  largestClientsShare,
  lastQuarterActiveShare,
  monthExtremes,
  monthsBetween,
  previousMonths,
  recipientMix,
  relationshipTotals,
  revenueByMonth,
  revenueConcentration,
  selectRows,
  serviceMix,
  signupCohorts,
  topClients,
  type ClientMonth,
  type ClientRow,
  type GiftMonth,
  type RecipientCount,
  type RecipientMonth,
  type Selection
} from "../../src/alyce/clients.js";
import {fixtureMarts, rowsOf} from "./clients-fixture.js";

const day = (iso: string) => Date.parse(iso + "T00:00:00Z");
const ALL_INDUSTRIES = ["Software", "Financial services", "Healthcare", "Retail"];
const ALL_SERVICES = ["One-to-one gifting", "Swag Select"];

let clients: ClientRow[];
let clientMonths: ClientMonth[];
let giftMonths: GiftMonth[];
let recipientMonths: RecipientMonth[];
let recipientCounts: RecipientCount[];
let byId: Map<string, ClientRow>;

beforeAll(async () => {
  const {files} = await fixtureMarts();
  clients = rowsOf(files, "dim_client");
  clientMonths = rowsOf(files, "fct_client_months");
  giftMonths = rowsOf(files, "fct_gift_months");
  recipientMonths = rowsOf(files, "fct_recipient_months");
  recipientCounts = rowsOf(files, "dim_recipient_counts");
  byId = new Map(clients.map((c) => [c.client_id, c]));
});

const select = (months: number[], industries = ALL_INDUSTRIES, services = ALL_SERVICES): Selection => ({months, industries, services});
const clientRows = (s: Selection) => selectRows(clientMonths, s, (r) => byId.get(r.client_id)?.industry);
const ALL = () => monthsBetween(day("2024-01-10"), day("2024-06-01"), {firstDay: day("2024-01-10"), lastDay: day("2024-06-01")});

describe("periods", () => {
  it("selects the months with at least half their days with data in the range", () => {
    const data = {firstDay: day("2021-01-04"), lastDay: day("2024-12-29")};
    // The filter's "last 365 days" to 29 Dec 2024 starts on 31 Dec 2023: one day of December 2023
    // (not half of 31) → January to December 2024; December 2024 has data to the 29th, all inside.
    const year = monthsBetween(day("2023-12-31"), day("2024-12-29"), data);
    expect(year.length).toBe(12);
    expect([year[0], year[11]]).toEqual([day("2024-01-01"), day("2024-12-01")]);
    // All dates: January 2021 has data from the 4th (28 days), all inside.
    expect(monthsBetween(data.firstDay, data.lastDay, data).length).toBe(48);
    // 16–31 March is 16 of 31 days → March in; 1–14 April is 14 of 30 → April out.
    expect(monthsBetween(day("2024-03-16"), day("2024-04-14"), data)).toEqual([day("2024-03-01")]);
    // The fixture's data ends on 1 June: June has one day with data, inside → kept.
    expect(monthsBetween(day("2024-04-01"), day("2024-06-01"), {firstDay: day("2024-01-10"), lastDay: day("2024-06-01")}).length).toBe(3);
  });

  it("selects whole months and the same number of months before", () => {
    // 2024-04-10 … 2024-06-30 → April, May, June; before them January, February, March.
    const months = monthsBetween(day("2024-04-10"), day("2024-06-30"));
    expect(months).toEqual([day("2024-04-01"), day("2024-05-01"), day("2024-06-01")]);
    expect(previousMonths(months, day("2024-01-10"))).toEqual([day("2024-01-01"), day("2024-02-01"), day("2024-03-01")]);
    // Four months back from April would start in December 2023, before the data: no comparison.
    expect(previousMonths(monthsBetween(day("2024-04-01"), day("2024-07-31")), day("2024-01-10"))).toEqual([]);
  });
});

describe("KPI cards", () => {
  it("sum April–June and compare with January–March", () => {
    // Apr–Jun: E5 500 (fee 10 % = 50), E6 2 × 50 = 100 (fee 20), E7 55 (fee 11): 655, 3 clients, 3 sends, fee 81.
    const current = clientKpis(clientRows(select(monthsBetween(day("2024-04-10"), day("2024-06-30")))));
    expect(current).toEqual({revenue: 655, clients: 3, sends: 3, averageGift: 655 / 3, fee: 81, feeShare: 81 / 655, revenuePerClient: 655 / 3});
    // Jan–Mar: E1 50 (10), E2 10 × 20 = 200 (20), E3 150 (30), E4 140 (28): 540, C1 and C2, 4 sends, fee 88.
    const previous = clientKpis(clientRows(select([day("2024-01-01"), day("2024-02-01"), day("2024-03-01")])));
    expect(previous).toEqual({revenue: 540, clients: 2, sends: 4, averageGift: 135, fee: 88, feeShare: 88 / 540, revenuePerClient: 270});
    const change = kpiChanges(current, previous);
    expect(change.revenue).toBeCloseTo(655 / 540 - 1, 12); // +21.3 %
    expect(change.clients).toBeCloseTo(0.5, 12);
    expect(change.sends).toBeCloseTo(-0.25, 12);
    expect(change.averageGift).toBeCloseTo(655 / 3 / 135 - 1, 12); // +61.7 %
    expect(change.fee).toBeCloseTo(81 / 88 - 1, 12); // −8.0 %
    expect(change.revenuePerClient).toBeCloseTo(655 / 3 / 270 - 1, 12); // 218.33 vs 270: −19.1 %
    expect(kpiChanges(current, undefined).revenue).toBeNaN();
  });

  it("follow the industry and service filters", () => {
    // Software (C1) through One-to-one gifting only: E1 50, E3 150, E7 55 = 255 in 3 sends, fee 51.
    expect(clientKpis(clientRows(select(ALL(), ["Software"], ["One-to-one gifting"])))).toEqual({revenue: 255, clients: 1, sends: 3, averageGift: 85, fee: 51, feeShare: 0.2, revenuePerClient: 255});
  });
});

describe("breakdowns over January–June", () => {
  it("revenue by month and service", () => {
    const months = revenueByMonth(clientRows(select(ALL())));
    // January: E1 50 (one-to-one) and E2 200 (swag); March: 150 + 140 one-to-one.
    expect(months.slice(0, 3)).toEqual([
      {month: day("2024-01-01"), service: "One-to-one gifting", revenue: 50, sends: 1},
      {month: day("2024-01-01"), service: "Swag Select", revenue: 200, sends: 1},
      {month: day("2024-03-01"), service: "One-to-one gifting", revenue: 290, sends: 2}
    ]);
    expect(months.reduce((a, m) => a + m.revenue, 0)).toBe(1195);
    // Months: Jan 250, Mar 290, Apr 500, May 100, Jun 55 → best April, weakest June; April is not in the holiday season.
    expect(monthExtremes(months)).toEqual({best: {month: day("2024-04-01"), revenue: 500}, worst: {month: day("2024-06-01"), revenue: 55}, bestInHolidaySeason: false});
    expect(monthExtremes([])).toBeUndefined();
    expect(monthExtremes([{month: day("2024-11-01"), revenue: 1}])?.bestInHolidaySeason).toBe(true);
  });

  it("top clients: C2 640, C1 455, C3 100 of 1,195; C4 never sent", () => {
    const top = topClients(clientRows(select(ALL())), byId);
    expect(top.map((t) => [t.client_id, t.revenue, t.sends])).toEqual([["C2", 640, 2], ["C1", 455, 4], ["C3", 100, 1]]);
    expect(top[0]).toMatchObject({company_name: "Brightway Bank", industry: "Financial services", services: "One-to-one gifting, Swag Select", fee: 78, average_gift: 320});
    expect(top[0].share).toBeCloseTo(640 / 1195, 12);
    // The two largest: (640 + 455) / 1,195.
    expect(largestClientsShare(top, 2)).toBeCloseTo(1095 / 1195, 12);
    expect(largestClientsShare(top, 10)).toBeCloseTo(1, 12);
  });

  it("services: one-to-one 495 from 3 clients at a 20 % take; Swag Select 700 from 2 at 10 %", () => {
    const mix = serviceMix(clientRows(select(ALL())));
    expect(mix.map((m) => [m.service, m.revenue, m.clients, m.sends, m.fee])).toEqual([
      ["Swag Select", 700, 2, 2, 70],
      ["One-to-one gifting", 495, 3, 5, 99]
    ]);
    expect(mix[0].revenueShare).toBeCloseTo(700 / 1195, 12);
    expect(mix[0].clientShare).toBeCloseTo(2 / 3, 12);
    expect(mix[1].takeRate).toBeCloseTo(0.2, 12);
  });

  it("gift types: price per unit, units per send, bulk share", () => {
    const mix = giftTypeMix(selectRows(giftMonths, select(ALL()), (r) => r.industry));
    // Swag: E2 + E5 = 700 for 35 units in 2 bulk sends. Experience: E3 + E4 = 290, 2 single units.
    // Gourmet: E1 50 + E6 100 (2 units, bulk) + E7 55 = 205 for 4 units in 3 sends.
    expect(mix.map((m) => [m.gift_type, m.revenue, m.sends, m.units])).toEqual([
      ["Swag", 700, 2, 35],
      ["Experience", 290, 2, 2],
      ["Gourmet", 205, 3, 4]
    ]);
    const gourmet = mix[2];
    expect(gourmet.averagePrice).toBeCloseTo(51.25, 12);
    expect(gourmet.quantityPerSend).toBeCloseTo(4 / 3, 12);
    expect(gourmet.bulkShare).toBeCloseTo(1 / 3, 12);
    expect(gourmet.bulkRevenueShare).toBeCloseTo(100 / 205, 12);
    expect(mix[0]).toMatchObject({averagePrice: 20, quantityPerSend: 17.5, bulkShare: 1});
    // Bulk sends: E2 200 + E5 500 + E6 100 = 800 of 1,195.
    expect(bulkRevenueShare(mix)).toBeCloseTo(800 / 1195, 12);
  });

  it("recipients: value per recipient on file counts only the active clients' recipients", () => {
    const rows = selectRows(recipientMonths, select(ALL()), (r) => r.industry);
    const active = new Set(["C1", "C2", "C3"]);
    const cells = recipientMix(rows, recipientCounts, active);
    const cell = (relationship: string, seniority: string) => cells.find((c) => c.relationship === relationship && c.seniority === seniority)!;
    // Prospect VP (R1): E1 50 + E3 150 = 200 over one recipient, two sends.
    expect(cell("Prospect", "VP")).toMatchObject({revenue: 200, sends: 2, recipients: 1, valuePerRecipient: 200, averageGift: 100});
    // Customer Manager: R2 (C1) got E2 200 + E7 55; R6 belongs to C4, who sent nothing, so is not counted.
    expect(cell("Customer", "Manager")).toMatchObject({revenue: 255, recipients: 1, valuePerRecipient: 255});
    expect(cell("Employee", "Individual contributor").revenueShare).toBeCloseTo(500 / 1195, 12);
    // Per relationship: Prospect 200 + 140 = 340 over R1 and R3; Employee 500 (R4); Customer 255 (R2); Partner 100 (R5).
    const totals = relationshipTotals(cells);
    expect(totals.map((t) => [t.relationship, t.revenue, t.recipients])).toEqual([
      ["Employee", 500, 1],
      ["Prospect", 340, 2],
      ["Customer", 255, 1],
      ["Partner", 100, 1]
    ]);
    expect(totals[1].valuePerRecipient).toBe(170);
    expect(totals[1].share).toBeCloseTo(340 / 1195, 12);
  });

  it("industry × region", () => {
    const cells = industryRegion(clientRows(select(ALL())), byId);
    expect(cells.map((c) => [c.industry, c.region, c.revenue, c.clients]).sort()).toEqual([
      ["Financial services", "EMEA", 640, 1],
      ["Healthcare", "North America", 100, 1],
      ["Software", "North America", 455, 1]
    ]);
  });
});

describe("concentration and cohorts", () => {
  it("the top 10 % of three clients is one client: 640 / 1,195 = 53.6 %", () => {
    const c = revenueConcentration(clientRows(select(ALL())));
    expect(c.clients).toBe(3);
    expect(c.top10Clients).toBe(1);
    expect(c.top10).toBeCloseTo(640 / 1195, 12);
    expect(c.halfRevenueClientShare).toBeCloseTo(1 / 3, 12);
    expect(c.curve.map((p) => [p.unitShare, p.valueShare])).toEqual([
      [0, 0],
      [1 / 3, 640 / 1195],
      [2 / 3, 1095 / 1195],
      [1, 1]
    ]);
  });

  it("signup cohorts: active share per calendar quarter", () => {
    const cells = signupCohorts(clients, clientRows(select(ALL())), {firstMonth: day("2024-01-01"), lastMonth: day("2024-06-01")});
    // C1 signed up in 2023 (before the data): active in Q1 (Jan, Mar) and Q2 (Jun).
    // 2024 Q1 cohort: C2 and C4; C2 sent in March and April, C4 never → 1 of 2 each quarter.
    // 2024 Q2 cohort: C3, active in May.
    expect(cells.map((c) => [c.cohortLabel, c.quarterLabel, c.clients, c.active, c.activeShare])).toEqual([
      ["Before 2024 Q1", "2024 Q1", 1, 1, 1],
      ["Before 2024 Q1", "2024 Q2", 1, 1, 1],
      ["2024 Q1", "2024 Q1", 2, 1, 0.5],
      ["2024 Q1", "2024 Q2", 2, 1, 0.5],
      ["2024 Q2", "2024 Q2", 1, 1, 1]
    ]);
    // Only swag sends count as activity when the service filter keeps Swag Select: C1 (Jan) and C2 (Apr).
    const swag = signupCohorts(clients, clientRows(select(ALL(), ALL_INDUSTRIES, ["Swag Select"])), {firstMonth: day("2024-01-01"), lastMonth: day("2024-06-01")});
    expect(swag.map((c) => c.active)).toEqual([1, 0, 0, 1, 0]);
    // Last quarter 2024 Q2: cohorts signed up in the data at least 0 days before it are 2024 Q1 (2 clients, 1 active)
    // and 2024 Q2 (1, 1) → 2 of 3; with a year's minimum age no cohort qualifies.
    expect(lastQuarterActiveShare(cells, {minAgeDays: 0})).toEqual({quarter: day("2024-04-01"), quarterLabel: "2024 Q2", clients: 3, active: 2, share: 2 / 3});
    expect(lastQuarterActiveShare(cells, {minAgeDays: 365})).toBeUndefined();
    // 91 days: 1 Jan → 1 Apr 2024 is 91 days, so only the 2024 Q1 cohort: 1 of 2.
    expect(lastQuarterActiveShare(cells, {minAgeDays: 91})).toMatchObject({clients: 2, active: 1, share: 0.5});
  });
});
