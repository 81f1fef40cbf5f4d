import { describe, expect, it } from "vitest";
import { lint, lintRule } from "../helpers/lint.js";

describe("prefer-text", () => {
  it("is off unless enabled", () => {
    expect(lint("ALTER TABLE users ADD COLUMN email varchar(255);").filter((f) => f.rule === "prefer-text")).toEqual(
      [],
    );
  });

  it("fires when enabled, as info at the statement", () => {
    const findings = lintRule("prefer-text", "ALTER TABLE users ADD COLUMN email varchar(255);");
    expect(findings.length).toBeGreaterThan(0);
    expect(findings[0]).toMatchObject({ rule: "prefer-text", severity: "info", line: 1 });
  });

  it("does not fire on the safe form", () => {
    expect(
      lintRule("prefer-text", "ALTER TABLE users ADD COLUMN email text CHECK (char_length(email) <= 255);"),
    ).toEqual([]);
  });

  it("does not flag varchar without a limit", () => {
    expect(lintRule("prefer-text", "CREATE TABLE t (a varchar);")).toEqual([]);
  });
});
