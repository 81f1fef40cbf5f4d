/**
 * A generated migration must work on a database that holds data, not only on
 * empty tables: replay the history, put representative rows in every existing
 * table the new migrations touch (and the tables their foreign keys point to),
 * then apply the new migrations one by one with the tool's transaction
 * semantics. Nullable columns stay NULL (the case a NOT NULL change must handle).
 */
import type { Node } from "@pgsql/types";
import type { Engine } from "../engine/engine.js";
import { alterCommands, as, walk } from "../sql/ast.js";
import type { Migration } from "../types.js";

export interface RowsCheck {
  /** Tables that got rows before the new migrations ran, with how many. */
  seeded: Array<{ table: string; rows: number }>;
  /** Tables we could not fill, and why (the check then proves less). */
  unseeded: Array<{ table: string; reason: string }>;
  /** Each new migration, applied in order on top of the rows. */
  outcomes: Array<{ path: string; ok: boolean; message?: string }>;
  /** The base history did not replay cleanly: the check ran on what did. */
  replayFailures: number;
}

const ROWS = 3;

interface ColumnInfo {
  name: string;
  type: string;
  notNull: boolean;
  hasDefault: boolean;
  generated: boolean;
  enumLabel: string | null;
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
const quoteLiteral = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** The existing tables a migration's statements alter or index (schema-qualified keys as written). */
export function touchedTables(migrations: Migration[]): string[] {
  const created = new Set<string>();
  const touched = new Set<string>();
  const visit = (ast: Node | null) => {
    const create = as(ast, "CreateStmt");
    if (create?.relation?.relname) created.add(create.relation.relname);
    const alter = as(ast, "AlterTableStmt");
    if (alter?.relation?.relname) {
      touched.add(alter.relation.relname);
      for (const command of alterCommands(alter)) {
        walk(command, (tag, value) => {
          if (tag === "Constraint" && (value as { pktable?: { relname?: string } }).pktable?.relname)
            touched.add((value as { pktable: { relname: string } }).pktable.relname);
        });
      }
    }
    const index = as(ast, "IndexStmt");
    if (index?.relation?.relname) touched.add(index.relation.relname);
    const update = as(ast, "UpdateStmt");
    if (update?.relation?.relname) touched.add(update.relation.relname);
  };
  for (const migration of migrations) for (const statement of migration.statements) visit(statement.ast);
  return [...touched].filter((table) => !created.has(table));
}

function valueFor(column: ColumnInfo, n: number): string | null {
  const type = column.type;
  if (type.endsWith("[]")) return "'{}'";
  if (column.enumLabel !== null) return `${quoteLiteral(column.enumLabel)}`;
  if (/^(smallint|integer|bigint|numeric|real|double precision|decimal)/.test(type)) return String(n);
  if (/^(text|character varying|character|citext|name)/.test(type)) return quoteLiteral(String(n));
  if (type === "boolean") return n % 2 === 0 ? "true" : "false";
  if (type === "uuid") return "gen_random_uuid()";
  if (/^(timestamp|date|time)/.test(type)) return "now()";
  if (type === "json" || type === "jsonb") return "'{}'";
  if (type === "bytea") return "'\\x00'";
  if (type === "interval") return "'1 day'";
  if (type === "inet" || type === "cidr") return "'127.0.0.1'";
  return null;
}

async function seedTable(engine: Engine, table: string, seen: Set<string>, check: RowsCheck): Promise<boolean> {
  if (seen.has(table)) return check.seeded.some((s) => s.table === table);
  seen.add(table);
  const regclass = quoteLiteral(quoteIdent(table));
  const exists = await engine.query<{ ok: boolean }>(`SELECT to_regclass(${regclass}) IS NOT NULL AS ok`);
  if (!exists[0]?.ok) return false;
  const columns = await engine.query<ColumnInfo>(
    `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS "notNull",
            a.atthasdef AS "hasDefault", (a.attidentity <> '' OR a.attgenerated <> '') AS generated,
            (SELECT e.enumlabel FROM pg_enum e WHERE e.enumtypid = a.atttypid ORDER BY e.enumsortorder LIMIT 1) AS "enumLabel"
       FROM pg_attribute a WHERE a.attrelid = ${regclass}::regclass AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum`,
  );
  const foreignKeys = await engine.query<{ columns: string[]; ref: string; refColumns: string[] }>(
    `SELECT ARRAY(SELECT attname FROM pg_attribute WHERE attrelid = c.conrelid AND attnum = ANY (c.conkey)) AS columns,
            c.confrelid::regclass::text AS ref,
            ARRAY(SELECT attname FROM pg_attribute WHERE attrelid = c.confrelid AND attnum = ANY (c.confkey)) AS "refColumns"
       FROM pg_constraint c WHERE c.conrelid = ${regclass}::regclass AND c.contype = 'f'`,
  );
  const fixed = new Map<string, string>();
  for (const key of foreignKeys) {
    if (!key.columns.some((name) => columns.find((c) => c.name === name)?.notNull)) continue;
    const ref = key.ref.replace(/^"|"$/g, "");
    if (ref !== table && !(await seedTable(engine, ref, seen, check))) {
      check.unseeded.push({ table, reason: `its foreign key to ${ref} needs a row there, which could not be made` });
      return false;
    }
    const row = (
      await engine.query<Record<string, unknown>>(
        `SELECT ${key.refColumns.map((c, i) => `${quoteIdent(c)}::text AS c${i}`).join(", ")} FROM ${quoteIdent(ref)} LIMIT 1`,
      )
    )[0];
    if (!row) {
      check.unseeded.push({ table, reason: `its foreign key to ${ref} needs a row there` });
      return false;
    }
    for (const [i, name] of key.columns.entries()) fixed.set(name, quoteLiteral(String(row[`c${i}`])));
  }
  let inserted = 0;
  let lastError = "";
  for (let n = 1; n <= ROWS; n++) {
    const names: string[] = [];
    const values: string[] = [];
    for (const column of columns) {
      if (column.generated || !column.notNull || column.hasDefault) continue;
      const value = fixed.get(column.name) ?? valueFor(column, n);
      if (value === null) {
        check.unseeded.push({ table, reason: `no representative value for ${column.name} (${column.type})` });
        return false;
      }
      names.push(quoteIdent(column.name));
      values.push(value);
    }
    const sql =
      names.length === 0
        ? `INSERT INTO ${quoteIdent(table)} DEFAULT VALUES`
        : `INSERT INTO ${quoteIdent(table)} (${names.join(", ")}) VALUES (${values.join(", ")})`;
    const outcome = await engine.run([sql], { transactional: false });
    if (outcome.ok) inserted++;
    else lastError = outcome.message;
  }
  if (inserted === 0) {
    check.unseeded.push({ table, reason: lastError });
    return false;
  }
  check.seeded.push({ table, rows: inserted });
  return true;
}

export async function replayWithRows(
  history: Migration[],
  added: Migration[],
  options: { budgetMs: number; pgVersion?: number; log?: (message: string) => void },
): Promise<RowsCheck> {
  const { openEngine } = await import("../engine/engine.js");
  const engine = await openEngine({
    budgetMs: options.budgetMs,
    ...(options.pgVersion ? { pgVersion: options.pgVersion } : {}),
    ...(options.log ? { log: options.log } : {}),
  });
  try {
    const report = await engine.replay(history);
    const check: RowsCheck = { seeded: [], unseeded: [], outcomes: [], replayFailures: report.failures.length };
    const seen = new Set<string>();
    for (const table of touchedTables(added)) await seedTable(engine, table, seen, check);
    for (const migration of added) {
      const outcome = await engine.run(migration.statements, { transactional: migration.transactional });
      check.outcomes.push(
        outcome.ok
          ? { path: migration.path, ok: true }
          : {
              path: migration.path,
              ok: false,
              message: `line ${migration.statements[outcome.index]?.span.line ?? "?"}: ${outcome.message}`,
            },
      );
      if (!outcome.ok) break;
    }
    return check;
  } finally {
    await engine.close();
  }
}
