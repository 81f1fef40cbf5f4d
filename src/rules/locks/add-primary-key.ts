import { alterCommands, as, columnNames, displayTable } from "../../sql/ast.js";
import type { RuleHit, StatementRule } from "../types.js";

/**
 * `ADD PRIMARY KEY` (or `ADD COLUMN … PRIMARY KEY`) on an existing table
 * builds the unique index, and sets the key columns NOT NULL, inside ALTER
 * TABLE under an AccessExclusiveLock. `PRIMARY KEY USING INDEX` attaches an
 * index built beforehand and is not flagged.
 */
export const addPrimaryKey: StatementRule = {
  kind: "statement",
  meta: {
    id: "add-primary-key",
    category: "locks",
    severity: "error",
    enabledByDefault: true,
    summary: "PRIMARY KEY that builds its index in place",
    lock: "AccessExclusiveLock",
  },
  statementKinds: ["AlterTableStmt"],
  check(statement, context) {
    const alter = as(statement.ast, "AlterTableStmt");
    if (alter?.objtype !== "OBJECT_TABLE" || context.isNewTable(alter.relation)) return [];
    const table = displayTable(alter.relation);
    const fix =
      "make the key columns NOT NULL via a validated `CHECK (… IS NOT NULL)`, build the index with `CREATE UNIQUE INDEX CONCURRENTLY`, then `ADD CONSTRAINT … PRIMARY KEY USING INDEX …`";
    const hits: RuleHit[] = [];
    for (const cmd of alterCommands(alter)) {
      if (cmd?.subtype === "AT_AddConstraint") {
        const constraint = as(cmd.def, "Constraint");
        if (constraint?.contype !== "CONSTR_PRIMARY" || constraint.indexname) continue;
        const name = constraint.conname ? `\`${constraint.conname}\` ` : "";
        hits.push({
          message: `adds primary key ${name}on \`${table}\` (${columnNames(constraint.keys).join(", ")}), building its index under an AccessExclusiveLock: reads and writes of \`${table}\` block for the whole build`,
          fix,
        });
      }
      if (cmd?.subtype === "AT_AddColumn") {
        const column = as(cmd.def, "ColumnDef");
        if (!(column?.constraints ?? []).some((c) => as(c, "Constraint")?.contype === "CONSTR_PRIMARY")) continue;
        hits.push({
          message: `adds column \`${table}.${column?.colname ?? ""}\` as PRIMARY KEY, building its index under an AccessExclusiveLock: reads and writes of \`${table}\` block while every row is indexed`,
          fix: `add and backfill the column first; then ${fix}`,
        });
      }
    }
    return hits;
  },
};
