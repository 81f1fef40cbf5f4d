import type { AlterTableCmd } from "@pgsql/types";
import { alterCommands, as, displayTable, str, tableKey } from "../../sql/ast.js";
import type { StatementContext } from "../context.js";
import type { StatementRule } from "../types.js";

/** PostgreSQL 12 skips the SET NOT NULL scan when a validated CHECK (col IS NOT NULL) proves it. */
const CHECK_PROOF_SINCE = 12;

/**
 * `ALTER COLUMN … SET NOT NULL` (or PostgreSQL 18's `ADD CONSTRAINT … NOT
 * NULL col` without NOT VALID) on an existing column: every row is scanned
 * for NULLs under an AccessExclusiveLock. Not flagged when the column was
 * added in the same migration/PR, or when a validated CHECK (col IS NOT NULL)
 * (PostgreSQL 12+) or a validated NOT NULL constraint already proves it.
 */
export const setNotNull: StatementRule = {
  kind: "statement",
  meta: {
    id: "set-not-null",
    category: "locks",
    severity: "error",
    enabledByDefault: true,
    summary: "SET NOT NULL on an existing column without a validated IS NOT NULL check",
    lock: "AccessExclusiveLock",
  },
  statementKinds: ["AlterTableStmt"],
  check(statement, context) {
    const alter = as(statement.ast, "AlterTableStmt");
    if (alter?.objtype !== "OBJECT_TABLE" || context.isNewTable(alter.relation)) return [];
    const table = tableKey(alter.relation);
    const columns: string[] = [];
    for (const node of alter.cmds ?? []) {
      const column = notNullColumn(as(node, "AlterTableCmd"));
      if (!column) continue;
      if (hasValidatedNotNullConstraint(context, table, column)) continue;
      const checked = context.hasValidatedNotNullCheck(table, column);
      if (checked && context.pgVersion >= CHECK_PROOF_SINCE) continue;
      columns.push(column);
    }
    if (columns.length === 0) return [];
    // One ALTER TABLE checks all its NOT NULL columns in a single scan: one finding.
    const display = displayTable(alter.relation);
    const targets = columns.map((c) => `\`${display}.${c}\``).join(", ");
    // A column this migration (or PR) added and backfilled: the table existed, so the scan is just as long.
    const added = columns.filter((c) => context.created.columns.has(`${table}.${c}`));
    const backfill = added.length > 0 ? backfillLine(context, table, added) : undefined;
    const origin =
      added.length > 0
        ? ` (added by this change${backfill ? ` and backfilled at line ${backfill}` : ""}, on a table that already has rows)`
        : "";
    const scan = `sets ${targets} NOT NULL${origin}: every row is scanned for NULLs while an AccessExclusiveLock blocks all reads and writes of \`${display}\``;
    const column = columns.length === 1 ? columns[0] : "<col>";
    const each = columns.length === 1 ? "" : "for each column, ";
    if (context.pgVersion < CHECK_PROOF_SINCE) {
      return [
        {
          message: `${scan}; before PostgreSQL 12 even a validated CHECK (… IS NOT NULL) does not avoid the scan`,
          fix: `${each}keep a validated \`CHECK (${column} IS NOT NULL)\` (added NOT VALID, then VALIDATE CONSTRAINT) instead of SET NOT NULL until PostgreSQL 12+`,
        },
      ];
    }
    if (added.length === columns.length) {
      return [
        {
          message: scan,
          fix: `add the column with its constant DEFAULT and NOT NULL in one \`ADD COLUMN\` (no scan, no rewrite on PostgreSQL 11+); or backfill in batches, then \`ADD CONSTRAINT ${column}_not_null CHECK (${column} IS NOT NULL) NOT VALID\` and \`VALIDATE CONSTRAINT\` ${context.advice.inOwnMigration} before SET NOT NULL`,
        },
      ];
    }
    return [
      {
        message: scan,
        fix: `${each}first \`ADD CONSTRAINT ${column}_not_null CHECK (${column} IS NOT NULL) NOT VALID\`, then \`VALIDATE CONSTRAINT ${column}_not_null\` ${context.advice.inOwnMigration}; SET NOT NULL then skips the scan`,
      },
    ];
  },
};

/** Line of an earlier UPDATE of this migration that sets one of `columns` of `table` (the backfill), if any. */
function backfillLine(context: StatementContext, table: string, columns: string[]): number | undefined {
  for (const statement of context.statements.slice(0, context.index)) {
    const update = as(statement.ast, "UpdateStmt");
    if (!update || tableKey(update.relation) !== table) continue;
    const targets = (update.targetList ?? []).map((t) => as(t, "ResTarget")?.name);
    if (targets.some((name) => name !== undefined && columns.includes(name))) return statement.span.line;
  }
  return undefined;
}

/** The column a subcommand makes NOT NULL with a scan, if any. */
function notNullColumn(cmd: AlterTableCmd | undefined): string | undefined {
  if (cmd?.subtype === "AT_SetNotNull") return cmd.name;
  const constraint = as(cmd?.def, "Constraint");
  if (cmd?.subtype === "AT_AddConstraint" && constraint?.contype === "CONSTR_NOTNULL" && !constraint.skip_validation)
    return str(constraint.keys?.[0]);
  return undefined;
}

/**
 * A NOT NULL constraint on the column (PostgreSQL 18 `ADD CONSTRAINT … NOT
 * NULL col`) made valid by an earlier statement of this migration: SET NOT
 * NULL then has nothing to check.
 */
function hasValidatedNotNullConstraint(context: StatementContext, table: string, column: string): boolean {
  const pending = new Set<string>();
  for (const earlier of context.statements.slice(0, context.index)) {
    const alter = as(earlier.ast, "AlterTableStmt");
    if (!alter || tableKey(alter.relation) !== table) continue;
    for (const cmd of alterCommands(alter)) {
      const constraint = as(cmd?.def, "Constraint");
      if (cmd?.subtype === "AT_AddConstraint" && constraint?.contype === "CONSTR_NOTNULL") {
        if (str(constraint.keys?.[0]) !== column) continue;
        if (!constraint.skip_validation) return true;
        if (constraint.conname) pending.add(constraint.conname);
      }
      if (cmd?.subtype === "AT_ValidateConstraint" && cmd.name && pending.has(cmd.name)) return true;
    }
  }
  return false;
}
