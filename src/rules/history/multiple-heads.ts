import type { Migration } from "../../types.js";
import type { HistoryHit, HistoryRule } from "../types.js";
import { declarationSpan, heads, ordered } from "./graph.js";

/**
 * Two revisions share a `down_revision` (typically after merging two PRs that
 * each added a migration): `alembic upgrade head` refuses to run.
 */
export const multipleHeads: HistoryRule = {
  kind: "history",
  meta: {
    id: "multiple-heads",
    category: "history",
    severity: "error",
    enabledByDefault: true,
    summary: "the revision graph has more than one head",
    lock: null,
  },
  check(input) {
    const tips = heads(input.migrations);
    if (tips.length < 2 || intentionalBranches(input.migrations, tips)) return [];
    const added = tips.filter((tip) => tip.change === "added");
    const reported = input.base && added.length > 0 ? added : tips;
    const list = tips.map((tip) => `\`${tip.id}\` (${tip.path})`).join(", ");
    const ids = tips.map((tip) => tip.id).join(" ");
    return reported.map(
      (tip): HistoryHit => ({
        path: tip.path,
        span: declarationSpan(tip),
        migration: tip.id,
        message: `${tips.length} head revisions: ${list}; \`alembic upgrade head\` fails with "Multiple head revisions are present"${sharedParent(tips, input.migrations)}`,
        fix: `merge them with \`alembic merge -m "merge heads" ${ids}\`, or point this revision's down_revision at the other head`,
      }),
    );
  },
};

/** Heads on separately labelled branches (Alembic `branch_labels`) are meant to stay apart. */
function intentionalBranches(migrations: Migration[], tips: Migration[]): boolean {
  const byId = new Map(ordered(migrations).map((migration) => [migration.id, migration]));
  const labelOf = (tip: Migration): string | undefined => {
    const seen = new Set<string>();
    const stack = [tip];
    while (stack.length > 0) {
      const current = stack.pop() as Migration;
      if (seen.has(current.id)) continue;
      seen.add(current.id);
      if (current.branchLabels?.length) return current.branchLabels[0];
      for (const parent of current.parents) {
        const next = byId.get(parent);
        if (next) stack.push(next);
      }
    }
    return undefined;
  };
  const labels = tips.map(labelOf);
  return labels.every((label) => label !== undefined) && new Set(labels).size === labels.length;
}

function sharedParent(tips: Migration[], migrations: Migration[]): string {
  const counts = new Map<string, number>();
  for (const migration of ordered(migrations))
    for (const parent of migration.parents) counts.set(parent, (counts.get(parent) ?? 0) + 1);
  const forks = [...counts].filter(([, count]) => count > 1).map(([id]) => `\`${id}\``);
  return forks.length > 0 && tips.length > 1 ? ` (the history forks at ${forks.join(", ")})` : "";
}
