import { describe, expect, it } from "vitest";
import { lintRule } from "../helpers/lint.js";

const rule = "detach-partition-non-concurrently";

describe(rule, () => {
  it("fires on DETACH PARTITION without CONCURRENTLY, naming parent and partition", () => {
    const findings = lintRule(rule, "ALTER TABLE events DETACH PARTITION events_2020;");
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: "warning", lock: "AccessExclusiveLock" });
    expect(findings[0]?.message).toContain("`events_2020`");
    expect(findings[0]?.message).toContain("`events`");
    expect(findings[0]?.fix).toContain("CONCURRENTLY");
  });

  it("does not suggest CONCURRENTLY as available before PostgreSQL 14", () => {
    const [finding] = lintRule(rule, "ALTER TABLE events DETACH PARTITION events_2020;", { pgVersion: 13 });
    expect(finding?.fix).toContain("PostgreSQL 14+");
  });

  it("does not fire with CONCURRENTLY or FINALIZE", () => {
    expect(lintRule(rule, "ALTER TABLE events DETACH PARTITION events_2020 CONCURRENTLY;")).toEqual([]);
    expect(lintRule(rule, "ALTER TABLE events DETACH PARTITION events_2020 FINALIZE;")).toEqual([]);
  });

  it("does not fire on a partitioned table created earlier in the migration", () => {
    const sql = [
      "CREATE TABLE logs (id int, at date) PARTITION BY RANGE (at);",
      "CREATE TABLE logs_2026 PARTITION OF logs FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');",
      "ALTER TABLE logs DETACH PARTITION logs_2026;",
    ].join("\n");
    expect(lintRule(rule, sql)).toEqual([]);
  });
});
