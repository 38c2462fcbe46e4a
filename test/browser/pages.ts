import {EXPECTATIONS as alyce} from "./pages/alyce.js";
import {EXPECTATIONS as campaigns} from "./pages/campaigns.js";
import {EXPECTATIONS as megamart} from "./pages/megamart.js";
import {EXPECTATIONS as olist} from "./pages/olist.js";
import {EXPECTATIONS as rtm} from "./pages/rtm.js";

/**
 * Every page of the site and what must have rendered on it. Each report lists its pages in pages/<report>.ts;
 * site.test.ts fails if a built page is missing from this list.
 */
export interface PageExpectation {
  path: string;
  /** At least this many Plot charts. */
  charts: number;
  /** At least this many tables with rows (SQL results, data tables). */
  tables: number;
}

export const PAGES: PageExpectation[] = [
  {path: "", charts: 1, tables: 1},
  {path: "about", charts: 0, tables: 0},
  ...campaigns,
  ...rtm,
  ...megamart,
  ...alyce,
  ...olist
];
