import { as, objectNameParts } from "../../sql/ast.js";
import type { RuleHit, StatementRule } from "../types.js";

/** `DROP SCHEMA` / `DROP DATABASE`: everything inside goes with it. */
export const dropSchema: StatementRule = {
  kind: "statement",
  meta: {
    id: "drop-schema",
    category: "data-loss",
    severity: "error",
    enabledByDefault: true,
    summary: "DROP SCHEMA or DROP DATABASE",
    lock: "AccessExclusiveLock",
  },
  statementKinds: ["DropdbStmt", "DropStmt"],
  check(statement, context) {
    const dropDatabase = as(statement.ast, "DropdbStmt");
    if (dropDatabase) {
      return [
        {
          message: `drops database \`${dropDatabase.dbname ?? "(unknown)"}\` with every schema, table and row in it`,
          fix: "drop databases by hand after a verified backup, never from a migration",
          lock: null,
        },
      ];
    }
    const drop = as(statement.ast, "DropStmt");
    if (drop?.removeType !== "OBJECT_SCHEMA") return [];
    const createdEarlier = schemasCreatedBefore(context.statements.slice(0, context.index).map((s) => s.ast));
    const cascade = drop.behavior === "DROP_CASCADE";
    const hits: RuleHit[] = [];
    for (const object of drop.objects ?? []) {
      const name = objectNameParts(object).join(".");
      if (createdEarlier.has(name)) continue;
      hits.push({
        message: cascade
          ? `drops schema \`${name}\` with CASCADE: every table, view, function and row in it is gone`
          : `drops schema \`${name}\`: it fails while the schema holds objects, and loses it (and its grants) when empty`,
        fix: "move what is still needed out of the schema first, back it up, and drop it by hand or in a later migration once nothing uses it",
      });
    }
    return hits;
  },
};

function schemasCreatedBefore(asts: unknown[]): Set<string> {
  const names = new Set<string>();
  for (const ast of asts) {
    const create = as(ast, "CreateSchemaStmt");
    if (create?.schemaname) names.add(create.schemaname);
  }
  return names;
}
