/**
 * The order `alembic upgrade heads` applies revisions in, reproduced from
 * Alembic's RevisionMap: revisions keyed in file order (each version folder's
 * files sorted by name, sub-folders after them), the heads in that order, and
 * `_topological_sort` walking down from the heads (a branch is left while
 * another head still needs the revision), then reversed. Dependencies
 * (`depends_on`) count as down revisions, minus those an ancestor already
 * depends on. A graph Alembic would refuse (a cycle) keeps parents-first
 * order by file name, so the replay still runs.
 */
import type { Migration } from "../../types.js";

/** Alembic's `_list_py_dir` walk: a folder's files by name, then its sub-folders by name. */
export function compareFileOrder(a: string, b: string): number {
  const left = a.split("/");
  const right = b.split("/");
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const x = left[i] as string;
    const y = right[i] as string;
    const xIsFile = i === left.length - 1;
    const yIsFile = i === right.length - 1;
    if (xIsFile !== yIsFile) return xIsFile ? -1 : 1;
    if (x !== y) return x < y ? -1 : 1;
  }
  return left.length - right.length;
}

export function alembicUpgradeOrder(migrations: Migration[]): Migration[] {
  const inFileOrder = [...migrations].sort((a, b) => compareFileOrder(a.path, b.path));
  const byId = new Map<string, Migration>();
  for (const migration of inFileOrder) if (!byId.has(migration.id)) byId.set(migration.id, migration);
  const revisions = [...byId.values()];
  const labels = new Map<string, Migration>();
  for (const migration of revisions) for (const label of migration.branchLabels ?? []) labels.set(label, migration);
  const resolve = (id: string): Migration | undefined => {
    const exact = byId.get(id) ?? labels.get(id);
    if (exact || id.length < 4) return exact;
    const matches = [...byId.keys()].filter((known) => known.startsWith(id));
    return matches.length === 1 ? byId.get(matches[0] as string) : undefined;
  };
  const known = (list: string[], self: Migration) =>
    [...new Set(list.map(resolve))].filter((m): m is Migration => m !== undefined && m !== self);
  const versionedDown = new Map(revisions.map((m) => [m, known(m.parents, m)]));
  const dependencies = new Map(revisions.map((m) => [m, known(m.dependsOn ?? [], m)]));

  const walk = (start: Migration[], next: (m: Migration) => Migration[]): Set<Migration> => {
    const seen = new Set<Migration>();
    const stack = [...start];
    while (stack.length > 0) {
      const node = stack.pop() as Migration;
      if (seen.has(node)) continue;
      seen.add(node);
      stack.push(...next(node));
    }
    return seen;
  };
  // _normalize_depends_on: a dependency an ancestor (by down_revision) already has is dropped.
  const normalizedDown = new Map<Migration, Migration[]>();
  for (const migration of revisions) {
    const deps = new Set(dependencies.get(migration));
    if (deps.size > 0) {
      for (const ancestor of walk([migration], (m) => versionedDown.get(m) ?? [])) {
        if (ancestor !== migration) for (const dep of dependencies.get(ancestor) ?? []) deps.delete(dep);
      }
    }
    normalizedDown.set(migration, [...new Set([...(versionedDown.get(migration) ?? []), ...deps])]);
  }
  const down = (m: Migration) => normalizedDown.get(m) ?? [];
  if (hasCycle(revisions, down)) return parentsFirst(inFileOrder, down);

  const referenced = new Set(revisions.flatMap((m) => versionedDown.get(m) ?? []));
  const currentHeads = revisions.filter((m) => !referenced.has(m));
  const ancestors = currentHeads.map((head) => walk([head], down));
  const todo = new Set(revisions);
  const output: Migration[] = [];
  let candidateIndex = 0;
  while (currentHeads.length > 0) {
    const candidate = currentHeads[candidateIndex] as Migration;
    const dependent = ancestors.findIndex((set, index) => index !== candidateIndex && set.has(candidate));
    if (dependent !== -1) {
      // Another head still needs this revision: walk that branch first.
      candidateIndex = dependent;
      continue;
    }
    if (todo.delete(candidate)) output.push(candidate);
    const headsToAdd = down(candidate).filter((m) => todo.has(m) && !currentHeads.includes(m));
    if (headsToAdd.length === 0) {
      currentHeads.splice(candidateIndex, 1);
      ancestors.splice(candidateIndex, 1);
      candidateIndex = Math.max(candidateIndex - 1, 0);
    } else {
      currentHeads[candidateIndex] = headsToAdd[0] as Migration;
      currentHeads.push(...headsToAdd.slice(1));
      ancestors[candidateIndex] = walk([headsToAdd[0] as Migration], down);
      ancestors.push(...headsToAdd.slice(1).map((head) => walk([head], down)));
    }
  }
  const ordered = output.reverse();
  const placed = new Set(ordered);
  return [...ordered, ...inFileOrder.filter((m) => !placed.has(m))];
}

function hasCycle(revisions: Migration[], down: (m: Migration) => Migration[]): boolean {
  const state = new Map<Migration, "active" | "done">();
  const visit = (start: Migration): boolean => {
    const stack: Array<{ node: Migration; next: number }> = [{ node: start, next: 0 }];
    state.set(start, "active");
    while (stack.length > 0) {
      const frame = stack.at(-1) as { node: Migration; next: number };
      const children = down(frame.node);
      if (frame.next >= children.length) {
        state.set(frame.node, "done");
        stack.pop();
        continue;
      }
      const child = children[frame.next++] as Migration;
      const seen = state.get(child);
      if (seen === "active") return true;
      if (seen === undefined) {
        state.set(child, "active");
        stack.push({ node: child, next: 0 });
      }
    }
    return false;
  };
  return revisions.some((m) => !state.has(m) && visit(m));
}

/** Fallback for a graph with a cycle: the first revision by file order whose parents are placed. */
function parentsFirst(inFileOrder: Migration[], down: (m: Migration) => Migration[]): Migration[] {
  const ordered: Migration[] = [];
  const placed = new Set<Migration>();
  let next: Migration | undefined;
  do {
    next = inFileOrder.find((m) => !placed.has(m) && down(m).every((p) => placed.has(p)));
    if (next) {
      ordered.push(next);
      placed.add(next);
    }
  } while (next);
  return [...ordered, ...inFileOrder.filter((m) => !placed.has(m))];
}
