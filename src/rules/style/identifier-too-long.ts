import { scanSync } from "libpg-query";
import type { StatementRule } from "../types.js";

/** PostgreSQL's NAMEDATALEN - 1: longer names are cut without an error. */
const MAX_IDENTIFIER_BYTES = 63;
/** 22 characters is the shortest a 64-byte name can be (3-byte UTF-8 characters). */
const LONG_WORD = /[^\s,;()=<>'"]{22,}|"[^"]{22,}"/;

/**
 * Identifiers over 63 bytes are silently truncated, so two long names can
 * collide and later lookups by the full name miss. The parser already
 * truncates names in the AST, so this reads the scanner's tokens instead.
 */
export const identifierTooLong: StatementRule = {
  kind: "statement",
  meta: {
    id: "identifier-too-long",
    category: "style",
    severity: "info",
    enabledByDefault: false,
    summary: "identifier over 63 bytes (silently truncated)",
    lock: null,
  },
  check(statement) {
    // Scanning is the costly part: skip statements with no run of characters long enough to be such a name.
    if (!LONG_WORD.test(statement.sql)) return [];
    const long = new Set<string>();
    for (const token of scanSync(statement.sql).tokens) {
      if (token.tokenName !== "IDENT") continue;
      const name = token.text.startsWith('"')
        ? token.text.slice(1, -1).replaceAll('""', '"')
        : token.text.toLowerCase();
      if (Buffer.byteLength(name, "utf8") > MAX_IDENTIFIER_BYTES) long.add(name);
    }
    return [...long].map((name) => ({
      message: `identifier \`${name}\` is ${Buffer.byteLength(name, "utf8")} bytes; PostgreSQL keeps only the first 63, so code that uses the full name will not find it`,
      fix: "shorten the name to 63 bytes or fewer",
    }));
  },
};
