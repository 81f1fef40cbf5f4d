/** The user's workflow that `db-migrate setup --write` creates: `.github/workflows/db-migrate.yml`. */

export const WORKFLOW_PATH = ".github/workflows/db-migrate.yml";

export interface WorkflowOptions {
  /** The action reference, e.g. `db-migrate/db-migrate@v0`. */
  action?: string;
  /** Repo-relative folder the action runs in (a monorepo package), when not the root. */
  workingDirectory?: string;
}

export function workflowTemplate(options: WorkflowOptions = {}): string {
  const action = options.action ?? "db-migrate/db-migrate@v0";
  const withBlock = options.workingDirectory
    ? `\n        with:\n          working-directory: ${JSON.stringify(options.workingDirectory)}`
    : "";
  return `# db-migrate: checks the database migrations of every pull request
# (locks, rewrites, data loss, ordering, rollbacks) and answers
# \`/db-migrate <command>\` comments on pull requests.
name: db-migrate

on:
  # No \`paths:\` filter on purpose: when a filter skips the workflow, a required
  # status check never reports and the pull request waits on it forever.
  # db-migrate finishes in seconds when a pull request touches no migration.
  pull_request:
  issue_comment:
    types: [created]

permissions:
  contents: read
  pull-requests: write
  checks: write
  issues: write

# One run per pull request at a time; a newer push cancels the older run.
concurrency:
  group: db-migrate-\${{ github.event.pull_request.number || github.event.issue.number }}
  cancel-in-progress: \${{ github.event_name == 'pull_request' }}

jobs:
  db-migrate:
    # Comments count only on pull requests, and only when they call /db-migrate.
    if: >-
      github.event_name == 'pull_request' ||
      (github.event.issue.pull_request && startsWith(github.event.comment.body, '/db-migrate'))
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          # The whole history, so the base branch can be compared (--base).
          fetch-depth: 0
      - uses: ${action}${withBlock}
`;
}
