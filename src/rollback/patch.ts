/**
 * The rollback as a patch `git apply` accepts, in the file the tool's adapter
 * says: a new down file, a filled down section, or an Alembic `downgrade()` body.
 */
import { createTwoFilesPatch } from "diff";
import type { RollbackFile } from "../sources/adapter.js";
import { adapterFor } from "../sources/registry.js";
import type { Migration } from "../types.js";
import type { RollbackStep } from "./types.js";

export type { RollbackFile } from "../sources/adapter.js";

/** Where the rollback goes and what the file looks like with it, in the tool's format. Null when the tool has no place for one. */
export function rollbackFile(
  migration: Migration,
  steps: RollbackStep[],
  read: (path: string) => Promise<string | null>,
): Promise<RollbackFile | null> {
  return adapterFor(migration.convention).rollback.file(migration, steps, read);
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
