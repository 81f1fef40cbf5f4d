import { describe, expect, it } from "vitest";
import { lint, lintRule } from "../helpers/lint.js";

describe("prefer-timestamptz", () => {
  it("is off unless enabled", () => {
    expect(lint("CREATE TABLE events (at timestamp NOT NULL);").filter((f) => f.rule === "prefer-timestamptz")).toEqual(
      [],
    );
  });

  it("fires when enabled, as info at the statement", () => {
    const findings = lintRule("prefer-timestamptz", "CREATE TABLE events (at timestamp NOT NULL);");
    expect(findings.length).toBeGreaterThan(0);
    expect(findings[0]).toMatchObject({ rule: "prefer-timestamptz", severity: "info", line: 1 });
  });

  it("does not fire on the safe form", () => {
    expect(lintRule("prefer-timestamptz", "CREATE TABLE events (at timestamptz NOT NULL, d date);")).toEqual([]);
  });

  it("flags a type change to timestamp without time zone", () => {
    expect(
      lintRule("prefer-timestamptz", "ALTER TABLE e ALTER COLUMN at TYPE timestamp(3) without time zone;"),
    ).toHaveLength(1);
  });
});
