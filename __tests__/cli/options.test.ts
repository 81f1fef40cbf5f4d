/** `validate` with named paths, --fail-on, --pg-version, --config and ignore comments, through src/cli.ts. */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type CliRun,
  expectNoCrash,
  fixturesDir,
  type JsonDocument,
  makeTemp,
  parseJson,
  removeTemp,
  runMany,
} from "./run-cli.js";

describe("named paths", () => {
  const cwd = path.join(fixturesDir, "plain-sql-app");
  let runs: CliRun[];

  beforeAll(async () => {
    runs = await runMany([
      { args: ["validate", "migrations/010_index_invoices.sql", "--format", "json"], cwd },
      { args: ["validate", "migrations", "--format", "json"], cwd },
      { args: ["validate", "migrations/001_init.sql", "migrations/010_index_invoices.sql", "--format", "json"], cwd },
    ]);
  });

  it("judges only the named file", () => {
    const doc = parseJson(runs[0] as CliRun);
    expect(doc.migrations.map((m) => m.path)).toEqual(["migrations/010_index_invoices.sql"]);
    expect(doc.findings.length).toBeGreaterThan(0);
    expect(new Set(doc.findings.map((f) => f.path))).toEqual(new Set(["migrations/010_index_invoices.sql"]));
    expect(doc.findings.map((f) => f.rule)).toContain("create-index-non-concurrently");
  });

  it("judges every migration of a named folder", () => {
    const doc = parseJson(runs[1] as CliRun);
    expect(doc.migrations.map((m) => m.path)).toEqual([
      "migrations/001_init.sql",
      "migrations/002_create_invoices.sql",
      "migrations/010_index_invoices.sql",
    ]);
  });

  it("judges several named files and nothing else", () => {
    const doc = parseJson(runs[2] as CliRun);
    expect(doc.migrations.map((m) => m.path)).toEqual(["migrations/001_init.sql", "migrations/010_index_invoices.sql"]);
    expect(doc.findings.every((f) => f.path !== "migrations/002_create_invoices.sql")).toBe(true);
    for (const run of runs) expectNoCrash(run);
  });
});

describe("--fail-on", () => {
  let never: CliRun;
  let warning: CliRun;

  beforeAll(async () => {
    [never, warning] = (await runMany([
      { args: ["validate", "--fail-on", "never", "--format", "json"], cwd: path.join(fixturesDir, "alembic-app") },
      { args: ["validate", "--fail-on", "warning", "--format", "json"], cwd: path.join(fixturesDir, "prisma-app") },
    ])) as [CliRun, CliRun];
  });

  it("never: exit 0 even with errors, and the findings are still reported", () => {
    expect(never.code).toBe(0);
    expect(parseJson(never).summary.errors).toBeGreaterThan(0);
  });

  it("warning: exit 1 on warnings alone", () => {
    const summary = parseJson(warning).summary;
    expect(summary.errors).toBe(0);
    expect(summary.warnings).toBeGreaterThan(0);
    expect(warning.code).toBe(1);
  });
});

describe("--pg-version, --config and ignore comments", () => {
  let root: string;
  let byDefault: CliRun;
  let pg10: CliRun;
  let ignored: CliRun;
  let configured: CliRun;
  let configuredFailOnNever: CliRun;
  let badPgVersion: CliRun;

  const rules = (run: CliRun) => parseJson(run).findings.map((f) => `${f.rule}@${f.path}:${f.line}`);

  beforeAll(async () => {
    root = await makeTemp("options");
    await mkdir(path.join(root, "migrations"));
    await mkdir(path.join(root, "ci"));
    await writeFile(
      path.join(root, "migrations", "001_create_accounts.sql"),
      "CREATE TABLE accounts (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email text NOT NULL);\n",
    );
    await writeFile(
      path.join(root, "migrations", "010_add_plan.sql"),
      "SET lock_timeout = '5s';\nSET statement_timeout = '1min';\nALTER TABLE accounts ADD COLUMN plan text NOT NULL DEFAULT 'free';\n",
    );
    await writeFile(
      path.join(root, "migrations", "011_drop_legacy.sql"),
      [
        "SET lock_timeout = '5s';",
        "-- db-migrate:ignore drop-table retired in v2, no reader left (checked in pg_stat_user_tables)",
        "DROP TABLE legacy_sessions;",
        "DROP TABLE legacy_tokens;",
        "",
      ].join("\n"),
    );
    await writeFile(
      path.join(root, "ci", "strict.yml"),
      "fail-on: warning\npg-version: 10\nrules:\n  drop-table: off\n",
    );
    [byDefault, pg10, ignored, configured, configuredFailOnNever, badPgVersion] = (await runMany([
      { args: ["validate", "migrations/010_add_plan.sql", "--format", "json"], cwd: root },
      { args: ["validate", "migrations/010_add_plan.sql", "--pg-version", "10", "--format", "json"], cwd: root },
      { args: ["validate", "migrations/011_drop_legacy.sql", "--format", "json"], cwd: root },
      { args: ["validate", "--config", "ci/strict.yml", "--format", "json"], cwd: root },
      { args: ["validate", "--config", "ci/strict.yml", "--fail-on", "never", "--format", "json"], cwd: root },
      { args: ["validate", "migrations/010_add_plan.sql", "--pg-version", "ten"], cwd: root },
    ])) as [CliRun, CliRun, CliRun, CliRun, CliRun, CliRun];
  });

  afterAll(() => removeTemp(root));

  it("a constant default is a rewrite before PostgreSQL 11 only", () => {
    expect(rules(byDefault)).toEqual([]);
    expect(byDefault.code).toBe(0);
    const finding = parseJson(pg10).findings.find((f) => f.rule === "add-column-volatile-default");
    expect(finding).toMatchObject({
      path: "migrations/010_add_plan.sql",
      line: 3,
      severity: "error",
      lock: "AccessExclusiveLock",
    });
    expect(pg10.code).toBe(1);
  });

  it("an ignore comment silences its rule on the next statement only", () => {
    expect(rules(ignored)).toEqual(["drop-table@migrations/011_drop_legacy.sql:4"]);
  });

  it("--config reads the named file: rule switched off, pg-version and fail-on applied", () => {
    const doc: JsonDocument = parseJson(configured);
    expect(doc.findings.some((f) => f.rule === "drop-table")).toBe(false);
    expect(rules(configured)).toContain("add-column-volatile-default@migrations/010_add_plan.sql:3");
    expect(configured.code).toBe(1);
    expect(configuredFailOnNever.code).toBe(0);
  });

  it("a --pg-version that is not a major version is bad usage", () => {
    expect(badPgVersion.code).toBe(2);
    expect(badPgVersion.stderr).toContain("--pg-version ten");
    expectNoCrash(badPgVersion);
  });
});
