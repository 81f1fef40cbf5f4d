/**
 * Reads one Alembic revision file statically: the revision identifiers, the
 * docstring header, and every database operation in `upgrade()` and
 * `downgrade()`, rendered to the SQL Alembic would emit and parsed by
 * PostgreSQL's parser. What cannot be read becomes an `unanalyzed-operation`
 * info at its line, never a silent skip.
 *
 * Decisions:
 * - `if` on the dialect (`op.get_context().dialect.name == "postgresql"`, a
 *   helper such as `is_postgres()` returning that) follows the PostgreSQL
 *   branch only. Any other `if` (and `try`/`except`) has every branch
 *   analysed: each may run, and the rules should see what it does.
 * - `for` over a literal list or tuple (or a literal dict's `.items()`) is
 *   unrolled; any other loop that touches the database is unanalysed.
 * - A helper function defined in the file is inlined with its arguments when
 *   called (up to a few levels deep); its statements point at its own lines.
 * - f-strings and `+` concatenation are read only when every part is a known
 *   literal (a constant, a loop variable over literals); otherwise unanalysed.
 *
 * Call `await loadParser()` (src/sql/parse.ts) once before using this module.
 */
import type { SyntaxNode } from "@lezer/common";
import { parseIgnoreDirectives } from "../../sql/ignore.js";
import { parseSql } from "../../sql/parse.js";
import type { IgnoreDirective, Problem, SourceSpan, Statement } from "../../types.js";
import {
  type BatchTarget,
  bindImport,
  children,
  dottedName,
  evaluate,
  lastName,
  literalContentStart,
  PySource,
  type PyValue,
  Scope,
} from "./python.js";
import {
  bindParamsToPositional,
  pyformatToPositional,
  RENDERED_OPERATIONS,
  renderBulkInsert,
  renderCoreStatement,
  renderEntity,
  renderEnumDdl,
  renderOperation,
  sqlFragment,
  Unanalyzable,
} from "./render.js";

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
interface ModuleContext {
  name?: string;
  isPackage: boolean;
  depth: number;
  cache: Map<string, Scope>;
}

interface ModuleScan {
  assigned: Map<string, { value: PyValue; span: SourceSpan }>;
  functions: Map<string, SyntaxNode>;
  header: AlembicHeader;
  scope: Scope;
}

type Call = Extract<PyValue, { kind: "call" }>;

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

const FILE_START: SourceSpan = { line: 1, column: 1, endLine: 1, endColumn: 1 };
const MAX_INLINE_DEPTH = 4;
/** How far `from a import b` is followed through modules of the repository. */
const MAX_MODULE_DEPTH = 3;
const MAX_UNROLLED_ITEMS = 200;
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
/** Modules whose functions, called as a statement, do not touch the database. */
const NO_DATABASE_MODULES = new Set([
  "sqlalchemy",
  "alembic",
  "logging",
  "warnings",
  "time",
  "datetime",
  "json",
  "os",
  "sys",
  "re",
  "uuid",
  "textwrap",
  "pprint",
  "click",
  "rich",
  "typing",
]);
/** Calls that read the catalog through a connection and change nothing. */
const REFLECTION = new Set(["MetaData", "Table", "inspect", "reflect", "from_engine"]);
/** `op` calls that run nothing: accessors and name helpers. */
const OP_NOOPS = new Set([
  "f",
  "get_bind",
  "get_context",
  "inline_literal",
  "implementation_for",
  "register_operation",
]);

interface Context {
  scope: Scope;
  autocommit: boolean;
  /** Directives written above an enclosing `with` block. */
  ignores: IgnoreDirective[];
  depth: number;
}

/** Parses one Alembic revision file. Pure: the text in, the revision out. */
export function parseAlembicFile(text: string, path: string, options: AlembicParseOptions = {}): AlembicRevision {
  return new RevisionReader(text, path, options).read();
}

class RevisionReader {
  private readonly source: PySource;
  private readonly moduleScope = new Scope();
  private readonly comments = new Map<number, string>();
  private readonly touchCache = new Map<number, boolean>();
  private readonly approximations = new Set<string>();
  private body!: AlembicBody;

  constructor(
    text: string,
    private readonly path: string,
    private readonly options: AlembicParseOptions,
    private readonly context: ModuleContext = { depth: 0, cache: new Map(), isPackage: false },
  ) {
    this.source = new PySource(text);
    // `import app.types` then `app.types.GUID`: the name as that module defines it.
    this.moduleScope.resolver = (path) =>
      path.length > 1 ? this.imported(path.slice(0, -1), 0, path.at(-1) as string) : undefined;
  }

  read(): AlembicRevision {
    const { source } = this;
    const problems: Problem[] = [];
    const error = source.firstError();
    if (error) {
      const at = source.position(error.from);
      problems.push({
        rule: "parse-error",
        severity: "error",
        path: this.path,
        span: { line: at.line, column: at.column, endLine: at.line, endColumn: at.column },
        message: `Python syntax error at line ${at.line}, column ${at.column}: Alembic cannot import this revision; what could be read is still analysed`,
        fix: "fix the syntax (run `python -m py_compile` on the file)",
      });
    }
    this.source.tree.iterate({
      enter: (ref) => {
        if (ref.name === "Comment") this.comments.set(source.position(ref.from).line, source.slice(ref));
      },
    });

    const { assigned, functions, header } = this.scanModule();

    const revisionEntry = assigned.get("revision");
    const downEntry = assigned.get("down_revision");
    const revision = revisionEntry?.value.kind === "str" ? revisionEntry.value.value : null;
    const revisionSpan = revisionEntry?.span ?? FILE_START;
    if (!revisionEntry) {
      problems.push(
        this.chainProblem(
          FILE_START,
          'no `revision = "…"` assignment: Alembic cannot place this file in the revision graph',
        ),
      );
    } else if (revision === null) {
      problems.push(this.chainProblem(revisionSpan, "`revision` is not a string literal"));
    } else if (header.revisionId && header.revisionId !== revision) {
      problems.push(
        this.chainProblem(
          revisionSpan,
          `revision \`${revision}\` differs from the docstring's \`Revision ID: ${header.revisionId}\` (a copied file?)`,
        ),
      );
    }
    let downRevisions: string[] = [];
    if (!downEntry) {
      problems.push(
        this.chainProblem(
          revisionSpan,
          "no `down_revision` assignment: Alembic needs it to order this revision (use `down_revision = None` for the first one)",
        ),
      );
    } else {
      const list = stringList(downEntry.value);
      if (list === null)
        problems.push(this.chainProblem(downEntry.span, "`down_revision` is not a string, tuple of strings or None"));
      downRevisions = list ?? [];
    }

    const fileName = this.path.split("/").pop() ?? this.path;
    const upgrade = this.readFunction(functions.get("upgrade"));
    const downgrade = this.readFunction(functions.get("downgrade"));
    return {
      path: this.path,
      revision,
      downRevisions,
      hasDownRevision: downEntry !== undefined,
      branchLabels: stringList(assigned.get("branch_labels")?.value) ?? [],
      dependsOn: stringList(assigned.get("depends_on")?.value) ?? [],
      header,
      name: header.message || slugName(fileName, revision),
      upgrade,
      downgrade,
      problems,
      revisionSpan,
      ...(downEntry ? { downRevisionSpan: downEntry.span } : {}),
    };
  }

  /** Top-level imports, constants, classes and functions; the module docstring. */
  scanModule(): ModuleScan {
    const { source } = this;
    const scan: ModuleScan = { assigned: new Map(), functions: new Map(), header: {}, scope: this.moduleScope };
    const top = children(source.tree.topNode);
    const docIndex = firstStatementIndex(top);
    for (const [index, node] of top.entries()) {
      if (node.name === "ExpressionStatement" && index === docIndex) {
        const doc = node.firstChild;
        const value = doc ? evaluate(doc, source, this.moduleScope) : undefined;
        if (value?.kind === "str") scan.header = readHeader(value.value);
      } else if (node.name === "ImportStatement") {
        bindImport(node, source, this.moduleScope, (module, dots, name) => this.imported(module, dots, name));
      } else if (node.name === "AssignStatement") {
        const { targets, value } = assignmentParts(node, source);
        if (!value) continue;
        const evaluated = evaluate(value, source, this.moduleScope);
        for (const target of targets) {
          this.moduleScope.set(target, evaluated);
          scan.assigned.set(target, { value: evaluated, span: source.span(node) });
        }
      } else if (node.name === "DecoratedStatement" && node.getChild("ClassDefinition")) {
        this.bindClass(node.getChild("ClassDefinition") as SyntaxNode);
      } else if (node.name === "FunctionDefinition" || node.name === "DecoratedStatement") {
        const def = node.name === "FunctionDefinition" ? node : node.getChild("FunctionDefinition");
        const name = def?.getChild("VariableName");
        if (def && name) {
          scan.functions.set(source.slice(name), def);
          this.moduleScope.set(source.slice(name), { kind: "function", node: def, scope: this.moduleScope });
        }
      } else if (node.name === "ClassDefinition") {
        this.bindClass(node);
      }
    }
    return scan;
  }

  /**
   * A name imported from a module of the repository (given in options.modules):
   * its literal value, a class's literal attributes (`User.__tablename__`).
   * Functions and anything computed stay references.
   */
  private imported(module: string[], dots: number, name: string): PyValue | undefined {
    const modules = this.options.modules;
    if (!modules || this.context.depth >= MAX_MODULE_DEPTH) return undefined;
    const absolute = absoluteModule(module, dots, this.context.name, this.context.isPackage);
    if (absolute === undefined) return undefined;
    const exported = this.context.cache.get(absolute) ?? this.scanImportedModule(absolute);
    const value = exported?.get(name);
    if (!value) return undefined;
    // Literals and classes; a ref only when it names a SQLAlchemy type (a TypeDecorator's PostgreSQL type).
    if (["str", "num", "bool", "seq", "dict", "object"].includes(value.kind)) return value;
    return value.kind === "ref" && value.path[0]?.startsWith("sqlalchemy") ? value : undefined;
  }

  private scanImportedModule(name: string): Scope | undefined {
    const module = this.options.modules?.get(name);
    if (!module) return undefined;
    // Mark it first: two modules importing each other must not recurse.
    this.context.cache.set(name, new Scope());
    const reader = new RevisionReader(module.text, module.path, this.options, {
      name,
      isPackage: module.path.endsWith("__init__.py"),
      depth: this.context.depth + 1,
      cache: this.context.cache,
    });
    const scope = reader.scanModule().scope;
    this.context.cache.set(name, scope);
    return scope;
  }

  private chainProblem(span: SourceSpan, message: string): Problem {
    return {
      rule: "broken-revision-chain",
      severity: "error",
      path: this.path,
      span,
      message,
      fix: "make `revision`, `down_revision` and the docstring header agree with the revision graph",
    };
  }

  /**
   * Classes defined in the file: `class GUID(TypeDecorator): impl = CHAR` stands
   * for its `impl` type; any other class keeps its literal attributes
   * (`__tablename__ = "users"`) and annotated fields (dataclass order).
   */
  private bindClass(node: SyntaxNode): void {
    const name = node.getChild("VariableName");
    const body = node.getChild("Body");
    if (!name || !body) return;
    const attrs = new Map<string, PyValue>();
    const fields: string[] = [];
    let impl: PyValue | undefined;
    for (const statement of children(body)) {
      if (
        statement.name === "FunctionDefinition" &&
        this.source.slice(statement.getChild("VariableName") ?? statement) === "load_dialect_impl"
      ) {
        // A TypeDecorator choosing its type per dialect: PostgreSQL's choice wins over `impl`.
        const chosen = this.postgresReturn(statement.getChild("Body"));
        if (chosen) impl = chosen;
        continue;
      }
      if (statement.name !== "AssignStatement") continue;
      const { targets, value } = assignmentParts(statement, this.source);
      const annotated = children(statement).find((c) => c.name === "VariableName");
      if (!value && annotated && statement.getChild("TypeDef")) fields.push(this.source.slice(annotated));
      if (!value) continue;
      const evaluated = evaluate(value, this.source, this.moduleScope);
      if (targets[0] === "impl") impl ??= evaluated;
      for (const target of targets) attrs.set(target, evaluated);
    }
    const type = impl?.kind === "call" ? impl.callee : impl;
    if (type?.kind === "ref") this.moduleScope.set(this.source.slice(name), type);
    else this.moduleScope.set(this.source.slice(name), { kind: "object", attrs, fields, instance: false });
  }

  /** In `load_dialect_impl`, the type returned on PostgreSQL: `return dialect.type_descriptor(UUID())`. */
  private postgresReturn(body: SyntaxNode | null): PyValue | undefined {
    for (const statement of body ? children(body) : []) {
      if (statement.name === "ReturnStatement") {
        const value = children(statement).find((c) => c.name !== "return");
        const returned = value ? evaluate(value, this.source, this.moduleScope) : undefined;
        const descriptor =
          returned?.kind === "call" && lastName(returned) === "type_descriptor" ? returned.args[0] : returned;
        return descriptor?.kind === "call" || descriptor?.kind === "ref" ? descriptor : undefined;
      }
      if (statement.name !== "IfStatement") continue;
      const parts = children(statement);
      for (let i = 0; i < parts.length; i++) {
        const part = parts[i] as SyntaxNode;
        const isCondition = part.name === "if" || part.name === "elif";
        const condition = isCondition ? parts[i + 1] : undefined;
        const branch = isCondition ? parts[i + 2] : part.name === "else" ? parts[i + 1] : undefined;
        if (branch?.name !== "Body") continue;
        if (condition && this.dialectTruth(condition, this.moduleScope) !== true) continue;
        return this.postgresReturn(branch);
      }
    }
    return undefined;
  }

  private readFunction(def: SyntaxNode | undefined): AlembicBody {
    this.body = { found: def !== undefined, empty: true, statements: [], operations: [], problems: [] };
    const body = def?.getChild("Body");
    if (!def || !body) return this.body;
    this.body.span = this.source.span(def);
    this.body.empty = isEmptyBody(body);
    this.walkBody(body, { scope: this.moduleScope.child(), autocommit: false, ignores: [], depth: 0 });
    return this.body;
  }

  private walkBody(body: SyntaxNode, ctx: Context): void {
    for (const statement of children(body)) {
      if (this.statement(statement, ctx) === "return") return;
    }
  }

  private statement(node: SyntaxNode, ctx: Context): "return" | undefined {
    switch (node.name) {
      case ":":
      case "Comment":
      case "PassStatement":
      case "BreakStatement":
      case "ContinueStatement":
      case "GlobalStatement":
      case "NonlocalStatement":
        return undefined;
      case "ImportStatement":
        bindImport(node, this.source, ctx.scope, (module, dots, name) => this.imported(module, dots, name));
        return undefined;
      case "StatementGroup":
        for (const child of children(node)) if (this.statement(child, ctx) === "return") return "return";
        return undefined;
      case "ExpressionStatement": {
        const expression = node.firstChild;
        if (!expression || expression.name === "String" || expression.name === "ContinuedString") return undefined;
        if (expression.name === "CallExpression") this.call(expression, ctx, true);
        else if (this.touchesDatabase(expression, ctx.scope))
          this.unanalyzed(node, ctx, `expression \`${this.excerpt(node)}\``);
        return undefined;
      }
      case "AssignStatement":
        this.assignment(node, ctx);
        return undefined;
      case "UpdateStatement":
        if (this.touchesDatabase(node, ctx.scope))
          this.unanalyzed(node, ctx, `augmented assignment \`${this.excerpt(node)}\``);
        return undefined;
      case "WithStatement":
        this.withStatement(node, ctx);
        return undefined;
      case "IfStatement":
        return this.ifStatement(node, ctx);
      case "ForStatement":
        this.forStatement(node, ctx);
        return undefined;
      case "TryStatement":
        for (const child of children(node)) if (child.name === "Body") this.walkBody(child, ctx);
        return undefined;
      case "FunctionDefinition":
      case "DecoratedStatement": {
        const def = node.name === "FunctionDefinition" ? node : node.getChild("FunctionDefinition");
        const name = def?.getChild("VariableName");
        if (def && name) ctx.scope.set(this.source.slice(name), { kind: "function", node: def, scope: ctx.scope });
        return undefined;
      }
      case "ReturnStatement": {
        const value = children(node).find((c) => c.name !== "return");
        if (value?.name === "CallExpression") this.call(value, ctx);
        else if (value && this.touchesDatabase(value, ctx.scope))
          this.unanalyzed(node, ctx, "return of a database value");
        return "return";
      }
      default:
        if (this.touchesDatabase(node, ctx.scope)) {
          const construct = node.name === "WhileStatement" ? "while loop" : `${node.name} \`${this.excerpt(node)}\``;
          this.unanalyzed(node, ctx, construct);
        }
        return undefined;
    }
  }

  private assignment(node: SyntaxNode, ctx: Context): void {
    const { targets, value: written } = assignmentParts(node, this.source);
    if (!written) return;
    const value = unwrapParentheses(written);
    let bound: PyValue;
    const truth = this.dialectTruth(value, ctx.scope);
    if (truth !== undefined) {
      bound = { kind: "bool", value: truth };
    } else if (value.name === "CallExpression" && this.touchesDatabase(value, ctx.scope)) {
      bound = this.call(value, ctx) ?? { kind: "unknown", text: this.source.slice(value), why: "database result" };
    } else {
      const evaluated = evaluate(value, this.source, ctx.scope);
      const handle = handleOf(evaluated);
      bound = handle ? { kind: "handle", handle } : evaluated;
      if (!handle && this.touchesDatabase(value, ctx.scope)) {
        this.unanalyzed(node, ctx, `assignment \`${this.excerpt(node)}\``);
      }
    }
    for (const target of targets) ctx.scope.set(target, bound);
  }

  private withStatement(node: SyntaxNode, ctx: Context): void {
    const inner: Context = { ...ctx, ignores: [...ctx.ignores, ...this.directivesAbove(node)] };
    const parts = children(node);
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i] as SyntaxNode;
      if (part.name === "with" || part.name === "," || part.name === "Body" || part.name === "as") continue;
      const alias = parts[i + 1]?.name === "as" ? parts[i + 2] : undefined;
      if (alias) i += 2;
      const value = evaluate(part, this.source, ctx.scope);
      if (value.kind !== "call") continue;
      const name = dottedName(value.callee);
      if (name === "op.batch_alter_table") {
        const table = value.kwargs.get("table_name") ?? value.args[0];
        const schema = value.kwargs.get("schema");
        const recreate = value.kwargs.get("recreate");
        if (table?.kind !== "str") {
          this.unanalyzed(part, ctx, "op.batch_alter_table on a non-literal table");
          continue;
        }
        const batch: BatchTarget = {
          table: table.value,
          ...(schema?.kind === "str" ? { schema: schema.value } : {}),
          ...(recreate?.kind === "str" ? { recreate: recreate.value } : {}),
        };
        if (alias) ctx.scope.set(this.source.slice(alias), { kind: "handle", handle: "batch", batch });
      } else if (lastName(value) === "autocommit_block") {
        inner.autocommit = true;
      } else {
        const handle = handleOf(value);
        if (handle && alias) ctx.scope.set(this.source.slice(alias), { kind: "handle", handle });
      }
    }
    const body = node.getChild("Body");
    if (body) this.walkBody(body, inner);
  }

  private ifStatement(node: SyntaxNode, ctx: Context): "return" | undefined {
    const parts = children(node);
    let branchesWalked = 0;
    let returned = 0;
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i] as SyntaxNode;
      if (part.name === "if" || part.name === "elif") {
        const condition = parts[i + 1];
        const body = parts[i + 2];
        i += 2;
        if (!condition || body?.name !== "Body") continue;
        const truth = this.dialectTruth(condition, ctx.scope);
        if (truth === false) continue;
        branchesWalked++;
        if (this.walkBodyReturns(body, ctx)) returned++;
        if (truth === true) return returned === branchesWalked ? "return" : undefined;
      } else if (part.name === "else") {
        const body = parts[i + 1];
        i += 1;
        if (body?.name !== "Body") continue;
        branchesWalked++;
        if (this.walkBodyReturns(body, ctx)) returned++;
        return returned === branchesWalked ? "return" : undefined;
      }
    }
    return undefined;
  }

  /** Walks a body and tells whether it ends in an unconditional return. */
  private walkBodyReturns(body: SyntaxNode, ctx: Context): boolean {
    for (const statement of children(body)) if (this.statement(statement, ctx) === "return") return true;
    return false;
  }

  private forStatement(node: SyntaxNode, ctx: Context): void {
    const parts = children(node);
    const inIndex = parts.findIndex((p) => p.name === "in");
    const body = node.getChild("Body");
    if (inIndex === -1 || !body) return;
    const targets = parts.slice(1, inIndex).filter((p) => p.name !== ",");
    const iterableNode = parts[inIndex + 1];
    const iterable = iterableNode ? evaluate(iterableNode, this.source, ctx.scope) : undefined;
    // `for row in conn.execute(...)`: the query runs once, before the loop.
    if (iterableNode?.name === "CallExpression" && this.touchesDatabase(iterableNode, ctx.scope)) {
      this.call(iterableNode, ctx);
    }
    const items = iterable ? literalItems(iterable) : undefined;
    if (!this.touchesDatabase(body, ctx.scope)) return;
    const names = targets.flatMap((t) =>
      t.name === "TupleExpression" || t.name === "ParenthesizedExpression"
        ? children(t).filter((c) => c.name === "VariableName")
        : [t],
    );
    if (!items || items.length > MAX_UNROLLED_ITEMS) {
      // Rows known only at run time: the body's statements are analysed once, as each row runs them.
      for (const name of names) {
        ctx.scope.set(this.source.slice(name), {
          kind: "unknown",
          text: this.source.slice(name),
          why: "loop variable",
        });
      }
      this.walkBody(body, ctx);
      return;
    }
    for (const item of items) {
      if (names.length === 1) {
        ctx.scope.set(this.source.slice(names[0] as SyntaxNode), item);
      } else {
        const values = item.kind === "seq" ? item.items : [];
        names.forEach((name, index) => {
          ctx.scope.set(
            this.source.slice(name),
            values[index] ?? { kind: "unknown", text: this.source.slice(name), why: "loop unpacking" },
          );
        });
      }
      this.walkBody(body, ctx);
    }
  }

  /** Handles a call in statement position. Returns the value it binds when assigned (a table, a handle). */
  private call(node: SyntaxNode, ctx: Context, statementLevel = false): PyValue | undefined {
    const value = evaluate(node, this.source, ctx.scope);
    if (value.kind !== "call") return undefined;
    const callee = value.callee;
    const name = dottedName(callee);
    const created = handleOf(value);
    if (created) return { kind: "handle", handle: created };
    // Reflection (`sa.MetaData(bind=conn)`, `sa.Table("t", metadata, autoload_with=conn)`) only reads the catalog.
    if (REFLECTION.has(lastName(value))) return value;

    if (callee.kind === "ref" && callee.path[0] === "op" && callee.path.length === 2) {
      return this.opCall(node, value, callee.path[1] as string, ctx);
    }
    if (callee.kind === "ref" && callee.path.length > 1) {
      // `db.session.execute(...)` on an imported Flask-SQLAlchemy handle.
      const imported = handleOf({ kind: "ref", path: callee.path.slice(0, -1) });
      if (imported) return this.handleCall(node, value, callee.path.at(-1) as string, imported, ctx);
    }
    if (callee.kind === "member") {
      const handle = callee.object.kind === "handle" ? callee.object : undefined;
      const implicit = handle ? undefined : handleOf(callee.object);
      const kind = handle?.handle ?? implicit;
      if (kind === "batch" && handle?.batch) return this.batchCall(node, value, callee.name, handle.batch, ctx);
      if (kind) return this.handleCall(node, value, callee.name, kind, ctx);
      if (callee.name === "create" || callee.name === "drop") return this.typeDdl(node, value, callee, ctx);
      // Method chains on a result (`conn.execute(...).fetchall()`): the inner call is the operation.
      const objectNode = node.firstChild?.firstChild;
      if (objectNode?.name === "CallExpression" && this.touchesDatabase(objectNode, ctx.scope)) {
        this.call(objectNode, ctx);
        return undefined;
      }
    }
    const target = callee.kind === "function" ? callee : undefined;
    if (target) {
      this.inline(node, value, target, ctx);
      return undefined;
    }
    if (this.touchesDatabase(node, ctx.scope)) {
      this.unanalyzed(node, ctx, `call to \`${name || this.excerpt(node)}\``);
    } else if (
      statementLevel &&
      callee.kind === "ref" &&
      callee.path.length > 1 &&
      !NO_DATABASE_MODULES.has(callee.path[0] as string)
    ) {
      // A helper imported from the project may run op.* or SQL of its own, out of sight.
      this.unanalyzed(node, ctx, `call to imported \`${name}\` (its body is in another file)`);
    }
    return undefined;
  }

  private opCall(node: SyntaxNode, call: Call, method: string, ctx: Context): PyValue | undefined {
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
    this.operation(node, call, `op.${method}`, ctx, () => renderOperation(method, call));
    if (method === "create_table") {
      // The Table it returns is what `op.bulk_insert(t, rows)` then fills.
      return { ...call, callee: { kind: "ref", path: ["sqlalchemy", "table"] } };
    }
    return undefined;
  }

  private batchCall(node: SyntaxNode, call: Call, method: string, batch: BatchTarget, ctx: Context): undefined {
    if (method === "f") return undefined;
    if (method === "execute") {
      this.executeSql(node, call, "batch_op.execute", ctx, false);
      return undefined;
    }
    if (!RENDERED_OPERATIONS.has(method)) {
      this.unanalyzed(node, ctx, `batch_op.${method}`);
      return undefined;
    }
    this.operation(node, call, `batch_op.${method}`, ctx, () => renderOperation(method, call, batch), batch);
    return undefined;
  }

  private handleCall(
    node: SyntaxNode,
    call: Call,
    method: string,
    handle: "bind" | "session" | "context" | "batch",
    ctx: Context,
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
  private typeDdl(node: SyntaxNode, call: Call, callee: Extract<PyValue, { kind: "member" }>, ctx: Context): undefined {
    const bindArg = call.args[0] ?? call.kwargs.get("bind");
    if (!bindArg || !handleOf(bindArg)) {
      if (this.touchesDatabase(node, ctx.scope)) this.unanalyzed(node, ctx, `call to \`${this.excerpt(node)}\``);
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

  private inline(node: SyntaxNode, call: Call, fn: Extract<PyValue, { kind: "function" }>, ctx: Context): void {
    const body = fn.node.getChild("Body");
    if (!body) return;
    const scope = fn.scope.child();
    const params = children(fn.node.getChild("ParamList") ?? fn.node).filter((p) => p.name !== "(" && p.name !== ")");
    let position = 0;
    for (let i = 0; i < params.length; i++) {
      const param = params[i] as SyntaxNode;
      if (param.name !== "VariableName") continue;
      const paramName = this.source.slice(param);
      const annotated = params[i + 1]?.name === "TypeDef" ? 1 : 0;
      const defaultNode = params[i + 1 + annotated]?.name === "AssignOp" ? params[i + 2 + annotated] : undefined;
      const given = call.kwargs.get(paramName) ?? call.args[position];
      position++;
      if (given) scope.set(paramName, given);
      else if (defaultNode) scope.set(paramName, evaluate(defaultNode, this.source, fn.scope));
      i += annotated + (defaultNode ? 2 : 0);
    }
    // Arguments count: a helper taking the session or connection reaches the database through them.
    if (!this.touchesDatabase(body, scope)) return;
    if (ctx.depth >= MAX_INLINE_DEPTH || call.spread) {
      const name = this.source.slice(fn.node.getChild("VariableName") ?? fn.node);
      this.unanalyzed(node, ctx, `call to helper \`${name}\` (${call.spread ? "*args" : "nested too deep"})`);
      return;
    }
    const ignores = [...ctx.ignores, ...this.directivesFor(this.source.span(node))];
    this.walkBody(body, { ...ctx, scope, depth: ctx.depth + 1, ignores });
  }

  private executeSql(node: SyntaxNode, call: Call, origin: string, ctx: Context, driverParams: boolean): void {
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
    ctx: Context,
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

  private record(
    node: SyntaxNode,
    call: Call,
    origin: string,
    ctx: Context,
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

  private unanalyzed(node: SyntaxNode, ctx: Context, construct: string, call?: Call, batch?: BatchTarget): void {
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

  /** `# db-migrate:ignore` on the call's lines or in the comment block right above it. */
  private directivesFor(span: SourceSpan): IgnoreDirective[] {
    const directives: IgnoreDirective[] = [];
    for (let line = span.line; line <= span.endLine; line++) {
      const comment = this.comments.get(line);
      if (comment) directives.push(...parseIgnoreDirectives(comment, line));
    }
    return [...this.directivesAboveLine(span.line), ...directives];
  }

  private directivesAbove(node: SyntaxNode): IgnoreDirective[] {
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

  /**
   * Whether an expression can reach the database: it names `op`, a
   * connection/session/batch handle, or a helper function that does.
   */
  private touchesDatabase(node: SyntaxNode, scope: Scope): boolean {
    if (node.name === "MemberExpression") {
      const value = evaluate(node, this.source, scope);
      // Reading the dialect's name (`op.get_context().dialect.name`) runs nothing.
      if (value.kind === "dialect") return false;
      if (handleOf(value)) return true;
    }
    if (node.name === "VariableName") {
      const name = this.source.slice(node);
      const value = scope.get(name);
      if (name === "op" && (!value || (value.kind === "ref" && value.path[0] === "op"))) return true;
      if (value?.kind === "handle") return true;
      return value?.kind === "function" && this.functionTouches(value);
    }
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (this.touchesDatabase(child, scope)) return true;
    }
    return false;
  }

  private functionTouches(fn: Extract<PyValue, { kind: "function" }>): boolean {
    const cached = this.touchCache.get(fn.node.from);
    if (cached !== undefined) return cached;
    this.touchCache.set(fn.node.from, false);
    const body = fn.node.getChild("Body");
    const result = body ? this.touchesDatabase(body, fn.scope) : false;
    this.touchCache.set(fn.node.from, result);
    return result;
  }

  /**
   * Whether a condition holds on PostgreSQL: true/false for dialect checks,
   * undefined for anything decided at run time.
   */
  private dialectTruth(node: SyntaxNode, scope: Scope, depth = 0): boolean | undefined {
    if (depth > MAX_INLINE_DEPTH) return undefined;
    const parts = children(node);
    switch (node.name) {
      case "ParenthesizedExpression": {
        const inner = parts.find((p) => p.name !== "(" && p.name !== ")");
        return inner ? this.dialectTruth(inner, scope, depth) : undefined;
      }
      case "UnaryExpression": {
        const operand = parts[1];
        if (parts[0]?.name !== "not" || !operand) return undefined;
        const value = this.dialectTruth(operand, scope, depth);
        return value === undefined ? undefined : !value;
      }
      case "VariableName": {
        const value = scope.get(this.source.slice(node));
        return value?.kind === "bool" ? value.value : undefined;
      }
      case "CallExpression": {
        const value = evaluate(node, this.source, scope);
        if (value.kind !== "call" || value.callee.kind !== "function" || value.args.length > 0) return undefined;
        const body = value.callee.node.getChild("Body");
        const statements = body ? children(body).filter((s) => s.name !== ":" && s.name !== "Comment") : [];
        const last = statements.at(-1);
        const onlyReturn = statements.every(
          (s, i) => s === last || (i === 0 && s.name === "ExpressionStatement" && s.firstChild?.name === "String"),
        );
        const returned = last?.name === "ReturnStatement" ? children(last).find((c) => c.name !== "return") : undefined;
        return onlyReturn && returned ? this.dialectTruth(returned, value.callee.scope, depth + 1) : undefined;
      }
      case "BinaryExpression": {
        const [left, operator, right] = parts;
        if (!left || !operator || !right) return undefined;
        const op = this.source.slice(operator);
        if (op === "and" || op === "or") {
          const a = this.dialectTruth(left, scope, depth);
          const b = this.dialectTruth(right, scope, depth);
          if (op === "and") return a === false || b === false ? false : a && b ? true : undefined;
          return a === true || b === true ? true : a === false && b === false ? false : undefined;
        }
        const negated =
          op === "!=" || op === "not in" || (parts.length > 3 && this.source.slice(parts[2] as SyntaxNode) === "in");
        const l = evaluate(left, this.source, scope);
        const r = evaluate(parts.at(-1) as SyntaxNode, this.source, scope);
        const other = l.kind === "dialect" ? r : r.kind === "dialect" ? l : undefined;
        if (!other || !["==", "!=", "in", "not in", "is", "not"].includes(op)) return undefined;
        const names =
          other.kind === "str"
            ? [other.value]
            : other.kind === "seq"
              ? other.items.map((i) => (i.kind === "str" ? i.value : ""))
              : undefined;
        if (!names) return undefined;
        const isPostgres = names.some((n) => n === "postgresql" || n === "postgres");
        return negated ? !isPostgres : isPostgres;
      }
      default:
        return undefined;
    }
  }

  private excerpt(node: SyntaxNode): string {
    const text = this.source.slice(node).replace(/\s+/g, " ").trim();
    return text.length > 60 ? `${text.slice(0, 57)}…` : text;
  }
}

/** `from ..models import X` inside `app.migrations.helpers` → `app.models`. */
export function absoluteModule(
  module: string[],
  dots: number,
  current: string | undefined,
  isPackage: boolean,
): string | undefined {
  if (dots === 0) return module.join(".");
  if (!current) return undefined;
  const base = current.split(".");
  const up = isPackage ? dots - 1 : dots;
  if (up > base.length) return undefined;
  return [...base.slice(0, base.length - up), ...module].join(".");
}

function firstStatementIndex(nodes: SyntaxNode[]): number {
  return nodes.findIndex((n) => n.name !== "Comment");
}

function assignmentParts(node: SyntaxNode, source: PySource): { targets: string[]; value: SyntaxNode | undefined } {
  const parts = children(node);
  const lastAssign = parts.map((p) => p.name).lastIndexOf("AssignOp");
  if (lastAssign === -1) return { targets: [], value: undefined };
  const targets = parts
    .slice(0, lastAssign)
    .filter((p) => p.name === "VariableName")
    .map((p) => source.slice(p));
  return { targets, value: parts[lastAssign + 1] };
}

function stringList(value: PyValue | undefined): string[] | null {
  if (!value || value.kind === "none") return [];
  if (value.kind === "str") return [value.value];
  if (value.kind === "seq" && value.items.every((i) => i.kind === "str")) {
    return value.items.map((i) => (i as { value: string }).value);
  }
  return null;
}

/** `for x in [...]`, `for k, v in {...}.items()`: the items, when literal. */
function literalItems(value: PyValue): PyValue[] | undefined {
  if (value.kind === "seq") return value.items;
  if (value.kind === "dict") return value.entries.map((e) => e.key);
  if (value.kind === "call" && value.callee.kind === "member" && value.callee.object.kind === "dict") {
    const entries = value.callee.object.entries;
    if (value.callee.name === "items") return entries.map((e) => ({ kind: "seq", items: [e.key, e.value] }));
    if (value.callee.name === "keys") return entries.map((e) => e.key);
    if (value.callee.name === "values") return entries.map((e) => e.value);
  }
  return undefined;
}

/** What kind of database handle an expression is, if any. */
function handleOf(value: PyValue | undefined): "bind" | "session" | "context" | undefined {
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

function unwrapParentheses(node: SyntaxNode): SyntaxNode {
  if (node.name !== "ParenthesizedExpression") return node;
  const inner = children(node).filter((c) => c.name !== "(" && c.name !== ")");
  return inner.length === 1 ? unwrapParentheses(inner[0] as SyntaxNode) : node;
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

function isEmptyBody(body: SyntaxNode): boolean {
  return children(body).every(
    (statement) =>
      statement.name === ":" ||
      statement.name === "Comment" ||
      statement.name === "PassStatement" ||
      (statement.name === "ExpressionStatement" &&
        (statement.firstChild?.name === "String" || statement.firstChild?.name === "ContinuedString")),
  );
}

function readHeader(doc: string): AlembicHeader {
  const header: AlembicHeader = {};
  const lines = doc.split("\n").map((l) => l.trim());
  const message = lines.find((l) => l.length > 0);
  if (message && !/^(Revision ID|Revises|Create Date):/.test(message)) header.message = message;
  for (const line of lines) {
    const match = /^(Revision ID|Revises|Create Date):\s*(.*)$/.exec(line);
    if (!match) continue;
    const value = (match[2] as string).trim();
    if (match[1] === "Revision ID") header.revisionId = value;
    else if (match[1] === "Revises") header.revises = value;
    else header.createDate = value;
  }
  return header;
}

/** `2024-01-02_ab12cd34ef56_add_users.py` → `add users`. */
function slugName(fileName: string, revision: string | null): string {
  let stem = fileName.replace(/\.py$/, "");
  if (revision && stem.includes(revision)) stem = stem.slice(stem.indexOf(revision) + revision.length);
  return (
    stem
      .replace(/^[\W_]+/, "")
      .replace(/_/g, " ")
      .trim() || fileName
  );
}
