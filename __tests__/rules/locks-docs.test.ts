/**
 * The docs pages of the lock rules show what the rule does: its "Bad" example
 * fires the rule, its "Good" example does not (the tables of the "Setup"
 * block count as existing, as they would in production).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { rules } from "../../src/rules/locks/index.js";
import { lintRule } from "../helpers/lint.js";

const OWN = [
  "create-index-non-concurrently",
  "drop-index-non-concurrently",
  "reindex-non-concurrently",
  "add-foreign-key-validating",
  "add-check-validating",
  "add-unique-constraint",
  "add-primary-key",
  "add-exclusion-constraint",
  "set-not-null",
  "add-column-volatile-default",
  "add-required-column",
  "add-generated-column",
];

function examples(id: string): Record<string, string> {
  const page = readFileSync(path.resolve(import.meta.dirname, "../../docs/rules", `${id}.md`), "utf8");
  const blocks: Record<string, string> = {};
  for (const match of page.matchAll(/^(Setup|Bad|Good):\s*\n\s*```sql\n([\s\S]*?)```/gm)) {
    blocks[match[1] as string] = match[2] as string;
  }
  return blocks;
}

describe("lock rule docs examples", () => {
  it("covers registered rules only", () => {
    const registered = rules.map((r) => r.meta.id);
    expect(OWN.filter((id) => !registered.includes(id))).toEqual([]);
  });

  it.each(OWN)("%s: Setup, Bad and Good blocks; Bad fires, Good does not", (id) => {
    const { Setup, Bad, Good } = examples(id);
    expect(Setup).toMatch(/CREATE TABLE/);
    expect(lintRule(id, Bad ?? "").length).toBeGreaterThan(0);
    expect(lintRule(id, Good ?? "")).toEqual([]);
  });
});
