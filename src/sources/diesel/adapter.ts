/**
 * diesel: `<version>_<name>/up.sql` + `down.sql` folders by version, each in a
 * transaction unless its `metadata.toml` says `run_in_transaction = false`.
 */
import { parse as parseToml } from "smol-toml";
import type { Migration, Project } from "../../types.js";
import type { FileSource } from "../../workspace/types.js";
import type { Detected, LoadOptions, ToolAdapter } from "../adapter.js";
import { dirOf, isWithin, joinPath, type RepoView } from "../common/repo-view.js";
import { separateDownFile, sqlBody } from "../sql/down-file.js";
import { projectFiles, relativeTo, strayFile } from "../sql/folder.js";
import { linkLinear, loadDownFile, loadUpFile, readableName } from "../sql/migration.js";
import { numericVersionKey, paddedKey } from "../sql/versions.js";

/** `<version>_<name>`, version digits with `-` or `_` separators (`2019-02-26-002946`). */
const DIR = /^(?<version>\d[\d-]*?\d?)_(?<name>.+)$/;

export const diesel: ToolAdapter<"diesel"> = {
  convention: "diesel",
  tool: "sql",
  label: "diesel",
  detection: {
    async scan(repo, context) {
      const folders = new Map<string, number>();
      for (const file of repo.files) {
        const match = /^(?:(.*)\/)?([^/]+)\/up\.sql$/.exec(file);
        if (match && DIR.test(match[2] as string)) {
          const folder = match[1] ?? "";
          folders.set(folder, (folders.get(folder) ?? 0) + 1);
        }
      }
      const found: Detected[] = [];
      const claimed = [...context.claimed];
      for (const [folder, count] of folders) {
        if (claimed.some((known) => isWithin(folder, known))) continue;
        const evidence = [`${folder || "."}/<version>_<name>/up.sql: ${count} migration folder(s) (diesel layout)`];
        const config = dieselConfig(repo, folder);
        if (config) evidence.push(`${config}: diesel configuration`);
        found.push({ folder, evidence, files: config ? [config] : [] });
        claimed.push(folder);
      }
      return found;
    },
  },
  load: loadDiesel,
  transactions: {
    default: true,
    configurable: true,
    note: "diesel runs each migration in a transaction unless metadata.toml sets run_in_transaction = false",
    summary: (project) =>
      project.transactional ? "each migration runs in a transaction" : "no transaction opened by the tool",
  },
  bookkeeping: {
    table: "__diesel_schema_migrations",
    create:
      "CREATE TABLE IF NOT EXISTS __diesel_schema_migrations (version varchar(50) PRIMARY KEY NOT NULL, run_on timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP)",
    record: (migration) =>
      `INSERT INTO __diesel_schema_migrations (version) VALUES ('${migration.id.replaceAll("'", "''")}') ON CONFLICT DO NOTHING`,
    async read(client, qualified) {
      const rows = await client.query(`SELECT version FROM ${qualified} ORDER BY version`);
      return { applied: rows.map((r) => String(r.version)), failed: [] };
    },
  },
  rollback: {
    name: "down.sql",
    expected: true,
    file: (migration, steps, read) =>
      separateDownFile(migration, joinPath(dirOf(migration.path), "down.sql"), sqlBody(steps), read),
  },
  naming: {
    graph: false,
    versionKey: (migration) => numericVersionKey(migration.id),
    numericVersions: true,
    example: (name) => `<YYYY-MM-DD-HHMMSS>_${name}/up.sql and down.sql`,
    outOfOrder: {
      severity: "warning",
      what: "diesel runs it after newer migrations where the base is deployed, in order elsewhere",
    },
    edited: {
      wholeFile: false,
      consequence: "databases that already ran it will not run the new version, so they diverge from fresh ones",
    },
  },
  mechanisms: {
    outsideTransaction:
      "put the statement in a migration folder of its own with a `metadata.toml` saying `run_in_transaction = false`",
    separateMigration: "`diesel migration generate <name>` and put only that statement in its up.sql",
    comment: "--",
  },
};

/** The nearest diesel.toml at or above the folder. */
function dieselConfig(repo: RepoView, folder: string): string | null {
  let dir = dirOf(folder);
  for (;;) {
    const file = joinPath(dir, "diesel.toml");
    if (repo.has(file)) return file;
    if (!dir) return null;
    dir = dirOf(dir);
  }
}

async function loadDiesel(project: Project, files: FileSource, options: LoadOptions): Promise<Migration[]> {
  const all = await projectFiles(project, files, options);
  const byDir = new Map<string, string[]>();
  for (const file of all) {
    const rest = relativeTo(project, file).split("/");
    if (rest.length !== 2) continue;
    byDir.set(rest[0] as string, [...(byDir.get(rest[0] as string) ?? []), file]);
  }
  const migrations: Migration[] = [];
  const stray: Migration[] = [];
  for (const [dir, dirFiles] of byDir) {
    const folder = project.folder ? `${project.folder}/${dir}` : dir;
    const up = `${folder}/up.sql`;
    const match = DIR.exec(dir);
    if (!match?.groups || !dirFiles.includes(up)) {
      const sql = dirFiles.find((file) => file.endsWith(".sql"));
      if (sql)
        stray.push(
          await strayFile(
            project,
            files,
            sql,
            options,
            match
              ? "diesel runs `up.sql` in each migration folder; this folder has none"
              : "diesel migration folders are named <version>_<name>",
          ),
        );
      continue;
    }
    const version = (match.groups.version as string).replace(/\D/g, "");
    const { text: _text, ...migration } = await loadUpFile(
      project,
      files,
      { id: version, name: readableName(match.groups.name as string), path: up, order: paddedKey(version) },
      options,
    );
    const metadata = dirFiles.find((file) => file.endsWith("/metadata.toml"));
    if (metadata && (await runInTransactionOff(files, metadata))) migration.transactional = false;
    const downFile = `${folder}/down.sql`;
    if (dirFiles.includes(downFile)) {
      const { down, problems } = await loadDownFile(files, downFile, options);
      migration.down = down;
      migration.problems.push(...problems);
    }
    migrations.push(migration);
  }
  migrations.sort((a, b) => a.order.localeCompare(b.order) || a.path.localeCompare(b.path));
  return linkLinear([...migrations, ...stray]);
}

async function runInTransactionOff(files: FileSource, metadata: string): Promise<boolean> {
  try {
    const table = parseToml((await files.read(metadata))?.toString("utf8") ?? "") as Record<string, unknown>;
    return table.run_in_transaction === false;
  } catch {
    return false;
  }
}
