/**
 * The catalog stays whole: every id in rules.md is implemented, every rule has
 * its docs page and its own test file, and every docs page belongs to a rule.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ALL_RULES } from "../../src/rules/index.js";

const root = path.resolve(import.meta.dirname, "../..");
const ids = ALL_RULES.map((r) => r.meta.id);
const sharedRules = path.resolve(root, "../shared/rules.md");

describe("rule catalog", () => {
  it("has unique ids", () => {
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.runIf(existsSync(sharedRules))("implements every id of rules.md", () => {
    const catalog = [...readFileSync(sharedRules, "utf8").matchAll(/^\| ([a-z0-9-]+) \|/gm)].map((m) => m[1]);
    const missing = catalog.filter((id) => id !== "id" && !/^-+$/.test(id as string) && !ids.includes(id as string));
    expect(missing).toEqual([]);
  });

  it("gives every rule a docs page with the sections a reader needs", () => {
    for (const id of ids) {
      const page = path.join(root, "docs/rules", `${id}.md`);
      expect(existsSync(page), `docs/rules/${id}.md`).toBe(true);
      const text = readFileSync(page, "utf8");
      expect(text.startsWith(`# ${id}`), `${id}.md title`).toBe(true);
      expect(text, `${id}.md has an example`).toMatch(/```/);
    }
  });

  it("has no docs page without a rule", () => {
    const pages = readdirSync(path.join(root, "docs/rules"))
      .filter((f) => f.endsWith(".md") && f !== "README.md" && f !== "observed-locks.md")
      .map((f) => f.replace(/\.md$/, ""));
    expect(pages.filter((p) => !ids.includes(p))).toEqual([]);
  });

  it("gives every statement and history rule its own test file", () => {
    const tested = ALL_RULES.filter((r) => r.kind !== "reported").map((r) => r.meta.id);
    const missing = tested.filter((id) => !existsSync(path.join(root, "__tests__/rules", `${id}.test.ts`)));
    expect(missing).toEqual([]);
  });

  it("names PostgreSQL lock modes", () => {
    const modes =
      /^(AccessShare|RowShare|RowExclusive|ShareUpdateExclusive|Share|ShareRowExclusive|Exclusive|AccessExclusive)Lock$/;
    for (const rule of ALL_RULES) if (rule.meta.lock) expect(rule.meta.lock).toMatch(modes);
  });
});
