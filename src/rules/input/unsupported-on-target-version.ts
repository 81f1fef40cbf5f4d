import { featuresNewerThan } from "../data/version-features.js";
import type { StatementRule } from "../types.js";

/**
 * Syntax the target PostgreSQL major (`--pg-version`, `pg-version:`) does not
 * have yet. The replay runs on PostgreSQL 18 and accepts it, so without this
 * rule a PG 18 construct would pass a PR for a PG 16 database and fail on deploy.
 */
export const unsupportedOnTargetVersion: StatementRule = {
  kind: "statement",
  meta: {
    id: "unsupported-on-target-version",
    category: "input",
    severity: "error",
    enabledByDefault: true,
    summary: "syntax newer than the target PostgreSQL version (`--pg-version`): the server rejects it",
    lock: null,
  },
  check(statement, context) {
    return featuresNewerThan(statement.ast, context.pgVersion).map((feature) => ({
      message: `${feature.what} needs PostgreSQL ${feature.since}; the target is PostgreSQL ${context.pgVersion}, where this statement fails`,
      fix: `on PostgreSQL ${context.pgVersion} use ${feature.instead}; or, if the database already runs ${feature.since}+, set \`pg-version: ${feature.since}\` (or higher) in .db-migrate.yml`,
    }));
  },
};
