import { as, displayTable, tableKey } from "../../sql/ast.js";
import type { StatementRule } from "../types.js";

/** `RENAME COLUMN` on an existing table: running clients still use the old name. */
export const renameColumn: StatementRule = {
  kind: "statement",
  meta: {
    id: "rename-column",
    category: "clients",
    severity: "warning",
    enabledByDefault: true,
    summary: "ALTER TABLE … RENAME COLUMN on an existing table",
    lock: "AccessExclusiveLock",
  },
  statementKinds: ["RenameStmt"],
  check(statement, context) {
    const rename = as(statement.ast, "RenameStmt");
    if (rename?.renameType !== "OBJECT_COLUMN" || !rename.subname || !rename.newname) return [];
    if (context.isNewTable(rename.relation)) return [];
    if (context.created.columns.has(`${tableKey(rename.relation)}.${rename.subname}`)) return [];
    const noun = rename.relationType === "OBJECT_VIEW" || rename.relationType === "OBJECT_MATVIEW" ? "view" : "table";
    return [
      {
        message: `renames column \`${rename.subname}\` of ${noun} \`${displayTable(rename.relation)}\` to \`${rename.newname}\`: app instances still running the previous release query \`${rename.subname}\` and fail until they are replaced`,
        fix: `expand/contract: add \`${rename.newname}\`, write both and backfill, switch reads, then drop \`${rename.subname}\` in a later release (or keep a view with the old name)`,
      },
    ];
  },
};
