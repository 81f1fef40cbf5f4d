/**
 * A static reading of Python source for Alembic migrations: the @lezer/python
 * tree, positions, and a tiny evaluator that turns literal expressions
 * (strings, numbers, lists, dicts, dotted names, calls) into values. Nothing
 * here runs the repository's code: names resolve only to literals assigned in
 * the same file, imports and loop variables over literal lists.
 */
import type { SyntaxNode, Tree } from "@lezer/common";
import { parser } from "@lezer/python";
import type { SourceSpan } from "../../types.js";

/** A Python value as far as static reading can tell. */
export type PyValue =
  | { kind: "str"; value: string; node?: SyntaxNode }
  | { kind: "num"; value: number; text: string }
  | { kind: "bool"; value: boolean }
  | { kind: "none" }
  | { kind: "seq"; items: PyValue[] }
  | { kind: "dict"; entries: Array<{ key: PyValue; value: PyValue }> }
  /** A dotted name, with imports resolved: `sa.String` → `sqlalchemy.String`; `op` stays `op`. */
  | { kind: "ref"; path: string[] }
  | { kind: "call"; callee: PyValue; args: PyValue[]; kwargs: Map<string, PyValue>; spread: boolean; node: SyntaxNode }
  | { kind: "member"; object: PyValue; name: string }
  /** Something that talks to the database: a connection, a session, a batch operations object. */
  | { kind: "handle"; handle: "bind" | "session" | "context" | "batch"; batch?: BatchTarget }
  /** `<bind>.dialect.name`: compared against "postgresql" in dialect checks. */
  | { kind: "dialect" }
  | { kind: "function"; node: SyntaxNode; scope: Scope }
  /** A class defined in the file (literal class attributes, field order) or an instance built from one. */
  | { kind: "object"; attrs: Map<string, PyValue>; fields: string[]; instance: boolean }
  | { kind: "unknown"; text: string; why: string };

export interface BatchTarget {
  table: string;
  schema?: string;
  recreate?: string;
}

/** Name bindings, innermost first. */
export class Scope {
  private readonly vars = new Map<string, PyValue>();
  /** Looks up `module.Name` in the repository's own modules (set on the module scope). */
  resolver?: (path: string[]) => PyValue | undefined;
  constructor(readonly parent?: Scope) {}

  resolveRef(path: string[]): PyValue | undefined {
    return this.resolver ? this.resolver(path) : this.parent?.resolveRef(path);
  }

  get(name: string): PyValue | undefined {
    return this.vars.get(name) ?? this.parent?.get(name);
  }

  set(name: string, value: PyValue): void {
    this.vars.set(name, value);
  }

  child(): Scope {
    return new Scope(this);
  }
}

/** One Python file: its text, tree and line index. */
export class PySource {
  readonly tree: Tree;
  private readonly lineStarts: number[] = [0];

  constructor(readonly text: string) {
    this.tree = parser.parse(text);
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
  }

  /** 1-based line and column of a string offset. */
  position(offset: number): { line: number; column: number } {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.lineStarts[mid] as number) <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - (this.lineStarts[low] as number) + 1 };
  }

  span(node: { from: number; to: number }): SourceSpan {
    const start = this.position(node.from);
    const end = this.position(Math.max(node.from, node.to - 1));
    return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
  }

  slice(node: { from: number; to: number }): string {
    return this.text.slice(node.from, node.to);
  }

  lineText(line: number): string {
    const start = this.lineStarts[line - 1];
    if (start === undefined) return "";
    const next = this.lineStarts[line];
    return this.text.slice(start, next === undefined ? undefined : next - 1);
  }

  /** The first node lezer could not parse, if any. */
  firstError(): SyntaxNode | null {
    let found: SyntaxNode | null = null;
    this.tree.iterate({
      enter: (ref) => {
        if (found) return false;
        if (ref.type.isError) {
          found = ref.node;
          return false;
        }
        return undefined;
      },
    });
    return found;
  }
}

/** Child nodes, without comments. */
export function children(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  // Comments can sit anywhere, even between a call's arguments; they are read apart (ignore directives).
  for (let child = node.firstChild; child; child = child.nextSibling) if (child.name !== "Comment") out.push(child);
  return out;
}

const PUNCTUATION = new Set(["(", ")", "[", "]", "{", "}", ",", ":", ".", "AssignOp"]);

export interface Arguments {
  args: PyValue[];
  kwargs: Map<string, PyValue>;
  spread: boolean;
}

/** Reads an ArgList: positional values, keyword values, and whether `*args`/`**kw` hide some. */
export function readArguments(argList: SyntaxNode | null, source: PySource, scope: Scope): Arguments {
  const result: Arguments = { args: [], kwargs: new Map(), spread: false };
  if (!argList) return result;
  const nodes = children(argList);
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i] as SyntaxNode;
    if (PUNCTUATION.has(node.name)) continue;
    if (node.name === "*" || node.name === "**") {
      result.spread = true;
      i++;
      continue;
    }
    const next = nodes[i + 1];
    if (node.name === "VariableName" && next?.name === "AssignOp") {
      const valueNode = nodes[i + 2];
      result.kwargs.set(source.slice(node), valueNode ? evaluate(valueNode, source, scope) : unknown("", "missing"));
      i += 2;
      continue;
    }
    result.args.push(evaluate(node, source, scope));
  }
  return result;
}

export function unknown(text: string, why: string): PyValue {
  return { kind: "unknown", text, why };
}

/** Evaluates an expression node statically. Never throws: what it cannot know is `unknown`. */
export function evaluate(node: SyntaxNode, source: PySource, scope: Scope): PyValue {
  switch (node.name) {
    case "String":
      return { kind: "str", value: decodeStringLiteral(source.slice(node)), node };
    case "ContinuedString": {
      const parts = children(node).map((part) => evaluate(part, source, scope));
      // No node: the joined text no longer maps line for line onto the source.
      if (parts.every((p) => p.kind === "str")) {
        return { kind: "str", value: parts.map((p) => (p as { value: string }).value).join("") };
      }
      return unknown(source.slice(node), "f-string");
    }
    case "FormatString":
      return formatString(node, source, scope);
    case "Number":
      return { kind: "num", value: Number(source.slice(node).replace(/_/g, "")), text: source.slice(node) };
    case "Boolean":
      return { kind: "bool", value: source.slice(node) === "True" };
    case "None":
      return { kind: "none" };
    case "TupleExpression":
    case "ArrayExpression":
      return {
        kind: "seq",
        items: children(node)
          .filter(isValueNode)
          .map((n) => evaluate(n, source, scope)),
      };
    case "ParenthesizedExpression": {
      const inner = children(node).find(isValueNode);
      return inner ? evaluate(inner, source, scope) : unknown(source.slice(node), "empty parentheses");
    }
    case "DictionaryExpression":
      return dictionary(node, source, scope);
    case "VariableName": {
      const name = source.slice(node);
      return scope.get(name) ?? { kind: "ref", path: [name] };
    }
    case "MemberExpression":
      return member(node, source, scope);
    case "CallExpression": {
      const [calleeNode, argList] = [node.firstChild, node.getChild("ArgList")];
      const callee = calleeNode ? evaluate(calleeNode, source, scope) : unknown("", "call");
      const { args, kwargs, spread } = readArguments(argList, source, scope);
      return stringMethod(callee, args, kwargs) ?? { kind: "call", callee, args, kwargs, spread, node };
    }
    case "UnaryExpression": {
      const [op, operand] = children(node);
      const value = operand ? evaluate(operand, source, scope) : undefined;
      if (op && source.slice(op) === "-" && value?.kind === "num") {
        return { kind: "num", value: -value.value, text: `-${value.text}` };
      }
      return unknown(source.slice(node), "expression");
    }
    case "BinaryExpression":
      return binary(node, source, scope);
    default:
      return unknown(source.slice(node), node.name);
  }
}

/** `dedent("…")`, `"…".strip()`: string helpers that keep a literal a literal. */
function stringMethod(callee: PyValue, args: PyValue[], kwargs: Map<string, PyValue>): PyValue | undefined {
  const [first] = args;
  if (callee.kind === "object" && !callee.instance) {
    // A dataclass / NamedTuple defined in the file: fields from arguments, then class defaults.
    const attrs = new Map(callee.attrs);
    callee.fields.forEach((field, index) => {
      const given = kwargs.get(field) ?? args[index];
      if (given) attrs.set(field, given);
    });
    return { kind: "object", attrs, fields: callee.fields, instance: true };
  }
  if (dottedName(callee) === "json.dumps" && first) {
    const plain = toPlain(first);
    if (plain !== undefined) return { kind: "str", value: JSON.stringify(plain) };
  }
  if (callee.kind === "ref" && ["dedent", "cleandoc"].includes(callee.path.at(-1) ?? "") && first?.kind === "str") {
    return { ...first, value: dedent(first.value) };
  }
  if (callee.kind === "member" && callee.object.kind === "str" && args.length === 0) {
    const text = callee.object.value;
    const trimmed: Record<string, string> = { strip: text.trim(), lstrip: text.trimStart(), rstrip: text.trimEnd() };
    const value = trimmed[callee.name];
    // Only rstrip keeps the text's first line where it was written.
    if (value !== undefined) return callee.name === "rstrip" ? { ...callee.object, value } : { kind: "str", value };
  }
  if (callee.kind === "member" && callee.object.kind === "str" && callee.name === "format") {
    return unknown(callee.object.value.slice(0, 60), "str.format()");
  }
  return undefined;
}

/** A literal Python value as plain data (for json.dumps), or undefined when not literal. */
function toPlain(value: PyValue): unknown {
  switch (value.kind) {
    case "str":
    case "num":
    case "bool":
      return value.value;
    case "none":
      return null;
    case "seq": {
      const items = value.items.map(toPlain);
      return items.includes(undefined) ? undefined : items;
    }
    case "dict": {
      const out: Record<string, unknown> = {};
      for (const entry of value.entries) {
        const item = toPlain(entry.value);
        if (entry.key.kind !== "str" || item === undefined) return undefined;
        out[entry.key.value] = item;
      }
      return out;
    }
    default:
      return undefined;
  }
}

/** Python's textwrap.dedent: removes the whitespace prefix every non-blank line shares. */
function dedent(text: string): string {
  const lines = text.split("\n");
  const indents = lines.filter((l) => l.trim().length > 0).map((l) => /^[ \t]*/.exec(l)?.[0] ?? "");
  let prefix = indents[0] ?? "";
  for (const indent of indents) while (!indent.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return lines.map((l) => (l.trim().length === 0 ? "" : l.slice(prefix.length))).join("\n");
}

function isValueNode(node: SyntaxNode): boolean {
  return !PUNCTUATION.has(node.name) && node.name !== "*" && node.name !== "**";
}

function dictionary(node: SyntaxNode, source: PySource, scope: Scope): PyValue {
  const nodes = children(node).filter((n) => n.name !== "{" && n.name !== "}" && n.name !== ",");
  const entries: Array<{ key: PyValue; value: PyValue }> = [];
  for (let i = 0; i < nodes.length; i++) {
    const key = nodes[i] as SyntaxNode;
    if (key.name === "**") return unknown(source.slice(node), "dict unpacking");
    if (nodes[i + 1]?.name !== ":") return unknown(source.slice(node), "dict comprehension");
    const value = nodes[i + 2];
    if (!value) break;
    entries.push({ key: evaluate(key, source, scope), value: evaluate(value, source, scope) });
    i += 2;
  }
  return { kind: "dict", entries };
}

function member(node: SyntaxNode, source: PySource, scope: Scope): PyValue {
  const object = node.firstChild;
  const property = node.getChild("PropertyName");
  if (!object || !property) return unknown(source.slice(node), "subscript");
  const base = evaluate(object, source, scope);
  const name = source.slice(property);
  if (base.kind === "object" && base.attrs.has(name)) return base.attrs.get(name) as PyValue;
  const resolved = base.kind === "ref" ? scope.resolveRef([...base.path, name]) : undefined;
  if (resolved) return resolved;
  const value: PyValue =
    base.kind === "ref" ? { kind: "ref", path: [...base.path, name] } : { kind: "member", object: base, name };
  // `op.get_bind().dialect.name`, `bind.engine.name`, `context.dialect.name`: the backend's name.
  if (name === "name" && /(^|\.)(dialect|engine)$/.test(dottedName(base))) return { kind: "dialect" };
  if (name === "name" && base.kind === "member" && base.name === "dialect") return { kind: "dialect" };
  return value;
}

function binary(node: SyntaxNode, source: PySource, scope: Scope): PyValue {
  const [left, op, right] = children(node);
  if (!left || !op || !right) return unknown(source.slice(node), "expression");
  const operator = source.slice(op);
  if (operator === "+") {
    const a = evaluate(left, source, scope);
    const b = evaluate(right, source, scope);
    if (a.kind === "str" && b.kind === "str") return { kind: "str", value: a.value + b.value };
    return unknown(source.slice(node), "string concatenation of a variable");
  }
  if (operator === "%") return unknown(source.slice(node), "%-formatting");
  return unknown(source.slice(node), "expression");
}

/** f-strings whose replacements are all known literals (loop variables, constants) become plain strings. */
function formatString(node: SyntaxNode, source: PySource, scope: Scope): PyValue {
  const text = source.slice(node);
  let out = "";
  let cursor = node.from;
  for (const part of children(node)) {
    if (part.name !== "FormatReplacement") continue;
    const expression = children(part).find((n) => n.name !== "{" && n.name !== "}");
    const value = expression ? evaluate(expression, source, scope) : undefined;
    const hasSpec = children(part).some((n) => n.name === "FormatSpec" || n.name === "FormatConversion");
    if (!value || hasSpec || (value.kind !== "str" && value.kind !== "num")) return unknown(text, "f-string");
    out +=
      source.text.slice(cursor, part.from) + (value.kind === "str" ? value.value : value.text).replace(/[{}]/g, "$&$&");
    cursor = part.to;
  }
  out += source.text.slice(cursor, node.to);
  return {
    kind: "str",
    value: decodeStringLiteral(out.replace(/^([a-zA-Z]*)[fF]/, "$1")).replace(/\{\{|\}\}/g, (m) => m[0] as string),
    node,
  };
}

/** Decodes a Python string literal: prefixes, triple quotes, escapes (raw strings keep backslashes). */
export function decodeStringLiteral(literal: string): string {
  const prefix = /^[a-zA-Z]*/.exec(literal)?.[0] ?? "";
  const raw = /r/i.test(prefix);
  let body = literal.slice(prefix.length);
  const quote = body.startsWith('"""') || body.startsWith("'''") ? body.slice(0, 3) : body.slice(0, 1);
  body = body.slice(quote.length, body.endsWith(quote) ? body.length - quote.length : body.length);
  if (raw) return body;
  return body.replace(
    /\\(\n|\\|'|"|a|b|f|n|r|t|v|[0-7]{1,3}|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|N\{[^}]*\}|.)/g,
    (whole, sequence: string) => {
      const simple: Record<string, string> = {
        "\n": "",
        "\\": "\\",
        "'": "'",
        '"': '"',
        a: "\x07",
        b: "\b",
        f: "\f",
        n: "\n",
        r: "\r",
        t: "\t",
        v: "\v",
      };
      if (sequence in simple) return simple[sequence] as string;
      if (/^[0-7]/.test(sequence)) return String.fromCodePoint(Number.parseInt(sequence, 8));
      if (/^[xuU]/.test(sequence)) return String.fromCodePoint(Number.parseInt(sequence.slice(1), 16));
      return whole;
    },
  );
}

/**
 * Where the literal's content starts (after prefix and opening quotes), so SQL
 * inside a triple-quoted string maps back to file lines.
 */
export function literalContentStart(node: SyntaxNode, source: PySource): number {
  const text = source.slice(node);
  const prefix = /^[a-zA-Z]*/.exec(text)?.[0] ?? "";
  const rest = text.slice(prefix.length);
  const quoteLength = rest.startsWith('"""') || rest.startsWith("'''") ? 3 : 1;
  return node.from + prefix.length + quoteLength;
}

/** `a.b.c` for a ref, the callee's dotted name for a call; "" otherwise. */
export function dottedName(value: PyValue | undefined): string {
  if (!value) return "";
  if (value.kind === "ref") return value.path.join(".");
  if (value.kind === "call") return dottedName(value.callee);
  if (value.kind === "member") return `${dottedName(value.object) || "(…)"}.${value.name}`;
  return "";
}

/** The last segment of a ref or a call's callee: `String` for `sa.String(20)`. */
export function lastName(value: PyValue | undefined): string {
  if (!value) return "";
  if (value.kind === "ref") return value.path.at(-1) ?? "";
  if (value.kind === "call") return lastName(value.callee);
  if (value.kind === "member") return value.name;
  return "";
}

/** Binds names from `import x as y` / `from a import b as c` to full dotted refs. `alembic.op` stays `op`. */
/** Looks an imported name up in its module, when that module can be read. */
export type ImportResolver = (module: string[], leadingDots: number, name: string) => PyValue | undefined;

export function bindImport(node: SyntaxNode, source: PySource, scope: Scope, resolve?: ImportResolver): void {
  const nodes = children(node);
  const isFrom = nodes[0]?.name === "from";
  let i = 0;
  const readDotted = (): string[] => {
    const parts: string[] = [];
    while (i < nodes.length && (nodes[i]?.name === "VariableName" || nodes[i]?.name === ".")) {
      if (nodes[i]?.name === "VariableName") parts.push(source.slice(nodes[i] as SyntaxNode));
      i++;
    }
    return parts;
  };
  const bind = (alias: string, path: string[]) => {
    // `from alembic import op as o`, `from alembic.op import create_table`: Alembic's op proxy.
    const normalized = path[0] === "alembic" && path[1] === "op" ? ["op", ...path.slice(2)] : path;
    scope.set(alias, { kind: "ref", path: normalized });
  };
  if (isFrom) {
    i = 1;
    let dots = 0;
    while (nodes[i] && (nodes[i]?.name === "." || nodes[i]?.name === "Ellipsis")) {
      dots += source.slice(nodes[i] as SyntaxNode).length;
      i++;
    }
    const module = readDotted();
    while (i < nodes.length && nodes[i]?.name !== "import") i++;
    i++;
    while (i < nodes.length) {
      const current = nodes[i] as SyntaxNode;
      if (current.name === "VariableName") {
        const name = source.slice(current);
        let alias = name;
        if (nodes[i + 1]?.name === "as" && nodes[i + 2]) {
          alias = source.slice(nodes[i + 2] as SyntaxNode);
          i += 2;
        }
        const value = resolve?.(module, dots, name);
        if (value) scope.set(alias, value);
        else bind(alias, [...module, name]);
      }
      i++;
    }
    return;
  }
  i = 1;
  while (i < nodes.length) {
    const path = readDotted();
    if (path.length > 0) {
      if (nodes[i]?.name === "as" && nodes[i + 1]) {
        bind(source.slice(nodes[i + 1] as SyntaxNode), path);
        i += 2;
      } else {
        // `import a.b` binds `a`; `a.b.x` then reads as the dotted path.
        bind(path[0] as string, [path[0] as string]);
      }
    }
    i++;
  }
}

/** `a = b = value`: the names assigned and the value node. */
export function assignmentParts(
  node: SyntaxNode,
  source: PySource,
): { targets: string[]; value: SyntaxNode | undefined } {
  const parts = children(node);
  const lastAssign = parts.map((p) => p.name).lastIndexOf("AssignOp");
  if (lastAssign === -1) return { targets: [], value: undefined };
  const targets = parts
    .slice(0, lastAssign)
    .filter((p) => p.name === "VariableName")
    .map((p) => source.slice(p));
  return { targets, value: parts[lastAssign + 1] };
}

/** `((x))` → `x`. */
export function unwrapParentheses(node: SyntaxNode): SyntaxNode {
  if (node.name !== "ParenthesizedExpression") return node;
  const inner = children(node).filter((c) => c.name !== "(" && c.name !== ")");
  return inner.length === 1 ? unwrapParentheses(inner[0] as SyntaxNode) : node;
}
