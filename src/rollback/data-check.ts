/**
 * Verification with data. A round trip on empty tables proves the schema, not
 * that the rollback runs on a live database: a migration that loosens the
 * schema (drops NOT NULL, widens a type, drops a unique, check or foreign key,
 * adds an enum value) lets rows in that its rollback then refuses. For each
 * loosening, rows the migration allows are seeded in the applied state and
 * the rollback is run on them; where it fails, the verdict is "verified-schema,
 * needs data check", with the query that finds such rows before rolling back.
 */
import { parseSync } from "libpg-query";
import type { ColumnSnapshot, SchemaSnapshot, TableSnapshot } from "../engine/catalog/types.js";
import { as, nameList, walk } from "../sql/ast.js";
import type { DataCheck } from "../types.js";
import { ident, literal, qualified } from "./sql-text.js";
import type { SqlSession } from "./verify.js";

/** Rows to seed: column name → SQL value expression, one object per row. */
type SeedRows = Array<Record<string, string>>;

export interface Loosening {
  /** The table as it is after the migration. */
  table: TableSnapshot;
  reason: string;
  query: string;
  /** Rows the migration allows; a string when they could not be built (why). */
  rows: SeedRows | string;
}

function tableName(t: TableSnapshot): string {
  return qualified(t.schema, t.name);
}

function label(t: TableSnapshot, column?: string): string {
  const table = t.schema === "public" ? t.name : `${t.schema}.${t.name}`;
  return column ? `${table}.${column}` : table;
}

const INT_RANGES: Record<string, [string, string]> = {
  smallint: ["-32768", "32767"],
  integer: ["-2147483648", "2147483647"],
  bigint: ["-9223372036854775808", "9223372036854775807"],
};
const INT_ORDER = ["smallint", "integer", "bigint", "numeric"];
const TEXTUAL = /^(text|character varying|character|varchar|citext)\b/;

/** What a wider type lets in that the old one refuses: the query and a value, or null. */
function wideningCheck(
  column: string,
  from: string,
  to: string,
): { query: string; value: string; what: string } | null {
  const c = ident(column);
  const limited = /^(character varying|character|bit varying|bit)\((\d+)\)$/.exec(from);
  if (limited) {
    const n = Number(limited[2]);
    const toLimit = /\((\d+)\)$/.exec(to);
    if (toLimit && Number(toLimit[1]) <= n) return null;
    if (limited[1]?.startsWith("bit")) return null;
    return {
      query: `length(${c}) > ${n}`,
      value: `repeat('x', ${n + 1})`,
      what: `${from} was widened to ${to}; values longer than ${n} do not fit back`,
    };
  }
  const range = INT_RANGES[from];
  if (range && INT_ORDER.indexOf(to.replace(/\(.*$/, "")) > INT_ORDER.indexOf(from)) {
    return {
      query: `${c} NOT BETWEEN ${range[0]} AND ${range[1]}`,
      value: `(${range[1]}::numeric + 1)`,
      what: `${from} was widened to ${to}; values outside ${from} do not fit back`,
    };
  }
  const numeric = /^numeric\((\d+),(\d+)\)$/.exec(from);
  if (numeric) {
    const digits = Number(numeric[1]) - Number(numeric[2]);
    const wider = /^numeric\((\d+),(\d+)\)$/.exec(to);
    if (wider && Number(wider[1]) - Number(wider[2]) <= digits) return null;
    if (!wider && to !== "numeric") return null;
    return {
      query: `abs(${c}) >= 1e${digits}`,
      value: `1e${digits}`,
      what: `${from} was widened to ${to}; values of ${digits + 1} or more integer digits do not fit back`,
    };
  }
  if (TEXTUAL.test(to) && !TEXTUAL.test(from)) {
    const shape: Record<string, string> = {
      smallint: "^\\s*[-+]?\\d+\\s*$",
      integer: "^\\s*[-+]?\\d+\\s*$",
      bigint: "^\\s*[-+]?\\d+\\s*$",
      uuid: "^\\s*\\{?[0-9a-fA-F]{8}-?([0-9a-fA-F]{4}-?){3}[0-9a-fA-F]{12}\\}?\\s*$",
      boolean: "^\\s*(t|true|f|false|y|yes|n|no|on|off|1|0)\\s*$",
    };
    const pattern = shape[from];
    if (!pattern) return null;
    return {
      query: `${c} !~* ${literal(pattern)}`,
      value: "'db-migrate: not a value of the old type'",
      what: `${from} became ${to}; text that is not a ${from} does not cast back`,
    };
  }
  return null;
}

/** The columns listed in a constraint definition, parsed by PostgreSQL's grammar. */
function constraintNode(definition: string): Record<string, unknown> | null {
  try {
    const ast = parseSync(`ALTER TABLE db_migrate_probe ADD ${definition}`).stmts?.[0]?.stmt;
    const alter = as(ast, "AlterTableStmt");
    const cmd = as(alter?.cmds?.[0], "AlterTableCmd");
    return (as(cmd?.def, "Constraint") as Record<string, unknown> | undefined) ?? null;
  } catch {
    return null;
  }
}

function indexColumns(definition: string): { columns: string[]; partial: boolean } | null {
  try {
    const index = as(parseSync(definition).stmts?.[0]?.stmt, "IndexStmt");
    if (!index) return null;
    const columns = (index.indexParams ?? []).map((p) => as(p, "IndexElem")?.name);
    if (columns.some((c) => c === undefined)) return null;
    return { columns: columns as string[], partial: !!index.whereClause };
  } catch {
    return null;
  }
}

function expressionColumns(expression: string): string[] {
  const names = new Set<string>();
  try {
    walk(parseSync(`SELECT ${expression}`).stmts?.[0]?.stmt, (tag, value) => {
      if (tag === "ColumnRef") {
        const parts = nameList(value.fields as never);
        const last = parts.at(-1);
        if (last) names.add(last);
      }
    });
  } catch {
    return [];
  }
  return [...names];
}

/** Sample values that tend to break a CHECK, per type. */
function checkCandidates(type: string): string[] {
  const base = type.replace(/\(.*$/, "");
  if (INT_RANGES[base] || base === "numeric" || base === "real" || base === "double precision")
    return ["-1", "0", "1", "-100000", "100000", "2147483647"].map((v) => `${v}::${type}`);
  if (TEXTUAL.test(type)) return ["''", "'db-migrate'", "' '", "'ZZZ'", "repeat('x', 300)"].map((v) => `${v}::${type}`);
  if (base === "boolean") return ["true::boolean", "false::boolean"];
  if (base.startsWith("timestamp") || base === "date")
    return ["'1900-01-01'", "'2999-12-31'", "now()"].map((v) => `${v}::${type}`);
  return [];
}

/** Finds, on the server, values of `columns` that make `NOT (check)` true. */
async function violatingValues(
  session: SqlSession,
  table: TableSnapshot,
  check: string,
  columns: string[],
): Promise<Record<string, string> | string> {
  const sources: string[] = [];
  for (const name of columns) {
    const column = table.columns.find((c) => c.name === name);
    if (!column) return `the check reads \`${name}\`, which is not a column of ${label(table)}`;
    const candidates = checkCandidates(column.type);
    if (candidates.length === 0) return `no sample values for type ${column.type}`;
    sources.push(`(VALUES ${candidates.map((v) => `(${v})`).join(", ")}) AS ${ident(`v_${name}`)}(${ident(name)})`);
  }
  const select = `SELECT ${columns.map((c) => `${ident(c)}::text AS ${ident(c)}`).join(", ")} FROM ${sources.join(" CROSS JOIN ")} WHERE NOT (${check}) LIMIT 1`;
  try {
    await session.exec("SAVEPOINT db_migrate_probe");
    const rows = await session.query(select);
    await session.exec("RELEASE SAVEPOINT db_migrate_probe");
    const row = rows[0];
    if (!row) return "none of the sample values breaks the check";
    return Object.fromEntries(
      columns.map((c) => {
        const column = table.columns.find((x) => x.name === c) as ColumnSnapshot;
        return [c, `${literal(String(row[c]))}::${column.type}`];
      }),
    );
  } catch (error) {
    await session.exec("ROLLBACK TO SAVEPOINT db_migrate_probe");
    return `the check could not be evaluated on sample values (${error instanceof Error ? error.message : String(error)})`;
  }
}

/** A value of `column`'s type for filler columns, distinct per `n`. */
function sampleValue(column: ColumnSnapshot, n: number, schema: SchemaSnapshot): string | null {
  const type = column.type;
  const base = type.replace(/\(.*$/, "");
  if (type.endsWith("[]")) return `'{}'::${type}`;
  if (INT_RANGES[base] || base === "numeric" || base === "real" || base === "double precision")
    return `${1_000_000 + n}::${type}`;
  if (TEXTUAL.test(type)) return `left('db-migrate ${n}', ${/\((\d+)\)/.exec(type)?.[1] ?? 100})::${type}`;
  if (base === "boolean") return "true";
  if (base === "uuid") return `'00000000-0000-4000-8000-${String(n).padStart(12, "0")}'::uuid`;
  if (base.startsWith("timestamp") || base === "date") return `(now() + interval '${n} seconds')::${type}`;
  if (base.startsWith("time")) return `'00:00:${String(n % 60).padStart(2, "0")}'::${type}`;
  if (base === "interval") return `interval '${n} seconds'`;
  if (base === "json" || base === "jsonb") return `'{"db_migrate": ${n}}'::${type}`;
  if (base === "bytea") return `'\\x00'::bytea`;
  if (base === "inet" || base === "cidr") return `'10.0.0.${n % 250}'::${type}`;
  const enumType = schema.enums.find((e) => type === e.name || type === `${e.schema}.${e.name}`);
  if (enumType?.values[0] !== undefined) return `${literal(enumType.values[0])}::${type}`;
  return null;
}

/** What the migration loosened, table by table, comparing the schema before and after it. */
export function findLoosenings(before: SchemaSnapshot, after: SchemaSnapshot): Loosening[] {
  const out: Loosening[] = [];
  const beforeTables = new Map(before.tables.map((t) => [`${t.schema}.${t.name}`, t]));
  for (const table of after.tables) {
    if (table.kind !== "table" && table.kind !== "partitioned") continue;
    const old = beforeTables.get(`${table.schema}.${table.name}`);
    if (!old) continue;
    const name = tableName(table);
    for (const column of table.columns) {
      const was = old.columns.find((c) => c.name === column.name);
      if (!was || column.generated !== null) continue;
      const c = ident(column.name);
      if (was.notNull && !column.notNull)
        out.push({
          table,
          reason: `${label(table, column.name)}: NOT NULL was dropped; rows with NULL do not fit back`,
          query: `SELECT count(*) FROM ${name} WHERE ${c} IS NULL`,
          rows: [{ [column.name]: "NULL" }],
        });
      if (was.type !== column.type) {
        const widening = wideningCheck(column.name, was.type, column.type);
        if (widening)
          out.push({
            table,
            reason: `${label(table, column.name)}: ${widening.what}`,
            query: `SELECT count(*) FROM ${name} WHERE ${widening.query}`,
            rows: [{ [column.name]: `${widening.value}::${column.type}` }],
          });
      }
    }
    for (const constraint of old.constraints) {
      if (constraint.inherited || table.constraints.some((c) => c.name === constraint.name)) continue;
      const node = constraintNode(constraint.definition);
      if (!node) continue;
      if (constraint.kind === "unique" || constraint.kind === "primary key") {
        const keys = nameList(node.keys as never);
        if (keys.length === 0 || keys.some((k) => !table.columns.some((c) => c.name === k))) continue;
        out.push(duplicates(table, keys, `${constraint.kind} ${constraint.name} was dropped`));
      } else if (constraint.kind === "foreign key") {
        const keys = nameList(node.fk_attrs as never);
        const referenced = constraint.references;
        const refColumns = nameList(node.pk_attrs as never);
        if (!referenced || keys.length === 0 || keys.some((k) => !table.columns.some((c) => c.name === k))) continue;
        const [refSchema, refName] = referenced.includes(".") ? referenced.split(".") : ["public", referenced];
        const parent = qualified(refSchema ?? "public", refName ?? referenced);
        const join =
          refColumns.length === keys.length
            ? keys.map((k, i) => `p.${ident(refColumns[i] as string)} = t.${ident(k)}`).join(" AND ")
            : null;
        out.push({
          table,
          reason: `${label(table)}: foreign key ${constraint.name} was dropped; rows pointing at no ${referenced} row do not fit back`,
          query: join
            ? `SELECT count(*) FROM ${name} t WHERE ${keys.map((k) => `t.${ident(k)} IS NOT NULL`).join(" AND ")} AND NOT EXISTS (SELECT 1 FROM ${parent} p WHERE ${join})`
            : `SELECT count(*) FROM ${name} t WHERE ${keys.map((k) => `t.${ident(k)} IS NOT NULL`).join(" AND ")} AND (${keys.map((k) => `t.${ident(k)}`).join(", ")}) NOT IN (SELECT ${refColumns.map(ident).join(", ") || "*"} FROM ${parent})`,
          rows: [Object.fromEntries(keys.map((k) => [k, `__sample__:${k}:orphan`]))],
        });
      } else if (constraint.kind === "check") {
        const expression = constraint.definition.replace(/^CHECK\s*/, "").replace(/\s+NOT VALID$/, "");
        out.push({
          table,
          reason: `${label(table)}: check ${constraint.name} was dropped; rows breaking ${expression} do not fit back`,
          query: `SELECT count(*) FROM ${name} WHERE NOT ${expression}`,
          rows: `check:${expression}`,
        });
      }
    }
    for (const index of old.indexes) {
      if (index.constraint || index.inherited || !/^CREATE UNIQUE INDEX/.test(index.definition)) continue;
      if (table.indexes.some((i) => i.name === index.name)) continue;
      const shape = indexColumns(index.definition);
      if (!shape || shape.partial || shape.columns.some((k) => !table.columns.some((c) => c.name === k))) continue;
      out.push(duplicates(table, shape.columns, `unique index ${index.name} was dropped`));
    }
  }
  for (const type of after.enums) {
    const old = before.enums.find((e) => e.schema === type.schema && e.name === type.name);
    const added = old ? type.values.filter((v) => !old.values.includes(v)) : [];
    if (added.length === 0) continue;
    const spelled = type.schema === "public" ? type.name : `${type.schema}.${type.name}`;
    for (const table of after.tables) {
      if (table.kind !== "table" && table.kind !== "partitioned") continue;
      if (!beforeTables.has(`${table.schema}.${table.name}`)) continue;
      for (const column of table.columns.filter((c) => c.type === spelled || c.type === `${type.name}`)) {
        out.push({
          table,
          reason: `${label(table, column.name)}: enum ${spelled} gained ${added.map((v) => `'${v}'`).join(", ")}; rows holding it do not fit back`,
          query: `SELECT count(*) FROM ${tableName(table)} WHERE ${ident(column.name)}::text IN (${added.map(literal).join(", ")})`,
          rows: [{ [column.name]: `${literal(added[0] as string)}::${column.type}` }],
        });
      }
    }
  }
  return out;
}

function duplicates(table: TableSnapshot, keys: string[], what: string): Loosening {
  const columns = keys.map(ident).join(", ");
  const values: Record<string, string> = {};
  for (const key of keys) {
    const column = table.columns.find((c) => c.name === key) as ColumnSnapshot;
    values[key] = `__sample__:${column.name}`;
  }
  return {
    table,
    reason: `${label(table)}: ${what}; duplicate (${keys.join(", ")}) rows do not fit back`,
    query: `SELECT count(*) FROM (SELECT ${columns} FROM ${tableName(table)} WHERE ${keys.map((k) => `${ident(k)} IS NOT NULL`).join(" AND ")} GROUP BY ${columns} HAVING count(*) > 1) AS duplicates`,
    rows: [values, values],
  };
}

const ORPHAN_N = 987_654;
const SHARED_N = 424_242;

/** INSERT statements for `rows` in `table`, filling every NOT NULL column without a default. */
function seedSql(table: TableSnapshot, rows: SeedRows, schema: SchemaSnapshot): string[] | string {
  const statements: string[] = [];
  for (const [index, row] of rows.entries()) {
    const values = new Map<string, string>();
    for (const [column, value] of Object.entries(row)) {
      if (!value.startsWith("__sample__:")) {
        values.set(column, value);
        continue;
      }
      const snapshot = table.columns.find((c) => c.name === column) as ColumnSnapshot;
      const n = value.endsWith(":orphan") ? ORPHAN_N : SHARED_N;
      const sample = sampleValue(snapshot, n, schema);
      if (sample === null) return `no sample value for ${label(table, column)} (${snapshot.type})`;
      values.set(column, sample);
    }
    for (const column of table.columns) {
      if (values.has(column.name)) continue;
      if (!column.notNull || column.default !== null || column.identity !== null || column.generated !== null) continue;
      const sample = sampleValue(column, index + 1, schema);
      if (sample === null) return `no sample value for ${label(table, column.name)} (${column.type})`;
      values.set(column.name, sample);
    }
    const names = [...values.keys()];
    statements.push(
      names.length === 0
        ? `INSERT INTO ${tableName(table)} DEFAULT VALUES`
        : `INSERT INTO ${tableName(table)} (${names.map(ident).join(", ")}) OVERRIDING SYSTEM VALUE VALUES (${names.map((n) => values.get(n)).join(", ")})`,
    );
  }
  return statements;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * For each loosening: seed its rows in the applied state, run the rollback,
 * and undo both. A rollback that fails on the seeded rows needs a data check;
 * one that copes (a USING that fits the data, say) does not. A loosening whose
 * rows cannot be built keeps its check, with no proof.
 */
export async function proveWithData(
  session: SqlSession,
  after: SchemaSnapshot,
  rollback: string[],
  loosenings: Loosening[],
): Promise<DataCheck[]> {
  const checks: DataCheck[] = [];
  for (const loosening of loosenings) {
    await session.exec("BEGIN");
    try {
      let rows = loosening.rows;
      if (typeof rows === "string" && rows.startsWith("check:")) {
        const expression = rows.slice("check:".length);
        const found = await violatingValues(session, loosening.table, expression, expressionColumns(expression));
        rows = typeof found === "string" ? found : [found];
      }
      const statements = typeof rows === "string" ? rows : seedSql(loosening.table, rows, after);
      if (typeof statements === "string") {
        checks.push({ reason: loosening.reason, query: loosening.query, error: null });
        continue;
      }
      try {
        // Foreign keys and triggers on other columns would refuse a lone sample row: they are
        // triggers, off in replica mode while seeding (a superuser setting; without it, no proof).
        await session.exec("SET LOCAL session_replication_role = replica");
        for (const sql of statements) await session.exec(sql);
        await session.exec("SET LOCAL session_replication_role = origin");
      } catch {
        // Other constraints of the table refuse the sample row: the check stays, unproven.
        checks.push({ reason: loosening.reason, query: loosening.query, error: null });
        continue;
      }
      try {
        for (const sql of rollback) await session.exec(sql);
      } catch (error) {
        checks.push({ reason: loosening.reason, query: loosening.query, error: message(error) });
      }
    } finally {
      await session.exec("ROLLBACK");
    }
  }
  return checks;
}
