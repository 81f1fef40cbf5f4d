import { describe, expect, it } from "vitest";
import { lintRule } from "../helpers/lint.js";

describe("truncate-table", () => {
  it("fires on TRUNCATE of an existing table", () => {
    const findings = lintRule("truncate-table", "SELECT 1;\nTRUNCATE sessions;");
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: "error", line: 2, lock: "AccessExclusiveLock" });
    expect(findings[0]?.message).toContain("`sessions`");
    expect(findings[0]?.message).not.toContain("CASCADE");
  });

  it("says that CASCADE also empties the referencing tables", () => {
    const findings = lintRule("truncate-table", "TRUNCATE TABLE users, orgs CASCADE;");
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain("CASCADE");
    expect(findings[0]?.message).toContain("`users`, `orgs`");
  });

  it("does not fire on a table created earlier in the same migration", () => {
    expect(lintRule("truncate-table", "CREATE TABLE staging (id int);\nTRUNCATE staging;")).toEqual([]);
  });

  it("names only the existing tables when new and old are mixed", () => {
    const findings = lintRule("truncate-table", "CREATE TABLE staging (id int);\nTRUNCATE staging, users;");
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain("`users`");
    expect(findings[0]?.message).not.toContain("staging");
  });
});
