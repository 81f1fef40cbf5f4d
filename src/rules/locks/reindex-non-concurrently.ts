import { as, displayTable, tableKey } from "../../sql/ast.js";
import type { StatementRule } from "../types.js";

/** PostgreSQL 12 added REINDEX … CONCURRENTLY. */
const CONCURRENT_REINDEX_SINCE = 12;

/**
 * `REINDEX` without `CONCURRENTLY`: each index is rebuilt under an
 * AccessExclusiveLock on the index and a ShareLock on its table. Writes block,
 * and so do reads, because the planner locks every index of a table it plans
 * a query on. Tables and indexes created earlier in the migration are skipped.
 */
export const reindexNonConcurrently: StatementRule = {
  kind: "statement",
  meta: {
    id: "reindex-non-concurrently",
    category: "locks",
    severity: "error",
    enabledByDefault: true,
    summary: "REINDEX without CONCURRENTLY",
    lock: "AccessExclusiveLock",
  },
  statementKinds: ["ReindexStmt"],
  check(statement, context) {
    const reindex = as(statement.ast, "ReindexStmt");
    if (!reindex) return [];
    const concurrently = (reindex.params ?? []).some((p) => as(p, "DefElem")?.defname === "concurrently");
    if (concurrently) return [];
    const target = describeTarget(reindex.kind, reindex.relation, reindex.name);
    if (reindex.kind === "REINDEX_OBJECT_TABLE" && context.isNewTable(reindex.relation)) return [];
    if (reindex.kind === "REINDEX_OBJECT_INDEX" && context.created.indexes.has(tableKey(reindex.relation))) return [];
    const blocks = `rebuilds ${target} under an AccessExclusiveLock on each index and a ShareLock on its table: writes block, and so do reads, since planning a query locks every index of the table`;
    if (reindex.kind === "REINDEX_OBJECT_SYSTEM") {
      return [
        {
          message: `${blocks}; system catalogs cannot be reindexed concurrently`,
          fix: "run REINDEX SYSTEM by hand in a maintenance window, not in a migration",
        },
      ];
    }
    if (context.pgVersion < CONCURRENT_REINDEX_SINCE) {
      return [
        {
          message: `${blocks}; PostgreSQL ${context.pgVersion} has no REINDEX CONCURRENTLY`,
          fix: "build a replacement with CREATE INDEX CONCURRENTLY, then DROP INDEX CONCURRENTLY the old one and rename the new one",
        },
      ];
    }
    return [
      {
        message: blocks,
        fix: `use \`REINDEX … CONCURRENTLY\` (PostgreSQL 12+): ${context.advice.outsideTransaction}`,
      },
    ];
  },
};

function describeTarget(kind: string | undefined, relation: Parameters<typeof displayTable>[0], name?: string): string {
  switch (kind) {
    case "REINDEX_OBJECT_INDEX":
      return `index \`${displayTable(relation)}\``;
    case "REINDEX_OBJECT_TABLE":
      return `every index of \`${displayTable(relation)}\``;
    case "REINDEX_OBJECT_SCHEMA":
      return `every index in schema \`${name ?? ""}\``;
    case "REINDEX_OBJECT_SYSTEM":
      return "every system catalog index";
    default:
      return `every index in database \`${name ?? "(current)"}\``;
  }
}
