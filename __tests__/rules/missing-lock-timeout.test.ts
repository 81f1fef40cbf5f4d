import { describe, expect, it } from "vitest";
import { lintRule } from "../helpers/lint.js";

const rule = "missing-lock-timeout";

describe(rule, () => {
  it("fires once, at the first statement that blocks reads or writes of an existing table", () => {
    const sql = [
      "CREATE TABLE audit (id int);",
      "ALTER TABLE users ADD COLUMN bio text;",
      "CREATE INDEX users_bio_idx ON users (bio);",
    ].join("\n");
    const findings = lintRule(rule, sql);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: "warning", line: 2, lock: "AccessExclusiveLock" });
    expect(findings[0]?.message).toContain("`users`");
    expect(findings[0]?.message).toContain("blocks reads and writes");
    expect(findings[0]?.fix).toContain("lock_timeout");
  });

  it("counts a lock that blocks only writes (CREATE INDEX: ShareLock) and FK references from new tables", () => {
    expect(lintRule(rule, "CREATE INDEX i ON users (email);")).toMatchObject([{ lock: "ShareLock" }]);
    const sql = "CREATE TABLE posts (id int, user_id int REFERENCES users (id));";
    expect(lintRule(rule, sql)).toMatchObject([{ lock: "ShareRowExclusiveLock" }]);
    expect(lintRule(rule, sql)[0]?.message).toContain("`users`");
  });

  it("does not fire when lock_timeout is set first (SET, SET LOCAL or set_config)", () => {
    expect(lintRule(rule, "SET lock_timeout = '5s';\nALTER TABLE users ADD COLUMN bio text;")).toEqual([]);
    expect(
      lintRule(rule, "BEGIN;\nSET LOCAL lock_timeout = '5s';\nALTER TABLE users ADD COLUMN bio text;\nCOMMIT;"),
    ).toEqual([]);
    const sql = "SELECT set_config('lock_timeout', '5s', false);\nALTER TABLE users ADD COLUMN bio text;";
    expect(lintRule(rule, sql)).toEqual([]);
  });

  it("fires again after RESET lock_timeout, at the first unguarded statement only", () => {
    const sql = [
      "SET lock_timeout = '5s';",
      "ALTER TABLE users ADD COLUMN bio text;",
      "RESET lock_timeout;",
      "ALTER TABLE users DROP COLUMN bio;",
      "ALTER TABLE posts DROP COLUMN x;",
    ].join("\n");
    expect(lintRule(rule, sql)).toMatchObject([{ line: 4 }]);
  });

  it("ends SET LOCAL at COMMIT, and ignores it outside a transaction", () => {
    const sql = [
      "BEGIN;",
      "SET LOCAL lock_timeout = '5s';",
      "ALTER TABLE users ADD COLUMN bio text;",
      "COMMIT;",
      "ALTER TABLE posts ADD COLUMN body text;",
    ].join("\n");
    expect(lintRule(rule, sql)).toMatchObject([{ line: 5 }]);
    expect(lintRule(rule, "SET LOCAL lock_timeout = '5s';\nALTER TABLE users ADD COLUMN bio text;")).toHaveLength(1);
    const wrapped = "SET LOCAL lock_timeout = '5s';\nALTER TABLE users ADD COLUMN bio text;";
    expect(lintRule(rule, wrapped, { transactional: true })).toEqual([]);
  });

  it("treats lock_timeout = 0, DEFAULT and RESET ALL as no timeout", () => {
    expect(lintRule(rule, "SET lock_timeout = 0;\nALTER TABLE users ADD COLUMN bio text;")).toHaveLength(1);
    expect(lintRule(rule, "SET lock_timeout = '0s';\nALTER TABLE users ADD COLUMN bio text;")).toHaveLength(1);
    expect(lintRule(rule, "SET lock_timeout TO DEFAULT;\nALTER TABLE users ADD COLUMN bio text;")).toHaveLength(1);
    const reset = "SET lock_timeout = '5s';\nRESET ALL;\nALTER TABLE users ADD COLUMN bio text;";
    expect(lintRule(rule, reset)).toMatchObject([{ line: 3 }]);
    const config = "SELECT set_config('lock_timeout', '0', false);\nALTER TABLE users ADD COLUMN bio text;";
    expect(lintRule(rule, config)).toHaveLength(1);
  });

  it("does not fire on non-blocking statements or on tables created earlier", () => {
    const sql = [
      "CREATE INDEX CONCURRENTLY i ON users (email);",
      "ALTER TABLE users VALIDATE CONSTRAINT c;",
      "UPDATE users SET active = true WHERE id = 1;",
      "CREATE TABLE t (id int);",
      "ALTER TABLE t ADD COLUMN name text;",
      "CREATE INDEX t_name ON t (name);",
    ].join("\n");
    expect(lintRule(rule, sql)).toEqual([]);
  });

  it("is silenced by an ignore comment", () => {
    expect(
      lintRule(
        rule,
        "-- db-migrate:ignore missing-lock-timeout set by the deploy tool\nALTER TABLE users ADD COLUMN bio text;",
      ),
    ).toEqual([]);
  });
});
