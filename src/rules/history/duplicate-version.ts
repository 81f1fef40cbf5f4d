import { adapterFor } from "../../sources/registry.js";
import type { Migration } from "../../types.js";
import type { HistoryHit, HistoryRule } from "../types.js";
import { FILE_START, ordered } from "./graph.js";

/** Two migrations with the same version (or Alembic revision id). */
export const duplicateVersion: HistoryRule = {
  kind: "history",
  meta: {
    id: "duplicate-version",
    category: "history",
    severity: "error",
    enabledByDefault: true,
    summary: "two migrations share a version",
    lock: null,
  },
  check(input) {
    const groups = new Map<string, Migration[]>();
    for (const migration of ordered(input.migrations)) {
      const key = versionKey(migration);
      groups.set(key, [...(groups.get(key) ?? []), migration]);
    }
    const hits: HistoryHit[] = [];
    for (const group of groups.values()) {
      if (group.length < 2) continue;
      const reported = input.base
        ? group.filter((m) => m.change === "added" || m.change === "modified")
        : group.slice(1);
      for (const migration of reported.length > 0 ? reported : group.slice(1)) {
        const others = group.filter((other) => other !== migration).map((other) => other.path);
        hits.push({
          path: migration.path,
          span: migration.parentsSpan ?? FILE_START,
          migration: migration.id,
          message: `version \`${migration.id}\` is also used by ${others.join(", ")}; the tool refuses to run (or runs only one of them)`,
          fix: "give this migration the next free version (a new timestamp)",
        });
      }
    }
    return hits;
  },
};

/** Versions as the tool compares them (`1` = `001`, Flyway `1.0` = `1`). */
function versionKey(migration: Migration): string {
  return adapterFor(migration.convention).naming.versionKey(migration);
}
