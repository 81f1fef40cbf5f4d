/**
 * GitRef reads a ref in a fixed number of git processes: one ls-tree, one
 * cat-file --batch for the blobs the working tree does not have, whatever the
 * number of files. Processes are counted with a `git` wrapper first on PATH.
 */
import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GitRef, gitBlobId } from "../../src/workspace/git-ref.js";

let repo: string;
let wrapperDir: string;
let log: string;
let savedPath: string | undefined;

function git(...args: string[]): string {
  return execFileSync("git", args, {
    cwd: repo,
    encoding: "utf8",
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: "t",
      GIT_AUTHOR_EMAIL: "t@e",
      GIT_COMMITTER_NAME: "t",
      GIT_COMMITTER_EMAIL: "t@e",
    },
  }).trim();
}

function invocations(): string[] {
  try {
    return readFileSync(log, "utf8").split("\n").filter(Boolean);
  } catch {
    return [];
  }
}

beforeAll(() => {
  repo = mkdtempSync(path.join(tmpdir(), "db-migrate-gitref-"));
  git("init", "-q", "-b", "main");
  mkdirSync(path.join(repo, "db/migrations"), { recursive: true });
  for (let i = 0; i < 40; i++)
    writeFileSync(path.join(repo, `db/migrations/${String(i).padStart(3, "0")}.sql`), `CREATE TABLE t${i} (id int);\n`);
  writeFileSync(path.join(repo, "db/migrations/changed.sql"), "CREATE TABLE before (id int);\n");
  writeFileSync(path.join(repo, "db/migrations/deleted.sql"), "CREATE TABLE gone (id int);\n");
  writeFileSync(path.join(repo, "db/binary.bin"), Buffer.from([0, 1, 2, 255, 10, 10, 0]));
  git("add", "-A");
  git("commit", "-q", "-m", "base");
  // The working tree moves on: one file edited, one deleted, one added.
  writeFileSync(path.join(repo, "db/migrations/changed.sql"), "CREATE TABLE after (id int);\n");
  unlinkSync(path.join(repo, "db/migrations/deleted.sql"));
  unlinkSync(path.join(repo, "db/binary.bin"));
  writeFileSync(path.join(repo, "db/migrations/new.sql"), "CREATE TABLE added (id int);\n");

  wrapperDir = mkdtempSync(path.join(tmpdir(), "db-migrate-gitwrap-"));
  log = path.join(wrapperDir, "calls.log");
  const realGit = execFileSync("sh", ["-c", "command -v git"], { encoding: "utf8" }).trim();
  writeFileSync(path.join(wrapperDir, "git"), `#!/bin/sh\necho "$1" >> "${log}"\nexec "${realGit}" "$@"\n`);
  chmodSync(path.join(wrapperDir, "git"), 0o755);
  savedPath = process.env.PATH;
  process.env.PATH = `${wrapperDir}${path.delimiter}${savedPath}`;
});

afterAll(() => {
  process.env.PATH = savedPath;
  rmSync(repo, { recursive: true, force: true });
  rmSync(wrapperDir, { recursive: true, force: true });
});

describe("GitRef", () => {
  it("reads every file of a ref in one ls-tree and one cat-file, the unchanged ones from disk", async () => {
    const base = await GitRef.open(repo, "main");
    const files = await base.list("db/migrations");
    expect(files).toHaveLength(42);
    expect(files).toContain("db/migrations/deleted.sql");
    expect(files).not.toContain("db/migrations/new.sql");
    const contents = await Promise.all(files.map((file) => base.read(file)));
    expect(contents.every((c) => c !== null)).toBe(true);
    expect((await base.read("db/migrations/changed.sql"))?.toString()).toBe("CREATE TABLE before (id int);\n");
    expect((await base.read("db/migrations/deleted.sql"))?.toString()).toBe("CREATE TABLE gone (id int);\n");
    expect([...((await base.read("db/binary.bin")) ?? [])]).toEqual([0, 1, 2, 255, 10, 10, 0]);
    expect(await base.read("db/migrations/new.sql")).toBeNull();
    expect(await base.read("nowhere.sql")).toBeNull();
    base.close();
    expect(invocations()).toEqual(["rev-parse", "ls-tree", "cat-file"]);
  });

  it("lists and reads from a subfolder with paths relative to it", async () => {
    const base = new GitRef(path.join(repo, "db"), "main");
    expect(await base.list("migrations")).toHaveLength(42);
    expect((await base.read("migrations/changed.sql"))?.toString()).toBe("CREATE TABLE before (id int);\n");
    base.close();
  });

  it("says clearly when the ref does not exist", async () => {
    await expect(GitRef.open(repo, "no-such-branch")).rejects.toThrow(/no such git ref/);
  });

  it("computes git's own blob ids", () => {
    const bytes = readFileSync(path.join(repo, "db/migrations/000.sql"));
    expect(gitBlobId(bytes)).toBe(git("hash-object", "db/migrations/000.sql"));
  });
});

describe("files identical at the base and the head", () => {
  it("are parsed once: the base's migration shares the head's statements", async () => {
    const { readProjects } = await import("../../src/pipeline.js");
    const { loadConfig } = await import("../../src/config/load.js");
    const { detectProjects } = await import("../../src/detect/index.js");
    const { WorkingTree } = await import("../../src/workspace/working-tree.js");
    const { loadParser } = await import("../../src/sql/parse.js");
    await loadParser();
    const config = await loadConfig(repo, undefined);
    const head = new WorkingTree(repo);
    const { projects } = await detectProjects(head, config);
    const base = await GitRef.open(repo, "main");
    const [read] = await readProjects(projects, head, base, config);
    base.close();
    const atBase = new Map(read!.input.base!.map((m) => [m.path, m]));
    const same = read!.input.migrations.find((m) => m.path === "db/migrations/000.sql")!;
    const changed = read!.input.migrations.find((m) => m.path === "db/migrations/changed.sql")!;
    expect(atBase.get(same.path)!.statements).toBe(same.statements);
    expect(atBase.get(changed.path)!.statements).not.toBe(changed.statements);
    expect(atBase.get(changed.path)!.statements[0]!.sql).toContain("before");
  });
});
