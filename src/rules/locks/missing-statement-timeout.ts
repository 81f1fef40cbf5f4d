import type { StatementEffect } from "../../sql/effects.js";
import { blocksTraffic } from "../../sql/locks.js";
import type { StatementContext } from "../context.js";
import type { StatementRule } from "../types.js";
import { effectsAt, firstUnguarded, lockWithBlocked, onExistingRelation, relationLabel } from "./statement-effects.js";

/**
 * A scan or rewrite of an existing table that blocks other sessions: a lock
 * blocking reads or writes, or row locks on every row (UPDATE/DELETE without
 * WHERE). Non-blocking long statements (CREATE INDEX CONCURRENTLY, VALIDATE
 * CONSTRAINT) are the safe patterns and are left alone.
 */
function longBlocking(context: StatementContext, index: number): StatementEffect[] {
  return effectsAt(context, index).filter(
    (e) =>
      (e.scan || e.rewrite) &&
      (blocksTraffic(e.lock) || e.lock === "RowExclusiveLock") &&
      onExistingRelation(e, context),
  );
}

/**
 * A long-running statement (scan or rewrite of an existing table while it
 * blocks others) with no `statement_timeout` set before it: nothing bounds
 * how long the table stays blocked. Reported once per migration.
 */
export const missingStatementTimeout: StatementRule = {
  kind: "statement",
  meta: {
    id: "missing-statement-timeout",
    category: "locks",
    severity: "warning",
    enabledByDefault: true,
    summary: "long-running blocking statement with no statement_timeout",
    lock: null,
  },
  check(_statement, context) {
    // Effects are computed for every statement in order, so later look-backs see each one as it was.
    const first = longBlocking(context, context.index)[0];
    if (context.statementTimeoutSet) return [];
    if (!first) return [];
    if (firstUnguarded(context, "statementTimeoutSet", (i) => longBlocking(context, i).length > 0) !== context.index)
      return [];
    const work = first.rewrite ? "rewrites" : "scans";
    const holding =
      first.lock === "RowExclusiveLock"
        ? "locking every row it changes (concurrent updates of those rows wait)"
        : `holding ${lockWithBlocked(first.lock)}`;
    return [
      {
        lock: first.lock,
        message: `${work} all of ${relationLabel(first)} while ${holding}, with no statement_timeout set: on a large table nothing bounds how long the table stays blocked`,
        fix: `${context.advice.runFirst("SET statement_timeout = '…'")} sized to the table, or use the non-blocking form (CONCURRENTLY, NOT VALID + VALIDATE, batched updates)`,
      },
    ];
  },
};
