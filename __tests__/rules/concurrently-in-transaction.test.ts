import { describe, expect, it } from "vitest";
import { lintRule } from "../helpers/lint.js";

const rule = "concurrently-in-transaction";

describe("concurrently-in-transaction", () => {
  it.each([
    ["CREATE INDEX CONCURRENTLY users_email_idx ON users (email);", "CREATE INDEX CONCURRENTLY"],
    ["DROP INDEX CONCURRENTLY users_email_idx;", "DROP INDEX CONCURRENTLY"],
    ["REINDEX INDEX CONCURRENTLY users_email_idx;", "REINDEX CONCURRENTLY"],
    ["ALTER TABLE events DETACH PARTITION events_2020 CONCURRENTLY;", "DETACH PARTITION CONCURRENTLY"],
    ["VACUUM ANALYZE users;", "VACUUM"],
    ["CREATE DATABASE reports;", "CREATE DATABASE"],
  ])("fires on %s in a migration the tool wraps in a transaction", (sql, command) => {
    const findings = lintRule(rule, `SELECT 1;\n${sql}`, { transactional: true });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: "error", line: 2, lock: null });
    expect(findings[0]?.message).toContain(command);
    expect(findings[0]?.message).toContain("migration tool");
  });

  it("fires inside an explicit BEGIN and names its line", () => {
    const findings = lintRule(rule, "BEGIN;\nCREATE INDEX CONCURRENTLY i ON t (a);\nCOMMIT;");
    expect(findings).toHaveLength(1);
    expect(findings[0]?.line).toBe(2);
    expect(findings[0]?.message).toContain("BEGIN at line 1");
  });

  it("does not fire outside a transaction", () => {
    const sql =
      "CREATE INDEX CONCURRENTLY i ON t (a);\nBEGIN;\nSELECT 1;\nCOMMIT;\nDROP INDEX CONCURRENTLY i;\nVACUUM t;";
    expect(lintRule(rule, sql)).toEqual([]);
  });

  it("does not fire on statements that may run in a transaction", () => {
    const sql = [
      "CREATE INDEX i ON t (a);",
      "REFRESH MATERIALIZED VIEW CONCURRENTLY mv;",
      "ANALYZE t;",
      "REINDEX TABLE t;",
      "ALTER TABLE events DETACH PARTITION events_2020;",
      "ALTER TYPE mood ADD VALUE 'meh';",
    ].join("\n");
    expect(lintRule(rule, sql, { transactional: true })).toEqual([]);
  });

  it("reports ALTER TYPE … ADD VALUE in a transaction before PostgreSQL 12, unless the type is new in it", () => {
    expect(lintRule(rule, "ALTER TYPE mood ADD VALUE 'meh';", { transactional: true, pgVersion: 11 })).toHaveLength(1);
    const newType = "CREATE TYPE mood AS ENUM ('ok');\nALTER TYPE mood ADD VALUE 'meh';";
    expect(lintRule(rule, newType, { transactional: true, pgVersion: 11 })).toEqual([]);
  });
});
