// What must render on each page of this report (see ../pages.ts).
import type {PageExpectation} from "../pages.js";
import {CLIENT_EXPECTATIONS} from "./alyce-clients.js";

/** The market-mix pages (owned with data-loaders/alyce media/MMM code). */
// index: waterfall, ROI intervals; truth table (simulated builds). contributions: stack, one lever, shares;
// lever table. response: marginal ROI, four response curves, decay; saturation table. budget: allocation,
// scenarios; allocation table. model: fit, residuals, autocorrelation, correlation; metrics table.
export const MMM_EXPECTATIONS: PageExpectation[] = [
  {path: "alyce/", charts: 2, tables: 1},
  {path: "alyce/contributions", charts: 3, tables: 1},
  {path: "alyce/response", charts: 6, tables: 1},
  {path: "alyce/budget", charts: 2, tables: 1},
  {path: "alyce/model", charts: 4, tables: 1}
];

export const EXPECTATIONS: PageExpectation[] = [...MMM_EXPECTATIONS, ...CLIENT_EXPECTATIONS];
