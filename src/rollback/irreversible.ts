/**
 * What no rollback brings back: rows and values. Found from the statement
 * (DML) and from what the statement did to the schema (a table or column that
 * existed before the migration is gone, an enum value is gone, a narrowing cast).
 */
import { displayName } from "../engine/catalog/diff.js";
import type { SchemaSnapshot } from "../engine/catalog/types.js";
import { as, tableKey, tagOf } from "../sql/ast.js";
import type { Statement } from "../types.js";
import type { IrreversiblePart } from "./types.js";

const DML = new Set(["InsertStmt", "UpdateStmt", "DeleteStmt", "MergeStmt", "TruncateStmt", "CopyStmt"]);

/** Lossless type changes: the old values convert back exactly. */
const WIDENING: Array<[RegExp, RegExp]> = [
  [/^smallint$/, /^(integer|bigint|numeric.*|real|double precision|text|character varying.*)$/],
  [/^integer$/, /^(bigint|numeric.*|double precision|text|character varying.*)$/],
  [/^bigint$/, /^(numeric.*|text|character varying.*)$/],
  [/^real$/, /^(double precision|text)$/],
  [/^character varying$/, /^text$/],
  [/^character varying\(\d+\)$/, /^(text|character varying)$/],
  [/^character\(\d+\)$/, /^(text|character varying)$/],
  [/^timestamp without time zone$/, /^timestamp with time zone$/],
  [/^date$/, /^(timestamp.*|text)$/],
  [/^uuid$/, /^text$/],
  [/^json$/, /^(jsonb|text)$/],
  [/^citext$/, /^text$/],
];

function isWidening(from: string, to: string): boolean {
  const varchar = /^character varying\((\d+)\)$/;
  const a = varchar.exec(from);
  const b = varchar.exec(to);
  if (a && b) return Number(b[1]) >= Number(a[1]);
  const numeric = /^numeric\((\d+),(\d+)\)$/;
  const na = numeric.exec(from);
  const nb = numeric.exec(to);
  if (na && nb) return Number(nb[2]) >= Number(na[2]) && Number(nb[1]) - Number(nb[2]) >= Number(na[1]) - Number(na[2]);
  if (/^numeric\(/.test(from) && to === "numeric") return true;
  if (from.endsWith("[]") && to.endsWith("[]")) return isWidening(from.slice(0, -2), to.slice(0, -2));
  return WIDENING.some(([f, t]) => f.test(from) && t.test(to));
}

/** Values of enum `from` missing from enum `to`; null when the types are not both enums. */
function lostEnumValues(from: string, to: string, before: SchemaSnapshot, after: SchemaSnapshot): string[] | null {
  const find = (snapshot: SchemaSnapshot, type: string) =>
    snapshot.enums.find((e) => type.replace(/\[\]$/, "") === displayName(e.schema, e.name));
  const a = find(before, from);
  const b = find(after, to);
  if (!a || !b) return null;
  return a.values.filter((v) => !b.values.includes(v));
}

function dmlTarget(statement: Statement): string | null {
  const ast = statement.ast;
  const tag = tagOf(ast);
  if (!tag) return null;
  const relation =
    as(ast, "InsertStmt")?.relation ??
    as(ast, "UpdateStmt")?.relation ??
    as(ast, "DeleteStmt")?.relation ??
    as(ast, "MergeStmt")?.relation ??
    as(ast, "CopyStmt")?.relation;
  if (relation) return tableKey(relation);
  const truncate = as(ast, "TruncateStmt");
  if (truncate) return (truncate.relations ?? []).map((r) => tableKey(as(r, "RangeVar"))).join(", ");
  return null;
}

function tableExisted(snapshot: SchemaSnapshot, key: string): boolean {
  return snapshot.tables.some((t) => displayName(t.schema, t.name) === key || t.name === key);
}

/** A PL/pgSQL body that writes rows. */
function doBlockWrites(statement: Statement): boolean {
  const doStmt = as(statement.ast, "DoStmt");
  if (!doStmt) return false;
  return /\b(insert\s+into|update\s+\S+\s+set|delete\s+from|truncate)\b/i.test(statement.sql);
}

/**
 * The irreversible parts of one statement, given the schema when the migration
 * started (`start`), and just before and after this statement.
 */
export function irreversibleParts(
  statement: Statement,
  start: SchemaSnapshot,
  before: SchemaSnapshot,
  after: SchemaSnapshot,
): IrreversiblePart[] {
  const line = statement.span.line;
  const parts: IrreversiblePart[] = [];
  const tag = tagOf(statement.ast);
  if (tag && DML.has(tag)) {
    const target = dmlTarget(statement);
    // Rows written into a table this migration creates go away with the table on rollback.
    if (target && !target.split(", ").some((t) => tableExisted(start, t))) return parts;
    const verb =
      tag === "InsertStmt"
        ? "inserts rows into"
        : tag === "TruncateStmt"
          ? "empties"
          : tag === "CopyStmt"
            ? "loads rows into"
            : tag === "DeleteStmt"
              ? "deletes rows from"
              : "changes rows of";
    parts.push({
      line,
      reason: `${verb} \`${target}\`: a schema rollback does not restore the rows as they were`,
      alternative:
        tag === "InsertStmt" || tag === "CopyStmt"
          ? "give the rows a marker or known keys so the rollback can delete exactly them"
          : `copy the affected rows to a backup table first (\`CREATE TABLE ${target}_backup AS SELECT …\`) so the rollback can put them back`,
    });
    return parts;
  }
  if (doBlockWrites(statement))
    parts.push({
      line,
      reason: "the DO block writes rows: a schema rollback does not restore them",
      alternative: "copy the rows it changes to a backup table first so the rollback can put them back",
    });

  // Same database throughout: oids follow objects across renames within the migration.
  const startTables = new Map(start.tables.map((t) => [t.oid, t]));
  const startEnums = new Map(start.enums.map((e) => [e.oid, e]));
  const afterTables = new Map(after.tables.map((t) => [t.oid, t]));
  const isTable = (kind: string) => kind === "table" || kind === "partitioned";
  for (const table of before.tables) {
    if (!isTable(table.kind)) continue;
    const name = displayName(table.schema, table.name);
    const original = startTables.get(table.oid);
    const now = afterTables.get(table.oid);
    if (!now) {
      // Renamed objects keep their oid; only a table really gone loses rows.
      if (original)
        parts.push({
          line,
          reason: `drops table \`${name}\` and its rows: the rollback recreates it empty`,
          alternative: `rename it instead (\`ALTER TABLE ${name} RENAME TO ${table.name}_deprecated\`) and drop it in a later release, or copy it to a backup table first`,
        });
      continue;
    }
    for (const column of table.columns) {
      const kept = now.columns.find((c) => c.oid === column.oid);
      const existed = original?.columns.some((c) => c.oid === column.oid) === true;
      if (!kept) {
        if (existed)
          parts.push({
            line,
            reason: `drops column \`${name}.${column.name}\` and its values: the rollback adds it back empty`,
            alternative: `stop using it, rename it (e.g. \`${column.name}_deprecated\`) and drop it in a later release, or copy it to a backup table first`,
          });
        continue;
      }
      if (!existed || kept.type === column.type) continue;
      const lost = lostEnumValues(column.type, kept.type, before, after);
      if (lost === null && isWidening(column.type, kept.type)) continue;
      if (lost !== null && lost.length === 0) continue;
      parts.push({
        line,
        reason:
          lost === null
            ? `changes \`${name}.${kept.name}\` from ${column.type} to ${kept.type}: values that do not fit are truncated or rounded, and converting back does not restore them`
            : `converts \`${name}.${kept.name}\` to an enum without ${lost.map((v) => `'${v}'`).join(", ")}: rows that held those values cannot be told apart afterwards`,
        alternative:
          lost === null
            ? "add a new column of the new type, backfill it, switch reads, and drop the old column later"
            : "keep the values in the type and stop writing them; remove them once no row holds them",
      });
    }
  }
  for (const enumType of after.enums) {
    const name = displayName(enumType.schema, enumType.name);
    const previous = before.enums.find((e) => e.oid === enumType.oid);
    const original = startEnums.get(enumType.oid);
    if (!previous || !original) continue;
    const lost = previous.values.filter((v) => original.values.includes(v) && !enumType.values.includes(v));
    if (lost.length > 0)
      parts.push({
        line,
        reason: `removes value ${lost.map((v) => `'${v}'`).join(", ")} from enum \`${name}\`: rows that held it cannot be told apart afterwards`,
        alternative: "keep the value and stop writing it; remove it later once no row holds it",
      });
  }
  return parts;
}
