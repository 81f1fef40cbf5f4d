import { createHash } from 'node:crypto';
import { p as parseSql } from './parse-B8Y706Yp.js';

const DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;
function decodeSourceFile(bytes, path, maxBytes = DEFAULT_MAX_FILE_BYTES) {
  const at = { line: 1, column: 1, endLine: 1, endColumn: 1 };
  const fail = (message, fix) => ({
    ok: false,
    problem: { rule: "unreadable-file", severity: "error", path, span: at, message, fix }
  });
  if (bytes.length > maxBytes) {
    return fail(
      `file is ${(bytes.length / 1024 / 1024).toFixed(1)} MB, over the ${(maxBytes / 1024 / 1024).toFixed(0)} MB limit for a migration; it was not analysed`,
      "split it, or raise `max-file-size` in .db-migrate.yml; data dumps belong outside the migrations folder"
    );
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return fail(
      `binary file (NUL byte at offset ${nul}); it was not analysed`,
      "keep only text migrations in the folder, or `exclude` this file"
    );
  }
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return { ok: true, text: text.startsWith("\uFEFF") ? text.slice(1) : text };
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const line = bytes.subarray(0, bad).toString("latin1").split("\n").length;
    return {
      ok: false,
      problem: {
        rule: "unreadable-file",
        severity: "error",
        path,
        span: { line, column: 1, endLine: line, endColumn: 1 },
        message: `not valid UTF-8 (first bad byte at offset ${bad}, line ${line}); it was not analysed`,
        fix: "re-save the file as UTF-8"
      }
    };
  }
}
function firstInvalidUtf8(bytes) {
  let i = 0;
  while (i < bytes.length) {
    const byte = bytes[i];
    const length = byte < 128 ? 1 : byte >> 5 === 6 ? 2 : byte >> 4 === 14 ? 3 : byte >> 3 === 30 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      if (((bytes[i + k] ?? 0) & 192) !== 128) return i;
    }
    i += length;
  }
  return bytes.length;
}

const FILE_START = { line: 1, column: 1, endLine: 1, endColumn: 1 };
async function readText(files, path, options) {
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
          fix: "check the file exists and is readable"
        }
      ]
    };
  }
  const checksum = createHash("sha256").update(bytes).digest("hex");
  const decoded = decodeSourceFile(bytes, path, options.maxFileBytes);
  if (!decoded.ok) return { text: null, checksum, problems: [decoded.problem] };
  return { text: decoded.text, checksum, problems: [] };
}
function parseText(text, path, options, lineOffset = 0) {
  return parseSql(text, path, { ...options.templateVars ? { templateVars: options.templateVars } : {}, lineOffset });
}
function wholeFileSpan(text, lineOffset = 0) {
  const lines = text.split("\n");
  return { line: 1 + lineOffset, column: 1, endLine: Math.max(1, lines.length) + lineOffset, endColumn: 1 };
}
function excludeMatcher(patterns) {
  if (!patterns || patterns.length === 0) return () => false;
  const expressions = patterns.map((pattern) => new RegExp(`^${globSource(pattern.replace(/^\.\//, ""))}$`));
  return (path) => expressions.some((expression) => expression.test(path));
}
function globSource(pattern) {
  let source = "";
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
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

export { FILE_START as F, decodeSourceFile as d, excludeMatcher as e, parseText as p, readText as r, wholeFileSpan as w };
