/**
 * The analysis core every face shares: workspace → detect → sources →
 * static rules (→ engine trace when asked) → one AnalysisResult.
 */
import { createHash } from "node:crypto";
import { stat } from "node:fs/promises";
import path from "node:path";
import type { CommonOptions } from "./commands/types.js";
import { InputError } from "./commands/types.js";
import { type Config, loadConfig } from "./config/load.js";
import { detectProjects } from "./detect/index.js";
import type { EngineOptions } from "./engine/engine.js";
import type { EngineInfo, SessionStats } from "./engine/engine-session.js";
import { attachFindings } from "./plan/build.js";
import { gateFindings } from "./rules/gate.js";
import { analyzeHistory, analyzeMigrations } from "./rules/run.js";
import { type RuleSettings, resolveRuleSettings } from "./rules/settings.js";
import type { HistoryInput } from "./rules/types.js";
import { ANALYSED_DIALECT } from "./sources/common/dialect.js";
import { compareWithBase, projectFileChanges } from "./sources/compare.js";
import { loadProject } from "./sources/index.js";
import { decodeSourceFile } from "./sql/input.js";
import { loadParser, parseSql } from "./sql/parse.js";
import { hasPlaceholders, placeholderKeys } from "./sql/templates.js";
import {
  type AnalysisResult,
  type Finding,
  type LiveDrift,
  type Migration,
  type Notice,
  type Project,
  SEVERITY_ORDER,
  type Severity,
  type TableSize,
} from "./types.js";
import { GitRef } from "./workspace/git-ref.js";
import type { FileSource } from "./workspace/types.js";
import { WorkingTree } from "./workspace/working-tree.js";

export interface Analysis {
  /** The repository root the run read: the given root, or the repository holding the paths named outside it. */
  root: string;
  config: Config;
  settings: RuleSettings;
  pgVersion: number;
  /** PostgreSQL projects analysed (other dialects are only noticed). */
  projects: Project[];
  /** Every migration of each project at the head, in the tool's order, by project folder. */
  history: Map<string, Migration[]>;
  /** The same at --base, when given. */
  base: Map<string, Migration[]> | null;
  /** What this run judges: the PR's added/changed migrations with --base, the named paths, or everything. */
  targets: Migration[];
  result: AnalysisResult;
  /** With `rollbacks`: the files the rollback patches create or fill, with their new content. */
  rollbackFiles: Array<{ path: string; before: string | null; after: string }>;
  /** With trace or rollbacks: how the run's one engine session was used (boots, replays, applications). */
  engineStats?: SessionStats;
}

export async function analyze(given: string[], common: CommonOptions): Promise<Analysis> {
  await loadParser();
  const located = common.files ? { root: common.root, paths: given } : await locateRoot(given, common.root);
  const options: CommonOptions = { ...common, root: located.root };
  const paths = located.paths;
  const config = await loadConfig(options.root, options.config);
  const settings = resolveRuleSettings(config.rules, config.file, config.ruleLines);
  const pgVersion = options.pgVersion ?? config.pgVersion;
  const files = options.files ?? new WorkingTree(options.root);
  const baseFiles = options.baseFiles ?? (options.base ? await openBase(options.root, options.base) : null);
  const notices: Notice[] = [];
  const findings: Finding[] = [];

  const named = await resolvePaths(paths, options.root, options.files);
  for (const folder of named.folders) {
    const below = [
      ...new Set(
        (await files.list(folder)).filter((f) => f.toLowerCase().endsWith(".sql")).map((f) => path.posix.dirname(f)),
      ),
    ];
    if (below.length > 0 && !below.includes(folder || "."))
      named.sqlBelow.set(folder, below.slice(0, 3).join(", ") + (below.length > 3 ? " …" : ""));
  }
  const detected = await detectProjects(files, config, named.folders);
  notices.push(...detected.notices);
  const projects = selectProjects(detected.projects, named);
  const configured = config.projects.map((entry) => path.posix.normalize(entry.path).replace(/\/$/, ""));
  const history = new Map<string, Migration[]>();
  const base = baseFiles ? new Map<string, Migration[]>() : null;
  const targets: Migration[] = [];
  for (const { project, input } of await readProjects(projects, files, baseFiles, config)) {
    const { migrations, deleted } = input;
    history.set(project.folder, migrations);
    if (base && input.base) base.set(project.folder, input.base);
    if (migrations.length === 0) {
      notices.push({ level: "info", path: project.folder, message: `no migrations found in ${project.folder}` });
    }
    // A folder the user named that holds SQL the tool runs none of: analysing nothing must not pass.
    const namedHere = [...named.folders, ...configured].some(
      (folder) => inside(project.folder, folder) || inside(folder, project.folder),
    );
    if (namedHere && migrations.length > 0 && migrations.every((m) => m.unrecognized)) {
      const reasons = [...new Set(migrations.map((m) => m.unrecognized))].join("; ");
      throw new InputError(
        `${project.folder || "."}: none of its ${migrations.length} file(s) is a migration ${project.convention} runs (${reasons}); fix the names, or the \`convention\` of this folder in .db-migrate.yml (\`db-migrate setup ${project.folder || "."}\` proposes one)`,
      );
    }
    const chosen = migrations.filter((m) => isTarget(m, named, baseFiles !== null));
    targets.push(...chosen);
    findings.push(...analyzeMigrations(chosen, { pgVersion, settings }, migrations));
    const historyFindings = analyzeHistory(input, settings);
    const changedFiles = (input.changedFiles ?? []).map((c) => c.path);
    findings.push(
      ...historyFindings.filter((f) => !baseFiles || concernsChange(f, chosen, [...deleted, ...changedFiles])),
    );
  }
  for (const file of named.looseFiles) {
    const migration = await loadLooseFile(file, files, config);
    history.set(migration.path, [migration]);
    targets.push(migration);
    findings.push(...analyzeMigrations([migration], { pgVersion, settings }));
  }
  let plan: AnalysisResult["plan"];
  let rollbacks: AnalysisResult["rollbacks"];
  let rollbackFiles: Analysis["rollbackFiles"] = [];
  let engine: EngineInfo | undefined;
  let engineStats: SessionStats | undefined;
  const { replayed, runnable, stops } = replayable(history, targets);
  if ((options.trace || options.rollbacks) && targets.length > 0) notices.push(...stops);
  if ((options.trace || options.rollbacks) && runnable.length > 0) {
    const ran = await runEngine(replayed, runnable, { pgVersion, settings, config, options, files });
    findings.push(...ran.findings);
    notices.push(...ran.notices);
    if (ran.plan) plan = ran.plan;
    if (ran.rollbacks) {
      rollbacks = ran.rollbacks;
      rollbackFiles = ran.rollbackFiles;
    }
    engine = ran.engine;
    engineStats = ran.stats;
  }

  const result = buildResult(targets, gateFindings(findings), notices, projects);
  if (plan) result.plan = attachFindings(plan, result.findings);
  if (rollbacks) result.rollbacks = rollbacks;
  if (engine) result.engine = engine;
  if (options.databaseUrl) {
    const live = await readLiveDatabase(options.databaseUrl, result, projects, base ?? history, {
      pgVersion,
      timezone: config.trace.timezone,
      budgetMs: (options.budgetSeconds ?? config.trace.budgetSeconds) * 1000,
      ...(options.log ? { log: options.log } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    if ("notice" in live) result.notices.push(live.notice);
    else {
      result.drift = live.drift;
      result.tableSizes = live.tableSizes;
    }
  }
  const analysis: Analysis = {
    root: options.root,
    config,
    settings,
    pgVersion,
    projects,
    history,
    base,
    targets,
    result,
    rollbackFiles,
  };
  if (engineStats) analysis.engineStats = engineStats;
  return analysis;
}

/**
 * `--database-url` on the PR path: the live schema against each folder's history before the PR
 * (the base; without one, the tool's bookkeeping table says what is applied), and the size of every
 * existing table the PR locks. Read-only; a server that cannot be read is a notice, not a failed run.
 */
async function readLiveDatabase(
  url: string,
  result: AnalysisResult,
  projects: Project[],
  history: Map<string, Migration[]>,
  engineOptions: EngineOptions,
): Promise<{ drift: LiveDrift[]; tableSizes: Record<string, TableSize> } | { notice: Notice }> {
  const locked = [
    ...(result.plan ?? []).flatMap((plan) => plan.statements.flatMap((statement) => statement.tables)),
    ...result.findings.flatMap((finding) => (finding.locks ?? []).map((lock) => lock.relation)),
  ].filter((table) => !table.startsWith("index "));
  try {
    // Loaded on demand: `pg` and the engine are only needed with a live database.
    const { liveDatabaseFacts } = await import("./engine/drift.js");
    return await liveDatabaseFacts(
      url,
      projects.map((project) => ({ folder: project.folder, migrations: history.get(project.folder) ?? [] })),
      locked,
      engineOptions,
    );
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      notice: {
        level: "warning",
        message: `the database URL could not be read (${reason}): drift and table sizes are not computed; check that the server is reachable and the role may read its catalog`,
      },
    };
  }
}

/**
 * What the engine can replay: the files the tool runs (a file its convention
 * skips stays out), up to the first statement holding a template placeholder
 * (the tool fills it in first; replaying it as written would report failures
 * that are not the migration's). The static findings already say what to set.
 */
function replayable(
  history: Map<string, Migration[]>,
  targets: Migration[],
): { replayed: Map<string, Migration[]>; runnable: Migration[]; stops: Notice[] } {
  const replayed = new Map<string, Migration[]>();
  const stops: Notice[] = [];
  const excluded = new Set<Migration>();
  for (const [folder, migrations] of history) {
    const run = migrations.filter((m) => !m.unrecognized);
    const stop = run.findIndex((m) => m.statements.some((statement) => hasPlaceholders(statement.sql)));
    if (stop >= 0) {
      const at = run[stop] as Migration;
      const statement = at.statements.find((s) => hasPlaceholders(s.sql)) as Migration["statements"][number];
      const keys = placeholderKeys(statement.sql);
      stops.push({
        level: "warning",
        path: at.path,
        message: `the replay of ${folder || "."} stops before ${at.path} (line ${statement.span.line}): it holds templated SQL, so it and the ${run.length - stop - 1} migration(s) after it are not traced or verified; set ${keys.map((key) => `\`templates.vars\` key \`${key}\``).join(", ")} in .db-migrate.yml to replay them`,
      });
      for (const m of run.slice(stop)) excluded.add(m);
    }
    replayed.set(folder, stop >= 0 ? run.slice(0, stop) : run);
  }
  return { replayed, runnable: targets.filter((m) => !m.unrecognized && !excluded.has(m)), stops };
}

interface EngineRun {
  findings: Finding[];
  notices: Notice[];
  plan?: AnalysisResult["plan"];
  rollbacks?: AnalysisResult["rollbacks"];
  rollbackFiles: Analysis["rollbackFiles"];
  engine?: EngineInfo;
  stats: SessionStats;
}

/**
 * One engine session for the whole run: each project's base is replayed (or
 * restored) once and each target applied once; the trace and the rollback
 * verification share that application.
 */
async function runEngine(
  history: Map<string, Migration[]>,
  targets: Migration[],
  context: { pgVersion: number; settings: RuleSettings; config: Config; options: CommonOptions; files: FileSource },
): Promise<EngineRun> {
  const { options, config, pgVersion, settings, files } = context;
  // Loaded on demand: the engine (PGlite in a worker) is only needed when tracing or rolling back.
  const [{ openEngineSession }, { runProjects }, { RollbackCollector }, { BudgetExceeded }] = await Promise.all([
    import("./engine/engine-session.js"),
    import("./engine/trace-run.js"),
    import("./rollback/index.js"),
    import("./engine/session.js"),
  ]);
  const cacheDir =
    options.cacheDir ?? (config.trace.cacheDir ? path.resolve(options.root, config.trace.cacheDir) : undefined);
  const budgetSeconds = options.budgetSeconds ?? config.trace.budgetSeconds;
  await options.beforeEngine?.(history, targets);
  const engineUrl = options.engineUrl ?? config.engineUrl;
  const session = openEngineSession({
    pgVersion,
    budgetMs: budgetSeconds * 1000,
    engine: options.engine ?? config.engine,
    ...(engineUrl ? { engineUrl } : {}),
    timezone: config.trace.timezone,
    root: options.root,
    ...(cacheDir ? { cacheDir } : {}),
    ...(options.log ? { log: options.log } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const collector = options.rollbacks
    ? new RollbackCollector(
        { pgVersion, verify: options.verify !== false },
        {
          readFile: async (file) => (await files.read(file))?.toString("utf8") ?? null,
          settings,
          ...(options.log ? { log: options.log } : {}),
        },
      )
    : null;
  const out: EngineRun = { findings: [], notices: [], rollbackFiles: [], stats: session.stats };
  try {
    const traced = await runProjects(
      session,
      history,
      targets,
      { pgVersion, settings, observe: options.trace },
      collector?.hooks(),
    );
    out.findings.push(...traced.findings);
    out.notices.push(...traced.notices);
    if (options.trace) out.plan = traced.plan;
  } catch (error) {
    // The run's overall deadline: report what the static analysis found, and say what is missing.
    if (!(error instanceof BudgetExceeded && error.kind === "deadline")) throw error;
    out.notices.push({
      level: "warning",
      message:
        "the run reached its overall deadline while the engine was replaying: trace and rollback results are missing or partial; the static findings are complete",
    });
  } finally {
    await session.dispose();
  }
  out.notices.push(...session.notices);
  if (collector) {
    const rolled = collector.output();
    out.findings.push(...rolled.findings);
    out.notices.push(...rolled.notices);
    out.rollbacks = rolled.rollbacks;
    out.rollbackFiles = rolled.files;
  }
  const info = session.info();
  if (info) out.engine = info;
  return out;
}

/** One project read at head (and at the base ref): what the rules and the history renderers need. */
export interface ProjectRead {
  project: Project;
  input: HistoryInput;
}

/**
 * Loads each project's migrations at head and, with a base, at the base too,
 * marking what the PR adds, changes or deletes.
 */
export async function readProjects(
  projects: Project[],
  files: FileSource,
  baseFiles: FileSource | null,
  config: Config,
): Promise<ProjectRead[]> {
  // config.transactional is applied by detection, where a project's own setting can win over it.
  const loadOptions = {
    templateVars: config.templateVars,
    maxFileBytes: config.maxFileBytes,
    exclude: config.exclude,
    // A file the PR leaves alone is the same text at the base and the head: parse it once.
    parseCache: new Map(),
  };
  const read: ProjectRead[] = [];
  for (const project of projects) {
    const migrations = await loadProject(project, files, loadOptions);
    const input: HistoryInput = { project, migrations, base: null, deleted: [] };
    if (baseFiles) {
      input.base = await loadProject(project, baseFiles, loadOptions);
      input.deleted = compareWithBase(migrations, input.base).deleted.map((m) => m.path);
      input.changedFiles = await projectFileChanges(project, files, baseFiles);
    }
    read.push({ project, input });
  }
  return read;
}

/** A --base ref that git does not know is bad input (exit 2), not an internal error. */
async function openBase(root: string, ref: string): Promise<GitRef> {
  try {
    return await GitRef.open(root, ref);
  } catch (error) {
    throw new InputError(error instanceof Error ? error.message : String(error));
  }
}

/** Exit status by `fail-on`: 1 when a finding reaches it, else 0. */
export function exitCodeFor(result: AnalysisResult, failOn: Severity | "never"): 0 | 1 {
  if (failOn === "never") return 0;
  const threshold = SEVERITY_ORDER[failOn];
  return result.findings.some((f) => SEVERITY_ORDER[f.severity] >= threshold) ? 1 : 0;
}

export function buildResult(
  targets: Migration[],
  findings: Finding[],
  notices: Notice[],
  projects: Project[],
): AnalysisResult {
  const sorted = [...findings].sort(
    (a, b) => a.path.localeCompare(b.path) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule),
  );
  return {
    version: 1,
    migrations: targets.map((m) => ({
      path: m.path,
      id: m.id,
      tool: m.tool,
      convention: m.convention,
      statements: m.statements.length,
      name: m.name,
      parents: m.parents,
      change: m.change,
    })),
    findings: sorted,
    summary: summarize(sorted),
    notices,
    projects: projects.map(({ tool, convention, folder, dialect }) => ({ tool, convention, folder, dialect })),
  };
}

export function summarize(findings: Finding[]): AnalysisResult["summary"] {
  return {
    errors: findings.filter((f) => f.severity === "error").length,
    warnings: findings.filter((f) => f.severity === "warning").length,
    infos: findings.filter((f) => f.severity === "info").length,
  };
}

interface NamedPaths {
  /** Repo-relative folders named on the command line. */
  folders: string[];
  /** Repo-relative files named on the command line. */
  files: string[];
  /** Files that belong to no detected project: analysed as plain SQL. Filled by selectProjects. */
  looseFiles: string[];
  /** Per named folder, the subfolders holding .sql files (for the message when the folder itself has none). */
  sqlBelow: Map<string, string>;
  any: boolean;
}

/**
 * Where a run reads the named paths from: the git repository holding them
 * (or, outside any repository, the named folder itself) when that is not the
 * root the run started in: an absolute path from another folder, or a
 * repository below the current folder. Paths are then relative to that root.
 */
export async function locateRoot(paths: string[], root: string): Promise<{ root: string; paths: string[] }> {
  const roots = new Set<string>();
  for (const given of paths) {
    const absolute = path.resolve(root, given);
    const outside = path.relative(root, absolute).startsWith("..");
    const repository = await repositoryOf(absolute, !outside);
    roots.add(repository && repository !== root && (outside || isBelow(repository, root)) ? repository : root);
  }
  const [moved] = [...roots];
  if (!moved || moved === root) {
    if (roots.size > 1) throw differentRepositories(paths, roots);
    return { root, paths };
  }
  if (roots.size > 1) throw differentRepositories(paths, roots);
  return { root: moved, paths: paths.map((given) => path.relative(moved, path.resolve(root, given)) || ".") };
}

function differentRepositories(paths: string[], roots: Set<string>): InputError {
  return new InputError(
    `${paths.join(", ")}: the named paths lie in different repositories (${[...roots].join(", ")}); name paths of one repository per run`,
  );
}

function isBelow(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative);
}

/**
 * The nearest folder at or above `target` holding `.git`; with none, the
 * folder itself, or null when `repositoryOnly`.
 */
async function repositoryOf(target: string, repositoryOnly: boolean): Promise<string | null> {
  const kind = await kindOnDisk(target);
  if (!kind) throw new InputError(`${target}: no such file or folder`);
  const start = kind === "folder" ? target : path.dirname(target);
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (await kindOnDisk(path.join(dir, ".git"))) return dir;
    if (path.dirname(dir) === dir) return repositoryOnly ? null : start;
  }
}

/**
 * Sorts named paths into files and folders. With a FileSource override (the
 * bot reads the PR through the API) they are looked up there, not on disk.
 */
async function resolvePaths(paths: string[], root: string, files?: FileSource): Promise<NamedPaths> {
  const named: NamedPaths = { folders: [], files: [], looseFiles: [], sqlBelow: new Map(), any: paths.length > 0 };
  for (const given of paths) {
    const absolute = path.resolve(root, given);
    const relative = path.relative(root, absolute).split(path.sep).join("/");
    if (relative.startsWith("..")) throw new InputError(`${given}: outside the repository root ${root}`);
    const kind = files ? await kindInSource(files, relative) : await kindOnDisk(absolute);
    if (!kind) throw new InputError(`${given}: no such file or folder`);
    if (kind === "folder") named.folders.push(relative);
    else named.files.push(relative);
  }
  return named;
}

async function kindOnDisk(absolute: string): Promise<"file" | "folder" | null> {
  try {
    return (await stat(absolute)).isDirectory() ? "folder" : "file";
  } catch {
    return null;
  }
}

async function kindInSource(files: FileSource, relative: string): Promise<"file" | "folder" | null> {
  if (relative === "") return "folder";
  if ((await files.list(relative)).length > 0) return "folder";
  return (await files.read(relative)) ? "file" : null;
}

function inside(file: string, folder: string): boolean {
  return folder === "" || file === folder || file.startsWith(`${folder}/`);
}

/**
 * The projects the named paths point into (all, when none are named). A named
 * SQL file outside every project is analysed on its own.
 */
function selectProjects(detected: Project[], named: NamedPaths): Project[] {
  // Detection says "unknown" only for a database it knows is not PostgreSQL (h2, oracle …) and
  // already gives a notice for every folder it does not analyse.
  const postgres = detected.filter((p) => p.dialect === ANALYSED_DIALECT);
  if (!named.any) return postgres;
  const chosen = postgres.filter(
    (p) =>
      named.folders.some((folder) => inside(p.folder, folder) || inside(folder, p.folder)) ||
      named.files.some((file) => inside(file, p.folder) || p.files.includes(file)),
  );
  // A named path inside a project of another database is not PostgreSQL SQL: say so rather than misjudge it.
  for (const target of [...named.files, ...named.folders]) {
    const other = detected.find((p) => p.dialect !== ANALYSED_DIALECT && inside(target, p.folder));
    if (other && !chosen.some((p) => inside(target, p.folder))) {
      const database = other.dialect === "unknown" ? "a database other than PostgreSQL" : other.dialect;
      throw new InputError(
        `${target}: these migrations target ${database} (detected for ${other.folder || "."}), and db-migrate analyses PostgreSQL only (set \`dialect: postgresql\` for that folder in .db-migrate.yml if that is what it targets)`,
      );
    }
  }
  named.looseFiles = named.files.filter((file) => !chosen.some((p) => inside(file, p.folder)));
  for (const folder of named.folders) {
    if (!chosen.some((p) => inside(p.folder, folder) || inside(folder, p.folder))) {
      throw new InputError(
        `${folder || "."}: no migrations found in this folder (no Alembic or Prisma project, and no .sql files directly in it${named.sqlBelow.get(folder) ? `; name the folder that holds them: ${named.sqlBelow.get(folder)}` : ""}; run \`db-migrate setup\` to see what is detected)`,
      );
    }
  }
  return chosen;
}

function isTarget(migration: Migration, named: NamedPaths, hasBase: boolean): boolean {
  if (named.files.length > 0 || named.folders.length > 0) {
    const namedHere =
      named.files.some((f) => migration.path === f || (migration.down?.path === f && f !== migration.path)) ||
      named.folders.some((folder) => inside(migration.path, folder));
    if (!namedHere) return false;
    return hasBase ? migration.change !== "unchanged" : true;
  }
  return hasBase ? migration.change === "added" || migration.change === "modified" : true;
}

/**
 * With --base, history findings are kept when they concern what the PR changes:
 * a migration it adds or changes, or a file it deletes or edits (schema.prisma).
 */
function concernsChange(finding: Finding, changed: Migration[], otherFiles: string[]): boolean {
  return (
    changed.some((m) => m.path === finding.path || m.down?.path === finding.path) || otherFiles.includes(finding.path)
  );
}

/** A SQL file named on the command line that belongs to no detected project: one plain migration. */
async function loadLooseFile(file: string, files: FileSource, config: Config): Promise<Migration> {
  const bytes = await files.read(file);
  if (!bytes) throw new InputError(`${file}: cannot be read`);
  const migration: Migration = {
    id: path.posix.basename(file),
    name: path.posix.basename(file),
    path: file,
    tool: "sql",
    convention: "plain",
    parents: [],
    order: file,
    transactional: config.transactional ?? false,
    statements: [],
    down: null,
    problems: [],
    checksum: createHash("sha256").update(bytes).digest("hex"),
  };
  const decoded = decodeSourceFile(bytes, file, config.maxFileBytes);
  if (!decoded.ok) {
    migration.problems.push(decoded.problem);
    return migration;
  }
  const parsed = parseSql(decoded.text, file, { templateVars: config.templateVars });
  migration.statements = parsed.statements;
  migration.problems.push(...parsed.problems);
  return migration;
}
