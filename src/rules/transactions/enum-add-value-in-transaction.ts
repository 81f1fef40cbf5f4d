import type { Node, RangeVar, TypeName } from "@pgsql/types";
import { as, constValue, nameList, objectKey, tableKey, walk } from "../../sql/ast.js";
import type { StatementContext } from "../context.js";
import type { RuleHit, StatementRule } from "../types.js";

/** Statements where a matching string is not a use of the enum value. */
const NOT_A_USE = new Set(["AlterEnumStmt", "CreateEnumStmt", "TransactionStmt", "VariableSetStmt", "CommentStmt"]);

/**
 * `ALTER TYPE … ADD VALUE 'x'` and then, before the transaction commits, a
 * statement that uses 'x' (a literal compared to, assigned to, defaulted or
 * cast to the enum, or inside a SQL function or DO body). PostgreSQL 12+
 * refuses it: "unsafe use of new value". A string constant equal to the new
 * value counts as a use unless the column it meets is known to be of another
 * type or the constant is cast to another type.
 */
export const enumAddValueInTransaction: StatementRule = {
  kind: "statement",
  meta: {
    id: "enum-add-value-in-transaction",
    category: "transactions",
    severity: "error",
    enabledByDefault: true,
    summary: "ALTER TYPE … ADD VALUE, then the new value used in the same transaction",
    lock: null,
  },
  check(statement, context) {
    // Before 12, ADD VALUE itself fails in a transaction (concurrently-in-transaction reports it).
    if (context.pgVersion < 12 || !context.inTransaction || NOT_A_USE.has(statement.kind)) return [];
    const hits: RuleHit[] = [];
    for (const [type, values] of context.enumValuesAdded) {
      // Since 17, values added to a type created in the same transaction are usable at once.
      if (context.pgVersion >= 17 && typeCreatedInTransaction(type, context)) continue;
      for (const value of values) {
        if (!mayContain(statement.sql, value) || !usesValue(statement.ast, type, value, context)) continue;
        const line = addedAt(type, value, context);
        hits.push({
          message: `uses '${value}', added to enum \`${type}\`${line ? ` at line ${line}` : ""} in the same transaction: PostgreSQL rejects it with "unsafe use of new value" until the ADD VALUE commits, so the migration fails`,
          fix: "commit between them: ADD VALUE in one migration (or before a COMMIT / in an autocommit block), use the value in the next",
        });
      }
    }
    return hits;
  },
};

/**
 * Whether the SQL text can hold a string constant equal to `value`: it must
 * appear as written (quotes doubled), unless an escape syntax (E'\…', U&'…')
 * could spell it otherwise. Skips the AST walk for almost every statement.
 */
function mayContain(sql: string, value: string): boolean {
  return sql.includes(value.replaceAll("'", "''")) || sql.includes(value) || sql.includes("\\") || /u&/i.test(sql);
}

/**
 * Whether the statement uses `value` as a value of enum `type`. Literals the
 * statement provably gives another type (a cast, a column of known other type)
 * are skipped.
 */
function usesValue(ast: Node, type: string, value: string, context: StatementContext): boolean {
  const cleared = new Set<object>();
  let used = false;
  const literal = (node: Node | undefined) => {
    const payload = as(node, "A_Const");
    return payload && constValue(node) === value ? payload : undefined;
  };
  /** A literal meeting a column (or declared type) whose type we know. */
  const typed = (node: Node | undefined, columnType: TypeName | undefined) => {
    const payload = literal(node);
    if (!payload || !columnType) return;
    if (objectKey(nameList(columnType.names)) === type) used = true;
    else cleared.add(payload);
  };
  const columnType = (relation: RangeVar | undefined, column: string | undefined) =>
    relation && column ? context.columnTypes.get(`${tableKey(relation)}.${column}`) : undefined;
  const main = mainRelation(ast);
  const refType = (node: Node | undefined) => {
    const fields = nameList(as(node, "ColumnRef")?.fields);
    if (fields.length === 1) return columnType(main, fields[0]);
    if (fields.length === 2) return context.columnTypes.get(`${fields[0]}.${fields[1]}`);
    return undefined;
  };

  walk([ast], (tag, node) => {
    if (tag === "TypeCast") {
      // `'x'::status` and `'x'::text::status` use the value; `'x'::text` alone does not.
      const cast = node as { arg?: Node; typeName?: TypeName };
      if (objectKey(nameList(cast.typeName?.names)) === type && literal(innermost(cast.arg))) used = true;
      else typed(cast.arg, cast.typeName);
    } else if (tag === "ColumnDef") {
      const column = node as { typeName?: TypeName; constraints?: Node[]; raw_default?: Node };
      for (const constraint of column.constraints ?? []) typed(as(constraint, "Constraint")?.raw_expr, column.typeName);
      typed(column.raw_default, column.typeName);
    } else if (tag === "A_Expr") {
      const expr = node as { lexpr?: Node; rexpr?: Node };
      const right = as(expr.rexpr, "List")?.items ?? [expr.rexpr];
      for (const item of right) typed(item, refType(expr.lexpr));
      typed(expr.lexpr, refType(expr.rexpr));
    } else if (tag === "UpdateStmt") {
      const update = node as { relation?: RangeVar; targetList?: Node[] };
      for (const target of update.targetList ?? []) {
        const res = as(target, "ResTarget");
        typed(res?.val, columnType(update.relation, res?.name));
      }
    } else if (tag === "InsertStmt") {
      const insert = node as { relation?: RangeVar; cols?: Node[]; selectStmt?: Node };
      const columns = (insert.cols ?? []).map((c) => as(c, "ResTarget")?.name);
      for (const row of as(insert.selectStmt, "SelectStmt")?.valuesLists ?? [])
        (as(row, "List")?.items ?? []).forEach((item, i) => {
          typed(item, columnType(insert.relation, columns[i]));
        });
    } else if (tag === "AlterTableCmd") {
      const cmd = node as { subtype?: string; name?: string; def?: Node };
      if (cmd.subtype === "AT_ColumnDefault") typed(cmd.def, columnType(as(ast, "AlterTableStmt")?.relation, cmd.name));
    } else if (tag === "A_Const") {
      if (!cleared.has(node) && constValue({ A_Const: node } as Node) === value) used = true;
    } else if (tag === "CreateFunctionStmt" || tag === "DoStmt") {
      if (bodyMentions(node, value)) used = true;
    }
  });
  return used;
}

function innermost(node: Node | undefined): Node | undefined {
  const cast = as(node, "TypeCast");
  return cast ? innermost(cast.arg) : node;
}

/** The table a bare column name refers to: the UPDATE/DELETE/INSERT target, or a lone table in FROM. */
function mainRelation(ast: Node): RangeVar | undefined {
  const target =
    as(ast, "UpdateStmt")?.relation ??
    as(ast, "DeleteStmt")?.relation ??
    as(ast, "InsertStmt")?.relation ??
    as(ast, "AlterTableStmt")?.relation ??
    as(ast, "IndexStmt")?.relation;
  if (target) return target;
  const from = as(ast, "SelectStmt")?.fromClause ?? [];
  return from.length === 1 ? as(from[0], "RangeVar") : undefined;
}

/** SQL function bodies are checked at CREATE time, DO bodies run at once: a quoted value in them is a use. */
function bodyMentions(node: Record<string, unknown>, value: string): boolean {
  const options = (node.options ?? node.args ?? []) as Node[];
  const language = options.map((o) => as(o, "DefElem")).find((d) => d?.defname === "language");
  const isSql = String(constValue(language?.arg) ?? "").toLowerCase() === "sql";
  if ("funcname" in node && !isSql) return false;
  const body = options
    .map((o) => as(o, "DefElem"))
    .filter((d) => d?.defname === "as")
    .flatMap((d) => (as(d?.arg, "List")?.items ?? [d?.arg]).map((item) => String(constValue(item) ?? "")))
    .join("\n");
  return body.includes(`'${value.replaceAll("'", "''")}'`);
}

function typeCreatedInTransaction(type: string, context: StatementContext): boolean {
  for (let i = context.index - 1; i >= 0; i--) {
    const ast = context.statements[i]?.ast;
    const create = as(ast, "CreateEnumStmt");
    if (create && objectKey(nameList(create.typeName)) === type) return true;
    const kind = as(ast, "TransactionStmt")?.kind;
    if (kind === "TRANS_STMT_BEGIN" || kind === "TRANS_STMT_START" || kind === "TRANS_STMT_COMMIT") return false;
  }
  return false;
}

function addedAt(type: string, value: string, context: StatementContext): number | undefined {
  for (let i = context.index - 1; i >= 0; i--) {
    const alter = as(context.statements[i]?.ast, "AlterEnumStmt");
    if (alter?.newVal === value && !alter.oldVal && objectKey(nameList(alter.typeName)) === type)
      return context.statements[i]?.span.line;
  }
  return undefined;
}
