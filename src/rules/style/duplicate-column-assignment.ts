import { as } from "../../sql/ast.js";
import type { StatementRule } from "../types.js";

/** `UPDATE … SET a = 1, a = 2` is an error in PostgreSQL ("multiple assignments to same column"). */
export const duplicateColumnAssignment: StatementRule = {
  kind: "statement",
  meta: {
    id: "duplicate-column-assignment",
    category: "style",
    severity: "info",
    enabledByDefault: false,
    summary: "UPDATE … SET a = 1, a = 2",
    lock: null,
  },
  check(statement) {
    const update = as(statement.ast, "UpdateStmt");
    const insert = as(statement.ast, "InsertStmt");
    const targets = update?.targetList ?? insert?.cols ?? [];
    const seen = new Set<string>();
    const duplicates = new Set<string>();
    for (const target of targets) {
      const name = as(target, "ResTarget")?.name;
      if (!name) continue;
      if (seen.has(name)) duplicates.add(name);
      seen.add(name);
    }
    return [...duplicates].map((name) => ({
      message: `column \`${name}\` is assigned more than once; PostgreSQL rejects the statement ("multiple assignments to same column")`,
      fix: `keep one assignment to \`${name}\``,
    }));
  },
};
