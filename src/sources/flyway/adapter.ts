/**
 * Flyway: `V<version>__<description>.sql` in numeric version order,
 * `R__<description>.sql` repeatables after them, `U<version>__…` undo scripts,
 * locations read recursively; one transaction per migration on PostgreSQL
 * unless `executeInTransaction=false`.
 */
import path from "node:path/posix";
import { parse as parseToml } from "smol-toml";
import type { Migration, Project } from "../../types.js";
import type { FileSource } from "../../workspace/types.js";
import type { Detected, LoadOptions, ToolAdapter } from "../adapter.js";
import { dialectFromFolder, dialectFromUrl } from "../common/dialect.js";
import { dirOf, isWithin, type RepoView } from "../common/repo-view.js";
import { separateDownFile, sqlBody } from "../sql/down-file.js";
import { projectFiles, strayFile } from "../sql/folder.js";
import { linkLinear, loadDownFile, loadUpFile, readableName } from "../sql/migration.js";
import { cannotRunInTransaction } from "../sql/transactions.js";
import { compareVersionParts, paddedKey } from "../sql/versions.js";

/** `V1__init.sql`, `V1.1__x.sql`, `V2_1__x.sql`, `U1__init.sql` (undo), `R__views.sql` (repeatable). */
const FLYWAY_FILE = /^(?<prefix>[VUR])(?<version>[0-9][0-9._]*)?__(?<description>.+)\.sql$/i;
/** Callbacks (`beforeMigrate.sql`, `afterEachMigrate__x.sql`) live beside migrations and are not migrations. */
const FLYWAY_CALLBACK = /^(before|after)[A-Za-z]*(__.*)?\.sql$/;

/** Flyway's version parts: `1.2.10` and `1_2_10` both are [1, 2, 10]. */
function versionParts(version: string): bigint[] {
  return version
    .split(/[._]/)
    .filter((part) => part !== "")
    .map((part) => BigInt(part));
}

export const flyway: ToolAdapter<"flyway"> = {
  convention: "flyway",
  tool: "sql",
  label: "Flyway",
  detection: {
    async classify(repo, folder, names) {
      const matching = names.filter((name) => FLYWAY_FILE.test(name) && /^[VR]/i.test(name));
      if (matching.length === 0 || matching.length < names.length / 2) return null;
      const config = await flywayConfig(repo, folder);
      return {
        folder,
        evidence: [
          `${folder}: ${matching.length} V<version>__<description>.sql / R__ file(s) (Flyway)`,
          ...(config ? [`${config.file}: Flyway configuration`] : []),
        ],
        files: config ? [config.file] : [],
      };
    },
    consolidate: mergeFlywayFolders,
    async dialect(repo, found) {
      const config = await flywayConfig(repo, found.folder);
      const dialect = config?.url ? dialectFromUrl(config.url) : null;
      return dialect ? { dialect, evidence: `${config?.file}: url names ${dialect}` } : null;
    },
  },
  load: loadFlyway,
  transactions: {
    default: true,
    configurable: true,
    note: "Flyway runs each PostgreSQL migration in a transaction (unless executeInTransaction=false or it holds CONCURRENTLY-type statements)",
    summary: (project) =>
      project.transactional ? "each migration runs in a transaction" : "no transaction opened by the tool",
  },
  bookkeeping: {
    table: "flyway_schema_history",
    create: `CREATE TABLE IF NOT EXISTS flyway_schema_history (installed_rank integer PRIMARY KEY, version varchar(50),
  description varchar(200) NOT NULL, type varchar(20) NOT NULL, script varchar(1000) NOT NULL, checksum integer,
  installed_by varchar(100) NOT NULL, installed_on timestamp NOT NULL DEFAULT now(), execution_time integer NOT NULL, success boolean NOT NULL)`,
    record: (migration) =>
      `INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, installed_by, execution_time, success)
  SELECT coalesce(max(installed_rank), 0) + 1, ${migration.repeatable ? "NULL" : literal(migration.id)}, ${literal(migration.name)}, 'SQL', ${literal(path.basename(migration.path))}, current_user, 0, true FROM flyway_schema_history`,
    async read(client, qualified) {
      const rows = await client.query(
        `SELECT coalesce(version, script) AS id, success FROM ${qualified} WHERE type <> 'SCHEMA' ORDER BY installed_rank`,
      );
      return {
        applied: rows.filter((r) => r.success).map((r) => String(r.id)),
        failed: rows.filter((r) => !r.success).map((r) => String(r.id)),
      };
    },
  },
  rollback: {
    name: "undo script (U<version>__…sql)",
    expected: false,
    file(migration, steps, read) {
      const file = path.basename(migration.path);
      const match = /^[Vv]([0-9][0-9._]*)__(.+)$/.exec(file);
      const target = match ? path.join(path.dirname(migration.path), `U${match[1]}__${match[2]}`) : null;
      return separateDownFile(migration, target, `-- Undo of ${file}\n${sqlBody(steps)}`, read);
    },
  },
  naming: {
    graph: false,
    versionKey(migration) {
      if (migration.repeatable || !/^[0-9._]+$/.test(migration.id)) return migration.id;
      const parts = migration.id.split(/[._]/).map((part) => BigInt(part).toString());
      while (parts.length > 1 && parts.at(-1) === "0") parts.pop();
      return parts.join(".");
    },
    numericVersions: true,
    example: (name) => `V<next version>__${name}.sql`,
    outOfOrder: {
      severity: "error",
      what: 'Flyway refuses it where the base is deployed (validate: "Detected resolved migration not applied to database") unless outOfOrder=true',
    },
    edited: { wholeFile: true, consequence: "`flyway validate` and `migrate` fail with a checksum mismatch" },
  },
  mechanisms: {
    outsideTransaction:
      "put the statement in a migration of its own with `-- flyway:executeInTransaction=false` on its first line (or `executeInTransaction=false` in a `<file>.conf` beside it)",
    separateMigration: "a new `V<next version>__<description>.sql` file holding only that statement",
    comment: "--",
  },
};

const literal = (value: string) => `'${value.replaceAll("'", "''")}'`;

async function loadFlyway(project: Project, files: FileSource, options: LoadOptions): Promise<Migration[]> {
  const all = await projectFiles(project, files, options);
  const versioned: Array<Migration & { parts: bigint[] }> = [];
  const repeatable: Migration[] = [];
  const undo = new Map<string, string>();
  const stray: Migration[] = [];
  for (const file of all.filter((f) => f.toLowerCase().endsWith(".sql"))) {
    const base = path.basename(file);
    const match = FLYWAY_FILE.exec(base);
    if (!match?.groups) {
      if (FLYWAY_CALLBACK.test(base)) continue;
      stray.push(
        await strayFile(
          project,
          files,
          file,
          options,
          "Flyway only runs files named V<version>__<description>.sql (or R__ / U)",
        ),
      );
      continue;
    }
    const { prefix, version, description } = match.groups as { prefix: string; version?: string; description: string };
    const kind = prefix.toUpperCase();
    if (kind === "U" && version) {
      undo.set(versionParts(version).join("."), file);
      continue;
    }
    if (kind === "V" && !version) {
      stray.push(
        await strayFile(project, files, file, options, "a versioned Flyway migration needs a version after `V`"),
      );
      continue;
    }
    const loaded = await loadUpFile(
      project,
      files,
      kind === "R"
        ? {
            id: `R__${description}`,
            name: readableName(description),
            path: file,
            order: `~R__${description}`,
            repeatable: true,
          }
        : { id: version as string, name: readableName(description), path: file, order: paddedKey(version as string) },
      options,
    );
    const { text, ...migration } = loaded;
    migration.transactional = flywayTransactional(project, migration, text, await files.read(`${file}.conf`));
    if (kind === "R") repeatable.push(migration);
    else versioned.push({ ...migration, parts: versionParts(version as string) });
  }
  versioned.sort((a, b) => compareVersionParts(a.parts, b.parts) || a.path.localeCompare(b.path));
  for (const migration of versioned) {
    const undoFile = undo.get(migration.parts.join("."));
    if (undoFile) {
      const { down, problems } = await loadDownFile(files, undoFile, options);
      migration.down = down;
      migration.problems.push(...problems);
    }
  }
  repeatable.sort((a, b) => a.id.localeCompare(b.id));
  return linkLinear([...versioned.map(({ parts: _parts, ...migration }) => migration), ...repeatable, ...stray]);
}

/**
 * Flyway wraps a PostgreSQL migration in a transaction unless its script
 * config says `executeInTransaction=false` (a `-- flyway:` header line or a
 * `<file>.conf` beside it), or every statement is one PostgreSQL refuses in a
 * transaction (Flyway then runs the migration without one).
 */
function flywayTransactional(
  project: Project,
  migration: Migration,
  text: string | null,
  sidecar: Buffer | null,
): boolean {
  const header = /^\s*--\s*flyway:executeInTransaction\s*=\s*false\b/im.test(text ?? "");
  const conf = /^\s*executeInTransaction\s*=\s*false\b/m.test(sidecar?.toString("utf8") ?? "");
  if (header || conf) return false;
  const parsed = migration.statements.filter((statement) => statement.ast);
  if (parsed.length > 0 && parsed.every(cannotRunInTransaction)) return false;
  return project.transactional;
}

/**
 * Flyway reads its locations recursively: version subfolders (`migration/v1/`,
 * `migration/v2/`) are one history. A Flyway folder inside another joins it;
 * sibling Flyway folders join their parent, unless they are named for
 * different databases (`migrations/postgres`, `migrations/mysql`).
 */
function mergeFlywayFolders(found: Detected[]): Detected[] {
  const namedForDatabase = (folder: string) => dialectFromFolder(folder.split("/").at(-1) ?? "") !== null;
  const byParent = new Map<string, Detected[]>();
  for (const candidate of found) {
    if (namedForDatabase(candidate.folder) || !candidate.folder) continue;
    const parent = dirOf(candidate.folder);
    byParent.set(parent, [...(byParent.get(parent) ?? []), candidate]);
  }
  let roots = found.map((candidate) => ({ ...candidate }));
  for (const [parent, siblings] of byParent) {
    if (siblings.length < 2 || roots.some((root) => root.folder === parent)) continue;
    roots.push({
      folder: parent,
      evidence: [
        `${parent}: Flyway version subfolders ${siblings.map((s) => s.folder.slice(parent.length + 1)).join(", ")} (Flyway reads locations recursively)`,
      ],
      files: [...new Set(siblings.flatMap((s) => s.files))],
    });
  }
  roots = roots.filter(
    (candidate) =>
      !roots.some(
        (outer) =>
          outer !== candidate &&
          outer.folder !== candidate.folder &&
          isWithin(candidate.folder, outer.folder) &&
          !namedForDatabase(candidate.folder),
      ),
  );
  return roots;
}

/** flyway.conf / flyway.toml naming this folder in `locations` (else one in its ancestors), with its URL. */
async function flywayConfig(repo: RepoView, folder: string): Promise<{ file: string; url?: string } | null> {
  const configs = repo.files.filter((f) => /(^|\/)flyway\.(conf|toml)$/.test(f));
  let chosen: { file: string; text: string } | undefined;
  for (const file of configs) {
    const text = (await repo.text(file)) ?? "";
    const named = text.includes(folder.slice(dirOf(file).length ? dirOf(file).length + 1 : 0));
    if (named || isWithin(folder, dirOf(file))) {
      chosen = { file, text };
      if (named) break;
    }
  }
  if (!chosen) return null;
  const { file, text } = chosen;
  let url: string | undefined;
  if (file.endsWith(".toml")) {
    try {
      const table = parseToml(text) as Record<string, Record<string, Record<string, unknown>>>;
      for (const env of Object.values(table.environments ?? {})) if (typeof env.url === "string") url ??= env.url;
      const flywayTable = table.flyway as Record<string, unknown> | undefined;
      if (typeof flywayTable?.url === "string") url ??= flywayTable.url;
    } catch {
      // A TOML error leaves the URL unknown; the file still marks the project as Flyway's.
    }
  } else url = /^\s*flyway\.url\s*=\s*(.+)$/m.exec(text)?.[1]?.trim();
  return { file, ...(url ? { url } : {}) };
}
