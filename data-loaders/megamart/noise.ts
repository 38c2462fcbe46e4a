/**
 * The mess of real exports, planted in the simulated raw tables so the staging rules have
 * something to clean (and their counts something to report): duplicate rows, spelling and case
 * variants of categories, regions and channels, missing values and implausible ones. Rates are in
 * parameters.ts (NOISE). Every function is seeded and returns new columns (withDuplicates empties
 * the columns it copies).
 */
import type {Random} from "../shared/random.js";
import type {TableColumns} from "../shared/validate.js";

/**
 * Copies of `share` of the rows, each right after its original (as an overlapping export would).
 * One draw per row, in row order. Built column by column, and each of `table`'s columns is emptied
 * once copied, so a big table is never held twice (do not use `table` afterwards).
 */
export function withDuplicates(table: TableColumns, share: number, random: Random): TableColumns {
  const names = Object.keys(table);
  const n = table[names[0]].length;
  const twice = new Uint8Array(n);
  for (let i = 0; i < n; i++) twice[i] = random.uniform() < share ? 1 : 0;
  const out: TableColumns = {};
  for (const c of names) {
    const values = table[c];
    const copy: unknown[] = [];
    for (let i = 0; i < n; i++) {
      copy.push(values[i]);
      if (twice[i]) copy.push(values[i]);
    }
    out[c] = copy;
    table[c] = [];
  }
  return out;
}

/** Replaces `share` of the values with a variant chosen by `variant(value, random)`. */
export function vary<T>(values: T[], share: number, random: Random, variant: (value: T, random: Random) => T): T[] {
  return values.map((v) => (v !== null && random.uniform() < share ? variant(v, random) : v));
}

export const REGION_VARIANTS: Record<string, readonly string[]> = {
  Central: ["central", "CENTRAL", " Central", "Central Region"],
  East: ["east", "EAST", "East Region", "East "],
  North: ["north", "NORTH", "North Region"],
  "North-East": ["North East", "north-east", "NORTH-EAST", "Northeast", "NE"],
  West: ["west", "WEST", "West Region", " West"]
};

export const CATEGORY_VARIANTS: Record<string, readonly string[]> = {
  electronics: ["Electronics", "ELECTRONICS", "Electronic", "electronics "],
  fashion: ["Fashion", "FASHION", "fashion ", "Apparel"],
  groceries: ["Groceries", "Grocery", "GROCERIES", "grocery"],
  "home goods": ["Home Goods", "home_goods", "HOME GOODS", "Home & Living"]
};

export const ORDER_CHANNEL_VARIANTS: Record<string, readonly string[]> = {
  store: ["Store", "STORE", "in-store", "POS"],
  web: ["Web", "WEB", "website", "web "],
  app: ["App", "APP", "mobile app", "Mobile App"]
};

export const ACQUISITION_CHANNEL_VARIANTS = (channel: string): readonly string[] => [
  channel.toUpperCase(),
  channel.replace("_", " "),
  channel.replace("_", "-"),
  channel.replace(/(^|_)([a-z])/g, (_, sep: string, ch: string) => (sep ? " " : "") + ch.toUpperCase())
];

export const EVENT_TYPE_VARIANTS: Record<string, readonly string[]> = {
  sent: ["Sent", "SENT", "send"],
  delivered: ["Delivered", "DELIVERED", "delivery"],
  opened: ["Open", "open", "OPENED"],
  clicked: ["Click", "click", "CLICKED"],
  purchased: ["Purchase", "purchase", "CONVERSION"]
};

export const pickVariant =
  (table: Record<string, readonly string[]>) =>
  (value: string, random: Random): string =>
    random.pick(table[value] ?? [value]);
