// What must render on each page of this report (see ../pages.ts).
import type {PageExpectation} from "../pages.js";

export const EXPECTATIONS: PageExpectation[] = [
  {path: "rtm/", charts: 3, tables: 0},
  {path: "rtm/analyst", charts: 6, tables: 2},
  {path: "rtm/incrementality", charts: 1, tables: 1},
  {path: "rtm/sql", charts: 0, tables: 1}
];
