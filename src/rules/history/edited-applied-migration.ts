import { adapterFor } from "../../sources/registry.js";
import type { Migration } from "../../types.js";
import type { HistoryHit, HistoryRule } from "../types.js";
import { FILE_START } from "./graph.js";

/**
 * The PR changes or deletes a migration that exists on the base branch:
 * databases that ran it will not run the edit. Prisma and Flyway also refuse
 * to go on (checksum mismatch); the others diverge silently.
 */
export const editedAppliedMigration: HistoryRule = {
  kind: "history",
  meta: {
    id: "edited-applied-migration",
    category: "history",
    severity: "error",
    enabledByDefault: true,
    summary: "PR edits or deletes a migration that already exists on the base branch",
    lock: null,
  },
  check(input) {
    if (!input.base) return [];
    const baseByPath = new Map(input.base.map((migration) => [migration.path, migration]));
    const hits: HistoryHit[] = [];
    for (const migration of input.migrations) {
      if (migration.change !== "modified" || migration.repeatable || migration.unrecognized) continue;
      const before = baseByPath.get(migration.path) ?? input.base.find((m) => m.id === migration.id);
      if (!before || !upChanged(migration, before)) continue;
      hits.push({
        path: migration.path,
        span: firstDifference(migration, before),
        migration: migration.id,
        message: `\`${migration.id}\` already exists on the base branch and this PR changes it: ${consequence(migration)}`,
        fix: "leave applied migrations as they are and add a new migration with the change",
      });
    }
    for (const path of input.deleted) {
      const gone = input.base.find((migration) => migration.path === path);
      if (gone?.repeatable || gone?.unrecognized) continue;
      hits.push({
        path,
        span: FILE_START,
        ...(gone ? { migration: gone.id } : {}),
        message: `the PR deletes ${path}, a migration that exists on the base branch: databases that ran it keep its changes, new ones never get them`,
        fix: "restore the file; undo its effect with a new migration instead",
      });
    }
    return hits;
  },
};

/** Tools that checksum the whole file (Prisma, Flyway, sqlx) see any edit; elsewhere only the statements that run matter. */
function upChanged(head: Migration, base: Migration): boolean {
  if (adapterFor(head.convention).naming.edited.wholeFile && head.checksum && base.checksum)
    return head.checksum !== base.checksum;
  const text = (migration: Migration) =>
    migration.statements.map((statement) => statement.sql.replace(/\s+/g, " ")).join(";");
  return text(head) !== text(base);
}

function consequence(migration: Migration): string {
  return adapterFor(migration.convention).naming.edited.consequence;
}

/** The first statement whose text differs, else line 1. */
function firstDifference(head: Migration, base: Migration) {
  const index = head.statements.findIndex((statement, i) => statement.sql !== base.statements[i]?.sql);
  return index === -1 ? FILE_START : (head.statements[index]?.span ?? FILE_START);
}
