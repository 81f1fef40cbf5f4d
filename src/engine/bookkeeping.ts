/**
 * The tables migration tools keep their state in, created and filled during
 * replay as the tool would: some migrations read or lock them (diesel's
 * migrations may reference `__diesel_schema_migrations`). Each tool's adapter
 * defines its own; schema snapshots leave them out.
 */
import { adapterFor } from "../sources/registry.js";
import type { Convention, Migration } from "../types.js";

/** The tool's bookkeeping table DDL, or null for tools that keep none. */
export function bookkeepingTable(convention: Convention): string | null {
  return adapterFor(convention).bookkeeping?.create ?? null;
}

/**
 * The row the tool writes once the migration has run, inside a transaction.
 * Triggers are off for it (session_replication_role): some projects guard the
 * table against the stock CLI (lemmy), and we emulate the record, not the guard.
 */
export function recordApplied(migration: Migration): string | null {
  const insert = adapterFor(migration.convention).bookkeeping?.record(migration) ?? null;
  return insert ? `SET LOCAL session_replication_role = replica; ${insert}` : null;
}
