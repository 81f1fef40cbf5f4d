import type { Node } from "@pgsql/types";
import { as } from "../../sql/ast.js";
import type { Statement } from "../../types.js";
import type { StatementRule } from "../types.js";

/** Per migration: index of the BEGIN still open at its end, computed once. */
const UNENDED = new WeakMap<Statement[], number | undefined>();

/**
 * A `BEGIN` that nothing ends before the migration does: the changes stay
 * uncommitted (and their locks held) until the tool's connection closes,
 * which rolls them back, or until the tool's own statements commit them by
 * accident. Reported at the BEGIN that opened the transaction.
 */
export const uncommittedTransaction: StatementRule = {
  kind: "statement",
  meta: {
    id: "uncommitted-transaction",
    category: "transactions",
    severity: "error",
    enabledByDefault: true,
    summary: "BEGIN with no COMMIT or ROLLBACK before the end of the migration",
    lock: null,
  },
  check(statement, context) {
    if (!isBegin(statement.ast) || unendedBegin(context.statements) !== context.index) return [];
    if (context.toolTransaction && statement.autocommit !== true)
      return [
        {
          message:
            "this BEGIN is never ended in the migration: it relies on the migration tool's own COMMIT to end it, which tools that send the file as one script (Prisma, golang-migrate) do not issue, leaving the changes uncommitted and their locks held",
          fix: "drop the BEGIN (the tool already runs the migration in a transaction), or end it with COMMIT;",
          severity: "warning",
        },
      ];
    return [
      {
        message:
          "this BEGIN is never ended: no COMMIT or ROLLBACK follows it in the migration, so its changes stay uncommitted and its locks held until the connection closes and PostgreSQL rolls them back",
        fix: "add COMMIT; at the end of the migration",
      },
    ];
  },
};

function unendedBegin(statements: Statement[]): number | undefined {
  if (UNENDED.has(statements)) return UNENDED.get(statements);
  let opener: number | undefined;
  for (const [index, { ast }] of statements.entries()) {
    const transaction = as(ast, "TransactionStmt");
    if (isBegin(ast) && opener === undefined) opener = index;
    // COMMIT AND CHAIN starts the next transaction at once, so it ends nothing.
    else if (endsTransaction(transaction?.kind) && !transaction?.chain) opener = undefined;
  }
  UNENDED.set(statements, opener);
  return opener;
}

function isBegin(ast: Node | null): boolean {
  const kind = as(ast, "TransactionStmt")?.kind;
  return kind === "TRANS_STMT_BEGIN" || kind === "TRANS_STMT_START";
}

function endsTransaction(kind: string | undefined): boolean {
  return kind === "TRANS_STMT_COMMIT" || kind === "TRANS_STMT_ROLLBACK" || kind === "TRANS_STMT_PREPARE";
}
