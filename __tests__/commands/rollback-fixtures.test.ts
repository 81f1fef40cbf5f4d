import { execFileSync } from "node:child_process";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { rollbackCommand } from "../../src/commands/rollback.js";
import type { CommonOptions } from "../../src/commands/types.js";
import type { AnalysisResult } from "../../src/types.js";

const FIXTURES = path.resolve(import.meta.dirname, "../../fixtures");
const made: string[] = [];
afterEach(async () => {
  for (const dir of made.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** A clean git checkout of a fixture repo in the temp dir (never the project's own git). */
async function checkout(fixture: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), `db-migrate-${fixture}-`));
  made.push(dir);
  await cp(path.join(FIXTURES, fixture), dir, { recursive: true });
  const git = (...args: string[]) => execFileSync("git", args, { cwd: dir, stdio: "pipe" });
  git("init", "-q");
  git("add", ".");
  git("-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-q", "-m", "fixture");
  return dir;
}

const options = (root: string, format: CommonOptions["format"]): CommonOptions => ({
  root,
  format,
  trace: false,
  color: false,
});

describe("rollback --format patch on the fixture repos", () => {
  it.each(["golang-migrate-app", "diesel-app", "dbmate-app", "prisma-app", "flyway-app", "sqitch-app"])(
    "%s: git apply --check accepts the patch, and once applied every rollback verifies",
    async (fixture) => {
      const root = await checkout(fixture);
      const first = await rollbackCommand.run([], {}, options(root, "patch"));
      const generated = (first.data as AnalysisResult).rollbacks?.filter((r) => r.origin === "generated") ?? [];
      expect(generated.length).toBeGreaterThan(0);
      expect(generated.every((r) => r.verification === "verified")).toBe(true);
      if (first.body) {
        await writeFile(path.join(root, "rollback.patch"), first.body);
        execFileSync("git", ["apply", "--check", "rollback.patch"], { cwd: root, stdio: "pipe" });
        execFileSync("git", ["apply", "rollback.patch"], { cwd: root, stdio: "pipe" });
      }
      const second = await rollbackCommand.run([], {}, options(root, "json"));
      const authored = (second.data as AnalysisResult).rollbacks?.filter((r) => r.origin === "author") ?? [];
      expect(authored.map((r) => [r.path, r.verification])).toEqual(authored.map((r) => [r.path, "verified"]));
      expect(second.body).not.toContain('"diff": "diff --git');
    },
  );
});

describe("an author's down file", () => {
  it("that misses part of the migration is a rollback-mismatch finding at the down file, with the generated fix", async () => {
    const root = await checkout("golang-migrate-app");
    const dir = path.join(root, "db/migrations");
    await writeFile(
      path.join(dir, "000004_users_name.up.sql"),
      "ALTER TABLE users ADD COLUMN name text;\nCREATE INDEX ix_users_name ON users (name);\n",
    );
    await writeFile(path.join(dir, "000004_users_name.down.sql"), "-- forgot the column\nDROP INDEX ix_users_name;\n");
    const output = await rollbackCommand.run(["db/migrations/000004_users_name.up.sql"], {}, options(root, "json"));
    const json = JSON.parse(output.body);
    const mismatch = json.findings.find((f: { rule: string }) => f.rule === "rollback-mismatch");
    expect(mismatch).toMatchObject({
      path: "db/migrations/000004_users_name.down.sql",
      severity: "error",
      source: "trace",
    });
    expect(mismatch.message).toContain("+ column users.name (text)");
    expect(output.exitCode).toBe(1);
    const author = json.rollbacks.find((r: { origin: string }) => r.origin === "author");
    expect(author).toMatchObject({ migration: "db/migrations/000004_users_name.up.sql", verification: "mismatch" });
    expect(author.diff).toContain("+ALTER TABLE users DROP COLUMN name;");
    expect(Object.keys(author).sort()).toEqual([
      "dataChecks",
      "diff",
      "differences",
      "error",
      "irreversible",
      "migration",
      "origin",
      "statements",
      "unanalyzed",
      "verification",
    ]);
    expect(author.differences).toEqual(["+ column users.name (text)"]);
    expect(author.error).toBeNull();
  });

  it("is not reported when silenced with an ignore directive", async () => {
    const root = await checkout("golang-migrate-app");
    const dir = path.join(root, "db/migrations");
    await writeFile(path.join(dir, "000004_users_name.up.sql"), "ALTER TABLE users ADD COLUMN name text;\n");
    await writeFile(
      path.join(dir, "000004_users_name.down.sql"),
      "-- db-migrate:ignore rollback-mismatch the column stays on purpose\nSELECT 1;\n",
    );
    const output = await rollbackCommand.run(["db/migrations/000004_users_name.up.sql"], {}, options(root, "json"));
    const json = JSON.parse(output.body);
    expect(json.findings.map((f: { rule: string }) => f.rule)).not.toContain("rollback-mismatch");
    expect(json.rollbacks.find((r: { origin: string }) => r.origin === "author").verification).toBe("mismatch");
  });

  it("that fails is a rollback-fails finding at the failing statement's line", async () => {
    const root = await checkout("golang-migrate-app");
    const dir = path.join(root, "db/migrations");
    await writeFile(path.join(dir, "000004_posts.up.sql"), "CREATE TABLE posts (id int);\n");
    await writeFile(path.join(dir, "000004_posts.down.sql"), "\nDROP TABLE post;\n");
    const output = await rollbackCommand.run(["db/migrations/000004_posts.up.sql"], {}, options(root, "json"));
    const json = JSON.parse(output.body);
    const fails = json.findings.find((f: { rule: string }) => f.rule === "rollback-fails");
    expect(fails).toMatchObject({ path: "db/migrations/000004_posts.down.sql", line: 2 });
    expect(fails.message).toContain('table "post" does not exist');
    const author = json.rollbacks.find((r: { origin: string }) => r.origin === "author");
    expect(author).toMatchObject({ verification: "fails", differences: [] });
    expect(author.error).toContain('table "post" does not exist');
  });

  it("--write puts the generated rollback in the working tree", async () => {
    const root = await checkout("golang-migrate-app");
    const output = await rollbackCommand.run(
      ["db/migrations/000003_create_teams.up.sql"],
      { write: true },
      options(root, "text"),
    );
    expect(output.writes?.map((w) => w.path)).toEqual(["db/migrations/000003_create_teams.down.sql"]);
    expect(await readFile(path.join(root, "db/migrations/000003_create_teams.down.sql"), "utf8")).toBe(
      "ALTER TABLE users DROP COLUMN team_id;\n\nDROP TABLE teams;\n",
    );
    expect(output.body).toContain("generated rollback: verified by round trip (schema identical)");
  });
});

describe("plain numbered SQL files", () => {
  it("get no patch: the tool has no down file, and a new .sql file would be read as a migration", async () => {
    const root = await checkout("plain-sql-app");
    const output = await rollbackCommand.run([], {}, options(root, "json"));
    const json = JSON.parse(output.body);
    expect(json.rollbacks.length).toBeGreaterThan(0);
    expect(
      json.rollbacks.every(
        (r: { diff: unknown; verification: string }) => r.diff === null && r.verification === "verified",
      ),
    ).toBe(true);
  });
});

describe("Alembic", () => {
  it("checks every existing downgrade(), and fills a `pass` downgrade with op.* calls that git apply accepts and that verify", async () => {
    const root = await checkout("alembic-app");
    const revision = path.join(root, "migrations/versions/c7e9a1b2d4f6_add_users_last_login_at.py");
    const text = await readFile(revision, "utf8");
    await writeFile(
      revision,
      `${text.slice(0, text.indexOf("def downgrade() -> None:"))}def downgrade() -> None:\n    pass\n`,
    );
    execFileSync("git", ["-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-qam", "no downgrade"], {
      cwd: root,
    });

    const first = await rollbackCommand.run([], {}, options(root, "json"));
    const json = JSON.parse(first.body);
    const authored = json.rollbacks.filter((r: { origin: string }) => r.origin === "author");
    expect(authored.length).toBeGreaterThan(3);
    expect(authored.every((r: { verification: string }) => r.verification === "verified")).toBe(true);
    const patch = await rollbackCommand.run([], {}, options(root, "patch"));
    expect(patch.body).toContain(
      [
        " def downgrade() -> None:",
        "-    pass",
        '+    op.alter_column("posts", "title", existing_type=sa.String(length=300), type_=sa.String(length=200))',
        '+    op.drop_column("posts", "published_at")',
        '+    op.drop_column("users", "last_login_at")',
      ].join("\n"),
    );
    await writeFile(path.join(root, "rollback.patch"), patch.body);
    execFileSync("git", ["apply", "--check", "rollback.patch"], { cwd: root, stdio: "pipe" });
    execFileSync("git", ["apply", "rollback.patch"], { cwd: root, stdio: "pipe" });

    const second = await rollbackCommand.run(
      ["migrations/versions/c7e9a1b2d4f6_add_users_last_login_at.py"],
      {},
      options(root, "json"),
    );
    const filled = JSON.parse(second.body).rollbacks.find((r: { origin: string }) => r.origin === "author");
    // The revision widens posts.title to varchar(300): the filled downgrade narrows it back, so
    // the schema round trip holds but rows longer than 200 make it fail.
    expect(filled).toMatchObject({ verification: "verified-schema-needs-data-check", diff: null });
    expect(filled.dataChecks).toEqual([
      expect.objectContaining({ query: "SELECT count(*) FROM posts WHERE length(title) > 200" }),
    ]);
    expect(filled.dataChecks[0].error).toContain("too long");
  });
});
