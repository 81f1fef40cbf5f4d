/**
 * `op.sync_enum_values(...)` of the alembic_postgresql_enum package, rendered
 * as the SQL that package runs (operations/sync_enum_values.py and
 * sql_commands/): the type renamed to `<name>_old`, the new type created,
 * `=` / `!=` operators between the two for indexes and defaults, each
 * affected column cast through text, then the helpers and the old type
 * dropped. Names are written unquoted, as the package formats them.
 */
import { lastName, type PyValue } from "./python.js";
import { type Rendered, Unanalyzable } from "./render.js";
import type { Call } from "./types.js";

const PARAMETERS = ["enum_schema", "enum_name", "new_values", "affected_columns", "enum_values_to_rename"];
const REFERENCE_FIELDS = ["table_name", "column_name", "table_schema", "column_type", "existing_server_default"];
const OPERATORS = [
  ["!=", "new_old_not_equals"],
  ["=", "new_old_equals"],
] as const;

interface Reference {
  table: string;
  column: string;
  schema: string;
  array: boolean;
  /** The column default as PostgreSQL prints it (`'active'::status`); undefined when read at run time. */
  serverDefault?: string | null;
}

function argument(call: Call, name: string): PyValue | undefined {
  return call.kwargs.get(name) ?? call.args[PARAMETERS.indexOf(name)];
}

function text(value: PyValue | undefined, what: string): string {
  if (value?.kind !== "str") throw new Unanalyzable(`op.sync_enum_values with a non-literal ${what}`);
  return value.value;
}

function strings(value: PyValue | undefined, what: string): string[] {
  if (value?.kind !== "seq") throw new Unanalyzable(`op.sync_enum_values with a non-literal ${what}`);
  return value.items.map((item) => text(item, what));
}

function reference(item: PyValue, enumSchema: string): Reference {
  if (item.kind === "seq") {
    // Old style (table, column[, ColumnType]): the package reads the column default from the database.
    const [table, column, type] = item.items;
    return {
      table: text(table, "affected column"),
      column: text(column, "affected column"),
      schema: enumSchema,
      array: type !== undefined && lastName(type) === "ARRAY",
    };
  }
  if (item.kind !== "call" || lastName(item) !== "TableReference") {
    throw new Unanalyzable("op.sync_enum_values with an affected column that is not a literal TableReference");
  }
  const field = (name: string) => item.kwargs.get(name) ?? item.args[REFERENCE_FIELDS.indexOf(name)];
  const schema = field("table_schema");
  const type = field("column_type");
  const serverDefault = field("existing_server_default");
  return {
    table: text(field("table_name"), "table_name"),
    column: text(field("column_name"), "column_name"),
    schema: schema?.kind === "str" ? schema.value : schema?.kind === "none" ? "" : enumSchema,
    array: type !== undefined && lastName(type) === "ARRAY",
    serverDefault: serverDefault?.kind === "str" ? serverDefault.value : null,
  };
}

export function renderSyncEnumValues(call: Call): Rendered {
  const schema = text(argument(call, "enum_schema"), "enum_schema");
  const name = text(argument(call, "enum_name"), "enum_name");
  const values = strings(argument(call, "new_values"), "new_values");
  const affected = argument(call, "affected_columns");
  if (affected?.kind !== "seq") throw new Unanalyzable("op.sync_enum_values with non-literal affected_columns");
  const renames = argument(call, "enum_values_to_rename");
  const renamed = (renames?.kind === "seq" ? renames.items : []).map((pair) => {
    const [from, to] = pair.kind === "seq" ? pair.items : [];
    return [text(from, "enum_values_to_rename"), text(to, "enum_values_to_rename")] as const;
  });
  const type = `${schema}.${name}`;
  const old = `${name}_old`;
  const approximations: string[] = [];
  const sql = [
    `ALTER TYPE ${type} RENAME TO ${old}`,
    `CREATE TYPE ${type} AS ENUM(${values.map((v) => `'${v}'`).join(", ")})`,
  ];
  for (const [operator, fn] of OPERATORS) {
    const compared = renamed.length
      ? `CASE ${renamed.map(([from, to]) => `WHEN old_enum_val::text = '${from}' THEN '${to}'`).join(" ")} ELSE old_enum_val::text END`
      : "old_enum_val::text";
    sql.push(
      `CREATE FUNCTION ${fn}(new_enum_val ${type}, old_enum_val ${schema}.${old}) RETURNS boolean AS $$ SELECT new_enum_val::text ${operator} ${compared}; $$ LANGUAGE SQL IMMUTABLE`,
      `CREATE OPERATOR ${operator} (leftarg = ${type}, rightarg = ${schema}.${old}, procedure = ${fn})`,
    );
  }
  for (const item of affected.items) {
    const ref = reference(item, schema);
    const table = ref.schema ? `${ref.schema}.${ref.table}` : ref.table;
    if (ref.serverDefault === undefined) {
      approximations.push(
        `op.sync_enum_values reads the default of ${table}.${ref.column} at run time; rendered as if it had none`,
      );
    }
    if (ref.serverDefault) sql.push(`ALTER TABLE ${table} ALTER COLUMN ${ref.column} DROP DEFAULT`);
    if (ref.array) {
      let cast = `${ref.column}::text[]`;
      for (const [from, to] of renamed) cast = `array_replace(${cast}, '${from}', '${to}')`;
      sql.push(`ALTER TABLE ${table} ALTER COLUMN ${ref.column} TYPE ${type}[] USING ${cast}::${type}[]`);
    } else if (renamed.length) {
      const cases = renamed.map(([from, to]) => `WHEN ${ref.column}::text = '${from}' THEN '${to}'::${type}`).join(" ");
      sql.push(
        `ALTER TABLE ${table} ALTER COLUMN ${ref.column} TYPE ${type} USING CASE ${cases} ELSE ${ref.column}::text::${type} END`,
      );
    } else {
      sql.push(`ALTER TABLE ${table} ALTER COLUMN ${ref.column} TYPE ${type} USING ${ref.column}::text::${type}`);
    }
    if (ref.serverDefault) {
      let value = ref.serverDefault.includes("::")
        ? ref.serverDefault.slice(0, ref.serverDefault.indexOf("::"))
        : ref.serverDefault.slice(0, -1);
      for (const [from, to] of renamed)
        value = value.replaceAll(`'${from}'`, `'${to}'`).replaceAll(`"${from}"`, `"${to}"`);
      sql.push(`ALTER TABLE ${table} ALTER COLUMN ${ref.column} SET DEFAULT ${value}::${name}`);
    }
  }
  for (const [, fn] of OPERATORS) {
    sql.push(`DROP FUNCTION ${fn}(new_enum_val ${type}, old_enum_val ${schema}.${old}) CASCADE`);
  }
  sql.push(`DROP TYPE ${schema}.${old}`);
  return { sql, approximations };
}
