import { as, displayTable } from "../../sql/ast.js";
import type { StatementRule } from "../types.js";

/**
 * `CREATE INDEX` without `CONCURRENTLY` on an existing table: the build holds
 * a ShareLock, so every INSERT/UPDATE/DELETE on the table waits until the
 * whole index is built. `CREATE INDEX ON ONLY parent` is skipped: it builds
 * nothing (the partitioned pattern attaches per-partition indexes built
 * concurrently).
 */
export const createIndexNonConcurrently: StatementRule = {
  kind: "statement",
  meta: {
    id: "create-index-non-concurrently",
    category: "locks",
    severity: "error",
    enabledByDefault: true,
    summary: "CREATE INDEX without CONCURRENTLY on an existing table",
    lock: "ShareLock",
  },
  statementKinds: ["IndexStmt"],
  check(statement, context) {
    const index = as(statement.ast, "IndexStmt");
    if (!index || index.concurrent || !index.relation?.inh) return [];
    if (context.isNewTable(index.relation)) return [];
    const table = displayTable(index.relation);
    const name = index.idxname ? `index \`${index.idxname}\`` : "an index";
    const unique = index.unique ? "UNIQUE " : "";
    return [
      {
        message: `builds ${name} on \`${table}\` without CONCURRENTLY: its ShareLock blocks writes (INSERT/UPDATE/DELETE) to \`${table}\` for the whole duration of the build`,
        fix: `${context.advice.declareIndex ? `${context.advice.declareIndex}; then ` : ""}use \`CREATE ${unique}INDEX CONCURRENTLY\` (it cannot run inside a transaction): ${context.advice.outsideTransaction}`,
      },
    ];
  },
};
