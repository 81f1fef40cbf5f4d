/**
 * `/db-migrate <command> [args]` in a PR comment → the same CommandDefinition
 * the CLI runs. The first line is split into words (quotes group words; there
 * is no shell, so nothing is expanded or executed) and parsed with
 * node:util parseArgs against the command's own options plus the few common
 * flags that are safe to take from a comment. Flags that would reach the
 * runner (`--config`, `--database-url`, `--cache-dir`) or change what the PR
 * is compared with (`--base`) are not accepted from comments.
 */
import { type ParseArgsConfig, parseArgs } from "node:util";
import { COMMENT_OPTIONS } from "../commands/options.js";
import type { CommandDefinition } from "../commands/types.js";
import type { Severity } from "../types.js";

export const COMMAND_PREFIX = "/db-migrate";

type Options = NonNullable<ParseArgsConfig["options"]>;

/** Flags every command takes from a comment, beside its own (the bot's help is generated from the same list). */
export const COMMENT_FLAGS: Options = COMMENT_OPTIONS;

export interface CommentFlags {
  /** Push what the command generates to the PR branch. */
  commit: boolean;
  trace?: boolean;
  pgVersion?: number;
  failOn?: Severity | "never";
}

export type RoutedComment =
  | {
      kind: "run";
      command: CommandDefinition;
      positionals: string[];
      /** The command's own flags, as its `run` expects them. */
      flags: Record<string, unknown>;
      common: CommentFlags;
      /** The words as typed, for the reply. */
      line: string;
    }
  | { kind: "usage"; error: string; command?: CommandDefinition; line: string };

/** The comment's first line, when it is a `/db-migrate` command. */
export function commandLine(body: string): string | null {
  const first = body.trimStart().split(/\r?\n/, 1)[0]?.trim() ?? "";
  if (first !== COMMAND_PREFIX && !first.startsWith(`${COMMAND_PREFIX} `) && !first.startsWith(`${COMMAND_PREFIX}\t`))
    return null;
  return first;
}

export function routeComment(body: string, commands: CommandDefinition[]): RoutedComment | null {
  const line = commandLine(body);
  if (line === null) return null;
  let words: string[];
  try {
    words = splitWords(line.slice(COMMAND_PREFIX.length));
  } catch (error) {
    return { kind: "usage", error: (error as Error).message, line };
  }
  const [name = "help", ...args] = words;
  const command = commands.find((c) => c.name === name);
  if (!command) return { kind: "usage", error: `unknown command \`${name}\``, line };

  const options: Options = { ...COMMENT_FLAGS, ...command.options };
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    return { kind: "usage", error: (error as Error).message, command, line };
  }
  const refused = Object.keys(command.commentRefuses ?? {}).find((flag) => parsed.values[flag] !== undefined);
  if (refused)
    return {
      kind: "usage",
      error: `--${refused} is not taken from a PR comment: ${command.commentRefuses?.[refused]}`,
      command,
      line,
    };
  const {
    commit,
    trace,
    "no-trace": noTrace,
    "pg-version": pgVersionText,
    "fail-on": failOn,
    ...rest
  } = parsed.values as Record<string, unknown>;
  const flags = Object.fromEntries(Object.entries(rest).filter(([key]) => key in command.options));
  for (const key of Object.keys(COMMENT_FLAGS)) if (key in command.options) flags[key] = parsed.values[key];

  const common: CommentFlags = { commit: commit === true };
  if (trace === true) common.trace = true;
  if (noTrace === true) common.trace = false;
  if (typeof pgVersionText === "string") {
    const pgVersion = Number(pgVersionText);
    if (!Number.isInteger(pgVersion) || pgVersion < 10 || pgVersion > 18)
      return {
        kind: "usage",
        error: `--pg-version ${pgVersionText}: not a PostgreSQL major version (10–18)`,
        command,
        line,
      };
    common.pgVersion = pgVersion;
  }
  if (typeof failOn === "string") {
    if (!["error", "warning", "info", "never"].includes(failOn))
      return { kind: "usage", error: `--fail-on ${failOn}: use error, warning, info or never`, command, line };
    common.failOn = failOn as CommentFlags["failOn"];
  }
  return { kind: "run", command, positionals: parsed.positionals, flags, common, line };
}

/** Words separated by blanks; "double" or 'single' quotes keep blanks inside one word. */
export function splitWords(text: string): string[] {
  const words: string[] = [];
  let current = "";
  let inWord = false;
  let quote: '"' | "'" | null = null;
  for (const char of text) {
    if (quote) {
      if (char === quote) quote = null;
      else current += char;
    } else if (char === '"' || char === "'") {
      quote = char;
      inWord = true;
    } else if (/\s/.test(char)) {
      if (inWord) words.push(current);
      current = "";
      inWord = false;
    } else {
      current += char;
      inWord = true;
    }
  }
  if (quote) throw new Error(`unclosed ${quote} quote`);
  if (inWord) words.push(current);
  return words;
}
