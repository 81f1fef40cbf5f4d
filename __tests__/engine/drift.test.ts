import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectReadOnly, liveDrift, readAppliedState, renderDrift } from "../../src/engine/drift.js";
import type { Migration } from "../../src/types.js";
import { sqlMigration } from "./helpers.js";

let db: PGlite;
let server: PGLiteSocketServer;
let url: string;
let migrations: Migration[];

/** A "production" database served over the PostgreSQL wire protocol: two of three Prisma migrations applied, plus a hand-made change. */
beforeAll(async () => {
  migrations = [
    await sqlMigration("20240101000000_init", "CREATE TABLE users (id int PRIMARY KEY, email varchar(255));", {
      path: "prisma/migrations/20240101000000_init/migration.sql",
    }),
    await sqlMigration(
      "20240201000000_posts",
      "CREATE TABLE posts (id int PRIMARY KEY, user_id int REFERENCES users (id));",
      {
        path: "prisma/migrations/20240201000000_posts/migration.sql",
      },
    ),
    await sqlMigration("20240301000000_tags", "CREATE TABLE tags (id int PRIMARY KEY);", {
      path: "prisma/migrations/20240301000000_tags/migration.sql",
    }),
  ];
  db = await PGlite.create();
  await db.exec(`
    CREATE TABLE _prisma_migrations (id varchar(36) PRIMARY KEY, checksum varchar(64) NOT NULL, finished_at timestamptz,
      migration_name varchar(255) NOT NULL, logs text, rolled_back_at timestamptz, started_at timestamptz NOT NULL DEFAULT now(),
      applied_steps_count int NOT NULL DEFAULT 0);
    INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name) VALUES
      ('a', 'x', now(), '20240101000000_init'), ('b', 'y', now(), '20240201000000_posts');
    ${migrations[0]?.statements.map((s) => s.sql).join(";")};
    ${migrations[1]?.statements.map((s) => s.sql).join(";")};
    ALTER TABLE users ALTER COLUMN email TYPE text;
    CREATE INDEX users_email_by_hand ON users (email);
  `);
  const port = 40000 + Math.floor(Math.random() * 20000);
  server = new PGLiteSocketServer({ db, port, host: "127.0.0.1" });
  await server.start();
  url = `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`;
});

afterAll(async () => {
  await server?.stop();
  await db?.close();
});

describe("drift against a live database, through the wire protocol", () => {
  it("reads the applied state, lists pending migrations and reports hand-made schema changes", async () => {
    const client = await connectReadOnly(url);
    try {
      const states = await readAppliedState(client);
      expect(states).toEqual([
        {
          tool: "prisma",
          table: "public._prisma_migrations",
          applied: ["20240101000000_init", "20240201000000_posts"],
          failed: [],
        },
      ]);
      const report = await liveDrift(client, migrations);
      expect(report.comparison?.applied.map((m) => m.id)).toEqual(["20240101000000_init", "20240201000000_posts"]);
      expect(report.comparison?.pending.map((m) => m.id)).toEqual(["20240301000000_tags"]);
      const described = report.drift.map((d) => d.describe).join("\n");
      expect(described).toMatch(/users\.email/);
      expect(described).toMatch(/users_email_by_hand/);
      expect(described).not.toMatch(/tags/);
      const text = renderDrift("prisma/migrations", report);
      expect(text).toContain("public._prisma_migrations (prisma): 2 applied, 1 pending");
    } finally {
      await client.close();
    }
  });

  it("never writes: the session is read-only", async () => {
    const client = await connectReadOnly(url);
    try {
      await expect(client.query("CREATE TABLE written (id int)")).rejects.toThrow(/read-only transaction/);
    } finally {
      await client.close();
    }
  });
});
