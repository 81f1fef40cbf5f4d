/**
 * Schema snapshots around each statement without reading the whole catalog
 * each time. Every catalog row a snapshot can render is fingerprinted by its
 * row version (xmin and ctid: any insert, update or delete changes them), and
 * the fingerprints are grouped by the relation they belong to. After a
 * statement, only the relations whose rows changed are read again; anything
 * else that changed (types, functions, sequences, comments, roles, schemas,
 * extensions, a dropped or renamed relation or column, whose names other
 * objects' definitions may show) means a full read, as before.
 */
import { type SnapshotOptions, snapshotSchema, snapshotTables } from "./snapshot.js";
import type { CatalogQuery, SchemaSnapshot, TableSnapshot } from "./types.js";

/** Relation kinds snapshotted as tables (and views): their rows are fingerprinted per relation. */
const RELATION_KINDS = "('r', 'p', 'v', 'm', 'f')";

/** One row per catalog row (owner relation, or 0: the rest of the catalog), hashed per owner. */
const FINGERPRINT_SQL = `
with rel as (select c.oid from pg_class c where c.relkind in ${RELATION_KINDS}),
idx as (select x.indexrelid as oid, x.indrelid as owner from pg_index x join rel on rel.oid = x.indrelid),
rw as (select r.oid, r.ev_class as owner from pg_rewrite r join rel on rel.oid = r.ev_class),
seq as (select c.oid from pg_class c where c.relkind = 'S'),
parts(owner, part) as (
  select case when c.relkind in ${RELATION_KINDS} then c.oid else 0 end, 'c' || c.xmin::text || c.ctid::text
    from pg_class c where c.relkind in ('r', 'p', 'v', 'm', 'f', 'S', 'c')
  union all select idx.owner, 'i' || c.xmin::text || c.ctid::text from pg_class c join idx on idx.oid = c.oid
  union all select coalesce(rel.oid, 0), 'a' || a.xmin::text || a.ctid::text
    from pg_attribute a join pg_class c on c.oid = a.attrelid left join rel on rel.oid = a.attrelid
    where c.relkind in ('r', 'p', 'v', 'm', 'f', 'c')
  union all select d.adrelid, 'd' || d.xmin::text || d.ctid::text from pg_attrdef d
  union all select k.conrelid, 'k' || k.xmin::text || k.ctid::text from pg_constraint k
  union all select x.indrelid, 'x' || x.xmin::text || x.ctid::text from pg_index x
  union all select g.tgrelid, 'g' || g.xmin::text || g.ctid::text from pg_trigger g
  union all select p.polrelid, 'p' || p.xmin::text || p.ctid::text from pg_policy p
  union all select t.partrelid, 't' || t.xmin::text || t.ctid::text from pg_partitioned_table t
  union all select coalesce(idx.owner, h.inhrelid), 'h' || h.xmin::text || h.ctid::text
    from pg_inherits h left join idx on idx.oid = h.inhrelid
  union all select rw.owner, 'r' || r.xmin::text || r.ctid::text from pg_rewrite r join rw on rw.oid = r.oid
  union all select coalesce(rw.owner, 0), 'D' || d.xmin::text || d.ctid::text
    from pg_depend d left join rw on d.classid = 'pg_rewrite'::regclass and rw.oid = d.objid
    where rw.oid is not null or d.deptype = 'e' or (d.classid = 'pg_class'::regclass and d.objid in (select oid from seq))
  union all select coalesce(case when t.typrelid <> 0 then rt.oid else re.oid end, 0), 'T' || t.xmin::text || t.ctid::text
    from pg_type t left join rel rt on rt.oid = t.typrelid
    left join pg_type e on t.typrelid = 0 and e.oid = t.typelem left join rel re on re.oid = e.typrelid
  union all select 0, 'e' || xmin::text || ctid::text from pg_enum
  union all select 0, 'f' || xmin::text || ctid::text from pg_proc
  union all select 0, 'n' || xmin::text || ctid::text from pg_namespace
  union all select 0, 'E' || xmin::text || ctid::text from pg_extension
  union all select 0, 's' || xmin::text || ctid::text from pg_sequence
  union all select 0, 'm' || xmin::text || ctid::text from pg_description
  union all select 0, 'R' || xmin::text || ctid::text from pg_authid
  union all select 0, 'C' || xmin::text || ctid::text from pg_collation
  union all select 0, 'o' || xmin::text || ctid::text from pg_operator
  union all select 0, 'O' || xmin::text || ctid::text from pg_opclass
  union all select 0, 'M' || xmin::text || ctid::text from pg_am
  union all select 0, 'L' || xmin::text || ctid::text from pg_language
  union all select 0, 'S' || xmin::text || ctid::text from pg_tablespace
  union all select 0, 'z' || xmin::text || ctid::text from pg_ts_config
)
select coalesce(json_object_agg(owner::int8, hash), '{}'::json) as fingerprint
from (select owner, md5(string_agg(part, ',' order by part)) as hash from parts group by owner) h`;

type Fingerprint = Map<number, string>;

async function fingerprint(query: CatalogQuery): Promise<Fingerprint> {
  const rows = await query(FINGERPRINT_SQL);
  const value = rows[0]?.fingerprint;
  const parsed = (typeof value === "string" ? JSON.parse(value) : value) as Record<string, string> | null;
  return new Map(Object.entries(parsed ?? {}).map(([owner, hash]) => [Number(owner), hash]));
}

/** Whether `after` keeps the names `before` had (other objects' definitions show them). */
function keepsNames(before: TableSnapshot, after: TableSnapshot | undefined): boolean {
  if (!after || after.schema !== before.schema || after.name !== before.name) return false;
  const names = new Map(after.columns.map((c) => [c.oid, c.name]));
  return before.columns.every((c) => names.get(c.oid) === c.name);
}

const byQualified = (a: TableSnapshot, b: TableSnapshot) => {
  const ka = `${a.schema}.${a.name}`;
  const kb = `${b.schema}.${b.name}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
};

export interface SnapshotReads {
  full: number;
  partial: number;
}

/**
 * Reads the schema again and again on one connection (one migration's
 * statements): the first read is full, later ones re-read only what changed.
 */
export class CatalogTracker {
  readonly reads: SnapshotReads = { full: 0, partial: 0 };
  private last: { snapshot: SchemaSnapshot; fingerprint: Fingerprint } | null = null;

  constructor(
    private readonly query: CatalogQuery,
    private readonly options: SnapshotOptions = {},
  ) {}

  /** The whole schema, read in full. */
  async full(): Promise<SchemaSnapshot> {
    const print = await fingerprint(this.query);
    const snapshot = await snapshotSchema(this.query, this.options);
    this.reads.full++;
    this.last = { snapshot, fingerprint: print };
    return snapshot;
  }

  /** The schema now: the same as `full()`, reading only the relations whose catalog rows changed. */
  async read(): Promise<SchemaSnapshot> {
    const last = this.last;
    if (!last) return this.full();
    const print = await fingerprint(this.query);
    if (print.get(0) !== last.fingerprint.get(0)) return this.full();
    const changed: number[] = [];
    for (const [owner, hash] of last.fingerprint) {
      if (!print.has(owner)) return this.full();
      if (print.get(owner) !== hash) changed.push(owner);
    }
    for (const owner of print.keys()) if (!last.fingerprint.has(owner)) changed.push(owner);
    if (changed.length === 0) {
      this.reads.partial++;
      this.last = { snapshot: last.snapshot, fingerprint: print };
      return last.snapshot;
    }
    const reread = new Map((await snapshotTables(this.query, changed, this.options)).map((t) => [t.oid, t]));
    const dirty = new Set(changed);
    for (const table of last.snapshot.tables)
      if (dirty.has(table.oid) && !keepsNames(table, reread.get(table.oid))) return this.full();
    const kept = last.snapshot.tables.filter((t) => !reread.has(t.oid));
    const snapshot: SchemaSnapshot = { ...last.snapshot, tables: [...kept, ...reread.values()].sort(byQualified) };
    this.reads.partial++;
    this.last = { snapshot, fingerprint: print };
    return snapshot;
  }
}
