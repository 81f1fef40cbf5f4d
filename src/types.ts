/**
 * The plain data passed between db-migrate's parts (design.md, "Data flow").
 * Sources produce Migration[]; the sql layer fills Statement; rules and the
 * engine produce Finding; plan and rollback produce PlanMigration / RollbackResult;
 * reports render an AnalysisResult. Nothing here knows GitHub or a file format.
 */
import type { Node } from "@pgsql/types";
import type { Convention } from "./sources/registry.js";

export type Severity = "error" | "warning" | "info";
export const SEVERITY_ORDER: Record<Severity, number> = { info: 1, warning: 2, error: 3 };

/** PostgreSQL's own table-level lock mode names, weakest first. */
export type LockMode =
  | "AccessShareLock"
  | "RowShareLock"
  | "RowExclusiveLock"
  | "ShareUpdateExclusiveLock"
  | "ShareLock"
  | "ShareRowExclusiveLock"
  | "ExclusiveLock"
  | "AccessExclusiveLock";

/** Where a finding or statement sits in the file the author edited. 1-based, inclusive. */
export interface SourceSpan {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** `-- db-migrate:ignore <rule-id> <reason>` (or `#` in Python). */
export interface IgnoreDirective {
  rule: string;
  reason: string;
  line: number;
}

/** The migration tool family; `sql` covers every raw-SQL convention. */
export type ToolName = "alembic" | "prisma" | "sql";

/** How the files of a project are laid out and ordered: one per tool adapter (sources/registry.ts). */
export type { Convention } from "./sources/registry.js";

export type Dialect =
  | "postgresql"
  | "mysql"
  | "sqlite"
  | "sqlserver"
  | "cockroachdb"
  | "mongodb"
  | "clickhouse"
  | "unknown";

/** One SQL statement, parsed by PostgreSQL's own parser. */
export interface Statement {
  /** The SQL PostgreSQL will run (for Alembic: what Alembic would emit). */
  sql: string;
  /** The RawStmt.stmt node from libpg-query, or null when it did not parse. */
  ast: Node | null;
  /** The node's type name, e.g. `AlterTableStmt`; `Unparsed` when ast is null. */
  kind: string;
  /** The file the author edited (repo-relative, posix). */
  path: string;
  /** Location in that file. For Alembic, the `op.` call. */
  span: SourceSpan;
  ignores: IgnoreDirective[];
  /**
   * Whether the tool runs this statement inside a transaction it opened
   * (Alembic's per-migration transaction, Prisma's script, an explicit BEGIN).
   * Filled by the analysis context; sources set the migration-level default.
   */
  inTransaction?: boolean;
  /**
   * Runs outside the transaction the tool opens for the migration (Alembic's
   * `autocommit_block()`, a dbmate `transaction:false` section).
   */
  autocommit?: boolean;
  /** What produced it, for non-SQL sources: e.g. `op.add_column`. */
  origin?: string;
  /** Rows of a `COPY … FROM stdin` that followed the statement in the file. */
  copyData?: string;
}

/** A problem found while reading input: becomes a Finding. */
export interface Problem {
  rule: string;
  severity: Severity;
  path: string;
  span: SourceSpan;
  message: string;
  fix?: string;
}

export interface DownScript {
  /** File holding the down/rollback (a .down.sql, down.sql, the same .py for Alembic, ...). */
  path: string;
  statements: Statement[];
  /** True when the author wrote nothing reversible (`pass`, empty file). */
  empty: boolean;
  /** Span of the downgrade body (Alembic) or whole file. */
  span?: SourceSpan;
  /** Problems reading the down script, when the source keeps them apart from the migration's (Alembic's downgrade()). */
  problems?: Problem[];
}

export interface Migration {
  /** Revision id, version or folder name: unique within its project. */
  id: string;
  /** Human name or description. */
  name: string;
  /** The file the author edits (migration.sql, the .py file, V1__x.sql). */
  path: string;
  tool: ToolName;
  convention: Convention;
  /** Ids this migration follows (Alembic down_revision; for linear tools the previous id). */
  parents: string[];
  /** Where `parents` are declared (Alembic's `down_revision = …` line), for history findings. */
  parentsSpan?: SourceSpan;
  /** Alembic branch_labels / depends_on, when present. */
  branchLabels?: string[];
  dependsOn?: string[];
  /** Sort key in the tool's own order (version, timestamp, folder name). */
  order: string;
  /** Repeatable (Flyway R__) migrations run after versioned ones. */
  repeatable?: boolean;
  /** Whether the tool wraps the whole migration in one transaction. */
  transactional: boolean;
  statements: Statement[];
  down: DownScript | null;
  problems: Problem[];
  /** sha256 of the migration file's bytes, to tell an edited migration from an untouched one. */
  checksum?: string;
  /** Relative to --base: what the PR does to this file. */
  change?: "added" | "modified" | "deleted" | "unchanged";
  /**
   * Set when the tool will not run this file because its name breaks the
   * convention (e.g. `V2_x.sql` in a Flyway folder): why. Kept in the list so
   * `naming-convention` can point at it; it has no place in the order.
   */
  unrecognized?: string;
  /**
   * Set when the source could read the migration only up to a line (an Alembic
   * `if` on a value known at run time): its replay stops there, so failures
   * later in the history may follow from what it skipped.
   */
  partial?: { line: number; reason: string };
}

/** A migration folder found in a repository. */
export interface Project {
  tool: ToolName;
  convention: Convention;
  /** Repo-relative folder holding the migrations (e.g. `alembic/versions`, `prisma/migrations`). */
  folder: string;
  dialect: Dialect;
  /** Default transaction behaviour for its migrations. */
  transactional: boolean;
  /** Extra files that define the project (alembic.ini, schema.prisma, sqitch.plan ...). */
  files: string[];
  /** Why we think so, shown by `setup`. */
  evidence: string[];
  schemaPath?: string;
}

export type FindingSource = "static" | "trace";

export interface Finding {
  rule: string;
  severity: Severity;
  path: string;
  line: number;
  column: number;
  endLine: number;
  message: string;
  /** One line: how to do the same thing safely. */
  fix?: string;
  lock: LockMode | null;
  source: FindingSource;
  /** Id of the migration it belongs to, when it belongs to one. */
  migration?: string;
  /** The statement text, for reports. */
  statement?: string;
  /** First line of the statement the finding is on (`line` may point inside it, e.g. at a column). */
  statementLine?: number;
  /** `migration`: about the whole migration (no lock_timeout before its locks), not one statement. */
  scope?: "statement" | "migration";
  /** What other findings about the same hazard added, folded in by the gate (`rules/gate.ts`). */
  evidence?: string[];
  /** Rule ids the gate folded into this finding. */
  merged?: string[];
  /** The locks the finding is about, by relation, when known (from the trace). */
  locks?: Array<{ relation: string; mode: LockMode }>;
  /** Internal until the gate runs: what this finding adds when folded into another (see RuleHit). */
  foldedText?: string;
}

/** One line of the execution plan (filled by plan/engine, rendered by reports). */
export interface PlanStatement {
  line: number;
  sql: string;
  lock: LockMode | null;
  /** Table(s) the lock is on. */
  tables: string[];
  /** What the lock blocks on those tables. */
  blocks: Array<"reads" | "writes" | "ddl">;
  rewrite: boolean;
  /** The existing tables it rewrote, when known (trace); `tables` holds every table the lock is on. */
  rewritten?: string[];
  scan: boolean;
  /** The statement works on a table created earlier in the same migration. */
  newTable: boolean;
  /** e.g. `migration` (wrapped by the tool), `explicit`, `none`. */
  transaction: "migration" | "explicit" | "none";
  /** reversible | reversible with data loss | reversible if the rows written since fit (check first) | irreversible */
  rollback: "reversible" | "data-loss" | "needs-data-check" | "irreversible";
  /** With `needs-data-check`, when the statement alone says what to count: run it before rolling back. */
  dataCheck?: string;
  findings: string[];
  /** AccessExclusiveLock held across this many statements (trace), when known. */
  heldFor?: number;
  error?: string;
}

export interface PlanMigration {
  migration: string;
  path: string;
  statements: PlanStatement[];
  totals: { accessExclusiveStatements: number; tablesRewritten: string[] };
  source: FindingSource;
}

/** What the engine ran on. */
export interface EngineInfo {
  /** `pglite` (in-process), `postgres` (a real server db-migrate started), `url` (a server the user named). */
  kind: "pglite" | "postgres" | "url";
  /** Read from the server: `PostgreSQL 16.4`, or `PostgreSQL 18.1 (PGlite)`. */
  serverVersion: string;
  majorVersion: number;
  /** The TimeZone the migrations ran in (`trace.timezone`): timestamp↔timestamptz rewrites depend on it. */
  timezone: string;
  /** The backend that was asked for, when the run fell back to PGlite (a notice says why). */
  requested?: "postgres" | "url";
}

/**
 * - `verified`: every operation was analysed and the round trip restores the schema, with representative rows too.
 * - `verified-schema-needs-data-check`: the schema round trip holds, but the rollback tightens what the
 *   migration loosened; rows written after deploy can make it fail (see `dataChecks`).
 * - `not-verifiable`: some operation of the migration or its down was not analysed (see `unanalyzed`).
 */
export type Verification =
  | "verified"
  | "verified-schema-needs-data-check"
  | "not-verifiable"
  | "mismatch"
  | "fails"
  | "not-run";

/** A query to run before rolling back: a count above 0 means the rollback will fail on this data. */
export interface DataCheck {
  /** `users.email: NOT NULL was dropped; the rollback sets it again`. */
  reason: string;
  query: string;
  /** The rollback's error once a row the migration allows was seeded (the proof); null when no row could be seeded. */
  error: string | null;
}

/** An operation that was not analysed, so the verdict cannot cover it. */
export interface UnanalyzedOperation {
  path: string;
  line: number;
  message: string;
}

export interface RollbackResult {
  migration: string;
  path: string;
  origin: "generated" | "author";
  verification: Verification;
  irreversible: Array<{ line: number; reason: string; alternative?: string }>;
  statements: string[];
  /** Unified diff (git apply-able) creating or filling the rollback, or null. */
  diff: string | null;
  /** Review-like schema differences when verification is `mismatch`. */
  differences?: string[];
  error?: string;
  /** With `verified-schema-needs-data-check`: what to run first. */
  dataChecks?: DataCheck[];
  /** With `not-verifiable`: the operations that were not analysed. */
  unanalyzed?: UnanalyzedOperation[];
}

export interface MigrationSummary {
  path: string;
  id: string;
  tool: ToolName;
  /** The tool's convention, where it is known: reports ask its adapter for the tool's terms. */
  convention?: Convention;
  statements: number;
  name?: string;
  parents?: string[];
  change?: Migration["change"];
}

/** Something to tell the user that is not a rule finding (e.g. a dialect we do not analyse). */
export interface Notice {
  level: "info" | "warning" | "error";
  message: string;
  path?: string;
}

export interface AnalysisResult {
  version: 1;
  migrations: MigrationSummary[];
  findings: Finding[];
  summary: { errors: number; warnings: number; infos: number };
  notices: Notice[];
  /** Filled when the plan was computed. */
  plan?: PlanMigration[];
  /** Filled when rollbacks were computed. */
  rollbacks?: RollbackResult[];
  /** The PostgreSQL the engine replayed on, when it ran (the comment's footer: "replayed on PostgreSQL 16.4"). */
  engine?: EngineInfo;
  /** Projects analysed (folder, tool), for per-folder comments. */
  projects?: Array<Pick<Project, "tool" | "convention" | "folder" | "dialect">>;
  /** With a database URL: the live schema compared with the replayed history, per migration folder. */
  drift?: LiveDrift[];
  /** With a database URL: size and estimated rows of the existing tables the PR locks, by the name the plan uses. */
  tableSizes?: Record<string, TableSize>;
}

/** One migration folder against the live database (read-only), as `history --database-url` reports it. */
export interface LiveDrift {
  folder: string;
  /** The migration tool whose bookkeeping table was found, if any. */
  tool: Convention | null;
  table: string | null;
  applied: string[];
  pending: string[];
  /** Ids the database has applied that the repository does not have. */
  unknown: string[];
  failed: string[];
  /** Live minus replayed: changes made outside the migrations. */
  drift: Array<{ change: string; objectType: string; object: string; describe: string }>;
  /** Applied statements the embedded PostgreSQL could not replay: drift near them may be theirs. */
  replayFailures: Array<{ path: string; line: number; message: string; cause?: string | undefined }>;
}

/** From `pg_class` on the live database: `pg_total_relation_size` and `reltuples` (-1: never analysed). */
export interface TableSize {
  bytes: number;
  rows: number | null;
}
