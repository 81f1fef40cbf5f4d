import { describe, expect, it } from "vitest";
import { lintRule } from "../helpers/lint.js";

const rule = "missing-statement-timeout";

describe(rule, () => {
  it("fires once, at the first blocking scan or rewrite of an existing table", () => {
    const sql = [
      "ALTER TABLE users ADD COLUMN bio text;",
      "CREATE INDEX users_email_idx ON users (email);",
      "ALTER TABLE users ALTER COLUMN id TYPE bigint;",
    ].join("\n");
    const findings = lintRule(rule, sql);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: "warning", line: 2, lock: "ShareLock" });
    expect(findings[0]?.message).toContain("scans all of `users`");
    expect(findings[0]?.fix).toContain("statement_timeout");
  });

  it("fires on an unbounded UPDATE (row locks on every row)", () => {
    const findings = lintRule(rule, "UPDATE users SET active = true;");
    expect(findings).toMatchObject([{ lock: "RowExclusiveLock" }]);
    expect(findings[0]?.message).toContain("every row");
  });

  it("does not fire when statement_timeout is set first", () => {
    expect(lintRule(rule, "SET statement_timeout = '10min';\nCREATE INDEX i ON users (email);")).toEqual([]);
  });

  it("does not fire on non-blocking long statements, catalog-only changes or new tables", () => {
    const sql = [
      "CREATE INDEX CONCURRENTLY i ON users (email);",
      "ALTER TABLE users VALIDATE CONSTRAINT c;",
      "ALTER TABLE users ADD COLUMN bio text;",
      "UPDATE users SET active = true WHERE id < 1000;",
      "CREATE TABLE t (id int);",
      "CREATE INDEX t_id ON t (id);",
    ].join("\n");
    expect(lintRule(rule, sql)).toEqual([]);
  });
});
