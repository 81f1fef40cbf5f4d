/**
 * What a statement does to tables, known statically: the table-level lock it
 * takes on each relation (the strongest, as pg_locks would show it), whether
 * it rewrites the table (a new relfilenode holding a copy of every row) and
 * whether it reads the whole table (a scan) while holding that lock.
 *
 * Lock levels follow PostgreSQL's own code (AlterTableGetLockLevel and each
 * command's table_open), checked against pg_locks on PostgreSQL 18. Tables
 * the statement creates are not listed: they have no rows and no readers yet.
 */
import type { Constraint, Node, RangeVar, TypeName } from "@pgsql/types";
import { expressionVolatility, type Volatility } from "../rules/data/volatility.js";
import type { LockMode } from "../types.js";
import { as, constValue, type NodeOf, nameList, qualifiedKey, str, tableKey, typeBase, typeMods, walk } from "./ast.js";
import { LOCK_MODES, strongest } from "./locks.js";

export interface StatementEffect {
  /** `tableKey` form (`users`, `audit.users`); "" when the statement does not name it (e.g. `DROP INDEX name`). */
  table: string;
  lock: LockMode;
  /** Every row is copied into a new file (time and disk proportional to the table). */
  rewrite: boolean;
  /** Every row is read while the lock is held (validation, index build, unbounded DML). */
  scan: boolean;
  /** The index the statement names when its table is not known (`DROP INDEX`, `REINDEX INDEX`, `ALTER INDEX`). */
  index?: string;
  /** What the static view cannot tell or leaves out, for plans and messages. */
  note?: string;
}

/**
 * What earlier statements taught us, all optional. The rules' StatementContext
 * fits this shape, so rules pass their context as is.
 */
export interface SchemaKnowledge {
  /** Column types as `table.column` → the declared TypeName, or a type string such as `varchar(50)`. */
  columnTypes?: ReadonlyMap<string, string | TypeName>;
  /** Index key (`idx` or `schema.idx`) → its table key. */
  indexTables?: ReadonlyMap<string, string>;
  /** Volatility of functions created by the migration (CREATE FUNCTION), by lower-case name. */
  functionVolatility?: ReadonlyMap<string, Volatility>;
  /** Foreign keys per referencing table: dropping one (or its table, or retyping its column) locks the referenced table. */
  foreignKeys?: ReadonlyMap<string, ReadonlyArray<{ name: string; columns: string[]; referenced: string }>>;
  /** A validated `CHECK (col IS NOT NULL)` lets SET NOT NULL skip its scan (PostgreSQL 12+). */
  hasValidatedNotNullCheck?(table: string, column: string): boolean;
}

interface Flags {
  rewrite?: boolean;
  scan?: boolean;
  index?: string;
  note?: string;
}

/** Collects effects per relation, keeping the strongest lock and or-ing the flags. */
class EffectList {
  private readonly byKey = new Map<string, StatementEffect>();

  add(table: string, lock: LockMode, flags: Flags = {}): void {
    const key = table || `index:${flags.index ?? ""}`;
    const existing = this.byKey.get(key);
    if (!existing) {
      const effect: StatementEffect = { table, lock, rewrite: flags.rewrite ?? false, scan: flags.scan ?? false };
      if (flags.index) effect.index = flags.index;
      if (flags.note) effect.note = flags.note;
      this.byKey.set(key, effect);
      return;
    }
    existing.lock = strongest([existing.lock, lock]) ?? lock;
    existing.rewrite ||= flags.rewrite ?? false;
    existing.scan ||= flags.scan ?? false;
    if (flags.note && !existing.note?.includes(flags.note))
      existing.note = existing.note ? `${existing.note}; ${flags.note}` : flags.note;
  }

  /** Reads of other tables (subqueries, FROM, views): AccessShareLock unless a stronger lock is already there. */
  addReads(tables: Iterable<string>, lock: LockMode = "AccessShareLock"): void {
    for (const table of tables) if (table) this.add(table, lock);
  }

  /** Views and foreign tables store no rows: nothing to rewrite or scan. */
  withoutStorage(table: string): void {
    const effect = this.byKey.get(table);
    if (effect) {
      effect.rewrite = false;
      effect.scan = false;
    }
  }

  list(): StatementEffect[] {
    return [...this.byKey.values()];
  }
}

/** What `ast` (one RawStmt.stmt) does to existing relations, one entry per relation. */
export function statementEffects(ast: Node, pgVersion: number, known: SchemaKnowledge = {}): StatementEffect[] {
  const effects = new EffectList();
  const handler = HANDLERS[Object.keys(ast)[0] ?? ""];
  handler?.(Object.values(ast)[0] as never, effects, { pgVersion, known });
  return effects.list();
}

interface Env {
  pgVersion: number;
  known: SchemaKnowledge;
}

type Handler = (node: never, effects: EffectList, env: Env) => void;

/** Relation kinds whose locks we report (tables and what clients query like tables). */
const RELATION_OBJECTS = new Set([
  "OBJECT_TABLE",
  "OBJECT_VIEW",
  "OBJECT_MATVIEW",
  "OBJECT_FOREIGN_TABLE",
  "OBJECT_SEQUENCE",
]);

const HANDLERS: Record<string, Handler> = {
  AlterTableStmt: (node: NodeOf<"AlterTableStmt">, effects, env) => alterTable(node, effects, env),
  IndexStmt(node: NodeOf<"IndexStmt">, effects) {
    const table = tableKey(node.relation);
    if (node.concurrent) effects.add(table, "ShareUpdateExclusiveLock", { scan: true });
    else effects.add(table, "ShareLock", { scan: true });
  },
  DropStmt(node: NodeOf<"DropStmt">, effects, env) {
    const type = node.removeType ?? "";
    for (const object of node.objects ?? []) {
      const names = objectNames(object);
      if (RELATION_OBJECTS.has(type)) {
        const table = keyOfNames(names);
        const keys = type === "OBJECT_TABLE" ? env.known.foreignKeys?.get(table) : undefined;
        const note =
          type === "OBJECT_TABLE" && !keys
            ? "also AccessExclusiveLock on the tables its foreign keys reference, and on dependents with CASCADE"
            : undefined;
        effects.add(table, "AccessExclusiveLock", { note });
        // Dropping the table drops its foreign keys' triggers on the referenced tables.
        for (const key of keys ?? [])
          if (key.referenced && key.referenced !== table) effects.add(key.referenced, "AccessExclusiveLock");
      } else if (type === "OBJECT_INDEX") {
        const index = keyOfNames(names);
        const table = env.known.indexTables?.get(index) ?? "";
        const lock: LockMode = node.concurrent ? "ShareUpdateExclusiveLock" : "AccessExclusiveLock";
        effects.add(table, lock, table ? {} : { index, note: `the table of index ${index}` });
      } else if (type === "OBJECT_TRIGGER" || type === "OBJECT_POLICY" || type === "OBJECT_RULE") {
        effects.add(keyOfNames(names.slice(0, -1)), "AccessExclusiveLock");
      }
    }
  },
  TruncateStmt(node: NodeOf<"TruncateStmt">, effects) {
    for (const relation of relations(node.relations))
      effects.add(relation, "AccessExclusiveLock", {
        note: "TRUNCATE swaps in a new empty file (relfilenode) without copying rows",
      });
  },
  RenameStmt(node: NodeOf<"RenameStmt">, effects, env) {
    const type = node.renameType ?? "";
    const table = tableKey(node.relation);
    if (type === "OBJECT_INDEX") {
      const index = table;
      const owner = env.known.indexTables?.get(index);
      // Renaming an index locks only the index (ShareUpdateExclusiveLock since PostgreSQL 12).
      effects.add("", env.pgVersion >= 12 ? "ShareUpdateExclusiveLock" : "AccessExclusiveLock", {
        index,
        note: owner ? `index of ${owner}` : undefined,
      });
      return;
    }
    if (!node.relation) return;
    if (
      RELATION_OBJECTS.has(type) ||
      ["OBJECT_COLUMN", "OBJECT_TABCONSTRAINT", "OBJECT_TRIGGER", "OBJECT_POLICY", "OBJECT_RULE"].includes(type)
    )
      effects.add(table, "AccessExclusiveLock");
  },
  AlterObjectSchemaStmt(node: NodeOf<"AlterObjectSchemaStmt">, effects) {
    if (node.relation && RELATION_OBJECTS.has(node.objectType ?? ""))
      effects.add(tableKey(node.relation), "AccessExclusiveLock");
  },
  CreateTrigStmt(node: NodeOf<"CreateTrigStmt">, effects) {
    effects.add(tableKey(node.relation), "ShareRowExclusiveLock");
  },
  RuleStmt(node: NodeOf<"RuleStmt">, effects) {
    effects.add(tableKey(node.relation), "AccessExclusiveLock");
  },
  CreatePolicyStmt(node: NodeOf<"CreatePolicyStmt">, effects) {
    effects.add(tableKey(node.table), "AccessExclusiveLock");
  },
  AlterPolicyStmt(node: NodeOf<"AlterPolicyStmt">, effects) {
    effects.add(tableKey(node.table), "AccessExclusiveLock");
  },
  CreateStatsStmt(node: NodeOf<"CreateStatsStmt">, effects) {
    for (const from of node.relations ?? []) {
      const relation = as(from, "RangeVar");
      if (relation) effects.add(tableKey(relation), "ShareUpdateExclusiveLock");
    }
  },
  RefreshMatViewStmt(node: NodeOf<"RefreshMatViewStmt">, effects) {
    const view = tableKey(node.relation);
    // CONCURRENTLY recomputes the query and diffs it in: ExclusiveLock lets SELECTs through.
    if (node.concurrent) effects.add(view, "ExclusiveLock", { scan: true });
    else effects.add(view, "AccessExclusiveLock", { rewrite: true, scan: true });
  },
  VacuumStmt(node: NodeOf<"VacuumStmt">, effects) {
    const options = (node.options ?? []).map((o) => as(o, "DefElem")?.defname ?? "");
    const full = node.is_vacuumcmd === true && options.includes("full") && !isDisabled(node.options, "full");
    const tables = (node.rels ?? []).map((r) => tableKey(as(r, "VacuumRelation")?.relation));
    const flags: Flags = full ? { rewrite: true, scan: true } : { scan: node.is_vacuumcmd === true };
    const lock: LockMode = full ? "AccessExclusiveLock" : "ShareUpdateExclusiveLock";
    if (tables.length === 0) effects.add("", lock, { ...flags, note: "every table in the database" });
    for (const table of tables) effects.add(table, lock, flags);
  },
  ClusterStmt(node: NodeOf<"ClusterStmt">, effects) {
    if (node.relation) effects.add(tableKey(node.relation), "AccessExclusiveLock", { rewrite: true, scan: true });
    else
      effects.add("", "AccessExclusiveLock", {
        rewrite: true,
        scan: true,
        note: "every table clustered before (CLUSTER without a table)",
      });
  },
  ReindexStmt(node: NodeOf<"ReindexStmt">, effects, env) {
    const concurrent = (node.params ?? []).some((p) => as(p, "DefElem")?.defname === "concurrently");
    const lock: LockMode = concurrent ? "ShareUpdateExclusiveLock" : "ShareLock";
    const note = concurrent
      ? undefined
      : "AccessExclusiveLock on each index rebuilt: queries planned on the table wait for it";
    if (node.kind === "REINDEX_OBJECT_TABLE") effects.add(tableKey(node.relation), lock, { scan: true, note });
    else if (node.kind === "REINDEX_OBJECT_INDEX") {
      const index = tableKey(node.relation);
      const table = env.known.indexTables?.get(index) ?? "";
      effects.add(table, lock, { scan: true, note, index: table ? undefined : index });
    } else effects.add("", lock, { scan: true, note: `every index of the ${schemaOrDatabase(node.kind)}` });
  },
  LockStmt(node: NodeOf<"LockStmt">, effects) {
    const lock = LOCK_MODES[(node.mode ?? 8) - 1] ?? "AccessExclusiveLock";
    for (const relation of relations(node.relations)) effects.add(relation, lock);
  },
  CommentStmt(node: NodeOf<"CommentStmt">, effects) {
    const type = node.objtype ?? "";
    const names = objectNames(node.object);
    if (RELATION_OBJECTS.has(type)) effects.add(keyOfNames(names), "ShareUpdateExclusiveLock");
    else if (type === "OBJECT_COLUMN") effects.add(keyOfNames(names.slice(0, -1)), "ShareUpdateExclusiveLock");
    else if (["OBJECT_TABCONSTRAINT", "OBJECT_TRIGGER", "OBJECT_POLICY", "OBJECT_RULE"].includes(type))
      effects.add(keyOfNames(names.slice(0, -1)), "AccessShareLock");
    else if (type === "OBJECT_INDEX") effects.add("", "ShareUpdateExclusiveLock", { index: keyOfNames(names) });
  },
  GrantStmt(node: NodeOf<"GrantStmt">, effects, env) {
    // PostgreSQL 18 locks the relation (AccessShareLock) while it changes the ACL; 13–17 take no
    // table lock (docs/lock-table.md).
    if (env.pgVersion < 18) return;
    if (node.targtype !== "ACL_TARGET_OBJECT" || !RELATION_OBJECTS.has(node.objtype ?? "")) return;
    for (const relation of relations(node.objects)) effects.add(relation, "AccessShareLock");
  },
  AlterSeqStmt(node: NodeOf<"AlterSeqStmt">, effects) {
    // ShareRowExclusiveLock on the sequence until commit: nextval() (RowExclusiveLock) waits, so
    // inserts using it as a default do too (measured on 13–18).
    effects.add(tableKey(node.sequence), "ShareRowExclusiveLock", {
      note: "blocks nextval(), so inserts into the tables using the sequence, until commit",
    });
  },
  AlterDomainStmt(node: NodeOf<"AlterDomainStmt">, effects) {
    const domain = nameList(node.typeName).join(".");
    const constraint = as(node.def, "Constraint");
    const checks =
      (node.subtype === "C" && constraint && !constraint.skip_validation) ||
      node.subtype === "O" ||
      node.subtype === "V";
    if (!checks) return;
    // Validation reads every table with a column of the domain under a ShareLock (VALIDATE too, as
    // measured on PostgreSQL 18); which tables is not in the statement.
    effects.add("", "ShareLock", {
      scan: true,
      note: `every table with a column of domain ${domain}`,
    });
  },
  CreateStmt(node: NodeOf<"CreateStmt">, effects) {
    const self = tableKey(node.relation);
    const parents = relations(node.inhRelations);
    // PARTITION OF locks the parent like DDL on it; INHERITS only blocks other DDL on the parent.
    for (const parent of parents)
      effects.add(parent, node.partbound ? "AccessExclusiveLock" : "ShareUpdateExclusiveLock", {
        note: node.partbound ? "and a scan of the default partition, if there is one" : undefined,
      });
    for (const element of node.tableElts ?? []) {
      const like = as(element, "TableLikeClause");
      if (like) effects.add(tableKey(like.relation), "AccessShareLock");
      for (const constraint of elementConstraints(element)) {
        if (constraint.contype !== "CONSTR_FOREIGN") continue;
        const referenced = tableKey(constraint.pktable);
        if (referenced && referenced !== self) effects.add(referenced, "ShareRowExclusiveLock");
      }
    }
  },
  CreateTableAsStmt(node: NodeOf<"CreateTableAsStmt">, effects) {
    effects.addReads(readTables(node.query, [tableKey(node.into?.rel)]));
  },
  ViewStmt(node: NodeOf<"ViewStmt">, effects) {
    const view = tableKey(node.view);
    effects.addReads(readTables(node.query, [view]));
    if (node.replace) effects.add(view, "AccessExclusiveLock", { note: "when the view already exists" });
  },
  SelectStmt(node: NodeOf<"SelectStmt">, effects) {
    const locking = (node.lockingClause ?? []).length > 0;
    effects.addReads(readTables({ SelectStmt: node }, []), locking ? "RowShareLock" : "AccessShareLock");
  },
  InsertStmt(node: NodeOf<"InsertStmt">, effects) {
    const target = tableKey(node.relation);
    effects.add(target, "RowExclusiveLock");
    effects.addReads(readTables({ InsertStmt: node }, [target]));
  },
  UpdateStmt(node: NodeOf<"UpdateStmt">, effects) {
    const target = tableKey(node.relation);
    effects.add(target, "RowExclusiveLock", { scan: !node.whereClause });
    effects.addReads(readTables({ UpdateStmt: node }, [target]));
  },
  DeleteStmt(node: NodeOf<"DeleteStmt">, effects) {
    const target = tableKey(node.relation);
    effects.add(target, "RowExclusiveLock", { scan: !node.whereClause });
    effects.addReads(readTables({ DeleteStmt: node }, [target]));
  },
  MergeStmt(node: NodeOf<"MergeStmt">, effects) {
    const target = tableKey(node.relation);
    effects.add(target, "RowExclusiveLock");
    effects.addReads(readTables({ MergeStmt: node }, [target]));
  },
  CopyStmt(node: NodeOf<"CopyStmt">, effects) {
    if (node.relation) effects.add(tableKey(node.relation), node.is_from ? "RowExclusiveLock" : "AccessShareLock");
    else if (node.query) effects.addReads(readTables(node.query, []));
  },
};

/** Storage parameters whose change needs AccessExclusiveLock (the others take ShareUpdateExclusiveLock). */
const ACCESS_EXCLUSIVE_RELOPTIONS = new Set([
  "user_catalog_table",
  "check_option",
  "security_barrier",
  "security_invoker",
]);

const SHARE_UPDATE_EXCLUSIVE_SUBCOMMANDS = new Set([
  "AT_SetStatistics",
  "AT_SetOptions",
  "AT_ResetOptions",
  "AT_ClusterOn",
  "AT_DropCluster",
  "AT_ValidateConstraint",
  "AT_DetachPartitionFinalize",
]);

const TRIGGER_SUBCOMMANDS = new Set([
  "AT_EnableTrig",
  "AT_EnableAlwaysTrig",
  "AT_EnableReplicaTrig",
  "AT_DisableTrig",
  "AT_EnableTrigAll",
  "AT_DisableTrigAll",
  "AT_EnableTrigUser",
  "AT_DisableTrigUser",
]);

const REWRITE_SUBCOMMANDS = new Set(["AT_SetTableSpace", "AT_SetLogged", "AT_SetUnLogged", "AT_SetAccessMethod"]);

function alterTable(node: NodeOf<"AlterTableStmt">, effects: EffectList, env: Env): void {
  const objtype = node.objtype ?? "OBJECT_TABLE";
  const target = tableKey(node.relation);
  if (objtype === "OBJECT_INDEX") {
    const table = env.known.indexTables?.get(target);
    const lock =
      strongest((node.cmds ?? []).map((c) => subcommandLock(as(c, "AlterTableCmd"), env.pgVersion))) ??
      "AccessExclusiveLock";
    const rewrite = (node.cmds ?? []).some((c) => as(c, "AlterTableCmd")?.subtype === "AT_SetTableSpace");
    effects.add("", lock, { index: target, rewrite, note: table ? `index of ${table}` : undefined });
    return;
  }
  if (!RELATION_OBJECTS.has(objtype)) return;
  for (const item of node.cmds ?? []) {
    const cmd = as(item, "AlterTableCmd");
    if (cmd) alterTableCommand(target, cmd, effects, env);
  }
  if (objtype === "OBJECT_VIEW" || objtype === "OBJECT_FOREIGN_TABLE") effects.withoutStorage(target);
}

type AlterTableCmd = NodeOf<"AlterTableCmd">;

function subcommandLock(cmd: AlterTableCmd | undefined, pgVersion: number): LockMode {
  const subtype = cmd?.subtype ?? "";
  if (SHARE_UPDATE_EXCLUSIVE_SUBCOMMANDS.has(subtype)) return "ShareUpdateExclusiveLock";
  if (TRIGGER_SUBCOMMANDS.has(subtype)) return "ShareRowExclusiveLock";
  if (subtype === "AT_SetRelOptions" || subtype === "AT_ResetRelOptions") {
    const options = (as(cmd?.def, "List")?.items ?? []).map((o) => as(o, "DefElem")?.defname ?? "");
    return options.some((o) => ACCESS_EXCLUSIVE_RELOPTIONS.has(o)) ? "AccessExclusiveLock" : "ShareUpdateExclusiveLock";
  }
  // ATTACH PARTITION stopped blocking reads and writes of the parent in PostgreSQL 12.
  if (subtype === "AT_AttachPartition") return pgVersion >= 12 ? "ShareUpdateExclusiveLock" : "AccessExclusiveLock";
  if (subtype === "AT_DetachPartition")
    return as(cmd?.def, "PartitionCmd")?.concurrent ? "ShareUpdateExclusiveLock" : "AccessExclusiveLock";
  if (subtype === "AT_AddConstraint" && as(cmd?.def, "Constraint")?.contype === "CONSTR_FOREIGN")
    return "ShareRowExclusiveLock";
  return "AccessExclusiveLock";
}

function alterTableCommand(table: string, cmd: AlterTableCmd, effects: EffectList, env: Env): void {
  const subtype = cmd.subtype ?? "";
  const lock = subcommandLock(cmd, env.pgVersion);
  switch (subtype) {
    case "AT_AddColumn": {
      const column = as(cmd.def, "ColumnDef");
      effects.add(table, lock);
      if (column) effects.add(table, lock, addColumnFlags(column, effects, env));
      return;
    }
    case "AT_AddConstraint": {
      const constraint = as(cmd.def, "Constraint");
      if (constraint) addConstraint(table, constraint, effects);
      else effects.add(table, lock);
      return;
    }
    case "AT_AlterColumnType": {
      const column = as(cmd.def, "ColumnDef");
      effects.add(table, lock, alterTypeFlags(table, cmd.name ?? "", column, env));
      // A foreign key on the column is dropped and re-added, which locks its referenced table.
      for (const key of env.known.foreignKeys?.get(table) ?? [])
        if (key.columns.includes(cmd.name ?? "") && key.referenced !== table)
          effects.add(key.referenced, "AccessExclusiveLock");
      return;
    }
    case "AT_SetNotNull": {
      const proven = env.pgVersion >= 12 && env.known.hasValidatedNotNullCheck?.(table, cmd.name ?? "") === true;
      effects.add(table, lock, { scan: !proven });
      return;
    }
    case "AT_ValidateConstraint":
      effects.add(table, lock, { scan: true });
      return;
    case "AT_SetExpression":
      effects.add(table, lock, { rewrite: true, scan: true });
      return;
    case "AT_AttachPartition":
    case "AT_DetachPartition": {
      const partition = tableKey(as(cmd.def, "PartitionCmd")?.name);
      effects.add(table, lock);
      // The partition itself: attach checks its rows against the bound unless a CHECK proves them.
      // PostgreSQL 13 detaches under a ShareUpdateExclusiveLock on the partition; 14 made it AccessExclusive.
      const partitionLock: LockMode =
        subtype === "AT_DetachPartition" && (lock === "ShareUpdateExclusiveLock" || env.pgVersion < 14)
          ? "ShareUpdateExclusiveLock"
          : "AccessExclusiveLock";
      effects.add(partition, partitionLock, {
        scan: subtype === "AT_AttachPartition",
        note: subtype === "AT_AttachPartition" ? "and AccessExclusiveLock on the default partition, if any" : undefined,
      });
      return;
    }
    case "AT_AddInherit":
    case "AT_DropInherit":
      effects.add(table, lock);
      effects.add(tableKey(as(cmd.def, "RangeVar")), "ShareUpdateExclusiveLock");
      return;
    case "AT_DropConstraint": {
      const keys = env.known.foreignKeys?.get(table);
      const key = keys?.find((k) => k.name === cmd.name);
      effects.add(table, lock, {
        note: keys ? undefined : "dropping a foreign key also takes AccessExclusiveLock on the table it references",
      });
      if (key?.referenced && key.referenced !== table) effects.add(key.referenced, "AccessExclusiveLock");
      return;
    }
    default:
      effects.add(table, lock, REWRITE_SUBCOMMANDS.has(subtype) ? { rewrite: true, scan: true } : {});
  }
}

function addConstraint(table: string, constraint: Constraint, effects: EffectList): void {
  const validates = !constraint.skip_validation;
  switch (constraint.contype) {
    case "CONSTR_FOREIGN":
      effects.add(table, "ShareRowExclusiveLock", { scan: validates });
      effects.add(tableKey(constraint.pktable), "ShareRowExclusiveLock");
      return;
    case "CONSTR_PRIMARY":
    case "CONSTR_UNIQUE":
      // USING INDEX adopts an index built earlier (possibly CONCURRENTLY): no build here.
      effects.add(table, "AccessExclusiveLock", { scan: !constraint.indexname });
      return;
    case "CONSTR_EXCLUSION":
      effects.add(table, "AccessExclusiveLock", { scan: true });
      return;
    default:
      effects.add(table, "AccessExclusiveLock", { scan: validates });
  }
}

const SERIAL_TYPES = new Set(["serial", "serial4", "bigserial", "serial8", "smallserial", "serial2"]);

/** ADD COLUMN: a rewrite when every row needs its own value; a scan when rows must be checked. */
function addColumnFlags(column: NodeOf<"ColumnDef">, effects: EffectList, env: Env): Flags {
  const flags: Flags = {};
  const constraints = (column.constraints ?? []).map((c) => as(c, "Constraint")).filter((c) => c !== undefined);
  const defaultExpr = constraints.find((c) => c.contype === "CONSTR_DEFAULT")?.raw_expr;
  const hasDefault = defaultExpr !== undefined && constValue(defaultExpr) !== null;
  if (SERIAL_TYPES.has(typeBase(column.typeName))) flags.rewrite = true;
  if (hasDefault) {
    const volatile =
      expressionVolatility(defaultExpr, env.known.functionVolatility ?? new Map()).volatility === "volatile";
    // Before PostgreSQL 11 every non-null default was written into each row.
    if (volatile || env.pgVersion < 11) flags.rewrite = true;
  }
  for (const constraint of constraints) {
    switch (constraint.contype) {
      case "CONSTR_IDENTITY":
        flags.rewrite = true;
        break;
      case "CONSTR_GENERATED":
        // Virtual generated columns (PostgreSQL 18) compute on read; stored ones are written into every row.
        if (constraint.generated_kind !== "v" || env.pgVersion < 18) flags.rewrite = true;
        break;
      case "CONSTR_NOTNULL":
        if (!hasDefault) flags.scan = true;
        break;
      case "CONSTR_CHECK":
      case "CONSTR_PRIMARY":
      case "CONSTR_UNIQUE":
      case "CONSTR_EXCLUSION":
        flags.scan = true;
        break;
      case "CONSTR_FOREIGN":
        // A new column with no default is all NULL: PostgreSQL skips checking the rows (any DEFAULT, even NULL, checks them).
        if (defaultExpr !== undefined) flags.scan = true;
        effects.add(tableKey(constraint.pktable), "ShareRowExclusiveLock");
        break;
    }
  }
  if (flags.rewrite) flags.scan = true;
  return flags;
}

/**
 * Whether `ALTER COLUMN column TYPE target [USING using]` rewrites the table:
 * `rewrite` (certain), `none` (binary-compatible from the known current type),
 * or `unknown-current` (the current type is not known and some type would
 * convert to the target without a rewrite, e.g. varchar → text).
 */
export type TypeChangeVerdict = "rewrite" | "none" | "unknown-current";

export function typeChangeVerdict(
  current: string | TypeName | undefined,
  target: TypeName | undefined,
  using: Node | undefined,
  column: string,
): TypeChangeVerdict {
  if (!target) return "rewrite";
  if (using && !passesColumnThrough(using, column)) return "rewrite";
  if (current === undefined) return canBeBinaryCompatibleTarget(target) ? "unknown-current" : "rewrite";
  return isBinaryCompatibleChange(current, target) ? "none" : "rewrite";
}

/** ALTER COLUMN TYPE: no rewrite only for a binary-compatible change with no USING transformation. */
function alterTypeFlags(table: string, columnName: string, column: NodeOf<"ColumnDef"> | undefined, env: Env): Flags {
  const target = column?.typeName;
  const current = env.known.columnTypes?.get(`${table}.${columnName}`);
  const verdict = typeChangeVerdict(current, target, column?.raw_default, columnName);
  if (verdict === "none") return {};
  if (verdict === "unknown-current" && target)
    return {
      rewrite: true,
      scan: true,
      note: `the current type of ${columnName} is not known: no rewrite only if it is binary-compatible with ${typeLabel(target)}`,
    };
  return { rewrite: true, scan: true };
}

/** `USING col` or `USING col::type`: the value itself, so the change can still skip the rewrite. */
function passesColumnThrough(expr: Node, column: string): boolean {
  const cast = as(expr, "TypeCast");
  const inner = cast ? cast.arg : expr;
  const ref = as(inner, "ColumnRef");
  return ref !== undefined && str(ref.fields?.at(-1)) === column;
}

// ---------------------------------------------------------------------------
// Binary-compatible type changes

interface ColumnType {
  base: string;
  mods: number[];
  arrayDims: number;
}

const TYPE_ALIASES: Record<string, string> = {
  "character varying": "varchar",
  character: "bpchar",
  char: "bpchar",
  int: "int4",
  integer: "int4",
  smallint: "int2",
  bigint: "int8",
  serial: "int4",
  serial4: "int4",
  bigserial: "int8",
  serial8: "int8",
  smallserial: "int2",
  serial2: "int2",
  decimal: "numeric",
  "double precision": "float8",
  real: "float4",
  boolean: "bool",
  "bit varying": "varbit",
  "timestamp without time zone": "timestamp",
  "timestamp with time zone": "timestamptz",
  "time without time zone": "time",
  "time with time zone": "timetz",
};

/** `varchar(255)`, `character varying(255)`, `timestamp(3) with time zone`, `text[]` → a comparable shape. */
function parseTypeString(text: string): ColumnType | undefined {
  const match =
    /^\s*(?:pg_catalog\.)?([a-z_][a-z0-9_ ."]*?)\s*(?:\(\s*([0-9,\s]*)\s*\))?\s*(with(?:out)? time zone)?\s*((?:\[\d*\]\s*)*)$/i.exec(
      text,
    );
  if (!match) return undefined;
  let base = (match[1] ?? "").toLowerCase().replace(/"/g, "");
  if (match[3]) base = `${base} ${match[3].toLowerCase()}`;
  base = TYPE_ALIASES[base] ?? base;
  const mods = (match[2] ?? "")
    .split(",")
    .map((m) => m.trim())
    .filter((m) => m !== "")
    .map(Number);
  const arrayDims = (match[4] ?? "").split("[").length - 1;
  return { base, mods, arrayDims };
}

function fromTypeName(typeName: TypeName): ColumnType {
  const base = typeBase(typeName);
  return { base: TYPE_ALIASES[base] ?? base, mods: typeMods(typeName), arrayDims: typeName.arrayBounds?.length ?? 0 };
}

function toColumnType(type: string | TypeName): ColumnType | undefined {
  return typeof type === "string" ? parseTypeString(type) : fromTypeName(type);
}

/** `varchar(100)`, `int8`, `text[]`: PostgreSQL's internal names, for messages. */
export function typeLabel(typeName: TypeName): string {
  const t = fromTypeName(typeName);
  return `${t.base}${t.mods.length ? `(${t.mods.join(",")})` : ""}${"[]".repeat(t.arrayDims)}`;
}

const STRING_TYPES = new Set(["varchar", "text", "citext"]);
/** Types whose precision modifier can grow without a rewrite (their planner support functions drop the coercion). */
const PRECISION_TYPES = new Set(["timestamp", "timestamptz", "time", "timetz", "interval"]);
/** Different types stored identically (pg_cast method `b`) with no check needed. */
const BINARY_CASTS = new Set(["cidr>inet", "xml>text", "int4>oid", "oid>int4"]);

/**
 * Whether ALTER COLUMN … TYPE from `from` to `to` keeps every stored value
 * as is, so PostgreSQL neither rewrites nor scans the table:
 * varchar(n)→varchar(m≥n) or unbounded, varchar→text, text→varchar,
 * (var)char-like→citext, numeric(p,s)→numeric(p2≥p,s) or unbounded,
 * varbit(n)→varbit(m≥n), timestamp/time/interval precision increase,
 * cidr→inet, xml→text, and the same type. Arrays only when unchanged.
 * timestamp↔timestamptz is not counted: it skips the rewrite only when the
 * session TimeZone is UTC, which a migration cannot know.
 */
export function isBinaryCompatibleChange(from: string | TypeName, to: string | TypeName): boolean {
  const a = toColumnType(from);
  const b = toColumnType(to);
  if (!a || !b || a.arrayDims !== b.arrayDims) return false;
  if (a.base === b.base && sameMods(a.mods, b.mods)) return true;
  if (a.arrayDims > 0) return false;
  if (STRING_TYPES.has(a.base) && STRING_TYPES.has(b.base)) {
    if (b.base !== "varchar") return true;
    if (b.mods.length === 0) return true;
    return a.base === "varchar" && a.mods.length > 0 && (b.mods[0] ?? 0) >= (a.mods[0] ?? 0);
  }
  if (a.base !== b.base) return BINARY_CASTS.has(`${a.base}>${b.base}`) && b.mods.length === 0;
  if (b.mods.length === 0) return a.base === "numeric" || a.base === "varbit" || PRECISION_TYPES.has(a.base);
  if (a.base === "numeric") {
    if (a.mods.length === 0) return false;
    const [p1 = 0, s1 = 0] = a.mods;
    const [p2 = 0, s2 = 0] = b.mods;
    return s1 === s2 && p2 >= p1;
  }
  if (a.base === "varbit") return a.mods.length > 0 && (b.mods[0] ?? 0) >= (a.mods[0] ?? 0);
  if (PRECISION_TYPES.has(a.base) && a.base !== "interval") {
    const p1 = a.mods[0] ?? 6;
    return (b.mods[0] ?? 6) >= p1;
  }
  return false;
}

function sameMods(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((m, i) => m === b[i]);
}

/**
 * Whether a migration plausibly reaches `target` from another type without a
 * rewrite (widening a string, numeric, bit string or time precision, cidr →
 * inet); a change to any other type rewrites. (int4 ↔ oid is binary too, but
 * a change to integer almost always comes from another integer width.)
 */
function canBeBinaryCompatibleTarget(target: TypeName): boolean {
  const t = fromTypeName(target);
  if (t.arrayDims > 0) return false;
  return (
    STRING_TYPES.has(t.base) ||
    PRECISION_TYPES.has(t.base) ||
    t.base === "numeric" ||
    t.base === "varbit" ||
    t.base === "inet"
  );
}

// ---------------------------------------------------------------------------
// AST readers

function relations(nodes: Node[] | undefined): string[] {
  return (nodes ?? []).map((n) => tableKey(as(n, "RangeVar"))).filter((k) => k !== "");
}

function objectNames(object: Node | undefined): string[] {
  const list = as(object, "List");
  if (list) return nameList(list.items);
  const single = str(object);
  return single ? [single] : [];
}

function keyOfNames(names: string[]): string {
  const name = names.at(-1) ?? "";
  return name ? qualifiedKey(names.length > 1 ? names.at(-2) : undefined, name) : "";
}

function elementConstraints(element: Node): Constraint[] {
  const column = as(element, "ColumnDef");
  const nodes = column ? (column.constraints ?? []) : [element];
  return nodes.map((c) => as(c, "Constraint")).filter((c): c is Constraint => c !== undefined);
}

function isDisabled(options: Node[] | undefined, name: string): boolean {
  const option = (options ?? []).map((o) => as(o, "DefElem")).find((d) => d?.defname === name);
  const value = constValue(option?.arg);
  return value === false || value === 0 || value === "false" || value === "off";
}

function schemaOrDatabase(kind: string | undefined): string {
  if (kind === "REINDEX_OBJECT_SCHEMA") return "schema";
  if (kind === "REINDEX_OBJECT_SYSTEM") return "system catalogs";
  return "database";
}

/**
 * Tables a query reads (FROM, JOIN, subqueries, USING), minus the names of
 * its CTEs and the statement's own targets.
 */
function readTables(query: unknown, exclude: string[]): string[] {
  const ctes = new Set<string>();
  const found: RangeVar[] = [];
  walk(query, (tag, value) => {
    if (tag === "CommonTableExpr") ctes.add(String((value as { ctename?: string }).ctename ?? ""));
    if (tag === "RangeVar") found.push(value as RangeVar);
  });
  const tables = new Set<string>();
  for (const relation of found) {
    const key = tableKey(relation);
    if (!relation.schemaname && ctes.has(relation.relname ?? "")) continue;
    if (key && !exclude.includes(key)) tables.add(key);
  }
  return [...tables];
}
