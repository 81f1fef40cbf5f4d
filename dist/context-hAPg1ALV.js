const PROJECT_DOCS = "https://github.com/db-migrate/db-migrate/blob/main/docs/rules";
function actionContextFrom(context, env = process.env) {
  const { owner, repo } = context.repo;
  const runUrl = Number.isFinite(context.runId) && context.runId > 0 ? `${context.serverUrl}/${owner}/${repo}/actions/runs/${context.runId}` : void 0;
  const actionRepository = env.GITHUB_ACTION_REPOSITORY;
  const actionRef = env.GITHUB_ACTION_REF;
  return {
    eventName: context.eventName,
    payload: context.payload,
    owner,
    repo,
    workspace: env.GITHUB_WORKSPACE ?? process.cwd(),
    serverUrl: context.serverUrl,
    apiUrl: context.apiUrl,
    runId: context.runId,
    runUrl,
    docsBaseUrl: actionRepository && actionRef ? `${context.serverUrl}/${actionRepository}/blob/${actionRef}/docs/rules` : PROJECT_DOCS,
    tempDir: env.RUNNER_TEMP ?? env.TMPDIR ?? "/tmp"
  };
}

export { actionContextFrom };
