/**
 * The docs pages of these lock rules show what each rule does: its "Bad"
 * example fires the rule, its "Good" example does not (the objects of the
 * "Setup" block count as existing, as they would in production). The engine
 * replays Setup + Bad on PostgreSQL to confirm the lock.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { rules } from "../../src/rules/locks/index.js";
import { lintRule } from "../helpers/lint.js";

const IDS = [
  "change-column-type",
  "add-json-column",
  "table-rewrite-command",
  "detach-partition-non-concurrently",
  "refresh-matview-non-concurrently",
  "domain-with-constraint",
  "enum-value-ordering",
  "missing-lock-timeout",
  "missing-statement-timeout",
  "lock-held-across-statements",
  "multiple-alter-same-table",
  "foreign-key-without-index",
];

function page(id: string): string {
  return readFileSync(path.resolve(import.meta.dirname, "../../docs/rules", `${id}.md`), "utf8");
}

function examples(id: string): Record<string, string> {
  const blocks: Record<string, string> = {};
  for (const match of page(id).matchAll(/^(Setup|Bad|Good):\s*\n\s*```sql\n([\s\S]*?)```/gm))
    blocks[match[1] as string] = match[2] as string;
  return blocks;
}

describe("lock statement rule docs", () => {
  it("documents registered rules", () => {
    const registered = rules.map((r) => r.meta.id);
    expect(IDS.filter((id) => !registered.includes(id))).toEqual([]);
  });

  it.each(IDS)("%s: Setup, Bad and Good blocks; Bad fires, Good does not", (id) => {
    const { Setup, Bad, Good } = examples(id);
    expect(Setup).toMatch(/CREATE TABLE/);
    expect(lintRule(id, Bad ?? "").length).toBeGreaterThan(0);
    expect(lintRule(id, Good ?? "")).toEqual([]);
  });

  it.each(IDS)("%s: names the lock, the safe way, the silence comment and the anchors", (id) => {
    const text = page(id);
    expect(text).toMatch(new RegExp(`^# ${id}$`, "m"));
    expect(text).toContain("**Lock:**");
    expect(text).toContain("## Safe alternative");
    expect(text).toContain(`-- db-migrate:ignore ${id} <reason>`);
    expect(text).toMatch(/^Anchors: /m);
  });
});
