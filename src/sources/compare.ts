/** What a PR does to a project's migrations, against the base ref's copy of them. */
import type { Migration, Project } from "../types.js";
import type { FileSource } from "../workspace/types.js";

/**
 * Marks each head migration `added`, `modified` or `unchanged` (matched by
 * path, then by id for a renamed file) and returns the base migrations the PR deleted.
 */
export function compareWithBase(head: Migration[], base: Migration[]): { deleted: Migration[] } {
  const baseByPath = new Map(base.map((migration) => [migration.path, migration]));
  const matched = new Map<Migration, Migration>();
  const taken = new Set<Migration>();
  for (const migration of head) {
    const before = baseByPath.get(migration.path);
    if (before) {
      matched.set(migration, before);
      taken.add(before);
    }
  }
  // A renamed file keeps its id (a version, a revision): match the rest by id.
  for (const migration of head) {
    if (matched.has(migration) || migration.unrecognized) continue;
    const before = base.find(
      (candidate) => !taken.has(candidate) && !candidate.unrecognized && candidate.id === migration.id,
    );
    if (before) {
      matched.set(migration, before);
      taken.add(before);
    }
  }
  for (const migration of head) {
    const before = matched.get(migration);
    migration.change = !before ? "added" : sameContent(migration, before) ? "unchanged" : "modified";
  }
  const deleted = base
    .filter((migration) => !taken.has(migration))
    .map((migration) => ({ ...migration, change: "deleted" as const }));
  return { deleted };
}

function sameContent(head: Migration, base: Migration): boolean {
  if (head.path !== base.path) return false;
  if (head.checksum && base.checksum) return head.checksum === base.checksum && sameDown(head, base);
  return head.statements.map((s) => s.sql).join("\n") === base.statements.map((s) => s.sql).join("\n");
}

/** An edited down script changes nothing that ran, but it is still a change to the migration. */
function sameDown(head: Migration, base: Migration): boolean {
  const text = (migration: Migration) => migration.down?.statements.map((s) => s.sql).join("\n") ?? null;
  return text(head) === text(base);
}

/**
 * The project's definition files (schema.prisma or a schema folder, alembic.ini,
 * env.py, sqitch.plan …) whose text differs between base and head.
 */
export async function projectFileChanges(
  project: Project,
  head: FileSource,
  base: FileSource,
): Promise<Array<{ path: string; before: string | null; after: string | null }>> {
  const paths = new Set(project.files);
  if (project.schemaPath) {
    paths.add(project.schemaPath);
    for (const source of [head, base]) {
      for (const file of await source.list(project.schemaPath)) if (file.endsWith(".prisma")) paths.add(file);
    }
  }
  const changes: Array<{ path: string; before: string | null; after: string | null }> = [];
  for (const path of [...paths].sort()) {
    const [after, before] = await Promise.all([head.read(path), base.read(path)]);
    if (after === null && before === null) continue;
    if (after && before && after.equals(before)) continue;
    changes.push({ path, before: before?.toString("utf8") ?? null, after: after?.toString("utf8") ?? null });
  }
  return changes;
}
