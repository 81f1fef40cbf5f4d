import type { Node } from "@pgsql/types";
import { as, displayTable, tableKey } from "../../sql/ast.js";
import type { StatementContext } from "../context.js";
import type { RuleHit, StatementRule } from "../types.js";

/** What a constraint most likely is, from PostgreSQL's default naming (`<table>_<cols>_pkey|fkey|key|check|excl`). */
const NAME_SUFFIXES: Array<[RegExp, string]> = [
  [/_pkey$/i, "primary key"],
  [/_fkey\d*$/i, "foreign key"],
  [/_key\d*$/i, "unique constraint"],
  [/_check\d*$/i, "check constraint"],
  [/_excl\d*$/i, "exclusion constraint"],
];

/**
 * `ALTER TABLE … DROP CONSTRAINT` on an existing table: the database stops
 * rejecting bad rows (duplicates, orphans, out-of-range values). A constraint
 * the same migration adds again under the same name is a replacement, not a loss.
 */
export const dropConstraint: StatementRule = {
  kind: "statement",
  meta: {
    id: "drop-constraint",
    category: "data-loss",
    severity: "warning",
    enabledByDefault: true,
    summary: "dropping a primary key, foreign key, unique or check constraint",
    lock: "AccessExclusiveLock",
  },
  check(statement, context) {
    const alter = as(statement.ast, "AlterTableStmt");
    if (!alter || context.isNewTable(alter.relation)) return [];
    const table = tableKey(alter.relation);
    const hits: RuleHit[] = [];
    for (const node of alter.cmds ?? []) {
      const cmd = as(node, "AlterTableCmd");
      if (cmd?.subtype !== "AT_DropConstraint" || !cmd.name) continue;
      if (addedInMigration(table, cmd.name, context)) continue;
      const kind = NAME_SUFFIXES.find(([pattern]) => pattern.test(cmd.name ?? ""))?.[1];
      hits.push({
        message: `drops constraint \`${cmd.name}\`${kind ? ` (by its name, a ${kind})` : ""} on \`${displayTable(alter.relation)}\`: from now on PostgreSQL accepts the rows it used to reject (duplicates, orphans, invalid values)`,
        fix: "drop it only once the app enforces the rule elsewhere or no longer needs it; to change a constraint, add the new one (NOT VALID, then VALIDATE) before dropping the old",
      });
    }
    return hits;
  },
};

/**
 * Added earlier in this migration (so nothing relied on it), or added back
 * under the same name in this statement or a later one (a replacement).
 */
function addedInMigration(table: string, name: string, context: StatementContext): boolean {
  return context.statements.some((other) => addsConstraint(other.ast, table, name));
}

function addsConstraint(ast: Node | null, table: string, name: string): boolean {
  const alter = as(ast, "AlterTableStmt");
  if (!alter || tableKey(alter.relation) !== table) return false;
  return (alter.cmds ?? []).some((node) => {
    const cmd = as(node, "AlterTableCmd");
    if (cmd?.subtype === "AT_AddConstraint") return as(cmd.def, "Constraint")?.conname === name;
    if (cmd?.subtype === "AT_AddIndexConstraint") return as(cmd.def, "IndexStmt")?.idxname === name;
    return false;
  });
}
