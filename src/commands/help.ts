import type { CommandDefinition } from "./types.js";

/** Lists the commands; `help <command>` shows one command's usage. Filled in by the registry. */
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
      if (wanted) {
        const command = all.find((c) => c.name === wanted);
        if (!command) return { exitCode: 2, body: `unknown command \`${wanted}\`\n\n${overview(all, fence)}` };
        return { exitCode: 0, body: `${command.summary}\n\n${fence}\n${command.usage}\n${COMMON_FLAGS}\n${fence}\n` };
      }
      return { exitCode: 0, body: overview(all, fence) };
    },
  };
}

const COMMON_FLAGS = `
common flags:
  --format <text|json|markdown|sarif>   output format (default text)
  --config <file>                       config file (default .db-migrate.yml)
  --base <git-ref>                      judge what the PR changes against this ref
  --trace                               also replay on the embedded PostgreSQL
  --database-url <url>                  a live PostgreSQL server (read-only use)
  --pg-version <n>                      target PostgreSQL major version (default 16)
  --fail-on <error|warning|info|never>  exit 1 at this severity (default error)
  --cache-dir <dir>                     keep replay snapshots here
  --engine <pglite|postgres>            replay on PGlite (default) or a real PostgreSQL of --pg-version
  --engine-url <url>                    replay on this disposable server (empty or marked databases only)
  --budget-seconds <n>                  engine time budget per migration and rollback check (default 30)
  --no-color                            plain text output`;

function overview(commands: CommandDefinition[], fence: string): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const rows = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return `db-migrate: guards PostgreSQL migrations in pull requests\n\n${fence}\nusage: db-migrate <command> [options]\n\ncommands:\n${rows.join("\n")}\n${COMMON_FLAGS}\n${fence}\n\nExit status: 0 nothing reaches fail-on, 1 something does, 2 bad usage, config or input.\n`;
}
