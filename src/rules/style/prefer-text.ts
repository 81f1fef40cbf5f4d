import { typeBase, typeMods } from "../../sql/ast.js";
import type { StatementRule } from "../types.js";
import { columnLabel, declaredColumns } from "./util.js";

/** varchar(n): changing the limit later takes an AccessExclusiveLock (and a rewrite when narrowed). */
export const preferText: StatementRule = {
  kind: "statement",
  meta: {
    id: "prefer-text",
    category: "style",
    severity: "info",
    enabledByDefault: false,
    summary: "varchar(n) instead of text with a CHECK",
    lock: null,
  },
  check(statement) {
    return declaredColumns(statement.ast)
      .filter(({ column }) => typeBase(column.typeName) === "varchar" && typeMods(column.typeName).length > 0)
      .map((declaration) => ({
        message: `\`${columnLabel(declaration)}\` is varchar(${typeMods(declaration.column.typeName)[0]}): changing the limit later locks the table (AccessExclusiveLock), and lowering it rewrites or scans it`,
        fix: "use text with a CHECK (char_length(col) <= n) constraint, which can be replaced NOT VALID without a rewrite",
      }));
  },
};
