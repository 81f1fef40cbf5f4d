import { alterCommands, as, displayTable, tableKey } from "../../sql/ast.js";
import type { RuleHit, StatementRule } from "../types.js";

/** `ALTER TABLE … DROP COLUMN` of a column that existed before this migration: its values are gone. */
export const dropColumn: StatementRule = {
  kind: "statement",
  meta: {
    id: "drop-column",
    category: "data-loss",
    severity: "error",
    enabledByDefault: true,
    summary: "ALTER TABLE … DROP COLUMN of an existing column",
    lock: "AccessExclusiveLock",
  },
  statementKinds: ["AlterTableStmt"],
  check(statement, context) {
    const alter = as(statement.ast, "AlterTableStmt");
    if (alter?.objtype !== "OBJECT_TABLE" || context.isNewTable(alter.relation)) return [];
    const table = tableKey(alter.relation);
    const hits: RuleHit[] = [];
    for (const cmd of alterCommands(alter)) {
      if (cmd?.subtype !== "AT_DropColumn" || !cmd.name) continue;
      if (context.created.columns.has(`${table}.${cmd.name}`)) continue;
      // A table the migration drops later is reported (once) by drop-table.
      if (context.isDroppedLater(table)) return [];
      hits.push({
        message: `drops column \`${cmd.name}\` of \`${displayTable(alter.relation)}\` with all its values; app instances still running the previous release fail when they read or write it`,
        fix: "stop reading and writing the column in a release first (ignore it in the ORM), then drop it in a later migration",
      });
    }
    return hits;
  },
};
