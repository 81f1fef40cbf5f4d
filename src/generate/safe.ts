/**
 * Safe by construction: a generated SQL migration (Prisma's own output) is
 * reshaped, on tables that already exist and so may hold rows and traffic,
 * into the patterns that do not block or fail, each in a migration of its own
 * where PostgreSQL needs a separate transaction:
 * - `CREATE INDEX` → `CREATE INDEX CONCURRENTLY`, alone in its migration (Prisma
 *   sends a one-statement migration.sql outside a transaction block);
 * - `ADD CONSTRAINT … FOREIGN KEY` → `… NOT VALID` here, `VALIDATE CONSTRAINT` in a later migration;
 * - a column that must become NOT NULL (added NOT NULL with no default, or `SET
 *   NOT NULL`) → added nullable here, backfilled with the value the author gave
 *   plus a `CHECK (… IS NOT NULL) NOT VALID` next, then `VALIDATE` and `SET NOT
 *   NULL` (which uses the validated check instead of scanning) last. Without a
 *   value for existing rows it is refused: guessing one is not ours to do.
 * The catalog after all the steps is the one the original SQL gives.
 */
import type { Node } from "@pgsql/types";
import { parseSync } from "libpg-query";
import { alterCommands, as, tableKey } from "../sql/ast.js";
import { parseSql } from "../sql/parse.js";

export interface SafeMigration {
  /** Appended to the migration's name (`<name>_<suffix>`); null for the first, main one. */
  suffix: string | null;
  sql: string;
}

export interface Refusal {
  table: string;
  column: string;
  statement: string;
  reason: string;
}

export interface SafePlan {
  migrations: SafeMigration[];
  /** One line per rewrite: what changed and why. */
  notes: string[];
  refusals: Refusal[];
}

export interface SafeOptions {
  /** SQL value expressions for existing rows, by `column` or `table.column`. */
  backfill: Record<string, string>;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** A statement with the text before it (Prisma's `-- CreateIndex` header and blank lines). */
interface Chunk {
  lead: string;
  sql: string;
  ast: Node | null;
}

function chunks(script: string): Chunk[] {
  const { statements } = parseSql(script, "generated.sql");
  const lines = script.split("\n");
  const offsetOf = (line: number, column: number) =>
    lines.slice(0, line - 1).reduce((sum, text) => sum + text.length + 1, 0) + column - 1;
  const result: Chunk[] = [];
  let cursor = 0;
  for (const statement of statements) {
    const start = offsetOf(statement.span.line, statement.span.column);
    let end = offsetOf(statement.span.endLine, statement.span.endColumn);
    while (end < script.length && script[end - 1] !== ";" && script[end] === ";") end++;
    if (script[end] === ";") end++;
    result.push({ lead: script.slice(cursor, start), sql: script.slice(start, end), ast: statement.ast });
    cursor = end;
  }
  if (cursor < script.length && result.length > 0) {
    const last = result[result.length - 1] as Chunk;
    last.sql += script.slice(cursor);
  }
  return result;
}

function createdTables(list: Chunk[]): Set<string> {
  const created = new Set<string>();
  for (const chunk of list) {
    const create = as(chunk.ast, "CreateStmt");
    if (create) created.add(tableKey(create.relation));
  }
  return created;
}

/** Byte offset → character offset in `text` (libpg-query locations are in bytes). */
function charOffset(text: string, bytes: number): number {
  return Buffer.from(text, "utf8").subarray(0, bytes).toString("utf8").length;
}

export function makeSafe(script: string, options: SafeOptions): SafePlan {
  const list = chunks(script);
  const created = createdTables(list);
  const exists = (rel: Parameters<typeof tableKey>[0]) => !created.has(tableKey(rel));
  const main: string[] = [];
  const indexes: Array<{ name: string; sql: string }> = [];
  const backfills: string[] = [];
  const validations: string[] = [];
  const notes: string[] = [];
  const refusals: Refusal[] = [];

  const valueFor = (table: string, column: string) =>
    options.backfill[`${table}.${column}`] ?? options.backfill[column];

  for (const chunk of list) {
    let sql = chunk.sql;
    const index = as(chunk.ast, "IndexStmt");
    if (index && !index.concurrent && exists(index.relation)) {
      const concurrent = sql.replace(/^CREATE\s+(UNIQUE\s+)?INDEX\b/i, (head) => `${head} CONCURRENTLY`);
      indexes.push({
        name: index.idxname ?? "index",
        sql: `${chunk.lead.replace(/^\n+/, "")}${concurrent.trimEnd()}\n`,
      });
      notes.push(
        `${index.idxname}: built CONCURRENTLY in a migration of its own (Prisma runs a one-statement migration.sql outside a transaction), so writes to ${index.relation?.relname} go on during the build`,
      );
      continue;
    }
    const alter = as(chunk.ast, "AlterTableStmt");
    if (alter && exists(alter.relation)) {
      const table = alter.relation?.relname ?? "";
      const commands = alterCommands(alter);
      const foreignKey = commands.length === 1 ? as(commands[0]?.def, "Constraint") : undefined;
      if (foreignKey?.contype === "CONSTR_FOREIGN" && !foreignKey.skip_validation) {
        sql = sql.replace(/;\s*$/, " NOT VALID;");
        validations.push(`ALTER TABLE ${quote(table)} VALIDATE CONSTRAINT ${quote(foreignKey.conname ?? "")};`);
        notes.push(
          `${foreignKey.conname}: added NOT VALID (no scan under the lock), validated in a later migration that takes only SHARE UPDATE EXCLUSIVE`,
        );
      }
      const required = requiredColumns(commands);
      for (const { column, cut } of required) {
        const value = valueFor(table, column.name);
        if (value === undefined) {
          refusals.push({
            table,
            column: column.name,
            statement: chunk.sql.trim(),
            reason: column.added
              ? `"${table}"."${column.name}" is added NOT NULL with no default: the migration fails on a table with rows`
              : `"${table}"."${column.name}" becomes NOT NULL: the migration fails if a row holds NULL, and checks every row under an ACCESS EXCLUSIVE lock`,
          });
          continue;
        }
        sql = cut(sql);
        const check = quote(`${table}_${column.name}_not_null`.slice(0, 63));
        backfills.push(
          `-- Backfill\nUPDATE ${quote(table)} SET ${quote(column.name)} = ${value} WHERE ${quote(column.name)} IS NULL;`,
          `ALTER TABLE ${quote(table)} ADD CONSTRAINT ${check} CHECK (${quote(column.name)} IS NOT NULL) NOT VALID;`,
        );
        validations.push(
          `ALTER TABLE ${quote(table)} VALIDATE CONSTRAINT ${check};`,
          `ALTER TABLE ${quote(table)} ALTER COLUMN ${quote(column.name)} SET NOT NULL;`,
          `ALTER TABLE ${quote(table)} DROP CONSTRAINT ${check};`,
        );
        notes.push(
          `"${table}"."${column.name}": ${column.added ? "added nullable" : "left nullable"} first, existing rows backfilled with ${value}, then SET NOT NULL through a validated CHECK (no full scan under ACCESS EXCLUSIVE); deploy code that writes "${column.name}" before the backfill migration`,
        );
      }
      if (sql.trim() === "") continue;
    }
    main.push(chunk.lead + sql);
  }
  const migrations: SafeMigration[] = [];
  const mainSql = main.join("").replace(/^\n+/, "");
  if (mainSql.trim()) migrations.push({ suffix: null, sql: mainSql.endsWith("\n") ? mainSql : `${mainSql}\n` });
  for (const [i, index] of indexes.entries())
    migrations.push({ suffix: indexes.length === 1 ? "index" : `index_${i + 1}`, sql: index.sql });
  if (backfills.length > 0) migrations.push({ suffix: "backfill", sql: `${backfills.join("\n")}\n` });
  if (validations.length > 0) migrations.push({ suffix: "validate", sql: `-- Validate\n${validations.join("\n")}\n` });
  // With nothing left for the main migration, the first step carries the plain name.
  if (!mainSql.trim() && migrations[0]) migrations[0] = { ...migrations[0], suffix: null };
  return { migrations, notes, refusals };
}

interface RequiredColumn {
  column: { name: string; added: boolean };
  /** Removes the NOT NULL requirement from the statement text. */
  cut: (sql: string) => string;
}

/** Columns the statement makes NOT NULL with no value for existing rows. */
function requiredColumns(commands: ReturnType<typeof alterCommands>): RequiredColumn[] {
  const found: RequiredColumn[] = [];
  for (const command of commands) {
    const definition = as(command.def, "ColumnDef");
    if (command.subtype === "AT_AddColumn" && definition) {
      const constraints = (definition.constraints ?? []).map((c) => as(c, "Constraint"));
      const notNull = constraints.find((c) => c?.contype === "CONSTR_NOTNULL");
      const hasDefault = constraints.some((c) => c?.contype === "CONSTR_DEFAULT" || c?.contype === "CONSTR_IDENTITY");
      const serial = /^(small|big)?serial\d?$/.test(
        definition.typeName?.names?.map((n) => as(n, "String")?.sval).at(-1) ?? "",
      );
      if (notNull && !hasDefault && !serial) {
        const name = definition.colname ?? "";
        found.push({
          column: { name, added: true },
          cut: (text) => {
            // Locate this column's NOT NULL in the statement as it is now (earlier cuts moved offsets).
            const parsed = parseSync(text).stmts?.[0]?.stmt;
            const def = alterCommands(as(parsed, "AlterTableStmt") ?? {})
              .map((c) => as(c.def, "ColumnDef"))
              .find((d) => d?.colname === name);
            const location = def?.constraints
              ?.map((c) => as(c, "Constraint"))
              .find((c) => c?.contype === "CONSTR_NOTNULL")?.location;
            if (location === undefined) return text;
            const at = charOffset(text, location);
            return text.slice(0, at).replace(/\s+$/, "") + text.slice(at + "NOT NULL".length);
          },
        });
      }
    }
    if (command.subtype === "AT_SetNotNull" && command.name) {
      const name = command.name;
      found.push({
        column: { name, added: false },
        cut: (text) => {
          const pattern = new RegExp(`,?\\s*ALTER COLUMN ${escapeRegExp(quote(name))} SET NOT NULL`);
          const cutText = text.replace(pattern, "");
          // The subcommand was the statement's only one: drop the statement.
          return /^ALTER TABLE\s+("[^"]*"|\S+)(\.("[^"]*"|\S+))?\s*;\s*$/i.test(cutText.trim())
            ? ""
            : cutText.replace(/^(ALTER TABLE\s+(?:"[^"]*"|\S+)(?:\.(?:"[^"]*"|\S+))?)\s*,\s*/i, "$1 ");
        },
      });
    }
  }
  return found;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
