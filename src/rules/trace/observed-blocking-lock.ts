import { blockedBy, blocksTraffic, strongest } from "../../sql/locks.js";
import type { TraceRule } from "../types.js";

/**
 * pg_locks showed a lock that blocks reads or writes of a table that existed
 * before the migration. Indexes and sequences are not lock targets a reviewer
 * acts on: their table's lock is what blocks traffic. When a static finding
 * names the same lock, the gate folds this one into it as its evidence.
 */
export const observedBlockingLock: TraceRule = {
  kind: "trace",
  meta: {
    id: "observed-blocking-lock",
    category: "trace",
    severity: "warning",
    enabledByDefault: true,
    summary: "a lock that blocks reads or writes was taken on an existing table, and held for so many statements",
    lock: null,
  },
  check(statement) {
    if (statement.error) return [];
    const blocking = statement.locks.filter(
      (l) =>
        l.observed &&
        l.acquired &&
        l.existedBefore &&
        l.kind !== "index" &&
        l.kind !== "sequence" &&
        blocksTraffic(l.mode),
    );
    const mode = strongest(blocking.map((l) => l.mode));
    if (!mode) return [];
    const tables = blocking.map((l) => `\`${l.relation}\` ${l.mode}`).join(", ");
    const heldFor = statement.heldFor ?? 1;
    const held =
      heldFor > 1
        ? `, held for ${heldFor} statements until the transaction ends`
        : statement.transaction === "none"
          ? ""
          : ", held until the transaction ends";
    const confirmed = blocking.map((l) => `${l.mode} on \`${l.relation}\``).join(", ");
    return [
      {
        message: `took ${tables} (blocks ${blockedBy(mode).join(", ")})${held}`,
        fix: "take a weaker lock (CONCURRENTLY, NOT VALID then VALIDATE), set lock_timeout first, and keep it at the end of its transaction",
        lock: mode,
        locks: blocking.map((l) => ({ relation: l.relation, mode: l.mode })),
        foldedText: `confirmed on PostgreSQL: ${confirmed}${heldFor > 1 ? `, held for ${heldFor} statements` : ""}`,
      },
    ];
  },
};
