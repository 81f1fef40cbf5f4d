import { describe, expect, it } from "vitest";
import { lintRule } from "../helpers/lint.js";

const rule = "enum-add-value-in-transaction";
const inTool = { transactional: true } as const;

describe("enum-add-value-in-transaction", () => {
  it.each([
    "INSERT INTO tasks (status) VALUES ('blocked');",
    "UPDATE tasks SET status = 'blocked' WHERE id = 1;",
    "UPDATE tasks SET done = true WHERE status = 'blocked';",
    "ALTER TABLE tasks ALTER COLUMN status SET DEFAULT 'blocked';",
    "SELECT 'blocked'::status;",
    "SELECT 'blocked'::text::status;",
    "CREATE INDEX tasks_blocked ON tasks (id) WHERE status IN ('open', 'blocked');",
    "CREATE FUNCTION f() RETURNS status LANGUAGE sql AS $$ SELECT 'blocked'::status $$;",
  ])("fires on a later use in the same transaction: %s", (use) => {
    const findings = lintRule(rule, `ALTER TYPE status ADD VALUE 'blocked';\n${use}`, inTool);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: "error", line: 2, lock: null });
    expect(findings[0]?.message).toContain("'blocked'");
    expect(findings[0]?.message).toContain("line 1");
    expect(findings[0]?.message).toContain("unsafe use of new value");
  });

  it("fires inside an explicit BEGIN", () => {
    const sql =
      "BEGIN;\nALTER TYPE status ADD VALUE 'blocked';\nUPDATE tasks SET status = 'blocked' WHERE id = 1;\nCOMMIT;";
    expect(lintRule(rule, sql).map((f) => f.line)).toEqual([3]);
  });

  it("does not fire when a COMMIT separates the ADD VALUE from the use", () => {
    const sql =
      "BEGIN;\nALTER TYPE status ADD VALUE 'blocked';\nCOMMIT;\nUPDATE tasks SET status = 'blocked' WHERE id = 1;";
    expect(lintRule(rule, sql)).toEqual([]);
  });

  it("does not fire outside a transaction", () => {
    const sql = "ALTER TYPE status ADD VALUE 'blocked';\nUPDATE tasks SET status = 'blocked' WHERE id = 1;";
    expect(lintRule(rule, sql)).toEqual([]);
  });

  it("does not fire on other enum statements or unrelated literals", () => {
    const sql = [
      "ALTER TYPE status ADD VALUE 'blocked';",
      "ALTER TYPE status ADD VALUE 'waiting' AFTER 'blocked';",
      "COMMENT ON TYPE status IS 'blocked';",
      "UPDATE tasks SET status = 'open' WHERE id = 1;",
      "SELECT 'blocked'::text;",
    ].join("\n");
    expect(lintRule(rule, sql, inTool)).toEqual([]);
  });

  it("does not fire where the literal meets a column known to be of another type", () => {
    const sql = [
      "CREATE TABLE notes (label text);",
      "ALTER TYPE status ADD VALUE 'blocked';",
      "INSERT INTO notes (label) VALUES ('blocked');",
      "UPDATE notes SET label = 'x' WHERE label = 'blocked';",
    ].join("\n");
    expect(lintRule(rule, sql, inTool)).toEqual([]);
  });

  it("does not fire on PostgreSQL 17+ when the type was created in the same transaction", () => {
    const sql =
      "CREATE TYPE status AS ENUM ('open');\nALTER TYPE status ADD VALUE 'blocked';\nSELECT 'blocked'::status;";
    expect(lintRule(rule, sql, { ...inTool, pgVersion: 17 })).toEqual([]);
    expect(lintRule(rule, sql, { ...inTool, pgVersion: 16 })).toHaveLength(1);
  });

  it("does not fire before PostgreSQL 12 (the ADD VALUE itself fails there)", () => {
    const sql = "ALTER TYPE status ADD VALUE 'blocked';\nSELECT 'blocked'::status;";
    expect(lintRule(rule, sql, { ...inTool, pgVersion: 11 })).toEqual([]);
  });

  it("does not fire when ADD VALUE IF NOT EXISTS names a label the type already had", () => {
    const sql = [
      "CREATE TYPE status AS ENUM ('open', 'blocked');",
      "COMMIT;",
      "BEGIN;",
      "ALTER TYPE status ADD VALUE IF NOT EXISTS 'blocked';",
      "UPDATE tasks SET status = 'blocked' WHERE id = 1;",
      "COMMIT;",
    ].join("\n");
    expect(lintRule(rule, sql)).toEqual([]);
  });
});
