import type { StatementContext } from "../context.js";
import type { StatementRule } from "../types.js";
import {
  effectsAt,
  endsTransaction,
  isHousekeeping,
  onExistingRelation,
  relationLabel,
  transactionStart,
} from "./statement-effects.js";

interface Holding {
  /** Statements that run while the lock is held (SET/RESET/SHOW and savepoints not counted). */
  count: number;
  /** Where the lock is released. */
  until: string;
}

function heldFor(context: StatementContext): Holding {
  let count = 0;
  for (let index = context.index + 1; index < context.statements.length; index++) {
    const statement = context.statements[index];
    if (!statement) break;
    if (endsTransaction(statement)) return { count, until: `the COMMIT at line ${statement.span.line}` };
    if (!context.explicitTransaction && statement.autocommit === true)
      return { count, until: `the end of the migration's transaction (line ${statement.span.line})` };
    if (!isHousekeeping(statement)) count++;
  }
  return {
    count,
    until: context.explicitTransaction ? "the end of the file (no COMMIT)" : "the end of the migration's transaction",
  };
}

/**
 * Relations already holding an AccessExclusiveLock in the current transaction,
 * by statement index; built incrementally as the runner walks the migration.
 * Statements that lock a table they do not name (`DROP INDEX name`) count as
 * one unknown relation "", so a run of them is reported once.
 */
interface Held {
  start: number;
  scannedTo: number;
  relations: Set<string>;
}

const HELD = new WeakMap<StatementContext, Held>();

function heldBefore(context: StatementContext, start: number): Set<string> {
  let held = HELD.get(context);
  if (!held || held.start !== start || held.scannedTo > context.index) {
    held = { start, scannedTo: start, relations: new Set() };
    HELD.set(context, held);
  }
  for (; held.scannedTo < context.index; held.scannedTo++)
    for (const effect of effectsAt(context, held.scannedTo))
      if (effect.lock === "AccessExclusiveLock") held.relations.add(effect.table);
  return held.relations;
}

/**
 * Inside a transaction, more statements run after one took an
 * AccessExclusiveLock on an existing table: the lock is held until the
 * transaction ends, so reads and writes of the table wait for all of them.
 * Reported at the statement that first takes the lock in the transaction.
 */
export const lockHeldAcrossStatements: StatementRule = {
  kind: "statement",
  meta: {
    id: "lock-held-across-statements",
    category: "locks",
    severity: "warning",
    enabledByDefault: true,
    summary: "more statements run while an AccessExclusiveLock is held",
    lock: "AccessExclusiveLock",
  },
  check(_statement, context) {
    // Effects are computed for every statement in order, so later look-backs see each one as it was.
    const effects = effectsAt(context);
    if (!context.inTransaction) return [];
    const exclusive = effects.filter((e) => e.lock === "AccessExclusiveLock" && onExistingRelation(e, context));
    if (exclusive.length === 0) return [];
    const held = heldBefore(context, transactionStart(context));
    const taken = exclusive.filter((effect) => !held.has(effect.table));
    if (taken.length === 0) return [];
    const { count, until } = heldFor(context);
    if (count === 0) return [];
    const relations = taken.map(relationLabel).join(", ");
    return [
      {
        message: `takes an AccessExclusiveLock on ${relations} and holds it while ${count} more statement${count > 1 ? "s run" : " runs"}, until ${until}: every read and write of ${relations} waits for all of them`,
        fix: `run this statement last in its transaction, or ${context.advice.inOwnMigration} after \`SET lock_timeout\``,
        foldedText: `the lock is held while ${count} more statement${count > 1 ? "s run" : " runs"}, until ${until}: run it last in its transaction, or ${context.advice.inOwnMigration}`,
      },
    ];
  },
};
