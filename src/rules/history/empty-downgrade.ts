import { adapterFor } from "../../sources/registry.js";
import type { HistoryHit, HistoryRule } from "../types.js";
import { FILE_START, inScope, ordered } from "./graph.js";

/** An Alembic `downgrade()` that is `pass`, or a SQL up file with no (or an empty) down where the convention has one. */
export const emptyDowngrade: HistoryRule = {
  kind: "history",
  meta: {
    id: "empty-downgrade",
    category: "history",
    severity: "warning",
    enabledByDefault: true,
    summary: "downgrade()/down script is missing or empty",
    lock: null,
  },
  check(input) {
    // Where the tool does not expect one (Prisma down.sql, Flyway undo, goose sections) a down script is optional, but an empty one is still empty.
    const rollback = adapterFor(input.project.convention).rollback;
    const expected = rollback.expected ? rollback.name : undefined;
    const scope = new Set(inScope(input));
    const hits: HistoryHit[] = [];
    for (const migration of ordered(input.migrations)) {
      if (!scope.has(migration) || migration.statements.length === 0) continue;
      if (migration.down && !migration.down.empty) continue;
      if (!expected && !migration.down) continue;
      const missing = migration.down === null;
      hits.push({
        path: missing ? migration.path : (migration.down?.path ?? migration.path),
        span: missing ? FILE_START : (migration.down?.span ?? FILE_START),
        migration: migration.id,
        message: missing
          ? `\`${migration.id}\` has no ${expected}: it cannot be rolled back`
          : `the ${expected ?? "down script"} of \`${migration.id}\` is empty: rolling back records it as undone while the schema keeps its changes`,
        fix: "write the inverse statements (`db-migrate rollback` generates and verifies them), or state in a comment why it is irreversible",
      });
    }
    return hits;
  },
};
