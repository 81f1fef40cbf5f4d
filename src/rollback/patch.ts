/**
 * The rollback as a patch `git apply` accepts: a new down file, a filled
 * dbmate `-- migrate:down` section, or an Alembic `downgrade()` body.
 */
import { createTwoFilesPatch } from "diff";
import type { Migration } from "../types.js";
import { fillAlembicDowngrade, renderAlembicDowngrade } from "./render/alembic.js";
import { downFilePath, fillDbmateDown, renderSqlDownFile } from "./render/sql.js";
import type { RollbackStep } from "./types.js";

export interface RollbackFile {
  path: string;
  /** Current content, or null when the file does not exist yet. */
  before: string | null;
  after: string;
}

/** Where the rollback goes and what the file looks like with it. Null when the tool has no place for one. */
export async function rollbackFile(
  migration: Migration,
  steps: RollbackStep[],
  read: (path: string) => Promise<string | null>,
): Promise<RollbackFile | null> {
  if (migration.tool === "alembic") {
    const current = await read(migration.path);
    if (current === null) return null;
    const after = fillAlembicDowngrade(current, renderAlembicDowngrade(steps));
    return after === null ? null : { path: migration.path, before: current, after };
  }
  if (migration.convention === "dbmate") {
    const current = await read(migration.path);
    if (current === null) return null;
    return { path: migration.path, before: current, after: fillDbmateDown(current, steps) };
  }
  const target = downFilePath(migration);
  if (!target) return null;
  return { path: target, before: await read(target), after: renderSqlDownFile(migration, steps) };
}

/** A git-style unified diff of one file change; empty when nothing changes. */
export function unifiedPatch(file: RollbackFile): string {
  if (file.before === file.after) return "";
  const created = file.before === null;
  const body = createTwoFilesPatch(
    created ? "/dev/null" : `a/${file.path}`,
    `b/${file.path}`,
    file.before ?? "",
    file.after,
    undefined,
    undefined,
    { context: 3 },
  );
  // createTwoFilesPatch starts with an `Index:`/`===` banner; git wants its own header instead.
  const hunks = body.slice(body.indexOf("--- "));
  const header = created
    ? `diff --git a/${file.path} b/${file.path}\nnew file mode 100644\n`
    : `diff --git a/${file.path} b/${file.path}\n`;
  return header + hunks.replace(/\t\n/g, "\n");
}
