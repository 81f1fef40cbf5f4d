/**
 * sqlx (`sqlx migrate`, Rust): `<version>_<description>.sql` (simple) or
 * `<version>_<description>.up.sql` / `.down.sql` (reversible) in the crate's
 * migrations folder, by numeric version. Each runs in a transaction unless the
 * file starts with `-- no-transaction`; `_sqlx_migrations` keeps a checksum of
 * every applied file.
 */
import path from "node:path/posix";
import type { Migration, Project } from "../../types.js";
import type { FileSource } from "../../workspace/types.js";
import type { LoadOptions, ToolAdapter } from "../adapter.js";
import { dirOf, joinPath, type RepoView } from "../common/repo-view.js";
import { separateDownFile, sqlBody } from "../sql/down-file.js";
import { projectFiles, strayFile, topLevelSql } from "../sql/folder.js";
import { linkLinear, loadDownFile, loadUpFile, markAutocommit } from "../sql/migration.js";
import { compareNumeric, numericVersionKey, paddedKey } from "../sql/versions.js";

/** sqlx splits the name at the first `_`: an i64 version, then the description and the kind suffix. */
const FILE = /^(?<version>\d+)_(?<description>.*?)(?<kind>\.up|\.down)?\.sql$/;
const NO_TRANSACTION = /^-- no-transaction/;

export const sqlx: ToolAdapter<"sqlx"> = {
  convention: "sqlx",
  tool: "sql",
  label: "sqlx",
  detection: {
    async classify(repo, folder, names) {
      const matching = names.filter((name) => FILE.test(name));
      if (matching.length === 0 || matching.length < names.length / 2) return null;
      const cargo = await sqlxCrate(repo, folder);
      if (!cargo) return null;
      return {
        folder,
        evidence: [
          `${folder}: ${matching.length} <version>_<description>.sql file(s) in a crate that depends on sqlx (${cargo})`,
        ],
        files: [cargo],
      };
    },
  },
  load: loadSqlx,
  transactions: {
    default: true,
    configurable: true,
    note: "sqlx runs each migration in a transaction unless the file starts with `-- no-transaction`",
    summary: (project) =>
      project.transactional
        ? "each migration runs in a transaction unless it starts with `-- no-transaction`"
        : "no transaction opened by the tool",
  },
  bookkeeping: {
    table: "_sqlx_migrations",
    create:
      "CREATE TABLE IF NOT EXISTS _sqlx_migrations (version bigint PRIMARY KEY, description text NOT NULL, installed_on timestamptz NOT NULL DEFAULT now(), success boolean NOT NULL, checksum bytea NOT NULL, execution_time bigint NOT NULL)",
    record: (migration) =>
      /^\d+$/.test(migration.id)
        ? `INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time) VALUES (${BigInt(migration.id)}, '${migration.name.replaceAll("'", "''")}', true, decode('${migration.checksum ?? ""}', 'hex'), -1)`
        : null,
    async read(client, qualified) {
      const rows = await client.query(`SELECT version::text AS version, success FROM ${qualified} ORDER BY version`);
      return {
        applied: rows.filter((r) => r.success).map((r) => String(r.version)),
        failed: rows.filter((r) => !r.success).map((r) => String(r.version)),
      };
    },
  },
  rollback: {
    name: ".down.sql file",
    expected: false,
    file(migration, steps, read) {
      // A simple migration has no down: sqlx reverts only `.up.sql`/`.down.sql` pairs.
      const target = migration.path.endsWith(".up.sql") ? migration.path.replace(/\.up\.sql$/, ".down.sql") : null;
      return separateDownFile(migration, target, sqlBody(steps), read);
    },
  },
  naming: {
    graph: false,
    versionKey: (migration) => numericVersionKey(migration.id),
    numericVersions: true,
    example: (name) => `<YYYYMMDDHHMMSS>_${name}.sql (\`sqlx migrate add ${name}\`)`,
    outOfOrder: {
      severity: "warning",
      what: "`sqlx migrate run` applies it after newer migrations where the base is deployed, in order on a fresh database",
    },
    edited: {
      wholeFile: true,
      consequence:
        "`sqlx migrate run` stops: “migration was previously applied but has been modified” (its checksum changed)",
    },
  },
  mechanisms: {
    outsideTransaction: "put the statement in a migration file of its own whose first line is `-- no-transaction`",
    separateMigration: "`sqlx migrate add <name>` and put only that statement in it",
    comment: "--",
  },
};

/** The Cargo.toml at or above the folder that depends on sqlx. */
async function sqlxCrate(repo: RepoView, folder: string): Promise<string | null> {
  let dir = dirOf(folder);
  for (;;) {
    const file = joinPath(dir, "Cargo.toml");
    if (repo.has(file) && /^\s*sqlx\b/m.test((await repo.text(file)) ?? "")) return file;
    if (!dir) return null;
    dir = dirOf(dir);
  }
}

async function loadSqlx(project: Project, files: FileSource, options: LoadOptions): Promise<Migration[]> {
  const all = await projectFiles(project, files, options);
  const migrations: Migration[] = [];
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
          "sqlx only runs files named <version>_<description>.sql (or .up.sql / .down.sql)",
        ),
      );
      continue;
    }
    const { version, description, kind } = match.groups as { version: string; description: string; kind?: string };
    if (kind === ".down") {
      downs.set(BigInt(version).toString(), file);
      continue;
    }
    const { text, ...migration } = await loadUpFile(
      project,
      files,
      {
        id: version,
        name: description.replace(/_/g, " "),
        path: file,
        order: paddedKey(BigInt(version).toString()),
      },
      options,
    );
    if (text !== null && NO_TRANSACTION.test(text)) {
      migration.transactional = false;
      markAutocommit(migration.statements);
    }
    migrations.push(migration);
  }
  migrations.sort((a, b) => compareNumeric(a.id, b.id) || a.path.localeCompare(b.path));
  for (const migration of migrations) {
    const downFile = downs.get(BigInt(migration.id).toString());
    if (!downFile) continue;
    const { down, problems } = await loadDownFile(files, downFile, options);
    migration.down = down;
    migration.problems.push(...problems);
  }
  return linkLinear([...migrations, ...stray]);
}
