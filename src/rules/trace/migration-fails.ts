import type { FailureCause, StatementFailure } from "../../engine/types.js";
import type { TraceRule } from "../types.js";

/** Why the embedded PostgreSQL could not run a statement, in words, by the engine's classification. */
export const FAILURE_CAUSES: Record<FailureCause, string> = {
  "missing-extension": "the embedded PostgreSQL does not ship this extension",
  "server-file": "it reads or writes a file on the database server",
  budget: "it ran past the engine's budget",
  environment: "it needs a database, tablespace or server setting the embedded PostgreSQL does not have",
  "runtime-values": "its bind parameters are filled in by the migration's code at run time",
  sql: "PostgreSQL rejected it on the replayed schema",
};

/**
 * A statement of the PR errors when replayed on top of the history, with
 * PostgreSQL's own message. Limits of the embedded PostgreSQL (a missing
 * extension, a server file) are `info`: they say "not verifiable", not "broken".
 */
export const migrationFails: TraceRule = {
  kind: "trace",
  meta: {
    id: "migration-fails",
    category: "trace",
    severity: "error",
    enabledByDefault: true,
    summary: "a statement errors when replayed on the embedded PostgreSQL, with PostgreSQL's own message",
    lock: null,
  },
  check(statement, context) {
    const error = statement.error;
    if (!error) return [];
    const stopped = context.trace.stopped !== undefined && statement.index === context.trace.statements.at(-1)?.index;
    const cause = stopped ? "budget" : context.causeOf(error);
    if (cause !== "sql" && cause !== "budget") {
      return [
        {
          message: `could not be run on the embedded PostgreSQL (${FAILURE_CAUSES[cause]}): ${error.message}; the statements after it were traced without it`,
          lock: null,
          severity: "info",
        },
      ];
    }
    const partial = context.incomplete.at(-1);
    if (partial?.partial && !stopped) {
      // The replayed schema is known to be incomplete: a verdict here would not be a promise.
      return [
        {
          message: `not verifiable: fails on the embedded PostgreSQL (${error.message}), but ${partial.path} was replayed only up to line ${partial.partial.line} (${partial.partial.reason}), so the schema it ran on may lack what that migration creates`,
          fix: "check this statement against a database migrated by the tool itself",
          lock: null,
          severity: "info",
        },
      ];
    }
    const related = relatedBaseFailure(error.message, context.baseFailures);
    return [
      {
        message: `fails on the embedded PostgreSQL after replaying the history: ${error.message}${
          related
            ? ` (this may follow from ${related.path}:${related.span.line}, which could not be replayed: ${related.message})`
            : ""
        }`,
        fix: stopped
          ? "make the statement finish within the budget (batch the work), or raise it: `trace.budget-seconds` in .db-migrate.yml, --budget-seconds on the command line"
          : "fix the statement so it applies on the schema the history builds",
        lock: null,
      },
    ];
  },
};

/** A base statement that failed and created something the later error names. */
function relatedBaseFailure(message: string, failures: StatementFailure[]): StatementFailure | undefined {
  const names = [...message.matchAll(/"([^"]+)"/g)].map((m) => (m[1] as string).toLowerCase());
  return failures.find((f) => names.some((name) => f.sql.toLowerCase().includes(name)));
}
