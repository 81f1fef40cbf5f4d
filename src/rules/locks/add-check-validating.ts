import { alterCommands, as, displayTable, tableKey } from "../../sql/ast.js";
import type { RuleHit, StatementRule } from "../types.js";
import { addedNotValidInTransaction } from "./statement-effects.js";

/**
 * A CHECK constraint added to an existing table without `NOT VALID`: ALTER
 * TABLE holds an AccessExclusiveLock (no reads, no writes) while it checks
 * every row. A CHECK on a column added by the same statement is checked the
 * same way, and column constraints cannot be NOT VALID.
 */
export const addCheckValidating: StatementRule = {
  kind: "statement",
  meta: {
    id: "add-check-validating",
    category: "locks",
    severity: "error",
    enabledByDefault: true,
    summary: "CHECK constraint added without NOT VALID (full scan under AccessExclusiveLock)",
    lock: "AccessExclusiveLock",
  },
  statementKinds: ["AlterTableStmt"],
  check(statement, context) {
    const alter = as(statement.ast, "AlterTableStmt");
    if (alter?.objtype !== "OBJECT_TABLE" || context.isNewTable(alter.relation)) return [];
    const table = displayTable(alter.relation);
    const hits: RuleHit[] = [];
    for (const cmd of alterCommands(alter)) {
      const added =
        cmd?.subtype === "AT_ValidateConstraint" && cmd.name
          ? addedNotValidInTransaction(context, tableKey(alter.relation), cmd.name)
          : undefined;
      if (added?.contype === "CONSTR_CHECK") {
        hits.push({
          message: `validates CHECK \`${cmd?.name}\` in the same transaction that added it NOT VALID (line ${added.line}): the scan of every row runs while the ADD's AccessExclusiveLock is still held, so NOT VALID spared nothing`,
          fix: `keep the \`NOT VALID\` ADD where it is and run \`VALIDATE CONSTRAINT\` ${context.advice.inOwnMigration}, after the ADD has committed`,
        });
        continue;
      }
      if (cmd?.subtype === "AT_AddConstraint") {
        const constraint = as(cmd.def, "Constraint");
        if (constraint?.contype !== "CONSTR_CHECK" || constraint.skip_validation) continue;
        const name = constraint.conname ? `\`${constraint.conname}\` ` : "";
        hits.push({
          message: `adds CHECK constraint ${name}to \`${table}\` without NOT VALID: every row is checked while an AccessExclusiveLock blocks all reads and writes of \`${table}\``,
          fix: `add it with \`NOT VALID\`, then \`ALTER TABLE … VALIDATE CONSTRAINT …\` ${context.advice.inOwnMigration} (ShareUpdateExclusiveLock: reads and writes continue)`,
        });
      }
      if (cmd?.subtype === "AT_AddColumn") {
        const column = as(cmd.def, "ColumnDef");
        const hasCheck = (column?.constraints ?? []).some((c) => as(c, "Constraint")?.contype === "CONSTR_CHECK");
        if (!hasCheck) continue;
        hits.push({
          message: `adds column \`${table}.${column?.colname ?? ""}\` with a CHECK constraint: every row is checked while an AccessExclusiveLock blocks all reads and writes of \`${table}\``,
          fix: "add the column without the CHECK, then `ADD CONSTRAINT … CHECK (…) NOT VALID` and `VALIDATE CONSTRAINT` in a separate transaction",
        });
      }
    }
    return hits;
  },
};
