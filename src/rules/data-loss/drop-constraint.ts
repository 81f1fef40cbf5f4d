import type { ConstrType } from "@pgsql/types";
import { alterCommands, as, displayTable, tableKey } from "../../sql/ast.js";
import type { Statement } from "../../types.js";
import type { StatementContext } from "../context.js";
import type { RuleHit, StatementRule } from "../types.js";

interface ConstraintKind {
  name: string;
  contype: ConstrType;
}

/** What a constraint most likely is, from PostgreSQL's default naming (`<table>_<cols>_pkey|fkey|key|check|excl`). */
const NAME_SUFFIXES: Array<[RegExp, ConstraintKind]> = [
  [/_pkey$/i, { name: "primary key", contype: "CONSTR_PRIMARY" }],
  [/_fkey\d*$/i, { name: "foreign key", contype: "CONSTR_FOREIGN" }],
  [/_key\d*$/i, { name: "unique constraint", contype: "CONSTR_UNIQUE" }],
  [/_check\d*$/i, { name: "check constraint", contype: "CONSTR_CHECK" }],
  [/_excl\d*$/i, { name: "exclusion constraint", contype: "CONSTR_EXCLUSION" }],
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
  statementKinds: ["AlterTableStmt"],
  check(statement, context) {
    const alter = as(statement.ast, "AlterTableStmt");
    if (!alter || context.isNewTable(alter.relation)) return [];
    const table = tableKey(alter.relation);
    const hits: RuleHit[] = [];
    for (const cmd of alterCommands(alter)) {
      if (cmd?.subtype !== "AT_DropConstraint" || !cmd.name) continue;
      // A table the migration drops later is reported (once) by drop-table.
      if (context.isDroppedLater(table)) return [];
      const kind = NAME_SUFFIXES.find(([pattern]) => pattern.test(cmd.name ?? ""))?.[1];
      if (replacedInMigration(table, cmd.name, kind, context)) continue;
      hits.push({
        message: `drops constraint \`${cmd.name}\`${kind ? ` (by its name, a ${kind.name})` : ""} on \`${displayTable(alter.relation)}\`: from now on PostgreSQL accepts the rows it used to reject (duplicates, orphans, invalid values)`,
        fix: "drop it only once the app enforces the rule elsewhere or no longer needs it; to change a constraint, add the new one (NOT VALID, then VALIDATE) before dropping the old",
      });
    }
    return hits;
  },
};

interface AddedConstraint {
  index: number;
  name?: string;
  contype?: ConstrType;
}

/** Per migration: the constraints each statement adds, by table, computed once. */
const ADDED = new WeakMap<Statement[], Map<string, AddedConstraint[]>>();

/**
 * Added earlier in this migration (so nothing relied on it), or replaced: a
 * constraint of the same name, or of the same kind on the same table (a
 * renamed foreign key, say), added in this statement or a later one.
 */
function replacedInMigration(
  table: string,
  name: string,
  kind: ConstraintKind | undefined,
  context: StatementContext,
): boolean {
  return (addedConstraints(context.statements).get(table) ?? []).some(
    (added) =>
      added.name === name || (kind !== undefined && added.index >= context.index && added.contype === kind.contype),
  );
}

function addedConstraints(statements: Statement[]): Map<string, AddedConstraint[]> {
  const cached = ADDED.get(statements);
  if (cached) return cached;
  const byTable = new Map<string, AddedConstraint[]>();
  statements.forEach(({ ast }, index) => {
    const alter = as(ast, "AlterTableStmt");
    for (const node of alter?.cmds ?? []) {
      const cmd = as(node, "AlterTableCmd");
      const constraint = as(cmd?.def, "Constraint");
      if (cmd?.subtype !== "AT_AddConstraint" || !constraint) continue;
      const table = tableKey(alter?.relation);
      const list = byTable.get(table) ?? [];
      list.push({ index, name: constraint.conname, contype: constraint.contype });
      byTable.set(table, list);
    }
  });
  ADDED.set(statements, byTable);
  return byTable;
}
