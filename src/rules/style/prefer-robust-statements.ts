import { alterCommands, as, displayTable } from "../../sql/ast.js";
import type { RuleHit, StatementRule } from "../types.js";

/**
 * Statements that fail when a half-applied migration is run again. Inside a
 * transaction a failure rolls everything back, so a rerun is safe: only
 * statements that run outside one are reported.
 */
export const preferRobustStatements: StatementRule = {
  kind: "statement",
  meta: {
    id: "prefer-robust-statements",
    category: "style",
    severity: "info",
    enabledByDefault: false,
    summary: "missing IF [NOT] EXISTS where a rerun would fail",
    lock: null,
  },
  check(statement, context) {
    if (context.inTransaction) return [];
    const ast = statement.ast;
    const hit = (what: string, fix: string): RuleHit[] => [
      { message: `${what} fails if the migration stopped part way and is run again`, fix },
    ];
    const create = as(ast, "CreateStmt");
    if (create && !create.if_not_exists) {
      return hit(`CREATE TABLE ${displayTable(create.relation)}`, "write CREATE TABLE IF NOT EXISTS");
    }
    const index = as(ast, "IndexStmt");
    if (index && !index.if_not_exists) {
      const name = index.idxname ? ` ${index.idxname}` : " (unnamed)";
      const fix = index.idxname
        ? "write CREATE INDEX [CONCURRENTLY] IF NOT EXISTS; after a failed CONCURRENTLY build, drop the INVALID index first"
        : "name the index and write IF NOT EXISTS";
      return hit(`CREATE INDEX${name}`, fix);
    }
    const drop = as(ast, "DropStmt");
    if (drop && !drop.missing_ok) {
      return hit(`DROP ${(drop.removeType ?? "").replace("OBJECT_", "")}`, "write DROP … IF EXISTS");
    }
    const alter = as(ast, "AlterTableStmt");
    if (alter) {
      for (const cmd of alterCommands(alter)) {
        if (cmd?.subtype === "AT_AddColumn" && !cmd.missing_ok) {
          return hit(`ADD COLUMN ${as(cmd.def, "ColumnDef")?.colname ?? ""}`, "write ADD COLUMN IF NOT EXISTS");
        }
        if (cmd?.subtype === "AT_DropColumn" && !cmd.missing_ok) {
          return hit(`DROP COLUMN ${cmd.name}`, "write DROP COLUMN IF EXISTS");
        }
        if (cmd?.subtype === "AT_DropConstraint" && !cmd.missing_ok) {
          return hit(`DROP CONSTRAINT ${cmd.name}`, "write DROP CONSTRAINT IF EXISTS");
        }
      }
    }
    return [];
  },
};
