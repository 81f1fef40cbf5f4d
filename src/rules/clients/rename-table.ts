import { as, displayTable } from "../../sql/ast.js";
import type { StatementRule } from "../types.js";

const RENAMED_RELATIONS: Record<string, string> = {
  OBJECT_TABLE: "table",
  OBJECT_FOREIGN_TABLE: "foreign table",
  OBJECT_VIEW: "view",
  OBJECT_MATVIEW: "materialized view",
};

/** `ALTER TABLE … RENAME TO` on an existing table (or view): running clients still use the old name. */
export const renameTable: StatementRule = {
  kind: "statement",
  meta: {
    id: "rename-table",
    category: "clients",
    severity: "warning",
    enabledByDefault: true,
    summary: "ALTER TABLE … RENAME TO on an existing table",
    lock: "AccessExclusiveLock",
  },
  statementKinds: ["RenameStmt"],
  check(statement, context) {
    const rename = as(statement.ast, "RenameStmt");
    const noun = rename?.renameType ? RENAMED_RELATIONS[rename.renameType] : undefined;
    if (!rename || !noun || !rename.newname || context.isNewTable(rename.relation)) return [];
    const from = displayTable(rename.relation);
    return [
      {
        message: `renames ${noun} \`${from}\` to \`${rename.newname}\`: app instances still running the previous release query \`${from}\` and fail with "relation does not exist" until they are replaced`,
        fix: `rename, then create a view \`${from}\` over \`${rename.newname}\` for the old release (simple views are updatable) and drop it once nothing uses the old name`,
      },
    ];
  },
};
