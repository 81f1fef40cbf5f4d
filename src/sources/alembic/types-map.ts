/**
 * SQLAlchemy column types ↔ the PostgreSQL types SQLAlchemy's PostgreSQL
 * dialect emits for them. Forward: what `op.add_column(..., sa.String(255))`
 * becomes in SQL. Reverse: how a rollback writes a PostgreSQL type back as
 * the SQLAlchemy expression Alembic's autogenerate would write.
 */
import { QuoteUtils } from "pgsql-deparser";
import { evaluate, lastName, PySource, type PyValue, Scope } from "./python.js";

export interface PgType {
  /** The type as PostgreSQL DDL: `VARCHAR(255)`, `TIMESTAMP WITH TIME ZONE`, `status_enum`. */
  sql: string;
  /** A named enum type the column uses; `values` is null when they come from a Python enum class. */
  enum?: { name: string; values: string[] | null; createType: boolean; schema?: string };
  /** Set when the type is not a SQLAlchemy type we know and `sql` is a best guess. */
  approximation?: string;
}

const SIMPLE: Record<string, string> = {
  integer: "INTEGER",
  int: "INTEGER",
  smallinteger: "SMALLINT",
  smallint: "SMALLINT",
  biginteger: "BIGINT",
  bigint: "BIGINT",
  text: "TEXT",
  unicodetext: "TEXT",
  clob: "TEXT",
  boolean: "BOOLEAN",
  date: "DATE",
  json: "JSON",
  jsonb: "JSONB",
  uuid: "UUID",
  largebinary: "BYTEA",
  blob: "BYTEA",
  bytea: "BYTEA",
  binary: "BYTEA",
  varbinary: "BYTEA",
  pickletype: "BYTEA",
  real: "REAL",
  double: "DOUBLE PRECISION",
  double_precision: "DOUBLE PRECISION",
  inet: "INET",
  cidr: "CIDR",
  macaddr: "MACADDR",
  macaddr8: "MACADDR8",
  money: "MONEY",
  oid: "OID",
  regclass: "REGCLASS",
  regconfig: "REGCONFIG",
  tsvector: "TSVECTOR",
  tsquery: "TSQUERY",
  hstore: "HSTORE",
  citext: "CITEXT",
  jsonpath: "JSONPATH",
  int4range: "INT4RANGE",
  int8range: "INT8RANGE",
  numrange: "NUMRANGE",
  daterange: "DATERANGE",
  tsrange: "TSRANGE",
  tstzrange: "TSTZRANGE",
  int4multirange: "INT4MULTIRANGE",
  int8multirange: "INT8MULTIRANGE",
  nummultirange: "NUMMULTIRANGE",
  datemultirange: "DATEMULTIRANGE",
  tsmultirange: "TSMULTIRANGE",
  tstzmultirange: "TSTZMULTIRANGE",
};

/** sqlalchemy_utils types and what they are on PostgreSQL. */
const SQLALCHEMY_UTILS: Record<string, string> = {
  uuidtype: "UUID",
  emailtype: "VARCHAR(255)",
  urltype: "TEXT",
  choicetype: "VARCHAR(255)",
  jsontype: "JSON",
  arrowtype: "TIMESTAMP WITHOUT TIME ZONE",
  passwordtype: "BYTEA",
  tsvectortype: "TSVECTOR",
  ipaddresstype: "VARCHAR(50)",
  currencytype: "VARCHAR(3)",
  countrytype: "VARCHAR(2)",
  localetype: "VARCHAR(10)",
  colortype: "VARCHAR(20)",
  phonenumbertype: "VARCHAR(20)",
  timezonetype: "VARCHAR(50)",
  scalarlisttype: "TEXT",
  encryptedtype: "BYTEA",
  stringencryptedtype: "VARCHAR",
  ltreetype: "LTREE",
  weekdaystype: "BIT(7)",
  datetimerangetype: "TSRANGE",
  intrangetype: "INT4RANGE",
  numericrangetype: "NUMRANGE",
  daterangetype: "DATERANGE",
};

const numberArg = (value: PyValue | undefined): number | undefined => (value?.kind === "num" ? value.value : undefined);

function param(call: PyValue, index: number, keyword: string): PyValue | undefined {
  if (call.kind !== "call") return undefined;
  return call.kwargs.get(keyword) ?? call.args[index];
}

function isTrue(value: PyValue | undefined): boolean {
  return value?.kind === "bool" && value.value;
}

/** Maps a SQLAlchemy type expression (`sa.String(255)`, `postgresql.JSONB`, `sa.Enum(...)`) to PostgreSQL. */
/** The attribute under which a UserDefinedType class keeps what its `get_col_spec` returns. */
export const COL_SPEC = "__get_col_spec__";

export function sqlalchemyTypeToPg(value: PyValue): PgType | undefined {
  // A project's UserDefinedType (`CIText()` or `CIText`): its get_col_spec text.
  const userType = value.kind === "call" ? value.callee : value;
  if (userType.kind === "object") {
    const spec = userType.attrs.get(COL_SPEC);
    return spec?.kind === "str" ? { sql: spec.value } : undefined;
  }
  // A TypeDecorator whose impl is an instance, called: the instance, whatever the arguments.
  if (value.kind === "call" && value.callee.kind === "call") return sqlalchemyTypeToPg(value.callee);
  // `sa.JSON().with_variant(postgresql.JSONB(), "postgresql")`: the PostgreSQL variant wins.
  if (value.kind === "call" && value.callee.kind === "member" && value.callee.name === "with_variant") {
    const dialects = value.args[1];
    const forPostgres =
      (dialects?.kind === "str" && dialects.value === "postgresql") ||
      (dialects?.kind === "seq" && dialects.items.some((d) => d.kind === "str" && d.value === "postgresql"));
    const chosen = forPostgres ? value.args[0] : value.callee.object;
    return chosen ? sqlalchemyTypeToPg(chosen) : undefined;
  }
  if (value.kind !== "ref" && value.kind !== "call") return undefined;
  const path = value.kind === "ref" ? value.path : value.callee.kind === "ref" ? value.callee.path : [];
  if (path.length === 0) return undefined;
  const name = lastName(value);
  const key = name.toLowerCase();
  const root = path[0] ?? "";

  if (root === "sqlalchemy_utils" || SQLALCHEMY_UTILS[key]) {
    const mapped = SQLALCHEMY_UTILS[key];
    if (mapped) return { sql: mapped };
  }
  const known = path.length === 1 || root === "sqlalchemy" || root === "sa" || root === "postgresql";
  const simple = SIMPLE[key];
  if (simple && known) return { sql: simple };

  switch (key) {
    case "string":
    case "varchar":
    case "unicode":
    case "nvarchar":
    case "autostring": {
      const length = numberArg(param(value, 0, "length"));
      return { sql: length === undefined ? "VARCHAR" : `VARCHAR(${length})` };
    }
    case "char":
    case "nchar": {
      const length = numberArg(param(value, 0, "length"));
      return { sql: length === undefined ? "CHAR" : `CHAR(${length})` };
    }
    case "numeric":
    case "decimal": {
      const precision = numberArg(param(value, 0, "precision"));
      const scale = numberArg(param(value, 1, "scale"));
      if (precision === undefined) return { sql: "NUMERIC" };
      return { sql: scale === undefined ? `NUMERIC(${precision})` : `NUMERIC(${precision}, ${scale})` };
    }
    case "float": {
      const precision = numberArg(param(value, 0, "precision"));
      return { sql: precision === undefined ? "FLOAT" : `FLOAT(${precision})` };
    }
    case "datetime":
    case "timestamp": {
      const zone = isTrue(param(value, 0, "timezone")) ? "WITH" : "WITHOUT";
      const precision = numberArg(value.kind === "call" ? value.kwargs.get("precision") : undefined);
      return { sql: `TIMESTAMP${precision === undefined ? "" : `(${precision})`} ${zone} TIME ZONE` };
    }
    case "time": {
      const zone = isTrue(param(value, 0, "timezone")) ? "WITH" : "WITHOUT";
      const precision = numberArg(value.kind === "call" ? value.kwargs.get("precision") : undefined);
      return { sql: `TIME${precision === undefined ? "" : `(${precision})`} ${zone} TIME ZONE` };
    }
    case "interval": {
      const fields = value.kind === "call" ? value.kwargs.get("fields") : undefined;
      return { sql: fields?.kind === "str" ? `INTERVAL ${fields.value.toUpperCase()}` : "INTERVAL" };
    }
    case "bit": {
      const length = numberArg(param(value, 0, "length"));
      const varying = value.kind === "call" && isTrue(value.kwargs.get("varying"));
      return { sql: `BIT${varying ? " VARYING" : ""}${length === undefined ? "" : `(${length})`}` };
    }
    case "array": {
      const item = param(value, 0, "item_type");
      const inner = item ? sqlalchemyTypeToPg(item) : undefined;
      if (!inner) return undefined;
      const dimensions = numberArg(value.kind === "call" ? value.kwargs.get("dimensions") : undefined) ?? 1;
      return { ...inner, sql: inner.sql + "[]".repeat(Math.max(1, dimensions)) };
    }
    case "enum":
      return enumType(value);
    case "guid":
      return { sql: "UUID", approximation: "the SQLAlchemy GUID recipe, which is UUID on PostgreSQL" };
  }
  return undefined;
}

function enumType(value: PyValue): PgType | undefined {
  if (value.kind !== "call") return undefined;
  const nameArg = value.kwargs.get("name");
  const values = value.args.filter((a): a is Extract<PyValue, { kind: "str" }> => a.kind === "str").map((a) => a.value);
  const fromClass = value.args.length > 0 && values.length === 0;
  // SQLAlchemy names an enum built from a Python Enum class after the class, lower-cased.
  const name = nameArg?.kind === "str" ? nameArg.value : fromClass ? lastName(value.args[0]).toLowerCase() : "";
  const native = value.kwargs.get("native_enum");
  if (native?.kind === "bool" && !native.value) {
    const longest = Math.max(0, ...values.map((v) => v.length));
    return { sql: `VARCHAR(${longest || 255})` };
  }
  if (!name) return undefined;
  const createType = value.kwargs.get("create_type");
  const schema = value.kwargs.get("schema");
  return {
    sql: quoteQualified(schema?.kind === "str" ? schema.value : undefined, name),
    enum: {
      name,
      values: fromClass ? null : values,
      createType: !(createType?.kind === "bool" && !createType.value),
      ...(schema?.kind === "str" ? { schema: schema.value } : {}),
    },
  };
}

function quoteQualified(schema: string | undefined, name: string): string {
  return schema ? QuoteUtils.quoteQualifiedIdentifier(schema, name) : QuoteUtils.quoteIdentifier(name);
}

/**
 * sqlalchemyTypeToPg for Python text such as `sa.String(length=255)` or
 * `postgresql.JSONB(astext_type=sa.Text())`, with the names autogenerate
 * imports (`sa`, `postgresql`, `sqlalchemy`).
 */
export function sqlalchemyTypeTextToPg(expression: string): PgType | undefined {
  const source = new PySource(expression.trim());
  const node = source.tree.topNode.firstChild?.firstChild;
  if (!node || source.firstError()) return undefined;
  const scope = new Scope();
  scope.set("sa", { kind: "ref", path: ["sqlalchemy"] });
  scope.set("postgresql", { kind: "ref", path: ["sqlalchemy", "dialects", "postgresql"] });
  return sqlalchemyTypeToPg(evaluate(node, source, scope));
}

/** A SQLAlchemy type expression as Alembic's autogenerate writes it, and the imports it needs. */
export interface SqlalchemyType {
  python: string;
  imports: string[];
}

const SA_IMPORT = "import sqlalchemy as sa";
const PG_IMPORT = "from sqlalchemy.dialects import postgresql";

const REVERSE: Record<string, string> = {
  int2: "sa.SmallInteger()",
  smallint: "sa.SmallInteger()",
  int4: "sa.Integer()",
  int: "sa.Integer()",
  integer: "sa.Integer()",
  serial: "sa.Integer()",
  int8: "sa.BigInteger()",
  bigint: "sa.BigInteger()",
  bigserial: "sa.BigInteger()",
  smallserial: "sa.SmallInteger()",
  text: "sa.Text()",
  bool: "sa.Boolean()",
  boolean: "sa.Boolean()",
  date: "sa.Date()",
  json: "postgresql.JSON(astext_type=sa.Text())",
  jsonb: "postgresql.JSONB(astext_type=sa.Text())",
  uuid: "sa.UUID()",
  bytea: "postgresql.BYTEA()",
  float4: "sa.REAL()",
  real: "sa.REAL()",
  float8: "sa.Double()",
  "double precision": "sa.Double()",
  inet: "postgresql.INET()",
  cidr: "postgresql.CIDR()",
  macaddr: "postgresql.MACADDR()",
  macaddr8: "postgresql.MACADDR8()",
  money: "postgresql.MONEY()",
  oid: "postgresql.OID()",
  regclass: "postgresql.REGCLASS()",
  tsvector: "postgresql.TSVECTOR()",
  tsquery: "postgresql.TSQUERY()",
  hstore: "postgresql.HSTORE(text_type=sa.Text())",
  citext: "postgresql.CITEXT()",
  int4range: "postgresql.INT4RANGE()",
  int8range: "postgresql.INT8RANGE()",
  numrange: "postgresql.NUMRANGE()",
  daterange: "postgresql.DATERANGE()",
  tsrange: "postgresql.TSRANGE()",
  tstzrange: "postgresql.TSTZRANGE()",
  interval: "postgresql.INTERVAL()",
  timestamp: "postgresql.TIMESTAMP()",
  "timestamp without time zone": "postgresql.TIMESTAMP()",
  timestamptz: "postgresql.TIMESTAMP(timezone=True)",
  "timestamp with time zone": "postgresql.TIMESTAMP(timezone=True)",
  time: "postgresql.TIME()",
  "time without time zone": "postgresql.TIME()",
  timetz: "postgresql.TIME(timezone=True)",
  "time with time zone": "postgresql.TIME(timezone=True)",
};

/**
 * Maps a PostgreSQL type as written or as `typeNameString` prints it
 * (`varchar(255)`, `int8`, `timestamptz`, `numeric(10,2)`, `text[]`) to the
 * SQLAlchemy expression autogenerate would write. Undefined for types it does
 * not know (a user enum or domain): the caller decides how to name those.
 */
export function pgTypeToSqlalchemy(pgType: string): SqlalchemyType | undefined {
  const normalized = pgType
    .trim()
    .toLowerCase()
    .replace(/\s+/g, " ")
    .replace(/^pg_catalog\./, "");
  const array = /^(.*?)((?:\[\d*\])+)$/.exec(normalized);
  if (array) {
    const inner = pgTypeToSqlalchemy(array[1] as string);
    if (!inner) return undefined;
    const dimensions = ((array[2] as string).match(/\[/g) ?? []).length;
    return {
      python: `postgresql.ARRAY(${inner.python}${dimensions > 1 ? `, dimensions=${dimensions}` : ""})`,
      imports: unique([...inner.imports, PG_IMPORT]),
    };
  }
  const match = /^([a-z_][a-z0-9_ ]*?)\s*(?:\(([^)]*)\))?(?: (with|without) time zone)?$/.exec(normalized);
  if (!match) return undefined;
  const base = (match[1] as string).trim();
  const mods = (match[2] ?? "")
    .split(",")
    .map((m) => m.trim())
    .filter(Boolean);
  const zone = match[3];
  const pg = (python: string): SqlalchemyType => ({
    python,
    imports: python.includes("postgresql.") ? [SA_IMPORT, PG_IMPORT] : [SA_IMPORT],
  });
  switch (base) {
    case "varchar":
    case "character varying":
      return pg(mods[0] ? `sa.String(length=${mods[0]})` : "sa.String()");
    case "bpchar":
    case "char":
    case "character":
      return pg(mods[0] ? `sa.CHAR(length=${mods[0]})` : "sa.CHAR()");
    case "numeric":
    case "decimal":
      if (mods.length === 2) return pg(`sa.Numeric(precision=${mods[0]}, scale=${mods[1]})`);
      return pg(mods[0] ? `sa.Numeric(precision=${mods[0]})` : "sa.Numeric()");
    case "float":
      return pg(mods[0] ? `sa.Float(precision=${mods[0]})` : "sa.Float()");
    case "bit":
      return pg(mods[0] ? `postgresql.BIT(length=${mods[0]})` : "postgresql.BIT()");
    case "varbit":
    case "bit varying":
      return pg(mods[0] ? `postgresql.BIT(length=${mods[0]}, varying=True)` : "postgresql.BIT(varying=True)");
    case "timestamp":
    case "time": {
      const args = [zone === "with" ? "timezone=True" : "", mods[0] ? `precision=${mods[0]}` : ""].filter(Boolean);
      return pg(`postgresql.${base.toUpperCase()}(${args.join(", ")})`);
    }
    case "timestamptz":
    case "timetz": {
      const args = ["timezone=True", mods[0] ? `precision=${mods[0]}` : ""].filter(Boolean);
      return pg(`postgresql.${base === "timestamptz" ? "TIMESTAMP" : "TIME"}(${args.join(", ")})`);
    }
  }
  const key = zone ? `${base} ${zone} time zone` : base;
  const simple = REVERSE[key];
  return simple ? pg(simple) : undefined;
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}
