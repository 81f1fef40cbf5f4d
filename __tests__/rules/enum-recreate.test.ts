import type { TypeName } from "@pgsql/types";
import { describe, expect, it } from "vitest";
import { ContextTracker } from "../../src/rules/context.js";
import { enumRecreate } from "../../src/rules/data-loss/enum-recreate.js";
import type { ParsedStatement, RuleHit } from "../../src/rules/types.js";
import { parseSql } from "../../src/sql/parse.js";
import { lintRule } from "../helpers/lint.js";

const rule = "enum-recreate";

/** Runs the rule on `sql` after an older migration `history` declared the schema (types and labels known, tables not new). */
function afterHistory(history: string, sql: string): Array<RuleHit & { line: number }> {
  const columnTypes = new Map<string, TypeName>();
  const enumLabels = new Map<string, string[]>();
  const replay = (text: string, check: boolean) => {
    const { statements } = parseSql(text, "migration.sql");
    const tracker = new ContextTracker({ pgVersion: 16, toolTransaction: true, statements, columnTypes, enumLabels });
    return statements.flatMap((statement, index) => {
      const context = tracker.at(index);
      if (!statement.ast) return [];
      const hits = check ? enumRecreate.check(statement as ParsedStatement, context) : [];
      tracker.observe(statement.ast);
      return hits.map((hit) => ({ ...hit, line: statement.span.line }));
    });
  };
  replay(history, false);
  return replay(sql, true);
}

describe("enum-recreate", () => {
  it("fires once at the CREATE TYPE of the rename/create/alter/drop pattern", () => {
    const sql = [
      'ALTER TYPE "Role" RENAME TO "Role_old";',
      "CREATE TYPE \"Role\" AS ENUM ('USER', 'ADMIN');",
      'ALTER TABLE "User" ALTER COLUMN "role" TYPE "Role" USING ("role"::text::"Role");',
      'ALTER TABLE "Invite" ALTER COLUMN "role" TYPE "Role" USING ("role"::text::"Role");',
      'DROP TYPE "Role_old";',
    ].join("\n");
    const findings = lintRule(rule, sql);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: "error", line: 2, lock: "AccessExclusiveLock" });
    expect(findings[0]?.message).toContain("`Role`");
    expect(findings[0]?.message).toContain("`User.role`, `Invite.role`");
  });

  it("names the values that disappear when an older migration declared the labels", () => {
    const history = "CREATE TYPE status AS ENUM ('draft', 'live', 'archived');\nCREATE TABLE posts (status status);";
    const sql = [
      "ALTER TYPE status RENAME TO status_old;",
      "CREATE TYPE status AS ENUM ('draft', 'live');",
      "ALTER TABLE posts ALTER COLUMN status TYPE status USING status::text::status;",
      "DROP TYPE status_old;",
    ].join("\n");
    const hits = afterHistory(history, sql);
    expect(hits).toHaveLength(1);
    expect(hits[0]?.line).toBe(2);
    expect(hits[0]?.message).toContain("without 'archived'");
  });

  it("does not fire when every old value is kept (a reorder)", () => {
    const history = "CREATE TYPE size AS ENUM ('m', 's', 'l');\nCREATE TABLE shirts (size size);";
    const sql = [
      "CREATE TYPE size_new AS ENUM ('s', 'm', 'l');",
      "ALTER TABLE shirts ALTER COLUMN size TYPE size_new USING size::text::size_new;",
      "DROP TYPE size;",
      "ALTER TYPE size_new RENAME TO size;",
    ].join("\n");
    expect(afterHistory(history, sql)).toEqual([]);
  });

  it("does not take a later, unrelated rename of the same name for a recreate", () => {
    const sql = [
      "CREATE TYPE status AS ENUM ('draft', 'live', 'archived');",
      "ALTER TABLE posts ALTER COLUMN status TYPE status USING status::status;",
      "COMMIT;",
      "ALTER TYPE status RENAME TO status_old;",
      "CREATE TYPE status AS ENUM ('draft', 'live');",
      "ALTER TABLE posts ALTER COLUMN status TYPE status USING status::text::status;",
      "DROP TYPE status_old;",
    ].join("\n");
    // Line 1 is a plain new enum; line 5 recreates it without 'archived', on rows of an existing table.
    const findings = lintRule(rule, sql);
    expect(findings.map((f) => f.line)).toEqual([5]);
    expect(findings[0]?.message).toContain("without 'archived'");
  });

  it("recognises Prisma's create-new / convert / rename / drop order and the removed values", () => {
    const sql = [
      "ALTER TYPE \"Plan\" ADD VALUE IF NOT EXISTS 'FREE';",
      "BEGIN;",
      "CREATE TYPE \"Plan_new\" AS ENUM ('PRO', 'TEAM');",
      'ALTER TABLE "Org" ALTER COLUMN "plan" DROP DEFAULT;',
      'ALTER TABLE "Org" ALTER COLUMN "plan" TYPE "Plan_new" USING ("plan"::text::"Plan_new");',
      'ALTER TYPE "Plan" RENAME TO "Plan_old";',
      'ALTER TYPE "Plan_new" RENAME TO "Plan";',
      'DROP TYPE "Plan_old";',
      'ALTER TABLE "Org" ALTER COLUMN "plan" SET DEFAULT \'PRO\';',
      "COMMIT;",
    ].join("\n");
    const findings = lintRule(rule, sql);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 3 });
    expect(findings[0]?.message).toContain("`Plan`");
  });

  it("does not fire on a plain new enum, or when only new tables are converted", () => {
    expect(lintRule(rule, "CREATE TYPE mood AS ENUM ('ok', 'sad');\nCREATE TABLE t (m mood);")).toEqual([]);
    const sql = [
      "CREATE TABLE t (r text);",
      "ALTER TYPE r RENAME TO r_old;",
      "CREATE TYPE r AS ENUM ('a');",
      "ALTER TABLE t ALTER COLUMN r TYPE r USING r::text::r;",
      "DROP TYPE r_old;",
    ].join("\n");
    expect(lintRule(rule, sql)).toEqual([]);
  });

  it("lists the new values when the old labels are unknown", () => {
    const sql = [
      "ALTER TYPE color RENAME TO color_old;",
      "CREATE TYPE color AS ENUM ('red', 'green');",
      "ALTER TABLE paint ALTER COLUMN color TYPE color USING color::text::color;",
      "DROP TYPE color_old;",
    ].join("\n");
    expect(lintRule(rule, sql)[0]?.message).toContain("with only 'red', 'green'");
  });
});
