/**
 * The check run: the verdict as a status on the head commit, with the
 * findings as annotations on their lines. GitHub takes 50 annotations per
 * request, so the first batch goes with `create` and the rest are appended
 * with `update`. A token that may not create check runs (fork PRs) gets the
 * workflow-command fallback, whose display cap is reported.
 */
import * as core from "@actions/core";
import {
  type CheckAnnotation,
  inBatches,
  toCheckAnnotations,
  WORKFLOW_COMMAND_DISPLAY_CAP,
  workflowCommandDisplay,
} from "../report/annotations.js";
import type { Finding } from "../types.js";
import type { GitHubClient } from "./client.js";
import { isPermissionDenied } from "./errors.js";

export type CheckConclusion = "success" | "failure" | "neutral";

export interface CheckRunRequest {
  owner: string;
  repo: string;
  headSha: string;
  name: string;
  conclusion: CheckConclusion;
  title: string;
  /** Markdown, at most 65,535 characters. */
  summary: string;
  detailsUrl?: string;
  annotations: CheckAnnotation[];
}

export type CheckRunOutcome =
  | { action: "created"; url: string; requests: number; annotations: number }
  | { action: "denied" }
  /** GitHub kept failing after the client's retries (filled in by the caller that catches). */
  | { action: "failed"; reason: string };

const SUMMARY_LIMIT = 65_535;

export async function publishCheckRun(client: GitHubClient, request: CheckRunRequest): Promise<CheckRunOutcome> {
  const [firstBatch = [], ...laterBatches] = inBatches(request.annotations);
  const output = { title: request.title, summary: request.summary.slice(0, SUMMARY_LIMIT) };
  let created: { id: number; html_url: string | null };
  try {
    ({ data: created } = await client.rest.checks.create({
      owner: request.owner,
      repo: request.repo,
      name: request.name,
      head_sha: request.headSha,
      status: "completed",
      conclusion: request.conclusion,
      ...(request.detailsUrl ? { details_url: request.detailsUrl } : {}),
      output: { ...output, annotations: firstBatch },
    }));
  } catch (error) {
    if (isPermissionDenied(error)) return { action: "denied" };
    throw error;
  }
  for (const batch of laterBatches) {
    await client.rest.checks.update({
      owner: request.owner,
      repo: request.repo,
      check_run_id: created.id,
      output: { ...output, annotations: batch },
    });
  }
  return {
    action: "created",
    url: created.html_url ?? "",
    requests: 1 + laterBatches.length,
    annotations: request.annotations.length,
  };
}

/**
 * Annotations as workflow commands (`::error file=…,line=…::`). All are
 * written to the log; GitHub shows only the first 10 per severity. Returns the
 * findings it hides, for the summary.
 */
export function emitWorkflowAnnotations(findings: Finding[], docsBaseUrl?: string): Finding[] {
  const { hidden } = workflowCommandDisplay(findings);
  const annotations = toCheckAnnotations(findings, docsBaseUrl);
  for (const annotation of annotations) {
    const properties = {
      title: annotation.title,
      file: annotation.path,
      startLine: annotation.start_line,
      endLine: annotation.end_line,
    };
    if (annotation.annotation_level === "failure") core.error(annotation.message, properties);
    else if (annotation.annotation_level === "warning") core.warning(annotation.message, properties);
    else core.notice(annotation.message, properties);
  }
  return hidden;
}

export { WORKFLOW_COMMAND_DISPLAY_CAP };
