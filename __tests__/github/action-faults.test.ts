/**
 * The action against a stand-in GitHub that misbehaves as github.com can:
 * 5xx on every comment POST, secondary rate limits (403 with retry-after).
 * In-process so the backoff is injected (scale 0): retries happen at once and
 * the waits GitHub asked for are still logged.
 */
import Bottleneck from "bottleneck";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ClientOptions } from "../../src/github/client.js";
import { fixtureRepo, loadEvent, pointPullRequest, runInProcess } from "./e2e-harness.js";
import { FakeGitHub } from "./fake-github.js";

let github: FakeGitHub;
beforeEach(async () => {
  github = new FakeGitHub();
  await github.start();
});
afterEach(() => github.stop());

/** plain-sql-app: the PR adds 010, which builds an index in place (one error). */
async function plainSqlPr() {
  const repo = await fixtureRepo("plain-sql-app", (file) => !file.includes("010_"), github);
  const payload = await pointPullRequest(await loadEvent("pull_request.opened"), repo, github);
  return { repo, payload };
}

/** The real throttle, with its write spacing taken out and backoff scale 0: nothing sleeps. */
function throttled(): ClientOptions {
  const unpaced = () => new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 });
  return { throttle: true, retryAfterBaseValue: 0, throttleGroups: { write: unpaced(), notifications: unpaced() } };
}

const COMMENT_POST = /\/issues\/\d+\/comments$/;

describe("publishing never loses the analysis", () => {
  it("500 on every comment POST: retried, then the check run and the summary carry the findings; exit by the findings", async () => {
    const { repo, payload } = await plainSqlPr();
    github.fail("POST", COMMENT_POST, 500, 1000);
    const run = await runInProcess({ eventName: "pull_request", payload, workspace: repo.dir, github });

    // 1 try + 4 retries, then given up.
    expect(github.count("POST", COMMENT_POST)).toBe(5);
    expect(github.comments.get(2) ?? []).toEqual([]);
    expect(github.checkRuns).toHaveLength(1);
    expect(github.checkRuns[0]).toMatchObject({ head_sha: repo.headSha, conclusion: "failure" });
    expect(github.checkRuns[0]!.annotations).toContainEqual(
      expect.objectContaining({ title: "db-migrate create-index-non-concurrently" }),
    );
    expect(github.checkRuns[0]!.output.summary).toContain("create-index-non-concurrently");
    expect(run.summary).toContain("create-index-non-concurrently");
    expect(run.summary).toMatch(
      /Comment for `migrations`: not posted \(GitHub answered 500, still failing after retries\)/,
    );
    expect(run.summary).not.toContain("fork");
    expect(run.outputs).toMatchObject({ errors: "1", "highest-severity": "error" });
    expect(run.exitCode).toBe(1);
  });

  it("the summary and outputs are written even when every write fails", async () => {
    const { repo, payload } = await plainSqlPr();
    github.fail("POST", COMMENT_POST, 502, 1000);
    github.fail("POST", /\/check-runs$/, 503, 1000);
    const run = await runInProcess({
      eventName: "pull_request",
      payload,
      workspace: repo.dir,
      github,
      inputs: { "fail-on": "never" },
    });

    expect(github.checkRuns).toEqual([]);
    expect(run.summary).toContain("create-index-non-concurrently");
    expect(run.summary).toContain("Check run: not created (GitHub answered 503, still failing after retries)");
    // The findings reach the diff anyway, as workflow annotations.
    expect(run.stdout).toMatch(/^::error [^\n]*file=migrations\/010_index_invoices\.sql/m);
    expect(run.outputs.errors).toBe("1");
    expect(run.exitCode).toBe(0);
  });

  it("three secondary rate limits on the comment: waited for, then posted; never called a fork", async () => {
    const { repo, payload } = await plainSqlPr();
    github.secondaryRateLimit("POST", COMMENT_POST, 3);
    const run = await runInProcess({
      eventName: "pull_request",
      payload,
      workspace: repo.dir,
      github,
      client: throttled(),
    });

    expect(github.count("POST", COMMENT_POST)).toBe(4);
    expect(github.comments.get(2)).toHaveLength(1);
    expect(run.stdout.match(/GitHub secondary rate limit on POST .*; retry \d in 60s/g)).toHaveLength(3);
    expect(run.summary).toMatch(/Comment for `migrations`: created/);
    expect(run.summary).not.toMatch(/read-only|fork/);
    expect(run.exitCode).toBe(1);
  });

  it("a secondary rate limit that does not lift: reported as a rate limit, not as a read-only token", async () => {
    const { repo, payload } = await plainSqlPr();
    github.secondaryRateLimit("POST", COMMENT_POST, 1000);
    const run = await runInProcess({
      eventName: "pull_request",
      payload,
      workspace: repo.dir,
      github,
      client: throttled(),
    });

    expect(github.count("POST", COMMENT_POST)).toBe(5);
    expect(run.summary).toContain(
      "Comment for `migrations`: not posted (GitHub's rate limit (403), still refused after retries)",
    );
    expect(run.summary).not.toMatch(/read-only|fork/);
    expect(github.checkRuns).toHaveLength(1);
    expect(run.exitCode).toBe(1);
  });
});
