import type { Node } from "@pgsql/types";
import { as, tableKey } from "../../sql/ast.js";
import { strongest } from "../../sql/locks.js";
import type { Statement } from "../../types.js";
import type { StatementContext } from "../context.js";
import type { StatementRule } from "../types.js";
import { beginsTransaction, effectsAt, endsTransaction } from "./statement-effects.js";

const LOOK_BACK = 100;

/** ALTER TABLE forms that cannot share a statement with others (PostgreSQL docs: ALTER TABLE, Description). */
const STANDALONE = new Set(["AT_AttachPartition", "AT_DetachPartition", "AT_DetachPartitionFinalize"]);

/**
 * The table of an ALTER TABLE that could be merged with another one, or "".
 * VALIDATE CONSTRAINT alone is separate on purpose (it runs under a weaker
 * lock after the NOT VALID step) and so is never merged.
 */
function combinableTable(statement: Statement | undefined): string {
  const alter = as(statement?.ast, "AlterTableStmt");
  if (alter?.objtype !== "OBJECT_TABLE") return "";
  const subtypes = (alter.cmds ?? []).map((c) => as(c, "AlterTableCmd")?.subtype ?? "");
  if (subtypes.length === 0 || subtypes.some((s) => STANDALONE.has(s))) return "";
  if (subtypes.every((s) => s === "AT_ValidateConstraint")) return "";
  return tableKey(alter.relation);
}

/** Any reference to the table (as a target, in FROM, as a referenced table …). */
function mentions(ast: Node | null, table: string): boolean {
  let found = false;
  const visit = (value: unknown): void => {
    if (found || !value || typeof value !== "object") return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    const record = value as Record<string, unknown>;
    if (typeof record.relname === "string" && tableKey(record as { relname: string }) === table) {
      found = true;
      return;
    }
    for (const child of Object.values(record)) visit(child);
  };
  visit(ast);
  return found;
}

/**
 * The ALTER TABLE just before `index` on the same table that nothing in
 * between depends on (no other statement touching the table, no transaction
 * boundary), or -1.
 */
function previousMergeable(context: StatementContext, index: number): number {
  const current = context.statements[index];
  const table = combinableTable(current);
  if (!table) return -1;
  // Statements far apart are rarely meant to be merged; the bound keeps huge files linear.
  for (let earlier = index - 1; earlier >= Math.max(0, index - LOOK_BACK); earlier--) {
    const statement = context.statements[earlier];
    if (!statement?.ast || endsTransaction(statement) || beginsTransaction(statement)) return -1;
    if ((statement.autocommit === true) !== (current?.autocommit === true)) return -1;
    if (combinableTable(statement) === table) return earlier;
    if (mentions(statement.ast, table)) return -1;
  }
  return -1;
}

function scansOrRewrites(context: StatementContext, index: number, table: string): boolean {
  return effectsAt(context, index).some((e) => e.table === table && (e.scan || e.rewrite));
}

/**
 * Several ALTER TABLE statements on one existing table that could be one.
 * Outside a transaction each takes its lock again (another wait in the lock
 * queue); inside one, each scan or rewrite reads the table again where one
 * statement would do a single pass. Reported once per run of mergeable
 * statements, at the second one.
 */
export const multipleAlterSameTable: StatementRule = {
  kind: "statement",
  meta: {
    id: "multiple-alter-same-table",
    category: "locks",
    severity: "warning",
    enabledByDefault: true,
    summary: "several ALTER TABLE statements on one table that could be one",
    lock: null,
  },
  check(_statement, context) {
    const table = combinableTable(context.statements[context.index]);
    if (!table || context.isNewTable(table)) return [];
    const chain = [context.index];
    for (let index = previousMergeable(context, context.index); index >= 0; index = previousMergeable(context, index))
      chain.unshift(index);
    const costly = (first: number, second: number) =>
      !context.inTransaction || (scansOrRewrites(context, first, table) && scansOrRewrites(context, second, table));
    const firstPair = chain.findIndex((index, at) => at > 0 && costly(chain[at - 1] as number, index));
    if (firstPair < 0 || chain[firstPair] !== context.index) return [];
    const previous = context.statements[chain[firstPair - 1] as number];
    const lock = strongest(
      effectsAt(context)
        .filter((e) => e.table === table)
        .map((e) => e.lock),
    );
    const cost = context.inTransaction
      ? "both scan or rewrite the table, where one statement does it in a single pass"
      : "each statement waits for and takes its lock on the table again";
    return [
      {
        lock,
        message: `alters \`${table}\` again (the previous ALTER TABLE is at line ${previous?.span.line}): ${cost}`,
        fix: `combine them into one statement: \`ALTER TABLE ${table} <first change>, <second change>;\``,
      },
    ];
  },
};
