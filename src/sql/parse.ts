/**
 * The SQL layer: split a file into statements with exact locations using
 * PostgreSQL's own scanner and parser (libpg-query), keep comments for ignore
 * directives, and go on past a statement that does not parse.
 */
import { loadModule, parseSync, type ScanToken, scanSync } from "libpg-query";
import type { Problem, SourceSpan, Statement } from "../types.js";
import { parseIgnoreDirectives } from "./ignore.js";
import { type MaskedSql, maskNonSql } from "./mask.js";
import { findPlaceholders, substitutePlaceholders } from "./templates.js";

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

  const tokens = scanTokens(masked.text);
  const comments = tokens.filter((t) => COMMENT_TOKENS.has(t.tokenName));
  const codeTokens = tokens.filter((t) => !COMMENT_TOKENS.has(t.tokenName));

  const chunks = statementChunks(masked.text, codeTokens, problems, path, locate);
  const statements: Statement[] = [];
  const ends: number[] = [];
  for (const chunk of chunks) {
    const first = codeTokens.find((t) => t.start >= chunk.start && t.end <= chunk.end);
    if (!first) continue;
    const lastToken = lastTokenIn(codeTokens, chunk);
    const start = first.start;
    const end = lastToken.text === SEMICOLON ? lastToken.start : lastToken.end;
    const sql = original.subarray(start, end).toString("utf8").trim();
    const span = spanOf(locate, start, lastToken.end);
    const statement: Statement = { sql, ast: null, kind: "Unparsed", path, span, ignores: [] };
    ends.push(lastToken.end);
    const copyData = masked.copyData.get(statementEndLine(locate, lastToken.end));
    if (copyData !== undefined) statement.copyData = copyData;

    const placeholders = findPlaceholders(sql);
    if (placeholders.length > 0) {
      problems.push({
        rule: "templated-sql",
        severity: "error",
        path,
        span,
        message: `templated SQL: placeholder ${placeholders.map((p) => `\`${p}\``).join(", ")} is filled in by a tool before PostgreSQL sees it, so this statement cannot be analysed`,
        fix: "give its value under `templates.vars` in .db-migrate.yml, or exclude the file with `exclude`",
      });
      statements.push(statement);
      continue;
    }
    try {
      const parsed = parseSync(sql);
      const raw = parsed.stmts?.[0];
      if (raw?.stmt) {
        statement.ast = raw.stmt;
        statement.kind = Object.keys(raw.stmt)[0] ?? "Unknown";
      }
      if ((parsed.stmts?.length ?? 0) > 1) {
        // A SQL-standard function body (BEGIN ATOMIC … END) holds semicolons of its own.
        statement.kind = statement.kind || "Unknown";
      }
    } catch (error) {
      problems.push(parseProblem(error, sql, path, start, original, locate));
    }
    statements.push(statement);
  }
  attachDirectives(statements, ends, comments, codeTokens, locate);
  for (const meta of masked.metaCommands) {
    if (meta.command === "\\i" || meta.command === "\\ir" || meta.command === "\\include") {
      problems.push({
        rule: "unanalyzed-operation",
        severity: "info",
        path,
        span: { line: meta.line + (options.lineOffset ?? 0), column: 1, endLine: meta.line, endColumn: 1 },
        message: `psql \`${meta.command}\` includes another file; its statements are not analysed here`,
      });
    }
  }
  return { statements, problems };
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
      const semicolon = codeTokens.find((t) => t.start >= end && t.text === SEMICOLON);
      const next = codeTokens.find((t) => t.start >= end);
      return { start, end: semicolon && semicolon === next ? semicolon.end : end };
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

function lastTokenIn(tokens: ScanToken[], chunk: Chunk): ScanToken {
  let last = tokens[0] as ScanToken;
  for (const token of tokens) {
    if (token.start >= chunk.end) break;
    if (token.start >= chunk.start) last = token;
  }
  return last;
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
    let owner = ends.findIndex((end) => end > comment.start);
    const previous = owner === -1 ? statements.length - 1 : owner - 1;
    const before = statements[previous];
    if (
      before &&
      before.span.endLine === line &&
      !codeTokens.some((t) => t.start >= (ends[previous] as number) && t.start < comment.start && t.text !== SEMICOLON)
    ) {
      owner = previous;
    }
    statements[owner]?.ignores.push(...directives);
  }
}

function statementEndLine(locate: Locator, offset: number): number {
  return locate(offset).line;
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
