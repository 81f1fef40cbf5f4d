import { describe, expect, it } from "vitest";
import { lintRule } from "../helpers/lint.js";

const RULE = "reindex-non-concurrently";

describe(RULE, () => {
  it("fires on REINDEX INDEX / TABLE / SCHEMA / DATABASE without CONCURRENTLY", () => {
    const findings = lintRule(
      RULE,
      "REINDEX INDEX users_email_idx;\nREINDEX TABLE users;\nREINDEX SCHEMA audit;\nREINDEX DATABASE app;",
    );
    expect(findings.map((f) => f.line)).toEqual([1, 2, 3, 4]);
    expect(findings[0]).toMatchObject({ severity: "error", lock: "AccessExclusiveLock" });
    expect(findings[0]?.message).toContain("`users_email_idx`");
    expect(findings[1]?.message).toContain("`users`");
    expect(findings[2]?.message).toContain("`audit`");
    expect(findings[1]?.fix).toContain("CONCURRENTLY");
  });

  it("does not fire on REINDEX … CONCURRENTLY (both syntaxes)", () => {
    expect(lintRule(RULE, "REINDEX TABLE CONCURRENTLY users;\nREINDEX (CONCURRENTLY) INDEX users_email_idx;")).toEqual(
      [],
    );
  });

  it("does not fire on tables or indexes created earlier in the migration", () => {
    const sql = "CREATE TABLE t (id int);\nCREATE INDEX t_idx ON t (id);\nREINDEX TABLE t;\nREINDEX INDEX t_idx;";
    expect(lintRule(RULE, sql)).toEqual([]);
  });

  it("before PostgreSQL 12 still fires, with a rebuild-and-swap fix", () => {
    const findings = lintRule(RULE, "REINDEX INDEX users_email_idx;", { pgVersion: 11 });
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain("no REINDEX CONCURRENTLY");
    expect(findings[0]?.fix).toMatch(/CREATE INDEX CONCURRENTLY.*DROP INDEX CONCURRENTLY/);
  });

  it("REINDEX SYSTEM cannot be concurrent: the fix says so", () => {
    const findings = lintRule(RULE, "REINDEX SYSTEM;");
    expect(findings).toHaveLength(1);
    expect(findings[0]?.fix).toContain("maintenance window");
  });
});
