import { describe, expect, it } from "vitest";
import { lintRule } from "../helpers/lint.js";

const rule = "table-rewrite-command";

describe(rule, () => {
  it.each([
    ["VACUUM FULL orders;", "VACUUM FULL"],
    ["VACUUM (FULL, ANALYZE) orders;", "VACUUM FULL"],
    ["CLUSTER orders USING orders_pkey;", "CLUSTER"],
    ["ALTER TABLE orders SET TABLESPACE fast_ssd;", "SET TABLESPACE"],
    ["ALTER TABLE orders SET LOGGED;", "SET LOGGED"],
    ["ALTER TABLE orders SET UNLOGGED;", "SET UNLOGGED"],
  ])("fires on %s", (sql, form) => {
    const findings = lintRule(rule, sql);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: "error", lock: "AccessExclusiveLock" });
    expect(findings[0]?.message).toContain(form);
    expect(findings[0]?.message).toContain("orders");
    expect(findings[0]?.fix).toBeTruthy();
  });

  it("fires on VACUUM FULL of the whole database", () => {
    expect(lintRule(rule, "VACUUM FULL;")).toHaveLength(1);
  });

  it("does not fire on plain VACUUM, ANALYZE or VACUUM (FULL false)", () => {
    expect(lintRule(rule, "VACUUM orders;\nANALYZE orders;\nVACUUM (FULL false) orders;")).toEqual([]);
  });

  it("does not fire on a table created earlier in the migration", () => {
    const sql = "CREATE TABLE staging (id int);\nALTER TABLE staging SET LOGGED;\nCLUSTER staging USING staging_pkey;";
    expect(lintRule(rule, sql)).toEqual([]);
  });
});
