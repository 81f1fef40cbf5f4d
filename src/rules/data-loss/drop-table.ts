import { as, displayTable } from "../../sql/ast.js";
import type { RuleHit, StatementRule } from "../types.js";

/** `DROP TABLE` of a table that existed before this migration: its data is gone. */
export const dropTable: StatementRule = {
  kind: "statement",
  meta: {
    id: "drop-table",
    category: "data-loss",
    severity: "error",
    enabledByDefault: true,
    summary: "DROP TABLE of an existing table",
    lock: "AccessExclusiveLock",
  },
  statementKinds: ["DropStmt"],
  check(statement, context) {
    const drop = as(statement.ast, "DropStmt");
    if (drop?.removeType !== "OBJECT_TABLE") return [];
    const hits: RuleHit[] = [];
    for (const object of drop.objects ?? []) {
      const names = (as(object, "List")?.items ?? []).map((n) => as(n, "String")?.sval ?? "");
      const relation = { relname: names.at(-1), schemaname: names.length > 1 ? names.at(-2) : undefined };
      if (context.isNewTable(relation)) continue;
      hits.push({
        message: `drops table \`${displayTable(relation)}\` and every row in it; running app versions that still query it will fail`,
        fix: "stop using the table in a release first, rename it (e.g. `_deprecated`) and drop it in a later migration once nothing reads it",
      });
    }
    return hits;
  },
};
