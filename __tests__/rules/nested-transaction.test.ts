import { describe, expect, it } from "vitest";
import { lintRule } from "../helpers/lint.js";

const rule = "nested-transaction";

describe("nested-transaction", () => {
  it("fires at BEGIN in a migration the tool wraps in a transaction, once per BEGIN/COMMIT pair", () => {
    const findings = lintRule(rule, "SELECT 1;\nBEGIN;\nALTER TABLE t ADD COLUMN a int;\nCOMMIT;", {
      transactional: true,
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: "warning", line: 2, lock: null });
    expect(findings[0]?.message).toContain("already runs in a transaction");
  });

  it("fires at a COMMIT with no BEGIN of its own inside the tool's transaction", () => {
    const findings = lintRule(rule, "ALTER TYPE mood ADD VALUE 'meh';\nCOMMIT;\nSELECT 1;", { transactional: true });
    expect(findings).toHaveLength(1);
    expect(findings[0]?.line).toBe(2);
    expect(findings[0]?.message).toContain("COMMIT commits");
  });

  it("fires at a BEGIN inside an open explicit BEGIN, naming the outer one", () => {
    const findings = lintRule(rule, "BEGIN;\nSELECT 1;\nBEGIN;\nCOMMIT;");
    expect(findings).toHaveLength(1);
    expect(findings[0]?.line).toBe(3);
    expect(findings[0]?.message).toContain("line 1");
  });

  it("does not fire on BEGIN/COMMIT in a migration the tool does not wrap", () => {
    expect(lintRule(rule, "BEGIN;\nSELECT 1;\nCOMMIT;\nBEGIN;\nSELECT 2;\nCOMMIT;")).toEqual([]);
  });

  it("does not fire on savepoints inside the tool's transaction", () => {
    const sql = "SAVEPOINT s;\nSELECT 1;\nROLLBACK TO SAVEPOINT s;\nRELEASE SAVEPOINT s;";
    expect(lintRule(rule, sql, { transactional: true })).toEqual([]);
  });

  it("reports only the COMMIT that ended the tool's transaction, not the transactions after it", () => {
    const sql = "ALTER TYPE mood ADD VALUE 'meh';\nCOMMIT;\nBEGIN;\nUPDATE t SET m = 'meh' WHERE id = 1;\nCOMMIT;";
    expect(lintRule(rule, sql, { transactional: true }).map((f) => f.line)).toEqual([2]);
  });
});
