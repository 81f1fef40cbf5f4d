/**
 * Names SQLAlchemy shortens: a `conv` name (`op.f("…")`, a naming-convention
 * name) longer than PostgreSQL's 63 characters becomes its first 55
 * characters, `_`, and the last 4 hex digits of the MD5 of the whole name
 * (`IdentifierPreparer._truncate_and_render_maxlen_name`). A plain string
 * name is never shortened by SQLAlchemy (PostgreSQL itself truncates it).
 */
import { createHash } from "node:crypto";

/** PostgreSQL's NAMEDATALEN - 1, SQLAlchemy's `max_identifier_length` for it. */
const MAX_IDENTIFIER_LENGTH = 63;

export function truncatedConventionName(name: string): string {
  // Python counts code points; the hash is over UTF-8, as util.md5_hex does.
  const codePoints = Array.from(name);
  if (codePoints.length <= MAX_IDENTIFIER_LENGTH) return name;
  const digest = createHash("md5").update(name, "utf8").digest("hex");
  return `${codePoints.slice(0, MAX_IDENTIFIER_LENGTH - 8).join("")}_${digest.slice(-4)}`;
}
