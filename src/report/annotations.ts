/**
 * Findings as GitHub annotations: check-run annotations (sent 50 per request)
 * or, when the token cannot create check runs, workflow commands, of which
 * GitHub displays only the first 10 per severity per step. Both limits are
 * GitHub's; the functions here say which findings each one would hide so the
 * summary can list them.
 */
import type { Finding, Severity } from "../types.js";

/** The shape `checks.create`/`checks.update` take in `output.annotations`. */
export interface CheckAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: "failure" | "warning" | "notice";
  title: string;
  message: string;
}

/** GitHub accepts at most this many annotations per check-run request. */
export const CHECK_RUN_ANNOTATIONS_PER_REQUEST = 50;
/** GitHub displays at most this many workflow-command annotations per severity per step. */
export const WORKFLOW_COMMAND_DISPLAY_CAP = 10;

const LEVEL: Record<Severity, CheckAnnotation["annotation_level"]> = {
  error: "failure",
  warning: "warning",
  info: "notice",
};

const TITLE_LIMIT = 255;
const MESSAGE_LIMIT = 64 * 1024 - 1;

export function annotationTitle(finding: Finding): string {
  return `db-migrate ${finding.rule}`.slice(0, TITLE_LIMIT);
}

export function annotationMessage(finding: Finding, docsBaseUrl?: string): string {
  const lines = [finding.message];
  if (finding.fix) lines.push(`Fix: ${finding.fix}`);
  if (docsBaseUrl) lines.push(`${docsBaseUrl.replace(/\/$/, "")}/${finding.rule}.md`);
  return lines.join("\n").slice(0, MESSAGE_LIMIT);
}

export function toCheckAnnotations(findings: Finding[], docsBaseUrl?: string): CheckAnnotation[] {
  return sortForDisplay(findings).map((finding) => ({
    path: finding.path,
    start_line: Math.max(1, finding.line),
    end_line: Math.max(1, finding.endLine, finding.line),
    annotation_level: LEVEL[finding.severity],
    title: annotationTitle(finding),
    message: annotationMessage(finding, docsBaseUrl),
  }));
}

export function inBatches<T>(items: T[], size = CHECK_RUN_ANNOTATIONS_PER_REQUEST): T[][] {
  const batches: T[][] = [];
  for (let start = 0; start < items.length; start += size) batches.push(items.slice(start, start + size));
  return batches;
}

/**
 * Which findings GitHub will display as workflow-command annotations and
 * which it will hide: the first 10 of each severity, in report order.
 */
export function workflowCommandDisplay(findings: Finding[]): { shown: Finding[]; hidden: Finding[] } {
  const seen: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const shown: Finding[] = [];
  const hidden: Finding[] = [];
  for (const finding of sortForDisplay(findings)) {
    seen[finding.severity] += 1;
    (seen[finding.severity] <= WORKFLOW_COMMAND_DISPLAY_CAP ? shown : hidden).push(finding);
  }
  return { shown, hidden };
}

/** Report order: by file, then line. */
function sortForDisplay(findings: Finding[]): Finding[] {
  return [...findings].sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line || a.rule.localeCompare(b.rule));
}
