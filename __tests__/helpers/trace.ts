/** Test helper: engine facts (a traced migration) built by hand, for the trace rules and the gate. */
import type { MigrationTrace, ObservedLock, StatementTrace } from "../../src/engine/types.js";
import { loadParser, parseSql } from "../../src/sql/parse.js";
import type { Migration } from "../../src/types.js";

await loadParser();

export type StatementFacts = Partial<Omit<StatementTrace, "statement" | "index" | "locks">> & {
  locks?: Array<Partial<ObservedLock> & Pick<ObservedLock, "relation" | "mode">>;
};

/** A migration of `sql` and its trace, statement i carrying facts[i]. */
export function tracedMigration(
  sql: string,
  facts: StatementFacts[],
  options: { path?: string; stopped?: MigrationTrace["stopped"] } = {},
): { migration: Migration; trace: MigrationTrace } {
  const path = options.path ?? "migrations/002.sql";
  const { statements } = parseSql(sql, path);
  const migration: Migration = {
    id: "002",
    name: "002",
    path,
    tool: "sql",
    convention: "plain",
    parents: ["001"],
    order: "002",
    transactional: true,
    statements,
    down: null,
    problems: [],
  };
  const traced: StatementTrace[] = statements.map((statement, index) => {
    const given = facts[index] ?? {};
    return {
      index,
      statement,
      transaction: given.transaction ?? "migration",
      locks: (given.locks ?? []).map((l) => ({
        kind: "table",
        existedBefore: true,
        acquired: true,
        observed: true,
        ...l,
      })),
      rewrites: given.rewrites ?? [],
      scans: given.scans ?? [],
      durationMs: 1,
      ...(given.heldFor !== undefined ? { heldFor: given.heldFor } : {}),
      ...(given.error ? { error: given.error } : {}),
    };
  });
  const trace: MigrationTrace = { migration, statements: traced, ok: true, durationMs: 1 };
  if (options.stopped) trace.stopped = options.stopped;
  return { migration, trace };
}
