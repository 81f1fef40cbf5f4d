import { alterCommands, as, displayTable, SERIAL_TYPES, typeBase } from "../../sql/ast.js";
import type { RuleHit, StatementRule } from "../types.js";

/**
 * `ADD COLUMN` of a serial, identity or `GENERATED ALWAYS AS (…) STORED`
 * column on an existing table: PostgreSQL computes a value for every existing
 * row, which rewrites the table under an AccessExclusiveLock. Virtual
 * generated columns (PostgreSQL 18, no STORED) are computed on read and
 * rewrite nothing.
 */
export const addGeneratedColumn: StatementRule = {
  kind: "statement",
  meta: {
    id: "add-generated-column",
    category: "locks",
    severity: "error",
    enabledByDefault: true,
    summary: "serial, identity or stored generated column added to an existing table (rewrite)",
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
      if (!column) continue;
      const constraints = (column.constraints ?? []).map((c) => as(c, "Constraint")).filter((c) => c !== undefined);
      const type = typeBase(column.typeName);
      const stored = constraints.some((c) => c.contype === "CONSTR_GENERATED" && c.generated_kind !== "v");
      const identity = constraints.some((c) => c.contype === "CONSTR_IDENTITY");
      const kind = SERIAL_TYPES.has(type)
        ? `\`${type}\``
        : identity
          ? "identity"
          : stored
            ? "stored generated"
            : undefined;
      if (!kind) continue;
      hits.push({
        message: `adds ${kind} column \`${table}.${column.colname ?? ""}\`: PostgreSQL computes a value for every existing row and rewrites the whole table under an AccessExclusiveLock, blocking reads and writes of \`${table}\` until it finishes`,
        fix: stored
          ? "use a virtual generated column (PostgreSQL 18), or add a plain column kept up to date by a trigger and backfill existing rows in batches"
          : "add a plain nullable bigint column, `SET DEFAULT nextval(…)` for new rows, backfill existing rows in batches, then add NOT NULL via a validated CHECK (and ADD GENERATED … AS IDENTITY if wanted)",
      });
    }
    return hits;
  },
};
