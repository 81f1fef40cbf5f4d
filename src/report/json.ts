/**
 * `--format json`: one document on stdout, the contract in design.md. Commands
 * other than validate add their own top-level keys beside the validate ones.
 */
import type { AnalysisResult } from "../types.js";

export function renderJson(result: AnalysisResult, extra: Record<string, unknown> = {}): string {
  const document = {
    version: result.version,
    migrations: result.migrations.map(({ path, id, tool, statements }) => ({ path, id, tool, statements })),
    findings: result.findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      path: f.path,
      line: f.line,
      column: f.column,
      endLine: f.endLine,
      message: f.message,
      fix: f.fix ?? null,
      lock: f.lock,
      source: f.source,
      // `migration`: about the whole file (no lock_timeout before its locks), not one statement.
      scope: f.scope ?? "statement",
      // What the gate folded in (rules/gate.ts): the replay's confirmation, a held lock, by rule id.
      merged: f.merged ?? [],
      evidence: f.evidence ?? [],
    })),
    summary: result.summary,
    notices: result.notices,
    // The PostgreSQL the engine replayed on (absent for a static run).
    ...(result.engine ? { engine: result.engine } : {}),
    // With a database URL: the live schema against the applied migrations, and the locked tables' sizes.
    ...(result.drift ? { drift: result.drift, tableSizes: result.tableSizes ?? {} } : {}),
    ...extra,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
