/**
 * Runs the real CLI entry point (`node --import tsx src/cli.ts …`) as a child
 * process, the way a user's shell does, and checks what every run must hold.
 */
import { execFile, spawn } from "node:child_process";
import { cp, mkdtemp, readFile, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { expect } from "vitest";

export const repoRoot = path.resolve(import.meta.dirname, "../..");
export const fixturesDir = path.join(repoRoot, "fixtures");
const cliEntry = path.join(repoRoot, "src/cli.ts");
// An absolute loader URL: the child's cwd may be a temporary folder with no node_modules.
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;

export interface CliRun {
  args: string[];
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], cwd: string): Promise<CliRun> {
  const env = { ...process.env };
  // Colour must depend on the TTY alone, not on whatever the test runner's shell sets.
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  delete env.DB_MIGRATE_DEBUG;
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ["--import", tsxLoader, cliEntry, ...args],
      { cwd, env, maxBuffer: 64 * 1024 * 1024, encoding: "utf8" },
      (error, stdout, stderr) => {
        const code = error ? (error as { code?: unknown }).code : 0;
        if (typeof code !== "number") reject(error);
        else resolve({ args, code, stdout, stderr });
      },
    );
  });
}

/** Runs the CLI and stops reading its output after the first chunk, as `| head` does. */
export function runCliClosingEarly(args: string[], cwd: string): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", tsxLoader, cliEntry, ...args], { cwd });
    let stdout = "";
    let stderr = "";
    child.stdout.once("data", (chunk: Buffer) => {
      stdout = chunk.toString();
      child.stdout.destroy();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ args, code: code ?? -1, stdout, stderr }));
  });
}

/** Runs several CLI invocations, a few at a time (each child loads tsx and the WASM parser). */
export async function runMany(jobs: Array<{ args: string[]; cwd: string }>, parallel = 4): Promise<CliRun[]> {
  const results: CliRun[] = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const index = next++;
      const job = jobs[index] as { args: string[]; cwd: string };
      results[index] = await runCli(job.args, job.cwd);
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, jobs.length) }, worker));
  return results;
}

/** No run, however bad its input, may end in a stack trace or an internal error. */
export function expectNoCrash(run: CliRun): void {
  const context = `db-migrate ${run.args.join(" ")}\n${run.stderr}`;
  expect(run.stderr, context).not.toMatch(/^\s+at /m);
  expect(run.stderr, context).not.toContain("internal error");
  expect([0, 1, 2], context).toContain(run.code);
}

export function parseJson(run: CliRun): JsonDocument {
  try {
    return JSON.parse(run.stdout) as JsonDocument;
  } catch {
    throw new Error(`db-migrate ${run.args.join(" ")} did not print one JSON document:\n${run.stdout}\n${run.stderr}`);
  }
}

export interface JsonFinding {
  rule: string;
  severity: "error" | "warning" | "info";
  path: string;
  line: number;
  column: number;
  endLine: number;
  message: string;
  fix: string | null;
  lock: string | null;
  source: "static" | "trace";
}

export interface JsonDocument {
  version: number;
  migrations: Array<{ path: string; id: string; tool: string; statements: number }>;
  findings: JsonFinding[];
  summary: { errors: number; warnings: number; infos: number };
  notices: Array<{ level: string; message: string; path?: string }>;
}

export function makeTemp(prefix: string): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), `db-migrate-cli-${prefix}-`));
}

/** A temporary copy of a fixture (or any folder); remove it with removeTemp. */
export async function copyToTemp(source: string, prefix: string): Promise<string> {
  const dir = await makeTemp(prefix);
  await cp(source, dir, { recursive: true });
  return dir;
}

export async function removeTemp(dir: string | undefined): Promise<void> {
  if (dir) await rm(dir, { recursive: true, force: true });
}

export async function fileLines(root: string, file: string): Promise<string[]> {
  return (await readFile(path.join(root, file), "utf8")).split("\n");
}
