import path from "node:path";
import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../src/config/load.js";
import { detectProjects } from "../../src/detect/index.js";
import { openPgliteSession } from "../../src/rollback/session.js";
import { loadProject } from "../../src/sources/index.js";
import { adapterFor } from "../../src/sources/registry.js";
import type { Migration, Project } from "../../src/types.js";
import { WorkingTree } from "../../src/workspace/working-tree.js";
import { memoryFiles } from "../helpers/files.js";

const fixture = new WorkingTree(path.resolve(import.meta.dirname, "../../fixtures/sqlx-app"));
const CARGO = '[package]\nname = "x"\n\n[dependencies]\nsqlx = { version = "0.8", features = ["postgres"] }\n';

async function loadFixture(): Promise<{ project: Project; migrations: Migration[] }> {
  const { projects } = await detectProjects(fixture, defaultConfig());
  expect(projects).toHaveLength(1);
  const project = projects[0] as Project;
  return { project, migrations: await loadProject(project, fixture, {}) };
}

describe("sqlx", () => {
  it("is detected from a crate that depends on sqlx, and reads reversible pairs in version order", async () => {
    const { project, migrations } = await loadFixture();
    expect(project).toMatchObject({ tool: "sql", convention: "sqlx", folder: "migrations", transactional: true });
    expect(project.evidence[0]).toContain("Cargo.toml");
    expect(migrations.map((m) => m.id)).toEqual(["20240101120000", "20240105090000", "20240210083000"]);
    expect(migrations.map((m) => m.name)).toEqual(["create accounts", "add email", "index email"]);
    expect(migrations[1]?.down?.path).toBe("migrations/20240105090000_add_email.down.sql");
    expect(migrations[2]?.parents).toEqual(["20240105090000"]);
    // `-- no-transaction` as the file's first line: sqlx runs it outside a transaction.
    expect(migrations.map((m) => m.transactional)).toEqual([true, true, false]);
  });

  it("needs sqlx in Cargo.toml: the same files elsewhere are another tool's", async () => {
    const files = memoryFiles({
      "migrations/20240101120000_a.up.sql": "SELECT 1;",
      "migrations/20240101120000_a.down.sql": "SELECT 1;",
    });
    const { projects } = await detectProjects(files, defaultConfig());
    expect(projects[0]?.convention).toBe("golang-migrate");
  });

  it("reads simple migrations numerically, and keeps a file sqlx skips out of the order", async () => {
    const files = memoryFiles({
      "Cargo.toml": CARGO,
      "migrations/2_add_b.sql": "ALTER TABLE t ADD COLUMN b int;\n",
      "migrations/1_create_t.sql": "CREATE TABLE t (a int);\n",
      "migrations/10_add_c.sql": "ALTER TABLE t ADD COLUMN c int;\n",
      "migrations/notes.sql": "SELECT 1;\n",
    });
    const { projects } = await detectProjects(files, defaultConfig());
    expect(projects[0]?.convention).toBe("sqlx");
    const migrations = await loadProject(projects[0] as Project, files, {});
    expect(migrations.filter((m) => !m.unrecognized).map((m) => m.id)).toEqual(["1", "2", "10"]);
    expect(migrations.find((m) => m.path.endsWith("notes.sql"))?.unrecognized).toMatch(/<version>_<description>/);
    // sqlx reverts only .up.sql/.down.sql pairs: a simple migration has no place for a rollback.
    expect(await adapterFor("sqlx").rollback.file(migrations[0] as Migration, [], async () => null)).toBeNull();
  });

  it("writes the rollback of a reversible migration into its .down.sql", async () => {
    const { migrations } = await loadFixture();
    const file = await adapterFor("sqlx").rollback.file(
      { ...(migrations[1] as Migration), down: null },
      [{ sql: "ALTER TABLE accounts DROP COLUMN email", line: 1 }],
      async () => null,
    );
    expect(file).toEqual({
      path: "migrations/20240105090000_add_email.down.sql",
      before: null,
      after: "ALTER TABLE accounts DROP COLUMN email;\n",
    });
  });

  it("keeps _sqlx_migrations as sqlx creates and fills it", async () => {
    const { migrations } = await loadFixture();
    const bookkeeping = adapterFor("sqlx").bookkeeping;
    if (!bookkeeping) throw new Error("sqlx keeps a bookkeeping table");
    const session = await openPgliteSession();
    try {
      await session.exec(bookkeeping.create);
      for (const migration of migrations) await session.exec(bookkeeping.record(migration) as string);
      const rows = await session.query(
        "SELECT version::text AS version, description, success FROM _sqlx_migrations ORDER BY version",
      );
      expect(rows).toEqual([
        { version: "20240101120000", description: "create accounts", success: true },
        { version: "20240105090000", description: "add email", success: true },
        { version: "20240210083000", description: "index email", success: true },
      ]);
    } finally {
      await session.close();
    }
  });
});
