import { describe, expect, it } from "vitest";
import type { Migration } from "../../src/types.js";
import { history, migration, project } from "../helpers/history.js";

const withSql = (m: Migration, sql: string, checksum: string): Migration => ({
  ...m,
  checksum,
  statements: [
    {
      ...(m.statements[0] as Migration["statements"][number]),
      sql,
      span: { line: 3, column: 1, endLine: 3, endColumn: 5 },
    },
  ],
});

describe("edited-applied-migration", () => {
  it("fires on a Prisma migration.sql changed by the PR, at the changed statement", () => {
    const path = "prisma/migrations/20240101000000_init/migration.sql";
    const base = withSql(
      migration({ id: "20240101000000_init", path, convention: "prisma" }),
      "CREATE TABLE a (id int)",
      "aaa",
    );
    const head = { ...withSql(base, "CREATE TABLE a (id bigint)", "bbb"), change: "modified" as const };
    const findings = history("edited-applied-migration", {
      project: project("prisma"),
      migrations: [head],
      base: [base],
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: "error", path, line: 3 });
    expect(findings[0]?.message).toContain("checksum");
  });

  it("fires on a deleted migration", () => {
    const base = migration({ id: "1", path: "migrations/1_a.up.sql" });
    const findings = history("edited-applied-migration", {
      project: project("golang-migrate"),
      migrations: [],
      base: [base],
      deleted: ["migrations/1_a.up.sql"],
    });
    expect(findings[0]?.message).toContain("deletes");
  });

  it("ignores a comment-only edit where the tool does not checksum, and Flyway repeatables", () => {
    const base = withSql(migration({ id: "1", path: "1_a.up.sql" }), "SELECT 1", "aaa");
    const head = { ...base, checksum: "bbb", change: "modified" as const };
    expect(
      history("edited-applied-migration", { project: project("golang-migrate"), migrations: [head], base: [base] }),
    ).toEqual([]);
    const repeatable = migration({
      id: "R__v",
      path: "R__v.sql",
      convention: "flyway",
      repeatable: true,
      checksum: "a",
    });
    const edited = { ...repeatable, checksum: "b", change: "modified" as const };
    expect(
      history("edited-applied-migration", { project: project("flyway"), migrations: [edited], base: [repeatable] }),
    ).toEqual([]);
  });

  it("does not run without --base", () => {
    const m = { ...migration({ id: "1", path: "1.sql" }), change: "modified" as const };
    expect(history("edited-applied-migration", { project: project("plain"), migrations: [m] })).toEqual([]);
  });
});
