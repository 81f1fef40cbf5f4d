/**
 * The bot's replies to `/db-migrate rollback`, `plan` and `help`, against the
 * stand-in GitHub API: each answers to the point, and none rewrites the
 * sticky comment with less than it had.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { COMMANDS } from "../../src/commands/index.js";
import { COMMENT_OPTIONS, WORKFLOW_ONLY_FLAGS } from "../../src/commands/options.js";
import { routeComment } from "../../src/github/router.js";
import { type FixtureRepo, fixtureRepo, loadEvent, pointPullRequest, runInProcess } from "./e2e-harness.js";
import { FakeGitHub } from "./fake-github.js";

const STICKY_MARKER = "<!-- db-migrate:";

let github: FakeGitHub;
beforeEach(async () => {
  github = new FakeGitHub({ permissions: { Codertocat: "write" } });
  await github.start();
});
afterEach(() => github.stop());

const botComments = (number = 2) =>
  (github.comments.get(number) ?? []).filter((c) => c.user.login === "github-actions[bot]");
const sticky = () => botComments().find((c) => c.body.startsWith(STICKY_MARKER));

/** The PR check's run (traced, with rollbacks), as the pull_request workflow does it. */
async function openPr(fixture: string, inPr: string): Promise<FixtureRepo> {
  const repo = await fixtureRepo(fixture, (file) => !file.includes(inPr), github);
  const payload = await pointPullRequest(await loadEvent("pull_request.opened"), repo, github);
  await runInProcess({ eventName: "pull_request", payload, workspace: repo.dir, github, inputs: { trace: "true" } });
  return repo;
}

async function comment(repo: FixtureRepo, line: string, inputs: Record<string, string> = {}) {
  const payload = await loadEvent("issue_comment.created");
  payload.comment.body = line;
  await pointPullRequest(payload, repo, github);
  const run = await runInProcess({ eventName: "issue_comment", payload, workspace: repo.dir, github, inputs });
  const reply = botComments().find((c) => c.body.startsWith(`> ${line}\n`));
  return { run, reply: reply?.body ?? "" };
}

describe("bot replies", () => {
  it("`/db-migrate rollback`: the patch and its verdict, short, not the validate report", async () => {
    // golang-migrate: the PR adds 000003 with no .down.sql, so the rollback is a patch creating one.
    const repo = await openPr("golang-migrate-app", "000003_");
    const before = sticky()!.body;
    const { run, reply } = await comment(repo, "/db-migrate rollback");

    expect(run.exitCode).toBe(0);
    expect(reply).toContain("#### `db/migrations/000003_create_teams.up.sql`");
    expect(reply).toContain("**Rollback: generated, verified by round trip (schema identical)**");
    expect(reply).toContain("```diff");
    expect(reply).toContain("+++ b/db/migrations/000003_create_teams.down.sql");
    expect(reply).toContain("DROP TABLE");
    // Not the report: no findings table, no per-migration table, no folded plan.
    expect(reply).not.toContain("| line | statement |");
    expect(reply).not.toContain("| migration | tool |");
    expect(reply).not.toContain("<details>");
    expect(reply.length).toBeLessThan(2_000);
    expect(sticky()!.body).toBe(before);
    expect(github.reactions.at(-1)?.content).toBe("rocket");
  });

  it("`/db-migrate plan`: a reply with the plan; the sticky comment keeps its findings and rollbacks", async () => {
    // plain-sql-app: the PR adds 010, which builds an index in place (an error).
    const repo = await openPr("plain-sql-app", "010_");
    const before = sticky()!.body;
    expect(before).toContain("create-index-non-concurrently");
    expect(before).toMatch(/<summary>Rollback: /);

    const { reply } = await comment(repo, "/db-migrate plan");

    // The sticky comment is untouched: same findings, same rollback, no "not computed".
    expect(sticky()!.body).toBe(before);
    expect(botComments().filter((c) => c.body.startsWith(STICKY_MARKER))).toHaveLength(1);
    expect(reply).toContain("#### `migrations/010_index_invoices.sql`");
    expect(reply).toContain("Plan (as replayed on the embedded PostgreSQL):");
    expect(reply).toMatch(/line \d+: `CREATE INDEX/);
    expect(reply).toContain("Findings: 1 error");
    expect(reply).not.toContain("not computed");
    expect(github.checkRuns.map((c) => c.name)).toContain("db-migrate plan");
  });

  it("`/db-migrate validate` in a traced workflow: the sticky comment it rewrites keeps the verified rollback", async () => {
    const repo = await openPr("golang-migrate-app", "000003_");
    const before = sticky()!.body;
    expect(before).toMatch(/<summary>Rollback: generated, verified/);

    await comment(repo, "/db-migrate validate", { trace: "true" });

    const after = sticky()!.body;
    expect(after).toMatch(/<summary>Rollback: generated, verified/);
    expect(after).toContain("+++ b/db/migrations/000003_create_teams.down.sql");
    expect(after).not.toContain("not computed");
  });

  it("`/db-migrate help`: lists only the flags a comment accepts, each of which the router takes", async () => {
    const repo = await fixtureRepo("plain-sql-app", () => true, github);
    for (const line of ["/db-migrate help", "/db-migrate help rollback", "/db-migrate help generate"]) {
      const { reply } = await comment(repo, line);
      const block = reply.match(/```\n([\s\S]*?)```/)?.[1] ?? "";
      expect(block, line).not.toBe("");
      for (const flag of WORKFLOW_ONLY_FLAGS)
        expect(block, `${line}: --${flag}`).not.toMatch(new RegExp(`--${flag}\\b`));
      for (const flag of Object.keys(COMMENT_OPTIONS)) expect(block, line).toContain(`--${flag}`);
      // Every flag the help names is one the router accepts (for the command asked about, if any).
      const asked = line.split(" ")[2];
      const commands = asked ? [asked] : COMMANDS.map((c) => c.name);
      for (const [, flag] of block.matchAll(/--([a-z-]+)/g)) {
        const argument = flag === "fail-on" ? " warning" : flag === "pg-version" ? " 15" : "";
        const accepted = commands.some(
          (name) => routeComment(`/db-migrate ${name} --${flag}${argument} x`, COMMANDS)?.kind === "run",
        );
        expect(accepted, `${line}: --${flag}`).toBe(true);
      }
    }
  });

  it("a usage error's reply shows the command's usage without refused flags", async () => {
    const repo = await fixtureRepo("plain-sql-app", () => true, github);
    const { reply } = await comment(repo, "/db-migrate rollback --base main");
    expect(reply).toContain("Unknown option '--base'");
    const block = reply.match(/```\n([\s\S]*?)```/)?.[1] ?? "";
    expect(block).toContain("/db-migrate rollback [migration…]");
    for (const flag of WORKFLOW_ONLY_FLAGS) expect(block).not.toMatch(new RegExp(`--${flag}\\b`));
  });
});
