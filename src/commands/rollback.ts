/**
 * `db-migrate rollback [migration…]`: the rollback of each migration in its
 * tool's own format, proven by round trip on the embedded PostgreSQL, as a
 * patch `git apply` accepts (`--write` applies it to the working tree).
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { analyze, exitCodeFor } from "../pipeline.js";
import { renderJson } from "../report/json.js";
import { renderRollbackReply } from "../report/markdown.js";
import { renderText } from "../report/text.js";
import type { RollbackFile } from "../rollback/patch.js";
import type { AnalysisResult, RollbackResult } from "../types.js";
import { VERSION } from "../version.js";
import type { CommandDefinition, CommandOutput } from "./types.js";

const VERIFICATION_TEXT: Record<RollbackResult["verification"], string> = {
  verified: "verified by round trip (schema identical)",
  "verified-schema-needs-data-check": "verified-schema, NEEDS DATA CHECK: rows the migration allows make it fail",
  "not-verifiable": "NOT VERIFIABLE: part of the migration was not analysed",
  mismatch: "MISMATCH: the schema after the rollback differs from before",
  fails: "FAILS when applied after the migration",
  "not-run": "not verified",
};

/** The `rollbacks` key of `--format json` (design.md contract). */
export function rollbacksJson(rollbacks: RollbackResult[]): Array<Record<string, unknown>> {
  return rollbacks.map((r) => ({
    migration: r.path,
    origin: r.origin,
    verification: r.verification,
    irreversible: r.irreversible.map(({ line, reason }) => ({ line, reason })),
    statements: r.statements,
    diff: r.diff,
    differences: r.differences ?? [],
    error: r.error ?? null,
    dataChecks: r.dataChecks ?? [],
    unanalyzed: r.unanalyzed ?? [],
  }));
}

function renderRollbackText(result: AnalysisResult, rollbacks: RollbackResult[], color: boolean): string {
  const lines: string[] = [];
  for (const r of rollbacks) {
    lines.push(
      `${r.path} — ${r.origin === "author" ? "the author's rollback" : "generated rollback"}: ${VERIFICATION_TEXT[r.verification]}`,
    );
    for (const difference of r.differences ?? []) lines.push(`    ${difference}`);
    if (r.error) lines.push(`    ${r.error}`);
    for (const check of r.dataChecks ?? []) {
      lines.push(`  data check: ${check.reason}`, `    run first (0 means the rollback fits): ${check.query};`);
      lines.push(
        check.error
          ? `    proven: with such a row the rollback fails: ${check.error}`
          : "    no row could be seeded to prove it",
      );
    }
    for (const op of r.unanalyzed ?? []) lines.push(`  not analysed: ${op.path}:${op.line}: ${op.message}`);
    for (const part of r.irreversible) lines.push(`  irreversible (line ${part.line}): ${part.reason}`);
    if (r.origin === "generated") {
      if (r.statements.length === 0) lines.push("  nothing to undo");
      for (const statement of r.statements) lines.push(`  ${statement.replace(/\n/g, "\n  ")};`);
    }
    if (r.diff) lines.push("", r.diff.trimEnd());
    lines.push("");
  }
  return `${lines.join("\n")}\n${renderText(result, { color })}`;
}

async function applyWrites(root: string, files: RollbackFile[]): Promise<NonNullable<CommandOutput["writes"]>> {
  const writes: NonNullable<CommandOutput["writes"]> = [];
  for (const file of files) {
    const target = path.join(root, file.path);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, file.after);
    writes.push({ path: file.path, content: file.after });
  }
  return writes;
}

export const rollbackCommand: CommandDefinition = {
  name: "rollback",
  summary: "the rollback of each migration in its tool's format, verified by round trip, as a patch",
  usage:
    "db-migrate rollback [migration…] [--base <ref>] [--verify|--no-verify] [--write] [--format text|json|patch|markdown]",
  options: {
    verify: { type: "boolean" },
    "no-verify": { type: "boolean" },
    write: { type: "boolean" },
  },
  formats: ["text", "json", "patch", "markdown"],
  async run(positionals, flags, options) {
    const analysis = await analyze(positionals, {
      ...options,
      rollbacks: true,
      verify: flags["no-verify"] !== true,
    });
    const { result } = analysis;
    const rollbacks = result.rollbacks ?? [];
    const exitCode = exitCodeFor(result, options.failOn ?? analysis.config.failOn);
    // The bot's `--commit` pushes these through the API; the CLI writes them only with --write.
    const writes =
      flags.write === true
        ? await applyWrites(analysis.root, analysis.rollbackFiles)
        : analysis.rollbackFiles.map((file) => ({ path: file.path, content: file.after }));
    const extra = { writes };
    const patch = rollbacks
      .filter((r) => r.origin === "generated" && r.diff)
      .map((r) => r.diff)
      .join("");
    switch (options.format) {
      case "json":
        return { exitCode, body: renderJson(result, { rollbacks: rollbacksJson(rollbacks) }), data: result, ...extra };
      case "patch":
        return { exitCode, body: patch, data: result, ...extra };
      case "markdown":
        return {
          exitCode,
          // The patch and its verdict; the findings are validate's report.
          body: renderRollbackReply(result, {
            version: VERSION,
            ...(options.docsBaseUrl ? { docsBaseUrl: options.docsBaseUrl } : {}),
          }),
          data: result,
          ...extra,
        };
      default:
        return { exitCode, body: renderRollbackText(result, rollbacks, options.color), data: result, ...extra };
    }
  },
};
