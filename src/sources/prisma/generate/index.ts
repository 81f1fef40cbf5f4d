/**
 * `generate` for Prisma: the SQL comes from Prisma's own schema engine, diffing
 * the schema at the base (HEAD, or --base) against the desired one (the working
 * tree's, or one a description edited), written as Prisma names and formats a
 * migration folder (`<UTC timestamp>_<name>/migration.sql`).
 */
import path from "node:path/posix";
import type { Project } from "../../../types.js";
import type { FileSource } from "../../../workspace/types.js";
import { PRISMA_MIGRATION_DIR } from "../detect.js";
import { type EngineTarget, openSchemaEngine, type PrismaMigrationFolder } from "./schema-engine.js";

export interface SchemaFile {
  /** Repo-relative path. */
  path: string;
  content: string;
}

/** The .prisma files that make up a project's schema: one file, or every file of a schema folder. */
export async function readPrismaSchema(project: Project, files: FileSource): Promise<SchemaFile[]> {
  const schemaPath = project.schemaPath;
  if (!schemaPath) return [];
  const single = await files.read(schemaPath);
  if (single) {
    const content = single.toString("utf8");
    // prismaSchemaFolder (Prisma 5.15+): every .prisma file beside the main one is part of the schema.
    if (!/\bprismaSchemaFolder\b/.test(content)) return [{ path: schemaPath, content }];
    return readFolder(files, path.dirname(schemaPath));
  }
  return readFolder(files, schemaPath);
}

async function readFolder(files: FileSource, folder: string): Promise<SchemaFile[]> {
  const found: SchemaFile[] = [];
  for (const file of (await files.list(folder)).filter((f) => f.endsWith(".prisma"))) {
    const content = await files.read(file);
    if (content) found.push({ path: file, content: content.toString("utf8") });
  }
  return found;
}

/** The migration folders of a project as the engine reads them (for drift). */
export async function readPrismaFolders(project: Project, files: FileSource): Promise<PrismaMigrationFolder[]> {
  const folders: PrismaMigrationFolder[] = [];
  for (const file of await files.list(project.folder)) {
    const match = /([^/]+)\/migration\.sql$/.exec(file);
    if (!match || path.dirname(path.dirname(file)) !== project.folder) continue;
    const sql = await files.read(file);
    if (sql) folders.push({ name: match[1] as string, sql: sql.toString("utf8") });
  }
  return folders.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Prisma's folder name part: lower case, anything but letters, digits and `_` becomes `_`. */
export function migrationSlug(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 200);
  return slug || "migration";
}

/** `YYYYMMDDHHMMSS` in UTC, as Prisma names folders; later than every existing folder. */
export function migrationTimestamp(now: Date, existing: string[], offsetSeconds = 0): string {
  const latest = existing
    .filter((name) => PRISMA_MIGRATION_DIR.test(name))
    .map((name) => name.slice(0, 14))
    .sort()
    .at(-1);
  let time = new Date(now.getTime() + offsetSeconds * 1000);
  if (latest && format(time) <= latest) time = new Date(parseStamp(latest).getTime() + (offsetSeconds + 1) * 1000);
  return format(time);
}

function format(date: Date): string {
  return date.toISOString().replace(/[-:T]/g, "").slice(0, 14);
}

function parseStamp(stamp: string): Date {
  const [y, mo, d, h, mi, s] = [0, 4, 6, 8, 10, 12].map((at, i) => Number(stamp.slice(at, at + (i === 0 ? 4 : 2))));
  return new Date(Date.UTC(y as number, (mo as number) - 1, d, h, mi, s));
}

export interface PrismaDiff {
  /** The SQL Prisma writes for the change, or "" when the schemas are equivalent. */
  sql: string;
  /**
   * What the replayed migrations lack to match the base schema: old drift,
   * reported apart and never folded into the new migration. Null when not computed.
   */
  drift: string | null;
}

export interface PrismaDiffInput {
  base: SchemaFile[];
  /**
   * Migration folders newer than the base are already written: the diff then
   * starts from the whole folder replayed (what `prisma migrate dev` does), so
   * it covers only what they lack. Drift cannot be told apart then.
   */
  startFromFolders?: PrismaMigrationFolder[];
  desired: SchemaFile[];
  /** The base's migration folders, to report drift against the base schema. */
  folders?: PrismaMigrationFolder[];
  log?: (message: string) => void;
}

/** Diffs base → desired schema with Prisma's engine (and, given the folders, history → base for drift). */
export async function diffPrismaSchemas(input: PrismaDiffInput): Promise<PrismaDiff> {
  const engine = await openSchemaEngine(input.log ? { log: input.log } : {});
  try {
    const target = (files: SchemaFile[]): EngineTarget => ({ kind: "schema", files });
    const base: EngineTarget = input.base.length > 0 ? target(input.base) : { kind: "empty" };
    const start: EngineTarget = input.startFromFolders ? { kind: "migrations", folders: input.startFromFolders } : base;
    const sql = await engine.diff(start, target(input.desired));
    let drift: string | null = null;
    if (input.folders && input.base.length > 0 && !input.startFromFolders) {
      drift = await engine.diff({ kind: "migrations", folders: input.folders }, base);
    }
    return { sql: isEmptyScript(sql) ? "" : sql, drift: drift !== null && isEmptyScript(drift) ? "" : drift };
  } finally {
    await engine.close();
  }
}

/** The engine answers "no difference" with an empty script or only its comment. */
function isEmptyScript(sql: string): boolean {
  return sql.replace(/--[^\n]*\n?/g, "").trim() === "";
}
