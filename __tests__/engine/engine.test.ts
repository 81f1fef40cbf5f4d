import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Baseline, type Engine, openEngine } from "../../src/engine/index.js";
import type { MigrationTrace, StatementTrace } from "../../src/engine/types.js";
import { sqlMigration } from "./helpers.js";

let engine: Engine;
let baseline: Baseline;

beforeAll(async () => {
  engine = await openEngine({ extensions: ["pgcrypto"] });
  const report = await engine.replay([
    await sqlMigration(
      "001_users",
      `CREATE TABLE users (id int PRIMARY KEY, email varchar(50) NOT NULL, name text);
INSERT INTO users SELECT g, 'user' || g || '@example.com', 'n' FROM generate_series(1, 200) g;`,
    ),
    await sqlMigration("002_orders", "CREATE TABLE orders (id bigint PRIMARY KEY, user_id int, total numeric);"),
  ]);
  expect(report.failures).toEqual([]);
  baseline = await engine.baseline();
});

afterAll(async () => {
  await engine?.close();
});

function only(trace: MigrationTrace, index = 0): StatementTrace {
  const statement = trace.statements.find((s) => s.index === index);
  if (!statement) throw new Error(`statement ${index} not traced`);
  return statement;
}

function tableLock(statement: StatementTrace, table: string) {
  return statement.locks.find((l) => l.relation === table && l.kind === "table");
}

describe("trace", () => {
  it("sees CREATE INDEX take ShareLock on the table and scan it", async () => {
    const trace = await engine.trace(await sqlMigration("t1", "CREATE INDEX users_name_idx ON users (name);"), {
      baseline,
    });
    const statement = only(trace);
    expect(tableLock(statement, "users")?.mode).toBe("ShareLock");
    expect(tableLock(statement, "users")?.existedBefore).toBe(true);
    expect(statement.scans).toContain("users");
    expect(statement.rewrites).toEqual([]);
  });

  it("sees ADD COLUMN take AccessExclusiveLock, held until the transaction ends", async () => {
    const trace = await engine.trace(
      await sqlMigration("t2", "ALTER TABLE users ADD COLUMN age int;\nUPDATE orders SET total = 0;\nSELECT 1;"),
      { baseline },
    );
    const statement = only(trace);
    expect(tableLock(statement, "users")).toMatchObject({ mode: "AccessExclusiveLock", acquired: true });
    expect(statement.heldFor).toBe(3);
    expect(statement.transaction).toBe("migration");
    expect(tableLock(only(trace, 1), "orders")?.mode).toBe("RowExclusiveLock");
  });

  it("sees SET NOT NULL take AccessExclusiveLock and scan without a rewrite", async () => {
    const trace = await engine.trace(await sqlMigration("t3", "ALTER TABLE users ALTER COLUMN name SET NOT NULL;"), {
      baseline,
    });
    const statement = only(trace);
    expect(tableLock(statement, "users")?.mode).toBe("AccessExclusiveLock");
    expect(statement.scans).toEqual(["users"]);
    expect(statement.rewrites.filter((r) => r.kind === "table")).toEqual([]);
  });

  it("detects the rewrite of ALTER COLUMN TYPE int → bigint, not of varchar → text", async () => {
    const rewrite = await engine.trace(await sqlMigration("t4", "ALTER TABLE users ALTER COLUMN id TYPE bigint;"), {
      baseline,
    });
    expect(only(rewrite).rewrites).toContainEqual({ relation: "users", kind: "table", existedBefore: true });
    expect(only(rewrite).rewrites).toContainEqual({ relation: "users_pkey", kind: "index", existedBefore: true });

    const noRewrite = await engine.trace(await sqlMigration("t5", "ALTER TABLE users ALTER COLUMN email TYPE text;"), {
      baseline,
    });
    expect(only(noRewrite).rewrites.filter((r) => r.kind === "table")).toEqual([]);
    expect(tableLock(only(noRewrite), "users")?.mode).toBe("AccessExclusiveLock");
  });

  it("records the documented lock of CREATE INDEX CONCURRENTLY, which pg_locks cannot show", async () => {
    const trace = await engine.trace(
      await sqlMigration("t6", "CREATE INDEX CONCURRENTLY orders_user_idx ON orders (user_id);", {
        transactional: false,
      }),
      { baseline },
    );
    const statement = only(trace);
    expect(statement.error).toBeUndefined();
    expect(statement.transaction).toBe("none");
    expect(statement.locks).toEqual([
      expect.objectContaining({ relation: "orders", mode: "ShareUpdateExclusiveLock", observed: false }),
    ]);
    expect(statement.note).toMatch(/not observable/);
    const exists = await engine.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_indexes WHERE indexname = 'orders_user_idx'",
    );
    expect(exists[0]?.n).toBe(1);
  });

  it("wraps autocommit statements of a non-transactional migration to observe them", async () => {
    const trace = await engine.trace(
      await sqlMigration("t7", "ALTER TABLE orders ADD COLUMN note text;\nALTER TABLE orders ADD COLUMN note2 text;", {
        transactional: false,
      }),
      { baseline },
    );
    expect(only(trace, 0)).toMatchObject({ transaction: "none", heldFor: 1 });
    expect(tableLock(only(trace, 1), "orders")).toMatchObject({ mode: "AccessExclusiveLock", acquired: true });
  });

  it("treats tables created by the traced migration as new", async () => {
    const trace = await engine.trace(
      await sqlMigration("t8", "CREATE TABLE fresh (id int);\nALTER TABLE fresh ADD COLUMN x int;"),
      { baseline },
    );
    expect(only(trace, 0).locks.every((l) => !l.existedBefore)).toBe(true);
    expect(only(trace, 0).heldFor).toBeUndefined();
  });

  it("reports PostgreSQL's own error for a failing statement and runs the rest", async () => {
    const trace = await engine.trace(
      await sqlMigration(
        "t9",
        "ALTER TABLE users ALTER COLUMN emial SET NOT NULL;\nCREATE TABLE after_failure (id int);",
      ),
      { baseline },
    );
    expect(trace.ok).toBe(false);
    expect(only(trace, 0).error).toEqual({
      message: 'column "emial" of relation "users" does not exist',
      code: "42703",
    });
    const rows = await engine.query("SELECT 1 FROM pg_class WHERE relname = 'after_failure'");
    expect(rows).toHaveLength(1);
  });
});

describe("replay", () => {
  it("isolates a failing migration, creates missing roles, loads extensions and runs COPY FROM stdin", async () => {
    const report = await engine.replay([
      await sqlMigration("r1", "CREATE TABLE r1 (id int REFERENCES missing_table (id));\nCREATE TABLE r1_ok (id int);"),
      await sqlMigration(
        "r2",
        "CREATE TABLE r2 (id uuid DEFAULT gen_random_uuid());\nGRANT SELECT ON r2 TO reporting;",
      ),
      await sqlMigration("r3", "CREATE EXTENSION IF NOT EXISTS postgis;\nCREATE TABLE r3 (id int);"),
      await sqlMigration(
        "r4",
        "CREATE TABLE r4 (id int, name text);\nCOPY r4 (id, name) FROM stdin;\n1\tone\n2\ttwo\n\\.\n",
      ),
      await sqlMigration("r5", "COPY r4 FROM '/var/lib/data.csv';"),
    ]);
    expect(report.failures.map((f) => [f.migration, f.cause])).toEqual([
      ["r1", "sql"],
      ["r3", "missing-extension"],
      ["r5", "server-file"],
    ]);
    expect(report.failures[0]?.message).toBe('relation "missing_table" does not exist');
    expect(report.createdRoles).toContain("reporting");
    const tables = await engine.query<{ relname: string }>(
      "SELECT relname FROM pg_class WHERE relname IN ('r1', 'r1_ok', 'r2', 'r3', 'r4') ORDER BY relname",
    );
    expect(tables.map((t) => t.relname)).toEqual(["r1_ok", "r2", "r3", "r4"]);
    expect(await engine.query("SELECT id, name FROM r4 ORDER BY id")).toEqual([
      { id: 1, name: "one" },
      { id: 2, name: "two" },
    ]);
  });

  it("keeps an explicit COMMIT's effect and a non-transactional migration's earlier statements", async () => {
    const report = await engine.replay([
      await sqlMigration(
        "r6",
        "BEGIN;\nCREATE TABLE r6a (id int);\nCOMMIT;\nCREATE TABLE r6b (id int);\nSELECT * FROM nowhere;",
        { transactional: false },
      ),
    ]);
    expect(report.failures).toHaveLength(1);
    const tables = await engine.query<{ relname: string }>(
      "SELECT relname FROM pg_class WHERE relname IN ('r6a', 'r6b') ORDER BY relname",
    );
    expect(tables.map((t) => t.relname)).toEqual(["r6a", "r6b"]);
  });
});

describe("run, checkpoint and restore", () => {
  it("stops at the first error and rolls the transaction back", async () => {
    const result = await engine.run(
      ["CREATE TABLE run_a (id int)", "SELECT * FROM no_such", "CREATE TABLE run_b (id int)"],
      {
        transactional: true,
      },
    );
    expect(result).toEqual({ ok: false, index: 1, message: 'relation "no_such" does not exist' });
    expect(await engine.query("SELECT 1 FROM pg_class WHERE relname = 'run_a'")).toEqual([]);
  });

  it("goes back to a checkpoint", async () => {
    const checkpoint = await engine.checkpoint();
    expect(await engine.run(["DROP TABLE orders"], { transactional: true })).toEqual({ ok: true });
    expect(await engine.query("SELECT 1 FROM pg_class WHERE relname = 'orders'")).toEqual([]);
    await engine.restore(checkpoint);
    expect(await engine.query("SELECT 1 AS present FROM pg_class WHERE relname = 'orders'")).toEqual([{ present: 1 }]);
    expect(engine.extensions).toContain("pgcrypto");
  });
});
