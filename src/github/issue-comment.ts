/**
 * `/db-migrate …` comments on a PR. This runs in the base repository's
 * privileged context (its token can write), so the PR's files, possibly from
 * a fork, are only read through the API at the pinned head SHA, never checked
 * out or executed, and arguments go through parseArgs, never a shell.
 *
 * Order: ignore what is not ours (no request at all), check the commenter's
 * permission (no write for those below `allowed-commenters`), 👀, run the
 * command, answer (the sticky comment for validate, else a reply), a
 * check run on the head SHA, then 🚀 or 😕.
 */
import path from "node:path";
import * as core from "@actions/core";
import { flagList, usageFor } from "../commands/help.js";
import { COMMANDS } from "../commands/index.js";
import { type CommandOutput, type CommonOptions, UsageError } from "../commands/types.js";
import { loadConfig } from "../config/load.js";
import { analyze } from "../pipeline.js";
import { verdictOf } from "../report/markdown.js";
import type { AnalysisResult } from "../types.js";
import { scopedFiles } from "./api-files.js";
import { publishCheckRun } from "./checks.js";
import type { GitHubClient } from "./client.js";
import { ACTIONS_BOT_LOGIN, botLogin, type IssueRef, replyComment } from "./comments.js";
import type { ActionContext, Payload } from "./context.js";
import { beforeDeadline, type Deadline } from "./deadline.js";
import { errorMessage, failureReason, isPermissionDenied } from "./errors.js";
import type { ActionInputs, PermissionLevel } from "./inputs.js";
import { appendSummaryNotes, setOutputs, writeJobSummary } from "./outputs.js";
import { commenterPermission, hasPermission, type Reaction, react } from "./permissions.js";
import { publishAnalysis } from "./publish.js";
import { CHECK_NAME, deadlineNote, repoRelativeDirectory } from "./pull-request.js";
import { type RoutedComment, routeComment } from "./router.js";
import { ApiSnapshot } from "./snapshot.js";
import { commitFiles } from "./write.js";

export type CommentSkip = "not-created" | "not-a-pr" | "not-a-command" | "bot" | "permission";

export interface CommentRun {
  handled: boolean;
  skipped?: CommentSkip;
  command?: string;
  exitCode: 0 | 1 | 2;
  /** The command did not stop at the deadline and is still running: the process must end itself. */
  abandoned?: boolean;
}

/** Why a comment is not for us, decided from the payload alone (no API request). */
export function commentSkipReason(payload: Payload): CommentSkip | null {
  if (payload.action !== "created") return "not-created";
  if (!payload.issue?.pull_request) return "not-a-pr";
  const user = payload.comment?.user;
  if (user?.type === "Bot" || String(user?.login ?? "").endsWith("[bot]")) return "bot";
  if (routeComment(String(payload.comment?.body ?? ""), COMMANDS) === null) return "not-a-command";
  return null;
}

/**
 * Commands whose answer is the sticky comment. Only validate: it is the same
 * full report the PR check writes. `plan` and `rollback` answer in a reply of
 * their own, so the sticky comment never loses findings or verified rollbacks
 * to a narrower run (a plan computes no rollback; `--no-trace` drops the
 * replay's findings).
 */
const STICKY_COMMANDS = new Set(["validate"]);

export async function handleIssueComment(
  context: ActionContext,
  inputs: ActionInputs,
  client: GitHubClient,
  deadline: Deadline,
): Promise<CommentRun> {
  const { payload, owner, repo } = context;
  const skip = commentSkipReason(payload);
  if (skip) {
    core.info(`db-migrate: comment ignored (${skip})`);
    return { handled: false, skipped: skip, exitCode: 0 };
  }
  const commenter: string = payload.comment.user.login;
  const commentId: number = payload.comment.id;
  const issue: IssueRef = { owner, repo, issueNumber: payload.issue.number };

  const permission = await commenterPermission(client, owner, repo, commenter);
  if (!hasPermission(permission, inputs.allowedCommenters)) {
    const line = `db-migrate: @${commenter} has ${permission} permission; \`allowed-commenters\` is ${inputs.allowedCommenters}, so the command is ignored.`;
    core.info(line);
    await core.summary.addRaw(line, true).write();
    return { handled: false, skipped: "permission", exitCode: 0 };
  }
  const ack = (content: Reaction) => react(client, owner, repo, commentId, content).catch(logWriteFailure("reaction"));
  await ack("eyes");
  try {
    return await answer(context, inputs, client, { issue, permission, deadline });
  } catch (error) {
    await ack("confused");
    throw error;
  }
}

async function answer(
  context: ActionContext,
  inputs: ActionInputs,
  client: GitHubClient,
  { issue, permission, deadline }: { issue: IssueRef; permission: PermissionLevel | "none"; deadline: Deadline },
): Promise<CommentRun> {
  const { payload, owner, repo } = context;
  const ack = (content: Reaction) =>
    react(client, owner, repo, payload.comment.id, content).catch(logWriteFailure("reaction"));
  const routed = routeComment(payload.comment.body, COMMANDS)!;
  if (routed.kind === "usage") {
    await replyComment(client, issue, usageReply(routed));
    await ack("confused");
    return { handled: true, command: routed.command?.name, exitCode: 2 };
  }

  const { data: pr } = await client.rest.pulls.get({ owner, repo, pull_number: issue.issueNumber });
  const directory = repoRelativeDirectory(context.workspace, inputs.workingDirectory);
  const options: CommonOptions = {
    root: path.resolve(context.workspace, inputs.workingDirectory),
    format: "markdown",
    config: inputs.config,
    base: pr.base.sha,
    // The head may come from a fork: GitHub keeps its commits reachable from the base repository.
    files: scopedFiles(new ApiSnapshot(client, owner, repo, pr.head.sha), directory),
    baseFiles: scopedFiles(new ApiSnapshot(client, owner, repo, pr.base.sha), directory),
    trace: routed.common.trace ?? inputs.trace,
    // validate rewrites the sticky comment: with the replay it proves the rollbacks, as the PR run does, so
    // the comment keeps them.
    ...(routed.command.name === "validate" ? { rollbacks: routed.common.trace ?? inputs.trace } : {}),
    pgVersion: routed.common.pgVersion ?? inputs.pgVersion,
    // The workflow's engine, never a comment's: a URL or a server start is the workflow owner's choice.
    ...(inputs.engine ? { engine: inputs.engine } : {}),
    ...(inputs.engineUrl ? { engineUrl: inputs.engineUrl } : {}),
    // The workflow's live database (read-only): drift and table sizes in the command's comment too.
    ...(inputs.databaseUrl ? { databaseUrl: inputs.databaseUrl } : {}),
    ...(inputs.budgetSeconds ? { budgetSeconds: inputs.budgetSeconds } : {}),
    failOn: routed.common.failOn ?? inputs.failOn,
    color: false,
    face: "comment",
    log: core.info,
    // Replies are read on GitHub: rule links must be absolute.
    docsBaseUrl: context.docsBaseUrl,
    signal: deadline.signal,
  };

  let output: CommandOutput;
  try {
    const ran = await beforeDeadline(routed.command.run(routed.positionals, routed.flags, options), deadline);
    if (ran === null) {
      const note = deadlineNote(deadline.ms);
      await replyComment(client, issue, `> ${routed.line}\n\n${note}\n`).catch(() => null);
      await ack("confused");
      return { handled: true, command: routed.command.name, exitCode: 2, abandoned: true };
    }
    output = ran;
    if (deadline.signal.aborted) output = { ...output, body: `${deadlineNote(deadline.ms)}\n\n${output.body}` };
  } catch (error) {
    const usage = error instanceof UsageError;
    await replyComment(
      client,
      issue,
      usage
        ? usageReply({ kind: "usage", error: error.message, command: routed.command, line: routed.line })
        : `> ${routed.line}\n\n😕 ${errorMessage(error)}\n`,
    );
    await ack("confused");
    return { handled: true, command: routed.command.name, exitCode: 2 };
  }

  let refused = false;
  const result = analysisResultOf(output);
  // The verdict follows the same fail-on the command's exit status used.
  const failOn = options.failOn ?? (await loadConfig(options.root, inputs.config)).failOn;
  if (result && STICKY_COMMANDS.has(routed.command.name)) {
    setOutputs(result, {});
    await writeJobSummary(context, result, failOn);
    const published = await publishAnalysis(
      {
        client,
        context,
        inputs: { ...inputs, comment: inputs.comment === "never" ? "never" : "always" },
        issue,
        headSha: pr.head.sha,
        login: await botLogin(client).catch(() => ACTIONS_BOT_LOGIN),
        directory,
        failOn,
        checkName: `db-migrate ${routed.command.name}`,
      },
      result,
    );
    await appendSummaryNotes(published.notes);
  } else {
    let body = `> ${routed.line}\n\n${output.body}`;
    if (routed.common.commit) {
      const pushed = await commitWrites(client, context, pr, { permission, directory, output, routed });
      body += `\n\n${pushed.message}`;
      // The reaction says what happened: a commit that was asked for and refused is no 🚀.
      refused = !pushed.sha;
      if (pushed.sha) {
        const checked = await checkPushedHead(
          { client, context, inputs, issue, directory, deadline },
          options,
          pushed.sha,
        ).catch((error: unknown) => `Could not check the new head: ${errorMessage(error)}`);
        body += `\n\n${checked}`;
      }
    }
    // A reply GitHub keeps refusing (5xx, rate limit) must not cost the check run, which carries the same answer.
    await replyComment(client, issue, body).catch((error: unknown) =>
      core.warning(`db-migrate: the reply was not posted (${failureReason(error)}); the answer is in the check run`),
    );
    await publishCheckRun(client, {
      owner,
      repo,
      headSha: pr.head.sha,
      name: `db-migrate ${routed.command.name}`,
      conclusion: output.exitCode === 0 ? "success" : output.exitCode === 1 ? "failure" : "neutral",
      title: `/db-migrate ${routed.command.name}: exit ${output.exitCode}`,
      summary: body,
      detailsUrl: context.runUrl,
      annotations: [],
    }).catch(logWriteFailure("check run"));
  }
  await ack(output.exitCode === 2 || refused ? "confused" : "rocket");
  return { handled: true, command: routed.command.name, exitCode: output.exitCode };
}

/**
 * Pushes what the command generated to the PR branch: only for a branch of
 * this repository (never a fork's) and a commenter who can write here.
 */
async function commitWrites(
  client: GitHubClient,
  context: ActionContext,
  pr: { head: { ref: string; sha: string; repo: { full_name: string } | null } },
  request: {
    permission: PermissionLevel | "none";
    /** `working-directory`, repo-relative: the command's paths are relative to it. */
    directory: string;
    output: CommandOutput;
    routed: Extract<RoutedComment, { kind: "run" }>;
  },
): Promise<{ message: string; sha?: string }> {
  const { permission, directory, output, routed } = request;
  const writes = output.writes ?? [];
  if (writes.length === 0) return { message: "Nothing to commit: the command generated no file." };
  const sameRepo = pr.head.repo?.full_name === `${context.owner}/${context.repo}`;
  if (!sameRepo)
    return {
      message: "Not committed: the PR branch is in a fork, which this workflow may not push to. Add the file yourself.",
    };
  if (!hasPermission(permission, "write"))
    return { message: `Not committed: committing needs write permission; you have ${permission}.` };
  const files = writes.map((w) => ({
    path: directory ? path.posix.join(directory, w.path) : w.path,
    content: w.content,
  }));
  try {
    const commit = await commitFiles(
      client,
      { owner: context.owner, repo: context.repo, branch: pr.head.ref, expectedHeadSha: pr.head.sha },
      files,
      `db-migrate ${routed.command.name}: add ${files.map((f) => f.path).join(", ")}\n\nRequested in a PR comment: ${routed.line}`,
    );
    return {
      message: `Committed ${files.map((f) => `\`${f.path}\``).join(", ")} to \`${pr.head.ref}\` in ${commit.url ? `[${commit.sha.slice(0, 7)}](${commit.url})` : commit.sha.slice(0, 7)}.`,
      sha: commit.sha,
    };
  } catch (error) {
    if (isPermissionDenied(error))
      return { message: "Not committed: the workflow token may not push (give it `contents: write`)." };
    return { message: `Not committed: ${errorMessage(error)}` };
  }
}

/**
 * GitHub starts no workflow for a push made with the workflow token, so the
 * PR's own check would never report on the commit `--commit` made. The
 * command job checks it itself: the full analysis of the new head against
 * the base, its check run on that commit, and the sticky comment updated.
 */
async function checkPushedHead(
  target: {
    client: GitHubClient;
    context: ActionContext;
    inputs: ActionInputs;
    issue: IssueRef;
    directory: string;
    deadline: Deadline;
  },
  options: CommonOptions,
  sha: string,
): Promise<string> {
  const { client, context, inputs, issue, directory, deadline } = target;
  const analysis = await analyze([], {
    ...options,
    files: scopedFiles(new ApiSnapshot(client, context.owner, context.repo, sha), directory),
    rollbacks: options.trace,
  });
  const failOn = options.failOn ?? analysis.config.failOn;
  const checkName = directory ? `${CHECK_NAME} (${directory})` : CHECK_NAME;
  const published = await publishAnalysis(
    {
      client,
      context,
      inputs,
      issue,
      headSha: sha,
      login: await botLogin(client).catch(() => ACTIONS_BOT_LOGIN),
      directory,
      failOn,
      checkName,
      incomplete: deadline.signal.aborted,
    },
    analysis.result,
  );
  const verdict = verdictOf(analysis.result, failOn);
  const where = published.check.url ? `[${checkName}](${published.check.url})` : `\`${checkName}\``;
  return `Checked the new head ${sha.slice(0, 7)} here, since GitHub starts no workflow for this push: ${VERDICT_WORDS[verdict]} (${where}; the db-migrate comment is updated).`;
}

const VERDICT_WORDS: Record<ReturnType<typeof verdictOf>, string> = {
  blocks: "🛑 blocks merge",
  "needs-care": "⚠️ needs care",
  safe: "✅ nothing blocks merge",
};

function usageReply(routed: Extract<RoutedComment, { kind: "usage" }>): string {
  const usage = routed.command
    ? `\`\`\`\n${usageFor(routed.command, "comment")}\n${flagList("comment")}\n\`\`\``
    : `Commands: ${COMMANDS.map((c) => `\`${c.name}\``).join(", ")}. \`/db-migrate help\` lists them with what each does.`;
  return `> ${routed.line}\n\n😕 ${routed.error}\n\n${usage}\n`;
}

function analysisResultOf(output: CommandOutput): AnalysisResult | null {
  const data = output.data as Partial<AnalysisResult> | undefined;
  return data && data.version === 1 && Array.isArray(data.findings) && Array.isArray(data.migrations)
    ? (data as AnalysisResult)
    : null;
}

function logWriteFailure(what: string) {
  return (error: unknown) => {
    if (!isPermissionDenied(error)) throw error;
    core.warning(`db-migrate: could not write the ${what} (${errorMessage(error)}); the token is read-only here`);
  };
}
