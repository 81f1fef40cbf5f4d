/**
 * What two snapshots are compared on, where the catalog keeps text that means
 * the same thing in more than one spelling.
 * - A function's body is kept as the author wrote it: whitespace, comments and
 *   keyword case are not differences, so bodies are compared as token streams
 *   of PostgreSQL's own scanner.
 * - A serial column's sequence is named by PostgreSQL (`t_id_seq`, `t_id_seq1`
 *   when the name is taken at that moment): owned sequences are matched by
 *   their owning column, not by name.
 */
import { scanSync } from "libpg-query";
import type { SchemaSnapshot, SequenceSnapshot } from "./types.js";

const KEYWORD_OR_IDENT = /^[A-Za-z_][A-Za-z0-9_$]*$/;

/** Tokens of `text` joined by one space, unquoted words lower-cased; a dollar-quoted body is normalised too when `depth` allows. */
function tokenText(text: string, depth: number): string {
  const bytes = Buffer.from(text);
  const tokens = scanSync(text).tokens;
  const out: string[] = [];
  for (const token of tokens) {
    if (token.tokenName === "SQL_COMMENT" || token.tokenName === "C_COMMENT") continue;
    const raw = bytes.subarray(token.start, token.end).toString();
    if (depth > 0 && token.tokenName === "SCONST" && raw.startsWith("$")) {
      const tag = /^\$[^$]*\$/.exec(raw)?.[0] ?? "$$";
      const inner = raw.slice(tag.length, raw.length - tag.length);
      out.push(`$$ ${tokenText(inner, depth - 1)} $$`);
    } else out.push(KEYWORD_OR_IDENT.test(raw) ? raw.toLowerCase() : raw);
  }
  return out.join(" ");
}

/**
 * A function definition (`pg_get_functiondef`) as compared: its header and its
 * body as scanner tokens, without comments and whitespace. String literals
 * inside the body keep their exact text.
 */
export function comparableFunctionDefinition(definition: string | null): string | null {
  if (definition === null) return null;
  try {
    return tokenText(definition, 1);
  } catch {
    // The scanner refuses unterminated quotes; such a body can only be compared as written.
    return definition.replace(/\s+/g, " ").trim();
  }
}

function ownerKey(sequence: SequenceSnapshot): string | null {
  return sequence.ownedBy === null ? null : `${sequence.schema}\u0000${sequence.ownedBy}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * `after` with each sequence owned by a column renamed to the name the same
 * column's sequence has in `before`, and the column defaults that call it
 * rewritten to match. Everything else is returned as is.
 */
export function alignOwnedSequences(before: SchemaSnapshot, after: SchemaSnapshot): SchemaSnapshot {
  const beforeByOwner = new Map<string, SequenceSnapshot>();
  for (const sequence of before.sequences) {
    const key = ownerKey(sequence);
    if (key) beforeByOwner.set(key, sequence);
  }
  const taken = new Set(after.sequences.map((s) => `${s.schema}.${s.name}`));
  const renames = new Map<string, { schema: string; from: string; to: string }>();
  for (const sequence of after.sequences) {
    const key = ownerKey(sequence);
    const match = key ? beforeByOwner.get(key) : undefined;
    if (!match || match.name === sequence.name || taken.has(`${match.schema}.${match.name}`)) continue;
    renames.set(`${sequence.schema}.${sequence.name}`, {
      schema: sequence.schema,
      from: sequence.name,
      to: match.name,
    });
  }
  if (renames.size === 0) return after;
  const rewriteDefault = (value: string | null): string | null => {
    if (value === null || !value.includes("nextval(")) return value;
    let text = value;
    for (const { schema, from, to } of renames.values()) {
      const qualified = schema === "public" ? "" : `(?:${escapeRegExp(schema)}\\.)?`;
      text = text.replace(new RegExp(`nextval\\('${qualified}${escapeRegExp(from)}'::regclass\\)`, "g"), (call) =>
        call.replace(from, to),
      );
    }
    return text;
  };
  return {
    ...after,
    sequences: after.sequences.map((s) => {
      const rename = renames.get(`${s.schema}.${s.name}`);
      return rename ? { ...s, name: rename.to } : s;
    }),
    tables: after.tables.map((t) => ({
      ...t,
      columns: t.columns.map((c) => {
        const value = rewriteDefault(c.default);
        return value === c.default ? c : { ...c, default: value };
      }),
    })),
  };
}
