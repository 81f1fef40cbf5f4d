/**
 * The DDL that turns one schema snapshot into another, both read from the
 * same database (so engine-local oids follow renames). Used to reverse one
 * statement: `transition(afterStatement, beforeStatement)`. Ordering follows
 * dependencies: dependents are dropped first and created last.
 */
import { aclChanges, type Grant } from "../engine/catalog/acl.js";
import type {
  ColumnSnapshot,
  ConstraintSnapshot,
  EnumSnapshot,
  FunctionSnapshot,
  IndexSnapshot,
  SchemaSnapshot,
  SequenceSnapshot,
  TableSnapshot,
} from "../engine/catalog/types.js";
import { ident, literal, literalOrNull, qualified } from "./sql-text.js";
import type { RollbackChange, TableRef } from "./types.js";

export interface TransitionHints {
  /** Build and drop indexes CONCURRENTLY (the statement being reversed did). */
  concurrently?: boolean;
}

type Named = { schema: string; name: string; oid: number };

/** Pairs objects of two snapshots: by oid first (renames), then by qualified name. */
function pair<T extends Named>(
  from: T[],
  to: T[],
): { both: Array<[T, T]>; onlyFrom: T[]; onlyTo: T[]; sameObject: Set<T> } {
  const toByOid = new Map(to.map((t) => [t.oid, t]));
  const both: Array<[T, T]> = [];
  const sameObject = new Set<T>();
  const used = new Set<T>();
  const rest: T[] = [];
  for (const f of from) {
    const match = toByOid.get(f.oid);
    if (match && !used.has(match)) {
      both.push([f, match]);
      used.add(match);
      sameObject.add(f);
    } else rest.push(f);
  }
  const toByName = new Map(to.filter((t) => !used.has(t)).map((t) => [`${t.schema}.${t.name}`, t]));
  const onlyFrom: T[] = [];
  for (const f of rest) {
    const match = toByName.get(`${f.schema}.${f.name}`);
    if (match) {
      both.push([f, match]);
      used.add(match);
    } else onlyFrom.push(f);
  }
  return { both, onlyFrom, onlyTo: to.filter((t) => !used.has(t)), sameObject };
}

interface Pairs<T> {
  both: Array<[T, T]>;
  onlyFrom: T[];
  onlyTo: T[];
  /** Entries of `from` matched by oid: the same object, perhaps renamed (never rebuilt). */
  sameObject: Set<T>;
}

/** `pair` for objects named within their table (columns, constraints, indexes, triggers, policies). */
function pairByName<T extends { name: string; oid?: number }>(from: T[], to: T[]): Pairs<T> {
  const wrap = (list: T[], missing: number) =>
    list.map((item) => ({ schema: "", name: item.name, oid: item.oid ?? missing, item }));
  const pairs = pair(wrap(from, -1), wrap(to, -2));
  return {
    both: pairs.both.map(([a, b]) => [a.item, b.item] as [T, T]),
    onlyFrom: pairs.onlyFrom.map((x) => x.item),
    onlyTo: pairs.onlyTo.map((x) => x.item),
    sameObject: new Set([...pairs.sameObject].map((x) => x.item)),
  };
}

const relationKeyword = (t: TableSnapshot) =>
  t.kind === "view"
    ? "VIEW"
    : t.kind === "matview"
      ? "MATERIALIZED VIEW"
      : t.kind === "foreign"
        ? "FOREIGN TABLE"
        : "TABLE";

const ref = (t: { schema: string; name: string }): TableRef => ({ schema: t.schema, name: t.name });

/** `CREATE INDEX ix ON public.t ...` with CONCURRENTLY inserted when asked. */
function indexSql(definition: string, concurrently: boolean): string {
  // pg_get_indexdef says `ON ONLY` for a partitioned parent; without ONLY the partitions get theirs too.
  definition = definition.replace(/^(CREATE (?:UNIQUE )?INDEX \S+) ON ONLY /, "$1 ON ");
  return concurrently ? definition.replace(/^CREATE (UNIQUE )?INDEX /, "CREATE $1INDEX CONCURRENTLY ") : definition;
}

/** Where a column's type changes base type, a cast is spelled out: `USING c::integer`. */
function needsUsing(fromType: string, toType: string): boolean {
  const base = (t: string) => t.replace(/\(.*\)/, "").trim();
  const textual = new Set(["text", "character varying", "character", "citext"]);
  if (base(fromType) === base(toType)) return false;
  return !(textual.has(base(fromType)) && textual.has(base(toType)));
}

export function columnDefinition(column: ColumnSnapshot): string {
  const parts = [ident(column.name), column.type];
  if (column.collation) parts.push(`COLLATE ${column.collation}`);
  if (column.generated !== null)
    parts.push(
      `GENERATED ALWAYS AS (${column.generated})${column.generatedKind === "virtual" ? " VIRTUAL" : " STORED"}`,
    );
  else if (column.default !== null) parts.push(`DEFAULT ${column.default}`);
  if (column.identity) parts.push(`GENERATED ${column.identity === "always" ? "ALWAYS" : "BY DEFAULT"} AS IDENTITY`);
  if (column.notNull) parts.push("NOT NULL");
  return parts.join(" ");
}

function grantSql(grant: Grant, objectSql: string, revoke: boolean): string {
  const grantee = grant.grantee === "PUBLIC" ? "PUBLIC" : ident(grant.grantee);
  if (revoke) return `REVOKE ${grant.privilege} ON ${objectSql} FROM ${grantee}`;
  return `GRANT ${grant.privilege} ON ${objectSql} TO ${grantee}${grant.withGrantOption ? " WITH GRANT OPTION" : ""}`;
}

/** Grants that move an ACL from `from` to `to`. A fresh object starts with its owner's own entries. */
function aclSql(from: string[] | null, to: string[], objectSql: string, columnList?: string): string[] {
  const baseline = from ?? to.filter((item) => isDefaultEntry(item));
  const { added, removed } = aclChanges(baseline, to);
  const withColumns = (sql: string, grant: Grant) =>
    columnList ? sql.replace(` ${grant.privilege} ON`, ` ${grant.privilege} (${columnList}) ON`) : sql;
  return [
    ...removed.map((g) => withColumns(grantSql(g, objectSql, true), g)),
    ...added.map((g) => withColumns(grantSql(g, objectSql, false), g)),
  ];
}

/** Entries every new object gets: the owner's own privileges, PUBLIC's EXECUTE/USAGE on functions and types. */
function isDefaultEntry(item: string): boolean {
  const match = /^(.*)=([A-Za-z*]*)\/(.*)$/.exec(item);
  if (!match) return false;
  if (match[1] === match[3]) return true;
  return match[1] === "" && (match[2] === "X" || match[2] === "U");
}

function functionSignature(f: FunctionSnapshot): string {
  return `${qualified(f.schema, f.name)}(${f.arguments})`;
}

function functionKeyword(f: FunctionSnapshot): string {
  return f.kind === "procedure" ? "PROCEDURE" : f.kind === "aggregate" ? "AGGREGATE" : "FUNCTION";
}

function sequenceOptions(s: SequenceSnapshot): string {
  return `AS ${s.type} INCREMENT BY ${s.increment} MINVALUE ${s.min} MAXVALUE ${s.max} START WITH ${s.start} CACHE ${s.cache}${s.cycle ? " CYCLE" : " NO CYCLE"}`;
}

function ownedBySql(s: SequenceSnapshot): string {
  return `ALTER SEQUENCE ${qualified(s.schema, s.name)} OWNED BY ${s.ownedBy ?? "NONE"}`;
}

function policySql(table: TableSnapshot, p: TableSnapshot["policies"][number]): string {
  const roles = p.roles.map((r) => (r === "public" ? "PUBLIC" : ident(r))).join(", ");
  let sql = `CREATE POLICY ${ident(p.name)} ON ${qualified(table.schema, table.name)} AS ${p.permissive ? "PERMISSIVE" : "RESTRICTIVE"} FOR ${p.command} TO ${roles}`;
  if (p.using !== null) sql += ` USING (${p.using})`;
  if (p.withCheck !== null) sql += ` WITH CHECK (${p.withCheck})`;
  return sql;
}

function triggerEnableSql(table: TableSnapshot, name: string, enabled: string): string {
  const verb = { O: "ENABLE", D: "DISABLE", R: "ENABLE REPLICA", A: "ENABLE ALWAYS" }[enabled] ?? "ENABLE";
  return `ALTER TABLE ${qualified(table.schema, table.name)} ${verb} TRIGGER ${ident(name)}`;
}

function enumCreateSql(e: EnumSnapshot): string {
  return `CREATE TYPE ${qualified(e.schema, e.name)} AS ENUM (${e.values.map(literal).join(", ")})`;
}

/** Does a column's type name the type `typeName` (plain or array)? */
function usesType(column: ColumnSnapshot, schema: string, name: string): boolean {
  const bare = column.type.replace(/\[\]$/, "");
  return bare === name || bare === `${schema}.${name}` || bare === `"${name}"` || bare === qualified(schema, name);
}

class Plan {
  readonly early: RollbackChange[] = [];
  readonly drops: RollbackChange[] = [];
  readonly renames: RollbackChange[] = [];
  readonly dropRelations: RollbackChange[] = [];
  readonly dropRoutines: RollbackChange[] = [];
  readonly types: RollbackChange[] = [];
  readonly tables: RollbackChange[] = [];
  readonly columns: RollbackChange[] = [];
  readonly routines: RollbackChange[] = [];
  readonly constraints: RollbackChange[] = [];
  readonly foreignKeys: RollbackChange[] = [];
  readonly views: RollbackChange[] = [];
  readonly attached: RollbackChange[] = [];
  readonly comments: RollbackChange[] = [];
  readonly grants: RollbackChange[] = [];
  readonly last: RollbackChange[] = [];

  ordered(): RollbackChange[] {
    return [
      ...this.early,
      ...this.drops,
      ...this.renames,
      ...this.dropRelations,
      ...this.dropRoutines,
      ...this.types,
      ...this.tables,
      ...this.columns,
      ...this.routines,
      ...this.constraints,
      ...this.foreignKeys,
      ...this.views,
      ...this.attached,
      ...this.comments,
      ...this.grants,
      ...this.last,
    ];
  }
}

/** Statements that take a database whose schema is `from` to the schema `to`. */
export function transition(from: SchemaSnapshot, to: SchemaSnapshot, hints: TransitionHints = {}): RollbackChange[] {
  const plan = new Plan();
  const concurrently = hints.concurrently === true;
  const sql = (text: string): RollbackChange => ({ sql: text });

  // Schemas and extensions first (created) / last (dropped).
  const schemas = pairByName(from.schemas, to.schemas);
  for (const s of schemas.onlyTo) {
    plan.early.push(sql(`CREATE SCHEMA ${ident(s.name)}`));
    if (s.comment !== null) plan.comments.push(sql(`COMMENT ON SCHEMA ${ident(s.name)} IS ${literal(s.comment)}`));
    for (const g of aclSql(null, s.acl, `SCHEMA ${ident(s.name)}`)) plan.grants.push(sql(g));
  }
  for (const s of schemas.onlyFrom) plan.last.push(sql(`DROP SCHEMA ${ident(s.name)}`));
  for (const [a, b] of schemas.both) {
    if (a.comment !== b.comment)
      plan.comments.push(sql(`COMMENT ON SCHEMA ${ident(b.name)} IS ${literalOrNull(b.comment)}`));
    for (const g of aclSql(a.acl, b.acl, `SCHEMA ${ident(b.name)}`)) plan.grants.push(sql(g));
  }
  const extensions = pairByName(from.extensions, to.extensions);
  for (const e of extensions.onlyTo)
    plan.early.push(sql(`CREATE EXTENSION IF NOT EXISTS ${ident(e.name)} WITH SCHEMA ${ident(e.schema)}`));
  for (const e of extensions.onlyFrom) plan.last.push(sql(`DROP EXTENSION ${ident(e.name)}`));

  const tables = pair(from.tables, to.tables);
  const fromByOid = new Map(from.tables.map((t) => [t.oid, t]));
  const toByOid = new Map(to.tables.map((t) => [t.oid, t]));

  // Views to rebuild: changed ones, and those reading a table whose columns change type or go away.
  const rebuild = new Set<number>();
  const touchedTables = new Set<number>();
  const enumPairs = pair(from.enums, to.enums);
  const recreatedEnums = enumPairs.both.filter(([a, b]) => needsEnumRecreate(a, b));
  for (const [a, b] of tables.both) {
    if (a.kind === "view" || a.kind === "matview") {
      if (a.definition !== b.definition || a.kind !== b.kind || a.options.join() !== b.options.join())
        rebuild.add(a.oid);
      continue;
    }
    const toColumns = new Map(b.columns.map((c) => [c.oid, c]));
    for (const column of a.columns) {
      const target = toColumns.get(column.oid);
      if (!target || target.type !== column.type || target.collation !== column.collation) touchedTables.add(a.oid);
      if (recreatedEnums.some(([e]) => usesType(column, e.schema, e.name))) touchedTables.add(a.oid);
    }
  }
  for (const t of tables.onlyFrom) touchedTables.add(t.oid);
  let grew = true;
  while (grew) {
    grew = false;
    for (const view of from.tables) {
      if (rebuild.has(view.oid) || (view.kind !== "view" && view.kind !== "matview")) continue;
      if (view.uses.some((oid) => rebuild.has(oid) || touchedTables.has(oid))) {
        rebuild.add(view.oid);
        grew = true;
      }
    }
  }
  const viewPairs = tables.both.filter(([a]) => rebuild.has(a.oid));
  const droppedViews = [
    ...tables.onlyFrom.filter((t) => t.kind === "view" || t.kind === "matview"),
    ...viewPairs.map(([a]) => a),
  ];
  for (const view of dependencyOrder(droppedViews, fromByOid).reverse())
    plan.drops.push(sql(`DROP ${relationKeyword(view)} ${qualified(view.schema, view.name)}`));

  // Triggers and policies that go away or change are dropped before the objects they use.
  for (const [a, b] of tables.both) {
    if (rebuild.has(a.oid)) continue;
    const triggers = pairByName(
      a.triggers.filter((t) => !t.inherited),
      b.triggers.filter((t) => !t.inherited),
    );
    for (const t of triggers.onlyFrom)
      plan.drops.push(sql(`DROP TRIGGER ${ident(t.name)} ON ${qualified(a.schema, a.name)}`));
    const policies = pairByName(a.policies, b.policies);
    for (const p of policies.onlyFrom)
      plan.drops.push(sql(`DROP POLICY ${ident(p.name)} ON ${qualified(a.schema, a.name)}`));
    for (const [pa, pb] of policies.both)
      if (JSON.stringify({ ...pa, comment: null }) !== JSON.stringify({ ...pb, comment: null })) {
        plan.drops.push(sql(`DROP POLICY ${ident(pa.name)} ON ${qualified(a.schema, a.name)}`));
        plan.attached.push(sql(policySql(b, pb)));
      }
  }

  // Foreign keys, constraints and indexes that go away or change, on tables (and the indexes of
  // materialized views) that stay; a rebuilt materialized view gets its indexes with it.
  for (const [a, b] of tables.both) {
    if (a.kind === "view" || (a.kind === "matview" && rebuild.has(a.oid))) continue;
    const constraints = pairByName(
      a.constraints.filter((c) => !c.inherited),
      b.constraints.filter((c) => !c.inherited),
    );
    const tableSql = qualified(a.schema, a.name);
    const drop = (c: ConstraintSnapshot) =>
      plan.drops.push({
        sql: `ALTER TABLE ${tableSql} DROP CONSTRAINT ${ident(c.name)}`,
        op: { op: "drop_constraint", table: ref(a), constraint: c },
      });
    const add = (c: ConstraintSnapshot) =>
      (c.kind === "foreign key" ? plan.foreignKeys : plan.constraints).push({
        sql: `ALTER TABLE ${qualified(b.schema, b.name)} ADD CONSTRAINT ${ident(c.name)} ${c.definition}`,
        op: { op: "add_constraint", table: ref(b), constraint: c },
      });
    // Dropping a column drops the indexes and constraints on it: no statement of their own.
    const keptColumns = new Set(b.columns.map((c) => c.oid));
    const droppedColumns = new Set(a.columns.filter((c) => !keptColumns.has(c.oid)).map((c) => c.name));
    const goesWithColumn = (definition: string) =>
      (listedColumns(definition) ?? []).some((name) => droppedColumns.has(name));
    for (const c of constraints.onlyFrom) if (!goesWithColumn(c.definition)) drop(c);
    for (const c of constraints.onlyTo) {
      add(c);
      if (c.comment !== null) plan.comments.push(sql(constraintComment(b, c)));
    }
    for (const [ca, cb] of constraints.both) {
      if (ca.name !== cb.name)
        plan.renames.push(sql(`ALTER TABLE ${tableSql} RENAME CONSTRAINT ${ident(ca.name)} TO ${ident(cb.name)}`));
      const same = constraints.sameObject.has(ca);
      if (ca.definition !== cb.definition && (!same || validityDiffers(ca.definition, cb.definition))) {
        drop(ca);
        add(cb);
      } else if (same && deferrability(ca.definition) !== deferrability(cb.definition))
        plan.constraints.push(
          sql(
            `ALTER TABLE ${qualified(b.schema, b.name)} ALTER CONSTRAINT ${ident(cb.name)} ${deferrability(cb.definition)}`,
          ),
        );
      if (ca.comment !== cb.comment) plan.comments.push(sql(constraintComment(b, cb)));
    }
    const constraintNames = new Set(b.constraints.map((c) => c.name));
    const indexes = pairByName(standaloneIndexes(a), standaloneIndexes(b));
    for (const i of indexes.onlyFrom.filter((x) => !goesWithColumn(x.definition)))
      plan.drops.push({
        sql: `DROP INDEX${concurrently ? " CONCURRENTLY" : ""} ${qualified(a.schema, i.name)}`,
        op: { op: "drop_index", table: ref(a), index: i.name, concurrently },
        concurrently,
      });
    const createIndex = (i: IndexSnapshot) => {
      plan.constraints.push({
        sql: indexSql(i.definition, concurrently),
        op: { op: "create_index", table: ref(b), index: i, concurrently },
        concurrently,
      });
      if (i.comment !== null)
        plan.comments.push(sql(`COMMENT ON INDEX ${qualified(b.schema, i.name)} IS ${literal(i.comment)}`));
    };
    for (const i of indexes.onlyTo) if (!constraintNames.has(i.name)) createIndex(i);
    for (const [ia, ib] of indexes.both) {
      if (ia.name !== ib.name)
        plan.renames.push(sql(`ALTER INDEX ${qualified(a.schema, ia.name)} RENAME TO ${ident(ib.name)}`));
      const rebuilt =
        !indexes.sameObject.has(ia) &&
        ia.definition.replace(` ${ia.name} `, " ") !== ib.definition.replace(` ${ib.name} `, " ");
      if (rebuilt) {
        plan.drops.push({
          sql: `DROP INDEX${concurrently ? " CONCURRENTLY" : ""} ${qualified(a.schema, ia.name)}`,
          op: { op: "drop_index", table: ref(a), index: ia.name, concurrently },
          concurrently,
        });
        createIndex(ib);
      } else if (ia.comment !== ib.comment)
        plan.comments.push(sql(`COMMENT ON INDEX ${qualified(b.schema, ib.name)} IS ${literalOrNull(ib.comment)}`));
    }
    // Index comments on constraint-backed indexes.
    for (const ib of b.indexes.filter((i) => i.constraint !== null && i.comment !== null)) {
      const ia = a.indexes.find((i) => i.name === ib.name);
      if (ia?.comment !== ib.comment)
        plan.comments.push(sql(`COMMENT ON INDEX ${qualified(b.schema, ib.name)} IS ${literal(ib.comment ?? "")}`));
    }
  }

  // Renames of relations, columns.
  for (const [a, b] of tables.both) {
    const keyword = relationKeyword(a);
    if (a.schema !== b.schema)
      plan.renames.push(sql(`ALTER ${keyword} ${qualified(a.schema, a.name)} SET SCHEMA ${ident(b.schema)}`));
    if (a.name !== b.name)
      plan.renames.push({
        sql: `ALTER ${keyword} ${qualified(b.schema, a.name)} RENAME TO ${ident(b.name)}`,
        op:
          keyword === "TABLE"
            ? { op: "rename_table", table: { schema: b.schema, name: a.name }, to: b.name }
            : undefined,
      });
    if (rebuild.has(a.oid)) continue;
    const toColumns = new Map(b.columns.map((c) => [c.oid, c]));
    for (const column of a.columns) {
      const target = toColumns.get(column.oid);
      if (target && target.name !== column.name)
        plan.renames.push({
          sql: `ALTER ${keyword} ${qualified(b.schema, b.name)} RENAME COLUMN ${ident(column.name)} TO ${ident(target.name)}`,
          op: { op: "rename_column", table: ref(b), column: column.name, to: target.name },
        });
    }
  }

  // Relations that go away: tables after their views; partitions go with their parent.
  const droppedTables = tables.onlyFrom.filter((t) => t.kind !== "view" && t.kind !== "matview");
  const droppedNames = new Set(droppedTables.map((t) => qualifiedName(t)));
  const topLevel = droppedTables.filter((t) => !(t.partitionOf && droppedNames.has(t.partitionOf.parent)));
  for (const t of topLevel)
    plan.dropRelations.push({
      sql: `DROP ${relationKeyword(t)} ${qualified(t.schema, t.name)}${topLevel.length > 1 ? " CASCADE" : ""}`,
      op: { op: "drop_table", table: ref(t) },
    });

  // Partitions attached or detached by the migration: the inverse detaches or attaches them again.
  for (const [a, b] of tables.both) {
    const was = a.partitionOf ? `${a.partitionOf.parent} ${a.partitionOf.bound}` : null;
    const will = b.partitionOf ? `${b.partitionOf.parent} ${b.partitionOf.bound}` : null;
    if (was === will) continue;
    const name = qualified(b.schema, b.name);
    if (a.partitionOf) {
      plan.drops.push(sql(`ALTER TABLE ${a.partitionOf.parent} DETACH PARTITION ${qualified(a.schema, a.name)}`));
      // ATTACH created the partition's copies of the parent's indexes; DETACH keeps them.
      const kept = new Set(b.indexes.map((i) => i.name));
      for (const index of a.indexes.filter((i) => i.inherited && !i.constraint && !kept.has(i.name)))
        plan.drops.push(sql(`DROP INDEX ${qualified(a.schema, index.name)}`));
    }
    if (b.partitionOf)
      plan.attached.push(sql(`ALTER TABLE ${b.partitionOf.parent} ATTACH PARTITION ${name} ${b.partitionOf.bound}`));
  }

  // Columns that go away or come back. Enum columns change type through text.
  const enumNames = new Set(
    [...from.enums, ...to.enums].flatMap((e) => [e.name, `${e.schema}.${e.name}`, qualified(e.schema, e.name)]),
  );
  // A partition's columns are its parent's: what the parent's statements change cascades to it.
  const parentsInBoth = new Set(
    tables.both.filter(([, b]) => b.kind === "partitioned").map(([, b]) => qualified(b.schema, b.name)),
  );
  const cascades = (a: TableSnapshot, b: TableSnapshot) =>
    a.partitionOf !== null &&
    b.partitionOf !== null &&
    a.partitionOf.parent === b.partitionOf.parent &&
    parentsInBoth.has(b.partitionOf.parent);
  for (const [a, b] of tables.both) {
    if (a.kind === "view" || a.kind === "matview" || cascades(a, b)) continue;
    alterColumns(
      plan,
      a,
      b,
      recreatedEnums.map(([e]) => e),
      enumNames,
    );
  }

  // Routines: dropped after the tables and triggers using them, created after tables.
  const functions = pair(from.functions, to.functions);
  for (const f of functions.onlyFrom) plan.dropRoutines.push(sql(`DROP ${functionKeyword(f)} ${functionSignature(f)}`));
  for (const f of functions.onlyTo) createFunction(plan, f);
  for (const [a, b] of functions.both) {
    if (a.name !== b.name)
      plan.renames.push(sql(`ALTER ${functionKeyword(a)} ${functionSignature(a)} RENAME TO ${ident(b.name)}`));
    if (a.returns !== b.returns && b.definition !== null) {
      plan.dropRoutines.push(sql(`DROP ${functionKeyword(a)} ${functionSignature({ ...a, name: b.name })}`));
      createFunction(plan, b);
    } else if (a.definition !== b.definition && b.definition !== null) plan.routines.push(sql(b.definition));
    if (a.comment !== b.comment)
      plan.comments.push(
        sql(`COMMENT ON ${functionKeyword(b)} ${functionSignature(b)} IS ${literalOrNull(b.comment)}`),
      );
    for (const g of aclSql(a.acl, b.acl, `${functionKeyword(b)} ${functionSignature(b)}`)) plan.grants.push(sql(g));
  }

  // Types: enums, domains, composites.
  for (const e of enumPairs.onlyTo) createEnum(plan, e);
  for (const e of enumPairs.onlyFrom) plan.dropRoutines.push(sql(`DROP TYPE ${qualified(e.schema, e.name)}`));
  for (const [a, b] of enumPairs.both) {
    if (a.name !== b.name || a.schema !== b.schema)
      plan.renames.push(sql(`ALTER TYPE ${qualified(a.schema, a.name)} RENAME TO ${ident(b.name)}`));
    if (needsEnumRecreate(a, b)) recreateEnum(plan, b, from, toByOid);
    else if (a.values.join("\u0000") !== b.values.join("\u0000")) {
      if (a.values.length === b.values.length)
        a.values.forEach((value, i) => {
          const target = b.values[i] ?? value;
          if (value !== target)
            plan.types.push(
              sql(`ALTER TYPE ${qualified(b.schema, b.name)} RENAME VALUE ${literal(value)} TO ${literal(target)}`),
            );
        });
      else
        b.values.forEach((value, i) => {
          if (a.values.includes(value)) return;
          const next = b.values.slice(i + 1).find((v) => a.values.includes(v));
          plan.types.push(
            sql(
              `ALTER TYPE ${qualified(b.schema, b.name)} ADD VALUE ${literal(value)}${next ? ` BEFORE ${literal(next)}` : ""}`,
            ),
          );
        });
    }
    if (a.comment !== b.comment)
      plan.comments.push(sql(`COMMENT ON TYPE ${qualified(b.schema, b.name)} IS ${literalOrNull(b.comment)}`));
    for (const g of aclSql(a.acl, b.acl, `TYPE ${qualified(b.schema, b.name)}`)) plan.grants.push(sql(g));
  }
  const domains = pair(from.domains, to.domains);
  for (const d of domains.onlyTo) {
    let text = `CREATE DOMAIN ${qualified(d.schema, d.name)} AS ${d.type}`;
    if (d.default !== null) text += ` DEFAULT ${d.default}`;
    if (d.notNull) text += " NOT NULL";
    for (const c of d.constraints) text += ` CONSTRAINT ${ident(c.name)} ${c.definition}`;
    plan.types.push(sql(text));
    if (d.comment !== null)
      plan.comments.push(sql(`COMMENT ON DOMAIN ${qualified(d.schema, d.name)} IS ${literal(d.comment)}`));
  }
  for (const d of domains.onlyFrom) plan.dropRoutines.push(sql(`DROP DOMAIN ${qualified(d.schema, d.name)}`));
  for (const [a, b] of domains.both) {
    const name = qualified(b.schema, b.name);
    if (a.name !== b.name)
      plan.renames.push(sql(`ALTER DOMAIN ${qualified(a.schema, a.name)} RENAME TO ${ident(b.name)}`));
    if (a.default !== b.default)
      plan.types.push(
        sql(b.default === null ? `ALTER DOMAIN ${name} DROP DEFAULT` : `ALTER DOMAIN ${name} SET DEFAULT ${b.default}`),
      );
    if (a.notNull !== b.notNull) plan.types.push(sql(`ALTER DOMAIN ${name} ${b.notNull ? "SET" : "DROP"} NOT NULL`));
    const checks = pairByName(a.constraints, b.constraints);
    for (const c of checks.onlyFrom) plan.drops.push(sql(`ALTER DOMAIN ${name} DROP CONSTRAINT ${ident(c.name)}`));
    for (const c of checks.onlyTo)
      plan.constraints.push(sql(`ALTER DOMAIN ${name} ADD CONSTRAINT ${ident(c.name)} ${c.definition}`));
    for (const [ca, cb] of checks.both)
      if (ca.definition !== cb.definition) {
        plan.drops.push(sql(`ALTER DOMAIN ${name} DROP CONSTRAINT ${ident(ca.name)}`));
        plan.constraints.push(sql(`ALTER DOMAIN ${name} ADD CONSTRAINT ${ident(cb.name)} ${cb.definition}`));
      }
    if (a.comment !== b.comment) plan.comments.push(sql(`COMMENT ON DOMAIN ${name} IS ${literalOrNull(b.comment)}`));
  }
  const composites = pair(from.types, to.types);
  const compositeSql = (t: SchemaSnapshot["types"][number]) =>
    `CREATE TYPE ${qualified(t.schema, t.name)} AS (${t.attributes.map((x) => `${ident(x.name)} ${x.type}`).join(", ")})`;
  for (const t of composites.onlyTo) plan.types.push(sql(compositeSql(t)));
  for (const t of composites.onlyFrom) plan.dropRoutines.push(sql(`DROP TYPE ${qualified(t.schema, t.name)}`));
  for (const [a, b] of composites.both) {
    if (a.name !== b.name)
      plan.renames.push(sql(`ALTER TYPE ${qualified(a.schema, a.name)} RENAME TO ${ident(b.name)}`));
    if (JSON.stringify(a.attributes) !== JSON.stringify(b.attributes)) {
      plan.dropRoutines.push(sql(`DROP TYPE ${qualified(b.schema, b.name)}`));
      plan.types.push(sql(compositeSql(b)));
    }
  }

  // Sequences: created before the tables whose defaults use them, owned after.
  const sequences = pair(from.sequences, to.sequences);
  const ownerGone = (s: SequenceSnapshot) => {
    if (!s.ownedBy) return false;
    const table = s.ownedBy.slice(0, s.ownedBy.lastIndexOf("."));
    return droppedNames.has(table) || droppedColumnOwners(from, to).has(s.ownedBy);
  };
  // `table.column` of a serial owner, spelled with the names it will have after the renames above.
  const renamedOwner = (owner: string | null): string | null => {
    if (!owner) return owner;
    for (const [a, b] of tables.both)
      for (const column of a.columns) {
        const target = b.columns.find((c) => c.oid === column.oid);
        if (target && owner === `${qualifiedName(a)}.${ident(column.name)}`)
          return `${qualifiedName(b)}.${ident(target.name)}`;
      }
    return owner;
  };
  for (const s of sequences.onlyFrom)
    if (!ownerGone(s)) plan.dropRoutines.push(sql(`DROP SEQUENCE ${qualified(s.schema, s.name)}`));
  for (const s of sequences.onlyTo) {
    plan.types.push(sql(`CREATE SEQUENCE ${qualified(s.schema, s.name)} ${sequenceOptions(s)}`));
    if (s.ownedBy) plan.attached.push(sql(ownedBySql(s)));
    if (s.comment !== null)
      plan.comments.push(sql(`COMMENT ON SEQUENCE ${qualified(s.schema, s.name)} IS ${literal(s.comment)}`));
    for (const g of aclSql(null, s.acl, `SEQUENCE ${qualified(s.schema, s.name)}`)) plan.grants.push(sql(g));
  }
  for (const [a, b] of sequences.both) {
    const name = qualified(b.schema, b.name);
    if (a.name !== b.name)
      plan.renames.push(sql(`ALTER SEQUENCE ${qualified(a.schema, a.name)} RENAME TO ${ident(b.name)}`));
    if (sequenceOptions(a) !== sequenceOptions(b))
      plan.types.push(
        sql(`ALTER SEQUENCE ${name} ${sequenceOptions(b).replace(/START WITH \S+/, `START WITH ${b.start}`)}`),
      );
    if (renamedOwner(a.ownedBy) !== b.ownedBy) plan.attached.push(sql(ownedBySql(b)));
    if (a.comment !== b.comment) plan.comments.push(sql(`COMMENT ON SEQUENCE ${name} IS ${literalOrNull(b.comment)}`));
    for (const g of aclSql(a.acl, b.acl, `SEQUENCE ${name}`)) plan.grants.push(sql(g));
  }

  // Relations that come back (or are new in `to`), and views rebuilt.
  const created = tables.onlyTo.filter((t) => t.kind !== "view" && t.kind !== "matview");
  for (const t of parentsFirst(created)) createTable(plan, t, concurrently);
  const recreatedViews = [
    ...tables.onlyTo.filter((t) => t.kind === "view" || t.kind === "matview"),
    ...viewPairs.map(([, b]) => b),
  ];
  for (const view of dependencyOrder(recreatedViews, toByOid)) createView(plan, view);

  // What hangs off relations that stay: triggers, policies, RLS, comments, grants.
  for (const [a, b] of tables.both) {
    if (rebuild.has(a.oid)) continue;
    const tableSql = qualified(b.schema, b.name);
    const triggers = pairByName(
      a.triggers.filter((t) => !t.inherited),
      b.triggers.filter((t) => !t.inherited),
    );
    for (const t of triggers.onlyTo) createTrigger(plan, b, t);
    for (const [ta, tb] of triggers.both) {
      if (ta.definition !== tb.definition) {
        plan.drops.push(sql(`DROP TRIGGER ${ident(ta.name)} ON ${qualified(a.schema, a.name)}`));
        createTrigger(plan, b, tb);
      } else {
        if (ta.enabled !== tb.enabled) plan.attached.push(sql(triggerEnableSql(b, tb.name, tb.enabled)));
        if (ta.comment !== tb.comment)
          plan.comments.push(
            sql(`COMMENT ON TRIGGER ${ident(tb.name)} ON ${tableSql} IS ${literalOrNull(tb.comment)}`),
          );
      }
    }
    const policies = pairByName(a.policies, b.policies);
    for (const p of policies.onlyTo) {
      plan.attached.push(sql(policySql(b, p)));
      if (p.comment !== null)
        plan.comments.push(sql(`COMMENT ON POLICY ${ident(p.name)} ON ${tableSql} IS ${literal(p.comment)}`));
    }
    for (const [pa, pb] of policies.both)
      if (pa.comment !== pb.comment)
        plan.comments.push(sql(`COMMENT ON POLICY ${ident(pb.name)} ON ${tableSql} IS ${literalOrNull(pb.comment)}`));
    if (a.rowSecurity !== b.rowSecurity)
      plan.attached.push(sql(`ALTER TABLE ${tableSql} ${b.rowSecurity ? "ENABLE" : "DISABLE"} ROW LEVEL SECURITY`));
    if (a.forceRowSecurity !== b.forceRowSecurity)
      plan.attached.push(
        sql(`ALTER TABLE ${tableSql} ${b.forceRowSecurity ? "FORCE" : "NO FORCE"} ROW LEVEL SECURITY`),
      );
    if (a.kind !== "view" && a.kind !== "matview") {
      if (a.unlogged !== b.unlogged)
        plan.attached.push(sql(`ALTER TABLE ${tableSql} SET ${b.unlogged ? "UNLOGGED" : "LOGGED"}`));
      if (a.options.join() !== b.options.join()) {
        const removed = a.options
          .map((o) => o.split("=")[0] ?? o)
          .filter((k) => !b.options.some((o) => o.startsWith(`${k}=`)));
        if (removed.length) plan.attached.push(sql(`ALTER TABLE ${tableSql} RESET (${removed.join(", ")})`));
        if (b.options.length) plan.attached.push(sql(`ALTER TABLE ${tableSql} SET (${b.options.join(", ")})`));
      }
    }
    if (a.comment !== b.comment)
      plan.comments.push(sql(`COMMENT ON ${relationKeyword(b)} ${tableSql} IS ${literalOrNull(b.comment)}`));
    for (const g of aclSql(a.acl, b.acl, `${relationKeyword(b) === "TABLE" ? "TABLE " : ""}${tableSql}`))
      plan.grants.push(sql(g));
  }

  return plan.ordered();
}

function qualifiedName(t: { schema: string; name: string }): string {
  return t.schema === "public" ? ident(t.name) : `${ident(t.schema)}.${ident(t.name)}`;
}

/** The plain column names of a key, foreign key or index definition; undefined for expressions. */
function listedColumns(definition: string): string[] | undefined {
  const match =
    /^(?:PRIMARY KEY|UNIQUE|FOREIGN KEY) \(([^()]+)\)/.exec(definition) ?? / USING \w+ \(([^()]+)\)/.exec(definition);
  if (!match) return undefined;
  const names = (match[1] ?? "").split(",").map((n) => n.trim().replace(/^"(.*)"$/, "$1"));
  return names.every((n) => /^[^\s()]+$/.test(n)) ? names : undefined;
}

/** How a constraint's check is deferred, as ALTER CONSTRAINT spells it. */
function deferrability(definition: string): string {
  if (/ DEFERRABLE INITIALLY DEFERRED( NOT VALID)?$/.test(definition)) return "DEFERRABLE INITIALLY DEFERRED";
  if (/ DEFERRABLE( NOT VALID)?$/.test(definition)) return "DEFERRABLE INITIALLY IMMEDIATE";
  return "NOT DEFERRABLE";
}

/** A constraint validated (or not) since: the only change its oid survives besides renames. */
function validityDiffers(a: string, b: string): boolean {
  return a.endsWith(" NOT VALID") !== b.endsWith(" NOT VALID");
}

function constraintComment(table: TableSnapshot, c: ConstraintSnapshot): string {
  return `COMMENT ON CONSTRAINT ${ident(c.name)} ON ${qualified(table.schema, table.name)} IS ${literalOrNull(c.comment)}`;
}

/** Indexes created on their own (not by a constraint, not inherited from a partitioned parent). */
function standaloneIndexes(t: TableSnapshot): IndexSnapshot[] {
  return t.indexes.filter((i) => i.constraint === null && !i.inherited);
}

/** `table.column` owners of serial sequences whose column goes away. */
function droppedColumnOwners(from: SchemaSnapshot, to: SchemaSnapshot): Set<string> {
  const owners = new Set<string>();
  const toTables = new Map(to.tables.map((t) => [t.oid, t]));
  for (const t of from.tables) {
    const target = toTables.get(t.oid);
    if (!target) continue;
    const kept = new Set(target.columns.map((c) => c.oid));
    for (const c of t.columns) if (!kept.has(c.oid)) owners.add(`${qualifiedName(t)}.${ident(c.name)}`);
  }
  return owners;
}

function needsEnumRecreate(a: EnumSnapshot, b: EnumSnapshot): boolean {
  if (a.values.join("\u0000") === b.values.join("\u0000")) return false;
  if (a.values.length === b.values.length) return false;
  // Values only added (in `to` order) can be added back with ADD VALUE; anything else is a recreate.
  const kept = b.values.filter((v) => a.values.includes(v));
  return kept.length !== a.values.length || kept.join("\u0000") !== a.values.join("\u0000");
}

function createEnum(plan: Plan, e: EnumSnapshot): void {
  plan.types.push({ sql: enumCreateSql(e) });
  if (e.comment !== null)
    plan.comments.push({ sql: `COMMENT ON TYPE ${qualified(e.schema, e.name)} IS ${literal(e.comment)}` });
  for (const g of aclSql(null, e.acl, `TYPE ${qualified(e.schema, e.name)}`)) plan.grants.push({ sql: g });
}

/**
 * The recreate pattern: PostgreSQL cannot remove an enum value, so the type is
 * renamed aside, created again with the wanted values, every column moved over
 * through text, and the old type dropped.
 */
function recreateEnum(
  plan: Plan,
  target: EnumSnapshot,
  from: SchemaSnapshot,
  toByOid: Map<number, TableSnapshot>,
): void {
  const name = qualified(target.schema, target.name);
  const aside = `${target.name}__old`;
  // Checks and index predicates that compare with the type's constants would compare two types.
  const mentions = (definition: string) =>
    definition.includes(`::${target.name}`) || definition.includes(`::${qualified(target.schema, target.name)}`);
  const rebuilt: RollbackChange[] = [];
  for (const table of from.tables) {
    const toTable = toByOid.get(table.oid);
    if (!toTable || table.kind === "view" || table.kind === "matview") continue;
    const tableSql = qualified(toTable.schema, toTable.name);
    for (const c of table.constraints.filter((x) => !x.inherited && x.kind === "check" && mentions(x.definition))) {
      plan.types.push({ sql: `ALTER TABLE ${tableSql} DROP CONSTRAINT ${ident(c.name)}` });
      const again = toTable.constraints.find((x) => x.name === c.name);
      if (again)
        rebuilt.push({ sql: `ALTER TABLE ${tableSql} ADD CONSTRAINT ${ident(again.name)} ${again.definition}` });
    }
    for (const i of standaloneIndexes(table).filter((x) => mentions(x.definition))) {
      plan.types.push({ sql: `DROP INDEX ${qualified(table.schema, i.name)}` });
      const again = standaloneIndexes(toTable).find((x) => x.name === i.name);
      if (again) rebuilt.push({ sql: indexSql(again.definition, false) });
    }
  }
  plan.types.push({ sql: `ALTER TYPE ${name} RENAME TO ${ident(aside)}` });
  plan.types.push({ sql: enumCreateSql(target) });
  for (const table of from.tables) {
    if (table.kind === "view" || table.kind === "matview") continue;
    const toTable = toByOid.get(table.oid) ?? table;
    for (const column of table.columns) {
      if (!usesType(column, target.schema, target.name)) continue;
      const toColumn = toTable.columns.find((c) => c.oid === column.oid) ?? column;
      const tableSql = qualified(toTable.schema, toTable.name);
      const columnSql = ident(toColumn.name);
      const array = column.type.endsWith("[]");
      if (column.default !== null)
        plan.types.push({ sql: `ALTER TABLE ${tableSql} ALTER COLUMN ${columnSql} DROP DEFAULT` });
      plan.types.push({
        sql: `ALTER TABLE ${tableSql} ALTER COLUMN ${columnSql} TYPE ${name}${array ? "[]" : ""} USING ${columnSql}::text${array ? "[]" : ""}::${name}${array ? "[]" : ""}`,
      });
      if (toColumn.default !== null)
        plan.types.push({ sql: `ALTER TABLE ${tableSql} ALTER COLUMN ${columnSql} SET DEFAULT ${toColumn.default}` });
    }
  }
  plan.types.push({ sql: `DROP TYPE ${qualified(target.schema, aside)}` });
  plan.types.push(...rebuilt);
}

function createFunction(plan: Plan, f: FunctionSnapshot): void {
  if (f.definition === null) return;
  plan.routines.push({ sql: f.definition });
  if (f.comment !== null)
    plan.comments.push({ sql: `COMMENT ON ${functionKeyword(f)} ${functionSignature(f)} IS ${literal(f.comment)}` });
  for (const g of aclSql(null, f.acl, `${functionKeyword(f)} ${functionSignature(f)}`)) plan.grants.push({ sql: g });
}

function createTrigger(plan: Plan, table: TableSnapshot, t: TableSnapshot["triggers"][number]): void {
  plan.attached.push({ sql: t.definition });
  if (t.enabled !== "O") plan.attached.push({ sql: triggerEnableSql(table, t.name, t.enabled) });
  if (t.comment !== null)
    plan.comments.push({
      sql: `COMMENT ON TRIGGER ${ident(t.name)} ON ${qualified(table.schema, table.name)} IS ${literal(t.comment)}`,
    });
}

function alterColumns(
  plan: Plan,
  a: TableSnapshot,
  b: TableSnapshot,
  recreatedEnums: EnumSnapshot[],
  enumNames: Set<string>,
): void {
  const tableSql = qualified(b.schema, b.name);
  const toColumns = new Map(b.columns.map((c) => [c.oid, c]));
  const fromColumns = new Set(a.columns.map((c) => c.oid));
  for (const column of a.columns) {
    if (!toColumns.has(column.oid))
      plan.dropRelations.push({
        sql: `ALTER TABLE ${tableSql} DROP COLUMN ${ident(column.name)}`,
        op: { op: "drop_column", table: ref(b), column: column.name },
      });
  }
  for (const column of b.columns) {
    if (fromColumns.has(column.oid)) continue;
    plan.columns.push({
      sql: `ALTER TABLE ${tableSql} ADD COLUMN ${columnDefinition(column)}`,
      op: { op: "add_column", table: ref(b), column },
    });
    if (column.comment !== null)
      plan.comments.push({ sql: `COMMENT ON COLUMN ${tableSql}.${ident(column.name)} IS ${literal(column.comment)}` });
    if (column.acl.length)
      for (const g of aclSql([], column.acl, `TABLE ${tableSql}`, ident(column.name))) plan.grants.push({ sql: g });
  }
  for (const x of a.columns) {
    const y = toColumns.get(x.oid);
    if (!y) continue;
    const columnSql = `${tableSql} ALTER COLUMN ${ident(y.name)}`;
    const viaEnumRecreate = recreatedEnums.some((e) => usesType(x, e.schema, e.name));
    if (x.generated !== y.generated || x.generatedKind !== y.generatedKind) {
      plan.dropRelations.push({ sql: `ALTER TABLE ${tableSql} DROP COLUMN ${ident(y.name)}` });
      plan.columns.push({ sql: `ALTER TABLE ${tableSql} ADD COLUMN ${columnDefinition(y)}` });
      continue;
    }
    const typeChanges = (x.type !== y.type || x.collation !== y.collation) && !viaEnumRecreate;
    if (typeChanges) {
      const throughText = enumNames.has(x.type.replace(/\[\]$/, "")) || enumNames.has(y.type.replace(/\[\]$/, ""));
      const textType = y.type.endsWith("[]") ? "text[]" : "text";
      const using = throughText
        ? `${ident(y.name)}::${textType}::${y.type}`
        : needsUsing(x.type, y.type)
          ? `${ident(y.name)}::${y.type}`
          : null;
      if (x.default !== null) plan.columns.push({ sql: `ALTER TABLE ${columnSql} DROP DEFAULT` });
      plan.columns.push({
        sql: `ALTER TABLE ${columnSql} TYPE ${y.type}${y.collation ? ` COLLATE ${y.collation}` : ""}${using ? ` USING ${using}` : ""}`,
        op: {
          op: "alter_column",
          table: ref(b),
          column: y.name,
          type: { to: y.type, from: x.type, using },
          existingType: x.type,
        },
      });
      if (y.default !== null)
        plan.columns.push({
          sql: `ALTER TABLE ${columnSql} SET DEFAULT ${y.default}`,
          op: { op: "alter_column", table: ref(b), column: y.name, serverDefault: y.default, existingType: y.type },
        });
    } else if (x.default !== y.default && !viaEnumRecreate) {
      plan.columns.push({
        sql:
          y.default === null
            ? `ALTER TABLE ${columnSql} DROP DEFAULT`
            : `ALTER TABLE ${columnSql} SET DEFAULT ${y.default}`,
        op: { op: "alter_column", table: ref(b), column: y.name, serverDefault: y.default, existingType: y.type },
      });
    }
    if (x.identity !== y.identity) {
      if (y.identity === null) plan.columns.push({ sql: `ALTER TABLE ${columnSql} DROP IDENTITY` });
      else if (x.identity === null)
        plan.columns.push({
          sql: `ALTER TABLE ${columnSql} ADD GENERATED ${y.identity === "always" ? "ALWAYS" : "BY DEFAULT"} AS IDENTITY`,
        });
      else
        plan.columns.push({
          sql: `ALTER TABLE ${columnSql} SET GENERATED ${y.identity === "always" ? "ALWAYS" : "BY DEFAULT"}`,
        });
    }
    if (x.notNull !== y.notNull)
      plan.constraints.unshift({
        sql: `ALTER TABLE ${columnSql} ${y.notNull ? "SET" : "DROP"} NOT NULL`,
        op: { op: "alter_column", table: ref(b), column: y.name, nullable: !y.notNull, existingType: y.type },
      });
    if (x.comment !== y.comment)
      plan.comments.push({ sql: `COMMENT ON COLUMN ${tableSql}.${ident(y.name)} IS ${literalOrNull(y.comment)}` });
    if (x.acl.join() !== y.acl.join())
      for (const g of aclSql(x.acl, y.acl, `TABLE ${tableSql}`, ident(y.name))) plan.grants.push({ sql: g });
  }
}

/** Partitioned parents before their partitions. */
function parentsFirst(tables: TableSnapshot[]): TableSnapshot[] {
  return [...tables].sort((x, y) => Number(x.partitionOf !== null) - Number(y.partitionOf !== null));
}

function createTable(plan: Plan, t: TableSnapshot, concurrently: boolean): void {
  const name = qualified(t.schema, t.name);
  const kindOrder = ["primary key", "unique", "check", "exclusion"];
  const inline = t.constraints
    .filter(
      (c) => !c.inherited && c.kind !== "foreign key" && c.kind !== "trigger" && !c.definition.includes("NOT VALID"),
    )
    .sort((x, y) => kindOrder.indexOf(x.kind) - kindOrder.indexOf(y.kind));
  const later = t.constraints.filter((c) => !c.inherited && !inline.includes(c));
  if (t.partitionOf) {
    plan.tables.push({ sql: `CREATE TABLE ${name} PARTITION OF ${t.partitionOf.parent} ${t.partitionOf.bound}` });
    for (const c of inline)
      plan.constraints.push({ sql: `ALTER TABLE ${name} ADD CONSTRAINT ${ident(c.name)} ${c.definition}` });
  } else {
    const elements = [
      ...t.columns.map((c) => `    ${columnDefinition(c)}`),
      ...inline.map((c) => `    CONSTRAINT ${ident(c.name)} ${c.definition}`),
    ];
    const prefix = t.unlogged ? "CREATE UNLOGGED" : t.kind === "foreign" ? "CREATE FOREIGN" : "CREATE";
    let text = `${prefix} TABLE ${name} (\n${elements.join(",\n")}\n)`;
    if (t.partitionKey) text += ` PARTITION BY ${t.partitionKey}`;
    if (t.options.length) text += ` WITH (${t.options.join(", ")})`;
    plan.tables.push({
      sql: text,
      op:
        t.partitionKey || t.unlogged || t.options.length
          ? undefined
          : { op: "create_table", table: ref(t), columns: t.columns, constraints: inline },
    });
  }
  for (const c of later)
    (c.kind === "foreign key" ? plan.foreignKeys : plan.constraints).push({
      sql: `ALTER TABLE ${name} ADD CONSTRAINT ${ident(c.name)} ${c.definition}`,
      op: { op: "add_constraint", table: ref(t), constraint: c },
    });
  for (const i of standaloneIndexes(t))
    plan.constraints.push({
      sql: indexSql(i.definition, concurrently),
      op: { op: "create_index", table: ref(t), index: i, concurrently },
      concurrently,
    });
  attachAll(plan, t);
}

/** Triggers, policies, RLS, comments and grants of a relation created whole. */
function attachAll(plan: Plan, t: TableSnapshot): void {
  const name = qualified(t.schema, t.name);
  for (const trigger of t.triggers.filter((x) => !x.inherited)) createTrigger(plan, t, trigger);
  for (const p of t.policies) {
    plan.attached.push({ sql: policySql(t, p) });
    if (p.comment !== null)
      plan.comments.push({ sql: `COMMENT ON POLICY ${ident(p.name)} ON ${name} IS ${literal(p.comment)}` });
  }
  if (t.rowSecurity) plan.attached.push({ sql: `ALTER TABLE ${name} ENABLE ROW LEVEL SECURITY` });
  if (t.forceRowSecurity) plan.attached.push({ sql: `ALTER TABLE ${name} FORCE ROW LEVEL SECURITY` });
  if (t.comment !== null)
    plan.comments.push({ sql: `COMMENT ON ${relationKeyword(t)} ${name} IS ${literal(t.comment)}` });
  for (const c of t.columns) {
    if (c.comment !== null)
      plan.comments.push({ sql: `COMMENT ON COLUMN ${name}.${ident(c.name)} IS ${literal(c.comment)}` });
    if (c.acl.length) for (const g of aclSql([], c.acl, `TABLE ${name}`, ident(c.name))) plan.grants.push({ sql: g });
  }
  for (const c of t.constraints.filter((x) => x.comment !== null && !x.inherited))
    plan.comments.push({ sql: constraintComment(t, c) });
  for (const i of t.indexes.filter((x) => x.comment !== null))
    plan.comments.push({ sql: `COMMENT ON INDEX ${qualified(t.schema, i.name)} IS ${literal(i.comment ?? "")}` });
  for (const g of aclSql(null, t.acl, `${relationKeyword(t) === "TABLE" ? "TABLE " : ""}${name}`))
    plan.grants.push({ sql: g });
}

function createView(plan: Plan, view: TableSnapshot): void {
  const name = qualified(view.schema, view.name);
  const options = view.options.length ? ` WITH (${view.options.join(", ")})` : "";
  const body = (view.definition ?? "").trim().replace(/;$/, "");
  plan.views.push({ sql: `CREATE ${relationKeyword(view)} ${name}${options} AS\n${body}` });
  for (const i of standaloneIndexes(view)) plan.views.push({ sql: indexSql(i.definition, false) });
  attachAll(plan, view);
}

/** Views in an order where each comes after the views it reads. */
function dependencyOrder(views: TableSnapshot[], byOid: Map<number, TableSnapshot>): TableSnapshot[] {
  const pending = new Set(views.map((v) => v.oid));
  const ordered: TableSnapshot[] = [];
  const visit = (view: TableSnapshot, seen: Set<number>) => {
    if (!pending.has(view.oid) || seen.has(view.oid)) return;
    seen.add(view.oid);
    for (const oid of view.uses) {
      const dependency = views.find((v) => v.oid === oid) ?? (pending.has(oid) ? byOid.get(oid) : undefined);
      if (dependency) visit(dependency, seen);
    }
    pending.delete(view.oid);
    ordered.push(view);
  };
  for (const view of [...views].sort((x, y) => x.oid - y.oid)) visit(view, new Set());
  return ordered;
}
