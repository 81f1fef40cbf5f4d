/** help, --help, --version and bad usage, through src/cli.ts. */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { COMMANDS } from "../../src/commands/index.js";
import { type CliRun, expectNoCrash, repoRoot, runMany } from "./run-cli.js";

const CASES = {
  help: ["help"],
  dashHelp: ["--help"],
  version: ["--version"],
  helpValidate: ["help", "validate"],
  validateHelp: ["validate", "--help"],
  unknownCommand: ["frobnicate"],
  unknownFlag: ["validate", "--frobnicate"],
  badFormat: ["validate", "--format", "patch"],
  badFailOn: ["validate", "--fail-on", "sometimes"],
} as const;

describe("db-migrate help and usage errors", () => {
  const runs = {} as Record<keyof typeof CASES, CliRun>;

  beforeAll(async () => {
    const names = Object.keys(CASES) as Array<keyof typeof CASES>;
    const results = await runMany(names.map((name) => ({ args: [...CASES[name]], cwd: repoRoot })));
    names.forEach((name, index) => {
      runs[name] = results[index] as CliRun;
    });
  });

  it("help lists every command and the exit statuses; --help prints the same", () => {
    expect(runs.help.code).toBe(0);
    for (const command of COMMANDS) expect(runs.help.stdout).toMatch(new RegExp(`^ {2}${command.name}\\s`, "m"));
    expect(runs.help.stdout).toContain("Exit status");
    expect(runs.dashHelp.code).toBe(0);
    expect(runs.dashHelp.stdout).toBe(runs.help.stdout);
  });

  it("--version prints package.json's version", async () => {
    const { version } = JSON.parse(await readFile(path.join(repoRoot, "package.json"), "utf8"));
    expect(runs.version).toMatchObject({ code: 0, stdout: `${version}\n`, stderr: "" });
  });

  it("help validate and validate --help show its usage and flags", () => {
    for (const run of [runs.helpValidate, runs.validateHelp]) {
      expect(run.code).toBe(0);
      expect(run.stdout).toContain("db-migrate validate [paths");
      for (const flag of ["--format", "--config", "--base", "--pg-version", "--fail-on"])
        expect(run.stdout).toContain(flag);
    }
    expect(runs.validateHelp.stdout).toBe(runs.helpValidate.stdout);
  });

  it("an unknown command: exit 2, named, with the list of commands on stderr", () => {
    const run = runs.unknownCommand;
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("unknown command `frobnicate`");
    expect(run.stderr).toContain("validate");
  });

  it("an unknown flag, a format the command lacks, a bad --fail-on: exit 2 with the command's usage", () => {
    const expectations: Array<[CliRun, string]> = [
      [runs.unknownFlag, "--frobnicate"],
      [runs.badFormat, "--format patch"],
      [runs.badFailOn, "--fail-on sometimes"],
    ];
    for (const [run, mention] of expectations) {
      expect(run.code, run.stderr).toBe(2);
      expect(run.stdout).toBe("");
      expect(run.stderr).toContain(mention);
      expect(run.stderr).toContain("usage: db-migrate validate");
    }
  });

  it("none of them crashes", () => {
    for (const run of Object.values(runs)) expectNoCrash(run);
  });
});
