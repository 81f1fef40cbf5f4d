import { describe, expect, it } from "vitest";
import { analyze } from "../../src/pipeline.js";
import { memoryFiles } from "../helpers/files.js";

const HISTORY = {
  "migrations/001_users.sql": "CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);\n",
  "migrations/002_posts.sql": "CREATE TABLE posts (id bigint PRIMARY KEY, user_id bigint REFERENCES users (id));\n",
  "migrations/003_users_name.sql": "ALTER TABLE users ADD COLUMN name text;\n",
  "migrations/004_posts_index.sql":
    "BEGIN;\nSET TRANSACTION ISOLATION LEVEL REPEATABLE READ;\nSET LOCAL lock_timeout = '5s';\nCREATE INDEX posts_user_id ON posts (user_id);\nCOMMIT;\n",
};

describe("one engine session per run", () => {
  it("traces and verifies rollbacks on one booted engine, one base replay, each target applied once", async () => {
    const analysis = await analyze(["migrations/003_users_name.sql", "migrations/004_posts_index.sql"], {
      root: "/nonexistent",
      format: "json",
      trace: true,
      rollbacks: true,
      color: false,
      files: memoryFiles(HISTORY),
    });
    const stats = analysis.engineStats;
    expect(stats?.boots).toBe(1);
    expect(stats?.baseReplays).toBe(1);
    expect(stats?.cacheRestores).toBe(0);
    // The base (001, 002) replayed once, the targets (003, 004) applied once: by the trace, whose
    // application the rollback verification shares.
    expect(Object.fromEntries(stats?.applied ?? [])).toEqual({
      "migrations/001_users.sql": 1,
      "migrations/002_posts.sql": 1,
      "migrations/003_users_name.sql": 1,
      "migrations/004_posts_index.sql": 1,
    });
    const result = analysis.result;
    expect(result.plan?.map((p) => p.source)).toEqual(["trace", "trace"]);
    // The replay confirms the static finding: the gate folds the observed lock into it as evidence.
    const index = result.findings.find(
      (f) => f.rule === "create-index-non-concurrently" && f.path === "migrations/004_posts_index.sql",
    );
    expect(index?.merged).toContain("observed-blocking-lock");
    expect(index?.evidence?.join(" ")).toMatch(/ShareLock on `?posts`?/);
    // SET TRANSACTION stays the first query of its transaction: no catalog read before it.
    expect(result.findings.filter((f) => f.rule === "migration-fails")).toEqual([]);
    const generated = result.rollbacks?.filter((r) => r.origin === "generated") ?? [];
    expect(generated.map((r) => [r.path, r.verification, r.statements])).toEqual([
      ["migrations/003_users_name.sql", "verified", ["ALTER TABLE users DROP COLUMN name"]],
      ["migrations/004_posts_index.sql", "verified", ["DROP INDEX posts_user_id"]],
    ]);
    expect(result.engine).toEqual({
      kind: "pglite",
      serverVersion: expect.stringMatching(/^PostgreSQL 18\.\d+ \(PGlite\)$/),
      majorVersion: 18,
      timezone: "UTC",
    });
  });
});

describe("every engine use under the budget", () => {
  it("stops an endless migration and an endless author rollback, names the budget, and still reports", async () => {
    const files = memoryFiles({
      "db/migrations/000001_users.up.sql": "CREATE TABLE users (id bigint PRIMARY KEY);\n",
      "db/migrations/000001_users.down.sql": "DROP TABLE users;\n",
      "db/migrations/000002_spin.up.sql": "ALTER TABLE users ADD COLUMN a int;\nDO $$ BEGIN LOOP END LOOP; END $$;\n",
      "db/migrations/000002_spin.down.sql": "ALTER TABLE users DROP COLUMN a;\n",
      "db/migrations/000003_name.up.sql": "ALTER TABLE users ADD COLUMN name text;\n",
      "db/migrations/000003_name.down.sql": "DO $$ BEGIN LOOP END LOOP; END $$;\nALTER TABLE users DROP COLUMN name;\n",
    });
    const analysis = await analyze(["db/migrations/000002_spin.up.sql", "db/migrations/000003_name.up.sql"], {
      root: "/nonexistent",
      format: "json",
      trace: true,
      rollbacks: true,
      color: false,
      budgetSeconds: 4,
      files,
    });
    const { findings, rollbacks } = analysis.result;
    const spin = findings.find((f) => f.rule === "migration-fails" && f.path === "db/migrations/000002_spin.up.sql");
    expect(spin?.severity).toBe("error");
    expect(spin?.line).toBe(2);
    expect(spin?.message).toContain("stopped after the 4 s time budget");
    expect(spin?.fix).toContain("`trace.budget-seconds` in .db-migrate.yml, --budget-seconds");
    // The endless down file: the rollback check is stopped too, and is a finding at its line.
    const down = findings.find((f) => f.rule === "rollback-fails" && f.path === "db/migrations/000003_name.down.sql");
    expect(down?.line).toBe(1);
    expect(down?.message).toContain(
      "stopped after the 4 s time budget (raise it with `trace.budget-seconds` in .db-migrate.yml or --budget-seconds)",
    );
    const author = rollbacks?.find((r) => r.origin === "author" && r.path === "db/migrations/000003_name.up.sql");
    expect(author?.verification).toBe("fails");
    // After the stop the engine recovered: the generated rollback of the same migration still verifies.
    const generated = rollbacks?.find((r) => r.origin === "generated" && r.path === "db/migrations/000003_name.up.sql");
    expect(generated?.verification).toBe("verified");
    expect(analysis.engineStats?.boots).toBe(1);
  });
});

describe("the run's overall deadline", () => {
  it("stops the engine when the signal fires, and the analysis still returns with a notice", async () => {
    const controller = new AbortController();
    const files = memoryFiles({
      "migrations/001_users.sql": "CREATE TABLE users (id bigint PRIMARY KEY);\n",
      "migrations/002_spin.sql": "ALTER TABLE users ADD COLUMN a int;\nDO $$ BEGIN LOOP END LOOP; END $$;\n",
    });
    // The loop never ends and the budget is far away: only the signal can stop it.
    const timer = setTimeout(() => controller.abort(), 3000);
    try {
      const analysis = await analyze(["migrations/002_spin.sql"], {
        root: "/nonexistent",
        format: "json",
        trace: true,
        rollbacks: true,
        color: false,
        budgetSeconds: 3600,
        signal: controller.signal,
        files,
      });
      const notice = analysis.result.notices.find((n) => n.message.includes("overall deadline"));
      expect(notice?.level).toBe("warning");
      // The static findings are all there.
      expect(analysis.result.findings.some((f) => f.source === "static")).toBe(true);
      expect(analysis.result.findings.filter((f) => f.source === "trace")).toEqual([]);
    } finally {
      clearTimeout(timer);
    }
  });
});
