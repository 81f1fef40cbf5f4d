/** A failure after a migration whose replay stopped early (Migration.partial) is not verifiable, not an error. */
import { describe, expect, it } from "vitest";
import { traceFindings } from "../../src/engine/trace-run.js";
import type { MigrationTrace } from "../../src/engine/types.js";
import type { Migration } from "../../src/types.js";

function migration(id: string, partial?: Migration["partial"]): Migration {
  return {
    id,
    name: id,
    path: `migrations/versions/${id}.py`,
    tool: "alembic",
    convention: "alembic",
    parents: [],
    order: "",
    transactional: true,
    statements: [],
    down: null,
    problems: [],
    ...(partial ? { partial } : {}),
  };
}

const failing: MigrationTrace = {
  migration: migration("b2"),
  ok: false,
  durationMs: 1,
  statements: [
    {
      index: 0,
      statement: {
        sql: "CREATE INDEX ix ON runs (gate_id)",
        ast: null,
        kind: "IndexStmt",
        path: "migrations/versions/b2.py",
        span: { line: 7, column: 5, endLine: 7, endColumn: 40 },
        ignores: [],
      },
      transaction: "migration",
      locks: [],
      rewrites: [],
      scans: [],
      error: { message: 'column "gate_id" does not exist', code: "42703" },
      durationMs: 1,
    },
  ],
};

describe("traceFindings after a partially analysed migration", () => {
  it("reports a failure as an error when every earlier migration was read whole", () => {
    const [finding] = traceFindings(failing, [], undefined, []);
    expect(finding?.severity).toBe("error");
  });

  it("reports it as not verifiable, naming where the earlier replay stopped", () => {
    const earlier = migration("a1", {
      line: 12,
      reason: "`if not _column_exists(table, column)` depends on a value known only at run time",
    });
    const [finding] = traceFindings(failing, [], undefined, [earlier]);
    expect(finding?.rule).toBe("migration-fails");
    expect(finding?.severity).toBe("info");
    expect(finding?.message).toContain("not verifiable");
    expect(finding?.message).toContain("migrations/versions/a1.py was replayed only up to line 12");
  });
});
