import { describe, expect, it } from "vitest";
import { lint, lintRule } from "../helpers/lint.js";

describe("prefer-identity", () => {
  it("is off unless enabled", () => {
    expect(lint("CREATE TABLE users (id bigserial PRIMARY KEY);").filter((f) => f.rule === "prefer-identity")).toEqual(
      [],
    );
  });

  it("fires when enabled, as info at the statement", () => {
    const findings = lintRule("prefer-identity", "CREATE TABLE users (id bigserial PRIMARY KEY);");
    expect(findings.length).toBeGreaterThan(0);
    expect(findings[0]).toMatchObject({ rule: "prefer-identity", severity: "info", line: 1 });
  });

  it("does not fire on the safe form", () => {
    expect(
      lintRule("prefer-identity", "CREATE TABLE users (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY);"),
    ).toEqual([]);
  });
});
