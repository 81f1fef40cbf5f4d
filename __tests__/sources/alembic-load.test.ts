import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadAlembic } from "../../src/sources/alembic/index.js";
import { pgTypeToSqlalchemy, sqlalchemyTypeTextToPg, sqlalchemyTypeToPg } from "../../src/sources/alembic/types-map.js";
import { loadParser } from "../../src/sql/parse.js";
import type { Project } from "../../src/types.js";
import type { FileSource } from "../../src/workspace/types.js";
import { WorkingTree } from "../../src/workspace/working-tree.js";

beforeAll(async () => {
  await loadParser();
});

const FIXTURES = path.resolve(import.meta.dirname, "../../fixtures");

function project(folder: string, files: string[] = []): Project {
  return {
    tool: "alembic",
    convention: "alembic",
    folder,
    dialect: "postgresql",
    transactional: true,
    files,
    evidence: [],
  };
}

/** An in-memory repository. */
function memory(files: Record<string, string | Buffer>): FileSource {
  return {
    label: "memory",
    async list(dir) {
      return Object.keys(files)
        .filter((f) => f.startsWith(dir ? `${dir}/` : ""))
        .sort();
    },
    async read(file) {
      const content = files[file];
      if (content === undefined) return null;
      return typeof content === "string" ? Buffer.from(content) : content;
    },
  };
}

function revision(id: string, down: string, body = "    pass"): string {
  return `"""${id}\n\nRevision ID: ${id}\nRevises: ${down}\n"""\nfrom alembic import op\nimport sqlalchemy as sa\n\nrevision = "${id}"\ndown_revision = ${down}\n\n\ndef upgrade():\n${body}\n\n\ndef downgrade():\n    pass\n`;
}

describe("loadAlembic on fixtures/alembic-app", () => {
  const folder = "migrations/versions";
  const files = new WorkingTree(path.join(FIXTURES, "alembic-app"));

  it("loads every revision in graph order with the merge after both branches", async () => {
    const migrations = await loadAlembic(project(folder, ["alembic.ini", "migrations/env.py"]), files, {});
    // Real Alembic 1.x's `upgrade heads` order for this fixture.
    expect(migrations.map((m) => m.id)).toEqual([
      "3f2b1c9d8e7a",
      "8a4d2e6f1b3c",
      "c7e9a1b2d4f6",
      "9d1e3f5a7b9c",
      "5b8c0d2e4f6a",
      "e2f4a6b8c0d1",
      "1a3c5e7f9b2d",
    ]);
    const merge = migrations.find((m) => m.id === "e2f4a6b8c0d1");
    expect(merge?.parents).toEqual(["5b8c0d2e4f6a", "9d1e3f5a7b9c"]);
    expect(merge?.down?.empty).toBe(true);
    const parents = new Set(migrations.flatMap((m) => m.parents));
    expect(migrations.filter((m) => !parents.has(m.id)).map((m) => m.id)).toEqual(["1a3c5e7f9b2d"]);
    expect(migrations.flatMap((m) => m.problems)).toEqual([]);
  });

  it("fills the Migration fields: tool, name, path, checksum, transactions", async () => {
    const migrations = await loadAlembic(project(folder, ["alembic.ini", "migrations/env.py"]), files, {});
    const first = migrations[0];
    const file = `${folder}/3f2b1c9d8e7a_create_users_and_posts.py`;
    expect(first).toMatchObject({
      tool: "alembic",
      convention: "alembic",
      name: "create users and posts",
      path: file,
      order: "",
      transactional: true,
    });
    const bytes = readFileSync(path.join(FIXTURES, "alembic-app", file));
    expect(first?.checksum).toBe(createHash("sha256").update(bytes).digest("hex"));
    const concurrent = migrations.at(-1)?.statements[0];
    expect(concurrent).toMatchObject({ autocommit: true, inTransaction: false, origin: "op.create_index" });
    expect(concurrent?.sql).toContain("CONCURRENTLY");
    expect(migrations[1]?.statements[0]).toMatchObject({
      inTransaction: true,
      path: `${folder}/8a4d2e6f1b3c_add_posts_user_id_index.py`,
    });
  });

  it("reads the raw SQL of a module-level constant", async () => {
    const migrations = await loadAlembic(project(folder), files, {});
    const backfill = migrations.find((m) => m.id === "9d1e3f5a7b9c");
    expect(backfill?.statements.map((s) => s.kind)).toEqual([
      "AlterTableStmt",
      "UpdateStmt",
      "AlterTableStmt",
      "AlterTableStmt",
    ]);
  });

  it("honours options.transactional === false", async () => {
    const migrations = await loadAlembic(project(folder), files, { transactional: false });
    expect(migrations.every((m) => !m.transactional && m.statements.every((s) => s.inTransaction === false))).toBe(
      true,
    );
  });
});

describe("loadAlembic on fixtures/alembic-pyproject", () => {
  it("loads the three revisions of a project configured in pyproject.toml", async () => {
    const files = new WorkingTree(path.join(FIXTURES, "alembic-pyproject"));
    const migrations = await loadAlembic(project("alembic/versions", ["pyproject.toml", "alembic/env.py"]), files, {});
    expect(migrations.map((m) => m.id)).toEqual(["0c1d2e3f4a5b", "6e7f8a9b0c1d", "b2c3d4e5f6a7"]);
    // transaction_per_migration=True still runs each migration in its own transaction.
    expect(migrations.every((m) => m.transactional)).toBe(true);
    expect(migrations[2]?.statements[0]?.sql).toBe("ALTER TABLE stock_items ADD COLUMN unit_price NUMERIC(12, 2)");
  });
});

describe("loadAlembic on broken repositories", () => {
  const v = "alembic/versions";

  it("keeps loading the other files when one has broken Python, a missing down_revision or binary bytes", async () => {
    const files = memory({
      [`${v}/aaaaaaaaaaaa_first.py`]: revision("aaaaaaaaaaaa", "None", '    op.drop_table("old")'),
      [`${v}/bbbbbbbbbbbb_broken.py`]: revision(
        "bbbbbbbbbbbb",
        '"aaaaaaaaaaaa"',
        '    op.add_column("t", sa.Column("a",\n',
      ),
      [`${v}/cccccccccccc_no_down.py`]: revision("cccccccccccc", '"bbbbbbbbbbbb"').replace(/down_revision = .*\n/, ""),
      [`${v}/dddddddddddd_binary.py`]: Buffer.from([0x72, 0x00, 0x01]),
      [`${v}/__init__.py`]: "",
    });
    const migrations = await loadAlembic(project(v), files, {});
    expect(migrations).toHaveLength(4);
    expect(migrations.find((m) => m.id === "aaaaaaaaaaaa")?.statements[0]?.sql).toBe("DROP TABLE old");
    expect(migrations.find((m) => m.id === "bbbbbbbbbbbb")?.problems.map((p) => p.rule)).toContain("parse-error");
    const noDown = migrations.find((m) => m.id === "cccccccccccc");
    expect(noDown?.problems.find((p) => p.rule === "broken-revision-chain")?.message).toContain("down_revision");
    const binary = migrations.find((m) => m.id === "dddddddddddd_binary");
    expect(binary?.problems.map((p) => p.rule)).toEqual(["unreadable-file"]);
  });

  it("keeps revisions with an unknown parent or in a cycle, after the others, with where down_revision is written", async () => {
    const files = memory({
      [`${v}/a_one.py`]: revision("a1", '"zz"'),
      [`${v}/b_two.py`]: revision("b2", '"c3"'),
      [`${v}/c_three.py`]: revision("c3", '"b2"'),
      [`${v}/d_four.py`]: revision("d4", '"a1"'),
    });
    const migrations = await loadAlembic(project(v), files, {});
    expect(migrations.map((m) => m.id)).toEqual(["a1", "d4", "b2", "c3"]);
    expect(migrations[0]?.parentsSpan?.line).toBe(10);
    // broken-revision-chain itself is the history rules' finding, not a load problem.
    expect(migrations.flatMap((m) => m.problems)).toEqual([]);
  });

  it("accepts a unique prefix of a revision id as a parent, as Alembic does", async () => {
    const files = memory({
      [`${v}/b.py`]: revision("bbbb2222cccc", '"aaaa1111"'),
      [`${v}/a.py`]: revision("aaaa1111ffff", "None"),
    });
    const migrations = await loadAlembic(project(v), files, {});
    expect(migrations.map((m) => m.id)).toEqual(["aaaa1111ffff", "bbbb2222cccc"]);
  });

  it("orders siblings of a branch as Alembic does and applies exclude globs", async () => {
    const files = memory({
      [`${v}/z_root.py`]: revision("r0", "None"),
      [`${v}/b_branch.py`]: revision("b1", '"r0"'),
      [`${v}/a_branch.py`]: revision("a1", '"r0"'),
      [`${v}/skip_me.py`]: revision("s1", '"r0"'),
    });
    const migrations = await loadAlembic(project(v), files, { exclude: [`${v}/skip_*.py`] });
    // `alembic upgrade heads` walks the heads in file order and emits in reverse: b1 before a1.
    expect(migrations.map((m) => m.id)).toEqual(["r0", "b1", "a1"]);
  });

  it("reads table names and SQL constants from the repository's own modules, never running them", async () => {
    const files = memory({
      "app/__init__.py": "",
      "app/models/__init__.py": "from .user import User\n",
      "app/models/user.py": 'class User(Base):\n    __tablename__ = "accounts"\n',
      "app/sql.py": 'PURGE = "DELETE FROM sessions WHERE expired"\n',
      [`${v}/a.py`]: revision(
        "a1",
        "None",
        '    op.execute(f"UPDATE {User.__tablename__} SET active = true")\n    op.execute(PURGE)',
      ).replace(
        "import sqlalchemy as sa",
        "import sqlalchemy as sa\nfrom app.models import User\nfrom app.sql import PURGE",
      ),
    });
    const [migration] = await loadAlembic(project(v), files, {});
    expect(migration?.statements.map((s) => s.sql)).toEqual([
      "UPDATE accounts SET active = true",
      "DELETE FROM sessions WHERE expired",
    ]);
  });

  it("reads env.py transactional_ddl=False as non-transactional", async () => {
    const files = memory({
      "alembic/env.py": "context.configure(connection=connection, transactional_ddl=False)\n",
      [`${v}/a.py`]: revision("a1", "None", '    op.drop_table("x")'),
    });
    const [migration] = await loadAlembic(project(v, ["alembic/env.py"]), files, {});
    expect(migration?.transactional).toBe(false);
    expect(migration?.statements[0]?.inTransaction).toBe(false);
  });
});

describe("type mapping", () => {
  it("maps SQLAlchemy types to PostgreSQL and back", () => {
    const ref = (...path: string[]) => ({ kind: "ref" as const, path });
    expect(sqlalchemyTypeToPg(ref("sqlalchemy", "BigInteger"))?.sql).toBe("BIGINT");
    expect(sqlalchemyTypeToPg(ref("sqlalchemy", "LargeBinary"))?.sql).toBe("BYTEA");
    expect(sqlalchemyTypeToPg(ref("sqlalchemy", "dialects", "postgresql", "UUID"))?.sql).toBe("UUID");
    expect(sqlalchemyTypeToPg(ref("sqlmodel", "sql", "sqltypes", "AutoString"))?.sql).toBe("VARCHAR");
    expect(sqlalchemyTypeToPg(ref("sqlalchemy_utils", "types", "uuid", "UUIDType"))?.sql).toBe("UUID");
    expect(sqlalchemyTypeToPg(ref("myapp", "types", "Money"))).toBeUndefined();
    expect(sqlalchemyTypeTextToPg("sa.String(length=255)")?.sql).toBe("VARCHAR(255)");
    expect(sqlalchemyTypeTextToPg("postgresql.ARRAY(sa.Integer())")?.sql).toBe("INTEGER[]");
    expect(sqlalchemyTypeTextToPg("sa.DateTime(timezone=True)")?.sql).toBe("TIMESTAMP WITH TIME ZONE");
    expect(pgTypeToSqlalchemy("varchar(255)")?.python).toBe("sa.String(length=255)");
    expect(pgTypeToSqlalchemy("timestamptz")?.python).toBe("postgresql.TIMESTAMP(timezone=True)");
    expect(pgTypeToSqlalchemy("numeric(10,2)")?.python).toBe("sa.Numeric(precision=10, scale=2)");
    expect(pgTypeToSqlalchemy("text[]")).toEqual({
      python: "postgresql.ARRAY(sa.Text())",
      imports: ["import sqlalchemy as sa", "from sqlalchemy.dialects import postgresql"],
    });
    expect(pgTypeToSqlalchemy("int8")?.python).toBe("sa.BigInteger()");
    expect(pgTypeToSqlalchemy("my_enum")).toBeUndefined();
  });

  it.each([
    ["varchar(255)", "VARCHAR(255)"],
    ["int8", "BIGINT"],
    ["int4", "INTEGER"],
    ["bool", "BOOLEAN"],
    ["timestamptz", "TIMESTAMP WITH TIME ZONE"],
    ["timestamp without time zone", "TIMESTAMP WITHOUT TIME ZONE"],
    ["numeric(10,2)", "NUMERIC(10, 2)"],
    ["text[]", "TEXT[]"],
    ["jsonb", "JSONB"],
    ["uuid", "UUID"],
    ["bytea", "BYTEA"],
    ["timestamp(6) with time zone", "TIMESTAMP(6) WITH TIME ZONE"],
    ["character varying(40)[]", "VARCHAR(40)[]"],
    ["bit varying(8)", "BIT VARYING(8)"],
    ["double precision", "DOUBLE PRECISION"],
  ])("round-trips %s through its SQLAlchemy expression", (pg, expected) => {
    const python = pgTypeToSqlalchemy(pg)?.python;
    expect(python).toBeDefined();
    expect(sqlalchemyTypeTextToPg(python as string)?.sql).toBe(expected);
  });
});
