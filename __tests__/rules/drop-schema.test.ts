import { describe, expect, it } from "vitest";
import { lintRule } from "../helpers/lint.js";

describe("drop-schema", () => {
  it("fires on DROP SCHEMA, and says CASCADE takes every table", () => {
    const findings = lintRule("drop-schema", "SELECT 1;\nDROP SCHEMA audit CASCADE;");
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: "error", line: 2, lock: "AccessExclusiveLock" });
    expect(findings[0]?.message).toContain("`audit`");
    expect(findings[0]?.message).toContain("CASCADE");
  });

  it("fires on DROP DATABASE, with no table lock", () => {
    const findings = lintRule("drop-schema", "DROP DATABASE legacy;");
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: "error", lock: null });
    expect(findings[0]?.message).toContain("`legacy`");
  });

  it("does not fire on a schema created earlier in the same migration", () => {
    expect(lintRule("drop-schema", "CREATE SCHEMA scratch;\nDROP SCHEMA scratch;")).toEqual([]);
  });

  it("does not fire on other DROP statements", () => {
    expect(lintRule("drop-schema", "DROP TABLE users;\nDROP VIEW v;")).toEqual([]);
  });
});
