/** Reading one migration file: bytes -> checksum, decoded text, parsed statements, problems. */
import { createHash } from "node:crypto";
import { decodeSourceFile } from "../../sql/input.js";
import { type ParsedSql, parseSql } from "../../sql/parse.js";
import type { Problem, SourceSpan } from "../../types.js";
import type { FileSource } from "../../workspace/types.js";

export interface ReadOptions {
  templateVars?: Record<string, string>;
  maxFileBytes?: number;
  /**
   * Parses shared within one run: a file identical at the base and the head is
   * parsed once. Keyed by path, line offset and text; the template values are
   * the run's own.
   */
  parseCache?: Map<string, ParsedSql>;
}

export interface ReadFile {
  /** Null when the file could not be read or decoded (then `problems` says why). */
  text: string | null;
  checksum?: string;
  problems: Problem[];
}

export const FILE_START: SourceSpan = { line: 1, column: 1, endLine: 1, endColumn: 1 };

export async function readText(files: FileSource, path: string, options: ReadOptions): Promise<ReadFile> {
  const bytes = await files.read(path);
  if (!bytes) {
    return {
      text: null,
      problems: [
        {
          rule: "unreadable-file",
          severity: "error",
          path,
          span: FILE_START,
          message: `cannot read ${path} from ${files.label}`,
          fix: "check the file exists and is readable",
        },
      ],
    };
  }
  const checksum = createHash("sha256").update(bytes).digest("hex");
  const decoded = decodeSourceFile(bytes, path, options.maxFileBytes);
  if (!decoded.ok) return { text: null, checksum, problems: [decoded.problem] };
  return { text: decoded.text, checksum, problems: [] };
}

/** Statements of `text` (or of one section of it, starting at `lineOffset`), with their problems. */
export function parseText(text: string, path: string, options: ReadOptions, lineOffset = 0): ParsedSql {
  const key = options.parseCache ? `${path}\0${lineOffset}\0${text}` : "";
  const cached = options.parseCache?.get(key);
  if (cached) return cached;
  const parsed = parseSql(text, path, {
    ...(options.templateVars ? { templateVars: options.templateVars } : {}),
    lineOffset,
  });
  options.parseCache?.set(key, parsed);
  return parsed;
}

/** The span of a whole file's text, for a down script's location. */
export function wholeFileSpan(text: string, lineOffset = 0): SourceSpan {
  const lines = text.split("\n");
  return { line: 1 + lineOffset, column: 1, endLine: Math.max(1, lines.length) + lineOffset, endColumn: 1 };
}

/**
 * `exclude` globs from .db-migrate.yml, matched against repo-relative paths:
 * `*` within a segment, `**` across segments, `?` one character.
 */
export function excludeMatcher(patterns: string[] | undefined): (path: string) => boolean {
  if (!patterns || patterns.length === 0) return () => false;
  const expressions = patterns.map((pattern) => new RegExp(`^${globSource(pattern.replace(/^\.\//, ""))}$`));
  return (path) => expressions.some((expression) => expression.test(path));
}

function globSource(pattern: string): string {
  let source = "";
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i] as string;
    if (char === "*" && pattern[i + 1] === "*") {
      const slash = pattern[i + 2] === "/";
      source += slash ? "(?:.*/)?" : ".*";
      i += slash ? 2 : 1;
    } else if (char === "*") source += "[^/]*";
    else if (char === "?") source += "[^/]";
    else source += char.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return source;
}
