/**
 * The raw schema of every report that accepts real data, by report id (the sub-folder name under
 * DATA_DIR). `npm run validate` and the schema docs read this list.
 */
import type {TableSpec} from "./shared/schema.js";
import {rawTables as campaigns} from "./campaigns/schema.js";

export const RAW_SCHEMAS: Record<string, readonly TableSpec[]> = {
  campaigns
};
