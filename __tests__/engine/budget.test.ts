import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Baseline, type Engine, openEngine } from "../../src/engine/index.js";
import { sqlMigration } from "./helpers.js";

const BUDGET_MS = 2000;
let engine: Engine;
let baseline: Baseline;

beforeAll(async () => {
  engine = await openEngine({ budgetMs: BUDGET_MS });
  await engine.replay([await sqlMigration("001", "CREATE TABLE kept (id int);\nINSERT INTO kept VALUES (1);")]);
  baseline = await engine.baseline();
});

afterAll(async () => {
  await engine?.close();
});

const RUNAWAY = {
  "an infinite loop": "DO $$ BEGIN LOOP END LOOP; END $$;",
  "pg_sleep(3600)": "SELECT pg_sleep(3600);",
  "a 1e9-row generate_series insert":
    "CREATE TABLE huge (n bigint);\nINSERT INTO huge SELECT generate_series(1, 1e9::bigint);",
};

describe("the time budget", () => {
  for (const [name, sql] of Object.entries(RUNAWAY)) {
    it(`stops ${name} within the budget and keeps the state from before it`, async () => {
      const migration = await sqlMigration(`runaway_${name}`, `CREATE TABLE before_runaway (id int);\n${sql}`);
      const trace = await engine.trace(migration, { baseline });
      expect(trace.ok).toBe(false);
      expect(trace.stopped).toBe("time");
      const stoppedAt = trace.statements.at(-1);
      expect(stoppedAt?.index).toBe(migration.statements.length - 1);
      expect(stoppedAt?.error?.message).toBe(
        "stopped after the 2 s time budget (raise it with `trace.budget-seconds` in .db-migrate.yml or --budget-seconds)",
      );
      // The migration's transaction is gone, the history before it is intact and the engine still answers.
      expect(await engine.query("SELECT 1 FROM pg_class WHERE relname IN ('before_runaway', 'huge')")).toEqual([]);
      expect(await engine.query("SELECT id FROM kept")).toEqual([{ id: 1 }]);
    });
  }

  it("reports a runaway base migration as a budget failure and replays the rest", async () => {
    const report = await engine.replay([
      await sqlMigration("b1", "SELECT pg_sleep(3600);"),
      await sqlMigration("b2", "CREATE TABLE after_runaway (id int);"),
    ]);
    expect(report.failures.map((f) => [f.migration, f.cause])).toEqual([["b1", "budget"]]);
    expect(report.migrations[0]?.stopped).toBe("time");
    expect(await engine.query("SELECT 1 AS ok FROM pg_class WHERE relname = 'after_runaway'")).toEqual([{ ok: 1 }]);
  });
});
