import { ALL_RULES } from "./index.js";
import { EUGENE_HINTS, SQUAWK_RULES } from "./peers.js";
import type { RuleCategory } from "./types.js";

const CATEGORY_TITLES: Record<RuleCategory, string> = {
  "data-loss": "Data loss and destructive changes",
  locks: "Locks, scans and rewrites",
  clients: "Breaking running clients (expand/contract)",
  transactions: "Transactions",
  style: "Style and robustness (info, opt-in)",
  history: "Migration files, ordering and history",
  trace: "Observed on the embedded PostgreSQL",
  input: "Input db-migrate could not analyse",
};

/** docs/rules/README.md: the catalog and the mapping from other tools' names. */
export function renderRulesIndex(): string {
  const lines = [
    "# Rules",
    "",
    "Generated from the rule registry by `npx tsx scripts/gen-rules-index.ts`; do not edit by hand.",
    "",
    "Severity: **error** fails, loses data, or blocks reads/writes of an existing table for a scan or rewrite; **warning** is risky or breaks running clients; **info** is style and robustness (off unless enabled). Change any of them in `.db-migrate.yml`; silence one statement with `-- db-migrate:ignore <rule-id> <reason>`.",
  ];
  for (const [category, title] of Object.entries(CATEGORY_TITLES)) {
    const rules = ALL_RULES.filter((r) => r.meta.category === category);
    if (rules.length === 0) continue;
    lines.push("", `## ${title}`, "", "| rule | severity | lock | detects |", "| --- | --- | --- | --- |");
    for (const { meta } of rules) {
      const severity = meta.enabledByDefault ? meta.severity : `${meta.severity} (opt-in)`;
      lines.push(`| [${meta.id}](${meta.id}.md) | ${severity} | ${meta.lock ?? "—"} | ${meta.summary} |`);
    }
  }
  lines.push("", "## From squawk", "", "| squawk rule | db-migrate rule |", "| --- | --- |");
  for (const [theirs, ours] of Object.entries(SQUAWK_RULES)) lines.push(`| \`${theirs}\` | [${ours}](${ours}.md) |`);
  lines.push("", "## From Eugene", "", "| Eugene hint | db-migrate rule |", "| --- | --- |");
  for (const [code, { name, ours }] of Object.entries(EUGENE_HINTS)) {
    lines.push(`| ${code} ${name} | [${ours}](${ours}.md) |`);
  }
  return `${lines.join("\n")}\n`;
}
