/**
 * Reads the user schema of any PostgreSQL connection into a SchemaSnapshot.
 * Every query returns one JSON array so the result looks the same through
 * PGlite, `pg`, or the engine's worker (each parses JSON; strings are parsed here).
 * Objects that belong to an extension, system schemas and migration tools'
 * bookkeeping tables are left out: they are not the application's schema.
 */

import { bookkeepingTables } from "../../sources/registry.js";
import type {
  CatalogQuery,
  ColumnSnapshot,
  CompositeTypeSnapshot,
  ConstraintSnapshot,
  DomainSnapshot,
  EnumSnapshot,
  ExtensionSnapshot,
  FunctionSnapshot,
  IndexSnapshot,
  PolicySnapshot,
  RelationKind,
  SchemaNamespaceSnapshot,
  SchemaSnapshot,
  SequenceSnapshot,
  TableSnapshot,
  TriggerSnapshot,
} from "./types.js";

/** Tables migration tools keep their own state in (each tool's adapter names its own): never part of the app's schema. */
export const BOOKKEEPING_TABLES = bookkeepingTables();

/** Schemas that are never the app's: PostgreSQL's own, sqitch's registry, db-migrate's. */
export const EXCLUDED_SCHEMAS = ["pg_catalog", "information_schema", "pg_toast", "sqitch", "db_migrate"];

export interface SnapshotOptions {
  /** Extra table names (unqualified) to leave out. */
  excludeTables?: string[];
  /** Extra schemas to leave out. */
  excludeSchemas?: string[];
}

function sqlList(values: string[]): string {
  return values.map((v) => `'${v.replaceAll("'", "''")}'`).join(", ");
}

/** The user-namespace filter, on a `pg_namespace` alias. */
function namespaceFilter(alias: string, schemas: string[]): string {
  return `${alias}.nspname not in (${sqlList(schemas)}) and ${alias}.nspname not like 'pg\\_temp\\_%' and ${alias}.nspname not like 'pg\\_toast\\_temp\\_%'`;
}

/** Not a member of an extension (`pg_depend` deptype `e`). */
function notExtensionMember(catalog: string, oid: string): string {
  return `not exists (select 1 from pg_depend d where d.classid = '${catalog}'::regclass and d.objid = ${oid} and d.deptype = 'e')`;
}

function queries(schemas: string[], tables: string[]) {
  const ns = namespaceFilter("n", schemas);
  const relFilter = `${ns} and c.relname not in (${sqlList(tables)}) and ${notExtensionMember("pg_class", "c.oid")}`;
  return {
    schemas: `select n.nspname as name, obj_description(n.oid, 'pg_namespace') as comment,
        coalesce(n.nspacl, acldefault('n', n.nspowner))::text[] as acl
      from pg_namespace n where ${ns} and ${notExtensionMember("pg_namespace", "n.oid")}`,
    extensions: `select e.extname as name, n.nspname as schema, e.extversion as version
      from pg_extension e join pg_namespace n on n.oid = e.extnamespace`,
    enums: `select t.oid::int8 as oid, n.nspname as schema, t.typname as name,
        (select coalesce(json_agg(e.enumlabel order by e.enumsortorder), '[]'::json) from pg_enum e where e.enumtypid = t.oid) as values,
        obj_description(t.oid, 'pg_type') as comment,
        coalesce(t.typacl, acldefault('T', t.typowner))::text[] as acl
      from pg_type t join pg_namespace n on n.oid = t.typnamespace
      where t.typtype = 'e' and ${ns} and ${notExtensionMember("pg_type", "t.oid")}`,
    domains: `select t.oid::int8 as oid, n.nspname as schema, t.typname as name,
        format_type(t.typbasetype, t.typtypmod) as type, t.typnotnull as "notNull", t.typdefault as default,
        (select coalesce(json_agg(json_build_object('name', k.conname, 'definition', pg_get_constraintdef(k.oid, true)) order by k.conname), '[]'::json)
           from pg_constraint k where k.contypid = t.oid and k.contype = 'c') as constraints,
        obj_description(t.oid, 'pg_type') as comment
      from pg_type t join pg_namespace n on n.oid = t.typnamespace
      where t.typtype = 'd' and ${ns} and ${notExtensionMember("pg_type", "t.oid")}`,
    types: `select t.oid::int8 as oid, n.nspname as schema, t.typname as name,
        (select coalesce(json_agg(json_build_object('name', a.attname, 'type', format_type(a.atttypid, a.atttypmod)) order by a.attnum), '[]'::json)
           from pg_attribute a where a.attrelid = t.typrelid and a.attnum > 0 and not a.attisdropped) as attributes,
        obj_description(t.oid, 'pg_type') as comment
      from pg_type t join pg_namespace n on n.oid = t.typnamespace join pg_class c on c.oid = t.typrelid
      where t.typtype = 'c' and c.relkind = 'c' and ${ns} and ${notExtensionMember("pg_type", "t.oid")}`,
    sequences: `select c.oid::int8 as oid, n.nspname as schema, c.relname as name, format_type(s.seqtypid, null) as type,
        s.seqstart::text as start, s.seqincrement::text as increment, s.seqmin::text as min, s.seqmax::text as max,
        s.seqcache::text as cache, s.seqcycle as cycle,
        (select case when tn.nspname = 'public' then '' else quote_ident(tn.nspname) || '.' end || quote_ident(tc.relname) || '.' || quote_ident(a.attname)
           from pg_depend d join pg_class tc on tc.oid = d.refobjid join pg_namespace tn on tn.oid = tc.relnamespace
           join pg_attribute a on a.attrelid = d.refobjid and a.attnum = d.refobjsubid
           where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.refclassid = 'pg_class'::regclass and d.deptype = 'a' limit 1) as "ownedBy",
        obj_description(c.oid, 'pg_class') as comment,
        coalesce(c.relacl, acldefault('s', c.relowner))::text[] as acl
      from pg_sequence s join pg_class c on c.oid = s.seqrelid join pg_namespace n on n.oid = c.relnamespace
      where ${relFilter}
        and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'i')`,
    functions: `select p.oid::int8 as oid, n.nspname as schema, p.proname as name,
        case p.prokind when 'p' then 'procedure' when 'a' then 'aggregate' when 'w' then 'window' else 'function' end as kind,
        pg_get_function_identity_arguments(p.oid) as arguments,
        case when p.prokind in ('f', 'w') then pg_get_function_result(p.oid) end as returns,
        case when p.prokind <> 'a' then pg_get_functiondef(p.oid) end as definition,
        obj_description(p.oid, 'pg_proc') as comment,
        coalesce(p.proacl, acldefault('f', p.proowner))::text[] as acl
      from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where ${ns} and ${notExtensionMember("pg_proc", "p.oid")}
        -- Created and dropped with their type (a range's and multirange's constructors): not objects of their own.
        and not exists (select 1 from pg_depend d where d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.deptype = 'i')`,
    tables: `select c.oid::int8 as oid, n.nspname as schema, c.relname as name, c.relkind as relkind,
        c.relrowsecurity as "rowSecurity", c.relforcerowsecurity as "forceRowSecurity", c.relpersistence = 'u' as unlogged,
        case when c.relkind in ('v', 'm') then pg_get_viewdef(c.oid, true) end as definition,
        coalesce(c.reloptions, '{}')::text[] as options,
        case when c.relkind = 'p' then pg_get_partkeydef(c.oid) end as "partitionKey",
        case when c.relispartition then (
          select json_build_object('parent', case when pn.nspname = 'public' then '' else quote_ident(pn.nspname) || '.' end || quote_ident(pc.relname),
                                   'bound', pg_get_expr(c.relpartbound, c.oid))
          from pg_inherits i join pg_class pc on pc.oid = i.inhparent join pg_namespace pn on pn.oid = pc.relnamespace
          where i.inhrelid = c.oid limit 1) end as "partitionOf",
        obj_description(c.oid, 'pg_class') as comment,
        coalesce(c.relacl, acldefault('r', c.relowner))::text[] as acl,
        (select coalesce(json_agg(distinct d.refobjid::int8), '[]'::json) from pg_rewrite r
           join pg_depend d on d.classid = 'pg_rewrite'::regclass and d.objid = r.oid and d.refclassid = 'pg_class'::regclass
           where r.ev_class = c.oid and d.refobjid <> c.oid) as uses
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('r', 'p', 'v', 'm', 'f') and ${relFilter}`,
    columns: `select c.oid::int8 as "table", a.attnum as oid, a.attname as name,
        format_type(a.atttypid, a.atttypmod) as type,
        case when a.attgenerated = '' then pg_get_expr(ad.adbin, ad.adrelid) end as default,
        a.attnotnull as "notNull",
        case a.attidentity when 'a' then 'always' when 'd' then 'by default' end as identity,
        case when a.attgenerated <> '' then pg_get_expr(ad.adbin, ad.adrelid) end as generated,
        case a.attgenerated when 's' then 'stored' when 'v' then 'virtual' end as "generatedKind",
        case when a.attcollation <> 0 and a.attcollation <> t.typcollation then (
          select case when cn.nspname = 'pg_catalog' then '' else quote_ident(cn.nspname) || '.' end || quote_ident(co.collname)
          from pg_collation co join pg_namespace cn on cn.oid = co.collnamespace where co.oid = a.attcollation) end as collation,
        col_description(c.oid, a.attnum) as comment,
        coalesce(a.attacl, '{}')::text[] as acl
      from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
      join pg_type t on t.oid = a.atttypid
      left join pg_attrdef ad on ad.adrelid = a.attrelid and ad.adnum = a.attnum
      where a.attnum > 0 and not a.attisdropped and c.relkind in ('r', 'p', 'v', 'm', 'f') and ${relFilter}`,
    constraints: `select k.oid::int8 as oid, k.conrelid::int8 as "table", k.conname as name, k.contype as contype,
        pg_get_constraintdef(k.oid, true) as definition,
        case when k.contype = 'f' then (select case when rn.nspname = 'public' then '' else rn.nspname || '.' end || rc.relname
           from pg_class rc join pg_namespace rn on rn.oid = rc.relnamespace where rc.oid = k.confrelid) end as "references",
        not k.conislocal as inherited,
        obj_description(k.oid, 'pg_constraint') as comment
      from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
      where k.contype in ('p', 'u', 'f', 'c', 'x', 't') and ${relFilter}`,
    indexes: `select i.oid::int8 as oid, x.indrelid::int8 as "table", i.relname as name, pg_get_indexdef(x.indexrelid) as definition,
        (select k.conname from pg_constraint k where k.conindid = x.indexrelid and k.conrelid = x.indrelid and k.contype in ('p', 'u', 'x') limit 1) as constraint,
        exists (select 1 from pg_inherits h where h.inhrelid = x.indexrelid) as inherited,
        obj_description(i.oid, 'pg_class') as comment
      from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class c on c.oid = x.indrelid
      join pg_namespace n on n.oid = c.relnamespace
      where ${relFilter}`,
    triggers: `select g.tgrelid::int8 as "table", g.tgname as name, pg_get_triggerdef(g.oid) as definition,
        g.tgenabled::text as enabled, coalesce((to_jsonb(g) ->> 'tgparentid')::oid, 0) <> 0 as inherited,
        obj_description(g.oid, 'pg_trigger') as comment
      from pg_trigger g join pg_class c on c.oid = g.tgrelid join pg_namespace n on n.oid = c.relnamespace
      where not g.tgisinternal and ${relFilter}`,
    policies: `select p.polrelid::int8 as "table", p.polname as name,
        case p.polcmd when 'r' then 'SELECT' when 'a' then 'INSERT' when 'w' then 'UPDATE' when 'd' then 'DELETE' else 'ALL' end as command,
        p.polpermissive as permissive,
        (select coalesce(json_agg(case when r = 0 then 'public' else pg_get_userbyid(r)::text end order by 1), '[]'::json) from unnest(p.polroles) r) as roles,
        pg_get_expr(p.polqual, p.polrelid) as using, pg_get_expr(p.polwithcheck, p.polrelid) as "withCheck",
        obj_description(p.oid, 'pg_policy') as comment
      from pg_policy p join pg_class c on c.oid = p.polrelid join pg_namespace n on n.oid = c.relnamespace
      where ${relFilter}`,
  };
}

type Row = Record<string, unknown>;

async function jsonRows(query: CatalogQuery, sql: string): Promise<Row[]> {
  const rows = await query(`select coalesce(json_agg(x), '[]'::json) as rows from (${sql}) x`);
  const value = rows[0]?.rows;
  const parsed = typeof value === "string" ? JSON.parse(value) : value;
  return Array.isArray(parsed) ? (parsed as Row[]) : [];
}

const RELKINDS: Record<string, RelationKind> = {
  r: "table",
  p: "partitioned",
  v: "view",
  m: "matview",
  f: "foreign",
};

const CONSTRAINT_KINDS: Record<string, ConstraintSnapshot["kind"]> = {
  p: "primary key",
  u: "unique",
  f: "foreign key",
  c: "check",
  x: "exclusion",
  t: "trigger",
};

const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(String).sort() : []);
const byName = <T extends { name: string }>(a: T, b: T) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
const byQualified = <T extends { schema: string; name: string }>(a: T, b: T) => {
  const ka = `${a.schema}.${a.name}`;
  const kb = `${b.schema}.${b.name}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
};

/** Reads the schema visible through `query`. Deterministic: every list is sorted by name. */
export async function snapshotSchema(query: CatalogQuery, options: SnapshotOptions = {}): Promise<SchemaSnapshot> {
  const q = queries(
    [...EXCLUDED_SCHEMAS, ...(options.excludeSchemas ?? [])],
    [...BOOKKEEPING_TABLES, ...(options.excludeTables ?? [])],
  );
  // One query at a time: a single connection (PGlite, a pg Client) runs them serially anyway.
  const schemas = await jsonRows(query, q.schemas);
  const extensions = await jsonRows(query, q.extensions);
  const enums = await jsonRows(query, q.enums);
  const domains = await jsonRows(query, q.domains);
  const types = await jsonRows(query, q.types);
  const sequences = await jsonRows(query, q.sequences);
  const functions = await jsonRows(query, q.functions);
  const tables = await jsonRows(query, q.tables);
  const columns = await jsonRows(query, q.columns);
  const constraints = await jsonRows(query, q.constraints);
  const indexes = await jsonRows(query, q.indexes);
  const triggers = await jsonRows(query, q.triggers);
  const policies = await jsonRows(query, q.policies);

  const byTable = <T>(rows: Row[], map: (row: Row) => T): Map<number, T[]> => {
    const grouped = new Map<number, T[]>();
    for (const row of rows) {
      const key = Number(row.table);
      const list = grouped.get(key) ?? [];
      list.push(map(row));
      grouped.set(key, list);
    }
    return grouped;
  };

  const columnsByTable = byTable<ColumnSnapshot>(columns, (row) => {
    const column: ColumnSnapshot = {
      name: String(row.name),
      type: String(row.type),
      default: text(row.default),
      notNull: row.notNull === true,
      identity: (text(row.identity) as ColumnSnapshot["identity"]) ?? null,
      generated: text(row.generated),
      collation: text(row.collation),
      comment: text(row.comment),
      acl: strings(row.acl),
      oid: Number(row.oid),
    };
    if (row.generatedKind) column.generatedKind = row.generatedKind as "stored" | "virtual";
    return column;
  });
  const constraintsByTable = byTable<ConstraintSnapshot>(constraints, (row) => ({
    name: String(row.name),
    kind: CONSTRAINT_KINDS[String(row.contype)] ?? "check",
    definition: String(row.definition),
    references: text(row.references),
    inherited: row.inherited === true,
    comment: text(row.comment),
    oid: Number(row.oid),
  }));
  const indexesByTable = byTable<IndexSnapshot>(indexes, (row) => ({
    name: String(row.name),
    definition: String(row.definition),
    constraint: text(row.constraint),
    inherited: row.inherited === true,
    comment: text(row.comment),
    oid: Number(row.oid),
  }));
  const triggersByTable = byTable<TriggerSnapshot>(triggers, (row) => ({
    name: String(row.name),
    definition: String(row.definition),
    enabled: String(row.enabled),
    inherited: row.inherited === true,
    comment: text(row.comment),
  }));
  const policiesByTable = byTable<PolicySnapshot>(policies, (row) => ({
    name: String(row.name),
    command: String(row.command) as PolicySnapshot["command"],
    permissive: row.permissive === true,
    roles: strings(row.roles),
    using: text(row.using),
    withCheck: text(row.withCheck),
    comment: text(row.comment),
  }));

  const tableSnapshots: TableSnapshot[] = tables.map((row) => {
    const oid = Number(row.oid);
    const tableColumns = (columnsByTable.get(oid) ?? []).sort((a, b) => a.oid - b.oid);
    return {
      schema: String(row.schema),
      name: String(row.name),
      kind: RELKINDS[String(row.relkind)] ?? "table",
      columns: tableColumns,
      constraints: (constraintsByTable.get(oid) ?? []).sort(byName),
      indexes: (indexesByTable.get(oid) ?? []).sort(byName),
      triggers: (triggersByTable.get(oid) ?? []).sort(byName),
      policies: (policiesByTable.get(oid) ?? []).sort(byName),
      rowSecurity: row.rowSecurity === true,
      forceRowSecurity: row.forceRowSecurity === true,
      unlogged: row.unlogged === true,
      definition: text(row.definition),
      options: strings(row.options),
      partitionKey: text(row.partitionKey),
      partitionOf: (row.partitionOf as TableSnapshot["partitionOf"]) ?? null,
      comment: text(row.comment),
      acl: strings(row.acl),
      uses: Array.isArray(row.uses) ? row.uses.map(Number).sort((x, y) => x - y) : [],
      oid,
    };
  });

  return {
    schemas: schemas
      .map(
        (row): SchemaNamespaceSnapshot => ({
          name: String(row.name),
          comment: text(row.comment),
          acl: strings(row.acl),
        }),
      )
      .sort(byName),
    extensions: extensions
      .map(
        (row): ExtensionSnapshot => ({
          name: String(row.name),
          schema: String(row.schema),
          version: String(row.version),
        }),
      )
      .sort(byName),
    enums: enums
      .map(
        (row): EnumSnapshot => ({
          schema: String(row.schema),
          name: String(row.name),
          values: Array.isArray(row.values) ? row.values.map(String) : [],
          comment: text(row.comment),
          acl: strings(row.acl),
          oid: Number(row.oid),
        }),
      )
      .sort(byQualified),
    domains: domains
      .map(
        (row): DomainSnapshot => ({
          schema: String(row.schema),
          name: String(row.name),
          type: String(row.type),
          notNull: row.notNull === true,
          default: text(row.default),
          constraints: Array.isArray(row.constraints) ? (row.constraints as DomainSnapshot["constraints"]) : [],
          comment: text(row.comment),
          oid: Number(row.oid),
        }),
      )
      .sort(byQualified),
    types: types
      .map(
        (row): CompositeTypeSnapshot => ({
          schema: String(row.schema),
          name: String(row.name),
          attributes: Array.isArray(row.attributes) ? (row.attributes as CompositeTypeSnapshot["attributes"]) : [],
          comment: text(row.comment),
          oid: Number(row.oid),
        }),
      )
      .sort(byQualified),
    sequences: sequences
      .map(
        (row): SequenceSnapshot => ({
          schema: String(row.schema),
          name: String(row.name),
          type: String(row.type),
          start: String(row.start),
          increment: String(row.increment),
          min: String(row.min),
          max: String(row.max),
          cache: String(row.cache),
          cycle: row.cycle === true,
          ownedBy: text(row.ownedBy),
          comment: text(row.comment),
          acl: strings(row.acl),
          oid: Number(row.oid),
        }),
      )
      .sort(byQualified),
    functions: functions
      .map(
        (row): FunctionSnapshot => ({
          schema: String(row.schema),
          name: String(row.name),
          kind: String(row.kind) as FunctionSnapshot["kind"],
          arguments: String(row.arguments ?? ""),
          returns: text(row.returns),
          definition: text(row.definition),
          comment: text(row.comment),
          acl: strings(row.acl),
          oid: Number(row.oid),
        }),
      )
      .sort((a, b) => byQualified(a, b) || (a.arguments < b.arguments ? -1 : a.arguments > b.arguments ? 1 : 0)),
    tables: tableSnapshots.sort(byQualified),
  };
}
