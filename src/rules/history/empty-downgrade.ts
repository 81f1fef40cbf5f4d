import type { Convention } from "../../types.js";
import type { HistoryHit, HistoryRule } from "../types.js";
import { FILE_START, inScope, ordered } from "./graph.js";

/** Conventions whose tool expects a rollback for every migration, and what it is called there. */
const DOWN_NAMES: Partial<Record<Convention, string>> = {
  alembic: "downgrade()",
  "golang-migrate": ".down.sql file",
  diesel: "down.sql",
  dbmate: "`-- migrate:down` section",
  sqitch: "revert/ script",
};

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
    // Elsewhere (Prisma down.sql, Flyway undo, goose sections) a down script is optional, but an empty one is still empty.
    const expected = DOWN_NAMES[input.project.convention];
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
