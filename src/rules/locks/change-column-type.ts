import { alterCommands, as, displayTable, tableKey } from "../../sql/ast.js";
import { typeChangeVerdict, typeLabel } from "../../sql/effects.js";
import type { RuleHit, StatementRule } from "../types.js";

/**
 * `ALTER COLUMN … TYPE` on an existing table that is not binary compatible:
 * PostgreSQL rewrites the table and rebuilds its indexes under an
 * AccessExclusiveLock. The current type comes from the migrations analysed
 * (context.columnTypes); when it is unknown, a target that no type reaches
 * without a rewrite (bigint, uuid, jsonb …) or a transforming USING is still
 * certain (error), and a target some type reaches for free (text, varchar,
 * numeric …) is reported as a warning that names the unknown.
 */
export const changeColumnType: StatementRule = {
  kind: "statement",
  meta: {
    id: "change-column-type",
    category: "locks",
    severity: "error",
    enabledByDefault: true,
    summary: "column type change that rewrites the table",
    lock: "AccessExclusiveLock",
  },
  statementKinds: ["AlterTableStmt"],
  check(statement, context) {
    const alter = as(statement.ast, "AlterTableStmt");
    if (!alter || (alter.objtype !== "OBJECT_TABLE" && alter.objtype !== "OBJECT_MATVIEW")) return [];
    if (context.isNewTable(alter.relation)) return [];
    const table = tableKey(alter.relation);
    const hits: RuleHit[] = [];
    for (const cmd of alterCommands(alter)) {
      if (cmd?.subtype !== "AT_AlterColumnType" || !cmd.name) continue;
      const definition = as(cmd.def, "ColumnDef");
      const target = definition?.typeName;
      const current = context.columnTypes.get(`${table}.${cmd.name}`);
      const verdict = typeChangeVerdict(current, target, definition?.raw_default, cmd.name);
      if (verdict === "none") continue;
      const column = `\`${displayTable(alter.relation)}.${cmd.name}\``;
      const to = target ? `\`${typeLabel(target)}\`` : "a new type";
      const from = current ? ` from \`${typeof current === "string" ? current : typeLabel(current)}\`` : "";
      const fix =
        "add a new column of the new type, backfill it in batches, switch the application to it, then drop the old column";
      if (verdict === "unknown-current") {
        hits.push({
          severity: "warning",
          message: `changes ${column} to ${to}; its current type is not known from the migrations analysed: unless it is binary-compatible (e.g. varchar → text, varchar(n) → varchar(m > n)), PostgreSQL rewrites the whole table and its indexes under an AccessExclusiveLock, blocking reads and writes`,
          fix: `confirm the current type is binary-compatible with ${to}; otherwise ${fix}`,
        });
        continue;
      }
      const using = definition?.raw_default ? " with a USING conversion" : "";
      hits.push({
        message: `changes ${column}${from} to ${to}${using}: PostgreSQL rewrites the whole table and rebuilds its indexes under an AccessExclusiveLock, blocking reads and writes of \`${displayTable(alter.relation)}\` until it finishes`,
        fix,
      });
    }
    return hits;
  },
};
