import { as, qualifiedKey } from "../../sql/ast.js";
import type { RuleHit, StatementRule } from "../types.js";

/**
 * `DROP INDEX` without `CONCURRENTLY`: it takes an AccessExclusiveLock on the
 * index's table, so it queues behind any running query on the table and every
 * read and write queues behind it. Indexes created earlier in the migration
 * (or the PR) are not in use yet and are skipped.
 */
export const dropIndexNonConcurrently: StatementRule = {
  kind: "statement",
  meta: {
    id: "drop-index-non-concurrently",
    category: "locks",
    severity: "warning",
    enabledByDefault: true,
    summary: "DROP INDEX without CONCURRENTLY",
    lock: "AccessExclusiveLock",
  },
  statementKinds: ["DropStmt"],
  check(statement, context) {
    const drop = as(statement.ast, "DropStmt");
    if (drop?.removeType !== "OBJECT_INDEX" || drop.concurrent) return [];
    const hits: RuleHit[] = [];
    for (const object of drop.objects ?? []) {
      const names = (as(object, "List")?.items ?? []).map((n) => as(n, "String")?.sval ?? "");
      const index = qualifiedKey(names.length > 1 ? names.at(-2) : undefined, names.at(-1) ?? "");
      if (context.created.indexes.has(index)) continue;
      hits.push({
        message: `drops index \`${index}\` without CONCURRENTLY: it takes an AccessExclusiveLock on the index's table, blocking its reads and writes while it waits for running queries and while it runs`,
        fix: `use \`DROP INDEX CONCURRENTLY ${index}\` (one index per statement, no CASCADE): ${context.advice.outsideTransaction}`,
      });
    }
    return hits;
  },
};
