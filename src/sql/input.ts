import type { Problem } from "../types.js";

/** Larger migration files are reported, not parsed: no real migration is this big. */
export const DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;

export type DecodedFile = { ok: true; text: string } | { ok: false; problem: Problem };

/** Turns a file's bytes into text, or a problem that says what is wrong and where. */
export function decodeSourceFile(bytes: Buffer, path: string, maxBytes = DEFAULT_MAX_FILE_BYTES): DecodedFile {
  const at = { line: 1, column: 1, endLine: 1, endColumn: 1 };
  const fail = (message: string, fix: string): DecodedFile => ({
    ok: false,
    problem: { rule: "unreadable-file", severity: "error", path, span: at, message, fix },
  });
  if (bytes.length > maxBytes) {
    return fail(
      `file is ${(bytes.length / 1024 / 1024).toFixed(1)} MB, over the ${(maxBytes / 1024 / 1024).toFixed(0)} MB limit for a migration; it was not analysed`,
      "split it, or raise `max-file-size` in .db-migrate.yml; data dumps belong outside the migrations folder",
    );
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return fail(
      `binary file (NUL byte at offset ${nul}); it was not analysed`,
      "keep only text migrations in the folder, or `exclude` this file",
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
        fix: "re-save the file as UTF-8",
      },
    };
  }
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Buffer): number {
  let i = 0;
  while (i < bytes.length) {
    const byte = bytes[i] as number;
    const length = byte < 0x80 ? 1 : byte >> 5 === 0b110 ? 2 : byte >> 4 === 0b1110 ? 3 : byte >> 3 === 0b11110 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    }
    i += length;
  }
  return bytes.length;
}
