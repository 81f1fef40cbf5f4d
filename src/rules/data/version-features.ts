/**
 * SQL that a PostgreSQL major version introduced, read from the one grammar
 * db-migrate parses with (libpg-query 18). Each entry names the version that
 * first accepts it and carries an example that the previous major rejects and
 * this one accepts: `__tests__/rules/version-features.test.ts` runs every
 * example on real PostgreSQL 13–18, so the table cannot drift from the servers.
 */
import type { Node } from "@pgsql/types";
import { alterCommands, as, nameList, walk } from "../../sql/ast.js";

export interface VersionFeature {
  /** Stable key, shown in the finding. */
  key: string;
  /** The first major that accepts it. */
  since: number;
  /** What the statement uses, as the release notes say it. */
  what: string;
  /** What to write instead on older servers. */
  instead: string;
  /** SQL run before `example` (it exists on every supported version). */
  setup: string;
  /** Accepted by `since`, rejected by `since - 1`. */
  example: string;
  matches(ast: Node): boolean;
}

type Visit = (tag: string, value: Record<string, unknown>) => boolean;

/** True when some node below `ast` satisfies `test`. */
function anyNode(ast: Node, test: Visit): boolean {
  let found = false;
  walk(ast, (tag, value) => {
    if (!found && test(tag, value)) found = true;
  });
  return found;
}

function alterSubtypes(ast: Node, test: (cmd: Record<string, unknown>) => boolean): boolean {
  const alter = as(ast, "AlterTableStmt");
  return !!alter && alterCommands(alter).some((cmd) => !!cmd && test(cmd as unknown as Record<string, unknown>));
}

function constraint(ast: Node, test: (c: Record<string, unknown>) => boolean): boolean {
  return anyNode(ast, (tag, value) => tag === "Constraint" && test(value));
}

function optionNamed(options: unknown, names: string[]): boolean {
  if (!Array.isArray(options)) return false;
  return options.some((o) => {
    const name = as(o, "DefElem")?.defname;
    return name !== undefined && names.includes(name.toLowerCase());
  });
}

const MULTIRANGES = new Set([
  "int4multirange",
  "int8multirange",
  "nummultirange",
  "tsmultirange",
  "tstzmultirange",
  "datemultirange",
]);

const SQL_JSON_16 = new Set([
  "JsonObjectConstructor",
  "JsonArrayConstructor",
  "JsonArrayQueryConstructor",
  "JsonObjectAgg",
  "JsonArrayAgg",
  "JsonIsPredicate",
]);
const SQL_JSON_17 = new Set(["JsonTable", "JsonFuncExpr", "JsonParseExpr", "JsonScalarExpr", "JsonSerializeExpr"]);

const T = "CREATE TABLE vf_t (id int PRIMARY KEY, a int, b int, r int4range)";

export const VERSION_FEATURES: VersionFeature[] = [
  {
    key: "create-or-replace-trigger",
    since: 14,
    what: "`CREATE OR REPLACE TRIGGER`",
    instead: "`DROP TRIGGER IF EXISTS …` then `CREATE TRIGGER …` in the same transaction",
    setup: `${T}; CREATE FUNCTION vf_f() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END'`,
    example: "CREATE OR REPLACE TRIGGER vf_tr BEFORE INSERT ON vf_t FOR EACH ROW EXECUTE FUNCTION vf_f()",
    matches: (ast) => !!as(ast, "CreateTrigStmt")?.replace,
  },
  {
    key: "detach-partition-concurrently",
    since: 14,
    what: "`DETACH PARTITION … CONCURRENTLY` / `FINALIZE`",
    instead: "`DETACH PARTITION` without CONCURRENTLY (AccessExclusiveLock on the parent), in a quiet window",
    setup:
      "CREATE TABLE vf_p (id int) PARTITION BY RANGE (id); CREATE TABLE vf_p1 PARTITION OF vf_p FOR VALUES FROM (0) TO (10)",
    example: "ALTER TABLE vf_p DETACH PARTITION vf_p1 CONCURRENTLY",
    matches: (ast) =>
      alterSubtypes(
        ast,
        (cmd) =>
          cmd.subtype === "AT_DetachPartitionFinalize" ||
          (cmd.subtype === "AT_DetachPartition" && !!as(cmd.def, "PartitionCmd")?.concurrent),
      ),
  },
  {
    key: "sql-standard-function-body",
    since: 14,
    what: "a SQL-standard function body (`RETURN …` or `BEGIN ATOMIC … END`)",
    instead: "a quoted body: `AS $$ SELECT … $$`",
    setup: "",
    example: "CREATE FUNCTION vf_one() RETURNS int LANGUAGE sql RETURN 1",
    matches: (ast) => !!as(ast, "CreateFunctionStmt")?.sql_body,
  },
  {
    key: "column-compression",
    since: 14,
    what: "column `COMPRESSION`",
    instead: "leave compression to the server default (pglz)",
    setup: "CREATE TABLE vf_tc (body text)",
    example: "ALTER TABLE vf_tc ALTER COLUMN body SET COMPRESSION pglz",
    matches: (ast) =>
      alterSubtypes(ast, (cmd) => cmd.subtype === "AT_SetCompression") ||
      anyNode(ast, (tag, value) => tag === "ColumnDef" && typeof value.compression === "string"),
  },
  {
    key: "multirange-type",
    since: 14,
    what: "multirange types",
    instead: "an array of ranges",
    setup: "",
    example: "CREATE TABLE vf_m (r int4multirange)",
    matches: (ast) =>
      anyNode(ast, (tag, value) => {
        // A TypeName sits tagged in lists, untagged in ColumnDef.typeName and TypeCast.typeName.
        const type = (tag === "TypeName" ? value : value.typeName) as { names?: Node[] } | undefined;
        const name = nameList(type?.names).at(-1) ?? "";
        return MULTIRANGES.has(name.toLowerCase());
      }),
  },
  {
    key: "reindex-tablespace",
    since: 14,
    what: "`REINDEX (TABLESPACE …)`",
    instead: "`ALTER INDEX … SET TABLESPACE`",
    setup: T,
    example: "REINDEX (TABLESPACE pg_default) TABLE vf_t",
    matches: (ast) => optionNamed(as(ast, "ReindexStmt")?.params, ["tablespace"]),
  },
  {
    key: "cte-search-cycle",
    since: 14,
    what: "`SEARCH` / `CYCLE` clauses of a recursive query",
    instead: "track depth or a visited-path array in the recursive query by hand",
    setup: "",
    example:
      "CREATE VIEW vf_v AS WITH RECURSIVE x(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM x WHERE n < 3) SEARCH DEPTH FIRST BY n SET o SELECT n FROM x",
    matches: (ast) =>
      anyNode(ast, (tag, value) => tag === "CommonTableExpr" && (!!value.search_clause || !!value.cycle_clause)),
  },
  {
    key: "group-by-distinct",
    since: 14,
    what: "`GROUP BY DISTINCT`",
    instead: "list the grouping sets without duplicates",
    setup: T,
    example: "CREATE VIEW vf_g AS SELECT a FROM vf_t GROUP BY DISTINCT a",
    matches: (ast) => anyNode(ast, (tag, value) => tag === "SelectStmt" && value.groupDistinct === true),
  },
  {
    key: "merge",
    since: 15,
    what: "`MERGE`",
    instead: "`INSERT … ON CONFLICT … DO UPDATE`, or separate UPDATE / INSERT / DELETE",
    setup: T,
    example:
      "MERGE INTO vf_t USING (SELECT 1 AS id) s ON vf_t.id = s.id WHEN NOT MATCHED THEN INSERT (id) VALUES (s.id)",
    matches: (ast) => !!as(ast, "MergeStmt"),
  },
  {
    key: "nulls-not-distinct",
    since: 15,
    what: "`UNIQUE NULLS NOT DISTINCT`",
    instead:
      "a unique index on `COALESCE(column, <sentinel>)`, or a partial unique index `WHERE column IS NULL` on a constant",
    setup: T,
    example: "CREATE UNIQUE INDEX vf_u ON vf_t (a) NULLS NOT DISTINCT",
    matches: (ast) =>
      !!as(ast, "IndexStmt")?.nulls_not_distinct || constraint(ast, (c) => c.nulls_not_distinct === true),
  },
  {
    key: "fk-set-null-columns",
    since: 15,
    what: "`ON DELETE SET NULL (columns)` / `SET DEFAULT (columns)`",
    instead: "`ON DELETE SET NULL` on all the key's columns, or a trigger",
    setup: `${T}; CREATE TABLE vf_c (id int, tid int, x int, UNIQUE (tid, x))`,
    example: "CREATE TABLE vf_r (tid int, x int, FOREIGN KEY (tid, x) REFERENCES vf_c (tid, x) ON DELETE SET NULL (x))",
    matches: (ast) => constraint(ast, (c) => Array.isArray(c.fk_del_set_cols) && c.fk_del_set_cols.length > 0),
  },
  {
    key: "security-invoker-view",
    since: 15,
    what: "views with `security_invoker`",
    instead: "a `SECURITY INVOKER` function, or row-level security checked through the view owner",
    setup: "",
    example: "CREATE VIEW vf_si WITH (security_invoker = true) AS SELECT 1 AS one",
    matches: (ast) =>
      optionNamed(as(ast, "ViewStmt")?.options, ["security_invoker"]) ||
      alterSubtypes(
        ast,
        (cmd) => cmd.subtype === "AT_SetRelOptions" && optionNamed(as(cmd.def, "List")?.items, ["security_invoker"]),
      ),
  },
  {
    key: "set-access-method",
    since: 15,
    what: "`ALTER TABLE … SET ACCESS METHOD`",
    instead: "create a new table with `USING <method>` and copy the rows",
    setup: T,
    example: "ALTER TABLE vf_t SET ACCESS METHOD heap",
    matches: (ast) => alterSubtypes(ast, (cmd) => cmd.subtype === "AT_SetAccessMethod" && typeof cmd.name === "string"),
  },
  {
    key: "unlogged-sequence",
    since: 15,
    what: "unlogged sequences",
    instead: "a logged sequence",
    setup: "",
    example: "CREATE UNLOGGED SEQUENCE vf_s",
    matches: (ast) => as(ast, "CreateSeqStmt")?.sequence?.relpersistence === "u",
  },
  {
    key: "grant-on-parameter",
    since: 15,
    what: "`GRANT … ON PARAMETER`",
    instead: "set the parameter as a superuser, or per role with `ALTER ROLE … SET`",
    setup: "CREATE ROLE vf_role",
    example: "GRANT SET ON PARAMETER work_mem TO vf_role",
    matches: (ast) => as(ast, "GrantStmt")?.objtype === "OBJECT_PARAMETER_ACL",
  },
  {
    key: "sql-json-constructors",
    since: 16,
    what: "SQL/JSON constructors and `IS JSON` (`JSON_OBJECT`, `JSON_ARRAY`, `JSON_OBJECTAGG`, `JSON_ARRAYAGG`)",
    instead: "`json_build_object`, `json_build_array`, `json_object_agg`, `json_agg`, or a `jsonb` cast",
    setup: "",
    example: "CREATE VIEW vf_j AS SELECT JSON_OBJECT('a' : 1) AS j",
    matches: (ast) => anyNode(ast, (tag) => SQL_JSON_16.has(tag)),
  },
  {
    key: "grant-role-inherit-set",
    since: 16,
    what: "`GRANT role … WITH INHERIT | SET`",
    instead: "the role's own `INHERIT` attribute",
    setup: "CREATE ROLE vf_a; CREATE ROLE vf_b",
    example: "GRANT vf_a TO vf_b WITH INHERIT FALSE",
    matches: (ast) => optionNamed(as(ast, "GrantRoleStmt")?.opt, ["inherit", "set"]),
  },
  {
    key: "copy-default",
    since: 16,
    what: "`COPY … (DEFAULT …)`",
    instead: "load into a staging table and fill defaults with `INSERT … SELECT`",
    setup: T,
    example: "COPY vf_t FROM stdin (DEFAULT '\\D')",
    matches: (ast) => optionNamed(as(ast, "CopyStmt")?.options, ["default"]),
  },
  {
    key: "sql-json-query-functions",
    since: 17,
    what: "`JSON_TABLE`, `JSON_QUERY`, `JSON_VALUE`, `JSON_EXISTS`, `JSON()`, `JSON_SCALAR`, `JSON_SERIALIZE`",
    instead: "`jsonb_path_query`, `jsonb_path_exists`, `jsonb_to_recordset` and `->>`",
    setup: "",
    example: "CREATE VIEW vf_jq AS SELECT JSON_VALUE('{\"a\": 1}'::jsonb, '$.a') AS a",
    matches: (ast) => anyNode(ast, (tag) => SQL_JSON_17.has(tag)),
  },
  {
    key: "merge-returning-by-source",
    since: 17,
    what: "`MERGE … RETURNING` / `WHEN NOT MATCHED BY SOURCE`",
    instead: "a separate `DELETE … WHERE NOT EXISTS` and a data-modifying CTE for the returned rows",
    setup: T,
    example: "MERGE INTO vf_t USING (SELECT 1 AS id) s ON vf_t.id = s.id WHEN NOT MATCHED BY SOURCE THEN DELETE",
    matches: (ast) => {
      const merge = as(ast, "MergeStmt");
      if (!merge) return false;
      if (merge.returningClause) return true;
      return (merge.mergeWhenClauses ?? []).some(
        (w) => as(w, "MergeWhenClause")?.matchKind === "MERGE_WHEN_NOT_MATCHED_BY_SOURCE",
      );
    },
  },
  {
    key: "set-expression",
    since: 17,
    what: "`ALTER COLUMN … SET EXPRESSION`",
    instead: "drop the generated column and add it again with the new expression (a rewrite either way)",
    setup: "CREATE TABLE vf_ge (a int, g int GENERATED ALWAYS AS (a * 2) STORED)",
    example: "ALTER TABLE vf_ge ALTER COLUMN g SET EXPRESSION AS (a * 3)",
    matches: (ast) => alterSubtypes(ast, (cmd) => cmd.subtype === "AT_SetExpression"),
  },
  {
    key: "set-access-method-default",
    since: 17,
    what: "`SET ACCESS METHOD DEFAULT`",
    instead: "name the access method: `SET ACCESS METHOD heap`",
    setup: T,
    example: "ALTER TABLE vf_t SET ACCESS METHOD DEFAULT",
    matches: (ast) => alterSubtypes(ast, (cmd) => cmd.subtype === "AT_SetAccessMethod" && cmd.name === undefined),
  },
  {
    key: "copy-on-error",
    since: 17,
    what: "`COPY … (ON_ERROR …)` / `LOG_VERBOSITY`",
    instead: "load into a staging table of text columns and cast with a filter",
    setup: T,
    example: "COPY vf_t FROM stdin (ON_ERROR ignore)",
    matches: (ast) => optionNamed(as(ast, "CopyStmt")?.options, ["on_error", "log_verbosity"]),
  },
  {
    key: "maintain-privilege",
    since: 17,
    what: "the `MAINTAIN` privilege",
    instead: "have the table owner run VACUUM/ANALYZE/REINDEX/REFRESH",
    setup: `${T}; CREATE ROLE vf_m`,
    example: "GRANT MAINTAIN ON vf_t TO vf_m",
    matches: (ast) =>
      (as(ast, "GrantStmt")?.privileges ?? []).some((p) => as(p, "AccessPriv")?.priv_name === "maintain"),
  },
  {
    key: "exclusion-on-partitioned-table",
    since: 17,
    what: "exclusion constraints on a partitioned table",
    instead: "the exclusion constraint on each partition",
    setup: "",
    example: "CREATE TABLE vf_pe (k int, EXCLUDE USING btree (k WITH =)) PARTITION BY RANGE (k)",
    matches: (ast) => {
      const create = as(ast, "CreateStmt");
      return !!create?.partspec && constraint(ast, (c) => c.contype === "CONSTR_EXCLUSION");
    },
  },
  {
    key: "virtual-generated-column",
    since: 18,
    what: "virtual generated columns (`GENERATED ALWAYS AS (…)` without `STORED`, or `VIRTUAL`)",
    instead: "`GENERATED ALWAYS AS (…) STORED` (a rewrite on an existing table), or a view",
    setup: T,
    example: "ALTER TABLE vf_t ADD COLUMN v int GENERATED ALWAYS AS (a * 2) VIRTUAL",
    matches: (ast) => constraint(ast, (c) => c.contype === "CONSTR_GENERATED" && c.generated_kind === "v"),
  },
  {
    key: "not-null-constraint-syntax",
    since: 18,
    what: "named `NOT NULL` table constraints and `NOT NULL … NOT VALID`",
    instead:
      "`ADD CONSTRAINT … CHECK (column IS NOT NULL) NOT VALID`, `VALIDATE CONSTRAINT`, then `ALTER COLUMN … SET NOT NULL`",
    setup: T,
    example: "ALTER TABLE vf_t ADD CONSTRAINT vf_nn NOT NULL a NOT VALID",
    matches: (ast) =>
      constraint(ast, (c) => c.contype === "CONSTR_NOTNULL" && (Array.isArray(c.keys) || c.skip_validation === true)),
  },
  {
    key: "not-enforced-constraint",
    since: 18,
    what: "`NOT ENFORCED` constraints and `ALTER CONSTRAINT … [NOT] ENFORCED | [NO] INHERIT`",
    instead: "drop the constraint, or add it `NOT VALID` (it still checks new rows)",
    setup: T,
    example: "ALTER TABLE vf_t ADD CONSTRAINT vf_ck CHECK (a > 0) NOT ENFORCED",
    matches: (ast) =>
      constraint(
        ast,
        (c) => (c.contype === "CONSTR_CHECK" || c.contype === "CONSTR_FOREIGN") && c.is_enforced !== true,
      ) ||
      alterSubtypes(ast, (cmd) => {
        const alter = as(cmd.def, "ATAlterConstraint");
        return !!alter && (!!alter.alterEnforceability || !!alter.alterInheritability);
      }),
  },
  {
    key: "temporal-constraint",
    since: 18,
    what: "temporal keys (`WITHOUT OVERLAPS`, `PERIOD`)",
    instead: "an exclusion constraint `EXCLUDE USING gist (id WITH =, valid WITH &&)` (btree_gist)",
    setup: "CREATE EXTENSION IF NOT EXISTS btree_gist; CREATE TABLE vf_tp (id int, valid int4range)",
    example: "ALTER TABLE vf_tp ADD CONSTRAINT vf_tp_pk PRIMARY KEY (id, valid WITHOUT OVERLAPS)",
    matches: (ast) =>
      constraint(ast, (c) => c.without_overlaps === true || c.fk_with_period === true || c.pk_with_period === true),
  },
];

/** The features of `ast` that `pgVersion` does not have, oldest first. */
export function featuresNewerThan(ast: Node, pgVersion: number): VersionFeature[] {
  return VERSION_FEATURES.filter((f) => f.since > pgVersion && f.matches(ast));
}
