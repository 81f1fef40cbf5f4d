import type { Node, RangeVar } from "@pgsql/types";
import { as, constValue, displayTable, nameList, walk } from "../../sql/ast.js";
import type { RuleHit, StatementRule } from "../types.js";

/**
 * `UPDATE` / `DELETE` with no `WHERE` (or `WHERE true`) on an existing table,
 * also inside a CTE: every row is written and row-locked until the migration commits.
 */
export const unboundedDml: StatementRule = {
  kind: "statement",
  meta: {
    id: "unbounded-dml",
    category: "data-loss",
    severity: "error",
    enabledByDefault: true,
    summary: "UPDATE or DELETE with no WHERE on an existing table",
    lock: "RowExclusiveLock",
  },
  check(statement, context) {
    const hits: RuleHit[] = [];
    const visit = (verb: "UPDATE" | "DELETE", relation: RangeVar | undefined, where: Node | undefined) => {
      if (!relation || context.isNewTable(relation) || !alwaysTrue(where)) return;
      const table = displayTable(relation);
      const inTransaction = context.inTransaction ? ", held until the migration's transaction commits" : "";
      hits.push(
        verb === "DELETE"
          ? {
              message: `DELETE on \`${table}\` has no WHERE: it deletes every row, row-locking each one${inTransaction}`,
              fix: "add the WHERE you mean; to empty a table on purpose, do it outside the schema migration, in batches",
            }
          : {
              message: `UPDATE on \`${table}\` has no WHERE: it rewrites every row and overwrites the old values, row-locking each one${inTransaction} so concurrent writes wait`,
              fix: "backfill outside the schema migration in batches (UPDATE … WHERE id BETWEEN … , committing each), or add the WHERE you mean",
            },
      );
    };
    walk([statement.ast], (tag, value) => {
      if (tag === "UpdateStmt") {
        const update = value as { relation?: RangeVar; whereClause?: Node };
        visit("UPDATE", update.relation, update.whereClause);
      }
      if (tag === "DeleteStmt") {
        const del = value as { relation?: RangeVar; whereClause?: Node };
        visit("DELETE", del.relation, del.whereClause);
      }
    });
    return hits;
  },
};

/** No WHERE at all, or one that is constant true (`WHERE true`, `WHERE 1 = 1`). */
function alwaysTrue(where: Node | undefined): boolean {
  if (!where) return true;
  if (constValue(where) === true) return true;
  const expr = as(where, "A_Expr");
  if (expr?.kind === "AEXPR_OP" && nameList(expr.name).join() === "=") {
    const left = constValue(expr.lexpr);
    return left !== undefined && left !== null && left === constValue(expr.rexpr);
  }
  return false;
}
