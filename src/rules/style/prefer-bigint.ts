import type { ColumnDef } from "@pgsql/types";
import { as, typeBase } from "../../sql/ast.js";
import type { RuleHit, StatementRule } from "../types.js";
import { columnLabel, declaredColumns } from "./util.js";

/** PostgreSQL's internal name → how the author wrote it, and the largest value it holds. */
const SMALL_INTEGERS: Record<string, { name: string; max: string }> = {
  int2: { name: "smallint", max: "32,767" },
  int4: { name: "integer", max: "2,147,483,647" },
  serial: { name: "serial", max: "2,147,483,647" },
  smallserial: { name: "smallserial", max: "32,767" },
};

function isIdColumn(column: ColumnDef): boolean {
  const name = column.colname ?? "";
  const kinds = (column.constraints ?? []).map((c) => as(c, "Constraint")?.contype);
  return kinds.includes("CONSTR_PRIMARY") || kinds.includes("CONSTR_IDENTITY") || name === "id" || name.endsWith("_id");
}

/** 32-bit (or 16-bit) id columns: they run out, and widening them later rewrites the table. */
export const preferBigint: StatementRule = {
  kind: "statement",
  meta: {
    id: "prefer-bigint",
    category: "style",
    severity: "info",
    enabledByDefault: false,
    summary: "int/smallint id columns that can overflow",
    lock: null,
  },
  check(statement) {
    const hits: RuleHit[] = [];
    for (const declaration of declaredColumns(statement.ast)) {
      const small = SMALL_INTEGERS[typeBase(declaration.column.typeName)];
      if (!small || !(isIdColumn(declaration.column) || small.name.includes("serial"))) continue;
      hits.push({
        message: `\`${columnLabel(declaration)}\` is a ${small.name} id: it overflows at ${small.max}, and widening it later rewrites the table and every column that references it`,
        fix: "use bigint (bigint GENERATED ALWAYS AS IDENTITY for keys) for ids and for the columns that reference them",
      });
    }
    return hits;
  },
};
