/**
 * The execution plan: each pending migration's statements in order, with the
 * lock each takes and what it blocks, rewrite or scan, new table or existing,
 * the transaction it runs in, the findings on it and how it rolls back.
 * From the trace when the engine ran, else from the static lock table.
 */

import type { MigrationTrace, StatementTrace } from "../engine/types.js";
import { ident } from "../rollback/sql-text.js";
import { as, tableKey } from "../sql/ast.js";
import { statementEffects } from "../sql/effects.js";
import { blockedBy, strongest } from "../sql/locks.js";
import type { Finding, Migration, PlanMigration, PlanStatement, Statement } from "../types.js";

export interface PlanInput {
  /** The statements' traces, when the engine ran (matched by migration). */
  traces?: MigrationTrace[];
  findings: Finding[];
  pgVersion: number;
}

export function buildPlan(migrations: Migration[], input: PlanInput): PlanMigration[] {
  const created = new Set<string>();
  return migrations.map((migration) => {
    const trace = input.traces?.find((t) => t.migration === migration);
    const statements = trace
      ? planFromTrace(migration, trace, input.findings)
      : planStatically(migration, input, created);
    for (const statement of migration.statements) for (const table of createdTables(statement)) created.add(table);
    return {
      migration: migration.id,
      path: migration.path,
      statements,
      totals: totals(statements),
      source: trace ? "trace" : "static",
    };
  });
}

function planFromTrace(migration: Migration, trace: MigrationTrace, findings: Finding[]): PlanStatement[] {
  const byIndex = new Map<number, StatementTrace>(trace.statements.map((s) => [s.index, s]));
  const plan: PlanStatement[] = [];
  for (const [index, statement] of migration.statements.entries()) {
    const traced = byIndex.get(index);
    if (!traced) continue;
    const tableLocks = traced.locks.filter((l) => l.kind !== "index" && l.kind !== "sequence");
    const locks = tableLocks.length > 0 ? tableLocks : traced.locks;
    const lock = strongest(locks.map((l) => l.mode));
    // A rebuilt index is a rewrite too: a new file built from every row, under the statement's lock.
    const rewritten = traced.rewrites.filter((r) => r.kind === "table" || r.kind === "matview" || r.kind === "index");
    const step: PlanStatement = {
      line: statement.span.line,
      sql: statement.sql,
      lock,
      tables: [...new Set(locks.filter((l) => l.mode === lock).map((l) => l.relation))],
      blocks: blockedBy(lock),
      rewrite: rewritten.some((r) => r.existedBefore),
      rewritten: rewritten
        .filter((r) => r.existedBefore)
        .map((r) => (r.kind === "index" ? `index ${r.relation}` : r.relation)),
      scan: traced.scans.length > 0,
      newTable: locks.length > 0 && locks.every((l) => !l.existedBefore),
      transaction: traced.transaction,
      rollback: rollbackStrategy(statement),
      findings: findingRules(statement, findings),
    };
    const dataCheck = staticDataCheck(statement);
    if (dataCheck) step.dataCheck = dataCheck;
    if (traced.heldFor !== undefined) step.heldFor = traced.heldFor;
    if (traced.error) step.error = traced.error.message;
    plan.push(step);
  }
  return plan;
}

function planStatically(migration: Migration, input: PlanInput, createdBefore: Set<string>): PlanStatement[] {
  const created = new Set(createdBefore);
  let explicit = false;
  const plan: PlanStatement[] = [];
  for (const statement of migration.statements) {
    const transactionKind = as(statement.ast, "TransactionStmt")?.kind;
    if (transactionKind === "TRANS_STMT_BEGIN" || transactionKind === "TRANS_STMT_START") explicit = true;
    const effects = statement.ast ? statementEffects(statement.ast, input.pgVersion) : [];
    const existing = effects.filter((e) => !created.has(e.table));
    const lock = strongest(effects.map((e) => e.lock));
    const transaction: PlanStatement["transaction"] = statement.autocommit
      ? "none"
      : explicit
        ? "explicit"
        : migration.transactional
          ? "migration"
          : "none";
    const dataCheck = staticDataCheck(statement);
    plan.push({
      ...(dataCheck ? { dataCheck } : {}),
      line: statement.span.line,
      sql: statement.sql,
      lock,
      tables: [...new Set(effects.filter((e) => e.lock === lock).map((e) => e.table || e.index || ""))].filter(Boolean),
      blocks: blockedBy(lock),
      rewrite: existing.some((e) => e.rewrite),
      scan: existing.some((e) => e.scan),
      newTable: createdTables(statement).length > 0 || (effects.length > 0 && existing.length === 0),
      transaction,
      rollback: rollbackStrategy(statement),
      findings: findingRules(statement, input.findings),
    });
    if (transactionKind === "TRANS_STMT_COMMIT" || transactionKind === "TRANS_STMT_ROLLBACK") explicit = false;
    for (const table of createdTables(statement)) created.add(table);
  }
  return plan;
}

/** Rule ids of the findings on the statement's lines. */
function findingRules(statement: Pick<Statement, "path" | "span">, findings: Finding[]): string[] {
  const rules = findings
    .filter(
      (f) =>
        f.path === statement.path &&
        (f.statementLine === statement.span.line ||
          (f.line >= statement.span.line && f.line <= statement.span.endLine)),
    )
    .map((f) => f.rule);
  return [...new Set(rules)];
}

/** The plan with each statement's findings replaced by those that passed the gate (`rules/gate.ts`). */
export function attachFindings(plan: PlanMigration[], findings: Finding[]): PlanMigration[] {
  return plan.map((migration) => ({
    ...migration,
    statements: migration.statements.map((statement) => {
      const lines = statement.sql.split("\n").length;
      const span = { line: statement.line, column: 1, endLine: statement.line + lines - 1, endColumn: 1 };
      const onStatements = findings.filter((f) => f.scope !== "migration");
      return { ...statement, findings: findingRules({ path: migration.path, span }, onStatements) };
    }),
  }));
}

/**
 * How the statement rolls back: data it drops or rewrites in place cannot come
 * back (`data-loss` when the schema can be restored, `irreversible` for DML
 * whose previous values are gone); everything else is reversible.
 */
export function rollbackStrategy(statement: Statement): PlanStatement["rollback"] {
  const ast = statement.ast;
  if (!ast) return "reversible";
  if (as(ast, "UpdateStmt") || as(ast, "DeleteStmt")) return "irreversible";
  if (as(ast, "TruncateStmt")) return "data-loss";
  const drop = as(ast, "DropStmt");
  if (drop) {
    const kind = drop.removeType ?? "";
    return ["OBJECT_TABLE", "OBJECT_SCHEMA", "OBJECT_MATVIEW", "OBJECT_SEQUENCE", "OBJECT_TYPE"].includes(kind)
      ? "data-loss"
      : "reversible";
  }
  if (as(ast, "DropdbStmt")) return "data-loss";
  const alter = as(ast, "AlterTableStmt");
  const subtypes = (alter?.cmds ?? []).map((cmd) => as(cmd, "AlterTableCmd")?.subtype);
  if (subtypes.includes("AT_DropColumn")) return "data-loss";
  // Loosenings: rows written after deploy may not fit the constraint the rollback puts back.
  if (subtypes.includes("AT_DropNotNull") || subtypes.includes("AT_DropConstraint")) return "needs-data-check";
  if (as(ast, "AlterEnumStmt")?.newVal && !as(ast, "AlterEnumStmt")?.oldVal) return "needs-data-check";
  return "reversible";
}

/** The count to run before rolling back a statement, when the statement alone names it (DROP NOT NULL). */
export function staticDataCheck(statement: Statement): string | undefined {
  const alter = as(statement.ast, "AlterTableStmt");
  if (!alter?.relation) return undefined;
  const columns = (alter.cmds ?? [])
    .map((cmd) => as(cmd, "AlterTableCmd"))
    .filter((cmd) => cmd?.subtype === "AT_DropNotNull" && cmd.name)
    .map((cmd) => `${ident(cmd?.name as string)} IS NULL`);
  if (columns.length === 0) return undefined;
  const table = alter.relation.schemaname
    ? `${ident(alter.relation.schemaname)}.${ident(alter.relation.relname ?? "")}`
    : ident(alter.relation.relname ?? "");
  return `SELECT count(*) FROM ${table} WHERE ${columns.join(" OR ")}`;
}

function createdTables(statement: Statement): string[] {
  const create = as(statement.ast, "CreateStmt");
  if (create) return [tableKey(create.relation)];
  const createAs = as(statement.ast, "CreateTableAsStmt");
  if (createAs?.into?.rel) return [tableKey(createAs.into.rel)];
  return [];
}

/**
 * AccessExclusiveLock on an existing table is held from the statement that
 * takes it to the end of its transaction: count the statements it covers.
 */
function totals(statements: PlanStatement[]): PlanMigration["totals"] {
  const held = new Set<number>();
  statements.forEach((statement, index) => {
    if (statement.lock !== "AccessExclusiveLock" || statement.newTable) return;
    const span = statement.heldFor ?? heldStatically(statements, index);
    for (let i = index; i < index + span && i < statements.length; i++) held.add(i);
  });
  const rewritten = new Set<string>();
  for (const statement of statements) {
    if (!statement.rewrite) continue;
    for (const table of statement.rewritten ?? statement.tables) if (!table.startsWith("index ")) rewritten.add(table);
  }
  return { accessExclusiveStatements: held.size, tablesRewritten: [...rewritten] };
}

function heldStatically(statements: PlanStatement[], index: number): number {
  const start = statements[index] as PlanStatement;
  if (start.transaction === "none") return 1;
  let count = 0;
  for (let i = index; i < statements.length; i++) {
    const statement = statements[i] as PlanStatement;
    if (statement.transaction !== start.transaction) break;
    count++;
    if (/^\s*(commit|end|rollback)\b/i.test(statement.sql)) break;
  }
  return count;
}
