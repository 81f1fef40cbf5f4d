import { beforeAll, describe, expect, it } from "vitest";
import { parseAlembicFile } from "../../src/sources/alembic/parse-file.js";
import { loadParser } from "../../src/sql/parse.js";

beforeAll(async () => {
  await loadParser();
});

const HEADER = `"""add things

Revision ID: abc123def456
Revises: 0123456789ab
Create Date: 2025-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "abc123def456"
down_revision = "0123456789ab"
branch_labels = None
depends_on = None
`;

/** A revision whose upgrade() body is `body` (indented by the caller), starting at line 17. */
function revisionWith(body: string, downgrade = "    pass"): string {
  return `${HEADER}\n\ndef upgrade():\n${body}\n\n\ndef downgrade():\n${downgrade}\n`;
}

/** The 1-based line of the first line of the upgrade() body. */
const BODY_START = revisionWith("BODY").split("\n").indexOf("BODY") + 1;

function upgradeSql(body: string): string[] {
  return parseAlembicFile(revisionWith(body), "migrations/versions/abc123def456_add_things.py").upgrade.statements.map(
    (s) => s.sql,
  );
}

describe("parseAlembicFile: identifiers and header", () => {
  it("reads revision, down_revision, header and name", () => {
    const revision = parseAlembicFile(revisionWith("    pass"), "v/abc123def456_add_things.py");
    expect(revision.revision).toBe("abc123def456");
    expect(revision.downRevisions).toEqual(["0123456789ab"]);
    expect(revision.header).toMatchObject({
      revisionId: "abc123def456",
      revises: "0123456789ab",
      message: "add things",
    });
    expect(revision.name).toBe("add things");
    expect(revision.upgrade.empty).toBe(true);
    expect(revision.downgrade.empty).toBe(true);
    expect(revision.problems).toEqual([]);
  });

  it("reads a merge revision's tuple, annotated assignments, branch labels and depends_on", () => {
    const text = `revision: str = "e2f4a6b8c0d1"
down_revision: Union[str, None] = ("5b8c0d2e4f6a", "9d1e3f5a7b9c")
branch_labels = ("feature",)
depends_on = "aaaaaaaaaaaa"

def upgrade():
    pass
`;
    const revision = parseAlembicFile(text, "v/e2f4a6b8c0d1_merge.py");
    expect(revision.downRevisions).toEqual(["5b8c0d2e4f6a", "9d1e3f5a7b9c"]);
    expect(revision.branchLabels).toEqual(["feature"]);
    expect(revision.dependsOn).toEqual(["aaaaaaaaaaaa"]);
    expect(revision.name).toBe("merge");
  });

  it("reports a revision id that differs from the docstring header at the assignment line", () => {
    const text = revisionWith("    pass").replace('revision = "abc123def456"', 'revision = "ffffffffffff"');
    const revision = parseAlembicFile(text, "v/x.py");
    const problem = revision.problems.find((p) => p.rule === "broken-revision-chain");
    expect(problem?.message).toContain("Revision ID: abc123def456");
    expect(problem?.span.line).toBe(12);
  });

  it("reports a missing down_revision and a missing revision", () => {
    const noDown = parseAlembicFile(revisionWith("    pass").replace('down_revision = "0123456789ab"\n', ""), "v/x.py");
    expect(noDown.hasDownRevision).toBe(false);
    expect(noDown.problems.map((p) => p.message).join()).toContain("no `down_revision` assignment");
    const noRevision = parseAlembicFile("def upgrade():\n    pass\n", "v/x.py");
    expect(noRevision.revision).toBeNull();
    expect(noRevision.problems.filter((p) => p.rule === "broken-revision-chain")).toHaveLength(2);
  });

  it("reports broken Python as parse-error at the first error and still reads the rest", () => {
    const text = revisionWith(
      '    op.drop_column("users", "age")\n    op.add_column("users", sa.Column("x", sa.Integer(),)\n',
    );
    const revision = parseAlembicFile(text, "v/x.py");
    const problem = revision.problems.find((p) => p.rule === "parse-error");
    expect(problem).toBeDefined();
    expect(problem?.span.line).toBeGreaterThanOrEqual(BODY_START + 1);
    expect(revision.revision).toBe("abc123def456");
    expect(revision.upgrade.statements[0]?.sql).toBe("ALTER TABLE users DROP COLUMN age");
  });
});

describe("parseAlembicFile: operations rendered to PostgreSQL", () => {
  it.each([
    [
      'op.add_column("users", sa.Column("email", sa.String(length=255), nullable=False))',
      ["ALTER TABLE users ADD COLUMN email VARCHAR(255) NOT NULL"],
    ],
    [
      'op.add_column("users", sa.Column("active", sa.Boolean(), server_default=sa.text("true"), nullable=False))',
      ["ALTER TABLE users ADD COLUMN active BOOLEAN DEFAULT true NOT NULL"],
    ],
    [
      'op.add_column("posts", sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=True))',
      [
        "ALTER TABLE posts ADD COLUMN user_id INTEGER",
        "ALTER TABLE posts ADD FOREIGN KEY(user_id) REFERENCES users (id) ON DELETE CASCADE",
      ],
    ],
    ['op.drop_column("users", "age")', ["ALTER TABLE users DROP COLUMN age"]],
    ['op.drop_table("users")', ["DROP TABLE users"]],
    ['op.rename_table("users", "accounts")', ["ALTER TABLE users RENAME TO accounts"]],
    [
      'op.alter_column("users", "name", existing_type=sa.String(50), type_=sa.Text(), nullable=False, postgresql_using="name::text")',
      [
        "ALTER TABLE users ALTER COLUMN name TYPE TEXT USING name::text",
        "ALTER TABLE users ALTER COLUMN name SET NOT NULL",
      ],
    ],
    [
      'op.alter_column("users", "name", new_column_name="full_name", server_default=None)',
      ["ALTER TABLE users ALTER COLUMN name DROP DEFAULT", "ALTER TABLE users RENAME name TO full_name"],
    ],
    [
      'op.create_index(op.f("ix_users_email"), "users", ["email"], unique=True, postgresql_where=sa.text("deleted_at IS NULL"))',
      ["CREATE UNIQUE INDEX ix_users_email ON users (email) WHERE deleted_at IS NULL"],
    ],
    [
      'op.create_index("ix_docs_body", "docs", ["body"], postgresql_using="gin", postgresql_concurrently=True)',
      ["CREATE INDEX CONCURRENTLY ix_docs_body ON docs USING gin (body)"],
    ],
    [
      'op.drop_index("ix_users_email", table_name="users", postgresql_concurrently=True, if_exists=True)',
      ["DROP INDEX CONCURRENTLY IF EXISTS ix_users_email"],
    ],
    [
      'op.create_unique_constraint("uq_users_email", "users", ["email"])',
      ["ALTER TABLE users ADD CONSTRAINT uq_users_email UNIQUE (email)"],
    ],
    [
      'op.create_foreign_key("fk_posts_user", "posts", "users", ["user_id"], ["id"], ondelete="SET NULL")',
      ["ALTER TABLE posts ADD CONSTRAINT fk_posts_user FOREIGN KEY(user_id) REFERENCES users (id) ON DELETE SET NULL"],
    ],
    [
      'op.create_check_constraint("ck_age", "users", "age >= 0")',
      ["ALTER TABLE users ADD CONSTRAINT ck_age CHECK (age >= 0)"],
    ],
    ['op.create_primary_key("pk_tags", "tags", ["id"])', ["ALTER TABLE tags ADD CONSTRAINT pk_tags PRIMARY KEY (id)"]],
    [
      'op.drop_constraint("uq_users_email", "users", type_="unique")',
      ["ALTER TABLE users DROP CONSTRAINT uq_users_email"],
    ],
    ['op.create_table_comment("users", "people who sign in")', ["COMMENT ON TABLE users IS 'people who sign in'"]],
    [
      'sa.Enum("draft", "published", name="post_status").create(op.get_bind(), checkfirst=True)',
      ["CREATE TYPE post_status AS ENUM ('draft', 'published')"],
    ],
    ['postgresql.ENUM(name="post_status").drop(op.get_bind())', ["DROP TYPE post_status"]],
    [
      'op.add_column("t", sa.Column("qty", sa.Integer(), sa.CheckConstraint("qty >= 0", name="ck_qty"), server_default=sa.DefaultClause("0")))',
      ["ALTER TABLE t ADD COLUMN qty INTEGER DEFAULT '0'", "ALTER TABLE t ADD CONSTRAINT ck_qty CHECK (qty >= 0)"],
    ],
    [
      'op.add_column("t", sa.Column("stamp", sa.DateTime(), server_default=sa.FetchedValue()))',
      ["ALTER TABLE t ADD COLUMN stamp TIMESTAMP WITHOUT TIME ZONE"],
    ],
    ['op.add_column("user", sa.Column("Order", sa.Integer()))', ['ALTER TABLE "user" ADD COLUMN "Order" INTEGER']],
  ])("%s", (call, expected) => {
    expect(upgradeSql(`    ${call}`)).toEqual(expected);
  });

  it("renders create_table with columns, constraints, enums, SERIAL and column indexes", () => {
    const sql = upgradeSql(`    op.create_table(
        "posts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False, index=True),
        sa.Column("status", sa.Enum("draft", "published", name="post_status"), server_default="draft", nullable=False),
        sa.Column("meta", postgresql.JSONB(astext_type=sa.Text()), nullable=True),
        sa.Column("tags", postgresql.ARRAY(sa.String()), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("user_id", "status", name="uq_posts_user_status"),
        sa.CheckConstraint("length(status::text) > 0", name="ck_status"),
    )`);
    expect(sql).toEqual([
      "CREATE TYPE post_status AS ENUM ('draft', 'published')",
      [
        "CREATE TABLE posts (",
        "    id SERIAL NOT NULL,",
        "    user_id INTEGER NOT NULL,",
        "    status post_status DEFAULT 'draft' NOT NULL,",
        "    meta JSONB,",
        "    tags VARCHAR[],",
        "    created_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,",
        "    PRIMARY KEY (id),",
        "    FOREIGN KEY(user_id) REFERENCES users (id) ON DELETE CASCADE,",
        "    CONSTRAINT uq_posts_user_status UNIQUE (user_id, status),",
        "    CONSTRAINT ck_status CHECK (length(status::text) > 0)",
        ")",
      ].join("\n"),
      "CREATE INDEX ix_posts_user_id ON posts (user_id)",
    ]);
  });

  it("parses each rendered statement with PostgreSQL's parser and keeps the op origin", () => {
    const revision = parseAlembicFile(revisionWith('    op.drop_column("users", "age")'), "v/x.py");
    const [statement] = revision.upgrade.statements;
    expect(statement?.kind).toBe("AlterTableStmt");
    expect(statement?.ast).not.toBeNull();
    expect(statement?.origin).toBe("op.drop_column");
    expect(statement?.path).toBe("v/x.py");
  });

  it("points each statement at its op. call: line, column and end of the call", () => {
    const body = `    op.drop_column("users", "age")\n    op.add_column(\n        "users",\n        sa.Column("x", sa.Integer()),\n    )`;
    const [drop, add] = parseAlembicFile(revisionWith(body), "v/x.py").upgrade.statements;
    expect(drop?.span).toEqual({ line: BODY_START, column: 5, endLine: BODY_START, endColumn: 34 });
    expect(add?.span).toMatchObject({ line: BODY_START + 1, column: 5, endLine: BODY_START + 4 });
  });

  it("reads batch_alter_table blocks against their table", () => {
    const sql = upgradeSql(`    with op.batch_alter_table("posts", schema=None) as batch_op:
        batch_op.add_column(sa.Column("published_at", sa.DateTime(), nullable=True))
        batch_op.alter_column("title", existing_type=sa.String(200), nullable=False)
        batch_op.create_index(batch_op.f("ix_posts_title"), ["title"], unique=False)
        batch_op.drop_constraint("uq_x", type_="unique")`);
    expect(sql).toEqual([
      "ALTER TABLE posts ADD COLUMN published_at TIMESTAMP WITHOUT TIME ZONE",
      "ALTER TABLE posts ALTER COLUMN title SET NOT NULL",
      "CREATE INDEX ix_posts_title ON posts (title)",
      "ALTER TABLE posts DROP CONSTRAINT uq_x",
    ]);
  });

  it("marks statements inside autocommit_block() as autocommit", () => {
    const revision = parseAlembicFile(
      revisionWith(`    op.add_column("t", sa.Column("a", sa.Integer()))
    with op.get_context().autocommit_block():
        op.create_index("ix_t_a", "t", ["a"], postgresql_concurrently=True)`),
      "v/x.py",
    );
    const [add, index] = revision.upgrade.statements;
    expect(add?.autocommit).toBeUndefined();
    expect(index?.autocommit).toBe(true);
    expect(index?.sql).toBe("CREATE INDEX CONCURRENTLY ix_t_a ON t (a)");
  });
});

describe("parseAlembicFile: op.execute", () => {
  it("reads strings, sa.text(), text() and module-level constants", () => {
    const text = revisionWith(`    op.execute("UPDATE users SET active = true")
    op.execute(sa.text("DELETE FROM sessions WHERE expired"))
    op.execute(MIGRATE_SQL)`).replace("depends_on = None", 'depends_on = None\nMIGRATE_SQL = "VACUUM users"');
    const statements = parseAlembicFile(text, "v/x.py").upgrade.statements;
    expect(statements.map((s) => s.kind)).toEqual(["UpdateStmt", "DeleteStmt", "VacuumStmt"]);
    expect(statements.every((s) => s.origin === "op.execute")).toBe(true);
  });

  it("splits a triple-quoted string into statements at their own lines", () => {
    const body = `    op.execute(
        """
        ALTER TABLE users ADD COLUMN a int;
        CREATE INDEX ix_users_a ON users (a);
        """
    )`;
    const statements = parseAlembicFile(revisionWith(body), "v/x.py").upgrade.statements;
    expect(statements.map((s) => s.kind)).toEqual(["AlterTableStmt", "IndexStmt"]);
    expect(statements.map((s) => s.span.line)).toEqual([BODY_START + 2, BODY_START + 3]);
    expect(statements[0]?.span.column).toBe(9);
  });

  it("turns SQLAlchemy :name bind parameters into $n so PostgreSQL can parse the statement", () => {
    expect(
      upgradeSql(`    op.execute(sa.text("UPDATE users SET name = :name WHERE id = :id AND x::text = 'a'"))`),
    ).toEqual(["UPDATE users SET name = $1 WHERE id = $2 AND x::text = 'a'"]);
  });

  it("reads connection.execute through op.get_bind() and Core updates on a literal table", () => {
    const sql = upgradeSql(`    conn = op.get_bind()
    conn.execute(sa.text("UPDATE users SET a = 1 WHERE a IS NULL"))
    users = sa.table("users", sa.column("status"))
    op.execute(users.update().where(users.c.status == None).values(status="active"))`);
    expect(sql).toEqual(["UPDATE users SET a = 1 WHERE a IS NULL", "UPDATE users SET status = 'active' WHERE $1"]);
  });

  it("reports f-strings with run-time parts and variables as unanalyzed-operation", () => {
    const revision = parseAlembicFile(
      revisionWith(`    for_table = get_name()
    op.execute(f"DELETE FROM {for_table}")`),
      "v/x.py",
    );
    expect(revision.upgrade.statements).toEqual([]);
    const [problem] = revision.upgrade.problems;
    expect(problem).toMatchObject({ rule: "unanalyzed-operation", severity: "info" });
    expect(problem?.span.line).toBe(BODY_START + 1);
    expect(problem?.message).toContain("f-string");
  });
});

describe("parseAlembicFile: data and library operations", () => {
  it("renders op.bulk_insert with literal rows into the table it was given", () => {
    expect(
      upgradeSql(`    roles = sa.table("roles", sa.column("id", sa.Integer), sa.column("name", sa.String))
    op.bulk_insert(roles, [{"id": 1, "name": "admin"}, {"id": 2, "name": None}])`),
    ).toEqual(["INSERT INTO roles (id, name) VALUES (1, 'admin'), (2, NULL)"]);
  });

  it("renders alembic_utils entities", () => {
    const sql =
      upgradeSql(`    fn = PGFunction(schema="public", signature="touch()", definition="RETURNS trigger AS $$ BEGIN RETURN NEW; END $$ LANGUAGE plpgsql")
    op.create_entity(fn)
    op.create_entity(PGExtension(schema="public", signature="citext"))
    op.drop_entity(PGTrigger(schema="public", signature="touch_users", on_entity="public.users", definition="BEFORE UPDATE ON public.users FOR EACH ROW EXECUTE FUNCTION public.touch()"))`);
    expect(sql).toEqual([
      "CREATE FUNCTION public.touch() RETURNS trigger AS $$ BEGIN RETURN NEW; END $$ LANGUAGE plpgsql",
      "CREATE EXTENSION citext WITH SCHEMA public",
      "DROP TRIGGER touch_users ON public.users",
    ]);
  });

  it("reads dedent()-ed SQL, class attributes and dataclass fields defined in the file", () => {
    const text = revisionWith(`    for meta in [Meta("a_tags", "a_id")]:
        op.execute(dedent(f"""
            DELETE FROM {meta.table} WHERE {meta.key} IS NULL
        """))
    op.execute(f"UPDATE {Shop.__tablename__} SET open = true WHERE open IS NULL")`).replace(
      "depends_on = None",
      `depends_on = None
from textwrap import dedent

@dataclass
class Meta:
    table: str
    key: str

class Shop(Base):
    __tablename__ = "shops"
`,
    );
    const statements = parseAlembicFile(text, "v/x.py").upgrade.statements;
    expect(statements.map((s) => s.sql)).toEqual([
      "DELETE FROM a_tags WHERE a_id IS NULL",
      "UPDATE shops SET open = true WHERE open IS NULL",
    ]);
  });

  it("maps a TypeDecorator defined in the file to the type it loads on PostgreSQL", () => {
    const text = revisionWith('    op.add_column("t", sa.Column("id", GUID(), nullable=False))').replace(
      "depends_on = None",
      `depends_on = None

class GUID(sa.types.TypeDecorator):
    impl = sa.CHAR

    def load_dialect_impl(self, dialect):
        if dialect.name == "postgresql":
            return dialect.type_descriptor(postgresql.UUID())
        return dialect.type_descriptor(sa.CHAR(32))
`,
    );
    const revision = parseAlembicFile(text, "v/x.py");
    expect(revision.upgrade.statements.map((s) => s.sql)).toEqual(["ALTER TABLE t ADD COLUMN id UUID NOT NULL"]);
    expect(revision.upgrade.problems).toEqual([]);
  });

  it("leaves use_alter foreign keys out of CREATE TABLE, as SQLAlchemy does", () => {
    const sql = upgradeSql(`    op.create_table(
        "recipes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], use_alter=True),
        sa.PrimaryKeyConstraint("id"),
    )`);
    expect(sql).toEqual([
      "CREATE TABLE recipes (\n    id SERIAL NOT NULL,\n    user_id INTEGER,\n    PRIMARY KEY (id)\n)",
    ]);
  });

  it("renders BIGSERIAL for a lone big-integer primary key and an identity column as written", () => {
    const sql = upgradeSql(`    op.create_table("events", sa.Column("id", sa.BigInteger(), primary_key=True))
    op.create_table("logs", sa.Column("id", sa.BigInteger(), sa.Identity(always=True), primary_key=True))`);
    expect(sql).toEqual([
      "CREATE TABLE events (\n    id BIGSERIAL NOT NULL,\n    PRIMARY KEY (id)\n)",
      "CREATE TABLE logs (\n    id BIGINT GENERATED ALWAYS AS IDENTITY NOT NULL,\n    PRIMARY KEY (id)\n)",
    ]);
  });
});

describe("parseAlembicFile: ignore directives", () => {
  it("takes # db-migrate:ignore from the line above and from the op line", () => {
    const body = `    # db-migrate:ignore drop-column the column was unused since v2
    op.drop_column("users", "age")
    op.drop_table("legacy")  # db-migrate:ignore drop-table archived in S3
    op.drop_table("other")`;
    const [dropColumn, dropLegacy, dropOther] = parseAlembicFile(revisionWith(body), "v/x.py").upgrade.statements;
    expect(dropColumn?.ignores).toEqual([
      { rule: "drop-column", reason: "the column was unused since v2", line: BODY_START },
    ]);
    expect(dropLegacy?.ignores.map((i) => i.rule)).toEqual(["drop-table"]);
    expect(dropOther?.ignores).toEqual([]);
  });

  it("keeps -- db-migrate:ignore comments inside op.execute SQL", () => {
    const body = `    op.execute("""
    -- db-migrate:ignore unbounded-dml small table
    DELETE FROM flags
    """)`;
    const [statement] = parseAlembicFile(revisionWith(body), "v/x.py").upgrade.statements;
    expect(statement?.ignores.map((i) => i.rule)).toEqual(["unbounded-dml"]);
  });
});

describe("parseAlembicFile: control flow", () => {
  it("follows the PostgreSQL branch of a dialect check, also through a helper", () => {
    const text = revisionWith(`    if op.get_context().dialect.name == "postgresql":
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    else:
        op.execute("PRAGMA foreign_keys=ON")
    if not is_postgres():
        op.drop_table("sqlite_only")`).replace(
      "depends_on = None",
      'depends_on = None\n\ndef is_postgres():\n    return op.get_bind().dialect.name == "postgresql"',
    );
    const revision = parseAlembicFile(text, "v/x.py");
    expect(revision.upgrade.statements.map((s) => s.kind)).toEqual(["CreateExtensionStmt"]);
    expect(revision.upgrade.problems).toEqual([]);
  });

  it("stops at a run-time condition instead of analysing every branch (fidelity.test.ts has the details)", () => {
    const sql = upgradeSql(`    if has_data():
        op.drop_table("a")
    else:
        op.drop_table("b")`);
    expect(sql).toEqual([]);
  });

  it("unrolls loops over literal lists and inlines helper functions of the file", () => {
    const text = revisionWith(`    for table in ("users", "posts"):
        add_timestamps(table)`).replace(
      "depends_on = None",
      'depends_on = None\n\ndef add_timestamps(table_name):\n    op.add_column(table_name, sa.Column("updated_at", sa.DateTime()))',
    );
    const revision = parseAlembicFile(text, "v/x.py");
    expect(revision.upgrade.statements.map((s) => s.sql)).toEqual([
      "ALTER TABLE users ADD COLUMN updated_at TIMESTAMP WITHOUT TIME ZONE",
      "ALTER TABLE posts ADD COLUMN updated_at TIMESTAMP WITHOUT TIME ZONE",
    ]);
    const helperLine = text.split("\n").findIndex((line) => line.includes("op.add_column(table_name")) + 1;
    expect(revision.upgrade.statements[0]?.span.line).toBe(helperLine);
  });

  it("reports ORM sessions and dynamic constructs as unanalyzed-operation naming the construct", () => {
    const revision = parseAlembicFile(
      revisionWith(`    session = orm.Session(bind=op.get_bind())
    users = session.query(User).all()
    op.create_table(*build_columns())
    op.add_column("t", sa.Column("x", MyCustomType()))`).replace(
        "import sqlalchemy as sa",
        "import sqlalchemy as sa\nfrom sqlalchemy import orm",
      ),
      "v/x.py",
    );
    const messages = revision.upgrade.problems.map((p) => p.message);
    expect(messages[0]).toContain("ORM session.query");
    expect(messages[1]).toContain("*columns");
    expect(messages[2]).toContain("MyCustomType");
    expect(revision.upgrade.statements.map((s) => s.sql)).toEqual(["ALTER TABLE t ADD COLUMN x TEXT"]);
    expect(revision.upgrade.operations.filter((o) => !o.analyzed).map((o) => o.construct)).toHaveLength(2);
  });

  it("reads Flask-SQLAlchemy's imported db.session and flags imported helpers called as statements", () => {
    const text = revisionWith(`    print("starting")
    db.session.execute("UPDATE widgets SET options = :options WHERE id = :id", {"options": "{}", "id": 1})
    db.session.commit()
    add_audit_trigger("users")`).replace(
      "import sqlalchemy as sa",
      "import sqlalchemy as sa\nfrom myapp.models import db\nfrom myapp.migration_helpers import add_audit_trigger",
    );
    const revision = parseAlembicFile(text, "v/x.py");
    expect(revision.upgrade.statements.map((s) => s.sql)).toEqual(["UPDATE widgets SET options = $1 WHERE id = $2"]);
    expect(revision.upgrade.problems.map((p) => p.message)).toEqual([
      expect.stringContaining("call to imported `myapp.migration_helpers.add_audit_trigger`"),
    ]);
  });

  it("gives the downgrade body its own statements and empty flag", () => {
    const revision = parseAlembicFile(
      revisionWith('    op.drop_column("a", "b")', '    op.add_column("a", sa.Column("b", sa.Text()))'),
      "v/x.py",
    );
    expect(revision.downgrade.empty).toBe(false);
    expect(revision.downgrade.statements.map((s) => s.sql)).toEqual(["ALTER TABLE a ADD COLUMN b TEXT"]);
    expect(revision.downgrade.span?.line).toBeGreaterThan(BODY_START);
  });
});
