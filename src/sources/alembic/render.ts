/**
 * Renders Alembic operations (`op.add_column(...)`, `batch_op.alter_column(...)`)
 * to the PostgreSQL statements Alembic's PostgreSQL implementation emits for
 * them, so the SQL rules judge Python migrations the same way as SQL files.
 */

import { QuoteUtils } from "pgsql-deparser";
import { truncatedConventionName } from "./names.js";
import { type BatchTarget, dottedName, lastName, type PyValue } from "./python.js";
import { type PgType, sqlalchemyTypeToPg } from "./types-map.js";

/** An operation we cannot turn into SQL; the message names the construct. */
export class Unanalyzable extends Error {}

export interface Rendered {
  sql: string[];
  /** Best guesses made on the way (custom column types), reported as info. */
  approximations: string[];
}

type Call = Extract<PyValue, { kind: "call" }>;

/** Positional parameter names of each operation, after `self`, as Alembic declares them. */
const SIGNATURES: Record<string, string[]> = {
  create_table: ["table_name"],
  drop_table: ["table_name"],
  add_column: ["table_name", "column"],
  drop_column: ["table_name", "column_name"],
  alter_column: ["table_name", "column_name"],
  create_index: ["index_name", "table_name", "columns", "schema", "unique"],
  drop_index: ["index_name", "table_name", "schema"],
  create_unique_constraint: ["constraint_name", "table_name", "columns", "schema"],
  create_foreign_key: [
    "constraint_name",
    "source_table",
    "referent_table",
    "local_cols",
    "remote_cols",
    "onupdate",
    "ondelete",
    "deferrable",
    "initially",
    "match",
    "source_schema",
    "referent_schema",
  ],
  create_check_constraint: ["constraint_name", "table_name", "condition", "schema"],
  create_primary_key: ["constraint_name", "table_name", "columns", "schema"],
  drop_constraint: ["constraint_name", "table_name", "type_", "schema"],
  rename_table: ["old_table_name", "new_table_name", "schema"],
  execute: ["sqltext"],
  bulk_insert: ["table", "rows", "multiinsert"],
  create_table_comment: ["table_name", "comment"],
  drop_table_comment: ["table_name"],
  create_exclude_constraint: ["constraint_name", "table_name"],
};

/** The operations this module renders. */
export const RENDERED_OPERATIONS = new Set(Object.keys(SIGNATURES));

const TABLE_PARAMS = new Set(["table_name", "source_table"]);

class Args {
  private readonly names: string[];
  constructor(
    readonly method: string,
    readonly call: Call,
    batch: boolean,
  ) {
    const signature = SIGNATURES[method] ?? [];
    this.names = batch ? signature.filter((n) => !TABLE_PARAMS.has(n)) : signature;
  }

  get(name: string): PyValue | undefined {
    const index = this.names.indexOf(name);
    return this.call.kwargs.get(name) ?? (index === -1 ? undefined : this.call.args[index]);
  }

  /** Positional arguments past the named ones (`create_table`'s columns). */
  rest(): PyValue[] {
    return this.call.args.slice(this.names.length);
  }

  has(name: string): boolean {
    return this.get(name) !== undefined;
  }

  string(name: string): string {
    const value = this.get(name);
    const text = value ? identifierValue(value) : undefined;
    if (value?.kind === "none")
      throw new Unanalyzable(`op.${this.method} with \`${name}\` None (Alembic needs a name here)`);
    if (text === undefined) {
      throw new Unanalyzable(`\`${name}\` of op.${this.method} is not a literal (${describe(value)})`);
    }
    return text;
  }

  optionalString(name: string): string | undefined {
    const value = this.get(name);
    if (!value || value.kind === "none") return undefined;
    return this.string(name);
  }

  flag(name: string): boolean {
    const value = this.get(name);
    return value?.kind === "bool" && value.value;
  }
}

function describe(value: PyValue | undefined): string {
  if (!value) return "missing";
  if (value.kind === "unknown") return `${value.why}: ${value.text.slice(0, 60)}`;
  return dottedName(value) || value.kind;
}

/** A name argument: a string, `quoted_name(...)`, or `op.f("name")` / `conv("name")` (shortened as SQLAlchemy does). */
function identifierValue(value: PyValue): string | undefined {
  if (value.kind === "str") return value.value;
  if (value.kind !== "call" || !value.args[0]) return undefined;
  const name = lastName(value);
  if (name === "quoted_name") return identifierValue(value.args[0]);
  if (name !== "f" && name !== "conv") return undefined;
  const inner = identifierValue(value.args[0]);
  return inner === undefined ? undefined : truncatedConventionName(inner);
}

export const ident = (name: string): string => QuoteUtils.quoteIdentifier(name);
export const literal = (text: string): string => QuoteUtils.escape(text);

function table(name: string, schema?: string): string {
  return schema ? QuoteUtils.quoteQualifiedIdentifier(schema, name) : ident(name);
}

function columnList(names: string[]): string {
  return names.map(ident).join(", ");
}

function stringList(value: PyValue | undefined, what: string): string[] {
  if (!value) throw new Unanalyzable(`${what} is missing`);
  if (value.kind === "str") return [value.value];
  if (value.kind === "seq") {
    return value.items.map((item) => {
      const text = identifierValue(item);
      if (text === undefined) throw new Unanalyzable(`${what} holds a non-literal (${describe(item)})`);
      return text;
    });
  }
  throw new Unanalyzable(`${what} is not a literal list (${describe(value)})`);
}

/** A SQL fragment given as a string or `sa.text("…")` / `sa.literal_column("…")`. */
export function sqlFragment(value: PyValue | undefined): string | undefined {
  if (!value) return undefined;
  if (value.kind === "str") return value.value;
  if (
    value.kind === "call" &&
    ["text", "literal_column", "DDL"].includes(lastName(value)) &&
    value.args[0]?.kind === "str"
  ) {
    return value.args[0].value;
  }
  if (value.kind === "call" && value.callee.kind === "member" && value.callee.name === "bindparams") {
    return sqlFragment(value.callee.object);
  }
  return undefined;
}

/** A server default: a string is a literal, `sa.text()` raw SQL, `sa.func.now()` a function call. */
function serverDefault(value: PyValue): string {
  if (value.kind === "str") return literal(value.value);
  const clause = callTo(value, "DefaultClause");
  if (clause?.args[0]) return serverDefault(clause.args[0]);
  const fragment = sqlFragment(value);
  if (fragment !== undefined) return fragment;
  if (value.kind === "num") return value.text;
  if (value.kind === "bool") return value.value ? "true" : "false";
  if (value.kind === "call") {
    const name = dottedName(value);
    const fn = /(?:^|\.)func\.(.+)$/.exec(name);
    if (fn) {
      const args = value.args.map(serverDefault);
      return `${fn[1]}(${args.join(", ")})`;
    }
    const last = lastName(value);
    if (last === "true" || last === "false") return last;
    if (last === "null") return "NULL";
    if (last === "literal" && value.args[0]) return serverDefault(value.args[0]);
  }
  throw new Unanalyzable(`server_default is not a literal (${describe(value)})`);
}

interface ForeignKey {
  name?: string;
  columns: string[];
  refTable: string;
  refSchema?: string;
  refColumns: string[];
  ondelete?: string;
  onupdate?: string;
  deferrable?: boolean;
  initially?: string;
  match?: string;
  notValid?: boolean;
}

interface ColumnDef {
  name: string;
  type: PgType;
  nullable: boolean;
  primaryKey: boolean;
  unique: boolean;
  index: boolean;
  default?: string;
  comment?: string;
  identity?: string;
  computed?: string;
  /** `autoincrement=`: true, false or "ignore_fk"; undefined is SQLAlchemy's "auto". */
  autoincrement?: boolean | "ignore_fk";
  /** Whether `nullable=` is written (a primary key column then keeps it). */
  nullableGiven: boolean;
  /** A Python-side `default=` (not a Sequence): SQLAlchemy then picks no autoincrement column. */
  clientDefault: boolean;
  /** `sa.Sequence(...)` given to the column: `optional=True` or not. */
  sequence?: { optional: boolean };
  foreignKeys: ForeignKey[];
  /** `sa.CheckConstraint(...)` given inside the Column: a table constraint in SQL. */
  checks: string[];
}

function kwString(call: Call, name: string): string | undefined {
  const value = call.kwargs.get(name);
  return value?.kind === "str" ? value.value : undefined;
}

/** A `name=` argument: a string or `op.f("…")`. */
function kwName(call: Call): string | undefined {
  const value = call.kwargs.get("name");
  return value ? identifierValue(value) : undefined;
}

function kwBool(call: Call, name: string): boolean | undefined {
  const value = call.kwargs.get(name);
  return value?.kind === "bool" ? value.value : undefined;
}

/** The value when it is a call to one of `names` (`sa.Column`, `Column`, …). */
function callTo(value: PyValue | undefined, ...names: string[]): Call | undefined {
  return value?.kind === "call" && names.includes(lastName(value)) ? value : undefined;
}

function splitTarget(target: string): { table: string; schema?: string; column: string } {
  const parts = target.split(".");
  const column = parts.pop() ?? "";
  const tableName = parts.pop() ?? "";
  const schema = parts.length > 0 ? parts.join(".") : undefined;
  return { table: tableName, column, ...(schema ? { schema } : {}) };
}

function fkOptions(call: Call): Pick<ForeignKey, "ondelete" | "onupdate" | "deferrable" | "initially" | "match"> {
  const options: Pick<ForeignKey, "ondelete" | "onupdate" | "deferrable" | "initially" | "match"> = {};
  const ondelete = kwString(call, "ondelete");
  const onupdate = kwString(call, "onupdate");
  const deferrable = kwBool(call, "deferrable");
  const initially = kwString(call, "initially");
  const match = kwString(call, "match");
  if (ondelete) options.ondelete = ondelete;
  if (onupdate) options.onupdate = onupdate;
  if (deferrable !== undefined) options.deferrable = deferrable;
  if (initially) options.initially = initially;
  if (match) options.match = match;
  return options;
}

function readColumn(value: PyValue, approximations: string[]): ColumnDef {
  const column = callTo(value, "Column", "column");
  if (!column) throw new Unanalyzable(`a column that is not a literal sa.Column(...) (${describe(value)})`);
  return readColumnCall(column, approximations);
}

function readColumnCall(value: Call, approximations: string[]): ColumnDef {
  if (value.spread) throw new Unanalyzable("sa.Column(...) with *args/**kwargs");
  const [first, ...rest] = value.args;
  const name = first ? identifierValue(first) : kwName(value);
  if (name === undefined) throw new Unanalyzable("sa.Column without a literal name");
  const foreignKeys: ForeignKey[] = [];
  let typeValue = value.kwargs.get("type_");
  let identity: string | undefined;
  let computed: string | undefined;
  let sequence: { optional: boolean } | undefined;
  const checks: string[] = [];
  for (const item of first && identifierValue(first) !== undefined ? rest : value.args) {
    const fkCall = callTo(item, "ForeignKey");
    const identityCall = callTo(item, "Identity");
    const computedCall = callTo(item, "Computed");
    const checkCall = callTo(item, "CheckConstraint");
    if (fkCall && kwBool(fkCall, "use_alter")) {
      // Left out of CREATE TABLE by SQLAlchemy (see create_table).
    } else if (fkCall) {
      const target = fkCall.args[0]?.kind === "str" ? fkCall.args[0].value : undefined;
      if (!target) throw new Unanalyzable("sa.ForeignKey with a non-literal target");
      const parsed = splitTarget(target);
      const fkName = kwName(fkCall);
      foreignKeys.push({
        columns: [name],
        refTable: parsed.table,
        refColumns: [parsed.column],
        ...(parsed.schema ? { refSchema: parsed.schema } : {}),
        ...(fkName ? { name: fkName } : {}),
        ...fkOptions(fkCall),
      });
    } else if (identityCall) {
      identity = kwBool(identityCall, "always") ? "GENERATED ALWAYS AS IDENTITY" : "GENERATED BY DEFAULT AS IDENTITY";
    } else if (computedCall) {
      const expression = sqlFragment(computedCall.args[0]);
      if (expression === undefined) throw new Unanalyzable("sa.Computed with a non-literal expression");
      computed = `GENERATED ALWAYS AS (${expression}) STORED`;
    } else if (checkCall) {
      const condition = sqlFragment(checkCall.args[0] ?? checkCall.kwargs.get("sqltext"));
      if (condition === undefined) throw new Unanalyzable("CheckConstraint with a SQLAlchemy expression");
      checks.push(`${constraintPrefix(kwName(checkCall))}CHECK (${condition})`);
    } else if (callTo(item, "Sequence")) {
      // op.create_table does not create the sequence; a non-optional one keeps the column off SERIAL.
      sequence = { optional: kwBool(item as Call, "optional") ?? false };
    } else if (callTo(item, "FetchedValue")) {
      // The database fills the value by itself; no DDL.
    } else if (!typeValue) {
      typeValue = item;
    }
  }
  const type = columnType(typeValue, name, foreignKeys.length > 0, approximations);
  const primaryKey = kwBool(value, "primary_key") ?? false;
  const server = value.kwargs.get("server_default");
  const comment = kwString(value, "comment");
  const autoincrementValue = value.kwargs.get("autoincrement");
  const autoincrement =
    autoincrementValue?.kind === "bool"
      ? autoincrementValue.value
      : autoincrementValue?.kind === "str" && autoincrementValue.value === "ignore_fk"
        ? "ignore_fk"
        : undefined;
  const clientDefault = value.kwargs.get("default");
  const column: ColumnDef = {
    name,
    type,
    nullable: kwBool(value, "nullable") ?? !primaryKey,
    nullableGiven: kwBool(value, "nullable") !== undefined,
    clientDefault: clientDefault !== undefined && clientDefault.kind !== "none" && !callTo(clientDefault, "Sequence"),
    ...(sequence ? { sequence } : {}),
    primaryKey,
    unique: kwBool(value, "unique") ?? false,
    index: kwBool(value, "index") ?? false,
    foreignKeys,
    checks,
  };
  // FetchedValue: the database fills the value by itself; no DDL.
  if (server && server.kind !== "none" && !callTo(server, "FetchedValue")) column.default = serverDefault(server);
  if (comment !== undefined) column.comment = comment;
  if (identity) column.identity = identity;
  if (computed) column.computed = computed;
  if (autoincrement !== undefined) column.autoincrement = autoincrement;
  return column;
}

function columnType(
  value: PyValue | undefined,
  column: string,
  hasForeignKey: boolean,
  approximations: string[],
): PgType {
  if (!value) {
    // SQLAlchemy copies a foreign key column's type from its target, which only the model knows.
    approximations.push(
      `column \`${column}\` has no type${hasForeignKey ? " (taken from its foreign key target at run time)" : ""}; rendered as INTEGER`,
    );
    return { sql: "INTEGER" };
  }
  const mapped = sqlalchemyTypeToPg(value);
  if (mapped) {
    if (mapped.approximation) approximations.push(`column type \`${dottedName(value)}\` is ${mapped.approximation}`);
    return mapped;
  }
  approximations.push(
    `column type \`${dottedName(value) || describe(value)}\` is not a SQLAlchemy type db-migrate knows; rendered as TEXT`,
  );
  return { sql: "TEXT" };
}

const SERIAL: Record<string, string> = { INTEGER: "SERIAL", BIGINT: "BIGSERIAL", SMALLINT: "SMALLSERIAL" };

/**
 * SQLAlchemy's autoincrement column (PrimaryKeyConstraint._autoincrement_column),
 * which PostgreSQL gets as SERIAL: the only primary key column when it is an
 * integer with no default, server default or foreign key (unless
 * `autoincrement=True` / `"ignore_fk"`); in a composite key, only the column
 * marked `autoincrement=True`.
 */
function serialColumn(columns: ColumnDef[], primaryKey: string[]): ColumnDef | undefined {
  const keyColumns = primaryKey.map((name) => columns.find((c) => c.name === name));
  let chosen: ColumnDef | undefined;
  if (keyColumns.length === 1) {
    const column = keyColumns[0];
    if (!column || column.autoincrement === false) return undefined;
    if (column.autoincrement !== true && !autoincrementCandidate(column)) return undefined;
    chosen = column;
  } else {
    chosen = keyColumns.find((c) => c?.autoincrement === true);
  }
  // The PostgreSQL compiler's own conditions for SERIAL.
  if (!chosen || !SERIAL[chosen.type.sql] || chosen.identity || chosen.computed) return undefined;
  if (chosen.clientDefault || (chosen.sequence && !chosen.sequence.optional)) return undefined;
  return chosen;
}

function autoincrementCandidate(column: ColumnDef): boolean {
  if (column.clientDefault || column.default !== undefined) return false;
  return column.foreignKeys.length === 0 || column.autoincrement === "ignore_fk";
}

function columnSql(column: ColumnDef, serial: boolean): string {
  const parts = [ident(column.name), serial ? (SERIAL[column.type.sql] as string) : column.type.sql];
  if (column.identity) parts.push(column.identity);
  if (column.computed) parts.push(column.computed);
  if (column.default !== undefined) parts.push(`DEFAULT ${column.default}`);
  if (!column.nullable) parts.push("NOT NULL");
  return parts.join(" ");
}

function foreignKeySql(fk: ForeignKey): string {
  const parts = [
    `${fk.name ? `CONSTRAINT ${ident(fk.name)} ` : ""}FOREIGN KEY(${columnList(fk.columns)}) REFERENCES ${table(fk.refTable, fk.refSchema)} (${columnList(fk.refColumns)})`,
  ];
  if (fk.match) parts.push(`MATCH ${fk.match}`);
  if (fk.ondelete) parts.push(`ON DELETE ${fk.ondelete}`);
  if (fk.onupdate) parts.push(`ON UPDATE ${fk.onupdate}`);
  if (fk.deferrable !== undefined) parts.push(fk.deferrable ? "DEFERRABLE" : "NOT DEFERRABLE");
  if (fk.initially) parts.push(`INITIALLY ${fk.initially}`);
  if (fk.notValid) parts.push("NOT VALID");
  return parts.join(" ");
}

function constraintPrefix(name: string | undefined): string {
  return name ? `CONSTRAINT ${ident(name)} ` : "";
}

function deferrable(call: Call): string {
  const parts: string[] = [];
  const value = kwBool(call, "deferrable");
  if (value !== undefined) parts.push(value ? " DEFERRABLE" : " NOT DEFERRABLE");
  const initially = kwString(call, "initially");
  if (initially) parts.push(` INITIALLY ${initially}`);
  return parts.join("");
}

function enumStatements(type: PgType, seen: Set<string>, approximations: string[]): string[] {
  const info = type.enum;
  if (!info?.createType || seen.has(type.sql)) return [];
  seen.add(type.sql);
  if (info.values === null) {
    approximations.push(`enum type ${type.sql} takes its values from a Python Enum class; created here without values`);
  }
  return [`CREATE TYPE ${type.sql} AS ENUM (${(info.values ?? []).map(literal).join(", ")})`];
}

interface IndexSpec {
  name: string;
  table: string;
  schema?: string;
  columns: string[];
  unique: boolean;
  call: Call;
}

/** Index columns: names are quoted; expressions (`lower(email)`, `sa.text(...)`) are kept as written. */
function indexColumns(value: PyValue | undefined, what: string): string[] {
  if (!value) throw new Unanalyzable(`${what} is missing`);
  const items = value.kind === "seq" ? value.items : [value];
  return items.map((item) => {
    const name = identifierValue(item);
    if (name !== undefined) return /^[\w$]+$/.test(name) ? ident(name) : name;
    const fragment = sqlFragment(item);
    if (fragment !== undefined) return fragment;
    throw new Unanalyzable(`${what} holds a SQLAlchemy expression (${describe(item)})`);
  });
}

function createIndexSql(spec: IndexSpec): string {
  const { call } = spec;
  const using = kwString(call, "postgresql_using");
  const where = sqlFragment(call.kwargs.get("postgresql_where"));
  if (call.kwargs.has("postgresql_where") && where === undefined) {
    throw new Unanalyzable("postgresql_where is a SQLAlchemy expression, not SQL text");
  }
  const include = call.kwargs.get("postgresql_include");
  const ops = call.kwargs.get("postgresql_ops");
  const opsByColumn = new Map<string, string>();
  if (ops?.kind === "dict") {
    for (const entry of ops.entries) {
      if (entry.key.kind === "str" && entry.value.kind === "str")
        opsByColumn.set(ident(entry.key.value), entry.value.value);
    }
  }
  const columns = spec.columns.map((c) => (opsByColumn.has(c) ? `${c} ${opsByColumn.get(c)}` : c));
  const parts = [
    `CREATE ${spec.unique ? "UNIQUE " : ""}INDEX${kwBool(call, "postgresql_concurrently") ? " CONCURRENTLY" : ""}${kwBool(call, "if_not_exists") ? " IF NOT EXISTS" : ""} ${ident(spec.name)} ON ${table(spec.table, spec.schema)}`,
  ];
  if (using) parts.push(`USING ${using}`);
  parts.push(`(${columns.join(", ")})`);
  if (include) parts.push(`INCLUDE (${columnList(stringList(include, "postgresql_include"))})`);
  if (kwBool(call, "postgresql_nulls_not_distinct")) parts.push("NULLS NOT DISTINCT");
  const withOptions = call.kwargs.get("postgresql_with");
  if (withOptions?.kind === "dict" && withOptions.entries.length > 0) {
    const options = withOptions.entries.map(
      (e) =>
        `${e.key.kind === "str" ? e.key.value : "?"} = ${e.value.kind === "str" ? e.value.value : e.value.kind === "num" ? e.value.text : "?"}`,
    );
    parts.push(`WITH (${options.join(", ")})`);
  }
  if (where !== undefined) parts.push(`WHERE ${where}`);
  return parts.join(" ");
}

function renderCreateTable(args: Args, approximations: string[], memo: RenderMemo): string[] {
  if (args.call.spread) throw new Unanalyzable("op.create_table with *columns built at run time");
  const name = args.string("table_name");
  const schema = args.optionalString("schema");
  const columns: ColumnDef[] = [];
  const constraints: string[] = [];
  const after: string[] = [];
  const explicitKey: string[] = [];
  let primaryKeyName: string | undefined;
  const indexes: IndexSpec[] = [];
  for (const item of args.rest()) {
    const kind = lastName(item);
    if (item.kind !== "call") throw new Unanalyzable(`op.create_table item \`${describe(item)}\``);
    if (kind === "Column") {
      columns.push(readColumnCall(item, approximations));
    } else if (kind === "PrimaryKeyConstraint") {
      explicitKey.push(...stringList({ kind: "seq", items: item.args }, "PrimaryKeyConstraint columns"));
      primaryKeyName = kwName(item);
    } else if (kind === "ForeignKeyConstraint") {
      // use_alter=True: SQLAlchemy leaves it out of CREATE TABLE, and op.create_table never adds it.
      if (kwBool(item, "use_alter")) continue;
      const refColumns = stringList(item.args[1] ?? item.kwargs.get("refcolumns"), "ForeignKeyConstraint refcolumns");
      const targets = refColumns.map(splitTarget);
      const first = targets[0];
      if (!first) throw new Unanalyzable("ForeignKeyConstraint without referenced columns");
      const fkName = kwName(item);
      constraints.push(
        foreignKeySql({
          columns: stringList(item.args[0] ?? item.kwargs.get("columns"), "ForeignKeyConstraint columns"),
          refTable: first.table,
          refColumns: targets.map((t) => t.column),
          ...(first.schema ? { refSchema: first.schema } : {}),
          ...(fkName ? { name: fkName } : {}),
          ...fkOptions(item),
        }),
      );
    } else if (kind === "UniqueConstraint") {
      const columnsOf = stringList({ kind: "seq", items: item.args }, "UniqueConstraint columns");
      const nulls = kwBool(item, "postgresql_nulls_not_distinct") ? " NULLS NOT DISTINCT" : "";
      constraints.push(`${constraintPrefix(kwName(item))}UNIQUE${nulls} (${columnList(columnsOf)})${deferrable(item)}`);
    } else if (kind === "CheckConstraint") {
      const condition = sqlFragment(item.args[0] ?? item.kwargs.get("sqltext"));
      if (condition === undefined) throw new Unanalyzable("CheckConstraint with a SQLAlchemy expression");
      constraints.push(`${constraintPrefix(kwName(item))}CHECK (${condition})`);
    } else if (kind === "Index") {
      const [indexName, ...indexColumnsArgs] = item.args;
      const text = indexName ? identifierValue(indexName) : undefined;
      if (text === undefined) throw new Unanalyzable("sa.Index without a literal name");
      indexes.push({
        name: text,
        table: name,
        columns: indexColumns({ kind: "seq", items: indexColumnsArgs }, "sa.Index columns"),
        unique: kwBool(item, "unique") ?? false,
        call: item,
        ...(schema ? { schema } : {}),
      });
    } else {
      throw new Unanalyzable(`op.create_table item \`${kind || describe(item)}\``);
    }
  }
  // An explicit PrimaryKeyConstraint with columns is the key, in its order (SQLAlchemy warns
  // when `primary_key=True` columns differ); without columns it names the flagged ones.
  const flagged = columns.filter((c) => c.primaryKey).map((c) => c.name);
  const primaryKey = explicitKey.length > 0 ? [...new Set(explicitKey)] : flagged;
  for (const column of columns) {
    if (explicitKey.includes(column.name) && !column.nullableGiven) column.nullable = false;
  }
  const serial = serialColumn(columns, primaryKey);
  // The table's implicit key lists its autoincrement column first (columns_autoinc_first).
  if (explicitKey.length === 0 && serial)
    primaryKey.sort((a, b) => Number(b === serial.name) - Number(a === serial.name));
  const before = columns.flatMap((c) => enumStatements(c.type, memo.enums, approximations));
  const lines = columns.map((c) => columnSql(c, c === serial));
  if (primaryKey.length > 0) lines.push(`${constraintPrefix(primaryKeyName)}PRIMARY KEY (${columnList(primaryKey)})`);
  for (const column of columns) {
    if (column.unique && !column.index) lines.push(`UNIQUE (${ident(column.name)})`);
    for (const fk of column.foreignKeys) lines.push(foreignKeySql(fk));
    lines.push(...column.checks);
  }
  lines.push(...constraints);
  const partition = args.call.kwargs.get("postgresql_partition_by");
  const ifNotExists = args.flag("if_not_exists") ? "IF NOT EXISTS " : "";
  let create = `CREATE TABLE ${ifNotExists}${table(name, schema)} (\n    ${lines.join(",\n    ")}\n)`;
  if (partition?.kind === "str") create += ` PARTITION BY ${partition.value}`;
  for (const column of columns) {
    if (column.index) {
      after.push(
        `CREATE ${column.unique ? "UNIQUE " : ""}INDEX ${ident(truncatedConventionName(`ix_${schema ? `${schema}_` : ""}${name}_${column.name}`))} ON ${table(name, schema)} (${ident(column.name)})`,
      );
    }
  }
  after.push(...indexes.map(createIndexSql));
  const comment = args.call.kwargs.get("comment");
  if (comment?.kind === "str") after.push(`COMMENT ON TABLE ${table(name, schema)} IS ${literal(comment.value)}`);
  for (const column of columns) {
    if (column.comment !== undefined) {
      after.push(`COMMENT ON COLUMN ${table(name, schema)}.${ident(column.name)} IS ${literal(column.comment)}`);
    }
  }
  return [...before, create, ...after];
}

function renderAddColumn(args: Args, target: { name: string; schema?: string }, approximations: string[]): string[] {
  const column = readColumn(args.get("column") ?? { kind: "none" }, approximations);
  const tableSql = table(target.name, target.schema);
  const ifNotExists = args.flag("if_not_exists") ? "IF NOT EXISTS " : "";
  const statements = [`ALTER TABLE ${tableSql} ADD COLUMN ${ifNotExists}${columnSql(column, false)}`];
  // Alembic's add_column emits the column's own constraints, indexes and comment after it.
  if (column.unique && !column.index) statements.push(`ALTER TABLE ${tableSql} ADD UNIQUE (${ident(column.name)})`);
  for (const fk of column.foreignKeys) statements.push(`ALTER TABLE ${tableSql} ADD ${foreignKeySql(fk)}`);
  for (const check of column.checks) statements.push(`ALTER TABLE ${tableSql} ADD ${check}`);
  if (column.index) {
    statements.push(
      `CREATE ${column.unique ? "UNIQUE " : ""}INDEX ${ident(truncatedConventionName(`ix_${target.name}_${column.name}`))} ON ${tableSql} (${ident(column.name)})`,
    );
  }
  if (column.comment !== undefined) {
    statements.push(`COMMENT ON COLUMN ${tableSql}.${ident(column.name)} IS ${literal(column.comment)}`);
  }
  return statements;
}

function renderAlterColumn(args: Args, target: { name: string; schema?: string }, approximations: string[]): string[] {
  const column = args.string("column_name");
  const tableSql = table(target.name, target.schema);
  const alter = `ALTER TABLE ${tableSql} ALTER COLUMN ${ident(column)}`;
  const statements: string[] = [];
  const type = args.get("type_");
  if (type && type.kind !== "none") {
    const mapped = columnType(type, column, false, approximations);
    const using = sqlFragment(args.get("postgresql_using"));
    if (args.has("postgresql_using") && using === undefined) throw new Unanalyzable("postgresql_using is not SQL text");
    statements.push(`${alter} TYPE ${mapped.sql}${using !== undefined ? ` USING ${using}` : ""}`);
  }
  const nullable = args.get("nullable");
  if (nullable?.kind === "bool") statements.push(`${alter} ${nullable.value ? "DROP" : "SET"} NOT NULL`);
  else if (nullable && nullable.kind !== "none")
    throw new Unanalyzable(`nullable is not a literal (${describe(nullable)})`);
  const server = args.get("server_default");
  // Alembic's "no change" sentinel for server_default is False; None drops the default.
  if (server && !(server.kind === "bool" && !server.value)) {
    statements.push(server.kind === "none" ? `${alter} DROP DEFAULT` : `${alter} SET DEFAULT ${serverDefault(server)}`);
  }
  const comment = args.get("comment");
  if (comment && !(comment.kind === "bool" && !comment.value)) {
    const text = comment.kind === "str" ? literal(comment.value) : comment.kind === "none" ? "NULL" : undefined;
    if (text === undefined) throw new Unanalyzable("comment is not a literal");
    statements.push(`COMMENT ON COLUMN ${tableSql}.${ident(column)} IS ${text}`);
  }
  const newName = args.optionalString("new_column_name");
  if (newName !== undefined) statements.push(`ALTER TABLE ${tableSql} RENAME ${ident(column)} TO ${ident(newName)}`);
  return statements;
}

/** Renders one `op.<method>(...)` (or `batch_op.<method>(...)` with `batch` set) to SQL statements. */
/**
 * What SQLAlchemy remembers across the operations of one migration run: the
 * named enum types `create_table` already created (its DDL runner's memo,
 * keyed by schema and name), so a type shared by two tables is created once.
 */
export interface RenderMemo {
  enums: Set<string>;
}

export function renderOperation(
  method: string,
  call: Call,
  batch?: BatchTarget,
  memo: RenderMemo = { enums: new Set() },
): Rendered {
  if (!RENDERED_OPERATIONS.has(method) || method === "execute" || method === "bulk_insert") {
    throw new Unanalyzable(`op.${method}`);
  }
  if (batch?.recreate === "always") {
    throw new Unanalyzable(`batch_alter_table(recreate="always") copies the table; op.${method} inside it`);
  }
  const approximations: string[] = [];
  const args = new Args(method, call, batch !== undefined);
  const schema = batch
    ? batch.schema
    : args.optionalString(method === "create_foreign_key" ? "source_schema" : "schema");
  const target = (param: string) => {
    const name = batch ? batch.table : args.string(param);
    return { name, ...(schema ? { schema } : {}) };
  };
  const tableSql = (param: string) => {
    const t = target(param);
    return table(t.name, t.schema);
  };
  const ifExists = args.flag("if_exists") ? "IF EXISTS " : "";
  const sql: string[] = [];
  switch (method) {
    case "create_table":
      sql.push(...renderCreateTable(args, approximations, memo));
      break;
    case "drop_table":
      sql.push(`DROP TABLE ${ifExists}${table(args.string("table_name"), schema)}`);
      break;
    case "add_column":
      sql.push(...renderAddColumn(args, target("table_name"), approximations));
      break;
    case "drop_column":
      sql.push(`ALTER TABLE ${tableSql("table_name")} DROP COLUMN ${ifExists}${ident(args.string("column_name"))}`);
      break;
    case "alter_column":
      sql.push(...renderAlterColumn(args, target("table_name"), approximations));
      break;
    case "create_index": {
      const t = target("table_name");
      const columns = indexColumns(args.get("columns"), "create_index columns");
      const name =
        args.optionalString("index_name") ??
        truncatedConventionName(`ix_${t.name}_${columns[0]?.replace(/\W/g, "") ?? ""}`);
      sql.push(
        createIndexSql({
          name,
          table: t.name,
          columns,
          unique: args.flag("unique"),
          call,
          ...(t.schema ? { schema: t.schema } : {}),
        }),
      );
      break;
    }
    case "drop_index": {
      const concurrently = kwBool(call, "postgresql_concurrently") ? "CONCURRENTLY " : "";
      sql.push(`DROP INDEX ${concurrently}${ifExists}${table(args.string("index_name"), schema)}`);
      break;
    }
    case "create_unique_constraint": {
      const columns = stringList(args.get("columns"), "create_unique_constraint columns");
      const nulls = kwBool(call, "postgresql_nulls_not_distinct") ? " NULLS NOT DISTINCT" : "";
      sql.push(
        `ALTER TABLE ${tableSql("table_name")} ADD ${constraintPrefix(args.optionalString("constraint_name"))}UNIQUE${nulls} (${columnList(columns)})${deferrable(call)}`,
      );
      break;
    }
    case "create_foreign_key": {
      const name = args.optionalString("constraint_name");
      const refSchema = args.optionalString("referent_schema");
      const options = fkOptions(call);
      for (const key of ["onupdate", "ondelete", "initially", "match"] as const) {
        const value = args.get(key);
        if (value?.kind === "str") options[key] = value.value;
      }
      sql.push(
        `ALTER TABLE ${tableSql("source_table")} ADD ${foreignKeySql({
          columns: stringList(args.get("local_cols"), "local_cols"),
          refTable: args.string("referent_table"),
          refColumns: stringList(args.get("remote_cols"), "remote_cols"),
          notValid: kwBool(call, "postgresql_not_valid") ?? false,
          ...(refSchema ? { refSchema } : {}),
          ...(name ? { name } : {}),
          ...options,
        })}`,
      );
      break;
    }
    case "create_check_constraint": {
      const condition = sqlFragment(args.get("condition"));
      if (condition === undefined)
        throw new Unanalyzable("create_check_constraint with a SQLAlchemy expression condition");
      const notValid = kwBool(call, "postgresql_not_valid") ? " NOT VALID" : "";
      sql.push(
        `ALTER TABLE ${tableSql("table_name")} ADD ${constraintPrefix(args.optionalString("constraint_name"))}CHECK (${condition})${notValid}`,
      );
      break;
    }
    case "create_primary_key": {
      const columns = stringList(args.get("columns"), "create_primary_key columns");
      sql.push(
        `ALTER TABLE ${tableSql("table_name")} ADD ${constraintPrefix(args.optionalString("constraint_name"))}PRIMARY KEY (${columnList(columns)})`,
      );
      break;
    }
    case "drop_constraint":
      sql.push(
        `ALTER TABLE ${tableSql("table_name")} DROP CONSTRAINT ${ifExists}${ident(args.string("constraint_name"))}`,
      );
      break;
    case "rename_table":
      sql.push(
        `ALTER TABLE ${table(args.string("old_table_name"), schema)} RENAME TO ${ident(args.string("new_table_name"))}`,
      );
      break;
    case "create_table_comment": {
      const comment = args.get("comment");
      if (comment?.kind !== "str") throw new Unanalyzable("create_table_comment with a non-literal comment");
      sql.push(`COMMENT ON TABLE ${tableSql("table_name")} IS ${literal(comment.value)}`);
      break;
    }
    case "drop_table_comment":
      sql.push(`COMMENT ON TABLE ${tableSql("table_name")} IS NULL`);
      break;
    case "create_exclude_constraint": {
      const elements = args.rest().map((element) => {
        if (element.kind !== "seq" || element.items.length !== 2) {
          throw new Unanalyzable("create_exclude_constraint element that is not a (column, operator) pair");
        }
        const [column, operator] = element.items;
        const columnSql = column ? (identifierValue(column) ?? sqlFragment(column)) : undefined;
        if (columnSql === undefined || operator?.kind !== "str")
          throw new Unanalyzable("create_exclude_constraint element");
        return `${/^\w+$/.test(columnSql) ? ident(columnSql) : columnSql} WITH ${operator.value}`;
      });
      const using = kwString(call, "using") ?? "gist";
      const where = sqlFragment(call.kwargs.get("where"));
      sql.push(
        `ALTER TABLE ${tableSql("table_name")} ADD ${constraintPrefix(args.optionalString("constraint_name"))}EXCLUDE USING ${using} (${elements.join(", ")})${where ? ` WHERE (${where})` : ""}`,
      );
      break;
    }
  }
  return { sql, approximations };
}

/** `sa.Enum(..., name="x").create(bind)` / `.drop(bind)`: CREATE TYPE / DROP TYPE. */
export function renderEnumDdl(enumCall: PyValue, action: "create" | "drop", checkfirst: boolean): string {
  const type = sqlalchemyTypeToPg(enumCall);
  if (!type?.enum)
    throw new Unanalyzable(`${dottedName(enumCall) || "type"}.${action}() on something that is not a named enum`);
  if (action === "drop") return `DROP TYPE ${checkfirst ? "IF EXISTS " : ""}${type.sql}`;
  if (type.enum.values === null) throw new Unanalyzable("enum .create() with values from a Python Enum class");
  return `CREATE TYPE ${type.sql} AS ENUM (${type.enum.values.map(literal).join(", ")})`;
}

/** `op.bulk_insert(table, rows)`: an INSERT with literal rows. */
export function renderBulkInsert(call: Call): string | undefined {
  const args = new Args("bulk_insert", call, false);
  const tableValue = args.get("table");
  const tableCall = callTo(tableValue, "table", "Table");
  if (!tableCall) {
    throw new Unanalyzable(`op.bulk_insert into a table that is not a literal sa.table(...) (${describe(tableValue)})`);
  }
  const name = tableCall.args[0] ? identifierValue(tableCall.args[0]) : undefined;
  if (name === undefined) throw new Unanalyzable("op.bulk_insert table without a literal name");
  const schema = kwString(tableCall, "schema");
  const rows = args.get("rows");
  if (rows?.kind !== "seq") throw new Unanalyzable(`op.bulk_insert rows are not a literal list (${describe(rows)})`);
  if (rows.items.length === 0) return undefined;
  const columns: string[] = [];
  for (const row of rows.items) {
    if (row.kind !== "dict") throw new Unanalyzable("op.bulk_insert row that is not a literal dict");
    for (const entry of row.entries) {
      if (entry.key.kind !== "str") throw new Unanalyzable("op.bulk_insert row with a non-literal key");
      if (!columns.includes(entry.key.value)) columns.push(entry.key.value);
    }
  }
  const values = rows.items.map((row) => {
    const entries = row.kind === "dict" ? row.entries : [];
    return `(${columns
      .map((column) => {
        const value = entries.find((e) => e.key.kind === "str" && e.key.value === column)?.value;
        return value ? literalValue(value) : "DEFAULT";
      })
      .join(", ")})`;
  });
  return `INSERT INTO ${table(name, schema)} (${columnList(columns)}) VALUES ${values.join(", ")}`;
}

function literalValue(value: PyValue): string {
  switch (value.kind) {
    case "str":
      return literal(value.value);
    case "num":
      return value.text;
    case "bool":
      return value.value ? "true" : "false";
    case "none":
      return "NULL";
    default:
      throw new Unanalyzable(`op.bulk_insert value computed at run time (${describe(value)})`);
  }
}

/**
 * SQLAlchemy's text() treats `:name` as a bind parameter (`\:` escapes it).
 * PostgreSQL's parser knows `$n`, so each distinct name becomes one `$n`.
 */
export function bindParamsToPositional(sql: string): string {
  const numbers = new Map<string, number>();
  return sql
    .replace(/(?<![:\w\\]):(\w+)(?!:)/g, (_whole, name: string) => {
      if (!numbers.has(name)) numbers.set(name, numbers.size + 1);
      return `$${numbers.get(name)}`;
    })
    .replace(/\\:/g, ":");
}

/** psycopg's `%s` / `%(name)s` placeholders (exec_driver_sql with parameters) as `$n`. */
export function pyformatToPositional(sql: string): string {
  let count = 0;
  const numbers = new Map<string, number>();
  return sql
    .replace(/%\((\w+)\)s|%s/g, (_whole, name?: string) => {
      if (!name) return `$${++count}`;
      if (!numbers.has(name)) numbers.set(name, ++count);
      return `$${numbers.get(name)}`;
    })
    .replace(/%%/g, "%");
}

/**
 * SQLAlchemy Core statements on a literal table: `t.update().where(...).values(a=1)`,
 * `t.insert().values(...)`, `t.delete().where(...)`, `t.select()`. Conditions
 * and computed values are run-time data, so they become `$n` parameters: the
 * statement's shape (which table, which columns, whether there is a WHERE) is
 * what the rules need.
 */
export function renderCoreStatement(value: PyValue | undefined): string | undefined {
  const chain: Call[] = [];
  let current = value;
  while (current?.kind === "call" && current.callee.kind === "member") {
    chain.unshift(current);
    current = current.callee.object;
  }
  const tableCall = callTo(current, "table", "Table");
  const tableName = tableCall?.args[0] ? identifierValue(tableCall.args[0]) : undefined;
  const [first, ...rest] = chain;
  if (!tableCall || tableName === undefined || !first || first.callee.kind !== "member") return undefined;
  const schema = kwString(tableCall, "schema");
  const target = table(tableName, schema);
  const kind = first.callee.name;
  let parameter = 0;
  const valueSql = (item: PyValue): string => {
    if (item.kind === "str") return literal(item.value);
    if (item.kind === "num") return item.text;
    if (item.kind === "bool") return item.value ? "true" : "false";
    if (item.kind === "none") return "NULL";
    return `$${++parameter}`;
  };
  const assignments: Array<[string, string]> = [];
  let where = false;
  for (const step of [first, ...rest]) {
    const method = step.callee.kind === "member" ? step.callee.name : "";
    if (method === "values") {
      const dict = step.args[0];
      if (dict?.kind === "dict") {
        for (const entry of dict.entries) {
          if (entry.key.kind !== "str") return undefined;
          assignments.push([entry.key.value, valueSql(entry.value)]);
        }
      } else if (dict) {
        return undefined;
      }
      for (const [column, item] of step.kwargs) assignments.push([column, valueSql(item)]);
    } else if (method === "where" || method === "filter") {
      where = true;
    } else if (!["update", "insert", "delete", "select", "returning", "execution_options"].includes(method)) {
      return undefined;
    }
  }
  const condition = where ? ` WHERE $${++parameter}` : "";
  switch (kind) {
    case "update":
      if (assignments.length === 0) return undefined;
      return `UPDATE ${target} SET ${assignments.map(([c, v]) => `${ident(c)} = ${v}`).join(", ")}${condition}`;
    case "insert":
      if (assignments.length === 0) return undefined;
      return `INSERT INTO ${target} (${assignments.map(([c]) => ident(c)).join(", ")}) VALUES (${assignments.map(([, v]) => v).join(", ")})`;
    case "delete":
      return `DELETE FROM ${target}${condition}`;
    case "select":
      return `SELECT * FROM ${target}${condition}`;
    default:
      return undefined;
  }
}

/** alembic_utils entity classes: positional parameters, as the library declares them. */
const ENTITY_PARAMS: Record<string, string[]> = {
  PGExtension: ["schema", "signature"],
  PGFunction: ["schema", "signature", "definition"],
  PGProcedure: ["schema", "signature", "definition"],
  PGView: ["schema", "signature", "definition"],
  PGMaterializedView: ["schema", "signature", "definition", "with_data"],
  PGTrigger: ["schema", "signature", "on_entity", "definition", "is_constraint"],
  PGPolicy: ["schema", "signature", "on_entity", "definition"],
};

/**
 * `op.create_entity(...)` / `drop_entity` / `replace_entity` from alembic_utils,
 * rendered the way the library writes its SQL.
 */
export function renderEntity(method: string, entity: PyValue | undefined): string {
  const kind = lastName(entity);
  const params = ENTITY_PARAMS[kind];
  if (entity?.kind !== "call" || !params) {
    throw new Unanalyzable(`op.${method} of ${kind ? `an alembic_utils ${kind}` : describe(entity)}`);
  }
  const get = (name: string): PyValue | undefined => entity.kwargs.get(name) ?? entity.args[params.indexOf(name)];
  const text = (name: string): string => {
    const value = get(name);
    if (value?.kind !== "str") throw new Unanalyzable(`${kind} with a non-literal ${name}`);
    return value.value;
  };
  const schema = ident(text("schema"));
  const signature = text("signature");
  const replace = method === "replace_entity";
  const create = replace ? "CREATE OR REPLACE" : "CREATE";
  const drop = method === "drop_entity";
  switch (kind) {
    case "PGExtension":
      return drop ? `DROP EXTENSION ${ident(signature)}` : `CREATE EXTENSION ${ident(signature)} WITH SCHEMA ${schema}`;
    case "PGFunction":
    case "PGProcedure": {
      const noun = kind === "PGFunction" ? "FUNCTION" : "PROCEDURE";
      return drop
        ? `DROP ${noun} ${schema}.${signature}`
        : `${create} ${noun} ${schema}.${signature} ${text("definition")}`;
    }
    case "PGView":
      return drop
        ? `DROP VIEW ${schema}.${signature}`
        : `${create} VIEW ${schema}.${signature} AS ${text("definition")}`;
    case "PGMaterializedView": {
      if (drop) return `DROP MATERIALIZED VIEW ${schema}.${signature}`;
      const withData = get("with_data");
      const data = withData?.kind === "bool" && !withData.value ? "WITH NO DATA" : "WITH DATA";
      return `CREATE MATERIALIZED VIEW ${schema}.${signature} AS ${text("definition")} ${data}`;
    }
    case "PGTrigger": {
      if (drop) return `DROP TRIGGER ${ident(signature)} ON ${text("on_entity")}`;
      const constraint = get("is_constraint");
      const prefix = replace ? "CREATE OR REPLACE" : "CREATE";
      return `${prefix}${constraint?.kind === "bool" && constraint.value ? " CONSTRAINT" : ""} TRIGGER ${ident(signature)} ${text("definition")}`;
    }
    default:
      if (drop) return `DROP POLICY ${ident(signature)} ON ${text("on_entity")}`;
      return `CREATE POLICY ${ident(signature)} ON ${text("on_entity")} ${text("definition")}`;
  }
}
