/**
 * Any folder the user names is analysed: `V0001.Name.up.sql` pairs, free
 * names, absolute paths from another folder, and a named path that yields
 * nothing (exit 2, never green).
 */
import { execFileSync } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoCrash, makeTemp, parseJson, removeTemp, runCli } from "./run-cli.js";

async function write(root: string, files: Record<string, string>): Promise<void> {
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), text);
  }
}

const VERSIONED = {
  "db/V0001.Init.up.sql": "CREATE TABLE users (id bigint PRIMARY KEY, name text NOT NULL);\n",
  "db/V0001.Init.down.sql": "DROP TABLE users;\n",
  "db/V0002.AddEmail.up.sql": "ALTER TABLE users ADD COLUMN email text;\n",
  "db/V0002.AddEmail.down.sql": "ALTER TABLE users DROP COLUMN email;\n",
  "db/V0003.Tags.up.sql": "CREATE TABLE tags (id bigint PRIMARY KEY);\n",
};

describe("folders of any naming", () => {
  let repo: string;
  let elsewhere: string;
  let free: string;

  beforeAll(async () => {
    repo = await makeTemp("layout-repo");
    execFileSync("git", ["init", "-q"], { cwd: repo });
    await write(repo, { ...VERSIONED, "scripts/nested/seed.sql": "INSERT INTO tags VALUES (1);\n" });
    elsewhere = await makeTemp("layout-elsewhere");
    free = await makeTemp("layout-free");
    await write(free, {
      "sql/create_tables.sql": "CREATE TABLE t (a int);\n",
      "sql/add_column.sql": "ALTER TABLE t ADD COLUMN b int;\n",
    });
  });
  afterAll(async () => {
    await Promise.all([removeTemp(repo), removeTemp(elsewhere), removeTemp(free)]);
  });

  it("pairs V0001.Name.up.sql with its .down.sql and takes the ups in name order, saying so", async () => {
    const run = await runCli(["validate", "--format", "json"], repo);
    expectNoCrash(run);
    expect(run.code).toBe(0);
    const doc = parseJson(run);
    expect(doc.migrations.map((m) => m.path)).toEqual([
      "db/V0001.Init.up.sql",
      "db/V0002.AddEmail.up.sql",
      "db/V0003.Tags.up.sql",
    ]);
    expect(doc.notices.find((n) => n.path === "db")?.message).toMatch(/taken in name order as plain SQL/);
    // The down files are rollbacks, not forward migrations: the replay applies 3 migrations and the authored downs verify.
    const rollback = await runCli(["rollback", "db/V0002.AddEmail.up.sql", "--format", "json"], repo);
    expectNoCrash(rollback);
    const rollbacks = (JSON.parse(rollback.stdout) as { rollbacks: Array<Record<string, unknown>> }).rollbacks;
    expect(rollbacks.find((r) => r.origin === "author")).toMatchObject({ verification: "verified" });
  }, 120_000);

  it("analyses an absolute path named from another folder, in the repository that holds it", async () => {
    const run = await runCli(["validate", path.join(repo, "db"), "--format", "json"], elsewhere);
    expectNoCrash(run);
    expect(run.code).toBe(0);
    expect(parseJson(run).migrations.map((m) => m.path)).toEqual([
      "db/V0001.Init.up.sql",
      "db/V0002.AddEmail.up.sql",
      "db/V0003.Tags.up.sql",
    ]);
  });

  it("takes a named folder of freely named .sql files in name order", async () => {
    const run = await runCli(["validate", "sql", "--format", "json"], free);
    expectNoCrash(run);
    expect(run.code).toBe(0);
    const doc = parseJson(run);
    expect(doc.migrations.map((m) => m.path)).toEqual(["sql/add_column.sql", "sql/create_tables.sql"]);
    expect(doc.notices.find((n) => n.path === "sql")?.message).toMatch(/no migration tool's naming recognised/);
  });

  it("exits 2 with the reason when a named path yields nothing", async () => {
    const nested = await runCli(["validate", "scripts"], repo);
    expectNoCrash(nested);
    expect(nested.code).toBe(2);
    expect(nested.stderr).toContain("name the folder that holds them: scripts/nested");

    // convention: golang-migrate on V0001.Name files: golang-migrate runs none of them, and nothing is replayed as forward.
    const configured = await makeTemp("layout-configured");
    try {
      await write(configured, {
        ...VERSIONED,
        ".db-migrate.yml": "projects:\n  - path: db\n    convention: golang-migrate\n",
      });
      const run = await runCli(["validate", "--trace"], configured);
      expectNoCrash(run);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain("db: none of its 5 file(s) is a migration golang-migrate runs");
    } finally {
      await removeTemp(configured);
    }
  });

  it("setup proposes plain SQL in name order for a named folder", async () => {
    const run = await runCli(["setup", path.join(repo, "db"), "--format", "json"], elsewhere);
    expectNoCrash(run);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as {
      config: string;
      projects: Array<{ folder: string; convention: string }>;
    };
    expect(result.projects.map((p) => [p.folder, p.convention])).toEqual([["db", "plain"]]);
    expect(result.config).toContain("  - path: db\n    tool: sql\n    convention: plain\n    transactional: false");
  });
});
