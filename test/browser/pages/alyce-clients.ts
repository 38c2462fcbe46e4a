// What must render on the Alyce clients-and-gifts page (see ../pages.ts): eight Plot charts (revenue by
// month, services mix, gift revenue, gift price, recipients, industry × region, signup cohorts,
// concentration) and two tables (top clients, the SQL explorer's result).
import type {PageExpectation} from "../pages.js";

export const CLIENT_EXPECTATIONS: PageExpectation[] = [{path: "alyce/clients", charts: 8, tables: 2}];
