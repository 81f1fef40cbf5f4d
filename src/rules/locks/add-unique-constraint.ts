import { alterCommands, as, columnNames, displayTable } from "../../sql/ast.js";
import type { RuleHit, StatementRule } from "../types.js";

/**
 * `ADD UNIQUE` / `ADD CONSTRAINT … UNIQUE` (or `ADD COLUMN … UNIQUE`) on an
 * existing table builds the unique index inside ALTER TABLE, under an
 * AccessExclusiveLock: no reads or writes until the whole index is built.
 * `UNIQUE USING INDEX` attaches an index built beforehand and is not flagged.
 */
export const addUniqueConstraint: StatementRule = {
  kind: "statement",
  meta: {
    id: "add-unique-constraint",
    category: "locks",
    severity: "error",
    enabledByDefault: true,
    summary: "UNIQUE constraint that builds its index in place",
    lock: "AccessExclusiveLock",
  },
  statementKinds: ["AlterTableStmt"],
  check(statement, context) {
    const alter = as(statement.ast, "AlterTableStmt");
    if (alter?.objtype !== "OBJECT_TABLE" || context.isNewTable(alter.relation)) return [];
    const table = displayTable(alter.relation);
    const attach = "`CREATE UNIQUE INDEX CONCURRENTLY`, then `ALTER TABLE … ADD CONSTRAINT … UNIQUE USING INDEX …`";
    const hits: RuleHit[] = [];
    for (const cmd of alterCommands(alter)) {
      if (cmd?.subtype === "AT_AddConstraint") {
        const constraint = as(cmd.def, "Constraint");
        if (constraint?.contype !== "CONSTR_UNIQUE" || constraint.indexname) continue;
        const name = constraint.conname ? `\`${constraint.conname}\` ` : "";
        hits.push({
          message: `adds UNIQUE constraint ${name}on \`${table}\` (${columnNames(constraint.keys).join(", ")}), building its index under an AccessExclusiveLock: reads and writes of \`${table}\` block for the whole build`,
          fix: `build the index first with ${attach}`,
        });
      }
      if (cmd?.subtype === "AT_AddColumn") {
        const column = as(cmd.def, "ColumnDef");
        if (!(column?.constraints ?? []).some((c) => as(c, "Constraint")?.contype === "CONSTR_UNIQUE")) continue;
        hits.push({
          message: `adds column \`${table}.${column?.colname ?? ""}\` with UNIQUE, building its index under an AccessExclusiveLock: reads and writes of \`${table}\` block while every row is indexed`,
          fix: `add the column without UNIQUE, build the index with ${attach}`,
        });
      }
    }
    return hits;
  },
};
