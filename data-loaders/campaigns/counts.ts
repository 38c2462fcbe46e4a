/**
 * Prints the row count of every raw table of the campaign simulation per scale (seed 42), the
 * figures quoted in simulate.ts and docs/campaigns.md: npx tsx data-loaders/campaigns/counts.ts
 */
import {SCALES} from "../shared/options.js";
import {simulateCampaigns} from "./simulate.js";
import {simulateCustomersWithTruth} from "./simulateCustomers.js";
import {simulateExperimentTables} from "./simulateExperiments.js";
import {simulateJourneyTables} from "./simulateJourneys.js";

const rows = (t: Record<string, unknown[]>) => Object.values(t)[0].length;
console.log("| table | " + SCALES.join(" | ") + " |");
console.log("|---|" + SCALES.map(() => "---:").join("|") + "|");
const counts = new Map<string, number[]>();
for (const scale of SCALES) {
  const options = {seed: 42, scale};
  const base = simulateCampaigns(options);
  const all = new Map([...base, ...simulateCustomersWithTruth(options, base).tables, ...simulateJourneyTables(options), ...simulateExperimentTables(options)]);
  for (const [name, table] of all) counts.set(name, [...(counts.get(name) ?? []), rows(table)]);
}
for (const [name, values] of counts) console.log(`| \`${name}\` | ${values.map((v) => v.toLocaleString("en-US")).join(" | ")} |`);
