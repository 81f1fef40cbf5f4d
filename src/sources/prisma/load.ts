/**
 * Prisma Migrate: one folder per migration (`<timestamp>_<name>/migration.sql`),
 * applied in folder-name order, with an optional `down.sql` beside it as the
 * rollback (what `prisma migrate diff --script` writes for down migrations).
 *
 * Transactions, as modelled here: Prisma's schema engine sends a PostgreSQL
 * migration.sql as ONE simple-protocol script. PostgreSQL runs a
 * multi-statement script as one implicit transaction, so the file commits or
 * fails as a whole, and `CREATE INDEX CONCURRENTLY` fails ("cannot run inside a
 * transaction block") unless it is the file's only statement. A single-statement
 * file runs outside any transaction block. Explicit BEGIN/COMMIT in the file are
 * followed by the analysis context instead.
 */
import path from "node:path/posix";
import type { Migration, Problem, Project } from "../../types.js";
import type { FileSource } from "../../workspace/types.js";
import { linkLinear, loadDownFile, loadUpFile, migrationShell } from "../sql/migration.js";
import { excludeMatcher, FILE_START, type ReadOptions } from "../sql/read.js";
import { runsAsImplicitTransaction } from "../sql/transactions.js";
import { PRISMA_MIGRATION_DIR } from "./detect.js";

export interface PrismaLoadOptions extends ReadOptions {
  exclude?: string[];
}

export async function loadPrisma(
  project: Project,
  files: FileSource,
  options: PrismaLoadOptions,
): Promise<Migration[]> {
  const excluded = excludeMatcher(options.exclude);
  const prefix = project.folder ? `${project.folder}/` : "";
  const byDir = new Map<string, string[]>();
  for (const file of await files.list(project.folder)) {
    if (excluded(file)) continue;
    const rest = file.slice(prefix.length).split("/");
    if (rest.length < 2) continue;
    byDir.set(rest[0] as string, [...(byDir.get(rest[0] as string) ?? []), file]);
  }
  const migrations: Migration[] = [];
  // Prisma applies the folders in lexicographic order of their names.
  for (const dir of [...byDir.keys()].sort()) {
    const dirFiles = byDir.get(dir) ?? [];
    const up = `${prefix}${dir}/migration.sql`;
    const name = PRISMA_MIGRATION_DIR.test(dir) ? dir.slice(15) : dir;
    const script = dirFiles.find((file) => SCRIPT_MIGRATION.test(file.slice(`${prefix}${dir}/`.length)));
    if (!dirFiles.includes(up) && script) {
      // A data migration in TypeScript/JavaScript: it holds its place in the order, unread.
      const migration = migrationShell(project, { id: dir, name, path: script, order: dir });
      migration.problems.push(scriptNotice(script, false));
      migrations.push(migration);
      continue;
    }
    if (!dirFiles.includes(up)) {
      const migration = migrationShell(project, { id: dir, name, path: `${prefix}${dir}`, order: dir });
      migration.problems.push({
        rule: "unreadable-file",
        severity: "error",
        path: dirFiles[0] ?? `${prefix}${dir}`,
        span: FILE_START,
        message: `${prefix}${dir} has no migration.sql; \`prisma migrate deploy\` stops at this folder`,
        fix: "add the migration.sql, or remove the folder",
      });
      migrations.push(migration);
      continue;
    }
    const { text: _text, ...migration } = await loadUpFile(
      project,
      files,
      { id: dir, name, path: up, order: dir },
      options,
    );
    migration.transactional = project.transactional && runsAsImplicitTransaction(migration.statements);
    if (script) migration.problems.push(scriptNotice(script, true));
    const downFile = `${prefix}${dir}/down.sql`;
    if (dirFiles.includes(downFile)) {
      const { down, problems } = await loadDownFile(files, downFile, options);
      migration.down = down;
      migration.problems.push(...problems);
    }
    migrations.push(migration);
  }
  return linkLinear(migrations);
}

/** `migration.ts` (or .js/.mts): a data migration in code, run by the project's own script, not by Prisma's SQL runner. */
const SCRIPT_MIGRATION = /^migration\.(ts|mts|cts|js|mjs|cjs)$/;

function scriptNotice(file: string, besideSql: boolean): Problem {
  return {
    rule: "unanalyzed-operation",
    severity: "info",
    path: file,
    span: FILE_START,
    message: besideSql
      ? "a data migration in code beside migration.sql: db-migrate reads the SQL and neither reads nor runs this file, so its data changes are not analysed"
      : "a data migration in code (no migration.sql): db-migrate neither reads nor runs it, so it is left out of the analysis and the replay; migrations after it that rely on its changes may report failures",
  };
}

/** The migration folder's name for a path inside it, e.g. for messages. */
export function prismaMigrationDir(file: string): string {
  return path.basename(path.dirname(file));
}
