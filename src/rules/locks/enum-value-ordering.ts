import { as, nameList, objectKey } from "../../sql/ast.js";
import type { StatementRule } from "../types.js";

/**
 * `ALTER TYPE … ADD VALUE … BEFORE/AFTER` on an enum that existed before the
 * migration. The new label sorts in the middle: `ORDER BY`, `<`, `>`, `min()`
 * and range checks on the column now place it between existing labels, which
 * code that maps labels to positions does not expect, and comparisons that
 * involve a label not in OID order need the enum's sort table (slower). No
 * table lock: the type's catalog row only.
 */
export const enumValueOrdering: StatementRule = {
  kind: "statement",
  meta: {
    id: "enum-value-ordering",
    category: "locks",
    severity: "info",
    enabledByDefault: false,
    summary: "ALTER TYPE … ADD VALUE … BEFORE/AFTER",
    lock: null,
  },
  statementKinds: ["AlterEnumStmt"],
  check(statement, context) {
    const alter = as(statement.ast, "AlterEnumStmt");
    if (!alter?.newVal || alter.oldVal || !alter.newValNeighbor) return [];
    const type = objectKey(nameList(alter.typeName));
    if (context.created.types.has(type)) return [];
    const where = alter.newValIsAfter ? "AFTER" : "BEFORE";
    return [
      {
        message: `adds '${alter.newVal}' to enum \`${type}\` ${where} '${alter.newValNeighbor}': it sorts between existing labels, so ORDER BY, \`<\`/\`>\` and min()/max() on \`${type}\` columns change meaning for code that relies on positions, and comparisons with it use the slower out-of-order path`,
        fix: `add the label at the end (\`ALTER TYPE ${type} ADD VALUE '${alter.newVal}'\`) and order in queries explicitly where the order matters`,
      },
    ];
  },
};
