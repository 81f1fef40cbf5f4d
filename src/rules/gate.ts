/**
 * The one gate every finding passes through (static rules, trace rules,
 * rollback verdicts): what concerns the same statement and hazard becomes one
 * finding, so a reviewer reads each problem once.
 *
 * - A trace finding that confirms a static finding about the same lock or
 *   rewrite is folded into it as evidence ("confirmed on PostgreSQL: …").
 * - `lock-held-across-statements` is folded into the statement's finding
 *   about the same AccessExclusiveLock.
 * - `irreversible` is folded into the data-loss finding on the same statement.
 * - The timeout rules become one migration-level finding with one fix.
 *
 * A folded finding keeps the highest severity of its parts, and lists the
 * folded rule ids in `merged`.
 */
import { LOCK_MODES } from "../sql/locks.js";
import { type Finding, type LockMode, SEVERITY_ORDER } from "../types.js";
import { ruleMeta } from "./index.js";

const TIMEOUT_RULES = ["missing-lock-timeout", "missing-statement-timeout"];
/** Findings that restate a lock or a rewrite another finding on the statement is about. */
const CONFIRMING = new Set(["observed-blocking-lock", "observed-rewrite", "lock-held-across-statements"]);
/** Static rules whose hazard is a rewrite of the table: what `observed-rewrite` confirms. */
const REWRITE_RULES = new Set([
  "change-column-type",
  "narrowing-type-change",
  "add-column-volatile-default",
  "add-generated-column",
  "table-rewrite-command",
  "reindex-non-concurrently",
]);

export function gateFindings(findings: Finding[]): Finding[] {
  const kept: Finding[] = [];
  const groups = new Map<string, Finding[]>();
  const timeouts = new Map<string, Finding[]>();
  for (const finding of findings) {
    if (TIMEOUT_RULES.includes(finding.rule)) {
      const key = `${finding.path}\0${finding.migration ?? ""}`;
      timeouts.set(key, [...(timeouts.get(key) ?? []), finding]);
      continue;
    }
    // Rollback verdicts carry the statement's line only: the same key.
    const key = `${finding.path}\0${finding.statementLine ?? finding.line}`;
    groups.set(key, [...(groups.get(key) ?? []), finding]);
  }
  for (const group of groups.values()) kept.push(...mergeStatement(group));
  for (const group of timeouts.values()) kept.push(mergeTimeouts(group));
  for (const finding of kept) delete finding.foldedText;
  return kept;
}

/** One statement's findings: confirmations folded into the finding they confirm. */
function mergeStatement(group: Finding[]): Finding[] {
  const result = group.map((f) => ({ ...f }));
  // Fold in a fixed order: the replay's lock into the static finding first, then the held lock into what remains.
  for (const rule of ["observed-rewrite", "observed-blocking-lock", "lock-held-across-statements", "irreversible"]) {
    for (const finding of result.filter((f) => f.rule === rule)) {
      const target = foldTarget(finding, result);
      if (!target) continue;
      fold(finding, target);
      result.splice(result.indexOf(finding), 1);
    }
  }
  return result;
}

function foldTarget(finding: Finding, group: Finding[]): Finding | undefined {
  const others = group.filter((f) => f !== finding);
  switch (finding.rule) {
    case "observed-rewrite":
      return (
        others.find((f) => REWRITE_RULES.has(f.rule)) ??
        others.find((f) => f.lock === finding.lock && !CONFIRMING.has(f.rule))
      );
    case "observed-blocking-lock": {
      const modes = new Set<LockMode>((finding.locks ?? []).map((l) => l.mode));
      if (finding.lock) modes.add(finding.lock);
      const sameLock = (f: Finding) => f.lock !== null && modes.has(f.lock);
      return (
        strongestFirst(others.filter((f) => sameLock(f) && !CONFIRMING.has(f.rule)))[0] ??
        others.find((f) => sameLock(f) && f.rule !== "observed-blocking-lock")
      );
    }
    case "lock-held-across-statements":
      return others.find((f) => f.lock === "AccessExclusiveLock" && !CONFIRMING.has(f.rule));
    case "irreversible":
      return others.find((f) => ruleMeta(f.rule)?.category === "data-loss");
    default:
      return undefined;
  }
}

function strongestFirst(findings: Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      SEVERITY_ORDER[b.severity] - SEVERITY_ORDER[a.severity] ||
      LOCK_MODES.indexOf(b.lock as LockMode) - LOCK_MODES.indexOf(a.lock as LockMode),
  );
}

function fold(from: Finding, into: Finding): void {
  const evidence = from.foldedText ?? `${from.rule}: ${from.message}`;
  into.evidence = [...(into.evidence ?? []), evidence];
  into.merged = [...(into.merged ?? []), from.rule, ...(from.merged ?? [])];
  into.message = `${into.message.replace(/[.\s]*$/, "")}. ${capitalize(evidence)}${/[.!?]$/.test(evidence) ? "" : "."}`;
  if (SEVERITY_ORDER[from.severity] > SEVERITY_ORDER[into.severity]) into.severity = from.severity;
  if (from.locks && !into.locks) into.locks = from.locks;
}

/** The timeout findings of one migration as one: the first is kept, the other's message folded in. */
function mergeTimeouts(group: Finding[]): Finding {
  const [first, ...rest] = [...group].sort((a, b) => TIMEOUT_RULES.indexOf(a.rule) - TIMEOUT_RULES.indexOf(b.rule));
  const merged: Finding = { ...(first as Finding), scope: "migration" };
  for (const other of rest) {
    merged.merged = [...(merged.merged ?? []), other.rule];
    merged.message = `${merged.message.replace(/[.\s]*$/, "")}. Also: ${other.message}`;
    merged.evidence = [...(merged.evidence ?? []), other.message];
    if (SEVERITY_ORDER[other.severity] > SEVERITY_ORDER[merged.severity]) merged.severity = other.severity;
  }
  return merged;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
