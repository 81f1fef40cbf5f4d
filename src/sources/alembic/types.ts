/**
 * What the static Alembic reader produces: a revision's identifiers, header
 * and the operations of `upgrade()` / `downgrade()`, plus the options and
 * walking context shared by its parts (module resolution, control flow,
 * operations, header).
 */
import type { SyntaxNode } from "@lezer/common";
import type { IgnoreDirective, Problem, SourceSpan, Statement } from "../../types.js";
import type { BatchTarget, PyValue, Scope } from "./python.js";

export interface AlembicParseOptions {
  /** Values for `{{ name }}` / `${name}` placeholders in op.execute SQL. */
  templateVars?: Record<string, string>;
  /**
   * Python modules of the repository the revision may import, by dotted name
   * (`app.models` → its text). Lets `from app.models import User` read
   * `User.__tablename__` and string constants; nothing is executed.
   */
  modules?: ReadonlyMap<string, PythonModule>;
}

export interface PythonModule {
  /** Repo-relative path (`app/models/__init__.py` marks a package). */
  path: string;
  text: string;
}

/** Which module a reader is reading, for relative imports and cycles. */
export interface ModuleContext {
  name?: string;
  isPackage: boolean;
  depth: number;
  cache: Map<string, Scope>;
}

export interface ModuleScan {
  assigned: Map<string, { value: PyValue; span: SourceSpan }>;
  functions: Map<string, SyntaxNode>;
  header: AlembicHeader;
  scope: Scope;
}

export type Call = Extract<PyValue, { kind: "call" }>;

/** One database operation found in a function body, analysed or not. */
export interface AlembicOperation {
  /** e.g. `op.add_column`, `batch_op.alter_column`, `connection.execute`, or the construct not understood. */
  origin: string;
  span: SourceSpan;
  /** The evaluated call, for renderers of the other direction (rollback). */
  call?: Call;
  batch?: BatchTarget;
  autocommit: boolean;
  /** The SQL Alembic would emit; empty when not analysed. */
  sql: string[];
  analyzed: boolean;
  /** For an unanalysed operation: the construct, e.g. `for loop`, `ORM session.query`. */
  construct?: string;
}

export interface AlembicBody {
  /** Whether the function is defined at module level. */
  found: boolean;
  /** `pass`, a docstring or comments only. */
  empty: boolean;
  /** The whole `def` (signature to last line). */
  span?: SourceSpan;
  statements: Statement[];
  operations: AlembicOperation[];
  problems: Problem[];
  /**
   * Set when a statement's effect depends on a value known only at run time
   * (an `if` on a query result): what follows it is not analysed and not
   * replayed, rather than guessing which branch runs.
   */
  partial?: { line: number; reason: string };
}

export interface AlembicHeader {
  message?: string;
  revisionId?: string;
  revises?: string;
  createDate?: string;
}

export interface AlembicRevision {
  path: string;
  /** `revision = "..."`, or null when missing or not a string. */
  revision: string | null;
  /** `down_revision`: [] for None, several for a merge. */
  downRevisions: string[];
  /** Whether `down_revision` is assigned at all. */
  hasDownRevision: boolean;
  branchLabels: string[];
  dependsOn: string[];
  header: AlembicHeader;
  /** The docstring's first line, else a name from the file's slug. */
  name: string;
  upgrade: AlembicBody;
  downgrade: AlembicBody;
  /** File-level problems: syntax errors, missing or inconsistent identifiers. */
  problems: Problem[];
  /** Where `revision = ...` is written (line 1 when missing). */
  revisionSpan: SourceSpan;
  /** Where `down_revision = ...` is written, when it is. */
  downRevisionSpan?: SourceSpan;
}
/** Where a body walk is: its names, whether in an autocommit block, the directives of enclosing blocks. */
export interface WalkContext {
  scope: Scope;
  autocommit: boolean;
  /** Directives written above an enclosing `with` block. */
  ignores: IgnoreDirective[];
  depth: number;
}
