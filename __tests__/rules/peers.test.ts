import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { renderRulesIndex } from "../../src/rules/catalog-index.js";
import { ruleMeta } from "../../src/rules/index.js";
import { EUGENE_HINTS, SQUAWK_RULES } from "../../src/rules/peers.js";

describe("mapping from squawk and Eugene", () => {
  it("points every squawk rule and Eugene hint at a rule that exists", () => {
    const targets = [...Object.values(SQUAWK_RULES), ...Object.values(EUGENE_HINTS).map((h) => h.ours)];
    expect(targets.filter((id) => !ruleMeta(id))).toEqual([]);
  });

  it("keeps docs/rules/README.md in step with the registry", () => {
    const page = readFileSync(path.resolve(import.meta.dirname, "../../docs/rules/README.md"), "utf8");
    expect(page).toBe(renderRulesIndex());
  });
});
