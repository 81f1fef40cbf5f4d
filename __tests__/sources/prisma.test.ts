import path from "node:path";
import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../src/config/load.js";
import { detectProjects } from "../../src/detect/index.js";
import { loadProject } from "../../src/sources/index.js";
import type { Project } from "../../src/types.js";
import { WorkingTree } from "../../src/workspace/working-tree.js";
import { memoryFiles } from "../helpers/files.js";

const prismaProject: Project = {
  tool: "prisma",
  convention: "prisma",
  folder: "prisma/migrations",
  dialect: "postgresql",
  transactional: true,
  files: [],
  evidence: [],
};

describe("Prisma migrations", () => {
  it("orders folders by name, with down.sql as the rollback", async () => {
    const files = new WorkingTree(path.resolve(import.meta.dirname, "../../fixtures/prisma-app"));
    const { projects } = await detectProjects(files, defaultConfig());
    const migrations = await loadProject(projects[0] as Project, files, {});
    expect(migrations.map((m) => m.name)).toEqual(["init", "add_posts", "add_post_published_index"]);
    expect(migrations[1]?.parents).toEqual(["20240101120000_init"]);
    expect(migrations[2]?.down?.path).toBe("prisma/migrations/20240201101500_add_post_published_index/down.sql");
    expect(migrations[0]?.down).toBeNull();
    expect(migrations[0]?.statements[0]?.span.line).toBe(2);
  });

  it("models the script as one implicit transaction when it has several statements", async () => {
    const files = new WorkingTree(path.resolve(import.meta.dirname, "../../fixtures/prisma-app"));
    const migrations = await loadProject(prismaProject, files, {});
    // A lone CREATE INDEX CONCURRENTLY runs outside a transaction block; two statements share one.
    expect(migrations.map((m) => m.transactional)).toEqual([true, true, false]);
  });

  it("leaves the transaction to an explicit BEGIN/COMMIT in the script", async () => {
    const files = memoryFiles({
      "prisma/migrations/20240101000000_a/migration.sql": "BEGIN;\nCREATE TABLE a (id int);\nCOMMIT;\n",
    });
    const [migration] = await loadProject(prismaProject, files, {});
    expect(migration?.transactional).toBe(false);
  });

  it("reports a folder without migration.sql and still loads the others", async () => {
    const files = memoryFiles({
      "prisma/migrations/20240101000000_a/migration.sql": "CREATE TABLE a (id int);\n",
      "prisma/migrations/20240102000000_b/README.md": "oops",
      "prisma/migrations/migration_lock.toml": 'provider = "postgresql"\n',
    });
    const migrations = await loadProject(prismaProject, files, {});
    expect(migrations).toHaveLength(2);
    expect(migrations[1]?.problems[0]?.message).toContain("has no migration.sql");
    expect(migrations[0]?.statements).toHaveLength(1);
  });

  it("keeps a TypeScript data migration in the order as a notice, not an error", async () => {
    const files = memoryFiles({
      "prisma/migrations/20240101000000_init/migration.sql": 'CREATE TABLE "User" (id int);\n',
      "prisma/migrations/20240101000000_init/migration.ts": "export default async function run() {}\n",
      "prisma/migrations/20240102000000_backfill/migration.ts": "export default async function run() {}\n",
      "prisma/migrations/20240103000000_more/migration.sql": 'ALTER TABLE "User" ADD COLUMN name text;\n',
    });
    const migrations = await loadProject(prismaProject, files, {});
    expect(migrations.map((m) => [m.id, m.path.split("/").pop(), m.statements.length])).toEqual([
      ["20240101000000_init", "migration.sql", 1],
      ["20240102000000_backfill", "migration.ts", 0],
      ["20240103000000_more", "migration.sql", 1],
    ]);
    const problems = migrations.flatMap((m) =>
      m.problems.map((p) => [p.rule, p.severity, p.path.split("/").slice(-2).join("/")]),
    );
    expect(problems).toEqual([
      ["unanalyzed-operation", "info", "20240101000000_init/migration.ts"],
      ["unanalyzed-operation", "info", "20240102000000_backfill/migration.ts"],
    ]);
  });
});
