/**
 * Module level of a Python file, a revision or a module of the repository it
 * imports: imports, constants, classes (a TypeDecorator stands for its
 * PostgreSQL type) and functions. `from app.models import User` is followed
 * into the repository's modules (given as text, never imported) a few levels
 * deep.
 */
import type { SyntaxNode } from "@lezer/common";
import { dialectTruth } from "./conditions.js";
import { readHeader } from "./header.js";
import { assignmentParts, bindImport, children, evaluate, lastName, PySource, type PyValue, Scope } from "./python.js";
import type { AlembicParseOptions, ModuleContext, ModuleScan } from "./types.js";
import { COL_SPEC, sqlalchemyTypeToPg } from "./types-map.js";

/** How far `from a import b` is followed through modules of the repository. */
const MAX_MODULE_DEPTH = 3;

export class ModuleReader {
  readonly moduleScope = new Scope();

  constructor(
    readonly source: PySource,
    private readonly path: string,
    private readonly options: AlembicParseOptions,
    private readonly context: ModuleContext = { depth: 0, cache: new Map(), isPackage: false },
  ) {
    // `import app.types` then `app.types.GUID`: the name as that module defines it.
    this.moduleScope.resolver = (path) =>
      path.length > 1 ? this.imported(path.slice(0, -1), 0, path.at(-1) as string) : undefined;
  }

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
        bindImport(node, source, this.moduleScope, this.importer);
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
  /** The resolver `bindImport` takes for imports in this module and its functions. */
  readonly importer = (module: string[], dots: number, name: string): PyValue | undefined =>
    this.imported(module, dots, name);

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
    if (value.kind === "ref" && value.path[0]?.startsWith("sqlalchemy")) return value;
    // A TypeDecorator whose impl is an instance (`impl = sa.DateTime(timezone=True)`).
    return value.kind === "call" && sqlalchemyTypeToPg(value) ? value : undefined;
  }

  private scanImportedModule(name: string): Scope | undefined {
    const module = this.options.modules?.get(name);
    if (!module) return undefined;
    // Mark it first: two modules importing each other must not recurse.
    this.context.cache.set(name, new Scope());
    const reader = new ModuleReader(new PySource(module.text), module.path, this.options, {
      name,
      isPackage: module.path.endsWith("__init__.py"),
      depth: this.context.depth + 1,
      cache: this.context.cache,
    });
    const scope = reader.scanModule().scope;
    this.context.cache.set(name, scope);
    return scope;
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
      const method =
        statement.name === "FunctionDefinition"
          ? this.source.slice(statement.getChild("VariableName") ?? statement)
          : "";
      if (method === "load_dialect_impl") {
        // A TypeDecorator choosing its type per dialect: PostgreSQL's choice wins over `impl`.
        const chosen = this.postgresReturn(statement.getChild("Body"), this.dialectScope(statement));
        if (chosen) impl = chosen;
        continue;
      }
      if (method === "get_col_spec") {
        // A UserDefinedType: its DDL is the string get_col_spec returns (`return "CITEXT"`).
        const spec = this.literalReturn(statement.getChild("Body"));
        if (spec) attrs.set(COL_SPEC, spec);
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
    // A subclass of a type class (`class ShortCode(Base36): pass`) is that type.
    impl ??= this.typeBase(node.getChild("ArgList"));
    // `impl = sa.String` stays the class (`ShortCode(12)` is String(12)); `impl = sa.DateTime(timezone=True)`
    // stays the instance, which SQLAlchemy uses whatever the decorator is called with.
    if (impl && (impl.kind === "ref" || impl.kind === "call")) this.moduleScope.set(this.source.slice(name), impl);
    else this.moduleScope.set(this.source.slice(name), { kind: "object", attrs, fields, instance: false });
  }

  /** The first base class that is itself a SQL type (a TypeDecorator of the project, a SQLAlchemy type). */
  private typeBase(bases: SyntaxNode | null): PyValue | undefined {
    for (const base of bases ? children(bases) : []) {
      if (base.name === "(" || base.name === ")" || base.name === ",") continue;
      const value = evaluate(base, this.source, this.moduleScope);
      if ((value.kind === "ref" || value.kind === "call") && sqlalchemyTypeToPg(value)) return value;
      if (value.kind === "object" && value.attrs.has(COL_SPEC)) return value;
    }
    return undefined;
  }

  /** A method body's `return "literal"`. */
  private literalReturn(body: SyntaxNode | null): PyValue | undefined {
    for (const statement of body ? children(body) : []) {
      if (statement.name !== "ReturnStatement") continue;
      const value = children(statement).find((c) => c.name !== "return");
      const returned = value ? evaluate(value, this.source, this.moduleScope) : undefined;
      return returned?.kind === "str" ? returned : undefined;
    }
    return undefined;
  }

  /** In `load_dialect_impl`, the type returned on PostgreSQL: `return dialect.type_descriptor(UUID())`. */
  /** `def load_dialect_impl(self, dialect)`: `dialect.name` is the dialect's name. */
  private dialectScope(method: SyntaxNode): Scope {
    const scope = this.moduleScope.child();
    const params = children(method.getChild("ParamList") ?? method).filter((p) => p.name === "VariableName");
    const dialect = params[1];
    if (dialect) {
      const attrs = new Map<string, PyValue>([["name", { kind: "dialect" }]]);
      scope.set(this.source.slice(dialect), { kind: "object", attrs, fields: [], instance: true });
    }
    return scope;
  }

  private postgresReturn(body: SyntaxNode | null, scope: Scope): PyValue | undefined {
    for (const statement of body ? children(body) : []) {
      if (statement.name === "ReturnStatement") {
        const value = children(statement).find((c) => c.name !== "return");
        const returned = value ? evaluate(value, this.source, scope) : undefined;
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
        if (condition && dialectTruth(condition, this.source, scope) !== true) continue;
        return this.postgresReturn(branch, scope);
      }
    }
    return undefined;
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
