/** Terminal output: grouped by file, the statement shown with each finding; colours only on a TTY. */
import { createColors } from "picocolors";
import { ruleDocsPath } from "../rules/index.js";
import type { AnalysisResult, Finding, Severity } from "../types.js";
import { appliedSummary, formatTableSize } from "./live-database.js";

export interface TextOptions {
  color: boolean;
}

export function renderText(result: AnalysisResult, options: TextOptions): string {
  const c = createColors(options.color);
  const mark: Record<Severity, string> = { error: c.red("error"), warning: c.yellow("warning"), info: c.blue("info") };
  const lines: string[] = [];
  for (const notice of result.notices) {
    const where = notice.path ? `${notice.path}: ` : "";
    lines.push(`${c.dim(notice.level)} ${where}${notice.message}`);
  }
  if (result.notices.length > 0) lines.push("");
  if (result.drift) {
    lines.push(c.bold("drift (live database compared with its applied migrations)"));
    for (const folder of result.drift) {
      lines.push(`  ${appliedSummary(folder)}`);
      if (folder.drift.length === 0) lines.push("    no drift");
      for (const difference of folder.drift) lines.push(`    ${c.yellow(difference.describe)}`);
    }
    const sized = Object.entries(result.tableSizes ?? {});
    if (sized.length > 0)
      lines.push(`  locked tables: ${sized.map(([table, size]) => `${table} (${formatTableSize(size)})`).join(", ")}`);
    lines.push("");
  }

  const byFile = new Map<string, Finding[]>();
  for (const finding of result.findings) byFile.set(finding.path, [...(byFile.get(finding.path) ?? []), finding]);
  for (const [file, findings] of byFile) {
    lines.push(c.bold(c.underline(file)));
    for (const f of findings) {
      const lock = f.lock ? c.dim(` [${f.lock}]`) : "";
      const source = f.source === "trace" ? c.dim(" (observed)") : "";
      lines.push(`  ${c.dim(`${f.line}:${f.column}`)}  ${mark[f.severity]}  ${c.bold(f.rule)}${lock}${source}`);
      if (f.statement) lines.push(`      ${c.cyan(excerpt(f.statement))}`);
      lines.push(`      ${f.message}`);
      if (f.fix) lines.push(`      ${c.green("fix:")} ${f.fix}`);
      lines.push(`      ${c.dim(ruleDocsPath(f.rule))}`);
    }
    lines.push("");
  }

  const { errors, warnings, infos } = result.summary;
  const migrations = result.migrations.length;
  const statements = result.migrations.reduce((n, m) => n + m.statements, 0);
  const counts = `${plural(errors, "error")}, ${plural(warnings, "warning")}, ${plural(infos, "info")}`;
  const scope = `${plural(migrations, "migration")}, ${plural(statements, "statement")}`;
  const verdict = errors > 0 ? c.red(c.bold("✖")) : warnings > 0 ? c.yellow(c.bold("!")) : c.green(c.bold("✔"));
  lines.push(`${verdict} ${counts} in ${scope}`);
  return `${lines.join("\n")}\n`;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function excerpt(sql: string): string {
  const flat = sql.replace(/\s+/g, " ").trim();
  return flat.length > 160 ? `${flat.slice(0, 157)}...` : flat;
}
