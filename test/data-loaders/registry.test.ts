// The registry finds every report's raw schema, required and optional tables alike.
import {describe, expect, it} from "vitest";
import {optionalRawTables as campaignsOptional, rawTables as campaignsRequired} from "../../data-loaders/campaigns/schema.js";
import {optionalRawTables as olistOptional} from "../../data-loaders/olist/schema.js";
import {loadRawSchemas} from "../../data-loaders/registry.js";

describe("loadRawSchemas", () => {
  it("lists each report's required tables, then its optional ones marked optional", async () => {
    const schemas = await loadRawSchemas();
    expect(Object.keys(schemas)).toEqual(expect.arrayContaining(["campaigns", "megamart", "olist", "rtm"]));
    const campaigns = schemas.campaigns;
    // campaigns/schema.ts: 2 required tables, 3 optional groups of 2.
    expect(campaigns.slice(0, campaignsRequired.length).every((t) => !t.optional)).toBe(true);
    expect(campaigns.slice(campaignsRequired.length).map((t) => [t.name, t.optional])).toEqual(Object.values(campaignsOptional).flat().map((t) => [t.name, true]));
    // olist/schema.ts: optional tables given one per page, not in arrays.
    const olistOptionalNames = schemas.olist.filter((t) => t.optional).map((t) => t.name);
    expect(olistOptionalNames).toEqual(Object.values(olistOptional).map((t) => t.name));
  });
});
