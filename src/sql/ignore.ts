import type { IgnoreDirective } from "../types.js";

/** `db-migrate:ignore <rule-id>[,<rule-id>…] <reason>` inside a SQL or Python comment. */
const DIRECTIVE = /db-migrate:ignore\s+([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)\s*(.*)$/;

export function parseIgnoreDirectives(comment: string, line: number): IgnoreDirective[] {
  const directives: IgnoreDirective[] = [];
  comment.split("\n").forEach((text, i) => {
    const match = DIRECTIVE.exec(text.replace(/\*\/\s*$/, ""));
    if (!match) return;
    const reason = (match[2] ?? "").trim();
    for (const rule of (match[1] as string).split(",")) directives.push({ rule: rule.trim(), reason, line: line + i });
  });
  return directives;
}
