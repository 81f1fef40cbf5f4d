/**
 * Files holding both directions, split by marker lines: dbmate's
 * `-- migrate:up` / `-- migrate:down`, goose's `-- +goose Up` / `Down`.
 */
import type { Migration, SourceSpan } from "../../types.js";
import { markAutocommit } from "./migration.js";
import { parseText, type ReadOptions } from "./read.js";

export interface Section {
  text: string;
  /** Lines before the section's first line. */
  lineOffset: number;
  transaction: boolean;
  markerLine: number;
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
