/**
 * A rule is metadata next to its check (like an ESLint rule module). Statement
 * rules see one parsed statement plus a context; history rules see the ordered
 * migrations of a project. Neither knows file formats or GitHub.
 */
import type { Node } from "@pgsql/types";
import type { FailureCause, MigrationTrace, StatementFailure, StatementTrace } from "../engine/types.js";
import type { NodeTag } from "../sql/ast.js";
import type { LockMode, Migration, Project, Severity, SourceSpan, Statement } from "../types.js";
import type { StatementContext } from "./context.js";

export type RuleCategory = "data-loss" | "locks" | "clients" | "transactions" | "style" | "history" | "trace" | "input";

export interface RuleMeta {
  /** Stable id from rules.md; also the docs page name `docs/rules/<id>.md`. */
  id: string;
  category: RuleCategory;
  severity: Severity;
  /** Style rules are off unless enabled in config. */
  enabledByDefault: boolean;
  /** One line: what it detects. */
  summary: string;
  /** The lock the flagged statement takes, in PostgreSQL's names; null when none. */
  lock: LockMode | null;
}

/** What a check reports; the runner adds rule id, location and severity. */
export interface RuleHit {
  message: string;
  /** One line: the safe way to do the same thing. */
  fix?: string;
  /** Overrides meta.lock (e.g. a weaker lock on this PostgreSQL version). */
  lock?: LockMode | null;
  /** Overrides the statement's span (e.g. the exact column definition). */
  span?: SourceSpan;
  /** Overrides meta.severity for this hit (e.g. worse with CASCADE). */
  severity?: Severity;
  /**
   * What this hit adds, in one clause, when the gate folds it into another
   * finding about the same statement and hazard (`rules/gate.ts`).
   */
  foldedText?: string;
  /** The locks this hit is about, by relation, when known (trace). */
  locks?: Array<{ relation: string; mode: LockMode }>;
}

/** A statement whose AST parsed. */
export type ParsedStatement = Omit<Statement, "ast"> & { ast: Node };

export interface StatementRule {
  kind: "statement";
  meta: RuleMeta;
  /**
   * The AST node kinds (`AlterTableStmt` …) the check can report on; the runner
   * calls it for those only. Omitted: every parsed statement.
   */
  statementKinds?: readonly NodeTag[];
  check(statement: ParsedStatement, context: StatementContext): RuleHit[];
}

export interface HistoryInput {
  project: Project;
  /** The migrations at the head of the PR, in the tool's order. */
  migrations: Migration[];
  /** The same project's migrations on the base ref, when --base was given. */
  base: Migration[] | null;
  /** Paths deleted by the PR (present on base, absent at head). */
  deleted: string[];
  /**
   * Files that define the project (schema.prisma, alembic.ini …) whose text
   * differs between base and head, with both texts (null where absent). Filled
   * with --base by `projectFileChanges` (src/sources/compare.ts).
   */
  changedFiles?: Array<{ path: string; before: string | null; after: string | null }>;
}

export interface HistoryHit extends RuleHit {
  path: string;
  span: SourceSpan;
  migration?: string;
}

export interface HistoryRule {
  kind: "history";
  meta: RuleMeta;
  check(input: HistoryInput): HistoryHit[];
}

/** What a trace rule sees besides the statement's own facts. */
export interface TraceContext {
  trace: MigrationTrace;
  /** Base-history statements that could not be replayed (a later failure may follow from one). */
  baseFailures: StatementFailure[];
  /** Migrations replayed before this one whose replay stopped early (Migration.partial): the schema may lack what they create. */
  incomplete: Migration[];
  /** The engine's classification of an error (an engine limit, or PostgreSQL rejecting the SQL). */
  causeOf(error: { message: string; code?: string }): FailureCause;
}

/** A rule over the facts the engine observed for one statement (locks, rewrites, failures). */
export interface TraceRule {
  kind: "trace";
  meta: RuleMeta;
  check(statement: StatementTrace, context: TraceContext): RuleHit[];
}

/** Rules whose findings come from elsewhere (the engine, the input readers): metadata only. */
export interface ReportedRule {
  kind: "reported";
  meta: RuleMeta;
}

export type Rule = StatementRule | HistoryRule | TraceRule | ReportedRule;
