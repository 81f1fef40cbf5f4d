import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { fixtureRepo } from "../generate/fixture-repo.js";
import { expectNoCrash, runCli } from "./run-cli.js";

describe("db-migrate generate (the real CLI entry)", () => {
  let repo: ReturnType<typeof fixtureRepo> | undefined;
  afterEach(() => repo?.remove());

  it("--write applies exactly the patch it prints: the schema edit and one new migration folder", async () => {
    repo = fixtureRepo("prisma-generate");
    const run = await runCli(
      ["generate", "add column email text to users", "--name", "add_email", "--write", "--no-verify"],
      repo.root,
    );
    expectNoCrash(run);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^# db-migrate generate \(prisma, prisma\/migrations\)/);
    expect(run.stdout).toContain("diff --git a/prisma/schema.prisma b/prisma/schema.prisma");
    const status = execFileSync("git", ["status", "--porcelain", "--untracked-files=all"], {
      cwd: repo.root,
      encoding: "utf8",
    });
    const changed = status
      .split("\n")
      .filter(Boolean)
      .map((line) => line.slice(3))
      .sort();
    expect(changed).toHaveLength(2);
    expect(changed[0]).toMatch(/^prisma\/migrations\/\d{14}_add_email\/migration\.sql$/);
    expect(changed[1]).toBe("prisma/schema.prisma");
    expect(readFileSync(path.join(repo.root, changed[0] as string), "utf8")).toBe(
      '-- AlterTable\nALTER TABLE "users" ADD COLUMN     "email" TEXT;\n',
    );
    expect(readdirSync(path.join(repo.root, "prisma/migrations"))).toHaveLength(3);
  }, 600_000);

  it("prints the grammar for a description it cannot read, and exits 2", async () => {
    repo = fixtureRepo("prisma-generate");
    const run = await runCli(["generate", "make users faster"], repo.root);
    expectNoCrash(run);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain('cannot read "make users faster"');
    expect(run.stderr).toContain('e.g. generate "rename column name to full_name in users"');
  }, 600_000);

  it("in an Alembic project asks for --autogenerate (it runs the project's Python) and exits 2", async () => {
    repo = fixtureRepo("alembic-app");
    const run = await runCli(["generate"], repo.root);
    expectNoCrash(run);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/for Alembic, pass --autogenerate/);
  }, 600_000);
});
