import { describe, expect, it } from "vitest";
import { lintRule } from "../helpers/lint.js";

describe("drop-column", () => {
  it("fires on dropping a column of an existing table, at the statement's line", () => {
    const findings = lintRule("drop-column", "SELECT 1;\nALTER TABLE users DROP COLUMN email;");
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: "error", line: 2, lock: "AccessExclusiveLock" });
    expect(findings[0]?.message).toContain("`email`");
    expect(findings[0]?.message).toContain("`users`");
    expect(findings[0]?.fix).toBeTruthy();
  });

  it("reports each dropped column of a multi-command ALTER", () => {
    const findings = lintRule("drop-column", "ALTER TABLE users DROP COLUMN a, DROP COLUMN IF EXISTS b;");
    expect(findings.map((f) => f.message.match(/`(\w+)`/)?.[1])).toEqual(["a", "b"]);
  });

  it("does not fire on a column added earlier in the same migration", () => {
    expect(
      lintRule("drop-column", "ALTER TABLE users ADD COLUMN tmp int;\nALTER TABLE users DROP COLUMN tmp;"),
    ).toEqual([]);
  });

  it("does not fire on a table created earlier in the same migration", () => {
    expect(lintRule("drop-column", "CREATE TABLE t (a int, b int);\nALTER TABLE t DROP COLUMN b;")).toEqual([]);
  });

  it("still fires on another column of that existing table", () => {
    const sql = "ALTER TABLE users ADD COLUMN tmp int;\nALTER TABLE users DROP COLUMN name;";
    expect(lintRule("drop-column", sql)).toHaveLength(1);
  });

  it("is silenced by an ignore comment", () => {
    expect(
      lintRule("drop-column", "-- db-migrate:ignore drop-column unused since v3\nALTER TABLE users DROP COLUMN email;"),
    ).toEqual([]);
  });

  it("leaves a table the migration drops later to drop-table", () => {
    expect(lintRule("drop-column", "ALTER TABLE old_users DROP COLUMN email;\nDROP TABLE old_users;")).toEqual([]);
  });
});
