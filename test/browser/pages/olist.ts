// What must render on each page of this report (see ../pages.ts).
import type {PageExpectation} from "../pages.js";

export const EXPECTATIONS: PageExpectation[] = [
  {path: "olist/", charts: 9, tables: 2},
  {path: "olist/customers", charts: 4, tables: 1},
  {path: "olist/segments", charts: 4, tables: 2},
  {path: "olist/uplift", charts: 2, tables: 3},
  {path: "olist/lifetime-value", charts: 5, tables: 1},
  {path: "olist/recommenders", charts: 3, tables: 1},
  {path: "olist/shop", charts: 0, tables: 0},
  {path: "olist/reviews", charts: 2, tables: 1}
];
