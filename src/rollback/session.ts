/**
 * A PGlite database for rollback work, with the contrib extensions migrations
 * commonly create, and a replay of a migration history onto it.
 */
import { PGlite } from "@electric-sql/pglite";
import { btree_gin } from "@electric-sql/pglite/contrib/btree_gin";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import { citext } from "@electric-sql/pglite/contrib/citext";
import { fuzzystrmatch } from "@electric-sql/pglite/contrib/fuzzystrmatch";
import { hstore } from "@electric-sql/pglite/contrib/hstore";
import { ltree } from "@electric-sql/pglite/contrib/ltree";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { pgcrypto } from "@electric-sql/pglite/contrib/pgcrypto";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { uuid_ossp } from "@electric-sql/pglite/contrib/uuid_ossp";
import type { Migration, Notice } from "../types.js";
import { executableSql, type SqlSession } from "./verify.js";

export interface OwnedSession extends SqlSession {
  close(): Promise<void>;
}

export async function openPgliteSession(): Promise<OwnedSession> {
  const db = await PGlite.create({
    extensions: { btree_gin, btree_gist, citext, fuzzystrmatch, hstore, ltree, pg_trgm, pgcrypto, unaccent, uuid_ossp },
  });
  return {
    query: async (sql) => (await db.query<Record<string, unknown>>(sql)).rows,
    exec: async (sql) => {
      await db.exec(sql);
    },
    close: () => db.close(),
  };
}

/**
 * Applies earlier migrations statement by statement. A statement that fails is
 * skipped and reported once per migration: the rest of the history still runs.
 */
export async function replayHistory(session: SqlSession, migrations: Migration[]): Promise<Notice[]> {
  const notices: Notice[] = [];
  for (const migration of migrations) {
    const failures: string[] = [];
    for (const statement of migration.statements) {
      const sql = executableSql(statement);
      if (sql === null) continue;
      try {
        await session.exec(sql);
      } catch (error) {
        failures.push(`line ${statement.span.line}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    if (failures.length > 0)
      notices.push({
        level: "info",
        path: migration.path,
        message: `replaying ${migration.path} before the rollbacks: ${failures.length} statement(s) failed (${failures[0]}); later rollback results may be affected`,
      });
  }
  return notices;
}
