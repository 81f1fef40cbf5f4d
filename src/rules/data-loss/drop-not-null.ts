import { alterCommands, as, displayTable, tableKey } from "../../sql/ast.js";
import type { RuleHit, StatementRule } from "../types.js";

/** `ALTER COLUMN … DROP NOT NULL` on an existing column: readers that assume a value break on the first NULL. */
export const dropNotNull: StatementRule = {
  kind: "statement",
  meta: {
    id: "drop-not-null",
    category: "data-loss",
    severity: "warning",
    enabledByDefault: true,
    summary: "ALTER COLUMN … DROP NOT NULL on an existing column",
    lock: "AccessExclusiveLock",
  },
  statementKinds: ["AlterTableStmt"],
  check(statement, context) {
    const alter = as(statement.ast, "AlterTableStmt");
    if (!alter || context.isNewTable(alter.relation)) return [];
    const table = tableKey(alter.relation);
    const hits: RuleHit[] = [];
    for (const cmd of alterCommands(alter)) {
      if (cmd?.subtype !== "AT_DropNotNull" || !cmd.name) continue;
      if (context.created.columns.has(`${table}.${cmd.name}`)) continue;
      if (context.isDroppedLater(table)) return [];
      hits.push({
        message: `makes \`${displayTable(alter.relation)}.${cmd.name}\` nullable: code, reports and clients that assume it always has a value break on the first NULL written`,
        fix: "first release readers that handle NULL, then drop NOT NULL; or keep the constraint and write a default instead",
      });
    }
    return hits;
  },
};
