/** Test helper: the static findings for a SQL snippet, as the CLI would report them. */
import { analyzeStatements } from "../../src/rules/run.js";
import { resolveRuleSettings } from "../../src/rules/settings.js";
import { loadParser, parseSql } from "../../src/sql/parse.js";
import type { Finding } from "../../src/types.js";

await loadParser();

export interface LintOptions {
  pgVersion?: number;
  /** The tool wraps the migration in a transaction (Alembic, Prisma). */
  transactional?: boolean;
  /** Enable these (e.g. opt-in style rules); others keep their defaults. */
  enable?: string[];
  /** Tables that already exist before the migration don't need declaring: everything not created in the snippet is "existing". */
  path?: string;
  /** The migration's convention (`prisma`, `alembic` …), for fixes in its tool's terms. */
  convention?: string;
}

export function lint(sql: string, options: LintOptions = {}): Finding[] {
  const path = options.path ?? "migration.sql";
  const { statements, problems } = parseSql(sql, path);
  if (problems.length > 0) throw new Error(`test SQL does not parse: ${problems.map((p) => p.message).join("; ")}`);
  const settings = resolveRuleSettings(Object.fromEntries((options.enable ?? []).map((id) => [id, true])));
  return analyzeStatements(statements, {
    pgVersion: options.pgVersion ?? 16,
    settings,
    toolTransaction: options.transactional ?? false,
    ...(options.convention ? { convention: options.convention } : {}),
  });
}

/** Findings of one rule only. */
export function lintRule(rule: string, sql: string, options: LintOptions = {}): Finding[] {
  return lint(sql, { ...options, enable: [...(options.enable ?? []), rule] }).filter((f) => f.rule === rule);
}
