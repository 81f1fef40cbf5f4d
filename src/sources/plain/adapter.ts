/**
 * Plain numbered SQL files (`001_init.sql`, `0002-add-users.sql`), applied in
 * version order by whatever runs them: no tool transaction or bookkeeping
 * assumed, `.db-migrate.yml` `transactional` says otherwise.
 */
import path from "node:path/posix";
import type { Migration, Project } from "../../types.js";
import type { FileSource } from "../../workspace/types.js";
import type { LoadOptions, ToolAdapter } from "../adapter.js";
import { looksLikeMigrationsFolder } from "../sql/detect.js";
import { projectFiles, strayFile, topLevelSql } from "../sql/folder.js";
import { linkLinear, loadUpFile, readableName } from "../sql/migration.js";
import { compareNumeric, numericVersionKey, paddedKey } from "../sql/versions.js";

/** `001_init.sql`, `0002-add-users.sql`, `3.sql`. */
export const PLAIN_FILE = /^(?<version>\d+)(?:[_\-. ](?<name>.*))?\.sql$/;

export const plain: ToolAdapter<"plain"> = {
  convention: "plain",
  tool: "sql",
  label: "numbered SQL files",
  detection: {
    async classify(_repo, folder, names, named) {
      const numbered = names.filter((name) => PLAIN_FILE.test(name));
      // One numbered file is enough in a folder named for migrations (a project's first one).
      const enough = /migrat/i.test(folder.split("/").at(-1) ?? "") ? 1 : 2;
      if (
        !named &&
        !(numbered.length >= enough && looksLikeMigrationsFolder(folder) && numbered.length >= names.length / 2)
      )
        return null;
      return {
        folder,
        evidence: [
          `${folder}: ${numbered.length} numbered .sql file(s) (plain SQL migrations, applied in version order)`,
        ],
        files: [],
      };
    },
  },
  load: loadPlain,
  transactions: {
    default: false,
    configurable: true,
    assumed: true,
    note: "plain SQL files: no tool transaction assumed (set `transactional` in .db-migrate.yml)",
    summary: (project) =>
      project.transactional ? "each migration runs in a transaction" : "no transaction opened by the tool",
  },
  bookkeeping: null,
  rollback: {
    name: "down script",
    expected: false,
    // Any new .sql file in the folder would be read as a migration: there is no place for a rollback.
    file: async () => null,
  },
  naming: {
    graph: false,
    versionKey: (migration) => numericVersionKey(migration.id),
    numericVersions: true,
    example: (name, latest) =>
      latest ? path.basename(latest.path).replace(/^\d+/, "<next number>") : `<number>_${name}.sql`,
    outOfOrder: {
      severity: "warning",
      what: "a runner that tracks the last version applied skips it where the base is deployed",
    },
    edited: {
      wholeFile: false,
      consequence: "databases that already ran it will not run the new version, so they diverge from fresh ones",
    },
  },
  mechanisms: {
    outsideTransaction:
      "keep the statement out of any BEGIN/COMMIT, in a file of its own if the runner wraps each file in a transaction",
    separateMigration: "a new numbered .sql file holding only that statement",
    comment: "--",
  },
};

async function loadPlain(project: Project, files: FileSource, options: LoadOptions): Promise<Migration[]> {
  const all = await projectFiles(project, files, options);
  const migrations: Migration[] = [];
  const stray: Migration[] = [];
  for (const file of topLevelSql(project, all)) {
    const match = PLAIN_FILE.exec(path.basename(file));
    if (!match?.groups) {
      stray.push(
        await strayFile(
          project,
          files,
          file,
          options,
          "migration files here are numbered (<number>_<name>.sql); this one has no number, so its place in the order is unknown",
        ),
      );
      continue;
    }
    const version = match.groups.version as string;
    const { text: _text, ...migration } = await loadUpFile(
      project,
      files,
      {
        id: version,
        name: readableName(match.groups.name ?? ""),
        path: file,
        order: paddedKey(BigInt(version).toString()),
      },
      options,
    );
    migrations.push(migration);
  }
  migrations.sort((a, b) => compareNumeric(a.id, b.id) || a.path.localeCompare(b.path));
  return linkLinear([...migrations, ...stray]);
}
