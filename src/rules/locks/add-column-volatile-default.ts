import type { Constraint } from "@pgsql/types";
import { alterCommands, as, displayTable, isNullConstant } from "../../sql/ast.js";
import { createdFunctionVolatility, expressionVolatility } from "../data/volatility.js";
import type { StatementRule } from "../types.js";

/** PostgreSQL 11 stores a non-volatile ADD COLUMN default once instead of rewriting the table. */
const FAST_DEFAULT_SINCE = 11;

/**
 * `ADD COLUMN … DEFAULT expr` that rewrites an existing table: on PostgreSQL
 * 11+ when the expression calls a volatile function (random(),
 * gen_random_uuid(), clock_timestamp(), nextval(), or any function not known
 * to be stable/immutable, since CREATE FUNCTION defaults to VOLATILE); before
 * 11 any non-NULL default. Volatility comes from PostgreSQL's own pg_proc.
 * serial/identity/generated columns are add-generated-column's.
 */
export const addColumnVolatileDefault: StatementRule = {
  kind: "statement",
  meta: {
    id: "add-column-volatile-default",
    category: "locks",
    severity: "error",
    enabledByDefault: true,
    summary: "ADD COLUMN with a volatile DEFAULT (table rewrite)",
    lock: "AccessExclusiveLock",
  },
  statementKinds: ["AlterTableStmt"],
  check(statement, context) {
    const alter = as(statement.ast, "AlterTableStmt");
    if (alter?.objtype !== "OBJECT_TABLE" || context.isNewTable(alter.relation)) return [];
    const table = displayTable(alter.relation);
    const fix =
      "add the column without a default, then `ALTER COLUMN … SET DEFAULT …` (applies to new rows only) and backfill existing rows in batches";
    const rewriting: string[] = [];
    const calls = new Set<string>();
    let userFunctions: ReturnType<typeof createdFunctionVolatility> | undefined;
    for (const cmd of alterCommands(alter)) {
      const column = cmd?.subtype === "AT_AddColumn" ? as(cmd.def, "ColumnDef") : undefined;
      if (!column) continue;
      const constraints = (column.constraints ?? []).map((c) => as(c, "Constraint")).filter((c) => c !== undefined);
      if (constraints.some(isGenerated)) continue;
      const expr = constraints.find((c) => c.contype === "CONSTR_DEFAULT")?.raw_expr;
      if (!expr || isNullConstant(expr)) continue;
      if (context.pgVersion >= FAST_DEFAULT_SINCE) {
        userFunctions ??= createdFunctionVolatility(context.statements.slice(0, context.index));
        const { volatility, volatileCalls } = expressionVolatility(expr, userFunctions);
        if (volatility !== "volatile") continue;
        for (const call of volatileCalls) calls.add(call);
      }
      rewriting.push(`\`${table}.${column.colname ?? ""}\``);
    }
    if (rewriting.length === 0) return [];
    // One ALTER TABLE rewrites the table once, however many columns cause it: one finding.
    const columns = `${rewriting.length === 1 ? "column" : "columns"} ${rewriting.join(", ")}`;
    const blocking = `rewrites the whole table under an AccessExclusiveLock, blocking reads and writes of \`${table}\` until it finishes`;
    const message =
      context.pgVersion < FAST_DEFAULT_SINCE
        ? `adds ${columns} with a DEFAULT: before PostgreSQL 11 any default ${blocking}`
        : `adds ${columns} with a volatile DEFAULT (${[...calls].join(", ")}): PostgreSQL evaluates it for every row and ${blocking}`;
    return [{ message, fix }];
  },
};

function isGenerated(constraint: Constraint): boolean {
  return constraint.contype === "CONSTR_IDENTITY" || constraint.contype === "CONSTR_GENERATED";
}
