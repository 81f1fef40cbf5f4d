/**
 * Runs the trace rules over what the engine observed for each statement of a
 * traced migration (locks, rewrites, failures) and turns their hits into
 * findings, with config and ignore directives applied like static rules.
 */
import type { FailureCause, MigrationTrace, StatementFailure } from "../../engine/types.js";
import type { Finding, Migration } from "../../types.js";
import { TRACE_RULES } from "../index.js";
import { isIgnored } from "../run.js";
import type { RuleSettings } from "../settings.js";

export function traceFindings(
  trace: MigrationTrace,
  causeOf: (error: { message: string; code?: string }) => FailureCause,
  baseFailures: StatementFailure[] = [],
  settings?: RuleSettings,
  /** Migrations replayed before this one whose replay stopped early (Migration.partial). */
  incomplete: Migration[] = [],
): Finding[] {
  const findings: Finding[] = [];
  const context = { trace, baseFailures, causeOf, incomplete };
  for (const statement of trace.statements) {
    const span = statement.statement.span;
    for (const rule of TRACE_RULES) {
      const id = rule.meta.id;
      if (settings && !settings.enabled(id)) continue;
      if (isIgnored(statement.statement, id)) continue;
      for (const hit of rule.check(statement, context)) {
        const fallback = hit.severity ?? rule.meta.severity;
        findings.push({
          rule: id,
          severity: settings ? settings.severity(id, fallback) : fallback,
          path: statement.statement.path,
          line: span.line,
          column: span.column,
          endLine: span.endLine,
          message: hit.message,
          ...(hit.fix ? { fix: hit.fix } : {}),
          lock: hit.lock === undefined ? rule.meta.lock : hit.lock,
          source: "trace",
          migration: trace.migration.id,
          statement: statement.statement.sql,
          statementLine: span.line,
          ...(hit.locks ? { locks: hit.locks } : {}),
          ...(hit.foldedText ? { foldedText: hit.foldedText } : {}),
        });
      }
    }
  }
  return findings;
}
