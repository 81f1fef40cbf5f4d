/**
 * Proves rollbacks on the embedded PostgreSQL. Everything for one migration
 * runs inside one transaction with savepoints: apply the migration statement
 * by statement (reading the schema around each), then each rollback from the
 * same point, compare with the schema before, and go back to the applied state.
 * The session ends with the migration applied, ready for the next one.
 */

import { deparseSync } from "pgsql-deparser";
import { diffSnapshots } from "../engine/catalog/diff.js";
import { snapshotSchema } from "../engine/catalog/snapshot.js";
import type { SchemaDifference, SchemaSnapshot } from "../engine/catalog/types.js";
import { budgetMessage } from "../engine/engine.js";
import { BudgetExceeded } from "../engine/session.js";
import { changesSchema } from "../engine/statements.js";
import type { AppliedMigration, AppliedStatement } from "../engine/types.js";
import { as, tagOf } from "../sql/ast.js";
import type { Migration, Statement, Verification } from "../types.js";

/** The little a verification needs from a PostgreSQL connection. */
export interface SqlSession {
  query(sql: string): Promise<Record<string, unknown>[]>;
  /** Runs one or more statements, discarding results. */
  exec(sql: string): Promise<void>;
  /** Runs `work` under the engine's time budget (the engine session's connection has one). */
  budget?<T>(work: () => Promise<T>): Promise<T>;
}

/** Statements with no effect on the schema that cannot run inside a transaction block. */
const SKIPPED = new Set([
  "TransactionStmt",
  "VacuumStmt",
  "ReindexStmt",
  "CheckPointStmt",
  "ClusterStmt",
  // COPY reads stdin or a server file: neither exists on the embedded PostgreSQL.
  "CopyStmt",
]);

/**
 * The SQL to run inside a transaction: CONCURRENTLY dropped (same schema, and
 * PostgreSQL refuses it in a transaction block), transaction control skipped.
 * Null when the statement has nothing to run here.
 */
export function executableSql(statement: Statement): string | null {
  const tag = tagOf(statement.ast);
  if (tag && SKIPPED.has(tag)) return null;
  const index = as(statement.ast, "IndexStmt");
  const drop = as(statement.ast, "DropStmt");
  const refresh = as(statement.ast, "RefreshMatViewStmt");
  if (index?.concurrent || drop?.concurrent || refresh?.concurrent) {
    const copy = structuredClone(statement.ast) as unknown as Record<string, Record<string, unknown>>;
    const payload = Object.values(copy)[0];
    if (payload) payload.concurrent = false;
    return deparseSync(copy as never);
  }
  return statement.sql;
}

/** A generated rollback statement as it runs inside the verification transaction. */
export function generatedSqlInTransaction(change: { sql: string; concurrently?: boolean }): string {
  return change.concurrently
    ? change.sql.replace(/^(CREATE (?:UNIQUE )?INDEX|DROP INDEX) CONCURRENTLY /, "$1 ")
    : change.sql;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

let savepointCounter = 0;

/** Runs `sql` under a savepoint; on error rolls back to it and returns the message. */
async function tryExec(session: SqlSession, sql: string): Promise<string | null> {
  const name = `db_migrate_sp_${++savepointCounter}`;
  await session.exec(`SAVEPOINT ${name}`);
  try {
    await session.exec(sql);
    await session.exec(`RELEASE SAVEPOINT ${name}`);
    return null;
  } catch (error) {
    if (error instanceof BudgetExceeded) throw error;
    await session.exec(`ROLLBACK TO SAVEPOINT ${name}`);
    await session.exec(`RELEASE SAVEPOINT ${name}`);
    return message(error);
  }
}

export type ApplyOutcome = AppliedMigration;

/** Applies a migration statement by statement, reading the schema around each one that can change it. */
export async function applyWithSnapshots(session: SqlSession, statements: Statement[]): Promise<ApplyOutcome> {
  const read = () => snapshotSchema((sql) => session.query(sql));
  const start = await read();
  let current = start;
  const applied: AppliedStatement[] = [];
  for (const statement of statements) {
    const sql = executableSql(statement);
    if (sql === null) {
      applied.push({ statement, before: current, after: current });
      continue;
    }
    const error = await tryExec(session, sql);
    if (error !== null) return { ok: false, start, error, statement };
    const after = changesSchema(statement) ? await read() : current;
    applied.push({ statement, before: current, after });
    current = after;
  }
  return { ok: true, start, applied };
}

export interface RollbackCheck {
  verification: Exclude<Verification, "not-run">;
  differences: SchemaDifference[];
  error?: string;
  /** The rollback statement PostgreSQL refused. */
  failedStatement?: string;
  failedIndex?: number;
}

/**
 * From the applied (committed) state, runs `rollback` in a transaction of its
 * own, as a deploy would, compares the schema with `start`, and rolls the
 * transaction back: the session is in the applied state again afterwards.
 */
export async function checkRollback(
  session: SqlSession,
  start: SchemaSnapshot,
  rollback: string[],
): Promise<RollbackCheck> {
  let index = 0;
  const run = async (): Promise<RollbackCheck> => {
    await session.exec("BEGIN");
    try {
      for (; index < rollback.length; index++) {
        const sql = rollback[index] as string;
        const error = await tryExec(session, sql);
        if (error !== null)
          return { verification: "fails", differences: [], error, failedStatement: sql, failedIndex: index };
      }
      const differences = diffSnapshots(start, await snapshotSchema((sql) => session.query(sql)));
      return { verification: differences.length === 0 ? "verified" : "mismatch", differences };
    } finally {
      await session.exec("ROLLBACK");
    }
  };
  try {
    return await (session.budget ? session.budget(run) : run());
  } catch (error) {
    // A rollback that runs past the budget would hang the deploy too: it fails, naming the budget.
    if (!(error instanceof BudgetExceeded) || error.kind === "deadline") throw error;
    const failedStatement = rollback[index] ?? "";
    return {
      verification: "fails",
      differences: [],
      error: budgetMessage(error),
      failedStatement,
      failedIndex: index,
    };
  }
}

/** The author's down statements as they would run (transaction control and CONCURRENTLY handled). */
export function authorRollbackSql(down: NonNullable<Migration["down"]>): Array<{ sql: string; statement: Statement }> {
  return down.statements.flatMap((statement) => {
    const sql = executableSql(statement);
    return sql === null ? [] : [{ sql, statement }];
  });
}
