/**
 * MegaMart's data tests, per model: what each model's schema implies (unique keys, required
 * columns, accepted values, references: the shared testsFromSpec), row-count expectations,
 * freshness (every feed reaches the last day of orders) and the business rules the pages rely on,
 * written as SQL that returns the failing rows (an order's money equals the sum of its lines; a
 * refund never exceeds what was paid; a control member was never messaged). The loader runs them
 * after the models (sqltests.ts) and stops on any failure.
 */
import {testsFromSpec} from "../shared/datatests.js";
import type {TableSpec} from "../shared/schema.js";
import {martSpecs} from "./models/marts/schema.js";
import {reportSpecs} from "./models/reports/schema.js";
import {stagingSpecs} from "./models/staging/schema.js";
import type {ModelTest, SqlModelTests, SqlTest} from "./sqltests.js";

const sql = (name: string, description: string, query: string): SqlTest => ({kind: "sql", name, description, sql: query});

/** Freshness: the feed's latest day is within `days` days of the last order day (a stale export fails). */
const freshness = (model: string, column: string, days: number, what: string): SqlTest =>
  sql(
    `freshness(${column})`,
    `${what} reaches within ${days} day(s) of the last order day`,
    `SELECT max_day, last_order_day FROM (SELECT (SELECT max("${column}") FROM "${model}") AS max_day, (SELECT max(order_date) FROM stg_orders) AS last_order_day)
     WHERE max_day IS NULL OR last_order_day - max_day > ${days}`
  );

/** Extra tests per model, beyond what its schema implies. */
const EXTRA: Record<string, {dependsOn?: string[]; tests: ModelTest[]}> = {
  stg_stores: {
    tests: [
      {kind: "row_count", min: 1, max: 2000},
      sql("in_singapore", "latitude 1.15-1.48 and longitude 103.6-104.1", `SELECT store_id, latitude, longitude FROM stg_stores WHERE NOT (latitude BETWEEN 1.15 AND 1.48 AND longitude BETWEEN 103.6 AND 104.1)`)
    ]
  },
  stg_products: {
    tests: [
      {kind: "row_count", min: 1},
      sql("cost_within_price", "unit cost between 0 and 1.5 × list price (a margin below −50% is a keying error)", `SELECT product_id, list_price, unit_cost FROM stg_products WHERE unit_cost < 0 OR unit_cost > 1.5 * list_price`)
    ]
  },
  stg_orders: {
    tests: [
      {kind: "row_count", min: 1},
      sql("store_orders_have_a_store", "a store order names its store; a web or app order names none", `SELECT order_id, channel, store_id FROM stg_orders WHERE (channel = 'store') <> (store_id IS NOT NULL)`)
    ]
  },
  stg_order_items: {tests: [sql("positive_quantity", "every kept line has quantity ≥ 1 and a price ≥ 0", `SELECT order_id, line_number, quantity, unit_price FROM stg_order_items WHERE quantity < 1 OR unit_price < 0`)]},
  stg_returns: {
    dependsOn: ["stg_order_items"],
    tests: [
      sql("returns_match_a_line", "every return names an existing order line", `SELECT r.return_id, r.order_id, r.line_number FROM stg_returns r ANTI JOIN stg_order_items i USING (order_id, line_number)`),
      sql("return_after_order", "no return is processed before its order was placed", `SELECT r.return_id FROM stg_returns r JOIN stg_orders o USING (order_id) WHERE r.return_date < o.order_date`)
    ]
  },
  stg_marketing_spend: {dependsOn: ["stg_orders"], tests: [freshness("stg_marketing_spend", "date", 2, "acquisition spend")]},
  stg_campaign_events: {
    dependsOn: ["stg_campaigns"],
    tests: [sql("after_send_day", "no event before its campaign's send day", `SELECT e.event_id, e.event_ts FROM stg_campaign_events e JOIN stg_campaigns c USING (campaign_id) WHERE e.event_ts < CAST(c.send_date AS TIMESTAMP)`)]
  },
  dim_date: {
    tests: [
      {kind: "row_count", min: 1},
      sql("no_gaps", "one row for every day between the first and the last", `SELECT n, span FROM (SELECT count(*) AS n, max(date) - min(date) + 1 AS span FROM dim_date) WHERE n <> span`)
    ]
  },
  dim_store: {tests: [{kind: "row_count", min: 1, max: 2000}]},
  dim_customer: {tests: [sql("first_order_after_signup", "no member's first order precedes their sign-up day", `SELECT customer_id, acquisition_date, first_order_date FROM dim_customer WHERE first_order_date < acquisition_date`)]},
  dim_campaign: {tests: [sql("has_participants", "every campaign has members assigned, some in control", `SELECT campaign_id, assigned, control_assigned FROM dim_campaign WHERE assigned = 0 OR control_assigned = 0`)]},
  fct_orders: {
    dependsOn: ["fct_order_items"],
    tests: [
      {kind: "row_count", min: 1},
      sql(
        "money_adds_up",
        "net revenue and cost equal the sums of the order's lines (to the cent), and margin = revenue − cost",
        `SELECT o.order_id, o.net_revenue, l.net_revenue AS lines_net_revenue FROM fct_orders o
         LEFT JOIN (SELECT order_id, sum(net_revenue) AS net_revenue, sum(cost) AS cost FROM fct_order_items GROUP BY order_id) l USING (order_id)
         WHERE abs(coalesce(l.net_revenue, 0) - o.net_revenue) > 0.015 OR abs(coalesce(l.cost, 0) - o.cost) > 0.015 OR abs(o.net_revenue - o.cost - o.gross_margin) > 0.015`
      ),
      sql(
        "no_missing_days_last_week",
        "orders on each of the last 7 days of data (a feed that stopped would leave gaps)",
        `SELECT d.date FROM (SELECT (SELECT max(order_date) FROM fct_orders) - CAST(k AS INTEGER) AS date FROM range(7) AS t(k)) d ANTI JOIN fct_orders o ON o.order_date = d.date`
      )
    ]
  },
  fct_order_items: {tests: [sql("refund_within_paid", "refunds never exceed what the line paid, and revenue is never negative", `SELECT order_item_id, net_revenue, refund_amount FROM fct_order_items WHERE refund_amount > net_revenue + 0.005 OR net_revenue < 0`)]},
  fct_campaign_events: {tests: [sql("recipients_in_a_variant", "every message went to a member assigned to a variant (never to control)", `SELECT event_id, customer_id, variant FROM fct_campaign_events WHERE variant IS NULL OR variant = 'control'`)]},
  fct_campaign_assignments: {tests: [sql("control_not_messaged", "no control member was sent the message", `SELECT campaign_id, customer_id FROM fct_campaign_assignments WHERE variant = 'control' AND sent`)]},
  fct_acquisition_daily: {tests: [sql("spend_not_negative", "spend ≥ 0", `SELECT date, channel, spend FROM fct_acquisition_daily WHERE spend < 0`)]}
};

/** Each model's tests: its schema's, then the extra ones. */
export function modelTests(specs: readonly TableSpec[] = [...stagingSpecs, ...martSpecs, ...reportSpecs]): SqlModelTests[] {
  return specs.map((spec) => {
    const extra = EXTRA[spec.name];
    const fromSpec = testsFromSpec(spec) as ModelTest[];
    return {model: spec.name, dependsOn: extra?.dependsOn, tests: [...fromSpec, ...(extra?.tests ?? [])]};
  });
}
