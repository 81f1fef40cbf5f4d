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

/** What a live server's own defaults add to ACLs, so drift shows only what someone changed. */
export interface AclNormalisation {
  /** Major version of the live server (MAINTAIN exists from 17; public schema CREATE for PUBLIC until 14). */
  liveMajor: number;
  /** `pg_default_acl` of the live database: grants every new object of a kind gets. */
  defaultGrants: Array<{ objectType: string; schema: string | null; acl: string[] }>;
}

const ACL_ITEM = /^(.*)=([A-Za-z*]*)\/(.*)$/;

/** Privilege letters of one `grantee=letters/grantor` item, with their grant options. */
function splitLetters(letters: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < letters.length; i++) {
    const letter = letters[i] as string;
    if (letter === "*") continue;
    out.push(letters[i + 1] === "*" ? `${letter}*` : letter);
  }
  return out;
}

function normaliseAcl(acl: string[], drop: (grantee: string, letter: string) => boolean): string[] {
  const out: string[] = [];
  for (const item of acl) {
    const match = ACL_ITEM.exec(item);
    if (!match) {
      out.push(item);
      continue;
    }
    const [, grantee = "", letters = "", grantor = ""] = match;
    // The owner's own entry (granted by itself): implicit in ownership, and the owner differs
    // between a live database (an application role) and the replay.
    if (grantee !== "" && grantee === grantor) continue;
    const kept = splitLetters(letters).filter((l) => !drop(grantee, l.replace("*", "")));
    if (kept.length > 0) out.push(`${grantee}=${kept.join("")}/${grantor}`);
  }
  return out.sort();
}

function defaultLetters(options: AclNormalisation, objectType: string, schema: string): Set<string> {
  const keys = new Set<string>();
  for (const entry of options.defaultGrants) {
    if (entry.objectType !== objectType || (entry.schema !== null && entry.schema !== schema)) continue;
    for (const item of entry.acl) {
      const match = ACL_ITEM.exec(item);
      if (!match) continue;
      for (const letter of splitLetters(match[2] ?? "")) keys.add(`${match[1]}\u0000${letter.replace("*", "")}`);
    }
  }
  return keys;
}

/**
 * A snapshot with the noise of server versions and ownership taken out of its
 * ACLs and extension versions, for drift between a live database and the
 * replay: owners' own entries, MAINTAIN before 17, PUBLIC's CREATE on schema
 * public before 15, grants that come from the live database's default
 * privileges, and extension versions (the replay has the engine's build).
 */
export function normaliseForDrift(snapshot: SchemaSnapshot, options: AclNormalisation): SchemaSnapshot {
  const versionNoise = (letter: string) => letter === "m" && options.liveMajor < 17;
  const acl = (list: string[], objectType: string, schema: string, extra?: (g: string, l: string) => boolean) => {
    const defaults = defaultLetters(options, objectType, schema);
    return normaliseAcl(
      list,
      (grantee, letter) =>
        versionNoise(letter) || defaults.has(`${grantee}\u0000${letter}`) || !!extra?.(grantee, letter),
    );
  };
  return {
    ...snapshot,
    schemas: snapshot.schemas.map((s) => ({
      ...s,
      acl: acl(
        s.acl,
        "n",
        s.name,
        (grantee, letter) => s.name === "public" && grantee === "" && letter === "C" && options.liveMajor < 15,
      ),
    })),
    extensions: snapshot.extensions.map((e) => ({ ...e, version: "" })),
    enums: snapshot.enums.map((e) => ({ ...e, acl: acl(e.acl, "T", e.schema) })),
    sequences: snapshot.sequences.map((s) => ({ ...s, acl: acl(s.acl, "S", s.schema) })),
    functions: snapshot.functions.map((f) => ({ ...f, acl: acl(f.acl, "f", f.schema) })),
    tables: snapshot.tables.map((t) => ({
      ...t,
      acl: acl(t.acl, "r", t.schema),
      columns: t.columns.map((c) => ({ ...c, acl: acl(c.acl, "r", t.schema) })),
    })),
  };
}
