import path from "node:path";
import { describe, expect, it } from "vitest";
import { defaultConfig, parseConfig } from "../../src/config/load.js";
import { detectProjects } from "../../src/detect/index.js";
import { WorkingTree } from "../../src/workspace/working-tree.js";
import { memoryFiles } from "../helpers/files.js";

const fixture = (name: string) => new WorkingTree(path.resolve(import.meta.dirname, "../../fixtures", name));
const config = defaultConfig();

const REVISION = (id: string, down: string) =>
  `"""x\n\nRevision ID: ${id}\nRevises: ${down}\n"""\nrevision = "${id}"\ndown_revision = ${down === "None" ? "None" : `"${down}"`}\n`;
const ENV_PY =
  "from alembic import context\n\ndef run_migrations_online():\n    context.configure(connection=None, target_metadata=None)\n";

describe("detectProjects on the fixtures", () => {
  it.each([
    ["prisma-app", "prisma", "prisma", "prisma/migrations", true],
    ["flyway-app", "sql", "flyway", "src/main/resources/db/migration", true],
    ["golang-migrate-app", "sql", "golang-migrate", "db/migrations", false],
    ["diesel-app", "sql", "diesel", "migrations", true],
    ["dbmate-app", "sql", "dbmate", "db/migrations", true],
    ["sqitch-app", "sql", "sqitch", "", false],
    ["plain-sql-app", "sql", "plain", "migrations", false],
  ])("%s: %s/%s in %s", async (name, tool, convention, folder, transactional) => {
    const { projects, notices } = await detectProjects(fixture(name), config);
    expect(projects).toHaveLength(1);
    expect(projects[0]).toMatchObject({ tool, convention, folder, dialect: "postgresql", transactional });
    expect(projects[0]?.evidence.length).toBeGreaterThan(0);
    expect(notices.filter((n) => n.level !== "info")).toEqual([]);
  });

  it("finds both folders of the monorepo, with the schema from package.json", async () => {
    const { projects } = await detectProjects(fixture("monorepo"), config);
    expect(projects.map((p) => [p.folder, p.convention])).toEqual([
      ["services/api/prisma/migrations", "prisma"],
      ["services/billing/migrations", "golang-migrate"],
    ]);
    expect(projects[0]?.schemaPath).toBe("services/api/prisma/schema.prisma");
    expect(projects[0]?.evidence.join("\n")).toContain('prisma.schema = "prisma/schema.prisma"');
  });

  it("reads the dialect from flyway.conf, .env and sqitch.conf", async () => {
    expect((await detectProjects(fixture("flyway-app"), config)).projects[0]?.evidence.join("\n")).toContain(
      "flyway.conf: url names postgresql",
    );
    expect((await detectProjects(fixture("dbmate-app"), config)).projects[0]?.evidence.join("\n")).toContain(
      ".env: DATABASE_URL",
    );
    expect((await detectProjects(fixture("sqitch-app"), config)).projects[0]?.evidence.join("\n")).toContain(
      "sqitch engine pg",
    );
  });
});

describe("Alembic detection", () => {
  it("resolves %(here)s in alembic.ini and reads the URL's dialect", async () => {
    const files = memoryFiles({
      "backend/alembic.ini":
        "[alembic]\nscript_location = %(here)s/migrations\nsqlalchemy.url = mysql+pymysql://u@h/db\n",
      "backend/migrations/env.py": ENV_PY,
      "backend/migrations/versions/a1_init.py": REVISION("a1", "None"),
    });
    const { projects, notices } = await detectProjects(files, config);
    expect(projects).toEqual([
      expect.objectContaining({ tool: "alembic", folder: "backend/migrations/versions", dialect: "mysql" }),
    ]);
    expect(projects[0]?.files).toEqual(["backend/alembic.ini", "backend/migrations/env.py"]);
    expect(notices.map((n) => n.message)).toContain(
      "backend/migrations/versions: analysis covers PostgreSQL; mysql is detected but not analysed",
    );
  });

  it("reads every named section, resolving package:path script locations", async () => {
    const files = memoryFiles({
      "src/shop/alembic.ini":
        "[alembic]\n\n[core]\nscript_location = shop:db/revisions/core\n\n[tenant]\nscript_location = shop:db/revisions/tenant\n",
      "src/shop/db/revisions/core/env.py": ENV_PY,
      "src/shop/db/revisions/core/versions/a1.py": REVISION("a1", "None"),
      "src/shop/db/revisions/tenant/env.py": ENV_PY,
      "src/shop/db/revisions/tenant/versions/t1.py": REVISION("t1", "None"),
    });
    const { projects } = await detectProjects(files, config);
    expect(projects.map((p) => [p.folder, p.evidence[0]])).toEqual([
      [
        "src/shop/db/revisions/core/versions",
        "src/shop/alembic.ini:4: [core] script_location = shop:db/revisions/core",
      ],
      [
        "src/shop/db/revisions/tenant/versions",
        "src/shop/alembic.ini:7: [tenant] script_location = shop:db/revisions/tenant",
      ],
    ]);
  });

  it("takes Alembic's template URL (driver://) as no information", async () => {
    const files = memoryFiles({
      "alembic.ini": "[alembic]\nscript_location = alembic\nsqlalchemy.url = driver://user:pass@localhost/dbname\n",
      "alembic/env.py": ENV_PY,
      "alembic/versions/a1.py": REVISION("a1", "None"),
    });
    expect((await detectProjects(files, config)).projects[0]?.dialect).toBe("postgresql");
  });

  it("reads [tool.alembic] in pyproject.toml", async () => {
    const files = memoryFiles({
      "pyproject.toml": '[project]\nname = "x"\n\n[tool.alembic]\nscript_location = "%(here)s/db"\n',
      "db/env.py": ENV_PY,
      "db/versions/a1.py": REVISION("a1", "None"),
    });
    const { projects } = await detectProjects(files, config);
    expect(projects[0]).toMatchObject({
      tool: "alembic",
      folder: "db/versions",
      files: ["pyproject.toml", "db/env.py"],
    });
  });

  it("finds a project configured in code, without alembic.ini", async () => {
    const files = memoryFiles({
      "app/db/migrations/env.py": ENV_PY,
      "app/db/migrations/versions/a1.py": REVISION("a1", "None"),
      "app/db/migrations/versions/b2.py": REVISION("b2", "a1"),
      "app/tools/env.py": "import os\nprint(os.environ)\n",
    });
    const { projects } = await detectProjects(files, config);
    expect(projects.map((p) => p.folder)).toEqual(["app/db/migrations/versions"]);
    expect(projects[0]?.evidence[0]).toContain("context.configure");
  });

  it("models transactional_ddl=False", async () => {
    const files = memoryFiles({
      "alembic.ini": "[alembic]\nscript_location = alembic\n",
      "alembic/env.py": `${ENV_PY}    context.configure(transactional_ddl=False)\n`,
      "alembic/versions/a1.py": REVISION("a1", "None"),
    });
    expect((await detectProjects(files, config)).projects[0]?.transactional).toBe(false);
  });

  it("reports an empty versions folder as a notice", async () => {
    const files = memoryFiles({
      "alembic.ini": "[alembic]\nscript_location = alembic\n",
      "alembic/env.py": ENV_PY,
      "alembic/script.py.mako": "",
    });
    const { projects, notices } = await detectProjects(files, config);
    expect(projects).toHaveLength(1);
    expect(notices.some((n) => n.message.includes("no revisions yet"))).toBe(true);
  });
});

describe("Prisma detection", () => {
  it("takes the dialect from migration_lock.toml and says a mysql project is not analysed", async () => {
    const files = memoryFiles({
      "prisma/schema.prisma": 'datasource db {\n  provider = "mysql"\n  url = env("DATABASE_URL")\n}\n',
      "prisma/migrations/migration_lock.toml": 'provider = "mysql"\n',
      "prisma/migrations/20240101000000_init/migration.sql":
        "CREATE TABLE `a` (`id` INT AUTO_INCREMENT PRIMARY KEY);\n",
    });
    const { projects, notices } = await detectProjects(files, config);
    expect(projects[0]).toMatchObject({ tool: "prisma", dialect: "mysql", schemaPath: "prisma/schema.prisma" });
    expect(notices).toContainEqual(
      expect.objectContaining({
        level: "warning",
        message: "prisma/migrations: analysis covers PostgreSQL; mysql is detected but not analysed",
      }),
    );
  });

  it("follows prisma.config.ts to a schema folder and its migrations", async () => {
    const files = memoryFiles({
      "prisma.config.ts":
        'import { defineConfig } from "prisma/config";\nexport default defineConfig({\n  schema: "db/schema",\n  migrations: { path: "db/migrations" },\n});\n',
      "db/schema/base.prisma": 'datasource db {\n  provider = "postgresql"\n}\n',
      "db/schema/user.prisma": "model User {\n  id Int @id\n}\n",
      "db/migrations/20240101000000_init/migration.sql": "CREATE TABLE a (id int);\n",
    });
    const { projects } = await detectProjects(files, config);
    expect(projects).toEqual([
      expect.objectContaining({ folder: "db/migrations", schemaPath: "db/schema", dialect: "postgresql" }),
    ]);
  });

  it("notes a schema with no migrations folder (db push) and an empty migrations folder", async () => {
    const files = memoryFiles({
      "web/schema.prisma": 'datasource db {\n  provider = "postgresql"\n}\n',
      "api/prisma/schema.prisma": 'datasource db {\n  provider = "postgresql"\n}\n',
      "api/prisma/migrations/migration_lock.toml": 'provider = "postgresql"\n',
    });
    const { projects, notices } = await detectProjects(files, config);
    expect(projects.map((p) => p.folder)).toEqual(["api/prisma/migrations"]);
    expect(notices.map((n) => n.message).join("\n")).toMatch(
      /web\/schema\.prisma: a Prisma schema with no migrations folder/,
    );
    expect(notices.map((n) => n.message).join("\n")).toMatch(
      /api\/prisma\/migrations: the Prisma migrations folder has no migrations yet/,
    );
  });
});

describe("raw SQL detection", () => {
  it("tells a clickhouse folder and ignores numbered SQL in test folders", async () => {
    const files = memoryFiles({
      "clickhouse/migrations/0001_traces.up.sql": "CREATE TABLE traces (id String) ENGINE = MergeTree ORDER BY id;\n",
      "clickhouse/migrations/0001_traces.down.sql": "DROP TABLE traces;\n",
      "db/migrations/tests/001_a.sql": "SELECT 1;\n",
      "db/migrations/tests/002_b.sql": "SELECT 2;\n",
    });
    const { projects } = await detectProjects(files, config);
    expect(projects.map((p) => [p.folder, p.dialect])).toEqual([["clickhouse/migrations", "clickhouse"]]);
  });

  it("detects dbmate by its section markers, not its names", async () => {
    const files = memoryFiles({
      "db/migrations/20240101000000_a.sql": "-- migrate:up\nCREATE TABLE a (id int);\n-- migrate:down\nDROP TABLE a;\n",
    });
    expect((await detectProjects(files, config)).projects[0]?.convention).toBe("dbmate");
  });

  it("says nothing was found in an empty repository", async () => {
    const { projects, notices } = await detectProjects(memoryFiles({ "README.md": "hi" }), config);
    expect(projects).toEqual([]);
    expect(notices[0]?.message).toContain("no migrations found");
  });
});

describe("configured projects", () => {
  it("win over detection, and detect the tool inside the configured folder", async () => {
    const configured = parseConfig("projects:\n  - path: services/billing\n", ".db-migrate.yml");
    const { projects } = await detectProjects(fixture("monorepo"), configured);
    expect(projects.map((p) => [p.folder, p.convention])).toEqual([["services/billing/migrations", "golang-migrate"]]);
  });

  it("apply the configured convention, dialect and transactional setting", async () => {
    const files = memoryFiles({
      "sql/changes/first.sql": "CREATE TABLE a (id int);\n",
      "sql/changes/second.sql": "SELECT 1;\n",
    });
    const configured = parseConfig(
      "projects:\n  - path: sql/changes\n    convention: plain\n    transactional: true\n    dialect: postgres\n",
      ".db-migrate.yml",
    );
    const { projects } = await detectProjects(files, configured);
    expect(projects).toEqual([
      expect.objectContaining({
        folder: "sql/changes",
        convention: "plain",
        transactional: true,
        dialect: "postgresql",
      }),
    ]);
  });

  it("apply the global transactional to SQL projects, a project's own setting first", async () => {
    const files = memoryFiles({ "a/migrations/001_x.sql": "SELECT 1;\n", "b/migrations/001_y.sql": "SELECT 1;\n" });
    const configured = parseConfig(
      "transactional: true\nprojects:\n  - path: a/migrations\n  - path: b/migrations\n    transactional: false\n",
      ".db-migrate.yml",
    );
    const { projects } = await detectProjects(files, configured);
    expect(projects.map((p) => [p.folder, p.transactional])).toEqual([
      ["a/migrations", true],
      ["b/migrations", false],
    ]);
  });

  it("report a configured folder with nothing in it", async () => {
    const configured = parseConfig("paths:\n  - nowhere\n", ".db-migrate.yml");
    const { projects, notices } = await detectProjects(memoryFiles({ "a.txt": "" }), configured);
    expect(projects).toEqual([]);
    expect(notices[0]).toMatchObject({ level: "error", path: "nowhere" });
  });
});

describe("Flask-Migrate layout", () => {
  it("finds migrations/ whose alembic.ini has no script_location (it is set in code)", async () => {
    const files = memoryFiles({
      "migrations/alembic.ini":
        "# A generic, single database configuration.\n\n[alembic]\n# template used to generate migration files\n\n[loggers]\nkeys = root\n",
      "migrations/env.py": `import logging\nfrom flask import current_app\n${ENV_PY}`,
      "migrations/versions/a1_init.py": REVISION("a1", "None"),
    });
    const { projects } = await detectProjects(files, config);
    expect(projects).toEqual([
      expect.objectContaining({
        tool: "alembic",
        folder: "migrations/versions",
        files: ["migrations/alembic.ini", "migrations/env.py"],
      }),
    ]);
  });
});

describe("plain SQL detection thresholds", () => {
  it("takes a single numbered file in a migrations folder, but not a lone numbered file elsewhere", async () => {
    const first = memoryFiles({ "supabase/migrations/20240101000000_init.sql": "CREATE TABLE a (id int);\n" });
    expect((await detectProjects(first, config)).projects.map((p) => [p.folder, p.convention])).toEqual([
      ["supabase/migrations", "plain"],
    ]);
    const lone = memoryFiles({ "db/001_x.sql": "SELECT 1;\n", "reports/2024_q1.sql": "SELECT 1;\n" });
    expect((await detectProjects(lone, config)).projects).toEqual([]);
  });
});

describe("Flyway folders", () => {
  it("reads version subfolders as one history, as Flyway does", async () => {
    const files = memoryFiles({
      "db/migration/v1/V1__init.sql": "CREATE TABLE a (id int);\n",
      "db/migration/v1/V1_1__b.sql": "SELECT 1;\n",
      "db/migration/v2/V2__c.sql": "SELECT 2;\n",
      "db/migration/V3__d.sql": "SELECT 3;\n",
    });
    expect((await detectProjects(files, config)).projects.map((p) => p.folder)).toEqual(["db/migration"]);
  });

  it("keeps folders named for different databases apart", async () => {
    const files = memoryFiles({
      "migrations/postgres/V1__init.sql": "CREATE TABLE a (id int);\n",
      "migrations/mysql/V1__init.sql": "CREATE TABLE a (id int);\n",
    });
    expect((await detectProjects(files, config)).projects.map((p) => [p.folder, p.dialect])).toEqual([
      ["migrations/mysql", "mysql"],
      ["migrations/postgres", "postgresql"],
    ]);
  });
});
