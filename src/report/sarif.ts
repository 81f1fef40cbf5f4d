import { createHash } from "node:crypto";
/** SARIF 2.1.0 for GitHub code scanning: one run, rules from the catalog, results at the author's lines. */
import { ruleDocsPath, ruleMeta } from "../rules/index.js";
import type { AnalysisResult, Severity } from "../types.js";

const LEVEL: Record<Severity, "error" | "warning" | "note"> = { error: "error", warning: "warning", info: "note" };
const INFORMATION_URI = "https://github.com/db-migrate/db-migrate";

export function renderSarif(result: AnalysisResult, version: string): string {
  const ruleIds = [...new Set(result.findings.map((f) => f.rule))].sort();
  const rules = ruleIds.map((id) => {
    const meta = ruleMeta(id);
    return {
      id,
      name: id,
      shortDescription: { text: meta?.summary ?? id },
      helpUri: `${INFORMATION_URI}/blob/main/${ruleDocsPath(id)}`,
      defaultConfiguration: { level: LEVEL[meta?.severity ?? "warning"] },
      properties: { category: meta?.category ?? "input", ...(meta?.lock ? { lock: meta.lock } : {}) },
    };
  });
  const results = result.findings.map((f) => ({
    ruleId: f.rule,
    ruleIndex: ruleIds.indexOf(f.rule),
    level: LEVEL[f.severity],
    message: { text: f.fix ? `${f.message}. Fix: ${f.fix}` : f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: f.path, uriBaseId: "%SRCROOT%" },
          region: { startLine: f.line, startColumn: f.column, endLine: Math.max(f.line, f.endLine) },
        },
      },
    ],
    // The message too: one statement can get the same rule twice (two foreign keys of one CREATE TABLE).
    partialFingerprints: { "dbMigrate/v1": fingerprint(`${f.rule}|${f.path}|${f.statement ?? ""}|${f.message}`) },
    properties: { source: f.source, ...(f.lock ? { lock: f.lock } : {}) },
  }));
  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: "db-migrate", version, informationUri: INFORMATION_URI, rules } },
        results,
        columnKind: "utf16CodeUnits",
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/** Stable across line moves, so code scanning tracks the same alert. */
function fingerprint(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 16);
}
