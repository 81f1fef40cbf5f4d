/**
 * Control flow of `upgrade()` / `downgrade()`: statements in order, `with`
 * blocks (batch, autocommit, connections), `if` on the dialect, `for` over
 * literal lists (unrolled), helper functions of the file (inlined). Each call
 * that may reach the database goes to the OperationRecorder.
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
 */
import type { SyntaxNode } from "@lezer/common";
import { conditionTruth, dialectTruth, MAX_INLINE_DEPTH } from "./conditions.js";
import type { ModuleReader } from "./modules.js";
import { handleOf, type OperationRecorder } from "./operations.js";
import {
  assignmentParts,
  type BatchTarget,
  bindImport,
  children,
  dottedName,
  evaluate,
  lastName,
  type PySource,
  type PyValue,
  type Scope,
  unwrapParentheses,
} from "./python.js";
import type { AlembicBody, Call, WalkContext } from "./types.js";

const MAX_UNROLLED_ITEMS = 200;
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

export class BodyWalker {
  private readonly touchCache = new Map<number, boolean>();
  private readonly source: PySource;

  constructor(
    private readonly modules: ModuleReader,
    private readonly operations: OperationRecorder,
  ) {
    this.source = modules.source;
  }

  readFunction(def: SyntaxNode | undefined): AlembicBody {
    this.operations.body = { found: def !== undefined, empty: true, statements: [], operations: [], problems: [] };
    this.operations.memo = { enums: new Set() };
    const body = def?.getChild("Body");
    if (!def || !body) return this.operations.body;
    this.operations.body.span = this.source.span(def);
    this.operations.body.empty = isEmptyBody(body);
    this.walkBody(body, { scope: this.modules.moduleScope.child(), autocommit: false, ignores: [], depth: 0 });
    return this.operations.body;
  }

  private walkBody(body: SyntaxNode, ctx: WalkContext): void {
    for (const statement of children(body)) {
      if (this.operations.body.partial || this.statement(statement, ctx) === "return") return;
    }
  }

  private statement(node: SyntaxNode, ctx: WalkContext): "return" | undefined {
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
        bindImport(node, this.source, ctx.scope, this.modules.importer);
        return undefined;
      case "StatementGroup":
        for (const child of children(node)) {
          if (this.operations.body.partial) return undefined;
          if (this.statement(child, ctx) === "return") return "return";
        }
        return undefined;
      case "ExpressionStatement": {
        const expression = node.firstChild;
        if (!expression || expression.name === "String" || expression.name === "ContinuedString") return undefined;
        if (expression.name === "CallExpression") this.call(expression, ctx, true);
        else if (this.touchesDatabase(expression, ctx.scope))
          this.operations.unanalyzed(node, ctx, `expression \`${this.excerpt(node)}\``);
        return undefined;
      }
      case "AssignStatement":
        this.assignment(node, ctx);
        return undefined;
      case "UpdateStatement":
        if (this.touchesDatabase(node, ctx.scope))
          this.operations.unanalyzed(node, ctx, `augmented assignment \`${this.excerpt(node)}\``);
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
          this.operations.unanalyzed(node, ctx, "return of a database value");
        return "return";
      }
      default:
        if (this.touchesDatabase(node, ctx.scope)) {
          const construct = node.name === "WhileStatement" ? "while loop" : `${node.name} \`${this.excerpt(node)}\``;
          this.operations.unanalyzed(node, ctx, construct);
        }
        return undefined;
    }
  }

  private assignment(node: SyntaxNode, ctx: WalkContext): void {
    const { targets, value: written } = assignmentParts(node, this.source);
    if (!written) return;
    const value = unwrapParentheses(written);
    let bound: PyValue;
    const truth = dialectTruth(value, this.source, ctx.scope);
    if (truth !== undefined) {
      bound = { kind: "bool", value: truth };
    } else if (value.name === "CallExpression" && this.touchesDatabase(value, ctx.scope)) {
      bound = this.call(value, ctx) ?? { kind: "unknown", text: this.source.slice(value), why: "database result" };
    } else {
      const evaluated = evaluate(value, this.source, ctx.scope);
      const handle = handleOf(evaluated);
      bound = handle ? { kind: "handle", handle } : evaluated;
      if (!handle && this.touchesDatabase(value, ctx.scope)) {
        this.operations.unanalyzed(node, ctx, `assignment \`${this.excerpt(node)}\``);
      }
    }
    for (const target of targets) ctx.scope.set(target, bound);
  }

  private withStatement(node: SyntaxNode, ctx: WalkContext): void {
    const inner: WalkContext = { ...ctx, ignores: [...ctx.ignores, ...this.operations.directivesAbove(node)] };
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
          this.operations.unanalyzed(part, ctx, "op.batch_alter_table on a non-literal table");
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

  private ifStatement(node: SyntaxNode, ctx: WalkContext): "return" | undefined {
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
        const truth = conditionTruth(condition, this.source, ctx.scope);
        if (truth === false) continue;
        if (truth === undefined && this.branchesTouch(parts.slice(i), ctx)) {
          // Which branch runs is known only at run time: stop here rather than replay both.
          // The condition's own query (`if bind.execute(...).scalar():`) still runs first.
          const tested = unwrapParentheses(
            condition.name === "UnaryExpression" ? (children(condition)[1] ?? condition) : condition,
          );
          if (tested.name === "CallExpression" && this.touchesDatabase(tested, ctx.scope)) this.call(tested, ctx);
          this.operations.partial(node, condition, ctx);
          return undefined;
        }
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

  /** Whether this branch or a later one of the same `if` can reach the database. */
  private branchesTouch(rest: SyntaxNode[], ctx: WalkContext): boolean {
    return rest.some((part) => part.name === "Body" && this.touchesDatabase(part, ctx.scope));
  }

  /** Walks a body and tells whether it ends in an unconditional return. */
  private walkBodyReturns(body: SyntaxNode, ctx: WalkContext): boolean {
    for (const statement of children(body)) {
      if (this.operations.body.partial) return false;
      if (this.statement(statement, ctx) === "return") return true;
    }
    return false;
  }

  private forStatement(node: SyntaxNode, ctx: WalkContext): void {
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
  private call(node: SyntaxNode, ctx: WalkContext, statementLevel = false): PyValue | undefined {
    const value = evaluate(node, this.source, ctx.scope);
    if (value.kind !== "call") return undefined;
    const callee = value.callee;
    const name = dottedName(callee);
    const created = handleOf(value);
    if (created) return { kind: "handle", handle: created };
    // Reflection (`sa.MetaData(bind=conn)`, `sa.Table("t", metadata, autoload_with=conn)`) only reads the catalog.
    if (REFLECTION.has(lastName(value))) return value;

    if (callee.kind === "ref") {
      // `op.x(...)`, and `alembic.op.x(...)` after a plain `import alembic`.
      const path = callee.path[0] === "alembic" && callee.path[1] === "op" ? callee.path.slice(1) : callee.path;
      if (path[0] === "op" && path.length === 2) return this.operations.opCall(node, value, path[1] as string, ctx);
    }
    if (callee.kind === "ref" && callee.path.length > 1) {
      // `db.session.execute(...)` on an imported Flask-SQLAlchemy handle.
      const imported = handleOf({ kind: "ref", path: callee.path.slice(0, -1) });
      if (imported) return this.operations.handleCall(node, value, callee.path.at(-1) as string, imported, ctx);
    }
    if (callee.kind === "member") {
      const handle = callee.object.kind === "handle" ? callee.object : undefined;
      const implicit = handle ? undefined : handleOf(callee.object);
      const kind = handle?.handle ?? implicit;
      if (kind === "batch" && handle?.batch)
        return this.operations.batchCall(node, value, callee.name, handle.batch, ctx);
      if (kind) return this.operations.handleCall(node, value, callee.name, kind, ctx);
      if (callee.name === "create" || callee.name === "drop") return this.operations.typeDdl(node, value, callee, ctx);
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
      this.operations.unanalyzed(node, ctx, `call to \`${name || this.excerpt(node)}\``);
    } else if (
      statementLevel &&
      callee.kind === "ref" &&
      callee.path.length > 1 &&
      !NO_DATABASE_MODULES.has(callee.path[0] as string)
    ) {
      // A helper imported from the project may run op.* or SQL of its own, out of sight.
      this.operations.unanalyzed(node, ctx, `call to imported \`${name}\` (its body is in another file)`);
    }
    return undefined;
  }
  private inline(node: SyntaxNode, call: Call, fn: Extract<PyValue, { kind: "function" }>, ctx: WalkContext): void {
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
      // `helper(op.get_bind())`: inside, the parameter is the connection itself.
      const handle = given ? handleOf(given) : undefined;
      if (given) scope.set(paramName, handle ? { kind: "handle", handle } : given);
      else if (defaultNode) scope.set(paramName, evaluate(defaultNode, this.source, fn.scope));
      i += annotated + (defaultNode ? 2 : 0);
    }
    // Arguments count: a helper taking the session or connection reaches the database through them.
    if (!this.touchesDatabase(body, scope)) return;
    if (ctx.depth >= MAX_INLINE_DEPTH || call.spread) {
      const name = this.source.slice(fn.node.getChild("VariableName") ?? fn.node);
      this.operations.unanalyzed(
        node,
        ctx,
        `call to helper \`${name}\` (${call.spread ? "*args" : "nested too deep"})`,
      );
      return;
    }
    const ignores = [...ctx.ignores, ...this.operations.directivesFor(this.source.span(node))];
    this.walkBody(body, { ...ctx, scope, depth: ctx.depth + 1, ignores });
  }
  /**
   * Whether an expression can reach the database: it names `op`, a
   * connection/session/batch handle, or a helper function that does.
   */
  touchesDatabase(node: SyntaxNode, scope: Scope): boolean {
    if (node.name === "MemberExpression") {
      const value = evaluate(node, this.source, scope);
      // Reading the dialect's name (`op.get_context().dialect.name`) runs nothing.
      if (value.kind === "dialect") return false;
      if (handleOf(value)) return true;
    }
    if (node.name === "VariableName") {
      const name = this.source.slice(node);
      const value = scope.get(name);
      if ((name === "op" && !value) || (value?.kind === "ref" && value.path[0] === "op")) return true;
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

  private excerpt(node: SyntaxNode): string {
    const text = this.source.slice(node).replace(/\s+/g, " ").trim();
    return text.length > 60 ? `${text.slice(0, 57)}…` : text;
  }
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
