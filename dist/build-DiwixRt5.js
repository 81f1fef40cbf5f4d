import { c as strongest, b as blockedBy, d as as, e as statementEffects, t as tableKey } from './effects-BBKZNnrX.js';

function buildPlan(migrations, input) {
  const created = /* @__PURE__ */ new Set();
  return migrations.map((migration) => {
    const trace = input.traces?.find((t) => t.migration === migration);
    const statements = trace ? planFromTrace(migration, trace, input.findings) : planStatically(migration, input, created);
    for (const statement of migration.statements) for (const table of createdTables(statement)) created.add(table);
    return {
      migration: migration.id,
      path: migration.path,
      statements,
      totals: totals(statements),
      source: trace ? "trace" : "static"
    };
  });
}
function planFromTrace(migration, trace, findings) {
  const byIndex = new Map(trace.statements.map((s) => [s.index, s]));
  const plan = [];
  for (const [index, statement] of migration.statements.entries()) {
    const traced = byIndex.get(index);
    if (!traced) continue;
    const tableLocks = traced.locks.filter((l) => l.kind !== "index" && l.kind !== "sequence");
    const locks = tableLocks.length > 0 ? tableLocks : traced.locks;
    const lock = strongest(locks.map((l) => l.mode));
    const rewritten = traced.rewrites.filter((r) => r.kind === "table" || r.kind === "matview");
    const step = {
      line: statement.span.line,
      sql: statement.sql,
      lock,
      tables: [...new Set(locks.filter((l) => l.mode === lock).map((l) => l.relation))],
      blocks: blockedBy(lock),
      rewrite: rewritten.some((r) => r.existedBefore),
      rewritten: rewritten.filter((r) => r.existedBefore).map((r) => r.relation),
      scan: traced.scans.length > 0,
      newTable: locks.length > 0 && locks.every((l) => !l.existedBefore),
      transaction: traced.transaction,
      rollback: rollbackStrategy(statement),
      findings: findingRules(statement, findings)
    };
    if (traced.heldFor !== void 0) step.heldFor = traced.heldFor;
    if (traced.error) step.error = traced.error.message;
    plan.push(step);
  }
  return plan;
}
function planStatically(migration, input, createdBefore) {
  const created = new Set(createdBefore);
  let explicit = false;
  const plan = [];
  for (const statement of migration.statements) {
    const transactionKind = as(statement.ast, "TransactionStmt")?.kind;
    if (transactionKind === "TRANS_STMT_BEGIN" || transactionKind === "TRANS_STMT_START") explicit = true;
    const effects = statement.ast ? statementEffects(statement.ast, input.pgVersion) : [];
    const existing = effects.filter((e) => !created.has(e.table));
    const lock = strongest(effects.map((e) => e.lock));
    const transaction = statement.autocommit ? "none" : explicit ? "explicit" : migration.transactional ? "migration" : "none";
    plan.push({
      line: statement.span.line,
      sql: statement.sql,
      lock,
      tables: [...new Set(effects.filter((e) => e.lock === lock).map((e) => e.table || e.index || ""))].filter(Boolean),
      blocks: blockedBy(lock),
      rewrite: existing.some((e) => e.rewrite),
      scan: existing.some((e) => e.scan),
      newTable: createdTables(statement).length > 0 || effects.length > 0 && existing.length === 0,
      transaction,
      rollback: rollbackStrategy(statement),
      findings: findingRules(statement, input.findings)
    });
    if (transactionKind === "TRANS_STMT_COMMIT" || transactionKind === "TRANS_STMT_ROLLBACK") explicit = false;
    for (const table of createdTables(statement)) created.add(table);
  }
  return plan;
}
function findingRules(statement, findings) {
  const rules = findings.filter((f) => f.path === statement.path && f.line >= statement.span.line && f.line <= statement.span.endLine).map((f) => f.rule);
  return [...new Set(rules)];
}
function rollbackStrategy(statement) {
  const ast = statement.ast;
  if (!ast) return "reversible";
  if (as(ast, "UpdateStmt") || as(ast, "DeleteStmt")) return "irreversible";
  if (as(ast, "TruncateStmt")) return "data-loss";
  const drop = as(ast, "DropStmt");
  if (drop) {
    const kind = drop.removeType ?? "";
    return ["OBJECT_TABLE", "OBJECT_SCHEMA", "OBJECT_MATVIEW", "OBJECT_SEQUENCE", "OBJECT_TYPE"].includes(kind) ? "data-loss" : "reversible";
  }
  if (as(ast, "DropdbStmt")) return "data-loss";
  const alter = as(ast, "AlterTableStmt");
  if (alter?.cmds?.some((cmd) => as(cmd, "AlterTableCmd")?.subtype === "AT_DropColumn")) return "data-loss";
  return "reversible";
}
function createdTables(statement) {
  const create = as(statement.ast, "CreateStmt");
  if (create) return [tableKey(create.relation)];
  const createAs = as(statement.ast, "CreateTableAsStmt");
  if (createAs?.into?.rel) return [tableKey(createAs.into.rel)];
  return [];
}
function totals(statements) {
  const held = /* @__PURE__ */ new Set();
  statements.forEach((statement, index) => {
    if (statement.lock !== "AccessExclusiveLock" || statement.newTable) return;
    const span = statement.heldFor ?? heldStatically(statements, index);
    for (let i = index; i < index + span && i < statements.length; i++) held.add(i);
  });
  const rewritten = /* @__PURE__ */ new Set();
  for (const statement of statements) {
    if (!statement.rewrite) continue;
    for (const table of statement.rewritten ?? statement.tables) rewritten.add(table);
  }
  return { accessExclusiveStatements: held.size, tablesRewritten: [...rewritten] };
}
function heldStatically(statements, index) {
  const start = statements[index];
  if (start.transaction === "none") return 1;
  let count = 0;
  for (let i = index; i < statements.length; i++) {
    const statement = statements[i];
    if (statement.transaction !== start.transaction) break;
    count++;
    if (/^\s*(commit|end|rollback)\b/i.test(statement.sql)) break;
  }
  return count;
}

export { buildPlan as b };
