/**
 * Alembic projects: every revision file of the versions folder, parsed
 * statically (never imported), returned in the order Alembic applies them:
 * parents before children, ties broken by file name.
 */
import type { Migration, Problem, Project, SourceSpan, Statement } from "../../types.js";
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
  const chainSpans = new Map<string, SourceSpan>();
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
    const revision = parseAlembicFile(
      read.text,
      path,
      options.templateVars ? { templateVars: options.templateVars } : {},
    );
    migrations.push(toMigration(shell, revision, transactional));
    chainSpans.set(path, revision.downRevisionSpan ?? revision.revisionSpan);
  }
  return orderByGraph(migrations, project.folder, chainSpans);
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
 * ties by path. Unknown parents and cycles become `broken-revision-chain`
 * problems; the revisions involved still come back, after the others.
 */
export function orderByGraph(
  migrations: Migration[],
  folder: string,
  chainSpans: Map<string, SourceSpan> = new Map(),
): Migration[] {
  const problem = (migration: Migration, rule: string, message: string): Problem => ({
    rule,
    severity: "error",
    path: migration.path,
    span: chainSpans.get(migration.path) ?? FILE_START,
    message,
    fix: "point down_revision at an existing revision id and keep the graph acyclic",
  });
  const byId = new Map<string, Migration>();
  for (const migration of [...migrations].sort((a, b) => a.path.localeCompare(b.path))) {
    const existing = byId.get(migration.id);
    if (existing) {
      migration.problems.push(
        problem(migration, "duplicate-version", `revision \`${migration.id}\` is also declared in ${existing.path}`),
      );
      continue;
    }
    byId.set(migration.id, migration);
  }
  const labels = new Map<string, string>();
  for (const migration of byId.values())
    for (const label of migration.branchLabels ?? []) labels.set(label, migration.id);

  const edges = new Map<Migration, Set<string>>();
  for (const migration of migrations) {
    const required = new Set<string>();
    for (const parent of migration.parents) {
      if (byId.has(parent)) required.add(parent);
      else {
        migration.problems.push(
          problem(
            migration,
            "broken-revision-chain",
            `down_revision \`${parent}\` names no revision in ${folder || "the versions folder"}`,
          ),
        );
      }
    }
    for (const dependency of migration.dependsOn ?? []) {
      const id = byId.has(dependency) ? dependency : labels.get(dependency);
      if (id) required.add(id);
    }
    edges.set(migration, required);
  }

  const ordered: Migration[] = [];
  const placed = new Set<Migration>();
  const pending = [...migrations].sort((a, b) => a.path.localeCompare(b.path));
  const isPlaced = (id: string) => {
    const parent = byId.get(id);
    return parent !== undefined && placed.has(parent);
  };
  let progress = true;
  while (progress) {
    progress = false;
    for (const migration of pending) {
      if (placed.has(migration)) continue;
      if ([...(edges.get(migration) ?? [])].every(isPlaced)) {
        ordered.push(migration);
        placed.add(migration);
        progress = true;
        // Restart so an earlier-named revision that just became ready goes next.
        break;
      }
    }
  }
  const cyclic = pending.filter((migration) => !placed.has(migration));
  for (const migration of cyclic) {
    const blocked = [...(edges.get(migration) ?? [])].filter((id) => !isPlaced(id));
    migration.problems.push(
      problem(
        migration,
        "broken-revision-chain",
        `revision \`${migration.id}\` is part of a cycle (waits on ${blocked.map((id) => `\`${id}\``).join(", ")})`,
      ),
    );
    ordered.push(migration);
  }
  return ordered;
}
