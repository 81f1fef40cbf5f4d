import type { Node } from "@pgsql/types";
import { as, constValue, nameList, objectKey } from "../../sql/ast.js";
import type { StatementContext } from "../context.js";
import type { StatementRule } from "../types.js";

/**
 * Statements PostgreSQL refuses inside a transaction block ("cannot run
 * inside a transaction block"): the CONCURRENTLY forms, VACUUM, database and
 * tablespace commands, and before PostgreSQL 12 `ALTER TYPE … ADD VALUE`.
 * Inside a migration the tool wraps in a transaction (or after BEGIN) they fail.
 */
export const concurrentlyInTransaction: StatementRule = {
  kind: "statement",
  meta: {
    id: "concurrently-in-transaction",
    category: "transactions",
    severity: "error",
    enabledByDefault: true,
    summary: "CONCURRENTLY (or another no-transaction command) inside a transaction: it fails",
    lock: null,
  },
  check(statement, context) {
    if (!context.inTransaction) return [];
    const command = refusedInTransaction(statement.ast, context);
    if (!command) return [];
    const begin = openingBegin(context);
    const where =
      begin !== undefined
        ? `inside the transaction opened by BEGIN at line ${begin}`
        : "inside the transaction the migration tool wraps this migration in";
    return [
      {
        message: `${command} cannot run inside a transaction block, and this one runs ${where}: PostgreSQL rejects it and the migration fails`,
        fix: `run it outside a transaction: ${context.advice.outsideTransaction}${begin !== undefined ? ", and without the BEGIN around it" : ""}`,
      },
    ];
  },
};

/** The command's name when PostgreSQL refuses it in a transaction block, else undefined. */
function refusedInTransaction(ast: Node, context: StatementContext): string | undefined {
  if (as(ast, "IndexStmt")?.concurrent) return "CREATE INDEX CONCURRENTLY";
  const drop = as(ast, "DropStmt");
  if (drop?.concurrent) return "DROP INDEX CONCURRENTLY";
  const reindex = as(ast, "ReindexStmt");
  if (reindex) {
    if ((reindex.params ?? []).some((p) => as(p, "DefElem")?.defname === "concurrently" && optionOn(p)))
      return "REINDEX CONCURRENTLY";
    if (reindex.kind === "REINDEX_OBJECT_SCHEMA") return "REINDEX SCHEMA";
    if (reindex.kind === "REINDEX_OBJECT_DATABASE") return "REINDEX DATABASE";
    if (reindex.kind === "REINDEX_OBJECT_SYSTEM") return "REINDEX SYSTEM";
    return undefined;
  }
  const alter = as(ast, "AlterTableStmt");
  if (alter) {
    const detaching = (alter.cmds ?? []).some((node) => {
      const cmd = as(node, "AlterTableCmd");
      return cmd?.subtype === "AT_DetachPartition" && as(cmd.def, "PartitionCmd")?.concurrent === true;
    });
    return detaching ? "DETACH PARTITION CONCURRENTLY" : undefined;
  }
  const alterEnum = as(ast, "AlterEnumStmt");
  if (alterEnum?.newVal && !alterEnum.oldVal && context.pgVersion < 12) {
    // Before 12, ADD VALUE was allowed in a transaction only for a type created in that same transaction.
    const type = objectKey(nameList(alterEnum.typeName));
    if (!createdInCurrentTransaction(type, context)) return `ALTER TYPE … ADD VALUE (PostgreSQL ${context.pgVersion})`;
    return undefined;
  }
  if (as(ast, "VacuumStmt")?.is_vacuumcmd) return "VACUUM";
  if (as(ast, "CreatedbStmt")) return "CREATE DATABASE";
  if (as(ast, "DropdbStmt")) return "DROP DATABASE";
  if (as(ast, "CreateTableSpaceStmt")) return "CREATE TABLESPACE";
  if (as(ast, "DropTableSpaceStmt")) return "DROP TABLESPACE";
  if (as(ast, "AlterSystemStmt")) return "ALTER SYSTEM";
  const cluster = as(ast, "ClusterStmt");
  if (cluster && !cluster.relation) return "CLUSTER without a table name";
  const database = as(ast, "AlterDatabaseStmt");
  if (database?.options?.some((o) => as(o, "DefElem")?.defname === "tablespace"))
    return "ALTER DATABASE … SET TABLESPACE";
  const subscription = as(ast, "CreateSubscriptionStmt");
  if (subscription) {
    const createSlot = subscription.options?.find((o) => as(o, "DefElem")?.defname === "create_slot");
    return !createSlot || optionOn(createSlot) ? "CREATE SUBSCRIPTION (creating a replication slot)" : undefined;
  }
  return undefined;
}

/** A DefElem option given without a value, or with a true-ish one. */
function optionOn(node: Node): boolean {
  const arg = as(node, "DefElem")?.arg;
  if (!arg) return true;
  const value = constValue(arg);
  return value === true || value === 1 || ["true", "on", "1", "yes"].includes(String(value).toLowerCase());
}

/** Line of the BEGIN that opened the explicit transaction this statement runs in, if any. */
function openingBegin(context: StatementContext): number | undefined {
  if (!context.explicitTransaction) return undefined;
  for (let i = context.index - 1; i >= 0; i--) {
    const kind = as(context.statements[i]?.ast, "TransactionStmt")?.kind;
    if (kind === "TRANS_STMT_BEGIN" || kind === "TRANS_STMT_START") return context.statements[i]?.span.line;
  }
  return undefined;
}

function createdInCurrentTransaction(type: string, context: StatementContext): boolean {
  for (let i = context.index - 1; i >= 0; i--) {
    const ast = context.statements[i]?.ast;
    const kind = as(ast, "TransactionStmt")?.kind;
    if (kind === "TRANS_STMT_COMMIT" || kind === "TRANS_STMT_ROLLBACK") return false;
    const create = as(ast, "CreateEnumStmt");
    if (create && objectKey(nameList(create.typeName)) === type) return true;
    if (kind === "TRANS_STMT_BEGIN" || kind === "TRANS_STMT_START") return false;
  }
  return false;
}
