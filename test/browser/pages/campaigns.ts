// What must render on each page of this report (see ../pages.ts).
import type {PageExpectation} from "../pages.js";

export const EXPECTATIONS: PageExpectation[] = [
  // Trend, ROAS by campaign, funnel; the SQL result table.
  {path: "campaigns/", charts: 3, tables: 1},
  // Spend mix, CPA vs ROAS, ROAS trend; channel and campaign tables.
  {path: "campaigns/channels", charts: 3, tables: 2},
  // Segments, value curves, retention heatmap, risk histogram; segment and at-risk tables.
  {path: "campaigns/customers", charts: 4, tables: 2},
  // Forecast per channel, backtest errors; the forecast table.
  {path: "campaigns/forecasts", charts: 2, tables: 1},
  // Spend moves, response curves; the recommendation table.
  {path: "campaigns/budget", charts: 2, tables: 1},
  // Lifts forest plot, cumulative lift; the tests table.
  {path: "campaigns/experiments", charts: 2, tables: 1},
  // Credit by model; shares, revenue and paths tables.
  {path: "campaigns/attribution", charts: 1, tables: 3}
];
