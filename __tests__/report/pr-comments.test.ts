/**
 * The PR comment for a Prisma, an Alembic and a goose pull request, end to end:
 * each fixture's last migration is the PR (the project without it is the base),
 * analysed with --trace and rollbacks like the action, through the findings
 * gate, rendered as the sticky comment. Each shows the headline naming what
 * blocks the merge, one row per statement and fixes in the tool's own terms.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/pipeline.js";
import { commentMarker, renderMarkdown, resultForFolder } from "../../src/report/markdown.js";
import type { FileSource } from "../../src/workspace/types.js";
import { WorkingTree } from "../../src/workspace/working-tree.js";

const OPTIONS = {
  version: "0.1.0",
  runUrl: "https://github.com/acme/shop/actions/runs/42",
  docsBaseUrl: "https://github.com/db-migrate/db-migrate/blob/v0.1.0/docs/rules",
};

/** The tree with the PR's migration hidden: the base branch. */
function without(tree: FileSource, hidden: string): FileSource {
  const gone = (file: string) => file === hidden || file.startsWith(`${hidden}/`);
  return {
    label: "base",
    list: async (dir) => (await tree.list(dir)).filter((f) => !gone(f)),
    read: async (file) => (gone(file) ? null : tree.read(file)),
  };
}

async function comment(fixture: string, folder: string, prMigration: string): Promise<string> {
  const root = path.resolve(import.meta.dirname, "../../fixtures", fixture);
  const files = new WorkingTree(root);
  const { result } = await analyze([], {
    root,
    format: "markdown",
    trace: true,
    rollbacks: true,
    color: false,
    files,
    baseFiles: without(files, prMigration),
  });
  return renderMarkdown(resultForFolder(result, folder), {
    ...OPTIONS,
    marker: commentMarker(folder),
    title: `db-migrate · ${folder}`,
  });
}

/** Statement rows of the per-file table: `| <line> | …`. */
function rows(body: string): string[] {
  return body.split("\n").filter((line) => /^\| \d+ \|/.test(line));
}

describe("the PR comment, per tool", () => {
  it("Prisma: backfill + SET NOT NULL, a blocking index build, @@index advice", async () => {
    const body = await comment(
      "pr-prisma",
      "prisma/migrations",
      "prisma/migrations/20240315120000_post_slug_and_comments",
    );
    await expect(body).toMatchFileSnapshot("__snapshots__/pr-prisma.md");
    const headline = body.split("\n")[1] as string;
    expect(headline).toMatch(/^### 🛑 db-migrate · prisma\/migrations: blocks merge \(.*set-not-null.*\)/);
    expect(headline).toContain("create-index-non-concurrently");
    expect(rows(body).map((row) => row.split(" | ")[0])).toEqual(["| 2", "| 5", "| 8", "| 11", "| 14"]);
    expect(body).toContain("`@@index([column]");
    expect(body).toContain("prisma migrate dev --create-only");
    expect(body).not.toContain("autocommit_block");
    expect(body).not.toContain("transactional: false");
  });

  it("Alembic: NOT NULL column, index, rename; autocommit_block advice", async () => {
    const body = await comment("pr-alembic", "migrations/versions", "migrations/versions/b2c4e6f8a0d1_add_email.py");
    await expect(body).toMatchFileSnapshot("__snapshots__/pr-alembic.md");
    const headline = body.split("\n")[1] as string;
    expect(headline).toMatch(/blocks merge \(.*add-required-column.*\)/);
    expect(headline).toContain("create-index-non-concurrently");
    expect(rows(body).map((row) => row.split(" | ")[0])).toEqual(["| 18", "| 19", "| 20"]);
    expect(body).toContain("[empty-downgrade][]");
    expect(body).toContain("autocommit_block()");
    expect(body).not.toContain("migration.sql");
  });

  it("goose: NOT VALID then VALIDATE in one transaction, -- +goose NO TRANSACTION advice", async () => {
    const body = await comment("pr-goose", "db/migrations", "db/migrations/20240315120000_orders_user_fk.sql");
    await expect(body).toMatchFileSnapshot("__snapshots__/pr-goose.md");
    const headline = body.split("\n")[1] as string;
    expect(headline).toMatch(/blocks merge \(.*add-foreign-key-validating.*\)/);
    expect(rows(body).map((row) => row.split(" | ")[0])).toEqual(["| 2", "| 3", "| 4"]);
    expect(body).toContain("`-- +goose NO TRANSACTION`");
    expect(body).toContain("goose create <name> sql");
  });
});
