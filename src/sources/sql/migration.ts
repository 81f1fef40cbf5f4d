/** Building Migration records from files, shared by every file-based convention (and Prisma). */
import type { Convention, DownScript, Migration, Problem, Project, Statement } from "../../types.js";
import type { FileSource } from "../../workspace/types.js";
import { parseText, type ReadOptions, readText, wholeFileSpan } from "./read.js";

export interface MigrationParts {
  id: string;
  name: string;
  path: string;
  order: string;
  repeatable?: boolean;
  unrecognized?: string;
}

/** Reads and parses one up file into a Migration (parents are linked later, in order). */
export async function loadUpFile(
  project: Project,
  files: FileSource,
  parts: MigrationParts,
  options: ReadOptions,
): Promise<Migration & { text: string | null }> {
  const read = await readText(files, parts.path, options);
  const parsed = read.text === null ? { statements: [], problems: [] } : parseText(read.text, parts.path, options);
  return {
    ...migrationShell(project, parts),
    statements: parsed.statements,
    problems: [...read.problems, ...parsed.problems],
    ...(read.checksum ? { checksum: read.checksum } : {}),
    text: read.text,
  };
}

export function migrationShell(project: Project, parts: MigrationParts): Migration {
  return {
    id: parts.id,
    name: parts.name,
    path: parts.path,
    tool: project.tool,
    convention: project.convention as Convention,
    parents: [],
    order: parts.order,
    ...(parts.repeatable ? { repeatable: true } : {}),
    transactional: project.transactional,
    statements: [],
    down: null,
    problems: [],
    ...(parts.unrecognized ? { unrecognized: parts.unrecognized } : {}),
  };
}

/** A separate down file (`.down.sql`, `down.sql`, `U1__x.sql`, `revert/x.sql`). */
export async function loadDownFile(
  files: FileSource,
  path: string,
  options: ReadOptions,
): Promise<{ down: DownScript; problems: Problem[] }> {
  const read = await readText(files, path, options);
  if (read.text === null) return { down: { path, statements: [], empty: true }, problems: read.problems };
  const parsed = parseText(read.text, path, options);
  return {
    down: {
      path,
      statements: parsed.statements,
      empty: parsed.statements.length === 0,
      span: wholeFileSpan(read.text),
    },
    problems: parsed.problems,
  };
}

/** Strips the helper field and links each recognised migration to the one before it. */
export function linkLinear(migrations: Array<Migration & { text?: string | null }>): Migration[] {
  let previous: string | undefined;
  return migrations.map(({ text: _text, ...migration }) => {
    if (!migration.unrecognized && !migration.repeatable) {
      migration.parents = previous === undefined ? [] : [previous];
      previous = migration.id;
    }
    return migration;
  });
}

/** Marks every statement as running outside the tool's transaction (dbmate `transaction:false`). */
export function markAutocommit(statements: Statement[]): void {
  for (const statement of statements) statement.autocommit = true;
}

/** `v1.2_x` → `x`-style readable names: underscores to spaces. */
export function readableName(raw: string): string {
  return raw.replace(/_/g, " ").trim();
}
