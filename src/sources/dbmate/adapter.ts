/**
 * dbmate: one `<version>_<name>.sql` file per migration with a
 * `-- migrate:up` section and an optional `-- migrate:down` section;
 * `transaction:false` after a marker runs that section outside dbmate's
 * transaction.
 */
import path from "node:path/posix";
import type { Migration, Project } from "../../types.js";
import type { FileSource } from "../../workspace/types.js";
import type { LoadOptions, ToolAdapter } from "../adapter.js";
import { filesMarked } from "../sql/detect.js";
import { fillDownSection, sqlBody } from "../sql/down-file.js";
import { projectFiles, strayFile, topLevelSql } from "../sql/folder.js";
import { linkLinear, markAutocommit, migrationShell, readableName } from "../sql/migration.js";
import { FILE_START, parseText, type ReadOptions, readText } from "../sql/read.js";
import { loadDownSection, markedSections } from "../sql/sections.js";
import { compareNumeric, numericVersionKey, paddedKey } from "../sql/versions.js";

/** `<version>_<name>.sql`, version digits (a timestamp by default). */
const FILE = /^(?<version>\d+)_(?<name>.+)\.sql$/;
const UP = /^--\s*migrate:up\b(?<options>.*)$/m;
const DOWN = /^--\s*migrate:down\b(?<options>.*)$/m;

export const dbmate: ToolAdapter<"dbmate"> = {
  convention: "dbmate",
  tool: "sql",
  label: "dbmate",
  detection: {
    async classify(repo, folder, names) {
      // dbmate runs only `<version>_<name>.sql`: marked files named otherwise are something else's (e.g. init scripts).
      const marked = await filesMarked(repo, folder, names, UP);
      const named = names.filter((name) => FILE.test(name)).length;
      if (marked === 0 || named < names.length / 2) return null;
      return {
        folder,
        evidence: [`${folder}: ${marked} file(s) with a \`-- migrate:up\` section (dbmate)`],
        files: [],
      };
    },
  },
  load: loadDbmate,
  transactions: {
    default: true,
    configurable: true,
    note: "dbmate runs each migration in a transaction unless `-- migrate:up transaction:false`",
    summary: (project) =>
      project.transactional ? "each migration runs in a transaction" : "no transaction opened by the tool",
  },
  bookkeeping: {
    table: "schema_migrations",
    create: "CREATE TABLE IF NOT EXISTS schema_migrations (version varchar(128) PRIMARY KEY)",
    record: (migration) =>
      `INSERT INTO schema_migrations (version) VALUES ('${migration.id.replaceAll("'", "''")}') ON CONFLICT DO NOTHING`,
    // One row per applied version; golang-migrate's table of the same name has a `dirty` column.
    async read(client, qualified, columns) {
      if (columns.includes("dirty")) return null;
      const rows = await client.query(`SELECT version::text AS version FROM ${qualified} ORDER BY version`);
      return { applied: rows.map((r) => String(r.version)), failed: [] };
    },
  },
  rollback: {
    name: "`-- migrate:down` section",
    expected: true,
    file: (migration, steps, read) =>
      fillDownSection(migration, read, {
        marker: /^--\s*migrate:down\b.*$/m,
        nextSection: /^--\s*migrate:up\b/m,
        heading: `-- migrate:down${steps.some((s) => s.concurrently) ? " transaction:false" : ""}`,
        body: sqlBody(steps),
      }),
  },
  naming: {
    graph: false,
    versionKey: (migration) => numericVersionKey(migration.id),
    numericVersions: true,
    example: (name) => `<YYYYMMDDHHMMSS>_${name}.sql`,
    outOfOrder: {
      severity: "warning",
      what: "dbmate runs it after newer migrations where the base is deployed, in order elsewhere",
    },
    edited: {
      wholeFile: false,
      consequence: "databases that already ran it will not run the new version, so they diverge from fresh ones",
    },
  },
  mechanisms: {
    runFirst: (sql) => `start the \`-- migrate:up\` section with \`${sql};\``,
    outsideTransaction:
      "put the statement in a migration of its own whose up marker reads `-- migrate:up transaction:false`",
    separateMigration: "`dbmate new <name>` and put only that statement under its `-- migrate:up`",
    comment: "--",
  },
};

async function loadDbmate(project: Project, files: FileSource, options: LoadOptions): Promise<Migration[]> {
  const all = await projectFiles(project, files, options);
  const migrations: Migration[] = [];
  const stray: Migration[] = [];
  for (const file of topLevelSql(project, all)) {
    const match = FILE.exec(path.basename(file));
    if (!match?.groups) {
      stray.push(await strayFile(project, files, file, options, "dbmate only runs files named <version>_<name>.sql"));
      continue;
    }
    const version = match.groups.version as string;
    const parts = {
      id: version,
      name: readableName(match.groups.name ?? ""),
      path: file,
      order: paddedKey(BigInt(version).toString()),
    };
    migrations.push(await loadDbmateFile(project, files, parts, options));
  }
  migrations.sort((a, b) => compareNumeric(a.id, b.id) || a.path.localeCompare(b.path));
  return linkLinear([...migrations, ...stray]);
}

async function loadDbmateFile(
  project: Project,
  files: FileSource,
  parts: { id: string; name: string; path: string; order: string },
  options: ReadOptions,
): Promise<Migration> {
  const migration = migrationShell(project, parts);
  const read = await readText(files, parts.path, options);
  if (read.checksum) migration.checksum = read.checksum;
  migration.problems.push(...read.problems);
  if (read.text === null) return migration;
  const { up, down } = markedSections(read.text, UP, DOWN);
  if (!up) {
    migration.problems.push({
      rule: "parse-error",
      severity: "error",
      path: parts.path,
      span: FILE_START,
      message: "dbmate requires a `-- migrate:up` line; it refuses to run this file",
      fix: "start the file with `-- migrate:up`, and put the rollback under `-- migrate:down`",
    });
    return migration;
  }
  const parsedUp = parseText(up.text, parts.path, options, up.lineOffset);
  migration.statements = parsedUp.statements;
  migration.problems.push(...parsedUp.problems);
  migration.transactional = project.transactional && up.transaction;
  if (!up.transaction) markAutocommit(migration.statements);
  if (down) loadDownSection(migration, down, parts.path, options);
  return migration;
}
