import { describe, expect, it } from "vitest";
import { compareWithBase, projectFileChanges } from "../../src/sources/compare.js";
import { loadProject } from "../../src/sources/index.js";
import type { Project } from "../../src/types.js";
import { memoryFiles } from "../helpers/files.js";

const project: Project = {
  tool: "sql",
  convention: "golang-migrate",
  folder: "m",
  dialect: "postgresql",
  transactional: false,
  files: [],
  evidence: [],
};

describe("compareWithBase", () => {
  it("marks added, modified and unchanged migrations and returns the deleted ones", async () => {
    const base = await loadProject(
      project,
      memoryFiles({
        "m/1_a.up.sql": "CREATE TABLE a (id int);\n",
        "m/2_b.up.sql": "SELECT 2;\n",
        "m/3_c.up.sql": "SELECT 3;\n",
      }),
      {},
    );
    const head = await loadProject(
      project,
      memoryFiles({
        "m/1_a.up.sql": "CREATE TABLE a (id int);\n",
        "m/2_b.up.sql": "SELECT 22;\n",
        "m/4_d.up.sql": "SELECT 4;\n",
      }),
      {},
    );
    const { deleted } = compareWithBase(head, base);
    expect(head.map((m) => [m.id, m.change])).toEqual([
      ["1", "unchanged"],
      ["2", "modified"],
      ["4", "added"],
    ]);
    expect(deleted.map((m) => m.path)).toEqual(["m/3_c.up.sql"]);
  });

  it("does not mistake a new file that reuses a version for an edit of the old one", async () => {
    const base = await loadProject(project, memoryFiles({ "m/2_x.up.sql": "SELECT 1;\n" }), {});
    const head = await loadProject(
      project,
      memoryFiles({ "m/2_x.up.sql": "SELECT 1;\n", "m/2_a.up.sql": "SELECT 9;\n" }),
      {},
    );
    compareWithBase(head, base);
    expect(Object.fromEntries(head.map((m) => [m.path, m.change]))).toEqual({
      "m/2_a.up.sql": "added",
      "m/2_x.up.sql": "unchanged",
    });
  });

  it("lists the project files whose text changed", async () => {
    const prisma: Project = {
      ...project,
      tool: "prisma",
      convention: "prisma",
      folder: "prisma/migrations",
      schemaPath: "prisma/schema.prisma",
      files: ["prisma/migrations/migration_lock.toml"],
    };
    const base = memoryFiles({
      "prisma/schema.prisma": "model A {\n  id Int @id\n}\n",
      "prisma/migrations/migration_lock.toml": "x",
    });
    const head = memoryFiles({
      "prisma/schema.prisma": "model A {\n  id Int @id\n  b Int\n}\n",
      "prisma/migrations/migration_lock.toml": "x",
    });
    const changes = await projectFileChanges(prisma, head, base);
    expect(changes.map((c) => c.path)).toEqual(["prisma/schema.prisma"]);
  });
});
