import { execFileSync } from "node:child_process";
import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planCommand } from "../../src/commands/plan.js";
import type { CommonOptions } from "../../src/commands/types.js";

const fixtures = path.resolve(import.meta.dirname, "../../fixtures");
let root: string;

function git(...args: string[]): void {
  execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false", ...args], {
    cwd: root,
    stdio: "ignore",
  });
}

/** The golang-migrate fixture on `main`, and a PR that adds a migration changing `users`. */
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "db-migrate-plan-"));
  await cp(path.join(fixtures, "golang-migrate-app"), root, { recursive: true });
  git("init", "-q", "-b", "main");
  git("add", "-A");
  git("commit", "-q", "-m", "base");
  await writeFile(
    path.join(root, "db/migrations/000004_users_age.up.sql"),
    "BEGIN;\nALTER TABLE users ADD COLUMN age int;\nALTER TABLE users ALTER COLUMN id TYPE numeric;\nCOMMIT;\n",
  );
  await writeFile(path.join(root, "db/migrations/000004_users_age.down.sql"), "ALTER TABLE users DROP COLUMN age;\n");
  git("add", "-A");
  git("commit", "-q", "-m", "change");
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const options = (format: CommonOptions["format"]): CommonOptions => ({
  root,
  format,
  trace: false,
  color: false,
  base: "HEAD~1",
});

interface PlanDocument {
  version: number;
  findings: Array<{ rule: string; source: string; line: number; path: string }>;
  plan: Array<{
    migration: string;
    statements: Array<{
      line: number;
      sql: string;
      lock: string | null;
      blocks: string[];
      rewrite: boolean;
      newTable: boolean;
      transaction: string;
      rollback: string;
    }>;
  }>;
}

describe("db-migrate plan", () => {
  it("prints the traced plan as JSON beside the validate keys", async () => {
    const output = await planCommand.run([], {}, options("json"));
    const document = JSON.parse(output.body) as PlanDocument;
    expect(document.version).toBe(1);
    expect(document.plan).toHaveLength(1);
    const [migration] = document.plan;
    expect(migration?.migration).toBe("db/migrations/000004_users_age.up.sql");
    const statements = migration?.statements ?? [];
    const addColumn = statements.find((s) => s.sql.includes("ADD COLUMN age"));
    expect(addColumn).toEqual({
      line: 2,
      sql: "ALTER TABLE users ADD COLUMN age int",
      lock: "AccessExclusiveLock",
      tables: ["users"],
      blocks: ["reads", "writes", "ddl"],
      rewrite: false,
      rewritten: [],
      scan: false,
      newTable: false,
      transaction: "explicit",
      rollback: "reversible",
      findings: ["lock-held-across-statements"],
      heldFor: 3,
      error: null,
    });
    const retype = statements.find((s) => s.sql.includes("TYPE numeric"));
    expect(retype).toMatchObject({ lock: "AccessExclusiveLock", rewrite: true });
    // The table, and the indexes rebuilt with it.
    expect((retype as { rewritten?: string[] } | undefined)?.rewritten?.[0]).toBe("users");
    // The replay confirms the static finding: folded into it as evidence, not a second finding.
    expect(document.findings).toContainEqual(
      expect.objectContaining({ rule: "change-column-type", line: 3, merged: ["observed-rewrite"] }),
    );
    expect(output.exitCode).toBe(1);
  });

  it("prints a numbered plan as text, and falls back to the static lock table with --static", async () => {
    const traced = await planCommand.run([], {}, options("text"));
    expect(traced.body).toMatch(/plan as replayed on PostgreSQL \d+/);
    expect(traced.body).toMatch(/line 2 {2}ALTER TABLE users ADD COLUMN age int\n\s+AccessExclusive on `users`/);
    expect(traced.body).toContain("tables rewritten: users");

    const statically = await planCommand.run([], { static: true }, options("json"));
    const document = JSON.parse(statically.body) as PlanDocument;
    expect(document.plan[0]?.statements.find((s) => s.line === 2)?.lock).toBe("AccessExclusiveLock");
    expect(document.findings.every((f) => f.source === "static")).toBe(true);
  });
});
