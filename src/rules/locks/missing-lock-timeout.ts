import { blocksTraffic } from "../../sql/locks.js";
import type { StatementContext } from "../context.js";
import type { StatementRule } from "../types.js";
import { effectsAt, firstUnguarded, lockWithBlocked, onExistingRelation, relationLabel } from "./statement-effects.js";

/** The effects of statement `index` that block reads or writes of a relation that existed before the migration. */
function blockingEffects(context: StatementContext, index: number) {
  return effectsAt(context, index).filter((e) => blocksTraffic(e.lock) && onExistingRelation(e, context));
}

/**
 * A statement that takes a lock blocking reads or writes of an existing table
 * with no `lock_timeout` set before it. Waiting for that lock behind a long
 * query makes every later query on the table queue behind the migration.
 * Reported once per migration, at the first such statement.
 */
export const missingLockTimeout: StatementRule = {
  kind: "statement",
  meta: {
    id: "missing-lock-timeout",
    category: "locks",
    severity: "warning",
    enabledByDefault: true,
    summary: "lock that blocks reads or writes taken with no lock_timeout set",
    lock: null,
  },
  check(_statement, context) {
    // Effects are computed for every statement in order, so later look-backs see each one as it was.
    if (context.lockTimeoutSet) return [];
    const blocking = blockingEffects(context, context.index);
    const first = blocking[0];
    if (!first) return [];
    const unguarded = firstUnguarded(context, "lockTimeoutSet", (i) => blockingEffects(context, i).length > 0);
    if (unguarded !== context.index) return [];
    const others =
      blocking.length > 1 ? ` (and ${blocking.length - 1} more relation${blocking.length > 2 ? "s" : ""})` : "";
    return [
      {
        lock: first.lock,
        message: `takes ${lockWithBlocked(first.lock)} on ${relationLabel(first)}${others} with no lock_timeout set: if it waits behind a long-running query, every query on ${relationLabel(first)} queues behind it until it gets the lock and finishes`,
        fix: `${context.advice.runFirst("SET lock_timeout = '5s'")} (and a \`statement_timeout\` sized to the largest table it scans); retry the migration if it times out`,
      },
    ];
  },
};
