/** Test helper: a throwaway git repository holding a copy of a fixture, committed, to run `generate` in. */
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { generateCommand } from "../../src/commands/generate.js";
import type { CommandOutput } from "../../src/commands/types.js";
import type { GenerateResult } from "../../src/generate/index.js";

export function fixtureRepo(fixture: string): { root: string; remove(): void } {
  const root = mkdtempSync(path.join(tmpdir(), "db-migrate-generate-"));
  cpSync(path.resolve(import.meta.dirname, "../../fixtures", fixture), root, { recursive: true });
  const git = (...args: string[]) => execFileSync("git", args, { cwd: root, stdio: "ignore" });
  git("init", "-q");
  git("add", "-A");
  git("-c", "user.email=test@example.com", "-c", "user.name=test", "commit", "-qm", "fixture");
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}

export async function runGenerate(
  root: string,
  positionals: string[],
  flags: Record<string, unknown> = {},
): Promise<CommandOutput & { result: GenerateResult }> {
  const output = await generateCommand.run(positionals, flags, {
    root,
    format: "json",
    trace: false,
    color: false,
    log: () => {},
  });
  return { ...output, result: output.data as GenerateResult };
}
