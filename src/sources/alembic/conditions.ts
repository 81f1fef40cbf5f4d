/**
 * Conditions the reader can decide without running anything: whether a test
 * holds on PostgreSQL (`op.get_context().dialect.name == "postgresql"`, a
 * helper returning that, `not`/`and`/`or` of those, a bool bound earlier).
 */
import type { SyntaxNode } from "@lezer/common";
import { children, evaluate, lastName, type PySource, type PyValue, type Scope } from "./python.js";

/** How many helper calls deep a dialect check is followed. */
export const MAX_INLINE_DEPTH = 4;

/**
 * Whether a condition holds on PostgreSQL: true/false for dialect checks,
 * undefined for anything decided at run time.
 */
export function dialectTruth(node: SyntaxNode, source: PySource, scope: Scope, depth = 0): boolean | undefined {
  if (depth > MAX_INLINE_DEPTH) return undefined;
  const parts = children(node);
  switch (node.name) {
    case "ParenthesizedExpression": {
      const inner = parts.find((p) => p.name !== "(" && p.name !== ")");
      return inner ? dialectTruth(inner, source, scope, depth) : undefined;
    }
    case "UnaryExpression": {
      const operand = parts[1];
      if (parts[0]?.name !== "not" || !operand) return undefined;
      const value = dialectTruth(operand, source, scope, depth);
      return value === undefined ? undefined : !value;
    }
    case "VariableName": {
      const value = scope.get(source.slice(node));
      return value?.kind === "bool" ? value.value : undefined;
    }
    case "CallExpression": {
      const value = evaluate(node, source, scope);
      if (value.kind === "call" && lastName(value) === "is_offline_mode") return false;
      if (value.kind !== "call" || value.callee.kind !== "function" || value.args.length > 0) return undefined;
      const body = value.callee.node.getChild("Body");
      const statements = body ? children(body).filter((s) => s.name !== ":" && s.name !== "Comment") : [];
      const last = statements.at(-1);
      const onlyReturn = statements.every(
        (s, i) => s === last || (i === 0 && s.name === "ExpressionStatement" && s.firstChild?.name === "String"),
      );
      const returned = last?.name === "ReturnStatement" ? children(last).find((c) => c.name !== "return") : undefined;
      return onlyReturn && returned ? dialectTruth(returned, source, value.callee.scope, depth + 1) : undefined;
    }
    case "BinaryExpression": {
      const [left, operator, right] = parts;
      if (!left || !operator || !right) return undefined;
      const op = source.slice(operator);
      if (op === "and" || op === "or") {
        const a = dialectTruth(left, source, scope, depth);
        const b = dialectTruth(right, source, scope, depth);
        if (op === "and") return a === false || b === false ? false : a && b ? true : undefined;
        return a === true || b === true ? true : a === false && b === false ? false : undefined;
      }
      const negated =
        op === "!=" || op === "not in" || (parts.length > 3 && source.slice(parts[2] as SyntaxNode) === "in");
      const l = returnedDialect(evaluate(left, source, scope), source);
      const r = returnedDialect(evaluate(parts.at(-1) as SyntaxNode, source, scope), source);
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
    case "MemberExpression":
      // `context.as_sql`: the product models the migration applied online, never offline.
      return source.slice(node).endsWith(".as_sql") ? false : undefined;
    default:
      return undefined;
  }
}

/** An `if` condition: a dialect check as above, or a literal (`if False:`) by Python's truth. */
export function conditionTruth(node: SyntaxNode, source: PySource, scope: Scope): boolean | undefined {
  const truth = dialectTruth(node, source, scope);
  if (truth !== undefined || !LITERALS.has(node.name)) return truth;
  return literalTruth(evaluate(node, source, scope));
}

const LITERALS = new Set(["Boolean", "None", "Number", "String"]);

/** Python's truth of a literal. */
function literalTruth(value: PyValue): boolean | undefined {
  switch (value.kind) {
    case "bool":
      return value.value;
    case "none":
      return false;
    case "num":
      return value.value !== 0;
    case "str":
      return value.value.length > 0;
    default:
      return undefined;
  }
}

/** `get_db_type()` where the helper only returns `op.get_context().dialect.name`: the dialect. */
function returnedDialect(value: PyValue, source: PySource): PyValue {
  if (value.kind !== "call" || value.callee.kind !== "function" || value.args.length > 0) return value;
  const body = value.callee.node.getChild("Body");
  const statements = body ? children(body).filter((s) => s.name !== ":") : [];
  const only = statements.length === 1 ? statements[0] : undefined;
  const returned = only?.name === "ReturnStatement" ? children(only).find((c) => c.name !== "return") : undefined;
  if (!returned) return value;
  const result = evaluate(returned, source, value.callee.scope);
  return result.kind === "dialect" ? result : value;
}
