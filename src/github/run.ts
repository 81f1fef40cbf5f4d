/**
 * The action's entry logic: read the inputs, build the client, and hand the
 * event to its handler. Every failure ends as a failed step with a message
 * that says what went wrong, never a stack trace in place of a result.
 */
import * as core from "@actions/core";
import { type ClientOptions, createClient } from "./client.js";
import type { ActionContext } from "./context.js";
import { startDeadline } from "./deadline.js";
import { errorMessage } from "./errors.js";
import { readInputs } from "./inputs.js";
import { handleIssueComment } from "./issue-comment.js";
import { type ActionServices, handlePullRequest } from "./pull-request.js";
import { handlePush } from "./push.js";

export interface RunOutcome {
  event: string;
  exitCode: 0 | 1 | 2;
  detail: string;
  /** Work was left running past the deadline (a hung replay): the process must end itself once this returns. */
  abandoned?: boolean;
}

const PULL_REQUEST_EVENTS = new Set(["pull_request", "pull_request_target"]);

export async function run(
  context: ActionContext,
  clientOptions: ClientOptions = {},
  services: ActionServices = {},
): Promise<RunOutcome> {
  try {
    const inputs = readInputs();
    if (!inputs.token)
      throw new Error("input `github-token` is empty (the default is the workflow token, github.token)");
    const client = createClient(inputs.token, { baseUrl: context.apiUrl, log: core.info, ...clientOptions });
    const deadline = startDeadline(inputs.deadlineMs);
    if (PULL_REQUEST_EVENTS.has(context.eventName)) {
      const outcome = await handlePullRequest(context, inputs, client, deadline, services).finally(() =>
        deadline.clear(),
      );
      return {
        event: context.eventName,
        exitCode: outcome.exitCode,
        detail: outcome.fast
          ? "no migration changes"
          : outcome.stoppedAtDeadline
            ? "stopped at the deadline"
            : "analysed",
        abandoned: outcome.abandoned === true,
      };
    }
    if (context.eventName === "issue_comment") {
      const outcome = await handleIssueComment(context, inputs, client, deadline).finally(() => deadline.clear());
      return {
        event: context.eventName,
        // The answer is the reply and the check run on the PR head; the step itself succeeded.
        exitCode: 0,
        detail: outcome.handled
          ? `ran ${outcome.command ?? "usage"}, exit ${outcome.exitCode}`
          : `ignored (${outcome.skipped})`,
        abandoned: outcome.abandoned === true,
      };
    }
    if (context.eventName === "push") {
      const outcome = await handlePush(context, inputs, deadline, services).finally(() => deadline.clear());
      core.info(outcome.line);
      await core.summary.addRaw(outcome.line, true).write();
      return {
        event: context.eventName,
        exitCode: 0,
        detail: outcome.saved.length > 0 ? "cache saved" : "nothing saved",
      };
    }
    const line = `db-migrate: the \`${context.eventName}\` event is not handled; run it on \`pull_request\`, \`issue_comment\` and \`push\` to the default branch (see docs/action.md)`;
    core.warning(line);
    await core.summary.addRaw(line, true).write();
    return { event: context.eventName, exitCode: 0, detail: "event not handled" };
  } catch (error) {
    core.setFailed(`db-migrate: ${errorMessage(error)}`);
    return { event: context.eventName, exitCode: 2, detail: errorMessage(error) };
  }
}
