/**
 * Publishing one analysis on a PR: a sticky comment per migration folder, a
 * check run with annotations (or workflow-command annotations where the token
 * may not create check runs), and notes for the job summary saying where each
 * part went. Used by `pull_request` runs and by `/db-migrate validate`.
 */
import path from "node:path";
import { toCheckAnnotations } from "../report/annotations.js";
import { commentMarker, renderMarkdown, resultForFolder, verdictOf } from "../report/markdown.js";
import type { AnalysisResult, Finding, Severity } from "../types.js";
import { VERSION } from "../version.js";
import {
  type CheckConclusion,
  type CheckRunOutcome,
  emitWorkflowAnnotations,
  publishCheckRun,
  WORKFLOW_COMMAND_DISPLAY_CAP,
} from "./checks.js";
import type { GitHubClient } from "./client.js";
import {
  type IssueRef,
  listStickyComments,
  markerOf,
  type StickyComment,
  type StickyOutcome,
  upsertStickyComment,
} from "./comments.js";
import type { ActionContext } from "./context.js";
import { failureReason } from "./errors.js";
import type { ActionInputs } from "./inputs.js";

export interface PublishTarget {
  client: GitHubClient;
  context: ActionContext;
  inputs: ActionInputs;
  issue: IssueRef;
  headSha: string;
  login: string;
  /** Repo-relative folder the analysis ran in (`working-directory`), "" for the root. */
  directory: string;
  failOn: Severity | "never";
  checkName: string;
  /** Part of the analysis did not finish (the deadline): the check is never green on what was not checked. */
  incomplete?: boolean;
}

export interface PublishReport {
  comments: Array<{ folder: string; outcome: StickyOutcome }>;
  check: { url?: string; requests: number; annotations: number; denied: boolean; skipped: boolean };
  /** Findings GitHub will not display (workflow-command cap). */
  hiddenAnnotations: Finding[];
  /** Lines for the job summary's "where the results went" section. */
  notes: string[];
}

/** The folders that get a comment: each project the result touches, or one for loose files. */
export function commentFolders(result: AnalysisResult): string[] {
  const folders = (result.projects ?? [])
    .map((p) => p.folder)
    .filter((folder) => {
      const part = resultForFolder(result, folder);
      return part.migrations.some((m) => m.change !== "unchanged") || part.findings.length > 0;
    });
  const covered = (file: string) => folders.some((f) => f === "" || file === f || file.startsWith(`${f}/`));
  const loose = result.findings.some((f) => !covered(f.path)) || result.migrations.some((m) => !covered(m.path));
  if (loose && !folders.includes("")) folders.push("");
  return folders;
}

export async function publishAnalysis(target: PublishTarget, result: AnalysisResult): Promise<PublishReport> {
  const { client, context, inputs, issue } = target;
  const report: PublishReport = {
    comments: [],
    check: { requests: 0, annotations: 0, denied: false, skipped: !inputs.annotations },
    hiddenAnnotations: [],
    notes: [],
  };
  const repoRelative = withDirectory(result, target.directory);
  const common = {
    version: VERSION,
    runUrl: context.runUrl,
    docsBaseUrl: context.docsBaseUrl,
    failOn: target.failOn,
  };

  if (inputs.comment !== "never") {
    try {
      const existing = await listStickyComments(client, issue, target.login);
      const folders = commentFolders(repoRelative);
      for (const folder of folders) {
        const part = folder === "" ? repoRelative : resultForFolder(repoRelative, folder);
        const marker = commentMarker(folder || ".");
        const body = renderMarkdown(part, {
          ...common,
          marker,
          title: folder ? `db-migrate · ${folder}` : "db-migrate",
        });
        const outcome = await upsertStickyComment(client, issue, {
          marker,
          body,
          login: target.login,
          mode: inputs.comment,
          hasFindings: part.findings.length > 0,
          existing,
        }).catch((error: unknown) => failed(error));
        report.comments.push({ folder: folder || ".", outcome });
      }
      const current = new Set(folders.map((f) => commentMarker(f || ".")));
      report.comments.push(...(await retireStaleComments(target, existing, current)));
    } catch (error) {
      // Listing the comments failed: nothing was posted, and the check run and summary still carry the findings.
      report.comments.push({ folder: ".", outcome: failed(error) });
    }
    for (const { folder, outcome } of report.comments) report.notes.push(commentNote(folder, outcome));
  }

  if (inputs.annotations) {
    const annotations = toCheckAnnotations(repoRelative.findings, context.docsBaseUrl);
    const verdict = verdictOf(repoRelative, target.failOn);
    const conclusion: CheckConclusion =
      verdict === "blocks" ? "failure" : verdict === "needs-care" || target.incomplete ? "neutral" : "success";
    const summary = renderMarkdown(repoRelative, { ...common, maxLength: 65_535 });
    const outcome: CheckRunOutcome = await publishCheckRun(client, {
      owner: issue.owner,
      repo: issue.repo,
      headSha: target.headSha,
      name: target.checkName,
      conclusion,
      title: summary.split("\n", 1)[0]!.replace(/^#+\s*/, ""),
      summary,
      detailsUrl: context.runUrl,
      annotations,
    }).catch((error: unknown) => ({ action: "failed", reason: failureReason(error) }) as const);
    if (outcome.action === "created") {
      report.check = {
        url: outcome.url,
        requests: outcome.requests,
        annotations: outcome.annotations,
        denied: false,
        skipped: false,
      };
      report.notes.push(
        `Check run [${target.checkName}](${outcome.url}): ${outcome.annotations} annotations in ${outcome.requests} request${outcome.requests === 1 ? "" : "s"}.`,
      );
    } else {
      report.check.denied = outcome.action === "denied";
      report.hiddenAnnotations = emitWorkflowAnnotations(repoRelative.findings, context.docsBaseUrl);
      report.notes.push(
        outcome.action === "denied"
          ? "Check run: the token cannot create check runs (read-only token, e.g. a fork PR); posted to the summary instead, with the findings as workflow annotations."
          : `Check run: not created (${outcome.reason}); the findings are in this summary and in workflow annotations.`,
      );
      if (report.hiddenAnnotations.length > 0)
        report.notes.push(
          `GitHub displays only ${WORKFLOW_COMMAND_DISPLAY_CAP} workflow annotations per severity in a step; these ${report.hiddenAnnotations.length} are in the log and listed here, not on the diff:`,
          ...report.hiddenAnnotations.map((f) => `  - \`${f.path}:${f.line}\` ${f.severity} ${f.rule}: ${f.message}`),
        );
    }
  }
  return report;
}

/**
 * Comments for folders this run has nothing to say about (a later push took
 * the migration out of the PR) are rewritten so they no longer show an old
 * verdict. Returns what was done, for the summary.
 */
export async function retireStaleComments(
  target: Pick<PublishTarget, "client" | "context" | "issue" | "login" | "directory">,
  existing: StickyComment[],
  current: Set<string>,
): Promise<Array<{ folder: string; outcome: StickyOutcome }>> {
  // Only this run's folders: in a matrix over working directories, the other jobs own theirs.
  const ours = (marker: string) => {
    const folder = marker.slice("<!-- db-migrate:".length, -" -->".length);
    return !target.directory || folder === target.directory || folder.startsWith(`${target.directory}/`);
  };
  const stale = existing.filter((c) => !current.has(markerOf(c.body)) && ours(markerOf(c.body)));
  const retired: Array<{ folder: string; outcome: StickyOutcome }> = [];
  for (const comment of staleByMarker(stale)) {
    const marker = markerOf(comment.body);
    const folder = marker.slice("<!-- db-migrate:".length, -" -->".length);
    const run = target.context.runUrl ? ` · [run](${target.context.runUrl})` : "";
    const outcome = await upsertStickyComment(target.client, target.issue, {
      marker,
      body: `${marker}\n### ✅ db-migrate · ${folder}: this PR no longer changes migrations here\n\n<sub>db-migrate ${VERSION}${run}</sub>\n`,
      login: target.login,
      mode: "update-only",
      hasFindings: false,
      existing: stale,
    }).catch((error: unknown) => failed(error));
    retired.push({ folder, outcome });
  }
  return retired;
}

function failed(error: unknown): StickyOutcome {
  return { action: "failed", reason: failureReason(error) };
}

function staleByMarker(comments: StickyComment[]): StickyComment[] {
  const seen = new Set<string>();
  return comments.filter((c) => {
    const marker = markerOf(c.body);
    if (seen.has(marker)) return false;
    seen.add(marker);
    return true;
  });
}

function commentNote(folder: string, outcome: StickyOutcome): string {
  switch (outcome.action) {
    case "created":
    case "updated":
    case "unchanged": {
      const copies = outcome.duplicatesRemoved ? ` (${outcome.duplicatesRemoved} duplicate removed)` : "";
      return `Comment for \`${folder}\`: ${outcome.action}, [link](${outcome.url})${copies}.`;
    }
    case "skipped":
      return `Comment for \`${folder}\`: not posted (${outcome.reason}).`;
    case "denied":
      return `Comment for \`${folder}\`: ${outcome.reason}; posted to the summary instead.`;
    case "failed":
      return `Comment for \`${folder}\`: not posted (${outcome.reason}); the findings are in the check run and this summary.`;
  }
}

/** Paths in the result made repo-relative when the action ran in a subfolder. */
export function withDirectory(result: AnalysisResult, directory: string): AnalysisResult {
  if (!directory) return result;
  const join = (file: string) => path.posix.join(directory, file);
  return {
    ...result,
    migrations: result.migrations.map((m) => ({ ...m, path: join(m.path) })),
    findings: result.findings.map((f) => ({ ...f, path: join(f.path) })),
    notices: result.notices.map((n) => (n.path === undefined ? n : { ...n, path: join(n.path) })),
    plan: result.plan?.map((p) => ({ ...p, path: join(p.path) })),
    rollbacks: result.rollbacks?.map((r) => ({ ...r, path: join(r.path) })),
    projects: result.projects?.map((p) => ({ ...p, folder: join(p.folder) })),
  };
}
