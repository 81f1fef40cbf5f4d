import { describe, expect, it } from "vitest";
import { lintRule } from "../helpers/lint.js";

describe("rename-table", () => {
  it("fires on renaming an existing table", () => {
    const findings = lintRule("rename-table", "SELECT 1;\nALTER TABLE users RENAME TO accounts;");
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: "warning", line: 2, lock: "AccessExclusiveLock" });
    expect(findings[0]?.message).toContain("`users`");
    expect(findings[0]?.message).toContain("`accounts`");
  });

  it("fires on renaming an existing view", () => {
    expect(lintRule("rename-table", "ALTER VIEW active_users RENAME TO live_users;")[0]?.message).toContain("view");
  });

  it("does not fire on a table created earlier in the same migration", () => {
    expect(
      lintRule("rename-table", "CREATE TABLE users_new (id int);\nALTER TABLE users_new RENAME TO users2;"),
    ).toEqual([]);
  });

  it("does not fire on renaming an index, a column or a type", () => {
    const sql = "ALTER INDEX a RENAME TO b;\nALTER TABLE t RENAME COLUMN a TO b;\nALTER TYPE s RENAME TO s_old;";
    expect(lintRule("rename-table", sql)).toEqual([]);
  });
});
