import { describe, expect, it } from "vitest";
import { lintRule } from "../helpers/lint.js";

const RULE = "add-check-validating";

describe(RULE, () => {
  it("fires on ADD CONSTRAINT … CHECK without NOT VALID on an existing table", () => {
    const findings = lintRule(RULE, "ALTER TABLE orders ADD CONSTRAINT positive_total CHECK (total > 0);");
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: "error", line: 1, lock: "AccessExclusiveLock" });
    expect(findings[0]?.message).toContain("`positive_total`");
    expect(findings[0]?.message).toContain("`orders`");
    expect(findings[0]?.fix).toMatch(/NOT VALID.*VALIDATE CONSTRAINT/);
  });

  it("fires on a CHECK declared on a column added to an existing table (PostgreSQL checks every row)", () => {
    const findings = lintRule(RULE, "ALTER TABLE orders ADD COLUMN qty int CHECK (qty >= 0);");
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain("`orders.qty`");
  });

  it("does not fire with NOT VALID or on VALIDATE CONSTRAINT", () => {
    const sql =
      "ALTER TABLE orders ADD CONSTRAINT positive_total CHECK (total > 0) NOT VALID;\nALTER TABLE orders VALIDATE CONSTRAINT positive_total;";
    expect(lintRule(RULE, sql)).toEqual([]);
  });

  it("does not fire on a table created earlier in the migration", () => {
    const sql =
      "CREATE TABLE orders (id int, total int);\nALTER TABLE orders ADD CONSTRAINT positive_total CHECK (total > 0);";
    expect(lintRule(RULE, sql)).toEqual([]);
  });

  it("does not fire on other constraint kinds", () => {
    expect(lintRule(RULE, "ALTER TABLE orders ADD CONSTRAINT u UNIQUE USING INDEX orders_u_idx;")).toEqual([]);
  });
});
