/**
 * A PostgreSQL schema as plain data, read from the catalog. Two snapshots of
 * the same schema are deep-equal whatever database they came from, except for
 * the `oid` fields: those are engine-local identities used to follow renames
 * inside one database, never compared by `diffSnapshots`.
 */

/** Runs one SQL query and returns its rows (PGlite, a `pg` client, the engine's worker). */
export type CatalogQuery = (sql: string) => Promise<Record<string, unknown>[]>;

export type RelationKind = "table" | "partitioned" | "view" | "matview" | "foreign";

export interface ColumnSnapshot {
  name: string;
  /** `format_type`: `character varying(255)`, `integer`, `public.mood[]`. */
  type: string;
  default: string | null;
  notNull: boolean;
  identity: "always" | "by default" | null;
  /** Expression of a generated column. */
  generated: string | null;
  generatedKind?: "stored" | "virtual";
  /** Set only when it differs from the type's default collation. */
  collation: string | null;
  comment: string | null;
  /** Column-level grants, `grantee=privs/grantor`, sorted. */
  acl: string[];
  /** pg_attribute.attnum: identity within its table, for renames. */
  oid: number;
}

export interface ConstraintSnapshot {
  name: string;
  kind: "primary key" | "unique" | "foreign key" | "check" | "exclusion" | "trigger";
  /** `pg_get_constraintdef`: `FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE`. */
  definition: string;
  /** Referenced table for foreign keys, `schema.name`. */
  references: string | null;
  /** Inherited from a partitioned parent: created with it, not on its own. */
  inherited: boolean;
  comment: string | null;
  oid: number;
}

export interface IndexSnapshot {
  name: string;
  /** `pg_get_indexdef`: `CREATE UNIQUE INDEX ix ON public.users USING btree (email)`. */
  definition: string;
  /** The constraint it backs (primary key, unique, exclusion), if any. */
  constraint: string | null;
  inherited: boolean;
  comment: string | null;
  oid: number;
}

export interface TriggerSnapshot {
  name: string;
  /** `pg_get_triggerdef`. */
  definition: string;
  /** `O` origin (enabled), `D` disabled, `R` replica, `A` always. */
  enabled: string;
  inherited: boolean;
  comment: string | null;
}

export interface PolicySnapshot {
  name: string;
  command: "ALL" | "SELECT" | "INSERT" | "UPDATE" | "DELETE";
  permissive: boolean;
  roles: string[];
  using: string | null;
  withCheck: string | null;
  comment: string | null;
}

export interface TableSnapshot {
  schema: string;
  name: string;
  kind: RelationKind;
  columns: ColumnSnapshot[];
  constraints: ConstraintSnapshot[];
  indexes: IndexSnapshot[];
  triggers: TriggerSnapshot[];
  policies: PolicySnapshot[];
  rowSecurity: boolean;
  forceRowSecurity: boolean;
  unlogged: boolean;
  /** View and matview query (`pg_get_viewdef`). */
  definition: string | null;
  /** `reloptions`, e.g. `security_barrier=true`, `fillfactor=70`. */
  options: string[];
  /** `PARTITION BY …` key of a partitioned table. */
  partitionKey: string | null;
  /** Parent and bound of a partition. */
  partitionOf: { parent: string; bound: string } | null;
  comment: string | null;
  acl: string[];
  /** Oids of the relations a view or matview reads (engine-local, for ordering; not compared). */
  uses: number[];
  oid: number;
}

export interface EnumSnapshot {
  schema: string;
  name: string;
  values: string[];
  comment: string | null;
  acl: string[];
  oid: number;
}

export interface DomainSnapshot {
  schema: string;
  name: string;
  type: string;
  notNull: boolean;
  default: string | null;
  /** `CHECK (...)` definitions with their names. */
  constraints: Array<{ name: string; definition: string }>;
  comment: string | null;
  oid: number;
}

export interface CompositeTypeSnapshot {
  schema: string;
  name: string;
  attributes: Array<{ name: string; type: string }>;
  comment: string | null;
  oid: number;
}

export interface FunctionSnapshot {
  schema: string;
  name: string;
  kind: "function" | "procedure" | "aggregate" | "window";
  /** `pg_get_function_identity_arguments`: what tells overloads apart. */
  arguments: string;
  /** `pg_get_function_result`. */
  returns: string | null;
  /** `pg_get_functiondef` (null for aggregates). */
  definition: string | null;
  comment: string | null;
  acl: string[];
  oid: number;
}

export interface SequenceSnapshot {
  schema: string;
  name: string;
  type: string;
  start: string;
  increment: string;
  min: string;
  max: string;
  cache: string;
  cycle: boolean;
  /** `table.column` owning it (serial columns), `schema.table.column` outside public. */
  ownedBy: string | null;
  comment: string | null;
  acl: string[];
  oid: number;
}

export interface ExtensionSnapshot {
  name: string;
  schema: string;
  version: string;
}

export interface SchemaNamespaceSnapshot {
  name: string;
  comment: string | null;
  acl: string[];
}

export interface SchemaSnapshot {
  schemas: SchemaNamespaceSnapshot[];
  extensions: ExtensionSnapshot[];
  enums: EnumSnapshot[];
  domains: DomainSnapshot[];
  types: CompositeTypeSnapshot[];
  sequences: SequenceSnapshot[];
  functions: FunctionSnapshot[];
  tables: TableSnapshot[];
}

export type ObjectType =
  | "schema"
  | "extension"
  | "enum"
  | "domain"
  | "type"
  | "sequence"
  | "function"
  | "table"
  | "view"
  | "matview"
  | "column"
  | "constraint"
  | "index"
  | "trigger"
  | "policy"
  | "row security"
  | "comment"
  | "grant";

/** One difference between two snapshots, phrased like a review line. */
export interface SchemaDifference {
  change: "added" | "removed" | "changed";
  objectType: ObjectType;
  /** Qualified name: `users`, `users.email`, `users.ix_users_email`, `audit.log`. */
  object: string;
  before: string | null;
  after: string | null;
  /** `users.email: character varying(255) → text`, `+ index ix on users (email)`. */
  describe: string;
}
