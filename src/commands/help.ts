import { COMMENT_OPTIONS, type CommentFlag, type CommonFlag, FLAG_HELP, WORKFLOW_ONLY_FLAGS } from "./options.js";
import type { CommandDefinition, CommonOptions } from "./types.js";

/**
 * Lists the commands; `help <command>` shows one command's usage. Filled in by
 * the registry. In a PR comment it lists only the flags a comment accepts.
 */
export function helpCommand(commands: () => CommandDefinition[]): CommandDefinition {
  return {
    name: "help",
    summary: "list the commands, or show one command's usage",
    usage: "db-migrate help [command]",
    options: {},
    formats: ["text", "markdown"],
    async run(positionals, _flags, options) {
      const all = commands();
      const wanted = positionals[0];
      const fence = options.format === "markdown" ? "```" : "";
      const face = options.face ?? "cli";
      if (wanted) {
        const command = all.find((c) => c.name === wanted);
        if (!command) return { exitCode: 2, body: `unknown command \`${wanted}\`\n\n${overview(all, fence, face)}` };
        return {
          exitCode: 0,
          body: `${command.summary}\n\n${fence}\n${usageFor(command, face)}\n${flagList(face)}\n${fence}\n`,
        };
      }
      return { exitCode: 0, body: overview(all, fence, face) };
    },
  };
}

type Face = NonNullable<CommonOptions["face"]>;

const CLI_FLAGS: CommonFlag[] = [
  "format",
  "config",
  "base",
  "trace",
  "database-url",
  "pg-version",
  "fail-on",
  "cache-dir",
  "engine",
  "engine-url",
  "budget-seconds",
  "no-color",
];

/** The common flags of this face, one aligned line each. */
export function flagList(face: Face): string {
  const flags: Array<CommonFlag | CommentFlag> =
    face === "comment" ? (Object.keys(COMMENT_OPTIONS) as CommentFlag[]) : CLI_FLAGS;
  const heads = flags.map((flag) => {
    const { argument } = FLAG_HELP[flag];
    return argument ? `--${flag} ${argument}` : `--${flag}`;
  });
  const width = Math.max(...heads.map((h) => h.length));
  const lines = flags.map((flag, i) => `  ${heads[i]!.padEnd(width)}  ${FLAG_HELP[flag].text}`);
  return `\n${face === "comment" ? "flags a comment accepts" : "common flags"}:\n${lines.join("\n")}`;
}

/**
 * A command's usage line as typed in this face. In a comment, the command is
 * `/db-migrate …` and the bracketed options the workflow sets are left out.
 */
export function usageFor(command: CommandDefinition, face: Face): string {
  if (face === "cli") return command.usage;
  const refused = new Set<string>([...WORKFLOW_ONLY_FLAGS, ...Object.keys(command.commentRefuses ?? {})]);
  return withoutOptionGroups(command.usage.replace(/^db-migrate/, "/db-migrate"), refused);
}

/** The usage without its `[--flag …]` groups (nested brackets included) whose flag is in `flags`. */
function withoutOptionGroups(usage: string, flags: Set<string>): string {
  let out = "";
  let index = 0;
  while (index < usage.length) {
    const flag = /^\[--([a-z-]+)/.exec(usage.slice(index))?.[1];
    if (flag && flags.has(flag)) {
      let depth = 0;
      let end = index;
      do {
        if (usage[end] === "[") depth++;
        else if (usage[end] === "]") depth--;
        end++;
      } while (depth > 0 && end < usage.length);
      if (usage[end] === "…") end++;
      out = out.trimEnd();
      index = end;
    } else out += usage[index++];
  }
  return out;
}

function overview(commands: CommandDefinition[], fence: string, face: Face): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const rows = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  const usage = face === "comment" ? "/db-migrate <command> [options]" : "db-migrate <command> [options]";
  const tail =
    face === "comment"
      ? `The PR's base is always the comparison; ${WORKFLOW_ONLY_FLAGS.map((f) => `\`--${f}\``).join(", ")} come from the workflow, not from comments.`
      : "Exit status: 0 nothing reaches fail-on, 1 something does, 2 bad usage, config or input.";
  return `db-migrate: guards PostgreSQL migrations in pull requests\n\n${fence}\nusage: ${usage}\n\ncommands:\n${rows.join("\n")}\n${flagList(face)}\n${fence}\n\n${tail}\n`;
}
