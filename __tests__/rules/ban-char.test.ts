import { describe, expect, it } from "vitest";
import { lint, lintRule } from "../helpers/lint.js";

describe("ban-char", () => {
  it("is off unless enabled", () => {
    expect(lint("CREATE TABLE c (code char(3));").filter((f) => f.rule === "ban-char")).toEqual([]);
  });

  it("fires when enabled, as info at the statement", () => {
    const findings = lintRule("ban-char", "CREATE TABLE c (code char(3));");
    expect(findings.length).toBeGreaterThan(0);
    expect(findings[0]).toMatchObject({ rule: "ban-char", severity: "info", line: 1 });
  });

  it("does not fire on the safe form", () => {
    expect(lintRule("ban-char", 'CREATE TABLE c (code text, flag "char");')).toEqual([]);
  });

  it("flags character(n) spelled out", () => {
    expect(lintRule("ban-char", "ALTER TABLE c ADD COLUMN cc character(2);")[0]?.message).toContain("char(2)");
  });
});
