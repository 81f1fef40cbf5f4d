/**
 * The description grammar of `generate "<description>"`: one line that says
 * what the schema should become, turned into an edit of the desired schema
 * (schema.prisma), which the tool's engine then diffs. Peers guided it: Rails
 * (`add email:string:index to users`), Laravel (`create table …`), Django's
 * "did you rename?" (a rename is said, never inferred), Atlas (desired state).
 *
 * Anything that would be a guess needs its own word: `not null` needs
 * `default <value>` or `backfill <value>` when the table exists; a rename is
 * `rename column`, never a drop plus an add.
 */
import type { SchemaFile } from "../sources/prisma/generate/index.js";

export class DescriptionError extends Error {
  override name = "DescriptionError";
}

export interface ColumnSpec {
  name: string;
  /** The type as the user wrote it (`text`, `varchar(255)`, `int` …). */
  type: string;
  notNull: boolean;
  unique: boolean;
  index: boolean;
  /** Kept as the column's default (`default <value>`). */
  default?: string;
  /** For existing rows only (`backfill <value>`). */
  backfill?: string;
}

export type Description =
  | { kind: "add-column"; table: string; column: ColumnSpec; slug: string }
  | { kind: "drop-column"; table: string; column: string; slug: string }
  | { kind: "rename-column"; table: string; from: string; to: string; slug: string }
  | { kind: "add-index"; table: string; columns: string[]; unique: boolean; slug: string }
  | { kind: "create-table"; table: string; columns: ColumnSpec[]; slug: string }
  | { kind: "drop-table"; table: string; slug: string };

/** Each form with an example; docs/generate.md lists the same, and every example there is a test. */
export const GRAMMAR = [
  [
    "add column <name> <type> [not null] [unique] [index] [default <v>] [backfill <v>] to <table>",
    "add column email text to users",
  ],
  ["add <name>:<type>[:index|:unique] to <table>  (Rails style)", "add email:text:index to users"],
  ["add index on <table> (<column>[, <column>…]) [unique]", "add index on users (name)"],
  ["rename column <old> to <new> in <table>", "rename column name to full_name in users"],
  ["drop column <name> from <table>", "drop column legacy_code from users"],
  ["create table <table> with <name> <type>[, <name> <type>…]", "create table posts with title text, body text"],
  ["drop table <table>", "drop table old_audit"],
] as const;

export function grammarText(): string {
  const width = Math.max(...GRAMMAR.map(([form]) => form.length));
  return [
    "A description says one change. Forms (types: text, varchar(n), int, bigint, boolean, timestamp, timestamptz, date, uuid, json, jsonb, decimal, float):",
    ...GRAMMAR.map(([form, example]) => `  ${form.padEnd(width)}   e.g. generate "${example}"`),
    "`not null` on an existing table also needs `default <value>` (kept) or `backfill <value>` (existing rows only).",
  ].join("\n");
}

const IDENT = "[A-Za-z_][A-Za-z0-9_]*";
const TYPE = String.raw`[A-Za-z]+(?:\s*\(\s*\d+(?:\s*,\s*\d+)?\s*\))?(?:\[\])?`;
const VALUE = `('(?:[^']|'')*'|"[^"]*"|[^\\s]+)`;

const unknown = (description: string, why?: string) =>
  new DescriptionError(`${why ?? `cannot read "${description}"`}\n${grammarText()}`);

/** The words allowed after `<name> <type>`, each with what it sets. */
const COLUMN_WORDS: Array<[RegExp, (column: ColumnSpec, value: string) => void]> = [
  [/^not\s+null\b/i, (c) => (c.notNull = true)],
  [/^(null|nullable)\b/i, (c) => (c.notNull = false)],
  [/^unique\b/i, (c) => (c.unique = true)],
  [/^index(ed)?\b/i, (c) => (c.index = true)],
  [new RegExp(`^default\\s+${VALUE}`, "i"), (c, v) => (c.default = v)],
  [new RegExp(`^backfill\\s+${VALUE}`, "i"), (c, v) => (c.backfill = v)],
];

function parseColumnWords(name: string, type: string, rest: string, description: string): ColumnSpec {
  const column: ColumnSpec = {
    name,
    type: type.replace(/\s+/g, "").toLowerCase(),
    notNull: false,
    unique: false,
    index: false,
  };
  let text = rest.trim();
  while (text) {
    const word = COLUMN_WORDS.map(([pattern, set]) => ({ match: pattern.exec(text), set })).find((w) => w.match);
    if (!word?.match)
      throw unknown(
        description,
        `"${text}": not a column word (not null, unique, index, default <value>, backfill <value>)`,
      );
    word.set(column, word.match[1] ?? "");
    text = text.slice(word.match[0].length).trim();
  }
  return column;
}

const slugOf = (...words: string[]) => words.join("_").toLowerCase();

/** Each form: its pattern over the normalised description, and what it means. */
const FORMS: Array<[RegExp, (parts: string[], description: string) => Description]> = [
  [
    new RegExp(`^add (?:column )?(${IDENT}):(${TYPE})((?::(?:index|unique))*) to (${IDENT})$`, "i"),
    ([name = "", type = "", flags = "", table = ""], description) => ({
      kind: "add-column",
      table,
      column: parseColumnWords(name, type, flags.split(":").join(" "), description),
      slug: slugOf("add", name, "to", table),
    }),
  ],
  [
    new RegExp(`^add column (${IDENT}) (${TYPE})(.*?) to (${IDENT})$`, "i"),
    ([name = "", type = "", rest = "", table = ""], description) => ({
      kind: "add-column",
      table,
      column: parseColumnWords(name, type, rest, description),
      slug: slugOf("add", name, "to", table),
    }),
  ],
  [
    new RegExp(`^add (unique )?index on (${IDENT}) ?\\(([^)]*)\\)( unique)?$`, "i"),
    ([uniqueBefore = "", table = "", list = "", uniqueAfter = ""], description) => {
      const columns = list.split(",").map((c) => c.trim());
      if (columns.some((c) => !new RegExp(`^${IDENT}$`).test(c)))
        throw unknown(description, `"${list}": list the columns by name, e.g. (email) or (team_id, created_at)`);
      return {
        kind: "add-index",
        table,
        columns,
        unique: Boolean(uniqueBefore || uniqueAfter),
        slug: slugOf("add", "index", table, ...columns),
      };
    },
  ],
  [
    new RegExp(`^rename column (${IDENT}) to (${IDENT}) (?:in|on) (${IDENT})$`, "i"),
    ([from = "", to = "", table = ""]) => ({
      kind: "rename-column",
      table,
      from,
      to,
      slug: slugOf("rename", from, "to", to),
    }),
  ],
  [
    new RegExp(`^(?:drop|remove) column (${IDENT}) from (${IDENT})$`, "i"),
    ([column = "", table = ""]) => ({
      kind: "drop-column",
      table,
      column,
      slug: slugOf("drop", column, "from", table),
    }),
  ],
  [
    new RegExp(`^create table (${IDENT}) with (.+)$`, "i"),
    ([table = "", list = ""], description) => ({
      kind: "create-table",
      table,
      columns: list.split(",").map((part) => {
        const column = new RegExp(`^\\s*(${IDENT}) (${TYPE})(.*)$`, "i").exec(part);
        if (!column) throw unknown(description, `"${part.trim()}": a column is <name> <type> [words]`);
        return parseColumnWords(column[1] as string, column[2] as string, column[3] as string, description);
      }),
      slug: slugOf("create", table),
    }),
  ],
  [
    new RegExp(`^drop table (${IDENT})$`, "i"),
    ([table = ""]) => ({ kind: "drop-table", table, slug: slugOf("drop", table) }),
  ],
];

export function parseDescription(input: string): Description {
  const description = input.trim().replace(/\s+/g, " ");
  for (const [pattern, build] of FORMS) {
    const match = pattern.exec(description);
    if (match) return build(match.slice(1), description);
  }
  if (/\brename\b/i.test(description))
    throw unknown(description, `"${description}": a rename is said as \`rename column <old> to <new> in <table>\``);
  throw unknown(description);
}

/** Prisma scalar and native type for a SQL type word. */
function prismaType(type: string): { scalar: string; native?: string } {
  const t = type.toLowerCase();
  const list = t.endsWith("[]");
  const base = list ? t.slice(0, -2) : t;
  const wrap = (scalar: string, native?: string) => ({
    scalar: list ? `${scalar}[]` : scalar,
    ...(native ? { native } : {}),
  });
  const varchar = /^(varchar|character varying|string)\((\d+)\)$/.exec(base);
  if (varchar) return wrap("String", `@db.VarChar(${varchar[2]})`);
  const decimal = /^(decimal|numeric)\((\d+),(\d+)\)$/.exec(base);
  if (decimal) return wrap("Decimal", `@db.Decimal(${decimal[2]}, ${decimal[3]})`);
  switch (base) {
    case "text":
    case "string":
    case "varchar":
      return wrap("String");
    case "int":
    case "integer":
    case "int4":
      return wrap("Int");
    case "bigint":
    case "int8":
      return wrap("BigInt");
    case "boolean":
    case "bool":
      return wrap("Boolean");
    case "timestamp":
    case "datetime":
      return wrap("DateTime");
    case "timestamptz":
      return wrap("DateTime", "@db.Timestamptz(6)");
    case "date":
      return wrap("DateTime", "@db.Date");
    case "uuid":
      return wrap("String", "@db.Uuid");
    case "json":
      return wrap("Json", "@db.Json");
    case "jsonb":
      return wrap("Json");
    case "decimal":
    case "numeric":
      return wrap("Decimal");
    case "float":
    case "double":
      return wrap("Float");
    default:
      throw new DescriptionError(`type "${type}" is not one the description grammar knows\n${grammarText()}`);
  }
}

/** `@default(…)` for a value the user wrote, in the field's scalar type. */
function prismaDefault(scalar: string, value: string): string {
  const bare = value.replace(/^'(.*)'$/s, "$1").replace(/^"(.*)"$/s, "$1");
  if (/^now(\(\))?$/i.test(bare)) return "@default(now())";
  if (scalar === "String") return `@default(${JSON.stringify(bare.replace(/''/g, "'"))})`;
  if (scalar === "Boolean" && !/^(true|false)$/i.test(bare))
    throw new DescriptionError(`default ${value}: a boolean default is true or false`);
  return `@default(${bare.toLowerCase() === "true" || bare.toLowerCase() === "false" ? bare.toLowerCase() : bare})`;
}

/** A backfill value as SQL, quoted for text types when the user left it bare. */
export function backfillSql(column: ColumnSpec): string | undefined {
  if (column.backfill === undefined) return undefined;
  const value = column.backfill;
  if (/^'.*'$/s.test(value)) return value;
  if (/^".*"$/s.test(value)) return `'${value.slice(1, -1).replace(/'/g, "''")}'`;
  const scalar = prismaType(column.type).scalar;
  if (scalar === "String" && !/^\w+\(.*\)$/.test(value)) return `'${value.replace(/'/g, "''")}'`;
  return value;
}

function fieldLine(column: ColumnSpec): string {
  const { scalar, native } = prismaType(column.type);
  const optional = !column.notNull && !scalar.endsWith("[]") ? "?" : "";
  const attributes = [
    native,
    column.default !== undefined ? prismaDefault(scalar, column.default) : undefined,
    column.unique ? "@unique" : undefined,
  ].filter(Boolean);
  return `  ${column.name} ${scalar}${optional}${attributes.length ? ` ${attributes.join(" ")}` : ""}`;
}

interface ModelBlock {
  file: SchemaFile;
  name: string;
  /** Line indexes of `model X {` and its closing `}`. */
  open: number;
  close: number;
  lines: string[];
}

function models(files: SchemaFile[]): ModelBlock[] {
  const found: ModelBlock[] = [];
  for (const file of files) {
    const lines = file.content.split("\n");
    for (let i = 0; i < lines.length; i++) {
      const open = /^\s*model\s+(\w+)\s*\{/.exec(lines[i] as string);
      if (!open) continue;
      let close = i + 1;
      while (close < lines.length && !/^\s*\}/.test(lines[close] as string)) close++;
      found.push({ file, name: open[1] as string, open: i, close, lines });
    }
  }
  return found;
}

function tableName(model: ModelBlock): string {
  for (let i = model.open; i < model.close; i++) {
    const mapped = /^\s*@@map\(\s*(?:name:\s*)?"([^"]+)"/.exec(model.lines[i] as string);
    if (mapped) return mapped[1] as string;
  }
  return model.name;
}

/** The model stored in `table`: by its @@map, its name, or its name in another case. */
function findModel(files: SchemaFile[], table: string): ModelBlock {
  const all = models(files);
  const exact =
    all.find((m) => tableName(m) === table) ?? all.find((m) => tableName(m).toLowerCase() === table.toLowerCase());
  if (exact) return exact;
  throw new DescriptionError(
    `no model is stored in a table named "${table}" (tables: ${all.map(tableName).join(", ") || "none"}); name the table as the database does`,
  );
}

/** The field that holds `column` (by @map or by name), with its line index. */
function findColumn(model: ModelBlock, column: string): { index: number; field: string } | undefined {
  for (let i = model.open + 1; i < model.close; i++) {
    const line = model.lines[i] as string;
    const field = /^\s*(\w+)\s+\w/.exec(line)?.[1];
    if (!field || line.trim().startsWith("@@") || line.trim().startsWith("//")) continue;
    const mapped = /@map\(\s*(?:name:\s*)?"([^"]+)"\)/.exec(line)?.[1];
    if ((mapped ?? field) === column) return { index: i, field };
  }
  return undefined;
}

function replaceFile(files: SchemaFile[], model: ModelBlock): SchemaFile[] {
  alignFields(model.lines, model.open + 1, closingLine(model.lines, model.open));
  return files.map((f) => (f.path === model.file.path ? { path: f.path, content: model.lines.join("\n") } : f));
}

function closingLine(lines: string[], open: number): number {
  let close = open + 1;
  while (close < lines.length && !/^\s*\}/.test(lines[close] as string)) close++;
  return close;
}

const FIELD = /^(\s+)(\w+)(\s+)([\w.]+(?:\[\])?\??|Unsupported\("[^"]*"\)\??)(?:(\s+)(.*))?$/;

/** Aligns the field lines of a block in columns (name, type, attributes), as `prisma format` does. */
function alignFields(lines: string[], from: number, to: number): void {
  const fields: Array<{ index: number; indent: string; name: string; type: string; rest?: string }> = [];
  for (let i = from; i < to; i++) {
    const line = lines[i] as string;
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith("@@") || trimmed.startsWith("//")) continue;
    const match = FIELD.exec(line);
    if (!match) continue;
    fields.push({
      index: i,
      indent: match[1] as string,
      name: match[2] as string,
      type: match[4] as string,
      ...(match[6] ? { rest: match[6] } : {}),
    });
  }
  const nameWidth = Math.max(0, ...fields.map((f) => f.name.length));
  const typeWidth = Math.max(0, ...fields.filter((f) => f.rest).map((f) => f.type.length));
  for (const field of fields) {
    const head = `  ${field.name.padEnd(nameWidth)} `;
    lines[field.index] = field.rest ? `${head}${field.type.padEnd(typeWidth)} ${field.rest}` : `${head}${field.type}`;
  }
}

/** Inserts lines before the model's block attributes (`@@…`) or its closing brace. */
function insertInModel(model: ModelBlock, lines: string[], beforeAttributes: boolean): void {
  let at = model.close;
  if (beforeAttributes) {
    for (let i = model.open + 1; i < model.close; i++) {
      if ((model.lines[i] as string).trim().startsWith("@@")) {
        at = i;
        break;
      }
    }
    while (at > model.open + 1 && (model.lines[at - 1] as string).trim() === "") at--;
  }
  // Block attributes sit after a blank line below the fields, as Prisma formats them.
  const previous = (model.lines[at - 1] as string).trim();
  const spaced = !beforeAttributes && previous !== "" && !previous.startsWith("@@") ? ["", ...lines] : lines;
  model.lines.splice(at, 0, ...spaced);
}

/** The schema with the description applied (the engine then diffs it). */
export function applyPrismaDescription(files: SchemaFile[], description: Description): SchemaFile[] {
  switch (description.kind) {
    case "add-column": {
      const model = findModel(files, description.table);
      if (findColumn(model, description.column.name))
        throw new DescriptionError(`${tableName(model)} already has a column ${description.column.name}`);
      insertInModel(model, [fieldLine(description.column)], true);
      if (description.column.index) {
        const again = findModel(replaceFile(files, model), description.table);
        insertInModel(again, [`  @@index([${description.column.name}])`], false);
        return replaceFile(files, again);
      }
      return replaceFile(files, model);
    }
    case "add-index": {
      const model = findModel(files, description.table);
      const fields = description.columns.map((column) => {
        const found = findColumn(model, column);
        if (!found) throw new DescriptionError(`${tableName(model)} has no column ${column}`);
        return found.field;
      });
      insertInModel(model, [`  @@${description.unique ? "unique" : "index"}([${fields.join(", ")}])`], false);
      return replaceFile(files, model);
    }
    case "drop-column": {
      const model = findModel(files, description.table);
      const found = findColumn(model, description.column);
      if (!found) throw new DescriptionError(`${tableName(model)} has no column ${description.column}`);
      const uses = model.lines
        .slice(model.open, model.close)
        .filter((line) => line.trim().startsWith("@@") && new RegExp(`\\b${found.field}\\b`).test(line));
      if (uses.length > 0)
        throw new DescriptionError(
          `${description.column} is used by ${uses.map((u) => u.trim()).join(", ")}: drop those first`,
        );
      model.lines.splice(found.index, 1);
      return replaceFile(files, model);
    }
    case "rename-column": {
      const model = findModel(files, description.table);
      const found = findColumn(model, description.from);
      if (!found) throw new DescriptionError(`${tableName(model)} has no column ${description.from}`);
      if (findColumn(model, description.to))
        throw new DescriptionError(`${tableName(model)} already has a column ${description.to}`);
      const line = model.lines[found.index] as string;
      model.lines[found.index] = /@map\(/.test(line)
        ? line.replace(/@map\(\s*(?:name:\s*)?"[^"]+"\)/, `@map("${description.to}")`)
        : line.replace(new RegExp(`^(\\s*)${found.field}\\b`), `$1${description.to}`);
      for (let i = model.open + 1; i < model.close; i++) {
        if ((model.lines[i] as string).trim().startsWith("@@") && !/@map\(/.test(line))
          model.lines[i] = (model.lines[i] as string).replace(new RegExp(`\\b${found.field}\\b`, "g"), description.to);
      }
      return replaceFile(files, model);
    }
    case "create-table": {
      if (models(files).some((m) => tableName(m) === description.table))
        throw new DescriptionError(`a table named ${description.table} already exists`);
      const lines = [
        "",
        `model ${description.table} {`,
        "  id Int @id @default(autoincrement())",
        ...description.columns.map(fieldLine),
        ...description.columns.filter((c) => c.index).map((c) => `  @@index([${c.name}])`),
        "}",
      ];
      alignFields(lines, 2, lines.length - 1);
      const target = files[files.length - 1] as SchemaFile;
      const content = `${target.content.replace(/\n*$/, "\n")}${lines.join("\n")}\n`;
      return files.map((f) => (f === target ? { path: f.path, content } : f));
    }
    case "drop-table": {
      const model = findModel(files, description.table);
      const referenced = models(files).filter(
        (m) =>
          m.name !== model.name &&
          m.lines.slice(m.open, m.close).some((line) => new RegExp(`^\\s*\\w+\\s+${model.name}\\b`).test(line)),
      );
      if (referenced.length > 0)
        throw new DescriptionError(
          `${model.name} is referenced by ${referenced.map((m) => m.name).join(", ")}: remove those relations first`,
        );
      let start = model.open;
      while (start > 0 && (model.lines[start - 1] as string).trim().startsWith("///")) start--;
      model.lines.splice(start, model.close - start + 1);
      return replaceFile(files, model);
    }
  }
}

/**
 * Prisma writes a renamed column as DROP + ADD (it cannot know); the description
 * said rename, so that statement becomes `RENAME COLUMN`, keeping the data.
 */
export function renameInSql(sql: string, table: string, from: string, to: string): string {
  const q = (name: string) => `"${name.replace(/"/g, '""')}"`;
  const pattern = new RegExp(
    `ALTER TABLE ${escapeRegExp(q(table))} DROP COLUMN ${escapeRegExp(q(from))},\\s*ADD COLUMN\\s+${escapeRegExp(q(to))}[^;]*;`,
  );
  if (!pattern.test(sql))
    throw new DescriptionError(
      `Prisma did not write the rename as one DROP + ADD on ${table}; write this migration by hand`,
    );
  return sql.replace(pattern, `ALTER TABLE ${q(table)} RENAME COLUMN ${q(from)} TO ${q(to)};`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
