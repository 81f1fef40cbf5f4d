/**
 * The body of an Alembic `def downgrade():` as a person writes it: `op.*`
 * calls with SQLAlchemy types, `op.execute` only where Alembic has no op, and
 * concurrent index work inside `autocommit_block()`.
 */
import type { ColumnSnapshot, ConstraintSnapshot, IndexSnapshot } from "../../engine/catalog/types.js";
import type { RollbackStep, StructuredOp, TableRef } from "../../rollback/types.js";
import { pgTypeToSqlalchemy } from "./types-map.js";

const INDENT = "    ";
const SA_IMPORT = "import sqlalchemy as sa";

/** A Python string literal (JSON's escapes are valid Python). */
function py(value: string): string {
  return JSON.stringify(value);
}

/** Multi-line SQL as a triple-quoted string, single lines as a plain literal. */
function pySql(sql: string, indent: string): string {
  if (!sql.includes("\n")) return py(sql);
  const escaped = sql.replaceAll("\\", "\\\\").replaceAll('"""', '\\"\\"\\"');
  return `"""\n${escaped
    .split("\n")
    .map((line) => (line ? `${indent}${INDENT}${line}` : line))
    .join("\n")}\n${indent}"""`;
}

function schemaArg(table: TableRef): string {
  return table.schema === "public" ? "" : `, schema=${py(table.schema)}`;
}

export interface AlembicBody {
  /** Lines of the function body, indented one level. */
  lines: string[];
  /** Imports the body needs (`import sqlalchemy as sa`, ...). */
  imports: string[];
}

class Imports {
  readonly set = new Set<string>();
  add(list: string[]): void {
    for (const item of list) this.set.add(item);
  }
}

function saType(type: string, imports: Imports): string | undefined {
  const mapped = pgTypeToSqlalchemy(type);
  if (!mapped) return undefined;
  imports.add(mapped.imports);
  return mapped.python;
}

/** `sa.Column(...)`, or undefined when a type has no SQLAlchemy spelling. */
function column(c: ColumnSnapshot, imports: Imports): string | undefined {
  const type = saType(c.type, imports);
  if (!type) return undefined;
  const args = [py(c.name), type];
  if (c.generated !== null)
    args.push(`sa.Computed(${py(c.generated)}, persisted=${c.generatedKind !== "virtual" ? "True" : "False"})`);
  if (c.identity) args.push(`sa.Identity(always=${c.identity === "always" ? "True" : "False"})`);
  if (c.default !== null && c.generated === null) args.push(`server_default=sa.text(${py(c.default)})`);
  args.push(`nullable=${c.notNull ? "False" : "True"}`);
  if (c.comment !== null) args.push(`comment=${py(c.comment)}`);
  imports.add([SA_IMPORT]);
  return `sa.Column(${args.join(", ")})`;
}

/** `(a, b)` of a simple column list, or undefined for expressions. */
function simpleColumns(list: string): string[] | undefined {
  const names = list.split(",").map((n) => n.trim());
  if (!names.every((n) => /^("[^"]+"|[a-z_][a-z0-9_$]*)$/.test(n))) return undefined;
  return names.map((n) => n.replace(/^"(.*)"$/, "$1"));
}

function tableConstraint(c: ConstraintSnapshot, imports: Imports): string | undefined {
  imports.add([SA_IMPORT]);
  const key = /^(PRIMARY KEY|UNIQUE) \(([^()]+)\)$/.exec(c.definition);
  if (key) {
    const columns = simpleColumns(key[2] ?? "");
    if (!columns) return undefined;
    const kind = key[1] === "PRIMARY KEY" ? "sa.PrimaryKeyConstraint" : "sa.UniqueConstraint";
    return `${kind}(${columns.map(py).join(", ")}, name=${py(c.name)})`;
  }
  const check = /^CHECK \((.*)\)$/s.exec(c.definition);
  if (check) return `sa.CheckConstraint(${py(check[1] ?? "")}, name=${py(c.name)})`;
  return undefined;
}

const FOREIGN_KEY =
  /^FOREIGN KEY \(([^()]+)\) REFERENCES ((?:"[^"]+"|\w+)(?:\.(?:"[^"]+"|\w+))?)\(([^()]+)\)((?: ON (?:DELETE|UPDATE) (?:CASCADE|SET NULL|SET DEFAULT|RESTRICT|NO ACTION))*)$/;

function addConstraint(table: TableRef, c: ConstraintSnapshot, imports: Imports): string | undefined {
  const name = py(c.name);
  const t = py(table.name);
  const key = /^(PRIMARY KEY|UNIQUE) \(([^()]+)\)$/.exec(c.definition);
  if (key) {
    const columns = simpleColumns(key[2] ?? "");
    if (!columns) return undefined;
    const fn = key[1] === "PRIMARY KEY" ? "create_primary_key" : "create_unique_constraint";
    return `op.${fn}(${name}, ${t}, [${columns.map(py).join(", ")}]${schemaArg(table)})`;
  }
  const check = /^CHECK \((.*)\)$/s.exec(c.definition);
  if (check) return `op.create_check_constraint(${name}, ${t}, ${py(check[1] ?? "")}${schemaArg(table)})`;
  const fk = FOREIGN_KEY.exec(c.definition);
  if (fk) {
    const local = simpleColumns(fk[1] ?? "");
    const remote = simpleColumns(fk[3] ?? "");
    if (!local || !remote) return undefined;
    const target = (fk[2] ?? "").split(".");
    const args = [
      name,
      t,
      py((target.at(-1) ?? "").replace(/^"(.*)"$/, "$1")),
      `[${local.map(py).join(", ")}]`,
      `[${remote.map(py).join(", ")}]`,
    ];
    const onDelete = / ON DELETE ([A-Z ]+?)(?= ON|$)/.exec(fk[4] ?? "");
    const onUpdate = / ON UPDATE ([A-Z ]+?)(?= ON|$)/.exec(fk[4] ?? "");
    if (onUpdate) args.push(`onupdate=${py(onUpdate[1] ?? "")}`);
    if (onDelete) args.push(`ondelete=${py(onDelete[1] ?? "")}`);
    if (table.schema !== "public") args.push(`source_schema=${py(table.schema)}`);
    if (target.length > 1) args.push(`referent_schema=${py((target[0] ?? "").replace(/^"(.*)"$/, "$1"))}`);
    imports.add([]);
    return `op.create_foreign_key(${args.join(", ")})`;
  }
  return undefined;
}

const CONSTRAINT_TYPE: Record<ConstraintSnapshot["kind"], string | null> = {
  "primary key": "primary",
  unique: "unique",
  "foreign key": "foreignkey",
  check: "check",
  exclusion: null,
  trigger: null,
};

function createIndex(
  table: TableRef,
  index: IndexSnapshot,
  concurrently: boolean,
  imports: Imports,
): string | undefined {
  const match = /^CREATE (UNIQUE )?INDEX \S+ ON (?:ONLY )?\S+ USING (\w+) \(([^()]*)\)(?: WHERE \((.*)\))?$/s.exec(
    index.definition,
  );
  if (!match) return undefined;
  const columns = simpleColumns(match[3] ?? "");
  if (!columns) return undefined;
  const args = [py(index.name), py(table.name), `[${columns.map(py).join(", ")}]`];
  if (match[1]) args.push("unique=True");
  if (table.schema !== "public") args.push(`schema=${py(table.schema)}`);
  if (match[2] !== "btree") args.push(`postgresql_using=${py(match[2] ?? "")}`);
  if (match[4]) {
    imports.add([SA_IMPORT]);
    args.push(`postgresql_where=sa.text(${py(match[4])})`);
  }
  if (concurrently) args.push("postgresql_concurrently=True");
  return `op.create_index(${args.join(", ")})`;
}

/** The `op.*` call for a structured change, or undefined when only SQL says it exactly. */
function opCall(op: StructuredOp, imports: Imports, indent: string): string | undefined {
  const t = py(op.table.name);
  const schema = schemaArg(op.table);
  switch (op.op) {
    case "create_table": {
      const parts: string[] = [];
      for (const c of op.columns) {
        const rendered = column(c, imports);
        if (!rendered) return undefined;
        parts.push(rendered);
      }
      for (const c of op.constraints) {
        const rendered = tableConstraint(c, imports);
        if (!rendered) return undefined;
        parts.push(rendered);
      }
      if (op.table.schema !== "public") parts.push(`schema=${py(op.table.schema)}`);
      return `op.create_table(\n${indent}${INDENT}${t},\n${parts.map((p) => `${indent}${INDENT}${p},`).join("\n")}\n${indent})`;
    }
    case "drop_table":
      return `op.drop_table(${t}${schema})`;
    case "rename_table":
      return `op.rename_table(${t}, ${py(op.to)}${schema})`;
    case "add_column": {
      const rendered = column(op.column, imports);
      return rendered ? `op.add_column(${t}, ${rendered}${schema})` : undefined;
    }
    case "drop_column":
      return `op.drop_column(${t}, ${py(op.column)}${schema})`;
    case "rename_column":
      return `op.alter_column(${t}, ${py(op.column)}, new_column_name=${py(op.to)}${schema})`;
    case "alter_column": {
      const existing = saType(op.existingType, imports);
      const args = [t, py(op.column)];
      if (op.type) {
        const to = saType(op.type.to, imports);
        const from = saType(op.type.from, imports);
        if (!to || !from) return undefined;
        args.push(`existing_type=${from}`, `type_=${to}`);
        if (op.type.using) args.push(`postgresql_using=${py(op.type.using)}`);
      } else if (existing) args.push(`existing_type=${existing}`);
      if (op.nullable !== undefined) args.push(`nullable=${op.nullable ? "True" : "False"}`);
      if (op.serverDefault !== undefined) {
        imports.add([SA_IMPORT]);
        args.push(`server_default=${op.serverDefault === null ? "None" : `sa.text(${py(op.serverDefault)})`}`);
      }
      if (op.table.schema !== "public") args.push(`schema=${py(op.table.schema)}`);
      return `op.alter_column(${args.join(", ")})`;
    }
    case "create_index":
      return createIndex(op.table, op.index, op.concurrently, imports);
    case "drop_index":
      return `op.drop_index(${py(op.index)}, table_name=${t}${schema}${op.concurrently ? ", postgresql_concurrently=True" : ""})`;
    case "add_constraint":
      return addConstraint(op.table, op.constraint, imports);
    case "drop_constraint": {
      const type = CONSTRAINT_TYPE[op.constraint.kind];
      return `op.drop_constraint(${py(op.constraint.name)}, ${t}${schema}${type ? `, type_=${py(type)}` : ""})`;
    }
  }
}

/** Renders the body of `downgrade()`; `pass` when there is nothing to undo. */
export function renderAlembicDowngrade(steps: RollbackStep[]): AlembicBody {
  const imports = new Imports();
  const lines: string[] = [];
  let inAutocommit = false;
  for (const step of steps) {
    const concurrent = step.concurrently === true;
    if (concurrent && !inAutocommit) {
      lines.push(`${INDENT}with op.get_context().autocommit_block():`);
      inAutocommit = true;
    } else if (!concurrent && inAutocommit && step.sql) inAutocommit = false;
    const indent = inAutocommit ? INDENT + INDENT : INDENT;
    if (step.note) lines.push(...step.note.split("\n").map((line) => `${indent}# ${line}`));
    if (!step.sql) continue;
    const call = (step.op && opCall(step.op, imports, indent)) ?? `op.execute(${pySql(step.sql, indent)})`;
    lines.push(...`${indent}${call}`.split("\n"));
  }
  if (!lines.some((line) => !line.trim().startsWith("#"))) lines.push(`${INDENT}pass`);
  return { lines, imports: [...imports.set].sort() };
}

/**
 * The revision file with `downgrade()`'s body replaced by `body` and the
 * imports it needs added under `from alembic import op`.
 */
export function fillAlembicDowngrade(text: string, body: AlembicBody): string | null {
  const lines = text.split("\n");
  const start = lines.findIndex((line) => /^def downgrade\s*\(.*\)\s*(->\s*[\w.[\], ]+)?:\s*$/.test(line));
  if (start < 0) return null;
  let end = start + 1;
  while (end < lines.length) {
    const line = lines[end] ?? "";
    if (line.trim() !== "" && !/^\s/.test(line)) break;
    end++;
  }
  while (end > start + 1 && (lines[end - 1] ?? "").trim() === "") end--;
  const replaced = [...lines.slice(0, start + 1), ...body.lines, ...lines.slice(end)];
  const missing = body.imports.filter((imp) => !replaced.includes(imp));
  if (missing.length > 0) {
    const anchor = replaced.findIndex((line) => /^from alembic import op\b/.test(line));
    replaced.splice(anchor >= 0 ? anchor + 1 : 0, 0, ...missing);
  }
  return replaced.join("\n");
}
