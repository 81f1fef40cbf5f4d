/**
 * End-to-end harness: a fixture repository copied to a temp dir and git-init'ed
 * with a base and a head commit, a webhook payload (from
 * @octokit/webhooks-examples) pointed at those commits, and the action run the
 * way the runner runs it: `node dist/index.js` with GITHUB_* and INPUT_* set,
 * or the same entry in-process while the bundle is not built.
 */
import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type { ClientOptions } from "../../src/github/client.js";
import type { ActionContext } from "../../src/github/context.js";
import type { ActionServices } from "../../src/github/pull-request.js";
import type { FakeGitHub } from "./fake-github.js";

const exec = promisify(execFile);
const REPO_ROOT = path.resolve(import.meta.dirname, "../..");
export const BUNDLE = process.env.DB_MIGRATE_ACTION_BUNDLE ?? path.join(REPO_ROOT, "dist/index.js");

export interface FixtureRepo {
  dir: string;
  baseSha: string;
  headSha: string;
  /** Commits `files` on top of the head: a new push to the PR. */
  push(files: Record<string, string>, message: string): Promise<string>;
}

async function git(dir: string, ...args: string[]): Promise<string> {
  const { stdout } = await exec("git", args, {
    cwd: dir,
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: "Test",
      GIT_AUTHOR_EMAIL: "test@example.com",
      GIT_COMMITTER_NAME: "Test",
      GIT_COMMITTER_EMAIL: "test@example.com",
    },
  });
  return stdout.trim();
}

/**
 * The fixture with `inBase` files in the base commit and all of it in the head.
 * The fake API learns both commits so API reads see the same files as git.
 */
export async function fixtureRepo(
  fixture: string,
  inBase: (file: string) => boolean,
  github: FakeGitHub,
): Promise<FixtureRepo> {
  const dir = await mkdtemp(path.join(tmpdir(), `db-migrate-e2e-${fixture}-`));
  const source = path.join(REPO_ROOT, "fixtures", fixture);
  await git(dir, "init", "-q", "-b", "main");
  await cp(source, dir, {
    recursive: true,
    filter: (src) => {
      const relative = path.relative(source, src).split(path.sep).join("/");
      return relative === "" || !/\.(sql|py|prisma|toml)$/.test(relative) || inBase(relative);
    },
  });
  await git(dir, "add", "-A");
  await git(dir, "commit", "-q", "-m", "base", "--allow-empty");
  const baseSha = await git(dir, "rev-parse", "HEAD");
  await cp(source, dir, { recursive: true });
  await git(dir, "add", "-A");
  await git(dir, "commit", "-q", "-m", "head", "--allow-empty");
  const headSha = await git(dir, "rev-parse", "HEAD");
  await github.addCommitFromFolder(headSha, dir);
  await exec("git", ["checkout", "-q", baseSha], { cwd: dir });
  await github.addCommitFromFolder(baseSha, dir);
  await exec("git", ["checkout", "-q", headSha], { cwd: dir });
  github.branches.set("changes", headSha);

  const repo: FixtureRepo = {
    dir,
    baseSha,
    headSha,
    async push(files, message) {
      for (const [file, content] of Object.entries(files)) {
        await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
        await writeFile(path.join(dir, file), content);
      }
      await git(dir, "add", "-A");
      await git(dir, "commit", "-q", "-m", message);
      repo.headSha = await git(dir, "rev-parse", "HEAD");
      await github.addCommitFromFolder(repo.headSha, dir);
      github.branches.set("changes", repo.headSha);
      return repo.headSha;
    },
  };
  return repo;
}

/**
 * A generated repository of `count` plain SQL migrations; the PR adds the last
 * `added`. Each migration creates a table and indexes the previous one.
 */
export async function generatedRepo(count: number, added: number, github: FakeGitHub): Promise<FixtureRepo> {
  const dir = await mkdtemp(path.join(tmpdir(), "db-migrate-e2e-generated-"));
  await git(dir, "init", "-q", "-b", "main");
  await mkdir(path.join(dir, "migrations"));
  const write = async (from: number, to: number) => {
    for (let i = from; i <= to; i++) {
      const n = String(i).padStart(4, "0");
      const previous = String(Math.max(1, i - 1)).padStart(4, "0");
      await writeFile(
        path.join(dir, `migrations/${n}_create_table_${n}.sql`),
        `CREATE TABLE table_${n} (id bigint PRIMARY KEY, ref_id bigint, name text NOT NULL);
CREATE INDEX table_${previous}_name_idx_${n} ON table_${previous} (name);
`,
      );
    }
  };
  await write(1, count - added);
  await git(dir, "add", "-A");
  await git(dir, "commit", "-q", "-m", "base");
  const baseSha = await git(dir, "rev-parse", "HEAD");
  await github.addCommitFromFolder(baseSha, dir);
  await write(count - added + 1, count);
  await git(dir, "add", "-A");
  await git(dir, "commit", "-q", "-m", "head");
  const headSha = await git(dir, "rev-parse", "HEAD");
  await github.addCommitFromFolder(headSha, dir);
  github.branches.set("changes", headSha);
  return {
    dir,
    baseSha,
    headSha,
    push: () => Promise.reject(new Error("generated repositories take no pushes")),
  };
}

/** Changed files between base and head, as `pulls.listFiles` would list them. */
export async function changedFiles(repo: FixtureRepo): Promise<string[]> {
  return (await git(repo.dir, "diff", "--name-only", `${repo.baseSha}...${repo.headSha}`)).split("\n").filter(Boolean);
}

// biome-ignore lint/suspicious/noExplicitAny: webhook payloads
export type Payload = Record<string, any>;

export async function loadEvent(name: string): Promise<Payload> {
  return JSON.parse(await readFile(path.join(REPO_ROOT, "fixtures/events", `${name}.json`), "utf8"));
}

/**
 * The payload pointed at the fixture's commits, and the fake API's `pulls.get`
 * answer to match (a real PR object from the examples).
 */
export async function pointPullRequest(payload: Payload, repo: FixtureRepo, github: FakeGitHub): Promise<Payload> {
  const template = payload.pull_request ?? (await loadEvent("pull_request.opened")).pull_request;
  const pull = structuredClone(template);
  pull.number = (payload.pull_request ?? payload.issue).number;
  pull.base.sha = repo.baseSha;
  pull.base.ref = "main";
  pull.head.sha = repo.headSha;
  pull.head.ref = "changes";
  const files = await changedFiles(repo);
  pull.changed_files = files.length;
  github.pulls.set(pull.number, pull);
  github.pullFiles.set(pull.number, files);
  if (payload.pull_request) payload.pull_request = pull;
  return payload;
}

export interface ActionRun {
  exitCode: number;
  stdout: string;
  summary: string;
  outputs: Record<string, string>;
}

export interface ActionRunRequest {
  eventName: string;
  payload: Payload;
  workspace: string;
  github: FakeGitHub;
  inputs?: Record<string, string>;
  /** The runner's temp folder; pass the same one to two runs so the second finds the first's replay cache. */
  runnerTemp?: string;
  /** In-process only: the services the action uses besides the API (a fake Actions cache). */
  services?: ActionServices;
  /** In-process only: the client's options (tests turn the throttle on to meet rate limits; backoff stays 0). */
  client?: ClientOptions;
}

async function prepare(request: ActionRunRequest) {
  const scratch = await mkdtemp(path.join(tmpdir(), "db-migrate-run-"));
  const eventPath = path.join(scratch, "event.json");
  await writeFile(eventPath, JSON.stringify(request.payload));
  const summaryPath = path.join(scratch, "summary.md");
  const outputPath = path.join(scratch, "output.txt");
  await writeFile(summaryPath, "");
  await writeFile(outputPath, "");
  const env: Record<string, string> = {
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_EVENT_NAME: request.eventName,
    GITHUB_REPOSITORY: `${request.github.owner}/${request.github.repo}`,
    GITHUB_WORKSPACE: request.workspace,
    GITHUB_API_URL: request.github.url,
    GITHUB_SERVER_URL: "https://github.com",
    GITHUB_RUN_ID: "42",
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_OUTPUT: outputPath,
    RUNNER_TEMP: request.runnerTemp ?? scratch,
    // The runner passes every input, empty when not set; hyphens stay in the name.
    "INPUT_GITHUB-TOKEN": "ghs_fake_token",
    "INPUT_WORKING-DIRECTORY": ".",
    INPUT_CONFIG: "",
    "INPUT_FAIL-ON": "",
    INPUT_COMMENT: "always",
    INPUT_ANNOTATIONS: "true",
    INPUT_TRACE: "false",
    "INPUT_DATABASE-URL": "",
    "INPUT_PG-VERSION": "",
    "INPUT_SARIF-FILE": "",
    INPUT_CACHE: "false",
    "INPUT_ALLOWED-COMMENTERS": "write",
    "INPUT_DEADLINE-MINUTES": "",
  };
  for (const [name, value] of Object.entries(request.inputs ?? {})) env[`INPUT_${name.toUpperCase()}`] = value;
  const collect = async (exitCode: number, stdout: string): Promise<ActionRun> => {
    const run = {
      exitCode,
      stdout,
      summary: await readFile(summaryPath, "utf8"),
      outputs: parseOutputs(await readFile(outputPath, "utf8")),
    };
    await rm(scratch, { recursive: true, force: true });
    return run;
  };
  return { env, collect };
}

/**
 * A copy of the bundle's folder in a temp dir, far from any node_modules, so
 * a dependency left out of the bundle fails here as it would on a runner.
 */
export async function isolatedBundle(bundle = BUNDLE): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "db-migrate-dist-"));
  await cp(path.dirname(bundle), dir, { recursive: true });
  return path.join(dir, path.basename(bundle));
}

/** `node <bundle>` in the workspace, as the runner starts a node24 action. */
export function runBundle(bundle: string): (request: ActionRunRequest) => Promise<ActionRun> {
  return async (request) => {
    const { env, collect } = await prepare(request);
    const inherited = Object.fromEntries(
      Object.entries(process.env).filter(([name]) => !name.startsWith("GITHUB_") && !name.startsWith("INPUT_")),
    );
    try {
      const { stdout } = await exec(process.execPath, [bundle], {
        cwd: request.workspace,
        env: { ...inherited, ...env },
        maxBuffer: 64 * 1024 * 1024,
      });
      return await collect(0, stdout);
    } catch (error) {
      const failed = error as { code?: number; stdout?: string; stderr?: string };
      if (typeof failed.code !== "number") throw error;
      return await collect(failed.code, `${failed.stdout ?? ""}${failed.stderr ?? ""}`);
    }
  };
}

/** The same entry in this process: run.ts with the context main.ts would build. */
export async function runInProcess(request: ActionRunRequest): Promise<ActionRun> {
  const { env, collect } = await prepare(request);
  const saved = { ...process.env };
  Object.assign(process.env, env);
  const written: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  }) as typeof process.stdout.write;
  try {
    const { run } = await import("../../src/github/run.js");
    const { summary } = await import("@actions/core");
    // @actions/core caches the summary path on first use; point it at this run's file.
    (summary as unknown as { _filePath?: string })._filePath = env.GITHUB_STEP_SUMMARY;
    const context: ActionContext = {
      eventName: request.eventName,
      payload: request.payload,
      owner: request.github.owner,
      repo: request.github.repo,
      workspace: request.workspace,
      serverUrl: "https://github.com",
      apiUrl: request.github.url,
      runId: 42,
      runUrl: `https://github.com/${request.github.owner}/${request.github.repo}/actions/runs/42`,
      docsBaseUrl: "https://github.com/db-migrate/db-migrate/blob/main/docs/rules",
      tempDir: env.RUNNER_TEMP!,
    };
    // Backoff scale 0: retries happen at once, no test sleeps for real.
    await run(context, { throttle: false, retryAfterBaseValue: 0, ...request.client }, request.services);
    const exitCode = process.exitCode === undefined ? 0 : Number(process.exitCode);
    process.exitCode = undefined;
    return await collect(exitCode, written.join(""));
  } finally {
    process.stdout.write = write;
    for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
    Object.assign(process.env, saved);
  }
}

/** GITHUB_OUTPUT's `name<<delimiter … delimiter` records. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const pattern = /^([^\n<]+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (const match of text.matchAll(pattern)) outputs[match[1]!] = match[3]!;
  return outputs;
}
