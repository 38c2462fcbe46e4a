/**
 * What the campaign report's loader entry points (src/data/campaigns/*.ts) share: the optional
 * table groups loaded (simulated, or from the analyst's folder, or absent) and turned into facts.
 * Each entry point stays a few lines: load, transform, write.
 */
import type {BuildOptions} from "../shared/options.js";
import {readOptions} from "../shared/options.js";
import {simulateCampaigns} from "./simulate.js";
import {simulateCustomersWithTruth} from "./simulateCustomers.js";
import {simulateJourneyTables} from "./simulateJourneys.js";
import {simulateExperimentTables} from "./simulateExperiments.js";
import {campaignsTable, campaignPlans} from "./simulate.js";
import {loadOptionalTables, type OptionalTables} from "./source.js";
import {customerFacts} from "./transformCustomers.js";

/** Campaigns, customers and orders (simulated from the same seed as the daily metrics). */
export function loadCustomerTables(options: BuildOptions = readOptions()): Promise<OptionalTables> {
  return loadOptionalTables(
    "customers",
    (o) => {
      const base = simulateCampaigns(o);
      return new Map([["campaigns", base.get("campaigns")!], ...simulateCustomersWithTruth(o, base).tables]);
    },
    options
  );
}

/** Per-customer facts and models, or undefined when the analyst's folder has no customer tables. */
export async function loadCustomerFacts(options: BuildOptions = readOptions()) {
  const {tables} = await loadCustomerTables(options);
  return tables ? customerFacts(tables) : undefined;
}

export function loadJourneyTables(options: BuildOptions = readOptions()): Promise<OptionalTables> {
  return loadOptionalTables("journeys", (o) => new Map([["campaigns", campaignsTable(campaignPlans(o))], ...simulateJourneyTables(o)]), options);
}

export function loadExperimentTables(options: BuildOptions = readOptions()): Promise<OptionalTables> {
  return loadOptionalTables("experiments", (o) => simulateExperimentTables(o), options);
}
