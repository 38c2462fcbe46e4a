// What must render on each page of this report (see ../pages.ts).
import type {PageExpectation} from "../pages.js";

export const EXPECTATIONS: PageExpectation[] = [
  // Trend, region, category, seasons, acquisition, CAC, cohorts; category and campaign tables.
  {path: "megamart/", charts: 7, tables: 2},
  // Map, category × channel, hourly, funnel; league and product tables.
  {path: "megamart/operations", charts: 4, tables: 2},
  // RFM grid, silhouette, profiles, planted cross-table; RFM and cluster tables.
  {path: "megamart/customers", charts: 4, tables: 2},
  // ROC, calibration, drivers, risk histogram; at-risk list.
  {path: "megamart/churn", charts: 4, tables: 1},
  // Holdout, by segment, truth; by channel.
  {path: "megamart/lifetime-value", charts: 3, tables: 1},
  // Lift forest; tests and money tables.
  {path: "megamart/campaigns", charts: 1, tables: 2},
  // Qini, deciles, targeting; targeting and feature tables.
  {path: "megamart/uplift", charts: 3, tables: 2},
  // Lineage; rules, models, tests and the SQL result.
  {path: "megamart/pipeline", charts: 1, tables: 4}
];
