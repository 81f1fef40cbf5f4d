/**
 * golang-migrate: `<version>_<title>.up.sql` / `.down.sql`, by numeric
 * version. Each file goes to the server in one Exec: no transaction of the
 * tool's own, but a multi-statement file runs as one implicit transaction.
 */
import path from "node:path/posix";
import type { Migration, Project } from "../../types.js";
import type { FileSource } from "../../workspace/types.js";
import type { LoadOptions, ToolAdapter } from "../adapter.js";
import { separateDownFile, sqlBody } from "../sql/down-file.js";
import { projectFiles, strayFile, topLevelSql } from "../sql/folder.js";
import { linkLinear, loadDownFile, loadUpFile, readableName } from "../sql/migration.js";
import { runsAsImplicitTransaction } from "../sql/transactions.js";
import { compareNumeric, numericVersionKey, paddedKey } from "../sql/versions.js";

/** `<version>_<title>.up.sql` / `.down.sql`, version an unsigned integer (often a timestamp). */
const FILE = /^(?<version>\d+)_(?<title>.*)\.(?<direction>up|down)\.sql$/;

export const golangMigrate: ToolAdapter<"golang-migrate"> = {
  convention: "golang-migrate",
  tool: "sql",
  label: "golang-migrate",
  detection: {
    async classify(_repo, folder, names) {
      const matching = names.filter((name) => FILE.test(name));
      if (matching.length === 0 || matching.length < names.length / 2) return null;
      const ups = matching.filter((name) => name.endsWith(".up.sql")).length;
      return {
        folder,
        evidence: [
          `${folder}: ${ups} <version>_<name>.up.sql file(s) with ${matching.length - ups} .down.sql (golang-migrate)`,
        ],
        files: [],
      };
    },
  },
  load: loadGolangMigrate,
  transactions: {
    default: false,
    configurable: true,
    note: "golang-migrate sends each file in one Exec: no transaction of its own, but a multi-statement file runs as one implicit transaction",
    summary: () => "each file is sent as one script: several statements run as one implicit transaction",
  },
  bookkeeping: {
    table: "schema_migrations",
    create:
      "CREATE TABLE IF NOT EXISTS schema_migrations (version bigint NOT NULL PRIMARY KEY, dirty boolean NOT NULL)",
    record: (migration) =>
      /^\d+$/.test(migration.id)
        ? `DELETE FROM schema_migrations; INSERT INTO schema_migrations (version, dirty) VALUES (${migration.id}, false)`
        : null,
    // One row (version, dirty): the current version. dbmate's table of the same name has no `dirty`.
    async read(client, qualified, columns) {
      if (!columns.includes("dirty")) return null;
      const rows = await client.query(`SELECT version::text AS version, dirty FROM ${qualified}`);
      const heads = rows.map((r) => String(r.version));
      return { applied: heads, heads, failed: rows.filter((r) => r.dirty).map((r) => String(r.version)) };
    },
    appliedOf(record, migrations) {
      const current = BigInt(record.heads?.[0]?.replace(/\D/g, "") || "0");
      return migrations.filter((m) => /^\d+$/.test(m.id) && BigInt(m.id) <= current);
    },
  },
  rollback: {
    name: ".down.sql file",
    expected: true,
    file(migration, steps, read) {
      const target = migration.path.endsWith(".up.sql") ? migration.path.replace(/\.up\.sql$/, ".down.sql") : null;
      return separateDownFile(migration, target, sqlBody(steps), read);
    },
  },
  naming: {
    graph: false,
    versionKey: (migration) => numericVersionKey(migration.id),
    numericVersions: true,
    example: (name) => `<next version>_${name}.up.sql and .down.sql`,
    outOfOrder: {
      severity: "error",
      what: "golang-migrate only runs versions above the database's current one, so it is silently skipped where the base is deployed",
    },
    edited: {
      wholeFile: false,
      consequence: "databases that already ran it will not run the new version, so they diverge from fresh ones",
    },
  },
  mechanisms: {
    outsideTransaction:
      "put the statement alone in its own `.up.sql` file: golang-migrate sends a file in one Exec, and a single statement runs outside any transaction block (a multi-statement file is one implicit transaction)",
    separateMigration: "a new `<next version>_<name>.up.sql` / `.down.sql` pair holding only that statement",
    comment: "--",
  },
};

async function loadGolangMigrate(project: Project, files: FileSource, options: LoadOptions): Promise<Migration[]> {
  const all = await projectFiles(project, files, options);
  const ups: Migration[] = [];
  const downs = new Map<string, string>();
  const stray: Migration[] = [];
  for (const file of topLevelSql(project, all)) {
    const match = FILE.exec(path.basename(file));
    if (!match?.groups) {
      stray.push(
        await strayFile(
          project,
          files,
          file,
          options,
          "golang-migrate only runs files named <version>_<title>.up.sql / .down.sql",
        ),
      );
      continue;
    }
    const { version, title, direction } = match.groups as { version: string; title: string; direction: string };
    if (direction === "down") {
      downs.set(BigInt(version).toString(), file);
      continue;
    }
    const { text: _text, ...migration } = await loadUpFile(
      project,
      files,
      { id: version, name: readableName(title), path: file, order: paddedKey(BigInt(version).toString()) },
      options,
    );
    // One Exec per file: a multi-statement file is one implicit transaction (see transactions.ts).
    migration.transactional = project.transactional || runsAsImplicitTransaction(migration.statements);
    ups.push(migration);
  }
  ups.sort((a, b) => compareNumeric(a.id, b.id) || a.path.localeCompare(b.path));
  for (const migration of ups) {
    const downFile = downs.get(BigInt(migration.id).toString());
    if (!downFile) continue;
    const { down, problems } = await loadDownFile(files, downFile, options);
    migration.down = down;
    migration.problems.push(...problems);
  }
  return linkLinear([...ups, ...stray]);
}
