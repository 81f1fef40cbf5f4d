/**
 * A `pull_request` run: find what the PR changes, analyse it against the PR
 * base at its pinned SHA, and publish the comment, check run, summary,
 * outputs and exit status. A PR that touches no migration finishes fast.
 */
import path from "node:path";
import * as core from "@actions/core";
import type { CommonOptions } from "../commands/types.js";
import { CONFIG_FILE, loadConfig } from "../config/load.js";
import { detectProjects } from "../detect/index.js";
import { analyze } from "../pipeline.js";
import { GitRef } from "../workspace/git-ref.js";
import type { FileSource } from "../workspace/types.js";
import { WorkingTree } from "../workspace/working-tree.js";
import { scopedFiles } from "./api-files.js";
import { ACTIONS_CACHE, type CacheService, ReplayCache, targetedBaseHistory } from "./cache.js";
import { listChangedFiles } from "./changed-files.js";
import type { GitHubClient } from "./client.js";
import { ACTIONS_BOT_LOGIN, botLogin, listStickyComments } from "./comments.js";
import type { ActionContext } from "./context.js";
import { beforeDeadline, type Deadline, describeDuration } from "./deadline.js";
import type { ActionInputs } from "./inputs.js";
import { appendSummaryNotes, setExitStatus, setOutputs, writeJobSummary, writeResultFiles } from "./outputs.js";
import { publishAnalysis, retireStaleComments } from "./publish.js";
import { ApiSnapshot } from "./snapshot.js";

/** What a run talks to besides the GitHub API; tests pass fakes. */
export interface ActionServices {
  cache?: CacheService;
}

/** Where the engine keeps replayed bases during a run (what the Actions cache saves and restores). */
export function replayCacheDir(context: ActionContext): string {
  return path.join(context.tempDir, "db-migrate-replay");
}

/** Not "db-migrate": that is the workflow job's own check, the one to make required. */
export const CHECK_NAME = "db-migrate findings";

export interface PullRequestRun {
  exitCode: 0 | 1;
  /** Whether the run stopped early: no migration among the changed files. */
  fast: boolean;
  /** The deadline passed during the replay: what was posted says what is missing. */
  stoppedAtDeadline?: boolean;
  /** Work did not stop at the deadline and is still running: the process must end itself. */
  abandoned?: boolean;
}

export async function handlePullRequest(
  context: ActionContext,
  inputs: ActionInputs,
  client: GitHubClient,
  deadline: Deadline,
  services: ActionServices = {},
): Promise<PullRequestRun> {
  const pr = context.payload.pull_request;
  if (!pr) throw new Error("pull_request event without a pull_request payload");
  const baseSha: string = pr.base.sha;
  const headSha: string = pr.head.sha;
  const directory = repoRelativeDirectory(context.workspace, inputs.workingDirectory);
  const root = path.resolve(context.workspace, inputs.workingDirectory);

  const changed = await listChangedFiles(
    client,
    {
      owner: context.owner,
      repo: context.repo,
      pullNumber: pr.number,
      baseSha,
      headSha,
      changedFileCount: pr.changed_files,
    },
    context.workspace,
  );
  core.info(`${changed.files.length} changed files (from ${changed.source === "api" ? "the GitHub API" : "git"})`);

  const config = await loadConfig(root, inputs.config);
  // pull_request_target runs with a write token next to a checkout of the base:
  // the PR's files are read through the API at its head, never checked out.
  const headFiles: FileSource =
    context.eventName === "pull_request_target"
      ? scopedFiles(new ApiSnapshot(client, context.owner, context.repo, headSha), directory)
      : new WorkingTree(root);
  const detection = await detectProjects(headFiles, config);
  const inRepo = (file: string) => (directory ? path.posix.join(directory, file) : file);
  const watched = detection.projects.flatMap((p) => [inRepo(p.folder), ...p.files.map(inRepo)]);
  watched.push(inRepo(inputs.config ?? CONFIG_FILE));
  const relevant = changed.files.filter((file) => watched.some((w) => file === w || file.startsWith(`${w}/`)));
  if (relevant.length === 0) {
    const line =
      detection.projects.length === 0
        ? "✅ db-migrate: no migration folder detected in this repository; nothing to check (run `db-migrate setup`)."
        : `✅ db-migrate: this PR changes no migration (${changed.files.length} files changed outside ${detection.projects.map((p) => `\`${inRepo(p.folder)}\``).join(", ")}).`;
    core.info(line);
    if (inputs.comment !== "never") {
      // A comment from an earlier push that had migrations must not keep showing its verdict.
      const issue = { owner: context.owner, repo: context.repo, issueNumber: pr.number };
      const login = await botLogin(client);
      const existing = await listStickyComments(client, issue, login);
      await retireStaleComments({ client, context, issue, login, directory }, existing, new Set());
    }
    await core.summary.addRaw(line, true).write();
    setOutputs(
      { version: 1, migrations: [], findings: [], summary: { errors: 0, warnings: 0, infos: 0 }, notices: [] },
      {},
    );
    return { exitCode: 0, fast: true };
  }

  const cacheDir = replayCacheDir(context);
  const replayCache =
    inputs.cache && inputs.trace ? new ReplayCache(cacheDir, services.cache ?? ACTIONS_CACHE, core.info) : null;
  const options: CommonOptions = {
    root,
    format: "markdown",
    config: inputs.config,
    base: baseSha,
    files: headFiles,
    baseFiles: await baseSource(client, context, root, baseSha, directory),
    trace: inputs.trace,
    // Rollbacks are proven on the same embedded PostgreSQL as the trace.
    rollbacks: inputs.trace,
    databaseUrl: inputs.databaseUrl,
    pgVersion: inputs.pgVersion,
    ...(inputs.engine ? { engine: inputs.engine } : {}),
    ...(inputs.engineUrl ? { engineUrl: inputs.engineUrl } : {}),
    ...(inputs.budgetSeconds ? { budgetSeconds: inputs.budgetSeconds } : {}),
    failOn: inputs.failOn,
    color: false,
    cacheDir,
    log: core.info,
  };
  const full = analyze([], {
    ...options,
    signal: deadline.signal,
    ...(replayCache
      ? {
          beforeEngine: async (history, targets) => {
            const base = targetedBaseHistory(history, targets);
            if (base) await replayCache.restore(base);
          },
        }
      : {}),
  });
  let analysis = await beforeDeadline(full, deadline);
  const abandoned = analysis === null;
  if (analysis === null) {
    // Something did not stop when the deadline asked it to: post the static analysis instead of waiting.
    full.catch(() => {});
    analysis = await analyze([], { ...options, trace: false, rollbacks: false });
  }
  const stoppedAtDeadline = deadline.signal.aborted;
  if (stoppedAtDeadline) {
    core.warning(`db-migrate: ${deadlineNote(deadline.ms)}`);
    const notices = analysis.result.notices.filter((n) => !/overall deadline/.test(n.message));
    analysis.result.notices = [{ level: "warning", message: deadlineNote(deadline.ms) }, ...notices];
  } else await replayCache?.save();
  const failOn = inputs.failOn ?? analysis.config.failOn;

  // The analysis is kept first (summary, outputs, files); posting to the PR comes after and cannot lose it.
  const files = await writeResultFiles(context, inputs, analysis.result);
  setOutputs(analysis.result, files);
  await writeJobSummary(context, analysis.result, failOn);
  const published = await publishAnalysis(
    {
      client,
      context,
      inputs,
      issue: { owner: context.owner, repo: context.repo, issueNumber: pr.number },
      headSha,
      login: await botLogin(client).catch(() => ACTIONS_BOT_LOGIN),
      directory,
      failOn,
      checkName: directory ? `${CHECK_NAME} (${directory})` : CHECK_NAME,
      incomplete: stoppedAtDeadline,
    },
    analysis.result,
  );
  await appendSummaryNotes(published.notes);
  return { exitCode: setExitStatus(analysis.result, failOn), fast: false, stoppedAtDeadline, abandoned };
}

/**
 * The PR base at its pinned SHA: from the local clone when the checkout has
 * it (fetch-depth: 0), else through the API, so a shallow checkout works too.
 */
async function baseSource(
  client: GitHubClient,
  context: ActionContext,
  root: string,
  baseSha: string,
  directory: string,
): Promise<FileSource> {
  if (!directory) {
    try {
      return await GitRef.open(root, baseSha);
    } catch {
      core.info(`base ${baseSha.slice(0, 12)} is not in the local clone; reading it through the GitHub API`);
    }
  }
  return scopedFiles(new ApiSnapshot(client, context.owner, context.repo, baseSha), directory);
}

/** What a reader of the comment, check run and summary needs to know when the deadline cut the replay short. */
export function deadlineNote(ms: number): string {
  return `⏱️ Stopped at the deadline (${describeDuration(ms)}, input \`deadline-minutes\`): the replay on the embedded PostgreSQL (trace, plan and rollback verification) did not finish. The findings here are the static rules' only; the traced checks and the rollback verdicts are missing, not passed.`;
}

/** `working-directory` as a repo-relative posix path, "" for the root. */
export function repoRelativeDirectory(workspace: string, workingDirectory: string): string {
  const relative = path.relative(workspace, path.resolve(workspace, workingDirectory));
  if (relative.startsWith("..")) throw new Error(`working-directory ${workingDirectory} is outside the workspace`);
  return relative.split(path.sep).join("/");
}
