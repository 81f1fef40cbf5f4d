import { as } from "../../sql/ast.js";
import type { Statement } from "../../types.js";
import type { StatementContext } from "../context.js";
import type { StatementRule } from "../types.js";

/**
 * `BEGIN`/`COMMIT` written inside a transaction that is already open: the
 * one the migration tool wraps the migration in (Alembic, Prisma, config
 * `transactional: true`), or an earlier BEGIN. PostgreSQL ignores the inner
 * BEGIN with a warning, and the first COMMIT ends the outer transaction too,
 * so the rest of the migration runs outside the transaction the tool thinks
 * it has. Reported at the BEGIN, or at a COMMIT/ROLLBACK with no BEGIN of its own.
 */
export const nestedTransaction: StatementRule = {
  kind: "statement",
  meta: {
    id: "nested-transaction",
    category: "transactions",
    severity: "warning",
    enabledByDefault: true,
    summary: "BEGIN/COMMIT inside a transaction that is already open (the tool's or an earlier BEGIN)",
    lock: null,
  },
  check(statement, context) {
    const kind = as(statement.ast, "TransactionStmt")?.kind;
    const toolWraps = statement.autocommit !== true && toolTransactionOpen(context);
    if (kind === "TRANS_STMT_BEGIN" || kind === "TRANS_STMT_START") {
      if (context.explicitTransaction) {
        const outer = outerBegin(context);
        return [
          {
            message: `BEGIN inside the transaction already opened${outer ? ` at line ${outer}` : ""}: PostgreSQL ignores it with a warning, and the first COMMIT ends the outer transaction too`,
            fix: "remove the inner BEGIN (use SAVEPOINT for a nested unit of work)",
          },
        ];
      }
      if (toolWraps)
        return [
          {
            message:
              "BEGIN inside a migration the tool already runs in a transaction: PostgreSQL ignores it with a warning, and the COMMIT that follows commits the tool's transaction early, so later statements (and the tool's own version bookkeeping) run outside it",
            fix: "remove BEGIN/COMMIT and let the tool's transaction cover the migration, or turn the tool's transaction off for this migration",
          },
        ];
      return [];
    }
    const ends = kind === "TRANS_STMT_COMMIT" || kind === "TRANS_STMT_ROLLBACK";
    if (ends && toolWraps && !context.explicitTransaction) {
      const verb = kind === "TRANS_STMT_COMMIT" ? "COMMIT commits" : "ROLLBACK rolls back";
      return [
        {
          message: `${verb} the transaction the migration tool opened, part-way through the migration: later statements (and the tool's own version bookkeeping) run outside any transaction, and the tool's final COMMIT finds none`,
          fix: "remove it and let the tool's transaction cover the migration, or turn the tool's transaction off for this migration",
        },
      ];
    }
    if (kind === "TRANS_STMT_COMMIT" && !context.explicitTransaction && !toolWraps && statement.autocommit !== true) {
      const previous = previousEnd(context);
      return [
        {
          message: previous
            ? `COMMIT with no transaction open: the one before it was already ended at line ${previous}, so PostgreSQL only warns, and the statements in between ran each in its own transaction, not together`
            : "COMMIT with no transaction open (no BEGIN before it, and the tool opens none): PostgreSQL only warns, and the statements before it ran each in its own transaction, not together",
          fix: "remove the extra COMMIT, or add the BEGIN it was meant to close",
        },
      ];
    }
    return [];
  },
};

/** Line of the last COMMIT/ROLLBACK before the current statement, if any. */
function previousEnd(context: StatementContext): number | undefined {
  for (let index = context.index - 1; index >= 0; index--) {
    const kind = as(context.statements[index]?.ast, "TransactionStmt")?.kind;
    if (kind === "TRANS_STMT_COMMIT" || kind === "TRANS_STMT_ROLLBACK") return context.statements[index]?.span.line;
    if (kind === "TRANS_STMT_BEGIN" || kind === "TRANS_STMT_START") return undefined;
  }
  return undefined;
}

/**
 * The tool's transaction is still open: the tool wraps the migration and no
 * COMMIT/ROLLBACK written earlier in it has already ended that transaction
 * (that one is reported; what follows it runs in transactions of its own).
 */
function toolTransactionOpen(context: StatementContext): boolean {
  if (!context.toolTransaction) return false;
  const end = firstEnd(context.statements);
  return end === undefined || end >= context.index;
}

/** Per migration: index of the first COMMIT/ROLLBACK written in it, computed once. */
const FIRST_END = new WeakMap<Statement[], number | undefined>();

function firstEnd(statements: Statement[]): number | undefined {
  if (FIRST_END.has(statements)) return FIRST_END.get(statements);
  const index = statements.findIndex((statement) => {
    const transaction = as(statement.ast, "TransactionStmt");
    const ends = transaction?.kind === "TRANS_STMT_COMMIT" || transaction?.kind === "TRANS_STMT_ROLLBACK";
    return ends && !transaction?.chain && statement.autocommit !== true;
  });
  const end = index >= 0 ? index : undefined;
  FIRST_END.set(statements, end);
  return end;
}

/** Line of the BEGIN that opened the transaction still open here (the earliest since the last COMMIT/ROLLBACK). */
function outerBegin(context: StatementContext): number | undefined {
  let line: number | undefined;
  for (let i = context.index - 1; i >= 0; i--) {
    const kind = as(context.statements[i]?.ast, "TransactionStmt")?.kind;
    if (kind === "TRANS_STMT_COMMIT" || kind === "TRANS_STMT_ROLLBACK") break;
    if (kind === "TRANS_STMT_BEGIN" || kind === "TRANS_STMT_START") line = context.statements[i]?.span.line;
  }
  return line;
}
