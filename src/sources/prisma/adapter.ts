/**
 * Prisma Migrate: `<timestamp>_<name>/migration.sql` folders in name order,
 * an optional `down.sql` beside each, `_prisma_migrations` for its state, and
 * schema.prisma as the model its own diff keeps the database in line with.
 */
import path from "node:path/posix";
import type { ToolAdapter } from "../adapter.js";
import { dirOf, joinPath } from "../common/repo-view.js";
import { separateDownFile, sqlBody } from "../sql/down-file.js";
import { detectPrisma } from "./detect.js";

export const prisma: ToolAdapter<"prisma"> = {
  convention: "prisma",
  tool: "prisma",
  label: "Prisma",
  detection: {
    async scan(repo, context) {
      const { projects, notices } = await detectPrisma(repo);
      context.notices.push(...notices);
      return projects.map((project) => ({
        folder: project.folder,
        evidence: project.evidence,
        files: project.files,
        dialect: project.dialect,
        ...(project.schemaPath ? { schemaPath: project.schemaPath } : {}),
      }));
    },
  },
  load: async (project, files, options) => (await import("./load.js")).loadPrisma(project, files, options),
  transactions: {
    default: true,
    configurable: false,
    note: "Prisma sends each migration.sql as one script: a multi-statement file runs as one implicit transaction",
    summary: () => "each file is sent as one script: several statements run as one implicit transaction",
  },
  bookkeeping: {
    table: "_prisma_migrations",
    create: `CREATE TABLE IF NOT EXISTS _prisma_migrations (id varchar(36) PRIMARY KEY NOT NULL, checksum varchar(64) NOT NULL,
  finished_at timestamptz, migration_name varchar(255) NOT NULL, logs text, rolled_back_at timestamptz,
  started_at timestamptz NOT NULL DEFAULT now(), applied_steps_count integer NOT NULL DEFAULT 0)`,
    record: (migration) =>
      `INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, applied_steps_count) VALUES (gen_random_uuid()::text, ${literal(migration.checksum ?? "")}, now(), ${literal(migration.id)}, 1)`,
    async read(client, qualified) {
      const rows = await client.query(
        `SELECT migration_name, finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS rolled_back FROM ${qualified} ORDER BY started_at`,
      );
      return {
        applied: rows.filter((r) => r.finished && !r.rolled_back).map((r) => String(r.migration_name)),
        failed: rows.filter((r) => !r.finished && !r.rolled_back).map((r) => String(r.migration_name)),
      };
    },
  },
  rollback: {
    name: "down.sql",
    expected: false,
    file: (migration, steps, read) =>
      separateDownFile(migration, joinPath(dirOf(migration.path), "down.sql"), sqlBody(steps), read),
  },
  naming: {
    graph: false,
    versionKey: (migration) => migration.id,
    numericVersions: false,
    example: (name) => `<YYYYMMDDHHMMSS>_${name}/migration.sql`,
    check(migration) {
      const folder = path.basename(path.dirname(migration.path));
      if (/^\d{14}_[A-Za-z0-9_-]+$/.test(folder)) return null;
      return {
        message: `Prisma migration folder \`${folder}\` is not \`<YYYYMMDDHHMMSS>_<name>\`: Prisma orders folders by name, so it runs at an unexpected place`,
        fix: "create migrations with `prisma migrate dev --create-only --name <name>`",
      };
    },
    outOfOrder: {
      severity: "warning",
      what: "`prisma migrate deploy` runs it after newer migrations where the base is deployed, but in order on a fresh database: the two can end up different",
    },
    edited: {
      wholeFile: true,
      consequence:
        "`prisma migrate deploy` reports the checksum mismatch and `migrate dev` wants to reset the database",
    },
  },
  mechanisms: {
    // prisma-engines #5767 (Prisma 7.4) also splits a script holding CREATE INDEX CONCURRENTLY into statements; DROP INDEX CONCURRENTLY is not split (#5847).
    outsideTransaction:
      "put the statement alone in a migration folder of its own (`prisma migrate dev --create-only`, then edit its migration.sql): Prisma sends migration.sql as one script, PostgreSQL runs a multi-statement script as one implicit transaction, and a lone statement outside any",
    separateMigration:
      "`prisma migrate dev --create-only --name <name>` and put only that statement in its migration.sql",
    declareIndex:
      'declare it in schema.prisma (`@@index([column], map: "index_name")`, `@unique`) so `prisma migrate dev` does not drop it as drift',
    comment: "--",
  },
  model: {
    files: /\.prisma$/,
    regenerate:
      "comment `/db-migrate generate --name <change> --commit` on the PR (or run `npx db-migrate generate --name <change> --write`): Prisma's own engine writes the migration, made safe and proven; `prisma migrate dev --name <change>` also works",
  },
};

const literal = (value: string) => `'${value.replaceAll("'", "''")}'`;
