/**
 * Shared by the lock rules that reason over several statements (timeouts,
 * locks held across statements, repeated ALTERs): the static effects of a
 * statement of the migration, and the transaction it belongs to.
 */
import { as, tableKey } from "../../sql/ast.js";
import { type StatementEffect, statementEffects } from "../../sql/effects.js";
import { blockedBy } from "../../sql/locks.js";
import type { LockMode, Statement } from "../../types.js";
import { ContextTracker, type StatementContext } from "../context.js";
import { createdFunctionVolatility } from "../data/volatility.js";

/** Per analysis run (one context object per migration): effects by statement index. */
const EFFECTS = new WeakMap<StatementContext, Map<number, StatementEffect[]>>();

/**
 * The effects of statement `index` (default: the current one), knowing the
 * column types, indexes and functions the migration declared so far.
 */
export function effectsAt(context: StatementContext, index = context.index): StatementEffect[] {
  let cache = EFFECTS.get(context);
  if (!cache) {
    cache = new Map();
    EFFECTS.set(context, cache);
  }
  const cached = cache.get(index);
  if (cached) return cached;
  const ast = context.statements[index]?.ast;
  const effects = ast
    ? statementEffects(ast, context.pgVersion, {
        columnTypes: context.columnTypes,
        indexTables: context.indexTables,
        foreignKeys: context.foreignKeys,
        functionVolatility: migrationFunctions(context.statements),
        hasValidatedNotNullCheck: context.hasValidatedNotNullCheck,
      })
    : [];
  cache.set(index, effects);
  return effects;
}

const FUNCTIONS = new WeakMap<Statement[], ReturnType<typeof createdFunctionVolatility>>();

/** Functions the migration creates (once per migration: a function is created before its use or the use fails). */
function migrationFunctions(statements: Statement[]): ReturnType<typeof createdFunctionVolatility> {
  let functions = FUNCTIONS.get(statements);
  if (!functions) {
    functions = createdFunctionVolatility(statements);
    FUNCTIONS.set(statements, functions);
  }
  return functions;
}

/** The relation existed before the migration: not created by it or by an earlier migration of the PR. */
export function onExistingRelation(effect: StatementEffect, context: StatementContext): boolean {
  if (effect.table) return !context.isNewTable(effect.table);
  return !(effect.index && context.created.indexes.has(effect.index));
}

/** `users`, or `the table of index users_email_idx`, or what the effect's note says. */
export function relationLabel(effect: StatementEffect): string {
  if (effect.table) return `\`${effect.table}\``;
  if (effect.index) return `the table of index \`${effect.index}\``;
  return effect.note ?? "the tables involved";
}

/** `AccessExclusiveLock (blocks reads and writes)`. */
export function lockWithBlocked(lock: LockMode): string {
  const blocked = blockedBy(lock).filter((b) => b !== "ddl");
  return blocked.length > 0 ? `${lock} (blocks ${blocked.join(" and ")})` : lock;
}

/** Ends the transaction the previous statements ran in. */
export function endsTransaction(statement: Statement): boolean {
  const kind = as(statement.ast, "TransactionStmt")?.kind;
  return (
    kind === "TRANS_STMT_COMMIT" ||
    kind === "TRANS_STMT_ROLLBACK" ||
    kind === "TRANS_STMT_PREPARE" ||
    kind === "TRANS_STMT_COMMIT_PREPARED" ||
    kind === "TRANS_STMT_ROLLBACK_PREPARED"
  );
}

/** Starts an explicit transaction. */
export function beginsTransaction(statement: Statement): boolean {
  const kind = as(statement.ast, "TransactionStmt")?.kind;
  return kind === "TRANS_STMT_BEGIN" || kind === "TRANS_STMT_START";
}

/** First statement of the transaction the current statement runs in. */
export function transactionStart(context: StatementContext): number {
  const current = context.statements[context.index];
  for (let index = context.index - 1; index >= 0; index--) {
    const statement = context.statements[index];
    if (!statement || endsTransaction(statement) || beginsTransaction(statement)) return index + 1;
    if ((statement.autocommit === true) !== (current?.autocommit === true)) return index + 1;
  }
  return 0;
}

/**
 * The statement earlier in the current transaction that added constraint
 * `name` to `table` with NOT VALID, and its kind: validating it in the same
 * transaction scans the table while the ADD's lock is still held.
 */
export function addedNotValidInTransaction(
  context: StatementContext,
  table: string,
  name: string,
): { line: number; contype: string } | undefined {
  if (!context.inTransaction) return undefined;
  for (let index = transactionStart(context); index < context.index; index++) {
    const alter = as(context.statements[index]?.ast, "AlterTableStmt");
    if (!alter || tableKey(alter.relation) !== table) continue;
    for (const node of alter.cmds ?? []) {
      const constraint = as(as(node, "AlterTableCmd")?.def, "Constraint");
      if (constraint?.skip_validation && constraint.conname === name)
        return { line: context.statements[index]?.span.line ?? 0, contype: constraint.contype ?? "" };
    }
  }
  return undefined;
}

/** Session housekeeping that takes no lock and no time: SET, RESET, SHOW, savepoints. */
export function isHousekeeping(statement: Statement): boolean {
  return (
    as(statement.ast, "VariableSetStmt") !== undefined ||
    as(statement.ast, "VariableShowStmt") !== undefined ||
    as(statement.ast, "TransactionStmt") !== undefined
  );
}

type TimeoutSetting = "lockTimeoutSet" | "statementTimeoutSet";

/** How far the search for each setting has got in a migration, so each statement is replayed once. */
interface UnguardedScan {
  tracker: ContextTracker;
  next: number;
  found: number;
}

const FIRST_UNGUARDED = new WeakMap<StatementContext, Map<TimeoutSetting, UnguardedScan>>();

/**
 * Index of the first statement of the migration (up to the current one) that
 * `needsTimeout` and runs while `setting` is not in effect, or -1. Rules that
 * report once per migration fire only when this is the current statement.
 * The session settings are replayed with the same tracker the runner uses,
 * resuming where the previous call stopped.
 */
export function firstUnguarded(
  context: StatementContext,
  setting: TimeoutSetting,
  needsTimeout: (index: number) => boolean,
): number {
  let bySetting = FIRST_UNGUARDED.get(context);
  if (!bySetting) {
    bySetting = new Map();
    FIRST_UNGUARDED.set(context, bySetting);
  }
  let scan = bySetting.get(setting);
  if (!scan) {
    const tracker = new ContextTracker({
      pgVersion: context.pgVersion,
      toolTransaction: context.toolTransaction,
      statements: context.statements,
    });
    scan = { tracker, next: 0, found: -1 };
    bySetting.set(setting, scan);
  }
  if (scan.found !== -1) return scan.found <= context.index ? scan.found : -1;
  for (; scan.next <= context.index; scan.next++) {
    const statement = context.statements[scan.next];
    if (!statement?.ast) continue;
    const settings = scan.tracker.at(scan.next, statement.autocommit === true);
    if (!settings[setting] && needsTimeout(scan.next)) {
      scan.found = scan.next;
      return scan.found;
    }
    scan.tracker.observe(statement.ast);
  }
  return -1;
}
