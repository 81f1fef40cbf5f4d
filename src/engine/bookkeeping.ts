/**
 * The tables migration tools keep their state in, created and filled during
 * replay as the tool would: some migrations read or lock them (diesel's
 * migrations may reference `__diesel_schema_migrations`). Schema snapshots
 * leave them out (catalog BOOKKEEPING_TABLES).
 */
import type { Convention, Migration } from "../types.js";

const TABLES: Partial<Record<Convention, string>> = {
  alembic:
    "CREATE TABLE IF NOT EXISTS alembic_version (version_num varchar(32) NOT NULL, CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))",
  prisma: `CREATE TABLE IF NOT EXISTS _prisma_migrations (id varchar(36) PRIMARY KEY NOT NULL, checksum varchar(64) NOT NULL,
  finished_at timestamptz, migration_name varchar(255) NOT NULL, logs text, rolled_back_at timestamptz,
  started_at timestamptz NOT NULL DEFAULT now(), applied_steps_count integer NOT NULL DEFAULT 0)`,
  flyway: `CREATE TABLE IF NOT EXISTS flyway_schema_history (installed_rank integer PRIMARY KEY, version varchar(50),
  description varchar(200) NOT NULL, type varchar(20) NOT NULL, script varchar(1000) NOT NULL, checksum integer,
  installed_by varchar(100) NOT NULL, installed_on timestamp NOT NULL DEFAULT now(), execution_time integer NOT NULL, success boolean NOT NULL)`,
  "golang-migrate":
    "CREATE TABLE IF NOT EXISTS schema_migrations (version bigint NOT NULL PRIMARY KEY, dirty boolean NOT NULL)",
  dbmate: "CREATE TABLE IF NOT EXISTS schema_migrations (version varchar(128) PRIMARY KEY)",
  diesel:
    "CREATE TABLE IF NOT EXISTS __diesel_schema_migrations (version varchar(50) PRIMARY KEY NOT NULL, run_on timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP)",
};

const literal = (value: string) => `'${value.replaceAll("'", "''")}'`;

/** The tool's bookkeeping table, or null for tools without one we model. */
export function bookkeepingTable(convention: Convention): string | null {
  return TABLES[convention] ?? null;
}

/**
 * The row the tool writes once the migration has run, inside a transaction.
 * Triggers are off for it (session_replication_role): some projects guard the
 * table against the stock CLI (lemmy), and we emulate the record, not the guard.
 */
export function recordApplied(migration: Migration): string | null {
  const insert = recordStatement(migration);
  return insert ? `SET LOCAL session_replication_role = replica; ${insert}` : null;
}

function recordStatement(migration: Migration): string | null {
  const id = literal(migration.id);
  switch (migration.convention) {
    case "alembic":
      return `DELETE FROM alembic_version; INSERT INTO alembic_version (version_num) VALUES (${id})`;
    case "prisma":
      return `INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, applied_steps_count) VALUES (gen_random_uuid()::text, ${literal(migration.checksum ?? "")}, now(), ${id}, 1)`;
    case "flyway":
      return `INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, installed_by, execution_time, success)
  SELECT coalesce(max(installed_rank), 0) + 1, ${migration.repeatable ? "NULL" : id}, ${literal(migration.name)}, 'SQL', ${literal(migration.path.split("/").pop() ?? migration.path)}, current_user, 0, true FROM flyway_schema_history`;
    case "golang-migrate":
      return /^\d+$/.test(migration.id)
        ? `DELETE FROM schema_migrations; INSERT INTO schema_migrations (version, dirty) VALUES (${migration.id}, false)`
        : null;
    case "dbmate":
    case "diesel": {
      const table = migration.convention === "diesel" ? "__diesel_schema_migrations" : "schema_migrations";
      return `INSERT INTO ${table} (version) VALUES (${id}) ON CONFLICT DO NOTHING`;
    }
    default:
      return null;
  }
}
