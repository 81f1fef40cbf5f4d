import { describe, expect, it } from "vitest";
import { causeOf } from "../../src/engine/engine.js";
import { traceFindings } from "../../src/rules/trace/run.js";
import { tracedMigration } from "../helpers/trace.js";

const rule = "migration-fails";

describe(rule, () => {
  it("fires with PostgreSQL's message when the SQL is rejected on the replayed schema", () => {
    const { trace } = tracedMigration("ALTER TABLE missing ADD COLUMN x int;", [
      { error: { message: 'relation "missing" does not exist', code: "42P01" } },
    ]);
    const findings = traceFindings(trace, causeOf).filter((f) => f.rule === rule);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: "error", line: 1 });
    expect(findings[0]?.message).toContain('relation "missing" does not exist');
  });

  it("says not verifiable (info) for a limit of the embedded PostgreSQL, and names a real config key for the budget", () => {
    const { trace } = tracedMigration(
      "CREATE EXTENSION timescaledb;\nUPDATE big SET x = 1;",
      [{ error: { message: 'extension "timescaledb" is not available' } }, { error: { message: "canceled: budget" } }],
      { stopped: "time" },
    );
    const findings = traceFindings(trace, causeOf).filter((f) => f.rule === rule);
    expect(findings.map((f) => f.severity)).toEqual(["info", "error"]);
    expect(findings[1]?.fix).toContain("`trace.budget-seconds`");
  });

  it("stays quiet when every statement ran", () => {
    const { trace } = tracedMigration("SELECT 1;", [{}]);
    expect(traceFindings(trace, causeOf)).toEqual([]);
  });
});
