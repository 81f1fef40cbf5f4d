import { describe, expect, it } from "vitest";
import type { MigrationTrace } from "../../src/engine/types.js";
import { buildPlan, rollbackStrategy } from "../../src/plan/build.js";
import { planJson } from "../../src/plan/render.js";
import type { Finding } from "../../src/types.js";
import { sqlMigration } from "../engine/helpers.js";

describe("buildPlan from the static lock table", () => {
  it("gives each statement its lock, what it blocks, rewrite/scan, transaction, rollback and findings", async () => {
    const migration = await sqlMigration(
      "0002",
      [
        "CREATE TABLE teams (id bigint PRIMARY KEY);",
        "CREATE INDEX teams_id_idx ON teams (id);",
        "ALTER TABLE users ADD COLUMN team_id bigint;",
        "ALTER TABLE users ALTER COLUMN id TYPE bigint;",
        "CREATE INDEX CONCURRENTLY users_team_idx ON users (team_id);",
        "UPDATE users SET team_id = 1;",
        "ALTER TABLE users DROP COLUMN legacy;",
      ].join("\n"),
    );
    migration.statements[4] = {
      ...(migration.statements[4] as (typeof migration.statements)[number]),
      autocommit: true,
    };
    const finding: Finding = {
      rule: "change-column-type",
      severity: "error",
      path: migration.path,
      line: 4,
      column: 1,
      endLine: 4,
      message: "rewrites",
      lock: "AccessExclusiveLock",
      source: "static",
    };
    const [plan] = buildPlan([migration], { findings: [finding], pgVersion: 18 });
    const steps = plan?.statements ?? [];
    expect(plan?.source).toBe("static");
    expect(steps.map((s) => [s.line, s.lock, s.newTable, s.rewrite, s.transaction, s.rollback])).toEqual([
      [1, null, true, false, "migration", "reversible"],
      [2, "ShareLock", true, false, "migration", "reversible"],
      [3, "AccessExclusiveLock", false, false, "migration", "reversible"],
      [4, "AccessExclusiveLock", false, true, "migration", "reversible"],
      [5, "ShareUpdateExclusiveLock", false, false, "none", "reversible"],
      [6, "RowExclusiveLock", false, false, "migration", "irreversible"],
      [7, "AccessExclusiveLock", false, false, "migration", "data-loss"],
    ]);
    expect(steps[2]?.blocks).toEqual(["reads", "writes", "ddl"]);
    expect(steps[3]?.findings).toEqual(["change-column-type"]);
    expect(plan?.totals.tablesRewritten).toEqual(["users"]);
  });

  it("prefers the trace, and renders the JSON contract's keys", async () => {
    const migration = await sqlMigration("0003", "ALTER TABLE users ADD COLUMN age int;\nSELECT 1;");
    const [first, second] = migration.statements;
    const trace: MigrationTrace = {
      migration,
      ok: true,
      durationMs: 1,
      statements: [
        {
          index: 0,
          statement: first as NonNullable<typeof first>,
          transaction: "migration",
          locks: [
            {
              relation: "users",
              kind: "table",
              mode: "AccessExclusiveLock",
              existedBefore: true,
              acquired: true,
              observed: true,
            },
          ],
          rewrites: [],
          scans: [],
          heldFor: 2,
          durationMs: 1,
        },
        {
          index: 1,
          statement: second as NonNullable<typeof second>,
          transaction: "migration",
          locks: [],
          rewrites: [],
          scans: [],
          durationMs: 1,
        },
      ],
    };
    const plan = buildPlan([migration], { traces: [trace], findings: [], pgVersion: 18 });
    expect(plan[0]?.source).toBe("trace");
    expect(plan[0]?.totals).toEqual({ accessExclusiveStatements: 2, tablesRewritten: [] });
    const [json] = planJson(plan) as Array<{ migration: string; statements: Array<Record<string, unknown>> }>;
    expect(json?.migration).toBe("migrations/0003.sql");
    expect(Object.keys(json?.statements[0] ?? {})).toEqual(
      expect.arrayContaining(["line", "sql", "lock", "blocks", "rewrite", "newTable", "transaction", "rollback"]),
    );
    expect(json?.statements[0]).toMatchObject({ lock: "AccessExclusiveLock", heldFor: 2, newTable: false });
  });

  it("classifies rollbacks by statement kind", async () => {
    const { statements } = await sqlMigration(
      "x",
      "DROP TABLE a;\nTRUNCATE b;\nDELETE FROM c;\nDROP INDEX d;\nALTER TABLE e RENAME TO f;",
    );
    expect(statements.map(rollbackStrategy)).toEqual([
      "data-loss",
      "data-loss",
      "irreversible",
      "reversible",
      "reversible",
    ]);
  });

  it("marks loosenings whose rollback needs the data to fit, with the count to run first", async () => {
    const migration = await sqlMigration(
      "x",
      "ALTER TABLE users ALTER COLUMN email DROP NOT NULL;\nALTER TABLE items DROP CONSTRAINT items_price_check;\nALTER TYPE mood ADD VALUE 'meh';",
    );
    expect(migration.statements.map(rollbackStrategy)).toEqual([
      "needs-data-check",
      "needs-data-check",
      "needs-data-check",
    ]);
    const [plan] = buildPlan([migration], { findings: [], pgVersion: 16 });
    expect(plan?.statements[0]?.dataCheck).toBe("SELECT count(*) FROM users WHERE email IS NULL");
    const [json] = planJson(plan ? [plan] : []) as Array<{ statements: unknown[] }>;
    expect(json?.statements[0]).toMatchObject({
      rollback: "needs-data-check",
      dataCheck: "SELECT count(*) FROM users WHERE email IS NULL",
    });
  });
});
