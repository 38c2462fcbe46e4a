// What must render on each page of this report (see ../pages.ts).
import type {PageExpectation} from "../pages.js";
import {CLIENT_EXPECTATIONS} from "./alyce-clients.js";

/** The market-mix pages (owned with data-loaders/alyce media/MMM code). */
export const MMM_EXPECTATIONS: PageExpectation[] = [];

export const EXPECTATIONS: PageExpectation[] = [...MMM_EXPECTATIONS, ...CLIENT_EXPECTATIONS];
