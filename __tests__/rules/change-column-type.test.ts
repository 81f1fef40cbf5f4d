import { describe, expect, it } from "vitest";
import { lintRule } from "../helpers/lint.js";

const rule = "change-column-type";

describe(rule, () => {
  it("fires on a change no type reaches without a rewrite (int → bigint), as an error", () => {
    const findings = lintRule(rule, "ALTER TABLE users ALTER COLUMN id TYPE bigint;");
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: "error", lock: "AccessExclusiveLock", line: 1 });
    expect(findings[0]?.message).toContain("`users.id`");
    expect(findings[0]?.message).toContain("rewrites");
    expect(findings[0]?.fix).toBeTruthy();
  });

  it("is certain about a change to integer even with the current type unknown", () => {
    expect(lintRule(rule, "ALTER TABLE users ALTER COLUMN n TYPE integer;")).toMatchObject([{ severity: "error" }]);
  });

  it("fires on a USING conversion even towards text", () => {
    const findings = lintRule(rule, "ALTER TABLE users ALTER COLUMN name TYPE text USING lower(name);");
    expect(findings).toMatchObject([{ severity: "error" }]);
  });

  it("does not fire on a binary-compatible change when the current type is known", () => {
    const sql = [
      "ALTER TABLE users ADD COLUMN nick varchar(50), ADD COLUMN price numeric(10,2);",
      "ALTER TABLE users ALTER COLUMN nick TYPE varchar(100);",
      "ALTER TABLE users ALTER COLUMN nick TYPE text;",
      "ALTER TABLE users ALTER COLUMN price TYPE numeric(14,2);",
    ].join("\n");
    expect(lintRule(rule, sql)).toEqual([]);
  });

  it("fires when the known current type is not binary compatible (narrowing, scale change)", () => {
    const sql = [
      "ALTER TABLE users ADD COLUMN nick varchar(50);",
      "ALTER TABLE users ALTER COLUMN nick TYPE varchar(20);",
    ].join("\n");
    const findings = lintRule(rule, sql);
    expect(findings).toMatchObject([{ severity: "error", line: 2 }]);
    expect(findings[0]?.message).toContain("from `varchar(50)`");
  });

  it("warns, naming the unknown, when the target could be binary compatible but the current type is unknown", () => {
    const findings = lintRule(rule, "ALTER TABLE users ALTER COLUMN name TYPE text;");
    expect(findings).toMatchObject([{ severity: "warning", lock: "AccessExclusiveLock" }]);
    expect(findings[0]?.message).toContain("current type is not known");
  });

  it("does not fire on a table created earlier in the migration", () => {
    const sql = "CREATE TABLE t (id int, name varchar(10));\nALTER TABLE t ALTER COLUMN id TYPE bigint;";
    expect(lintRule(rule, sql)).toEqual([]);
  });

  it("reports each rewriting subcommand", () => {
    const sql = "ALTER TABLE users ALTER COLUMN a TYPE bigint, ALTER COLUMN b TYPE uuid USING b::uuid;";
    expect(lintRule(rule, sql)).toHaveLength(2);
  });
});
