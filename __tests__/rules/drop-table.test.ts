import { describe, expect, it } from "vitest";
import { lintRule } from "../helpers/lint.js";

describe("drop-table", () => {
  it("fires on dropping an existing table, at the statement's line", () => {
    const findings = lintRule("drop-table", "SELECT 1;\nDROP TABLE users;");
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: "error", line: 2, lock: "AccessExclusiveLock" });
    expect(findings[0]?.message).toContain("`users`");
  });

  it("does not fire on a table created earlier in the same migration", () => {
    expect(lintRule("drop-table", "CREATE TABLE tmp (id int);\nDROP TABLE tmp;")).toEqual([]);
  });

  it("treats public.users and users as the same table", () => {
    expect(lintRule("drop-table", "CREATE TABLE public.t (id int);\nDROP TABLE t;")).toEqual([]);
  });

  it("is silenced by an ignore comment above the statement", () => {
    expect(lintRule("drop-table", "-- db-migrate:ignore drop-table retired in v2\nDROP TABLE users;")).toEqual([]);
  });
});
