/**
 * `db-migrate generate ["<description>"] [--name <slug>] [--write]`: a new
 * migration from the edited schema (or a one-line description), written by the
 * tool's own engine, made safe for tables with rows, traced, run through every
 * rule and rolled back by round trip. Prints a patch; `--write` applies it.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { DescriptionError } from "../generate/describe.js";
import { GenerateError, type GenerateResult, generate } from "../generate/index.js";
import { buildResult, exitCodeFor } from "../pipeline.js";
import { renderJson } from "../report/json.js";
import { unifiedPatch } from "../rollback/patch.js";
import type { AnalysisResult } from "../types.js";
import { rollbacksJson } from "./rollback.js";
import { type CommandDefinition, type CommandOutput, InputError, UsageError } from "./types.js";

const VERDICT: Record<string, string> = {
  verified: "verified by round trip (schema identical)",
  mismatch: "MISMATCH: the schema after the rollback differs from before",
  fails: "FAILS when applied after the migration",
  "not-run": "not verified",
};

function parseAssignments(values: unknown, flag: string): Array<{ key: string; value: string }> {
  const list = Array.isArray(values) ? (values as string[]) : values === undefined ? [] : [String(values)];
  return list.map((item) => {
    const at = item.indexOf("=");
    if (at <= 0) throw new UsageError(`--${flag} ${item}: write it as <column>=<value>`);
    return { key: item.slice(0, at), value: item.slice(at + 1) };
  });
}

function renames(values: unknown): Array<{ table: string; from: string; to: string }> {
  return parseAssignments(values, "rename").map(({ key, value }) => {
    const dot = key.lastIndexOf(".");
    if (dot <= 0) throw new UsageError(`--rename ${key}=${value}: write it as <table>.<old column>=<new column>`);
    return { table: key.slice(0, dot), from: key.slice(dot + 1), to: value };
  });
}

/** What was generated, the findings on it and the rollback verdicts, as the lines above the patch. */
export function summaryLines(result: GenerateResult): string[] {
  const lines = [`db-migrate generate (${result.tool}, ${result.project}): ${result.from} → ${result.to}`];
  if (!result.engineSql) lines.push("No change: both describe the same database, so there is nothing to generate.");
  for (const refusal of result.refusals) {
    lines.push(
      `REFUSED: ${refusal.reason}.`,
      `  ${refusal.statement.split("\n").join("\n  ")}`,
      `  To make it safe: ${refusal.edit}`,
    );
  }
  for (const file of result.refusals.length > 0 ? [] : result.files.filter((f) => f.role !== "rollback"))
    lines.push(`  ${file.before === null ? "new" : "edit"} ${file.path}`);
  for (const note of result.notes) lines.push(`  note: ${note}`);
  if (result.drift === "") lines.push("Drift: none (the migrations at the base, replayed, match the base schema).");
  if (result.drift) {
    lines.push(
      "Drift (not in the new migration): the replayed migrations differ from the base schema; these statements would reconcile them:",
      ...result.drift
        .trim()
        .split("\n")
        .map((line) => `    ${line}`),
    );
  }
  const analysis = result.analysis;
  if (analysis) {
    const { errors, warnings, infos } = analysis.summary;
    lines.push(`Findings: ${errors} error(s), ${warnings} warning(s), ${infos} info`);
    for (const f of analysis.findings)
      lines.push(`  ${f.severity} ${f.rule} ${f.path}:${f.line}: ${f.message}${f.fix ? ` Fix: ${f.fix}` : ""}`);
    for (const r of analysis.rollbacks ?? []) {
      const whose = r.origin === "author" ? "its own downgrade" : "generated rollback";
      lines.push(`Rollback of ${r.path} (${whose}): ${VERDICT[r.verification] ?? r.verification}`);
      for (const part of r.irreversible) lines.push(`  irreversible (line ${part.line}): ${part.reason}`);
    }
  }
  if (result.rows) {
    const seeded = result.rows.seeded.map((s) => `${s.table} (${s.rows})`).join(", ");
    lines.push(`With rows: ${seeded || "no existing table touched"}`);
    for (const u of result.rows.unseeded) lines.push(`  could not fill ${u.table}: ${u.reason}`);
    for (const o of result.rows.outcomes)
      lines.push(`  ${o.ok ? "applies" : "FAILS"}: ${o.path}${o.message ? ` — ${o.message}` : ""}`);
  } else if (result.engineSql && result.refusals.length === 0) {
    lines.push("Not verified (--no-verify): no trace, rules, rows or rollback round trip.");
  }
  return lines;
}

function failed(result: GenerateResult): boolean {
  return (
    result.refusals.length > 0 ||
    (result.rows?.outcomes.some((o) => !o.ok) ?? false) ||
    (result.analysis?.rollbacks ?? []).some((r) => r.verification === "mismatch" || r.verification === "fails")
  );
}

function generateJson(result: GenerateResult): Record<string, unknown> {
  return {
    tool: result.tool,
    project: result.project,
    from: result.from,
    to: result.to,
    description: result.description ?? null,
    files: result.files.map(({ path: file, content, role, before }) => ({
      path: file,
      role,
      created: before === null,
      content,
    })),
    notes: result.notes,
    refusals: result.refusals,
    drift: result.drift,
    rows: result.rows,
  };
}

function markdown(result: GenerateResult, patch: string): string {
  return [
    "### db-migrate generate",
    "",
    "```text",
    ...summaryLines(result),
    "```",
    "",
    ...(patch
      ? ["<details open><summary>Patch</summary>", "", "```diff", patch.trimEnd(), "```", "", "</details>"]
      : []),
    "",
  ].join("\n");
}

export const generateCommand: CommandDefinition = {
  name: "generate",
  summary:
    "a new migration from the edited schema or a one-line description, made safe, traced, with its verified rollback",
  usage:
    'db-migrate generate ["<description>"] [--name <slug>] [--write] [--base <ref>] [--project <folder>] [--backfill <column>=<sql>]… [--rename <table>.<old>=<new>]… [--plain] [--no-verify] [--no-drift] [--autogenerate [--python <path>]] [--format patch|json|markdown]',
  commentRefuses: {
    autogenerate: "it runs the repository's Python (env.py imports the models); run it on your machine",
    python: "it only goes with --autogenerate, which runs on your machine",
  },
  options: {
    name: { type: "string" },
    write: { type: "boolean" },
    project: { type: "string" },
    backfill: { type: "string", multiple: true },
    rename: { type: "string", multiple: true },
    plain: { type: "boolean" },
    "no-verify": { type: "boolean" },
    "no-drift": { type: "boolean" },
    autogenerate: { type: "boolean" },
    python: { type: "string" },
  },
  formats: ["patch", "text", "json", "markdown"],
  async run(positionals, flags, options) {
    const description = positionals.length > 0 ? positionals.join(" ") : undefined;
    let result: GenerateResult;
    try {
      result = await generate({
        root: options.root,
        ...(options.files ? { files: options.files } : {}),
        ...(options.baseFiles ? { baseFiles: options.baseFiles } : {}),
        ...(options.base ? { base: options.base } : {}),
        ...(options.config ? { config: options.config } : {}),
        ...(typeof flags.name === "string" ? { name: flags.name } : {}),
        ...(description !== undefined ? { description } : {}),
        ...(typeof flags.project === "string" ? { project: flags.project } : {}),
        plain: flags.plain === true,
        backfill: Object.fromEntries(
          parseAssignments(flags.backfill, "backfill").map(({ key, value }) => [key, value]),
        ),
        renames: renames(flags.rename),
        verify: flags["no-verify"] !== true,
        drift: flags["no-drift"] !== true,
        autogenerate: flags.autogenerate === true,
        ...(typeof flags.python === "string" ? { python: flags.python } : {}),
        ...(options.pgVersion ? { pgVersion: options.pgVersion } : {}),
        ...(options.log ? { log: options.log } : {}),
      });
    } catch (error) {
      if (error instanceof DescriptionError) throw new UsageError(error.message);
      if (error instanceof GenerateError) throw new InputError(error.message);
      throw error;
    }
    const files = result.refusals.length > 0 ? [] : result.files;
    const writes: NonNullable<CommandOutput["writes"]> = files.map((f) => ({ path: f.path, content: f.content }));
    if (flags.write === true) {
      for (const file of files) {
        const target = path.join(options.root, file.path);
        await mkdir(path.dirname(target), { recursive: true });
        await writeFile(target, file.content);
      }
    }
    const analysis: AnalysisResult = result.analysis ?? buildResult([], [], [], []);
    const exitCode = failed(result) ? 1 : exitCodeFor(analysis, options.failOn ?? "error");
    const patch = files.map((f) => unifiedPatch({ path: f.path, before: f.before, after: f.content })).join("");
    switch (options.format) {
      case "json":
        return {
          exitCode,
          body: renderJson(analysis, {
            generate: generateJson(result),
            rollbacks: rollbacksJson(analysis.rollbacks ?? []),
          }),
          data: result,
          writes,
        };
      case "markdown":
        return { exitCode, body: markdown(result, patch), data: result, writes };
      default: {
        // git apply skips the lines before the first `diff --git`, so the summary can lead the patch.
        const summary = summaryLines(result)
          .map((line) => `# ${line}`)
          .join("\n");
        const written =
          flags.write === true && files.length > 0 ? `\n# written: ${files.map((f) => f.path).join(", ")}` : "";
        return { exitCode, body: `${summary}${written}\n${patch}`, data: result, writes };
      }
    }
  },
};
