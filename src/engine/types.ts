/** The data the embedded PostgreSQL engine hands back: replay reports, traces, checkpoints. */
import type { LockMode, Migration, SourceSpan, Statement } from "../types.js";
import type { SchemaSnapshot } from "./catalog/types.js";

/** Why a statement could not be replayed, when the cause is one we know. */
export type FailureCause =
  /** `CREATE EXTENSION` of an extension the embedded PostgreSQL does not ship. */
  | "missing-extension"
  /** Reads or writes a file on the database server (`COPY … FROM '/path'`). */
  | "server-file"
  /** Ran past the time or memory budget and was stopped. */
  | "budget"
  /** Needs a database, tablespace or server setting the embedded PostgreSQL does not have. */
  | "environment"
  /** Has bind parameters ($1 …) that the migration's code fills in at run time. */
  | "runtime-values"
  /** PostgreSQL rejected the SQL itself. */
  | "sql";

export interface StatementFailure {
  migration: string;
  path: string;
  /** Index in Migration.statements. */
  statement: number;
  span: SourceSpan;
  sql: string;
  /** PostgreSQL's own message (`column "x" does not exist`), with detail and hint when given. */
  message: string;
  /** SQLSTATE, when PostgreSQL gave one. */
  code?: string;
  cause: FailureCause;
}

export interface MigrationOutcome {
  migration: string;
  path: string;
  ok: boolean;
  durationMs: number;
  failures: StatementFailure[];
  /** Stopped by the budget: the engine restarted without it. */
  stopped?: "time" | "memory";
}

export interface ReplayReport {
  migrations: MigrationOutcome[];
  failures: StatementFailure[];
  /** Roles the history grants to or owns objects by, created on the fly (NOLOGIN) so replay can go on. */
  createdRoles: string[];
  /** Extensions loaded into the embedded PostgreSQL. */
  extensions: string[];
  durationMs: number;
}

export type RelationKind = "table" | "index" | "sequence" | "view" | "matview" | "other";

export interface ObservedLock {
  /** `schema.name`, or `name` in `public`. */
  relation: string;
  kind: RelationKind;
  mode: LockMode;
  /** The relation existed before the traced migrations (on the base history). */
  existedBefore: boolean;
  /** False when an earlier statement of the same transaction already held this lock. */
  acquired: boolean;
  /** Read from pg_locks, or the documented lock of a statement that cannot run in a transaction. */
  observed: boolean;
}

export interface StatementTrace {
  index: number;
  statement: Statement;
  /** The transaction the statement ran in. */
  transaction: "migration" | "explicit" | "none";
  locks: ObservedLock[];
  /** Relations whose relfilenode changed: the table (or index) was rewritten. */
  rewrites: Array<{ relation: string; kind: RelationKind; existedBefore: boolean }>;
  /** Tables read in full (sequential scans counted by the statistics of the transaction). */
  scans: string[];
  /** An AccessExclusiveLock this statement took stays held for this many statements (itself included). */
  heldFor?: number;
  error?: { message: string; code?: string };
  /** Why locks were not read from pg_locks (e.g. CONCURRENTLY cannot run in a transaction). */
  note?: string;
  durationMs: number;
}

/** One statement of a migration as the engine ran it, with the schema read just before and after. */
export interface AppliedStatement {
  statement: Statement;
  before: SchemaSnapshot;
  after: SchemaSnapshot;
}

/** A migration applied with the schema read around each statement (what a rollback is built from). */
export type AppliedMigration =
  | { ok: true; start: SchemaSnapshot; applied: AppliedStatement[] }
  | { ok: false; start: SchemaSnapshot; error: string; statement: Statement };

export interface MigrationTrace {
  migration: Migration;
  /** Empty when the migration was applied without observing it (rollback work only). */
  statements: StatementTrace[];
  ok: boolean;
  stopped?: "time" | "memory";
  /** With `snapshots`: the schema around each statement. */
  applied?: AppliedMigration;
  durationMs: number;
}

/** Which PostgreSQL the engine runs on: PGlite in-process, a real server it starts, or one the user names. */
export type EngineKind = "pglite" | "postgres" | "url";

/**
 * The whole database state: a PGlite data-dir tarball, or a template database
 * on a real server; plus the extensions it needs loaded.
 */
export type Checkpoint =
  | { kind: "pglite"; data: Uint8Array; extensions: string[] }
  | { kind: "server"; database: string; extensions: string[] };
