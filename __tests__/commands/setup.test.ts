import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type SetupResult, setupCommand } from "../../src/commands/setup.js";
import type { CommonOptions } from "../../src/commands/types.js";
import { loadConfig } from "../../src/config/load.js";
import { detectProjects } from "../../src/detect/index.js";
import { loadProject } from "../../src/sources/index.js";
import { WorkingTree } from "../../src/workspace/working-tree.js";

const fixtures = path.resolve(import.meta.dirname, "../../fixtures");
const temps: string[] = [];

async function copyFixture(name: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "db-migrate-setup-"));
  temps.push(dir);
  await cp(path.join(fixtures, name), dir, { recursive: true });
  return dir;
}

const options = (root: string, format: CommonOptions["format"] = "text"): CommonOptions => ({
  root,
  format,
  trace: false,
  color: false,
});

afterEach(async () => {
  await Promise.all(temps.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe("setup", () => {
  it.each([
    "prisma-app",
    "flyway-app",
    "golang-migrate-app",
    "diesel-app",
    "dbmate-app",
    "sqitch-app",
    "plain-sql-app",
    "monorepo",
  ])("writes a config for %s that makes loading work without arguments", async (name) => {
    const root = await copyFixture(name);
    const output = await setupCommand.run([], { write: true }, options(root));
    expect(output.exitCode).toBe(0);
    expect(output.body).toContain("wrote .db-migrate.yml");
    const config = await loadConfig(root);
    expect(config.projects.length).toBeGreaterThan(0);
    const files = new WorkingTree(root);
    const { projects } = await detectProjects(files, config);
    expect(projects.map((p) => p.folder)).toEqual(config.projects.map((p) => (p.path === "." ? "" : p.path)));
    for (const project of projects) {
      const migrations = await loadProject(project, files, {});
      expect(migrations.length).toBeGreaterThan(0);
      expect(migrations.flatMap((m) => m.problems)).toEqual([]);
    }
  });

  it("writes the workflow with the action, permissions and full history, and no paths filter", async () => {
    const root = await copyFixture("golang-migrate-app");
    const output = await setupCommand.run([], { write: true }, options(root));
    const workflow = await readFile(path.join(root, ".github/workflows/db-migrate.yml"), "utf8");
    expect(workflow).toContain("uses: db-migrate/db-migrate@v0");
    expect(workflow).toMatch(/pull_request:\n\s+issue_comment:/);
    // The pull-request job reads; only the comment-command job may push (`--commit`).
    expect(workflow).toMatch(/permissions:\n\s+contents: read.*\n\s+pull-requests: write.*\n\s+checks: write/);
    expect(workflow).toMatch(/permissions:\n\s+contents: write.*\n\s+pull-requests: write.*\n\s+issues: write/);
    expect(workflow).toContain("fetch-depth: 0");
    expect(workflow).toContain("concurrency:");
    expect(workflow).not.toMatch(/^\s*paths:/m);
    expect(output.writes?.map((w) => w.path)).toEqual([".db-migrate.yml", ".github/workflows/db-migrate.yml"]);
  });

  it("never overwrites an existing file without --force, and says so", async () => {
    const root = await copyFixture("plain-sql-app");
    await writeFile(path.join(root, ".db-migrate.yml"), "fail-on: warning\n");
    const kept = await setupCommand.run([], { write: true }, options(root));
    expect(await readFile(path.join(root, ".db-migrate.yml"), "utf8")).toBe("fail-on: warning\n");
    expect(kept.body).toContain("kept .db-migrate.yml: it exists; --force overwrites it");
    expect(kept.writes?.map((w) => w.path)).toEqual([".github/workflows/db-migrate.yml"]);
    // The existing config's settings carry over into the generated one.
    expect((kept.data as SetupResult).config).toContain("fail-on: warning");

    await writeFile(
      path.join(root, ".db-migrate.yml"),
      "# ours\nfail-on: warning\nrules:\n  drop-table: off\npaths:\n  - old\n",
    );
    await setupCommand.run([], { write: true, force: true }, options(root));
    const updated = await readFile(path.join(root, ".db-migrate.yml"), "utf8");
    expect(updated).toContain("convention: plain");
    expect(updated).toContain("# ours\nfail-on: warning\nrules:\n  drop-table: off\n");
    expect(updated).not.toContain("old");
    expect((await loadConfig(root)).projects).toEqual([
      { path: "migrations", tool: "sql", convention: "plain", transactional: false },
    ]);
  });

  it("only prints without --write, but still returns the files for the bot to commit", async () => {
    const root = await copyFixture("dbmate-app");
    const output = await setupCommand.run([], {}, options(root));
    expect(output.body).toContain("Run `db-migrate setup --write`");
    expect(output.writes).toHaveLength(2);
    await expect(readFile(path.join(root, ".db-migrate.yml"))).rejects.toThrow();
  });

  it("reports the tool, dialect and evidence in JSON and Markdown", async () => {
    const root = await copyFixture("monorepo");
    const json = JSON.parse((await setupCommand.run([], {}, options(root, "json"))).body) as SetupResult;
    expect(json.projects.map((p) => [p.tool, p.convention, p.dialect])).toEqual([
      ["prisma", "prisma", "postgresql"],
      ["sql", "golang-migrate", "postgresql"],
    ]);
    expect(json.config).toContain("path: services/billing/migrations");
    const markdown = (await setupCommand.run([], {}, options(root, "markdown"))).body;
    expect(markdown).toContain("| `services/api/prisma/migrations` | prisma (prisma) | postgresql |");
    expect(markdown).toContain("```yaml");
  });

  it("records a non-PostgreSQL project's dialect so it stays skipped", async () => {
    const root = await copyFixture("prisma-app");
    await writeFile(path.join(root, "prisma/migrations/migration_lock.toml"), 'provider = "sqlite"\n');
    const output = await setupCommand.run([], {}, options(root));
    expect(output.body).toContain("sqlite — detected but not analysed");
    expect((output.data as SetupResult).config).toContain("dialect: sqlite");
  });

  it("exits 2 on a broken config", async () => {
    const root = await copyFixture("plain-sql-app");
    await writeFile(path.join(root, ".db-migrate.yml"), "fail-on: sometimes\n");
    const output = await setupCommand.run([], {}, options(root));
    expect(output.exitCode).toBe(2);
    expect(output.body).toContain("fail-on");
  });
});
