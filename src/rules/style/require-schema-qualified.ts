import type { Node, RangeVar } from "@pgsql/types";
import { as, nameList } from "../../sql/ast.js";
import type { StatementRule } from "../types.js";

/** The tables a DDL statement names directly. */
function namedTables(ast: Node): Array<{ schema?: string; name: string }> {
  const relation = (rel: RangeVar | undefined) => (rel?.relname ? [{ schema: rel.schemaname, name: rel.relname }] : []);
  const create = as(ast, "CreateStmt");
  if (create) return relation(create.relation);
  const alter = as(ast, "AlterTableStmt");
  if (alter) return relation(alter.relation);
  const index = as(ast, "IndexStmt");
  if (index) return relation(index.relation);
  const rename = as(ast, "RenameStmt");
  if (rename) return relation(rename.relation);
  const drop = as(ast, "DropStmt");
  if (drop?.removeType === "OBJECT_TABLE") {
    return (drop.objects ?? []).map((object) => {
      const names = nameList(as(object, "List")?.items);
      return { schema: names.length > 1 ? names.at(-2) : undefined, name: names.at(-1) ?? "" };
    });
  }
  return [];
}

/** Unqualified table names resolve through search_path, which differs between sessions, roles and tools. */
export const requireSchemaQualified: StatementRule = {
  kind: "statement",
  meta: {
    id: "require-schema-qualified",
    category: "style",
    severity: "info",
    enabledByDefault: false,
    summary: "unqualified table names",
    lock: null,
  },
  check(statement) {
    return namedTables(statement.ast)
      .filter((table) => !table.schema)
      .map((table) => ({
        message: `\`${table.name}\` has no schema: it resolves through search_path, which can differ between the migration tool's session and the app`,
        fix: `write the schema, e.g. \`public.${table.name}\``,
      }));
  },
};
