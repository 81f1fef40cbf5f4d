import { alterCommands, as, displayTable } from "../../sql/ast.js";
import type { RuleHit, StatementRule } from "../types.js";

/**
 * `ADD CONSTRAINT … EXCLUDE` on an existing table builds its index under an
 * AccessExclusiveLock. Unlike UNIQUE and PRIMARY KEY there is no
 * `USING INDEX` form and no NOT VALID, so no online way exists.
 */
export const addExclusionConstraint: StatementRule = {
  kind: "statement",
  meta: {
    id: "add-exclusion-constraint",
    category: "locks",
    severity: "error",
    enabledByDefault: true,
    summary: "EXCLUDE constraint added to an existing table",
    lock: "AccessExclusiveLock",
  },
  statementKinds: ["AlterTableStmt"],
  check(statement, context) {
    const alter = as(statement.ast, "AlterTableStmt");
    if (alter?.objtype !== "OBJECT_TABLE" || context.isNewTable(alter.relation)) return [];
    const table = displayTable(alter.relation);
    const hits: RuleHit[] = [];
    for (const cmd of alterCommands(alter)) {
      if (cmd?.subtype !== "AT_AddConstraint") continue;
      const constraint = as(cmd.def, "Constraint");
      if (constraint?.contype !== "CONSTR_EXCLUSION") continue;
      const name = constraint.conname ? `\`${constraint.conname}\` ` : "";
      hits.push({
        message: `adds exclusion constraint ${name}on \`${table}\`, building its index and checking every row under an AccessExclusiveLock: reads and writes of \`${table}\` block for the whole build (EXCLUDE has no CONCURRENTLY or USING INDEX form)`,
        fix: "add it while the table is small or in a maintenance window with a lock_timeout, or enforce the rule on a new table that is backfilled and swapped in",
      });
    }
    return hits;
  },
};
