import path from "node:path/posix";
import type { Migration } from "../../types.js";
import type { HistoryHit, HistoryRule } from "../types.js";
import { FILE_START, inScope, ordered } from "./graph.js";

const PRISMA_FOLDER = /^\d{14}_[A-Za-z0-9_-]+$/;

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
    if (input.project.tool === "prisma") {
      for (const migration of recognised) {
        const folder = path.basename(path.dirname(migration.path));
        if (!scope.has(migration) || PRISMA_FOLDER.test(folder)) continue;
        hits.push({
          path: migration.path,
          span: FILE_START,
          migration: migration.id,
          message: `Prisma migration folder \`${folder}\` is not \`<YYYYMMDDHHMMSS>_<name>\`: Prisma orders folders by name, so it runs at an unexpected place`,
          fix: "create migrations with `prisma migrate dev --create-only --name <name>`",
        });
      }
    }
    if (input.project.tool === "sql" && input.project.convention !== "sqitch")
      hits.push(...versionStyle(recognised, scope));
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
  const model = ordered(migrations).at(-1);
  const name =
    path
      .basename(stray.path)
      .replace(/\.sql$/i, "")
      .replace(/^[^A-Za-z]+/, "") || "change";
  switch (stray.convention) {
    case "flyway":
      return `V<next version>__${name}.sql`;
    case "golang-migrate":
      return `<next version>_${name}.up.sql and .down.sql`;
    case "diesel":
      return `<YYYY-MM-DD-HHMMSS>_${name}/up.sql and down.sql`;
    case "dbmate":
      return `<YYYYMMDDHHMMSS>_${name}.sql`;
    default:
      return model ? `${path.basename(model.path).replace(/^\d+/, "<next number>")}` : `<number>_${name}.sql`;
  }
}
