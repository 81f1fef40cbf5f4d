/** The GitHub building blocks against the stand-in API: client, sticky comments, check runs, files, write path. */

import { mkdtemp, readdir, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { scopedFiles } from "../../src/github/api-files.js";
import { pruneSnapshots } from "../../src/github/cache.js";
import { listChangedFiles } from "../../src/github/changed-files.js";
import { emitWorkflowAnnotations, publishCheckRun } from "../../src/github/checks.js";
import { createClient, type GitHubClient } from "../../src/github/client.js";
import { botLogin, listStickyComments, upsertStickyComment } from "../../src/github/comments.js";
import { commenterPermission, hasPermission } from "../../src/github/permissions.js";
import { ApiSnapshot } from "../../src/github/snapshot.js";
import { commitFiles } from "../../src/github/write.js";
import { toCheckAnnotations } from "../../src/report/annotations.js";
import type { Finding } from "../../src/types.js";
import { fixtureRepo } from "./e2e-harness.js";
import { FakeGitHub } from "./fake-github.js";

let github: FakeGitHub;
let client: GitHubClient;
const issue = { owner: "Codertocat", repo: "Hello-World", issueNumber: 2 };

beforeEach(async () => {
  github = new FakeGitHub();
  await github.start();
  client = createClient("ghs_test", { baseUrl: github.url, throttle: false, retryAfterBaseValue: 1 });
});
afterEach(() => github.stop());

function findings(count: number): Finding[] {
  return Array.from({ length: count }, (_, i) => ({
    rule: i % 3 === 0 ? "create-index-non-concurrently" : "missing-lock-timeout",
    severity: i % 3 === 0 ? ("error" as const) : ("warning" as const),
    path: "db/migrations/002_index.sql",
    line: i + 1,
    column: 1,
    endLine: i + 1,
    message: `finding ${i}`,
    lock: "ShareLock" as const,
    source: "static" as const,
  }));
}

describe("client", () => {
  it("retries a 5xx and then succeeds", async () => {
    github.pullFiles.set(2, ["a.sql"]);
    github.fail("GET", /\/pulls\/2\/files$/, 502, 2);
    const changed = await listChangedFiles(
      client,
      { ...issue, pullNumber: 2, baseSha: "b", headSha: "h" },
      "/nonexistent",
    );
    expect(changed).toEqual({ files: ["a.sql"], source: "api" });
    expect(github.count("GET", /\/pulls\/2\/files$/)).toBe(3);
  });

  it("does not retry a 422", async () => {
    github.fail("POST", /\/check-runs$/, 422, 1, "Validation Failed");
    await expect(
      publishCheckRun(client, {
        owner: issue.owner,
        repo: issue.repo,
        headSha: "abc",
        name: "db-migrate",
        conclusion: "success",
        title: "t",
        summary: "s",
        annotations: [],
      }),
    ).rejects.toMatchObject({ status: 422 });
    expect(github.count("POST", /\/check-runs$/)).toBe(1);
  });

  it("pages through every changed file with the Link header", async () => {
    const files = Array.from({ length: 250 }, (_, i) => `db/migrations/${String(i).padStart(4, "0")}.sql`);
    github.pullFiles.set(2, files);
    const changed = await listChangedFiles(client, { ...issue, pullNumber: 2, baseSha: "b", headSha: "h" }, "/");
    expect(changed.files).toHaveLength(250);
    expect(github.requests.filter((r) => r.path.endsWith("/files")).map((r) => r.query.page ?? "1")).toEqual([
      "1",
      "2",
      "3",
    ]);
  });

  it("past GitHub's 3,000-file cap, takes the changed files from git", async () => {
    const repo = await fixtureRepo("plain-sql-app", (file) => !file.includes("010_"), github);
    const changed = await listChangedFiles(
      client,
      { ...issue, pullNumber: 2, baseSha: repo.baseSha, headSha: repo.headSha, changedFileCount: 3500 },
      repo.dir,
    );
    expect(changed).toEqual({ files: ["migrations/010_index_invoices.sql"], source: "git" });
    expect(github.count("GET", /\/files$/)).toBe(0);
  });

  it("knows the Actions bot when GET /user is refused", async () => {
    expect(await botLogin(client)).toBe("github-actions[bot]");
  });
});

describe("sticky comments", () => {
  const marker = "<!-- db-migrate:db/migrations -->";
  const upsert = async (body: string, mode: "always" | "on-findings" | "update-only" = "always", hasFindings = true) =>
    upsertStickyComment(client, issue, {
      marker,
      body: `${marker}\n${body}`,
      login: "github-actions[bot]",
      mode,
      hasFindings,
      existing: await listStickyComments(client, issue, "github-actions[bot]"),
    });

  it("creates one comment, then updates it in place, past 100 other comments", async () => {
    github.comments.set(
      2,
      Array.from({ length: 130 }, (_, i) => ({
        id: i + 1,
        body: i === 5 ? `${marker}\nquoted by a human` : `comment ${i}`,
        user: { login: "octocat", type: "User" },
        html_url: "",
        created_at: "",
      })),
    );
    expect((await upsert("first")).action).toBe("created");
    expect((await upsert("second")).action).toBe("updated");
    expect((await upsert("second")).action).toBe("unchanged");
    const ours = github.comments.get(2)!.filter((c) => c.user.login === "github-actions[bot]");
    expect(ours).toHaveLength(1);
    expect(ours[0]!.body).toBe(`${marker}\nsecond`);
    expect(github.comments.get(2)![5]!.body).toBe(`${marker}\nquoted by a human`);
    expect(github.count("POST", /\/comments$/)).toBe(1);
    expect(github.count("PATCH", /\/comments\/\d+$/)).toBe(1);
  });

  it("removes copies a concurrent run left, keeping the oldest", async () => {
    const bot = { login: "github-actions[bot]", type: "Bot" };
    github.comments.set(2, [
      { id: 10, body: `${marker}\nold`, user: bot, html_url: "u10", created_at: "" },
      { id: 11, body: `${marker}\ncopy`, user: bot, html_url: "u11", created_at: "" },
    ]);
    const outcome = await upsert("new");
    expect(outcome).toMatchObject({ action: "updated", url: "u10", duplicatesRemoved: 1 });
    expect(github.comments.get(2)!.map((c) => [c.id, c.body])).toEqual([[10, `${marker}\nnew`]]);
  });

  it("a copy created by a concurrent run between listing and creating is folded into the oldest", async () => {
    const bot = { login: "github-actions[bot]", type: "Bot" };
    // This run listed before the other run's comment landed.
    const listedEarlier = await listStickyComments(client, issue, "github-actions[bot]");
    github.comments.set(2, [{ id: 10, body: `${marker}\nother run`, user: bot, html_url: "u10", created_at: "" }]);
    const outcome = await upsertStickyComment(client, issue, {
      marker,
      body: `${marker}\nthis run`,
      login: "github-actions[bot]",
      mode: "always",
      hasFindings: true,
      existing: listedEarlier,
    });
    expect(outcome).toMatchObject({ action: "updated", url: "u10", duplicatesRemoved: 1 });
    expect(github.comments.get(2)!.map((c) => [c.id, c.body])).toEqual([[10, `${marker}\nthis run`]]);
  });

  it("on-findings creates nothing for a clean PR; update-only never creates", async () => {
    expect((await upsert("clean", "on-findings", false)).action).toBe("skipped");
    expect((await upsert("x", "update-only")).action).toBe("skipped");
    expect(github.writes()).toHaveLength(0);
  });

  it("reports a read-only token as denied, not as an error", async () => {
    github.readOnly = true;
    expect((await upsert("x")).action).toBe("denied");
  });
});

describe("check runs", () => {
  it("sends 120 annotations in batches of at most 50: create, then two updates", async () => {
    const outcome = await publishCheckRun(client, {
      owner: issue.owner,
      repo: issue.repo,
      headSha: "abc",
      name: "db-migrate",
      conclusion: "failure",
      title: "blocks merge",
      summary: "summary",
      annotations: toCheckAnnotations(findings(120)),
    });
    expect(outcome).toMatchObject({ action: "created", requests: 3, annotations: 120 });
    const sizes = github.requests
      .filter((r) => r.path.includes("check-runs"))
      .map((r) => [r.method, r.body.output.annotations.length]);
    expect(sizes).toEqual([
      ["POST", 50],
      ["PATCH", 50],
      ["PATCH", 20],
    ]);
    expect(github.checkRuns[0]!.annotations).toHaveLength(120);
  });

  it("answers denied on a 403 so the caller can fall back", async () => {
    github.readOnly = true;
    const outcome = await publishCheckRun(client, {
      owner: issue.owner,
      repo: issue.repo,
      headSha: "abc",
      name: "db-migrate",
      conclusion: "failure",
      title: "t",
      summary: "s",
      annotations: [],
    });
    expect(outcome).toEqual({ action: "denied" });
  });

  it("falls back to workflow commands and names the ones GitHub's cap hides", () => {
    const written: string[] = [];
    const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    const hidden = emitWorkflowAnnotations(findings(45));
    spy.mockRestore();
    // 15 errors and 30 warnings: 10 of each shown, 5 errors and 20 warnings hidden.
    expect(hidden.filter((f) => f.severity === "error")).toHaveLength(5);
    expect(hidden.filter((f) => f.severity === "warning")).toHaveLength(20);
    expect(written.filter((line) => line.startsWith("::error "))).toHaveLength(15);
    expect(written[0]).toMatch(
      /^::error title=db-migrate create-index-non-concurrently,file=db\/migrations\/002_index.sql,line=1,endLine=1::finding 0/,
    );
  });
});

describe("files at a pinned SHA", () => {
  it("reads the commit from one tarball download, scoped to a subfolder", async () => {
    github.addCommit(
      "a".repeat(40),
      new Map([
        ["svc/db/migrations/001.sql", Buffer.from("CREATE TABLE t ();")],
        ["README.md", Buffer.from("hi")],
      ]),
    );
    const files = new ApiSnapshot(client, issue.owner, issue.repo, "a".repeat(40));
    expect(await files.list("")).toEqual(["README.md", "svc/db/migrations/001.sql"]);
    const scoped = scopedFiles(files, "svc");
    expect(await scoped.list("db")).toEqual(["db/migrations/001.sql"]);
    expect((await scoped.read("db/migrations/001.sql"))?.toString()).toBe("CREATE TABLE t ();");
    expect(await scoped.read("missing.sql")).toBeNull();
    expect(github.count("GET", /\/tarball\//)).toBe(1);
    expect(github.requests).toHaveLength(2);
  });

  it("keeps long paths (ustar prefix and pax headers) and binary bytes", async () => {
    const long = `${"deep/".repeat(30)}migrations/20240101000000_${"x".repeat(80)}/migration.sql`;
    const binary = Buffer.from([0, 255, 1, 254, 10]);
    github.addCommit(
      "b".repeat(40),
      new Map([
        [long, Buffer.from("SELECT 1;")],
        ["bin/data.bin", binary],
      ]),
    );
    const files = new ApiSnapshot(client, issue.owner, issue.repo, "b".repeat(40));
    expect(await files.list("")).toEqual(["bin/data.bin", long]);
    expect((await files.read(long))?.toString()).toBe("SELECT 1;");
    expect([...((await files.read("bin/data.bin")) ?? [])]).toEqual([...binary]);
  });
});

describe("permissions", () => {
  it("reads role_name so triage and maintain are told apart", async () => {
    github.permissions = { alice: "maintain", bob: "triage", carol: "read" };
    expect(await commenterPermission(client, issue.owner, issue.repo, "alice")).toBe("maintain");
    expect(await commenterPermission(client, issue.owner, issue.repo, "bob")).toBe("triage");
    expect(await commenterPermission(client, issue.owner, issue.repo, "mallory")).toBe("none");
    expect(hasPermission("maintain", "write")).toBe(true);
    expect(hasPermission("triage", "write")).toBe(false);
  });
});

describe("write path", () => {
  const head = "c".repeat(40);
  beforeEach(() => {
    github.addCommit(head, new Map([["db/migrations/001.sql", Buffer.from("CREATE TABLE t ();")]]));
    github.branches.set("changes", head);
  });

  it("commits one file with the contents API", async () => {
    const result = await commitFiles(
      client,
      { owner: issue.owner, repo: issue.repo, branch: "changes", expectedHeadSha: head },
      [{ path: ".db-migrate.yml", content: "fail-on: error\n" }],
      "db-migrate setup",
    );
    expect(result.api).toBe("contents");
    const put = github.requests.find((r) => r.method === "PUT")!;
    expect(put.path).toBe("/repos/Codertocat/Hello-World/contents/.db-migrate.yml");
    expect(Buffer.from(put.body.content, "base64").toString()).toBe("fail-on: error\n");
    expect(github.commits.get(github.branches.get("changes")!)!.get(".db-migrate.yml")?.toString()).toBe(
      "fail-on: error\n",
    );
  });

  it("commits several files as one commit with the git data API", async () => {
    const result = await commitFiles(
      client,
      { owner: issue.owner, repo: issue.repo, branch: "changes", expectedHeadSha: head },
      [
        { path: ".db-migrate.yml", content: "fail-on: error\n" },
        { path: ".github/workflows/db-migrate.yml", content: "on: pull_request\n" },
      ],
      "db-migrate setup",
    );
    expect(result.api).toBe("git");
    const files = github.commits.get(github.branches.get("changes")!)!;
    expect([...files.keys()].sort()).toEqual([
      ".db-migrate.yml",
      ".github/workflows/db-migrate.yml",
      "db/migrations/001.sql",
    ]);
    expect(github.requests.find((r) => r.method === "PATCH")!.body.force).toBe(false);
  });

  it("refuses when the branch moved after the command read it", async () => {
    github.branches.set("changes", "d".repeat(40));
    await expect(
      commitFiles(
        client,
        { owner: issue.owner, repo: issue.repo, branch: "changes", expectedHeadSha: head },
        [{ path: ".db-migrate.yml", content: "x" }],
        "m",
      ),
    ).rejects.toThrow(/moved/);
    expect(github.writes()).toHaveLength(0);
  });
});

describe("replay cache folder", () => {
  it("keeps the five newest engine snapshots (data and report together) and drops the rest", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "db-migrate-cache-"));
    const keys = Array.from({ length: 7 }, (_, i) => String(i).repeat(8));
    for (const [age, key] of keys.entries()) {
      for (const ext of ["tar.gz", "json"]) {
        const file = path.join(dir, `db-migrate-base-${key}.${ext}`);
        await writeFile(file, key);
        const when = new Date(Date.now() - age * 60_000);
        await utimes(file, when, when);
      }
    }
    await writeFile(path.join(dir, "unrelated.txt"), "kept");
    expect(await pruneSnapshots(dir)).toEqual(keys.slice(0, 5).sort());
    expect((await readdir(dir)).sort()).toEqual(
      [
        ...keys.slice(0, 5).flatMap((k) => [`db-migrate-base-${k}.json`, `db-migrate-base-${k}.tar.gz`]),
        "unrelated.txt",
      ].sort(),
    );
  });
});
