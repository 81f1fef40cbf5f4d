/** Names a revision imports: the project's own TypeDecorators, Alembic's op under other names. */
import { beforeAll, describe, expect, it } from "vitest";
import { loadAlembic } from "../../../src/sources/alembic/index.js";
import { loadParser } from "../../../src/sql/parse.js";
import type { Project } from "../../../src/types.js";
import type { FileSource } from "../../../src/workspace/types.js";

beforeAll(async () => {
  await loadParser();
});

const project: Project = {
  tool: "alembic",
  convention: "alembic",
  folder: "migrations/versions",
  dialect: "postgresql",
  transactional: true,
  files: [],
  evidence: [],
};

function memory(files: Record<string, string>): FileSource {
  return {
    label: "memory",
    async list(dir) {
      return Object.keys(files)
        .filter((f) => f.startsWith(dir ? `${dir}/` : ""))
        .sort();
    },
    async read(file) {
      const content = files[file];
      return content === undefined ? null : Buffer.from(content);
    },
  };
}

async function upgradeOf(revisionText: string, modules: Record<string, string> = {}) {
  const [migration] = await loadAlembic(
    project,
    memory({ ...modules, "migrations/versions/a1_x.py": `revision = "a1"\ndown_revision = None\n${revisionText}` }),
    {},
  );
  return migration as NonNullable<typeof migration>;
}

const TYPES = `import sqlalchemy as sa
from sqlalchemy.types import TypeDecorator, UserDefinedType


class TZDateTime(TypeDecorator):
    impl = sa.DateTime(timezone=True)
    cache_ok = True


class CIText(UserDefinedType):
    cache_ok = True

    def get_col_spec(self, **kw):
        return "CITEXT"


class Base36(TypeDecorator):
    impl = sa.String
    cache_ok = True


class ShortCode(Base36):
    pass
`;

describe("Alembic modules: the project's TypeDecorator and UserDefinedType classes", () => {
  it("renders each as its impl (with the impl's and the call's arguments) or its get_col_spec, as SQLAlchemy does", async () => {
    const migration = await upgradeOf(
      `from alembic import op
import sqlalchemy as sa
from app.types import TZDateTime, CIText, ShortCode
import app.types


def upgrade():
    op.create_table(
        "t",
        sa.Column("at", TZDateTime(), nullable=False),
        sa.Column("email", CIText()),
        sa.Column("code", ShortCode(12)),
        sa.Column("other", app.types.Base36()),
    )
`,
      { "app/__init__.py": "", "app/types.py": TYPES },
    );
    // Alembic's offline SQL for the same files.
    expect(migration.statements.map((s) => s.sql.replace(/\s+/g, " "))).toEqual([
      "CREATE TABLE t ( at TIMESTAMP WITH TIME ZONE NOT NULL, email CITEXT, code VARCHAR(12), other VARCHAR )",
    ]);
    expect(migration.problems.filter((p) => p.message.includes("approximate"))).toEqual([]);
  });
});

describe("Alembic modules: a TypeDecorator choosing its type in load_dialect_impl", () => {
  it('takes the PostgreSQL branch of `if dialect.name == "postgresql"` on the method\'s dialect parameter', async () => {
    const migration = await upgradeOf(
      `from alembic import op
import sqlalchemy as sa
import app


def upgrade():
    op.create_table("t", sa.Column("id", app.db.UUID(), nullable=False), sa.Column("doc", app.db.JSON(astext_type=sa.Text())))
`,
      {
        "app/__init__.py": "",
        "app/db.py": `import sqlalchemy as sa
from sqlalchemy.dialects import postgresql
from sqlalchemy.types import CHAR, TypeDecorator, TypeEngine


class UUID(TypeDecorator):
    impl: type[TypeEngine] | TypeEngine = TypeEngine
    cache_ok = True

    def load_dialect_impl(self, dialect: sa.Dialect) -> TypeEngine:
        if dialect.name == "postgresql":
            return dialect.type_descriptor(postgresql.UUID())
        else:
            return dialect.type_descriptor(CHAR(36))


class JSON(TypeDecorator):
    impl = postgresql.JSONB
    cache_ok = True

    def load_dialect_impl(self, d):
        if d.name == "postgresql":
            return d.type_descriptor(postgresql.JSONB(none_as_null=True))
        return d.type_descriptor(sa.JSON(none_as_null=True))
`,
      },
    );
    expect(migration.statements.map((s) => s.sql.replace(/\s+/g, " "))).toEqual([
      "CREATE TABLE t ( id UUID NOT NULL, doc JSONB )",
    ]);
  });
});

describe("Alembic modules: op under other names", () => {
  it("reads `from alembic.op import create_table` and `from alembic import op as operations`", async () => {
    const migration = await upgradeOf(`from alembic.op import create_table, drop_table
from alembic import op as operations
import alembic
import sqlalchemy as sa


def upgrade():
    create_table("a", sa.Column("id", sa.Integer(), primary_key=True))
    operations.add_column("a", sa.Column("x", sa.Text()))
    alembic.op.drop_column("a", "x")
    drop_table("a")
`);
    expect(migration.statements.map((s) => s.sql.replace(/\s+/g, " "))).toEqual([
      "CREATE TABLE a ( id SERIAL NOT NULL, PRIMARY KEY (id) )",
      "ALTER TABLE a ADD COLUMN x TEXT",
      "ALTER TABLE a DROP COLUMN x",
      "DROP TABLE a",
    ]);
    expect(migration.problems.filter((p) => p.rule === "unanalyzed-operation")).toEqual([]);
  });
});
