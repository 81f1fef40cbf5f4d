/**
 * The SQL layer: split a file into statements with exact locations using
 * PostgreSQL's own scanner and parser (libpg-query), keep comments for ignore
 * directives, and go on past a statement that does not parse.
 */

import type { Node } from "@pgsql/types";
import { loadModule, parseSync, type ScanToken, scanSync } from "libpg-query";
import type { Problem, SourceSpan, Statement } from "../types.js";
import { parseIgnoreDirectives } from "./ignore.js";
import { type MaskedSql, maskNonSql } from "./mask.js";
import {
  findPlaceholders,
  hasPlaceholders,
  placeholderKeys,
  substitutePlaceholders,
  templateVarsHint,
} from "./templates.js";

let loading: Promise<void> | undefined;

/** Loads the parser's WASM once. Every other function here needs it loaded. */
export function loadParser(): Promise<void> {
  loading ??= loadModule();
  return loading;
}

export interface ParseOptions {
  /** Values for `{{ name }}` / `${name}` placeholders (config `templates`). */
  templateVars?: Record<string, string>;
  /** Added to every line (for SQL embedded in another file). */
  lineOffset?: number;
}

export interface ParsedSql {
  statements: Statement[];
  problems: Problem[];
}

interface Chunk {
  start: number;
  end: number;
  /** The statement's AST when the whole file parsed at once. */
  ast?: Node;
}

const COMMENT_TOKENS = new Set(["SQL_COMMENT", "C_COMMENT"]);
const SEMICOLON = ";";

/** Parses one file's SQL text. Never throws for bad SQL: problems carry the location. */
export function parseSql(text: string, path: string, options: ParseOptions = {}): ParsedSql {
  const problems: Problem[] = [];
  const source = options.templateVars ? substitutePlaceholders(text, options.templateVars) : text;
  const masked = maskNonSql(source);
  const bytes = Buffer.from(masked.text, "utf8");
  const original = Buffer.from(source, "utf8");
  const locate = lineLocator(bytes, options.lineOffset ?? 0);

  // A placeholder can hide in a string or a dollar-quoted body of SQL that parses: the full path checks every statement.
  const quick =
    source.includes("db-migrate:ignore") || hasPlaceholders(source)
      ? null
      : splitWithoutScanner(masked.text, original, path, locate);
  if (quick) {
    for (const statement of quick) {
      const copyData = masked.copyData.get(statement.span.endLine - (options.lineOffset ?? 0));
      if (copyData !== undefined) statement.copyData = copyData;
    }
    return { statements: quick, problems: [...problems, ...metaCommandProblems(masked, path, options)] };
  }

  const tokens = scanTokens(masked.text);
  const comments = tokens.filter((t) => COMMENT_TOKENS.has(t.tokenName));
  const codeTokens = tokens.filter((t) => !COMMENT_TOKENS.has(t.tokenName));

  const chunks = statementChunks(masked.text, codeTokens, problems, path, locate);
  const statements: Statement[] = [];
  const ends: number[] = [];
  for (const chunk of chunks) {
    const firstIndex = firstTokenAtOrAfter(codeTokens, chunk.start);
    const first = codeTokens[firstIndex];
    if (!first || first.end > chunk.end) continue;
    const lastToken = codeTokens[firstTokenAtOrAfter(codeTokens, chunk.end) - 1] as ScanToken;
    const start = first.start;
    const end = lastToken.text === SEMICOLON ? lastToken.start : lastToken.end;
    const sql = original.subarray(start, end).toString("utf8").trim();
    const span = spanOf(locate, start, lastToken.end);
    const statement: Statement = { sql, ast: null, kind: "Unparsed", path, span, ignores: [] };
    ends.push(lastToken.end);
    const copyData = masked.copyData.get(locate(lastToken.end).line);
    if (copyData !== undefined) statement.copyData = copyData;
    statements.push(statement);

    const placeholders = findPlaceholders(sql);
    if (placeholders.length > 0) {
      problems.push({
        rule: "templated-sql",
        severity: "error",
        path,
        span,
        message: `templated SQL: placeholder ${placeholders.map((p) => `\`${p}\``).join(", ")} is filled in by a tool before PostgreSQL sees it, so this statement cannot be analysed or replayed; set ${placeholderKeys(
          sql,
        )
          .map((key) => `\`templates.vars\` key \`${key}\``)
          .join(", ")} in .db-migrate.yml`,
        fix: `add \`${templateVarsHint(placeholderKeys(sql))}\` to .db-migrate.yml, or exclude the file with \`exclude\``,
      });
      continue;
    }
    if (chunk.ast) {
      statement.ast = chunk.ast;
      statement.kind = Object.keys(chunk.ast)[0] ?? "Unknown";
      continue;
    }
    try {
      const raw = parseSync(sql).stmts?.[0];
      if (raw?.stmt) {
        statement.ast = raw.stmt;
        statement.kind = Object.keys(raw.stmt)[0] ?? "Unknown";
      }
    } catch (error) {
      problems.push(parseProblem(error, sql, path, start, original, locate));
    }
  }
  attachDirectives(statements, ends, comments, codeTokens, locate);
  return { statements, problems: [...problems, ...metaCommandProblems(masked, path, options)] };
}

function metaCommandProblems(masked: MaskedSql, path: string, options: ParseOptions): Problem[] {
  return masked.metaCommands
    .filter((meta) => meta.command === "\\i" || meta.command === "\\ir" || meta.command === "\\include")
    .map((meta) => {
      const line = meta.line + (options.lineOffset ?? 0);
      return {
        rule: "unanalyzed-operation",
        severity: "info",
        path,
        span: { line, column: 1, endLine: line, endColumn: 1 },
        message: `psql \`${meta.command}\` includes another file; its statements are not analysed here`,
      };
    });
}

const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d, 0x0c]);

/**
 * The common case, without the scanner: the whole file parses, no ignore
 * directive needs comments, and no statement carries a comment inside its
 * text. The parser's own locations then give exact spans. Null otherwise.
 */
function splitWithoutScanner(text: string, original: Buffer, path: string, locate: Locator): Statement[] | null {
  let parsed: ReturnType<typeof parseSync>;
  try {
    parsed = parseSync(text);
  } catch {
    return null;
  }
  const statements: Statement[] = [];
  for (const raw of parsed.stmts ?? []) {
    let start = raw.stmt_location ?? 0;
    let end = raw.stmt_len ? start + raw.stmt_len : original.length;
    while (start < end && WHITESPACE.has(original[start] as number)) start++;
    while (end > start && WHITESPACE.has(original[end - 1] as number)) end--;
    const sql = original.subarray(start, end).toString("utf8");
    if (!raw.stmt || sql.includes("--") || sql.includes("/*")) return null;
    let last = end;
    while (last < original.length && WHITESPACE.has(original[last] as number)) last++;
    const spanEnd = original[last] === 0x3b ? last + 1 : end;
    statements.push({
      sql,
      ast: raw.stmt,
      kind: Object.keys(raw.stmt)[0] ?? "Unknown",
      path,
      span: spanOf(locate, start, spanEnd),
      ignores: [],
    });
  }
  return statements;
}

function scanTokens(text: string): ScanToken[] {
  try {
    return scanSync(text).tokens;
  } catch {
    return [];
  }
}

/**
 * Statement boundaries. The parser's own stmt_location is exact (it knows
 * BEGIN ATOMIC bodies); when the whole file does not parse we fall back to the
 * scanner's top-level semicolons so one bad statement does not hide the rest.
 */
function statementChunks(
  text: string,
  codeTokens: ScanToken[],
  problems: Problem[],
  path: string,
  locate: Locator,
): Chunk[] {
  try {
    const parsed = parseSync(text);
    const byteLength = Buffer.byteLength(text, "utf8");
    return (parsed.stmts ?? []).map((raw) => {
      const start = raw.stmt_location ?? 0;
      const len = raw.stmt_len ?? 0;
      const end = len > 0 ? start + len : byteLength;
      const next = codeTokens[firstTokenAtOrAfter(codeTokens, end)];
      return { start, end: next?.text === SEMICOLON ? next.end : end, ...(raw.stmt ? { ast: raw.stmt } : {}) };
    });
  } catch {
    if (codeTokens.length === 0 && text.trim().length > 0) {
      problems.push({
        rule: "parse-error",
        severity: "error",
        path,
        span: spanOf(locate, 0, 0),
        message: "the file could not be tokenised as SQL (an unterminated quote or comment?)",
        fix: "check quotes and dollar-quoted bodies are closed",
      });
      return [];
    }
    const chunks: Chunk[] = [];
    let start = 0;
    for (const token of codeTokens) {
      if (token.text === SEMICOLON) {
        chunks.push({ start, end: token.end });
        start = token.end;
      }
    }
    const tail = codeTokens.at(-1);
    if (tail && tail.end > start) chunks.push({ start, end: tail.end });
    return chunks;
  }
}

/** Index of the first token starting at or after `offset` (tokens are in file order). */
function firstTokenAtOrAfter(tokens: ScanToken[], offset: number): number {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((tokens[mid] as ScanToken).start < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Index of the first statement end after `offset` (ends are in file order), or -1. */
function firstEndAfter(ends: number[], offset: number): number {
  let low = 0;
  let high = ends.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((ends[mid] as number) <= offset) low = mid + 1;
    else high = mid;
  }
  return low === ends.length ? -1 : low;
}

/**
 * Gives each comment's ignore directives to one statement: a comment after a
 * statement on its last line belongs to it; any other comment belongs to the
 * next statement (the one it sits above or inside).
 */
function attachDirectives(
  statements: Statement[],
  ends: number[],
  comments: ScanToken[],
  codeTokens: ScanToken[],
  locate: Locator,
): void {
  for (const comment of comments) {
    const directives = parseIgnoreDirectives(comment.text, locate(comment.start).line);
    if (directives.length === 0) continue;
    const line = locate(comment.start).line;
    let owner = firstEndAfter(ends, comment.start);
    const previous = owner === -1 ? statements.length - 1 : owner - 1;
    const before = statements[previous];
    if (before && before.span.endLine === line && !codeBetween(codeTokens, ends[previous] as number, comment.start)) {
      owner = previous;
    }
    statements[owner]?.ignores.push(...directives);
  }
}

/** Whether a code token other than a semicolon starts in [from, to). */
function codeBetween(tokens: ScanToken[], from: number, to: number): boolean {
  for (let i = firstTokenAtOrAfter(tokens, from); i < tokens.length && (tokens[i] as ScanToken).start < to; i++) {
    if ((tokens[i] as ScanToken).text !== SEMICOLON) return true;
  }
  return false;
}

function parseProblem(
  error: unknown,
  sql: string,
  path: string,
  statementStart: number,
  original: Buffer,
  locate: Locator,
): Problem {
  const details = (error as { sqlDetails?: { cursorPosition?: number } }).sqlDetails;
  const message = error instanceof Error ? error.message : String(error);
  // cursorPosition counts bytes from the start of the statement text we passed in.
  const leading =
    original.subarray(statementStart).toString("utf8").length -
    original.subarray(statementStart).toString("utf8").trimStart().length;
  const offset = statementStart + leading + Math.max(0, details?.cursorPosition ?? 0);
  const at = locate(Math.min(offset, original.length));
  return {
    rule: "parse-error",
    severity: "error",
    path,
    span: { line: at.line, column: at.column, endLine: at.line, endColumn: at.column },
    message: `PostgreSQL cannot parse this statement: ${message}`,
    fix: `fix the SQL near line ${at.line}, column ${at.column}; the rest of the file is still analysed (statement starts: ${sql.slice(0, 60).replace(/\s+/g, " ")})`,
  };
}

type Locator = (byteOffset: number) => { line: number; column: number };

/** Maps a UTF-8 byte offset to a 1-based line and a 1-based column in characters. */
function lineLocator(bytes: Buffer, lineOffset: number): Locator {
  const lineStarts = [0];
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0x0a) lineStarts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((lineStarts[mid] as number) <= offset) low = mid;
      else high = mid - 1;
    }
    const lineStart = lineStarts[low] as number;
    const column = bytes.subarray(lineStart, offset).toString("utf8").length + 1;
    return { line: low + 1 + lineOffset, column };
  };
}

function spanOf(locate: Locator, start: number, end: number): SourceSpan {
  const a = locate(start);
  const b = locate(Math.max(start, end - 1));
  return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
}

export type { MaskedSql };
