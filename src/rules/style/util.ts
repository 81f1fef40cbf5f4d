import type { ColumnDef, Node, RangeVar } from "@pgsql/types";
import { alterCommands, as } from "../../sql/ast.js";

export interface ColumnDeclaration {
  table: RangeVar | undefined;
  column: ColumnDef;
  /** How the column appears: in CREATE TABLE, ADD COLUMN, or ALTER COLUMN TYPE. */
  via: "create" | "add" | "alter-type";
}

/** Every column a statement declares or retypes, with its table. */
export function declaredColumns(ast: Node): ColumnDeclaration[] {
  const out: ColumnDeclaration[] = [];
  const create = as(ast, "CreateStmt");
  if (create) {
    for (const element of create.tableElts ?? []) {
      const column = as(element, "ColumnDef");
      if (column) out.push({ table: create.relation, column, via: "create" });
    }
  }
  const alter = as(ast, "AlterTableStmt");
  if (alter) {
    for (const cmd of alterCommands(alter)) {
      const column = as(cmd?.def, "ColumnDef");
      if (!cmd || !column) continue;
      if (cmd.subtype === "AT_AddColumn") out.push({ table: alter.relation, column, via: "add" });
      if (cmd.subtype === "AT_AlterColumnType") {
        out.push({ table: alter.relation, column: { ...column, colname: cmd.name }, via: "alter-type" });
      }
    }
  }
  return out;
}

/** Statement prefix of a style finding: `users.id`, or just `id` when the table is unknown. */
export function columnLabel(declaration: ColumnDeclaration): string {
  const table = declaration.table?.relname;
  return table ? `${table}.${declaration.column.colname}` : (declaration.column.colname ?? "");
}
