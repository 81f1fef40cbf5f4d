/**
 * The bot within a workflow token's budget (1,000 requests an hour per
 * repository): every `/db-migrate` command on a 300-migration repository,
 * counted request by request against the stand-in API.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FixtureRepo, generatedRepo, loadEvent, pointPullRequest, runInProcess } from "./e2e-harness.js";
import { FakeGitHub } from "./fake-github.js";

const BUDGET = 20;
let github: FakeGitHub;
let repo: FixtureRepo;

beforeAll(async () => {
  github = new FakeGitHub({ permissions: { Codertocat: "write" } });
  await github.start();
  repo = await generatedRepo(300, 2, github);
});
afterAll(() => github.stop());

async function command(line: string) {
  const payload = await loadEvent("issue_comment.created");
  payload.comment.body = line;
  await pointPullRequest(payload, repo, github);
  const before = github.requests.length;
  const run = await runInProcess({ eventName: "issue_comment", payload, workspace: repo.dir, github });
  const requests = github.requests.slice(before).map((r) => `${r.method} ${r.path.replace(/[0-9a-f]{40}/g, "<sha>")}`);
  const answer = [...(github.comments.get(payload.issue.number) ?? [])].reverse().find((c) => c.body.includes(line));
  return { run, requests, answer: answer?.body ?? "" };
}

describe("bot requests on a 300-migration repository", () => {
  it(`/db-migrate history: at most ${BUDGET} requests, the PR read in one download per side`, async () => {
    const { run, requests, answer } = await command("/db-migrate history");
    expect(run.exitCode).toBe(0);
    expect(answer).toContain("300 migrations");
    expect(answer).toMatch(/0300\s+create table 0300 \+ added\s+← head/);
    expect(requests.length).toBeLessThanOrEqual(BUDGET);
    expect(requests.filter((r) => r.includes("/git/blobs/"))).toEqual([]);
    // One download of the head and one of the base, each a redirect to codeload.
    expect(requests.filter((r) => r.includes("/tarball/"))).toHaveLength(2);
  });

  it.each([
    "/db-migrate validate",
    "/db-migrate plan --no-trace",
    "/db-migrate rollback migrations/0300_create_table_0300.sql --no-trace",
    "/db-migrate setup",
    "/db-migrate help",
  ])(`%s: at most ${BUDGET} requests`, async (line) => {
    const { requests, answer } = await command(line);
    expect(requests.length, requests.join("\n")).toBeLessThanOrEqual(BUDGET);
    expect(requests.filter((r) => r.includes("/git/blobs/"))).toEqual([]);
    // validate answers in the sticky comment; every other command in a reply of its own.
    if (!line.includes("validate")) expect(answer).not.toBe("");
  });
});
