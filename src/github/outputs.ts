/**
 * What every run leaves behind: the job summary (the full report, no length
 * budget but GitHub's 1 MiB), the step outputs, the rollback patch and plan
 * files, SARIF when asked, and the exit status by `fail-on`.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import * as core from "@actions/core";
import { exitCodeFor } from "../pipeline.js";
import { highestSeverity, renderMarkdown } from "../report/markdown.js";
import { renderSarif } from "../report/sarif.js";
import type { AnalysisResult, Severity } from "../types.js";
import { VERSION } from "../version.js";
import type { ActionContext } from "./context.js";
import type { ActionInputs } from "./inputs.js";

/** GitHub's limit for one step's job summary is 1 MiB; keep room for the notes. */
const SUMMARY_BUDGET = 900_000;

/**
 * The full report, written before anything is posted so no API failure can
 * lose it; `appendSummaryNotes` adds where the comment and check run went.
 */
export async function writeJobSummary(
  context: ActionContext,
  result: AnalysisResult,
  failOn: Severity | "never",
  notes: string[] = [],
): Promise<void> {
  const report = renderMarkdown(result, {
    version: VERSION,
    maxLength: SUMMARY_BUDGET,
    docsBaseUrl: context.docsBaseUrl,
    failOn,
  });
  core.summary.addRaw(report, true);
  await core.summary.write();
  await appendSummaryNotes(notes);
}

/** The "Where the results went" section, appended to the job summary already written. */
export async function appendSummaryNotes(notes: string[]): Promise<void> {
  if (notes.length === 0) return;
  // Markdown, not addHeading's <h4>: a list right after an HTML block would render as raw text.
  core.summary.addRaw(`\n#### Where the results went\n\n${notes.map(bullet).join("\n")}\n`);
  await core.summary.write();
}

function bullet(note: string): string {
  return note.startsWith("  - ") ? note : `- ${note}`;
}

export interface ResultFiles {
  rollbackPatch?: string;
  planJson?: string;
  sarif?: string;
}

export async function writeResultFiles(
  context: ActionContext,
  inputs: ActionInputs,
  result: AnalysisResult,
): Promise<ResultFiles> {
  const files: ResultFiles = {};
  const outDir = path.join(context.tempDir, "db-migrate");
  // A wrong author's rollback carries the same patch as the generated one: write it once.
  const patches = [...new Set((result.rollbacks ?? []).map((r) => r.diff).filter((d): d is string => Boolean(d)))];
  if (patches.length > 0) {
    await mkdir(outDir, { recursive: true });
    files.rollbackPatch = path.join(outDir, "rollback.patch");
    await writeFile(files.rollbackPatch, patches.map((p) => (p.endsWith("\n") ? p : `${p}\n`)).join(""));
  }
  if (result.plan && result.plan.length > 0) {
    await mkdir(outDir, { recursive: true });
    files.planJson = path.join(outDir, "plan.json");
    await writeFile(files.planJson, `${JSON.stringify({ version: 1, plan: result.plan }, null, 2)}\n`);
  }
  if (inputs.sarifFile) {
    files.sarif = path.resolve(context.workspace, inputs.sarifFile);
    await mkdir(path.dirname(files.sarif), { recursive: true });
    await writeFile(files.sarif, renderSarif(result, VERSION));
  }
  return files;
}

export function setOutputs(result: AnalysisResult, files: ResultFiles): void {
  core.setOutput("errors", result.summary.errors);
  core.setOutput("warnings", result.summary.warnings);
  core.setOutput("infos", result.summary.infos);
  core.setOutput("highest-severity", highestSeverity(result.findings) ?? "none");
  core.setOutput("rollback-patch", files.rollbackPatch ?? "");
  core.setOutput("plan-json", files.planJson ?? "");
  core.setOutput("sarif-file", files.sarif ?? "");
}

/** Fails the step when a finding reaches fail-on: this is what makes the job a required status. */
export function setExitStatus(result: AnalysisResult, failOn: Severity | "never"): 0 | 1 {
  const exitCode = exitCodeFor(result, failOn);
  if (exitCode === 1) {
    const { errors, warnings, infos } = result.summary;
    const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;
    core.setFailed(
      `db-migrate: findings reach fail-on=${failOn} (${count(errors, "error")}, ${count(warnings, "warning")}, ${infos} info); see the job summary`,
    );
  }
  return exitCode;
}
