import type { TypeName } from "@pgsql/types";
import { describe, expect, it } from "vitest";
import { ContextTracker } from "../../src/rules/context.js";
import { narrowingTypeChange } from "../../src/rules/data-loss/narrowing-type-change.js";
import type { ParsedStatement, RuleHit } from "../../src/rules/types.js";
import { parseSql } from "../../src/sql/parse.js";
import { lintRule } from "../helpers/lint.js";

const rule = "narrowing-type-change";

/** The old type declared by CREATE TABLE earlier in the snippet, then the change. */
function change(from: string, to: string) {
  return lintRule(rule, `CREATE TABLE t (c ${from});\nALTER TABLE t ALTER COLUMN c TYPE ${to};`);
}

/** The rule on `sql` after an older migration `history` declared the columns (types known, tables not new). */
function afterHistory(history: string, sql: string): RuleHit[] {
  const columnTypes = new Map<string, TypeName>();
  const replay = (text: string, check: boolean) => {
    const { statements } = parseSql(text, "migration.sql");
    const tracker = new ContextTracker({ pgVersion: 16, toolTransaction: true, statements, columnTypes });
    return statements.flatMap((statement, index) => {
      const context = tracker.at(index);
      if (!statement.ast) return [];
      const hits = check ? narrowingTypeChange.check(statement as ParsedStatement, context) : [];
      tracker.observe(statement.ast);
      return hits;
    });
  };
  replay(history, false);
  return replay(sql, true);
}

describe("narrowing-type-change", () => {
  it.each([
    ["varchar(255)", "varchar(50)"],
    ["text", "varchar(100)"],
    ["text", "varchar(255)"],
    ["varchar", "char(10)"],
    ["bigint", "integer"],
    ["integer", "smallint"],
    ["bigserial", "int"],
    ["numeric(10,4)", "numeric(10,2)"],
    ["numeric(12,2)", "numeric(8,2)"],
    ["numeric", "numeric(10,2)"],
    ["numeric(10,2)", "integer"],
    ["double precision", "real"],
    ["timestamptz", "date"],
    ["timestamp", "time"],
    ["timestamptz(6)", "timestamptz(0)"],
  ])("fires on %s -> %s (old type known), at the ALTER with its lock", (from, to) => {
    const findings = change(from, to);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: "error", line: 2, lock: "AccessExclusiveLock" });
    expect(findings[0]?.message).toContain("`t.c`");
    expect(findings[0]?.fix).toBeTruthy();
  });

  it.each([
    ["varchar(50)", "varchar(255)"],
    ["varchar(50)", "text"],
    ["varchar(50)", "varchar"],
    ["char(10)", "varchar(10)"],
    ["integer", "bigint"],
    ["smallint", "integer"],
    ["serial", "bigint"],
    ["numeric(10,2)", "numeric(12,2)"],
    ["numeric(10,2)", "numeric(12,4)"],
    ["numeric(10,2)", "numeric"],
    ["integer", "numeric"],
    ["integer", "numeric(12,2)"],
    ["real", "double precision"],
    ["date", "timestamptz"],
    ["timestamp", "timestamptz"],
    ["integer", "text"],
    ["uuid", "text"],
    ["varchar(20)", "citext"],
    ["int[]", "bigint[]"],
    // A parse of text into another type can fail, but it is a conversion, not a narrowing (change-column-type covers the rewrite).
    ["text", "jsonb"],
    ["text", "integer"],
  ])("does not fire on the widening %s -> %s", (from, to) => {
    expect(change(from, to)).toEqual([]);
  });

  it("uses a type declared by ADD COLUMN or an earlier ALTER TYPE", () => {
    const sql = [
      "ALTER TABLE users ALTER COLUMN bio TYPE text;",
      "ALTER TABLE users ALTER COLUMN bio TYPE varchar(500);",
    ].join("\n");
    const findings = lintRule(rule, sql);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 2, severity: "error" });
    expect(findings[0]?.message).toContain("from text to varchar(500)");
  });

  it("follows renamed columns and tables", () => {
    const sql = [
      "CREATE TABLE a (c varchar(50));",
      "ALTER TABLE a RENAME COLUMN c TO d;",
      "ALTER TABLE a RENAME TO b;",
      "ALTER TABLE b ALTER COLUMN d TYPE varchar(100);",
    ].join("\n");
    expect(lintRule(rule, sql)).toEqual([]);
  });

  describe("old type unknown", () => {
    it.each(["varchar(50)", "char(2)", "integer", "smallint", "real", "date"])(
      "reports the change to %s as possibly narrowing (warning)",
      (to) => {
        const findings = lintRule(rule, `ALTER TABLE users ALTER COLUMN c TYPE ${to};`);
        expect(findings).toHaveLength(1);
        expect(findings[0]).toMatchObject({ severity: "warning", lock: "AccessExclusiveLock" });
        expect(findings[0]?.message).toContain("possibly narrowing");
        expect(findings[0]?.message).toContain("`users.c`");
      },
    );

    it.each([
      "varchar(255)",
      "varchar(1000)",
      "text",
      "bigint",
      "numeric(12,2)",
      "timestamptz",
      "jsonb",
      "double precision",
    ])("does not guess about %s, which widens from the usual sources", (to) => {
      expect(lintRule(rule, `ALTER TABLE users ALTER COLUMN c TYPE ${to};`)).toEqual([]);
    });
  });

  it("reports each narrowed column of one ALTER", () => {
    const sql =
      "CREATE TABLE t (a bigint, b text);\nALTER TABLE t ALTER COLUMN a TYPE int, ALTER COLUMN b TYPE varchar(10);";
    expect(lintRule(rule, sql)).toHaveLength(2);
  });

  it("knows the old type of an existing table from an older migration", () => {
    const history = "CREATE TABLE users (name varchar(255), score numeric(10,4));";
    const narrowed = afterHistory(
      history,
      "ALTER TABLE users ALTER COLUMN name TYPE varchar(255), ALTER COLUMN score TYPE numeric(10,2);",
    );
    expect(narrowed).toHaveLength(1);
    expect(narrowed[0]?.message).toContain("from numeric(10,4) to numeric(10,2)");
    expect(narrowed[0]?.severity).toBeUndefined();
    expect(afterHistory(history, "ALTER TABLE users ALTER COLUMN name TYPE varchar(100);")[0]?.message).toContain(
      "from varchar(255) to varchar(100)",
    );
    expect(afterHistory(history, "ALTER TABLE users ALTER COLUMN name TYPE varchar(300);")).toEqual([]);
  });
});
