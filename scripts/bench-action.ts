/**
 * `npm run bench:action`: the action end to end, as a user runs it: a PR
 * adding the last 2 migrations of a real project, a real `pull_request`
 * payload, `node dist/index.js` (a copy of the bundle with no node_modules)
 * against the stand-in GitHub API. Cold: an empty runner temp folder (no
 * replayed base); warm: the same folder again, as after a restored cache.
 * Corpora are read from /tmp/corpus and skipped with a note when absent.
 * Wall times depend on the machine's load: `uptime` is printed beside them,
 * and the CPU time of the action's process (all threads, the engine's worker
 * included) beside each wall time.
 */
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  type FixtureRepo,
  isolatedBundle,
  loadEvent,
  pointPullRequest,
  runBundle,
} from "../__tests__/github/e2e-harness.js";
import { FakeGitHub } from "../__tests__/github/fake-github.js";

const CORPUS_ROOT = process.env.DB_MIGRATE_CORPUS ?? "/tmp/corpus";
const CORPORA = [
  {
    label: "langfuse",
    repo: "langfuse+langfuse",
    copy: ["packages/shared/prisma"],
    folder: "packages/shared/prisma/migrations",
  },
  { label: "lemmy", repo: "LemmyNet+lemmy", copy: ["migrations", "diesel.toml"], folder: "migrations" },
  { label: "documenso", repo: "documenso+documenso", copy: ["packages/prisma"], folder: "packages/prisma/migrations" },
];

function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", args, {
    cwd,
    encoding: "utf8",
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: "b",
      GIT_AUTHOR_EMAIL: "b@e",
      GIT_COMMITTER_NAME: "b",
      GIT_COMMITTER_EMAIL: "b@e",
    },
  }).trim();
}

async function prRepo(source: string, corpus: (typeof CORPORA)[number], github: FakeGitHub): Promise<FixtureRepo> {
  const dir = mkdtempSync(path.join(tmpdir(), `db-migrate-bench-action-${corpus.label}-`));
  for (const part of corpus.copy) cpSync(path.join(source, part), path.join(dir, part), { recursive: true });
  const folder = path.join(dir, corpus.folder);
  const last = readdirSync(folder)
    .filter((name) => !name.includes(".") || name.endsWith(".sql"))
    .sort()
    .slice(-2);
  const held = mkdtempSync(path.join(tmpdir(), "db-migrate-bench-held-"));
  for (const name of last) cpSync(path.join(folder, name), path.join(held, name), { recursive: true });
  for (const name of last) rmSync(path.join(folder, name), { recursive: true });
  git(dir, "init", "-q", "-b", "main");
  git(dir, "add", "-A");
  git(dir, "commit", "-q", "-m", "base");
  const baseSha = git(dir, "rev-parse", "HEAD");
  await github.addCommitFromFolder(baseSha, dir);
  for (const name of last) cpSync(path.join(held, name), path.join(folder, name), { recursive: true });
  rmSync(held, { recursive: true, force: true });
  git(dir, "add", "-A");
  git(dir, "commit", "-q", "-m", "the PR: its last 2 migrations");
  const headSha = git(dir, "rev-parse", "HEAD");
  await github.addCommitFromFolder(headSha, dir);
  return { dir, baseSha, headSha, push: () => Promise.reject(new Error("no pushes")) };
}

/** CPU seconds used by this process's finished children (all their threads): /proc/self/stat cutime + cstime. */
function childCpuSeconds(): number {
  const fields = readFileSync("/proc/self/stat", "utf8").split(") ")[1]!.split(" ");
  // After the command name: state is field 3, so cutime (16) and cstime (17) are at 13 and 14 here.
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

const bundle = await isolatedBundle();
console.log(`load: ${execFileSync("uptime", { encoding: "utf8" }).trim()}`);
for (const corpus of CORPORA) {
  if (process.env.BENCH_ONLY && process.env.BENCH_ONLY !== corpus.label) continue;
  const source = path.join(CORPUS_ROOT, corpus.repo);
  if (!existsSync(path.join(source, corpus.folder))) {
    console.log(`${corpus.label}: skipped, ${path.join(source, corpus.folder)} is absent`);
    continue;
  }
  const github = new FakeGitHub({ permissions: {} });
  await github.start();
  try {
    const repo = await prRepo(source, corpus, github);
    const payload = await pointPullRequest(await loadEvent("pull_request.opened"), repo, github);
    const runnerTemp = mkdtempSync(path.join(tmpdir(), "db-migrate-bench-runner-"));
    const request = {
      eventName: "pull_request",
      payload,
      workspace: repo.dir,
      github,
      runnerTemp,
      inputs: { trace: "true", "fail-on": "never" },
    };
    const times: string[] = [];
    for (const label of ["cold", "warm"]) {
      const started = performance.now();
      const cpuBefore = childCpuSeconds();
      const run = await runBundle(bundle)(request);
      const seconds = (performance.now() - started) / 1000;
      const cpu = childCpuSeconds() - cpuBefore;
      const comment = [...github.comments.values()].flat().at(-1)?.body.split("\n")[1] ?? "(no comment)";
      times.push(
        `${label} ${seconds.toFixed(2)} s wall, ${cpu.toFixed(2)} s CPU (exit ${run.exitCode}, ${github.requests.length} API requests so far)`,
      );
      if (label === "warm") console.log(`  comment: ${comment}`);
      // The action's own log, for where the time goes.
      if (process.env.BENCH_VERBOSE) console.log(run.stdout.replace(/^/gm, `  ${label} | `));
    }
    console.log(`${corpus.label}: ${times.join("; ")}`);
    rmSync(runnerTemp, { recursive: true, force: true });
    rmSync(repo.dir, { recursive: true, force: true });
  } finally {
    await github.stop();
  }
}
console.log(`load: ${execFileSync("uptime", { encoding: "utf8" }).trim()}`);
