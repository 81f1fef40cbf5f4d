/**
 * Alembic operations found by the body walk: `op.*`, `batch_op.*`, SQL run on
 * a connection or session, enum type DDL. Each is rendered to the SQL Alembic
 * emits (render.ts), parsed by PostgreSQL's parser, and recorded in the body
 * with its ignore directives; what cannot be rendered is recorded as an
 * `unanalyzed-operation` at its line.
 */
import type { SyntaxNode } from "@lezer/common";
import { parseIgnoreDirectives } from "../../sql/ignore.js";
import { parseSql } from "../../sql/parse.js";
import type { IgnoreDirective, Problem, SourceSpan, Statement } from "../../types.js";
import { renderSyncEnumValues } from "./postgresql-enum.js";
import {
  type BatchTarget,
  dottedName,
  lastName,
  literalContentStart,
  type PySource,
  type PyValue,
  type Scope,
} from "./python.js";
import {
  bindParamsToPositional,
  pyformatToPositional,
  RENDERED_OPERATIONS,
  type RenderMemo,
  renderBulkInsert,
  renderCoreStatement,
  renderEntity,
  renderEnumDdl,
  renderOperation,
  sqlFragment,
  Unanalyzable,
} from "./render.js";
import type { AlembicBody, AlembicParseOptions, Call, WalkContext } from "./types.js";

/** Calls on a connection or session that run no SQL of their own. */
const HANDLE_NOOPS = new Set([
  "commit",
  "flush",
  "close",
  "rollback",
  "begin",
  "begin_nested",
  "connect",
  "expire_all",
  "expunge_all",
  "get_bind",
  "execution_options",
  "info",
]);
/** `op` calls that run nothing: accessors and name helpers. */
const OP_NOOPS = new Set([
  "f",
  "get_bind",
  "get_context",
  "inline_literal",
  "implementation_for",
  "register_operation",
]);

export class OperationRecorder {
  /** The body being read; set by the walker for `upgrade()` then `downgrade()`. */
  body!: AlembicBody;
  /** SQLAlchemy's memo for one migration run (upgrade or downgrade): enum types already created. */
  memo: RenderMemo = { enums: new Set() };
  private readonly approximations = new Set<string>();

  constructor(
    private readonly source: PySource,
    private readonly path: string,
    private readonly options: AlembicParseOptions,
    /** Comments by line, for `# db-migrate:ignore` directives. */
    private readonly comments: ReadonlyMap<number, string>,
    /** Whether an expression can reach the database (the walker knows helpers and handles). */
    private readonly touches: (node: SyntaxNode, scope: Scope) => boolean,
  ) {}

  opCall(node: SyntaxNode, call: Call, method: string, ctx: WalkContext): PyValue | undefined {
    if (OP_NOOPS.has(method)) {
      const handle = handleOf(call);
      return handle ? { kind: "handle", handle } : undefined;
    }
    if (method === "execute") {
      this.executeSql(node, call, `op.execute`, ctx, false);
      return undefined;
    }
    if (method === "create_entity" || method === "drop_entity" || method === "replace_entity") {
      const entity = call.args[0] ?? call.kwargs.get("entity");
      this.operation(node, call, `op.${method}`, ctx, () => ({
        sql: [renderEntity(method, entity)],
        approximations: [],
      }));
      return undefined;
    }
    if (method === "sync_enum_values") {
      this.operation(node, call, "op.sync_enum_values", ctx, () => renderSyncEnumValues(call));
      return undefined;
    }
    if (method === "bulk_insert") {
      this.operation(node, call, "op.bulk_insert", ctx, () => {
        const sql = renderBulkInsert(call);
        return { sql: sql ? [sql] : [], approximations: [] };
      });
      return undefined;
    }
    if (!RENDERED_OPERATIONS.has(method)) {
      this.unanalyzed(node, ctx, `op.${method}`);
      return undefined;
    }
    this.operation(node, call, `op.${method}`, ctx, () => renderOperation(method, call, undefined, this.memo));
    if (method === "create_table") {
      // The Table it returns is what `op.bulk_insert(t, rows)` then fills.
      return { ...call, callee: { kind: "ref", path: ["sqlalchemy", "table"] } };
    }
    return undefined;
  }

  batchCall(node: SyntaxNode, call: Call, method: string, batch: BatchTarget, ctx: WalkContext): undefined {
    if (method === "f") return undefined;
    if (method === "execute") {
      this.executeSql(node, call, "batch_op.execute", ctx, false);
      return undefined;
    }
    if (!RENDERED_OPERATIONS.has(method)) {
      this.unanalyzed(node, ctx, `batch_op.${method}`);
      return undefined;
    }
    this.operation(node, call, `batch_op.${method}`, ctx, () => renderOperation(method, call, batch, this.memo), batch);
    return undefined;
  }

  handleCall(
    node: SyntaxNode,
    call: Call,
    method: string,
    handle: "bind" | "session" | "context" | "batch",
    ctx: WalkContext,
  ): PyValue | undefined {
    const label = handle === "session" ? "session" : "connection";
    if (HANDLE_NOOPS.has(method)) {
      return method === "connect" || method === "begin" ? { kind: "handle", handle } : undefined;
    }
    if (method === "execute" || method === "exec_driver_sql") {
      const text = sqlFragment(call.args[0]);
      const textCall = call.args[0]?.kind === "call" && ["text", "bindparams"].includes(lastName(call.args[0]));
      const core = renderCoreStatement(call.args[0]);
      if (text === undefined && core === undefined && handle === "session" && !textCall) {
        this.unanalyzed(node, ctx, `ORM session.execute(${dottedName(call.args[0]) || "expression"})`);
        return undefined;
      }
      this.executeSql(node, call, `${label}.${method}`, ctx, call.args.length > 1);
      return undefined;
    }
    this.unanalyzed(node, ctx, handle === "session" ? `ORM session.${method}` : `${label}.${method}`);
    return undefined;
  }

  /** `sa.Enum(...).create(op.get_bind())`, `postgresql.ENUM(...).drop(bind)`. */
  typeDdl(node: SyntaxNode, call: Call, callee: Extract<PyValue, { kind: "member" }>, ctx: WalkContext): undefined {
    const bindArg = call.args[0] ?? call.kwargs.get("bind");
    if (!bindArg || !handleOf(bindArg)) {
      if (this.touches(node, ctx.scope)) this.unanalyzed(node, ctx, `call to \`${this.excerpt(node)}\``);
      return undefined;
    }
    const checkfirst = call.kwargs.get("checkfirst");
    const action = callee.name as "create" | "drop";
    this.operation(node, call, `${lastName(callee.object) || "type"}.${action}`, ctx, () => ({
      sql: [renderEnumDdl(callee.object, action, checkfirst?.kind === "bool" && checkfirst.value)],
      approximations: [],
    }));
    return undefined;
  }
  executeSql(node: SyntaxNode, call: Call, origin: string, ctx: WalkContext, driverParams: boolean): void {
    const argument = call.args[0] ?? call.kwargs.get("sqltext") ?? call.kwargs.get("statement");
    const core = renderCoreStatement(argument);
    if (core !== undefined) {
      this.operation(node, call, origin, ctx, () => ({ sql: [core], approximations: [] }));
      return;
    }
    const fragment = sqlFragment(argument);
    if (fragment === undefined) {
      const inner =
        argument?.kind === "call" && ["text", "bindparams"].includes(lastName(argument))
          ? textArgument(argument)
          : argument;
      const construct =
        inner?.kind === "unknown" ? `${origin} with ${inner.why}` : `${origin}(${sqlConstruct(argument)})`;
      this.unanalyzed(node, ctx, construct, call);
      return;
    }
    const sqlText = sqlForDriver(fragment, origin, argument, driverParams);
    const literalNode =
      argument?.kind === "str" ? argument.node : argument?.kind === "call" ? stringNode(argument) : undefined;
    const inside = literalNode && literalNode.from >= node.from && literalNode.to <= node.to ? literalNode : undefined;
    let lineOffset = 0;
    let firstColumn = 1;
    // Parse errors point into the literal wherever it is written (a module constant too).
    if (literalNode) {
      const start = this.source.position(literalContentStart(literalNode, this.source));
      lineOffset = start.line - 1;
      firstColumn = start.column;
    }
    const parsed = parseSql(sqlText, this.path, {
      lineOffset,
      ...(this.options.templateVars ? { templateVars: this.options.templateVars } : {}),
    });
    const span = this.source.span(node);
    const exactLines = inside !== undefined && parsed.statements.length > 1;
    const statements = parsed.statements.map((statement) => {
      if (exactLines) {
        const onFirstLine = statement.span.line === lineOffset + 1;
        return {
          ...statement,
          span: {
            ...statement.span,
            column: onFirstLine ? statement.span.column + firstColumn - 1 : statement.span.column,
            endColumn:
              statement.span.endLine === lineOffset + 1
                ? statement.span.endColumn + firstColumn - 1
                : statement.span.endColumn,
          },
        };
      }
      return { ...statement, span };
    });
    this.record(node, call, origin, ctx, statements, parsed.problems);
  }

  /** Renders one operation and records its statements, or records it as unanalysed. */
  private operation(
    node: SyntaxNode,
    call: Call,
    origin: string,
    ctx: WalkContext,
    render: () => { sql: string[]; approximations: string[] },
    batch?: BatchTarget,
  ): void {
    let rendered: { sql: string[]; approximations: string[] };
    try {
      rendered = render();
    } catch (error) {
      if (!(error instanceof Unanalyzable)) throw error;
      this.unanalyzed(node, ctx, error.message, call, batch);
      return;
    }
    const span = this.source.span(node);
    const statements: Statement[] = [];
    const problems: Problem[] = [];
    for (const sql of rendered.sql) {
      const parsed = parseSql(
        sql,
        this.path,
        this.options.templateVars ? { templateVars: this.options.templateVars } : {},
      );
      statements.push(...parsed.statements.map((s) => ({ ...s, span })));
      problems.push(
        ...parsed.problems.map((p) => ({
          ...p,
          span,
          message: `${origin} renders to SQL PostgreSQL does not accept (${sql.slice(0, 80)}): ${p.message}`,
        })),
      );
    }
    for (const approximation of rendered.approximations) {
      // One info per custom type and file: the first column that uses it.
      if (this.approximations.has(approximation)) continue;
      this.approximations.add(approximation);
      problems.push({
        rule: "unanalyzed-operation",
        severity: "info",
        path: this.path,
        span,
        message: `${origin}: ${approximation}; checks on columns of this type in this file are approximate`,
      });
    }
    this.record(node, call, origin, ctx, statements, problems, batch);
  }

  record(
    node: SyntaxNode,
    call: Call,
    origin: string,
    ctx: WalkContext,
    statements: Statement[],
    problems: Problem[],
    batch?: BatchTarget,
  ): void {
    const span = this.source.span(node);
    const directives = [...ctx.ignores, ...this.directivesFor(span)];
    for (const statement of statements) {
      statement.origin = origin;
      statement.path = this.path;
      statement.ignores = [...directives, ...statement.ignores];
      if (ctx.autocommit) statement.autocommit = true;
      this.body.statements.push(statement);
    }
    this.body.problems.push(...problems);
    this.body.operations.push({
      origin,
      span,
      call,
      autocommit: ctx.autocommit,
      sql: statements.map((s) => s.sql),
      analyzed: true,
      ...(batch ? { batch } : {}),
    });
  }

  unanalyzed(node: SyntaxNode, ctx: WalkContext, construct: string, call?: Call, batch?: BatchTarget): void {
    const span = this.source.span(node);
    // A helper inlined from a loop reports its construct once, not once per iteration.
    if (this.body.operations.some((o) => !o.analyzed && o.span.line === span.line && o.construct === construct)) return;
    this.body.problems.push({
      rule: "unanalyzed-operation",
      severity: "info",
      path: this.path,
      span: { ...span, endLine: span.line, endColumn: span.column },
      message: `not analysed: ${construct}. db-migrate reads Alembic files without running them and cannot tell what SQL this runs`,
      fix: 'review it by hand, or write it as op.* calls or op.execute("<SQL>") so it can be checked',
    });
    this.body.operations.push({
      origin: construct,
      span,
      autocommit: ctx.autocommit,
      sql: [],
      analyzed: false,
      construct,
      ...(call ? { call } : {}),
      ...(batch ? { batch } : {}),
    });
  }

  /**
   * An `if` whose condition is known only at run time and whose branches reach
   * the database: the body is partially analysed and its replay stops here.
   */
  partial(node: SyntaxNode, condition: SyntaxNode, ctx: WalkContext): void {
    const span = this.source.span(node);
    const reason = `\`if ${this.excerpt(condition)}\` depends on a value known only at run time`;
    this.body.partial = { line: span.line, reason };
    this.body.problems.push({
      rule: "unanalyzed-operation",
      severity: "info",
      path: this.path,
      span: { ...span, endLine: span.line, endColumn: span.column },
      message: `partially analysed: ${reason}; db-migrate does not guess which branch runs, so this revision's analysis and replay stop at line ${span.line}`,
      fix: "review the rest by hand, or decide the branch in SQL (e.g. a DO block or IF EXISTS) so it can be checked",
    });
    this.body.operations.push({
      origin: "if on a run-time value",
      span,
      autocommit: ctx.autocommit,
      sql: [],
      analyzed: false,
      construct: "if on a run-time value",
    });
  }

  /** `# db-migrate:ignore` on the call's lines or in the comment block right above it. */
  directivesFor(span: SourceSpan): IgnoreDirective[] {
    const directives: IgnoreDirective[] = [];
    for (let line = span.line; line <= span.endLine; line++) {
      const comment = this.comments.get(line);
      if (comment) directives.push(...parseIgnoreDirectives(comment, line));
    }
    return [...this.directivesAboveLine(span.line), ...directives];
  }

  directivesAbove(node: SyntaxNode): IgnoreDirective[] {
    return this.directivesAboveLine(this.source.position(node.from).line);
  }

  private directivesAboveLine(line: number): IgnoreDirective[] {
    const directives: IgnoreDirective[] = [];
    for (let above = line - 1; above >= 1; above--) {
      if (!this.source.lineText(above).trim().startsWith("#")) break;
      const comment = this.comments.get(above);
      if (comment) directives.push(...parseIgnoreDirectives(comment, above));
    }
    return directives;
  }

  private excerpt(node: SyntaxNode): string {
    const text = this.source.slice(node).replace(/\s+/g, " ").trim();
    return text.length > 60 ? `${text.slice(0, 57)}…` : text;
  }
}

/** What kind of database handle an expression is, if any. */
export function handleOf(value: PyValue | undefined): "bind" | "session" | "context" | undefined {
  if (!value) return undefined;
  if (value.kind === "handle") return value.handle === "batch" ? undefined : value.handle;
  if (value.kind === "ref" && value.path.join(".") === "alembic.context") return "context";
  // Flask-SQLAlchemy's `db.session` / `db.engine`, imported from the application.
  if (value.kind === "ref" && value.path.at(-2) === "db") {
    if (value.path.at(-1) === "session") return "session";
    if (value.path.at(-1) === "engine") return "bind";
  }
  if (value.kind === "member") {
    if (value.name === "connection" || value.name === "bind") return handleOf(value.object) ? "bind" : undefined;
    return undefined;
  }
  if (value.kind !== "call") return undefined;
  const name = dottedName(value.callee);
  if (name === "op.get_bind") return "bind";
  if (name === "op.get_context") return "context";
  const last = lastName(value);
  if (
    last === "Session" ||
    last === "sessionmaker" ||
    (value.callee.kind === "call" && lastName(value.callee) === "sessionmaker")
  ) {
    return "session";
  }
  if (value.callee.kind === "member" && ["connect", "begin", "execution_options"].includes(value.callee.name)) {
    return handleOf(value.callee.object);
  }
  return undefined;
}

/**
 * How the SQL reaches PostgreSQL. `op.execute("…")` and `text("…")` go through
 * SQLAlchemy's text(), whose `:name` are bind parameters; a plain string on a
 * connection (SQLAlchemy 1.x) or exec_driver_sql goes to the driver, whose
 * placeholders are `%s` / `%(name)s` only when parameters are passed.
 */
function sqlForDriver(sql: string, origin: string, argument: PyValue | undefined, hasParams: boolean): string {
  const toDriver = origin.endsWith("exec_driver_sql") || (argument?.kind === "str" && origin.startsWith("connection."));
  if (toDriver) return hasParams ? pyformatToPositional(sql) : sql;
  return bindParamsToPositional(sql);
}

/** The argument given to `text(...)`, through `.bindparams(...)`. */
function textArgument(call: Call): PyValue | undefined {
  if (call.callee.kind === "member" && call.callee.object.kind === "call") return textArgument(call.callee.object);
  return call.args[0];
}

function stringNode(call: Call): SyntaxNode | undefined {
  const inner = call.args[0];
  if (inner?.kind === "str") return inner.node;
  if (call.callee.kind === "member" && call.callee.object.kind === "call") return stringNode(call.callee.object);
  return undefined;
}

function sqlConstruct(value: PyValue | undefined): string {
  if (!value) return "no argument";
  const name = dottedName(value);
  if (value.kind === "call" && value.callee.kind === "member") {
    return `SQLAlchemy expression ${name.split(".").slice(-2).join(".")}(…)`;
  }
  if (value.kind === "ref") return `variable \`${name}\``;
  return name ? `${name}(…)` : value.kind;
}
