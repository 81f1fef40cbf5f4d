/**
 * How a tool's way of sending a file decides the transaction its statements run in.
 *
 * PostgreSQL runs a multi-statement simple-protocol query (one `Exec` of the
 * whole file, as golang-migrate and Prisma do) as ONE implicit transaction:
 * the statements commit or roll back together, and `CREATE INDEX CONCURRENTLY`,
 * `VACUUM` and friends fail with "cannot run inside a transaction block"
 * unless they are the file's only statement. An explicit BEGIN/COMMIT in the
 * script takes over from the implicit block; the analysis context follows those.
 */
import type { Statement } from "../../types.js";

/** Whether sending all of `statements` in one simple query puts them in one implicit transaction. */
export function runsAsImplicitTransaction(statements: Statement[]): boolean {
  const parsed = statements.filter((statement) => statement.kind !== "Unparsed");
  if (parsed.length <= 1) return false;
  return !parsed.some((statement) => statement.kind === "TransactionStmt");
}

/** Statements PostgreSQL refuses inside a transaction block (Flyway runs such a migration without one). */
export function cannotRunInTransaction(statement: Statement): boolean {
  const ast = statement.ast as Record<string, Record<string, unknown>> | null;
  if (!ast) return false;
  switch (statement.kind) {
    case "IndexStmt":
      return ast.IndexStmt?.concurrent === true;
    case "DropStmt":
      return ast.DropStmt?.concurrent === true;
    case "ReindexStmt":
      return /concurrently/i.test(statement.sql);
    case "VacuumStmt":
      return ast.VacuumStmt?.is_vacuumcmd === true;
    case "CreatedbStmt":
    case "DropdbStmt":
    case "AlterSystemStmt":
    case "CreateTableSpaceStmt":
    case "DropTableSpaceStmt":
      return true;
    case "CreateSubscriptionStmt":
      return !/create_slot\s*=\s*false/i.test(statement.sql);
    case "AlterTableStmt":
      return /\bDETACH\s+PARTITION\b[\s\S]*\bCONCURRENTLY\b/i.test(statement.sql);
    default:
      return false;
  }
}
