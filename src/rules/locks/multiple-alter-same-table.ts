import type { Node } from "@pgsql/types";
import { as, type NodeOf, tableKey } from "../../sql/ast.js";
import { statementEffects, typeChangeVerdict } from "../../sql/effects.js";
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

const MENTIONED = new WeakMap<Node, Set<string>>();

/** Every table the statement references (as a target, in FROM, as a referenced table …), computed once. */
function mentionedTables(ast: Node): Set<string> {
  let tables = MENTIONED.get(ast);
  if (tables) return tables;
  const found = new Set<string>();
  const visit = (value: unknown): void => {
    if (!value || typeof value !== "object") return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    const record = value as Record<string, unknown>;
    if (typeof record.relname === "string") found.add(tableKey(record as { relname: string }));
    for (const child of Object.values(record)) visit(child);
  };
  visit(ast);
  tables = found;
  MENTIONED.set(ast, tables);
  return tables;
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
    if (mentionedTables(statement.ast).has(table)) return -1;
  }
  return -1;
}

/**
 * The statement makes ALTER TABLE read every row in its single pass over the
 * table (phase 3): a rewrite, or a CHECK / NOT NULL verification. Foreign key
 * validation and index builds run separately for each constraint, so merging
 * statements does not save those scans.
 */
const TABLE_PASS = new WeakMap<StatementContext, Map<number, boolean>>();

/**
 * Whether statement `index` needs a pass over the rows, decided when the
 * runner reaches it (column types change as statements are observed) and
 * remembered for the statements after it.
 */
function tablePassAt(context: StatementContext, index: number, table: string): boolean {
  let cache = TABLE_PASS.get(context);
  if (!cache) {
    cache = new Map();
    TABLE_PASS.set(context, cache);
  }
  let pass = cache.get(index);
  if (pass === undefined) {
    pass = needsTablePass(context, index, table);
    cache.set(index, pass);
  }
  return pass;
}

function needsTablePass(context: StatementContext, index: number, table: string): boolean {
  const alter = as(context.statements[index]?.ast, "AlterTableStmt");
  if (!alter) return false;
  return (alter.cmds ?? []).some((node) => {
    const cmd = as(node, "AlterTableCmd");
    const column = as(cmd?.def, "ColumnDef");
    const constraint = as(cmd?.def, "Constraint");
    switch (cmd?.subtype) {
      case "AT_AlterColumnType": {
        // Only a certain rewrite: an unknown current type may well be binary compatible.
        const current = context.columnTypes.get(`${table}.${cmd.name}`);
        return typeChangeVerdict(current, column?.typeName, column?.raw_default, cmd.name ?? "") === "rewrite";
      }
      case "AT_SetNotNull":
        return !context.hasValidatedNotNullCheck(table, cmd.name ?? "");
      case "AT_AddConstraint":
        return (
          (constraint?.contype === "CONSTR_CHECK" || constraint?.contype === "CONSTR_NOTNULL") &&
          !constraint.skip_validation
        );
      case "AT_AddColumn": {
        const kinds = (column?.constraints ?? []).map((c) => as(c, "Constraint")?.contype);
        const verifies =
          kinds.includes("CONSTR_CHECK") || (kinds.includes("CONSTR_NOTNULL") && !kinds.includes("CONSTR_DEFAULT"));
        return verifies || rewritesAlone(context, alter, node, table);
      }
      default:
        return rewritesAlone(context, alter, node, table);
    }
  });
}

/** The subcommand on its own rewrites the table (volatile default, SET LOGGED, identity …). */
function rewritesAlone(context: StatementContext, alter: NodeOf<"AlterTableStmt">, node: Node, table: string): boolean {
  const single = statementEffects({ AlterTableStmt: { ...alter, cmds: [node] } }, context.pgVersion, context);
  return single.some((e) => e.table === table && e.rewrite);
}

/**
 * Several ALTER TABLE statements on one existing table that could be one.
 * Outside a transaction each takes its lock again (another wait in the lock
 * queue); inside one, each rewrite or CHECK / NOT NULL verification reads
 * the table again where one statement would do a single pass. Reported once per run of mergeable
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
    if (!table) return [];
    tablePassAt(context, context.index, table);
    if (context.isNewTable(table)) return [];
    const chain = [context.index];
    for (let index = previousMergeable(context, context.index); index >= 0; index = previousMergeable(context, index))
      chain.unshift(index);
    const costly = (first: number, second: number) =>
      !context.inTransaction || (tablePassAt(context, first, table) && tablePassAt(context, second, table));
    const firstPair = chain.findIndex((index, at) => at > 0 && costly(chain[at - 1] as number, index));
    if (firstPair < 0 || chain[firstPair] !== context.index) return [];
    const previous = context.statements[chain[firstPair - 1] as number];
    const lock = strongest(
      effectsAt(context)
        .filter((e) => e.table === table)
        .map((e) => e.lock),
    );
    const cost = context.inTransaction
      ? "each one reads (or rewrites) every row of the table, where one statement checks and rewrites in a single pass"
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
