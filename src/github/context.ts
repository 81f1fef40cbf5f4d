/**
 * What a run needs to know about where it runs, read once from the Actions
 * environment (@actions/github's context) so the handlers take it as a value
 * and tests can build one directly.
 */
import type { context as actionsContext } from "@actions/github";

type Context = typeof actionsContext;

// biome-ignore lint/suspicious/noExplicitAny: webhook payloads are checked field by field where used
export type Payload = Record<string, any>;

export interface ActionContext {
  eventName: string;
  payload: Payload;
  owner: string;
  repo: string;
  /** Where the repository is checked out (GITHUB_WORKSPACE), or the cwd. */
  workspace: string;
  serverUrl: string;
  apiUrl: string;
  runId: number;
  /** Link to this run, where the job summary is. */
  runUrl?: string;
  /** Where rule pages are linked: the action's own repository at its ref, when known. */
  docsBaseUrl: string;
  /** Scratch space for files the run produces (RUNNER_TEMP). */
  tempDir: string;
}

const PROJECT_DOCS = "https://github.com/db-migrate/db-migrate/blob/main/docs/rules";

export function actionContextFrom(context: Context, env: NodeJS.ProcessEnv = process.env): ActionContext {
  const { owner, repo } = context.repo;
  const runUrl =
    Number.isFinite(context.runId) && context.runId > 0
      ? `${context.serverUrl}/${owner}/${repo}/actions/runs/${context.runId}`
      : undefined;
  const actionRepository = env.GITHUB_ACTION_REPOSITORY;
  const actionRef = env.GITHUB_ACTION_REF;
  return {
    eventName: context.eventName,
    payload: context.payload as Payload,
    owner,
    repo,
    workspace: env.GITHUB_WORKSPACE ?? process.cwd(),
    serverUrl: context.serverUrl,
    apiUrl: context.apiUrl,
    runId: context.runId,
    runUrl,
    docsBaseUrl:
      actionRepository && actionRef
        ? `${context.serverUrl}/${actionRepository}/blob/${actionRef}/docs/rules`
        : PROJECT_DOCS,
    tempDir: env.RUNNER_TEMP ?? env.TMPDIR ?? "/tmp",
  };
}
