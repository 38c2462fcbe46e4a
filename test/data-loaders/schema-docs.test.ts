import {readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {renderSchemaDocs} from "../../scripts/schema-docs.js";

describe("docs/real-data.md", () => {
  it("is generated from the current schema declarations (run npm run docs:schema)", async () => {
    const committed = readFileSync(join(import.meta.dirname, "..", "..", "docs", "real-data.md"), "utf8");
    expect(committed).toBe(await renderSchemaDocs());
  });
});
