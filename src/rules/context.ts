/**
 * What the rules know about the migration at a given statement: objects
 * created earlier (in this migration, or in another migration the PR adds),
 * constraint validation progress, the transaction the statement runs in and
 * the session settings made so far. Updated after each statement by `observe`.
 */
import type { ColumnDef, Node, RangeVar, TypeName } from "@pgsql/types";
import {
  as,
  columnNames,
  constValue,
  nameList,
  objectKey,
  objectNameParts,
  qualifiedKey,
  str,
  tableKey,
  walk,
} from "../sql/ast.js";
import type { Statement } from "../types.js";
import { type ToolAdvice, toolAdvice } from "./advice.js";

/** A foreign key, by its referencing table (the key of `foreignKeys`). */
export interface ForeignKeyState {
  name: string;
  columns: string[];
  /** Table key of the referenced table. */
  referenced: string;
}

export interface CheckConstraintState {
  name: string;
  /** Columns the expression proves non-null (`col IS NOT NULL`). */
  notNullColumns: string[];
  validated: boolean;
}

/** Objects the PR creates, carried across the migrations it adds. */
export interface CreatedObjects {
  tables: Set<string>;
  indexes: Set<string>;
  types: Set<string>;
  /** Columns added by the PR, as `table.column`. */
  columns: Set<string>;
  /**
   * CHECK constraints the PR adds, per table key, so NOT VALID → VALIDATE →
   * SET NOT NULL is recognised when the steps are split across its migrations.
   */
  checks: Map<string, CheckConstraintState[]>;
}

export function emptyCreatedObjects(): CreatedObjects {
  return { tables: new Set(), indexes: new Set(), types: new Set(), columns: new Set(), checks: new Map() };
}

export interface StatementContext {
  pgVersion: number;
  /** How the migration's tool runs a statement alone, outside its transaction …: for fixes in the tool's terms. */
  advice: ToolAdvice;
  /** All statements of the migration, and this one's index among them. */
  statements: Statement[];
  index: number;
  /** The tool wraps the whole migration in one transaction (Alembic, Prisma, config `transactional: true`). */
  toolTransaction: boolean;
  /** Inside an explicit BEGIN … COMMIT written by the author. */
  explicitTransaction: boolean;
  /** The statement runs inside some transaction. */
  inTransaction: boolean;
  /** `SET lock_timeout` (or set_config) ran earlier in this migration's session. */
  lockTimeoutSet: boolean;
  statementTimeoutSet: boolean;
  /** Objects created earlier in this migration, or by another migration this PR adds. */
  created: CreatedObjects;
  /** CHECK constraints added by this migration or the PR, per table key (the same map as `created.checks`). */
  checks: Map<string, CheckConstraintState[]>;
  /** Index column lists known per table (created in this migration or PR). */
  indexColumns: Map<string, string[][]>;
  /** Columns known NOT NULL, as `table.column` (NOT NULL, PRIMARY KEY, SET NOT NULL; history included). */
  notNullColumns: Set<string>;
  /** Column lists of each known index, by index key (history included). */
  indexColumnsByName: Map<string, string[]>;
  /** CHECK constraints of the whole schema so far (history included), per table key. */
  schemaChecks: Map<string, CheckConstraintState[]>;
  /** Enum values added in the current transaction, per type key. */
  enumValuesAdded: Map<string, Set<string>>;
  /** How many ALTER TABLE statements touched each table so far in this migration. */
  alterCounts: Map<string, number>;
  /** Table of each index created so far, by index key (`DROP INDEX name` names only the index). */
  indexTables: Map<string, string>;
  /** Foreign keys known per referencing table key (dropping one, or its table, locks the referenced table too). */
  foreignKeys: Map<string, ForeignKeyState[]>;
  /** Declared type of each known column, as `table.column` (from CREATE TABLE, ADD COLUMN, ALTER COLUMN TYPE). */
  columnTypes: Map<string, TypeName>;
  /** Labels of each known enum type, in order, per type key (from CREATE TYPE AS ENUM, ADD VALUE, RENAME VALUE). */
  enumLabels: Map<string, string[]>;
  /** True when the table (RangeVar or key) was created earlier in this migration or PR. */
  isNewTable(table: RangeVar | string | undefined): boolean;
  /** True when a validated CHECK (col IS NOT NULL) already proves the column non-null. */
  hasValidatedNotNullCheck(table: string, column: string): boolean;
  /** True when a later statement of this migration drops the table (that drop is what loses the data). */
  isDroppedLater(table: string): boolean;
}

export interface ContextOptions {
  pgVersion: number;
  /** The migration's convention (`prisma`, `alembic`, `goose` …): picks the advice fixes are phrased in. */
  convention?: string;
  toolTransaction: boolean;
  statements: Statement[];
  /** Shared across the migrations a PR adds, so a table created in one is new in the next. */
  created?: CreatedObjects;
  /**
   * Column types and enum labels seen so far. Pass the same maps to every
   * migration of a project, in order, so a later migration knows the types an
   * earlier one declared (they describe the schema, not what the PR adds).
   */
  columnTypes?: Map<string, TypeName>;
  enumLabels?: Map<string, string[]>;
  /** Index key → table key, shared like columnTypes. */
  indexTables?: Map<string, string>;
  /** Referencing table key → its foreign keys, shared like columnTypes. */
  foreignKeys?: Map<string, ForeignKeyState[]>;
  /**
   * CHECK constraints of the schema per table key, from every migration read so
   * far (the base history included), shared like columnTypes: a CHECK validated
   * in an earlier PR still proves its column non-null.
   */
  schemaChecks?: Map<string, CheckConstraintState[]>;
  /** Columns declared NOT NULL (`table.column`), shared like columnTypes. */
  notNullColumns?: Set<string>;
  /** Column lists of each index by index key, shared like columnTypes. */
  indexColumnsByName?: Map<string, string[]>;
}

/** Builds the context for statement 0 and advances it with `observe`. */
export class ContextTracker {
  readonly context: StatementContext;

  constructor(options: ContextOptions) {
    const created = options.created ?? emptyCreatedObjects();
    const checks = created.checks;
    this.context = {
      pgVersion: options.pgVersion,
      advice: toolAdvice(options.convention),
      statements: options.statements,
      index: 0,
      toolTransaction: options.toolTransaction,
      explicitTransaction: false,
      inTransaction: options.toolTransaction,
      lockTimeoutSet: false,
      statementTimeoutSet: false,
      created,
      checks,
      schemaChecks: options.schemaChecks ?? new Map(),
      notNullColumns: options.notNullColumns ?? new Set(),
      indexColumnsByName: options.indexColumnsByName ?? new Map(),
      indexColumns: new Map(),
      enumValuesAdded: new Map(),
      alterCounts: new Map(),
      indexTables: options.indexTables ?? new Map(),
      foreignKeys: options.foreignKeys ?? new Map(),
      columnTypes: options.columnTypes ?? new Map(),
      enumLabels: options.enumLabels ?? new Map(),
      isNewTable(table) {
        const key = typeof table === "string" ? table : tableKey(table);
        return key !== "" && created.tables.has(key);
      },
      hasValidatedNotNullCheck: (table, column) =>
        [...(checks.get(table) ?? []), ...(this.context.schemaChecks.get(table) ?? [])].some(
          (c) => c.validated && c.notNullColumns.includes(column),
        ),
      isDroppedLater: (table) => (this.lastTableDrops().get(table) ?? -1) > this.context.index,
    };
  }

  /**
   * Sets the statement about to be checked. `autocommit` marks a statement the
   * tool runs outside its migration transaction (Alembic autocommit_block).
   */
  at(index: number, autocommit = false): StatementContext {
    const ctx = this.context;
    ctx.index = index;
    ctx.inTransaction = ctx.explicitTransaction || (ctx.toolTransaction && !autocommit);
    return ctx;
  }

  private tableDrops: Map<string, number> | undefined;

  /** Index of the last DROP TABLE of each table in the migration, computed once. */
  private lastTableDrops(): Map<string, number> {
    if (this.tableDrops) return this.tableDrops;
    const drops = new Map<string, number>();
    this.context.statements.forEach(({ ast }, index) => {
      const drop = as(ast, "DropStmt");
      if (drop?.removeType !== "OBJECT_TABLE") return;
      for (const object of drop.objects ?? []) drops.set(objectKey(objectNameParts(object)), index);
    });
    this.tableDrops = drops;
    return drops;
  }

  /** Records what the statement changed, after the rules have seen it. */
  observe(ast: Node): void {
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
        // SET LOCAL lasts until the transaction ends, and does nothing outside one.
        this.setting(set.name ?? "", set.kind === "VAR_SET_VALUE" && enablesTimeout(set.args?.[0]), set.is_local);
      }
      return;
    }
    const select = as(ast, "SelectStmt");
    if (select) {
      walk(select, (tag, value) => {
        if (tag !== "FuncCall") return;
        const call = value as { funcname?: Node[]; args?: Node[] };
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
        if (column?.colname && declaresNotNull(column)) ctx.notNullColumns.add(`${key}.${column.colname}`);
        this.foreignKeysOf(key, element, column?.colname);
        for (const c of column?.constraints ?? []) {
          const constraint = as(c, "Constraint");
          if (constraint?.contype === "CONSTR_PRIMARY" || constraint?.contype === "CONSTR_UNIQUE") {
            this.indexOn(key, [column?.colname ?? ""]);
          }
        }
        const constraint = as(element, "Constraint");
        if (constraint?.contype === "CONSTR_PRIMARY" || constraint?.contype === "CONSTR_UNIQUE") {
          this.indexOn(key, columnNames(constraint.keys));
        }
        if (constraint?.contype === "CONSTR_PRIMARY")
          for (const name of columnNames(constraint.keys)) ctx.notNullColumns.add(`${key}.${name}`);
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
        const name = qualifiedKey(index.relation?.schemaname, index.idxname);
        ctx.created.indexes.add(name);
        ctx.indexTables.set(name, key);
        ctx.indexColumnsByName.set(name, columnNames(index.indexParams));
      }
      // A partial index serves only the rows its WHERE selects: it does not cover a foreign key's lookups.
      if (!index.whereClause) this.indexOn(key, columnNames(index.indexParams));
      return;
    }
    const enumType = as(ast, "CreateEnumStmt");
    if (enumType) {
      ctx.created.types.add(
        nameList(enumType.typeName)
          .filter((n) => n !== "public")
          .join("."),
      );
      ctx.enumLabels.set(objectKey(nameList(enumType.typeName)), nameList(enumType.vals));
      return;
    }
    const alterEnum = as(ast, "AlterEnumStmt");
    if (alterEnum?.newVal && !alterEnum.oldVal) {
      const type = nameList(alterEnum.typeName)
        .filter((n) => n !== "public")
        .join(".");
      const labels = ctx.enumLabels.get(type);
      const existed = labels?.includes(alterEnum.newVal) ?? false;
      if (labels && !existed) labels.splice(enumInsertIndex(labels, alterEnum), 0, alterEnum.newVal);
      const values = ctx.enumValuesAdded.get(type) ?? new Set<string>();
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

  private observeAlterTable(table: string, cmds: Node[]): void {
    const ctx = this.context;
    ctx.alterCounts.set(table, (ctx.alterCounts.get(table) ?? 0) + 1);
    for (const node of cmds) {
      const cmd = as(node, "AlterTableCmd");
      if (!cmd) continue;
      if (cmd.subtype === "AT_AddColumn") {
        const column = as(cmd.def, "ColumnDef");
        if (column?.colname) ctx.created.columns.add(`${table}.${column.colname}`);
        if (column?.colname && declaresNotNull(column)) ctx.notNullColumns.add(`${table}.${column.colname}`);
        if (column?.colname && column.typeName) ctx.columnTypes.set(`${table}.${column.colname}`, column.typeName);
      }
      const newType = as(cmd.def, "ColumnDef")?.typeName;
      if (cmd.subtype === "AT_AlterColumnType" && cmd.name && newType)
        ctx.columnTypes.set(`${table}.${cmd.name}`, newType);
      if (cmd.subtype === "AT_DropColumn" && cmd.name) ctx.columnTypes.delete(`${table}.${cmd.name}`);
      if (cmd.subtype === "AT_SetNotNull" && cmd.name) ctx.notNullColumns.add(`${table}.${cmd.name}`);
      if ((cmd.subtype === "AT_DropNotNull" || cmd.subtype === "AT_DropColumn") && cmd.name)
        ctx.notNullColumns.delete(`${table}.${cmd.name}`);
      if (cmd.subtype === "AT_AddColumn" || cmd.subtype === "AT_AddConstraint")
        this.foreignKeysOf(table, cmd.def, as(cmd.def, "ColumnDef")?.colname);
      const keys = ctx.foreignKeys.get(table);
      if ((cmd.subtype === "AT_DropConstraint" || cmd.subtype === "AT_DropColumn") && cmd.name && keys) {
        const name = cmd.name;
        const kept = keys.filter((k) =>
          cmd.subtype === "AT_DropConstraint" ? k.name !== name : !k.columns.includes(name),
        );
        ctx.foreignKeys.set(table, kept);
      }
      const constraint = as(cmd.def, "Constraint");
      if (cmd.subtype === "AT_AddConstraint" && constraint) {
        if (constraint.contype === "CONSTR_CHECK") {
          const state = {
            name: constraint.conname ?? "",
            notNullColumns: notNullColumns(constraint.raw_expr),
            validated: !constraint.skip_validation,
          };
          for (const map of [ctx.checks, ctx.schemaChecks]) map.set(table, [...(map.get(table) ?? []), { ...state }]);
        }
        if (constraint.contype === "CONSTR_PRIMARY" || constraint.contype === "CONSTR_UNIQUE") {
          this.indexOn(table, columnNames(constraint.keys));
        }
      }
      if (cmd.subtype === "AT_ValidateConstraint") {
        for (const check of [...(ctx.checks.get(table) ?? []), ...(ctx.schemaChecks.get(table) ?? [])])
          if (check.name === cmd.name) check.validated = true;
      }
      if (cmd.subtype === "AT_DropConstraint" && cmd.name) {
        for (const map of [ctx.checks, ctx.schemaChecks]) {
          const kept = (map.get(table) ?? []).filter((c) => c.name !== cmd.name);
          if (map.has(table)) map.set(table, kept);
        }
      }
    }
  }

  /** Records the foreign keys a column definition or table constraint declares on `table`. */
  private foreignKeysOf(table: string, element: Node | undefined, column: string | undefined): void {
    const nodes = column ? (as(element, "ColumnDef")?.constraints ?? []) : element ? [element] : [];
    for (const node of nodes) {
      const constraint = as(node, "Constraint");
      if (constraint?.contype !== "CONSTR_FOREIGN") continue;
      const columns = column ? [column] : nameList(constraint.fk_attrs);
      const list = this.context.foreignKeys.get(table) ?? [];
      list.push({
        name: constraint.conname ?? defaultForeignKeyName(table, columns),
        columns,
        referenced: tableKey(constraint.pktable),
      });
      this.context.foreignKeys.set(table, list);
    }
  }

  private indexOn(table: string, columns: string[]): void {
    const list = this.context.indexColumns.get(table) ?? [];
    list.push(columns);
    this.context.indexColumns.set(table, list);
  }

  /** Session-level timeout settings, which a transaction's SET LOCAL overrides until it ends. */
  private readonly sessionTimeouts = { lock_timeout: false, statement_timeout: false };
  private readonly localTimeouts = new Set<"lock_timeout" | "statement_timeout">();

  private setting(name: string, on: boolean, local = false): void {
    if (name !== "lock_timeout" && name !== "statement_timeout") return;
    if (local) this.localTimeouts.add(name);
    else this.sessionTimeouts[name] = on;
    this.applyTimeout(name, on);
  }

  private applyTimeout(name: "lock_timeout" | "statement_timeout", on: boolean): void {
    if (name === "lock_timeout") this.context.lockTimeoutSet = on;
    else this.context.statementTimeoutSet = on;
  }

  private endLocalSettings(): void {
    for (const name of this.localTimeouts) this.applyTimeout(name, this.sessionTimeouts[name]);
    this.localTimeouts.clear();
  }
}

/** Where ADD VALUE puts the new label: BEFORE/AFTER its neighbour, else at the end. */
function enumInsertIndex(labels: string[], stmt: { newValNeighbor?: string; newValIsAfter?: boolean }): number {
  const neighbour = stmt.newValNeighbor ? labels.indexOf(stmt.newValNeighbor) : -1;
  if (neighbour < 0) return labels.length;
  return stmt.newValIsAfter ? neighbour + 1 : neighbour;
}

/** Renames `from` (exact key, or every key starting with it when it ends in `.`) to `to`. */
function moveKeys<V>(map: Map<string, V>, from: string, to: string): void {
  for (const [key, value] of [...map]) {
    if (key === from || (from.endsWith(".") && key.startsWith(from))) {
      map.delete(key);
      map.set(to + key.slice(from.length), value);
    }
  }
}

function deleteKeys<V>(map: Map<string, V>, prefix: string): void {
  for (const key of [...map.keys()]) if (key.startsWith(prefix)) map.delete(key);
}

/** PostgreSQL's name for an unnamed foreign key: `<table>_<columns>_fkey`, cut to 63 bytes. */
function defaultForeignKeyName(table: string, columns: string[]): string {
  const relation = table.split(".").at(-1) ?? table;
  return `${relation}_${columns.join("_")}_fkey`.slice(0, 63);
}

/** A timeout value other than 0 (`0`, `'0'`, `'0s'` and DEFAULT mean no timeout). */
function enablesTimeout(value: Node | undefined): boolean {
  const v = constValue(value);
  if (v === undefined || v === null) return value !== undefined;
  return !/^\s*0+(\.0*)?\s*(us|ms|s|min|h|d)?\s*$/i.test(String(v));
}

/** The column definition says NOT NULL or PRIMARY KEY. */
function declaresNotNull(column: ColumnDef): boolean {
  return (column.constraints ?? []).some((c) => {
    const contype = as(c, "Constraint")?.contype;
    return contype === "CONSTR_NOTNULL" || contype === "CONSTR_PRIMARY";
  });
}

/** Columns proven non-null by `a IS NOT NULL [AND b IS NOT NULL …]`. */
function notNullColumns(expr: Node | undefined): string[] {
  const columns: string[] = [];
  const test = as(expr, "NullTest");
  if (test?.nulltesttype === "IS_NOT_NULL") {
    const ref = as(test.arg, "ColumnRef");
    if (ref) columns.push(str(ref.fields?.at(-1)));
  }
  const bool = as(expr, "BoolExpr");
  if (bool?.boolop === "AND_EXPR") for (const arg of bool.args ?? []) columns.push(...notNullColumns(arg));
  return columns;
}
