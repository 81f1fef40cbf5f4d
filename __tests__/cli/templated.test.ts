/**
 * Templated SQL is reported the same way with or without --trace: the static
 * error names the `templates.vars` key to set, and the replay stops before the
 * templated migration with a notice instead of reporting its own failures.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CliRun, expectNoCrash, makeTemp, parseJson, removeTemp, runCli, runMany } from "./run-cli.js";

const MIGRATIONS = {
  "migrations/001_init.sql": "CREATE TABLE users (id bigint PRIMARY KEY);\n",
  "migrations/002_grant.sql":
    "DO $$\nBEGIN\n  EXECUTE 'GRANT SELECT ON users TO {{ app_role }}';\nEND\n$$;\nCREATE TABLE audit (id bigint);\n",
  "migrations/003_more.sql": "ALTER TABLE audit ADD COLUMN at timestamptz;\n",
};

const key = (f: { rule: string; path: string; line: number; severity: string }) =>
  `${f.rule} ${f.severity} ${f.path}:${f.line}`;

describe("templated SQL", () => {
  let root: string;
  let plain: CliRun;
  let traced: CliRun;

  beforeAll(async () => {
    root = await makeTemp("templated");
    for (const [file, text] of Object.entries(MIGRATIONS)) {
      await mkdir(path.dirname(path.join(root, file)), { recursive: true });
      await writeFile(path.join(root, file), text);
    }
    [plain, traced] = (await runMany([
      { args: ["validate", "--format", "json"], cwd: root },
      { args: ["validate", "--trace", "--format", "json"], cwd: root },
    ])) as [CliRun, CliRun];
  }, 120_000);
  afterAll(() => removeTemp(root));

  it("reports a placeholder inside a DO block, naming the templates.vars key", () => {
    expectNoCrash(plain);
    expect(plain.code).toBe(1);
    const templated = parseJson(plain).findings.filter((f) => f.rule === "templated-sql");
    expect(templated.map((f) => [f.path, f.line])).toEqual([["migrations/002_grant.sql", 1]]);
    expect(templated[0]?.message).toContain("`templates.vars` key `app_role`");
  });

  it("gives the same findings about it under --trace, and says where the replay stopped", () => {
    expect(parseJson(traced).findings.some((f) => f.source === "trace" && f.path === "migrations/003_more.sql")).toBe(
      false,
    );
    expectNoCrash(traced);
    expect(traced.code).toBe(plain.code);
    const doc = parseJson(traced);
    const fromTemplated = (f: { path: string }) => f.path !== "migrations/001_init.sql";
    expect(doc.findings.filter(fromTemplated).map(key)).toEqual(
      parseJson(plain).findings.filter(fromTemplated).map(key),
    );
    expect(doc.findings.filter((f) => f.rule === "migration-fails")).toEqual([]);
    const stop = doc.notices.find((n) => n.path === "migrations/002_grant.sql");
    expect(stop?.message).toMatch(
      /stops before migrations\/002_grant\.sql \(line 1\).*`templates\.vars` key `app_role`/,
    );
  });

  it("replays everything once the key is set", async () => {
    await writeFile(path.join(root, ".db-migrate.yml"), "templates:\n  vars:\n    app_role: reporting\n");
    const run = await runCli(["validate", "--trace", "--format", "json"], root);
    expectNoCrash(run);
    const doc = parseJson(run);
    expect(doc.findings.filter((f) => f.rule === "templated-sql")).toEqual([]);
    expect(doc.notices.filter((n) => /stops before/.test(n.message))).toEqual([]);
    // The migrations from the templated one on are traced now.
    expect(doc.findings.some((f) => f.source === "trace" && f.path === "migrations/003_more.sql")).toBe(true);
  }, 120_000);
});
