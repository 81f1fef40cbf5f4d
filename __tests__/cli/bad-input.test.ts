/**
 * Bad input never ends in a stack trace: either exit 2 with a message that says
 * what and where, or a finding with a location while the rest is still analysed.
 */
import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type CliRun,
  copyToTemp,
  expectNoCrash,
  fixturesDir,
  type JsonDocument,
  makeTemp,
  parseJson,
  removeTemp,
  runCliClosingEarly,
  runMany,
} from "./run-cli.js";

const badInput = path.join(fixturesDir, "bad-input");

describe("a migrations folder holding bad files (fixtures/bad-input plus generated ones)", () => {
  let root: string;
  let json: CliRun;
  let text: CliRun;
  let doc: JsonDocument;

  const findingsIn = (file: string) => doc.findings.filter((f) => f.path === `migrations/${file}`);

  beforeAll(async () => {
    root = await copyToTemp(badInput, "bad-input");
    const migrations = path.join(root, "migrations");
    // Generated, not committed: a binary file, Latin-1 text, and a 20 MB file.
    await writeFile(
      path.join(migrations, "002_binary.sql"),
      Buffer.concat([Buffer.from("\x89PNG\r\n\x1a\n", "latin1"), Buffer.alloc(64)]),
    );
    await writeFile(
      path.join(migrations, "003_latin1.sql"),
      Buffer.from("CREATE TABLE cafes (name text);\n-- caf\xe9 au lait\nDROP TABLE cafes;\n", "latin1"),
    );
    const row = "INSERT INTO accounts (email) VALUES ('someone@example.com');\n";
    await writeFile(path.join(migrations, "007_huge.sql"), row.repeat(Math.ceil((20 * 1024 * 1024) / row.length)));
    await mkdir(path.join(root, "docs"));
    await writeFile(path.join(root, "docs", "README.md"), "# notes\n");
    [json, text] = (await runMany([
      { args: ["validate", "--format", "json"], cwd: root },
      { args: ["validate", "migrations/003_latin1.sql", "migrations/006_syntax_error.sql"], cwd: root },
    ])) as [CliRun, CliRun];
    doc = parseJson(json);
  });

  afterAll(() => removeTemp(root));

  it("analyses the folder without crashing and fails on the unreadable files", () => {
    expectNoCrash(json);
    expectNoCrash(text);
    expect(json.code).toBe(1);
    expect(doc.migrations.map((m) => m.path)).toEqual([
      "migrations/001_create_accounts.sql",
      "migrations/002_binary.sql",
      "migrations/003_latin1.sql",
      "migrations/004_empty.sql",
      "migrations/005_templated.sql",
      "migrations/006_syntax_error.sql",
      "migrations/007_huge.sql",
    ]);
  });

  it("a binary file: unreadable-file at line 1", () => {
    expect(findingsIn("002_binary.sql")).toEqual([
      expect.objectContaining({ rule: "unreadable-file", severity: "error", line: 1, column: 1 }),
    ]);
    expect(findingsIn("002_binary.sql")[0]?.message).toMatch(/binary/);
  });

  it("invalid UTF-8: unreadable-file at the line of the first bad byte", () => {
    expect(findingsIn("003_latin1.sql")).toEqual([
      expect.objectContaining({ rule: "unreadable-file", severity: "error", line: 2 }),
    ]);
    expect(findingsIn("003_latin1.sql")[0]?.message).toMatch(/UTF-8/);
  });

  it("a 20 MB file: unreadable-file naming its size, not parsed", () => {
    expect(findingsIn("007_huge.sql")).toEqual([
      expect.objectContaining({ rule: "unreadable-file", severity: "error", line: 1 }),
    ]);
    expect(findingsIn("007_huge.sql")[0]?.message).toMatch(/20(\.\d)? MB/);
  });

  it("an empty file: no statements, no findings", () => {
    expect(doc.migrations.find((m) => m.path === "migrations/004_empty.sql")?.statements).toBe(0);
    expect(findingsIn("004_empty.sql")).toEqual([]);
  });

  it("templated SQL: templated-sql naming the placeholder", () => {
    const [templated, ...others] = findingsIn("005_templated.sql");
    expect(others).toEqual([]);
    expect(templated).toMatchObject({ rule: "templated-sql", line: 1 });
    expect(templated?.message).toContain("{{ schema }}");
  });

  it("a syntax error: parse-error at its line and column, and the statements after it still judged", () => {
    const found = findingsIn("006_syntax_error.sql");
    const parseError = found.find((f) => f.rule === "parse-error");
    expect(parseError).toMatchObject({ line: 3, severity: "error" });
    expect(parseError?.column).toBeGreaterThan(1);
    expect(parseError?.message).toContain("FOREIGN");
    expect(found.some((f) => f.rule === "drop-table" && f.line === 4)).toBe(true);
  });

  it("the sound migration is still analysed", () => {
    expect(doc.migrations.find((m) => m.path === "migrations/001_create_accounts.sql")?.statements).toBe(1);
  });

  it("text output shows each problem at file:line:column", () => {
    expect(text.stdout).toMatch(/migrations\/003_latin1\.sql\n {2}2:1 {2}error {2}unreadable-file/);
    expect(text.stdout).toMatch(/migrations\/006_syntax_error\.sql\n {2}3:\d+ {2}error {2}parse-error/);
  });
});

describe("input that stops the run: exit 2 with what and where", () => {
  let root: string;
  let runs: Record<string, CliRun>;

  beforeAll(async () => {
    root = await copyToTemp(badInput, "bad-exit");
    await mkdir(path.join(root, "docs"));
    await writeFile(path.join(root, "docs", "README.md"), "# notes\n");
    // A Prisma project for MySQL beside the PostgreSQL one: noticed, never judged as PostgreSQL.
    const mysqlMigration = path.join(root, "prisma", "migrations", "20240101000000_init");
    await mkdir(mysqlMigration, { recursive: true });
    await writeFile(path.join(root, "prisma", "migrations", "migration_lock.toml"), 'provider = "mysql"\n');
    await writeFile(
      path.join(mysqlMigration, "migration.sql"),
      "CREATE TABLE `User` (`id` INT NOT NULL AUTO_INCREMENT, PRIMARY KEY (`id`)) ENGINE=InnoDB;\n",
    );
    const cases: Record<string, string[]> = {
      missingPath: ["validate", "migrations/404_missing.sql"],
      noSqlFolder: ["validate", "docs"],
      brokenYaml: ["validate", "--config", "config/broken-yaml.yml"],
      unknownKey: ["validate", "--config", "config/unknown-key.yml"],
      badValue: ["validate", "--config", "config/bad-value.yml"],
      missingConfig: ["validate", "--config", "config/absent.yml"],
      missingProjectFolder: ["validate", "--config", "config/missing-folder.yml", "--format", "json"],
      otherDialectFolder: ["validate", "prisma/migrations"],
      otherDialectFile: ["validate", "prisma/migrations/20240101000000_init/migration.sql"],
      everything: ["validate", "--format", "json"],
    };
    const results = await runMany(Object.values(cases).map((args) => ({ args, cwd: root })));
    runs = Object.fromEntries(Object.keys(cases).map((name, index) => [name, results[index] as CliRun]));
  });

  afterAll(() => removeTemp(root));

  const expectExit2 = (run: CliRun | undefined, ...mentions: string[]) => {
    if (!run) throw new Error("run missing");
    expectNoCrash(run);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stdout).toBe("");
    for (const mention of mentions) expect(run.stderr).toContain(mention);
  };

  it("a missing path", () => expectExit2(runs.missingPath, "migrations/404_missing.sql", "no such file"));

  it("a folder with no SQL", () => expectExit2(runs.noSqlFolder, "docs", "no migrations found"));

  it("a config that is not YAML: file, line and column", () => {
    expectExit2(runs.brokenYaml, "config/broken-yaml.yml:1:", "YAML");
  });

  it("a config with an unknown key names the key", () =>
    expectExit2(runs.unknownKey, "config/unknown-key.yml", "colour"));

  it("a config with a bad value names the key and its line", () => {
    expectExit2(runs.badValue, "config/bad-value.yml:2", "pg-version");
  });

  it("a --config file that does not exist", () => expectExit2(runs.missingConfig, "config/absent.yml", "not found"));

  it("a config naming a folder with no migrations: exit 2, the folder named on stderr and in the notices", () => {
    const run = runs.missingProjectFolder as CliRun;
    expectNoCrash(run);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("db/nowhere");
    expect(parseJson(run).notices).toContainEqual(expect.objectContaining({ level: "error", path: "db/nowhere" }));
  });

  it("a named folder or file of a MySQL project: exit 2, naming the dialect", () => {
    expectExit2(runs.otherDialectFolder, "prisma/migrations", "mysql", "PostgreSQL");
    expectExit2(runs.otherDialectFile, "prisma/migrations/20240101000000_init/migration.sql", "mysql");
  });

  it("with no paths, the MySQL project gets a notice and no findings", () => {
    const run = runs.everything as CliRun;
    expectNoCrash(run);
    const doc = parseJson(run);
    expect(doc.notices.some((n) => n.path === "prisma/migrations" && n.message.includes("mysql"))).toBe(true);
    expect(doc.migrations.some((m) => m.path.startsWith("prisma/"))).toBe(false);
    expect(doc.findings.some((f) => f.path.startsWith("prisma/"))).toBe(false);
  });
});

describe("an Alembic project with a revision that is not valid Python", () => {
  let root: string;
  let run: CliRun;
  let doc: JsonDocument;
  const broken = "migrations/versions/f0e1d2c3b4a5_broken_python.py";
  const indexRevision = "migrations/versions/8a4d2e6f1b3c_add_posts_user_id_index.py";

  beforeAll(async () => {
    root = await copyToTemp(path.join(fixturesDir, "alembic-app"), "alembic-broken");
    await copyFile(path.join(badInput, "alembic", "f0e1d2c3b4a5_broken_python.py"), path.join(root, broken));
    // And a Python ignore comment above an op. call of a sound revision.
    const indexed = path.join(root, indexRevision);
    const source = await readFile(indexed, "utf8");
    await writeFile(
      indexed,
      source.replace(
        "    op.create_index(",
        "    # db-migrate:ignore create-index-non-concurrently posts holds a few hundred rows\n    op.create_index(",
      ),
    );
    [run] = (await runMany([{ args: ["validate", "--format", "json"], cwd: root }])) as [CliRun];
    doc = parseJson(run);
  });

  afterAll(() => removeTemp(root));

  it("reports parse-error at the broken line of the .py file", () => {
    expectNoCrash(run);
    const parseError = doc.findings.find((f) => f.path === broken && f.rule === "parse-error");
    expect(parseError?.severity).toBe("error");
    expect(parseError?.line).toBeGreaterThanOrEqual(19);
    expect(parseError?.line).toBeLessThanOrEqual(21);
    expect(run.code).toBe(1);
  });

  it("a # db-migrate:ignore comment silences its rule on the op. call below, and only that rule", () => {
    const onIndex = doc.findings.filter((f) => f.path === indexRevision).map((f) => `${f.rule}:${f.line}`);
    // The op. call moved to line 24 under the comment; every other rule still reports it there.
    expect(onIndex).toContain("missing-lock-timeout:24");
    expect(onIndex.filter((finding) => finding.startsWith("create-index-non-concurrently"))).toEqual([]);
  });

  it("still analyses the other revisions, and the graph keeps one head", () => {
    expect(doc.migrations).toHaveLength(8);
    expect(doc.migrations.filter((m) => m.path !== broken).every((m) => m.statements >= 0)).toBe(true);
    expect(doc.findings.some((f) => f.rule === "add-unique-constraint")).toBe(true);
    expect(doc.findings.some((f) => f.rule === "multiple-heads" || f.rule === "broken-revision-chain")).toBe(false);
  });
});

describe("a reader that closes the pipe early (`db-migrate validate | head`)", () => {
  let root: string;

  beforeAll(async () => {
    root = await makeTemp("epipe");
    await mkdir(path.join(root, "migrations"));
    // Far more report than a pipe buffers, so the CLI is still writing when the reader leaves.
    const drops = Array.from({ length: 600 }, (_, i) => `DROP TABLE legacy_table_${i};`).join("\n");
    await writeFile(path.join(root, "migrations", "001_drop_legacy.sql"), `${drops}\n`);
  });

  afterAll(() => removeTemp(root));

  it("stops quietly with the analysis' exit status", async () => {
    const run = await runCliClosingEarly(["validate"], root);
    expect(run.stdout).toContain("migrations/001_drop_legacy.sql");
    expect(run.stderr).not.toContain("EPIPE");
    expectNoCrash(run);
    expect(run.code).toBe(1);
  });
});
