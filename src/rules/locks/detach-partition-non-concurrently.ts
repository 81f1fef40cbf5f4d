import { alterCommands, as, displayTable, tableKey } from "../../sql/ast.js";
import type { RuleHit, StatementRule } from "../types.js";

/**
 * `ALTER TABLE … DETACH PARTITION` without `CONCURRENTLY` on an existing
 * partitioned table: AccessExclusiveLock on the parent (and the partition),
 * so every query on any partition waits. PostgreSQL 14+ has CONCURRENTLY.
 */
export const detachPartitionNonConcurrently: StatementRule = {
  kind: "statement",
  meta: {
    id: "detach-partition-non-concurrently",
    category: "locks",
    severity: "warning",
    enabledByDefault: true,
    summary: "DETACH PARTITION without CONCURRENTLY",
    lock: "AccessExclusiveLock",
  },
  statementKinds: ["AlterTableStmt"],
  check(statement, context) {
    const alter = as(statement.ast, "AlterTableStmt");
    if (!alter || context.isNewTable(alter.relation)) return [];
    const hits: RuleHit[] = [];
    for (const cmd of alterCommands(alter)) {
      const partition = as(cmd?.def, "PartitionCmd");
      if (cmd?.subtype !== "AT_DetachPartition" || !partition || partition.concurrent) continue;
      const parent = displayTable(alter.relation);
      const child = tableKey(partition.name) || "(unknown)";
      hits.push({
        message: `detaches \`${child}\` from \`${parent}\` without CONCURRENTLY: it takes an AccessExclusiveLock on \`${parent}\`, so reads and writes of every partition wait for it, and it waits for every running query on them`,
        fix:
          context.pgVersion >= 14
            ? `use \`ALTER TABLE ${parent} DETACH PARTITION ${child} CONCURRENTLY\` outside a transaction block (PostgreSQL 14+)`
            : `on PostgreSQL 14+ use DETACH PARTITION … CONCURRENTLY; before that, set a short lock_timeout and retry`,
      });
    }
    return hits;
  },
};
