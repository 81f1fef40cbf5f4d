/**
 * One end-to-end scenario per event the action handles, run against the
 * stand-in GitHub API. The same scenarios run on the bundle
 * (action-bundle.test.ts) and in-process (action-in-process.test.ts).
 */
import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { afterEach, beforeEach, expect, it } from "vitest";
import { GITHUB_COMMENT_LIMIT } from "../../src/report/markdown.js";
import {
  type ActionRun,
  type ActionRunRequest,
  fixtureRepo,
  loadEvent,
  type Payload,
  pointPullRequest,
} from "./e2e-harness.js";
import { FakeGitHub } from "./fake-github.js";

const exec = promisify(execFile);

type RunAction = (request: ActionRunRequest) => Promise<ActionRun>;

const PLAIN_MARKER = "<!-- db-migrate:migrations -->";

export function actionScenarios(runAction: RunAction): void {
  let github: FakeGitHub;
  beforeEach(async () => {
    github = new FakeGitHub({ permissions: { Codertocat: "write", reader: "read" } });
    await github.start();
  });
  afterEach(() => github.stop());

  /** plain-sql-app: the base has 001 and 002; the PR adds 010, which builds an index in place. */
  const plainSqlPr = async (event = "pull_request.opened") => {
    const repo = await fixtureRepo("plain-sql-app", (file) => !file.includes("010_"), github);
    const payload = await pointPullRequest(await loadEvent(event), repo, github);
    return { repo, payload };
  };
  const botComments = (number = 2) =>
    (github.comments.get(number) ?? []).filter((c) => c.user.login === "github-actions[bot]");

  it("pull_request opened: one sticky comment, a check run with annotations, the summary, outputs, exit by fail-on", async () => {
    const { repo, payload } = await plainSqlPr();
    const run = await runAction({
      eventName: "pull_request",
      payload,
      workspace: repo.dir,
      github,
      inputs: { "sarif-file": "reports/db-migrate.sarif" },
    });

    expect(botComments()).toHaveLength(1);
    const body = botComments()[0]!.body;
    expect(body.split("\n")[0]).toBe(PLAIN_MARKER);
    expect(body).toContain("🛑 db-migrate · migrations: blocks merge");
    expect(body).toContain("create-index-non-concurrently");
    expect(body).not.toContain("\u001b[");

    expect(github.checkRuns).toHaveLength(1);
    const check = github.checkRuns[0]!;
    expect(check).toMatchObject({ name: "db-migrate findings", head_sha: repo.headSha, conclusion: "failure" });
    expect(check.annotations).toContainEqual(
      expect.objectContaining({
        path: "migrations/010_index_invoices.sql",
        annotation_level: "failure",
        title: "db-migrate create-index-non-concurrently",
      }),
    );
    const annotationCount = Number(run.outputs.errors) + Number(run.outputs.warnings) + Number(run.outputs.infos);
    expect(check.annotations).toHaveLength(annotationCount);

    expect(run.summary).toContain("blocks merge");
    expect(run.summary).toContain("Where the results went");
    expect(run.outputs).toMatchObject({ errors: "1", "highest-severity": "error" });
    const sarif = JSON.parse(await readFile(run.outputs["sarif-file"]!, "utf8"));
    expect(sarif.version).toBe("2.1.0");
    expect(run.outputs["sarif-file"]).toBe(path.join(repo.dir, "reports/db-migrate.sarif"));
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain("findings reach fail-on=error");
    // Reads of the base went to the local clone, not the API.
    expect(github.count("GET", /\/git\/blobs\/|\/tarball\//)).toBe(0);
  });

  it("a traced run: the plan and a verified rollback patch in the comment; the next run restores the replayed base", async () => {
    // golang-migrate: the PR adds 000003 with no .down.sql, so the rollback patch creates one.
    const repo = await fixtureRepo("golang-migrate-app", (file) => !file.includes("000003_"), github);
    const payload = await pointPullRequest(await loadEvent("pull_request.opened"), repo, github);
    const runnerTemp = await mkdtemp(path.join(tmpdir(), "db-migrate-runner-"));
    const request = {
      eventName: "pull_request",
      payload,
      workspace: repo.dir,
      github,
      runnerTemp,
      inputs: { trace: "true" },
    };

    const cold = await runAction(request);
    const body = botComments()[0]!.body;
    expect(body).toContain("<summary>Plan (");
    expect(body).toMatch(/<summary>Rollback: generated, verified/);
    expect(body).toContain("```diff");
    expect(body).toContain("DROP TABLE");
    const patch = await readFile(cold.outputs["rollback-patch"]!, "utf8");
    expect(patch).toContain("+++ b/db/migrations/000003_create_teams.down.sql");
    const planJson = JSON.parse(await readFile(cold.outputs["plan-json"]!, "utf8"));
    expect(JSON.stringify(planJson)).toContain("AccessExclusiveLock");

    // Cold: the base history was replayed and its data dir dumped into the runner's temp folder.
    const cacheDir = path.join(runnerTemp, "db-migrate-replay");
    const dumps = (await readdir(cacheDir)).filter((f) => f.startsWith("db-migrate-base-"));
    expect(dumps.length).toBeGreaterThan(0);
    const written = await Promise.all(dumps.map(async (f) => (await stat(path.join(cacheDir, f))).mtimeMs));

    // Warm: the same base is restored, not replayed again (its dump is not rewritten), with the same verdict.
    const warm = await runAction(request);
    expect(warm.exitCode).toBe(cold.exitCode);
    expect(warm.outputs.errors).toBe(cold.outputs.errors);
    const after = await Promise.all(dumps.map(async (f) => (await stat(path.join(cacheDir, f))).mtimeMs));
    expect(after).toEqual(written);
    expect(botComments()).toHaveLength(1);
    expect(botComments()[0]!.body).toContain("<summary>Plan (");
    await rm(runnerTemp, { recursive: true, force: true });
  });

  /** "Production" for plain-sql-app: the base's two migrations applied, rows counted by ANALYZE, one index made by hand. */
  const liveDatabase = async (dir: string) => {
    const live = await PGlite.create();
    const base = await Promise.all(
      ["001_init.sql", "002_create_invoices.sql"].map((file) => readFile(path.join(dir, "migrations", file), "utf8")),
    );
    await live.exec(base.join("\n"));
    await live.exec(`INSERT INTO customers (name) VALUES ('acme');
      INSERT INTO invoices (customer_id, amount_cents) SELECT 1, g FROM generate_series(1, 3000) g;
      ANALYZE invoices;
      CREATE INDEX invoices_amount_by_hand ON invoices (amount_cents);`);
    const port = 40000 + Math.floor(Math.random() * 20000);
    const server = new PGLiteSocketServer({ db: live, port, host: "127.0.0.1" });
    await server.start();
    return {
      url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
      stop: async () => {
        await server.stop();
        await live.close();
      },
    };
  };
  const HAND_MADE_DRIFT = /^- \+ index invoices_amount_by_hand on invoices \(amount_cents\)$/;

  it("`database-url`: the comment has a Drift section naming the hand-made change and the locked table's size and rows", async () => {
    const { payload, repo } = await plainSqlPr();
    const live = await liveDatabase(repo.dir);
    try {
      await runAction({
        eventName: "pull_request",
        payload,
        workspace: repo.dir,
        github,
        inputs: { trace: "true", "database-url": live.url },
      });
    } finally {
      await live.stop();
    }
    const body = botComments()[0]!.body;
    const drift = body.slice(body.indexOf("**Drift:**"));
    expect(drift).toMatch(/^\*\*Drift:\*\* the live database differs from its applied migrations in 1 place/);
    expect(drift.split("\n\n")[1]).toMatch(HAND_MADE_DRIFT);
    expect(body).toMatch(/on `(public\.)?invoices` \(\d+ kB, 3k rows\)/);
  });

  /** plain-sql-app with a PR adding a migration that never ends, and `.db-migrate.yml` giving the engine `budget` seconds. */
  const endlessPr = async (budgetSeconds: number) => {
    const repo = await fixtureRepo("plain-sql-app", (file) => !file.includes("010_"), github);
    await repo.push(
      {
        ".db-migrate.yml": `trace:\n  budget-seconds: ${budgetSeconds}\n`,
        "migrations/020_forever.sql": "DO $$ BEGIN LOOP END LOOP; END $$;\n",
      },
      "a migration that never finishes",
    );
    const payload = await pointPullRequest(await loadEvent("pull_request.opened"), repo, github);
    return { repo, payload };
  };

  it("an endless migration under a short deadline: stopped at the deadline, comment, check run and summary posted", async () => {
    // The engine's budget (10 min) is far past the deadline (3 s): the deadline is what ends it, however loaded the machine.
    const { repo, payload } = await endlessPr(600);
    const run = await runAction({
      eventName: "pull_request",
      payload,
      workspace: repo.dir,
      github,
      inputs: { trace: "true", "deadline-minutes": "0.05" },
    });

    expect(botComments()).toHaveLength(1);
    expect(botComments()[0]!.body).toContain("Stopped at the deadline (3 s, input `deadline-minutes`)");
    // The static findings are all there (010 builds an index in place).
    expect(botComments()[0]!.body).toContain("create-index-non-concurrently");
    expect(github.checkRuns).toHaveLength(1);
    expect(github.checkRuns[0]).toMatchObject({ head_sha: repo.headSha, conclusion: "failure" });
    expect(run.summary).toContain("Stopped at the deadline");
    expect(run.outputs.errors).toBe("1");
    expect(run.exitCode).toBe(1);
  });

  it("an endless migration under the engine's budget: a finding names the budget, and everything is posted", async () => {
    const { repo, payload } = await endlessPr(2);
    const run = await runAction({
      eventName: "pull_request",
      payload,
      workspace: repo.dir,
      github,
      inputs: { trace: "true" },
    });

    const body = botComments()[0]!.body;
    expect(body).toContain("migrations/020_forever.sql");
    expect(body).toMatch(/budget/);
    expect(body).not.toContain("Stopped at the deadline");
    expect(github.checkRuns).toHaveLength(1);
    expect(github.checkRuns[0]!.annotations).toContainEqual(
      expect.objectContaining({ path: "migrations/020_forever.sql", title: "db-migrate migration-fails" }),
    );
    expect(run.summary).toContain("020_forever.sql");
    expect(run.exitCode).toBe(1);
  });

  it("pull_request synchronize: the next push updates the same comment, never a second one", async () => {
    const { repo, payload } = await plainSqlPr();
    await runAction({ eventName: "pull_request", payload, workspace: repo.dir, github });
    await repo.push(
      {
        "migrations/010_index_invoices.sql":
          "CREATE INDEX CONCURRENTLY invoices_customer_id_idx ON invoices (customer_id);\n",
      },
      "build the index concurrently",
    );
    const next = await pointPullRequest(await loadEvent("pull_request.synchronize"), repo, github);
    // One transient server error on the way: the retry plugin absorbs it.
    github.fail("GET", /\/issues\/\d+\/comments$/, 502, 1);
    const run = await runAction({ eventName: "pull_request", payload: next, workspace: repo.dir, github });

    expect(github.count("POST", /\/issues\/\d+\/comments$/)).toBe(1);
    expect(github.count("PATCH", /\/issues\/comments\/\d+$/)).toBe(1);
    expect(botComments()).toHaveLength(1);
    expect(botComments()[0]!.body).not.toContain("blocks merge");
    expect(run.exitCode).toBe(0);
    expect(github.checkRuns.map((c) => c.head_sha)).toEqual([payload.pull_request.head.sha, repo.headSha]);
  });

  it("fork PR with a read-only token: the 403s are posted to the summary instead, never a failure", async () => {
    github.readOnly = true;
    const repo = await fixtureRepo("many-findings-app", (file) => file.includes("001_"), github);
    const payload = await pointPullRequest(await loadEvent("pull_request.opened-fork"), repo, github);
    const run = await runAction({
      eventName: "pull_request",
      payload,
      workspace: repo.dir,
      github,
      inputs: { "fail-on": "never" },
    });

    expect(run.exitCode).toBe(0);
    expect(run.summary).toContain("posted to the summary instead");
    // The workflow-command fallback: every finding in the log, the hidden ones listed in the summary.
    const errors = run.stdout.split("\n").filter((line) => line.startsWith("::error "));
    expect(errors.length).toBeGreaterThan(10);
    expect(run.summary).toMatch(/GitHub displays only 10 workflow annotations per severity in a step; these \d+ are/);
    // The only writes tried are the two that got 403.
    expect(
      github
        .writes()
        .map((r) => `${r.method} ${r.path.replace(/\d+/g, "N")}`)
        .sort(),
    ).toEqual([
      "POST /repos/Codertocat/Hello-World/check-runs",
      "POST /repos/Codertocat/Hello-World/issues/N/comments",
    ]);
  });

  it("pull_request_target on a fork PR: the head is read through the API, never from the checkout", async () => {
    const repo = await fixtureRepo("plain-sql-app", (file) => !file.includes("010_"), github);
    const payload = await pointPullRequest(await loadEvent("pull_request.opened-fork"), repo, github);
    // The workflow checked out the base branch, as pull_request_target does.
    await exec("git", ["checkout", "-q", repo.baseSha], { cwd: repo.dir });
    const run = await runAction({ eventName: "pull_request_target", payload, workspace: repo.dir, github });

    expect(run.exitCode).toBe(1);
    expect(botComments()).toHaveLength(1);
    expect(botComments()[0]!.body).toContain("`migrations/010_index_invoices.sql`");
    expect(github.count("GET", new RegExp(`/tarball/${repo.headSha}$`))).toBe(1);
  });

  it("a matrix over working directories: each job keeps its own folder's comment, with repo-relative paths", async () => {
    // The PR adds the newest migration of each service.
    const repo = await fixtureRepo("monorepo", (file) => !/20240310|20240312/.test(file), github);
    const payload = await pointPullRequest(await loadEvent("pull_request.opened"), repo, github);
    for (const directory of ["services/api", "services/billing"])
      await runAction({
        eventName: "pull_request",
        payload,
        workspace: repo.dir,
        github,
        inputs: { "working-directory": directory, "fail-on": "never" },
      });
    await runAction({
      eventName: "pull_request",
      payload,
      workspace: repo.dir,
      github,
      inputs: { "working-directory": "services/api", "fail-on": "never" },
    });

    const markers = botComments().map((c) => c.body.split("\n")[0]);
    expect(markers).toEqual([
      "<!-- db-migrate:services/api/prisma/migrations -->",
      "<!-- db-migrate:services/billing/migrations -->",
    ]);
    expect(botComments()[1]!.body).not.toContain("no longer changes migrations");
    expect(github.checkRuns.map((c) => c.name)).toEqual([
      "db-migrate findings (services/api)",
      "db-migrate findings (services/billing)",
      "db-migrate findings (services/api)",
    ]);
    const annotated = github.checkRuns.flatMap((c) => c.annotations as Array<{ path: string }>).map((a) => a.path);
    expect(annotated.length).toBeGreaterThan(0);
    expect(annotated.every((file) => file.startsWith("services/"))).toBe(true);
  });

  it("a PR with over 120 findings: the comment stays under 65,536 characters and annotations go 50 per request", async () => {
    const repo = await fixtureRepo("many-findings-app", (file) => file.includes("001_"), github);
    const payload = await pointPullRequest(await loadEvent("pull_request.opened"), repo, github);
    const run = await runAction({ eventName: "pull_request", payload, workspace: repo.dir, github });

    const findings = Number(run.outputs.errors) + Number(run.outputs.warnings) + Number(run.outputs.infos);
    expect(findings).toBeGreaterThanOrEqual(120);
    const body = botComments()[0]!.body;
    expect(body.length).toBeLessThan(GITHUB_COMMENT_LIMIT);
    const linked = body.match(/(🛑|⚠️|ℹ️) \[[a-z-]+\]\[\]/g) ?? [];
    const rowsHidden = [...body.matchAll(/…(\d+) more statements? not shown here/g)].reduce(
      (n, m) => n + Number(m[1]),
      0,
    );
    // Every finding is either in the comment or counted in a "not shown here" line.
    if (rowsHidden === 0) expect(linked.length).toBe(findings);
    else expect(body).toContain("the [job summary]");

    const batches = github.requests
      .filter((r) => r.path.includes("/check-runs"))
      .map((r) => r.body.output.annotations.length);
    expect(batches.every((size) => size <= 50)).toBe(true);
    expect(batches.reduce((a, b) => a + b, 0)).toBe(findings);
    expect(github.checkRuns[0]!.annotations).toHaveLength(findings);
    // The job summary has every finding, once in its row. The headline's "Blocks the merge" list names
    // the first 10 blocking findings again (without a severity icon): links, not extra findings.
    expect((run.summary.match(/(🛑|⚠️|ℹ️) \[[a-z-]+\]\[\]/g) ?? []).length).toBe(findings);
    const blockingList = run.summary.split("\n").find((l) => l.startsWith("**Blocks the merge:**")) ?? "";
    expect((blockingList.match(/\[[a-z-]+\]\[\]/g) ?? []).length).toBe(10);
  });

  it("a PR that touches no migration finishes with one line and success", async () => {
    const repo = await fixtureRepo("plain-sql-app", () => true, github);
    await repo.push({ "README.md": "# plain-sql-app\n\nNow with a changelog.\n" }, "docs");
    const payload = await pointPullRequest(await loadEvent("pull_request.opened"), repo, github);
    const run = await runAction({ eventName: "pull_request", payload, workspace: repo.dir, github });

    expect(run.exitCode).toBe(0);
    expect(run.summary.trim().split("\n")).toHaveLength(1);
    expect(run.summary).toContain("this PR changes no migration");
    // The changed files, and a look for an earlier comment to retire: no analysis, no write.
    expect(github.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      "GET /repos/Codertocat/Hello-World/pulls/2/files",
      "GET /user",
      "GET /repos/Codertocat/Hello-World/issues/2/comments",
    ]);
  });

  it("a push that takes the migration out of the PR retires the earlier comment's verdict", async () => {
    const { repo, payload } = await plainSqlPr();
    await runAction({ eventName: "pull_request", payload, workspace: repo.dir, github });
    expect(botComments()[0]!.body).toContain("blocks merge");
    await exec("git", ["rm", "-q", "migrations/010_index_invoices.sql"], { cwd: repo.dir });
    await repo.push({ "README.md": "# plain-sql-app\n\nIndex later.\n" }, "drop the index migration");
    const next = await pointPullRequest(await loadEvent("pull_request.synchronize"), repo, github);
    const run = await runAction({ eventName: "pull_request", payload: next, workspace: repo.dir, github });

    expect(run.exitCode).toBe(0);
    expect(botComments()).toHaveLength(1);
    expect(botComments()[0]!.body).toContain("this PR no longer changes migrations here");
  });

  const commentEvent = async (event: string, body: string, login?: string): Promise<Payload> => {
    const payload = await loadEvent(event);
    payload.comment.body = body;
    if (login) payload.comment.user.login = login;
    return payload;
  };

  it("a writer's `/db-migrate setup --commit`: 👀, the file pushed, the new head checked (check run on it, comment), a reply, 🚀", async () => {
    const repo = await fixtureRepo("plain-sql-app", (file) => !file.includes("010_"), github);
    const payload = await pointPullRequest(
      await commentEvent("issue_comment.created", "/db-migrate setup --commit"),
      repo,
      github,
    );
    const before = repo.headSha;
    const run = await runAction({ eventName: "issue_comment", payload, workspace: repo.dir, github });

    expect(run.exitCode).toBe(0);
    expect(github.reactions.map((r) => r.content)).toEqual(["eyes", "rocket"]);
    const after = github.branches.get("changes")!;
    expect(after).not.toBe(before);
    const pushed = github.commits.get(after)!;
    expect(pushed.get(".db-migrate.yml")?.toString()).toMatch(/\S/);
    const reply = botComments().find((c) => c.body.startsWith("> /db-migrate setup --commit"))!.body;
    expect(reply).toMatch(/Committed .*`\.db-migrate\.yml`.* to `changes`/);
    expect(reply).toContain(`Checked the new head ${after.slice(0, 7)}`);
    expect(reply).toContain("🛑 blocks merge");
    // GitHub starts no workflow for this push: the command job checked the new head itself, with the full result.
    expect(github.checkRuns.map((c) => [c.name, c.head_sha])).toEqual([
      ["db-migrate findings", after],
      ["db-migrate setup", before],
    ]);
    const check = github.checkRuns[0]!;
    expect(check.conclusion).toBe("failure");
    expect(check.annotations).toContainEqual(
      expect.objectContaining({
        path: "migrations/010_index_invoices.sql",
        title: "db-migrate create-index-non-concurrently",
      }),
    );
    expect(botComments().find((c) => c.body.startsWith(PLAIN_MARKER))?.body).toContain("blocks merge");
    // The PR's files were read through the API at the pinned SHAs, one download each.
    expect(github.count("GET", new RegExp(`/tarball/${before}$`))).toBe(1);
    expect(github.count("GET", new RegExp(`/tarball/${after}$`))).toBe(1);
  });

  it("a writer's `/db-migrate generate <description> --commit`: the schema edit and the proven migration pushed to the PR branch", async () => {
    const repo = await fixtureRepo("prisma-generate", () => true, github);
    const line = "/db-migrate generate add column email text to users --name add_email --commit";
    const payload = await pointPullRequest(await commentEvent("issue_comment.created", line), repo, github);
    const before = repo.headSha;
    const run = await runAction({ eventName: "issue_comment", payload, workspace: repo.dir, github });

    expect(run.exitCode).toBe(0);
    const after = github.branches.get("changes")!;
    expect(after).not.toBe(before);
    const pushed = github.commits.get(after)!;
    expect(pushed.get("prisma/schema.prisma")?.toString()).toMatch(/^ {2}email +String\?$/m);
    const folder = [...pushed.keys()].find((file) =>
      /^prisma\/migrations\/\d{14}_add_email\/migration\.sql$/.test(file),
    );
    expect(folder && pushed.get(folder)?.toString()).toBe(
      '-- AlterTable\nALTER TABLE "users" ADD COLUMN     "email" TEXT;\n',
    );
    const reply = botComments().find((c) => c.body.startsWith(`> ${line}`))!.body;
    expect(reply).toContain("db-migrate generate");
    expect(reply).toContain("verified by round trip");
    expect(reply).toMatch(/Committed .*migration\.sql.* to `changes`/);
  });

  it("`--commit` on a fork's PR: answered, nothing pushed", async () => {
    const repo = await fixtureRepo("plain-sql-app", (file) => !file.includes("010_"), github);
    const payload = await pointPullRequest(
      await commentEvent("issue_comment.created", "/db-migrate setup --commit"),
      repo,
      github,
    );
    const fork = (await loadEvent("pull_request.opened-fork")).pull_request.head.repo;
    github.pulls.get(payload.issue.number).head.repo = fork;
    const run = await runAction({ eventName: "issue_comment", payload, workspace: repo.dir, github });

    expect(run.exitCode).toBe(0);
    expect(botComments()[0]!.body).toContain("Not committed: the PR branch is in a fork");
    expect(github.branches.get("changes")).toBe(repo.headSha);
    expect(github.requests.filter((r) => r.path.includes("/git/refs") || r.path.includes("/contents/"))).toEqual([]);
  });

  it("a reader's command: permission checked, nothing written", async () => {
    const repo = await fixtureRepo("plain-sql-app", (file) => !file.includes("010_"), github);
    const payload = await pointPullRequest(
      await commentEvent("issue_comment.created", "/db-migrate validate", "reader"),
      repo,
      github,
    );
    const run = await runAction({ eventName: "issue_comment", payload, workspace: repo.dir, github });

    expect(run.exitCode).toBe(0);
    expect(github.writes()).toEqual([]);
    expect(github.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      "GET /repos/Codertocat/Hello-World/collaborators/reader/permission",
    ]);
    expect(run.summary).toContain("@reader has read permission");
  });

  it("a bot's command: ignored without a single request", async () => {
    const repo = await fixtureRepo("plain-sql-app", (file) => !file.includes("010_"), github);
    const payload = await pointPullRequest(await loadEvent("issue_comment.created-bot"), repo, github);
    const run = await runAction({ eventName: "issue_comment", payload, workspace: repo.dir, github });

    expect(run.exitCode).toBe(0);
    expect(github.requests).toEqual([]);
    expect(run.stdout).toContain("comment ignored (bot)");
  });

  it("an unknown command: a reply with the usage and 😕", async () => {
    const repo = await fixtureRepo("plain-sql-app", (file) => !file.includes("010_"), github);
    const payload = await pointPullRequest(
      await commentEvent("issue_comment.created", "/db-migrate deploy --now"),
      repo,
      github,
    );
    const run = await runAction({ eventName: "issue_comment", payload, workspace: repo.dir, github });

    expect(run.exitCode).toBe(0);
    expect(github.reactions.map((r) => r.content)).toEqual(["eyes", "confused"]);
    expect(botComments()[0]!.body).toContain("unknown command `deploy`");
    expect(botComments()[0]!.body).toContain("`/db-migrate help`");
  });

  it("`/db-migrate validate` by a writer updates the sticky comment and checks the head", async () => {
    const { repo, payload: prPayload } = await plainSqlPr();
    await runAction({ eventName: "pull_request", payload: prPayload, workspace: repo.dir, github });
    const payload = await pointPullRequest(
      await commentEvent("issue_comment.created", "/db-migrate validate"),
      repo,
      github,
    );
    await runAction({ eventName: "issue_comment", payload, workspace: repo.dir, github });

    expect(botComments()).toHaveLength(1);
    expect(botComments()[0]!.body.split("\n")[0]).toBe(PLAIN_MARKER);
    expect(github.checkRuns.map((c) => c.name)).toEqual(["db-migrate findings", "db-migrate validate"]);
    expect(github.reactions.map((r) => r.content)).toEqual(["eyes", "rocket"]);
  });

  it("`/db-migrate validate` with the workflow's `database-url`: the bot's comment has the Drift section too", async () => {
    const { repo } = await plainSqlPr();
    const payload = await pointPullRequest(
      await commentEvent("issue_comment.created", "/db-migrate validate"),
      repo,
      github,
    );
    const live = await liveDatabase(repo.dir);
    try {
      await runAction({
        eventName: "issue_comment",
        payload,
        workspace: repo.dir,
        github,
        inputs: { "database-url": live.url },
      });
    } finally {
      await live.stop();
    }
    const body = botComments()[0]!.body;
    const drift = body.slice(body.indexOf("**Drift:**"));
    expect(drift).toMatch(/^\*\*Drift:\*\* the live database differs from its applied migrations in 1 place/);
    expect(drift.split("\n\n")[1]).toMatch(HAND_MADE_DRIFT);
  });
}
