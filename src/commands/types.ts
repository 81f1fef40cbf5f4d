/**
 * The six commands are shared by the CLI and the PR bot: each is a plain
 * function from parsed arguments to an output (text in the asked format plus
 * the structured result). Entry points only parse argv or a comment and print
 * or post what comes back.
 */

import type { ParseArgsConfig } from "node:util";
import type { Migration } from "../types.js";
import type { FileSource } from "../workspace/types.js";

export type OutputFormat = "text" | "json" | "markdown" | "sarif" | "patch";

export interface CommonOptions {
  /** Repository root: where `.db-migrate.yml` and the migrations are. */
  root: string;
  format: OutputFormat;
  /** --config <file> */
  config?: string;
  /** --base <git-ref>: what the PR changes against that ref. */
  base?: string;
  /** --trace: also replay on the embedded PostgreSQL. */
  trace: boolean;
  /** --database-url: a live server, read-only use. */
  databaseUrl?: string;
  /** --pg-version <n> */
  pgVersion?: number;
  /** --fail-on overrides config `fail-on`. */
  failOn?: "error" | "warning" | "info" | "never";
  /** Colours in text output (TTY only). */
  color: boolean;
  /** --cache-dir for replay snapshots. */
  cacheDir?: string;
  /** --engine: where to replay (overrides config `engine`): pglite (default) or postgres (a real server of --pg-version). */
  engine?: "pglite" | "postgres";
  /** --engine-url: a disposable server to replay on (refused unless empty or marked for db-migrate). */
  engineUrl?: string;
  /** --budget-seconds: the engine's time budget per migration and per rollback check (overrides `trace.budget-seconds`). */
  budgetSeconds?: number;
  /**
   * The run's overall deadline (the action's): when it fires, the engine stops
   * the statement it is running and the analysis reports what it has, with a notice.
   */
  signal?: AbortSignal;
  /**
   * Called once before the engine starts, with each project's history (by
   * folder) and the targets: the action restores its replay cache here.
   */
  beforeEngine?: (history: Map<string, Migration[]>, targets: Migration[]) => Promise<void>;
  /**
   * Also generate each target's rollback (and verify it, and the author's own,
   * on the embedded PostgreSQL unless `verify` is false). The action's comment
   * and the rollback command ask for it.
   */
  rollbacks?: boolean;
  verify?: boolean;
  /**
   * Overrides for where files are read from. The CLI reads the working tree and
   * `git` for --base; the action's bot reads through the GitHub API at pinned SHAs.
   */
  files?: FileSource;
  baseFiles?: FileSource;
  /** Where rule pages live in Markdown output (`<docsBaseUrl>/<rule>.md`); absolute in PR comment replies. */
  docsBaseUrl?: string;
  /** Where the command was typed: a PR comment accepts only COMMENT_OPTIONS, so its help lists only those. */
  face?: "cli" | "comment";
  /** Progress and warnings (stderr in the CLI, the action log in GitHub). */
  log?: (message: string) => void;
}

export interface CommandOutput {
  /** 0 nothing reaches fail-on; 1 something does; 2 bad usage, config or input. */
  exitCode: 0 | 1 | 2;
  /** Rendered in the requested format, ready to print or post. */
  body: string;
  /** The structured result, for callers that render it themselves (the action). */
  data?: unknown;
  /** Files the command wrote or would write (setup --write, rollback --write), repo-relative. */
  writes?: Array<{ path: string; content: string }>;
}

export interface CommandDefinition {
  name: "setup" | "validate" | "plan" | "history" | "rollback" | "generate" | "help";
  summary: string;
  usage: string;
  /** Command-specific flags, in node:util parseArgs form (common flags are added by the CLI). */
  options: NonNullable<ParseArgsConfig["options"]>;
  /** Own flags the PR bot refuses, each with why (they would run the repository's code on the runner). */
  commentRefuses?: Record<string, string>;
  /** Formats this command supports; the first is the default. */
  formats: OutputFormat[];
  run(positionals: string[], flags: Record<string, unknown>, options: CommonOptions): Promise<CommandOutput>;
}

/** Bad usage (unknown flag, missing argument): exit 2 with the command's usage. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** Input we cannot read (missing path, unreadable folder): exit 2, message says what and where. */
export class InputError extends Error {
  override name = "InputError";
}
