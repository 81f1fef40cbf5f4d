/**
 * The user's workflow that `db-migrate setup --write` creates:
 * `.github/workflows/db-migrate.yml`. The same file docs/action.md documents:
 * one job for pull requests (read-only contents), one for `/db-migrate`
 * comments (which may push a generated file with `--commit`), and one on
 * pushes to the default branch that keeps the replay cache warm for PRs.
 */

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
  # The default branch: its replayed migrations are cached for every pull request.
  push:
    branches: [main]

jobs:
  db-migrate:
    if: github.event_name == 'pull_request'
    runs-on: ubuntu-latest
    permissions:
      contents: read # the checkout, and the PR base through the API
      pull-requests: write # the sticky comment
      checks: write # the check run with annotations
    # One run per pull request; a newer push cancels the older run, so two runs
    # never race on the sticky comment.
    concurrency:
      group: db-migrate-\${{ github.event.pull_request.number }}
      cancel-in-progress: true
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0 # the PR base, for comparing (else it is read through the API)
      - uses: ${action}${withBlock}

  command:
    # \`/db-migrate …\` comments on pull requests only.
    if: github.event.issue.pull_request && startsWith(github.event.comment.body, '/db-migrate')
    runs-on: ubuntu-latest
    permissions:
      contents: write # \`--commit\`: push a generated file to the PR branch (same-repository PRs only)
      pull-requests: write # the reply, or the sticky comment for validate/plan
      issues: write # the reactions on the comment
      checks: write # the command's status on the PR head
    # Commands queue per comment: each one gets an answer, none cancels another.
    concurrency:
      group: db-migrate-command-\${{ github.event.comment.id }}
    steps:
      # The default branch, for .db-migrate.yml. The PR's own files are read
      # through the API at its head SHA, never checked out in this job: it has
      # a write token, and the PR may come from a fork.
      - uses: actions/checkout@v4
      - uses: ${action}${withBlock}

  warm-cache:
    # Replays the default branch's migrations once per push and saves them to
    # the Actions cache under the key a pull request based on that commit asks
    # for (GitHub lets every pull request restore what the default branch saved).
    if: github.event_name == 'push'
    runs-on: ubuntu-latest
    permissions:
      contents: read
    concurrency:
      group: db-migrate-warm-cache
      cancel-in-progress: true
    steps:
      - uses: actions/checkout@v4
      - uses: ${action}${withBlock}
`;
}
