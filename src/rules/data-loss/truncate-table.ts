import { as, displayTable } from "../../sql/ast.js";
import type { StatementRule } from "../types.js";

/** `TRUNCATE` of an existing table; with CASCADE every referencing table is emptied too. */
export const truncateTable: StatementRule = {
  kind: "statement",
  meta: {
    id: "truncate-table",
    category: "data-loss",
    severity: "error",
    enabledByDefault: true,
    summary: "TRUNCATE of an existing table (worse with CASCADE)",
    lock: "AccessExclusiveLock",
  },
  statementKinds: ["TruncateStmt"],
  check(statement, context) {
    const truncate = as(statement.ast, "TruncateStmt");
    if (!truncate) return [];
    const existing = (truncate.relations ?? [])
      .map((node) => as(node, "RangeVar"))
      .filter((relation) => relation && !context.isNewTable(relation));
    if (existing.length === 0) return [];
    const names = existing.map((relation) => `\`${displayTable(relation)}\``).join(", ");
    if (truncate.behavior === "DROP_CASCADE") {
      return [
        {
          message: `truncates ${names} with CASCADE: every row is deleted, and so is every row of each table with a foreign key to it, recursively, without listing them`,
          fix: "delete only the rows you mean to (DELETE … WHERE, in batches) and name every table explicitly; never CASCADE in a migration",
        },
      ];
    }
    return [
      {
        message: `truncates ${names}: every row is deleted and no rollback brings them back; the AccessExclusiveLock blocks all reads and writes meanwhile`,
        fix: "delete the rows you mean to with DELETE … WHERE in batches, or keep a copy of the table before emptying it",
      },
    ];
  },
};
