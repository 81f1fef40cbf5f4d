import { describe, expect, it } from "vitest";
import { lintRule } from "../helpers/lint.js";

describe("rename-column", () => {
  it("fires on renaming a column of an existing table", () => {
    const findings = lintRule("rename-column", "SELECT 1;\nALTER TABLE users RENAME COLUMN name TO full_name;");
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: "warning", line: 2, lock: "AccessExclusiveLock" });
    expect(findings[0]?.message).toContain("`name`");
    expect(findings[0]?.message).toContain("`full_name`");
    expect(findings[0]?.message).toContain("`users`");
  });

  it("does not fire on a new table or a column added earlier in the migration", () => {
    const sql = [
      "CREATE TABLE t (a int);",
      "ALTER TABLE t RENAME COLUMN a TO b;",
      "ALTER TABLE users ADD COLUMN nick text;",
      "ALTER TABLE users RENAME COLUMN nick TO handle;",
      "ALTER TABLE users RENAME COLUMN handle TO alias;",
    ].join("\n");
    expect(lintRule("rename-column", sql)).toEqual([]);
  });

  it("does not fire on renaming a table or a constraint", () => {
    expect(
      lintRule("rename-column", "ALTER TABLE users RENAME TO people;\nALTER TABLE t RENAME CONSTRAINT a TO b;"),
    ).toEqual([]);
  });
});
