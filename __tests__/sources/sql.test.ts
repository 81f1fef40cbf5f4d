import path from "node:path";
import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../src/config/load.js";
import { detectProjects } from "../../src/detect/index.js";
import { loadProject } from "../../src/sources/index.js";
import { parseSqitchPlan } from "../../src/sources/sqitch/load.js";
import type { Convention, Project } from "../../src/types.js";
import type { FileSource } from "../../src/workspace/types.js";
import { WorkingTree } from "../../src/workspace/working-tree.js";
import { memoryFiles } from "../helpers/files.js";

const fixture = (name: string) => new WorkingTree(path.resolve(import.meta.dirname, "../../fixtures", name));

async function loadFirst(files: FileSource, options = {}) {
  const { projects } = await detectProjects(files, defaultConfig());
  const project = projects[0] as Project;
  return { project, migrations: await loadProject(project, files, options) };
}

function sqlProject(convention: Convention, folder = "migrations", transactional = true): Project {
  return { tool: "sql", convention, folder, dialect: "postgresql", transactional, files: [], evidence: [] };
}

describe("Flyway", () => {
  it("orders versions numerically by parts, repeatables last, and pairs U undo files", async () => {
    const { migrations } = await loadFirst(fixture("flyway-app"));
    expect(migrations.map((m) => m.id)).toEqual(["1", "1.1", "2", "10", "R__account_order_totals"]);
    expect(migrations.at(-1)?.repeatable).toBe(true);
    expect(migrations[2]?.down?.path).toMatch(/U2__create_orders\.sql$/);
    expect(migrations[3]?.parents).toEqual(["2"]);
    expect(migrations.every((m) => m.transactional)).toBe(true);
    expect(migrations[0]?.checksum).toMatch(/^[0-9a-f]{64}$/);
  });

  it("sorts 2_1 like 2.1 and runs an all-CONCURRENTLY or executeInTransaction=false script without a transaction", async () => {
    const files = memoryFiles({
      "db/V2_1__b.sql": "CREATE INDEX CONCURRENTLY i ON t (a);\n",
      "db/V2__a.sql": "-- flyway:executeInTransaction=false\nALTER TABLE t ADD COLUMN a int;\n",
      "db/V1__init.sql": "CREATE TABLE t (id int);\n",
      "db/V3__mixed.sql": "CREATE TABLE u (id int);\nCREATE INDEX CONCURRENTLY j ON u (id);\n",
    });
    const migrations = await loadProject(sqlProject("flyway", "db"), files, {});
    expect(migrations.map((m) => [m.id, m.transactional])).toEqual([
      ["1", true],
      ["2", false],
      ["2_1", false],
      ["3", true],
    ]);
  });

  it("reads version subfolders recursively", async () => {
    const files = memoryFiles({
      "db/v2/V2__c.sql": "SELECT 2;\n",
      "db/v1/V1_1__b.sql": "SELECT 1;\n",
      "db/v1/V1__init.sql": "SELECT 0;\n",
    });
    expect((await loadProject(sqlProject("flyway", "db"), files, {})).map((m) => m.id)).toEqual(["1", "1_1", "2"]);
  });

  it("keeps a misnamed file as unrecognized, outside the order", async () => {
    const files = memoryFiles({
      "db/V1__init.sql": "SELECT 1;\n",
      "db/V2_add_users.sql": "SELECT 2;\n",
      "db/beforeMigrate.sql": "SELECT 3;\n",
    });
    const migrations = await loadProject(sqlProject("flyway", "db"), files, {});
    expect(migrations.map((m) => [m.path, m.unrecognized !== undefined])).toEqual([
      ["db/V1__init.sql", false],
      ["db/V2_add_users.sql", true],
    ]);
  });
});

describe("golang-migrate", () => {
  it("pairs .up.sql with .down.sql and orders by version", async () => {
    const { migrations } = await loadFirst(fixture("golang-migrate-app"));
    expect(migrations.map((m) => m.id)).toEqual(["000001", "000002", "000003"]);
    expect(migrations[0]?.down?.path).toBe("db/migrations/000001_create_users.down.sql");
    expect(migrations[2]?.down).toBeNull();
  });

  it("models one Exec per file: several statements run as one implicit transaction, a lone one does not", async () => {
    const { migrations } = await loadFirst(fixture("golang-migrate-app"));
    expect(migrations.map((m) => m.transactional)).toEqual([false, false, true]);
  });

  it("orders 10 after 9 whatever the padding", async () => {
    const files = memoryFiles({ "m/10_b.up.sql": "SELECT 1;\n", "m/9_a.up.sql": "SELECT 1;\n" });
    expect((await loadProject(sqlProject("golang-migrate", "m", false), files, {})).map((m) => m.id)).toEqual([
      "9",
      "10",
    ]);
  });
});

describe("diesel", () => {
  it("reads up.sql/down.sql folders in version order and run_in_transaction = false", async () => {
    const { migrations } = await loadFirst(fixture("diesel-app"));
    expect(migrations.map((m) => m.id)).toEqual(["00000000000000", "20240110101500", "20240201090000"]);
    expect(migrations.map((m) => m.transactional)).toEqual([true, true, false]);
    expect(migrations[1]?.down?.path).toBe("migrations/2024-01-10-101500_create_posts/down.sql");
    expect(migrations[1]?.name).toBe("create posts");
  });
});

describe("dbmate", () => {
  it("splits the up and down sections, keeping the file's line numbers", async () => {
    const { migrations } = await loadFirst(fixture("dbmate-app"));
    const first = migrations[0];
    expect(first?.statements[0]?.span.line).toBe(2);
    expect(first?.down?.statements[0]?.sql).toBe("DROP TABLE users");
    expect(first?.down?.statements[0]?.span.line).toBe(9);
    expect(first?.down?.path).toBe(first?.path);
  });

  it("honours transaction:false and reports an empty down section as empty", async () => {
    const { migrations } = await loadFirst(fixture("dbmate-app"));
    expect(migrations[1]?.transactional).toBe(false);
    expect(migrations[1]?.statements[0]?.autocommit).toBe(true);
    expect(migrations[0]?.transactional).toBe(true);
    expect(migrations[2]?.down).toMatchObject({ empty: true });
  });

  it("reports a file without -- migrate:up", async () => {
    const files = memoryFiles({ "db/migrations/1_a.sql": "CREATE TABLE a (id int);\n" });
    const [migration] = await loadProject(sqlProject("dbmate", "db/migrations"), files, {});
    expect(migration?.problems[0]?.message).toContain("-- migrate:up");
  });
});

describe("sqitch", () => {
  it("follows sqitch.plan's order with deploy and revert scripts", async () => {
    const { migrations } = await loadFirst(fixture("sqitch-app"));
    expect(migrations.map((m) => m.id)).toEqual(["appschema", "users", "flips"]);
    expect(migrations.map((m) => m.down?.path)).toEqual([
      "revert/appschema.sql",
      "revert/users.sql",
      "revert/flips.sql",
    ]);
    expect(migrations[2]?.dependsOn).toEqual(["appschema", "users"]);
    expect(migrations[1]?.parents).toEqual(["appschema"]);
    expect(migrations[0]?.transactional).toBe(false);
  });

  it("names the earlier scripts of a reworked change <change>@<tag>", () => {
    const plan = parseSqitchPlan(
      "%syntax-version=1.0.0\nusers 2024-01-01T00:00:00Z A <a@x> # first\n@v1 2024-01-02T00:00:00Z A <a@x>\nusers [users@v1] 2024-01-03T00:00:00Z A <a@x> # reworked\n",
    );
    expect(plan.map((c) => c.stem)).toEqual(["users@v1", "users"]);
  });

  it("has no migrations where there is no plan (a base ref from before the project)", async () => {
    const project = { ...sqlProject("sqitch", "", false), files: ["sqitch.plan"] };
    expect(await loadProject(project, memoryFiles({ "README.md": "x" }), {})).toEqual([]);
  });

  it("reports a change whose deploy script is missing, at its plan line", async () => {
    const files = memoryFiles({ "sqitch.plan": "%project=x\n\nwidgets 2024-01-01T00:00:00Z A <a@x>\n" });
    const project = { ...sqlProject("sqitch", "", false), files: ["sqitch.plan"] };
    const [migration] = await loadProject(project, files, {});
    expect(migration?.problems[0]).toMatchObject({ path: "sqitch.plan", span: { line: 3 } });
  });
});

describe("goose-annotated numbered files", () => {
  const files = memoryFiles({
    "db/migrations/00001_create_users.sql":
      "-- +goose Up\n-- +goose StatementBegin\nCREATE TABLE users (id bigint);\n-- +goose StatementEnd\n\n-- +goose Down\nDROP TABLE users;\n",
    "db/migrations/00002_index_users.sql":
      "-- +goose NO TRANSACTION\n-- +goose Up\nCREATE INDEX CONCURRENTLY users_id ON users (id);\n\n-- +goose Down\nDROP INDEX CONCURRENTLY users_id;\n",
  });

  it("is detected with goose's transaction default", async () => {
    const { project } = await loadFirst(files);
    expect(project).toMatchObject({ convention: "goose", transactional: true });
    expect(project.evidence[0]).toContain("goose");
  });

  it("runs only the up section, keeps the down section as the rollback, and honours NO TRANSACTION", async () => {
    const { migrations } = await loadFirst(files);
    expect(migrations.map((m) => m.statements.map((s) => s.sql))).toEqual([
      ["CREATE TABLE users (id bigint)"],
      ["CREATE INDEX CONCURRENTLY users_id ON users (id)"],
    ]);
    expect(migrations[0]?.statements[0]?.span.line).toBe(3);
    expect(migrations[0]?.down?.statements[0]?.sql).toBe("DROP TABLE users");
    expect(migrations.map((m) => m.transactional)).toEqual([true, false]);
    // NO TRANSACTION covers the Down section too.
    expect(migrations[1]?.down?.statements[0]?.autocommit).toBe(true);
  });

  it("reports what goose itself refuses or cuts: no Up annotation, an unclosed block, a body cut at `;`", async () => {
    const broken = memoryFiles({
      "db/migrations/00001_ok.sql": "-- +goose Up\nCREATE TABLE t (a int);\n",
      "db/migrations/00002_no_up.sql": "CREATE TABLE u (a int);\n",
      "db/migrations/00003_unclosed.sql": "-- +goose Up\n-- +goose StatementBegin\nCREATE TABLE v (a int);\n",
      "db/migrations/00004_cut.sql":
        "-- +goose Up\nCREATE FUNCTION f() RETURNS int AS $$\nBEGIN\n  RETURN 1;\nEND;\n$$ LANGUAGE plpgsql;\n",
      "db/migrations/00005_block.sql":
        "-- +goose Up\n-- +goose StatementBegin\nCREATE FUNCTION g() RETURNS int AS $$\nBEGIN\n  RETURN 1;\nEND;\n$$ LANGUAGE plpgsql;\n-- +goose StatementEnd\n",
    });
    const { migrations } = await loadFirst(broken);
    const problems = (id: string) =>
      (migrations.find((m) => m.id === id)?.problems ?? []).map((p) => [p.rule, p.span.line, p.message.slice(0, 40)]);
    expect(problems("00001")).toEqual([]);
    expect(problems("00002")).toEqual([["parse-error", 1, "goose refuses a SQL migration with no `-"]]);
    expect(problems("00003")).toEqual([["parse-error", 2, "`-- +goose StatementBegin` has no `-- +g"]]);
    expect(problems("00004")).toEqual([["parse-error", 2, "goose ends a statement at every line end"]]);
    expect(problems("00005")).toEqual([]);
  });

  it("keeps a Go migration in the order, noticed and not analysed", async () => {
    const withGo = memoryFiles({
      "db/migrations/00001_create.sql": "-- +goose Up\nCREATE TABLE t (a int);\n",
      "db/migrations/00002_backfill.go": "package migrations\n",
      "db/migrations/00002_backfill_test.go": "package migrations\n",
      "db/migrations/00003_more.sql": "-- +goose Up\nALTER TABLE t ADD COLUMN b int;\n",
    });
    const { migrations } = await loadFirst(withGo);
    expect(migrations.map((m) => [m.id, m.parents, m.statements.length])).toEqual([
      ["00001", [], 1],
      ["00002", ["00001"], 0],
      ["00003", ["00002"], 1],
    ]);
    expect(migrations[1]?.problems).toMatchObject([{ rule: "unanalyzed-operation", severity: "info" }]);
  });
});

describe("plain numbered files and robustness", () => {
  it("orders plain files numerically and links them linearly", async () => {
    const { migrations } = await loadFirst(fixture("plain-sql-app"));
    expect(migrations.map((m) => [m.id, m.parents])).toEqual([
      ["001", []],
      ["002", ["001"]],
      ["010", ["002"]],
    ]);
    expect(migrations[0]?.down).toBeNull();
  });

  it("loads the rest when one file is unreadable", async () => {
    const files = memoryFiles({
      "migrations/001_a.sql": "CREATE TABLE a (id int);\n",
      "migrations/002_b.sql": Buffer.from([0x43, 0x00, 0x01]),
      "migrations/003_c.sql": "CREATE TABLE c (id int);\n",
    });
    const migrations = await loadProject(sqlProject("plain"), files, {});
    expect(migrations).toHaveLength(3);
    expect(migrations[1]?.problems[0]).toMatchObject({ rule: "unreadable-file", path: "migrations/002_b.sql" });
    expect(migrations[2]?.statements).toHaveLength(1);
  });

  it("returns no migrations for an empty folder", async () => {
    expect(await loadProject(sqlProject("golang-migrate"), memoryFiles({}), {})).toEqual([]);
  });

  it("applies exclude globs and template variables", async () => {
    const files = memoryFiles({
      "migrations/001_a.sql": "CREATE TABLE {{schema}}.a (id int);\n",
      "migrations/002_seed.sql": "INSERT INTO a VALUES (1);\n",
    });
    const migrations = await loadProject(sqlProject("plain"), files, {
      exclude: ["**/*_seed.sql"],
      templateVars: { schema: "app" },
    });
    expect(migrations.map((m) => m.id)).toEqual(["001"]);
    expect(migrations[0]?.problems).toEqual([]);
    expect(migrations[0]?.statements[0]?.kind).toBe("CreateStmt");
  });

  it("lets config transactional override a convention's default", async () => {
    const files = memoryFiles({ "migrations/001_a.sql": "SELECT 1;\n" });
    const [migration] = await loadProject(sqlProject("plain", "migrations", false), files, { transactional: true });
    expect(migration?.transactional).toBe(true);
  });
});
