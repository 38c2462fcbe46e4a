// What must render on each page of this report (see ../pages.ts).
import type {PageExpectation} from "../pages.js";

export const EXPECTATIONS: PageExpectation[] = [];
