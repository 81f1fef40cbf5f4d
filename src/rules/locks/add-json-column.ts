import type { TypeName } from "@pgsql/types";
import { as, displayTable, nameList, tableKey } from "../../sql/ast.js";
import type { RuleHit, StatementRule } from "../types.js";

/**
 * A column of type `json` (not `jsonb`), in CREATE TABLE, ADD COLUMN or a
 * type change. `json` has no equality operator, so `DISTINCT`, `UNION`,
 * `GROUP BY` and `=` on it fail, and it cannot be indexed with GIN. It is
 * about the type, so new tables count too.
 */
export const addJsonColumn: StatementRule = {
  kind: "statement",
  meta: {
    id: "add-json-column",
    category: "locks",
    severity: "warning",
    enabledByDefault: true,
    summary: "json column (no equality operator; prefer jsonb)",
    lock: null,
  },
  check(statement) {
    const hits: RuleHit[] = [];
    const report = (table: string, column: string, typeName: TypeName | undefined) => {
      if (!isJson(typeName)) return;
      hits.push({
        message: `column \`${table}.${column}\` is \`json\`: it has no equality operator, so DISTINCT, UNION, GROUP BY and \`=\` on it fail, it cannot take a GIN index, and every read re-parses the text`,
        fix: `declare \`${column}\` as \`jsonb\` (keep \`json\` only to preserve key order, whitespace or duplicate keys)`,
      });
    };
    const create = as(statement.ast, "CreateStmt");
    if (create) {
      for (const element of create.tableElts ?? []) {
        const column = as(element, "ColumnDef");
        if (column?.colname) report(displayTable(create.relation), column.colname, column.typeName);
      }
      return hits;
    }
    const alter = as(statement.ast, "AlterTableStmt");
    for (const node of alter?.cmds ?? []) {
      const cmd = as(node, "AlterTableCmd");
      const column = as(cmd?.def, "ColumnDef");
      const table = tableKey(alter?.relation) || "(unknown)";
      if (cmd?.subtype === "AT_AddColumn" && column?.colname) report(table, column.colname, column.typeName);
      if (cmd?.subtype === "AT_AlterColumnType" && cmd.name) report(table, cmd.name, column?.typeName);
    }
    return hits;
  },
};

/** `json`, `pg_catalog.json` or `json[]`; not a type named json in another schema. */
function isJson(typeName: TypeName | undefined): boolean {
  const names = nameList(typeName?.names);
  if (names.at(-1)?.toLowerCase() !== "json") return false;
  return names.length === 1 || names[0] === "pg_catalog";
}
