import type { HistoryHit, HistoryRule } from "../types.js";
import { cycles, declarationSpan, isGraphTool, ordered, roots } from "./graph.js";

/** A `down_revision` (or `depends_on`) naming a revision that does not exist, a cycle, or a second base revision. */
export const brokenRevisionChain: HistoryRule = {
  kind: "history",
  meta: {
    id: "broken-revision-chain",
    category: "history",
    severity: "error",
    enabledByDefault: true,
    summary: "down_revision names an unknown revision, or the revisions form a cycle",
    lock: null,
  },
  check(input) {
    if (!isGraphTool(input)) return [];
    const graph = ordered(input.migrations);
    const known = new Set(graph.map((migration) => migration.id));
    const labels = new Set(graph.flatMap((migration) => migration.branchLabels ?? []));
    const hits: HistoryHit[] = [];
    for (const migration of graph) {
      for (const parent of migration.parents.filter((id) => !known.has(id) && !prefixMatch(id, known))) {
        hits.push({
          path: migration.path,
          span: declarationSpan(migration),
          migration: migration.id,
          message: `down_revision \`${parent}\` of \`${migration.id}\` names no revision in ${input.project.folder}; Alembic stops with "Can't locate revision"`,
          fix: "set down_revision to the id of the revision this one follows (`alembic heads` shows the current head)",
        });
      }
      for (const dependency of (migration.dependsOn ?? []).filter(
        (id) => !known.has(id) && !labels.has(id) && !prefixMatch(id, known),
      )) {
        hits.push({
          path: migration.path,
          span: declarationSpan(migration),
          migration: migration.id,
          message: `depends_on \`${dependency}\` of \`${migration.id}\` names no revision or branch label`,
          fix: "point depends_on at an existing revision id or branch label",
        });
      }
    }
    const byId = new Map(graph.map((migration) => [migration.id, migration]));
    for (const cycle of cycles(input.migrations)) {
      const first = byId.get(cycle[0] as string);
      if (!first) continue;
      hits.push({
        path: first.path,
        span: declarationSpan(first),
        migration: first.id,
        message: `revisions form a cycle: ${[...cycle, cycle[0]].map((id) => `\`${id}\``).join(" → ")}; Alembic cannot order them`,
        fix: "make one of them point at the revision it really follows, so the chain leads back to a single base",
      });
    }
    const bases = roots(input.migrations);
    if (bases.length > 1 && labels.size === 0) {
      for (const base of bases.slice(1)) {
        hits.push({
          path: base.path,
          span: declarationSpan(base),
          migration: base.id,
          severity: "warning",
          message: `\`${base.id}\` has no down_revision, a second base beside \`${bases[0]?.id}\`: it starts a separate history`,
          fix: "set down_revision to the revision it follows, or give the branch a branch_label if a separate base is intended",
        });
      }
    }
    return hits;
  },
};

/** Alembic accepts an unambiguous prefix of a revision id. */
function prefixMatch(id: string, known: Set<string>): boolean {
  if (id.length < 4) return false;
  return [...known].filter((candidate) => candidate.startsWith(id)).length === 1;
}
