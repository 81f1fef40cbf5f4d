import { createServer, type Server } from "node:net";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openEngineSession } from "../../src/engine/engine-session.js";
import { freePort } from "../../src/engine/postgres/server.js";
import { runChanges, traceResult } from "../../src/engine/trace-run.js";
import type { Migration } from "../../src/types.js";
import { hasRealPostgres, type RealPostgres, startRealPostgres } from "../helpers/real-postgres.js";
import { sqlMigration } from "./helpers.js";

const available = hasRealPostgres(16) && hasRealPostgres(13);

let history: Migration[];
let targets: Migration[];

beforeAll(async () => {
  history = [
    await sqlMigration(
      "001",
      "CREATE TABLE users (id int PRIMARY KEY, email text);\nINSERT INTO users VALUES (1, 'a');",
    ),
    await sqlMigration("002", "ALTER TABLE users ADD COLUMN age int;\nCREATE INDEX users_email ON users (email);"),
    await sqlMigration(
      "003",
      "CREATE OR REPLACE TRIGGER t BEFORE INSERT ON users FOR EACH ROW EXECUTE FUNCTION suppress_redundant_updates_trigger();",
    ),
  ];
  targets = history.slice(1);
});

async function accepts(port: number): Promise<boolean> {
  const client = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/postgres` });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

describe.skipIf(!available)("engine: postgres (a real server of the target version)", () => {
  it("replays and traces on PostgreSQL 16, reports its version, and stops the server at the end", async () => {
    const port = await freePort();
    const session = openEngineSession({ engine: "postgres", pgVersion: 16, port });
    let run: Awaited<ReturnType<typeof runChanges>>;
    try {
      run = await runChanges(session, { history, targets }, { observe: true, snapshots: false });
      expect(await accepts(port)).toBe(true);
    } finally {
      await session.dispose();
    }
    expect(await accepts(port)).toBe(false);
    const info = session.info();
    expect(info?.kind).toBe("postgres");
    expect(info?.serverVersion).toMatch(/^PostgreSQL 16\.\d+$/);
    expect(session.notices).toEqual([]);
    const result = traceResult({ history, targets, pgVersion: 16 }, run, info);
    const rules = result.findings.map((f) => [f.rule, f.path, f.line]);
    expect(rules).toContainEqual(["observed-blocking-lock", "migrations/002.sql", 1]);
    // CREATE OR REPLACE TRIGGER is PostgreSQL 14+: the real 16 accepts it.
    expect(rules.filter(([rule]) => rule === "migration-fails")).toEqual([]);
  });

  it("fails on PostgreSQL 13 where the real server does (CREATE OR REPLACE TRIGGER is 14+)", async () => {
    const session = openEngineSession({ engine: "postgres", pgVersion: 13 });
    try {
      const run = await runChanges(session, { history, targets }, { observe: true, snapshots: false });
      const result = traceResult({ history, targets, pgVersion: 13 }, run, session.info());
      const fails = result.findings.find((f) => f.rule === "migration-fails" && f.path === "migrations/003.sql");
      expect(fails?.severity).toBe("error");
      expect(fails?.message).toMatch(/syntax error at or near "TRIGGER"/);
      expect(session.info()?.serverVersion).toMatch(/^PostgreSQL 13\.\d+$/);
    } finally {
      await session.dispose();
    }
  });

  it("a port in use: a clear notice, and the run falls back to PGlite", async () => {
    const port = await freePort();
    const squatter: Server = createServer();
    await new Promise<void>((resolve) => squatter.listen(port, "127.0.0.1", resolve));
    const session = openEngineSession({ engine: "postgres", pgVersion: 16, port });
    try {
      const run = await runChanges(session, { history, targets }, { observe: true, snapshots: false });
      expect(run.traces).toHaveLength(2);
      expect(session.info()).toMatchObject({ kind: "pglite", requested: "postgres" });
      expect(session.notices.map((n) => n.message).join("\n")).toMatch(
        new RegExp(
          `PostgreSQL 16 \\(engine: postgres\\) could not be used, so the migrations were replayed on PGlite .*did not start on port ${port}`,
        ),
      );
    } finally {
      await session.dispose();
      squatter.close();
    }
  });
});

describe.skipIf(!available)("engine-url (a disposable server the user provides)", () => {
  let server: RealPostgres;
  beforeAll(async () => {
    server = await startRealPostgres(16);
    await server.query("CREATE DATABASE scratch");
    await server.query("CREATE DATABASE production");
    await server.query("CREATE TABLE orders (id int)", "production");
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("refuses a database that is not empty, says how to mark one, and falls back to PGlite", async () => {
    const session = openEngineSession({ engineUrl: server.url("production"), pgVersion: 16 });
    try {
      await runChanges(session, { history, targets }, { observe: true, snapshots: false });
      expect(session.info()).toMatchObject({ kind: "pglite", requested: "url" });
      const notice = session.notices.map((n) => n.message).join("\n");
      expect(notice).toContain('database "production" is not empty (1 relations and functions, 0 extensions)');
      expect(notice).toContain(`COMMENT ON DATABASE "production" IS 'db-migrate: disposable'`);
    } finally {
      await session.dispose();
    }
    expect(await server.query("SELECT count(*)::int AS n FROM orders", "production")).toEqual([{ n: 0 }]);
  });

  it("uses an empty database, works in databases of its own, and drops them at the end", async () => {
    const session = openEngineSession({ engineUrl: server.url("scratch"), pgVersion: 16 });
    try {
      const run = await runChanges(session, { history, targets }, { observe: true, snapshots: false });
      expect(session.info()).toMatchObject({ kind: "url", majorVersion: 16 });
      expect(run.traces.every((t) => t.ok)).toBe(true);
    } finally {
      await session.dispose();
    }
    const left = await server.query("SELECT datname FROM pg_database WHERE datname LIKE 'db_migrate_%'");
    expect(left).toEqual([]);
    expect(await server.query("SELECT count(*)::int AS n FROM pg_class WHERE relname = 'users'", "scratch")).toEqual([
      { n: 0 },
    ]);
  });

  it("accepts a non-empty database marked for db-migrate", async () => {
    await server.query(`COMMENT ON DATABASE production IS 'db-migrate: disposable'`);
    const session = openEngineSession({ engineUrl: server.url("production"), pgVersion: 16 });
    try {
      await runChanges(session, { history, targets }, { observe: true, snapshots: false });
      expect(session.info()?.kind).toBe("url");
      expect(session.notices).toEqual([]);
    } finally {
      await session.dispose();
    }
  });
});

describe.skipIf(!available)(
  "locks of statements that cannot run in a transaction, watched from a second session",
  () => {
    it("shows what PostgreSQL 16 really takes for CONCURRENTLY statements", async () => {
      const base = await sqlMigration(
        "c1",
        [
          "CREATE TABLE events (id int, at timestamptz);",
          "CREATE INDEX events_id ON events (id);",
          "CREATE TABLE measures (id int, day date) PARTITION BY RANGE (day);",
          "CREATE TABLE measures_2024 PARTITION OF measures FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');",
        ].join("\n"),
      );
      const migration = await sqlMigration(
        "c2",
        [
          "CREATE INDEX CONCURRENTLY events_at ON events (at);",
          "REINDEX INDEX CONCURRENTLY events_id;",
          "DROP INDEX CONCURRENTLY events_id;",
          "ALTER TABLE measures DETACH PARTITION measures_2024 CONCURRENTLY;",
        ].join("\n"),
        { transactional: false },
      );
      const session = openEngineSession({ engine: "postgres", pgVersion: 16 });
      try {
        const run = await runChanges(
          session,
          { history: [base, migration], targets: [migration] },
          { observe: true, snapshots: false },
        );
        const [trace] = run.traces;
        const strongestOn = (index: number, relation: string) =>
          trace?.statements.find((s) => s.index === index)?.locks.find((l) => l.relation === relation);
        expect(trace?.ok).toBe(true);
        expect(strongestOn(0, "events")).toMatchObject({ mode: "ShareUpdateExclusiveLock", observed: true });
        expect(strongestOn(1, "events")).toMatchObject({ mode: "ShareUpdateExclusiveLock", observed: true });
        expect(strongestOn(2, "events")).toMatchObject({ mode: "ShareUpdateExclusiveLock", observed: true });
        expect(strongestOn(3, "measures")).toMatchObject({ mode: "ShareUpdateExclusiveLock", observed: true });
        expect(strongestOn(3, "measures_2024")).toMatchObject({ mode: "AccessExclusiveLock", observed: true });
        expect(trace?.statements[0]?.note).toMatch(/observed from a second session/);
      } finally {
        await session.dispose();
      }
    });
  },
);
