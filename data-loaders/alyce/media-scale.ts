/**
 * How many weeks the Alyce simulation covers at each SCALE, and how many bootstrap refits the
 * market mix model runs. Shared by the media (MMM) and client simulations so both describe the
 * same period.
 *
 *   scale     weeks (rows of alyce_marketing_weekly)   bootstrap draws   loader time (measured, docs/alyce.md)
 *   tiny      156 (3 years)                            30                tests
 *   small     156 (3 years)                            100
 *   default   208 (4 years)                            200               the site
 *   large     416 (8 years)                            200
 */
import type {Scale} from "../shared/options.js";

export const WEEKS_PER_SCALE: Record<Scale, number> = {tiny: 156, small: 156, default: 208, large: 416};

export const BOOTSTRAP_DRAWS_PER_SCALE: Record<Scale, number> = {tiny: 30, small: 100, default: 200, large: 200};

/** Monday of the first simulated week. */
export const FIRST_WEEK = "2021-01-04";
