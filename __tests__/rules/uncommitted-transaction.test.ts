import { describe, expect, it } from "vitest";
import { lintRule } from "../helpers/lint.js";

const rule = "uncommitted-transaction";

describe("uncommitted-transaction", () => {
  it("fires at a BEGIN that nothing ends", () => {
    const findings = lintRule(rule, "SELECT 1;\nBEGIN;\nALTER TABLE t ADD COLUMN a int;");
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: "error", line: 2, lock: null });
    expect(findings[0]?.message).toContain("BEGIN");
  });

  it("fires at the second transaction when only the first is committed", () => {
    const findings = lintRule(rule, "BEGIN;\nSELECT 1;\nCOMMIT;\nSTART TRANSACTION;\nSELECT 2;");
    expect(findings.map((f) => f.line)).toEqual([4]);
  });

  it("treats COMMIT AND CHAIN as still open", () => {
    expect(lintRule(rule, "BEGIN;\nSELECT 1;\nCOMMIT AND CHAIN;\nSELECT 2;")).toHaveLength(1);
  });

  it.each(["COMMIT", "END", "ROLLBACK", "ABORT", "PREPARE TRANSACTION 'x'"])("does not fire when %s ends it", (end) => {
    expect(lintRule(rule, `BEGIN;\nSELECT 1;\n${end};`)).toEqual([]);
  });

  it("reports only the BEGIN that opened the transaction, not a nested one", () => {
    expect(lintRule(rule, "BEGIN;\nBEGIN;\nSELECT 1;\nCOMMIT;")).toEqual([]);
    expect(lintRule(rule, "BEGIN;\nSELECT 1;\nBEGIN;\nSELECT 2;").map((f) => f.line)).toEqual([1]);
  });

  it("fires when only ROLLBACK TO SAVEPOINT follows: the transaction stays open", () => {
    expect(lintRule(rule, "BEGIN;\nSAVEPOINT s;\nROLLBACK TO SAVEPOINT s;")).toHaveLength(1);
  });

  it("is a warning when the tool wraps the migration (the tool's COMMIT may end it)", () => {
    const findings = lintRule(rule, "BEGIN;\nSELECT 1;", { transactional: true });
    expect(findings).toHaveLength(1);
    expect(findings[0]?.severity).toBe("warning");
    expect(findings[0]?.message).toContain("tool's own COMMIT");
  });
});
