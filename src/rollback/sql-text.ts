/** Quoting for generated SQL: identifiers through pgsql-deparser's QuoteUtils, literals doubled. */
import { QuoteUtils } from "pgsql-deparser";

export function ident(name: string): string {
  return QuoteUtils.quoteIdentifier(name);
}

/** `users` in public, `audit.users` elsewhere; each part quoted when needed. */
export function qualified(schema: string, name: string): string {
  return schema === "public" ? ident(name) : `${ident(schema)}.${ident(name)}`;
}

export function literal(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** `'text'` or `NULL`, for COMMENT ON. */
export function literalOrNull(value: string | null): string {
  return value === null ? "NULL" : literal(value);
}
