import { typeBase, typeMods } from "../../sql/ast.js";
import type { StatementRule } from "../types.js";
import { columnLabel, declaredColumns } from "./util.js";

/** char(n): blank-padded, no faster than text, and surprising in comparisons. */
export const banChar: StatementRule = {
  kind: "statement",
  meta: {
    id: "ban-char",
    category: "style",
    severity: "info",
    enabledByDefault: false,
    summary: "char(n) column",
    lock: null,
  },
  check(statement) {
    return declaredColumns(statement.ast)
      .filter(({ column }) => typeBase(column.typeName) === "bpchar")
      .map((declaration) => ({
        message: `\`${columnLabel(declaration)}\` is char(${typeMods(declaration.column.typeName)[0] ?? 1}): values are blank-padded to the length, trailing spaces are ignored in comparisons, and it is no faster than text`,
        fix: "use text (with a CHECK on the length if it matters)",
      }));
  },
};
