/**
 * The hazards issue #12 found missed (and the false alarms it found), each from
 * both sides: the case that must fire and the case that must stay quiet.
 */
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/pipeline.js";
import { analyzeMigrations } from "../../src/rules/run.js";
import { resolveRuleSettings } from "../../src/rules/settings.js";
import { parseSql } from "../../src/sql/parse.js";
import type { Finding, Migration } from "../../src/types.js";
import { memoryFiles } from "../helpers/files.js";
import { lintRule } from "../helpers/lint.js";

const settings = resolveRuleSettings({});

function migration(id: string, sql: string, change: Migration["change"] = "unchanged"): Migration {
  const path = `migrations/${id}.sql`;
  return {
    id,
    name: id,
    path,
    tool: "sql",
    convention: "plain",
    parents: [],
    order: id,
    transactional: true,
    statements: parseSql(sql, path).statements,
    down: null,
    problems: [],
    change,
  };
}

/** Findings of `rule` for the last migration, with the ones before it as the base history. */
function withHistory(rule: string, ...sqls: string[]): Finding[] {
  const history = sqls.map((sql, i) =>
    migration(String(i + 1).padStart(3, "0"), sql, i === sqls.length - 1 ? "added" : "unchanged"),
  );
  const target = history.at(-1) as Migration;
  return analyzeMigrations([target], { pgVersion: 16, settings }, history).filter((f) => f.rule === rule);
}

describe("ADD … NOT VALID then VALIDATE in the same transaction", () => {
  it("fires for a CHECK and for a foreign key validated in the transaction that added them", () => {
    const check = lintRule(
      "add-check-validating",
      "ALTER TABLE users ADD CONSTRAINT age_positive CHECK (age > 0) NOT VALID;\nALTER TABLE users VALIDATE CONSTRAINT age_positive;",
      { transactional: true, convention: "prisma" },
    );
    expect(check).toHaveLength(1);
    expect(check[0]).toMatchObject({ line: 2, severity: "error" });
    expect(check[0]?.message).toContain("same transaction that added it NOT VALID (line 1)");
    expect(check[0]?.fix).toContain("in a migration of its own (`prisma migrate dev --create-only --name <name>`");
    const fk = lintRule(
      "add-foreign-key-validating",
      "BEGIN;\nALTER TABLE posts ADD CONSTRAINT posts_user FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;\nALTER TABLE posts VALIDATE CONSTRAINT posts_user;\nCOMMIT;",
    );
    expect(fk.map((f) => f.line)).toEqual([3]);
  });

  it("stays quiet when the VALIDATE runs in a transaction of its own", () => {
    const sql =
      "BEGIN;\nALTER TABLE users ADD CONSTRAINT age_positive CHECK (age > 0) NOT VALID;\nCOMMIT;\nBEGIN;\nALTER TABLE users VALIDATE CONSTRAINT age_positive;\nCOMMIT;";
    expect(lintRule("add-check-validating", sql)).toEqual([]);
    expect(
      lintRule("add-check-validating", "ALTER TABLE users VALIDATE CONSTRAINT age_positive;", { transactional: true }),
    ).toEqual([]);
  });
});

describe("add column → backfill → SET NOT NULL in one file", () => {
  it("fires on the SET NOT NULL of an existing table, naming the backfill", () => {
    const findings = lintRule(
      "set-not-null",
      'ALTER TABLE "Trace" ADD COLUMN "env" TEXT;\nUPDATE "Trace" SET "env" = \'default\';\nALTER TABLE "Trace" ALTER COLUMN "env" SET NOT NULL;',
      { transactional: true },
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]?.line).toBe(3);
    expect(findings[0]?.message).toContain("added by this change and backfilled at line 2");
    expect(findings[0]?.fix).toContain("constant DEFAULT and NOT NULL in one `ADD COLUMN`");
  });

  it("stays quiet when the table is created in the same file", () => {
    const sql =
      'CREATE TABLE "Trace" (id int);\nALTER TABLE "Trace" ADD COLUMN "env" TEXT;\nUPDATE "Trace" SET "env" = \'default\';\nALTER TABLE "Trace" ALTER COLUMN "env" SET NOT NULL;';
    expect(lintRule("set-not-null", sql, { transactional: true })).toEqual([]);
  });
});

describe("set-not-null learns a validated CHECK from the base history", () => {
  it("stays quiet when an earlier PR added and validated CHECK (col IS NOT NULL)", () => {
    const findings = withHistory(
      "set-not-null",
      "CREATE TABLE users (id int, email text);",
      "ALTER TABLE users ADD CONSTRAINT email_nn CHECK (email IS NOT NULL) NOT VALID;",
      "ALTER TABLE users VALIDATE CONSTRAINT email_nn;",
      "ALTER TABLE users ALTER COLUMN email SET NOT NULL;",
    );
    expect(findings).toEqual([]);
  });

  it("fires when the earlier CHECK was never validated, or was dropped", () => {
    expect(
      withHistory(
        "set-not-null",
        "CREATE TABLE users (id int, email text);",
        "ALTER TABLE users ADD CONSTRAINT email_nn CHECK (email IS NOT NULL) NOT VALID;",
        "ALTER TABLE users ALTER COLUMN email SET NOT NULL;",
      ),
    ).toHaveLength(1);
    expect(
      withHistory(
        "set-not-null",
        "CREATE TABLE users (id int, email text);",
        "ALTER TABLE users ADD CONSTRAINT email_nn CHECK (email IS NOT NULL);",
        "ALTER TABLE users DROP CONSTRAINT email_nn;",
        "ALTER TABLE users ALTER COLUMN email SET NOT NULL;",
      ),
    ).toHaveLength(1);
  });
});

describe("schema-migration-mismatch in validate --base", () => {
  const base = {
    "prisma/schema.prisma":
      'datasource db {\n  provider = "postgresql"\n  url = env("DATABASE_URL")\n}\n\nmodel User {\n  id Int @id\n}\n',
    "prisma/migrations/migration_lock.toml": 'provider = "postgresql"\n',
    "prisma/migrations/20240101000000_init/migration.sql":
      'CREATE TABLE "User" ("id" INTEGER NOT NULL, CONSTRAINT "User_pkey" PRIMARY KEY ("id"));\n',
  };

  it("fires when schema.prisma changed and the PR adds no migration", async () => {
    const head = {
      ...base,
      "prisma/schema.prisma": base["prisma/schema.prisma"].replace("id Int @id", "id Int @id\n  email String"),
    };
    const { result } = await analyze([], {
      root: "/nonexistent",
      format: "json",
      trace: false,
      color: false,
      files: memoryFiles(head),
      baseFiles: memoryFiles(base),
    });
    const findings = result.findings.filter((f) => f.rule === "schema-migration-mismatch");
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ path: "prisma/schema.prisma", severity: "error" });
    expect(findings[0]?.fix).toContain("`/db-migrate generate`");
  });

  it("stays quiet when only a comment of schema.prisma changed", async () => {
    const head = { ...base, "prisma/schema.prisma": `// the users\n${base["prisma/schema.prisma"]}` };
    const { result } = await analyze([], {
      root: "/nonexistent",
      format: "json",
      trace: false,
      color: false,
      files: memoryFiles(head),
      baseFiles: memoryFiles(base),
    });
    expect(result.findings.filter((f) => f.rule === "schema-migration-mismatch")).toEqual([]);
  });
});

describe("a partial index does not cover a foreign key", () => {
  it("fires when the only index on the key columns is partial", () => {
    const sql =
      "CREATE TABLE posts (id int PRIMARY KEY, author_id int REFERENCES users (id));\nCREATE INDEX posts_live_author ON posts (author_id) WHERE deleted_at IS NULL;";
    expect(lintRule("foreign-key-without-index", sql)).toHaveLength(1);
  });

  it("stays quiet with a full index on the key columns", () => {
    const sql =
      "CREATE TABLE posts (id int PRIMARY KEY, author_id int REFERENCES users (id));\nCREATE INDEX posts_author ON posts (author_id);";
    expect(lintRule("foreign-key-without-index", sql)).toEqual([]);
  });
});

describe("PRIMARY KEY USING INDEX on a nullable column", () => {
  it("fires when a key column of the index is nullable", () => {
    const findings = withHistory(
      "add-primary-key",
      "CREATE TABLE events (id bigint, name text);",
      "CREATE UNIQUE INDEX CONCURRENTLY events_id ON events (id);",
      "ALTER TABLE events ADD CONSTRAINT events_pkey PRIMARY KEY USING INDEX events_id;",
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain("`id` is nullable");
  });

  it("stays quiet when the column is already NOT NULL", () => {
    const findings = withHistory(
      "add-primary-key",
      "CREATE TABLE events (id bigint, name text);",
      "ALTER TABLE events ADD CONSTRAINT id_nn CHECK (id IS NOT NULL) NOT VALID;\nALTER TABLE events VALIDATE CONSTRAINT id_nn;\nALTER TABLE events ALTER COLUMN id SET NOT NULL;",
      "CREATE UNIQUE INDEX CONCURRENTLY events_id ON events (id);",
      "ALTER TABLE events ADD CONSTRAINT events_pkey PRIMARY KEY USING INDEX events_id;",
    );
    expect(findings).toEqual([]);
  });
});

describe("a stray extra COMMIT", () => {
  it("fires on a COMMIT with no transaction open", () => {
    const findings = lintRule(
      "nested-transaction",
      "BEGIN;\nUPDATE t SET a = 1 WHERE id = 1;\nCOMMIT;\nUPDATE t SET a = 2 WHERE id = 2;\nCOMMIT;",
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 5 });
    expect(findings[0]?.message).toContain("already ended at line 3");
  });

  it("stays quiet on a COMMIT that closes its BEGIN", () => {
    expect(lintRule("nested-transaction", "BEGIN;\nUPDATE t SET a = 1 WHERE id = 1;\nCOMMIT;")).toEqual([]);
  });
});

describe("false alarms", () => {
  it("DROP TYPE … CASCADE after every column of the enum is gone is not an error", () => {
    const findings = withHistory(
      "cascade-drop",
      "CREATE TYPE mood AS ENUM ('ok', 'sad');\nCREATE TABLE people (id int, mood mood);",
      "ALTER TABLE people DROP COLUMN mood;",
      "DROP TYPE mood CASCADE;",
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]?.severity).toBe("warning");
    expect(findings[0]?.message).toContain("no column of the schema the migrations build uses it any more");
  });

  it("DROP TYPE … CASCADE while a column still uses the enum stays an error", () => {
    const findings = withHistory(
      "cascade-drop",
      "CREATE TYPE mood AS ENUM ('ok', 'sad');\nCREATE TABLE people (id int, mood mood);",
      "DROP TYPE mood CASCADE;",
    );
    expect(findings[0]?.severity).toBe("error");
  });

  it("REINDEX SYSTEM is not told to be concurrent; REINDEX TABLE is", () => {
    const system = lintRule("reindex-non-concurrently", "REINDEX SYSTEM;");
    expect(system[0]?.fix).not.toMatch(/CONCURRENTLY/);
    expect(lintRule("reindex-non-concurrently", "REINDEX TABLE users;")[0]?.fix).toContain("CONCURRENTLY");
  });
});
