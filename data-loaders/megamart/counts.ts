/**
 * Prints the raw row count of every MegaMart table at each scale (seed 42 unless SEED is set), for
 * the table at the top of simulate.ts and docs/megamart.md: npx tsx data-loaders/megamart/counts.ts [scale …]
 */
import {SCALES, type Scale} from "../shared/options.js";
import {rawTables} from "./schema.js";
import {simulateMegaMartWithTruth} from "./simulate.js";

const seed = Number(process.env.SEED || 42);
const scales = (process.argv.slice(2).length ? process.argv.slice(2) : SCALES) as Scale[];
const counts = scales.map((scale) => {
  const {tables, truth} = simulateMegaMartWithTruth({seed, scale});
  return {scale, members: truth.members.customerId.length, rows: rawTables.map((t) => Object.values(tables.get(t.name)!)[0].length)};
});
console.log(`| table | ${scales.join(" | ")} |`);
console.log(`|---|${scales.map(() => "---:").join("|")}|`);
rawTables.forEach((t, i) => console.log(`| ${t.name} | ${counts.map((c) => c.rows[i].toLocaleString("en-US")).join(" | ")} |`));
console.log(`| (members, after dedup) | ${counts.map((c) => c.members.toLocaleString("en-US")).join(" | ")} |`);
