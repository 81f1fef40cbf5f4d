/** The plan as text (terminal) and as the JSON contract's `plan` key (design.md). */
import { createColors } from "picocolors";
import { shortLockName } from "../sql/locks.js";
import type { EngineInfo, PlanMigration, PlanStatement } from "../types.js";

/** `plan --format json`: `{ migration, statements: [ { line, sql, lock, blocks, rewrite, newTable, transaction, rollback } ] }`. */
export function planJson(plan: PlanMigration[]): unknown[] {
  return plan.map((migration) => ({
    migration: migration.path,
    id: migration.migration,
    source: migration.source,
    statements: migration.statements.map((s) => ({
      line: s.line,
      sql: s.sql,
      lock: s.lock,
      tables: s.tables,
      blocks: s.blocks,
      rewrite: s.rewrite,
      rewritten: s.rewritten ?? null,
      scan: s.scan,
      newTable: s.newTable,
      transaction: s.transaction,
      rollback: s.rollback,
      ...(s.dataCheck ? { dataCheck: s.dataCheck } : {}),
      findings: s.findings,
      heldFor: s.heldFor ?? null,
      error: s.error ?? null,
    })),
    totals: migration.totals,
  }));
}

const ROLLBACK_TEXT: Record<PlanStatement["rollback"], string> = {
  reversible: "reversible",
  "data-loss": "reversible with data loss",
  "needs-data-check": "reversible if the rows written since fit: check first",
  irreversible: "irreversible",
};

export function renderPlanText(plan: PlanMigration[], options: { color: boolean; engine?: EngineInfo }): string {
  const c = createColors(options.color);
  const lines: string[] = [];
  const engine = options.engine;
  const replayed = engine
    ? `as replayed on ${engine.serverVersion}, TimeZone ${engine.timezone} (trace.timezone)`
    : "as replayed on the embedded PostgreSQL";
  for (const migration of plan) {
    const how = migration.source === "trace" ? replayed : "from the static lock table";
    lines.push(c.bold(c.underline(migration.path)), c.dim(`  plan ${how}`));
    let step = 1;
    let transaction: PlanStatement["transaction"] | null = null;
    for (const statement of migration.statements) {
      if (statement.transaction !== transaction) {
        if (transaction === "migration") lines.push(`  ${step++}. COMMIT ${c.dim("(the tool's transaction ends)")}`);
        if (statement.transaction === "migration")
          lines.push(`  ${step++}. BEGIN ${c.dim("(the tool wraps the migration in one transaction)")}`);
        transaction = statement.transaction;
      }
      lines.push(`  ${step++}. ${c.dim(`line ${statement.line}`)}  ${c.cyan(excerpt(statement.sql))}`);
      lines.push(`       ${describe(statement, c)}`);
      const extra = [`rollback: ${ROLLBACK_TEXT[statement.rollback]}`];
      if (statement.dataCheck) extra.push(`before rolling back: ${statement.dataCheck}`);
      if (statement.findings.length > 0) extra.push(`findings: ${statement.findings.join(", ")}`);
      lines.push(`       ${c.dim(extra.join(" · "))}`);
      if (statement.error) lines.push(`       ${c.red("fails:")} ${statement.error}`);
    }
    if (transaction === "migration") lines.push(`  ${step++}. COMMIT ${c.dim("(the tool's transaction ends)")}`);
    const { accessExclusiveStatements, tablesRewritten } = migration.totals;
    lines.push(
      `  ${c.bold("totals:")} AccessExclusiveLock on existing tables held across ${accessExclusiveStatements} statement(s); tables rewritten: ${
        tablesRewritten.length > 0 ? tableList(tablesRewritten).replaceAll("`", "") : "none"
      }`,
      "",
    );
  }
  if (plan.length === 0) lines.push("no pending migrations to plan", "");
  return lines.join("\n");
}

function describe(statement: PlanStatement, c: ReturnType<typeof createColors>): string {
  if (!statement.lock) return "no table lock (catalog only)";
  const on = statement.tables.length > 0 ? ` on ${tableList(statement.tables)}` : "";
  const parts = [`${shortLockName(statement.lock)}${on}`];
  if (statement.newTable) parts.push("new table");
  else if (statement.blocks.length > 0) parts.push(c.yellow(`blocks ${statement.blocks.join(", ")}`));
  if (statement.rewrite) parts.push(c.red(`rewrites ${tableList(statement.rewritten ?? statement.tables)}`));
  else if (statement.scan) parts.push("scans the table");
  if (statement.heldFor && statement.heldFor > 1) parts.push(`held for ${statement.heldFor} statements`);
  if (statement.transaction === "none") parts.push("outside a transaction");
  return parts.join(" · ");
}

/** Up to five tables by name, then how many more (changing a referenced key locks every referencing table). */
function tableList(tables: string[]): string {
  const shown = tables.slice(0, 5).map((t) => `\`${t}\``);
  return tables.length > 5 ? `${shown.join(", ")} and ${tables.length - 5} more` : shown.join(", ");
}

function excerpt(sql: string): string {
  const flat = sql.replace(/\s+/g, " ").trim();
  return flat.length > 120 ? `${flat.slice(0, 117)}...` : flat;
}
