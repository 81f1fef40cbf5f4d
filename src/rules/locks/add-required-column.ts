import { alterCommands, as, displayTable, isNullConstant, SERIAL_TYPES, typeBase } from "../../sql/ast.js";
import type { RuleHit, StatementRule } from "../types.js";

/**
 * `ADD COLUMN … NOT NULL` (or PRIMARY KEY) with no DEFAULT on an existing
 * table: it fails as soon as the table has a row, and once it exists, inserts
 * from app versions that do not know the column fail. serial, identity and
 * generated columns fill themselves (add-generated-column covers them).
 */
export const addRequiredColumn: StatementRule = {
  kind: "statement",
  meta: {
    id: "add-required-column",
    category: "locks",
    severity: "error",
    enabledByDefault: true,
    summary: "ADD COLUMN NOT NULL with no default",
    lock: "AccessExclusiveLock",
  },
  statementKinds: ["AlterTableStmt"],
  check(statement, context) {
    const alter = as(statement.ast, "AlterTableStmt");
    if (alter?.objtype !== "OBJECT_TABLE" || context.isNewTable(alter.relation)) return [];
    const table = displayTable(alter.relation);
    const hits: RuleHit[] = [];
    for (const cmd of alterCommands(alter)) {
      const column = cmd?.subtype === "AT_AddColumn" ? as(cmd.def, "ColumnDef") : undefined;
      if (!column || SERIAL_TYPES.has(typeBase(column.typeName))) continue;
      const constraints = (column.constraints ?? []).map((c) => as(c, "Constraint")).filter((c) => c !== undefined);
      const kinds = new Set(constraints.map((c) => c.contype));
      if (kinds.has("CONSTR_IDENTITY") || kinds.has("CONSTR_GENERATED")) continue;
      if (!kinds.has("CONSTR_NOTNULL") && !kinds.has("CONSTR_PRIMARY") && !column.is_not_null) continue;
      const fallback = constraints.find((c) => c.contype === "CONSTR_DEFAULT")?.raw_expr;
      if (fallback && !isNullConstant(fallback)) continue;
      const name = column.colname ?? "";
      hits.push({
        message: `adds NOT NULL column \`${table}.${name}\` without a DEFAULT: it fails if \`${table}\` has any row, and inserts from app versions that do not set \`${name}\` fail`,
        fix: "give it a constant DEFAULT (no rewrite on PostgreSQL 11+), or add it nullable, backfill, then enforce NOT NULL with CHECK … NOT VALID, VALIDATE CONSTRAINT and SET NOT NULL",
      });
    }
    return hits;
  },
};
