import { describe, expect, it } from "vitest";
import { lintRule } from "../helpers/lint.js";

describe("drop-not-null", () => {
  it("fires on DROP NOT NULL of an existing column", () => {
    const findings = lintRule("drop-not-null", "SELECT 1;\nALTER TABLE users ALTER COLUMN email DROP NOT NULL;");
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: "warning", line: 2, lock: "AccessExclusiveLock" });
    expect(findings[0]?.message).toContain("`users.email`");
  });

  it("does not fire on a new table or a column added earlier in the migration", () => {
    const sql = [
      "CREATE TABLE t (a int NOT NULL);",
      "ALTER TABLE t ALTER COLUMN a DROP NOT NULL;",
      "ALTER TABLE users ADD COLUMN b int NOT NULL DEFAULT 0;",
      "ALTER TABLE users ALTER COLUMN b DROP NOT NULL;",
    ].join("\n");
    expect(lintRule("drop-not-null", sql)).toEqual([]);
  });

  it("does not fire on SET NOT NULL", () => {
    expect(lintRule("drop-not-null", "ALTER TABLE users ALTER COLUMN email SET NOT NULL;")).toEqual([]);
  });
});
