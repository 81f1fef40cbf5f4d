/** `validate --base <ref>` in a real git repository: only what the PR adds or changes is judged. */
import { execFileSync } from "node:child_process";
import { appendFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CliRun, copyToTemp, expectNoCrash, fixturesDir, parseJson, removeTemp, runCli } from "./run-cli.js";

function git(cwd: string, ...args: string[]): void {
  execFileSync("git", ["-c", "user.name=db-migrate test", "-c", "user.email=test@example.com", ...args], {
    cwd,
    stdio: "ignore",
  });
}

describe("validate --base in a git repository made from fixtures/plain-sql-app", () => {
  let root: string;
  let added: CliRun;
  let edited: CliRun;
  let unknownRef: CliRun;

  beforeAll(async () => {
    root = await copyToTemp(path.join(fixturesDir, "plain-sql-app"), "base");
    git(root, "init", "--quiet");
    git(root, "add", "--all");
    git(root, "commit", "--quiet", "-m", "base");
    await writeFile(
      path.join(root, "migrations", "011_drop_legacy_invoices.sql"),
      "SET lock_timeout = '5s';\nDROP TABLE legacy_invoices;\n",
    );
    git(root, "add", "--all");
    git(root, "commit", "--quiet", "-m", "add a migration");
    [added, unknownRef] = await Promise.all([
      runCli(["validate", "--base", "HEAD~1", "--format", "json"], root),
      runCli(["validate", "--base", "no-such-branch"], root),
    ]);
    // The PR now also edits a migration the base branch already has (and databases have applied).
    await appendFile(
      path.join(root, "migrations", "002_create_invoices.sql"),
      "ALTER TABLE invoices ADD COLUMN memo text;\n",
    );
    edited = await runCli(["validate", "--base", "HEAD~1", "--format", "json"], root);
  });

  afterAll(() => removeTemp(root));

  it("judges only the migration the PR adds", () => {
    expectNoCrash(added);
    const doc = parseJson(added);
    expect(doc.migrations.map((m) => m.path)).toEqual(["migrations/011_drop_legacy_invoices.sql"]);
    expect(doc.findings.map((f) => `${f.rule}@${f.path}:${f.line}`)).toEqual([
      "drop-table@migrations/011_drop_legacy_invoices.sql:2",
    ]);
    expect(added.code).toBe(1);
  });

  it("reports an edit to an applied migration, at the edited file", () => {
    expectNoCrash(edited);
    const doc = parseJson(edited);
    expect(doc.migrations.map((m) => m.path).sort()).toEqual([
      "migrations/002_create_invoices.sql",
      "migrations/011_drop_legacy_invoices.sql",
    ]);
    const edit = doc.findings.find((f) => f.rule === "edited-applied-migration");
    expect(edit).toMatchObject({ path: "migrations/002_create_invoices.sql", severity: "error" });
    expect(edit?.line).toBeGreaterThanOrEqual(1);
    expect(doc.findings.some((f) => f.path === "migrations/001_init.sql")).toBe(false);
  });

  it("an unknown ref is bad input: exit 2, naming the ref", () => {
    expectNoCrash(unknownRef);
    expect(unknownRef.code).toBe(2);
    expect(unknownRef.stderr).toContain("--base no-such-branch");
    expect(unknownRef.stdout).toBe("");
  });
});
