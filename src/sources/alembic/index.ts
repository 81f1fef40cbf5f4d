/**
 * Alembic projects: every revision file of the versions folder, parsed
 * statically (never imported), returned in the order Alembic applies them:
 * parents before children, ties broken by file name.
 */
import type { Migration, Project, Statement } from "../../types.js";
import type { FileSource } from "../../workspace/types.js";
import { excludeMatcher, FILE_START, readText } from "../sql/read.js";
import { alembicUpgradeOrder } from "./order.js";
import { type AlembicRevision, absoluteModule, type PythonModule, parseAlembicFile } from "./parse-file.js";

export type {
  AlembicBody,
  AlembicHeader,
  AlembicOperation,
  AlembicParseOptions,
  AlembicRevision,
} from "./parse-file.js";
export { parseAlembicFile } from "./parse-file.js";
export { pgTypeToSqlalchemy, sqlalchemyTypeTextToPg, sqlalchemyTypeToPg } from "./types-map.js";

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
  return (await loadAlembicRevisions(project, files, options)).map((file) => file.migration);
}

/** One revision file: the Migration, and the parsed revision (null when the file could not be read). */
export interface AlembicFile {
  migration: Migration;
  revision: AlembicRevision | null;
}

/**
 * Like loadAlembic, keeping each file's parsed revision (its operations,
 * downgrade problems) beside the Migration: for rollback and measurements.
 */
export async function loadAlembicRevisions(
  project: Project,
  files: FileSource,
  options: LoadOptions,
): Promise<AlembicFile[]> {
  const settings = await readSettings(project, files);
  const transactional = options.transactional !== false && project.transactional !== false && settings.transactional;
  const excluded = excludeMatcher(options.exclude);
  const prefix = project.folder ? `${project.folder.replace(/\/$/, "")}/` : "";
  const paths = (await files.list(project.folder)).filter((path) => {
    const relative = path.slice(prefix.length);
    if (!REVISION_FILE.test(relative) || relative.includes("__pycache__/") || excluded(path)) return false;
    return settings.recursive || !relative.includes("/");
  });

  const modules = new ModuleIndex(files, moduleRoots(project));
  const loaded: AlembicFile[] = [];
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
      loaded.push({ migration: shell, revision: null });
      continue;
    }
    try {
      await modules.collect(read.text);
      const revision = parseAlembicFile(read.text, path, {
        modules: modules.modules,
        ...(options.templateVars ? { templateVars: options.templateVars } : {}),
      });
      loaded.push({ migration: toMigration(shell, revision, transactional), revision });
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
      loaded.push({ migration: shell, revision: null });
    }
  }
  const byMigration = new Map(loaded.map((file) => [file.migration, file]));
  return orderByGraph(loaded.map((file) => file.migration)).map(
    (migration) => byMigration.get(migration) as AlembicFile,
  );
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
          problems: revision.downgrade.problems,
        }
      : null,
    problems: [...shell.problems, ...revision.problems, ...revision.upgrade.problems],
    ...(revision.upgrade.partial ? { partial: revision.upgrade.partial } : {}),
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

/** The order `alembic upgrade heads` applies the revisions in (order.ts). */
export function orderByGraph(migrations: Migration[]): Migration[] {
  return alembicUpgradeOrder(migrations);
}

const MAX_MODULE_BYTES = 1024 * 1024;
const MAX_MODULES = 200;
/** `from .x import y` (dots, module) and `import a.b.c` (module only). */
const IMPORT = /^[ \t]*(?:from[ \t]+(\.*)([\w.]*)[ \t]+import\b|import[ \t]+([\w.]+))/gm;

/**
 * Where the project's own packages may live: the repository root, `src/`, and
 * the folders of alembic.ini / pyproject.toml / env.py (and their `src/`).
 */
function moduleRoots(project: Project): string[] {
  const dirs = ["", ...project.files.map((file) => file.split("/").slice(0, -1).join("/"))];
  const roots = dirs.flatMap((dir) => {
    const base = dir ? `${dir}/` : "";
    return [base, `${base}src/`];
  });
  return [...new Set(roots)];
}

/**
 * The repository's Python modules that revisions import (`from app.models
 * import User`), read once per project so revisions can use their literal
 * constants and `__tablename__`s. Modules outside the repository (sqlalchemy,
 * the standard library) are simply not found.
 */
class ModuleIndex {
  readonly modules = new Map<string, PythonModule>();
  private readonly tried = new Set<string>();
  private readonly listings = new Map<string, Set<string>>();

  constructor(
    private readonly files: FileSource,
    private readonly roots: string[],
  ) {}

  async collect(text: string, current?: { name: string; isPackage: boolean }, depth = 0): Promise<void> {
    const wanted: Array<{ module: string[]; dots: number }> = [];
    for (const match of text.matchAll(IMPORT)) {
      const module = (match[2] ?? match[3] ?? "").split(".").filter(Boolean);
      wanted.push({ module, dots: (match[1] ?? "").length });
      // `import prefect` then `prefect.server.utilities.database.UUID()`: the modules on that path.
      if (match[3] && depth === 0) {
        const used = new RegExp(`\\b${match[3].replace(/\./g, "\\.")}((?:\\.\\w+)+)`, "g");
        for (const usage of text.matchAll(used)) {
          const rest = (usage[1] ?? "").split(".").filter(Boolean).slice(0, -1);
          for (let end = 1; end <= rest.length; end++)
            wanted.push({ module: [...module, ...rest.slice(0, end)], dots: 0 });
        }
      }
    }
    for (const { module, dots } of wanted) {
      const name = absoluteModule(module, dots, current?.name, current?.isPackage ?? false);
      if (!name || this.tried.has(name) || this.tried.size >= MAX_MODULES) continue;
      this.tried.add(name);
      const found = await this.read(name);
      if (!found) continue;
      this.modules.set(name, found);
      if (depth < 2) await this.collect(found.text, { name, isPackage: found.path.endsWith("__init__.py") }, depth + 1);
    }
  }

  private async read(name: string): Promise<PythonModule | undefined> {
    const parts = name.split(".");
    for (const root of this.roots) {
      const listing = await this.listing(`${root}${parts[0]}`);
      const stem = `${root}${parts.join("/")}`;
      const path = [`${stem}.py`, `${stem}/__init__.py`].find((candidate) => listing.has(candidate));
      if (!path) continue;
      const bytes = await this.files.read(path);
      if (!bytes || bytes.length > MAX_MODULE_BYTES) return undefined;
      return { path, text: bytes.toString("utf8") };
    }
    return undefined;
  }

  private async listing(dir: string): Promise<Set<string>> {
    let listing = this.listings.get(dir);
    if (!listing) {
      listing = new Set((await this.files.list(dir)).filter((file) => file.endsWith(".py")));
      this.listings.set(dir, listing);
    }
    return listing;
  }
}
