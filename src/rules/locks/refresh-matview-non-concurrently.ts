import { as, displayTable } from "../../sql/ast.js";
import type { StatementRule } from "../types.js";

/**
 * `REFRESH MATERIALIZED VIEW` without `CONCURRENTLY` on a view that existed
 * before the migration: it recomputes the query and swaps the contents under
 * an AccessExclusiveLock, so even SELECTs on the view wait for the whole
 * recompute. `WITH NO DATA` (emptying it) is not flagged.
 */
export const refreshMatviewNonConcurrently: StatementRule = {
  kind: "statement",
  meta: {
    id: "refresh-matview-non-concurrently",
    category: "locks",
    severity: "error",
    enabledByDefault: true,
    summary: "REFRESH MATERIALIZED VIEW without CONCURRENTLY",
    lock: "AccessExclusiveLock",
  },
  statementKinds: ["RefreshMatViewStmt"],
  check(statement, context) {
    const refresh = as(statement.ast, "RefreshMatViewStmt");
    if (!refresh || refresh.concurrent || refresh.skipData) return [];
    if (context.isNewTable(refresh.relation)) return [];
    const view = displayTable(refresh.relation);
    return [
      {
        message: `refreshes materialized view \`${view}\` without CONCURRENTLY: it takes an AccessExclusiveLock, so every SELECT on \`${view}\` waits until the whole query has run again`,
        fix: `give \`${view}\` a UNIQUE index (once), then use \`REFRESH MATERIALIZED VIEW CONCURRENTLY ${view}\`: its ExclusiveLock lets SELECTs continue`,
      },
    ];
  },
};
