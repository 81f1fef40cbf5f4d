/** The flags every command takes on the command line (node:util parseArgs form), beside its own. */
export const COMMON_OPTIONS = {
  format: { type: "string" },
  config: { type: "string" },
  base: { type: "string" },
  trace: { type: "boolean" },
  "database-url": { type: "string" },
  "pg-version": { type: "string" },
  "fail-on": { type: "string" },
  "cache-dir": { type: "string" },
  "budget-seconds": { type: "string" },
  engine: { type: "string" },
  "engine-url": { type: "string" },
  "no-color": { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

/**
 * The common flags a `/db-migrate` PR comment accepts, beside the command's
 * own. The others reach the runner (`--config`, `--database-url`,
 * `--cache-dir`, the engine) or change what the PR is compared with
 * (`--base`): those come from the workflow. The router parses comments with
 * this list and the bot's help is generated from it, so they cannot drift.
 */
export const COMMENT_OPTIONS = {
  commit: { type: "boolean" },
  trace: { type: "boolean" },
  "no-trace": { type: "boolean" },
  "pg-version": { type: "string" },
  "fail-on": { type: "string" },
} as const;

export type CommentFlag = keyof typeof COMMENT_OPTIONS;
export type CommonFlag = Exclude<keyof typeof COMMON_OPTIONS, "help">;

/** One help line per flag: its argument, if any, and what it does. */
export const FLAG_HELP: Record<CommonFlag | CommentFlag, { argument?: string; text: string }> = {
  format: { argument: "<text|json|markdown|sarif>", text: "output format (default text)" },
  config: { argument: "<file>", text: "config file (default .db-migrate.yml)" },
  base: { argument: "<git-ref>", text: "judge what the PR changes against this ref" },
  trace: { text: "also replay on the embedded PostgreSQL" },
  "no-trace": { text: "static rules only, even when the workflow turns the replay on" },
  "database-url": { argument: "<url>", text: "a live PostgreSQL server (read-only use)" },
  "pg-version": { argument: "<n>", text: "target PostgreSQL major version (default 16)" },
  "fail-on": { argument: "<error|warning|info|never>", text: "exit 1 at this severity (default error)" },
  "cache-dir": { argument: "<dir>", text: "keep replay snapshots here" },
  engine: { argument: "<pglite|postgres>", text: "replay on PGlite (default) or a real PostgreSQL of --pg-version" },
  "engine-url": { argument: "<url>", text: "replay on this disposable server (empty or marked databases only)" },
  "budget-seconds": {
    argument: "<n>",
    text: "engine time budget per migration and rollback check (default 30)",
  },
  "no-color": { text: "plain text output" },
  commit: { text: "push what the command generates to this PR's branch" },
};

/** Common flags a comment does not accept: the workflow sets them. */
export const WORKFLOW_ONLY_FLAGS = (Object.keys(COMMON_OPTIONS) as Array<keyof typeof COMMON_OPTIONS>).filter(
  (flag): flag is CommonFlag => flag !== "help" && !(flag in COMMENT_OPTIONS),
);
