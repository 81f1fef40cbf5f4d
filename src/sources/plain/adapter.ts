/**
 * Plain SQL files applied in order by whatever runs them: numbered files
 * (`001_init.sql`, `0002-add-users.sql`) by number, and in a folder the user
 * named whose files follow no tool's naming (`V0001.Init.up.sql`,
 * `create_tables.sql`), every file in name order. `.up.sql` / `.down.sql` pair
 * by stem, whatever the prefix. No tool transaction or bookkeeping assumed;
 * `.db-migrate.yml` `transactional` says otherwise.
 */
import path from "node:path/posix";
import type { Migration, Project } from "../../types.js";
import type { FileSource } from "../../workspace/types.js";
import type { LoadOptions, ToolAdapter } from "../adapter.js";
import { displayDir } from "../common/repo-view.js";
import { looksLikeMigrationsFolder } from "../sql/detect.js";
import { separateDownFile, sqlBody } from "../sql/down-file.js";
import { projectFiles, strayFile, topLevelSql } from "../sql/folder.js";
import { linkLinear, loadDownFile, loadUpFile, readableName } from "../sql/migration.js";
import { compareNumeric, numericVersionKey, paddedKey } from "../sql/versions.js";

/** `001_init.sql`, `0002-add-users.sql`, `3.sql`. */
export const PLAIN_FILE = /^(?<version>\d+)(?:[_\-. ](?<name>.*))?\.sql$/;
const DOWN_FILE = /\.down\.sql$/i;
/** A version behind a short prefix: `V0001.Init.up.sql`, `v12_add_x.sql`. */
const VERSIONED_FILE = /^[A-Za-z]{1,3}\d+[._\- ].*\.sql$/;
const UP_FILE = /\.up\.sql$/i;

export const plain: ToolAdapter<"plain"> = {
  convention: "plain",
  tool: "sql",
  label: "numbered SQL files",
  detection: {
    async classify(_repo, folder, names, named) {
      const numbered = names.filter((name) => PLAIN_FILE.test(name));
      // `V0001.Init.up.sql`, `v12_add_x.sql`: versions behind a letter, in a folder named for migrations.
      const versioned =
        numbered.length === 0 &&
        names.length >= 2 &&
        looksLikeMigrationsFolder(folder) &&
        names.every((name) => VERSIONED_FILE.test(name));
      if ((named || versioned) && numbered.length === 0) {
        const ups = names.filter((name) => !DOWN_FILE.test(name)).length;
        return {
          folder,
          evidence: [
            `${displayDir(folder)}: ${names.length} .sql file(s) following no migration tool's naming${named ? ", named by the user" : " but versioned"}: taken in name order as plain SQL (.up.sql/.down.sql paired by stem)`,
          ],
          files: [],
          notice: `${displayDir(folder)}: no migration tool's naming recognised; its ${ups} migration file(s) are taken in name order as plain SQL${ups < names.length ? `, each .down.sql as the rollback of the .up.sql with the same stem` : ""}. If a tool runs them in another order, set \`convention\` for this folder in .db-migrate.yml (\`db-migrate setup ${displayDir(folder)}\` proposes one)`,
        };
      }
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
    // Only where the folder pairs `.up.sql` with `.down.sql`: any other new .sql file would be read as a migration.
    file: (migration, steps, read) =>
      separateDownFile(
        migration,
        UP_FILE.test(migration.path) ? migration.path.replace(UP_FILE, ".down.sql") : null,
        sqlBody(steps),
        read,
      ),
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

/**
 * Numbered files by number (a file with no number is kept out of the order,
 * as its place is unknown); a folder with no numbered file in name order.
 * A `.down.sql` is never a forward migration: it is the rollback of the
 * `.up.sql` with its stem.
 */
async function loadPlain(project: Project, files: FileSource, options: LoadOptions): Promise<Migration[]> {
  const sql = topLevelSql(project, await projectFiles(project, files, options));
  const downs = new Map<string, string>();
  const ups: string[] = [];
  for (const file of sql) {
    if (DOWN_FILE.test(file)) downs.set(file.replace(DOWN_FILE, ""), file);
    else ups.push(file);
  }
  const numbered = ups.some((file) => PLAIN_FILE.test(path.basename(file)));
  const migrations: Migration[] = [];
  const stray: Migration[] = [];
  for (const file of ups) {
    const match = PLAIN_FILE.exec(path.basename(file));
    if (numbered && !match?.groups) {
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
    const stem = path
      .basename(file)
      .replace(UP_FILE, "")
      .replace(/\.sql$/i, "");
    const version = match?.groups?.version;
    const parts = version
      ? {
          id: version,
          name: readableName((match?.groups?.name ?? "").replace(/\.up$/i, "")),
          path: file,
          order: paddedKey(BigInt(version).toString()),
        }
      : { id: stem, name: readableName(stem), path: file, order: path.basename(file) };
    const { text: _text, ...migration } = await loadUpFile(project, files, parts, options);
    const downFile = downs.get(file.replace(UP_FILE, ""));
    if (downFile && UP_FILE.test(file)) {
      downs.delete(file.replace(UP_FILE, ""));
      const { down, problems } = await loadDownFile(files, downFile, options);
      migration.down = down;
      migration.problems.push(...problems);
    }
    migrations.push(migration);
  }
  for (const downFile of downs.values())
    stray.push(
      await strayFile(
        project,
        files,
        downFile,
        options,
        "a .down.sql with no .up.sql of the same stem: nothing runs it",
      ),
    );
  migrations.sort((a, b) =>
    numbered
      ? compareNumeric(a.id, b.id) || a.path.localeCompare(b.path)
      : a.order < b.order
        ? -1
        : a.order > b.order
          ? 1
          : 0,
  );
  return linkLinear([...migrations, ...stray]);
}
