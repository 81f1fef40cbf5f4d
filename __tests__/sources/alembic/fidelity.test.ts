/**
 * The reader renders what Alembic renders. Each expected statement below is
 * Alembic 1.x / SQLAlchemy 2.0's own offline output for the same code
 * (`alembic upgrade <down>:<rev> --sql`, PostgreSQL dialect), whitespace aside.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { truncatedConventionName } from "../../../src/sources/alembic/names.js";
import { parseAlembicFile } from "../../../src/sources/alembic/parse-file.js";
import { loadParser } from "../../../src/sql/parse.js";

beforeAll(async () => {
  await loadParser();
});

const HEADER = `from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "abc123def456"
down_revision = None
`;

function upgrade(body: string, prelude = "") {
  return parseAlembicFile(`${HEADER}${prelude}\n\ndef upgrade():\n${body}\n`, "migrations/versions/abc_x.py").upgrade;
}

/** The upgrade SQL with whitespace runs collapsed, as Alembic prints it modulo its line breaks. */
function sql(body: string, prelude = ""): string[] {
  return upgrade(body, prelude).statements.map((s) =>
    s.sql.replace(/\s+/g, " ").replace(/\( /g, "(").replace(/ \)/g, ")"),
  );
}

describe("Alembic fidelity: comments inside calls", () => {
  it("keeps an op.create_table / op.create_index whose arguments hold comments", () => {
    const statements = sql(`    op.create_table(
        "things",
        # the key
        sa.Column("id", sa.Integer(), nullable=False),  # trailing
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "ix_things_id",
        # comment between arguments
        "things",
        ["id"],
    )`);
    expect(statements).toEqual([
      "CREATE TABLE things (id SERIAL NOT NULL, PRIMARY KEY (id))",
      "CREATE INDEX ix_things_id ON things (id)",
    ]);
  });
});

describe("Alembic fidelity: named enum types", () => {
  it("creates a named enum used by two tables once, as SQLAlchemy's DDL memo does", () => {
    const statements = sql(`    status = sa.Enum("a", "b", name="status")
    op.create_table("t1", sa.Column("s", status))
    op.create_table("t2", sa.Column("s", status))
    op.create_table("t3", sa.Column("s", sa.Enum("a", "b", name="status")))`);
    expect(statements).toEqual([
      "CREATE TYPE status AS ENUM ('a', 'b')",
      "CREATE TABLE t1 (s status)",
      "CREATE TABLE t2 (s status)",
      "CREATE TABLE t3 (s status)",
    ]);
  });

  it("creates no type for create_type=False, and forgets the memo between upgrade and downgrade", () => {
    expect(
      sql(`    op.create_table("t4", sa.Column("s", postgresql.ENUM("x", name="other", create_type=False)))`),
    ).toEqual(["CREATE TABLE t4 (s other)"]);
    const file = `${HEADER}\n\ndef upgrade():\n    op.create_table("t", sa.Column("s", sa.Enum("a", name="e")))\n\n\ndef downgrade():\n    op.create_table("t", sa.Column("s", sa.Enum("a", name="e")))\n`;
    const revision = parseAlembicFile(file, "migrations/versions/abc_x.py");
    expect(revision.upgrade.statements[0]?.sql).toBe("CREATE TYPE e AS ENUM ('a')");
    expect(revision.downgrade.statements[0]?.sql).toBe("CREATE TYPE e AS ENUM ('a')");
  });
});

describe("Alembic fidelity: names over 63 characters", () => {
  it("shortens op.f() names with SQLAlchemy's md5 suffix", () => {
    expect(
      sql(
        `    op.create_index(op.f("ix_bitwarden_login_credential_parameters_bitwarden_login_credential_parameter_id"), "p", ["c"])`,
      ),
    ).toEqual(["CREATE INDEX ix_bitwarden_login_credential_parameters_bitwarden_logi_70b1 ON p (c)"]);
  });

  it("shortens a foreign key name given with op.f() inside create_table", () => {
    const [create] = sql(`    op.create_table(
        "oauth2_authorization_code_organizations",
        sa.Column("oauth2_authorization_code_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(["oauth2_authorization_code_id"], ["p.id"], name=op.f("oauth2_authorization_code_organizations_oauth2_authorization_code_id_fkey")),
    )`);
    expect(create).toContain("CONSTRAINT oauth2_authorization_code_organizations_oauth2_authoriz_0a46 FOREIGN KEY");
  });

  it("shortens the naming convention's index name of a column with index=True", () => {
    const statements = sql(
      `    op.add_column("bitwarden_sensitive_information_parameters", sa.Column("bitwarden_sensitive_information_parameter_id", sa.String(), index=True))`,
    );
    expect(statements.at(-1)).toBe(
      "CREATE INDEX ix_bitwarden_sensitive_information_parameters_bitwarden_79bd ON bitwarden_sensitive_information_parameters (bitwarden_sensitive_information_parameter_id)",
    );
  });

  it("leaves names of 63 characters or less and plain strings alone; counts code points", () => {
    const exact = "x".repeat(63);
    expect(truncatedConventionName(exact)).toBe(exact);
    expect(sql(`    op.drop_index("${"y".repeat(70)}")`)).toEqual([`DROP INDEX ${"y".repeat(70)}`]);
    expect(Array.from(truncatedConventionName("é".repeat(70)))).toHaveLength(60);
  });
});

describe("Alembic fidelity: primary keys and SERIAL", () => {
  it("does not repeat columns given both primary_key=True and in a PrimaryKeyConstraint", () => {
    expect(
      sql(
        `    op.create_table("p", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("x", sa.Integer()), sa.PrimaryKeyConstraint("id", name=op.f("pk_p")))`,
      ),
    ).toEqual(["CREATE TABLE p (id SERIAL NOT NULL, x INTEGER, CONSTRAINT pk_p PRIMARY KEY (id))"]);
    expect(
      sql(
        `    op.create_table("a5", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("k", sa.Integer(), primary_key=True), sa.PrimaryKeyConstraint("k", "id"))`,
      ),
    ).toEqual(["CREATE TABLE a5 (id INTEGER NOT NULL, k INTEGER NOT NULL, PRIMARY KEY (k, id))"]);
  });

  it("takes the PrimaryKeyConstraint's columns over differing primary_key=True ones, and makes them NOT NULL", () => {
    expect(
      sql(
        `    op.create_table("a6", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("k", sa.Integer()), sa.PrimaryKeyConstraint("k"))`,
      ),
    ).toEqual(["CREATE TABLE a6 (id INTEGER NOT NULL, k SERIAL NOT NULL, PRIMARY KEY (k))"]);
  });

  it("keeps the serial of autoincrement=True in a composite key, listed first", () => {
    expect(
      sql(
        `    op.create_table("a1", sa.Column("b", sa.Integer(), primary_key=True), sa.Column("a", sa.Integer(), primary_key=True, autoincrement=True))`,
      ),
    ).toEqual(["CREATE TABLE a1 (b INTEGER NOT NULL, a SERIAL NOT NULL, PRIMARY KEY (a, b))"]);
    expect(
      sql(
        `    op.create_table("c3", sa.Column("a", sa.BigInteger(), primary_key=True, autoincrement=True), sa.Column("b", sa.String(), primary_key=True))`,
      ),
    ).toEqual(["CREATE TABLE c3 (a BIGSERIAL NOT NULL, b VARCHAR NOT NULL, PRIMARY KEY (a, b))"]);
  });

  it("gives no SERIAL to a key with a Python default or a non-optional Sequence; gives it through a foreign key with autoincrement=True", () => {
    expect(sql(`    op.create_table("a2", sa.Column("id", sa.Integer(), primary_key=True, default=1))`)).toEqual([
      "CREATE TABLE a2 (id INTEGER NOT NULL, PRIMARY KEY (id))",
    ]);
    expect(
      sql(`    op.create_table("a3", sa.Column("id", sa.Integer(), sa.Sequence("s3"), primary_key=True))`),
    ).toEqual(["CREATE TABLE a3 (id INTEGER NOT NULL, PRIMARY KEY (id))"]);
    expect(
      sql(
        `    op.create_table("a9", sa.Column("id", sa.Integer(), sa.Sequence("s9", optional=True), primary_key=True))`,
      ),
    ).toEqual(["CREATE TABLE a9 (id SERIAL NOT NULL, PRIMARY KEY (id))"]);
    expect(
      sql(
        `    op.create_table("a8", sa.Column("id", sa.Integer(), sa.ForeignKey("a1.b"), primary_key=True, autoincrement=True))`,
      ),
    ).toEqual(["CREATE TABLE a8 (id SERIAL NOT NULL, PRIMARY KEY (id), FOREIGN KEY(id) REFERENCES a1 (b))"]);
  });
});

describe("Alembic fidelity: run-time conditions", () => {
  const line = (text: string, needle: string) => text.split("\n").findIndex((l) => l.includes(needle)) + 1;

  it("stops the revision at an `if` on a query result, with a notice naming the line, instead of replaying both branches", () => {
    const body = `    op.create_table("a", sa.Column("id", sa.Integer(), primary_key=True))
    bind = op.get_bind()
    invalid = bind.execute(sa.text("SELECT 1 FROM pg_index WHERE NOT indisvalid")).scalar()
    if invalid:
        op.execute("DROP INDEX CONCURRENTLY IF EXISTS ix_a")
    else:
        op.execute("REINDEX INDEX ix_a")
    op.create_index("ix_b", "a", ["id"])`;
    const text = `${HEADER}\n\ndef upgrade():\n${body}\n`;
    const result = parseAlembicFile(text, "migrations/versions/abc_x.py").upgrade;
    expect(result.statements.map((s) => s.sql)).toEqual([
      "CREATE TABLE a (\n    id SERIAL NOT NULL,\n    PRIMARY KEY (id)\n)",
      "SELECT 1 FROM pg_index WHERE NOT indisvalid",
    ]);
    const ifLine = line(text, "if invalid:");
    expect(result.partial).toEqual({ line: ifLine, reason: "`if invalid` depends on a value known only at run time" });
    const notice = result.problems.find((p) => p.message.startsWith("partially analysed"));
    expect(notice?.severity).toBe("info");
    expect(notice?.span.line).toBe(ifLine);
    expect(notice?.message).toContain(`stop at line ${ifLine}`);
  });

  it("stops the caller too when the run-time `if` is inside a helper of the file", () => {
    const prelude = `\n\ndef maybe_drop(bind):\n    if bind.execute(sa.text("SELECT 1")).scalar():\n        op.drop_table("old")\n`;
    const result = upgrade(`    maybe_drop(op.get_bind())\n    op.drop_table("after")`, prelude);
    expect(result.statements.map((s) => s.sql)).toEqual(["SELECT 1"]);
    expect(result.partial?.reason).toContain("depends on a value known only at run time");
  });

  it("decides literal conditions and the offline flag statically, and ignores run-time conditions that touch nothing", () => {
    expect(
      sql(`    if False:
        op.drop_table("never")
    if context.is_offline_mode():
        op.drop_table("offline_only")
    if not op.get_context().as_sql:
        op.drop_table("online")
    if os.environ.get("X"):
        print("no database here")
    op.drop_table("last")`),
    ).toEqual(["DROP TABLE online", "DROP TABLE last"]);
  });
});

describe("Alembic fidelity: dialect checks are not run-time conditions", () => {
  it("follows a helper returning the dialect name, and keeps string constants assigned in a dialect branch", () => {
    const prelude = `\n\ndef get_db_type():\n    return op.get_context().dialect.name\n`;
    expect(
      sql(
        `    if get_db_type() == "postgresql":
        TRUE = "TRUE"
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    else:
        TRUE = "1"
    op.execute(f"UPDATE users SET admin = {TRUE}")`,
        prelude,
      ),
    ).toEqual(["CREATE EXTENSION IF NOT EXISTS pg_trgm", "UPDATE users SET admin = TRUE"]);
  });
});

describe("Alembic fidelity: alembic_postgresql_enum", () => {
  it("renders op.sync_enum_values as the SQL the package runs, which PostgreSQL accepts", () => {
    const result = upgrade(`    op.sync_enum_values(
        enum_schema="public",
        enum_name="status",
        new_values=["active", "archived"],
        affected_columns=[
            TableReference(table_schema="public", table_name="orders", column_name="status", existing_server_default="'active'::status"),
        ],
        enum_values_to_rename=[],
    )`);
    expect(result.statements.map((s) => s.sql)).toEqual([
      "ALTER TYPE public.status RENAME TO status_old",
      "CREATE TYPE public.status AS ENUM('active', 'archived')",
      "CREATE FUNCTION new_old_not_equals(new_enum_val public.status, old_enum_val public.status_old) RETURNS boolean AS $$ SELECT new_enum_val::text != old_enum_val::text; $$ LANGUAGE SQL IMMUTABLE",
      "CREATE OPERATOR != (leftarg = public.status, rightarg = public.status_old, procedure = new_old_not_equals)",
      "CREATE FUNCTION new_old_equals(new_enum_val public.status, old_enum_val public.status_old) RETURNS boolean AS $$ SELECT new_enum_val::text = old_enum_val::text; $$ LANGUAGE SQL IMMUTABLE",
      "CREATE OPERATOR = (leftarg = public.status, rightarg = public.status_old, procedure = new_old_equals)",
      "ALTER TABLE public.orders ALTER COLUMN status DROP DEFAULT",
      "ALTER TABLE public.orders ALTER COLUMN status TYPE public.status USING status::text::public.status",
      "ALTER TABLE public.orders ALTER COLUMN status SET DEFAULT 'active'::status",
      "DROP FUNCTION new_old_not_equals(new_enum_val public.status, old_enum_val public.status_old) CASCADE",
      "DROP FUNCTION new_old_equals(new_enum_val public.status, old_enum_val public.status_old) CASCADE",
      "DROP TYPE public.status_old",
    ]);
    expect(result.statements.every((s) => s.ast !== null)).toBe(true);
    expect(result.problems).toEqual([]);
  });

  it("says when an old-style (table, column) reference leaves the column default to run time", () => {
    const result = upgrade(`    op.sync_enum_values("public", "status", ["a"], [("orders", "status")], [("b", "a")])`);
    expect(result.statements.map((s) => s.sql)).toContain(
      "ALTER TABLE public.orders ALTER COLUMN status TYPE public.status USING CASE WHEN status::text = 'b' THEN 'a'::public.status ELSE status::text::public.status END",
    );
    expect(result.problems.map((p) => p.message).join("\n")).toContain(
      "reads the default of public.orders.status at run time",
    );
  });
});
