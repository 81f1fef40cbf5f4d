/** `db-migrate <command>` once src/cli.ts has started: parse argv, run the shared command, print, exit. */
import { parseArgs } from "node:util";
import { findCommand } from "./commands/index.js";
import { COMMON_OPTIONS } from "./commands/options.js";
import { type CommandOutput, type CommonOptions, InputError, type OutputFormat, UsageError } from "./commands/types.js";
import { ConfigError } from "./config/load.js";
import { VERSION } from "./version.js";

const FAIL_ON = ["error", "warning", "info", "never"] as const;

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h") return print(await runHelp([]));
  if (name === "--version" || name === "-v") {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const command = findCommand(name);
  if (!command) {
    process.stderr.write(`db-migrate: unknown command \`${name}\`\n`);
    await print(await runHelp([]), process.stderr);
    return 2;
  }
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      options: { ...COMMON_OPTIONS, ...command.options },
      allowPositionals: true,
      strict: true,
    });
    if (values.help) return print(await runHelp([command.name]));
    const options = commonOptions(values as Record<string, unknown>, command.formats);
    return print(await command.run(positionals, values as Record<string, unknown>, options));
  } catch (error) {
    return fail(error, command.usage);
  }
}

function commonOptions(values: Record<string, unknown>, formats: OutputFormat[]): CommonOptions {
  const format = (values.format as string | undefined) ?? formats[0] ?? "text";
  if (!formats.includes(format as OutputFormat)) {
    throw new UsageError(`--format ${format}: this command supports ${formats.join(", ")}`);
  }
  const pgVersion = values["pg-version"] === undefined ? undefined : Number(values["pg-version"]);
  if (pgVersion !== undefined && (!Number.isInteger(pgVersion) || pgVersion < 9 || pgVersion > 19)) {
    throw new UsageError(`--pg-version ${values["pg-version"]}: give a PostgreSQL major version such as 16`);
  }
  const budgetSeconds = values["budget-seconds"] === undefined ? undefined : Number(values["budget-seconds"]);
  if (budgetSeconds !== undefined && !(Number.isFinite(budgetSeconds) && budgetSeconds > 0)) {
    throw new UsageError(`--budget-seconds ${values["budget-seconds"]}: give a positive number of seconds, such as 30`);
  }
  const engine = values.engine as string | undefined;
  if (engine !== undefined && engine !== "pglite" && engine !== "postgres") {
    throw new UsageError(
      `--engine ${engine}: use pglite (in-process, the default) or postgres (a real server of --pg-version)`,
    );
  }
  const failOn = values["fail-on"] as string | undefined;
  if (failOn !== undefined && !FAIL_ON.includes(failOn as (typeof FAIL_ON)[number])) {
    throw new UsageError(`--fail-on ${failOn}: use one of ${FAIL_ON.join(", ")}`);
  }
  return {
    root: process.cwd(),
    format: format as OutputFormat,
    config: values.config as string | undefined,
    base: values.base as string | undefined,
    trace: values.trace === true,
    databaseUrl: values["database-url"] as string | undefined,
    pgVersion,
    failOn: failOn as CommonOptions["failOn"],
    cacheDir: values["cache-dir"] as string | undefined,
    budgetSeconds,
    ...(engine ? { engine: engine as "pglite" | "postgres" } : {}),
    ...(values["engine-url"] ? { engineUrl: values["engine-url"] as string } : {}),
    color: process.stdout.isTTY === true && values["no-color"] !== true && !process.env.NO_COLOR,
    log: (message) => process.stderr.write(`${message}\n`),
  };
}

async function runHelp(positionals: string[]): Promise<CommandOutput> {
  const help = findCommand("help");
  if (!help) throw new Error("help command missing from the registry");
  return help.run(positionals, {}, { root: process.cwd(), format: "text", trace: false, color: false });
}

async function print(output: CommandOutput, stream: NodeJS.WritableStream = process.stdout): Promise<number> {
  await new Promise<void>((resolve) => stream.write(output.body, () => resolve()));
  return output.exitCode;
}

function fail(error: unknown, usage: string): number {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
    process.stderr.write(`db-migrate: ${message}\nusage: ${usage}\n`);
    return 2;
  }
  if (error instanceof ConfigError || error instanceof InputError) {
    process.stderr.write(`db-migrate: ${message}\n`);
    return 2;
  }
  process.stderr.write(`db-migrate: internal error: ${message}\n`);
  if (process.env.DB_MIGRATE_DEBUG) process.stderr.write(`${(error as Error).stack ?? ""}\n`);
  return 2;
}

/** Runs the command line and sets the exit status. */
export async function start(argv: string[]): Promise<void> {
  // A reader that stops early (`db-migrate validate | head`) closes the pipe: not an error of ours.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
  });
  try {
    process.exitCode = await main(argv);
  } catch (error) {
    process.stderr.write(`db-migrate: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  }
}
