/**
 * Drift against real PostgreSQL 13, 16 and 18: a database owned by an
 * application role, with default privileges, loaded with a small history (tables,
 * serial and identity keys, foreign keys, an enum, a function and trigger, a
 * view, an extension, grants), plus three changes made by hand. The drift
 * report must list exactly those three: no MAINTAIN, owner ACL, default-ACL,
 * extension-version or public-schema noise. Skipped with a message when the
 * pg-server packages are absent.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { historyCommand } from "../../src/commands/history.js";
import { driftForProjects } from "../../src/engine/drift.js";
import type { Migration } from "../../src/types.js";
import { missingServersMessage, type RealPostgres, startRealPostgres } from "../helpers/real-postgres.js";
import { sqlMigration } from "./helpers.js";

const MAJORS = [13, 16, 18];
const missing = missingServersMessage(MAJORS);
if (missing) console.warn(`drift-real: ${missing}`);

const HISTORY: Array<[string, string]> = [
  [
    "2024-01-01-000000_init",
    `CREATE EXTENSION IF NOT EXISTS pgcrypto;
     CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
     CREATE TABLE users (id serial PRIMARY KEY, email varchar(255) NOT NULL UNIQUE, mood mood NOT NULL DEFAULT 'ok',
       created_at timestamptz NOT NULL DEFAULT now());
     COMMENT ON TABLE users IS 'people';`,
  ],
  [
    "2024-01-10-101500_posts",
    `CREATE TABLE posts (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, user_id int NOT NULL REFERENCES users (id) ON DELETE CASCADE,
       title text NOT NULL CHECK (length(title) > 0), body text, token text NOT NULL DEFAULT encode(gen_random_bytes(8), 'hex'));
     CREATE INDEX posts_user_id_idx ON posts (user_id);`,
  ],
  [
    "2024-02-01-090000_functions",
    `CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       -- keep created_at fresh
       NEW.created_at := now();
       RETURN NEW;
     END $$;
     CREATE TRIGGER users_touch BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION touch();
     CREATE VIEW recent_posts AS SELECT p.id, p.title, u.email FROM posts p JOIN users u ON u.id = p.user_id;
     CREATE SEQUENCE invoice_numbers START 1000;
     GRANT SELECT ON recent_posts TO reporting;
     GRANT USAGE ON SEQUENCE invoice_numbers TO reporting;`,
  ],
];

const MANUAL = [
  "ALTER TABLE users ADD COLUMN nickname text",
  "CREATE INDEX posts_title_by_hand ON posts (title)",
  "ALTER TABLE posts ALTER COLUMN body SET DEFAULT ''",
];

describe.skipIf(missing !== null)("drift on real PostgreSQL, database owned by an application role", () => {
  const servers = new Map<number, RealPostgres>();
  let migrations: Migration[];
  beforeAll(async () => {
    migrations = await Promise.all(
      HISTORY.map(([id, sql]) => sqlMigration(id, sql, { path: `migrations/${id}/up.sql` })),
    );
    for (const major of MAJORS) {
      const server = await startRealPostgres(major);
      servers.set(major, server);
      await server.query("CREATE ROLE app LOGIN; CREATE ROLE reporting; CREATE ROLE reader");
      await server.query("CREATE DATABASE appdb OWNER app");
      // pgcrypto is not trusted on 13: a superuser creates it, as operators do.
      await server.query("CREATE EXTENSION pgcrypto", "appdb");
      const app = await server.connect("appdb");
      await app.query("SET ROLE app");
      await app.query("ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO reader");
      await app.query(
        "CREATE TABLE __diesel_schema_migrations (version varchar(50) PRIMARY KEY NOT NULL, run_on timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP)",
      );
      for (const [id, sql] of HISTORY) {
        await app.query(sql.replace("CREATE EXTENSION IF NOT EXISTS pgcrypto;", ""));
        await app.query(
          `INSERT INTO __diesel_schema_migrations (version) VALUES ('${id.replace(/\D/g, "").slice(0, 14)}')`,
        );
      }
      for (const sql of MANUAL) await app.query(sql);
      await app.end();
    }
  }, 240_000);
  afterAll(async () => {
    for (const server of servers.values()) await server.stop();
  });

  for (const major of MAJORS)
    it(`PostgreSQL ${major}: exactly the three hand-made changes`, async () => {
      const server = servers.get(major) as RealPostgres;
      const [report] = await driftForProjects(server.url("appdb"), [{ folder: "migrations", migrations }]);
      expect(report?.comparison?.applied).toHaveLength(3);
      expect(report?.comparison?.pending).toEqual([]);
      expect(report?.drift.map((d) => d.describe)).toEqual([
        "posts.body: default none → ''::text",
        "+ column users.nickname (text)",
        "+ index posts_title_by_hand on posts (title)",
      ]);
    }, 240_000);

  it("`history --database-url` exits 0 without drift and 1 with it (PostgreSQL 16, the diesel fixture)", async () => {
    const server = servers.get(16) as RealPostgres;
    const root = path.resolve(import.meta.dirname, "../../fixtures/diesel-app");
    const folder = path.join(root, "migrations");
    await server.query("CREATE DATABASE fixture OWNER app");
    const app = await server.connect("fixture");
    await app.query("SET ROLE app");
    await app.query(
      "CREATE TABLE __diesel_schema_migrations (version varchar(50) PRIMARY KEY NOT NULL, run_on timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP)",
    );
    for (const name of readdirSync(folder).sort()) {
      await app.query(readFileSync(path.join(folder, name, "up.sql"), "utf8"));
      await app.query(
        `INSERT INTO __diesel_schema_migrations (version) VALUES ('${name.replace(/\D/g, "").slice(0, 14)}')`,
      );
    }
    const run = () =>
      historyCommand.run(
        [],
        {},
        { root, format: "json", trace: false, color: false, databaseUrl: server.url("fixture") },
      );
    const clean = await run();
    expect(JSON.parse(clean.body).drift[0].drift).toEqual([]);
    expect(clean.exitCode).toBe(0);
    await app.query("ALTER TABLE posts ADD COLUMN by_hand int");
    const drifted = await run();
    expect(JSON.parse(drifted.body).drift[0].drift.map((d: { describe: string }) => d.describe)).toEqual([
      "+ column posts.by_hand (integer)",
    ]);
    expect(drifted.exitCode).toBe(1);
  }, 240_000);
});
