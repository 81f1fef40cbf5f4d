/**
 * dbmate: one file per migration with a `-- migrate:up` section and an
 * optional `-- migrate:down` section. `transaction:false` after a marker runs
 * that section outside dbmate's transaction.
 */
import type { Migration, Project, SourceSpan } from "../../types.js";
import type { FileSource } from "../../workspace/types.js";
import { DBMATE_DOWN, DBMATE_UP } from "./conventions.js";
import { markAutocommit, migrationShell } from "./migration.js";
import { FILE_START, parseText, type ReadOptions, readText } from "./read.js";

export interface Section {
  text: string;
  /** Lines before the section's first line. */
  lineOffset: number;
  transaction: boolean;
  markerLine: number;
}

export async function loadDbmateFile(
  project: Project,
  files: FileSource,
  parts: { id: string; name: string; path: string; order: string },
  options: ReadOptions,
): Promise<Migration> {
  const migration = migrationShell(project, parts);
  const read = await readText(files, parts.path, options);
  if (read.checksum) migration.checksum = read.checksum;
  migration.problems.push(...read.problems);
  if (read.text === null) return migration;
  const { up, down } = dbmateSections(read.text);
  if (!up) {
    migration.problems.push({
      rule: "parse-error",
      severity: "error",
      path: parts.path,
      span: FILE_START,
      message: "dbmate requires a `-- migrate:up` line; it refuses to run this file",
      fix: "start the file with `-- migrate:up`, and put the rollback under `-- migrate:down`",
    });
    return migration;
  }
  const parsedUp = parseText(up.text, parts.path, options, up.lineOffset);
  migration.statements = parsedUp.statements;
  migration.problems.push(...parsedUp.problems);
  migration.transactional = project.transactional && up.transaction;
  if (!up.transaction) markAutocommit(migration.statements);
  if (down) loadDownSection(migration, down, parts.path, options);
  return migration;
}

/** Fills `migration.down` from the down section of a file that holds both directions (dbmate, goose). */
export function loadDownSection(migration: Migration, down: Section, file: string, options: ReadOptions): void {
  const parsed = parseText(down.text, file, options, down.lineOffset);
  if (!down.transaction) markAutocommit(parsed.statements);
  migration.down = {
    path: file,
    statements: parsed.statements,
    empty: parsed.statements.length === 0,
    span: sectionSpan(down),
  };
  migration.problems.push(...parsed.problems);
}

/** The up and down sections of a dbmate file, by their marker lines. */
export function dbmateSections(text: string): { up: Section | null; down: Section | null } {
  return markedSections(text, DBMATE_UP, DBMATE_DOWN);
}

/** Up and down sections of a file split by marker lines (dbmate `-- migrate:up`, goose `-- +goose Up`). */
export function markedSections(
  text: string,
  upMarker: RegExp,
  downMarker: RegExp,
): { up: Section | null; down: Section | null } {
  const upMatch = upMarker.exec(text);
  const downMatch = downMarker.exec(text);
  const section = (match: RegExpExecArray, end: number): Section => {
    const markerEnd = text.indexOf("\n", match.index);
    const start = markerEnd === -1 ? text.length : markerEnd + 1;
    const lineOffset = text.slice(0, start).split("\n").length - 1;
    const body = start <= end ? text.slice(start, end) : "";
    return {
      text: body,
      lineOffset,
      transaction: !/\btransaction\s*:\s*false\b/i.test(match.groups?.options ?? ""),
      markerLine: lineOffset,
    };
  };
  const up = upMatch
    ? section(upMatch, downMatch && downMatch.index > upMatch.index ? downMatch.index : text.length)
    : null;
  const down = downMatch
    ? section(downMatch, upMatch && upMatch.index > downMatch.index ? upMatch.index : text.length)
    : null;
  return { up, down };
}

export function sectionSpan(section: Section): SourceSpan {
  const lines = section.text.split("\n").length;
  return { line: section.markerLine, column: 1, endLine: section.markerLine + Math.max(0, lines - 1), endColumn: 1 };
}
