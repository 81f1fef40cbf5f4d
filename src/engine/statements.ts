/** What the engine needs to know about a statement before running it. */
import type { Node } from "@pgsql/types";
import { as, qualifiedKey } from "../sql/ast.js";
import type { Statement } from "../types.js";

/**
 * BEGIN, COMMIT, ROLLBACK, SAVEPOINT …, and `SET TRANSACTION …` (which must be
 * the first statement of its transaction): run as written, never wrapped.
 */
export function isTransactionControl(statement: Statement): boolean {
  if (statement.kind === "TransactionStmt") return true;
  const set = as(statement.ast, "VariableSetStmt");
  return set?.name === "TRANSACTION" || set?.name === "SESSION CHARACTERISTICS";
}

/** PostgreSQL refuses these inside a transaction block. */
export function cannotRunInTransaction(ast: Node | null): boolean {
  if (!ast) return false;
  if (as(ast, "IndexStmt")?.concurrent) return true;
  if (as(ast, "DropStmt")?.concurrent) return true;
  const reindex = as(ast, "ReindexStmt");
  if (reindex?.params?.some((p) => as(p, "DefElem")?.defname === "concurrently")) return true;
  if (as(ast, "VacuumStmt")?.is_vacuumcmd) return true;
  if (as(ast, "CreatedbStmt") || as(ast, "DropdbStmt") || as(ast, "AlterSystemStmt")) return true;
  if (as(ast, "CreateTableSpaceStmt") || as(ast, "DropTableSpaceStmt")) return true;
  const alter = as(ast, "AlterTableStmt");
  return (
    alter?.cmds?.some((cmd) => {
      const def = as(as(cmd, "AlterTableCmd")?.def, "PartitionCmd");
      return def?.concurrent === true;
    }) ?? false
  );
}

/** Statements that cannot change the schema: no snapshot is read around them. */
const DATA_ONLY = new Set([
  "InsertStmt",
  "UpdateStmt",
  "DeleteStmt",
  "SelectStmt",
  "MergeStmt",
  "CopyStmt",
  "ExplainStmt",
]);

export function changesSchema(statement: Statement): boolean {
  return !DATA_ONLY.has(statement.kind);
}

/** `COPY … FROM stdin` with its rows: PGlite reads them from its `/dev/blob` device. */
export function executableSql(statement: Statement): { sql: string; blob?: Uint8Array } {
  const copy = as(statement.ast, "CopyStmt");
  if (copy?.is_from && !copy.filename && statement.copyData !== undefined) {
    const rows = statement.copyData.length > 0 ? `${statement.copyData}\n` : "";
    return {
      sql: statement.sql.replace(/\bfrom\s+stdin\b/i, "FROM '/dev/blob'"),
      blob: new TextEncoder().encode(rows),
    };
  }
  return { sql: statement.sql };
}

/** Relations a statement names (tables, indexes), in `tableKey` form. */
export function namedRelations(ast: Node | null): Set<string> {
  const names = new Set<string>();
  // RangeVar appears both tagged ({ RangeVar: … } in node lists) and bare (typed fields like `relation`).
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    if (!value || typeof value !== "object") return;
    const record = value as Record<string, unknown>;
    if (typeof record.relname === "string")
      names.add(qualifiedKey(record.schemaname as string | undefined, record.relname));
    for (const child of Object.values(record)) visit(child);
  };
  visit(ast);
  const index = as(ast, "IndexStmt");
  if (index?.idxname) names.add(qualifiedKey(index.relation?.schemaname, index.idxname));
  return names;
}
