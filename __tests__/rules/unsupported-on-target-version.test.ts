import { describe, expect, it } from "vitest";
import { VERSION_FEATURES } from "../../src/rules/data/version-features.js";
import { lintRule } from "../helpers/lint.js";

const RULE = "unsupported-on-target-version";

describe(RULE, () => {
  it("fires at the statement's line, naming the version that introduced the syntax", () => {
    const sql = [
      "CREATE TABLE t (id int, a int);",
      "ALTER TABLE t ADD COLUMN v int GENERATED ALWAYS AS (a * 2) VIRTUAL;",
      "ALTER TABLE t ADD CONSTRAINT t_a_nn NOT NULL a NOT VALID;",
    ].join("\n");
    const findings = lintRule(RULE, sql, { pgVersion: 16 });
    expect(findings.map((f) => [f.line, f.severity])).toEqual([
      [2, "error"],
      [3, "error"],
    ]);
    expect(findings[0]?.message).toContain("needs PostgreSQL 18");
    expect(findings[0]?.message).toContain("target is PostgreSQL 16");
    expect(findings[0]?.fix).toContain("STORED");
  });

  it("names each version: 14, 15, 17", () => {
    const sql = [
      "CREATE OR REPLACE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION f();",
      "MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE;",
      "CREATE UNIQUE INDEX u ON t (a) NULLS NOT DISTINCT;",
      "ALTER TABLE g ALTER COLUMN c SET EXPRESSION AS (a * 3);",
      "SELECT * FROM JSON_TABLE('[]'::jsonb, '$[*]' COLUMNS (a int PATH '$.a')) jt;",
    ].join("\n");
    const findings = lintRule(RULE, sql, { pgVersion: 13 });
    expect(findings.map((f) => [f.line, f.message.match(/needs PostgreSQL (\d+)/)?.[1]])).toEqual([
      [1, "14"],
      [2, "15"],
      [3, "15"],
      [4, "17"],
      [5, "17"],
    ]);
  });

  it("does not fire when the target has the feature", () => {
    const sql = [
      "ALTER TABLE t ADD COLUMN v int GENERATED ALWAYS AS (a * 2) VIRTUAL;",
      "CREATE OR REPLACE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION f();",
      "ALTER TABLE t ADD CONSTRAINT c CHECK (a > 0) NOT ENFORCED;",
    ].join("\n");
    expect(lintRule(RULE, sql, { pgVersion: 18 })).toEqual([]);
    expect(lintRule(RULE, sql.split("\n")[1] as string, { pgVersion: 14 })).toEqual([]);
  });

  it("does not fire on the long-standing forms of the same statements", () => {
    const sql = [
      "CREATE TABLE x (a int NOT NULL CHECK (a > 0) REFERENCES y, b int GENERATED ALWAYS AS (a * 2) STORED, CHECK (b > 0), FOREIGN KEY (b) REFERENCES y);",
      "ALTER TABLE x ADD CONSTRAINT c CHECK (a > 0) NOT VALID;",
      "ALTER TABLE x ADD FOREIGN KEY (a) REFERENCES y NOT VALID;",
      "ALTER TABLE x ALTER COLUMN a SET NOT NULL;",
      "ALTER TABLE x ALTER CONSTRAINT fk DEFERRABLE;",
      "CREATE UNIQUE INDEX CONCURRENTLY u ON x (a);",
      "ALTER TABLE p DETACH PARTITION c;",
      "CREATE TRIGGER tr BEFORE INSERT ON x FOR EACH ROW EXECUTE FUNCTION f();",
      "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;",
      "CREATE DOMAIN d AS int CHECK (VALUE > 0);",
      "GRANT SELECT, INSERT ON x TO app;",
      "INSERT INTO x (a) VALUES (1) ON CONFLICT (a) DO UPDATE SET a = excluded.a;",
      "CREATE VIEW v AS SELECT json_build_object('a', 1), '{}'::jsonb ->> 'a' AS j;",
    ].join("\n");
    expect(lintRule(RULE, sql, { pgVersion: 13 })).toEqual([]);
  });

  it("is silenced per statement", () => {
    const sql =
      "-- db-migrate:ignore unsupported-on-target-version the fleet runs 15\nMERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE;";
    expect(lintRule(RULE, sql, { pgVersion: 14 })).toEqual([]);
  });

  it("every example of the feature table is detected by its own entry and by no newer one", () => {
    for (const feature of VERSION_FEATURES) {
      const findings = lintRule(RULE, `${feature.example};`, { pgVersion: feature.since - 1 });
      expect(
        findings.map((f) => f.message.match(/needs PostgreSQL (\d+)/)?.[1]),
        feature.key,
      ).toContain(String(feature.since));
      expect(lintRule(RULE, `${feature.example};`, { pgVersion: feature.since }), feature.key).toEqual([]);
    }
  });
});
