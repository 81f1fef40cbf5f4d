import { typeBase } from "../../sql/ast.js";
import type { StatementRule } from "../types.js";
import { columnLabel, declaredColumns } from "./util.js";

const SERIALS = new Set(["serial", "serial4", "bigserial", "serial8", "smallserial", "serial2"]);

/** serial columns: an owned sequence with loose permissions, instead of the SQL-standard identity column. */
export const preferIdentity: StatementRule = {
  kind: "statement",
  meta: {
    id: "prefer-identity",
    category: "style",
    severity: "info",
    enabledByDefault: false,
    summary: "serial instead of an identity column",
    lock: null,
  },
  check(statement) {
    return declaredColumns(statement.ast)
      .filter(({ column }) => SERIALS.has(typeBase(column.typeName)))
      .map((declaration) => ({
        message: `\`${columnLabel(declaration)}\` is ${typeBase(declaration.column.typeName)}: its sequence needs separate grants, is not copied by CREATE TABLE … LIKE, and lets inserts bypass it`,
        fix: "use `bigint GENERATED ALWAYS AS IDENTITY` (or BY DEFAULT when the app sets ids itself)",
      }));
  },
};
