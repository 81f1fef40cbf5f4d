import { adapterFor } from "../../sources/registry.js";
import type { HistoryHit, HistoryRule } from "../types.js";
import { FILE_START, isGraphTool, ordered } from "./graph.js";

/** A migration the PR adds whose version sorts before the newest one on the base branch. */
export const outOfOrder: HistoryRule = {
  kind: "history",
  meta: {
    id: "out-of-order",
    category: "history",
    severity: "warning",
    enabledByDefault: true,
    summary: "new migration sorts before the newest migration on the base branch",
    lock: null,
  },
  check(input) {
    if (!input.base || isGraphTool(input)) return [];
    const baseOrdered = ordered(input.base);
    const newest = baseOrdered.reduce<(typeof baseOrdered)[number] | undefined>(
      (best, migration) => (!best || migration.order > best.order ? migration : best),
      undefined,
    );
    if (!newest) return [];
    // What the tool does with a migration older than the newest one a database already ran.
    const consequence = adapterFor(input.project.convention).naming.outOfOrder;
    const hits: HistoryHit[] = [];
    for (const migration of ordered(input.migrations)) {
      if (migration.change !== "added" || migration.order >= newest.order) continue;
      hits.push({
        path: migration.path,
        span: FILE_START,
        migration: migration.id,
        severity: consequence.severity,
        message: `\`${migration.id}\` sorts before \`${newest.id}\`, the newest migration on the base branch; ${consequence.what}`,
        fix: "rename it with a version after the newest one on the base branch (regenerate its timestamp)",
      });
    }
    return hits;
  },
};
