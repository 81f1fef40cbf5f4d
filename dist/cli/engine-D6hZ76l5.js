import { b as bookkeepingTables, a as adapterFor, d as as, m as qualifiedKey, L as LOCK_MODES, o as statementEffects } from './cli-main-Btx-xaSS.js';
import { W as WorkerSession, r as requestedExtensions, B as BudgetExceeded, m as missingExtension } from './session-B127CMLA.js';

const BOOKKEEPING_TABLES = bookkeepingTables();
const EXCLUDED_SCHEMAS = ["pg_catalog", "information_schema", "pg_toast", "sqitch", "db_migrate"];
function sqlList(values) {
  return values.map((v) => `'${v.replaceAll("'", "''")}'`).join(", ");
}
function namespaceFilter(alias, schemas) {
  return `${alias}.nspname not in (${sqlList(schemas)}) and ${alias}.nspname not like 'pg\\_temp\\_%' and ${alias}.nspname not like 'pg\\_toast\\_temp\\_%'`;
}
function notExtensionMember(catalog, oid) {
  return `not exists (select 1 from pg_depend d where d.classid = '${catalog}'::regclass and d.objid = ${oid} and d.deptype = 'e')`;
}
function queries(schemas, tables) {
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
      where ${relFilter}`
  };
}
async function jsonRows(query, sql) {
  const rows = await query(`select coalesce(json_agg(x), '[]'::json) as rows from (${sql}) x`);
  const value = rows[0]?.rows;
  const parsed = typeof value === "string" ? JSON.parse(value) : value;
  return Array.isArray(parsed) ? parsed : [];
}
const RELKINDS$1 = {
  r: "table",
  p: "partitioned",
  v: "view",
  m: "matview",
  f: "foreign"
};
const CONSTRAINT_KINDS = {
  p: "primary key",
  u: "unique",
  f: "foreign key",
  c: "check",
  x: "exclusion",
  t: "trigger"
};
const text = (v) => v === null || v === void 0 ? null : String(v);
const strings = (v) => Array.isArray(v) ? v.map(String).sort() : [];
const byName = (a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
const byQualified = (a, b) => {
  const ka = `${a.schema}.${a.name}`;
  const kb = `${b.schema}.${b.name}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
};
async function snapshotSchema(query, options = {}) {
  const q = queries(
    [...EXCLUDED_SCHEMAS, ...options.excludeSchemas ?? []],
    [...BOOKKEEPING_TABLES, ...options.excludeTables ?? []]
  );
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
  const byTable = (rows, map) => {
    const grouped = /* @__PURE__ */ new Map();
    for (const row of rows) {
      const key = Number(row.table);
      const list = grouped.get(key) ?? [];
      list.push(map(row));
      grouped.set(key, list);
    }
    return grouped;
  };
  const columnsByTable = byTable(columns, (row) => {
    const column = {
      name: String(row.name),
      type: String(row.type),
      default: text(row.default),
      notNull: row.notNull === true,
      identity: text(row.identity) ?? null,
      generated: text(row.generated),
      collation: text(row.collation),
      comment: text(row.comment),
      acl: strings(row.acl),
      oid: Number(row.oid)
    };
    if (row.generatedKind) column.generatedKind = row.generatedKind;
    return column;
  });
  const constraintsByTable = byTable(constraints, (row) => ({
    name: String(row.name),
    kind: CONSTRAINT_KINDS[String(row.contype)] ?? "check",
    definition: String(row.definition),
    references: text(row.references),
    inherited: row.inherited === true,
    comment: text(row.comment),
    oid: Number(row.oid)
  }));
  const indexesByTable = byTable(indexes, (row) => ({
    name: String(row.name),
    definition: String(row.definition),
    constraint: text(row.constraint),
    inherited: row.inherited === true,
    comment: text(row.comment),
    oid: Number(row.oid)
  }));
  const triggersByTable = byTable(triggers, (row) => ({
    name: String(row.name),
    definition: String(row.definition),
    enabled: String(row.enabled),
    inherited: row.inherited === true,
    comment: text(row.comment)
  }));
  const policiesByTable = byTable(policies, (row) => ({
    name: String(row.name),
    command: String(row.command),
    permissive: row.permissive === true,
    roles: strings(row.roles),
    using: text(row.using),
    withCheck: text(row.withCheck),
    comment: text(row.comment)
  }));
  const tableSnapshots = tables.map((row) => {
    const oid = Number(row.oid);
    const tableColumns = (columnsByTable.get(oid) ?? []).sort((a, b) => a.oid - b.oid);
    return {
      schema: String(row.schema),
      name: String(row.name),
      kind: RELKINDS$1[String(row.relkind)] ?? "table",
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
      partitionOf: row.partitionOf ?? null,
      comment: text(row.comment),
      acl: strings(row.acl),
      uses: Array.isArray(row.uses) ? row.uses.map(Number).sort((x, y) => x - y) : [],
      oid
    };
  });
  return {
    schemas: schemas.map(
      (row) => ({
        name: String(row.name),
        comment: text(row.comment),
        acl: strings(row.acl)
      })
    ).sort(byName),
    extensions: extensions.map(
      (row) => ({
        name: String(row.name),
        schema: String(row.schema),
        version: String(row.version)
      })
    ).sort(byName),
    enums: enums.map(
      (row) => ({
        schema: String(row.schema),
        name: String(row.name),
        values: Array.isArray(row.values) ? row.values.map(String) : [],
        comment: text(row.comment),
        acl: strings(row.acl),
        oid: Number(row.oid)
      })
    ).sort(byQualified),
    domains: domains.map(
      (row) => ({
        schema: String(row.schema),
        name: String(row.name),
        type: String(row.type),
        notNull: row.notNull === true,
        default: text(row.default),
        constraints: Array.isArray(row.constraints) ? row.constraints : [],
        comment: text(row.comment),
        oid: Number(row.oid)
      })
    ).sort(byQualified),
    types: types.map(
      (row) => ({
        schema: String(row.schema),
        name: String(row.name),
        attributes: Array.isArray(row.attributes) ? row.attributes : [],
        comment: text(row.comment),
        oid: Number(row.oid)
      })
    ).sort(byQualified),
    sequences: sequences.map(
      (row) => ({
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
        oid: Number(row.oid)
      })
    ).sort(byQualified),
    functions: functions.map(
      (row) => ({
        schema: String(row.schema),
        name: String(row.name),
        kind: String(row.kind),
        arguments: String(row.arguments ?? ""),
        returns: text(row.returns),
        definition: text(row.definition),
        comment: text(row.comment),
        acl: strings(row.acl),
        oid: Number(row.oid)
      })
    ).sort((a, b) => byQualified(a, b) || (a.arguments < b.arguments ? -1 : a.arguments > b.arguments ? 1 : 0)),
    tables: tableSnapshots.sort(byQualified)
  };
}

function bookkeepingTable(convention) {
  return adapterFor(convention).bookkeeping?.create ?? null;
}
function recordApplied(migration) {
  const insert = adapterFor(migration.convention).bookkeeping?.record(migration) ?? null;
  return insert ? `SET LOCAL session_replication_role = replica; ${insert}` : null;
}

function isTransactionControl(statement) {
  if (statement.kind === "TransactionStmt") return true;
  const set = as(statement.ast, "VariableSetStmt");
  return set?.name === "TRANSACTION" || set?.name === "SESSION CHARACTERISTICS";
}
function cannotRunInTransaction(ast) {
  if (!ast) return false;
  if (as(ast, "IndexStmt")?.concurrent) return true;
  if (as(ast, "DropStmt")?.concurrent) return true;
  const reindex = as(ast, "ReindexStmt");
  if (reindex?.params?.some((p) => as(p, "DefElem")?.defname === "concurrently")) return true;
  if (as(ast, "VacuumStmt")?.is_vacuumcmd) return true;
  if (as(ast, "CreatedbStmt") || as(ast, "DropdbStmt") || as(ast, "AlterSystemStmt")) return true;
  if (as(ast, "CreateTableSpaceStmt") || as(ast, "DropTableSpaceStmt")) return true;
  const alter = as(ast, "AlterTableStmt");
  return alter?.cmds?.some((cmd) => {
    const def = as(as(cmd, "AlterTableCmd")?.def, "PartitionCmd");
    return def?.concurrent === true;
  }) ?? false;
}
const DATA_ONLY = /* @__PURE__ */ new Set([
  "InsertStmt",
  "UpdateStmt",
  "DeleteStmt",
  "SelectStmt",
  "MergeStmt",
  "CopyStmt",
  "ExplainStmt"
]);
function changesSchema(statement) {
  return !DATA_ONLY.has(statement.kind);
}
function executableSql(statement) {
  const copy = as(statement.ast, "CopyStmt");
  if (copy?.is_from && !copy.filename && statement.copyData !== void 0) {
    const rows = statement.copyData.length > 0 ? `${statement.copyData}
` : "";
    return {
      sql: statement.sql.replace(/\bfrom\s+stdin\b/i, "FROM '/dev/blob'"),
      blob: new TextEncoder().encode(rows)
    };
  }
  return { sql: statement.sql };
}
function namedRelations(ast) {
  const names = /* @__PURE__ */ new Set();
  const visit = (value) => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    if (!value || typeof value !== "object") return;
    const record = value;
    if (typeof record.relname === "string")
      names.add(qualifiedKey(record.schemaname, record.relname));
    for (const child of Object.values(record)) visit(child);
  };
  visit(ast);
  const index = as(ast, "IndexStmt");
  if (index?.idxname) names.add(qualifiedKey(index.relation?.schemaname, index.idxname));
  return names;
}

function sessionSql(options) {
  return `SET TimeZone = '${(options.timezone ?? "UTC").replace(/'/g, "''")}'`;
}
const DEFAULT_BUDGET_MS = 3e4;
async function openEngine(options = {}) {
  const log = options.log ?? (() => {
  });
  const session = await WorkerSession.start(
    options.extensions ?? [],
    {
      log,
      memoryLimitMb: options.memoryLimitMb ?? 3072,
      sessionSql: sessionSql(options),
      ...options.signal ? { signal: options.signal } : {}
    },
    options.initial
  );
  return new ReplayEngine(session, options);
}
function engineOn(backend, options = {}) {
  return new ReplayEngine(backend, options);
}
const RELKINDS = {
  r: "table",
  p: "table",
  f: "table",
  m: "matview",
  i: "index",
  I: "index",
  S: "sequence",
  v: "view"
};
const RELATIONS_SQL = `SELECT c.oid::int4 AS oid, n.nspname AS schema, c.relname AS name, c.relkind::text AS kind,
  c.relfilenode::int4 AS filenode,
  CASE WHEN c.relkind IN ('r', 'm') THEN pg_stat_get_xact_numscans(c.oid)::int4 ELSE 0 END AS scans
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname !~ '^pg_(toast|temp)'
  AND c.relkind IN ('r', 'p', 'f', 'm', 'i', 'I', 'S', 'v')`;
const SCANS_SQL = `SELECT c.oid::int4 AS oid, pg_stat_get_xact_numscans(c.oid)::int4 AS scans
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'm') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname !~ '^pg_(toast|temp)'`;
const LOCKS_SQL = `SELECT relation::int4 AS oid, mode FROM pg_locks
WHERE locktype = 'relation' AND granted AND pid = pg_backend_pid()
  AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`;
const SAVEPOINT = "db_migrate_statement";
class ReplayEngine {
  constructor(session, options) {
    this.session = session;
    this.options = options;
    this.budgetMs = options.budgetMs ?? DEFAULT_BUDGET_MS;
    this.log = options.log ?? (() => {
    });
  }
  session;
  options;
  createdRoles = [];
  /** Tools whose bookkeeping table exists in the database. */
  bookkept = /* @__PURE__ */ new Set();
  budgetMs;
  log;
  get extensions() {
    return this.session.extensions;
  }
  /** After a migration: its SET commands undone, the run's own settings back. */
  get resetSql() {
    return `RESET ALL;
${sessionSql(this.options)}`;
  }
  get kind() {
    return this.session.kind;
  }
  get serverVersion() {
    return this.session.serverVersion;
  }
  get majorVersion() {
    return this.session.majorVersion;
  }
  get starts() {
    return this.session.starts;
  }
  async replay(migrations) {
    const started = performance.now();
    await this.session.loadExtensions(requestedExtensions(migrations));
    const outcomes = [];
    for (const migration of migrations) outcomes.push((await this.apply(migration, null)).outcome);
    return {
      migrations: outcomes,
      failures: outcomes.flatMap((o) => o.failures),
      createdRoles: [...this.createdRoles],
      extensions: [...this.session.extensions],
      durationMs: performance.now() - started
    };
  }
  async trace(migration, options = {}) {
    await this.session.loadExtensions(requestedExtensions([migration]));
    let observer = null;
    if (options.observe !== false) {
      const relations = await this.relations();
      observer = {
        baseline: options.baseline?.relations ?? new Set(relations.keys()),
        relations,
        held: /* @__PURE__ */ new Set(),
        traces: [],
        transactionOf: [],
        transactionNumber: 0,
        scansBefore: /* @__PURE__ */ new Map()
      };
    }
    let snapshots = null;
    if (options.snapshots) {
      const start = await this.snapshot();
      snapshots = { start, current: start, applied: [] };
    }
    const { outcome } = await this.apply(migration, observer, snapshots);
    if (observer) countHeldFor(observer);
    const trace = {
      migration,
      statements: observer?.traces ?? [],
      ok: outcome.ok,
      durationMs: outcome.durationMs
    };
    if (snapshots) {
      const stopped = outcome.failures.find((f) => f.cause === "budget");
      const failure = snapshots.failure ?? (stopped ? { error: stopped.message, statement: migration.statements[stopped.statement] } : null);
      trace.applied = failure ? { ok: false, start: snapshots.start, ...failure } : { ok: true, start: snapshots.start, applied: snapshots.applied };
    }
    if (outcome.stopped) trace.stopped = outcome.stopped;
    const stoppedAt = outcome.failures.find((f) => f.cause === "budget");
    if (stoppedAt && !trace.statements.some((s) => s.index === stoppedAt.statement)) {
      const statement = migration.statements[stoppedAt.statement];
      trace.statements.push({
        index: stoppedAt.statement,
        statement,
        transaction: "none",
        locks: [],
        rewrites: [],
        scans: [],
        error: { message: stoppedAt.message },
        durationMs: 0
      });
    }
    return trace;
  }
  async run(statements, options) {
    this.startBudget();
    let index = 0;
    try {
      if (options.transactional) await this.control("BEGIN");
      for (; index < statements.length; index++) {
        const item = statements[index];
        const { sql, blob } = typeof item === "string" ? { sql: item, blob: void 0 } : executableSql(item);
        const result = await this.session.exec(sql, blob);
        if (!result.ok) {
          if (this.session.inTransaction) await this.control("ROLLBACK");
          return { ok: false, index, message: errorMessage(result.error) };
        }
      }
      if (this.session.inTransaction) await this.control("COMMIT");
      return { ok: true };
    } catch (error) {
      if (!(error instanceof BudgetExceeded) || error.kind === "deadline") throw error;
      await this.recover();
      return { ok: false, index, message: budgetMessage(error) };
    } finally {
      this.session.deadline = null;
    }
  }
  async query(sql) {
    const results = await this.session.read(sql);
    return results[results.length - 1] ?? [];
  }
  async baseline() {
    return { relations: new Set((await this.relations()).keys()) };
  }
  async checkpoint() {
    const checkpoint = await this.session.checkpoint();
    this.session.rebase(checkpoint);
    return checkpoint;
  }
  async restore(checkpoint) {
    await this.session.restore(checkpoint);
    this.bookkept.clear();
  }
  async reset() {
    await this.restore(await this.session.pristine());
    this.createdRoles = [];
  }
  verifier() {
    return {
      query: (sql) => this.query(sql),
      exec: async (sql) => {
        try {
          const result = await this.session.exec(sql);
          if (!result.ok) throw new Error(errorMessage(result.error));
        } catch (error) {
          if (error instanceof BudgetExceeded && error.kind !== "deadline") {
            await this.recover();
            throw new BudgetExceeded(error.kind, error.limit);
          }
          throw error;
        }
      },
      budget: async (work) => {
        this.startBudget();
        try {
          return await work();
        } finally {
          this.session.deadline = null;
        }
      }
    };
  }
  close() {
    return this.session.close();
  }
  snapshot() {
    return snapshotSchema((sql) => this.query(sql));
  }
  /** After a statement ran: the schema it left, or the first failure (later statements get no rollback). */
  async snap(snapshots, statement, result) {
    if (!snapshots || snapshots.failure) return;
    if (!result.ok) {
      snapshots.failure = { error: result.error ? errorMessage(result.error) : "failed", statement };
      return;
    }
    const after = changesSchema(statement) && !isTransactionControl(statement) ? await this.snapshot() : snapshots.current;
    snapshots.applied.push({ statement, before: snapshots.current, after });
    snapshots.current = after;
  }
  startBudget() {
    this.session.deadline = { at: Date.now() + this.budgetMs, budgetMs: this.budgetMs };
  }
  /** Rebuilds the state after the worker was stopped, without the statement that was running. */
  async recover() {
    this.log("engine: restarting the embedded PostgreSQL after a budget stop");
    await this.session.recover();
    if (this.session.inTransaction) await this.control("ROLLBACK");
  }
  /** The migration tool's own table, created the first time one of its migrations runs. */
  async createBookkeeping(migration) {
    const table = bookkeepingTable(migration.convention);
    if (!table || this.bookkept.has(migration.convention)) return;
    await this.control(table);
    this.bookkept.add(migration.convention);
  }
  async control(sql) {
    const result = await this.session.exec(sql);
    if (!result.ok) throw new Error(`${sql} failed: ${result.error.message}`);
  }
  /** Runs a migration; on a budget stop, the state goes back to before the statement that ran too long. */
  async apply(migration, observer, snapshots = null) {
    const started = performance.now();
    const failures = [];
    const position = { statement: 0 };
    const outcome = (stopped) => {
      const result = {
        migration: migration.id,
        path: migration.path,
        ok: failures.length === 0,
        durationMs: performance.now() - started,
        failures
      };
      if (stopped) result.stopped = stopped;
      return { outcome: result };
    };
    await this.createBookkeeping(migration);
    const record = recordApplied(migration);
    this.startBudget();
    try {
      if (!observer && !snapshots && fastPathAllowed(migration)) {
        const statements = migration.statements.map((s) => `${s.sql}
;`);
        const script = `BEGIN;
${statements.join("\n")}
${record ? `${record};
` : ""}COMMIT;
${this.resetSql}`;
        const result = await this.session.exec(script);
        if (result.ok) return outcome();
        this.log(`engine: ${migration.path}: statement by statement (${result.error.message})`);
        if (this.session.inTransaction) await this.control("ROLLBACK");
      }
      await this.stepwise(migration, observer, snapshots, failures, position);
      if (record) {
        const recorded = await this.session.exec(`BEGIN; ${record}; COMMIT`);
        if (!recorded.ok) {
          this.log(`engine: could not record ${migration.id} as applied: ${recorded.error.message}`);
          if (this.session.inTransaction) await this.control("ROLLBACK");
        }
      }
      return outcome();
    } catch (error) {
      if (!(error instanceof BudgetExceeded) || error.kind === "deadline") throw error;
      await this.recover();
      const statement = migration.statements[position.statement];
      failures.push(failureOf(migration, position.statement, statement, { message: budgetMessage(error) }, "budget"));
      return outcome(error.kind);
    } finally {
      this.session.deadline = null;
    }
  }
  async stepwise(migration, observer, snapshots, failures, position) {
    let toolTransaction = false;
    if (migration.transactional) {
      await this.control("BEGIN");
      toolTransaction = true;
    }
    for (const [index, statement] of migration.statements.entries()) {
      position.statement = index;
      const wasInTransaction = this.session.inTransaction;
      if (isTransactionControl(statement)) {
        const result2 = await this.session.exec(statement.sql);
        if (!result2.ok) failures.push(failureOf(migration, index, statement, result2.error));
        if (observer) this.record(observer, index, statement, wasInTransaction ? "explicit" : "none", [], [], result2);
        await this.snap(snapshots, statement, result2);
        if (!this.session.inTransaction) {
          toolTransaction = false;
          if (observer) endTransaction(observer);
        }
        continue;
      }
      let reopen = false;
      if (statement.autocommit && this.session.inTransaction && toolTransaction) {
        await this.control("COMMIT");
        if (observer) endTransaction(observer);
        reopen = true;
      }
      const transaction = this.session.inTransaction ? toolTransaction ? "migration" : "explicit" : "none";
      const result = await this.statement(index, statement, observer, transaction);
      if (!result.ok && result.error) failures.push(failureOf(migration, index, statement, result.error));
      await this.snap(snapshots, statement, result);
      if (reopen) await this.control("BEGIN");
    }
    if (this.session.inTransaction) await this.control("COMMIT");
    if (observer) endTransaction(observer);
    await this.control(this.resetSql);
  }
  async statement(index, statement, observer, transaction) {
    const started = performance.now();
    const outsideTransaction = cannotRunInTransaction(statement.ast);
    const wrap = observer !== null && transaction === "none" && !outsideTransaction;
    if (wrap) await this.control("BEGIN");
    if (observer && this.session.inTransaction && !outsideTransaction) {
      const counted = await this.session.exec(SCANS_SQL);
      const rows = counted.ok ? counted.results[0] ?? [] : [];
      observer.scansBefore = new Map(rows.map((row) => [Number(row.oid), Number(row.scans)]));
    }
    if (observer && outsideTransaction && this.session.watch && !this.session.inTransaction)
      return this.watched(observer, index, statement, started);
    const result = await this.execute(statement, this.session.inTransaction);
    if (!observer) return result;
    if (outsideTransaction || transaction === "none" && !wrap) {
      await this.recordDocumented(observer, index, statement, result, started);
    } else {
      const { locks, rewrites, scans } = await this.observe(observer, statement);
      this.record(observer, index, statement, transaction, locks, rewrites, result, scans, started);
    }
    if (wrap) {
      await this.control(this.session.inTransaction ? "COMMIT" : "ROLLBACK");
      endTransaction(observer);
    }
    return result;
  }
  /** Runs one statement; in a transaction, inside a savepoint so a failure leaves the rest intact. */
  async execute(statement, inTransaction, retried = false) {
    const { sql, blob } = executableSql(statement);
    if (inTransaction) await this.control(`SAVEPOINT ${SAVEPOINT}`);
    const result = inTransaction ? await this.session.exec(`${sql}
;RELEASE SAVEPOINT ${SAVEPOINT}`, blob) : await this.session.exec(sql, blob);
    if (result.ok) return { ok: true };
    if (inTransaction) await this.control(`ROLLBACK TO SAVEPOINT ${SAVEPOINT}; RELEASE SAVEPOINT ${SAVEPOINT}`);
    const role = /^role "([^"]+)" does not exist$/.exec(result.error.message)?.[1];
    if (role && !retried && !this.createdRoles.includes(role)) {
      const created = await this.session.exec(`CREATE ROLE ${quoteIdent(role)} NOLOGIN`);
      if (created.ok) {
        this.createdRoles.push(role);
        this.log(`engine: created role ${role} (NOLOGIN) so the history can grant to it`);
        return this.execute(statement, inTransaction, true);
      }
    }
    return { ok: false, error: result.error };
  }
  async relations() {
    const [rows = []] = await this.session.read(RELATIONS_SQL);
    return relationMap(rows);
  }
  async observe(observer, statement) {
    const [relationRows = [], lockRows = []] = await this.session.read(`${RELATIONS_SQL};
${LOCKS_SQL}`);
    const after = relationMap(relationRows);
    const before = observer.relations;
    const named = namedRelations(statement.ast);
    const byRelation = /* @__PURE__ */ new Map();
    for (const row of lockRows) {
      const oid = Number(row.oid);
      const mode = row.mode;
      const relation = after.get(oid) ?? before.get(oid);
      if (!relation || !LOCK_MODES.includes(mode)) continue;
      const key = `${oid}:${mode}`;
      const acquired = !observer.held.has(key);
      observer.held.add(key);
      if (!acquired && !named.has(relation.name)) continue;
      const lock = {
        relation: relation.name,
        kind: relation.kind,
        mode,
        existedBefore: observer.baseline.has(oid),
        acquired,
        observed: true
      };
      const existing = byRelation.get(oid);
      if (!existing || LOCK_MODES.indexOf(mode) > LOCK_MODES.indexOf(existing.mode)) byRelation.set(oid, lock);
    }
    const rewrites = [];
    const scans = [];
    if (statement.kind !== "TruncateStmt") rewrites.push(...rewritten(before, after, observer.baseline));
    for (const [oid, now] of after) {
      const previous = observer.scansBefore.get(oid) ?? 0;
      if (now.scans > previous && observer.baseline.has(oid)) scans.push(now.name);
    }
    observer.relations = after;
    return { locks: [...byRelation.values()], rewrites, scans };
  }
  /**
   * A statement that cannot run in a transaction, on a server: run while a second session
   * watches its pg_locks and a third holds what makes it wait (a snapshot, ACCESS SHARE on
   * the tables it names), so each lock it takes shows while it waits.
   */
  async watched(observer, index, statement, started) {
    const watch = this.session.watch;
    const names = namedRelations(statement.ast);
    for (const name of droppedNames(statement)) names.add(name);
    const named = [...observer.relations.values()].filter((r) => names.has(r.name));
    const tables = named.filter((r) => r.kind === "table").map((r) => r.name);
    const indexes = named.filter((r) => r.kind === "index").map((r) => r.oid);
    if (indexes.length > 0) {
      const rows = await this.query(
        `SELECT DISTINCT indrelid::int4 AS oid FROM pg_index WHERE indexrelid IN (${indexes.join(", ")})`
      );
      for (const row of rows) {
        const table = observer.relations.get(Number(row.oid));
        if (table && !tables.includes(table.name)) tables.push(table.name);
      }
    }
    const { sql } = executableSql(statement);
    const { result, locks: seen } = await watch.call(this.session, sql, tables.map(quoteQualified));
    const step = result.ok ? { ok: true } : { ok: false, error: result.error };
    const after = await this.relations();
    const byRelation = /* @__PURE__ */ new Map();
    for (const lock of seen) {
      const relation = after.get(lock.oid) ?? observer.relations.get(lock.oid);
      const mode = lock.mode;
      if (!relation || !LOCK_MODES.includes(mode)) continue;
      const existing = byRelation.get(lock.oid);
      if (existing && LOCK_MODES.indexOf(existing.mode) >= LOCK_MODES.indexOf(mode)) continue;
      byRelation.set(lock.oid, {
        relation: relation.name,
        kind: relation.kind,
        mode,
        existedBefore: observer.baseline.has(lock.oid),
        acquired: true,
        observed: true
      });
    }
    if (byRelation.size === 0) {
      await this.recordDocumented(observer, index, statement, step, started);
      return step;
    }
    const rewrites = rewritten(observer.relations, after, observer.baseline);
    observer.relations = after;
    this.record(
      observer,
      index,
      statement,
      "none",
      [...byRelation.values()],
      rewrites,
      step,
      [],
      started,
      "observed from a second session while a blocking transaction made it wait (it cannot run inside a transaction)"
    );
    endTransaction(observer);
    return step;
  }
  /** A statement pg_locks cannot show (it runs outside any transaction): its documented lock. */
  async recordDocumented(observer, index, statement, result, started) {
    const after = await this.relations();
    const byName = new Map([...observer.relations.values(), ...after.values()].map((r) => [r.name, r]));
    const locks = statement.ast ? statementEffects(statement.ast, this.options.pgVersion ?? 18).filter((effect) => effect.table).map((effect) => {
      const relation = byName.get(effect.table);
      return {
        relation: effect.table,
        kind: relation?.kind ?? "table",
        mode: effect.lock,
        existedBefore: relation ? observer.baseline.has(relation.oid) : false,
        acquired: true,
        observed: false
      };
    }) : [];
    const rewrites = rewritten(observer.relations, after, observer.baseline);
    observer.relations = after;
    const note = cannotRunInTransaction(statement.ast) ? "not observable: it cannot run inside a transaction, so pg_locks cannot be read while it holds its locks; the documented lock is shown" : "not observable: it runs outside a transaction; the documented lock is shown";
    this.record(observer, index, statement, "none", locks, rewrites, result, [], started, note);
    endTransaction(observer);
  }
  record(observer, index, statement, transaction, locks, rewrites, result, scans = [], started = performance.now(), note) {
    const trace = {
      index,
      statement,
      transaction,
      locks,
      rewrites,
      scans,
      durationMs: performance.now() - started
    };
    if (!result.ok && result.error) {
      trace.error = { message: errorMessage(result.error) };
      if (result.error.code) trace.error.code = result.error.code;
    }
    if (note) trace.note = note;
    observer.traces.push(trace);
    observer.transactionOf.push(observer.transactionNumber);
  }
}
function fastPathAllowed(migration) {
  return migration.statements.every(
    (s) => s.ast !== null && !s.autocommit && s.copyData === void 0 && !isTransactionControl(s) && !cannotRunInTransaction(s.ast)
  );
}
function endTransaction(observer) {
  observer.held.clear();
  observer.transactionNumber++;
}
function countHeldFor(observer) {
  observer.traces.forEach((trace, position) => {
    const exclusive = (l) => l.acquired && l.existedBefore && l.mode === "AccessExclusiveLock";
    if (!trace.locks.some((l) => exclusive(l) && l.kind !== "index")) return;
    const transaction = observer.transactionOf[position];
    let count = 0;
    for (let next = position; next < observer.traces.length; next++) {
      if (observer.transactionOf[next] !== transaction) break;
      count++;
    }
    trace.heldFor = count;
  });
}
function rewritten(before, after, baseline) {
  const rewrites = [];
  const droppedByName = /* @__PURE__ */ new Map();
  for (const [oid, was] of before) if (!after.has(oid)) droppedByName.set(`${was.kind}:${was.name}`, was);
  for (const [oid, now] of after) {
    const was = before.get(oid);
    if (was) {
      if (was.filenode !== 0 && now.filenode !== was.filenode)
        rewrites.push({ relation: now.name, kind: now.kind, existedBefore: baseline.has(oid) });
      continue;
    }
    const replaced = droppedByName.get(`${now.kind}:${now.name}`);
    if (replaced && replaced.filenode !== 0)
      rewrites.push({ relation: now.name, kind: now.kind, existedBefore: baseline.has(replaced.oid) });
  }
  return rewrites;
}
function relationMap(rows) {
  const map = /* @__PURE__ */ new Map();
  for (const row of rows) {
    const schema = String(row.schema);
    const name = String(row.name);
    map.set(Number(row.oid), {
      oid: Number(row.oid),
      name: schema === "public" ? name : `${schema}.${name}`,
      kind: RELKINDS[String(row.kind)] ?? "other",
      filenode: Number(row.filenode),
      scans: Number(row.scans)
    });
  }
  return map;
}
function budgetMessage(error) {
  return error.kind === "time" ? `${error.message} (raise it with \`trace.budget-seconds\` in .db-migrate.yml or --budget-seconds)` : error.message;
}
function errorMessage(error) {
  let message = error.message;
  if (error.detail) message += ` (${error.detail})`;
  if (error.hint) message += ` Hint: ${error.hint}`;
  return message;
}
function causeOf(error) {
  if (missingExtension(error.message)) return "missing-extension";
  if (/^there is no parameter \$\d+$/.test(error.message)) return "runtime-values";
  if (/could not (open|stat) file|could not create file|absolute path not allowed/i.test(error.message))
    return "server-file";
  if (/database ".*" does not exist|tablespace ".*" does not exist|permission denied to (create|alter) (database|system)/.test(
    error.message
  ))
    return "environment";
  return "sql";
}
function failureOf(migration, index, statement, error, cause = causeOf(error)) {
  const failure = {
    migration: migration.id,
    path: statement.path,
    statement: index,
    span: statement.span,
    sql: statement.sql,
    message: errorMessage(error),
    cause
  };
  if (error.code) failure.code = error.code;
  return failure;
}
function droppedNames(statement) {
  const drop = as(statement.ast, "DropStmt");
  if (!drop) return [];
  return (drop.objects ?? []).map((object) => {
    const items = (as(object, "List")?.items ?? []).map((item) => as(item, "String")?.sval ?? "");
    return items.filter((part, i) => !(i === 0 && items.length > 1 && part === "public")).join(".");
  });
}
function quoteQualified(name) {
  return name.split(".").map(quoteIdent).join(".");
}
function quoteIdent(name) {
  return `"${name.replace(/"/g, '""')}"`;
}

var engine = /*#__PURE__*/Object.freeze({
  __proto__: null,
  DEFAULT_BUDGET_MS: DEFAULT_BUDGET_MS,
  budgetMessage: budgetMessage,
  causeOf: causeOf,
  engineOn: engineOn,
  errorMessage: errorMessage,
  openEngine: openEngine,
  sessionSql: sessionSql
});

export { causeOf as a, budgetMessage as b, changesSchema as c, sessionSql as d, engineOn as e, engine as f, openEngine as o, snapshotSchema as s };
