import {describe, expect, it} from "vitest";
import {clientModelTests} from "../../data-loaders/alyce/datatests.js";
import {FIRST_WEEK, WEEKS_PER_SCALE} from "../../data-loaders/alyce/media-scale.js";
import {mondaysFrom, simulateClientTables, simulateGifting} from "../../data-loaders/alyce/simulate-clients.js";
import {simulateMediaWeeks} from "../../data-loaders/alyce/simulate-media.js";
import {assertDataTests, DataTestError, runDataTests} from "../../data-loaders/shared/datatests.js";
import type {TableColumns} from "../../data-loaders/shared/validate.js";

const weeks = mondaysFrom("2023-01-02", 20).map((weekStart, i) => ({weekStart, revenue: 20_000 + 1_000 * i}));

describe("Alyce gifting simulation", () => {
  const tables = simulateGifting({seed: 3, scale: "tiny", weeks});

  it("passes every data test (keys, references, categories, facts = sums of sends, sends after signup)", () => {
    const results = assertDataTests(runDataTests(tables, clientModelTests));
    expect(results.length).toBeGreaterThan(30);
    expect(results.every((r) => r.status === "pass")).toBe(true);
  });

  it("spreads each week's revenue over the sends of that week", () => {
    const sends = tables.get("alyce_clientexpenditure")!;
    for (const week of [weeks[0], weeks[19]]) {
      let total = 0;
      sends.date.forEach((d, i) => {
        if ((d as number) >= week.weekStart && (d as number) < week.weekStart + 7) total += (sends.price[i] as number) * (sends.quantity[i] as number);
      });
      // Sends stop at the first one that reaches the week's revenue: overshoot is at most one send.
      expect(total).toBeGreaterThanOrEqual(week.revenue);
      expect(total).toBeLessThan(week.revenue + 3_000);
    }
  });

  it("is deterministic for a seed", () => {
    const again = simulateGifting({seed: 3, scale: "tiny", weeks});
    expect(again.get("alyce_clientexpenditure")!.price).toEqual(tables.get("alyce_clientexpenditure")!.price);
    expect(again.get("alyce_client")!.company_name).toEqual(tables.get("alyce_client")!.company_name);
  });
});

describe("the loader's simulation (tiny) tells the market mix model's story", () => {
  const tables = simulateClientTables({seed: 42, scale: "tiny"});
  const {weeks: media} = simulateMediaWeeks({seed: 42, weeks: WEEKS_PER_SCALE.tiny, startDate: FIRST_WEEK});
  const sends = tables.get("alyce_clientexpenditure")!;

  it("sends add up to the media simulation's weekly sales, within one gift's price", () => {
    const first = Date.parse(FIRST_WEEK + "T00:00:00Z") / 86_400_000;
    const byWeek = new Float64Array(media.length);
    sends.date.forEach((d, i) => (byWeek[Math.floor(((d as number) - first) / 7)] += (sends.price[i] as number) * (sends.quantity[i] as number)));
    const maxPrice = Math.max(...(tables.get("alyce_giftdata")!.price as number[]));
    // The last send of a week is cut to one unit when a bulk order would overshoot: total − sales ∈ [0, max unit price).
    for (let w = 0; w < media.length; w++) {
      expect(byWeek[w] - media[w].sales).toBeGreaterThanOrEqual(0);
      expect(byWeek[w] - media[w].sales).toBeLessThan(maxPrice);
    }
  });

  it("plants its truths: senior recipients get pricier gifts, some clients lapse", () => {
    const recipients = tables.get("alyce_recipient")!;
    const seniority = new Map(recipients.recipient_id.map((r, i) => [r, recipients.seniority[i]]));
    const perUnit = (level: string) => {
      let revenue = 0;
      let units = 0;
      sends.recipient_id.forEach((r, i) => {
        if (seniority.get(r) !== level) return;
        revenue += (sends.price[i] as number) * (sends.quantity[i] as number);
        units += sends.quantity[i] as number;
      });
      return revenue / units;
    };
    // Simulated truth: VP and C-level tilt gift types to experiences and tech (list prices $140 and $110 medians vs $22 swag)
    // and rarely get bulk orders, so a unit sent to them costs more.
    expect(perUnit("C-level")).toBeGreaterThan(1.5 * perUnit("Individual contributor"));
    // Lifetimes (mean 4 years) and monthly pauses: over three years not every client gifts in the last quarter.
    const lastQuarter = Date.parse("2023-10-01T00:00:00Z") / 86_400_000;
    const recent = new Set(sends.client_id.filter((_, i) => (sends.date[i] as number) >= lastQuarter));
    expect(recent.size).toBeLessThan(tables.get("alyce_client")!.client_id.length);
  });
});

describe("data tests", () => {
  const base = simulateGifting({seed: 4, scale: "tiny", weeks: weeks.slice(0, 4)});
  const broken = (table: string, edit: (t: TableColumns) => void) => {
    const copy = new Map([...base].map(([k, v]) => [k, Object.fromEntries(Object.entries(v).map(([c, values]) => [c, values.slice()]))]));
    edit(copy.get(table)!);
    return runDataTests(copy, clientModelTests).filter((r) => r.status === "fail");
  };

  it("catch a duplicate key", () => {
    const failed = broken("alyce_giftdata", (t) => (t.gift_id[1] = t.gift_id[0]));
    expect(failed.map((r) => `${r.model}: ${r.test}`)).toContain("alyce_giftdata: unique(gift_id)");
  });
  it("catch a broken reference", () => {
    const failed = broken("alyce_recipient", (t) => (t.client_id[0] = "NOPE"));
    expect(failed).toContainEqual(expect.objectContaining({model: "alyce_recipient", test: "relationships(client_id → alyce_client.client_id)", failures: 1, sample: "NOPE"}));
  });
  it("catch facts that disagree with the sends", () => {
    const failed = broken("alyce_facts", (t) => ((t.total_spent[2] as number) += 5));
    expect(failed).toContainEqual(expect.objectContaining({model: "alyce_facts", test: "facts_match_sends", failures: 1, sample: "row 2"}));
  });
  it("catch a gift sent to another client's recipient", () => {
    const sends = base.get("alyce_clientexpenditure")!;
    const recipients = base.get("alyce_recipient")!;
    const other = recipients.recipient_id[recipients.client_id.findIndex((c) => c !== sends.client_id[0])];
    const failed = broken("alyce_clientexpenditure", (t) => (t.recipient_id[0] = other));
    expect(failed).toContainEqual(expect.objectContaining({model: "alyce_clientexpenditure", test: "recipient_belongs_to_client", failures: 1, sample: "row 0"}));
  });
  it("catch a client without its facts row", () => {
    const failed = broken("alyce_facts", (t) => {
      for (const column of Object.values(t)) column.pop();
    });
    expect(failed).toContainEqual(expect.objectContaining({model: "alyce_client", test: "facts_cover_clients", failures: 1, sample: `row ${base.get("alyce_client")!.client_id.length - 1}`}));
  });
  it("catch a null and an unknown category, and fail loudly", () => {
    const failed = broken("alyce_client", (t) => {
      t.industry[0] = "Mining";
      t.company_name[1] = null;
    });
    expect(failed.map((r) => r.test)).toEqual(expect.arrayContaining(["accepted_values(industry)", "not_null(company_name)"]));
    expect(() => assertDataTests(failed)).toThrow(DataTestError);
    expect(() => assertDataTests(failed)).toThrow(/alyce_client: accepted_values\(industry\) — 1 failing \(Mining\)/);
  });
});
