/**
 * The embedded PostgreSQL engine: replays migrations with their tool's
 * transaction semantics and traces what each statement really did (locks
 * from pg_locks, rewrites from relfilenode, scans from the transaction's
 * statistics, PostgreSQL's own errors).
 */
import { as } from "../sql/ast.js";
import { statementEffects } from "../sql/effects.js";
import { LOCK_MODES } from "../sql/locks.js";
import type { LockMode, Migration, Statement } from "../types.js";
import type { EngineBackend, ExecResult } from "./backend.js";
import { bookkeepingTable, recordApplied } from "./bookkeeping.js";
import { snapshotSchema } from "./catalog/snapshot.js";
import type { SchemaSnapshot } from "./catalog/types.js";
import { missingExtension, requestedExtensions } from "./extensions.js";
import type { WorkerError } from "./protocol.js";
import { BudgetExceeded, WorkerSession } from "./session.js";
import {
  cannotRunInTransaction,
  changesSchema,
  executableSql,
  isTransactionControl,
  namedRelations,
} from "./statements.js";
import type {
  AppliedStatement,
  Checkpoint,
  EngineKind,
  FailureCause,
  MigrationOutcome,
  MigrationTrace,
  ObservedLock,
  RelationKind,
  ReplayReport,
  StatementFailure,
  StatementTrace,
} from "./types.js";

export interface EngineOptions {
  /** Time budget per migration and per rollback check (ms), default 30 000 (`trace.budget-seconds`, `--budget-seconds`). */
  budgetMs?: number;
  /** The run's overall deadline: when it fires, the running statement is stopped and the engine refuses more work. */
  signal?: AbortSignal;
  /** Where replayed base histories are cached (traceChanges). */
  cacheDir?: string;
  log?: (message: string) => void;
  /** Extensions to load at startup (PGlite needs their files before it starts). */
  extensions?: string[];
  /** The process's resident memory (MB) above which a statement is stopped; default 3072. */
  memoryLimitMb?: number;
  /** PostgreSQL major version the static lock table follows, for statements pg_locks cannot show. */
  pgVersion?: number;
  /** Start from this state (e.g. a cached replayed base) instead of an empty database. */
  initial?: Checkpoint;
  /** The TimeZone the migrations run in (`trace.timezone`, default UTC): timestamp conversions depend on it. */
  timezone?: string;
}

/** The session settings every connection starts with, and gets back after each migration. */
export function sessionSql(options: Pick<EngineOptions, "timezone">): string {
  return `SET TimeZone = '${(options.timezone ?? "UTC").replace(/'/g, "''")}'`;
}

/** Relations that existed at some point, to tell new tables from existing ones. */
export interface Baseline {
  readonly relations: ReadonlySet<number>;
}

/** A SQL connection for rollback verification: each check runs under the engine's time budget. */
export interface VerifySession {
  query(sql: string): Promise<Record<string, unknown>[]>;
  /** Runs one or more statements; throws PostgreSQL's error, or BudgetExceeded. */
  exec(sql: string): Promise<void>;
  /** Runs `work` under one time budget; a budget stop restores the state from before it and rethrows. */
  budget<T>(work: () => Promise<T>): Promise<T>;
}

export interface TraceOptions {
  baseline?: Baseline;
  /** Read pg_locks, relfilenodes and scans around each statement (default true). */
  observe?: boolean;
  /** Read the schema around each statement (for rollbacks): MigrationTrace.applied. */
  snapshots?: boolean;
}

export interface Engine {
  /** Replays migrations (a base history) in order with each one's transaction semantics; never throws for SQL errors: failures are recorded, later ones continue. */
  replay(migrations: Migration[]): Promise<ReplayReport>;
  /** Runs one migration statement by statement, recording locks (pg_locks), rewrites (relfilenode), errors. */
  trace(migration: Migration, options?: TraceOptions): Promise<MigrationTrace>;
  /** Runs SQL statements (e.g. a rollback) with the given transaction semantics; stops at the first error. */
  run(
    statements: Array<Statement | string>,
    options: { transactional: boolean },
  ): Promise<{ ok: true } | { ok: false; index: number; message: string }>;
  query<T = Record<string, unknown>>(sql: string): Promise<T[]>;
  /** The relations that exist now: pass to trace() so tables created after it count as new. */
  baseline(): Promise<Baseline>;
  /** Saves / restores the whole database state (a data-dir dump), to try something and go back. */
  checkpoint(): Promise<Checkpoint>;
  restore(checkpoint: Checkpoint): Promise<void>;
  /** Back to the empty database the engine started with. */
  reset(): Promise<void>;
  /** The connection rollback verification runs on, under the budget. */
  verifier(): VerifySession;
  /** Roles created on the fly so that GRANT/OWNER TO statements could run. */
  readonly createdRoles: readonly string[];
  readonly extensions: readonly string[];
  readonly kind: EngineKind;
  /** `PostgreSQL 16.4`, read from the server. */
  readonly serverVersion: string;
  readonly majorVersion: number;
  /** How many times a PostgreSQL was started or restarted. */
  readonly starts: number;
  close(): Promise<void>;
}

export const DEFAULT_BUDGET_MS = 30_000;

/** An engine on PGlite (in a worker thread). */
export async function openEngine(options: EngineOptions = {}): Promise<Engine> {
  const log = options.log ?? (() => {});
  const session = await WorkerSession.start(
    options.extensions ?? [],
    {
      log,
      memoryLimitMb: options.memoryLimitMb ?? 3072,
      sessionSql: sessionSql(options),
      ...(options.signal ? { signal: options.signal } : {}),
    },
    options.initial,
  );
  return new ReplayEngine(session, options);
}

/** An engine on any backend: the same replay, trace and verification code. */
export function engineOn(backend: EngineBackend, options: EngineOptions = {}): Engine {
  return new ReplayEngine(backend, options);
}

interface Relation {
  oid: number;
  name: string;
  kind: RelationKind;
  filenode: number;
  scans: number;
}

const RELKINDS: Record<string, RelationKind> = {
  r: "table",
  p: "table",
  f: "table",
  m: "matview",
  i: "index",
  I: "index",
  S: "sequence",
  v: "view",
};

const RELATIONS_SQL = `SELECT c.oid::int4 AS oid, n.nspname AS schema, c.relname AS name, c.relkind::text AS kind,
  c.relfilenode::int4 AS filenode,
  CASE WHEN c.relkind IN ('r', 'm') THEN pg_stat_get_xact_numscans(c.oid)::int4 ELSE 0 END AS scans
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname !~ '^pg_(toast|temp)'
  AND c.relkind IN ('r', 'p', 'f', 'm', 'i', 'I', 'S', 'v')`;

const SCANS_SQL = `SELECT c.oid::int4 AS oid, pg_stat_get_xact_numscans(c.oid)::int4 AS scans
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'm') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname !~ '^pg_(toast|temp)'`;

const LOCKS_SQL = `SELECT relation::int4 AS oid, mode FROM pg_locks
WHERE locktype = 'relation' AND granted AND pid = pg_backend_pid()
  AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`;

const SAVEPOINT = "db_migrate_statement";

interface StepResult {
  ok: boolean;
  error?: WorkerError;
}

/** The schema read around each statement while applying a migration for its rollback. */
interface Snapshots {
  start: SchemaSnapshot;
  current: SchemaSnapshot;
  applied: AppliedStatement[];
  failure?: { error: string; statement: Statement };
}

/** Observation state while tracing one migration. */
interface Observer {
  baseline: ReadonlySet<number>;
  /** Relations as of the end of the previous statement. */
  relations: Map<number, Relation>;
  /** Locks (`oid:mode`) held by the current transaction before this statement. */
  held: Set<string>;
  traces: StatementTrace[];
  /** Transaction number of each traced statement, to count how long locks stay held. */
  transactionOf: number[];
  transactionNumber: number;
  /**
   * Sequential-scan counters read just before the statement, in its own transaction: the
   * counters are flushed (reset) between transactions, so only a before/after pair read
   * inside one transaction is a statement's own, on every run.
   */
  scansBefore: Map<number, number>;
}

class ReplayEngine implements Engine {
  createdRoles: string[] = [];
  /** Tools whose bookkeeping table exists in the database. */
  private readonly bookkept = new Set<string>();
  private readonly budgetMs: number;
  private readonly log: (message: string) => void;

  constructor(
    private readonly session: EngineBackend,
    private readonly options: EngineOptions,
  ) {
    this.budgetMs = options.budgetMs ?? DEFAULT_BUDGET_MS;
    this.log = options.log ?? (() => {});
  }

  get extensions(): readonly string[] {
    return this.session.extensions;
  }

  /** After a migration: its SET commands undone, the run's own settings back. */
  private get resetSql(): string {
    return `RESET ALL;\n${sessionSql(this.options)}`;
  }

  get kind(): EngineKind {
    return this.session.kind;
  }

  get serverVersion(): string {
    return this.session.serverVersion;
  }

  get majorVersion(): number {
    return this.session.majorVersion;
  }

  get starts(): number {
    return this.session.starts;
  }

  async replay(migrations: Migration[]): Promise<ReplayReport> {
    const started = performance.now();
    await this.session.loadExtensions(requestedExtensions(migrations));
    const outcomes: MigrationOutcome[] = [];
    for (const migration of migrations) outcomes.push((await this.apply(migration, null)).outcome);
    return {
      migrations: outcomes,
      failures: outcomes.flatMap((o) => o.failures),
      createdRoles: [...this.createdRoles],
      extensions: [...this.session.extensions],
      durationMs: performance.now() - started,
    };
  }

  async trace(migration: Migration, options: TraceOptions = {}): Promise<MigrationTrace> {
    await this.session.loadExtensions(requestedExtensions([migration]));
    let observer: Observer | null = null;
    if (options.observe !== false) {
      const relations = await this.relations();
      observer = {
        baseline: options.baseline?.relations ?? new Set(relations.keys()),
        relations,
        held: new Set(),
        traces: [],
        transactionOf: [],
        transactionNumber: 0,
        scansBefore: new Map(),
      };
    }
    let snapshots: Snapshots | null = null;
    if (options.snapshots) {
      const start = await this.snapshot();
      snapshots = { start, current: start, applied: [] };
    }
    const { outcome } = await this.apply(migration, observer, snapshots);
    if (observer) countHeldFor(observer);
    const trace: MigrationTrace = {
      migration,
      statements: observer?.traces ?? [],
      ok: outcome.ok,
      durationMs: outcome.durationMs,
    };
    if (snapshots) {
      const stopped = outcome.failures.find((f) => f.cause === "budget");
      const failure =
        snapshots.failure ??
        (stopped ? { error: stopped.message, statement: migration.statements[stopped.statement] as Statement } : null);
      trace.applied = failure
        ? { ok: false, start: snapshots.start, ...failure }
        : { ok: true, start: snapshots.start, applied: snapshots.applied };
    }
    if (outcome.stopped) trace.stopped = outcome.stopped;
    const stoppedAt = outcome.failures.find((f) => f.cause === "budget");
    if (stoppedAt && !trace.statements.some((s) => s.index === stoppedAt.statement)) {
      const statement = migration.statements[stoppedAt.statement] as Statement;
      trace.statements.push({
        index: stoppedAt.statement,
        statement,
        transaction: "none",
        locks: [],
        rewrites: [],
        scans: [],
        error: { message: stoppedAt.message },
        durationMs: 0,
      });
    }
    return trace;
  }

  async run(
    statements: Array<Statement | string>,
    options: { transactional: boolean },
  ): Promise<{ ok: true } | { ok: false; index: number; message: string }> {
    this.startBudget();
    let index = 0;
    try {
      if (options.transactional) await this.control("BEGIN");
      for (; index < statements.length; index++) {
        const item = statements[index] as Statement | string;
        const { sql, blob } = typeof item === "string" ? { sql: item, blob: undefined } : executableSql(item);
        const result = await this.session.exec(sql, blob);
        if (!result.ok) {
          if (this.session.inTransaction) await this.control("ROLLBACK");
          return { ok: false, index, message: errorMessage(result.error) };
        }
      }
      if (this.session.inTransaction) await this.control("COMMIT");
      return { ok: true };
    } catch (error) {
      if (!(error instanceof BudgetExceeded) || error.kind === "deadline") throw error;
      await this.recover();
      return { ok: false, index, message: budgetMessage(error) };
    } finally {
      this.session.deadline = null;
    }
  }

  async query<T = Record<string, unknown>>(sql: string): Promise<T[]> {
    const results = await this.session.read(sql);
    return (results[results.length - 1] ?? []) as T[];
  }

  async baseline(): Promise<Baseline> {
    return { relations: new Set((await this.relations()).keys()) };
  }

  async checkpoint(): Promise<Checkpoint> {
    const checkpoint = await this.session.checkpoint();
    this.session.rebase(checkpoint);
    return checkpoint;
  }

  async restore(checkpoint: Checkpoint): Promise<void> {
    await this.session.restore(checkpoint);
    this.bookkept.clear();
  }

  async reset(): Promise<void> {
    await this.restore(await this.session.pristine());
    this.createdRoles = [];
  }

  verifier(): VerifySession {
    return {
      query: (sql) => this.query(sql),
      exec: async (sql) => {
        try {
          const result = await this.session.exec(sql);
          if (!result.ok) throw new Error(errorMessage(result.error));
        } catch (error) {
          if (error instanceof BudgetExceeded && error.kind !== "deadline") {
            await this.recover();
            throw new BudgetExceeded(error.kind, error.limit);
          }
          throw error;
        }
      },
      budget: async (work) => {
        this.startBudget();
        try {
          return await work();
        } finally {
          this.session.deadline = null;
        }
      },
    };
  }

  close(): Promise<void> {
    return this.session.close();
  }

  private snapshot(): Promise<SchemaSnapshot> {
    return snapshotSchema((sql) => this.query(sql));
  }

  /** After a statement ran: the schema it left, or the first failure (later statements get no rollback). */
  private async snap(
    snapshots: Snapshots | null,
    statement: Statement,
    result: StepResult | ExecResult,
  ): Promise<void> {
    if (!snapshots || snapshots.failure) return;
    if (!result.ok) {
      snapshots.failure = { error: result.error ? errorMessage(result.error) : "failed", statement };
      return;
    }
    // No catalog read after BEGIN or SET TRANSACTION: they change no schema, and a read there
    // would be the transaction's first query (SET TRANSACTION ISOLATION LEVEL must come first).
    const after =
      changesSchema(statement) && !isTransactionControl(statement) ? await this.snapshot() : snapshots.current;
    snapshots.applied.push({ statement, before: snapshots.current, after });
    snapshots.current = after;
  }

  private startBudget(): void {
    this.session.deadline = { at: Date.now() + this.budgetMs, budgetMs: this.budgetMs };
  }

  /** Rebuilds the state after the worker was stopped, without the statement that was running. */
  private async recover(): Promise<void> {
    this.log("engine: restarting the embedded PostgreSQL after a budget stop");
    await this.session.recover();
    if (this.session.inTransaction) await this.control("ROLLBACK");
  }

  /** The migration tool's own table, created the first time one of its migrations runs. */
  private async createBookkeeping(migration: Migration): Promise<void> {
    const table = bookkeepingTable(migration.convention);
    if (!table || this.bookkept.has(migration.convention)) return;
    await this.control(table);
    this.bookkept.add(migration.convention);
  }

  private async control(sql: string): Promise<void> {
    const result = await this.session.exec(sql);
    if (!result.ok) throw new Error(`${sql} failed: ${result.error.message}`);
  }

  /** Runs a migration; on a budget stop, the state goes back to before the statement that ran too long. */
  private async apply(
    migration: Migration,
    observer: Observer | null,
    snapshots: Snapshots | null = null,
  ): Promise<{ outcome: MigrationOutcome }> {
    const started = performance.now();
    const failures: StatementFailure[] = [];
    const position = { statement: 0 };
    const outcome = (stopped?: "time" | "memory"): { outcome: MigrationOutcome } => {
      const result: MigrationOutcome = {
        migration: migration.id,
        path: migration.path,
        ok: failures.length === 0,
        durationMs: performance.now() - started,
        failures,
      };
      if (stopped) result.stopped = stopped;
      return { outcome: result };
    };
    await this.createBookkeeping(migration);
    const record = recordApplied(migration);
    this.startBudget();
    try {
      if (!observer && !snapshots && fastPathAllowed(migration)) {
        // A newline before each `;`: a statement's text may end in a `--` comment.
        const statements = migration.statements.map((s) => `${s.sql}\n;`);
        const script = `BEGIN;\n${statements.join("\n")}\n${record ? `${record};\n` : ""}COMMIT;\n${this.resetSql}`;
        const result = await this.session.exec(script);
        if (result.ok) return outcome();
        this.log(`engine: ${migration.path}: statement by statement (${result.error.message})`);
        if (this.session.inTransaction) await this.control("ROLLBACK");
      }
      await this.stepwise(migration, observer, snapshots, failures, position);
      if (record) {
        const recorded = await this.session.exec(`BEGIN; ${record}; COMMIT`);
        if (!recorded.ok) {
          this.log(`engine: could not record ${migration.id} as applied: ${recorded.error.message}`);
          if (this.session.inTransaction) await this.control("ROLLBACK");
        }
      }
      return outcome();
    } catch (error) {
      if (!(error instanceof BudgetExceeded) || error.kind === "deadline") throw error;
      await this.recover();
      const statement = migration.statements[position.statement] as Statement;
      failures.push(failureOf(migration, position.statement, statement, { message: budgetMessage(error) }, "budget"));
      return outcome(error.kind);
    } finally {
      this.session.deadline = null;
    }
  }

  private async stepwise(
    migration: Migration,
    observer: Observer | null,
    snapshots: Snapshots | null,
    failures: StatementFailure[],
    position: { statement: number },
  ): Promise<void> {
    let toolTransaction = false;
    if (migration.transactional) {
      await this.control("BEGIN");
      toolTransaction = true;
    }
    for (const [index, statement] of migration.statements.entries()) {
      position.statement = index;
      const wasInTransaction = this.session.inTransaction;
      if (isTransactionControl(statement)) {
        const result = await this.session.exec(statement.sql);
        if (!result.ok) failures.push(failureOf(migration, index, statement, result.error));
        if (observer) this.record(observer, index, statement, wasInTransaction ? "explicit" : "none", [], [], result);
        await this.snap(snapshots, statement, result);
        if (!this.session.inTransaction) {
          toolTransaction = false;
          if (observer) endTransaction(observer);
        }
        continue;
      }
      let reopen = false;
      if (statement.autocommit && this.session.inTransaction && toolTransaction) {
        await this.control("COMMIT");
        if (observer) endTransaction(observer);
        reopen = true;
      }
      const transaction = this.session.inTransaction ? (toolTransaction ? "migration" : "explicit") : "none";
      const result = await this.statement(index, statement, observer, transaction);
      if (!result.ok && result.error) failures.push(failureOf(migration, index, statement, result.error));
      await this.snap(snapshots, statement, result);
      if (reopen) await this.control("BEGIN");
    }
    if (this.session.inTransaction) await this.control("COMMIT");
    if (observer) endTransaction(observer);
    await this.control(this.resetSql);
  }

  private async statement(
    index: number,
    statement: Statement,
    observer: Observer | null,
    transaction: "migration" | "explicit" | "none",
  ): Promise<StepResult> {
    const started = performance.now();
    const outsideTransaction = cannotRunInTransaction(statement.ast);
    const wrap = observer !== null && transaction === "none" && !outsideTransaction;
    if (wrap) await this.control("BEGIN");
    if (observer && this.session.inTransaction && !outsideTransaction) {
      // In a transaction an earlier statement aborted, there is nothing to count.
      const counted = await this.session.exec(SCANS_SQL);
      const rows = counted.ok ? (counted.results[0] ?? []) : [];
      observer.scansBefore = new Map(rows.map((row) => [Number(row.oid), Number(row.scans)]));
    }
    if (observer && outsideTransaction && this.session.watch && !this.session.inTransaction)
      return this.watched(observer, index, statement, started);
    const result = await this.execute(statement, this.session.inTransaction);
    if (!observer) return result;
    if (outsideTransaction || (transaction === "none" && !wrap)) {
      await this.recordDocumented(observer, index, statement, result, started);
    } else {
      const { locks, rewrites, scans } = await this.observe(observer, statement);
      this.record(observer, index, statement, transaction, locks, rewrites, result, scans, started);
    }
    if (wrap) {
      await this.control(this.session.inTransaction ? "COMMIT" : "ROLLBACK");
      endTransaction(observer);
    }
    return result;
  }

  /** Runs one statement; in a transaction, inside a savepoint so a failure leaves the rest intact. */
  private async execute(statement: Statement, inTransaction: boolean, retried = false): Promise<StepResult> {
    const { sql, blob } = executableSql(statement);
    // The savepoint goes first on its own: a statement PostgreSQL cannot parse rejects the whole
    // query string it is in, a SAVEPOINT before it included.
    if (inTransaction) await this.control(`SAVEPOINT ${SAVEPOINT}`);
    const result: ExecResult = inTransaction
      ? await this.session.exec(`${sql}\n;RELEASE SAVEPOINT ${SAVEPOINT}`, blob)
      : await this.session.exec(sql, blob);
    if (result.ok) return { ok: true };
    if (inTransaction) await this.control(`ROLLBACK TO SAVEPOINT ${SAVEPOINT}; RELEASE SAVEPOINT ${SAVEPOINT}`);
    const role = /^role "([^"]+)" does not exist$/.exec(result.error.message)?.[1];
    if (role && !retried && !this.createdRoles.includes(role)) {
      const created = await this.session.exec(`CREATE ROLE ${quoteIdent(role)} NOLOGIN`);
      if (created.ok) {
        this.createdRoles.push(role);
        this.log(`engine: created role ${role} (NOLOGIN) so the history can grant to it`);
        return this.execute(statement, inTransaction, true);
      }
    }
    return { ok: false, error: result.error };
  }

  private async relations(): Promise<Map<number, Relation>> {
    const [rows = []] = await this.session.read(RELATIONS_SQL);
    return relationMap(rows);
  }

  private async observe(
    observer: Observer,
    statement: Statement,
  ): Promise<{ locks: ObservedLock[]; rewrites: StatementTrace["rewrites"]; scans: string[] }> {
    const [relationRows = [], lockRows = []] = await this.session.read(`${RELATIONS_SQL};\n${LOCKS_SQL}`);
    const after = relationMap(relationRows);
    const before = observer.relations;
    const named = namedRelations(statement.ast);
    const byRelation = new Map<number, ObservedLock>();
    for (const row of lockRows) {
      const oid = Number(row.oid);
      const mode = row.mode as LockMode;
      const relation = after.get(oid) ?? before.get(oid);
      if (!relation || !LOCK_MODES.includes(mode)) continue;
      const key = `${oid}:${mode}`;
      const acquired = !observer.held.has(key);
      observer.held.add(key);
      if (!acquired && !named.has(relation.name)) continue;
      const lock: ObservedLock = {
        relation: relation.name,
        kind: relation.kind,
        mode,
        existedBefore: observer.baseline.has(oid),
        acquired,
        observed: true,
      };
      const existing = byRelation.get(oid);
      if (!existing || LOCK_MODES.indexOf(mode) > LOCK_MODES.indexOf(existing.mode)) byRelation.set(oid, lock);
    }
    const rewrites: StatementTrace["rewrites"] = [];
    const scans: string[] = [];
    if (statement.kind !== "TruncateStmt") rewrites.push(...rewritten(before, after, observer.baseline));
    for (const [oid, now] of after) {
      const previous = observer.scansBefore.get(oid) ?? 0;
      if (now.scans > previous && observer.baseline.has(oid)) scans.push(now.name);
    }
    observer.relations = after;
    return { locks: [...byRelation.values()], rewrites, scans };
  }

  /**
   * A statement that cannot run in a transaction, on a server: run while a second session
   * watches its pg_locks and a third holds what makes it wait (a snapshot, ACCESS SHARE on
   * the tables it names), so each lock it takes shows while it waits.
   */
  private async watched(observer: Observer, index: number, statement: Statement, started: number): Promise<StepResult> {
    const watch = this.session.watch as NonNullable<EngineBackend["watch"]>;
    const names = namedRelations(statement.ast);
    for (const name of droppedNames(statement)) names.add(name);
    const named = [...observer.relations.values()].filter((r) => names.has(r.name));
    const tables = named.filter((r) => r.kind === "table").map((r) => r.name);
    // An index's table: DROP / REINDEX … CONCURRENTLY wait for the table's lockers.
    const indexes = named.filter((r) => r.kind === "index").map((r) => r.oid);
    if (indexes.length > 0) {
      const rows = await this.query<{ oid: number }>(
        `SELECT DISTINCT indrelid::int4 AS oid FROM pg_index WHERE indexrelid IN (${indexes.join(", ")})`,
      );
      for (const row of rows) {
        const table = observer.relations.get(Number(row.oid));
        if (table && !tables.includes(table.name)) tables.push(table.name);
      }
    }
    const { sql } = executableSql(statement);
    const { result, locks: seen } = await watch.call(this.session, sql, tables.map(quoteQualified));
    const step: StepResult = result.ok ? { ok: true } : { ok: false, error: result.error };
    const after = await this.relations();
    const byRelation = new Map<number, ObservedLock>();
    for (const lock of seen) {
      const relation = after.get(lock.oid) ?? observer.relations.get(lock.oid);
      const mode = lock.mode as LockMode;
      if (!relation || !LOCK_MODES.includes(mode)) continue;
      const existing = byRelation.get(lock.oid);
      if (existing && LOCK_MODES.indexOf(existing.mode) >= LOCK_MODES.indexOf(mode)) continue;
      byRelation.set(lock.oid, {
        relation: relation.name,
        kind: relation.kind,
        mode,
        existedBefore: observer.baseline.has(lock.oid),
        acquired: true,
        observed: true,
      });
    }
    if (byRelation.size === 0) {
      await this.recordDocumented(observer, index, statement, step, started);
      return step;
    }
    const rewrites = rewritten(observer.relations, after, observer.baseline);
    observer.relations = after;
    this.record(
      observer,
      index,
      statement,
      "none",
      [...byRelation.values()],
      rewrites,
      step,
      [],
      started,
      "observed from a second session while a blocking transaction made it wait (it cannot run inside a transaction)",
    );
    endTransaction(observer);
    return step;
  }

  /** A statement pg_locks cannot show (it runs outside any transaction): its documented lock. */
  private async recordDocumented(
    observer: Observer,
    index: number,
    statement: Statement,
    result: StepResult,
    started: number,
  ): Promise<void> {
    const after = await this.relations();
    const byName = new Map([...observer.relations.values(), ...after.values()].map((r) => [r.name, r]));
    const locks: ObservedLock[] = statement.ast
      ? statementEffects(statement.ast, this.options.pgVersion ?? 18)
          .filter((effect) => effect.table)
          .map((effect) => {
            const relation = byName.get(effect.table);
            return {
              relation: effect.table,
              kind: relation?.kind ?? "table",
              mode: effect.lock,
              existedBefore: relation ? observer.baseline.has(relation.oid) : false,
              acquired: true,
              observed: false,
            };
          })
      : [];
    const rewrites = rewritten(observer.relations, after, observer.baseline);
    observer.relations = after;
    const note = cannotRunInTransaction(statement.ast)
      ? "not observable: it cannot run inside a transaction, so pg_locks cannot be read while it holds its locks; the documented lock is shown"
      : "not observable: it runs outside a transaction; the documented lock is shown";
    this.record(observer, index, statement, "none", locks, rewrites, result, [], started, note);
    endTransaction(observer);
  }

  private record(
    observer: Observer,
    index: number,
    statement: Statement,
    transaction: StatementTrace["transaction"],
    locks: ObservedLock[],
    rewrites: StatementTrace["rewrites"],
    result: StepResult | ExecResult,
    scans: string[] = [],
    started = performance.now(),
    note?: string,
  ): void {
    const trace: StatementTrace = {
      index,
      statement,
      transaction,
      locks,
      rewrites,
      scans,
      durationMs: performance.now() - started,
    };
    if (!result.ok && result.error) {
      trace.error = { message: errorMessage(result.error) };
      if (result.error.code) trace.error.code = result.error.code;
    }
    if (note) trace.note = note;
    observer.traces.push(trace);
    observer.transactionOf.push(observer.transactionNumber);
  }
}

/** The whole migration in one round trip, when running it in one transaction cannot change its outcome. */
function fastPathAllowed(migration: Migration): boolean {
  return migration.statements.every(
    (s) =>
      s.ast !== null &&
      !s.autocommit &&
      s.copyData === undefined &&
      !isTransactionControl(s) &&
      !cannotRunInTransaction(s.ast),
  );
}

function endTransaction(observer: Observer): void {
  observer.held.clear();
  observer.transactionNumber++;
}

/** An AccessExclusiveLock is held from the statement that takes it to the end of its transaction. */
function countHeldFor(observer: Observer): void {
  observer.traces.forEach((trace, position) => {
    const exclusive = (l: ObservedLock) => l.acquired && l.existedBefore && l.mode === "AccessExclusiveLock";
    if (!trace.locks.some((l) => exclusive(l) && l.kind !== "index")) return;
    const transaction = observer.transactionOf[position];
    let count = 0;
    for (let next = position; next < observer.traces.length; next++) {
      if (observer.transactionOf[next] !== transaction) break;
      count++;
    }
    trace.heldFor = count;
  });
}

/**
 * Relations whose storage was replaced: a new relfilenode, or (an index
 * rebuilt by ALTER COLUMN TYPE) dropped and re-created under the same name.
 */
function rewritten(
  before: Map<number, Relation>,
  after: Map<number, Relation>,
  baseline: ReadonlySet<number>,
): StatementTrace["rewrites"] {
  const rewrites: StatementTrace["rewrites"] = [];
  const droppedByName = new Map<string, Relation>();
  for (const [oid, was] of before) if (!after.has(oid)) droppedByName.set(`${was.kind}:${was.name}`, was);
  for (const [oid, now] of after) {
    const was = before.get(oid);
    if (was) {
      if (was.filenode !== 0 && now.filenode !== was.filenode)
        rewrites.push({ relation: now.name, kind: now.kind, existedBefore: baseline.has(oid) });
      continue;
    }
    const replaced = droppedByName.get(`${now.kind}:${now.name}`);
    if (replaced && replaced.filenode !== 0)
      rewrites.push({ relation: now.name, kind: now.kind, existedBefore: baseline.has(replaced.oid) });
  }
  return rewrites;
}

function relationMap(rows: Record<string, unknown>[]): Map<number, Relation> {
  const map = new Map<number, Relation>();
  for (const row of rows) {
    const schema = String(row.schema);
    const name = String(row.name);
    map.set(Number(row.oid), {
      oid: Number(row.oid),
      name: schema === "public" ? name : `${schema}.${name}`,
      kind: RELKINDS[String(row.kind)] ?? "other",
      filenode: Number(row.filenode),
      scans: Number(row.scans),
    });
  }
  return map;
}

/** A budget stop, naming the setting that raises the budget. */
export function budgetMessage(error: BudgetExceeded): string {
  return error.kind === "time"
    ? `${error.message} (raise it with \`trace.budget-seconds\` in .db-migrate.yml or --budget-seconds)`
    : error.message;
}

export function errorMessage(error: WorkerError): string {
  let message = error.message;
  if (error.detail) message += ` (${error.detail})`;
  if (error.hint) message += ` Hint: ${error.hint}`;
  return message;
}

/** Why a statement failed, from PostgreSQL's message: the engine's limits versus the SQL itself. */
export function causeOf(error: Pick<WorkerError, "message">): FailureCause {
  if (missingExtension(error.message)) return "missing-extension";
  if (/^there is no parameter \$\d+$/.test(error.message)) return "runtime-values";
  if (/could not (open|stat) file|could not create file|absolute path not allowed/i.test(error.message))
    return "server-file";
  if (
    /database ".*" does not exist|tablespace ".*" does not exist|permission denied to (create|alter) (database|system)/.test(
      error.message,
    )
  )
    return "environment";
  return "sql";
}

function failureOf(
  migration: Migration,
  index: number,
  statement: Statement,
  error: WorkerError,
  cause: FailureCause = causeOf(error),
): StatementFailure {
  const failure: StatementFailure = {
    migration: migration.id,
    path: statement.path,
    statement: index,
    span: statement.span,
    sql: statement.sql,
    message: errorMessage(error),
    cause,
  };
  if (error.code) failure.code = error.code;
  return failure;
}

/** `DROP INDEX a, s.b`: the dropped objects' names (in tableKey form: `name` or `schema.name`). */
function droppedNames(statement: Statement): string[] {
  const drop = as(statement.ast, "DropStmt");
  if (!drop) return [];
  return (drop.objects ?? []).map((object) => {
    const items = (as(object, "List")?.items ?? []).map((item) => as(item, "String")?.sval ?? "");
    return items.filter((part, i) => !(i === 0 && items.length > 1 && part === "public")).join(".");
  });
}

function quoteQualified(name: string): string {
  return name.split(".").map(quoteIdent).join(".");
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
