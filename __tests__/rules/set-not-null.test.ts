import { describe, expect, it } from "vitest";
import { lintRule } from "../helpers/lint.js";

const RULE = "set-not-null";

describe(RULE, () => {
  it("fires on SET NOT NULL of an existing column", () => {
    const findings = lintRule(RULE, "ALTER TABLE users ALTER COLUMN email SET NOT NULL;");
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: "error", line: 1, lock: "AccessExclusiveLock" });
    expect(findings[0]?.message).toContain("`users.email`");
    expect(findings[0]?.fix).toMatch(/CHECK \(email IS NOT NULL\) NOT VALID.*VALIDATE CONSTRAINT/);
  });

  it("reports one finding per ALTER TABLE (one scan), naming every column", () => {
    const findings = lintRule(RULE, "ALTER TABLE users ALTER COLUMN a SET NOT NULL, ALTER COLUMN b SET NOT NULL;");
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain("`users.a`, `users.b`");
    expect(findings[0]?.fix).toContain("for each column");
  });

  it("does not fire after CHECK (col IS NOT NULL) NOT VALID + VALIDATE on PostgreSQL 12+", () => {
    const sql = [
      "ALTER TABLE users ADD CONSTRAINT email_nn CHECK (email IS NOT NULL) NOT VALID;",
      "ALTER TABLE users VALIDATE CONSTRAINT email_nn;",
      "ALTER TABLE users ALTER COLUMN email SET NOT NULL;",
    ].join("\n");
    expect(lintRule(RULE, sql, { pgVersion: 12 })).toEqual([]);
    expect(lintRule(RULE, sql)).toEqual([]);
  });

  it("still fires when the check was never validated", () => {
    const sql =
      "ALTER TABLE users ADD CONSTRAINT email_nn CHECK (email IS NOT NULL) NOT VALID;\nALTER TABLE users ALTER COLUMN email SET NOT NULL;";
    expect(lintRule(RULE, sql).map((f) => f.line)).toEqual([2]);
  });

  it("still fires when the validated check covers another column", () => {
    const sql =
      "ALTER TABLE users ADD CONSTRAINT name_nn CHECK (name IS NOT NULL);\nALTER TABLE users ALTER COLUMN email SET NOT NULL;";
    expect(lintRule(RULE, sql).map((f) => f.line)).toEqual([2]);
  });

  it("fires before PostgreSQL 12 even with a validated check, saying why", () => {
    const sql = [
      "ALTER TABLE users ADD CONSTRAINT email_nn CHECK (email IS NOT NULL) NOT VALID;",
      "ALTER TABLE users VALIDATE CONSTRAINT email_nn;",
      "ALTER TABLE users ALTER COLUMN email SET NOT NULL;",
    ].join("\n");
    const findings = lintRule(RULE, sql, { pgVersion: 11 });
    expect(findings.map((f) => f.line)).toEqual([3]);
    expect(findings[0]?.message).toContain("before PostgreSQL 12");
  });

  it("does not fire on a table created earlier in the migration", () => {
    expect(lintRule(RULE, "CREATE TABLE users (email text);\nALTER TABLE users ALTER email SET NOT NULL;")).toEqual([]);
  });

  it("fires on a column added earlier in the migration: the table has rows, so every one is scanned", () => {
    const findings = lintRule(
      RULE,
      "ALTER TABLE users ADD COLUMN nickname text;\nALTER TABLE users ALTER COLUMN nickname SET NOT NULL;",
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain("added by this change, on a table that already has rows");
  });

  it("treats PostgreSQL 18 ADD CONSTRAINT … NOT NULL like SET NOT NULL, unless NOT VALID", () => {
    expect(lintRule(RULE, "ALTER TABLE users ADD CONSTRAINT email_nn NOT NULL email;")).toHaveLength(1);
    const sql = [
      "ALTER TABLE users ADD CONSTRAINT email_nn NOT NULL email NOT VALID;",
      "ALTER TABLE users VALIDATE CONSTRAINT email_nn;",
      "ALTER TABLE users ALTER COLUMN email SET NOT NULL;",
    ].join("\n");
    expect(lintRule(RULE, sql, { pgVersion: 18 })).toEqual([]);
  });
});
