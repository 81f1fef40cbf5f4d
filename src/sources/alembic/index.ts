/**
 * Alembic projects: every revision file of the versions folder, parsed
 * statically (never imported), returned in the order Alembic applies them:
 * parents before children, ties broken by file name.
 */
import type { Migration, Project, Statement } from "../../types.js";
import type { FileSource } from "../../workspace/types.js";
import { excludeMatcher, FILE_START, readText } from "../sql/read.js";
import { type AlembicRevision, parseAlembicFile } from "./parse-file.js";

export type {
  AlembicBody,
  AlembicHeader,
  AlembicOperation,
  AlembicParseOptions,
  AlembicRevision,
} from "./parse-file.js";
export { parseAlembicFile } from "./parse-file.js";
export { pgTypeToSqlalchemy, sqlalchemyTypeToPg } from "./types-map.js";

export interface LoadOptions {
  templateVars?: Record<string, string>;
  maxFileBytes?: number;
  exclude?: string[];
  transactional?: boolean;
}

/** Alembic's own filter: `.py` files, not `__init__.py`, not editor lock files (`.#x.py`). */
const REVISION_FILE = /(^|\/)(?!\.#|__init__)[^/]+\.py$/;

/** Loads an Alembic project's revisions. Call `await loadParser()` first (loadProject does). */
export async function loadAlembic(project: Project, files: FileSource, options: LoadOptions): Promise<Migration[]> {
  const settings = await readSettings(project, files);
  const transactional = options.transactional !== false && project.transactional !== false && settings.transactional;
  const excluded = excludeMatcher(options.exclude);
  const prefix = project.folder ? `${project.folder.replace(/\/$/, "")}/` : "";
  const paths = (await files.list(project.folder)).filter((path) => {
    const relative = path.slice(prefix.length);
    if (!REVISION_FILE.test(relative) || relative.includes("__pycache__/") || excluded(path)) return false;
    return settings.recursive || !relative.includes("/");
  });

  const migrations: Migration[] = [];
  for (const path of paths) {
    const read = await readText(files, path, options);
    const fileId = path.split("/").pop()?.replace(/\.py$/, "") ?? path;
    const shell: Migration = {
      id: fileId,
      name: fileId,
      path,
      tool: "alembic",
      convention: "alembic",
      parents: [],
      order: "",
      transactional,
      statements: [],
      down: null,
      problems: read.problems,
      ...(read.checksum ? { checksum: read.checksum } : {}),
    };
    if (read.text === null) {
      migrations.push(shell);
      continue;
    }
    try {
      const revision = parseAlembicFile(
        read.text,
        path,
        options.templateVars ? { templateVars: options.templateVars } : {},
      );
      migrations.push(toMigration(shell, revision, transactional));
    } catch (error) {
      // A reader bug must cost one file, not the project: say so where the user looks.
      shell.problems.push({
        rule: "unanalyzed-operation",
        severity: "warning",
        path,
        span: FILE_START,
        message: `db-migrate failed while reading this revision (${error instanceof Error ? error.message : String(error)}); it was not analysed`,
        fix: "please report this file's shape to db-migrate",
      });
      migrations.push(shell);
    }
  }
  return orderByGraph(migrations);
}

function toMigration(shell: Migration, revision: AlembicRevision, transactional: boolean): Migration {
  const inTransaction = (statement: Statement): Statement => ({
    ...statement,
    inTransaction: transactional && !statement.autocommit,
  });
  const migration: Migration = {
    ...shell,
    id: revision.revision ?? shell.id,
    name: revision.name,
    parents: revision.downRevisions,
    parentsSpan: revision.downRevisionSpan ?? revision.revisionSpan,
    statements: revision.upgrade.statements.map(inTransaction),
    down: revision.downgrade.found
      ? {
          path: revision.path,
          statements: revision.downgrade.statements.map(inTransaction),
          empty: revision.downgrade.empty,
          ...(revision.downgrade.span ? { span: revision.downgrade.span } : {}),
        }
      : null,
    problems: [...shell.problems, ...revision.problems, ...revision.upgrade.problems],
  };
  if (revision.branchLabels.length > 0) migration.branchLabels = revision.branchLabels;
  if (revision.dependsOn.length > 0) migration.dependsOn = revision.dependsOn;
  if (!revision.upgrade.found) {
    migration.problems.push({
      rule: "unanalyzed-operation",
      severity: "info",
      path: shell.path,
      span: revision.revisionSpan,
      message: "no module-level `def upgrade()`: nothing in this revision could be analysed",
    });
  }
  return migration;
}

interface AlembicSettings {
  transactional: boolean;
  recursive: boolean;
}

/**
 * What env.py and the config say about transactions: `transactional_ddl=False`
 * or an AUTOCOMMIT isolation level means no migration transaction.
 * `transaction_per_migration=True` still wraps each migration in its own
 * transaction, which is what a Migration models, so it stays transactional.
 */
async function readSettings(project: Project, files: FileSource): Promise<AlembicSettings> {
  const settings: AlembicSettings = { transactional: true, recursive: false };
  for (const path of project.files) {
    const bytes = await files.read(path);
    if (!bytes) continue;
    const code = bytes
      .toString("utf8")
      .split("\n")
      .map((line) => line.replace(/(^|\s)[#;].*$/, ""))
      .join("\n");
    if (path.endsWith(".py")) {
      if (/transactional_ddl\s*=\s*False/.test(code) || /isolation_level\s*=\s*["']AUTOCOMMIT["']/.test(code)) {
        settings.transactional = false;
      }
    } else if (/recursive_version_locations\s*=\s*(true|True|1|yes)/.test(code)) {
      settings.recursive = true;
    }
  }
  return settings;
}

/**
 * Topological order over down_revision (and depends_on) edges, parents first,
 * ties by path. A parent may be written as a unique prefix of its id, as
 * Alembic accepts. Unknown parents, cycles and duplicate ids are reported by
 * the history rules (broken-revision-chain, duplicate-version); here the
 * revisions they involve still come back, after the others, in path order.
 */
export function orderByGraph(migrations: Migration[]): Migration[] {
  const byPath = [...migrations].sort((a, b) => a.path.localeCompare(b.path));
  const byId = new Map<string, Migration>();
  for (const migration of byPath) if (!byId.has(migration.id)) byId.set(migration.id, migration);
  const labels = new Map<string, Migration>();
  for (const migration of byId.values()) for (const label of migration.branchLabels ?? []) labels.set(label, migration);
  const resolve = (id: string): Migration | undefined => {
    const exact = byId.get(id) ?? labels.get(id);
    if (exact || id.length < 4) return exact;
    const matches = [...byId.keys()].filter((known) => known.startsWith(id));
    return matches.length === 1 ? byId.get(matches[0] as string) : undefined;
  };
  const requires = new Map<Migration, Migration[]>();
  for (const migration of byPath) {
    const needed = [...migration.parents, ...(migration.dependsOn ?? [])].map(resolve);
    requires.set(
      migration,
      needed.filter((m): m is Migration => m !== undefined && m !== migration),
    );
  }
  const ordered: Migration[] = [];
  const placed = new Set<Migration>();
  let next: Migration | undefined;
  do {
    // The first revision by path whose parents are all placed: parents first, ties by file name.
    next = byPath.find((m) => !placed.has(m) && (requires.get(m) ?? []).every((p) => placed.has(p)));
    if (next) {
      ordered.push(next);
      placed.add(next);
    }
  } while (next);
  return [...ordered, ...byPath.filter((m) => !placed.has(m))];
}
