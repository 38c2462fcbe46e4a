/**
 * The Customers page's files in one zip (src/data/campaigns/customers.zip.ts): the customer facts
 * and models are computed once and written as three Arrow tables and a JSON summary. Entries are
 * stored uncompressed with a fixed date, so the same data gives the same bytes.
 */
import {reportStage} from "../shared/progress.js";
import JSZip from "jszip";
import {arrowBytes, inBatches} from "../shared/arrow.js";
import {reportDataDir, type BuildOptions} from "../shared/options.js";
import type {TableSpec} from "../shared/schema.js";
import type {TableColumns} from "../shared/validate.js";
import {loadCustomerFacts} from "./loaders.js";
import {withDictionaries} from "./transform.js";
import {atRiskSpec, cohortActivity, cohortActivitySpec, customerGroups, customerGroupsSpec, customersAtRisk} from "./transformCustomers.js";
import {churnTruthCheck} from "./truth.js";

const FIXED_DATE = new Date(Date.UTC(2000, 0, 1));

const empty = (spec: TableSpec) => ({spec, columns: Object.fromEntries(spec.columns.map((c) => [c.name, []])) as TableColumns});

async function arrowFile({spec, columns}: {spec: TableSpec; columns: TableColumns}): Promise<Uint8Array> {
  const compact = withDictionaries(spec, columns, ["campaign_id"]);
  return arrowBytes(compact, inBatches(compact, columns));
}

export async function customerArchive(options: BuildOptions): Promise<Buffer> {
  reportStage("customers, orders and their models");
  const loaded = await loadCustomerFacts(options);
  reportStage("writing the archive");
  const zip = new JSZip();
  const add = (name: string, data: Uint8Array | string) => zip.file(name, data, {date: FIXED_DATE, binary: typeof data !== "string"});
  if (loaded) {
    add("groups.arrow", await arrowFile(customerGroups(loaded.facts)));
    add("cohorts.arrow", await arrowFile(cohortActivity(loaded.facts)));
    add("at-risk.arrow", await arrowFile(customersAtRisk(loaded.facts)));
    const truth = reportDataDir("campaigns", options) ? undefined : churnTruthCheck(options, loaded.facts.churnRisk);
    add("model.json", JSON.stringify({available: true, ...loaded.summary, truth}));
  } else {
    add("groups.arrow", await arrowFile(empty(customerGroupsSpec([]))));
    add("cohorts.arrow", await arrowFile(empty(cohortActivitySpec([]))));
    add("at-risk.arrow", await arrowFile(empty(atRiskSpec([]))));
    add("model.json", JSON.stringify({available: false}));
  }
  return zip.generateAsync({type: "nodebuffer", compression: "STORE", platform: "UNIX"});
}
