import type { ColumnDef, Constraint, Node } from "@pgsql/types";
import { as, columnNames, displayTable, SERIAL_TYPES, tableKey, typeBase } from "../../sql/ast.js";
import type { RuleHit, StatementRule } from "../types.js";
import { addedNotValidInTransaction } from "./statement-effects.js";

/**
 * A foreign key added to an existing table without `NOT VALID`: PostgreSQL
 * checks every row of the referencing table while holding a
 * ShareRowExclusiveLock on both tables, so writes to both wait for the scan.
 *
 * `ADD COLUMN … REFERENCES` is validated only when the same ALTER TABLE also
 * gives a column a default (DEFAULT, even NULL; serial; a generation
 * expression) or adds a table-level FOREIGN KEY (PostgreSQL's
 * transformAlterTableStmt); otherwise the new column is all NULL, nothing is
 * scanned, and the risk left is the lock queue on two tables at once.
 */
export const addForeignKeyValidating: StatementRule = {
  kind: "statement",
  meta: {
    id: "add-foreign-key-validating",
    category: "locks",
    severity: "error",
    enabledByDefault: true,
    summary: "foreign key added without NOT VALID (scans the table, locks both tables)",
    lock: "ShareRowExclusiveLock",
  },
  statementKinds: ["AlterTableStmt"],
  check(statement, context) {
    const alter = as(statement.ast, "AlterTableStmt");
    if (alter?.objtype !== "OBJECT_TABLE" || context.isNewTable(alter.relation)) return [];
    const table = displayTable(alter.relation);
    const commands = (alter.cmds ?? []).map((c) => as(c, "AlterTableCmd")).filter((c) => c !== undefined);
    const validatesColumnKeys = commands.some(
      (cmd) =>
        (cmd.subtype === "AT_AddConstraint" && as(cmd.def, "Constraint")?.contype === "CONSTR_FOREIGN") ||
        (cmd.subtype === "AT_AddColumn" && hasDefault(as(cmd.def, "ColumnDef"))),
    );
    const hits: RuleHit[] = [];
    for (const cmd of commands) {
      const added =
        cmd.subtype === "AT_ValidateConstraint" && cmd.name
          ? addedNotValidInTransaction(context, tableKey(alter.relation), cmd.name)
          : undefined;
      if (added?.contype === "CONSTR_FOREIGN") {
        hits.push({
          message: `validates foreign key \`${cmd.name}\` in the same transaction that added it NOT VALID (line ${added.line}): the scan of \`${table}\` runs while the ADD's ShareRowExclusiveLock on both tables is still held, so NOT VALID spared nothing`,
          fix: `keep the \`NOT VALID\` ADD where it is and run \`VALIDATE CONSTRAINT\` ${context.advice.inOwnMigration}, after the ADD has committed`,
        });
        continue;
      }
      if (cmd.subtype === "AT_AddConstraint") {
        const constraint = as(cmd.def, "Constraint");
        if (constraint?.contype !== "CONSTR_FOREIGN" || constraint.skip_validation) continue;
        const name = constraint.conname ? `\`${constraint.conname}\` ` : "";
        const columns = columnNames(constraint.fk_attrs).join(", ");
        const referenced = displayTable(constraint.pktable);
        hits.push({
          message: `adds foreign key ${name}on \`${table}\` (${columns}) → \`${referenced}\` without NOT VALID: every row of \`${table}\` is checked while a ShareRowExclusiveLock on \`${table}\` and \`${referenced}\` blocks writes to both`,
          fix: `add it with \`NOT VALID\`, then \`ALTER TABLE … VALIDATE CONSTRAINT …\` ${context.advice.inOwnMigration} (it only takes ShareUpdateExclusiveLock)`,
        });
        continue;
      }
      if (cmd.subtype !== "AT_AddColumn") continue;
      const column = as(cmd.def, "ColumnDef");
      for (const constraint of columnConstraints(column?.constraints)) {
        if (constraint.contype !== "CONSTR_FOREIGN") continue;
        const referenced = displayTable(constraint.pktable);
        const target = `\`${table}.${column?.colname ?? ""}\` → \`${referenced}\``;
        hits.push(
          validatesColumnKeys
            ? {
                message: `adds column ${target} with a foreign key that PostgreSQL validates (the statement also sets a default or adds a foreign key): every row of \`${table}\` is checked under an AccessExclusiveLock on \`${table}\` and a ShareRowExclusiveLock on \`${referenced}\``,
                fix: "add the column without the foreign key, then `ADD CONSTRAINT … FOREIGN KEY … NOT VALID` and `VALIDATE CONSTRAINT` in a separate transaction",
                lock: "AccessExclusiveLock",
              }
            : {
                message: `adds column ${target} with a foreign key: nothing is scanned (the column is all NULL), but the statement holds an AccessExclusiveLock on \`${table}\` while it waits for a ShareRowExclusiveLock on \`${referenced}\`, so traffic on both queues behind any long transaction`,
                fix: "add the column first, then `ADD CONSTRAINT … FOREIGN KEY … NOT VALID` and `VALIDATE CONSTRAINT` in separate short transactions with a lock_timeout",
                lock: "AccessExclusiveLock",
                severity: "warning",
              },
        );
      }
    }
    return hits;
  },
};

/** PostgreSQL's `raw_default`: a DEFAULT (even NULL), a generation expression, or serial's nextval(). */
function hasDefault(column: ColumnDef | undefined): boolean {
  if (SERIAL_TYPES.has(typeBase(column?.typeName))) return true;
  return columnConstraints(column?.constraints).some(
    (c) => c.contype === "CONSTR_DEFAULT" || c.contype === "CONSTR_GENERATED",
  );
}

function columnConstraints(constraints: Node[] | undefined): Constraint[] {
  return (constraints ?? []).map((c) => as(c, "Constraint")).filter((c) => c !== undefined);
}
