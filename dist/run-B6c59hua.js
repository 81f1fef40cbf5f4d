import { t as tableKey, d as as, o as objectKey, g as objectNameParts, w as walk, n as nameList, h as constValue, i as columnNames, q as qualifiedKey, j as str, k as displayTable, l as alterCommands, m as typeNameString, p as typeBase, r as typeMods, u as isNullConstant, v as createdFunctionVolatility, x as expressionVolatility, S as SERIAL_TYPES, y as typeChangeVerdict, z as typeLabel, e as statementEffects, b as blockedBy, a as blocksTraffic, c as strongest } from './effects-BBKZNnrX.js';
import path from 'node:path/posix';
import { Q as QuoteUtils } from './quote-utils-CCPLyOWL.js';
import { s as scanSync } from './parse-B8Y706Yp.js';

function emptyCreatedObjects() {
  return { tables: /* @__PURE__ */ new Set(), indexes: /* @__PURE__ */ new Set(), types: /* @__PURE__ */ new Set(), columns: /* @__PURE__ */ new Set(), checks: /* @__PURE__ */ new Map() };
}
class ContextTracker {
  context;
  constructor(options) {
    const created = options.created ?? emptyCreatedObjects();
    const checks = created.checks;
    this.context = {
      pgVersion: options.pgVersion,
      statements: options.statements,
      index: 0,
      toolTransaction: options.toolTransaction,
      explicitTransaction: false,
      inTransaction: options.toolTransaction,
      lockTimeoutSet: false,
      statementTimeoutSet: false,
      created,
      checks,
      indexColumns: /* @__PURE__ */ new Map(),
      enumValuesAdded: /* @__PURE__ */ new Map(),
      alterCounts: /* @__PURE__ */ new Map(),
      indexTables: options.indexTables ?? /* @__PURE__ */ new Map(),
      foreignKeys: options.foreignKeys ?? /* @__PURE__ */ new Map(),
      columnTypes: options.columnTypes ?? /* @__PURE__ */ new Map(),
      enumLabels: options.enumLabels ?? /* @__PURE__ */ new Map(),
      isNewTable(table) {
        const key = typeof table === "string" ? table : tableKey(table);
        return key !== "" && created.tables.has(key);
      },
      hasValidatedNotNullCheck(table, column) {
        return (checks.get(table) ?? []).some((c) => c.validated && c.notNullColumns.includes(column));
      },
      isDroppedLater: (table) => (this.lastTableDrops().get(table) ?? -1) > this.context.index
    };
  }
  /**
   * Sets the statement about to be checked. `autocommit` marks a statement the
   * tool runs outside its migration transaction (Alembic autocommit_block).
   */
  at(index, autocommit = false) {
    const ctx = this.context;
    ctx.index = index;
    ctx.inTransaction = ctx.explicitTransaction || ctx.toolTransaction && !autocommit;
    return ctx;
  }
  tableDrops;
  /** Index of the last DROP TABLE of each table in the migration, computed once. */
  lastTableDrops() {
    if (this.tableDrops) return this.tableDrops;
    const drops = /* @__PURE__ */ new Map();
    this.context.statements.forEach(({ ast }, index) => {
      const drop = as(ast, "DropStmt");
      if (drop?.removeType !== "OBJECT_TABLE") return;
      for (const object of drop.objects ?? []) drops.set(objectKey(objectNameParts(object)), index);
    });
    this.tableDrops = drops;
    return drops;
  }
  /** Records what the statement changed, after the rules have seen it. */
  observe(ast) {
    const ctx = this.context;
    const transaction = as(ast, "TransactionStmt");
    if (transaction) {
      const kind = transaction.kind;
      if (kind === "TRANS_STMT_BEGIN" || kind === "TRANS_STMT_START") {
        ctx.explicitTransaction = true;
      } else if (kind === "TRANS_STMT_COMMIT" || kind === "TRANS_STMT_ROLLBACK") {
        ctx.explicitTransaction = false;
        ctx.enumValuesAdded.clear();
        this.endLocalSettings();
      }
      return;
    }
    const set = as(ast, "VariableSetStmt");
    if (set) {
      if (set.kind === "VAR_RESET_ALL") {
        this.setting("lock_timeout", false);
        this.setting("statement_timeout", false);
      } else if (!set.is_local || ctx.inTransaction) {
        this.setting(set.name ?? "", set.kind === "VAR_SET_VALUE" && enablesTimeout(set.args?.[0]), set.is_local);
      }
      return;
    }
    const select = as(ast, "SelectStmt");
    if (select) {
      walk(select, (tag, value) => {
        if (tag !== "FuncCall") return;
        const call = value;
        if (nameList(call.funcname).at(-1) === "set_config")
          this.setting(String(constValue(call.args?.[0]) ?? ""), enablesTimeout(call.args?.[1]));
      });
      return;
    }
    const create = as(ast, "CreateStmt");
    if (create) {
      const key = tableKey(create.relation);
      ctx.created.tables.add(key);
      for (const element of create.tableElts ?? []) {
        const column = as(element, "ColumnDef");
        if (column?.colname && column.typeName) ctx.columnTypes.set(`${key}.${column.colname}`, column.typeName);
        this.foreignKeysOf(key, element, column?.colname);
        for (const c of column?.constraints ?? []) {
          const constraint2 = as(c, "Constraint");
          if (constraint2?.contype === "CONSTR_PRIMARY" || constraint2?.contype === "CONSTR_UNIQUE") {
            this.indexOn(key, [column?.colname ?? ""]);
          }
        }
        const constraint = as(element, "Constraint");
        if (constraint?.contype === "CONSTR_PRIMARY" || constraint?.contype === "CONSTR_UNIQUE") {
          this.indexOn(key, columnNames(constraint.keys));
        }
      }
      return;
    }
    const createAs = as(ast, "CreateTableAsStmt");
    if (createAs) {
      ctx.created.tables.add(tableKey(createAs.into?.rel));
      return;
    }
    const view = as(ast, "ViewStmt");
    if (view) {
      ctx.created.tables.add(tableKey(view.view));
      return;
    }
    const index = as(ast, "IndexStmt");
    if (index) {
      const key = tableKey(index.relation);
      if (index.idxname) {
        ctx.created.indexes.add(qualifiedKey(index.relation?.schemaname, index.idxname));
        ctx.indexTables.set(qualifiedKey(index.relation?.schemaname, index.idxname), key);
      }
      this.indexOn(key, columnNames(index.indexParams));
      return;
    }
    const enumType = as(ast, "CreateEnumStmt");
    if (enumType) {
      ctx.created.types.add(
        nameList(enumType.typeName).filter((n) => n !== "public").join(".")
      );
      ctx.enumLabels.set(objectKey(nameList(enumType.typeName)), nameList(enumType.vals));
      return;
    }
    const alterEnum = as(ast, "AlterEnumStmt");
    if (alterEnum?.newVal && !alterEnum.oldVal) {
      const type = nameList(alterEnum.typeName).filter((n) => n !== "public").join(".");
      const labels = ctx.enumLabels.get(type);
      const existed = labels?.includes(alterEnum.newVal) ?? false;
      if (labels && !existed) labels.splice(enumInsertIndex(labels, alterEnum), 0, alterEnum.newVal);
      const values = ctx.enumValuesAdded.get(type) ?? /* @__PURE__ */ new Set();
      if (!existed) values.add(alterEnum.newVal);
      if (ctx.inTransaction) ctx.enumValuesAdded.set(type, values);
      return;
    }
    if (alterEnum?.newVal && alterEnum.oldVal) {
      const labels = ctx.enumLabels.get(objectKey(nameList(alterEnum.typeName)));
      const at = labels?.indexOf(alterEnum.oldVal) ?? -1;
      if (labels && at >= 0) labels[at] = alterEnum.newVal;
      return;
    }
    const rename = as(ast, "RenameStmt");
    if (rename?.renameType === "OBJECT_TABLE" && rename.newname) {
      const from = tableKey(rename.relation);
      const to = qualifiedKey(rename.relation?.schemaname, rename.newname);
      if (ctx.created.tables.delete(from)) ctx.created.tables.add(to);
      moveKeys(ctx.columnTypes, `${from}.`, `${to}.`);
      moveKeys(ctx.foreignKeys, from, to);
      for (const keys of ctx.foreignKeys.values())
        for (const key of keys) if (key.referenced === from) key.referenced = to;
      for (const column of [...ctx.created.columns].filter((c) => c.startsWith(`${from}.`))) {
        ctx.created.columns.delete(column);
        ctx.created.columns.add(`${to}.${column.slice(from.length + 1)}`);
      }
      return;
    }
    if (rename?.renameType === "OBJECT_COLUMN" && rename.subname && rename.newname) {
      const table = tableKey(rename.relation);
      const from = `${table}.${rename.subname}`;
      const to = `${table}.${rename.newname}`;
      moveKeys(ctx.columnTypes, from, to);
      if (ctx.created.columns.delete(from)) ctx.created.columns.add(to);
      return;
    }
    if (rename?.renameType === "OBJECT_TYPE" && rename.newname) {
      const parts = objectNameParts(rename.object);
      moveKeys(ctx.enumLabels, objectKey(parts), objectKey([...parts.slice(0, -1), rename.newname]));
      return;
    }
    const drop = as(ast, "DropStmt");
    if (drop?.removeType === "OBJECT_TABLE") {
      for (const object of drop.objects ?? []) {
        deleteKeys(ctx.columnTypes, `${objectKey(objectNameParts(object))}.`);
        ctx.foreignKeys.delete(objectKey(objectNameParts(object)));
      }
      return;
    }
    if (drop?.removeType === "OBJECT_TYPE" || drop?.removeType === "OBJECT_DOMAIN") {
      for (const object of drop.objects ?? []) ctx.enumLabels.delete(objectKey(objectNameParts(object)));
      return;
    }
    const alter = as(ast, "AlterTableStmt");
    if (alter) this.observeAlterTable(tableKey(alter.relation), alter.cmds ?? []);
  }
  observeAlterTable(table, cmds) {
    const ctx = this.context;
    ctx.alterCounts.set(table, (ctx.alterCounts.get(table) ?? 0) + 1);
    for (const node of cmds) {
      const cmd = as(node, "AlterTableCmd");
      if (!cmd) continue;
      if (cmd.subtype === "AT_AddColumn") {
        const column = as(cmd.def, "ColumnDef");
        if (column?.colname) ctx.created.columns.add(`${table}.${column.colname}`);
        if (column?.colname && column.typeName) ctx.columnTypes.set(`${table}.${column.colname}`, column.typeName);
      }
      const newType = as(cmd.def, "ColumnDef")?.typeName;
      if (cmd.subtype === "AT_AlterColumnType" && cmd.name && newType)
        ctx.columnTypes.set(`${table}.${cmd.name}`, newType);
      if (cmd.subtype === "AT_DropColumn" && cmd.name) ctx.columnTypes.delete(`${table}.${cmd.name}`);
      if (cmd.subtype === "AT_AddColumn" || cmd.subtype === "AT_AddConstraint")
        this.foreignKeysOf(table, cmd.def, as(cmd.def, "ColumnDef")?.colname);
      const keys = ctx.foreignKeys.get(table);
      if ((cmd.subtype === "AT_DropConstraint" || cmd.subtype === "AT_DropColumn") && cmd.name && keys) {
        const name = cmd.name;
        const kept = keys.filter(
          (k) => cmd.subtype === "AT_DropConstraint" ? k.name !== name : !k.columns.includes(name)
        );
        ctx.foreignKeys.set(table, kept);
      }
      const constraint = as(cmd.def, "Constraint");
      if (cmd.subtype === "AT_AddConstraint" && constraint) {
        if (constraint.contype === "CONSTR_CHECK") {
          const list = ctx.checks.get(table) ?? [];
          list.push({
            name: constraint.conname ?? "",
            notNullColumns: notNullColumns(constraint.raw_expr),
            validated: !constraint.skip_validation
          });
          ctx.checks.set(table, list);
        }
        if (constraint.contype === "CONSTR_PRIMARY" || constraint.contype === "CONSTR_UNIQUE") {
          this.indexOn(table, columnNames(constraint.keys));
        }
      }
      if (cmd.subtype === "AT_ValidateConstraint") {
        for (const check of ctx.checks.get(table) ?? []) if (check.name === cmd.name) check.validated = true;
      }
    }
  }
  /** Records the foreign keys a column definition or table constraint declares on `table`. */
  foreignKeysOf(table, element, column) {
    const nodes = column ? as(element, "ColumnDef")?.constraints ?? [] : element ? [element] : [];
    for (const node of nodes) {
      const constraint = as(node, "Constraint");
      if (constraint?.contype !== "CONSTR_FOREIGN") continue;
      const columns = column ? [column] : nameList(constraint.fk_attrs);
      const list = this.context.foreignKeys.get(table) ?? [];
      list.push({
        name: constraint.conname ?? defaultForeignKeyName(table, columns),
        columns,
        referenced: tableKey(constraint.pktable)
      });
      this.context.foreignKeys.set(table, list);
    }
  }
  indexOn(table, columns) {
    const list = this.context.indexColumns.get(table) ?? [];
    list.push(columns);
    this.context.indexColumns.set(table, list);
  }
  /** Session-level timeout settings, which a transaction's SET LOCAL overrides until it ends. */
  sessionTimeouts = { lock_timeout: false, statement_timeout: false };
  localTimeouts = /* @__PURE__ */ new Set();
  setting(name, on, local = false) {
    if (name !== "lock_timeout" && name !== "statement_timeout") return;
    if (local) this.localTimeouts.add(name);
    else this.sessionTimeouts[name] = on;
    this.applyTimeout(name, on);
  }
  applyTimeout(name, on) {
    if (name === "lock_timeout") this.context.lockTimeoutSet = on;
    else this.context.statementTimeoutSet = on;
  }
  endLocalSettings() {
    for (const name of this.localTimeouts) this.applyTimeout(name, this.sessionTimeouts[name]);
    this.localTimeouts.clear();
  }
}
function enumInsertIndex(labels, stmt) {
  const neighbour = stmt.newValNeighbor ? labels.indexOf(stmt.newValNeighbor) : -1;
  if (neighbour < 0) return labels.length;
  return stmt.newValIsAfter ? neighbour + 1 : neighbour;
}
function moveKeys(map, from, to) {
  for (const [key, value] of [...map]) {
    if (key === from || from.endsWith(".") && key.startsWith(from)) {
      map.delete(key);
      map.set(to + key.slice(from.length), value);
    }
  }
}
function deleteKeys(map, prefix) {
  for (const key of [...map.keys()]) if (key.startsWith(prefix)) map.delete(key);
}
function defaultForeignKeyName(table, columns) {
  const relation = table.split(".").at(-1) ?? table;
  return `${relation}_${columns.join("_")}_fkey`.slice(0, 63);
}
function enablesTimeout(value) {
  const v = constValue(value);
  if (v === void 0 || v === null) return value !== void 0;
  return !/^\s*0+(\.0*)?\s*(us|ms|s|min|h|d)?\s*$/i.test(String(v));
}
function notNullColumns(expr) {
  const columns = [];
  const test = as(expr, "NullTest");
  if (test?.nulltesttype === "IS_NOT_NULL") {
    const ref = as(test.arg, "ColumnRef");
    if (ref) columns.push(str(ref.fields?.at(-1)));
  }
  const bool = as(expr, "BoolExpr");
  if (bool?.boolop === "AND_EXPR") for (const arg of bool.args ?? []) columns.push(...notNullColumns(arg));
  return columns;
}

const renameColumn = {
  kind: "statement",
  meta: {
    id: "rename-column",
    category: "clients",
    severity: "warning",
    enabledByDefault: true,
    summary: "ALTER TABLE \u2026 RENAME COLUMN on an existing table",
    lock: "AccessExclusiveLock"
  },
  check(statement, context) {
    const rename = as(statement.ast, "RenameStmt");
    if (rename?.renameType !== "OBJECT_COLUMN" || !rename.subname || !rename.newname) return [];
    if (context.isNewTable(rename.relation)) return [];
    if (context.created.columns.has(`${tableKey(rename.relation)}.${rename.subname}`)) return [];
    const noun = rename.relationType === "OBJECT_VIEW" || rename.relationType === "OBJECT_MATVIEW" ? "view" : "table";
    return [
      {
        message: `renames column \`${rename.subname}\` of ${noun} \`${displayTable(rename.relation)}\` to \`${rename.newname}\`: app instances still running the previous release query \`${rename.subname}\` and fail until they are replaced`,
        fix: `expand/contract: add \`${rename.newname}\`, write both and backfill, switch reads, then drop \`${rename.subname}\` in a later release (or keep a view with the old name)`
      }
    ];
  }
};

const RENAMED_RELATIONS = {
  OBJECT_TABLE: "table",
  OBJECT_FOREIGN_TABLE: "foreign table",
  OBJECT_VIEW: "view",
  OBJECT_MATVIEW: "materialized view"
};
const renameTable = {
  kind: "statement",
  meta: {
    id: "rename-table",
    category: "clients",
    severity: "warning",
    enabledByDefault: true,
    summary: "ALTER TABLE \u2026 RENAME TO on an existing table",
    lock: "AccessExclusiveLock"
  },
  check(statement, context) {
    const rename = as(statement.ast, "RenameStmt");
    const noun = rename?.renameType ? RENAMED_RELATIONS[rename.renameType] : void 0;
    if (!rename || !noun || !rename.newname || context.isNewTable(rename.relation)) return [];
    const from = displayTable(rename.relation);
    return [
      {
        message: `renames ${noun} \`${from}\` to \`${rename.newname}\`: app instances still running the previous release query \`${from}\` and fail with "relation does not exist" until they are replaced`,
        fix: `rename, then create a view \`${from}\` over \`${rename.newname}\` for the old release (simple views are updatable) and drop it once nothing uses the old name`
      }
    ];
  }
};

const rules$7 = [renameColumn, renameTable];

const DEPENDENTS = {
  OBJECT_TABLE: { noun: "table", dependents: "views and foreign keys of other tables", losesData: false },
  OBJECT_VIEW: { noun: "view", dependents: "views built on it", losesData: false },
  OBJECT_MATVIEW: { noun: "materialized view", dependents: "views built on it", losesData: false },
  OBJECT_FOREIGN_TABLE: { noun: "foreign table", dependents: "views built on it", losesData: false },
  OBJECT_SEQUENCE: { noun: "sequence", dependents: "column defaults that use it", losesData: false },
  OBJECT_INDEX: { noun: "index", dependents: "foreign keys relying on it", losesData: false },
  OBJECT_FUNCTION: {
    noun: "function",
    dependents: "triggers, defaults, indexes and constraints that call it",
    losesData: false
  },
  OBJECT_PROCEDURE: { noun: "procedure", dependents: "objects that reference it", losesData: false },
  OBJECT_ROUTINE: {
    noun: "routine",
    dependents: "triggers, defaults, indexes and constraints that call it",
    losesData: false
  },
  OBJECT_TRIGGER: { noun: "trigger", dependents: "objects that depend on it", losesData: false },
  OBJECT_SCHEMA: { noun: "schema", dependents: "every table, view and function in it", losesData: true },
  OBJECT_TYPE: { noun: "type", dependents: "every table column of that type (with its data)", losesData: true },
  OBJECT_DOMAIN: { noun: "domain", dependents: "every table column of that domain (with its data)", losesData: true },
  OBJECT_EXTENSION: {
    noun: "extension",
    dependents: "every column, index and function using its types",
    losesData: true
  },
  OBJECT_COLLATION: { noun: "collation", dependents: "every column and index using it", losesData: true }
};
const cascadeDrop = {
  kind: "statement",
  meta: {
    id: "cascade-drop",
    category: "data-loss",
    severity: "warning",
    enabledByDefault: true,
    summary: "DROP \u2026 CASCADE silently drops dependent objects",
    lock: "AccessExclusiveLock"
  },
  check(statement, context) {
    const drop = as(statement.ast, "DropStmt");
    if (drop?.behavior === "DROP_CASCADE" && drop.removeType)
      return dropStmtHits(drop.removeType, drop.objects ?? [], context);
    const alter = as(statement.ast, "AlterTableStmt");
    if (alter && !context.isNewTable(alter.relation)) {
      const hits = [];
      for (const cmd of alterCommands(alter)) {
        if (cmd?.behavior !== "DROP_CASCADE") continue;
        const table = displayTable(alter.relation);
        if (cmd.subtype === "AT_DropColumn" && !context.created.columns.has(`${tableKey(alter.relation)}.${cmd.name}`))
          hits.push({
            message: `drops column \`${cmd.name}\` of \`${table}\` with CASCADE: views, indexes and constraints (including other tables' foreign keys) that use it are dropped too, unnamed`,
            fix: "drop the dependent views and constraints explicitly first, then drop the column without CASCADE"
          });
        if (cmd.subtype === "AT_DropConstraint")
          hits.push({
            message: `drops constraint \`${cmd.name}\` of \`${table}\` with CASCADE: foreign keys of other tables that rely on it are dropped too, unnamed`,
            fix: "drop the dependent foreign keys explicitly first, then drop the constraint without CASCADE"
          });
      }
      return hits;
    }
    const owned = as(statement.ast, "DropOwnedStmt");
    if (owned?.behavior === "DROP_CASCADE") {
      return [
        {
          message: "DROP OWNED \u2026 CASCADE drops every object the role owns and everything that depends on them",
          fix: "drop the role's objects explicitly, or REASSIGN OWNED first",
          severity: "error"
        }
      ];
    }
    return [];
  }
};
function dropStmtHits(type, objects, context) {
  const kind = DEPENDENTS[type] ?? { noun: "object", dependents: "objects that depend on it", losesData: false };
  const names = objects.filter((object) => !createdEarlier$1(type, object, context)).map((object) => objectName(type, object));
  if (names.length === 0) return [];
  return [
    {
      message: `drops ${kind.noun} ${names.map((n) => `\`${n}\``).join(", ")} with CASCADE: PostgreSQL also drops ${kind.dependents}, without saying which`,
      fix: "find the dependents (pg_depend, \\d+), drop or change them explicitly, then drop without CASCADE so an unexpected dependent makes the migration fail instead",
      severity: kind.losesData ? "error" : void 0
    }
  ];
}
function objectName(type, object) {
  const func = as(object, "ObjectWithArgs");
  if (func) return nameList(func.objname).join(".");
  if (type === "OBJECT_TRIGGER" || type === "OBJECT_POLICY" || type === "OBJECT_RULE") {
    const parts = objectNameParts(object);
    return `${parts.at(-1)} on ${parts.slice(0, -1).join(".")}`;
  }
  return objectNameParts(object).join(".");
}
function createdEarlier$1(type, object, context) {
  const parts = objectNameParts(object);
  const key = objectKey(parts);
  switch (type) {
    case "OBJECT_TABLE":
    case "OBJECT_VIEW":
    case "OBJECT_MATVIEW":
    case "OBJECT_FOREIGN_TABLE":
      return context.isNewTable(key);
    case "OBJECT_INDEX":
      return context.created.indexes.has(qualifiedKey(parts.length > 1 ? parts.at(-2) : void 0, parts.at(-1) ?? ""));
    case "OBJECT_TYPE":
    case "OBJECT_DOMAIN":
      return context.created.types.has(key);
    default:
      return createdInMigration$1(type, objectName(type, object), context);
  }
}
function createdInMigration$1(type, name, context) {
  return context.statements.slice(0, context.index).some(({ ast }) => {
    if (type === "OBJECT_SCHEMA") return as(ast, "CreateSchemaStmt")?.schemaname === name;
    if (type === "OBJECT_SEQUENCE") return tableKey(as(ast, "CreateSeqStmt")?.sequence) === objectKey(name.split("."));
    if (type === "OBJECT_FUNCTION" || type === "OBJECT_PROCEDURE" || type === "OBJECT_ROUTINE") {
      const create = as(ast, "CreateFunctionStmt");
      return create !== void 0 && nameList(create.funcname).join(".") === name;
    }
    return false;
  });
}

const dropColumn = {
  kind: "statement",
  meta: {
    id: "drop-column",
    category: "data-loss",
    severity: "error",
    enabledByDefault: true,
    summary: "ALTER TABLE \u2026 DROP COLUMN of an existing column",
    lock: "AccessExclusiveLock"
  },
  check(statement, context) {
    const alter = as(statement.ast, "AlterTableStmt");
    if (alter?.objtype !== "OBJECT_TABLE" || context.isNewTable(alter.relation)) return [];
    const table = tableKey(alter.relation);
    const hits = [];
    for (const cmd of alterCommands(alter)) {
      if (cmd?.subtype !== "AT_DropColumn" || !cmd.name) continue;
      if (context.created.columns.has(`${table}.${cmd.name}`)) continue;
      if (context.isDroppedLater(table)) return [];
      hits.push({
        message: `drops column \`${cmd.name}\` of \`${displayTable(alter.relation)}\` with all its values; app instances still running the previous release fail when they read or write it`,
        fix: "stop reading and writing the column in a release first (ignore it in the ORM), then drop it in a later migration"
      });
    }
    return hits;
  }
};

const NAME_SUFFIXES = [
  [/_pkey$/i, { name: "primary key", contype: "CONSTR_PRIMARY" }],
  [/_fkey\d*$/i, { name: "foreign key", contype: "CONSTR_FOREIGN" }],
  [/_key\d*$/i, { name: "unique constraint", contype: "CONSTR_UNIQUE" }],
  [/_check\d*$/i, { name: "check constraint", contype: "CONSTR_CHECK" }],
  [/_excl\d*$/i, { name: "exclusion constraint", contype: "CONSTR_EXCLUSION" }]
];
const dropConstraint = {
  kind: "statement",
  meta: {
    id: "drop-constraint",
    category: "data-loss",
    severity: "warning",
    enabledByDefault: true,
    summary: "dropping a primary key, foreign key, unique or check constraint",
    lock: "AccessExclusiveLock"
  },
  check(statement, context) {
    const alter = as(statement.ast, "AlterTableStmt");
    if (!alter || context.isNewTable(alter.relation)) return [];
    const table = tableKey(alter.relation);
    const hits = [];
    for (const cmd of alterCommands(alter)) {
      if (cmd?.subtype !== "AT_DropConstraint" || !cmd.name) continue;
      if (context.isDroppedLater(table)) return [];
      const kind = NAME_SUFFIXES.find(([pattern]) => pattern.test(cmd.name ?? ""))?.[1];
      if (replacedInMigration(table, cmd.name, kind, context)) continue;
      hits.push({
        message: `drops constraint \`${cmd.name}\`${kind ? ` (by its name, a ${kind.name})` : ""} on \`${displayTable(alter.relation)}\`: from now on PostgreSQL accepts the rows it used to reject (duplicates, orphans, invalid values)`,
        fix: "drop it only once the app enforces the rule elsewhere or no longer needs it; to change a constraint, add the new one (NOT VALID, then VALIDATE) before dropping the old"
      });
    }
    return hits;
  }
};
const ADDED = /* @__PURE__ */ new WeakMap();
function replacedInMigration(table, name, kind, context) {
  return (addedConstraints(context.statements).get(table) ?? []).some(
    (added) => added.name === name || kind !== void 0 && added.index >= context.index && added.contype === kind.contype
  );
}
function addedConstraints(statements) {
  const cached = ADDED.get(statements);
  if (cached) return cached;
  const byTable = /* @__PURE__ */ new Map();
  statements.forEach(({ ast }, index) => {
    const alter = as(ast, "AlterTableStmt");
    for (const node of alter?.cmds ?? []) {
      const cmd = as(node, "AlterTableCmd");
      const constraint = as(cmd?.def, "Constraint");
      if (cmd?.subtype !== "AT_AddConstraint" || !constraint) continue;
      const table = tableKey(alter?.relation);
      const list = byTable.get(table) ?? [];
      list.push({ index, name: constraint.conname, contype: constraint.contype });
      byTable.set(table, list);
    }
  });
  ADDED.set(statements, byTable);
  return byTable;
}

const dropNotNull = {
  kind: "statement",
  meta: {
    id: "drop-not-null",
    category: "data-loss",
    severity: "warning",
    enabledByDefault: true,
    summary: "ALTER COLUMN \u2026 DROP NOT NULL on an existing column",
    lock: "AccessExclusiveLock"
  },
  check(statement, context) {
    const alter = as(statement.ast, "AlterTableStmt");
    if (!alter || context.isNewTable(alter.relation)) return [];
    const table = tableKey(alter.relation);
    const hits = [];
    for (const cmd of alterCommands(alter)) {
      if (cmd?.subtype !== "AT_DropNotNull" || !cmd.name) continue;
      if (context.created.columns.has(`${table}.${cmd.name}`)) continue;
      if (context.isDroppedLater(table)) return [];
      hits.push({
        message: `makes \`${displayTable(alter.relation)}.${cmd.name}\` nullable: code, reports and clients that assume it always has a value break on the first NULL written`,
        fix: "first release readers that handle NULL, then drop NOT NULL; or keep the constraint and write a default instead"
      });
    }
    return hits;
  }
};

const dropSchema = {
  kind: "statement",
  meta: {
    id: "drop-schema",
    category: "data-loss",
    severity: "error",
    enabledByDefault: true,
    summary: "DROP SCHEMA or DROP DATABASE",
    lock: "AccessExclusiveLock"
  },
  check(statement, context) {
    const dropDatabase = as(statement.ast, "DropdbStmt");
    if (dropDatabase) {
      return [
        {
          message: `drops database \`${dropDatabase.dbname ?? "(unknown)"}\` with every schema, table and row in it`,
          fix: "drop databases by hand after a verified backup, never from a migration",
          lock: null
        }
      ];
    }
    const drop = as(statement.ast, "DropStmt");
    if (drop?.removeType !== "OBJECT_SCHEMA") return [];
    const createdEarlier = schemasCreatedBefore(context.statements.slice(0, context.index).map((s) => s.ast));
    const cascade = drop.behavior === "DROP_CASCADE";
    const hits = [];
    for (const object of drop.objects ?? []) {
      const name = objectNameParts(object).join(".");
      if (createdEarlier.has(name)) continue;
      hits.push({
        message: cascade ? `drops schema \`${name}\` with CASCADE: every table, view, function and row in it is gone` : `drops schema \`${name}\`: it fails while the schema holds objects, and loses it (and its grants) when empty`,
        fix: "move what is still needed out of the schema first, back it up, and drop it by hand or in a later migration once nothing uses it"
      });
    }
    return hits;
  }
};
function schemasCreatedBefore(asts) {
  const names = /* @__PURE__ */ new Set();
  for (const ast of asts) {
    const create = as(ast, "CreateSchemaStmt");
    if (create?.schemaname) names.add(create.schemaname);
  }
  return names;
}

const dropTable = {
  kind: "statement",
  meta: {
    id: "drop-table",
    category: "data-loss",
    severity: "error",
    enabledByDefault: true,
    summary: "DROP TABLE of an existing table",
    lock: "AccessExclusiveLock"
  },
  check(statement, context) {
    const drop = as(statement.ast, "DropStmt");
    if (drop?.removeType !== "OBJECT_TABLE") return [];
    const hits = [];
    for (const object of drop.objects ?? []) {
      const names = (as(object, "List")?.items ?? []).map((n) => as(n, "String")?.sval ?? "");
      const relation = { relname: names.at(-1), schemaname: names.length > 1 ? names.at(-2) : void 0 };
      if (context.isNewTable(relation)) continue;
      hits.push({
        message: `drops table \`${displayTable(relation)}\` and every row in it; running app versions that still query it will fail`,
        fix: "stop using the table in a release first, rename it (e.g. `_deprecated`) and drop it in a later migration once nothing reads it"
      });
    }
    return hits;
  }
};

const enumRecreate = {
  kind: "statement",
  meta: {
    id: "enum-recreate",
    category: "data-loss",
    severity: "error",
    enabledByDefault: true,
    summary: "enum recreated (rename / create / ALTER \u2026 USING / drop) to remove values",
    lock: "AccessExclusiveLock"
  },
  check(statement, context) {
    const create = as(statement.ast, "CreateEnumStmt");
    if (!create) return [];
    const parts = nameList(create.typeName);
    const name = objectKey(parts);
    const newLabels = nameList(create.vals);
    const { window, renamedTo } = lifetime(
      context.statements.slice(context.index + 1).map((s) => s.ast),
      name
    );
    const conversions = columnConversions(window, name).filter((c) => !context.isNewTable(c.table));
    if (conversions.length === 0) return [];
    const old = oldType(parts, conversions, window, renamedTo, context);
    if (!old) return [];
    const removed = old.labels?.filter((label) => !newLabels.includes(label));
    if (removed && removed.length === 0) return [];
    const columns = conversions.map((c) => `\`${c.table}.${c.column}\``).join(", ");
    const what = removed ? `without ${removed.map((v) => `'${v}'`).join(", ")}` : `with only ${newLabels.map((v) => `'${v}'`).join(", ")}`;
    return [
      {
        message: `recreates enum \`${old.display}\` ${what} and converts ${columns}: any row still holding a removed value makes the conversion fail (or loses the value if the USING maps it), and running clients that still write it break; the conversion rewrites each table under an AccessExclusiveLock`,
        fix: "release code that no longer writes the value, UPDATE the rows that hold it in batches, then recreate the type; or simply keep the unused value"
      }
    ];
  }
};
function lifetime(later, name) {
  for (const [index, ast] of later.entries()) {
    const rename = typeRename(ast);
    if (rename?.from === name) return { window: later.slice(0, index), renamedTo: rename.to };
    const created = as(ast, "CreateEnumStmt");
    if (dropsType(ast, name) || created && objectKey(nameList(created.typeName)) === name)
      return { window: later.slice(0, index) };
  }
  return { window: later };
}
function columnConversions(statements, name) {
  const conversions = [];
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
function oldType(parts, conversions, window, renamedTo, context) {
  const name = objectKey(parts);
  const schema = parts.slice(0, -1);
  const existing = (key, display) => ({ display, labels: context.enumLabels.get(key) });
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
  return void 0;
}
function dropsType(ast, key) {
  const drop = as(ast, "DropStmt");
  return drop?.removeType === "OBJECT_TYPE" && (drop.objects ?? []).some((o) => objectKey(objectNameParts(o)) === key);
}
function typeRename(ast) {
  const rename = as(ast, "RenameStmt");
  if (rename?.renameType !== "OBJECT_TYPE" || !rename.newname) return void 0;
  return { from: objectKey(objectNameParts(rename.object)), to: rename.newname };
}

const narrowingTypeChange = {
  kind: "statement",
  meta: {
    id: "narrowing-type-change",
    category: "data-loss",
    severity: "error",
    enabledByDefault: true,
    summary: "column type change that can fail or truncate (narrower length, precision, range or scale)",
    lock: "AccessExclusiveLock"
  },
  check(statement, context) {
    const alter = as(statement.ast, "AlterTableStmt");
    if (alter?.objtype !== "OBJECT_TABLE") return [];
    const table = tableKey(alter.relation);
    const hits = [];
    for (const cmd of alterCommands(alter)) {
      const target = as(cmd?.def, "ColumnDef")?.typeName;
      if (cmd?.subtype !== "AT_AlterColumnType" || !cmd.name || !target) continue;
      const column = `\`${displayTable(alter.relation)}.${cmd.name}\``;
      const known = context.columnTypes.get(`${table}.${cmd.name}`);
      if (known) {
        const reason = narrowing(describe(known), describe(target));
        if (reason)
          hits.push({
            message: `changes ${column} from ${readable(known)} to ${readable(target)}: ${reason}`,
            fix: fixFor(describe(target))
          });
        continue;
      }
      if (context.isNewTable(alter.relation) || context.created.columns.has(`${table}.${cmd.name}`)) continue;
      const guess = possiblyNarrowing(describe(target));
      if (guess)
        hits.push({
          message: `changes ${column} to ${readable(target)}, possibly narrowing: ${guess}`,
          fix: fixFor(describe(target)),
          severity: "warning"
        });
    }
    return hits;
  }
};
const ALIASES = {
  smallserial: "int2",
  serial2: "int2",
  serial: "int4",
  serial4: "int4",
  bigserial: "int8",
  serial8: "int8",
  smallint: "int2",
  integer: "int4",
  int: "int4",
  bigint: "int8",
  decimal: "numeric",
  real: "float4",
  float: "float8",
  "double precision": "float8",
  boolean: "bool",
  character: "bpchar",
  char: "bpchar"
};
const INTEGER_RANK = { int2: 1, int4: 2, int8: 3 };
const INTEGER_DIGITS = { 1: 5, 2: 10, 3: 19 };
const INTEGER_NAMES = { 1: "smallint", 2: "integer", 3: "bigint" };
const STRING_TYPES = /* @__PURE__ */ new Set(["text", "varchar", "bpchar", "citext", "name"]);
const DATETIME_TYPES = /* @__PURE__ */ new Set(["timestamptz", "timestamp", "date", "time", "timetz", "interval"]);
const COMMON_STRING_LIMIT = 255;
function describe(typeName) {
  const raw = typeBase(typeName);
  const base = ALIASES[raw] ?? raw;
  const mods = typeMods(typeName);
  const info = {
    base,
    family: "other",
    length: Number.POSITIVE_INFINITY,
    scale: 0,
    rank: 0,
    fraction: 6,
    arrayDims: typeName.arrayBounds?.length ?? 0
  };
  if (STRING_TYPES.has(base)) {
    info.family = "string";
    if (base === "name") info.length = 63;
    else if ((base === "varchar" || base === "bpchar") && mods[0] !== void 0) info.length = mods[0];
  } else if (base in INTEGER_RANK) {
    info.family = "integer";
    info.rank = INTEGER_RANK[base] ?? 0;
  } else if (base === "numeric") {
    info.family = "numeric";
    info.precision = mods[0];
    info.scale = mods[1] ?? 0;
  } else if (base === "float4" || base === "float8") {
    info.family = "float";
    info.rank = base === "float4" ? 1 : 2;
  } else if (DATETIME_TYPES.has(base)) {
    info.family = "datetime";
    const precision = base === "interval" ? mods.length > 1 ? mods.at(-1) : void 0 : mods[0];
    if (precision !== void 0) info.fraction = precision;
  }
  return info;
}
function narrowing(from, to) {
  if (from.arrayDims !== to.arrayDims) return null;
  if (from.family === "string" && to.family === "string") {
    if (to.length >= from.length) return null;
    return `values longer than ${to.length} characters make the ALTER fail (a USING cast cuts them silently instead)`;
  }
  if (to.family === "integer") {
    if (from.family === "integer" && to.rank < from.rank)
      return `values outside the ${INTEGER_NAMES[to.rank]} range make the ALTER fail`;
    if (from.family === "numeric" || from.family === "float")
      return `fractions are rounded away and values outside the ${INTEGER_NAMES[to.rank]} range make the ALTER fail`;
    return null;
  }
  if (to.family === "numeric" && to.precision !== void 0) {
    const integerDigits = to.precision - to.scale;
    if (from.family === "integer" && integerDigits < (INTEGER_DIGITS[from.rank] ?? 0))
      return `values with more than ${integerDigits} integer digits make the ALTER fail`;
    if (from.family === "float") return `values are rounded to ${to.scale} decimals and large ones make the ALTER fail`;
    if (from.family === "numeric") {
      if (from.precision === void 0)
        return `values are rounded to ${to.scale} decimals and ones with more than ${integerDigits} integer digits make the ALTER fail`;
      if (to.scale < from.scale)
        return `the scale drops from ${from.scale} to ${to.scale}: every value is silently rounded`;
      if (integerDigits < from.precision - from.scale)
        return `values with more than ${integerDigits} integer digits make the ALTER fail`;
    }
    return null;
  }
  if (to.family === "float") {
    if (from.family === "float" && to.rank < from.rank) return "values keep only about 6 significant digits";
    if (from.family === "numeric" && (to.rank === 1 || from.precision === void 0 || from.precision > 15))
      return "exact decimals become approximate floating-point values";
    if (from.family === "integer" && (from.rank === 3 || from.rank === 2 && to.rank === 1))
      return "large integers lose their last digits";
    return null;
  }
  if (from.family === "datetime" && to.family === "datetime") {
    const fromTimestamp = from.base === "timestamp" || from.base === "timestamptz";
    if (fromTimestamp && to.base === "date") return "the time of day is dropped from every value";
    if (fromTimestamp && (to.base === "time" || to.base === "timetz")) return "the date is dropped from every value";
    if (from.base === to.base || fromTimestamp && (to.base === "timestamp" || to.base === "timestamptz"))
      return to.fraction < from.fraction ? `fractional seconds are rounded to ${to.fraction} digits` : null;
  }
  return null;
}
function possiblyNarrowing(to) {
  if (to.arrayDims > 0) return null;
  if (to.family === "string" && to.length < COMMON_STRING_LIMIT)
    return `if it was text or a longer varchar, values longer than ${to.length} characters make the ALTER fail (a USING cast cuts them silently)`;
  if (to.family === "integer" && to.rank < 3) {
    const wider = to.rank === 1 ? "integer, bigint" : "bigint";
    return `if it was ${wider}, numeric or text, values outside the ${INTEGER_NAMES[to.rank]} range make the ALTER fail and fractions are rounded`;
  }
  if (to.base === "float4") return "if it was double precision or numeric, values keep only about 6 significant digits";
  if (to.base === "date") return "if it was a timestamp, the time of day is dropped from every value";
  if (to.base === "time" || to.base === "timetz") return "if it was a timestamp, the date is dropped from every value";
  return null;
}
const READABLE = {
  int2: "smallint",
  int4: "integer",
  int8: "bigint",
  float4: "real",
  float8: "double precision",
  bpchar: "char",
  bool: "boolean"
};
function readable(typeName) {
  const written = typeNameString(typeName);
  const base = typeBase(typeName);
  return READABLE[base] ? written.replace(base, READABLE[base]) : written;
}
function fixFor(to) {
  if (to.family === "string")
    return "keep the wider type and add CHECK (char_length(col) <= n) NOT VALID, then VALIDATE it; or check max(char_length(col)) before narrowing";
  if (to.family === "integer" || to.family === "numeric" || to.family === "float")
    return "check the data first (min/max, scale) and keep the wider type unless it truly never exceeds the new range";
  return "add a new column of the new type, backfill it in batches, switch readers, then drop the old column";
}

const truncateTable = {
  kind: "statement",
  meta: {
    id: "truncate-table",
    category: "data-loss",
    severity: "error",
    enabledByDefault: true,
    summary: "TRUNCATE of an existing table (worse with CASCADE)",
    lock: "AccessExclusiveLock"
  },
  check(statement, context) {
    const truncate = as(statement.ast, "TruncateStmt");
    if (!truncate) return [];
    const existing = (truncate.relations ?? []).map((node) => as(node, "RangeVar")).filter((relation) => relation && !context.isNewTable(relation));
    if (existing.length === 0) return [];
    const names = existing.map((relation) => `\`${displayTable(relation)}\``).join(", ");
    if (truncate.behavior === "DROP_CASCADE") {
      return [
        {
          message: `truncates ${names} with CASCADE: every row is deleted, and so is every row of each table with a foreign key to it, recursively, without listing them`,
          fix: "delete only the rows you mean to (DELETE \u2026 WHERE, in batches) and name every table explicitly; never CASCADE in a migration"
        }
      ];
    }
    return [
      {
        message: `truncates ${names}: every row is deleted and no rollback brings them back; the AccessExclusiveLock blocks all reads and writes meanwhile`,
        fix: "delete the rows you mean to with DELETE \u2026 WHERE in batches, or keep a copy of the table before emptying it"
      }
    ];
  }
};

const unboundedDml = {
  kind: "statement",
  meta: {
    id: "unbounded-dml",
    category: "data-loss",
    severity: "error",
    enabledByDefault: true,
    summary: "UPDATE or DELETE with no WHERE on an existing table",
    lock: "RowExclusiveLock"
  },
  check(statement, context) {
    const hits = [];
    const visit = (verb, relation, where) => {
      if (!relation || context.isNewTable(relation) || !alwaysTrue(where)) return;
      const table = displayTable(relation);
      const inTransaction = context.inTransaction ? ", held until the migration's transaction commits" : "";
      hits.push(
        verb === "DELETE" ? {
          message: `DELETE on \`${table}\` has no WHERE: it deletes every row, row-locking each one${inTransaction}`,
          fix: "add the WHERE you mean; to empty a table on purpose, do it outside the schema migration, in batches"
        } : {
          message: `UPDATE on \`${table}\` has no WHERE: it rewrites every row and overwrites the old values, row-locking each one${inTransaction} so concurrent writes wait`,
          fix: "backfill outside the schema migration in batches (UPDATE \u2026 WHERE id BETWEEN \u2026 , committing each), or add the WHERE you mean"
        }
      );
    };
    walk([statement.ast], (tag, value) => {
      if (tag === "UpdateStmt") {
        const update = value;
        visit("UPDATE", update.relation, update.whereClause);
      }
      if (tag === "DeleteStmt") {
        const del = value;
        visit("DELETE", del.relation, del.whereClause);
      }
    });
    return hits;
  }
};
function alwaysTrue(where) {
  if (!where) return true;
  if (constValue(where) === true) return true;
  const expr = as(where, "A_Expr");
  if (expr?.kind === "AEXPR_OP" && nameList(expr.name).join() === "=") {
    const left = constValue(expr.lexpr);
    return left !== void 0 && left !== null && left === constValue(expr.rexpr);
  }
  return false;
}

const rules$6 = [
  dropTable,
  dropColumn,
  dropSchema,
  truncateTable,
  cascadeDrop,
  unboundedDml,
  narrowingTypeChange,
  enumRecreate,
  dropNotNull,
  dropConstraint
];

const FILE_START = { line: 1, column: 1, endLine: 1, endColumn: 1 };
function ordered(migrations) {
  return migrations.filter((migration) => !migration.unrecognized && !migration.repeatable);
}
function heads(migrations) {
  const graph = ordered(migrations);
  const referenced = new Set(graph.flatMap((migration) => migration.parents));
  return graph.filter((migration) => !referenced.has(migration.id));
}
function roots(migrations) {
  return ordered(migrations).filter((migration) => migration.parents.length === 0);
}
function cycles(migrations) {
  const byId = new Map(ordered(migrations).map((migration) => [migration.id, migration]));
  const state = /* @__PURE__ */ new Map();
  const found = [];
  const visit = (id, trail) => {
    const status = state.get(id);
    if (status === "done") return;
    if (status === "visiting") {
      found.push(trail.slice(trail.indexOf(id)));
      return;
    }
    state.set(id, "visiting");
    for (const parent of byId.get(id)?.parents ?? []) if (byId.has(parent)) visit(parent, [...trail, id]);
    state.set(id, "done");
  };
  for (const id of byId.keys()) visit(id, []);
  return found;
}
function inScope(input) {
  if (!input.base) return input.migrations;
  return input.migrations.filter((migration) => migration.change === "added" || migration.change === "modified");
}
function isGraphTool(input) {
  return input.project.tool === "alembic";
}
function declarationSpan(migration) {
  return migration.parentsSpan ?? FILE_START;
}

const brokenRevisionChain = {
  kind: "history",
  meta: {
    id: "broken-revision-chain",
    category: "history",
    severity: "error",
    enabledByDefault: true,
    summary: "down_revision names an unknown revision, or the revisions form a cycle",
    lock: null
  },
  check(input) {
    if (!isGraphTool(input)) return [];
    const graph = ordered(input.migrations);
    const known = new Set(graph.map((migration) => migration.id));
    const labels = new Set(graph.flatMap((migration) => migration.branchLabels ?? []));
    const hits = [];
    for (const migration of graph) {
      for (const parent of migration.parents.filter((id) => !known.has(id) && !prefixMatch(id, known))) {
        hits.push({
          path: migration.path,
          span: declarationSpan(migration),
          migration: migration.id,
          message: `down_revision \`${parent}\` of \`${migration.id}\` names no revision in ${input.project.folder}; Alembic stops with "Can't locate revision"`,
          fix: "set down_revision to the id of the revision this one follows (`alembic heads` shows the current head)"
        });
      }
      for (const dependency of (migration.dependsOn ?? []).filter(
        (id) => !known.has(id) && !labels.has(id) && !prefixMatch(id, known)
      )) {
        hits.push({
          path: migration.path,
          span: declarationSpan(migration),
          migration: migration.id,
          message: `depends_on \`${dependency}\` of \`${migration.id}\` names no revision or branch label`,
          fix: "point depends_on at an existing revision id or branch label"
        });
      }
    }
    const byId = new Map(graph.map((migration) => [migration.id, migration]));
    for (const cycle of cycles(input.migrations)) {
      const first = byId.get(cycle[0]);
      if (!first) continue;
      hits.push({
        path: first.path,
        span: declarationSpan(first),
        migration: first.id,
        message: `revisions form a cycle: ${[...cycle, cycle[0]].map((id) => `\`${id}\``).join(" \u2192 ")}; Alembic cannot order them`,
        fix: "make one of them point at the revision it really follows, so the chain leads back to a single base"
      });
    }
    const bases = roots(input.migrations);
    if (bases.length > 1 && labels.size === 0) {
      for (const base of bases.slice(1)) {
        hits.push({
          path: base.path,
          span: declarationSpan(base),
          migration: base.id,
          severity: "warning",
          message: `\`${base.id}\` has no down_revision, a second base beside \`${bases[0]?.id}\`: it starts a separate history`,
          fix: "set down_revision to the revision it follows, or give the branch a branch_label if a separate base is intended"
        });
      }
    }
    return hits;
  }
};
function prefixMatch(id, known) {
  if (id.length < 4) return false;
  return [...known].filter((candidate) => candidate.startsWith(id)).length === 1;
}

const duplicateVersion = {
  kind: "history",
  meta: {
    id: "duplicate-version",
    category: "history",
    severity: "error",
    enabledByDefault: true,
    summary: "two migrations share a version",
    lock: null
  },
  check(input) {
    const groups = /* @__PURE__ */ new Map();
    for (const migration of ordered(input.migrations)) {
      const key = versionKey(migration);
      groups.set(key, [...groups.get(key) ?? [], migration]);
    }
    const hits = [];
    for (const group of groups.values()) {
      if (group.length < 2) continue;
      const reported = input.base ? group.filter((m) => m.change === "added" || m.change === "modified") : group.slice(1);
      for (const migration of reported.length > 0 ? reported : group.slice(1)) {
        const others = group.filter((other) => other !== migration).map((other) => other.path);
        hits.push({
          path: migration.path,
          span: migration.parentsSpan ?? FILE_START,
          migration: migration.id,
          message: `version \`${migration.id}\` is also used by ${others.join(", ")}; the tool refuses to run (or runs only one of them)`,
          fix: "give this migration the next free version (a new timestamp)"
        });
      }
    }
    return hits;
  }
};
function versionKey(migration) {
  if (migration.convention === "flyway") {
    const parts = migration.id.split(/[._]/).map((part) => BigInt(part).toString());
    while (parts.length > 1 && parts.at(-1) === "0") parts.pop();
    return parts.join(".");
  }
  if (migration.convention === "prisma" || migration.convention === "alembic" || migration.convention === "sqitch")
    return migration.id;
  return /^\d+$/.test(migration.id) ? BigInt(migration.id).toString() : migration.id;
}

const editedAppliedMigration = {
  kind: "history",
  meta: {
    id: "edited-applied-migration",
    category: "history",
    severity: "error",
    enabledByDefault: true,
    summary: "PR edits or deletes a migration that already exists on the base branch",
    lock: null
  },
  check(input) {
    if (!input.base) return [];
    const baseByPath = new Map(input.base.map((migration) => [migration.path, migration]));
    const hits = [];
    for (const migration of input.migrations) {
      if (migration.change !== "modified" || migration.repeatable || migration.unrecognized) continue;
      const before = baseByPath.get(migration.path) ?? input.base.find((m) => m.id === migration.id);
      if (!before || !upChanged(migration, before)) continue;
      hits.push({
        path: migration.path,
        span: firstDifference(migration, before),
        migration: migration.id,
        message: `\`${migration.id}\` already exists on the base branch and this PR changes it: ${consequence(migration)}`,
        fix: "leave applied migrations as they are and add a new migration with the change"
      });
    }
    for (const path of input.deleted) {
      const gone = input.base.find((migration) => migration.path === path);
      if (gone?.repeatable || gone?.unrecognized) continue;
      hits.push({
        path,
        span: FILE_START,
        ...gone ? { migration: gone.id } : {},
        message: `the PR deletes ${path}, a migration that exists on the base branch: databases that ran it keep its changes, new ones never get them`,
        fix: "restore the file; undo its effect with a new migration instead"
      });
    }
    return hits;
  }
};
function upChanged(head, base) {
  if ((head.tool === "prisma" || head.convention === "flyway") && head.checksum && base.checksum)
    return head.checksum !== base.checksum;
  const text = (migration) => migration.statements.map((statement) => statement.sql.replace(/\s+/g, " ")).join(";");
  return text(head) !== text(base);
}
function consequence(migration) {
  if (migration.tool === "prisma")
    return "`prisma migrate deploy` reports the checksum mismatch and `migrate dev` wants to reset the database";
  if (migration.convention === "flyway") return "`flyway validate` and `migrate` fail with a checksum mismatch";
  return "databases that already ran it will not run the new version, so they diverge from fresh ones";
}
function firstDifference(head, base) {
  const index = head.statements.findIndex((statement, i) => statement.sql !== base.statements[i]?.sql);
  return index === -1 ? FILE_START : head.statements[index]?.span ?? FILE_START;
}

const DOWN_NAMES = {
  alembic: "downgrade()",
  "golang-migrate": ".down.sql file",
  diesel: "down.sql",
  dbmate: "`-- migrate:down` section",
  sqitch: "revert/ script"
};
const emptyDowngrade = {
  kind: "history",
  meta: {
    id: "empty-downgrade",
    category: "history",
    severity: "warning",
    enabledByDefault: true,
    summary: "downgrade()/down script is missing or empty",
    lock: null
  },
  check(input) {
    const expected = DOWN_NAMES[input.project.convention];
    const scope = new Set(inScope(input));
    const hits = [];
    for (const migration of ordered(input.migrations)) {
      if (!scope.has(migration) || migration.statements.length === 0) continue;
      if (migration.down && !migration.down.empty) continue;
      if (!expected && !migration.down) continue;
      const missing = migration.down === null;
      hits.push({
        path: missing ? migration.path : migration.down?.path ?? migration.path,
        span: missing ? FILE_START : migration.down?.span ?? FILE_START,
        migration: migration.id,
        message: missing ? `\`${migration.id}\` has no ${expected}: it cannot be rolled back` : `the ${expected ?? "down script"} of \`${migration.id}\` is empty: rolling back records it as undone while the schema keeps its changes`,
        fix: "write the inverse statements (`db-migrate rollback` generates and verifies them), or state in a comment why it is irreversible"
      });
    }
    return hits;
  }
};

const multipleHeads = {
  kind: "history",
  meta: {
    id: "multiple-heads",
    category: "history",
    severity: "error",
    enabledByDefault: true,
    summary: "the revision graph has more than one head",
    lock: null
  },
  check(input) {
    const tips = heads(input.migrations);
    if (tips.length < 2 || intentionalBranches(input.migrations, tips)) return [];
    const added = tips.filter((tip) => tip.change === "added");
    const reported = input.base && added.length > 0 ? added : tips;
    const list = tips.map((tip) => `\`${tip.id}\` (${tip.path})`).join(", ");
    const ids = tips.map((tip) => tip.id).join(" ");
    return reported.map(
      (tip) => ({
        path: tip.path,
        span: declarationSpan(tip),
        migration: tip.id,
        message: `${tips.length} head revisions: ${list}; \`alembic upgrade head\` fails with "Multiple head revisions are present"${sharedParent(tips, input.migrations)}`,
        fix: `merge them with \`alembic merge -m "merge heads" ${ids}\`, or point this revision's down_revision at the other head`
      })
    );
  }
};
function intentionalBranches(migrations, tips) {
  const byId = new Map(ordered(migrations).map((migration) => [migration.id, migration]));
  const labelOf = (tip) => {
    const seen = /* @__PURE__ */ new Set();
    const stack = [tip];
    while (stack.length > 0) {
      const current = stack.pop();
      if (seen.has(current.id)) continue;
      seen.add(current.id);
      if (current.branchLabels?.length) return current.branchLabels[0];
      for (const parent of current.parents) {
        const next = byId.get(parent);
        if (next) stack.push(next);
      }
    }
    return void 0;
  };
  const labels = tips.map(labelOf);
  return labels.every((label) => label !== void 0) && new Set(labels).size === labels.length;
}
function sharedParent(tips, migrations) {
  const counts = /* @__PURE__ */ new Map();
  for (const migration of ordered(migrations))
    for (const parent of migration.parents) counts.set(parent, (counts.get(parent) ?? 0) + 1);
  const forks = [...counts].filter(([, count]) => count > 1).map(([id]) => `\`${id}\``);
  return forks.length > 0 && tips.length > 1 ? ` (the history forks at ${forks.join(", ")})` : "";
}

const PRISMA_FOLDER = /^\d{14}_[A-Za-z0-9_-]+$/;
const namingConvention = {
  kind: "history",
  meta: {
    id: "naming-convention",
    category: "history",
    severity: "warning",
    enabledByDefault: true,
    summary: "migration file name breaks the tool's naming convention",
    lock: null
  },
  check(input) {
    const scope = new Set(inScope(input));
    const hits = [];
    for (const migration of input.migrations) {
      if (!scope.has(migration) || !migration.unrecognized) continue;
      hits.push({
        path: migration.path,
        span: FILE_START,
        migration: migration.id,
        severity: "error",
        message: `${path.basename(migration.path)} will not run: ${migration.unrecognized}`,
        fix: `rename it to the folder's convention, e.g. ${example(input.migrations, migration)}`
      });
    }
    const recognised = ordered(input.migrations);
    if (input.project.tool === "prisma") {
      for (const migration of recognised) {
        const folder = path.basename(path.dirname(migration.path));
        if (!scope.has(migration) || PRISMA_FOLDER.test(folder)) continue;
        hits.push({
          path: migration.path,
          span: FILE_START,
          migration: migration.id,
          message: `Prisma migration folder \`${folder}\` is not \`<YYYYMMDDHHMMSS>_<name>\`: Prisma orders folders by name, so it runs at an unexpected place`,
          fix: "create migrations with `prisma migrate dev --create-only --name <name>`"
        });
      }
    }
    if (input.project.tool === "sql" && input.project.convention !== "sqitch")
      hits.push(...versionStyle(recognised, scope));
    return hits;
  }
};
function versionStyle(migrations, scope) {
  const widths = /* @__PURE__ */ new Map();
  for (const migration of migrations) {
    if (scope.has(migration) || !/^\d+$/.test(migration.id)) continue;
    widths.set(migration.id.length, (widths.get(migration.id.length) ?? 0) + 1);
  }
  const [usual, count] = [...widths].sort((a, b) => b[1] - a[1])[0] ?? [0, 0];
  if (count < 3) return [];
  const isTimestamp = (width) => width >= 12;
  return migrations.filter(
    (migration) => scope.has(migration) && /^\d+$/.test(migration.id) && isTimestamp(migration.id.length) !== isTimestamp(usual)
  ).map((migration) => ({
    path: migration.path,
    span: FILE_START,
    migration: migration.id,
    message: `version \`${migration.id}\` has ${migration.id.length} digits where the other migrations here have ${usual}: ${migration.id.length > usual ? "it sorts after every later migration numbered the usual way" : "it sorts before the existing ones"}`,
    fix: `use a ${usual}-digit version like the rest of the folder`
  }));
}
function example(migrations, stray) {
  const model = ordered(migrations).at(-1);
  const name = path.basename(stray.path).replace(/\.sql$/i, "").replace(/^[^A-Za-z]+/, "") || "change";
  switch (stray.convention) {
    case "flyway":
      return `V<next version>__${name}.sql`;
    case "golang-migrate":
      return `<next version>_${name}.up.sql and .down.sql`;
    case "diesel":
      return `<YYYY-MM-DD-HHMMSS>_${name}/up.sql and down.sql`;
    case "dbmate":
      return `<YYYYMMDDHHMMSS>_${name}.sql`;
    default:
      return model ? `${path.basename(model.path).replace(/^\d+/, "<next number>")}` : `<number>_${name}.sql`;
  }
}

const CONSEQUENCE = {
  flyway: {
    severity: "error",
    what: 'Flyway refuses it where the base is deployed (validate: "Detected resolved migration not applied to database") unless outOfOrder=true'
  },
  "golang-migrate": {
    severity: "error",
    what: "golang-migrate only runs versions above the database's current one, so it is silently skipped where the base is deployed"
  },
  prisma: {
    severity: "warning",
    what: "`prisma migrate deploy` runs it after newer migrations where the base is deployed, but in order on a fresh database: the two can end up different"
  },
  diesel: {
    severity: "warning",
    what: "diesel runs it after newer migrations where the base is deployed, in order elsewhere"
  },
  dbmate: {
    severity: "warning",
    what: "dbmate runs it after newer migrations where the base is deployed, in order elsewhere"
  },
  sqitch: {
    severity: "error",
    what: "sqitch refuses to deploy a plan whose already-deployed changes are no longer in the same order"
  },
  plain: {
    severity: "warning",
    what: "a runner that tracks the last version applied skips it where the base is deployed"
  }
};
const outOfOrder = {
  kind: "history",
  meta: {
    id: "out-of-order",
    category: "history",
    severity: "warning",
    enabledByDefault: true,
    summary: "new migration sorts before the newest migration on the base branch",
    lock: null
  },
  check(input) {
    if (!input.base || isGraphTool(input)) return [];
    const baseOrdered = ordered(input.base);
    const newest = baseOrdered.reduce(
      (best, migration) => !best || migration.order > best.order ? migration : best,
      void 0
    );
    if (!newest) return [];
    const consequence = CONSEQUENCE[input.project.convention] ?? CONSEQUENCE.plain;
    const hits = [];
    for (const migration of ordered(input.migrations)) {
      if (migration.change !== "added" || migration.order >= newest.order) continue;
      hits.push({
        path: migration.path,
        span: FILE_START,
        migration: migration.id,
        severity: consequence?.severity,
        message: `\`${migration.id}\` sorts before \`${newest.id}\`, the newest migration on the base branch; ${consequence?.what}`,
        fix: "rename it with a version after the newest one on the base branch (regenerate its timestamp)"
      });
    }
    return hits;
  }
};

const schemaMigrationMismatch = {
  kind: "history",
  meta: {
    id: "schema-migration-mismatch",
    category: "history",
    severity: "warning",
    enabledByDefault: true,
    summary: "schema.prisma (or models) changed with no migration",
    lock: null
  },
  check(input) {
    if (!input.base || input.project.tool !== "prisma" || !input.changedFiles) return [];
    if (input.migrations.some((migration) => migration.change === "added" || migration.change === "modified"))
      return [];
    const schemaChanges = input.changedFiles.filter(
      (change) => change.path.endsWith(".prisma") && modelsOf(change.before) !== modelsOf(change.after)
    );
    return schemaChanges.map((change) => ({
      path: change.path,
      span: firstChangedLine(change.before, change.after),
      message: `${change.path} changes the data model but the PR adds no migration to ${input.project.folder}: databases will not get the change`,
      fix: "run `prisma migrate dev --name <change>` and commit the new migration folder"
    }));
  }
};
function modelsOf(text) {
  if (text === null) return "";
  return text.replace(/\/\/.*$/gm, "").replace(/\bgenerator\s+\w+\s*\{[^}]*\}/g, "").split("\n").map((line) => line.trim().replace(/\s+/g, " ")).filter(Boolean).join("\n");
}
function firstChangedLine(before, after) {
  if (after === null) return FILE_START;
  const old = (before ?? "").split("\n");
  const index = after.split("\n").findIndex((line2, i) => line2 !== old[i]);
  const line = index === -1 ? 1 : index + 1;
  return { line, column: 1, endLine: line, endColumn: 1 };
}

const rules$5 = [
  multipleHeads,
  brokenRevisionChain,
  emptyDowngrade,
  outOfOrder,
  duplicateVersion,
  editedAppliedMigration,
  namingConvention,
  schemaMigrationMismatch
];

const parseError = {
  kind: "reported",
  meta: {
    id: "parse-error",
    category: "input",
    severity: "error",
    enabledByDefault: true,
    summary: "a statement PostgreSQL's parser rejects (file, line and column of the error)",
    lock: null
  }
};

const templatedSql = {
  kind: "reported",
  meta: {
    id: "templated-sql",
    category: "input",
    severity: "error",
    enabledByDefault: true,
    summary: "a statement with template placeholders ({{ \u2026 }} or dollar-brace) that cannot be analysed as written",
    lock: null
  }
};

const unanalyzedOperation = {
  kind: "reported",
  meta: {
    id: "unanalyzed-operation",
    category: "input",
    severity: "info",
    enabledByDefault: true,
    summary: "an operation in a migration file the static reader does not understand (loops, helpers, dynamic SQL)",
    lock: null
  }
};

const unreadableFile = {
  kind: "reported",
  meta: {
    id: "unreadable-file",
    category: "input",
    severity: "error",
    enabledByDefault: true,
    summary: "a migration file that is binary, not UTF-8 or too large to analyse",
    lock: null
  }
};

const rules$4 = [parseError, templatedSql, unreadableFile, unanalyzedOperation];

const addCheckValidating = {
  kind: "statement",
  meta: {
    id: "add-check-validating",
    category: "locks",
    severity: "error",
    enabledByDefault: true,
    summary: "CHECK constraint added without NOT VALID (full scan under AccessExclusiveLock)",
    lock: "AccessExclusiveLock"
  },
  check(statement, context) {
    const alter = as(statement.ast, "AlterTableStmt");
    if (alter?.objtype !== "OBJECT_TABLE" || context.isNewTable(alter.relation)) return [];
    const table = displayTable(alter.relation);
    const hits = [];
    for (const cmd of alterCommands(alter)) {
      if (cmd?.subtype === "AT_AddConstraint") {
        const constraint = as(cmd.def, "Constraint");
        if (constraint?.contype !== "CONSTR_CHECK" || constraint.skip_validation) continue;
        const name = constraint.conname ? `\`${constraint.conname}\` ` : "";
        hits.push({
          message: `adds CHECK constraint ${name}to \`${table}\` without NOT VALID: every row is checked while an AccessExclusiveLock blocks all reads and writes of \`${table}\``,
          fix: "add it with `NOT VALID`, then `ALTER TABLE \u2026 VALIDATE CONSTRAINT \u2026` in a separate transaction (ShareUpdateExclusiveLock: reads and writes continue)"
        });
      }
      if (cmd?.subtype === "AT_AddColumn") {
        const column = as(cmd.def, "ColumnDef");
        const hasCheck = (column?.constraints ?? []).some((c) => as(c, "Constraint")?.contype === "CONSTR_CHECK");
        if (!hasCheck) continue;
        hits.push({
          message: `adds column \`${table}.${column?.colname ?? ""}\` with a CHECK constraint: every row is checked while an AccessExclusiveLock blocks all reads and writes of \`${table}\``,
          fix: "add the column without the CHECK, then `ADD CONSTRAINT \u2026 CHECK (\u2026) NOT VALID` and `VALIDATE CONSTRAINT` in a separate transaction"
        });
      }
    }
    return hits;
  }
};

const FAST_DEFAULT_SINCE = 11;
const addColumnVolatileDefault = {
  kind: "statement",
  meta: {
    id: "add-column-volatile-default",
    category: "locks",
    severity: "error",
    enabledByDefault: true,
    summary: "ADD COLUMN with a volatile DEFAULT (table rewrite)",
    lock: "AccessExclusiveLock"
  },
  check(statement, context) {
    const alter = as(statement.ast, "AlterTableStmt");
    if (alter?.objtype !== "OBJECT_TABLE" || context.isNewTable(alter.relation)) return [];
    const table = displayTable(alter.relation);
    const fix = "add the column without a default, then `ALTER COLUMN \u2026 SET DEFAULT \u2026` (applies to new rows only) and backfill existing rows in batches";
    const rewriting = [];
    const calls = /* @__PURE__ */ new Set();
    let userFunctions;
    for (const cmd of alterCommands(alter)) {
      const column = cmd?.subtype === "AT_AddColumn" ? as(cmd.def, "ColumnDef") : void 0;
      if (!column) continue;
      const constraints = (column.constraints ?? []).map((c) => as(c, "Constraint")).filter((c) => c !== void 0);
      if (constraints.some(isGenerated)) continue;
      const expr = constraints.find((c) => c.contype === "CONSTR_DEFAULT")?.raw_expr;
      if (!expr || isNullConstant(expr)) continue;
      if (context.pgVersion >= FAST_DEFAULT_SINCE) {
        userFunctions ??= createdFunctionVolatility(context.statements.slice(0, context.index));
        const { volatility, volatileCalls } = expressionVolatility(expr, userFunctions);
        if (volatility !== "volatile") continue;
        for (const call of volatileCalls) calls.add(call);
      }
      rewriting.push(`\`${table}.${column.colname ?? ""}\``);
    }
    if (rewriting.length === 0) return [];
    const columns = `${rewriting.length === 1 ? "column" : "columns"} ${rewriting.join(", ")}`;
    const blocking = `rewrites the whole table under an AccessExclusiveLock, blocking reads and writes of \`${table}\` until it finishes`;
    const message = context.pgVersion < FAST_DEFAULT_SINCE ? `adds ${columns} with a DEFAULT: before PostgreSQL 11 any default ${blocking}` : `adds ${columns} with a volatile DEFAULT (${[...calls].join(", ")}): PostgreSQL evaluates it for every row and ${blocking}`;
    return [{ message, fix }];
  }
};
function isGenerated(constraint) {
  return constraint.contype === "CONSTR_IDENTITY" || constraint.contype === "CONSTR_GENERATED";
}

const addExclusionConstraint = {
  kind: "statement",
  meta: {
    id: "add-exclusion-constraint",
    category: "locks",
    severity: "error",
    enabledByDefault: true,
    summary: "EXCLUDE constraint added to an existing table",
    lock: "AccessExclusiveLock"
  },
  check(statement, context) {
    const alter = as(statement.ast, "AlterTableStmt");
    if (alter?.objtype !== "OBJECT_TABLE" || context.isNewTable(alter.relation)) return [];
    const table = displayTable(alter.relation);
    const hits = [];
    for (const cmd of alterCommands(alter)) {
      if (cmd?.subtype !== "AT_AddConstraint") continue;
      const constraint = as(cmd.def, "Constraint");
      if (constraint?.contype !== "CONSTR_EXCLUSION") continue;
      const name = constraint.conname ? `\`${constraint.conname}\` ` : "";
      hits.push({
        message: `adds exclusion constraint ${name}on \`${table}\`, building its index and checking every row under an AccessExclusiveLock: reads and writes of \`${table}\` block for the whole build (EXCLUDE has no CONCURRENTLY or USING INDEX form)`,
        fix: "add it while the table is small or in a maintenance window with a lock_timeout, or enforce the rule on a new table that is backfilled and swapped in"
      });
    }
    return hits;
  }
};

const addForeignKeyValidating = {
  kind: "statement",
  meta: {
    id: "add-foreign-key-validating",
    category: "locks",
    severity: "error",
    enabledByDefault: true,
    summary: "foreign key added without NOT VALID (scans the table, locks both tables)",
    lock: "ShareRowExclusiveLock"
  },
  check(statement, context) {
    const alter = as(statement.ast, "AlterTableStmt");
    if (alter?.objtype !== "OBJECT_TABLE" || context.isNewTable(alter.relation)) return [];
    const table = displayTable(alter.relation);
    const commands = (alter.cmds ?? []).map((c) => as(c, "AlterTableCmd")).filter((c) => c !== void 0);
    const validatesColumnKeys = commands.some(
      (cmd) => cmd.subtype === "AT_AddConstraint" && as(cmd.def, "Constraint")?.contype === "CONSTR_FOREIGN" || cmd.subtype === "AT_AddColumn" && hasDefault(as(cmd.def, "ColumnDef"))
    );
    const hits = [];
    for (const cmd of commands) {
      if (cmd.subtype === "AT_AddConstraint") {
        const constraint = as(cmd.def, "Constraint");
        if (constraint?.contype !== "CONSTR_FOREIGN" || constraint.skip_validation) continue;
        const name = constraint.conname ? `\`${constraint.conname}\` ` : "";
        const columns = columnNames(constraint.fk_attrs).join(", ");
        const referenced = displayTable(constraint.pktable);
        hits.push({
          message: `adds foreign key ${name}on \`${table}\` (${columns}) \u2192 \`${referenced}\` without NOT VALID: every row of \`${table}\` is checked while a ShareRowExclusiveLock on \`${table}\` and \`${referenced}\` blocks writes to both`,
          fix: "add it with `NOT VALID`, then `ALTER TABLE \u2026 VALIDATE CONSTRAINT \u2026` in a separate transaction (it only takes ShareUpdateExclusiveLock)"
        });
        continue;
      }
      if (cmd.subtype !== "AT_AddColumn") continue;
      const column = as(cmd.def, "ColumnDef");
      for (const constraint of columnConstraints(column?.constraints)) {
        if (constraint.contype !== "CONSTR_FOREIGN") continue;
        const referenced = displayTable(constraint.pktable);
        const target = `\`${table}.${column?.colname ?? ""}\` \u2192 \`${referenced}\``;
        hits.push(
          validatesColumnKeys ? {
            message: `adds column ${target} with a foreign key that PostgreSQL validates (the statement also sets a default or adds a foreign key): every row of \`${table}\` is checked under an AccessExclusiveLock on \`${table}\` and a ShareRowExclusiveLock on \`${referenced}\``,
            fix: "add the column without the foreign key, then `ADD CONSTRAINT \u2026 FOREIGN KEY \u2026 NOT VALID` and `VALIDATE CONSTRAINT` in a separate transaction",
            lock: "AccessExclusiveLock"
          } : {
            message: `adds column ${target} with a foreign key: nothing is scanned (the column is all NULL), but the statement holds an AccessExclusiveLock on \`${table}\` while it waits for a ShareRowExclusiveLock on \`${referenced}\`, so traffic on both queues behind any long transaction`,
            fix: "add the column first, then `ADD CONSTRAINT \u2026 FOREIGN KEY \u2026 NOT VALID` and `VALIDATE CONSTRAINT` in separate short transactions with a lock_timeout",
            lock: "AccessExclusiveLock",
            severity: "warning"
          }
        );
      }
    }
    return hits;
  }
};
function hasDefault(column) {
  if (SERIAL_TYPES.has(typeBase(column?.typeName))) return true;
  return columnConstraints(column?.constraints).some(
    (c) => c.contype === "CONSTR_DEFAULT" || c.contype === "CONSTR_GENERATED"
  );
}
function columnConstraints(constraints) {
  return (constraints ?? []).map((c) => as(c, "Constraint")).filter((c) => c !== void 0);
}

const addGeneratedColumn = {
  kind: "statement",
  meta: {
    id: "add-generated-column",
    category: "locks",
    severity: "error",
    enabledByDefault: true,
    summary: "serial, identity or stored generated column added to an existing table (rewrite)",
    lock: "AccessExclusiveLock"
  },
  check(statement, context) {
    const alter = as(statement.ast, "AlterTableStmt");
    if (alter?.objtype !== "OBJECT_TABLE" || context.isNewTable(alter.relation)) return [];
    const table = displayTable(alter.relation);
    const hits = [];
    for (const cmd of alterCommands(alter)) {
      const column = cmd?.subtype === "AT_AddColumn" ? as(cmd.def, "ColumnDef") : void 0;
      if (!column) continue;
      const constraints = (column.constraints ?? []).map((c) => as(c, "Constraint")).filter((c) => c !== void 0);
      const type = typeBase(column.typeName);
      const stored = constraints.some((c) => c.contype === "CONSTR_GENERATED" && c.generated_kind !== "v");
      const identity = constraints.some((c) => c.contype === "CONSTR_IDENTITY");
      const kind = SERIAL_TYPES.has(type) ? `\`${type}\`` : identity ? "identity" : stored ? "stored generated" : void 0;
      if (!kind) continue;
      hits.push({
        message: `adds ${kind} column \`${table}.${column.colname ?? ""}\`: PostgreSQL computes a value for every existing row and rewrites the whole table under an AccessExclusiveLock, blocking reads and writes of \`${table}\` until it finishes`,
        fix: stored ? "use a virtual generated column (PostgreSQL 18), or add a plain column kept up to date by a trigger and backfill existing rows in batches" : "add a plain nullable bigint column, `SET DEFAULT nextval(\u2026)` for new rows, backfill existing rows in batches, then add NOT NULL via a validated CHECK (and ADD GENERATED \u2026 AS IDENTITY if wanted)"
      });
    }
    return hits;
  }
};

const addJsonColumn = {
  kind: "statement",
  meta: {
    id: "add-json-column",
    category: "locks",
    severity: "warning",
    enabledByDefault: true,
    summary: "json column (no equality operator; prefer jsonb)",
    lock: null
  },
  check(statement) {
    const hits = [];
    const report = (table, column, typeName) => {
      if (!isJson(typeName)) return;
      hits.push({
        message: `column \`${table}.${column}\` is \`json\`: it has no equality operator, so DISTINCT, UNION, GROUP BY and \`=\` on it fail, it cannot take a GIN index, and every read re-parses the text`,
        fix: `declare \`${column}\` as \`jsonb\` (keep \`json\` only to preserve key order, whitespace or duplicate keys)`
      });
    };
    const create = as(statement.ast, "CreateStmt");
    if (create) {
      for (const element of create.tableElts ?? []) {
        const column = as(element, "ColumnDef");
        if (column?.colname) report(displayTable(create.relation), column.colname, column.typeName);
      }
      return hits;
    }
    const alter = as(statement.ast, "AlterTableStmt");
    for (const node of alter?.cmds ?? []) {
      const cmd = as(node, "AlterTableCmd");
      const column = as(cmd?.def, "ColumnDef");
      const table = tableKey(alter?.relation) || "(unknown)";
      if (cmd?.subtype === "AT_AddColumn" && column?.colname) report(table, column.colname, column.typeName);
      if (cmd?.subtype === "AT_AlterColumnType" && cmd.name) report(table, cmd.name, column?.typeName);
    }
    return hits;
  }
};
function isJson(typeName) {
  const names = nameList(typeName?.names);
  if (names.at(-1)?.toLowerCase() !== "json") return false;
  return names.length === 1 || names[0] === "pg_catalog";
}

const addPrimaryKey = {
  kind: "statement",
  meta: {
    id: "add-primary-key",
    category: "locks",
    severity: "error",
    enabledByDefault: true,
    summary: "PRIMARY KEY that builds its index in place",
    lock: "AccessExclusiveLock"
  },
  check(statement, context) {
    const alter = as(statement.ast, "AlterTableStmt");
    if (alter?.objtype !== "OBJECT_TABLE" || context.isNewTable(alter.relation)) return [];
    const table = displayTable(alter.relation);
    const fix = "make the key columns NOT NULL via a validated `CHECK (\u2026 IS NOT NULL)`, build the index with `CREATE UNIQUE INDEX CONCURRENTLY`, then `ADD CONSTRAINT \u2026 PRIMARY KEY USING INDEX \u2026`";
    const hits = [];
    for (const cmd of alterCommands(alter)) {
      if (cmd?.subtype === "AT_AddConstraint") {
        const constraint = as(cmd.def, "Constraint");
        if (constraint?.contype !== "CONSTR_PRIMARY" || constraint.indexname) continue;
        const name = constraint.conname ? `\`${constraint.conname}\` ` : "";
        hits.push({
          message: `adds primary key ${name}on \`${table}\` (${columnNames(constraint.keys).join(", ")}), building its index under an AccessExclusiveLock: reads and writes of \`${table}\` block for the whole build`,
          fix
        });
      }
      if (cmd?.subtype === "AT_AddColumn") {
        const column = as(cmd.def, "ColumnDef");
        if (!(column?.constraints ?? []).some((c) => as(c, "Constraint")?.contype === "CONSTR_PRIMARY")) continue;
        hits.push({
          message: `adds column \`${table}.${column?.colname ?? ""}\` as PRIMARY KEY, building its index under an AccessExclusiveLock: reads and writes of \`${table}\` block while every row is indexed`,
          fix: `add and backfill the column first; then ${fix}`
        });
      }
    }
    return hits;
  }
};

const addRequiredColumn = {
  kind: "statement",
  meta: {
    id: "add-required-column",
    category: "locks",
    severity: "error",
    enabledByDefault: true,
    summary: "ADD COLUMN NOT NULL with no default",
    lock: "AccessExclusiveLock"
  },
  check(statement, context) {
    const alter = as(statement.ast, "AlterTableStmt");
    if (alter?.objtype !== "OBJECT_TABLE" || context.isNewTable(alter.relation)) return [];
    const table = displayTable(alter.relation);
    const hits = [];
    for (const cmd of alterCommands(alter)) {
      const column = cmd?.subtype === "AT_AddColumn" ? as(cmd.def, "ColumnDef") : void 0;
      if (!column || SERIAL_TYPES.has(typeBase(column.typeName))) continue;
      const constraints = (column.constraints ?? []).map((c) => as(c, "Constraint")).filter((c) => c !== void 0);
      const kinds = new Set(constraints.map((c) => c.contype));
      if (kinds.has("CONSTR_IDENTITY") || kinds.has("CONSTR_GENERATED")) continue;
      if (!kinds.has("CONSTR_NOTNULL") && !kinds.has("CONSTR_PRIMARY") && !column.is_not_null) continue;
      const fallback = constraints.find((c) => c.contype === "CONSTR_DEFAULT")?.raw_expr;
      if (fallback && !isNullConstant(fallback)) continue;
      const name = column.colname ?? "";
      hits.push({
        message: `adds NOT NULL column \`${table}.${name}\` without a DEFAULT: it fails if \`${table}\` has any row, and inserts from app versions that do not set \`${name}\` fail`,
        fix: "give it a constant DEFAULT (no rewrite on PostgreSQL 11+), or add it nullable, backfill, then enforce NOT NULL with CHECK \u2026 NOT VALID, VALIDATE CONSTRAINT and SET NOT NULL"
      });
    }
    return hits;
  }
};

const addUniqueConstraint = {
  kind: "statement",
  meta: {
    id: "add-unique-constraint",
    category: "locks",
    severity: "error",
    enabledByDefault: true,
    summary: "UNIQUE constraint that builds its index in place",
    lock: "AccessExclusiveLock"
  },
  check(statement, context) {
    const alter = as(statement.ast, "AlterTableStmt");
    if (alter?.objtype !== "OBJECT_TABLE" || context.isNewTable(alter.relation)) return [];
    const table = displayTable(alter.relation);
    const attach = "`CREATE UNIQUE INDEX CONCURRENTLY`, then `ALTER TABLE \u2026 ADD CONSTRAINT \u2026 UNIQUE USING INDEX \u2026`";
    const hits = [];
    for (const cmd of alterCommands(alter)) {
      if (cmd?.subtype === "AT_AddConstraint") {
        const constraint = as(cmd.def, "Constraint");
        if (constraint?.contype !== "CONSTR_UNIQUE" || constraint.indexname) continue;
        const name = constraint.conname ? `\`${constraint.conname}\` ` : "";
        hits.push({
          message: `adds UNIQUE constraint ${name}on \`${table}\` (${columnNames(constraint.keys).join(", ")}), building its index under an AccessExclusiveLock: reads and writes of \`${table}\` block for the whole build`,
          fix: `build the index first with ${attach}`
        });
      }
      if (cmd?.subtype === "AT_AddColumn") {
        const column = as(cmd.def, "ColumnDef");
        if (!(column?.constraints ?? []).some((c) => as(c, "Constraint")?.contype === "CONSTR_UNIQUE")) continue;
        hits.push({
          message: `adds column \`${table}.${column?.colname ?? ""}\` with UNIQUE, building its index under an AccessExclusiveLock: reads and writes of \`${table}\` block while every row is indexed`,
          fix: `add the column without UNIQUE, build the index with ${attach}`
        });
      }
    }
    return hits;
  }
};

const changeColumnType = {
  kind: "statement",
  meta: {
    id: "change-column-type",
    category: "locks",
    severity: "error",
    enabledByDefault: true,
    summary: "column type change that rewrites the table",
    lock: "AccessExclusiveLock"
  },
  check(statement, context) {
    const alter = as(statement.ast, "AlterTableStmt");
    if (!alter || alter.objtype !== "OBJECT_TABLE" && alter.objtype !== "OBJECT_MATVIEW") return [];
    if (context.isNewTable(alter.relation)) return [];
    const table = tableKey(alter.relation);
    const hits = [];
    for (const cmd of alterCommands(alter)) {
      if (cmd?.subtype !== "AT_AlterColumnType" || !cmd.name) continue;
      const definition = as(cmd.def, "ColumnDef");
      const target = definition?.typeName;
      const current = context.columnTypes.get(`${table}.${cmd.name}`);
      const verdict = typeChangeVerdict(current, target, definition?.raw_default, cmd.name);
      if (verdict === "none") continue;
      const column = `\`${displayTable(alter.relation)}.${cmd.name}\``;
      const to = target ? `\`${typeLabel(target)}\`` : "a new type";
      const from = current ? ` from \`${typeof current === "string" ? current : typeLabel(current)}\`` : "";
      const fix = "add a new column of the new type, backfill it in batches, switch the application to it, then drop the old column";
      if (verdict === "unknown-current") {
        hits.push({
          severity: "warning",
          message: `changes ${column} to ${to}; its current type is not known from the migrations analysed: unless it is binary-compatible (e.g. varchar \u2192 text, varchar(n) \u2192 varchar(m > n)), PostgreSQL rewrites the whole table and its indexes under an AccessExclusiveLock, blocking reads and writes`,
          fix: `confirm the current type is binary-compatible with ${to}; otherwise ${fix}`
        });
        continue;
      }
      const using = definition?.raw_default ? " with a USING conversion" : "";
      hits.push({
        message: `changes ${column}${from} to ${to}${using}: PostgreSQL rewrites the whole table and rebuilds its indexes under an AccessExclusiveLock, blocking reads and writes of \`${displayTable(alter.relation)}\` until it finishes`,
        fix
      });
    }
    return hits;
  }
};

const createIndexNonConcurrently = {
  kind: "statement",
  meta: {
    id: "create-index-non-concurrently",
    category: "locks",
    severity: "error",
    enabledByDefault: true,
    summary: "CREATE INDEX without CONCURRENTLY on an existing table",
    lock: "ShareLock"
  },
  check(statement, context) {
    const index = as(statement.ast, "IndexStmt");
    if (!index || index.concurrent || !index.relation?.inh) return [];
    if (context.isNewTable(index.relation)) return [];
    const table = displayTable(index.relation);
    const name = index.idxname ? `index \`${index.idxname}\`` : "an index";
    const unique = index.unique ? "UNIQUE " : "";
    return [
      {
        message: `builds ${name} on \`${table}\` without CONCURRENTLY: its ShareLock blocks writes (INSERT/UPDATE/DELETE) to \`${table}\` for the whole duration of the build`,
        fix: `use \`CREATE ${unique}INDEX CONCURRENTLY\` in a migration that runs outside a transaction (it cannot run inside one)`
      }
    ];
  }
};

const detachPartitionNonConcurrently = {
  kind: "statement",
  meta: {
    id: "detach-partition-non-concurrently",
    category: "locks",
    severity: "warning",
    enabledByDefault: true,
    summary: "DETACH PARTITION without CONCURRENTLY",
    lock: "AccessExclusiveLock"
  },
  check(statement, context) {
    const alter = as(statement.ast, "AlterTableStmt");
    if (!alter || context.isNewTable(alter.relation)) return [];
    const hits = [];
    for (const cmd of alterCommands(alter)) {
      const partition = as(cmd?.def, "PartitionCmd");
      if (cmd?.subtype !== "AT_DetachPartition" || !partition || partition.concurrent) continue;
      const parent = displayTable(alter.relation);
      const child = tableKey(partition.name) || "(unknown)";
      hits.push({
        message: `detaches \`${child}\` from \`${parent}\` without CONCURRENTLY: it takes an AccessExclusiveLock on \`${parent}\`, so reads and writes of every partition wait for it, and it waits for every running query on them`,
        fix: context.pgVersion >= 14 ? `use \`ALTER TABLE ${parent} DETACH PARTITION ${child} CONCURRENTLY\` outside a transaction block (PostgreSQL 14+)` : `on PostgreSQL 14+ use DETACH PARTITION \u2026 CONCURRENTLY; before that, set a short lock_timeout and retry`
      });
    }
    return hits;
  }
};

const domainWithConstraint = {
  kind: "statement",
  meta: {
    id: "domain-with-constraint",
    category: "locks",
    severity: "warning",
    enabledByDefault: true,
    summary: "CREATE DOMAIN \u2026 CHECK / ALTER DOMAIN \u2026 ADD CONSTRAINT",
    lock: null
  },
  check(statement, context) {
    const create = as(statement.ast, "CreateDomainStmt");
    if (create) {
      const hasCheck = (create.constraints ?? []).some((c) => as(c, "Constraint")?.contype === "CONSTR_CHECK");
      if (!hasCheck) return [];
      const domain2 = objectKey(nameList(create.domainname));
      return [
        {
          message: `domain \`${domain2}\` has a CHECK constraint: changing it later means ALTER DOMAIN, which scans every column of the domain in every table under a ShareLock (blocking writes), and adding a column of this domain to an existing table rewrites that table`,
          fix: "use the base type and put the CHECK on each table's column (added NOT VALID, then VALIDATE), where it can change table by table"
        }
      ];
    }
    const alter = as(statement.ast, "AlterDomainStmt");
    if (!alter) return [];
    const constraint = as(alter.def, "Constraint");
    const adds = alter.subtype === "C" && constraint !== void 0 && !constraint.skip_validation;
    const setsNotNull = alter.subtype === "O";
    const validates = alter.subtype === "V";
    if (!adds && !setsNotNull && !validates) return [];
    const domain = objectKey(nameList(alter.typeName));
    if (createdEarlier(domain, context.statements.slice(0, context.index))) return [];
    const what = setsNotNull ? "SET NOT NULL" : validates ? `VALIDATE CONSTRAINT ${alter.name ?? ""}`.trim() : `ADD CONSTRAINT${constraint?.conname ? ` ${constraint.conname}` : ""}`;
    return [
      {
        // VALIDATE is the better half of NOT VALID + VALIDATE, but for a domain it still holds a ShareLock.
        severity: validates ? "warning" : "error",
        lock: "ShareLock",
        message: `ALTER DOMAIN \`${domain}\` ${what} checks every column of type \`${domain}\` in every table, holding a ShareLock on each table (blocking its writes) while it scans all of their rows`,
        fix: setsNotNull ? "put NOT NULL on the table columns instead (CHECK \u2026 IS NOT NULL NOT VALID, VALIDATE, then SET NOT NULL)" : validates ? "validate at a quiet time with a statement_timeout, or move the check to each table (ADD CONSTRAINT \u2026 NOT VALID, then VALIDATE: ShareUpdateExclusiveLock)" : `add it \`NOT VALID\` (new values are checked at once) and validate at a quiet time, or put the CHECK on each table's column instead (NOT VALID, then VALIDATE without blocking writes)`
      }
    ];
  }
};
function createdEarlier(domain, statements) {
  return statements.some((s) => {
    const create = as(s.ast, "CreateDomainStmt");
    return create !== void 0 && objectKey(nameList(create.domainname)) === domain;
  });
}

const dropIndexNonConcurrently = {
  kind: "statement",
  meta: {
    id: "drop-index-non-concurrently",
    category: "locks",
    severity: "warning",
    enabledByDefault: true,
    summary: "DROP INDEX without CONCURRENTLY",
    lock: "AccessExclusiveLock"
  },
  check(statement, context) {
    const drop = as(statement.ast, "DropStmt");
    if (drop?.removeType !== "OBJECT_INDEX" || drop.concurrent) return [];
    const hits = [];
    for (const object of drop.objects ?? []) {
      const names = (as(object, "List")?.items ?? []).map((n) => as(n, "String")?.sval ?? "");
      const index = qualifiedKey(names.length > 1 ? names.at(-2) : void 0, names.at(-1) ?? "");
      if (context.created.indexes.has(index)) continue;
      hits.push({
        message: `drops index \`${index}\` without CONCURRENTLY: it takes an AccessExclusiveLock on the index's table, blocking its reads and writes while it waits for running queries and while it runs`,
        fix: `use \`DROP INDEX CONCURRENTLY ${index}\` (one index per statement, no CASCADE) in a migration that runs outside a transaction`
      });
    }
    return hits;
  }
};

const enumValueOrdering = {
  kind: "statement",
  meta: {
    id: "enum-value-ordering",
    category: "locks",
    severity: "info",
    enabledByDefault: false,
    summary: "ALTER TYPE \u2026 ADD VALUE \u2026 BEFORE/AFTER",
    lock: null
  },
  check(statement, context) {
    const alter = as(statement.ast, "AlterEnumStmt");
    if (!alter?.newVal || alter.oldVal || !alter.newValNeighbor) return [];
    const type = objectKey(nameList(alter.typeName));
    if (context.created.types.has(type)) return [];
    const where = alter.newValIsAfter ? "AFTER" : "BEFORE";
    return [
      {
        message: `adds '${alter.newVal}' to enum \`${type}\` ${where} '${alter.newValNeighbor}': it sorts between existing labels, so ORDER BY, \`<\`/\`>\` and min()/max() on \`${type}\` columns change meaning for code that relies on positions, and comparisons with it use the slower out-of-order path`,
        fix: `add the label at the end (\`ALTER TYPE ${type} ADD VALUE '${alter.newVal}'\`) and order in queries explicitly where the order matters`
      }
    ];
  }
};

function constraintsOf(node) {
  const column = as(node, "ColumnDef");
  const list = column ? column.constraints ?? [] : [node];
  return list.map((c) => as(c, "Constraint")).filter((c) => c !== void 0);
}
function foreignKey(constraint, column) {
  if (constraint.contype !== "CONSTR_FOREIGN") return void 0;
  const columns = column ? [column] : nameList(constraint.fk_attrs);
  return columns.length > 0 ? { columns, referenced: tableKey(constraint.pktable) } : void 0;
}
function indexesOf(node, column) {
  return constraintsOf(node).filter((c) => c.contype === "CONSTR_PRIMARY" || c.contype === "CONSTR_UNIQUE" || c.contype === "CONSTR_EXCLUSION").map((c) => column ? [column] : c.contype === "CONSTR_EXCLUSION" ? exclusionColumns(c) : columnNames(c.keys));
}
function exclusionColumns(constraint) {
  return (constraint.exclusions ?? []).map((pair) => columnNames([as(pair, "List")?.items?.[0]])[0] ?? "");
}
function laterIndexes(statements, after, table) {
  const lists = [];
  for (const statement of statements.slice(after + 1)) {
    const index = as(statement.ast, "IndexStmt");
    if (index && tableKey(index.relation) === table) lists.push(columnNames(index.indexParams));
    const alter = as(statement.ast, "AlterTableStmt");
    if (alter && tableKey(alter.relation) === table)
      for (const cmd of alter.cmds ?? []) {
        const def = as(cmd, "AlterTableCmd")?.def;
        const column = as(def, "ColumnDef");
        if (def) lists.push(...indexesOf(def, column?.colname));
      }
  }
  return lists;
}
function covers(index, columns) {
  return index[0] !== void 0 && columns.includes(index[0]);
}
function addedColumns(statements, upTo, table) {
  const added = /* @__PURE__ */ new Set();
  for (const statement of statements.slice(0, upTo + 1)) {
    const alter = as(statement.ast, "AlterTableStmt");
    if (!alter || tableKey(alter.relation) !== table) continue;
    for (const cmd of alter.cmds ?? []) {
      const command = as(cmd, "AlterTableCmd");
      const column = as(command?.def, "ColumnDef");
      if (command?.subtype === "AT_AddColumn" && column?.colname) added.add(column.colname);
    }
  }
  return added;
}
function createdInMigration(statements, before, table) {
  return statements.slice(0, before).some((s) => tableKey(as(s.ast, "CreateStmt")?.relation) === table);
}
const foreignKeyWithoutIndex = {
  kind: "statement",
  meta: {
    id: "foreign-key-without-index",
    category: "locks",
    severity: "warning",
    enabledByDefault: true,
    summary: "foreign key whose referencing columns have no index",
    lock: null
  },
  check(statement, context) {
    const found = [];
    const create = as(statement.ast, "CreateStmt");
    if (create) {
      const table = tableKey(create.relation);
      const ownIndexes = (create.tableElts ?? []).flatMap((e) => indexesOf(e, as(e, "ColumnDef")?.colname));
      for (const element of create.tableElts ?? []) {
        const column = as(element, "ColumnDef")?.colname;
        for (const constraint of constraintsOf(element)) {
          const key = foreignKey(constraint, column);
          if (key) found.push({ table, key, ownIndexes, fresh: true });
        }
      }
    }
    const alter = as(statement.ast, "AlterTableStmt");
    if (alter?.objtype === "OBJECT_TABLE") {
      const table = tableKey(alter.relation);
      const defs = (alter.cmds ?? []).map((c) => as(c, "AlterTableCmd")?.def).filter((d) => d !== void 0);
      const ownIndexes = defs.flatMap((d) => indexesOf(d, as(d, "ColumnDef")?.colname));
      const keys = defs.flatMap((def) => {
        const column = as(def, "ColumnDef")?.colname;
        return constraintsOf(def).flatMap((constraint) => foreignKey(constraint, column) ?? []);
      });
      const visible = keys.length > 0 && createdInMigration(context.statements, context.index, table);
      const added = keys.length > 0 ? addedColumns(context.statements, context.index, table) : /* @__PURE__ */ new Set();
      for (const key of keys) {
        if (visible || key.columns.some((c) => added.has(c))) {
          found.push({ table, key, ownIndexes, fresh: visible || context.isNewTable(table) });
        }
      }
    }
    const hits = [];
    for (const { table, key, ownIndexes, fresh } of found) {
      const indexes = [
        ...ownIndexes,
        ...context.indexColumns.get(table) ?? [],
        ...laterIndexes(context.statements, context.index, table)
      ];
      if (indexes.some((index) => covers(index, key.columns))) continue;
      const columns = key.columns.join(", ");
      const create2 = `CREATE INDEX ON ${table.split(".").map(QuoteUtils.quoteIdentifier).join(".")} (${key.columns.map(QuoteUtils.quoteIdentifier).join(", ")});`;
      hits.push({
        message: `foreign key \`${table}(${columns})\` \u2192 \`${key.referenced || "(unknown)"}\` has no index starting with its column${key.columns.length > 1 ? "s" : ""}: every DELETE (or key UPDATE) on \`${key.referenced}\` scans all of \`${table}\` for references, holding locks while it does`,
        fix: fresh ? `add \`${create2}\` in this migration: \`${table}\` is new and empty, so the build is instant` : `add \`${create2.replace("CREATE INDEX", "CREATE INDEX CONCURRENTLY")}\` in a migration of its own, outside a transaction`
      });
    }
    return hits;
  }
};

const EFFECTS = /* @__PURE__ */ new WeakMap();
function effectsAt(context, index = context.index) {
  let cache = EFFECTS.get(context);
  if (!cache) {
    cache = /* @__PURE__ */ new Map();
    EFFECTS.set(context, cache);
  }
  const cached = cache.get(index);
  if (cached) return cached;
  const ast = context.statements[index]?.ast;
  const effects = ast ? statementEffects(ast, context.pgVersion, {
    columnTypes: context.columnTypes,
    indexTables: context.indexTables,
    foreignKeys: context.foreignKeys,
    functionVolatility: migrationFunctions(context.statements),
    hasValidatedNotNullCheck: context.hasValidatedNotNullCheck
  }) : [];
  cache.set(index, effects);
  return effects;
}
const FUNCTIONS = /* @__PURE__ */ new WeakMap();
function migrationFunctions(statements) {
  let functions = FUNCTIONS.get(statements);
  if (!functions) {
    functions = createdFunctionVolatility(statements);
    FUNCTIONS.set(statements, functions);
  }
  return functions;
}
function onExistingRelation(effect, context) {
  if (effect.table) return !context.isNewTable(effect.table);
  return !(effect.index && context.created.indexes.has(effect.index));
}
function relationLabel(effect) {
  if (effect.table) return `\`${effect.table}\``;
  if (effect.index) return `the table of index \`${effect.index}\``;
  return effect.note ?? "the tables involved";
}
function lockWithBlocked(lock) {
  const blocked = blockedBy(lock).filter((b) => b !== "ddl");
  return blocked.length > 0 ? `${lock} (blocks ${blocked.join(" and ")})` : lock;
}
function endsTransaction$1(statement) {
  const kind = as(statement.ast, "TransactionStmt")?.kind;
  return kind === "TRANS_STMT_COMMIT" || kind === "TRANS_STMT_ROLLBACK" || kind === "TRANS_STMT_PREPARE" || kind === "TRANS_STMT_COMMIT_PREPARED" || kind === "TRANS_STMT_ROLLBACK_PREPARED";
}
function beginsTransaction(statement) {
  const kind = as(statement.ast, "TransactionStmt")?.kind;
  return kind === "TRANS_STMT_BEGIN" || kind === "TRANS_STMT_START";
}
function isHousekeeping(statement) {
  return as(statement.ast, "VariableSetStmt") !== void 0 || as(statement.ast, "VariableShowStmt") !== void 0 || as(statement.ast, "TransactionStmt") !== void 0;
}
const FIRST_UNGUARDED = /* @__PURE__ */ new WeakMap();
function firstUnguarded(context, setting, needsTimeout) {
  let bySetting = FIRST_UNGUARDED.get(context);
  if (!bySetting) {
    bySetting = /* @__PURE__ */ new Map();
    FIRST_UNGUARDED.set(context, bySetting);
  }
  let scan = bySetting.get(setting);
  if (!scan) {
    const tracker = new ContextTracker({
      pgVersion: context.pgVersion,
      toolTransaction: context.toolTransaction,
      statements: context.statements
    });
    scan = { tracker, next: 0, found: -1 };
    bySetting.set(setting, scan);
  }
  if (scan.found !== -1) return scan.found <= context.index ? scan.found : -1;
  for (; scan.next <= context.index; scan.next++) {
    const statement = context.statements[scan.next];
    if (!statement?.ast) continue;
    const settings = scan.tracker.at(scan.next, statement.autocommit === true);
    if (!settings[setting] && needsTimeout(scan.next)) {
      scan.found = scan.next;
      return scan.found;
    }
    scan.tracker.observe(statement.ast);
  }
  return -1;
}

function transactionStart(context) {
  const current = context.statements[context.index];
  for (let index = context.index - 1; index >= 0; index--) {
    const statement = context.statements[index];
    if (!statement || endsTransaction$1(statement) || beginsTransaction(statement)) return index + 1;
    if (statement.autocommit === true !== (current?.autocommit === true)) return index + 1;
  }
  return 0;
}
function heldFor(context) {
  let count = 0;
  for (let index = context.index + 1; index < context.statements.length; index++) {
    const statement = context.statements[index];
    if (!statement) break;
    if (endsTransaction$1(statement)) return { count, until: `the COMMIT at line ${statement.span.line}` };
    if (!context.explicitTransaction && statement.autocommit === true)
      return { count, until: `the end of the migration's transaction (line ${statement.span.line})` };
    if (!isHousekeeping(statement)) count++;
  }
  return {
    count,
    until: context.explicitTransaction ? "the end of the file (no COMMIT)" : "the end of the migration's transaction"
  };
}
const HELD = /* @__PURE__ */ new WeakMap();
function heldBefore(context, start) {
  let held = HELD.get(context);
  if (!held || held.start !== start || held.scannedTo > context.index) {
    held = { start, scannedTo: start, relations: /* @__PURE__ */ new Set() };
    HELD.set(context, held);
  }
  for (; held.scannedTo < context.index; held.scannedTo++)
    for (const effect of effectsAt(context, held.scannedTo))
      if (effect.lock === "AccessExclusiveLock") held.relations.add(effect.table);
  return held.relations;
}
const lockHeldAcrossStatements = {
  kind: "statement",
  meta: {
    id: "lock-held-across-statements",
    category: "locks",
    severity: "warning",
    enabledByDefault: true,
    summary: "more statements run while an AccessExclusiveLock is held",
    lock: "AccessExclusiveLock"
  },
  check(_statement, context) {
    const effects = effectsAt(context);
    if (!context.inTransaction) return [];
    const exclusive = effects.filter((e) => e.lock === "AccessExclusiveLock" && onExistingRelation(e, context));
    if (exclusive.length === 0) return [];
    const held = heldBefore(context, transactionStart(context));
    const taken = exclusive.filter((effect) => !held.has(effect.table));
    if (taken.length === 0) return [];
    const { count, until } = heldFor(context);
    if (count === 0) return [];
    const relations = taken.map(relationLabel).join(", ");
    return [
      {
        message: `takes an AccessExclusiveLock on ${relations} and holds it while ${count} more statement${count > 1 ? "s run" : " runs"}, until ${until}: every read and write of ${relations} waits for all of them`,
        fix: "run this statement last in its transaction, or in a transaction (migration) of its own after `SET lock_timeout`"
      }
    ];
  }
};

function blockingEffects(context, index) {
  return effectsAt(context, index).filter((e) => blocksTraffic(e.lock) && onExistingRelation(e, context));
}
const missingLockTimeout = {
  kind: "statement",
  meta: {
    id: "missing-lock-timeout",
    category: "locks",
    severity: "warning",
    enabledByDefault: true,
    summary: "lock that blocks reads or writes taken with no lock_timeout set",
    lock: null
  },
  check(_statement, context) {
    if (context.lockTimeoutSet) return [];
    const blocking = blockingEffects(context, context.index);
    const first = blocking[0];
    if (!first) return [];
    const unguarded = firstUnguarded(context, "lockTimeoutSet", (i) => blockingEffects(context, i).length > 0);
    if (unguarded !== context.index) return [];
    const others = blocking.length > 1 ? ` (and ${blocking.length - 1} more relation${blocking.length > 2 ? "s" : ""})` : "";
    return [
      {
        lock: first.lock,
        message: `takes ${lockWithBlocked(first.lock)} on ${relationLabel(first)}${others} with no lock_timeout set: if it waits behind a long-running query, every query on ${relationLabel(first)} queues behind it until it gets the lock and finishes`,
        fix: "start the migration with `SET lock_timeout = '5s';` (retry the migration if it times out)"
      }
    ];
  }
};

function longBlocking(context, index) {
  return effectsAt(context, index).filter(
    (e) => (e.scan || e.rewrite) && (blocksTraffic(e.lock) || e.lock === "RowExclusiveLock") && onExistingRelation(e, context)
  );
}
const missingStatementTimeout = {
  kind: "statement",
  meta: {
    id: "missing-statement-timeout",
    category: "locks",
    severity: "warning",
    enabledByDefault: true,
    summary: "long-running blocking statement with no statement_timeout",
    lock: null
  },
  check(_statement, context) {
    const first = longBlocking(context, context.index)[0];
    if (context.statementTimeoutSet) return [];
    if (!first) return [];
    if (firstUnguarded(context, "statementTimeoutSet", (i) => longBlocking(context, i).length > 0) !== context.index)
      return [];
    const work = first.rewrite ? "rewrites" : "scans";
    const holding = first.lock === "RowExclusiveLock" ? "locking every row it changes (concurrent updates of those rows wait)" : `holding ${lockWithBlocked(first.lock)}`;
    return [
      {
        lock: first.lock,
        message: `${work} all of ${relationLabel(first)} while ${holding}, with no statement_timeout set: on a large table nothing bounds how long the table stays blocked`,
        fix: "set `SET statement_timeout = '\u2026';` sized to the table before it, or use the non-blocking form (CONCURRENTLY, NOT VALID + VALIDATE, batched updates)"
      }
    ];
  }
};

const LOOK_BACK = 100;
const STANDALONE = /* @__PURE__ */ new Set(["AT_AttachPartition", "AT_DetachPartition", "AT_DetachPartitionFinalize"]);
function combinableTable(statement) {
  const alter = as(statement?.ast, "AlterTableStmt");
  if (alter?.objtype !== "OBJECT_TABLE") return "";
  const subtypes = (alter.cmds ?? []).map((c) => as(c, "AlterTableCmd")?.subtype ?? "");
  if (subtypes.length === 0 || subtypes.some((s) => STANDALONE.has(s))) return "";
  if (subtypes.every((s) => s === "AT_ValidateConstraint")) return "";
  return tableKey(alter.relation);
}
const MENTIONED = /* @__PURE__ */ new WeakMap();
function mentionedTables(ast) {
  let tables = MENTIONED.get(ast);
  if (tables) return tables;
  const found = /* @__PURE__ */ new Set();
  const visit = (value) => {
    if (!value || typeof value !== "object") return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    const record = value;
    if (typeof record.relname === "string") found.add(tableKey(record));
    for (const child of Object.values(record)) visit(child);
  };
  visit(ast);
  tables = found;
  MENTIONED.set(ast, tables);
  return tables;
}
function previousMergeable(context, index) {
  const current = context.statements[index];
  const table = combinableTable(current);
  if (!table) return -1;
  for (let earlier = index - 1; earlier >= Math.max(0, index - LOOK_BACK); earlier--) {
    const statement = context.statements[earlier];
    if (!statement?.ast || endsTransaction$1(statement) || beginsTransaction(statement)) return -1;
    if (statement.autocommit === true !== (current?.autocommit === true)) return -1;
    if (combinableTable(statement) === table) return earlier;
    if (mentionedTables(statement.ast).has(table)) return -1;
  }
  return -1;
}
const TABLE_PASS = /* @__PURE__ */ new WeakMap();
function tablePassAt(context, index, table) {
  let cache = TABLE_PASS.get(context);
  if (!cache) {
    cache = /* @__PURE__ */ new Map();
    TABLE_PASS.set(context, cache);
  }
  let pass = cache.get(index);
  if (pass === void 0) {
    pass = needsTablePass(context, index, table);
    cache.set(index, pass);
  }
  return pass;
}
function needsTablePass(context, index, table) {
  const alter = as(context.statements[index]?.ast, "AlterTableStmt");
  if (!alter) return false;
  return (alter.cmds ?? []).some((node) => {
    const cmd = as(node, "AlterTableCmd");
    const column = as(cmd?.def, "ColumnDef");
    const constraint = as(cmd?.def, "Constraint");
    switch (cmd?.subtype) {
      case "AT_AlterColumnType": {
        const current = context.columnTypes.get(`${table}.${cmd.name}`);
        return typeChangeVerdict(current, column?.typeName, column?.raw_default, cmd.name ?? "") === "rewrite";
      }
      case "AT_SetNotNull":
        return !context.hasValidatedNotNullCheck(table, cmd.name ?? "");
      case "AT_AddConstraint":
        return (constraint?.contype === "CONSTR_CHECK" || constraint?.contype === "CONSTR_NOTNULL") && !constraint.skip_validation;
      case "AT_AddColumn": {
        const kinds = (column?.constraints ?? []).map((c) => as(c, "Constraint")?.contype);
        const verifies = kinds.includes("CONSTR_CHECK") || kinds.includes("CONSTR_NOTNULL") && !kinds.includes("CONSTR_DEFAULT");
        return verifies || rewritesAlone(context, alter, node, table);
      }
      default:
        return rewritesAlone(context, alter, node, table);
    }
  });
}
function rewritesAlone(context, alter, node, table) {
  const single = statementEffects({ AlterTableStmt: { ...alter, cmds: [node] } }, context.pgVersion, context);
  return single.some((e) => e.table === table && e.rewrite);
}
const multipleAlterSameTable = {
  kind: "statement",
  meta: {
    id: "multiple-alter-same-table",
    category: "locks",
    severity: "warning",
    enabledByDefault: true,
    summary: "several ALTER TABLE statements on one table that could be one",
    lock: null
  },
  check(_statement, context) {
    const table = combinableTable(context.statements[context.index]);
    if (!table) return [];
    tablePassAt(context, context.index, table);
    if (context.isNewTable(table)) return [];
    const chain = [context.index];
    for (let index = previousMergeable(context, context.index); index >= 0; index = previousMergeable(context, index))
      chain.unshift(index);
    const costly = (first, second) => !context.inTransaction || tablePassAt(context, first, table) && tablePassAt(context, second, table);
    const firstPair = chain.findIndex((index, at) => at > 0 && costly(chain[at - 1], index));
    if (firstPair < 0 || chain[firstPair] !== context.index) return [];
    const previous = context.statements[chain[firstPair - 1]];
    const lock = strongest(
      effectsAt(context).filter((e) => e.table === table).map((e) => e.lock)
    );
    const cost = context.inTransaction ? "each one reads (or rewrites) every row of the table, where one statement checks and rewrites in a single pass" : "each statement waits for and takes its lock on the table again";
    return [
      {
        lock,
        message: `alters \`${table}\` again (the previous ALTER TABLE is at line ${previous?.span.line}): ${cost}`,
        fix: `combine them into one statement: \`ALTER TABLE ${table} <first change>, <second change>;\``
      }
    ];
  }
};

const refreshMatviewNonConcurrently = {
  kind: "statement",
  meta: {
    id: "refresh-matview-non-concurrently",
    category: "locks",
    severity: "error",
    enabledByDefault: true,
    summary: "REFRESH MATERIALIZED VIEW without CONCURRENTLY",
    lock: "AccessExclusiveLock"
  },
  check(statement, context) {
    const refresh = as(statement.ast, "RefreshMatViewStmt");
    if (!refresh || refresh.concurrent || refresh.skipData) return [];
    if (context.isNewTable(refresh.relation)) return [];
    const view = displayTable(refresh.relation);
    return [
      {
        message: `refreshes materialized view \`${view}\` without CONCURRENTLY: it takes an AccessExclusiveLock, so every SELECT on \`${view}\` waits until the whole query has run again`,
        fix: `give \`${view}\` a UNIQUE index (once), then use \`REFRESH MATERIALIZED VIEW CONCURRENTLY ${view}\`: its ExclusiveLock lets SELECTs continue`
      }
    ];
  }
};

const CONCURRENT_REINDEX_SINCE = 12;
const reindexNonConcurrently = {
  kind: "statement",
  meta: {
    id: "reindex-non-concurrently",
    category: "locks",
    severity: "error",
    enabledByDefault: true,
    summary: "REINDEX without CONCURRENTLY",
    lock: "AccessExclusiveLock"
  },
  check(statement, context) {
    const reindex = as(statement.ast, "ReindexStmt");
    if (!reindex) return [];
    const concurrently = (reindex.params ?? []).some((p) => as(p, "DefElem")?.defname === "concurrently");
    if (concurrently) return [];
    const target = describeTarget(reindex.kind, reindex.relation, reindex.name);
    if (reindex.kind === "REINDEX_OBJECT_TABLE" && context.isNewTable(reindex.relation)) return [];
    if (reindex.kind === "REINDEX_OBJECT_INDEX" && context.created.indexes.has(tableKey(reindex.relation))) return [];
    const blocks = `rebuilds ${target} under an AccessExclusiveLock on each index and a ShareLock on its table: writes block, and so do reads, since planning a query locks every index of the table`;
    if (reindex.kind === "REINDEX_OBJECT_SYSTEM") {
      return [
        {
          message: `${blocks}; system catalogs cannot be reindexed concurrently`,
          fix: "run REINDEX SYSTEM by hand in a maintenance window, not in a migration"
        }
      ];
    }
    if (context.pgVersion < CONCURRENT_REINDEX_SINCE) {
      return [
        {
          message: `${blocks}; PostgreSQL ${context.pgVersion} has no REINDEX CONCURRENTLY`,
          fix: "build a replacement with CREATE INDEX CONCURRENTLY, then DROP INDEX CONCURRENTLY the old one and rename the new one"
        }
      ];
    }
    return [
      {
        message: blocks,
        fix: "use `REINDEX \u2026 CONCURRENTLY` (PostgreSQL 12+) in a migration that runs outside a transaction"
      }
    ];
  }
};
function describeTarget(kind, relation, name) {
  switch (kind) {
    case "REINDEX_OBJECT_INDEX":
      return `index \`${displayTable(relation)}\``;
    case "REINDEX_OBJECT_TABLE":
      return `every index of \`${displayTable(relation)}\``;
    case "REINDEX_OBJECT_SCHEMA":
      return `every index in schema \`${name ?? ""}\``;
    case "REINDEX_OBJECT_SYSTEM":
      return "every system catalog index";
    default:
      return `every index in database \`${name ?? "(current)"}\``;
  }
}

const CHECK_PROOF_SINCE = 12;
const setNotNull = {
  kind: "statement",
  meta: {
    id: "set-not-null",
    category: "locks",
    severity: "error",
    enabledByDefault: true,
    summary: "SET NOT NULL on an existing column without a validated IS NOT NULL check",
    lock: "AccessExclusiveLock"
  },
  check(statement, context) {
    const alter = as(statement.ast, "AlterTableStmt");
    if (alter?.objtype !== "OBJECT_TABLE" || context.isNewTable(alter.relation)) return [];
    const table = tableKey(alter.relation);
    const columns = [];
    for (const node of alter.cmds ?? []) {
      const column2 = notNullColumn(as(node, "AlterTableCmd"));
      if (!column2 || context.created.columns.has(`${table}.${column2}`)) continue;
      if (hasValidatedNotNullConstraint(context, table, column2)) continue;
      const checked = context.hasValidatedNotNullCheck(table, column2);
      if (checked && context.pgVersion >= CHECK_PROOF_SINCE) continue;
      columns.push(column2);
    }
    if (columns.length === 0) return [];
    const display = displayTable(alter.relation);
    const targets = columns.map((c) => `\`${display}.${c}\``).join(", ");
    const scan = `sets ${targets} NOT NULL: every row is scanned for NULLs while an AccessExclusiveLock blocks all reads and writes of \`${display}\``;
    const column = columns.length === 1 ? columns[0] : "<col>";
    const each = columns.length === 1 ? "" : "for each column, ";
    if (context.pgVersion < CHECK_PROOF_SINCE) {
      return [
        {
          message: `${scan}; before PostgreSQL 12 even a validated CHECK (\u2026 IS NOT NULL) does not avoid the scan`,
          fix: `${each}keep a validated \`CHECK (${column} IS NOT NULL)\` (added NOT VALID, then VALIDATE CONSTRAINT) instead of SET NOT NULL until PostgreSQL 12+`
        }
      ];
    }
    return [
      {
        message: scan,
        fix: `${each}first \`ADD CONSTRAINT ${column}_not_null CHECK (${column} IS NOT NULL) NOT VALID\`, then \`VALIDATE CONSTRAINT ${column}_not_null\` in a separate transaction; SET NOT NULL then skips the scan`
      }
    ];
  }
};
function notNullColumn(cmd) {
  if (cmd?.subtype === "AT_SetNotNull") return cmd.name;
  const constraint = as(cmd?.def, "Constraint");
  if (cmd?.subtype === "AT_AddConstraint" && constraint?.contype === "CONSTR_NOTNULL" && !constraint.skip_validation)
    return str(constraint.keys?.[0]);
  return void 0;
}
function hasValidatedNotNullConstraint(context, table, column) {
  const pending = /* @__PURE__ */ new Set();
  for (const earlier of context.statements.slice(0, context.index)) {
    const alter = as(earlier.ast, "AlterTableStmt");
    if (!alter || tableKey(alter.relation) !== table) continue;
    for (const cmd of alterCommands(alter)) {
      const constraint = as(cmd?.def, "Constraint");
      if (cmd?.subtype === "AT_AddConstraint" && constraint?.contype === "CONSTR_NOTNULL") {
        if (str(constraint.keys?.[0]) !== column) continue;
        if (!constraint.skip_validation) return true;
        if (constraint.conname) pending.add(constraint.conname);
      }
      if (cmd?.subtype === "AT_ValidateConstraint" && cmd.name && pending.has(cmd.name)) return true;
    }
  }
  return false;
}

const ALTER_REWRITES = {
  AT_SetTableSpace: "SET TABLESPACE",
  AT_SetLogged: "SET LOGGED",
  AT_SetUnLogged: "SET UNLOGGED",
  AT_SetAccessMethod: "SET ACCESS METHOD"
};
const REPACK_FIX = "rebuild online with pg_repack or pg_squeeze instead (they copy the table and swap it in with a brief lock)";
const tableRewriteCommand = {
  kind: "statement",
  meta: {
    id: "table-rewrite-command",
    category: "locks",
    severity: "error",
    enabledByDefault: true,
    summary: "VACUUM FULL, CLUSTER, SET TABLESPACE / LOGGED / UNLOGGED: a rewrite under AccessExclusiveLock",
    lock: "AccessExclusiveLock"
  },
  check(statement, context) {
    const ast = statement.ast;
    const command = as(ast, "VacuumStmt") ? "VACUUM FULL" : as(ast, "ClusterStmt") ? "CLUSTER" : void 0;
    if (command) {
      return effectsAt(context).filter((effect) => effect.rewrite && onExistingRelation(effect, context)).map((effect) => ({
        message: `${command} rewrites ${relationLabel(effect)} into a new file under an AccessExclusiveLock: no reads or writes until the copy and its index rebuilds finish`,
        fix: REPACK_FIX
      }));
    }
    const moveAll = as(ast, "AlterTableMoveAllStmt");
    if (moveAll) {
      return [
        {
          message: `moves every relation of tablespace \`${moveAll.orig_tablespacename}\` to \`${moveAll.new_tablespacename}\`: each is copied under an AccessExclusiveLock, blocking its reads and writes`,
          fix: "move tables one at a time in a maintenance window, or rebuild them online with pg_repack --tablespace"
        }
      ];
    }
    const alter = as(ast, "AlterTableStmt");
    if (!alter) return [];
    const isIndex = alter.objtype === "OBJECT_INDEX";
    const name = displayTable(alter.relation);
    if (isIndex ? context.created.indexes.has(name) : context.isNewTable(alter.relation)) return [];
    const hits = [];
    for (const node of alter.cmds ?? []) {
      const subtype = as(node, "AlterTableCmd")?.subtype ?? "";
      const form = ALTER_REWRITES[subtype];
      if (!form) continue;
      const what = isIndex ? `index \`${name}\`` : `\`${name}\``;
      hits.push({
        message: `${form} rewrites ${what} into a new file under an AccessExclusiveLock: ${isIndex ? "queries that use the index" : "reads and writes"} wait until the copy finishes`,
        fix: subtype === "AT_SetLogged" || subtype === "AT_SetUnLogged" ? "create the table with the persistence it needs, or copy the data into a new table and swap names in a short transaction" : subtype === "AT_SetTableSpace" ? "move it online with pg_repack --tablespace, or during a maintenance window" : REPACK_FIX
      });
    }
    return hits;
  }
};

const rules$3 = [
  createIndexNonConcurrently,
  dropIndexNonConcurrently,
  reindexNonConcurrently,
  addForeignKeyValidating,
  addCheckValidating,
  addUniqueConstraint,
  addPrimaryKey,
  addExclusionConstraint,
  setNotNull,
  addColumnVolatileDefault,
  addRequiredColumn,
  addGeneratedColumn,
  changeColumnType,
  addJsonColumn,
  tableRewriteCommand,
  detachPartitionNonConcurrently,
  refreshMatviewNonConcurrently,
  domainWithConstraint,
  enumValueOrdering,
  missingLockTimeout,
  missingStatementTimeout,
  lockHeldAcrossStatements,
  multipleAlterSameTable,
  foreignKeyWithoutIndex
];

function declaredColumns(ast) {
  const out = [];
  const create = as(ast, "CreateStmt");
  if (create) {
    for (const element of create.tableElts ?? []) {
      const column = as(element, "ColumnDef");
      if (column) out.push({ table: create.relation, column, via: "create" });
    }
  }
  const alter = as(ast, "AlterTableStmt");
  if (alter) {
    for (const cmd of alterCommands(alter)) {
      const column = as(cmd?.def, "ColumnDef");
      if (!cmd || !column) continue;
      if (cmd.subtype === "AT_AddColumn") out.push({ table: alter.relation, column, via: "add" });
      if (cmd.subtype === "AT_AlterColumnType") {
        out.push({ table: alter.relation, column: { ...column, colname: cmd.name }, via: "alter-type" });
      }
    }
  }
  return out;
}
function columnLabel(declaration) {
  const table = declaration.table?.relname;
  return table ? `${table}.${declaration.column.colname}` : declaration.column.colname ?? "";
}

const banChar = {
  kind: "statement",
  meta: {
    id: "ban-char",
    category: "style",
    severity: "info",
    enabledByDefault: false,
    summary: "char(n) column",
    lock: null
  },
  check(statement) {
    return declaredColumns(statement.ast).filter(({ column }) => typeBase(column.typeName) === "bpchar").map((declaration) => ({
      message: `\`${columnLabel(declaration)}\` is char(${typeMods(declaration.column.typeName)[0] ?? 1}): values are blank-padded to the length, trailing spaces are ignored in comparisons, and it is no faster than text`,
      fix: "use text (with a CHECK on the length if it matters)"
    }));
  }
};

const duplicateColumnAssignment = {
  kind: "statement",
  meta: {
    id: "duplicate-column-assignment",
    category: "style",
    severity: "info",
    enabledByDefault: false,
    summary: "UPDATE \u2026 SET a = 1, a = 2",
    lock: null
  },
  check(statement) {
    const update = as(statement.ast, "UpdateStmt");
    const insert = as(statement.ast, "InsertStmt");
    const targets = update?.targetList ?? insert?.cols ?? [];
    const seen = /* @__PURE__ */ new Set();
    const duplicates = /* @__PURE__ */ new Set();
    for (const target of targets) {
      const name = as(target, "ResTarget")?.name;
      if (!name) continue;
      if (seen.has(name)) duplicates.add(name);
      seen.add(name);
    }
    return [...duplicates].map((name) => ({
      message: `column \`${name}\` is assigned more than once; PostgreSQL rejects the statement ("multiple assignments to same column")`,
      fix: `keep one assignment to \`${name}\``
    }));
  }
};

const MAX_IDENTIFIER_BYTES = 63;
const LONG_WORD = /[^\s,;()=<>'"]{22,}|"[^"]{22,}"/;
const identifierTooLong = {
  kind: "statement",
  meta: {
    id: "identifier-too-long",
    category: "style",
    severity: "info",
    enabledByDefault: false,
    summary: "identifier over 63 bytes (silently truncated)",
    lock: null
  },
  check(statement) {
    if (!LONG_WORD.test(statement.sql)) return [];
    const long = /* @__PURE__ */ new Set();
    for (const token of scanSync(statement.sql).tokens) {
      if (token.tokenName !== "IDENT") continue;
      const name = token.text.startsWith('"') ? token.text.slice(1, -1).replaceAll('""', '"') : token.text.toLowerCase();
      if (Buffer.byteLength(name, "utf8") > MAX_IDENTIFIER_BYTES) long.add(name);
    }
    return [...long].map((name) => ({
      message: `identifier \`${name}\` is ${Buffer.byteLength(name, "utf8")} bytes; PostgreSQL keeps only the first 63, so code that uses the full name will not find it`,
      fix: "shorten the name to 63 bytes or fewer"
    }));
  }
};

const SMALL_INTEGERS = {
  int2: { name: "smallint", max: "32,767" },
  int4: { name: "integer", max: "2,147,483,647" },
  serial: { name: "serial", max: "2,147,483,647" },
  smallserial: { name: "smallserial", max: "32,767" }
};
function isIdColumn(column) {
  const name = column.colname ?? "";
  const kinds = (column.constraints ?? []).map((c) => as(c, "Constraint")?.contype);
  return kinds.includes("CONSTR_PRIMARY") || kinds.includes("CONSTR_IDENTITY") || name === "id" || name.endsWith("_id");
}
const preferBigint = {
  kind: "statement",
  meta: {
    id: "prefer-bigint",
    category: "style",
    severity: "info",
    enabledByDefault: false,
    summary: "int/smallint id columns that can overflow",
    lock: null
  },
  check(statement) {
    const hits = [];
    for (const declaration of declaredColumns(statement.ast)) {
      const small = SMALL_INTEGERS[typeBase(declaration.column.typeName)];
      if (!small || !(isIdColumn(declaration.column) || small.name.includes("serial"))) continue;
      hits.push({
        message: `\`${columnLabel(declaration)}\` is a ${small.name} id: it overflows at ${small.max}, and widening it later rewrites the table and every column that references it`,
        fix: "use bigint (bigint GENERATED ALWAYS AS IDENTITY for keys) for ids and for the columns that reference them"
      });
    }
    return hits;
  }
};

const SERIALS = /* @__PURE__ */ new Set(["serial", "serial4", "bigserial", "serial8", "smallserial", "serial2"]);
const preferIdentity = {
  kind: "statement",
  meta: {
    id: "prefer-identity",
    category: "style",
    severity: "info",
    enabledByDefault: false,
    summary: "serial instead of an identity column",
    lock: null
  },
  check(statement) {
    return declaredColumns(statement.ast).filter(({ column }) => SERIALS.has(typeBase(column.typeName))).map((declaration) => ({
      message: `\`${columnLabel(declaration)}\` is ${typeBase(declaration.column.typeName)}: its sequence needs separate grants, is not copied by CREATE TABLE \u2026 LIKE, and lets inserts bypass it`,
      fix: "use `bigint GENERATED ALWAYS AS IDENTITY` (or BY DEFAULT when the app sets ids itself)"
    }));
  }
};

const preferRobustStatements = {
  kind: "statement",
  meta: {
    id: "prefer-robust-statements",
    category: "style",
    severity: "info",
    enabledByDefault: false,
    summary: "missing IF [NOT] EXISTS where a rerun would fail",
    lock: null
  },
  check(statement, context) {
    if (context.inTransaction) return [];
    const ast = statement.ast;
    const hit = (what, fix) => [
      { message: `${what} fails if the migration stopped part way and is run again`, fix }
    ];
    const create = as(ast, "CreateStmt");
    if (create && !create.if_not_exists) {
      return hit(`CREATE TABLE ${displayTable(create.relation)}`, "write CREATE TABLE IF NOT EXISTS");
    }
    const index = as(ast, "IndexStmt");
    if (index && !index.if_not_exists) {
      const name = index.idxname ? ` ${index.idxname}` : " (unnamed)";
      const fix = index.idxname ? "write CREATE INDEX [CONCURRENTLY] IF NOT EXISTS; after a failed CONCURRENTLY build, drop the INVALID index first" : "name the index and write IF NOT EXISTS";
      return hit(`CREATE INDEX${name}`, fix);
    }
    const drop = as(ast, "DropStmt");
    if (drop && !drop.missing_ok) {
      return hit(`DROP ${(drop.removeType ?? "").replace("OBJECT_", "")}`, "write DROP \u2026 IF EXISTS");
    }
    const alter = as(ast, "AlterTableStmt");
    if (alter) {
      for (const cmd of alterCommands(alter)) {
        if (cmd?.subtype === "AT_AddColumn" && !cmd.missing_ok) {
          return hit(`ADD COLUMN ${as(cmd.def, "ColumnDef")?.colname ?? ""}`, "write ADD COLUMN IF NOT EXISTS");
        }
        if (cmd?.subtype === "AT_DropColumn" && !cmd.missing_ok) {
          return hit(`DROP COLUMN ${cmd.name}`, "write DROP COLUMN IF EXISTS");
        }
        if (cmd?.subtype === "AT_DropConstraint" && !cmd.missing_ok) {
          return hit(`DROP CONSTRAINT ${cmd.name}`, "write DROP CONSTRAINT IF EXISTS");
        }
      }
    }
    return [];
  }
};

const preferText = {
  kind: "statement",
  meta: {
    id: "prefer-text",
    category: "style",
    severity: "info",
    enabledByDefault: false,
    summary: "varchar(n) instead of text with a CHECK",
    lock: null
  },
  check(statement) {
    return declaredColumns(statement.ast).filter(({ column }) => typeBase(column.typeName) === "varchar" && typeMods(column.typeName).length > 0).map((declaration) => ({
      message: `\`${columnLabel(declaration)}\` is varchar(${typeMods(declaration.column.typeName)[0]}): changing the limit later locks the table (AccessExclusiveLock), and lowering it rewrites or scans it`,
      fix: "use text with a CHECK (char_length(col) <= n) constraint, which can be replaced NOT VALID without a rewrite"
    }));
  }
};

const preferTimestamptz = {
  kind: "statement",
  meta: {
    id: "prefer-timestamptz",
    category: "style",
    severity: "info",
    enabledByDefault: false,
    summary: "timestamp without time zone",
    lock: null
  },
  check(statement) {
    return declaredColumns(statement.ast).filter(({ column }) => typeBase(column.typeName) === "timestamp").map((declaration) => ({
      message: `\`${columnLabel(declaration)}\` is timestamp without time zone: it stores wall-clock time with no zone, so values are read differently by clients in other zones and across DST`,
      fix: "use timestamptz (timestamp with time zone); converting later is a rewrite unless the session TimeZone is UTC on PostgreSQL 12+"
    }));
  }
};

function namedTables(ast) {
  const relation = (rel) => rel?.relname ? [{ schema: rel.schemaname, name: rel.relname }] : [];
  const create = as(ast, "CreateStmt");
  if (create) return relation(create.relation);
  const alter = as(ast, "AlterTableStmt");
  if (alter) return relation(alter.relation);
  const index = as(ast, "IndexStmt");
  if (index) return relation(index.relation);
  const rename = as(ast, "RenameStmt");
  if (rename) return relation(rename.relation);
  const drop = as(ast, "DropStmt");
  if (drop?.removeType === "OBJECT_TABLE") {
    return (drop.objects ?? []).map((object) => {
      const names = nameList(as(object, "List")?.items);
      return { schema: names.length > 1 ? names.at(-2) : void 0, name: names.at(-1) ?? "" };
    });
  }
  return [];
}
const requireSchemaQualified = {
  kind: "statement",
  meta: {
    id: "require-schema-qualified",
    category: "style",
    severity: "info",
    enabledByDefault: false,
    summary: "unqualified table names",
    lock: null
  },
  check(statement) {
    return namedTables(statement.ast).filter((table) => !table.schema).map((table) => ({
      message: `\`${table.name}\` has no schema: it resolves through search_path, which can differ between the migration tool's session and the app`,
      fix: `write the schema, e.g. \`public.${table.name}\``
    }));
  }
};

const rules$2 = [
  preferRobustStatements,
  preferBigint,
  preferIdentity,
  preferText,
  preferTimestamptz,
  banChar,
  identifierTooLong,
  requireSchemaQualified,
  duplicateColumnAssignment
];

const irreversible = {
  kind: "reported",
  meta: {
    id: "irreversible",
    category: "trace",
    severity: "warning",
    enabledByDefault: true,
    summary: "the migration loses data or state no rollback can restore",
    lock: null
  }
};

const migrationFails = {
  kind: "reported",
  meta: {
    id: "migration-fails",
    category: "trace",
    severity: "error",
    enabledByDefault: true,
    summary: "a statement errors when replayed on the embedded PostgreSQL, with PostgreSQL's own message",
    lock: null
  }
};

const observedBlockingLock = {
  kind: "reported",
  meta: {
    id: "observed-blocking-lock",
    category: "trace",
    severity: "warning",
    enabledByDefault: true,
    summary: "a lock that blocks reads or writes was taken on an existing table, and held for so many statements",
    lock: null
  }
};

const observedRewrite = {
  kind: "reported",
  meta: {
    id: "observed-rewrite",
    category: "trace",
    severity: "error",
    enabledByDefault: true,
    summary: "a table or index was rewritten on the embedded PostgreSQL (its relfilenode changed)",
    lock: "AccessExclusiveLock"
  }
};

const rollbackFails = {
  kind: "reported",
  meta: {
    id: "rollback-fails",
    category: "trace",
    severity: "error",
    enabledByDefault: true,
    summary: "the rollback (generated or the author's) errors when applied after the migration",
    lock: null
  }
};

const rollbackMismatch = {
  kind: "reported",
  meta: {
    id: "rollback-mismatch",
    category: "trace",
    severity: "error",
    enabledByDefault: true,
    summary: "after the migration and its rollback the schema differs from before",
    lock: null
  }
};

const rules$1 = [
  migrationFails,
  observedRewrite,
  observedBlockingLock,
  rollbackFails,
  rollbackMismatch,
  irreversible
];

const concurrentlyInTransaction = {
  kind: "statement",
  meta: {
    id: "concurrently-in-transaction",
    category: "transactions",
    severity: "error",
    enabledByDefault: true,
    summary: "CONCURRENTLY (or another no-transaction command) inside a transaction: it fails",
    lock: null
  },
  check(statement, context) {
    if (!context.inTransaction) return [];
    const command = refusedInTransaction(statement.ast, context);
    if (!command) return [];
    const begin = openingBegin(context);
    const where = begin !== void 0 ? `inside the transaction opened by BEGIN at line ${begin}` : "inside the transaction the migration tool wraps this migration in";
    return [
      {
        message: `${command} cannot run inside a transaction block, and this one runs ${where}: PostgreSQL rejects it and the migration fails`,
        fix: "run it outside a transaction: in its own migration with the tool's transaction turned off (Alembic autocommit_block(), `transactional: false`), with no BEGIN around it"
      }
    ];
  }
};
function refusedInTransaction(ast, context) {
  if (as(ast, "IndexStmt")?.concurrent) return "CREATE INDEX CONCURRENTLY";
  const drop = as(ast, "DropStmt");
  if (drop?.concurrent) return "DROP INDEX CONCURRENTLY";
  const reindex = as(ast, "ReindexStmt");
  if (reindex) {
    if ((reindex.params ?? []).some((p) => as(p, "DefElem")?.defname === "concurrently" && optionOn(p)))
      return "REINDEX CONCURRENTLY";
    if (reindex.kind === "REINDEX_OBJECT_SCHEMA") return "REINDEX SCHEMA";
    if (reindex.kind === "REINDEX_OBJECT_DATABASE") return "REINDEX DATABASE";
    if (reindex.kind === "REINDEX_OBJECT_SYSTEM") return "REINDEX SYSTEM";
    return void 0;
  }
  const alter = as(ast, "AlterTableStmt");
  if (alter) {
    const detaching = (alter.cmds ?? []).some((node) => {
      const cmd = as(node, "AlterTableCmd");
      return cmd?.subtype === "AT_DetachPartition" && as(cmd.def, "PartitionCmd")?.concurrent === true;
    });
    return detaching ? "DETACH PARTITION CONCURRENTLY" : void 0;
  }
  const alterEnum = as(ast, "AlterEnumStmt");
  if (alterEnum?.newVal && !alterEnum.oldVal && context.pgVersion < 12) {
    const type = objectKey(nameList(alterEnum.typeName));
    if (!createdInCurrentTransaction(type, context)) return `ALTER TYPE \u2026 ADD VALUE (PostgreSQL ${context.pgVersion})`;
    return void 0;
  }
  if (as(ast, "VacuumStmt")?.is_vacuumcmd) return "VACUUM";
  if (as(ast, "CreatedbStmt")) return "CREATE DATABASE";
  if (as(ast, "DropdbStmt")) return "DROP DATABASE";
  if (as(ast, "CreateTableSpaceStmt")) return "CREATE TABLESPACE";
  if (as(ast, "DropTableSpaceStmt")) return "DROP TABLESPACE";
  if (as(ast, "AlterSystemStmt")) return "ALTER SYSTEM";
  const cluster = as(ast, "ClusterStmt");
  if (cluster && !cluster.relation) return "CLUSTER without a table name";
  const database = as(ast, "AlterDatabaseStmt");
  if (database?.options?.some((o) => as(o, "DefElem")?.defname === "tablespace"))
    return "ALTER DATABASE \u2026 SET TABLESPACE";
  const subscription = as(ast, "CreateSubscriptionStmt");
  if (subscription) {
    const createSlot = subscription.options?.find((o) => as(o, "DefElem")?.defname === "create_slot");
    return !createSlot || optionOn(createSlot) ? "CREATE SUBSCRIPTION (creating a replication slot)" : void 0;
  }
  return void 0;
}
function optionOn(node) {
  const arg = as(node, "DefElem")?.arg;
  if (!arg) return true;
  const value = constValue(arg);
  return value === true || value === 1 || ["true", "on", "1", "yes"].includes(String(value).toLowerCase());
}
function openingBegin(context) {
  if (!context.explicitTransaction) return void 0;
  for (let i = context.index - 1; i >= 0; i--) {
    const kind = as(context.statements[i]?.ast, "TransactionStmt")?.kind;
    if (kind === "TRANS_STMT_BEGIN" || kind === "TRANS_STMT_START") return context.statements[i]?.span.line;
  }
  return void 0;
}
function createdInCurrentTransaction(type, context) {
  for (let i = context.index - 1; i >= 0; i--) {
    const ast = context.statements[i]?.ast;
    const kind = as(ast, "TransactionStmt")?.kind;
    if (kind === "TRANS_STMT_COMMIT" || kind === "TRANS_STMT_ROLLBACK") return false;
    const create = as(ast, "CreateEnumStmt");
    if (create && objectKey(nameList(create.typeName)) === type) return true;
    if (kind === "TRANS_STMT_BEGIN" || kind === "TRANS_STMT_START") return false;
  }
  return false;
}

const NOT_A_USE = /* @__PURE__ */ new Set(["AlterEnumStmt", "CreateEnumStmt", "TransactionStmt", "VariableSetStmt", "CommentStmt"]);
const enumAddValueInTransaction = {
  kind: "statement",
  meta: {
    id: "enum-add-value-in-transaction",
    category: "transactions",
    severity: "error",
    enabledByDefault: true,
    summary: "ALTER TYPE \u2026 ADD VALUE, then the new value used in the same transaction",
    lock: null
  },
  check(statement, context) {
    if (context.pgVersion < 12 || !context.inTransaction || NOT_A_USE.has(statement.kind)) return [];
    const hits = [];
    for (const [type, values] of context.enumValuesAdded) {
      if (context.pgVersion >= 17 && typeCreatedInTransaction(type, context)) continue;
      for (const value of values) {
        if (!usesValue(statement.ast, type, value, context)) continue;
        const line = addedAt(type, value, context);
        hits.push({
          message: `uses '${value}', added to enum \`${type}\`${line ? ` at line ${line}` : ""} in the same transaction: PostgreSQL rejects it with "unsafe use of new value" until the ADD VALUE commits, so the migration fails`,
          fix: "commit between them: ADD VALUE in one migration (or before a COMMIT / in an autocommit block), use the value in the next"
        });
      }
    }
    return hits;
  }
};
function usesValue(ast, type, value, context) {
  const cleared = /* @__PURE__ */ new Set();
  let used = false;
  const literal = (node) => {
    const payload = as(node, "A_Const");
    return payload && constValue(node) === value ? payload : void 0;
  };
  const typed = (node, columnType2) => {
    const payload = literal(node);
    if (!payload || !columnType2) return;
    if (objectKey(nameList(columnType2.names)) === type) used = true;
    else cleared.add(payload);
  };
  const columnType = (relation, column) => relation && column ? context.columnTypes.get(`${tableKey(relation)}.${column}`) : void 0;
  const main = mainRelation(ast);
  const refType = (node) => {
    const fields = nameList(as(node, "ColumnRef")?.fields);
    if (fields.length === 1) return columnType(main, fields[0]);
    if (fields.length === 2) return context.columnTypes.get(`${fields[0]}.${fields[1]}`);
    return void 0;
  };
  walk([ast], (tag, node) => {
    if (tag === "TypeCast") {
      const cast = node;
      if (objectKey(nameList(cast.typeName?.names)) === type && literal(innermost(cast.arg))) used = true;
      else typed(cast.arg, cast.typeName);
    } else if (tag === "ColumnDef") {
      const column = node;
      for (const constraint of column.constraints ?? []) typed(as(constraint, "Constraint")?.raw_expr, column.typeName);
      typed(column.raw_default, column.typeName);
    } else if (tag === "A_Expr") {
      const expr = node;
      const right = as(expr.rexpr, "List")?.items ?? [expr.rexpr];
      for (const item of right) typed(item, refType(expr.lexpr));
      typed(expr.lexpr, refType(expr.rexpr));
    } else if (tag === "UpdateStmt") {
      const update = node;
      for (const target of update.targetList ?? []) {
        const res = as(target, "ResTarget");
        typed(res?.val, columnType(update.relation, res?.name));
      }
    } else if (tag === "InsertStmt") {
      const insert = node;
      const columns = (insert.cols ?? []).map((c) => as(c, "ResTarget")?.name);
      for (const row of as(insert.selectStmt, "SelectStmt")?.valuesLists ?? [])
        (as(row, "List")?.items ?? []).forEach((item, i) => {
          typed(item, columnType(insert.relation, columns[i]));
        });
    } else if (tag === "AlterTableCmd") {
      const cmd = node;
      if (cmd.subtype === "AT_ColumnDefault") typed(cmd.def, columnType(as(ast, "AlterTableStmt")?.relation, cmd.name));
    } else if (tag === "A_Const") {
      if (!cleared.has(node) && constValue({ A_Const: node }) === value) used = true;
    } else if (tag === "CreateFunctionStmt" || tag === "DoStmt") {
      if (bodyMentions(node, value)) used = true;
    }
  });
  return used;
}
function innermost(node) {
  const cast = as(node, "TypeCast");
  return cast ? innermost(cast.arg) : node;
}
function mainRelation(ast) {
  const target = as(ast, "UpdateStmt")?.relation ?? as(ast, "DeleteStmt")?.relation ?? as(ast, "InsertStmt")?.relation ?? as(ast, "AlterTableStmt")?.relation ?? as(ast, "IndexStmt")?.relation;
  if (target) return target;
  const from = as(ast, "SelectStmt")?.fromClause ?? [];
  return from.length === 1 ? as(from[0], "RangeVar") : void 0;
}
function bodyMentions(node, value) {
  const options = node.options ?? node.args ?? [];
  const language = options.map((o) => as(o, "DefElem")).find((d) => d?.defname === "language");
  const isSql = String(constValue(language?.arg) ?? "").toLowerCase() === "sql";
  if ("funcname" in node && !isSql) return false;
  const body = options.map((o) => as(o, "DefElem")).filter((d) => d?.defname === "as").flatMap((d) => (as(d?.arg, "List")?.items ?? [d?.arg]).map((item) => String(constValue(item) ?? ""))).join("\n");
  return body.includes(`'${value.replaceAll("'", "''")}'`);
}
function typeCreatedInTransaction(type, context) {
  for (let i = context.index - 1; i >= 0; i--) {
    const ast = context.statements[i]?.ast;
    const create = as(ast, "CreateEnumStmt");
    if (create && objectKey(nameList(create.typeName)) === type) return true;
    const kind = as(ast, "TransactionStmt")?.kind;
    if (kind === "TRANS_STMT_BEGIN" || kind === "TRANS_STMT_START" || kind === "TRANS_STMT_COMMIT") return false;
  }
  return false;
}
function addedAt(type, value, context) {
  for (let i = context.index - 1; i >= 0; i--) {
    const alter = as(context.statements[i]?.ast, "AlterEnumStmt");
    if (alter?.newVal === value && !alter.oldVal && objectKey(nameList(alter.typeName)) === type)
      return context.statements[i]?.span.line;
  }
  return void 0;
}

const nestedTransaction = {
  kind: "statement",
  meta: {
    id: "nested-transaction",
    category: "transactions",
    severity: "warning",
    enabledByDefault: true,
    summary: "BEGIN/COMMIT inside a transaction that is already open (the tool's or an earlier BEGIN)",
    lock: null
  },
  check(statement, context) {
    const kind = as(statement.ast, "TransactionStmt")?.kind;
    const toolWraps = statement.autocommit !== true && toolTransactionOpen(context);
    if (kind === "TRANS_STMT_BEGIN" || kind === "TRANS_STMT_START") {
      if (context.explicitTransaction) {
        const outer = outerBegin(context);
        return [
          {
            message: `BEGIN inside the transaction already opened${outer ? ` at line ${outer}` : ""}: PostgreSQL ignores it with a warning, and the first COMMIT ends the outer transaction too`,
            fix: "remove the inner BEGIN (use SAVEPOINT for a nested unit of work)"
          }
        ];
      }
      if (toolWraps)
        return [
          {
            message: "BEGIN inside a migration the tool already runs in a transaction: PostgreSQL ignores it with a warning, and the COMMIT that follows commits the tool's transaction early, so later statements (and the tool's own version bookkeeping) run outside it",
            fix: "remove BEGIN/COMMIT and let the tool's transaction cover the migration, or turn the tool's transaction off for this migration"
          }
        ];
      return [];
    }
    const ends = kind === "TRANS_STMT_COMMIT" || kind === "TRANS_STMT_ROLLBACK";
    if (ends && toolWraps && !context.explicitTransaction) {
      const verb = kind === "TRANS_STMT_COMMIT" ? "COMMIT commits" : "ROLLBACK rolls back";
      return [
        {
          message: `${verb} the transaction the migration tool opened, part-way through the migration: later statements (and the tool's own version bookkeeping) run outside any transaction, and the tool's final COMMIT finds none`,
          fix: "remove it and let the tool's transaction cover the migration, or turn the tool's transaction off for this migration"
        }
      ];
    }
    return [];
  }
};
function toolTransactionOpen(context) {
  if (!context.toolTransaction) return false;
  const end = firstEnd(context.statements);
  return end === void 0 || end >= context.index;
}
const FIRST_END = /* @__PURE__ */ new WeakMap();
function firstEnd(statements) {
  if (FIRST_END.has(statements)) return FIRST_END.get(statements);
  const index = statements.findIndex((statement) => {
    const transaction = as(statement.ast, "TransactionStmt");
    const ends = transaction?.kind === "TRANS_STMT_COMMIT" || transaction?.kind === "TRANS_STMT_ROLLBACK";
    return ends && !transaction?.chain && statement.autocommit !== true;
  });
  const end = index >= 0 ? index : void 0;
  FIRST_END.set(statements, end);
  return end;
}
function outerBegin(context) {
  let line;
  for (let i = context.index - 1; i >= 0; i--) {
    const kind = as(context.statements[i]?.ast, "TransactionStmt")?.kind;
    if (kind === "TRANS_STMT_COMMIT" || kind === "TRANS_STMT_ROLLBACK") break;
    if (kind === "TRANS_STMT_BEGIN" || kind === "TRANS_STMT_START") line = context.statements[i]?.span.line;
  }
  return line;
}

const UNENDED = /* @__PURE__ */ new WeakMap();
const uncommittedTransaction = {
  kind: "statement",
  meta: {
    id: "uncommitted-transaction",
    category: "transactions",
    severity: "error",
    enabledByDefault: true,
    summary: "BEGIN with no COMMIT or ROLLBACK before the end of the migration",
    lock: null
  },
  check(statement, context) {
    if (!isBegin(statement.ast) || unendedBegin(context.statements) !== context.index) return [];
    if (context.toolTransaction && statement.autocommit !== true)
      return [
        {
          message: "this BEGIN is never ended in the migration: it relies on the migration tool's own COMMIT to end it, which tools that send the file as one script (Prisma, golang-migrate) do not issue, leaving the changes uncommitted and their locks held",
          fix: "drop the BEGIN (the tool already runs the migration in a transaction), or end it with COMMIT;",
          severity: "warning"
        }
      ];
    return [
      {
        message: "this BEGIN is never ended: no COMMIT or ROLLBACK follows it in the migration, so its changes stay uncommitted and its locks held until the connection closes and PostgreSQL rolls them back",
        fix: "add COMMIT; at the end of the migration"
      }
    ];
  }
};
function unendedBegin(statements) {
  if (UNENDED.has(statements)) return UNENDED.get(statements);
  let opener;
  for (const [index, { ast }] of statements.entries()) {
    const transaction = as(ast, "TransactionStmt");
    if (isBegin(ast) && opener === void 0) opener = index;
    else if (endsTransaction(transaction?.kind) && !transaction?.chain) opener = void 0;
  }
  UNENDED.set(statements, opener);
  return opener;
}
function isBegin(ast) {
  const kind = as(ast, "TransactionStmt")?.kind;
  return kind === "TRANS_STMT_BEGIN" || kind === "TRANS_STMT_START";
}
function endsTransaction(kind) {
  return kind === "TRANS_STMT_COMMIT" || kind === "TRANS_STMT_ROLLBACK" || kind === "TRANS_STMT_PREPARE";
}

const rules = [
  concurrentlyInTransaction,
  uncommittedTransaction,
  nestedTransaction,
  enumAddValueInTransaction
];

const ALL_RULES = [
  ...rules$6,
  ...rules$3,
  ...rules$7,
  ...rules,
  ...rules$2,
  ...rules$5,
  ...rules$1,
  ...rules$4
];
const STATEMENT_RULES = ALL_RULES.filter((r) => r.kind === "statement");
const HISTORY_RULES = ALL_RULES.filter((r) => r.kind === "history");
const BY_ID = new Map(ALL_RULES.map((r) => [r.meta.id, r.meta]));
function ruleMeta(id) {
  return BY_ID.get(id);
}
function ruleDocsPath(id) {
  return `docs/rules/${id}.md`;
}

function analyzeMigrations(targets, options, history = targets) {
  const findings = [];
  const prCreated = emptyCreatedObjects();
  const knowledge = {
    columnTypes: /* @__PURE__ */ new Map(),
    enumLabels: /* @__PURE__ */ new Map(),
    indexTables: /* @__PURE__ */ new Map(),
    foreignKeys: /* @__PURE__ */ new Map()
  };
  const targetSet = new Set(targets);
  for (const migration of [...history, ...targets.filter((t) => !history.includes(t))]) {
    if (!targetSet.has(migration)) {
      observeOnly(migration, options.pgVersion, knowledge);
      continue;
    }
    const created = migration.change === "added" ? prCreated : cloneCreated(prCreated);
    findings.push(
      ...analyzeStatements(migration.statements, {
        ...options,
        ...knowledge,
        toolTransaction: migration.transactional,
        created,
        migration: migration.id
      })
    );
    findings.push(...migration.problems.map((p) => problemFinding(p, options.settings, migration.id)));
  }
  return findings;
}
function observeOnly(migration, pgVersion, knowledge) {
  const tracker = new ContextTracker({
    pgVersion,
    toolTransaction: migration.transactional,
    statements: migration.statements,
    ...knowledge
  });
  migration.statements.forEach((statement, index) => {
    tracker.at(index, statement.autocommit === true);
    if (statement.ast) tracker.observe(statement.ast);
  });
}
function analyzeStatements(statements, options) {
  const findings = [];
  const tracker = new ContextTracker({
    pgVersion: options.pgVersion,
    toolTransaction: options.toolTransaction,
    statements,
    created: options.created,
    columnTypes: options.columnTypes,
    enumLabels: options.enumLabels,
    indexTables: options.indexTables,
    foreignKeys: options.foreignKeys
  });
  statements.forEach((statement, index) => {
    const context = tracker.at(index, statement.autocommit === true);
    statement.inTransaction = context.inTransaction;
    if (!statement.ast) return;
    for (const rule of STATEMENT_RULES) {
      if (!options.settings.enabled(rule.meta.id)) continue;
      for (const hit of rule.check(statement, context)) {
        if (isIgnored(statement, rule.meta.id)) continue;
        findings.push({
          rule: rule.meta.id,
          severity: options.settings.severity(rule.meta.id, hit.severity ?? rule.meta.severity),
          ...location(statement.path, hit.span ?? statement.span),
          message: hit.message,
          fix: hit.fix,
          lock: hit.lock === void 0 ? rule.meta.lock : hit.lock,
          source: "static",
          migration: options.migration,
          statement: statement.sql
        });
      }
    }
    tracker.observe(statement.ast);
  });
  return findings;
}
function analyzeHistory(input, settings) {
  const findings = [];
  for (const rule of HISTORY_RULES) {
    if (!settings.enabled(rule.meta.id)) continue;
    for (const hit of rule.check(input)) {
      findings.push({
        rule: rule.meta.id,
        severity: settings.severity(rule.meta.id, hit.severity ?? rule.meta.severity),
        ...location(hit.path, hit.span),
        message: hit.message,
        fix: hit.fix,
        lock: hit.lock ?? null,
        source: "static",
        migration: hit.migration
      });
    }
  }
  return findings;
}
function problemFinding(problem, settings, migration, lock = null) {
  const fallback = problem.severity;
  return {
    rule: problem.rule,
    severity: ruleMeta(problem.rule) ? settings.severity(problem.rule, fallback) : fallback,
    ...location(problem.path, problem.span),
    message: problem.message,
    fix: problem.fix,
    lock,
    source: "static",
    migration
  };
}
function isIgnored(statement, rule) {
  return statement.ignores.some((d) => d.rule === rule || d.rule === "all");
}
function location(path, span) {
  return { path, line: span.line, column: span.column, endLine: span.endLine };
}
function cloneCreated(created) {
  return {
    tables: new Set(created.tables),
    indexes: new Set(created.indexes),
    types: new Set(created.types),
    columns: new Set(created.columns),
    checks: new Map([...created.checks].map(([table, checks]) => [table, checks.map((c) => ({ ...c }))]))
  };
}

export { ALL_RULES as A, HISTORY_RULES as H, analyzeMigrations as a, analyzeHistory as b, ruleDocsPath as c, isIgnored as i, problemFinding as p, ruleMeta as r };
