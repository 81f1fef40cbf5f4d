/** The rule catalog (rules.md): every rule, by group. */
import { rules as clients } from "./clients/index.js";
import { rules as dataLoss } from "./data-loss/index.js";
import { rules as history } from "./history/index.js";
import { rules as input } from "./input/index.js";
import { rules as locks } from "./locks/index.js";
import { rules as style } from "./style/index.js";
import { rules as trace } from "./trace/index.js";
import { rules as transactions } from "./transactions/index.js";
import type { HistoryRule, Rule, RuleMeta, StatementRule, TraceRule } from "./types.js";

export const ALL_RULES: Rule[] = [
  ...dataLoss,
  ...locks,
  ...clients,
  ...transactions,
  ...style,
  ...history,
  ...trace,
  ...input,
];

export const STATEMENT_RULES = ALL_RULES.filter((r): r is StatementRule => r.kind === "statement");
export const HISTORY_RULES = ALL_RULES.filter((r): r is HistoryRule => r.kind === "history");
export const TRACE_RULES = ALL_RULES.filter((r): r is TraceRule => r.kind === "trace");

const BY_ID = new Map<string, RuleMeta>(ALL_RULES.map((r) => [r.meta.id, r.meta]));

export function ruleMeta(id: string): RuleMeta | undefined {
  return BY_ID.get(id);
}

export function ruleIds(): string[] {
  return [...BY_ID.keys()];
}

/** Relative link to a rule's page, from the repository root. */
export function ruleDocsPath(id: string): string {
  return `docs/rules/${id}.md`;
}
