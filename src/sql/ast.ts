/**
 * Small readers over libpg-query's JSON AST. The AST is a tagged union
 * (`{ AlterTableStmt: {...} }`); these helpers keep rules short and typed.
 */
import type { Node, RangeVar, TypeName } from "@pgsql/types";

/** Every key of the Node union, e.g. `"AlterTableStmt"`. */
export type NodeTag = Node extends infer N ? (N extends Record<infer K, unknown> ? K : never) : never;
/** The payload type for a tag: `NodeOf<"AlterTableStmt">` is `AlterTableStmt`. */
export type NodeOf<T extends NodeTag> = Extract<Node, Record<T, unknown>>[T];

export function tagOf(node: unknown): NodeTag | undefined {
  return node && typeof node === "object" ? (Object.keys(node)[0] as NodeTag) : undefined;
}

/** The payload when `node` is of type `tag`, else undefined. */
export function as<T extends NodeTag>(node: unknown, tag: T): NodeOf<T> | undefined {
  if (!node || typeof node !== "object" || !(tag in node)) return undefined;
  return (node as unknown as Record<T, NodeOf<T>>)[tag];
}

/** Plain string from a `String` node (identifiers, names). */
export function str(node: Node | undefined): string {
  const s = as(node, "String");
  return s?.sval ?? "";
}

/** `schema.name` from a list of String nodes (qualified names). */
export function nameList(nodes: Node[] | undefined): string[] {
  return (nodes ?? []).map(str);
}

/**
 * A table's key for tracking objects across statements: lower-cased as the
 * parser already folds unquoted names, and `public.` dropped so `public.users`
 * and `users` are the same table.
 */
export function tableKey(rel: RangeVar | undefined): string {
  if (!rel?.relname) return "";
  return qualifiedKey(rel.schemaname, rel.relname);
}

export function qualifiedKey(schema: string | undefined, name: string): string {
  return schema && schema !== "public" ? `${schema}.${name}` : name;
}

/** `users` or `audit.users`, for messages. */
export function displayTable(rel: RangeVar | undefined): string {
  return tableKey(rel) || "(unknown)";
}

/** The type as written, normalised to PostgreSQL's names: `varchar(255)`, `int8`, `text[]`. */
export function typeNameString(typeName: TypeName | undefined): string {
  if (!typeName) return "";
  const names = nameList(typeName.names).filter((n) => n !== "pg_catalog");
  const base = names.join(".");
  const mods = (typeName.typmods ?? []).map(constValue).filter((v) => v !== undefined);
  const array = typeName.arrayBounds?.length ? "[]".repeat(typeName.arrayBounds.length) : "";
  return `${base}${mods.length ? `(${mods.join(",")})` : ""}${array}`;
}

/** The base type name without modifiers, PostgreSQL's internal spelling (`int4`, `varchar`, `timestamptz`). */
export function typeBase(typeName: TypeName | undefined): string {
  const names = nameList(typeName?.names).filter((n) => n !== "pg_catalog");
  return (names.at(-1) ?? "").toLowerCase();
}

export function typeMods(typeName: TypeName | undefined): number[] {
  return (typeName?.typmods ?? []).map(constValue).filter((v): v is number => typeof v === "number");
}

/** Value of an A_Const (or Integer / String) node. */
export function constValue(node: Node | undefined): string | number | boolean | null | undefined {
  const c = as(node, "A_Const");
  if (c) {
    if (c.isnull) return null;
    if (c.ival) return c.ival.ival ?? 0;
    if (c.sval) return c.sval.sval ?? "";
    if (c.fval) return Number(c.fval.fval);
    if (c.boolval) return c.boolval.boolval ?? false;
    return 0;
  }
  const i = as(node, "Integer");
  if (i) return i.ival ?? 0;
  const s = as(node, "String");
  if (s) return s.sval ?? "";
  return undefined;
}

/** Column names from a list of String nodes, IndexElems or ColumnRefs. */
export function columnNames(nodes: Node[] | undefined): string[] {
  return (nodes ?? []).map((n) => {
    const elem = as(n, "IndexElem");
    if (elem) return elem.name ?? "(expression)";
    const ref = as(n, "ColumnRef");
    if (ref) return nameList(ref.fields).join(".");
    return str(n);
  });
}

/** Depth-first walk over every node below `root`, calling `visit` with each node's tag and payload. */
export function walk(root: unknown, visit: (tag: string, value: Record<string, unknown>) => void): void {
  if (Array.isArray(root)) {
    for (const item of root) walk(item, visit);
    return;
  }
  if (!root || typeof root !== "object") return;
  // Hot path (every rule that looks inside expressions): no per-node allocations.
  const node = root as Record<string, unknown>;
  for (const key in node) {
    const value = node[key];
    if (!value || typeof value !== "object") continue;
    const first = key.charCodeAt(0);
    if (first >= 65 && first <= 90 && !Array.isArray(value)) visit(key, value as Record<string, unknown>);
    walk(value, visit);
  }
}

/** Function names called anywhere inside an expression, lower-case, unqualified. */
export function calledFunctions(expr: unknown): string[] {
  const names: string[] = [];
  walk(expr, (tag, value) => {
    if (tag === "FuncCall")
      names.push((nameList((value as { funcname?: Node[] }).funcname).at(-1) ?? "").toLowerCase());
    if (tag === "SQLValueFunction") names.push(String((value as { op?: string }).op ?? "").toLowerCase());
  });
  return names;
}

/** The name parts of one object in a DropStmt / RenameStmt / CommentStmt `object`: a List of Strings, a String or a TypeName. */
export function objectNameParts(node: Node | undefined): string[] {
  const list = as(node, "List");
  if (list) return nameList(list.items);
  const typeName = as(node, "TypeName");
  if (typeName) return nameList(typeName.names);
  const name = str(node);
  return name ? [name] : [];
}

/** Tracking key for a possibly qualified name (`public.` dropped, like `tableKey`). */
export function objectKey(parts: string[]): string {
  const name = parts.at(-1);
  if (!name) return "";
  return qualifiedKey(parts.length > 1 ? parts.at(-2) : undefined, name);
}

/** serial pseudo-types: a column filled from an owned sequence. */
export const SERIAL_TYPES: ReadonlySet<string> = new Set([
  "serial",
  "serial4",
  "bigserial",
  "serial8",
  "smallserial",
  "serial2",
]);

/** `NULL` or `NULL::type`: as a column DEFAULT, PostgreSQL stores no default at all. */
export function isNullConstant(expr: Node | undefined): boolean {
  const cast = as(expr, "TypeCast");
  if (cast) return isNullConstant(cast.arg);
  return as(expr, "A_Const")?.isnull === true;
}

/** The subcommands of an ALTER TABLE (`ADD COLUMN`, `SET NOT NULL` …), typed. */
export function alterCommands(alter: NodeOf<"AlterTableStmt">): Array<NodeOf<"AlterTableCmd">> {
  return (alter.cmds ?? []).map((node) => as(node, "AlterTableCmd")).filter((cmd) => cmd !== undefined);
}
