/**
 * `db-migrate validate` with no arguments, run as a user runs it: from each
 * fixture repository's root, through src/cli.ts, in every output format.
 */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ruleIds, ruleMeta } from "../../src/rules/index.js";
import { LOCK_MODES } from "../../src/sql/locks.js";
import {
  type CliRun,
  expectNoCrash,
  fileLines,
  fixturesDir,
  type JsonDocument,
  parseJson,
  runMany,
} from "./run-cli.js";

interface FixtureCase {
  name: string;
  /** Migrations on disk that the project's tool would run (up files only). */
  migrations: number;
  tools: string[];
  /** Markdown renders the same result; three fixtures cover its paths (Python, Prisma, several folders). */
  markdown?: true;
}

const FIXTURES: FixtureCase[] = [
  { name: "alembic-app", migrations: 7, tools: ["alembic"], markdown: true },
  { name: "prisma-app", migrations: 3, tools: ["prisma"], markdown: true },
  { name: "flyway-app", migrations: 5, tools: ["sql"] },
  { name: "golang-migrate-app", migrations: 3, tools: ["sql"] },
  { name: "diesel-app", migrations: 3, tools: ["sql"] },
  { name: "dbmate-app", migrations: 3, tools: ["sql"] },
  { name: "sqitch-app", migrations: 3, tools: ["sql"] },
  { name: "plain-sql-app", migrations: 3, tools: ["sql"] },
  { name: "monorepo", migrations: 4, tools: ["prisma", "sql"], markdown: true },
];

const FINDING_KEYS = [
  "column",
  "endLine",
  "evidence",
  "fix",
  "line",
  "lock",
  "merged",
  "message",
  "path",
  "rule",
  "scope",
  "severity",
  "source",
];
const KNOWN_RULES = new Set(ruleIds());
/** Rules about files and history rather than one statement: no statement is shown with them. */
const FILE_LEVEL = new Set(["history", "input", "trace"]);
/** The escape that starts every ANSI colour sequence. */
const ESC = String.fromCharCode(27);

function isStatementRule(rule: string): boolean {
  return !FILE_LEVEL.has(ruleMeta(rule)?.category ?? "input");
}

/** The finding blocks of the text report, in order, with the file header they sit under. */
function textFindings(text: string) {
  const lines = text.split("\n");
  const blocks: Array<{ path: string; line: number; column: number; severity: string; rule: string; body: string[] }> =
    [];
  let file = "";
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const header = /^ {2}(\d+):(\d+) {2}(error|warning|info) {2}(\S+)/.exec(line);
    if (header) {
      const body: string[] = [];
      for (let k = i + 1; k < lines.length && (lines[k] as string).startsWith("      "); k++) {
        body.push((lines[k] as string).slice(6));
      }
      const [, at, column, severity, rule] = header as unknown as [string, string, string, string, string];
      blocks.push({ path: file, line: Number(at), column: Number(column), severity, rule, body });
    } else if (line !== "" && !line.startsWith(" ")) {
      file = line;
    }
  }
  return blocks;
}

describe.each(FIXTURES)("validate in fixtures/$name with no arguments", (fixture) => {
  const cwd = path.join(fixturesDir, fixture.name);
  let json: CliRun;
  let text: CliRun;
  let sarif: CliRun;
  let markdown: CliRun | undefined;
  let doc: JsonDocument;

  beforeAll(async () => {
    const formats = [
      ["--format", "json"],
      [],
      ["--format", "sarif"],
      ...(fixture.markdown ? [["--format", "markdown"]] : []),
    ];
    [json, text, sarif, markdown] = (await runMany(
      formats.map((flags) => ({ args: ["validate", ...flags], cwd })),
    )) as [CliRun, CliRun, CliRun, CliRun | undefined];
    doc = parseJson(json);
  });

  it("exits by fail-on (default error) in every format, with no crash", () => {
    const expected = doc.summary.errors > 0 ? 1 : 0;
    for (const run of [json, text, sarif, ...(markdown ? [markdown] : [])]) {
      expectNoCrash(run);
      expect(run.code, run.stderr).toBe(expected);
    }
  });

  it("prints the JSON document of design.md", async () => {
    expect(Object.keys(doc).sort()).toEqual(["findings", "migrations", "notices", "summary", "version"]);
    expect(doc.version).toBe(1);
    expect(doc.migrations).toHaveLength(fixture.migrations);
    expect([...new Set(doc.migrations.map((m) => m.tool))].sort()).toEqual(fixture.tools);
    for (const migration of doc.migrations) {
      expect(Object.keys(migration).sort()).toEqual(["id", "path", "statements", "tool"]);
      expect(typeof migration.id).toBe("string");
      expect(Number.isInteger(migration.statements) && migration.statements >= 0).toBe(true);
      expect((await fileLines(cwd, migration.path)).length).toBeGreaterThan(0);
    }
    expect(doc.migrations.reduce((n, m) => n + m.statements, 0)).toBeGreaterThan(0);

    for (const finding of doc.findings) {
      expect(Object.keys(finding).sort()).toEqual(FINDING_KEYS);
      expect(KNOWN_RULES.has(finding.rule), finding.rule).toBe(true);
      expect(["error", "warning", "info"]).toContain(finding.severity);
      expect(finding.source).toBe("static");
      expect(finding.lock === null || (LOCK_MODES as string[]).includes(finding.lock)).toBe(true);
      expect(finding.message.length).toBeGreaterThan(0);
      expect(finding.fix === null || typeof finding.fix === "string").toBe(true);
      expect(Number.isInteger(finding.line) && finding.line >= 1).toBe(true);
      expect(Number.isInteger(finding.column) && finding.column >= 1).toBe(true);
      expect(finding.endLine).toBeGreaterThanOrEqual(finding.line);
    }
    expect(doc.summary).toEqual({
      errors: doc.findings.filter((f) => f.severity === "error").length,
      warnings: doc.findings.filter((f) => f.severity === "warning").length,
      infos: doc.findings.filter((f) => f.severity === "info").length,
    });
  });

  it("points every finding at a real line of the file the author edited", async () => {
    for (const finding of doc.findings) {
      const lines = await fileLines(cwd, finding.path);
      const where = `${finding.rule} at ${finding.path}:${finding.line}`;
      expect(finding.line, where).toBeLessThanOrEqual(lines.length);
      const text = lines[finding.line - 1] as string;
      if (!isStatementRule(finding.rule)) continue;
      if (fixture.tools.includes("alembic")) {
        expect(finding.path, where).toMatch(/\.py$/);
        expect(text, where).toMatch(/\bop\.\w+\(|\bbatch_op\.\w+\(/);
      } else {
        expect(text.trim(), where).not.toBe("");
        expect(text.trim(), where).not.toMatch(/^--/);
      }
    }
  });

  it("prints text grouped by file, each finding with its statement, and no colour off a TTY", () => {
    expect(text.stdout).not.toContain(ESC);
    expect(text.stderr).not.toContain(ESC);
    const blocks = textFindings(text.stdout);
    expect(blocks.map(({ path, line, column, severity, rule }) => ({ path, line, column, severity, rule }))).toEqual(
      doc.findings.map(({ path, line, column, severity, rule }) => ({ path, line, column, severity, rule })),
    );
    const headers = text.stdout.split("\n").filter((line) => doc.findings.some((f) => f.path === line));
    expect(headers).toEqual([...new Set(doc.findings.map((f) => f.path))]);
    doc.findings.forEach((finding, index) => {
      const body = blocks[index]?.body ?? [];
      if (isStatementRule(finding.rule)) {
        expect(body[0], `${finding.rule}: statement line`).not.toBe(finding.message);
        expect(body[0]?.length ?? 0).toBeGreaterThan(0);
        expect(body[1]).toBe(finding.message);
      } else {
        expect(body).toContain(finding.message);
      }
    });
    const { errors, warnings, infos } = doc.summary;
    const last = text.stdout.trimEnd().split("\n").at(-1) ?? "";
    expect(last).toContain(`${errors} error`);
    expect(last).toContain(`${warnings} warning`);
    expect(last).toContain(`${infos} info`);
    expect(last).toContain(`${fixture.migrations} migration`);
  });

  it("prints SARIF 2.1.0 that code scanning accepts, one result per finding", () => {
    const log = JSON.parse(sarif.stdout);
    expect(log.version).toBe("2.1.0");
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    expect(log.runs).toHaveLength(1);
    const run = log.runs[0];
    expect(run.tool.driver.name).toBe("db-migrate");
    expect(Array.isArray(run.tool.driver.rules)).toBe(true);
    const ruleIdsInRun = run.tool.driver.rules.map((r: { id: string }) => r.id);
    for (const id of ruleIdsInRun) expect(KNOWN_RULES.has(id), id).toBe(true);
    expect(run.results).toHaveLength(doc.findings.length);
    // Code scanning merges results that share a fingerprint: each finding needs its own.
    const fingerprints = run.results.map((r: { partialFingerprints: Record<string, string> }) =>
      JSON.stringify(r.partialFingerprints),
    );
    expect(new Set(fingerprints).size).toBe(fingerprints.length);
    const level = { error: "error", warning: "warning", info: "note" } as const;
    doc.findings.forEach((finding, index) => {
      const result = run.results[index];
      expect(result.ruleId).toBe(finding.rule);
      expect(run.tool.driver.rules[result.ruleIndex].id).toBe(finding.rule);
      expect(result.level).toBe(level[finding.severity]);
      expect(result.message.text).toContain(finding.message);
      const location = result.locations[0].physicalLocation;
      expect(location.artifactLocation.uri).toBe(finding.path);
      expect(location.region.startLine).toBe(finding.line);
      expect(location.region.startColumn).toBe(finding.column);
    });
  });

  if (fixture.markdown) {
    it("prints a Markdown report naming each rule it found", () => {
      const body = markdown?.stdout ?? "";
      expect(body.trim().length).toBeGreaterThan(0);
      expect(body).toContain("db-migrate");
      for (const rule of new Set(doc.findings.map((f) => f.rule))) expect(body).toContain(rule);
    });
  }
});
