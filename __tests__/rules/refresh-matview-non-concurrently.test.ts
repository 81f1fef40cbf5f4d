import { describe, expect, it } from "vitest";
import { lintRule } from "../helpers/lint.js";

const rule = "refresh-matview-non-concurrently";

describe(rule, () => {
  it("fires on REFRESH MATERIALIZED VIEW of an existing view", () => {
    const findings = lintRule(rule, "REFRESH MATERIALIZED VIEW sales_summary;");
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: "error", lock: "AccessExclusiveLock" });
    expect(findings[0]?.message).toContain("`sales_summary`");
    expect(findings[0]?.fix).toContain("CONCURRENTLY");
  });

  it("does not fire with CONCURRENTLY or WITH NO DATA", () => {
    expect(lintRule(rule, "REFRESH MATERIALIZED VIEW CONCURRENTLY sales_summary;")).toEqual([]);
    expect(lintRule(rule, "REFRESH MATERIALIZED VIEW sales_summary WITH NO DATA;")).toEqual([]);
  });

  it("does not fire on a materialized view created earlier in the migration", () => {
    const sql = "CREATE MATERIALIZED VIEW mv AS SELECT 1 AS one WITH NO DATA;\nREFRESH MATERIALIZED VIEW mv;";
    expect(lintRule(rule, sql)).toEqual([]);
  });
});
