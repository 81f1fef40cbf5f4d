import type { Node } from "@pgsql/types";
import { as, nameList, objectKey, objectNameParts, tableKey, typeNameString } from "../../sql/ast.js";
import type { StatementContext } from "../context.js";
import type { StatementRule } from "../types.js";

/**
 * PostgreSQL cannot drop an enum value, so tools remove one by recreating the
 * type: rename the old type away (or create `x_new`), create the new one,
 * convert every column with `USING col::text::x`, drop the old type. Rows that
 * still hold a removed value make the conversion fail; clients still writing
 * it break. Reported once, at the CREATE TYPE, with the values that disappear
 * when the old labels are known. Only columns of tables that existed before
 * the migration count: a new table holds no old rows.
 */
export const enumRecreate: StatementRule = {
  kind: "statement",
  meta: {
    id: "enum-recreate",
    category: "data-loss",
    severity: "error",
    enabledByDefault: true,
    summary: "enum recreated (rename / create / ALTER … USING / drop) to remove values",
    lock: "AccessExclusiveLock",
  },
  statementKinds: ["CreateEnumStmt"],
  check(statement, context) {
    const create = as(statement.ast, "CreateEnumStmt");
    if (!create) return [];
    const parts = nameList(create.typeName);
    const name = objectKey(parts);
    const newLabels = nameList(create.vals);
    const { window, renamedTo } = lifetime(
      context.statements.slice(context.index + 1).map((s) => s.ast),
      name,
    );
    const conversions = columnConversions(window, name).filter((c) => !context.isNewTable(c.table));
    if (conversions.length === 0) return [];
    const old = oldType(parts, conversions, window, renamedTo, context);
    if (!old) return [];
    const removed = old.labels?.filter((label) => !newLabels.includes(label));
    if (removed && removed.length === 0) return [];
    const columns = conversions.map((c) => `\`${c.table}.${c.column}\``).join(", ");
    const what = removed
      ? `without ${removed.map((v) => `'${v}'`).join(", ")}`
      : `with only ${newLabels.map((v) => `'${v}'`).join(", ")}`;
    return [
      {
        message: `recreates enum \`${old.display}\` ${what} and converts ${columns}: any row still holding a removed value makes the conversion fail (or loses the value if the USING maps it), and running clients that still write it break; the conversion rewrites each table under an AccessExclusiveLock`,
        fix: "release code that no longer writes the value, UPDATE the rows that hold it in batches, then recreate the type; or simply keep the unused value",
      },
    ];
  },
};

interface Conversion {
  table: string;
  column: string;
  /** Key of the column's type before the conversion, when known. */
  oldTypeKey?: string;
}

/**
 * The statements during which the new type keeps its name: up to the next
 * rename, drop or re-creation of it. `renamedTo` is the name it then takes.
 */
function lifetime(later: Array<Node | null>, name: string): { window: Array<Node | null>; renamedTo?: string } {
  for (const [index, ast] of later.entries()) {
    const rename = typeRename(ast);
    if (rename?.from === name) return { window: later.slice(0, index), renamedTo: rename.to };
    const created = as(ast, "CreateEnumStmt");
    if (dropsType(ast, name) || (created && objectKey(nameList(created.typeName)) === name))
      return { window: later.slice(0, index) };
  }
  return { window: later };
}

/** `ALTER TABLE … ALTER COLUMN … TYPE <name>` while the new type has that name. */
function columnConversions(statements: Array<Node | null>, name: string): Conversion[] {
  const conversions: Conversion[] = [];
  for (const ast of statements) {
    const alter = as(ast, "AlterTableStmt");
    for (const node of alter?.cmds ?? []) {
      const cmd = as(node, "AlterTableCmd");
      const target = as(cmd?.def, "ColumnDef")?.typeName;
      if (cmd?.subtype === "AT_AlterColumnType" && cmd.name && target && objectKey(nameList(target.names)) === name)
        conversions.push({ table: tableKey(alter?.relation), column: cmd.name });
    }
  }
  return conversions;
}

interface OldType {
  display: string;
  labels: string[] | undefined;
}

/**
 * The enum being replaced: the type renamed away just before (`ALTER TYPE x
 * RENAME TO x_old; CREATE TYPE x`), the one whose name the new type takes
 * once that name is freed (`CREATE TYPE x_new … ALTER TYPE x RENAME TO x_old;
 * ALTER TYPE x_new RENAME TO x`), the converted column's known enum type, or
 * the type dropped after the conversion.
 */
function oldType(
  parts: string[],
  conversions: Conversion[],
  window: Array<Node | null>,
  renamedTo: string | undefined,
  context: StatementContext,
): OldType | undefined {
  const name = objectKey(parts);
  const schema = parts.slice(0, -1);
  const existing = (key: string, display: string): OldType => ({ display, labels: context.enumLabels.get(key) });
  for (const { ast } of context.statements.slice(0, context.index).reverse()) {
    const rename = typeRename(ast);
    if (rename?.from === name) {
      return existing(objectKey([...schema, rename.to]), parts.join("."));
    }
  }
  if (renamedTo) {
    const target = objectKey([...schema, renamedTo]);
    const freed = window.some((ast) => typeRename(ast)?.from === target || dropsType(ast, target));
    if (freed) return existing(target, [...schema, renamedTo].join("."));
  }
  for (const conversion of conversions) {
    const known = context.columnTypes.get(`${conversion.table}.${conversion.column}`);
    const key = known ? objectKey(nameList(known.names)) : "";
    if (key && key !== name && context.enumLabels.has(key)) return existing(key, typeNameString(known));
  }
  for (const ast of window) {
    const drop = as(ast, "DropStmt");
    if (drop?.removeType !== "OBJECT_TYPE") continue;
    const dropped = objectNameParts(drop.objects?.[0]);
    if (dropped.length > 0) return existing(objectKey(dropped), dropped.join("."));
  }
  return undefined;
}

function dropsType(ast: Node | null, key: string): boolean {
  const drop = as(ast, "DropStmt");
  return drop?.removeType === "OBJECT_TYPE" && (drop.objects ?? []).some((o) => objectKey(objectNameParts(o)) === key);
}

function typeRename(ast: Node | null): { from: string; to: string } | undefined {
  const rename = as(ast, "RenameStmt");
  if (rename?.renameType !== "OBJECT_TYPE" || !rename.newname) return undefined;
  return { from: objectKey(objectNameParts(rename.object)), to: rename.newname };
}
