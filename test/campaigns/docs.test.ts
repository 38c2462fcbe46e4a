// docs/campaigns.md's generated sections (the optional raw tables and the simulation's true
// parameters) match the code: regenerate with npx tsx data-loaders/campaigns/docs.ts.
import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {DOC, withCurrentSections} from "../../data-loaders/campaigns/docs.js";

describe("docs/campaigns.md", () => {
  it("documents the current optional tables and true parameters (npx tsx data-loaders/campaigns/docs.ts)", () => {
    const text = readFileSync(DOC, "utf8");
    expect(text).toBe(withCurrentSections(text));
    expect(text).toContain("#### `touchpoints`");
    expect(text).toContain("| email | 9.5× | 0.45 |");
  });
});
