import { describe, expect, it } from "vitest";
import { lintRule } from "../helpers/lint.js";

describe("unbounded-dml", () => {
  it("fires on UPDATE without WHERE on an existing table", () => {
    const findings = lintRule("unbounded-dml", "SELECT 1;\nUPDATE users SET active = true;");
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: "error", line: 2, lock: "RowExclusiveLock" });
    expect(findings[0]?.message).toContain("UPDATE");
    expect(findings[0]?.message).toContain("`users`");
  });

  it("fires on DELETE without WHERE, and on WHERE true / 1 = 1", () => {
    expect(lintRule("unbounded-dml", "DELETE FROM sessions;")[0]?.message).toContain("DELETE");
    expect(lintRule("unbounded-dml", "DELETE FROM sessions WHERE true;")).toHaveLength(1);
    expect(lintRule("unbounded-dml", "UPDATE users SET a = 1 WHERE 1 = 1;")).toHaveLength(1);
  });

  it("finds a DELETE inside a CTE", () => {
    const findings = lintRule(
      "unbounded-dml",
      "WITH gone AS (DELETE FROM audit RETURNING *) SELECT count(*) FROM gone;",
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain("`audit`");
  });

  it("mentions the transaction when the migration runs in one", () => {
    const findings = lintRule("unbounded-dml", "UPDATE users SET a = 1;", { transactional: true });
    expect(findings[0]?.message).toContain("transaction");
  });

  it("does not fire with a WHERE", () => {
    expect(lintRule("unbounded-dml", "UPDATE users SET a = 1 WHERE a IS NULL;\nDELETE FROM s WHERE id < 10;")).toEqual(
      [],
    );
  });

  it("does not fire on a table created earlier in the same migration", () => {
    const sql =
      "CREATE TABLE staging (id int, a int);\nINSERT INTO staging SELECT id, 0 FROM users;\nUPDATE staging SET a = 1;\nDELETE FROM staging;";
    expect(lintRule("unbounded-dml", sql)).toEqual([]);
  });
});
