/**
 * `generate`: a new migration in the project's own tool, format and naming,
 * made safe for tables that already exist, then proven like any PR migration:
 * replayed after the history with rows in the tables it touches, run through
 * every rule, and rolled back by round trip.
 *
 * The desired state is a schema: the working tree's (after the author edited
 * it) or the one a one-line description edits. The SQL always comes from a
 * diff of schemas by the tool's own engine; there is no second template path.
 */
import path from "node:path/posix";
import { type Config, loadConfig } from "../config/load.js";
import { detectProjects } from "../detect/index.js";
import { analyze } from "../pipeline.js";
import { ANALYSED_DIALECT } from "../sources/common/dialect.js";
import {
  diffPrismaSchemas,
  migrationSlug,
  migrationTimestamp,
  readPrismaFolders,
  readPrismaSchema,
  type SchemaFile,
} from "../sources/prisma/generate/index.js";
import type { AnalysisResult, Project } from "../types.js";
import { GitRef } from "../workspace/git-ref.js";
import { OverlayFiles } from "../workspace/overlay.js";
import type { FileSource } from "../workspace/types.js";
import { WorkingTree } from "../workspace/working-tree.js";
import { applyPrismaDescription, backfillSql, type Description, parseDescription, renameInSql } from "./describe.js";
import { type RowsCheck, replayWithRows } from "./rows.js";
import { makeSafe, type Refusal } from "./safe.js";

export class GenerateError extends Error {
  override name = "GenerateError";
}

export interface GeneratedFile {
  path: string;
  /** Null when the file is new. */
  before: string | null;
  content: string;
  role: "migration" | "schema" | "rollback";
}

export interface GenerateOptions {
  root: string;
  files?: FileSource;
  baseFiles?: FileSource;
  /** Git ref whose schema is the starting point (default HEAD). */
  base?: string;
  config?: string;
  name?: string;
  /** A one-line description of the change, instead of an edited schema. */
  description?: string;
  /** The project's migrations folder, when the repository has several. */
  project?: string;
  /** Prisma's SQL as it is, without the safe rewrite. */
  plain?: boolean;
  backfill?: Record<string, string>;
  /** Columns the author says were renamed (`table.old=new`), written as RENAME COLUMN instead of DROP + ADD. */
  renames?: Array<{ table: string; from: string; to: string }>;
  /** Trace, rules, rows and rollback round trip (default true). */
  verify?: boolean;
  /** Diff the replayed history against the base schema (default true). */
  drift?: boolean;
  pgVersion?: number;
  /** Alembic: run the project's own `alembic revision --autogenerate` with this Python (never in the bot or Actions). */
  autogenerate?: boolean;
  python?: string;
  now?: Date;
  log?: (message: string) => void;
}

export interface GenerateResult {
  tool: Project["tool"];
  project: string;
  /** Where the desired state came from, for the report. */
  from: string;
  to: string;
  description?: Description;
  /** Prisma's SQL for the change before the safe rewrite. */
  engineSql: string;
  files: GeneratedFile[];
  notes: string[];
  refusals: Array<Refusal & { edit: string }>;
  /** SQL that would bring the replayed history to the base schema: old drift, not part of the new migration. */
  drift: string | null;
  /** Trace, rules and rollback verdicts for the generated migrations. */
  analysis: AnalysisResult | null;
  rows: RowsCheck | null;
}

function pickProject(projects: Project[], wanted: string | undefined): Project {
  const supported = projects.filter((p) => p.dialect === ANALYSED_DIALECT);
  if (wanted) {
    const found = supported.find((p) => p.folder === wanted.replace(/\/$/, ""));
    if (!found)
      throw new GenerateError(
        `--project ${wanted}: no PostgreSQL migrations folder there (found: ${supported.map((p) => p.folder).join(", ") || "none"})`,
      );
    return found;
  }
  const prisma = supported.filter((p) => p.tool === "prisma");
  if (prisma.length > 1)
    throw new GenerateError(
      `several Prisma projects (${prisma.map((p) => p.folder).join(", ")}): choose one with --project <folder>`,
    );
  const chosen = prisma[0] ?? supported[0];
  if (!chosen)
    throw new GenerateError(
      "no PostgreSQL migrations folder found here: run `db-migrate setup` to see what is detected",
    );
  return chosen;
}

export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const config = await loadConfig(options.root, options.config);
  const files = options.files ?? new WorkingTree(options.root);
  const { projects } = await detectProjects(files, config);
  const project = pickProject(projects, options.project);
  if (project.tool === "alembic") return generateAlembic(project, files, config, options);
  if (project.tool !== "prisma")
    throw new GenerateError(
      `${project.folder}: generate supports Prisma projects so far; this one is ${project.tool} (Alembic autogenerate and plain SQL projects are not built yet, see docs/generate.md)`,
    );
  const baseRef = options.base ?? "HEAD";
  const baseFiles = options.baseFiles ?? (await openRef(options.root, baseRef));
  return generatePrisma(project, files, baseFiles, baseRef, config, options);
}

async function generateAlembic(
  project: Project,
  files: FileSource,
  config: Config,
  options: GenerateOptions,
): Promise<GenerateResult> {
  if (options.description !== undefined)
    throw new GenerateError(`${project.folder}: descriptions are turned into Prisma schema edits only so far`);
  if (!options.autogenerate)
    throw new GenerateError(
      `${project.folder}: for Alembic, pass --autogenerate (and --python <the interpreter with the project's dependencies>): it runs the project's own \`alembic revision --autogenerate\` against the replayed history. The static preview from declarative models is not built yet.`,
    );
  if (options.files || process.env.GITHUB_ACTIONS === "true")
    throw new GenerateError(
      "--autogenerate runs the repository's Python (env.py imports the models): it never runs in the PR bot or in GitHub Actions; run it on your machine",
    );
  const { loadProject } = await import("../sources/index.js");
  const { alembicAutogenerate, AutogenerateError } = await import("../sources/alembic/autogenerate.js");
  const history = await loadProject(project, files, { templateVars: config.templateVars });
  let revision: Awaited<ReturnType<typeof alembicAutogenerate>>;
  try {
    revision = await alembicAutogenerate({
      root: options.root,
      project,
      history,
      message: options.name ?? "migration",
      ...(options.python ? { python: options.python } : {}),
      ...(options.log ? { log: options.log } : {}),
    });
  } catch (error) {
    if (error instanceof AutogenerateError) throw new GenerateError(error.message);
    throw error;
  }
  const result: GenerateResult = {
    tool: "alembic",
    project: project.folder,
    from: `${project.folder} replayed to its head`,
    to: "the models env.py imports (alembic revision --autogenerate)",
    engineSql: revision.content,
    files: [{ path: revision.path, before: null, content: revision.content, role: "migration" }],
    notes: revision.replayFailures.map((failure) => `not replayed, so autogenerate did not see it: ${failure}`),
    refusals: [],
    drift: null,
    analysis: null,
    rows: null,
  };
  if (options.verify !== false) await verify(result, files, config, options);
  return result;
}

async function openRef(root: string, ref: string): Promise<FileSource> {
  try {
    return await GitRef.open(root, ref);
  } catch (error) {
    throw new GenerateError(error instanceof Error ? error.message : String(error));
  }
}

async function generatePrisma(
  project: Project,
  files: FileSource,
  baseFiles: FileSource,
  baseRef: string,
  config: Config,
  options: GenerateOptions,
): Promise<GenerateResult> {
  if (!project.schemaPath)
    throw new GenerateError(`${project.folder}: no schema.prisma found for this migrations folder`);
  const base = await readPrismaSchema(project, baseFiles);
  let desired = await readPrismaSchema(project, files);
  if (desired.length === 0) throw new GenerateError(`${project.schemaPath}: not found in the ${files.label}`);
  const generated: GeneratedFile[] = [];
  let description: Description | undefined;
  let from = `${project.schemaPath} at ${baseRef}`;
  let to = `${project.schemaPath} in the ${files.label}`;
  let start = base;
  if (options.description !== undefined) {
    description = parseDescription(options.description);
    const edited = applyPrismaDescription(desired, description);
    for (const file of edited) {
      const before = desired.find((f) => f.path === file.path)?.content ?? null;
      if (before !== file.content) generated.push({ path: file.path, before, content: file.content, role: "schema" });
    }
    // The description's change alone: from the schema as it is now to the edited one.
    start = desired;
    from = `${project.schemaPath} in the ${files.label}`;
    to = `${project.schemaPath} edited by "${options.description}"`;
    desired = edited;
  }
  // Migrations written since the base (an earlier `generate --write`, or the PR's own): start from them replayed.
  const baseFolders = await readPrismaFolders(project, baseFiles);
  const headFolders = await readPrismaFolders(project, files);
  const known = new Set(baseFolders.map((folder) => folder.name));
  const newer = description ? [] : headFolders.filter((folder) => !known.has(folder.name));
  if (newer.length > 0)
    from = `${project.folder} in the ${files.label}, replayed (${newer.length} migration(s) newer than ${baseRef})`;
  options.log?.(`generate: diffing ${from} → ${to} with Prisma's schema engine`);
  const folders = options.drift === false ? undefined : baseFolders;
  const diff = await diffPrismaSchemas({
    base: start,
    desired,
    ...(newer.length > 0 ? { startFromFolders: headFolders } : {}),
    ...(folders ? { folders } : {}),
    ...(options.log ? { log: () => {} } : {}),
  });
  const result: GenerateResult = {
    tool: "prisma",
    project: project.folder,
    from,
    to,
    ...(description ? { description } : {}),
    engineSql: diff.sql,
    files: generated,
    notes: [],
    refusals: [],
    drift: diff.drift,
    analysis: null,
    rows: null,
  };
  if (newer.length > 0)
    result.notes.push(
      `${newer.map((f) => f.name).join(", ")} ${newer.length === 1 ? "is" : "are"} newer than ${baseRef}: the diff starts from all migrations replayed, so it holds only what they lack (and any old drift, which cannot be told apart here)`,
    );
  if (!diff.sql) return result;

  let sql = diff.sql;
  const renames = [...(options.renames ?? [])];
  if (description?.kind === "rename-column")
    renames.push({ table: description.table, from: description.from, to: description.to });
  for (const rename of renames) sql = renameInSql(sql, rename.table, rename.from, rename.to);
  result.notes.push(...renameQuestions(sql));
  const backfill = { ...(options.backfill ?? {}) };
  if (description?.kind === "add-column") {
    const value = backfillSql(description.column);
    if (value !== undefined) backfill[`${description.table}.${description.column.name}`] = value;
  }
  const plan = options.plain
    ? { migrations: [{ suffix: null, sql }], notes: [], refusals: [] }
    : makeSafe(sql, { backfill });
  result.notes.push(...plan.notes);
  if (plan.refusals.length > 0) {
    result.refusals = plan.refusals.map((refusal) => ({ ...refusal, edit: exactEdit(refusal, desired, description) }));
    return result;
  }
  const existing = (await files.list(project.folder)).map(
    (file) => file.slice(project.folder.length + 1).split("/")[0] as string,
  );
  const slug = migrationSlug(options.name ?? description?.slug ?? "migration");
  const now = options.now ?? new Date();
  plan.migrations.forEach((migration, i) => {
    const folder = `${migrationTimestamp(now, existing, i)}_${slug}${migration.suffix ? `_${migration.suffix}` : ""}`;
    generated.push({
      path: path.join(project.folder, folder, "migration.sql"),
      before: null,
      content: migration.sql,
      role: "migration",
    });
  });
  if (options.verify !== false) await verify(result, files, config, options);
  return result;
}

/** Replays the generated migrations after the history: rules, trace, rollback round trip, and rows. */
async function verify(result: GenerateResult, files: FileSource, config: Config, options: GenerateOptions) {
  const written = new Map(result.files.map((file) => [file.path, file.content]));
  const after = new OverlayFiles(files, written);
  const before = new OverlayFiles(
    files,
    new Map(result.files.filter((f) => f.role === "schema").map((file) => [file.path, file.content])),
  );
  const analysis = await analyze([], {
    root: options.root,
    format: "json",
    trace: true,
    rollbacks: true,
    verify: true,
    color: false,
    files: after,
    baseFiles: before,
    ...(options.config ? { config: options.config } : {}),
    ...(options.pgVersion ? { pgVersion: options.pgVersion } : {}),
    ...(options.log ? { log: options.log } : {}),
  });
  result.analysis = analysis.result;
  for (const file of analysis.rollbackFiles)
    result.files.push({ path: file.path, before: file.before, content: file.after, role: "rollback" });
  const history = analysis.history.get(result.project) ?? [];
  const generatedPaths = new Set(result.files.map((f) => f.path));
  const baseHistory = history.filter((m) => !generatedPaths.has(m.path));
  const added = history.filter((m) => generatedPaths.has(m.path));
  result.rows = await replayWithRows(baseHistory, added, {
    budgetMs: config.trace.budgetSeconds * 1000,
    ...(options.log ? { log: options.log } : {}),
  });
}

/** Django's question, asked and never answered for the author: a drop and an add on one table may be a rename. */
function renameQuestions(sql: string): string[] {
  const questions: string[] = [];
  for (const match of sql.matchAll(/ALTER TABLE "([^"]+)" DROP COLUMN "([^"]+)",\s*ADD COLUMN\s+"([^"]+)"/g)) {
    const [, table, dropped, added] = match as unknown as string[];
    questions.push(
      `"${table}": "${dropped}" is dropped and "${added}" added, which loses "${dropped}"'s data. If it is a rename, say so: \`--rename ${table}.${dropped}=${added}\` (or the description \`rename column ${dropped} to ${added} in ${table}\`)`,
    );
  }
  return questions;
}

/** The edit that makes a refused change safe, said in the schema's own terms. */
function exactEdit(refusal: Refusal, schema: SchemaFile[], description: Description | undefined): string {
  if (description)
    return `say what existing rows get: add \`default <value>\` (kept as the column default) or \`backfill <value>\` (existing rows only) to the description`;
  const field = findField(schema, refusal.table, refusal.column);
  const where = field
    ? `${field.path}:${field.line}: \`${field.text.trim()}\``
    : `the ${refusal.column} field of model ${refusal.table}`;
  return `${where} — give existing rows a value: rerun with \`--backfill ${refusal.column}=<SQL value>\` (added nullable, backfilled, then SET NOT NULL through a validated CHECK), or add \`@default(<value>)\` to the field, or make it optional (\`?\`) for now`;
}

function findField(schema: SchemaFile[], model: string, column: string) {
  for (const file of schema) {
    const lines = file.content.split("\n");
    let inModel = false;
    for (const [i, text] of lines.entries()) {
      const open = /^\s*model\s+(\w+)\s*\{/.exec(text);
      if (open) inModel = open[1] === model || file.content.includes(`@@map("${model}")`);
      else if (/^\s*\}/.test(text)) inModel = false;
      else if (inModel && (new RegExp(`^\\s*${column}\\s`).test(text) || text.includes(`@map("${column}")`)))
        return { path: file.path, line: i + 1, text };
    }
  }
  return undefined;
}
