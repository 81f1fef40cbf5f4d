import path from "node:path/posix";
import { adapterFor } from "../../sources/registry.js";
import type { Migration } from "../../types.js";
import type { HistoryHit, HistoryRule } from "../types.js";
import { FILE_START, inScope, ordered } from "./graph.js";

/**
 * A file name that breaks the tool's convention: the tool skips the file
 * (Flyway `V2_x.sql`, golang-migrate `x.sql`), a Prisma folder that is not
 * `<timestamp>_<name>`, or a version in a different style from the rest of
 * the folder (a timestamp among sequence numbers sorts after every future one).
 */
export const namingConvention: HistoryRule = {
  kind: "history",
  meta: {
    id: "naming-convention",
    category: "history",
    severity: "warning",
    enabledByDefault: true,
    summary: "migration file name breaks the tool's naming convention",
    lock: null,
  },
  check(input) {
    const scope = new Set(inScope(input));
    const hits: HistoryHit[] = [];
    for (const migration of input.migrations) {
      if (!scope.has(migration) || !migration.unrecognized) continue;
      hits.push({
        path: migration.path,
        span: FILE_START,
        migration: migration.id,
        severity: "error",
        message: `${path.basename(migration.path)} will not run: ${migration.unrecognized}`,
        fix: `rename it to the folder's convention, e.g. ${example(input.migrations, migration)}`,
      });
    }
    const recognised = ordered(input.migrations);
    const naming = adapterFor(input.project.convention).naming;
    for (const migration of recognised) {
      const problem = scope.has(migration) ? naming.check?.(migration) : null;
      if (problem) hits.push({ path: migration.path, span: FILE_START, migration: migration.id, ...problem });
    }
    if (naming.numericVersions) hits.push(...versionStyle(recognised, scope));
    return hits;
  },
};

/** The digits-only versions of a folder are sequence numbers (000001) or timestamps; a new one should be the same kind. */
function versionStyle(migrations: Migration[], scope: Set<Migration>): HistoryHit[] {
  const widths = new Map<number, number>();
  for (const migration of migrations) {
    if (scope.has(migration) || !/^\d+$/.test(migration.id)) continue;
    widths.set(migration.id.length, (widths.get(migration.id.length) ?? 0) + 1);
  }
  const [usual, count] = [...widths].sort((a, b) => b[1] - a[1])[0] ?? [0, 0];
  if (count < 3) return [];
  // Only sequence numbers against timestamps matter: two timestamp formats (diesel's newer `-0000` suffix) still sort by date.
  const isTimestamp = (width: number) => width >= 12;
  return migrations
    .filter(
      (migration) =>
        scope.has(migration) && /^\d+$/.test(migration.id) && isTimestamp(migration.id.length) !== isTimestamp(usual),
    )
    .map((migration) => ({
      path: migration.path,
      span: FILE_START,
      migration: migration.id,
      message: `version \`${migration.id}\` has ${migration.id.length} digits where the other migrations here have ${usual}: ${
        migration.id.length > usual
          ? "it sorts after every later migration numbered the usual way"
          : "it sorts before the existing ones"
      }`,
      fix: `use a ${usual}-digit version like the rest of the folder`,
    }));
}

function example(migrations: Migration[], stray: Migration): string {
  const name =
    path
      .basename(stray.path)
      .replace(/\.sql$/i, "")
      .replace(/^[^A-Za-z]+/, "") || "change";
  return adapterFor(stray.convention).naming.example(name, ordered(migrations).at(-1));
}
