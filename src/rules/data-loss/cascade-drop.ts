import type { Node, ObjectType } from "@pgsql/types";
import {
  alterCommands,
  as,
  displayTable,
  nameList,
  objectKey,
  objectNameParts,
  qualifiedKey,
  tableKey,
} from "../../sql/ast.js";
import type { StatementContext } from "../context.js";
import type { RuleHit, StatementRule } from "../types.js";

/**
 * What each CASCADE takes with it. Types, domains, extensions and collations
 * drop the table columns declared with them, so those lose data (error);
 * the others drop views, constraints, triggers and defaults (warning).
 */
const DEPENDENTS: Partial<Record<ObjectType, { noun: string; dependents: string; losesData: boolean }>> = {
  OBJECT_TABLE: { noun: "table", dependents: "views and foreign keys of other tables", losesData: false },
  OBJECT_VIEW: { noun: "view", dependents: "views built on it", losesData: false },
  OBJECT_MATVIEW: { noun: "materialized view", dependents: "views built on it", losesData: false },
  OBJECT_FOREIGN_TABLE: { noun: "foreign table", dependents: "views built on it", losesData: false },
  OBJECT_SEQUENCE: { noun: "sequence", dependents: "column defaults that use it", losesData: false },
  OBJECT_INDEX: { noun: "index", dependents: "foreign keys relying on it", losesData: false },
  OBJECT_FUNCTION: {
    noun: "function",
    dependents: "triggers, defaults, indexes and constraints that call it",
    losesData: false,
  },
  OBJECT_PROCEDURE: { noun: "procedure", dependents: "objects that reference it", losesData: false },
  OBJECT_ROUTINE: {
    noun: "routine",
    dependents: "triggers, defaults, indexes and constraints that call it",
    losesData: false,
  },
  OBJECT_TRIGGER: { noun: "trigger", dependents: "objects that depend on it", losesData: false },
  OBJECT_SCHEMA: { noun: "schema", dependents: "every table, view and function in it", losesData: true },
  OBJECT_TYPE: { noun: "type", dependents: "every table column of that type (with its data)", losesData: true },
  OBJECT_DOMAIN: { noun: "domain", dependents: "every table column of that domain (with its data)", losesData: true },
  OBJECT_EXTENSION: {
    noun: "extension",
    dependents: "every column, index and function using its types",
    losesData: true,
  },
  OBJECT_COLLATION: { noun: "collation", dependents: "every column and index using it", losesData: true },
};

/** Any `DROP … CASCADE`: PostgreSQL drops whatever depends on the object, without listing it. */
export const cascadeDrop: StatementRule = {
  kind: "statement",
  meta: {
    id: "cascade-drop",
    category: "data-loss",
    severity: "warning",
    enabledByDefault: true,
    summary: "DROP … CASCADE silently drops dependent objects",
    lock: "AccessExclusiveLock",
  },
  statementKinds: ["DropStmt", "AlterTableStmt", "DropOwnedStmt"],
  check(statement, context) {
    const drop = as(statement.ast, "DropStmt");
    if (drop?.behavior === "DROP_CASCADE" && drop.removeType)
      return dropStmtHits(drop.removeType, drop.objects ?? [], context);
    const alter = as(statement.ast, "AlterTableStmt");
    if (alter && !context.isNewTable(alter.relation)) {
      const hits: RuleHit[] = [];
      for (const cmd of alterCommands(alter)) {
        if (cmd?.behavior !== "DROP_CASCADE") continue;
        const table = displayTable(alter.relation);
        if (cmd.subtype === "AT_DropColumn" && !context.created.columns.has(`${tableKey(alter.relation)}.${cmd.name}`))
          hits.push({
            message: `drops column \`${cmd.name}\` of \`${table}\` with CASCADE: views, indexes and constraints (including other tables' foreign keys) that use it are dropped too, unnamed`,
            fix: "drop the dependent views and constraints explicitly first, then drop the column without CASCADE",
          });
        if (cmd.subtype === "AT_DropConstraint")
          hits.push({
            message: `drops constraint \`${cmd.name}\` of \`${table}\` with CASCADE: foreign keys of other tables that rely on it are dropped too, unnamed`,
            fix: "drop the dependent foreign keys explicitly first, then drop the constraint without CASCADE",
          });
      }
      return hits;
    }
    const owned = as(statement.ast, "DropOwnedStmt");
    if (owned?.behavior === "DROP_CASCADE") {
      return [
        {
          message: "DROP OWNED … CASCADE drops every object the role owns and everything that depends on them",
          fix: "drop the role's objects explicitly, or REASSIGN OWNED first",
          severity: "error",
        },
      ];
    }
    return [];
  },
};

function dropStmtHits(type: ObjectType, objects: Node[], context: StatementContext): RuleHit[] {
  const kind = DEPENDENTS[type] ?? { noun: "object", dependents: "objects that depend on it", losesData: false };
  const names = objects
    .filter((object) => !createdEarlier(type, object, context))
    .map((object) => objectName(type, object));
  if (names.length === 0) return [];
  const fix =
    "find the dependents (pg_depend, \\d+), drop or change them explicitly, then drop without CASCADE so an unexpected dependent makes the migration fail instead";
  if (type === "OBJECT_TYPE" && objects.every((object) => noColumnUses(objectKey(objectNameParts(object)), context))) {
    // Every column the history gave this enum is gone: no table data goes with it.
    return [
      {
        message: `drops type ${names.map((n) => `\`${n}\``).join(", ")} with CASCADE: no column of the schema the migrations build uses it any more, so no table data goes with it, but CASCADE would still drop anything else that does (a function, a domain, a column added outside the migrations) without saying which`,
        fix,
      },
    ];
  }
  return [
    {
      message: `drops ${kind.noun} ${names.map((n) => `\`${n}\``).join(", ")} with CASCADE: PostgreSQL also drops ${kind.dependents}, without saying which`,
      fix,
      severity: kind.losesData ? "error" : undefined,
    },
  ];
}

/** An enum the migrations declared whose every column has been dropped or changed to another type. */
function noColumnUses(type: string, context: StatementContext): boolean {
  if (!context.enumLabels.has(type)) return false;
  const name = type.split(".").at(-1);
  for (const typeName of context.columnTypes.values()) if (nameList(typeName.names).at(-1) === name) return false;
  return true;
}

function objectName(type: ObjectType, object: Node): string {
  const func = as(object, "ObjectWithArgs");
  if (func) return nameList(func.objname).join(".");
  if (type === "OBJECT_TRIGGER" || type === "OBJECT_POLICY" || type === "OBJECT_RULE") {
    const parts = objectNameParts(object);
    return `${parts.at(-1)} on ${parts.slice(0, -1).join(".")}`;
  }
  return objectNameParts(object).join(".");
}

/** True when the object was created earlier in this migration or PR, so nothing old can depend on it. */
function createdEarlier(type: ObjectType, object: Node, context: StatementContext): boolean {
  const parts = objectNameParts(object);
  const key = objectKey(parts);
  switch (type) {
    case "OBJECT_TABLE":
    case "OBJECT_VIEW":
    case "OBJECT_MATVIEW":
    case "OBJECT_FOREIGN_TABLE":
      return context.isNewTable(key);
    case "OBJECT_INDEX":
      return context.created.indexes.has(qualifiedKey(parts.length > 1 ? parts.at(-2) : undefined, parts.at(-1) ?? ""));
    case "OBJECT_TYPE":
    case "OBJECT_DOMAIN":
      return context.created.types.has(key);
    default:
      return createdInMigration(type, objectName(type, object), context);
  }
}

/** Objects the context does not track (schemas, functions, sequences): look at the earlier statements. */
function createdInMigration(type: ObjectType, name: string, context: StatementContext): boolean {
  return context.statements.slice(0, context.index).some(({ ast }) => {
    if (type === "OBJECT_SCHEMA") return as(ast, "CreateSchemaStmt")?.schemaname === name;
    if (type === "OBJECT_SEQUENCE") return tableKey(as(ast, "CreateSeqStmt")?.sequence) === objectKey(name.split("."));
    if (type === "OBJECT_FUNCTION" || type === "OBJECT_PROCEDURE" || type === "OBJECT_ROUTINE") {
      const create = as(ast, "CreateFunctionStmt");
      return create !== undefined && nameList(create.funcname).join(".") === name;
    }
    return false;
  });
}
