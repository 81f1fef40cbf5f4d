import { typeBase } from "../../sql/ast.js";
import type { StatementRule } from "../types.js";
import { columnLabel, declaredColumns } from "./util.js";

/** timestamp without time zone: values change meaning when the server or session time zone does. */
export const preferTimestamptz: StatementRule = {
  kind: "statement",
  meta: {
    id: "prefer-timestamptz",
    category: "style",
    severity: "info",
    enabledByDefault: false,
    summary: "timestamp without time zone",
    lock: null,
  },
  check(statement) {
    return declaredColumns(statement.ast)
      .filter(({ column }) => typeBase(column.typeName) === "timestamp")
      .map((declaration) => ({
        message: `\`${columnLabel(declaration)}\` is timestamp without time zone: it stores wall-clock time with no zone, so values are read differently by clients in other zones and across DST`,
        fix: "use timestamptz (timestamp with time zone); converting later is a rewrite unless the session TimeZone is UTC on PostgreSQL 12+",
      }));
  },
};
