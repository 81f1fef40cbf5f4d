import { describe, expect, it } from "vitest";
import { lint, lintRule } from "../helpers/lint.js";

describe("duplicate-column-assignment", () => {
  it("is off unless enabled", () => {
    expect(
      lint("UPDATE users SET a = 1, a = 2 WHERE id = 1;").filter((f) => f.rule === "duplicate-column-assignment"),
    ).toEqual([]);
  });

  it("fires when enabled, as info at the statement", () => {
    const findings = lintRule("duplicate-column-assignment", "UPDATE users SET a = 1, a = 2 WHERE id = 1;");
    expect(findings.length).toBeGreaterThan(0);
    expect(findings[0]).toMatchObject({ rule: "duplicate-column-assignment", severity: "info", line: 1 });
  });

  it("does not fire on the safe form", () => {
    expect(lintRule("duplicate-column-assignment", "UPDATE users SET a = 1, b = 2 WHERE id = 1;")).toEqual([]);
  });

  it("flags an INSERT column list naming a column twice", () => {
    expect(lintRule("duplicate-column-assignment", "INSERT INTO t (a, a) VALUES (1, 2);")).toHaveLength(1);
  });
});
